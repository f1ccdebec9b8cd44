"""Intake: every file that arrived for step 6, wherever it came from, with its provenance.

Sources: files dropped in `masuk/` (Office lock files `~$*` and hidden files are skipped),
e-mails saved there as `.eml` or Outlook `.msg` (their spreadsheet attachments are taken, with
the sender and the date), and an optional IMAP mailbox. Nothing here judges a file: every
spreadsheet-like attachment is taken so that validation can reject it with a clear message
instead of it silently vanishing.

Evidence (data dukung, `BuktiMasuk`) is told apart by where it lies, never by its content
beyond a stamp check:

- the other attachments of an e-mail that carries a return (when one of several spreadsheets
  carries pyxl's stamp, the unstamped ones are evidence too); an e-mail without a spreadsheet
  is kept whole as a received file, as before;
- every file in a folder `masuk/<KODE>/` named after a Bagian (any case), except a stamped
  format put there (still a return) and a saved e-mail (read as an e-mail; its attachments
  are evidence of that Bagian when it carries no return);
- a `.zip` whose name starts with a Bagian code and `_`, `-`, `.` or a space
  (`HUKUM_bukti.zip`), or that shares its stem with a spreadsheet beside it.

Which Bagian and indicators the evidence belongs to is decided in step 6.
"""

from __future__ import annotations

import email
import email.policy
import io
import re
import struct
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import parseaddr, parsedate_to_datetime
from pathlib import Path, PurePosixPath

from defusedxml.ElementTree import fromstring

from pyxl.inti.stempel import bertanda

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


@dataclass(frozen=True)
class BuktiMasuk:
    """One evidence file (data dukung) as received, with where it came from."""

    nama: str
    """The name as the ledger `Data Dukung` holds it (`nama_tercatat` of `asli`)."""
    data: bytes
    waktu: datetime
    """When it was received: the e-mail's date, else the file's modification time."""
    sumber: str
    """The file in `masuk/` (or the mailbox message) it came from."""
    asal: str
    """Where it came from, in words, as `Data Dukung`'s `Asal` shows it; with the name and the
    SHA-256 it identifies a receipt (the same file received again is not listed again)."""
    kode: str = ""
    """Its Bagian when where it lies says so (a folder `masuk/<KODE>/`, a zip's name)."""
    ikut: str = ""
    """Else the `sumber` of the return it came with (the e-mail, a spreadsheet beside a zip):
    its Bagian is that return's."""
    pengirim: str = ""
    asli: str = ""
    """The name exactly as received (checked as it is: a name climbing out of its folder is
    refused, not silently repaired)."""

    def __post_init__(self) -> None:
        asli = self.asli or self.nama
        object.__setattr__(self, "asli", asli)
        object.__setattr__(self, "nama", nama_tercatat(asli))

    def isi_zip(self) -> list[BuktiMasuk]:
        """The files of this zip of evidence, each evidence of the same Bagian in its own right
        (the folders inside dropped from their names). Only for a zip `periksa_bukti` let
        through: that check is what makes unpacking it safe."""
        asal = f"isi {self.nama}, {self.asal}"
        with zipfile.ZipFile(io.BytesIO(self.data)) as z:
            return [
                BuktiMasuk(
                    PurePosixPath(i.filename.replace("\\", "/")).name,
                    z.read(i),
                    self.waktu,
                    self.sumber,
                    asal,
                    self.kode,
                    self.ikut,
                    self.pengirim,
                )
                for i in z.infolist()
                if not i.is_dir()
            ]


@dataclass
class Masukan:
    """What arrived: the returns (and whatever may be one) and the evidence sent with them."""

    kiriman: list[Kiriman] = field(default_factory=list)
    bukti: list[BuktiMasuk] = field(default_factory=list)

    def __iadd__(self, lain: Masukan) -> Masukan:
        self.kiriman += lain.kiriman
        self.bukti += lain.bukti
        return self

    def urutkan(self) -> None:
        """Oldest first (then by source and name), as intake reports them."""
        self.kiriman.sort(key=lambda k: (k.waktu, k.sumber, k.nama))
        self.bukti.sort(key=lambda b: (b.waktu, b.sumber, b.nama))


def kumpulkan(folder: Path) -> list[Kiriman]:
    """Every received file in `folder` (recursively) that may be a return, oldest first."""
    return terima(folder).kiriman


