"""Workbook cells as the Dokumen IKU writes them: text, numbers, values with their unit.

Every value of the document is a formatted Indonesian string; an empty cell is "-", never 0.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Iterator
from typing import Any

from pyxl.inti import indo
from pyxl.inti.sel import sebagai_teks

SATUAN_TANPA_ANGKA = {"nilai", "indeks", "skor", "opini", "predikat", "peringkat", "kategori"}
"""Units that only name what the number is: "68,2", not "68,2 Nilai"."""


def teks(v: Any) -> str:
    """A cell as text; '-' when empty."""
    return sebagai_teks(v) or "-"


def bil(v: Any) -> float | None:
    """A cell as a number (as people type them), None when it is not one."""
    if type(v) is float:  # most cells; what `baca_angka` makes of one, without its checks
        return v if math.isfinite(v) else None
    if type(v) is int:  # whole numbers as calamine reads them: `baca_angka`'s float of one
        return float(v) if abs(v) < 2**1023 else None
    if v is None:
        return None
    from pyxl.inti.angka import baca_angka

    x = baca_angka(v)
    return None if x is None or math.isnan(x) else x


_INGAT: dict[tuple[Any, ...], str] | None = None
"""Numbers already formatted, while `diingat` is on (one document at a time)."""


@contextlib.contextmanager
def diingat() -> Iterator[None]:
    """Within: each number is formatted once however often the document writes it (the
    same figure goes into a table, the plan and the sentences comparing it)."""
    global _INGAT
    lama, _INGAT = _INGAT, {}
    try:
        yield
    finally:
        _INGAT = lama


def _sekali(jenis: str, ubah: Callable[[Any], str], v: Any) -> str:
    """`ubah(v)`, remembered under `diingat` for plain ints and floats (a pure function)."""
    if _INGAT is None or (type(v) is not float and type(v) is not int):
        return ubah(v)
    kunci = (jenis, type(v), v)
    hasil = _INGAT.get(kunci)
    if hasil is None:
        hasil = _INGAT[kunci] = ubah(v)
    return hasil


def _nilai(v: Any) -> str:
    from pyxl.dokumen.grafik import angka_ringkas

    if isinstance(v, int | float) and not isinstance(v, bool):
        return "-" if math.isnan(v) else angka_ringkas(v)
    return teks(v)


def nilai(v: Any) -> str:
    """A target or realisation as written in the document; '-' when empty (never 0)."""
    return _sekali("nilai", _nilai, v)


def persen(x: float | None) -> str:
    """`pyxl.inti.indo.persen`, remembered under `diingat`."""
    return _sekali("persen", indo.persen, x)


def rupiah(x: float | None) -> str:
    """`pyxl.inti.indo.rupiah`, remembered under `diingat`."""
    return _sekali("rupiah", indo.rupiah, x)


def dengan_satuan(v: Any, satuan: Any) -> str:
    """'92,86%', '3 Segmen', '68,2', 'WTP': a value in a sentence, with its unit."""
    isi, sat = nilai(v), sebagai_teks(satuan)
    if isi == "-" or bil(v) is None or not sat or sat.casefold() in SATUAN_TANPA_ANGKA:
        return isi
    return f"{isi}%" if sat == "%" else f"{isi} {sat}"
