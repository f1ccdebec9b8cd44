"""Cells as staff read them: column letters, cell names, a value shown as text."""

from __future__ import annotations

import functools
import re
from datetime import date, datetime
from typing import Any


@functools.cache
def huruf_kolom(kolom: int) -> str:
    """Column letters of a 1-based column number: 1 -> A, 28 -> AB."""
    return huruf_kolom((kolom - 1) // 26) + chr(65 + (kolom - 1) % 26) if kolom else ""


def nama_sel(kolom: int, baris: int) -> str:
    """A cell's name as staff read it in messages: (10, 9) -> J9."""
    return f"{huruf_kolom(kolom)}{baris}"


def sebagai_teks(v: Any) -> str:
    """A cell as text for messages and documents ('' for empty, 2026.0 -> '2026')."""
    if type(v) is str:  # most cells (a step reads tens of thousands)
        return v.strip()
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


PANJANG_KUTIPAN = 80
"""Characters of a cell value quoted in a message."""


def kutip(v: Any, panjang: int = PANJANG_KUTIPAN) -> str:
    """A value as quoted in a message: no control characters, at most `panjang` characters."""
    teks = _KENDALI.sub(" ", str(v))
    return teks if len(teks) <= panjang else teks[: panjang - 1] + "…"


_KENDALI = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u2028\u2029]")
