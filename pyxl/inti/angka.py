"""Numbers as people type them: the one reader of intake (step 6) and analysis (step 7).

A cell holds a number, a text, or nothing. `baca_angka` gives a float for a number, None for an
empty cell, and NaN for something that is not a number; it never raises. Text is read the
Indonesian way first: "." groups thousands and "," is the decimal mark ("1.234.567,89", "87,5",
"1.234" = 1234). Failing that, one "." is a decimal point as Excel and Python write it ("87.5",
"0.500" = 0,5), and an exponent is allowed ("1e5"). Around the number, spaces (also inside it,
"1 234"), a leading "Rp", a trailing "%" and a Unicode minus sign (−) are accepted. Booleans,
infinities, dates and any other value are NaN.
"""

from __future__ import annotations

import math
import re
from typing import Any

_POLA_ID = re.compile(r"[+-]?([1-9]\d{0,2}(\.\d{3})+|\d+)(,\d+)?")
_POLA_TITIK = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_KOSONG_PANDAS = frozenset({"NAType", "NaTType"})


def baca_angka(v: Any) -> float | None:
    """A cell as a number: the float, None when empty, NaN when it is not a number."""
    if v is None or type(v).__name__ in _KOSONG_PANDAS:
        return None
    if type(v).__name__ in ("bool", "bool_"):  # Python and numpy booleans
        return math.nan
    if isinstance(v, int) and not isinstance(v, bool):
        return float(v) if abs(v) < 2**1023 else math.nan
    if isinstance(v, float) or (hasattr(v, "dtype") and hasattr(v, "__float__")):
        x = float(v)
        return None if math.isnan(x) else x if math.isfinite(x) else math.nan
    if not isinstance(v, str):
        return math.nan
    if not v.strip():
        return None
    t = "".join(v.split()).replace("\u2212", "-")
    if t[:2].casefold() == "rp":
        t = t[2:]
    t = t.removesuffix("%")
    if _POLA_ID.fullmatch(t):
        x = float(t.replace(".", "").replace(",", "."))
    elif _POLA_TITIK.fullmatch(t):
        x = float(t)
    else:
        return math.nan
    return x if math.isfinite(x) else math.nan


def angka(v: Any) -> float | None:
    """`baca_angka` for a caller that treats empty and not-a-number alike: None for both."""
    x = baca_angka(v)
    return None if x is None or math.isnan(x) else x
