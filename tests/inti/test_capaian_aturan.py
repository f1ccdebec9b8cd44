"""Rules as offices apply them: a capaian rule per indicator, bounds, ordered scales.

Test vectors are published figures (stored copies of the documents):

- [Wonogiri] LKjIP Kabupaten Wonogiri 2020, p. 66: Indeks Theil, target 0,025, realisasi
  0,0189, "ketercapaian sebesar 124,4%" = (2T−R)/T; against the RPJMD target 0,018169: 95,98 %.
  http://online.flipbuilder.com/lheij/zlgt/files/basic-html/page72.html
- [Lampung] LKj Provinsi Lampung 2015: AKB 4,88 against 32, "capaian kinerja sebesar 184,75"
  = (2T−R)/T, not capped.
  https://text-id.123dok.com/document/lzgjwrwvz-angka-kematian-ibu-aki-per-100-000-kelahiran-hidup.html
- [Manggarai Timur] LKjIP Kabupaten Manggarai Timur 2019, Tabel 3.8: AKI 0,19 against 0,16 →
  87,10; AKB 9,53 against 9,20 → 96,54: both T/R.
  https://123dok.com/article/menurunnya-kematian-ibu-baru-melahirkan-anak-baru-lahir.qojrmjjz
- [Kalsel] LAKIP 2014 "Capaian Kinerja Makro" (BPS Kalimantan Selatan data): Indeks Gini
  0,326 against 0,22 → 67,48; TPT 4,03 against 6,50 → 161,29 (T/R, not capped).
  https://123dok.com/article/capaian-atas-kinerja-makro-akuntabilitas-kinerja.zk0g4key
- [Wonogiri-LPPD] LPPD Kabupaten Wonogiri 2020, Tabel 3.16: growth −1,41 % against 2 % →
  capaian −70,50 % printed as is (no floor).
  http://online.flipbuilder.com/lheij/ewpj/files/basic-html/page258.html
- [Wonogiri-SAKIP] Solopos 20 Feb 2019: Wonogiri's SAKIP 2018 "kategori BB", 2017 "kategori B"
  (grades as realisations on an ordered scale).
  https://soloraya.solopos.com/read/20190220/495/973258/peringkat-ke-4-akuntabilitas-kinerja-pemkab-wonogiri-ungguli-solo-dan-semarang
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
import pytest

from pyxl.galat import IsianError
from pyxl.inti import skala as sk
from pyxl.inti.capaian import (
    ADA,
    ANGGARAN,
    MANUAL,
    batas_dari_pengaturan,
    hitung,
)
from pyxl.kontrak.pengaturan import Pengaturan


def _baris(**isi: Any) -> dict[str, Any]:
    dasar = {"Kode Bagian": "A", "Kode IKU": "I-1", "Indikator Kinerja": "Uji"}
    return dasar | {k.replace("_", " "): v for k, v in isi.items()}


def _hitung(*rows: dict[str, Any], **opsi: Any) -> tuple[pd.DataFrame, list[str]]:
    hasil = hitung(pd.DataFrame(list(rows), dtype=object), **opsi)
    return hasil.indikator, [t.kode for t in hasil.temuan]


@pytest.mark.parametrize(
    ("t", "r", "rumus", "capaian"),
    [
        (0.025, 0.0189, "(2T-R)/T", 124.4),  # [Wonogiri]
        (0.018169, 0.0189, "(2T-R)/T", 95.98),  # [Wonogiri], against the RPJMD target
        (32, 4.88, "(2T-R)/T", 184.75),  # [Lampung]
        (0.16, 0.19, "T/R", 84.21),  # [Manggarai Timur] 162/186 = 87,10 on unrounded rates
        (9.20, 9.53, "T/R", 96.54),  # [Manggarai Timur]
        (0.22, 0.326, "T/R", 67.48),  # [Kalsel]
        (6.50, 4.03, "T/R", 161.29),  # [Kalsel]
    ],
)
def test_rumus_per_indikator_sesuai_angka_terbitan(
    t: float, r: float, rumus: str, capaian: float
) -> None:
    """One workbook, two rules: each row's `Rumus Capaian` wins over the workbook setting."""
    lain = "T/R" if rumus == "(2T-R)/T" else "(2T-R)/T"
    ind, temuan = _hitung(
        _baris(Polaritas="Negatif", Target=t, Realisasi=r, Rumus_Capaian=rumus),
        rumus_negatif=lain,
    )
    assert ind["Capaian (%)"].iloc[0] == pytest.approx(capaian, abs=0.01)
    assert ind["Rumus Capaian"].iloc[0] == rumus
    assert temuan == []


