"""The one number reader of intake and analysis (`pyxl.inti.angka`)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from pyxl.inti.angka import angka, baca_angka


@pytest.mark.parametrize(
    ("v", "x"),
    [
        (87.5, 87.5),
        (3, 3.0),
        (np.int64(7), 7.0),
        (np.float64(2.5), 2.5),
        ("87,5", 87.5),
        ("1.234,5", 1234.5),
        ("1.234.567,89", 1234567.89),
        ("1.234", 1234.0),
        ("1.500", 1500.0),
        ("12.345", 12345.0),
        ("87.5", 87.5),
        ("0.125", 0.125),
        ("1.2345", 1.2345),
        ("-2,5", -2.5),
        ("-5", -5.0),
        ("+4", 4.0),
        (" 12 ", 12.0),
        (" Rp1.500.000 ", 1_500_000.0),
        ("Rp 1.500.000,00", 1_500_000.0),
        ("95%", 95.0),
        ("87,5 %", 87.5),
        ("2026", 2026.0),
    ],
)
def test_numbers_in_indonesian_or_plain_notation(v: object, x: float) -> None:
    assert baca_angka(v) == pytest.approx(x)
    assert angka(v) == pytest.approx(x)


@pytest.mark.parametrize(
    ("v", "x", "intake_before", "analysis_before"),
    [
        # where intake (the old validasi.angka) and analysis (capaian.parse_angka) disagreed,
        # the more permissive reading wins
        ("Rp 5.000.000", 5_000_000.0, None, 5_000_000.0),
        ("\u22123", -3.0, None, -3.0),
        ("\u22122,5", -2.5, None, -2.5),
        ("1 234", 1234.0, 1234.0, "NaN"),
        ("1e5", 100_000.0, 100_000.0, "NaN"),
        (".5", 0.5, 0.5, "NaN"),
        ("5.", 5.0, 5.0, "NaN"),
        # both accepted it but read different values: a thousands group cannot start with 0
        ("0.500", 0.5, 500.0, 0.5),
    ],
)
def test_where_intake_and_analysis_disagreed_the_permissive_reading_wins(
    v: str, x: float, intake_before: object, analysis_before: object
) -> None:
    assert baca_angka(v) == pytest.approx(x)


@pytest.mark.parametrize("v", [None, np.nan, float("nan"), "", "   ", pd.NA, pd.NaT])
def test_an_empty_cell_is_none(v: object) -> None:
    assert baca_angka(v) is None
    assert angka(v) is None


@pytest.mark.parametrize(
    "v",
    [
        "n/a",
        "1,234.5",
        "1.23.4",
        "12,3,4",
        "-",
        "%",
        "Rp",
        "=1+1",
        "1_000",
        "nan",
        "inf",
        True,
        np.bool_(False),
        math.inf,
        -math.inf,
        10**400,
        "9" * 400,
        pd.Timestamp("2026-01-01"),
    ],
)
def test_what_is_not_a_number_is_nan_or_none(v: object) -> None:
    x = baca_angka(v)
    assert x is not None and math.isnan(x)
    assert angka(v) is None
