"""The workbook port: the one small interface every step uses to read and write the master.

Two adapters implement it: `xlsm.BukuZip` (a closed .xlsm file, surgery on its zip; opened
by `xlsm.buka`) for the CLI and tests, and `excel.BukuExcel` (the live
workbook through xlwings) for the buttons. The core asks only for whole blocks — read a sheet,
write a block of rows — so the live adapter makes one Excel call per block, never one per cell.

Rows and columns are 1-based, as staff see them. Table sheets have their header in row 1.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any, Protocol

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

    def ada_sheet(self, nama: str) -> bool:
        """Whether sheet `nama` exists (its exact name): what a step asks once per Bagian,
        so it must not list every sheet each time."""
        ...

    def tersembunyi(self) -> set[str]:
        """The sheets that are hidden (or very hidden)."""
        ...

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

    def sel_persen(self, sheet: str, calon: Collection[str]) -> set[str]:
        """Which of the cells `calon` ("J5", ...) show a percentage (a percent number
        format): "92,86%" typed there is stored as 0,9286."""
        ...

    def kosongkan(self, sheet: str, dari_baris: int) -> None:
        """Clear the values of every row from `dari_baris` down (formats stay)."""
        ...

    def tambah_sheet(
        self, nama: str, contoh: str, sesudah: str, judul_cetak: str | None = None
    ) -> None:
        """Add sheet `nama` after `sesudah`, laid out like `contoh` with only its first row;
        `judul_cetak` replaces the left part of its printed header."""
        ...

    def ganti_nama_sheet(self, lama: str, baru: str) -> None: ...

    def sembunyikan_sheet(self, nama: str, sembunyi: bool = True) -> None: ...

    def atur_judul_cetak(self, sheet: str, judul: str) -> None:
        """Name `judul` on the left of the sheet's printed page header."""
        ...

    def atur_rentang_grafik(self, sheet: str, baris_akhir: int) -> None:
        """Make the charts on `sheet` read their data down to row `baris_akhir`."""
        ...

    def simpan(self) -> None: ...
