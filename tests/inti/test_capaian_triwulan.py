"""pyxl.inti.analisis_triwulan: the quarters measured by the yearly rules, and the year made
from them.

The year below is worked by hand as a Bagian Perencanaan staff member would in a side
spreadsheet: one indicator per rule of `Cara Tahunan`, every figure a literal.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from pyxl.inti.analisis_triwulan import (
    dengan_turunan,
    hitung_triwulan,
    isi_rekap,
    tandai,
    temuan_baru,
)
from pyxl.inti.capaian import hitung
from pyxl.kontrak import skema

TW = ("TW I", "TW II", "TW III", "TW IV")


def _baris(**isi: Any) -> dict[str, Any]:
    return {k: None for k in skema.KOLOM_INDIKATOR} | {"Kode Bagian": "RENKEU"} | isi


INDIKATOR = [
    _baris(
        **{"Kode IKU": "A", "Indikator Kinerja": "Serapan anggaran", "Satuan": "%"},
        **{"Polaritas": "Positif", "Target": 95, "Cara Tahunan": "Kumulatif"},
        **{"Pagu Anggaran": 1_000_000_000},
    ),
    _baris(
        **{"Kode IKU": "B", "Indikator Kinerja": "Produk hukum", "Satuan": "dokumen"},
        **{"Polaritas": "Positif", "Target": 24, "Cara Tahunan": "jumlah"},
    ),
    _baris(
        **{"Kode IKU": "C", "Indikator Kinerja": "Indeks kepuasan", "Satuan": "indeks"},
        **{"Polaritas": "Positif", "Target": "82", "Cara Tahunan": "Rata-rata"},
        **{"Perlu Bukti": "Ya"},
    ),
    _baris(
        **{"Kode IKU": "D", "Indikator Kinerja": "Rasio temuan", "Satuan": "%"},
        **{"Polaritas": "Negatif", "Target": 10, "Cara Tahunan": "Terakhir"},
    ),
]
REALISASI = {
    "A": [18.5, 41.2, 67.9, 96.3],  # year to date
    "B": [4, 7, 5, 9],  # each quarter its own count
    "C": [81.2, 83.0, 82.4, 84.6],  # a level each quarter
    "D": [14, 12, 9, 8],  # the level at the quarter's end
}
ANGGARAN_A = [185_000_000, 412_000_000, 679_000_000, 963_000_000]  # year to date


def _masukan(rows: list[dict[str, Any]] | None = None) -> pd.DataFrame:
    rows = rows if rows is not None else INDIKATOR
    df = pd.DataFrame(rows, columns=["Kode Bagian", *skema.KOLOM_INDIKATOR], dtype=object)
    df.index = pd.Index(range(2, 2 + len(rows)), name="_baris")  # the sheet rows
    return df


def _per_tw(sampai: int = 4, **lain: dict[int, dict[str, Any]]) -> dict[Any, Any]:
    hasil: dict[Any, Any] = {}
    baris = 2
    for iku, nilai in REALISASI.items():
        for n in range(1, sampai + 1):
            r = {"Realisasi": nilai[n - 1], "_baris": baris}
            if iku == "A":
                r["Realisasi Anggaran"] = ANGGARAN_A[n - 1]
            r |= lain.get(iku, {}).get(n, {})
            hasil.setdefault(("RENKEU", iku), {})[n] = r
            baris += 1
    return hasil


def _tahun(masukan: pd.DataFrame, tw: Any) -> Any:
    """The yearly analysis with the year made from the quarters, marked, as step 7 makes it."""
    tahun = hitung(dengan_turunan(masukan, tw.turunan))
    tandai(tahun, tw.turunan)
    return tahun


def _per(tw: Any, iku: str, kolom: str) -> list[Any]:
    """One indicator's column over its four quarters, an empty cell as None."""
    d = tw.indikator
    return [None if pd.isna(v) else v for v in d.loc[d["Kode IKU"] == iku, kolom]]


