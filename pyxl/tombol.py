"""The buttons of the `Kendali` sheet: one tiny function per button, nothing else.

This is the only module that imports xlwings. Each function is called by RunPython from the
VBA module `Tombol` (pyxl/bangun/vba/Tombol.bas) and runs the same core function as the `pyxl`
command of the same name, on the live workbook. Heavy libraries are imported only after the
user has been told the step started (every click starts a fresh Python).

No English traceback ever reaches staff: pyxl's own errors are their Indonesian message, and
anything unexpected is an Indonesian message saying where its details were written
(`pyxl-galat.log` in the working folder, for IT). The live workbook is written only when the
step succeeds (`pyxl.buku.excel` holds the writes until the save), so it is left as it was.
"""

from __future__ import annotations

import sys
from typing import Any

BERKAS_GALAT = "pyxl-galat.log"

_OPSIONAL = ("numpy", "pandas", "polars")
"""What xlwings imports if it can and does without: pandas and numpy alone take longer to
import than everything else a click does before its first message."""


def _impor_xlwings() -> Any:
    """xlwings, imported with its optional libraries unavailable.

    xlwings decides once, at import, whether numpy and pandas exist (`try: import pandas`).
    Without them it converts plain Python values only, which is all pyxl hands it
    (`pyxl.buku.excel` turns numpy and pandas scalars into plain ones before writing), so
    the user sees the status message before any of them loads; the steps that need them
    import them afterwards as usual. Where they are already loaded (tests, a long-lived
    process) nothing is hidden."""
    if "xlwings" in sys.modules:
        return sys.modules["xlwings"]
    disembunyikan = [m for m in _OPSIONAL if m not in sys.modules]
    for m in disembunyikan:
        sys.modules[m] = None  # type: ignore[assignment]  # makes `import m` raise ImportError
    try:
        import xlwings
    finally:
        for m in disembunyikan:
            if sys.modules.get(m, 0) is None:
                del sys.modules[m]
    return xlwings


xw = _impor_xlwings()


def _jalankan(nama: str, **opsi: Any) -> None:
    book = xw.Book.caller()
    from pyxl.jalan.umpan import UmpanExcel

    umpan = UmpanExcel(book)
    umpan.status(f"pyxl: {nama} dimulai …")
    try:
        from pyxl.berkas.kunci import kunci_folder
        from pyxl.buku.excel import BukuExcel
        from pyxl.galat import PyxlError, StrukturUsang
        from pyxl.jalan.konteks import Konteks
        from pyxl.langkah import jalankan

        buku = BukuExcel(book)
        try:
            with kunci_folder(buku.folder):  # one run at a time, as for the commands
                jalankan(nama, Konteks(buku, umpan), **opsi)
        except StrukturUsang:
            umpan.galat(_perbarui_nanti(book, "Buku kerja ini belum sesuai pyxl yang terpasang."))
        except PyxlError as exc:
            umpan.galat(str(exc))
    except Exception as exc:  # anything else: a message for staff, the details for IT
        umpan.galat(_tak_terduga(book, nama, exc))
    finally:
        umpan.selesai()


def _tak_terduga(book: Any, nama: str, exc: BaseException) -> str:
    """Write the traceback to the working folder's log; the Indonesian message that says so."""
    import traceback
    from datetime import datetime
    from pathlib import Path

    rincian = "".join(traceback.format_exception(exc))
    try:
        log = Path(book.fullname).resolve().parent / BERKAS_GALAT
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"--- {datetime.now():%Y-%m-%d %H:%M:%S} tombol {nama}\n{rincian}\n")
        tempat = f"Rinciannya dicatat di berkas {log.name} di folder {log.parent}"
    except OSError:
        tempat = "Rinciannya tidak dapat dicatat (folder kerja tidak dapat ditulis)"
    return (
        f"Langkah '{nama}' berhenti karena galat yang tidak terduga ({type(exc).__name__}). "
        f"Buku kerja tidak diubah. {tempat}; kirim berkas itu kepada IT, lalu coba lagi."
    )


def _perbarui_nanti(book: Any, sebab: str) -> str:
    """Start the upgrade that runs once the workbook is closed; the message that says so."""
    from pathlib import Path

    from pyxl.alat.perbarui_latar import BERKAS_LOG, mulai

    mulai(Path(book.fullname))
    return (
        f"{sebab} Simpan lalu tutup buku kerja ini (tetap biarkan Excel terbuka bila perlu): "
        "pyxl memperbaruinya begitu tertutup — tombol, makro, sheet dan kolom baru; semua "
        "isian tetap dan cadangannya dibuat dahulu — lalu membukanya kembali. Hasilnya dicatat "
        f"di {BERKAS_LOG} di folder kerja."
    )


def perbarui() -> None:
    """Button 'Perbarui Buku Kerja': the saved file is checked; an upgrade waits for the
    workbook to be closed (Excel holds the open file)."""
    from pathlib import Path

    from pyxl.jalan.umpan import UmpanExcel

    book = xw.Book.caller()
    umpan = UmpanExcel(book)
    umpan.status("pyxl: perbarui dimulai …")  # as every button: told before the imports
    try:
        from pyxl.bangun.periksa import periksa_berkas_master
        from pyxl.buku.struktur import dari_pyxl_lebih_baru, kekurangan, pesan_perbarui
        from pyxl.buku.xlsm import BukuZip

        berkas = Path(book.fullname)
        disimpan = BukuZip(berkas, hanya_baca=True)
        try:
            kurang = kekurangan(disimpan) + periksa_berkas_master(berkas)
            lebih_baru = dari_pyxl_lebih_baru(disimpan)
        finally:
            disimpan.tutup()
        if lebih_baru:
            umpan.galat(pesan_perbarui(disimpan, kurang))
        elif kurang:
            umpan.info(_perbarui_nanti(book, f"Perlu diperbarui: {'; '.join(kurang)}."))
        else:
            umpan.info(
                f"Buku kerja {berkas.name} sudah sesuai pyxl yang terpasang: tidak ada yang "
                "perlu diperbarui."
            )
    except Exception as exc:
        from pyxl.galat import PyxlError

        pesan = str(exc) if isinstance(exc, PyxlError) else _tak_terduga(book, "perbarui", exc)
        umpan.galat(pesan)
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


def laporan() -> None:
    _jalankan("laporan")


def cek() -> None:
    _jalankan("cek")


def himpun_ulang() -> None:
    _jalankan("himpun", ulang=True)


def bagian_tambah() -> None:
    _jalankan("bagian_tambah")


def bagian_ubah() -> None:
    _jalankan("bagian_ubah")


def bagian_hapus() -> None:
    _jalankan("bagian_hapus")


def tahun_baru() -> None:
    _jalankan("tahun_baru")
