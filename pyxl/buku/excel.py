"""The workbook port on the live workbook in Excel (buttons), through xlwings.

Every method is one bulk call per block: Excel round-trips cost about a millisecond each, so a
cell-by-cell loop would make a button take minutes on a large workbook.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pyxl.inti.sel import perlu_awalan_teks


def _aman(v: Any) -> Any:
    """Text Excel would parse (formula, number, date) gets the apostrophe prefix: stays text.

    Excel takes a leading apostrophe as "this is text" and does not store it, so
    `=HYPERLINK(…)` from a returned format is written as the text it was, never a formula.
    Leading spaces do not hide a formula or a number."""
    if isinstance(v, str) and (perlu_awalan_teks(v) or perlu_awalan_teks(v.lstrip())):
        return "'" + v
    return v


class BukuExcel:
    """The caller's workbook (`xw.Book.caller()`), as a `pyxl.buku.port.Buku`."""

    def __init__(self, book: Any) -> None:
        self.book = book

    @property
    def folder(self) -> Path:
        return self.berkas.resolve().parent

    @property
    def berkas(self) -> Path:
        return Path(self.book.fullname)

    def nama_sheet(self) -> list[str]:
        return [s.name for s in self.book.sheets]

    def baca(self, sheet: str) -> list[list[Any]]:
        sht = self.book.sheets[sheet]
        used = sht.used_range
        nilai: list[list[Any]] = used.options(ndim=2).value or []
        # used_range may start below/right of A1: pad so rows and columns count from A1.
        r0, c0 = used.row - 1, used.column - 1
        kosong: list[list[Any]] = [[] for _ in range(r0)]
        rows = kosong + [[None] * c0 + list(r) for r in nilai]
        while rows and all(v is None for v in rows[-1]):
            rows.pop()
        return rows

    def tulis(
        self,
        sheet: str,
        baris: int,
        kolom: int,
        nilai: Sequence[Sequence[Any]],
        format_angka: Sequence[str | None] | None = None,
    ) -> None:
        if not nilai:
            return
        sht = self.book.sheets[sheet]
        lebar = max(len(r) for r in nilai)
        blok: list[list[Any]] = [[_aman(v) for v in r] + [None] * (lebar - len(r)) for r in nilai]
        sht.range((baris, kolom)).value = blok
        akhir = baris + len(blok) - 1
        for j, fmt in enumerate(format_angka or ()):
            if fmt:
                sht.range((baris, kolom + j), (akhir, kolom + j)).number_format = fmt

    def kosongkan(self, sheet: str, dari_baris: int) -> None:
        sht = self.book.sheets[sheet]
        used = sht.used_range
        akhir = used.row + used.rows.count - 1
        if akhir >= dari_baris:
            kanan = used.column + used.columns.count - 1
            sht.range((dari_baris, 1), (akhir, kanan)).clear_contents()

    def simpan(self) -> None:
        # Letter numbers and the ledger must not vanish if staff close without saving.
        self.book.save()
