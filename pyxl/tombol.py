"""The buttons of the `Kendali` sheet: one tiny function per button, nothing else.

This is the only module that imports xlwings. Each function is called by RunPython from the
VBA module `Tombol` (pyxl/bangun/vba/Tombol.bas) and runs the same core function as the `pyxl`
command of the same name, on the live workbook. Heavy libraries are imported only after the
user has been told the step started (every click starts a fresh Python).
"""

from __future__ import annotations

import xlwings as xw


def _jalankan(nama: str) -> None:
    book = xw.Book.caller()
    from pyxl.jalan.umpan import UmpanExcel

    umpan = UmpanExcel(book)
    umpan.status(f"pyxl: {nama} dimulai …")
    from pyxl.berkas.kunci import kunci_folder
    from pyxl.buku.excel import BukuExcel
    from pyxl.galat import PyxlError
    from pyxl.jalan.konteks import Konteks
    from pyxl.langkah import jalankan

    buku = BukuExcel(book)
    try:
        with kunci_folder(buku.folder):  # one run at a time, as for the commands
            jalankan(nama, Konteks(buku, umpan))
    except PyxlError as exc:
        umpan.galat(str(exc))
    finally:
        umpan.selesai()


def disposisi() -> None:
    _jalankan("disposisi")


def format() -> None:
    _jalankan("format")


def kirim() -> None:
    _jalankan("kirim")


def undangan() -> None:
    _jalankan("undangan")


def rapat() -> None:
    _jalankan("rapat")


def himpun() -> None:
    _jalankan("himpun")


def analisis() -> None:
    _jalankan("analisis")


def dokumen() -> None:
    _jalankan("dokumen")


def setujui() -> None:
    _jalankan("setujui")


def pengantar() -> None:
    _jalankan("pengantar")


def arsip() -> None:
    _jalankan("arsip")


def ingatkan() -> None:
    _jalankan("ingatkan")


def status() -> None:
    _jalankan("status")


def cek() -> None:
    _jalankan("cek")
