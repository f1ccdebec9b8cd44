"""E-mail out of pyxl: one message shape (`Surel`), three ways to hand it over.

    PengirimDraf     an .eml file marked `X-Unsent: 1` in `kirim/`: Outlook or Thunderbird open
                     it as an editable draft and a person presses Send (the default)
    PengirimSmtp     straight to the office SMTP server (STARTTLS, SSL, or `tanpa` for a relay)
    PengirimOutlook  a draft in classic Outlook on Windows (pywin32)

Every address and header value is checked before anything is built, so a name or address
carrying a line break (header injection) is refused with a message naming where it came from.
The SMTP password never lives in the workbook: it comes from `PYXL_SMTP_PASSWORD` or the system
keyring (service `pyxl-smtp`, user = 'SMTP Pengguna').

Nothing lost, nothing sent twice. A mail accepted by the SMTP server (or saved in Outlook) cannot be
taken back, but its `Pengiriman` row only reaches disk when the step saves the workbook at its end.
So inside a run (`pyxl.jalan.proses.jalankan`) every such mail is journaled in the run's journal
(`pyxl.berkas.kunci.Jurnal`, fsynced): a `coba` line before the message is handed to the server (if
it cannot be written, nothing is sent), a `terkirim` line right after the server accepted it, a
`gagal` line when it refused. If the run dies or its save fails, the next run records from the
journal every `terkirim` mail as a `Terkirim` row, keeps the letters they carried, and the step
(kirim, ingatkan, pengantar) does not send them again. A `coba` line without an outcome is the mail
the run was sending when it died: the server may or may not have it. It is recorded as `Gagal` with
a note saying so, and sent again (at least once, never silently lost; at most that one mail twice).
Drafts (.eml) need no journal: they never left, and the next run moves the drafts of a run that did
not save out of `kirim/` (see `pyxl.jalan.pemulihan.pulihkan`).
"""

from __future__ import annotations

import contextlib
import hashlib
import mimetypes
import os
import re
import smtplib
import ssl
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any, Protocol

from pyxl.berkas.kunci import jurnal_aktif
from pyxl.berkas.tulis import tulis_atomik
from pyxl.galat import IsianError, LingkunganError
from pyxl.kontrak import status
from pyxl.kontrak.keluaran import DRAF_SUREL
from pyxl.kontrak.pengaturan import Pengaturan

MODE = ("draf", "smtp", "outlook")
KEAMANAN = ("starttls", "ssl", "tanpa")  # tanpa: an internal relay; no login without TLS
LAYANAN_KEYRING = "pyxl-smtp"
MIME = {
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
}
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_ALAMAT = re.compile(rf"{_ATOM}(?:\.{_ATOM})*@(?:{_LABEL}\.)+[A-Za-z]{{2,63}}")
_NAMA_HEADER = re.compile(r"(?!(?i:content-|mime-))[!-9;-~]+")  # RFC 5322 field name
_HEADER_TERLARANG = {"from", "to", "cc", "bcc", "subject", "date", "message-id", "x-unsent"}


@dataclass(frozen=True)
class Surel:
    kepada: Sequence[tuple[str, str]]  # (nama, alamat)
    perihal: str
    isi: str  # plain text
    lampiran: Sequence[Path] = ()
    tembusan: Sequence[tuple[str, str]] = ()
    header_tambahan: Mapping[str, str] = field(default_factory=dict)  # e.g. X-Pyxl-Format-Id
    baris: Mapping[str, Any] = field(default_factory=dict)
    """The `Pengiriman` row the step will write for this mail (journaled with it)."""


@dataclass(frozen=True)
class Terkirim:
    message_id: str
    mode: str  # "draf" | "smtp" | "outlook"
    berkas: Path | None  # the .eml file (mode draf)
    waktu: datetime
    ditolak: tuple[str, ...] = ()  # recipients the SMTP server refused, the others accepted


class Pengirim(Protocol):
    mode: str

    def kirim(self, surel: Surel) -> Terkirim: ...


