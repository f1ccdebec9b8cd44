"""The capaian engine of SOP step 7: each rule of the domain notes, on hand-computed cases."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from typing import Any

import numpy as np
import pandas as pd
import pytest

from pyxl.contoh import muat as sample
from pyxl.galat import IsianError
from pyxl.inti import capaian
from pyxl.inti.capaian import BELUM, MANUAL, Skala, hitung
from pyxl.inti.temuan import Temuan
from pyxl.kontrak import skema
from pyxl.kontrak.pengaturan import Pengaturan


def baris(**isi: Any) -> dict[str, Any]:
    """One indicator row; keyword names are column names with spaces as underscores."""
    row: dict[str, Any] = {"Kode Bagian": "UJI", "Kode IKU": "IKU-UJI-01", "Polaritas": "Positif"}
    row.update({k.replace("_", " "): v for k, v in isi.items()})
    return row


def satu(rumus: str = "(2T-R)/T", **isi: Any) -> tuple[pd.Series, list[Temuan]]:
    """The analysis of one row: its result row and its findings."""
    hasil = hitung(pd.DataFrame([baris(**isi)]), rumus_negatif=rumus)
    return hasil.indikator.iloc[0], hasil.temuan


def kode(temuan: list[Temuan]) -> list[str]:
    return [t.kode for t in temuan]


# ---- the regulation's worked examples (domain notes) ----


def test_contoh_regulasi_rentang_positif_di_bawah() -> None:
    r, _ = satu(Target=80, Target_Atas=90, Realisasi=70)
    assert r["Capaian (%)"] == pytest.approx(87.5)


def test_contoh_regulasi_rentang_negatif_di_bawah() -> None:
    r, _ = satu(Polaritas="Negatif", Target=7, Target_Atas=8, Realisasi=6.5)
    assert r["Capaian (%)"] == pytest.approx((1 + (1 - 6.5 / 7)) * 100)
    assert r["Capaian (%)"] == pytest.approx(107.142857, abs=1e-6)


def test_contoh_regulasi_rentang_negatif_di_atas() -> None:
    r, _ = satu(Polaritas="Negatif", Target=7, Target_Atas=8, Realisasi=9)
    assert r["Capaian (%)"] == pytest.approx(87.5)


# ---- one test per rule ----


def test_positif_r_per_t() -> None:
    r, temuan = satu(Target=80, Realisasi=60)
    assert r["Capaian (%)"] == pytest.approx(75.0)
    assert r["Kategori"] == "Sedang" and r["Status Data"] == capaian.ADA
    assert temuan == []


def test_capaian_tidak_dibulatkan_dan_di_atas_100_tidak_dipotong() -> None:
    assert satu(Target=3, Realisasi=1)[0]["Capaian (%)"] == 1 / 3 * 100
    assert satu(Target=90, Realisasi=100)[0]["Capaian (%)"] == pytest.approx(111.111111)


def test_negatif_rumus_bawaan_2t_kurang_r_per_t() -> None:
    assert satu(Polaritas="Negatif", Target=5, Realisasi=7)[0]["Capaian (%)"] == pytest.approx(60)
    assert satu(Polaritas="Negatif", Target=5, Realisasi=3.8)[0]["Capaian (%)"] == pytest.approx(
        124
    )


def test_negatif_rumus_pilihan_t_per_r() -> None:
    r, _ = satu("T/R", Polaritas="Negatif", Target=5, Realisasi=4)
    assert r["Capaian (%)"] == pytest.approx(125.0)
    r, _ = satu(" t / r ", Polaritas="Negatif", Target=6, Realisasi=8)
    assert r["Capaian (%)"] == pytest.approx(75.0)


def test_negatif_t_per_r_dengan_realisasi_nol_perlu_isian_manual() -> None:
    r, temuan = satu("T/R", Polaritas="Negatif", Target=5, Realisasi=0)
    assert math.isnan(r["Capaian (%)"]) and r["Status Data"] == MANUAL
    assert kode(temuan) == ["NEGATIF_REALISASI_NOL_TR"]
    assert "(2T-R)/T" in temuan[0].pesan


def test_rumus_negatif_tidak_dikenal_adalah_kesalahan_pengaturan() -> None:
    with pytest.raises(IsianError, match="Rumus Polaritas Negatif"):
        hitung(pd.DataFrame([baris(Target=1, Realisasi=1)]), rumus_negatif="R/T")


@pytest.mark.parametrize(("pol", "r"), [("Positif", 80), ("Positif", 85), ("Negatif", 90)])
def test_rentang_di_dalam_termasuk_batas_adalah_100(pol: str, r: float) -> None:
    hasil, temuan = satu(Polaritas=pol, Target=80, Target_Atas=90, Realisasi=r)
    assert hasil["Capaian (%)"] == 100.0 and temuan == []


def test_rentang_di_atas_memakai_target_atas() -> None:
    positif, _ = satu(Target=90, Target_Atas=95, Realisasi=97.2)
    assert positif["Capaian (%)"] == pytest.approx(97.2 / 95 * 100)
    negatif, _ = satu(Polaritas="Negatif", Target=25, Target_Atas=30, Realisasi=33)
    assert negatif["Capaian (%)"] == pytest.approx((60 - 33) / 30 * 100)


def test_rentang_terbalik_tidak_dihitung() -> None:
    r, temuan = satu(Target=90, Target_Atas=80, Realisasi=85)
    assert math.isnan(r["Capaian (%)"]) and r["Status Data"] == MANUAL
    assert kode(temuan) == ["RENTANG_TERBALIK"] and temuan[0].kolom == "Target Atas"


def test_target_nol_negatif_realisasi_nol_adalah_100() -> None:
    r, temuan = satu(Polaritas="Negatif", Target=0, Realisasi=0)
    assert r["Capaian (%)"] == 100.0 and temuan == []


def test_target_nol_negatif_terlampaui_adalah_0_dengan_peringatan() -> None:
    r, temuan = satu(Polaritas="Negatif", Target=0, Realisasi=2)
    assert r["Capaian (%)"] == 0.0 and r["Kategori"] == "Sangat Rendah"
    assert r["Status Data"] == capaian.ADA
    assert kode(temuan) == ["TARGET_NOL_NEGATIF_TERLAMPAUI"]
    assert temuan[0].tingkat == "Peringatan" and "realisasi 2" in temuan[0].pesan


def test_target_nol_negatif_dengan_rumus_t_per_r() -> None:
    assert satu("T/R", Polaritas="Negatif", Target=0, Realisasi=0)[0]["Capaian (%)"] == 100.0
    r, temuan = satu("T/R", Polaritas="Negatif", Target=0, Realisasi=1)
    assert r["Capaian (%)"] == 0.0 and kode(temuan) == ["TARGET_NOL_NEGATIF_TERLAMPAUI"]


def test_target_nol_positif_perlu_isian_manual() -> None:
    r, temuan = satu(Target=0, Realisasi=3)
    assert math.isnan(r["Capaian (%)"]) and r["Kategori"] is None
    assert r["Status Data"] == MANUAL
    assert kode(temuan) == ["TARGET_NOL_POSITIF"]
    t = temuan[0]
    assert (t.kode_bagian, t.kode_iku, t.kolom) == ("UJI", "IKU-UJI-01", "Target")
    assert t.pesan.startswith("Indikator IKU-UJI-01 (UJI): ") and "manual" in t.pesan


def test_target_negatif_perlu_isian_manual() -> None:
    r, temuan = satu(Target=-2, Realisasi=3)
    assert math.isnan(r["Capaian (%)"]) and kode(temuan) == ["TARGET_NEGATIF"]


def test_target_kosong() -> None:
    for pol in ("Positif", "Kualitatif"):
        r, temuan = satu(Polaritas=pol, Target=None, Realisasi="WTP" if pol == "Kualitatif" else 5)
        assert math.isnan(r["Capaian (%)"]) and r["Status Data"] == MANUAL
        assert kode(temuan) == ["TARGET_KOSONG"]


def test_kualitatif_sama_mengabaikan_huruf_besar_dan_spasi() -> None:
    r, temuan = satu(Polaritas="Kualitatif", Target="WTP", Realisasi="  wtp ")
    assert r["Capaian (%)"] == 100.0 and temuan == []
    assert r["Target"] == "WTP" and r["Realisasi"] == "  wtp "


@pytest.mark.parametrize("realisasi", ["Ya", "ya", " TERCAPAI "])
def test_kualitatif_ya_atau_tercapai_adalah_tercapai(realisasi: str) -> None:
    assert satu(Polaritas="Kualitatif", Target="B", Realisasi=realisasi)[0]["Capaian (%)"] == 100


def test_kualitatif_tidak_tercapai_adalah_0() -> None:
    r, _ = satu(Polaritas="Kualitatif", Target="BB", Realisasi="B")
    assert r["Capaian (%)"] == 0.0 and r["Kategori"] == "Sangat Rendah"


def test_kualitatif_berisi_angka_mendapat_peringatan() -> None:
    r, temuan = satu(Polaritas="Kualitatif", Target="WTP", Realisasi=95.0)
    assert r["Capaian (%)"] == 0.0
    assert kode(temuan) == ["KUALITATIF_ANGKA"] and "95" in temuan[0].pesan


@pytest.mark.parametrize("kosong", [None, np.nan, "", "   "])
def test_belum_ada_realisasi_kosong_bukan_nol(kosong: object) -> None:
    for pol in ("Positif", "Negatif", "Kualitatif"):
        r, temuan = satu(Polaritas=pol, Target=10, Realisasi=kosong, Target_Akhir_Renstra=12)
        assert math.isnan(r["Capaian (%)"]) and math.isnan(r["Capaian Renstra (%)"])
        assert r["Status Data"] == BELUM and r["Kategori"] is None and r["Realisasi"] is None
        assert r["Arah"] is None and r["Efisiensi"] is None
        assert temuan == []


def test_angka_teks_format_indonesia_dihitung() -> None:
    r, temuan = satu(Target="1.200,0", Realisasi="1.234,5", Pagu_Anggaran="Rp2.000.000")
    assert r["Capaian (%)"] == pytest.approx(1234.5 / 1200 * 100) and temuan == []
    assert r["Target"] == 1200.0 and r["Pagu Anggaran"] == 2_000_000.0


def test_angka_ragu_dihitung_dengan_peringatan_yang_menyebut_bacaannya() -> None:
    """ "1.200" could be 1200 or 1,2: the Indonesian reading is taken, and said."""
    r, temuan = satu(Target="1.200", Realisasi="1.234,5")
    assert r["Target"] == 1200.0
    assert [t.kode for t in temuan] == ["ANGKA_DITEBAK"]
    assert "'1.200' dibaca 1.200" in temuan[0].pesan and temuan[0].kolom == "Target"


def test_angka_tidak_sah_menjadi_temuan_bukan_galat() -> None:
    r, temuan = satu(Target=80, Realisasi="sepuluh")
    assert math.isnan(r["Capaian (%)"]) and r["Status Data"] == MANUAL
    assert r["Realisasi"] == "sepuluh"
    assert kode(temuan) == ["ANGKA_TIDAK_SAH"] and temuan[0].kolom == "Realisasi"
    assert "'sepuluh'" in temuan[0].pesan and "IKU-UJI-01" in temuan[0].pesan
    assert "tulis angka saja" in temuan[0].pesan


@pytest.mark.parametrize("tanpa", ["n/a", "-", "NA", "Tidak tersedia data"])
def test_tanpa_data_adalah_belum_ada_data(tanpa: str) -> None:
    """[Sampang] LKjIP 2019 prints "n/a" as realisation: no data yet, not a broken number."""
    r, temuan = satu(Target=80, Realisasi=tanpa)
    assert r["Status Data"] == BELUM and math.isnan(r["Capaian (%)"]) and temuan == []


def test_rentang_di_target_mengatakan_kolom_target_atas() -> None:
    r, temuan = satu(Target="72,28 – 73,77", Realisasi=73)
    assert r["Status Data"] == MANUAL
    assert "72,28 di Target dan batas atas 73,77 di Target Atas" in temuan[0].pesan


def test_polaritas_tidak_dikenal() -> None:
    r, temuan = satu(Polaritas="Naik", Target=80, Realisasi=70)
    assert math.isnan(r["Capaian (%)"]) and r["Status Data"] == MANUAL
    assert r["Polaritas"] == "Naik"
    assert kode(temuan) == ["POLARITAS_TIDAK_DIKENAL"] and "'Naik'" in temuan[0].pesan


def test_polaritas_huruf_kecil_dan_spasi_dikenali() -> None:
    r, temuan = satu(Polaritas=" negatif ", Target=5, Realisasi=4)
    assert r["Polaritas"] == "Negatif" and r["Capaian (%)"] == pytest.approx(120) and not temuan


# ---- rating scale ----


@pytest.mark.parametrize(
    ("x", "label"),
    [
        (250.0, "Sangat Tinggi"),
        (91.0, "Sangat Tinggi"),
        (90.996, "Tinggi"),
        (76.0, "Tinggi"),
        (75.9999, "Sedang"),
        (66.0, "Sedang"),
        (65.99, "Rendah"),
        (51.0, "Rendah"),
        (50.999, "Sangat Rendah"),
        (0.0, "Sangat Rendah"),
        (-20.0, "Sangat Rendah"),
    ],
)
def test_kategori_dari_capaian_tanpa_pembulatan(x: float, label: str) -> None:
    assert list(Skala().kategori([x])) == [label]


def test_kategori_di_baris_memakai_capaian_tak_dibulatkan() -> None:
    r, _ = satu(Target=100, Realisasi=90.996)
    assert round(r["Capaian (%)"], 2) == 91.0 and r["Kategori"] == "Tinggi"


def test_skala_lain_dan_label_alternatif() -> None:
    skala = Skala((90, 80, 70, 60), capaian.LABEL_ALTERNATIF)
    df = pd.DataFrame([baris(Target=100, Realisasi=x) for x in (95, 85, 75, 65, 55)])
    hasil = hitung(df, skala=skala)
    assert list(hasil.indikator["Kategori"]) == list(capaian.LABEL_ALTERNATIF)
    assert list(hasil.rekap.columns[6:11]) == list(capaian.LABEL_ALTERNATIF)
    assert list(hasil.rekap.iloc[-1, 6:11]) == [1, 1, 1, 1, 1]


def test_skala_harus_menurun() -> None:
    with pytest.raises(ValueError):
        Skala((91, 91, 66, 51))


def test_skala_dari_pengaturan_bawaan_dan_alternatif() -> None:
    assert capaian.skala_dari_pengaturan(Pengaturan({})) == Skala()
    peng = Pengaturan(
        {"Batas Sangat Tinggi": "90,5", "Batas Rendah": 50, "Label Kategori": "alternatif"}
    )
    assert capaian.skala_dari_pengaturan(peng) == Skala(
        (90.5, 76, 66, 50), capaian.LABEL_ALTERNATIF
    )


@pytest.mark.parametrize(
    ("nilai", "disebut"),
    [
        ({"Batas Tinggi": "tujuh puluh"}, "'Batas Tinggi'"),
        ({"Batas Sedang": "80"}, "'Batas Sedang' (80) harus lebih kecil dari 'Batas Tinggi'"),
        ({"Batas Rendah": "66"}, "'Batas Rendah'"),
        ({"Label Kategori": "Lain"}, "'Label Kategori'"),
    ],
)
def test_skala_dari_pengaturan_salah_menyebut_pengaturannya(nilai: dict, disebut: str) -> None:
    with pytest.raises(IsianError, match=re.escape(disebut)):
        capaian.skala_dari_pengaturan(Pengaturan(nilai))


# ---- Renstra, last year, budget ----


def test_capaian_renstra_dengan_aturan_polaritas() -> None:
    positif, _ = satu(Target=80, Realisasi=60, Target_Akhir_Renstra=90)
    assert positif["Capaian Renstra (%)"] == pytest.approx(60 / 90 * 100)
    negatif, _ = satu(Polaritas="Negatif", Target=14, Realisasi=10, Target_Akhir_Renstra=8)
    assert negatif["Capaian Renstra (%)"] == pytest.approx((16 - 10) / 8 * 100)
    kual, _ = satu(Polaritas="Kualitatif", Target="WTP", Realisasi="wtp", Target_Akhir_Renstra="A")
    assert kual["Capaian (%)"] == 100.0 and kual["Capaian Renstra (%)"] == 0.0
    kosong, temuan = satu(Target=80, Realisasi=60, Target_Akhir_Renstra=None)
    assert math.isnan(kosong["Capaian Renstra (%)"]) and temuan == []


def test_capaian_renstra_target_nol_positif_mendapat_temuan() -> None:
    r, temuan = satu(Target=10, Realisasi=5, Target_Akhir_Renstra=0)
    assert r["Capaian (%)"] == 50.0 and math.isnan(r["Capaian Renstra (%)"])
    assert [(t.kode, t.kolom) for t in temuan] == [("TARGET_NOL_POSITIF", "Target Akhir Renstra")]


@pytest.mark.parametrize(
    ("pol", "r", "lalu", "arah"),
    [
        ("Positif", 80, 70, "Membaik"),
        ("Positif", 60, 70, "Memburuk"),
        ("Negatif", 3, 4, "Membaik"),
        ("Negatif", 5, 4, "Memburuk"),
        ("Negatif", 4, 4, "Tetap"),
    ],
)
def test_perubahan_dan_arah_menurut_polaritas(pol: str, r: float, lalu: float, arah: str) -> None:
    hasil, _ = satu(Polaritas=pol, Target=5, Realisasi=r, Realisasi_Tahun_Lalu=lalu)
    assert hasil["Perubahan"] == r - lalu and hasil["Arah"] == arah


def test_arah_kosong_bila_tidak_dapat_dihitung() -> None:
    assert satu(Target=5, Realisasi=4)[0]["Arah"] is None
    kual, _ = satu(Polaritas="Kualitatif", Target="A", Realisasi="A", Realisasi_Tahun_Lalu="B")
    assert kual["Arah"] is None and math.isnan(kual["Perubahan"])
    assert kual["Realisasi Tahun Lalu"] == "B"


def test_serapan_sisa_dan_efisiensi() -> None:
    r, temuan = satu(Target=100, Realisasi=80, Pagu_Anggaran=200, Realisasi_Anggaran=150)
    assert r["Serapan Anggaran (%)"] == 75.0 and r["Sisa Anggaran"] == 50.0
    assert r["Efisiensi"] == "Efisien" and temuan == []
    r, _ = satu(Target=100, Realisasi=70, Pagu_Anggaran=200, Realisasi_Anggaran=150)
    assert r["Efisiensi"] == "Tidak efisien"
    r, _ = satu(Target=100, Realisasi=75, Pagu_Anggaran=200, Realisasi_Anggaran=150)
    assert r["Efisiensi"] == "Efisien", "capaian = serapan counts as efficient"


def test_serapan_kosong_bila_pagu_nol_atau_kosong() -> None:
    r, temuan = satu(Target=100, Realisasi=80, Pagu_Anggaran=0, Realisasi_Anggaran=150)
    assert math.isnan(r["Serapan Anggaran (%)"]) and r["Efisiensi"] is None
    assert kode(temuan) == ["PAGU_KOSONG"]
    r, temuan = satu(Target=100, Realisasi=80)
    assert math.isnan(r["Serapan Anggaran (%)"]) and math.isnan(r["Sisa Anggaran"])
    assert temuan == []


def test_serapan_di_atas_100_dan_anggaran_negatif_mendapat_peringatan() -> None:
    r, temuan = satu(Target=100, Realisasi=80, Pagu_Anggaran=100, Realisasi_Anggaran=120)
    assert r["Serapan Anggaran (%)"] == 120.0 and kode(temuan) == ["SERAPAN_LEBIH_100"]
    r, temuan = satu(Target=100, Realisasi=80, Pagu_Anggaran=100, Realisasi_Anggaran=-5)
    assert math.isnan(r["Serapan Anggaran (%)"]) and kode(temuan) == ["ANGGARAN_NEGATIF"]


# ---- shape of the result ----


def test_kolom_dan_urutan_hasil() -> None:
    rows = [baris(Target=10, Realisasi=r) for r in (0, "x", 2)]
    df = pd.DataFrame(rows, index=[7, 3, 5])
    hasil = hitung(df)
    assert tuple(hasil.indikator.columns) == capaian.KOLOM_HASIL
    assert set(skema.KOLOM_ANALISIS) <= set(hasil.indikator.columns)
    assert list(hasil.indikator.index) == [7, 3, 5]
    assert list(hasil.indikator["Capaian (%)"].fillna(-1)) == [0.0, -1, 20.0]
    assert [t.indeks for t in hasil.temuan] == [3]
    assert tuple(hasil.rekap.columns) == skema.KOLOM_REKAP


def test_kolom_yang_tidak_ada_dianggap_kosong() -> None:
    df = pd.DataFrame(
        {"Kode Bagian": ["A"], "Polaritas": ["Positif"], "Target": [4], "Realisasi": [3]}
    )
    hasil = hitung(df)
    assert hasil.indikator["Capaian (%)"].tolist() == [75.0]
    assert hasil.indikator["Kode IKU"].tolist() == [""]


def test_tabel_kosong() -> None:
    hasil = hitung(pd.DataFrame())
    assert hasil.indikator.empty and tuple(hasil.indikator.columns) == capaian.KOLOM_HASIL
    assert hasil.rekap["Kode Bagian"].tolist() == ["SETDA"]
    assert hasil.rekap.iloc[0]["Jumlah Indikator"] == 0 and hasil.temuan == []


def test_rekap_menambah_bagian_tanpa_indikator_bila_daftar_diberikan() -> None:
    df = pd.DataFrame([baris(Kode_Bagian="B", Target=10, Realisasi=5)])
    rekap = hitung(df, nama_bagian={"A": "Bagian A", "B": "Bagian B"}).rekap
    assert rekap["Kode Bagian"].tolist() == ["B", "A", "SETDA"]
    assert rekap["Nama Bagian"].tolist() == ["Bagian B", "Bagian A", "Sekretariat Daerah"]
    assert rekap["Jumlah Indikator"].tolist() == [1, 0, 1]
    assert math.isnan(rekap.iloc[1]["Rata-rata Capaian (%)"])


def test_sebagai_baris_tanpa_nan_dan_tanpa_skalar_numpy(contoh: capaian.Analisis) -> None:
    rows = capaian.sebagai_baris(contoh.indikator)
    tapem03 = next(r for r in rows if r["Kode IKU"] == "IKU-TAPEM-03")
    assert tapem03["Capaian (%)"] is None and tapem03["Kategori"] is None
    assert type(tapem03["Serapan Anggaran (%)"]) is float
    rekap = capaian.sebagai_baris(contoh.rekap)
    assert type(rekap[-1]["Jumlah Indikator"]) is int and rekap[-1]["Dikembalikan"] is None


def test_benchmark_mengembalikan_detik() -> None:
    assert 0 < capaian.benchmark(500) < 30
    assert len(capaian.contoh_acak(50)) == 50


# ---- the sample data: every branch its docstring promises ----


@pytest.fixture(scope="module")
def contoh() -> capaian.Analisis:
    return hitung(capaian.dari_indikator(sample.indikator_contoh()))


def acuan(row: pd.Series) -> float | None:
    """Capaian computed here from the domain notes, independently of the product's code."""
    pol, t, atas, r = row["Polaritas"], row["Target"], row["Target Atas"], row["Realisasi"]
    if r is None:
        return None
    if pol == "Kualitatif" and row["Skala"] == "Predikat SAKIP":  # ranks from the bottom
        urut = ["D", "C", "CC", "B", "BB", "A", "AA"]
        return min(100.0, (urut.index(r) + 1) / (urut.index(t) + 1) * 100)
    if pol == "Kualitatif":
        sama = str(r).strip().lower() == str(t).strip().lower()
        return 100.0 if sama or str(r).strip().lower() in ("ya", "tercapai") else 0.0
    if atas is not None and t <= r <= atas:
        return 100.0
    basis = atas if atas is not None and r > atas else t
    if basis == 0:
        return None if pol == "Positif" else (100.0 if r == 0 else 0.0)
    return r / basis * 100 if pol == "Positif" else (2 * basis - r) / basis * 100