def terima(folder: Path, kode_bagian: Mapping[str, str] | None = None) -> Masukan:
    """Every file received in `folder` (recursively): returns and evidence, oldest first.
    `kode_bagian` maps a name a folder or zip may carry (a Bagian code, also an earlier one) to
    the Bagian's current code; without it only e-mails and zips beside a spreadsheet bring
    evidence."""
    kode_folder = {k.casefold(): v for k, v in (kode_bagian or {}).items()}
    hasil = Masukan()
    semua = [
        p
        for p in sorted(folder.rglob("*"))
        if not dilewati(p) and not any(s.startswith(".") for s in p.relative_to(folder).parts)
    ]
    lembar = {
        (p.parent, p.stem.casefold()): p.relative_to(folder).as_posix()
        for p in semua
        if p.suffix.lower() in EKSTENSI_LEMBAR
    }
    for path in semua:
        sumber = path.relative_to(folder).as_posix()
        asal = f"{folder.name}/{sumber}"
        data = path.read_bytes()
        waktu = datetime.fromtimestamp(path.stat().st_mtime)
        akhiran = path.suffix.lower()
        bagian = path.relative_to(folder).parts
        kode = kode_folder.get(bagian[0].casefold(), "") if len(bagian) > 1 else ""
        if akhiran in (".eml", ".msg") and len(data) <= BATAS_PESAN:
            pesan = _baca_pesan(data, akhiran)
            if pesan is not None:
                dapat = _dari_pesan(pesan, waktu, sumber, kode)
                if dapat.kiriman or dapat.bukti:
                    hasil += dapat
                    continue
        if kode and not (akhiran in EKSTENSI_LEMBAR and bertanda(data)):
            hasil.bukti.append(BuktiMasuk(path.name, data, waktu, sumber, asal, kode=kode))
            continue
        if akhiran == ".zip" and not kode:
            kode = _kode_awalan(path.name, kode_folder)
            ikut = "" if kode else lembar.get((path.parent, path.stem.casefold()), "")
            if kode or ikut:
                hasil.bukti.append(BuktiMasuk(path.name, data, waktu, sumber, asal, kode, ikut))
                continue
        hasil.kiriman.append(Kiriman(path.name, data, waktu, sumber))
    hasil.urutkan()
    return hasil


_PEMISAH = frozenset("_-. ")
"""What may follow a Bagian code at the start of a zip's name (`HUKUM_bukti.zip`)."""


def _kode_awalan(nama: str, kode_folder: Mapping[str, str]) -> str:
    """The Bagian whose code starts `nama`, followed by a separator (the longest code wins:
    `ADPEM_…` is not `AD`'s)."""
    kecil = nama.casefold()
    cocok = [
        k for k in kode_folder if kecil.startswith(k) and kecil[len(k) : len(k) + 1] in _PEMISAH
    ]
    return kode_folder[max(cocok, key=len)] if cocok else ""


Lampiran = tuple[str, bytes, datetime | None, str, str]
"""(file name, bytes, date, sender address, subject) of one attachment."""


@dataclass(frozen=True)
class Pesan:
    """A received e-mail: its date, sender, subject and named attachments (name, bytes)."""

    waktu: datetime | None
    pengirim: str
    perihal: str
    lampiran: list[tuple[str, bytes]]

    def pilah(self) -> tuple[list[tuple[str, bytes]], list[tuple[str, bytes]]]:
        """Its attachments as (returns, evidence): the spreadsheets are the returns — when
        several are attached and some carry pyxl's stamp, only those — and every other
        attachment is evidence sent with them; without a return there is no evidence."""
        lembar = [
            i for i, (n, _) in enumerate(self.lampiran) if n.lower().endswith(EKSTENSI_LEMBAR)
        ]
        if len(lembar) > 1 and (bertanda_ := [i for i in lembar if bertanda(self.lampiran[i][1])]):
            lembar = bertanda_
        if not lembar:
            return [], []
        return (
            [self.lampiran[i] for i in lembar],
            [x for i, x in enumerate(self.lampiran) if i not in lembar],
        )

    def asal(self, sumber: str) -> str:
        """`Data Dukung`'s `Asal` of its attachments."""
        return f"lampiran email dari {self.pengirim or 'pengirim tak dikenal'} ({sumber})"


