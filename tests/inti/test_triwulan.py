"""pyxl.inti.triwulan: the year from its quarters, quarter targets, trends.

The four-indicator year below is worked by hand (as a Bagian Perencanaan staff member would in
a side spreadsheet), one indicator per rule of `Cara Tahunan`.
"""

from __future__ import annotations

import pytest

from pyxl.inti.triwulan import NAIK, TETAP, TURUN, realisasi_tahunan, target_tw, tren
from pyxl.kontrak.periode import JUMLAH, KUMULATIF, RATA_RATA, TERAKHIR

# Persentase penyerapan anggaran (cumulative: each quarter reports the year to date)
SERAPAN = [18.5, 41.2, 67.9, 96.3]
# Jumlah produk hukum yang difasilitasi (summed: each quarter its own count)
PRODUK_HUKUM = [4, 7, 5, 9]
# Indeks kepuasan layanan (averaged: measured every quarter)
IKM = [81.2, 83.0, 82.4, 84.6]
# Predikat hasil evaluasi (last value: the grade in force at year end)
PREDIKAT = ["B", "B", "BB", "BB"]


def test_a_four_quarter_year_by_each_rule() -> None:
    serapan = realisasi_tahunan(SERAPAN, KUMULATIF)
    assert serapan.nilai == 96.3 and serapan.lengkap
    assert serapan.catatan == "s.d. TW IV"
    produk = realisasi_tahunan(PRODUK_HUKUM, JUMLAH)
    assert produk.nilai == 25.0  # 4 + 7 + 5 + 9
    assert produk.catatan == "jumlah TW I–IV"
    ikm = realisasi_tahunan(IKM, RATA_RATA)
    assert ikm.nilai == pytest.approx(82.8)  # (81.2 + 83.0 + 82.4 + 84.6) / 4 = 331.2 / 4
    assert ikm.catatan == "rata-rata TW I–IV"
    predikat = realisasi_tahunan(PREDIKAT, TERAKHIR)
    assert predikat.nilai == "BB" and predikat.catatan == "nilai terakhir, TW IV"


def test_a_year_half_reported_is_provisional_and_says_what_is_missing() -> None:
    produk = realisasi_tahunan([4, 7, None, None], JUMLAH)
    assert produk.nilai == 11.0 and not produk.lengkap and produk.tw == (1, 2)
    assert produk.catatan == "jumlah TW I, TW II (TW III, TW IV belum ada)"
    serapan = realisasi_tahunan([18.5, None, 67.9, None], KUMULATIF)
    assert serapan.nilai == 67.9 and serapan.catatan == "s.d. TW III (TW II, TW IV belum ada)"
    kosong = realisasi_tahunan([None, "", None, None], RATA_RATA)
    assert kosong.nilai is None and kosong.catatan == "belum ada realisasi triwulan"


def test_text_cannot_be_summed_or_averaged() -> None:
    hasil = realisasi_tahunan(PREDIKAT, RATA_RATA)
    assert hasil.nilai is None
    assert hasil.catatan.startswith("TW I–IV bukan angka") and TERAKHIR in hasil.catatan
    with pytest.raises(ValueError):
        realisasi_tahunan([1, 2, 3], JUMLAH)


@pytest.mark.parametrize(
    ("cara", "tw", "harap", "catatan"),
    [
        (JUMLAH, 2, 25.0, "1/4 target tahunan (prorata TW II)"),
        (KUMULATIF, 3, 75.0, "3/4 target tahunan (prorata s.d. TW III)"),
        (RATA_RATA, 1, 100.0, "target tahunan"),
        (TERAKHIR, 4, 100.0, "target tahunan"),
    ],
)
def test_quarter_target_pro_rated_from_the_year(
    cara: str, tw: int, harap: float, catatan: str
) -> None:
    assert target_tw(100.0, cara, tw) == (harap, catatan)


def test_a_quarter_target_of_its_own_wins_and_no_target_is_said() -> None:
    assert target_tw(100.0, JUMLAH, 2, target_sendiri=30.0) == (30.0, "target TW II")
    assert target_tw(None, JUMLAH, 2) == (None, "tanpa target")


def test_capaian_per_quarter_against_pro_rated_targets() -> None:
    """Serapan against a yearly target of 95 %: TW II 41,2 against 47,5 is 86,74 %."""
    capaian = []
    for tw, r in enumerate(SERAPAN, 1):
        t, _ = target_tw(95.0, KUMULATIF, tw)
        assert t is not None
        capaian.append(round(r / t * 100, 2))
    assert capaian == [77.89, 86.74, 95.3, 101.37]
    assert tren(capaian) == NAIK


@pytest.mark.parametrize(
    ("capaian", "harap"),
    [
        ([80.0, 90.0], NAIK),
        ([90.0, 80.0], TURUN),
        ([90.0, 90.4], TETAP),
        ([90.0, None, 85.0, None], TURUN),
        ([90.0], ""),
        ([None, None], ""),
    ],
)
def test_tren(capaian: list[float | None], harap: str) -> None:
    assert tren(capaian) == harap