def periksa_header(nilai: str, asal: str) -> None:
    """A header value must be one line: CR, LF or any control character is refused."""
    if any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in nilai):
        raise IsianError(
            f"{asal}: teks {nilai!r} berisi baris baru atau karakter kontrol, yang dapat dipakai "
            "untuk menyisipkan header email. Hapus karakter itu (tulis dalam satu baris)."
        )


def periksa_alamat(nama: str, alamat: str, asal: str) -> None:
    periksa_header(nama, asal)
    periksa_header(alamat, asal)
    if not alamat.strip():
        raise IsianError(f"{asal}: alamat email {nama or 'penerima'} kosong. Isi alamat email.")
    if not _ALAMAT.fullmatch(alamat):
        raise IsianError(
            f"{asal}: '{alamat}' bukan alamat email yang sah. Tulis seperti nama@domain.go.id "
            "(satu @, domain bertitik, tanpa spasi)."
        )


def _periksa(surel: Surel) -> None:
    periksa_header(surel.perihal, "Perihal email")
    if not surel.kepada:
        raise IsianError(f"Email '{surel.perihal}' tidak memiliki penerima.")
    for peran, daftar in (("penerima", surel.kepada), ("tembusan", surel.tembusan)):
        for i, (nama, alamat) in enumerate(daftar, 1):
            periksa_alamat(nama, alamat, f"Email '{surel.perihal}', {peran} ke-{i}")
    for kunci, nilai in surel.header_tambahan.items():
        if not _NAMA_HEADER.fullmatch(kunci) or kunci.lower() in _HEADER_TERLARANG:
            raise IsianError(f"Nama header email {kunci!r} tidak boleh dipakai.")
        periksa_header(nilai, f"Header email {kunci}")
    for p in surel.lampiran:
        periksa_header(p.name, "Nama berkas lampiran")
        if not p.is_file():
            raise IsianError(f"Lampiran {p.name} tidak ditemukan di {p.parent}.")


def buat_pesan(
    surel: Surel, pengirim: tuple[str, str], message_id: str | None = None
) -> EmailMessage:
    """The message, built only after every address and header value was checked."""
    periksa_alamat(*pengirim, "Pengaturan 'Email Pengirim'")
    _periksa(surel)
    periksa_header(message_id or "", "Message-ID")
    msg = EmailMessage(policy=policy.SMTP)  # the policy refuses line breaks too
    msg["From"] = Address(pengirim[0], addr_spec=pengirim[1])
    msg["To"] = [Address(n, addr_spec=a) for n, a in surel.kepada]
    if surel.tembusan:
        msg["Cc"] = [Address(n, addr_spec=a) for n, a in surel.tembusan]
    msg["Subject"] = surel.perihal
    msg["Date"] = format_datetime(datetime.now().astimezone())
    msg["Message-ID"] = message_id or make_msgid(domain=pengirim[1].rpartition("@")[2])
    for kunci, nilai in surel.header_tambahan.items():
        msg[kunci] = nilai
    msg.set_content(surel.isi)
    for p in surel.lampiran:
        jenis = MIME.get(p.suffix.lower()) or mimetypes.guess_type(p.name)[0]
        utama, _, sub = (jenis or "application/octet-stream").partition("/")
        msg.add_attachment(p.read_bytes(), maintype=utama, subtype=sub, filename=p.name)
    return msg


@dataclass
class PengirimDraf:
    folder: Path
    pengirim: tuple[str, str] = field(kw_only=True)
    mode: str = field(default="draf", init=False)

    def kirim(self, surel: Surel) -> Terkirim:
        msg = buat_pesan(surel, self.pengirim)
        msg["X-Unsent"] = "1"  # opened as an editable draft, not as a received mail
        waktu, mid = datetime.now(), str(msg["Message-ID"])
        tag = "-".join(re.findall(r"\[([^\]]+)\]", surel.perihal)) or surel.kepada[0][1]
        slug = re.sub(r"[^A-Za-z0-9]+", "-", tag).strip("-")[:40] or "surel"
        sidik = hashlib.sha256(mid.encode()).hexdigest()[:8]
        nama = DRAF_SUREL.nama(waktu=f"{waktu:%Y%m%d-%H%M%S}", slug=slug, sidik=sidik)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            berkas = _tulis_nama_bebas(self.folder, nama, msg.as_bytes())
        except OSError as exc:
            raise LingkunganError(
                f"Draf email {nama} tidak dapat ditulis di folder {self.folder}: "
                f"{_sebab(exc)}. Periksa bahwa folder itu dapat ditulis dan disk tidak penuh."
            ) from exc
        return Terkirim(mid, self.mode, berkas, waktu)


