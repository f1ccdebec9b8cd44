"""pyxl.kontrak.periode: periods and yearly rules as staff type them."""

from __future__ import annotations

import pytest

from pyxl.galat import IsianError
from pyxl.kontrak.periode import (
    CARA_TAHUNAN,
    JUMLAH,
    KUMULATIF,
    PERIODE,
    RATA_RATA,
    TAHUNAN,
    TERAKHIR,
    baca_cara,
    baca_periode,
    nomor_tw,
)


@pytest.mark.parametrize(
    ("teks", "harap"),
    [
        ("TW I", "TW I"),
        ("tw ii", "TW II"),
        ("TW3", "TW III"),
        ("TW-4", "TW IV"),
        ("Triwulan II", "TW II"),
        ("triwulan  3", "TW III"),
        ("TRW IV", "TW IV"),
        ("Q1", "TW I"),
        ("Kuartal 2", "TW II"),
        ("", TAHUNAN),
        (None, TAHUNAN),
        ("Tahunan", TAHUNAN),
        ("  tahun ", TAHUNAN),
    ],
)
def test_baca_periode(teks: object, harap: str) -> None:
    assert baca_periode(teks) == harap


@pytest.mark.parametrize("teks", ["TW V", "TW 0", "Semester I", "triwulan", "2027", "TW I-II"])
def test_an_unknown_period_says_what_to_type(teks: str) -> None:
    with pytest.raises(IsianError) as galat:
        baca_periode(teks, "sel Kendali!C4")
    pesan = str(galat.value)
    assert pesan.startswith("sel Kendali!C4") and all(p in pesan for p in PERIODE)


def test_every_period_reads_back_as_itself() -> None:
    assert [baca_periode(p) for p in PERIODE] == list(PERIODE)
    assert [nomor_tw(p) for p in PERIODE] == [1, 2, 3, 4, None]


@pytest.mark.parametrize(
    ("teks", "harap"),
    [
        ("Jumlah", JUMLAH),
        ("total", JUMLAH),
        ("KUMULATIF", KUMULATIF),
        ("akumulasi", KUMULATIF),
        ("rata rata", RATA_RATA),
        ("Rata-rata", RATA_RATA),
        ("rerata", RATA_RATA),
        ("Akhir Periode", TERAKHIR),
        ("terakhir", TERAKHIR),
        ("", None),
        (None, None),
    ],
)
def test_baca_cara(teks: object, harap: str | None) -> None:
    assert baca_cara(teks) == harap


def test_every_rule_reads_back_as_itself_and_a_wrong_one_is_named() -> None:
    assert [baca_cara(c) for c in CARA_TAHUNAN] == list(CARA_TAHUNAN)
    with pytest.raises(IsianError, match=r"'median' tidak dikenal.*Jumlah, Kumulatif"):
        baca_cara("median")
