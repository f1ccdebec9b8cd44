"""The workbook port: the one small interface every step uses to read and write the master.

Two adapters implement it: `buku_zip.BukuZip` (a closed .xlsm file, surgery on its zip;
opened by `buku_berkas.buka`) for the CLI and tests, and `buku_excel.BukuExcel` (the live
workbook through xlwings) for the buttons. The core asks only for whole blocks — read a sheet,
write a block of rows — so the live adapter makes one Excel call per block, never one per cell.

Rows and columns are 1-based, as staff see them. Table sheets have their header in row 1.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from pyxl import skema
from pyxl.galat import BukuError

Baris = dict[str, Any]


class Buku(Protocol):
    """A master workbook, open for one step."""

    @property
    def folder(self) -> Path:
        """The working folder (where the workbook lives)."""
        ...

    @property
    def berkas(self) -> Path:
        """The workbook file itself."""
        ...

    def nama_sheet(self) -> list[str]: ...

    def baca(self, sheet: str) -> list[list[Any]]:
        """All values of a sheet from A1 to its last used cell, as rows."""
        ...

    def tulis(
        self,
        sheet: str,
        baris: int,
        kolom: int,
        nilai: Sequence[Sequence[Any]],
        format_angka: Sequence[str | None] | None = None,
    ) -> None:
        """Write a block with its top-left cell at (baris, kolom); text is always text.

        `format_angka`, one per column of the block, sets the number format of those cells.
        """
        ...

    def kosongkan(self, sheet: str, dari_baris: int) -> None:
        """Clear the values of every row from `dari_baris` down (formats stay)."""
        ...

    def simpan(self) -> None: ...


FORMAT_KOLOM: dict[str, str] = {
    "Waktu": "dd/mm/yyyy hh:mm:ss",
    "Tanggal": "dd/mm/yyyy",
    "Dicatat": "dd/mm/yyyy hh:mm",
    "Mulai": "dd/mm/yyyy hh:mm:ss",
    "Selesai": "dd/mm/yyyy hh:mm:ss",
    "Durasi (menit)": "0.0",
    "Waktu Baku": "#,##0",
    "Pagu Anggaran": "#,##0",
    "Realisasi Anggaran": "#,##0",
    "Capaian (%)": "0.00",
    "Capaian Renstra (%)": "0.00",
    "Serapan Anggaran (%)": "0.00",
    "Rata-rata Capaian (%)": "0.00",
    "Waktu Terbit": "dd/mm/yyyy hh:mm:ss",
    "Perubahan": "0.00",
    "Waktu Persetujuan": "dd/mm/yyyy hh:mm",
    "Sisa Anggaran": "#,##0",
}
"""Number formats by column name, shared by the workbook builder and every table write.

Amounts use a plain thousands format: Excel shows the separators of the viewer's locale
(1.500.000 on an Indonesian Windows)."""


def wajib_sheet(buku: Buku, *sheets: str) -> None:
    """Fail with a clear message when the workbook lacks a sheet the step needs."""
    ada = set(buku.nama_sheet())
    hilang = [s for s in sheets if s not in ada]
    if hilang:
        raise BukuError(
            f"Buku kerja {buku.berkas.name} tidak memiliki sheet {', '.join(hilang)}. "
            "Pastikan yang dibuka adalah buku kerja Pengumpulan Data Kinerja buatan pyxl "
            "(buat baru dengan: pyxl init FOLDER)."
        )


def baca_tabel(buku: Buku, sheet: str, kolom: Sequence[str] | None = None) -> list[Baris]:
    """Rows of a table sheet as dicts keyed by header; `_baris` holds the sheet row number.

    Checks the header has every column of `kolom` (default: the contract's columns for that
    sheet); fully empty rows are skipped.
    """
    kolom = tuple(kolom if kolom is not None else skema.TABEL[sheet])
    isi = buku.baca(sheet)
    header = [str(h).strip() if h is not None else "" for h in (isi[0] if isi else [])]
    hilang = [k for k in kolom if k not in header]
    if hilang:
        raise BukuError(
            f"Sheet '{sheet}' di {buku.berkas.name}: kolom {', '.join(hilang)} tidak ada di "
            "baris 1. Jangan mengubah judul kolom; salin dari buku kerja baru bila terhapus."
        )
    hasil: list[Baris] = []
    for nomor, baris in enumerate(isi[1:], start=2):
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in baris):
            continue
        rec: Baris = {h: (baris[i] if i < len(baris) else None) for i, h in enumerate(header) if h}
        rec["_baris"] = nomor
        hasil.append(rec)
    return hasil


def _urutan(kolom: Sequence[str], rows: Sequence[Baris]) -> list[list[Any]]:
    return [[r.get(k) for k in kolom] for r in rows]


def tulis_tabel(buku: Buku, sheet: str, kolom: Sequence[str], rows: Sequence[Baris]) -> None:
    """Replace the body of a table sheet (header kept) with `rows`."""
    buku.kosongkan(sheet, 2)
    if rows:
        buku.tulis(sheet, 2, 1, _urutan(kolom, rows), [FORMAT_KOLOM.get(k) for k in kolom])


def tambah_baris(buku: Buku, sheet: str, kolom: Sequence[str], rows: Sequence[Baris]) -> int:
    """Append rows below the last used row of a table sheet; returns the first row written."""
    mulai = max(len(buku.baca(sheet)), 1) + 1
    if rows:
        buku.tulis(sheet, mulai, 1, _urutan(kolom, rows), [FORMAT_KOLOM.get(k) for k in kolom])
    return mulai


def ganti_baris(buku: Buku, sheet: str, kolom: Sequence[str], baris: int, rec: Baris) -> None:
    """Overwrite one row of a table sheet (e.g. a row staff typed, now completed)."""
    buku.tulis(sheet, baris, 1, _urutan(kolom, [rec]), [FORMAT_KOLOM.get(k) for k in kolom])


@functools.cache
def huruf_kolom(kolom: int) -> str:
    """Column letters of a 1-based column number: 1 -> A, 28 -> AB."""
    return huruf_kolom((kolom - 1) // 26) + chr(65 + (kolom - 1) % 26) if kolom else ""


def nama_sel(kolom: int, baris: int) -> str:
    """A cell's name as staff read it in messages: (10, 9) -> J9."""
    return f"{huruf_kolom(kolom)}{baris}"


def sebagai_teks(v: Any) -> str:
    """A cell as text for messages and documents ('' for empty, 2026.0 -> '2026')."""
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, datetime):
        return v.strftime("%d/%m/%Y %H:%M") if (v.hour or v.minute) else v.strftime("%d/%m/%Y")
    if isinstance(v, date):
        return v.strftime("%d/%m/%Y")
    return str(v).strip()


def perlu_awalan_teks(s: str) -> bool:
    """Whether a text would be taken by Excel as a formula, number or date if typed as is."""
    return bool(s) and (s[0] in "=+-@'" or s[0].isdigit() or s[0] in ".,(")