def _tulis_nama_bebas(folder: Path, nama: str, data: bytes) -> Path:
    """`nama` (`<stem>.eml`), or `<stem>-2.eml`, … : a draft never overwrites another."""
    stem = Path(nama).stem
    ke = 1
    while True:
        tujuan = folder / (f"{stem}.eml" if ke == 1 else f"{stem}-{ke}.eml")
        ke += 1
        if tujuan.exists():
            continue
        try:
            return tulis_atomik(tujuan, data, timpa=False)
        except FileExistsError:
            continue


@dataclass
class PengirimSmtp:
    host: str
    port: int = 587
    keamanan: str = "starttls"
    pengguna: str = ""
    sandi: str | None = None  # None: PYXL_SMTP_PASSWORD, else the keyring
    timeout: float = 30.0
    pengirim: tuple[str, str] = field(kw_only=True)
    konteks_ssl: ssl.SSLContext | None = field(default=None, kw_only=True)  # default: system CAs
    mode: str = field(default="smtp", init=False)

    def __post_init__(self) -> None:
        if self.keamanan not in KEAMANAN:
            raise IsianError(
                f"Pengaturan 'SMTP Keamanan' berisi '{self.keamanan}': pilih starttls atau ssl."
            )
        if self.pengguna and self.keamanan == "tanpa":
            raise IsianError("Login SMTP tanpa enkripsi tidak diizinkan: pakai starttls atau ssl.")

    def _sandi(self) -> str:
        sandi = self.sandi or os.environ.get("PYXL_SMTP_PASSWORD")
        if not sandi:
            with contextlib.suppress(Exception):  # keyring missing, no backend, locked store
                import keyring

                sandi = keyring.get_password(LAYANAN_KEYRING, self.pengguna)
        if not sandi:
            raise LingkunganError(
                f"Kata sandi SMTP untuk pengguna '{self.pengguna}' tidak ditemukan. Isi variabel "
                f"lingkungan PYXL_SMTP_PASSWORD atau simpan di keyring sistem (layanan "
                f"'{LAYANAN_KEYRING}'); kata sandi tidak pernah disimpan di buku kerja."
            )
        return sandi

    def kirim(self, surel: Surel) -> Terkirim:
        msg = buat_pesan(surel, self.pengirim)
        konteks = self.konteks_ssl or ssl.create_default_context()
        mid = str(msg["Message-ID"])
        try:
            ditolak = self._kirim(msg, surel, konteks)
        except Exception:
            with contextlib.suppress(OSError):
                catat_jurnal("gagal", surel, mid, self.mode)
            raise
        t = Terkirim(mid, self.mode, None, datetime.now(), tuple(ditolak))
        with contextlib.suppress(OSError):  # the `coba` line already says it may have left
            catat_jurnal("terkirim", surel, mid, self.mode, t)
        return t

    def _kirim(self, msg: EmailMessage, surel: Surel, konteks: ssl.SSLContext) -> dict[str, Any]:
        server = f"{self.host}:{self.port}"
        try:
            if self.keamanan == "ssl":
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    self.host, self.port, timeout=self.timeout, context=konteks
                )
            else:
                smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
            with smtp:
                if self.keamanan == "starttls":
                    smtp.starttls(context=konteks)
                if self.pengguna:
                    smtp.login(self.pengguna, self._sandi())
                # nothing is handed over unless this line is on disk
                catat_jurnal("coba", surel, str(msg["Message-ID"]), self.mode)
                ditolak = smtp.send_message(
                    msg, to_addrs=[a for _, a in (*surel.kepada, *surel.tembusan)]
                )
        except smtplib.SMTPRecipientsRefused as exc:
            alasan = "; ".join(f"{a} ({k} {_teks(p)})" for a, (k, p) in exc.recipients.items())
            raise IsianError(f"Server SMTP {server} menolak penerima {alasan}.") from exc
        except (smtplib.SMTPSenderRefused, smtplib.SMTPAuthenticationError) as exc:
            login = isinstance(exc, smtplib.SMTPAuthenticationError)
            apa = f"login pengguna '{self.pengguna}'" if login else f"pengirim {self.pengirim[1]}"
            raise LingkunganError(
                f"Server SMTP {server} menolak {apa} ({exc.smtp_code} {_teks(exc.smtp_error)}). "
                "Periksa Pengaturan 'Email Pengirim' dan 'SMTP Pengguna', dan kata sandi di "
                "PYXL_SMTP_PASSWORD atau keyring."
            ) from exc
        except OSError as exc:  # refused, timeout, DNS, TLS, any other SMTP error
            raise LingkunganError(
                f"Tidak dapat mengirim email melalui server SMTP {server} ({exc}). Periksa "
                "Pengaturan 'SMTP Host', 'SMTP Port' dan 'SMTP Keamanan', jaringan/firewall, dan "
                "sertifikat TLS server."
            ) from exc
        return dict(ditolak)