def test_aki_manggarai_timur_dari_angka_per_100_000() -> None:
    """[Manggarai Timur] computes from 162 and 186 per 100.000 KH: 87,10 % exactly."""
    ind, _ = _hitung(_baris(Polaritas="Negatif", Target=162, Realisasi=186, Rumus_Capaian="T/R"))
    assert ind["Capaian (%)"].iloc[0] == pytest.approx(87.10, abs=0.005)


def test_dua_rumus_dalam_satu_buku_kerja() -> None:
    ind, temuan = _hitung(
        _baris(Kode_IKU="W", Polaritas="Negatif", Target=0.025, Realisasi=0.0189),
        _baris(Kode_IKU="M", Polaritas="Negatif", Target=9.20, Realisasi=9.53, Rumus_Capaian="T/R"),
        _baris(Kode_IKU="P", Polaritas="Positif", Target=80, Realisasi=70, Rumus_Capaian="R/T"),
    )
    assert list(ind["Capaian (%)"].round(2)) == [124.4, 96.54, 87.5]
    assert list(ind["Rumus Capaian"]) == ["(2T-R)/T", "T/R", "R/T"]
    assert temuan == []


@pytest.mark.parametrize(
    ("pol", "rumus"),
    [("Positif", "T/R"), ("Positif", "(2T-R)/T"), ("Negatif", "R/T"), ("Negatif", "R x T")],
)
def test_rumus_yang_tidak_cocok_tidak_dipakai(pol: str, rumus: str) -> None:
    ind, temuan = _hitung(_baris(Polaritas=pol, Target=10, Realisasi=8, Rumus_Capaian=rumus))
    assert math.isnan(ind["Capaian (%)"].iloc[0]) and ind["Status Data"].iloc[0] == MANUAL
    assert temuan == ["RUMUS_CAPAIAN_TIDAK_SESUAI"]


@pytest.mark.parametrize("tulis", ["t/r", "T / R", "T/R x 100%", "T/R×100"])
def test_rumus_ditulis_bebas_dikenali(tulis: str) -> None:
    ind, temuan = _hitung(
        _baris(Polaritas="Negatif", Target=6.5, Realisasi=4.03, Rumus_Capaian=tulis)
    )
    assert ind["Capaian (%)"].iloc[0] == pytest.approx(161.29, abs=0.01) and temuan == []


def test_batas_bawah_menjaga_rata_rata_capaian_asli_tetap_tampil() -> None:
    """[Wonogiri-LPPD] prints −70,50 %; a negative indicator far above target gives −331 %.
    `Capaian (%)` keeps the published figure; categories and averages use the floor."""
    rows = [
        _baris(Kode_IKU="G", Polaritas="Positif", Target=2, Realisasi=-1.41),
        _baris(Kode_IKU="N", Polaritas="Negatif", Target=3, Realisasi=15.93),
        _baris(Kode_IKU="B", Polaritas="Positif", Target=100, Realisasi=95),
    ]
    hasil = hitung(pd.DataFrame(rows, dtype=object))
    ind = hasil.indikator
    assert list(ind["Capaian (%)"].round(2)) == [-70.5, -331.0, 95.0]
    assert list(ind["Capaian Dinilai (%)"]) == [0.0, 0.0, 95.0]
    assert hasil.rekap.iloc[-1]["Rata-rata Capaian (%)"] == pytest.approx(95 / 3)
    assert [t.kode for t in hasil.temuan] == ["CAPAIAN_DIBATASI"] * 2
    assert "-331,00% dinilai 0,00%" in hasil.temuan[1].pesan
    tanpa = hitung(pd.DataFrame(rows, dtype=object), batas=(None, None))
    assert tanpa.rekap.iloc[-1]["Rata-rata Capaian (%)"] == pytest.approx((-70.5 - 331 + 95) / 3)