def test_contoh_sesuai_acuan_untuk_setiap_indikator(contoh: capaian.Analisis) -> None:
    df = capaian.dari_indikator(sample.indikator_contoh())
    assert len(contoh.indikator) == len(df) >= 30
    for (_, masuk), (_, keluar) in zip(df.iterrows(), contoh.indikator.iterrows(), strict=True):
        harap = acuan(masuk)
        if harap is None:
            assert math.isnan(keluar["Capaian (%)"]), masuk["Kode IKU"]
        else:
            assert keluar["Capaian (%)"] == pytest.approx(harap), masuk["Kode IKU"]


def test_contoh_menghasilkan_setiap_kategori(contoh: capaian.Analisis) -> None:
    assert set(contoh.indikator["Kategori"].dropna()) == set(capaian.LABEL_BAWAAN)


def test_contoh_kasus_yang_dijanjikan_docstring(contoh: capaian.Analisis) -> None:
    per = contoh.indikator.set_index("Kode IKU")
    assert per.loc["IKU-UMUM-01", "Capaian (%)"] == pytest.approx(87.5)
    assert per.loc["IKU-ADPEM-03", "Capaian (%)"] == pytest.approx(107.142857, abs=1e-6)
    assert per.loc["IKU-EKON-01", "Capaian (%)"] == 100.0
    assert per.loc["IKU-RENKEU-02", "Capaian (%)"] == 100.0
    assert per.loc["IKU-RENKEU-01", "Capaian (%)"] == 100.0
    assert per.loc["IKU-PROKOPIM-01", "Capaian (%)"] == 100.0
    assert per.loc["IKU-ORG-01", "Capaian (%)"] == pytest.approx(80.0)  # B of BB: 4/5
    assert per.loc["IKU-PBJ-03", "Capaian (%)"] == pytest.approx(90.0)
    assert per.loc["IKU-KESRA-03", "Capaian (%)"] < 100 < per.loc["IKU-HUKUM-02", "Capaian (%)"]
    belum = per.index[per["Status Data"] == BELUM]
    assert sorted(belum) == ["IKU-ORG-02", "IKU-TAPEM-04"]
    assert per.loc["IKU-TAPEM-03", "Status Data"] == MANUAL
    assert (per.loc["IKU-ORG-02", ["Capaian (%)", "Serapan Anggaran (%)"]].isna()).all()