def test_each_quarter_against_its_pro_rated_target_by_the_yearly_rules() -> None:
    tw = hitung_triwulan(
        _masukan(),
        _per_tw(C={4: {"Target": 84}}),  # the quarter's own target, typed in sheet Triwulan
    )
    # A, cumulative: targets 95 x 1/4, 2/4, 3/4, 4/4 = 23.75, 47.5, 71.25, 95
    assert _per(tw, "A", "Target Periode") == [23.75, 47.5, 71.25, 95.0]
    assert _per(tw, "A", "Dasar Target") == [
        "1/4 target tahunan 95 (prorata s.d. TW I)",
        "2/4 target tahunan 95 (prorata s.d. TW II)",
        "3/4 target tahunan 95 (prorata s.d. TW III)",
        "4/4 target tahunan 95 (prorata s.d. TW IV)",
    ]
    # 18.5/23.75 = 77.8947..., 41.2/47.5 = 86.7368..., 67.9/71.25 = 95.2982..., 96.3/95
    assert _per(tw, "A", "Capaian (%)") == pytest.approx(
        [77.89473684210526, 86.73684210526316, 95.29824561403508, 101.36842105263158]
    )
    assert _per(tw, "A", "Kategori") == ["Tinggi", "Tinggi", "Sangat Tinggi", "Sangat Tinggi"]
    assert _per(tw, "A", "Tren") == [None, "naik", "naik", "naik"]
    # absorption: the year-to-date budget over the yearly pagu of 1.000.000.000
    assert _per(tw, "A", "Serapan Anggaran (%)") == pytest.approx([18.5, 41.2, 67.9, 96.3])
    # B, summed: each quarter 24 / 4 = 6; 4/6, 7/6, 5/6, 9/6
    assert _per(tw, "B", "Target Periode") == [6.0] * 4
    assert _per(tw, "B", "Dasar Target")[1] == "1/4 target tahunan 24 (prorata TW II)"
    assert _per(tw, "B", "Capaian (%)") == pytest.approx(
        [66.66666666666667, 116.66666666666667, 83.33333333333334, 150.0]
    )
    assert _per(tw, "B", "Kategori") == ["Sedang", "Sangat Tinggi", "Tinggi", "Sangat Tinggi"]
    assert _per(tw, "B", "Tren") == [None, "naik", "turun", "naik"]
    assert _per(tw, "B", "Cara Tahunan") == ["Jumlah"] * 4  # as typed: "jumlah"
    # C, averaged: the level 82 each quarter (typed as text "82"), TW IV its own 84
    assert _per(tw, "C", "Target Periode") == [82.0, 82.0, 82.0, 84.0]
    assert _per(tw, "C", "Dasar Target") == [
        *["target tahunan 82"] * 3,
        "target TW IV (sheet Triwulan)",
    ]
    # 81.2/82, 83/82, 82.4/82, 84.6/84; TW IV - TW III = +0.23 points: within 0.5, "tetap"
    assert _per(tw, "C", "Capaian (%)") == pytest.approx(
        [99.02439024390245, 101.21951219512195, 100.48780487804878, 100.71428571428572]
    )
    assert _per(tw, "C", "Tren") == [None, "naik", "turun", "tetap"]
    # D, negative, last value: (2 x 10 - R) / 10: 60, 80, 110, 120
    assert _per(tw, "D", "Capaian (%)") == pytest.approx([60.0, 80.0, 110.0, 120.0])
    assert _per(tw, "D", "Kategori") == ["Rendah", "Tinggi", "Sangat Tinggi", "Sangat Tinggi"]
    assert tw.temuan == [] and tw.sampai == 4


def test_the_year_made_from_the_quarters_where_the_yearly_cell_is_empty() -> None:
    masukan = _masukan()
    tw = hitung_triwulan(masukan, _per_tw())
    tahun = _tahun(masukan, tw)
    r = tahun.indikator
    # A: s.d. TW IV 96.3 -> 96.3/95; B: 4+7+5+9 = 25 -> 25/24; C: (81.2+83+82.4+84.6)/4 = 82.8
    # -> 82.8/82; D: the last level 8 -> (20-8)/10
    assert list(r["Realisasi"]) == pytest.approx([96.3, 25.0, 82.8, 8.0])
    assert list(r["Capaian (%)"]) == pytest.approx(
        [101.36842105263158, 104.16666666666667, 100.97560975609755, 120.0]
    )
    assert list(r["Status Data"]) == [
        "Ada data, dari triwulan: s.d. TW IV; anggaran s.d. TW IV",
        "Ada data, dari triwulan: jumlah TW I–IV",
        "Ada data, dari triwulan: rata-rata TW I–IV",
        "Ada data, dari triwulan: nilai terakhir, TW IV",
    ]
    assert r["Realisasi Anggaran"].iloc[0] == 963_000_000
    assert list(masukan["Realisasi"]) == [None] * 4, "the input is not changed"


