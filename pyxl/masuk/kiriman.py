"""Intake: every file that arrived for step 6, wherever it came from, with its provenance.

Sources: files dropped in `masuk/` (Office lock files `~$*` and hidden files are skipped),
e-mails saved there as `.eml` or Outlook `.msg` (their spreadsheet attachments are taken, with
the sender and the date), and an optional IMAP mailbox. Nothing here judges a file: every
spreadsheet-like attachment is taken so that validation can reject it with a clear message
instead of it silently vanishing.
"""

from __future__ import annotations

import email
import email.policy
import io
import re
import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import parseaddr, parsedate_to_datetime
from pathlib import Path

from defusedxml.ElementTree import fromstring

EKSTENSI_LEMBAR = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".csv", ".xltx", ".xltm")
"""Attachments taken from e-mails: anything a Bagian might send as its return."""

BATAS_PESAN = 50 * 1024 * 1024
"""An e-mail file larger than this is not parsed (it is recorded and rejected as a file)."""

PANJANG_NAMA = 200
"""Characters of a received file's name kept (file systems allow 255 bytes; an e-mail header
allows any length)."""
_TAK_TERCATAT = re.compile("[\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
"""Characters a workbook cannot hold (XML 1.0) or gives back changed (CR, tab)."""


def nama_tercatat(nama: str) -> str:
    """A received file's name as the ledger holds it and gives it back unchanged, so a file
    already recorded is recognised on the next run: control characters become "_", spaces
    around it go (a cell is read back stripped), at most PANJANG_NAMA characters (the
    extension kept), never empty."""
    bersih = _TAK_TERCATAT.sub("_", nama).strip()
    if len(bersih) > PANJANG_NAMA:
        akhiran = Path(bersih).suffix[:10]
        bersih = bersih[: PANJANG_NAMA - len(akhiran) - 1].rstrip() + "…" + akhiran
    return bersih or "tanpa_nama"


@dataclass(frozen=True)
class Kiriman:
    """One received file: its name, its bytes and where it came from."""

    nama: str
    """The file name as found in `masuk/`, or the attachment's file name (see
    `nama_tercatat`)."""
    data: bytes
    waktu: datetime
    """When it was received: the e-mail's date, else the file's modification time."""
    sumber: str
    """The file in `masuk/` it came from (itself, or the .eml/.msg that carried it)."""
    pengirim: str = ""
    """The sender's address, for attachments."""
    perihal: str = ""
    disimpan: datetime | None = None
    """When the Bagian saved it, which decides between two accepted returns: for an
    attachment the e-mail's date (given by the caller), for a file the time its spreadsheet
    program wrote into it (`dcterms:modified`), else its modification time."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "nama", nama_tercatat(self.nama))
        if self.disimpan is None:
            object.__setattr__(self, "disimpan", waktu_simpan(self.data) or self.waktu)

    @property
    def urutan(self) -> tuple[datetime, datetime]:
        """Which of two returns is the later: saved time first, receipt time on a tie (a
        saved time has whole seconds only)."""
        return self.disimpan or self.waktu, self.waktu


BATAS_CORE = 64 * 1024
"""A document-properties part larger than this is not read (a real one is under 2 KB)."""

_DCTERMS = "{http://purl.org/dc/terms/}"


def waktu_simpan(data: bytes) -> datetime | None:
    """The saved time an Office Open XML file carries (`docProps/core.xml`,
    `dcterms:modified`, UTC) as local time; None when absent or unreadable. Never raises: a
    broken or hostile file is judged by the return rules, not here."""
    if not data.startswith(b"PK"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z, z.open("docProps/core.xml") as f:
            isi = f.read(BATAS_CORE + 1)  # the declared size may lie
        if len(isi) > BATAS_CORE:
            return None
        teks = (fromstring(isi).findtext(f"{_DCTERMS}modified") or "").strip()
        w = datetime.fromisoformat(teks.replace("Z", "+00:00"))
    except Exception:  # any reader failure on a foreign file (zip, zlib, XML, date)
        return None
    return _waktu_lokal(w if w.tzinfo else w.replace(tzinfo=UTC))


def dilewati(path: Path) -> bool:
    """Office lock files and hidden files are never returns."""
    return path.name.startswith(("~$", ".")) or not path.is_file()


def kumpulkan(folder: Path) -> list[Kiriman]:
    """Every received file in `folder` (recursively), oldest first."""
    hasil: list[Kiriman] = []
    for path in sorted(folder.rglob("*")):
        if dilewati(path) or any(p.startswith(".") for p in path.relative_to(folder).parts):
            continue
        sumber = path.relative_to(folder).as_posix()
        data = path.read_bytes()
        waktu = datetime.fromtimestamp(path.stat().st_mtime)
        akhiran = path.suffix.lower()
        if akhiran in (".eml", ".msg") and len(data) <= BATAS_PESAN:
            lampiran = list(dari_eml(data) if akhiran == ".eml" else dari_msg(data))
            if lampiran:
                hasil += [
                    Kiriman(n, d, w or waktu, sumber, p, s, disimpan=w)
                    for n, d, w, p, s in lampiran
                ]
                continue
        hasil.append(Kiriman(path.name, data, waktu, sumber))
    hasil.sort(key=lambda k: (k.waktu, k.sumber, k.nama))
    return hasil


Lampiran = tuple[str, bytes, datetime | None, str, str]
"""(file name, bytes, date, sender address, subject) of one attachment."""


def _waktu_lokal(w: datetime | None) -> datetime | None:
    """An aware e-mail date as local naive time, as Excel shows times."""
    if w is None or w.tzinfo is None:
        return w
    return w.astimezone().replace(tzinfo=None)


def dari_eml(data: bytes) -> Iterator[Lampiran]:
    """Spreadsheet attachments of an RFC 5322 message (.eml)."""
    pesan = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(pesan, EmailMessage):
        return
    try:
        waktu = _waktu_lokal(parsedate_to_datetime(str(pesan["Date"]))) if pesan["Date"] else None
    except (TypeError, ValueError):
        waktu = None
    pengirim = parseaddr(str(pesan.get("From", "")))[1]
    perihal = str(pesan.get("Subject", ""))
    for bagian in pesan.iter_attachments():
        nama = Path(bagian.get_filename() or "").name
        if nama.lower().endswith(EKSTENSI_LEMBAR):
            isi = bagian.get_payload(decode=True)
            if isinstance(isi, bytes):
                yield nama, isi, waktu, pengirim, perihal


def dari_msg(data: bytes) -> Iterator[Lampiran]:
    """Spreadsheet attachments of an Outlook .msg ([MS-OXMSG]: a compound file)."""
    from pyxl.berkas.cfb import read_cfb

    try:
        aliran = read_cfb(data)
    except (ValueError, struct.error, IndexError, KeyError):
        return

    def teks(nama: str) -> str:
        raw = aliran.get(nama)
        return raw.decode("utf-16-le", "replace").rstrip("\x00") if raw else ""

    pengirim = teks("__substg1.0_0C1F001F") or teks("__substg1.0_5D01001F")
    perihal = teks("__substg1.0_0037001F")
    waktu = _waktu_msg(aliran.get("__properties_version1.0", b""))
    awalan = sorted({n.split("/")[0] for n in aliran if n.startswith("__attach_version1.0_#")})
    for a in awalan:
        nama = Path(teks(f"{a}/__substg1.0_3707001F") or teks(f"{a}/__substg1.0_3704001F")).name
        isi = aliran.get(f"{a}/__substg1.0_37010102")
        if isi is not None and nama.lower().endswith(EKSTENSI_LEMBAR):
            yield nama, isi, waktu, pengirim, perihal


def _waktu_msg(props: bytes) -> datetime | None:
    """PR_CLIENT_SUBMIT_TIME (0x0039, a FILETIME) from the top-level property stream."""
    # Top-level property stream: 32-byte header, then 16-byte entries (tag, flags, value).
    for i in range(32, len(props) - 15, 16):
        tag = struct.unpack_from("<I", props, i)[0]
        if tag == 0x00390040:
            ft = struct.unpack_from("<Q", props, i + 8)[0]
            if ft:
                detik = (ft - 116444736000000000) / 10_000_000
                return _waktu_lokal(datetime.fromtimestamp(detik, UTC))
    return None
