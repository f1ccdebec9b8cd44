"""An e-mail as pyxl makes it: one message shape (`Surel`), checked before it is built.

Every address and header value is checked before anything is built, so a name or address
carrying a line break (header injection) is refused with a message naming where it came from.
The ways to hand a message over are the mail modes of this package (`draf`, `smtp`,
`outlook`), chosen by `pyxl.surel.pengirim`.
"""

from __future__ import annotations

import mimetypes
import re
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

from pyxl.galat import IsianError
from pyxl.kontrak import status

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


def periksa_surel(surel: Surel) -> None:
    """Every header value, address and attachment of `surel`, before a message is built."""
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
    periksa_surel(surel)
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


def catatan_kirim(t: Terkirim) -> dict[str, Any]:
    """The `Pengiriman` columns that come from a made e-mail (draft or sent)."""
    return {
        "Waktu": t.waktu,
        "Message-ID": t.message_id,
        "Berkas": t.berkas.name if t.berkas else "",
        "Status": status.TERKIRIM if t.mode == "smtp" else status.DRAF,
        "Catatan": f"Ditolak server: {', '.join(t.ditolak)}" if t.ditolak else "",
    }


# --------------------------------------------------------------------------- the journal