def _baca_pesan(data: bytes, akhiran: str) -> Pesan | None:
    return baca_eml(data) if akhiran == ".eml" else baca_msg(data)


def _dari_pesan(pesan: Pesan, waktu: datetime, sumber: str, kode: str = "") -> Masukan:
    """What a saved e-mail brings: its returns and the evidence sent with them. In a folder
    `masuk/<KODE>/` (`kode`), an e-mail without a return brings its attachments as evidence of
    that Bagian."""
    kembalian, bukti = pesan.pilah()
    w = pesan.waktu or waktu
    hasil = Masukan(
        [Kiriman(n, d, w, sumber, pesan.pengirim, pesan.perihal, pesan.waktu) for n, d in kembalian]
    )
    if kembalian:
        ikut = {"ikut": sumber}
    elif kode:
        bukti, ikut = pesan.lampiran, {"kode": kode}
    else:
        return hasil
    asal = pesan.asal(sumber)
    hasil.bukti = [
        BuktiMasuk(n, d, w, sumber, asal, pengirim=pesan.pengirim, **ikut) for n, d in bukti
    ]
    return hasil


def _waktu_lokal(w: datetime | None) -> datetime | None:
    """An aware e-mail date as local naive time, as Excel shows times."""
    if w is None or w.tzinfo is None:
        return w
    return w.astimezone().replace(tzinfo=None)


def baca_eml(data: bytes) -> Pesan | None:
    """An RFC 5322 message (.eml): its date, sender, subject and named attachments (inline
    images of a signature, with a Content-ID, are not attachments a Bagian chose to send)."""
    pesan = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(pesan, EmailMessage):
        return None
    try:
        waktu = _waktu_lokal(parsedate_to_datetime(str(pesan["Date"]))) if pesan["Date"] else None
    except (TypeError, ValueError):
        waktu = None
    pengirim = parseaddr(str(pesan.get("From", "")))[1]
    perihal = str(pesan.get("Subject", ""))
    lampiran: list[tuple[str, bytes]] = []
    for bagian in pesan.iter_attachments():
        nama = Path(bagian.get_filename() or "").name
        tertanam = bagian.get_content_disposition() == "inline" and bagian["Content-ID"]
        if not nama or (tertanam and not nama.lower().endswith(EKSTENSI_LEMBAR)):
            continue
        isi = bagian.get_payload(decode=True)
        if isinstance(isi, bytes):
            lampiran.append((nama, isi))
    return Pesan(waktu, pengirim, perihal, lampiran)


def dari_eml(data: bytes) -> Iterator[Lampiran]:
    """The returns among the attachments of an RFC 5322 message (.eml): see `Pesan.pilah`."""
    yield from _lampiran(baca_eml(data))


def _lampiran(pesan: Pesan | None) -> Iterator[Lampiran]:
    if pesan is not None:
        for nama, isi in pesan.pilah()[0]:
            yield nama, isi, pesan.waktu, pesan.pengirim, pesan.perihal


def baca_msg(data: bytes) -> Pesan | None:
    """An Outlook .msg ([MS-OXMSG]: a compound file): date, sender, subject, attachments."""
    from pyxl.berkas.cfb import read_cfb

    try:
        aliran = read_cfb(data)
    except (ValueError, struct.error, IndexError, KeyError):
        return None

    def teks(nama: str) -> str:
        raw = aliran.get(nama)
        return raw.decode("utf-16-le", "replace").rstrip("\x00") if raw else ""

    pengirim = teks("__substg1.0_0C1F001F") or teks("__substg1.0_5D01001F")
    perihal = teks("__substg1.0_0037001F")
    waktu = _waktu_msg(aliran.get("__properties_version1.0", b""))
    awalan = sorted({n.split("/")[0] for n in aliran if n.startswith("__attach_version1.0_#")})
    lampiran: list[tuple[str, bytes]] = []
    for a in awalan:
        nama = Path(teks(f"{a}/__substg1.0_3707001F") or teks(f"{a}/__substg1.0_3704001F")).name
        isi = aliran.get(f"{a}/__substg1.0_37010102")
        if isi is not None and nama:
            lampiran.append((nama, isi))
    return Pesan(waktu, pengirim, perihal, lampiran)


def dari_msg(data: bytes) -> Iterator[Lampiran]:
    """The returns among the attachments of an Outlook .msg: see `Pesan.pilah`."""
    yield from _lampiran(baca_msg(data))


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