def _teks(b: bytes | str) -> str:
    return b.decode("utf-8", "replace") if isinstance(b, bytes) else b


@dataclass
class PengirimOutlook:
    """A draft in classic Outlook (Windows, pywin32); a person presses Send."""

    mode: str = field(default="outlook", init=False)

    def kirim(self, surel: Surel) -> Terkirim:
        try:
            import win32com.client
        except ImportError as exc:
            raise LingkunganError(
                "Mode outlook hanya di Windows dengan Outlook klasik terpasang; pakai mode draf."
            ) from exc
        _periksa(surel)
        item = win32com.client.Dispatch("Outlook.Application").CreateItem(0)
        item.To = "; ".join(a for _, a in surel.kepada)
        item.CC = "; ".join(a for _, a in surel.tembusan)
        item.Subject, item.Body = surel.perihal, surel.isi
        for p in surel.lampiran:
            item.Attachments.Add(str(p))
        item.Save()  # in Outlook now: pyxl cannot take it back, so it is journaled
        t = Terkirim(str(item.EntryID), self.mode, None, datetime.now())
        with contextlib.suppress(OSError):
            catat_jurnal("terkirim", surel, t.message_id, self.mode, t)
        return t


def catatan_kirim(t: Terkirim) -> dict[str, Any]:
    """The `Pengiriman` columns that come from a made e-mail (draft or sent)."""
    return {
        "Waktu": t.waktu,
        "Message-ID": t.message_id,
        "Berkas": t.berkas.name if t.berkas else "",
        "Status": status.TERKIRIM if t.mode == "smtp" else status.DRAF,
        "Catatan": f"Ditolak server: {', '.join(t.ditolak)}" if t.ditolak else "",
    }