def test_half_a_year_is_provisional_and_a_yearly_value_always_wins() -> None:
    rows = [dict(r) for r in INDIKATOR]
    rows[1]["Realisasi"] = 26  # a Tahunan return gave B's year
    masukan = _masukan(rows)
    tw = hitung_triwulan(masukan, _per_tw(sampai=2))
    tahun = _tahun(masukan, tw)
    r = tahun.indikator
    # A: s.d. TW II 41.2 -> 41.2/95 = 43.3684...; C: (81.2+83)/2 = 82.1 -> 82.1/82; D: 12 -> 80
    assert list(r["Realisasi"]) == pytest.approx([41.2, 26.0, 82.1, 12.0])
    assert list(r["Capaian (%)"]) == pytest.approx(
        [43.36842105263158, 108.33333333333333, 100.1219512195122, 80.0]
    )
    assert list(r["Status Data"]) == [
        "Ada data, dari triwulan: s.d. TW II (TW III, TW IV belum ada); anggaran s.d. TW II",
        "Ada data",
        "Ada data, dari triwulan: rata-rata TW I, TW II (TW III, TW IV belum ada)",
        "Ada data, dari triwulan: nilai terakhir, TW II (TW III, TW IV belum ada)",
    ]
    assert (
        tw.sampai == 2
        and len(tw.baris(2)) == 8
        and list(tw.baris(2).columns) == list(skema.KOLOM_ANALISIS_TRIWULAN)
    )


def test_a_quarter_without_a_figure_stays_empty_never_zero() -> None:
    tw = hitung_triwulan(_masukan(), _per_tw(sampai=1))
    d = tw.indikator
    kedua = d[d["_tw"] == 2]
    assert kedua["Realisasi"].isna().all() and kedua["Capaian (%)"].isna().all()
    assert kedua["Kategori"].isna().all() and kedua["Tren"].isna().all()
    # the table of round TW II lists TW II of every indicator, empty where nothing came
    assert list(tw.baris(2)["Periode"]) == ["TW I", "TW II"] * 4


def test_findings_name_the_cell_of_sheet_triwulan_or_of_the_bagian_sheet_once() -> None:
    rows = [dict(r) for r in INDIKATOR]
    rows[3]["Cara Tahunan"] = "per semester"  # not a rule
    rows[0]["Pagu Anggaran"] = None  # budget reported, no pagu
    masukan = _masukan(rows)
    per_tw = _per_tw(B={3: {"Realisasi": "lima"}})  # B TW III at sheet Triwulan row 8
    tw = hitung_triwulan(masukan, per_tw)
    tahun = _tahun(masukan, tw)
    baru = temuan_baru(tw, tahun.temuan)
    kode = sorted((t.kode, t.kode_iku, t.sel, t.kolom) for t in baru)
    assert kode == [
        ("ANGKA_TIDAK_SAH", "B", "Triwulan!E8", "Realisasi"),
        ("CARA_TAHUNAN_TIDAK_DIKENAL", "D", "", "Cara Tahunan"),
    ]
    [angka] = [t for t in baru if t.kode == "ANGKA_TIDAK_SAH"]
    assert angka.pesan.startswith("TW III: Indikator B (RENKEU): isian Realisasi tidak dihitung")
    [cara] = [t for t in baru if t.kode == "CARA_TAHUNAN_TIDAK_DIKENAL"]
    assert cara.indeks == 5 and "'per semester' tidak dikenal" in cara.pesan
    # the missing pagu is said once, by the year (the quarters' four findings are dropped)
    assert [t.kode for t in tahun.temuan] == ["PAGU_KOSONG"]
    # D is taken as Terakhir: its quarters against the yearly target, its year the last level
    assert _per(tw, "D", "Cara Tahunan") == ["Terakhir"] * 4
    assert tahun.indikator["Realisasi"].iloc[3] == 8
    # B cannot be summed: no yearly figure, and Status Data says why
    assert tahun.indikator["Realisasi"].iloc[1] is None
    assert tahun.indikator["Status Data"].iloc[1] == (
        "Belum ada data; triwulan: TW III bukan angka: perbaiki di sheet Triwulan"
    )