def test_contoh_target_nol_positif_satu_satunya_temuan(contoh: capaian.Analisis) -> None:
    assert [(t.kode, t.kode_bagian, t.kode_iku) for t in contoh.temuan] == [
        ("TARGET_NOL_POSITIF", "TAPEM", "IKU-TAPEM-03")
    ]
    assert contoh.indikator.loc[contoh.temuan[0].indeks, "Kode IKU"] == "IKU-TAPEM-03"


def test_contoh_rekap_dihitung_ulang(contoh: capaian.Analisis) -> None:
    ind = contoh.indikator
    kelompok: dict[str, list[pd.Series]] = defaultdict(list)
    for _, row in ind.iterrows():
        kelompok[row["Kode Bagian"]].append(row)
    kelompok["SETDA"] = [row for _, row in ind.iterrows()]
    rekap = contoh.rekap.set_index("Kode Bagian")
    assert list(rekap.index) == [*sample.indikator_contoh(), "SETDA"]
    assert rekap.loc["SETDA", "Nama Bagian"] == "Sekretariat Daerah"
    assert rekap.loc["TAPEM", "Nama Bagian"] == "Bagian Tata Pemerintahan"
    for kode_bagian, rows in kelompok.items():
        baris_rekap = rekap.loc[kode_bagian]
        ada = [r["Capaian (%)"] for r in rows if not math.isnan(r["Capaian (%)"])]
        dilaporkan = [r for r in rows if r["Status Data"] in (capaian.ADA, capaian.MANUAL)]
        assert baris_rekap["Jumlah Indikator"] == len(rows)
        assert baris_rekap["Ada Data"] == len(dilaporkan)
        assert baris_rekap["Rata-rata Capaian (%)"] == pytest.approx(sum(ada) / len(ada))
        for label in capaian.LABEL_BAWAAN:
            assert baris_rekap[label] == sum(r["Kategori"] == label for r in rows)
        dua = [r for r in rows if r["Pagu Anggaran"] > 0 and r["Realisasi Anggaran"] >= 0]
        serapan = sum(r["Realisasi Anggaran"] for r in dua) / sum(r["Pagu Anggaran"] for r in dua)
        assert baris_rekap["Serapan Anggaran (%)"] == pytest.approx(serapan * 100)
    assert rekap.loc["SETDA", "Jumlah Indikator"] == sum(rekap["Jumlah Indikator"][:-1])
