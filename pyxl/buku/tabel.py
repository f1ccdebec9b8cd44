"""Table sheets through the port: a header in row 1, one record per row below it.

Every step reads and writes its ledgers and lists with these few functions, so a table is
always read checked (every contract column present) and written as whole blocks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pyxl.buku.port import Baris, Buku
from pyxl.galat import BukuError
from pyxl.kontrak import skema

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
    "Capaian Dinilai (%)": "0.00",
    "Waktu Terbit": "dd/mm/yyyy hh:mm:ss",
    "Perubahan": "0.00",
    "Waktu Persetujuan": "dd/mm/yyyy hh:mm",
    "Sisa Anggaran": "#,##0",
    "Disimpan": "dd/mm/yyyy hh:mm:ss",
    **{k: "0.00" for k in skema.KOLOM_REKAP_TW},
    "Ukuran (KB)": "#,##0.0",
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
