"""`pyxl cek`: is this machine and this working folder ready for the buttons to work?

Each finding says, in Indonesian, what is wrong and what to do. The check also runs without a
workbook (then it says how to make one), so IT can run it right after installing.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from pyxl import skema
from pyxl.buku import Buku, sebagai_teks
from pyxl.jalan import Hasil, Konteks

OK = "OK"
PERINGATAN = "PERINGATAN"
GAGAL = "GAGAL"

XLWINGS_DISEMATKAN = "0.37.8"


@dataclass(frozen=True)
class Temuan:
    tingkat: str
    hal: str
    pesan: str


def versi_vba_xlwings(berkas: Path) -> str | None:
    """The xlwings version written in the workbook's embedded VBA module (`'Version: x.y.z`)."""
    from pyxl.ovba import read_vba_modules

    try:
        with zipfile.ZipFile(berkas) as z:
            modul = read_vba_modules(z.read("xl/vbaProject.bin"))
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return None
    m = re.search(r"^'Version:\s*([\w.]+)", modul.get("xlwings", ""), re.M)
    return m.group(1) if m else None


def _versi(paket: str) -> str | None:
    try:
        return metadata.version(paket)
    except metadata.PackageNotFoundError:
        return None


def _bisa_ditulis(folder: Path) -> bool:
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def periksa(buku: Buku | None, berkas: Path) -> list[Temuan]:
    t: list[Temuan] = []
    py = sys.version_info
    t.append(
        Temuan(
            OK if py >= (3, 11) else GAGAL,
            "Python",
            f"Python {py.major}.{py.minor}.{py.micro} di {sys.executable}"
            + ("" if py >= (3, 11) else ". pyxl memerlukan Python 3.11 atau lebih baru."),
        )
    )
    xw = _versi("xlwings")
    if xw is None:
        t.append(Temuan(GAGAL, "xlwings", "xlwings belum terpasang: pip install pyxl."))
    else:
        t.append(
            Temuan(
                OK if xw == XLWINGS_DISEMATKAN else GAGAL,
                "xlwings",
                f"xlwings {xw}"
                + (
                    ""
                    if xw == XLWINGS_DISEMATKAN
                    else f"; pyxl memerlukan {XLWINGS_DISEMATKAN}. Pasang ulang pyxl."
                ),
            )
        )
    for paket in ("pandas", "openpyxl", "python-docx", "docxtpl", "python-calamine", "XlsxWriter"):
        v = _versi(paket)
        t.append(
            Temuan(
                OK if v else GAGAL,
                paket,
                f"{paket} {v}" if v else f"{paket} belum terpasang: pasang ulang pyxl.",
            )
        )
    if buku is None:
        t.append(
            Temuan(
                GAGAL,
                "Buku kerja",
                f"{berkas} tidak ditemukan. Buat folder kerja: "
                "pyxl init FOLDER, lalu jalankan pyxl cek dari folder itu.",
            )
        )
        return t
    t.append(Temuan(OK, "Buku kerja", str(berkas)))
    vba = versi_vba_xlwings(berkas)
    if vba is None:
        t.append(
            Temuan(
                GAGAL,
                "Modul VBA xlwings",
                "Modul xlwings tidak ditemukan di buku "
                "kerja; tombol tidak akan berjalan. Buat ulang dengan pyxl init.",
            )
        )
    else:
        cocok = xw is not None and vba == xw
        t.append(
            Temuan(
                OK if cocok else GAGAL,
                "Modul VBA xlwings",
                f"versi {vba}"
                + (
                    ""
                    if cocok
                    else f", paket Python {xw}: versi harus "
                    "sama. Pasang pyxl versi yang sesuai atau buat ulang buku kerja."
                ),
            )
        )
    ada = set(buku.nama_sheet())
    hilang = [s for s in (*skema.SHEET_WAJIB, skema.XLWINGS_CONF) if s not in ada]
    t.append(
        Temuan(
            GAGAL if hilang else OK,
            "Sheet",
            f"sheet hilang: {', '.join(hilang)}" if hilang else "semua sheet kontrak ada",
        )
    )
    if skema.XLWINGS_CONF in ada:
        conf = {
            sebagai_teks(r[0]).upper(): sebagai_teks(r[1]) if len(r) > 1 else ""
            for r in buku.baca(skema.XLWINGS_CONF)
            if r and r[0]
        }
        interp = conf.get("INTERPRETER_WIN" if os.name == "nt" else "INTERPRETER_MAC", "")
        if not interp:
            t.append(
                Temuan(
                    PERINGATAN,
                    "Interpreter",
                    "INTERPRETER_WIN/MAC di sheet "
                    "xlwings.conf kosong: Excel memakai 'python' dari PATH. Isi jalur "
                    f"lengkap, misalnya {sys.executable}.",
                )
            )
        elif Path(interp).exists():
            t.append(Temuan(OK, "Interpreter", interp))
        else:
            t.append(
                Temuan(
                    GAGAL,
                    "Interpreter",
                    f"{interp} (sheet xlwings.conf) tidak ada. "
                    f"Ganti dengan jalur python yang terpasang, misalnya "
                    f"{sys.executable}.",
                )
            )
    folder = berkas.resolve().parent
    for nama in skema.FOLDERS:
        f = folder / nama
        if not f.is_dir():
            t.append(Temuan(GAGAL, f"Folder {nama}", f"{f} tidak ada; buat folder itu."))
        elif not _bisa_ditulis(f):
            t.append(
                Temuan(GAGAL, f"Folder {nama}", f"{f} tidak dapat ditulis; periksa hak akses.")
            )
        else:
            t.append(Temuan(OK, f"Folder {nama}", "dapat ditulis"))
    from pyxl.dokumen_word import cari_templat, periksa_templat
    from pyxl.galat import LingkunganError
    from pyxl.templat import TEMPLATES, contoh_konteks

    for nama in TEMPLATES:
        try:
            jalur = cari_templat(folder, nama)
        except LingkunganError as exc:
            t.append(Temuan(GAGAL, f"Templat {nama}", str(exc)))
            continue
        masalah = periksa_templat(jalur, contoh_konteks(nama))
        t.append(
            Temuan(GAGAL, f"Templat {nama}", f"{jalur}: {'; '.join(masalah)}. Perbaiki di Word.")
            if masalah
            else Temuan(OK, f"Templat {nama}", str(jalur))
        )
    return t


def laporan(temuan: list[Temuan]) -> str:
    baris = [f"[{x.tingkat:<10}] {x.hal}: {x.pesan}" for x in temuan]
    gagal = sum(x.tingkat == GAGAL for x in temuan)
    baris.append("")
    baris.append(
        "Semua pemeriksaan lulus."
        if not gagal
        else f"{gagal} pemeriksaan GAGAL: perbaiki sesuai pesan di atas."
    )
    return "\n".join(baris)


def jalankan(ktx: Konteks) -> Hasil:
    temuan = periksa(ktx.buku, ktx.buku.berkas)
    return Hasil(laporan(temuan), ubah_buku=False, gagal=any(x.tingkat == GAGAL for x in temuan))
