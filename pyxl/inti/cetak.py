"""Print setup that stays legible: how many pages wide a wide table is printed.

"Fit to one page wide" shrinks a table of 19 columns to 5–6 pt on A4: unreadable. Instead a
table is fitted to as many pages wide as keep the print at `SKALA_MIN` or more (8 pt of
10-pt text), with its first column(s) repeated on every page so each page says which row it
is. Excel chooses the scale of a "fit to N pages wide" print itself; `skala_muat` computes it
the same way (the largest whole percent at which the columns, broken between pages at column
boundaries, fill at most N pages), so the builder can pick N.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

A4 = 9
F4 = 14
"""Excel's paper codes (`xlPaperA4`, `xlPaperFolio` = 8.5 × 13 in, the F4 used in Indonesia)."""
LEBAR_KERTAS = {A4: 11.69, F4: 13.0}
"""The long side (inches): the printable width of a landscape page before margins."""
SKALA_MIN = 0.8
DPI = 96
"""Excel lays out column widths in pixels at 96 per inch at 100 %."""


def piksel(lebar: float) -> int:
    """The pixel width of a column `lebar` characters wide, as Excel's column width dialog
    and XlsxWriter's `set_column` count them: the default font's digit is 7 pixels wide, plus
    5 pixels of padding (ECMA-376 Part 1, 18.3.1.13)."""
    return math.trunc(lebar * 7 + 0.5) + 5


def jumlah_halaman(lebar_px: Sequence[int], judul: int, kapasitas: float) -> int:
    """Pages needed for columns of `lebar_px` pixels on pages `kapasitas` pixels wide, the
    first `judul` columns repeated on every page after the first."""
    px_judul = sum(lebar_px[:judul])
    n, dipakai = 1, 0.0
    for w in lebar_px:
        if dipakai + w > kapasitas and dipakai > (px_judul if n > 1 else 0):
            n, dipakai = n + 1, px_judul
        dipakai += w
    return n


def skala_muat(lebar: Sequence[float], halaman: int, judul: int, lebar_cetak_inci: float) -> float:
    """The scale (0.1–1) of a print of columns `lebar` (characters) fitted to `halaman`
    pages wide, with `lebar_cetak_inci` printable inches per page."""
    px = [piksel(w) for w in lebar]
    for persen in range(100, 9, -1):
        if jumlah_halaman(px, judul, lebar_cetak_inci * DPI * 100 / persen) <= halaman:
            return persen / 100
    return 0.1


def halaman_lebar(
    lebar: Sequence[float], judul: int, lebar_cetak_inci: float, skala_min: float = SKALA_MIN
) -> int:
    """The fewest pages wide that print columns `lebar` at `skala_min` or more. A small
    margin above `skala_min` covers the difference between fonts on different PCs."""
    for n in range(1, len(lebar) + 1):
        if skala_muat(lebar, n, judul, lebar_cetak_inci) >= skala_min + 0.05:
            return n
    return len(lebar)
