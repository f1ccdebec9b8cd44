"""The meeting of SOP steps 4 and 5: when, where, what, and who is invited.

The details come from the options of `pyxl undangan` or from `Pengaturan` ('Tanggal Rapat',
'Jam Rapat', 'Tempat Rapat', 'Acara Rapat'). The invitees are every Kepala Bagian of the
`Bagian` sheet but the inviter's own (the 'Bagian Pelaksana'), then the functional officials of
'Pejabat Fungsional' ('Nama (Jabatan)' separated by ';'), who have no address in the workbook.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pyxl.buku.daftar import baca_bagian
from pyxl.buku.port import Buku
from pyxl.buku.tabel import baca_tabel
from pyxl.galat import IsianError
from pyxl.inti import indo
from pyxl.inti.sel import huruf_kolom, sebagai_teks
from pyxl.kontrak import skema
from pyxl.kontrak.pengaturan import Pengaturan
from pyxl.surel.pesan import periksa_header

KUNCI_RAPAT = ("Tanggal Rapat", "Jam Rapat", "Tempat Rapat", "Acara Rapat")
OPSI_RAPAT = ("--tanggal-rapat", "--jam", "--tempat", "--acara")
_RE_JAM = re.compile(r"(\d{1,2})(?:[.:](\d{2}))?(?::\d{2})?")
_RE_FUNGSIONAL = re.compile(r"(.*?)\s*\(([^()]*)\)")


@dataclass(frozen=True)
class Rapat:
    tanggal: date
    jam: str
    """'09.00'"""
    tempat: str
    acara: str
    zona: str

    @property
    def waktu(self) -> str:
        return f"{self.jam} {self.zona} s.d. selesai"

    def konteks(self) -> dict[str, str]:
        return {
            "hari_tanggal": indo.hari_tanggal(self.tanggal),
            "waktu": self.waktu,
            "tempat": self.tempat,
            "acara": self.acara,
        }


@dataclass(frozen=True)
class Undangan:
    """One invitee."""

    nama: str
    jabatan: str
    kode: str = ""
    """Bagian code; empty for a functional official."""
    email: str = ""
    sel: str = ""
    """Where the address comes from, e.g. 'sheet Bagian sel G3'."""
    sel_nama: str = ""
    """Where the name comes from, e.g. 'sheet Bagian sel D3'."""


def baca_jam(teks: str, asal: str) -> str:
    """'09.00', '9.00', '9:00', '09:00:00' or '9' -> '09.00'."""
    m = _RE_JAM.fullmatch(teks.strip())
    if not m or int(m.group(1)) > 23 or int(m.group(2) or 0) > 59:
        raise IsianError(f"{asal} berisi '{teks}': tulis jam seperti 09.00 (jam.menit).")
    return f"{int(m.group(1)):02d}.{m.group(2) or '00'}"


def baca_rapat(peng: Pengaturan, opsi: dict[str, str | None], saran: str) -> Rapat:
    """The meeting from `opsi` (keys of KUNCI_RAPAT, None = use the setting) or `Pengaturan`;
    `saran` ends the message when no date is known."""
    nilai = {k: (opsi.get(k) or peng[k]).strip() for k in KUNCI_RAPAT}
    for k in KUNCI_RAPAT:
        if not nilai[k]:
            raise IsianError(f"Pengaturan '{k}' masih kosong ({peng.lokasi(k)}). {saran}")

    def asal(k: str) -> str:
        if opsi.get(k):
            return f"Opsi {OPSI_RAPAT[KUNCI_RAPAT.index(k)]}"
        return f"Pengaturan '{k}' ({peng.lokasi(k)})"

    # The agenda goes into the invitation's e-mail subject: one line, checked before a letter
    # number is taken (a line break there could add e-mail headers).
    periksa_header(nilai["Acara Rapat"], asal("Acara Rapat"))
    return Rapat(
        tanggal=indo.baca_tanggal(nilai["Tanggal Rapat"], asal("Tanggal Rapat")),
        jam=baca_jam(nilai["Jam Rapat"], asal("Jam Rapat")),
        tempat=nilai["Tempat Rapat"],
        acara=nilai["Acara Rapat"],
        zona=peng["Zona Waktu"],
    )


def daftar_undangan(buku: Buku, peng: Pengaturan) -> list[Undangan]:
    """Every Kepala Bagian of the `Bagian` sheet but the inviter's own, then the functional
    officials of 'Pejabat Fungsional' ('Nama (Jabatan)' separated by ';')."""
    judul = [sebagai_teks(h) for h in buku.baca(skema.BAGIAN)[0]]
    kolom_email = huruf_kolom(judul.index("Email") + 1)
    kolom_nama = huruf_kolom(judul.index("Kepala Bagian") + 1)
    pelaksana = peng["Bagian Pelaksana"].strip().lower()
    hasil: list[Undangan] = []
    for b, r in zip(baca_bagian(buku), baca_tabel(buku, skema.BAGIAN), strict=True):
        if b.nama.strip().lower() != pelaksana:
            sel = f"sheet {skema.BAGIAN} sel {kolom_email}{r['_baris']}"
            sel_nama = f"sheet {skema.BAGIAN} sel {kolom_nama}{r['_baris']}"
            hasil.append(Undangan(b.kepala, f"Kepala {b.nama}", b.kode, b.email, sel, sel_nama))
    for teks in peng["Pejabat Fungsional"].split(";"):
        if teks.strip():
            m = _RE_FUNGSIONAL.fullmatch(teks.strip())
            nama, jabatan = (m.group(1), m.group(2)) if m else (teks.strip(), "Pejabat Fungsional")
            hasil.append(Undangan(nama, jabatan))
    if not hasil:
        raise IsianError(
            f"Tidak ada yang diundang: isi Kepala Bagian di sheet {skema.BAGIAN} atau "
            "Pengaturan 'Pejabat Fungsional'."
        )
    return hasil