def pengirim_dari_pengaturan(
    peng: Pengaturan, folder_kirim: Path, mode: str | None = None
) -> Pengirim:
    """The mailer the settings ask for (`mode` overrides 'Mode Email')."""
    mode = (mode or peng["Mode Email"]).strip().lower()
    if mode not in MODE:
        raise IsianError(f"Pengaturan 'Mode Email' berisi '{mode}': pilih draf, smtp atau outlook.")
    if mode == "outlook":
        return PengirimOutlook()
    if not (alamat := peng["Email Pengirim"]):
        raise IsianError(
            "Pengaturan 'Email Pengirim' masih kosong. Isi alamat email dinas pengirim di sheet "
            "Pengaturan."
        )
    bagian_nama = ("Bagian Pelaksana", "Unit Kerja", "Pemerintah Daerah")
    for k in bagian_nama:  # each part on its own, so the message names the right setting
        periksa_header(peng[k], f"Pengaturan '{k}' ({peng.lokasi(k)})")
    nama = " ".join(peng[k] for k in bagian_nama)
    periksa_alamat(nama, alamat, f"Pengaturan 'Email Pengirim' ({peng.lokasi('Email Pengirim')})")
    if mode == "draf":
        return PengirimDraf(folder_kirim, pengirim=(nama, alamat))
    if not (port := peng["SMTP Port"]).isdigit() or not 0 < int(port) < 65536:
        raise IsianError(f"Pengaturan 'SMTP Port' berisi '{port}': harus angka, misalnya 587.")
    keamanan = peng["SMTP Keamanan"].strip().lower()
    return PengirimSmtp(
        peng.wajib("SMTP Host"), int(port), keamanan, peng["SMTP Pengguna"], pengirim=(nama, alamat)
    )


# --------------------------------------------------------------------------- the journal


def catat_jurnal(
    tahap: str, surel: Surel, message_id: str, mode: str, t: Terkirim | None = None
) -> None:
    """One journal line for a mail that cannot be taken back (no-op outside a run).

    `coba`: it is about to be handed over (an OSError here becomes a LingkunganError: nothing
    is sent); `terkirim`: accepted; `gagal`: refused."""
    jurnal = jurnal_aktif()
    if jurnal is None:
        return
    try:
        jurnal.catat(
            "surel",
            tahap=tahap,
            id=message_id,
            mode=mode,
            waktu=(t.waktu if t else datetime.now()).isoformat(),
            perihal=surel.perihal,
            kepada=[list(k) for k in surel.kepada],
            header=dict(surel.header_tambahan),
            lampiran=[str(p.resolve()) for p in surel.lampiran],
            ditolak=list(t.ditolak) if t else [],
            baris={k: v for k, v in surel.baris.items() if isinstance(v, str | int | float)},
        )
    except OSError as exc:
        if tahap != "coba":
            raise
        raise LingkunganError(
            f"Jurnal pengiriman {jurnal.jalur.name} di folder {jurnal.jalur.parent} tidak dapat "
            f"ditulis: {_sebab(exc)}; email '{surel.perihal}' tidak dikirim. Periksa ruang disk "
            "dan hak tulis folder kerja, lalu ulangi."
        ) from exc


def _sebab(exc: OSError) -> str:
    """Why a write failed, in Indonesian ('disk penuh (No space left on device)')."""
    from pyxl.berkas.tulis import SEBAB

    sebab = SEBAB.get(exc.errno or 0)
    return f"{sebab} ({exc.strerror})" if sebab else str(exc)


@dataclass(frozen=True)
class SurelJurnal:
    """A journaled mail with its last known outcome."""

    id: str
    tahap: str
    """`terkirim`, `gagal`, or `coba` (the run died while sending it)."""
    isi: dict[str, Any]
    """Its last journal line."""

    @property
    def keluar(self) -> bool:
        """Accepted by the server, or possibly (the run died while sending it)."""
        return self.tahap in ("terkirim", "coba")

    @property
    def lampiran(self) -> set[Path]:
        return {Path(p) for p in self.isi.get("lampiran", [])}


def surel_jurnal(entri: Sequence[Mapping[str, Any]]) -> list[SurelJurnal]:
    """The mails of journal lines `entri`, in the order they were first tried."""
    hasil: dict[str, SurelJurnal] = {}
    for e in entri:
        if e.get("jenis") == "surel" and isinstance(e.get("id"), str):
            hasil[e["id"]] = SurelJurnal(e["id"], str(e.get("tahap")), dict(e))
    return list(hasil.values())


def lampiran_keluar(entri: Sequence[Mapping[str, Any]]) -> set[Path]:
    """Files attached to a mail of `entri` that left (or may have): never to be removed."""
    return {p for s in surel_jurnal(entri) if s.keluar for p in s.lampiran}