def test_batas_atas_pilihan() -> None:
    """[Kalsel] leaves 161,29 uncapped (default); an office that caps at 120 says so."""
    row = _baris(Polaritas="Negatif", Target=6.5, Realisasi=4.03, Rumus_Capaian="T/R")
    ind, _ = _hitung(row)
    assert ind["Capaian Dinilai (%)"].iloc[0] == pytest.approx(161.29, abs=0.01)
    ind, temuan = _hitung(row, batas=(0.0, 120.0))
    assert ind["Capaian (%)"].iloc[0] == pytest.approx(161.29, abs=0.01)
    assert ind["Capaian Dinilai (%)"].iloc[0] == 120 and temuan == ["CAPAIAN_DIBATASI"]


@pytest.mark.parametrize(
    ("bawah", "atas", "hasil"),
    [("0", "", (0.0, None)), ("tanpa", "120", (None, 120.0)), ("-10", "150,5", (-10.0, 150.5))],
)
def test_batas_dari_pengaturan(bawah: str, atas: str, hasil: tuple[Any, Any]) -> None:
    peng = Pengaturan({"Batas Bawah Capaian": bawah, "Batas Atas Capaian": atas})
    assert batas_dari_pengaturan(peng) == hasil


@pytest.mark.parametrize(("bawah", "atas"), [("nol", ""), ("100", "90")])
def test_batas_yang_salah_menyebut_kuncinya(bawah: str, atas: str) -> None:
    peng = Pengaturan({"Batas Bawah Capaian": bawah, "Batas Atas Capaian": atas})
    with pytest.raises(IsianError, match=r"Batas .* Capaian"):
        batas_dari_pengaturan(peng)


@pytest.mark.parametrize(
    ("skala", "target", "realisasi", "capaian"),
    [
        ("Predikat SAKIP", "BB", "B", 80.0),  # [Wonogiri-SAKIP]: 2017 B, 2018 BB
        ("Predikat SAKIP", "BB", "BB", 100.0),
        ("Predikat SAKIP", "BB", "A", 100.0),
        ("Predikat SAKIP", "A", "D", 100 / 6),
        ("Opini BPK", "WTP", "WDP", 75.0),
        ("Opini BPK", "WTP", "Wajar Tanpa Pengecualian", 100.0),
        ("Opini BPK", "wtp", "W T P", 100.0),
        ("Ya/Tidak", "Ya", "Tercapai", 100.0),
        ("Ya/Tidak", "Ya", "Tidak", 0.0),
        ("Ya/Tidak", "Ya", "Belum", 0.0),
        ("Peringkat 1-10", "3", "5", 75.0),
        ("Peringkat 1-10", "3", 2, 100.0),
    ],
)
def test_skala_berurutan(skala: str, target: str, realisasi: object, capaian: float) -> None:
    """Achieved at or above the target on the scale; below it, the scale's stated rule."""
    ind, temuan = _hitung(
        _baris(Polaritas="Kualitatif", Target=target, Realisasi=realisasi, Skala=skala)
    )
    assert ind["Capaian (%)"].iloc[0] == pytest.approx(capaian)
    aturan = "nol" if skala == "Ya/Tidak" else "proporsional"
    assert ind["Rumus Capaian"].iloc[0] == f"Skala {skala} ({aturan})"
    assert ind["Status Data"].iloc[0] == ADA and temuan == []


def test_nilai_di_luar_skala_tidak_dihitung_dan_disebut() -> None:
    ind, temuan = _hitung(
        _baris(Polaritas="Kualitatif", Target="BB", Realisasi="Baik", Skala="Predikat SAKIP")
    )
    assert math.isnan(ind["Capaian (%)"].iloc[0]) and ind["Status Data"].iloc[0] == MANUAL
    assert temuan == ["NILAI_SKALA_TIDAK_DIKENAL"]
    hasil = hitung(
        pd.DataFrame(
            [_baris(Polaritas="Kualitatif", Target="BB", Realisasi="Baik", Skala="Predikat SAKIP")],
            dtype=object,
        )
    )
    assert "AA, A, BB, B, CC, C, D" in hasil.temuan[0].pesan