def test_a_range_and_a_grade_by_the_same_rules_as_the_year() -> None:
    rows = [
        _baris(
            **{"Kode IKU": "R", "Polaritas": "Positif", "Target": 80, "Target Atas": 90},
            **{"Cara Tahunan": "Kumulatif"},
        ),
        _baris(**{"Kode IKU": "G", "Polaritas": "Kualitatif", "Target": "BB"}),
        _baris(
            **{"Kode IKU": "S", "Polaritas": "Kualitatif", "Target": "BB"}, Skala="Predikat SAKIP"
        ),
    ]
    per_tw = {
        ("RENKEU", "R"): {2: {"Realisasi": 42, "_baris": 2}, 4: {"Realisasi": 70, "_baris": 3}},
        ("RENKEU", "G"): {1: {"Realisasi": "B", "_baris": 4}, 2: {"Realisasi": "bb", "_baris": 5}},
        ("RENKEU", "S"): {1: {"Realisasi": "B", "_baris": 6}, 2: {"Realisasi": "A", "_baris": 7}},
    }
    tw = hitung_triwulan(_masukan(rows), per_tw)
    # R, TW II: range 40–45 (80 and 90 x 2/4), 42 inside: 100; TW IV: 70 below 80: 70/80
    assert _per(tw, "R", "Dasar Target")[1] == (
        "2/4 target tahunan 80 (prorata s.d. TW II); rentang 40–45"
    )
    assert _per(tw, "R", "Capaian (%)")[1] == 100.0
    assert _per(tw, "R", "Capaian (%)")[3] == pytest.approx(87.5)
    # G: equal to the target ignoring case (100) or not (0); never pro-rated
    assert _per(tw, "G", "Capaian (%)")[:2] == [0.0, 100.0]
    assert _per(tw, "G", "Dasar Target")[0] == (
        "target tahunan; Cara Tahunan kosong: dianggap Terakhir"
    )
    # S on the SAKIP scale AA > A > BB > B > CC > C > D: B is 4th from the bottom, BB 5th:
    # 4/5 = 80 %; A above BB: 100 %
    assert _per(tw, "S", "Capaian (%)")[:2] == pytest.approx([80.0, 100.0])


def test_evidence_counted_per_quarter_and_a_zero_only_where_evidence_is_needed() -> None:
    bukti = {2: {("RENKEU", "A"): ["sp2d.pdf"], ("RENKEU", "B"): ["sk.pdf", "ba.pdf"]}}
    tw = hitung_triwulan(_masukan(), _per_tw(sampai=2), bukti=bukti)
    assert _per(tw, "A", "Bukti") == [None, 1, None, None]
    assert _per(tw, "B", "Bukti") == [None, 2, None, None]
    # C needs evidence (Perlu Bukti: Ya): none came for its two reported quarters
    assert _per(tw, "C", "Bukti") == [0, 0, None, None]


def test_rekap_gets_each_quarters_mean_assessed_capaian() -> None:
    masukan = _masukan()
    tw = hitung_triwulan(masukan, _per_tw(C={4: {"Target": 84}}))
    tahun = hitung(dengan_turunan(masukan, tw.turunan))
    rekap = isi_rekap(tahun.rekap, tw)
    assert list(rekap.columns) == list(skema.KOLOM_REKAP)
    renkeu, setda = rekap.iloc[0], rekap.iloc[-1]
    # TW I: (77.8947 + 66.6667 + 99.0244 + 60) / 4 = 75.8964...
    # TW II: (86.7368 + 116.6667 + 101.2195 + 80) / 4 = 96.1558...
    # TW III: (95.2982 + 83.3333 + 100.4878 + 110) / 4 = 97.2798...
    # TW IV: (101.3684 + 150 + 100.7143 + 120) / 4 = 118.0207...
    harap = [75.89644843816859, 96.15575524176295, 97.2798459563543, 118.02067669172932]
    assert [renkeu[k] for k in skema.KOLOM_REKAP_TW] == pytest.approx(harap)
    assert [setda[k] for k in skema.KOLOM_REKAP_TW] == pytest.approx(harap)


def test_bounds_of_the_settings_apply_to_the_quarters_mean() -> None:
    masukan = _masukan()
    tw = hitung_triwulan(masukan, _per_tw(C={4: {"Target": 84}}), batas=(0.0, 120.0))
    # B TW IV 150 % is assessed 120 %: TW IV (101.3684 + 120 + 100.7143 + 120) / 4
    rekap = isi_rekap(hitung(masukan).rekap, tw)
    assert rekap.iloc[0]["Capaian TW IV (%)"] == pytest.approx(110.52067669172932)
    assert _per(tw, "B", "Capaian (%)")[3] == 150.0, "the raw capaian stays"
    assert [t.kode for t in tw.temuan] == ["CAPAIAN_DIBATASI"]
    assert tw.temuan[0].sel == "Triwulan!E9"


def test_a_workbook_without_indicators_has_no_quarters() -> None:
    tw = hitung_triwulan(_masukan([]), {})
    assert tw.sampai == 0 and tw.baris(2).empty and tw.turunan == {} and tw.temuan == []
    assert list(tw.baris(2).columns) == list(skema.KOLOM_ANALISIS_TRIWULAN)