def test_skala_yang_tidak_ada() -> None:
    ind, temuan = _hitung(_baris(Polaritas="Kualitatif", Target="X", Realisasi="X", Skala="Huruf"))
    assert math.isnan(ind["Capaian (%)"].iloc[0]) and temuan == ["SKALA_TIDAK_DIKENAL"]


def test_skala_buatan_staf_dari_sheet_skala() -> None:
    rows = [
        {"Skala": "Akreditasi", "Nilai": "Paripurna", "Sebutan Lain": "Bintang 5", "_baris": 2},
        {"Skala": "Akreditasi", "Nilai": "Utama", "Di Bawah Target": "Nol", "_baris": 3},
        {"Skala": "Akreditasi", "Nilai": "Madya", "_baris": 4},
        {"Skala": "", "Nilai": "", "_baris": 5},
    ]
    daftar, galat = sk.dari_baris(rows)
    assert galat == []
    ind, _ = _hitung(
        _baris(Polaritas="Kualitatif", Target="Utama", Realisasi="bintang 5", Skala="akreditasi"),
        _baris(Polaritas="Kualitatif", Target="Utama", Realisasi="Madya", Skala="Akreditasi"),
        skala_urut=daftar,
    )
    assert list(ind["Capaian (%)"]) == [100.0, 0.0]


def test_sheet_skala_yang_salah_disebut_barisnya() -> None:
    _, galat = sk.dari_baris(
        [
            {"Skala": "S", "Nilai": "A", "Di Bawah Target": "Separuh", "_baris": 2},
            {"Skala": "S", "Nilai": "a", "_baris": 3},
        ]
    )
    assert any("baris 2" in g and "Separuh" in g for g in galat)
    assert any("baris 3" in g and "dua kali" in g for g in galat)


def test_skala_bawaan_tertulis_dan_terbaca_kembali() -> None:
    daftar, galat = sk.dari_baris(
        [r | {"_baris": i} for i, r in enumerate(sk.sebagai_baris(sk.BAWAAN), start=2)]
    )
    assert galat == [] and list(daftar.values()) == list(sk.BAWAAN)


def test_tanpa_skala_aturan_lama() -> None:
    ind, _ = _hitung(_baris(Polaritas="Kualitatif", Target="WTP", Realisasi="WDP"))
    assert ind["Capaian (%)"].iloc[0] == 0 and ind["Rumus Capaian"].iloc[0] == "Sama dengan target"


def test_target_nol_positif_dilaporkan_terhitung_ada_data() -> None:
    hasil = hitung(pd.DataFrame([_baris(Polaritas="Positif", Target=0, Realisasi=3)], dtype=object))
    assert hasil.indikator["Status Data"].iloc[0] == MANUAL
    assert hasil.rekap.iloc[-1]["Ada Data"] == 1
    assert math.isnan(hasil.rekap.iloc[-1]["Rata-rata Capaian (%)"])


def test_baris_anggaran_saja_bukan_indikator_tanpa_temuan_polaritas() -> None:
    hasil = hitung(
        pd.DataFrame(
            [
                _baris(Kode_IKU="", Pagu_Anggaran=1_000_000, Realisasi_Anggaran=900_000),
                _baris(
                    Kode_IKU="I-2",
                    Polaritas="Positif",
                    Target=10,
                    Realisasi=10,
                    Pagu_Anggaran=1_000_000,
                    Realisasi_Anggaran=500_000,
                ),
            ],
            dtype=object,
        )
    )
    ind, rekap = hasil.indikator, hasil.rekap.iloc[-1]
    assert list(ind["Status Data"]) == [ANGGARAN, ADA]
    assert ind["Serapan Anggaran (%)"].iloc[0] == pytest.approx(90)
    assert [t.kode for t in hasil.temuan] == []
    assert rekap["Jumlah Indikator"] == 1 and rekap["Serapan Anggaran (%)"] == pytest.approx(70)
