"""The one number reader of intake and analysis (`pyxl.inti.angka`), one table per notation.

The notations are the ones published performance reports print (cited per table); a cell a
Bagian types is read the same way. Sources (stored copies of the published documents):

- [Sampang] LKjIP Inspektorat Daerah Kabupaten Sampang 2019,
  https://123dok.com/document/zx5dll94-baik-baik-cukup-kurang-kurang.html
- [Wonogiri-LPPD] LPPD Kabupaten Wonogiri 2020, Tabel 3.16,
  http://online.flipbuilder.com/lheij/ewpj/files/basic-html/page258.html
- [Wonogiri] LKjIP Kabupaten Wonogiri 2020,
  http://online.flipbuilder.com/lheij/zlgt/files/basic-html/page108.html
- [Magelang] Data IKK Kota Magelang, https://datago.magelangkota.go.id/frontend/ikk/data
- [Sulteng] LKIP Dinas Kesehatan Provinsi Sulawesi Tengah (data 2019),
  https://123dok.com/article/melakukan-pelayanan-kesehatan-bergerak-terpencil-pegunungan-kepulauan-berjumlah.q5neo07q
- [PPPOMN] Lapkin Interim Triwulan II 2021 PPPOMN, Badan POM,
  https://123dok.com/article/capaian-kinerja-anggaran-triwulan-ii-tahun.z1dp5d78
- [Kalteng] RKPD Provinsi Kalimantan Tengah 2016,
  https://123dok.com/article/aspek-saing-daerah-pelabuhan-rencana-pembangunan-rencana-pemerintah.ye8l1v7y
- [Polman] e-SAKIP "simkinerja2022" Kabupaten Polewali Mandar, Pengukuran Kinerja 2022,
  https://mail.simkinerja2022.polmankab.go.id/Beranda/pengukurankinerjaeselon4/1.24.2.1/2022
- [Jabar] Buku Tabel RPJMD Provinsi Jawa Barat, https://dokumen.tech/document/buku-tabel-.html
- [Sumut] Laporan Kinerja Setda Provinsi Sumatera Utara 2021, Tabel 19,
  https://fliphtml5.com/xgkox/cyxe/LAPORAN_KINERJA_SEKRETARIAT_DAERAH_PROVINSI_SUMATERA_UTARA_TAHUN_2021/49
- [Belantih] APBDes Desa Belantih 2022,
  https://belantih.desa.id/artikel/2022/2/16/apbdes-desa-belantih-tahun-anggaran-2022
- [Tiga] Realisasi Dana Desa Tiga 2022,
  https://www.tiga.desa.id/artikel/2022/12/30/realisasi-dana-desa-tahun-2022
- [Kalsel] LAKIP 2014 "Capaian Kinerja Makro 2014" (BPS Kalimantan Selatan data),
  https://123dok.com/article/capaian-atas-kinerja-makro-akuntabilitas-kinerja.zk0g4key
- [PUPR] Laporan Kinerja Itjen Kementerian PUPR 2020, Tabel IV.1,
  https://123dok.com/article/capaian-kinerja-organisasi-akuntabilitas-kinerja.yr1prrjq
- [Kesga] LAKIP Direktorat Kesehatan Keluarga Kemenkes 2017,
  https://123dok.com/document/ydvn1ogy-lakip-kesga-final.html
- [P2P] LAKIP Ditjen P2P Kemenkes 2016 ("Prevalensi HIV (persen) < 0,5 %"),
  https://text-id.123dok.com/document/9ynmo5mpz-prevalensi-hiv-persen-0-5-direktorat-jenderal-pencegahan-dan-pengendalian-penyakit.html
- [SMK] PermenPANRB Sistem Manajemen Kinerja (lampiran; "target 7 – 8 bulan"),
  http://online.flipbuilder.com/vajnr/eqrv/files/basic-html/page110.html
"""

from __future__ import annotations

import math
from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pyxl.inti.angka import (
    ANGKA,
    BUKAN,
    KOSONG,
    TANPA_DATA,
    TEBAKAN,
    acuan,
    angka,
    baca,
    baca_angka,
    satuan_persen,
)


def _sama(v: object, x: float, jenis: str = ANGKA, **opsi: object) -> None:
    b = baca(v, **opsi)  # type: ignore[arg-type]
    assert b.nilai == pytest.approx(x), b
    assert b.jenis == jenis, b


@pytest.mark.parametrize(
    ("v", "x"),
    [
        ("92,86%", 92.86),
        ("84,1%", 84.1),
        ("91 %", 91.0),  # [Sampang]: "91 %" and "55%" in one document
        ("55%", 55.0),
        ("-70,50%", -70.5),  # [Wonogiri-LPPD]: a negative capaian as printed
        ("98,63 %", 98.63),  # [Magelang]
        ("81,5 %", 81.5),  # [Sulteng]
        ("87,5 persen", 87.5),
    ],
)
def test_persen_bertanda_persen_dibaca_angka_persennya(v: str, x: float) -> None:
    """A percentage typed with its sign and the Indonesian decimal comma counts as the number
    before the sign (the indicator's unit is the percentage)."""
    _sama(v, x)


@pytest.mark.parametrize(
    ("v", "x"),
    [
        ("Rp.105.370.538.000", 105_370_538_000),  # [PPPOMN], all five variants in one paragraph
        ("Rp24.126.484.000", 24_126_484_000),
        ("Rp 48.022.572.000", 48_022_572_000),
        ("Rp. 1.544.000.000,-", 1_544_000_000),
        ("Rp. 103.826.538.000", 103_826_538_000),
        ("Rp. 789.374,-", 789_374),  # [Kalteng]
        ("Rp.499.471.900", 499_471_900),
        ("Rp 548.000.000,-", 548_000_000),
        ("Rp. 22.275.313.470,-", 22_275_313_470),
        ("Rp548.000.000", 548_000_000),
        ("Rp 5.000.000", 5_000_000),
        ("Rp 1.234.567,89", 1_234_567.89),
        ("5.000.000,00", 5_000_000),  # [Tiga]
        ("-1.980.000,00", -1_980_000),  # [Tiga]
        ("IDR 1.500.000", 1_500_000),
        ("Rp1.500.000,-", 1_500_000),
    ],
)
def test_rupiah_seperti_ditulis_di_kantor(v: str, x: float) -> None:
    """Money as Indonesian offices write it: "Rp", "Rp.", "Rp " before, ",-" or ",00" after."""
    _sama(v, x)


@pytest.mark.parametrize(
    ("v", "x"),
    [
        ("808,430,200", 808_430_200),  # [Polman]: English thousands on an e-SAKIP page
        ("1,231,790,000", 1_231_790_000),  # [Jabar]
        ("8,075,000", 8_075_000),  # [Belantih]
        ("-3,525,000", -3_525_000),  # [Belantih]
        ("143.65", 143.65),  # [Belantih]
        ("99.62", 99.62),  # [Polman]
        ("95.56", 95.56),  # [Polman]
        ("68.5", 68.5),  # [Jabar]
        ("93.6", 93.6),  # [Sumut]: dot decimals beside dot thousands in one table
        ("749.930.215", 749_930_215),  # [Sumut]
        ("1.234.567,89", 1_234_567.89),
        ("1,234,567.89", 1_234_567.89),
        ("1,234.5", 1234.5),
        ("1.234,5", 1234.5),
        ("87,5", 87.5),
        ("0,269", 0.269),  # leading zero: never a thousands group
        ("0.500", 0.5),
        ("1.2345", 1.2345),
        ("1234.567", 1234.567),  # four digits before: not a group
        ("1 234", 1234),
        ("1e5", 100_000),
        (".5", 0.5),
        ("5.", 5),
        ("+4", 4),
        ("2026", 2026),
    ],
)
def test_pemisah_indonesia_dan_inggris_yang_tidak_ragu(v: str, x: float) -> None:
    """Two kinds of separator, one kind twice, or a group that cannot be thousands say
    which separator is which: no guess, no warning."""
    _sama(v, x)


@pytest.mark.parametrize(
    ("v", "acuan_", "x", "bukan"),
    [
        # [Polman] prints "808,430,200"; a cell cut to "808,430" or "150,000" is ambiguous
        ("808,430", None, 808.43, 808_430),  # Indonesian reading without a reference
        ("150,000", None, 150.0, 150_000),
        ("808,430", 800_000.0, 808_430, 808.43),  # nearer the target: thousands
        ("150,000", 120_000.0, 150_000, 150.0),
        ("150,000", 140.0, 150.0, 150_000),
        ("1.234", None, 1234, 1.234),  # Indonesian: "." groups thousands
        ("1.500", 1.4, 1.5, 1500),  # against a target of 1,4: a decimal point
        ("1.500", 1400.0, 1500, 1.5),
    ],
)
def test_satu_pemisah_dan_tiga_angka_adalah_tebakan(
    v: str, acuan_: float | None, x: float, bukan: float
) -> None:
    """One separator and three digits could be either: the reading nearer the reference (the
    target, the pagu) is taken, the Indonesian one without a reference, and it is always a
    guess whose note names both readings."""
    b = baca(v, acuan=acuan_)
    assert b.jenis == TEBAKAN
    assert b.nilai == pytest.approx(x)
    lain = baca(f"{bukan}".replace(".", ","))
    assert lain.nilai is not None
    assert "bukan" in b.catatan and "Bila salah, tulis" in b.catatan


@pytest.mark.parametrize(
    ("v", "x"),
    [("\u22123", -3.0), ("\u22122,5", -2.5), ("\u2013 1,41", -1.41), ("-1,41%", -1.41)],
)
def test_tanda_minus_unicode(v: str, x: float) -> None:
    """The minus sign a word processor writes (U+2212, or an en dash) reads as "-"; [Wonogiri]
    prints falling indicators as "-0,33" and [Wonogiri-LPPD] growth as "-1,41%"."""
    _sama(v, x)


@pytest.mark.parametrize(
    "v", ["n/a", "N/A", "NA", "-", "\u2013", "#N/A", "Tidak tersedia data", "belum ada data"]
)
def test_tanpa_data_bukan_angka_rusak(v: str) -> None:
    """[Sampang] prints "n/a n/a" in the realisation and capaian columns, [Wonogiri-LPPD] "NA",
    [Wonogiri] "- - Tidak tersedia data": no data yet, never a broken number."""
    b = baca(v)
    assert (b.nilai, b.jenis) == (None, TANPA_DATA)
    assert "belum ada data" in b.catatan
    assert baca_angka(v) is None


@pytest.mark.parametrize(
    ("v", "x", "kata"),
    [
        ("1.000 orang", 1000, "orang"),
        ("30 LPK", 30, "LPK"),
        ("13 Kab/Kota", 13, "Kab/Kota"),  # [Sulteng]
        ("2,5 juta buku", 2_500_000, "buku"),  # [Kesga]
        ("6,5 bulan", 6.5, "bulan"),  # [SMK]
        ("3*", 3, "*"),  # [PUPR]: a footnote mark
        ("71,74***", 71.74, "*"),  # [Kalsel]
        ("Level 3", 3, "Level"),  # [PUPR]
        ("2,5 M", 2_500_000_000, "2.500.000.000"),
        ("Rp 2,2 miliar", 2_200_000_000, "2.200.000.000"),
        ("5 juta", 5_000_000, "5.000.000"),
        ("Nihil", 0, "0"),
    ],
)
def test_angka_dengan_kata_dibaca_sebagai_tebakan(v: str, x: float, kata: str) -> None:
    """A number with a unit, a multiplier or a footnote mark is read, and the note says what
    was dropped or how it was multiplied (a lower-case "m" is a metre, not a miliar)."""
    b = baca(v)
    assert b.jenis == TEBAKAN, b
    assert b.nilai == pytest.approx(x)
    assert kata in b.catatan
    assert baca("5 m").nilai == 5


@pytest.mark.parametrize(
    ("v", "saran"),
    [
        ("72,28 – 73,77", "batas bawah 72,28 di Target dan batas atas 73,77 di Target Atas"),
        ("69,1-69,5", "batas bawah 69,1 di Target dan batas atas 69,5"),  # [Jabar]
        ("0,22-0,18", "batas bawah 0,18 di Target dan batas atas 0,22"),  # [Kalsel]: high→low
        ("7 – 8 bulan", "batas bawah 7 di Target dan batas atas 8"),  # [SMK]
        ("7 s.d. 8", "batas bawah 7"),
        ("kurang dari 49", "tulis angkanya saja (misalnya 49)"),
        ("<49", "(misalnya 49)"),
        ("< 0,5 %", "(misalnya 0,5)"),  # [P2P]
        ("≤ 5", "(misalnya 5)"),
        ("> 90", "(misalnya 90)"),
        ("3 bulan 15 hari", "tulis angka saja"),
        ("12,3,4", "tulis angka saja"),
        ("=1+1", "tulis angka saja"),
        ("%", "tulis angka saja"),
        ("Rp", "tulis angka saja"),
        ("1_000", "tulis angka saja"),
        ("nan", "tulis angka saja"),
        ("9" * 400, "tulis angka saja"),
    ],
)
def test_tanpa_bacaan_aman_tidak_digabung_dan_dikatakan_apa_yang_diketik(
    v: str, saran: str
) -> None:
    """No safe reading: nothing is merged, and the note says exactly what to type — for a
    range, its two ends in Target and Target Atas (lowest first)."""
    b = baca(v)
    assert (b.nilai, b.jenis) == (None, BUKAN), b
    assert saran in b.catatan
    x = baca_angka(v)
    assert x is not None and math.isnan(x)


@pytest.mark.parametrize(
    "v",
    [
        True,
        np.bool_(False),
        math.inf,
        -math.inf,
        10**400,
        pd.Timestamp("2026-08-07"),
        datetime(2026, 8, 7),
        date(2026, 8, 7),
    ],
)
def test_bukan_angka_lain(v: object) -> None:
    b = baca(v)
    assert b.jenis == BUKAN and b.catatan
    assert angka(v) is None


def test_tanggal_dari_rentang_yang_diketik_di_excel() -> None:
    """Excel turns "7-8" typed in a General cell into 7 August: the note says so."""
    b = baca(datetime(2026, 8, 7))
    assert "tanggal" in b.catatan and "Target Atas" in b.catatan


@pytest.mark.parametrize("v", [None, np.nan, float("nan"), "", "   ", pd.NA, pd.NaT, "\u00a0"])
def test_sel_kosong(v: object) -> None:
    assert baca(v).jenis == KOSONG
    assert baca_angka(v) is None
    assert angka(v) is None


def test_sel_berformat_persen_dibaca_seperti_tampil() -> None:
    """92,86% typed in a cell is stored 0.9286 with a percent format: it counts as 92.86,
    and the note says what was stored and what was shown (the contract's "Numbers typed by
    people")."""
    b = baca(0.9286, sel_persen=True)
    assert b.jenis == TEBAKAN and b.nilai == pytest.approx(92.86)
    assert "berformat persen" in b.catatan and "92,86" in b.catatan


def test_pecahan_pada_indikator_persen_diperingatkan_tanpa_diubah() -> None:
    """0.93 in a percent indicator whose target is 90 is kept as typed, with a note saying
    what to type if 93 % was meant; against a target of 1 it is a plain number."""
    b = baca(0.93, satuan_persen=True, acuan=90.0)
    assert b.jenis == TEBAKAN and b.nilai == pytest.approx(0.93)
    assert "ketik 93" in b.catatan
    assert baca("0,93", satuan_persen=True, acuan=90.0).jenis == TEBAKAN
    assert baca(0.93, satuan_persen=True, acuan=1.0).jenis == ANGKA
    assert baca(93.0, satuan_persen=True, acuan=90.0).jenis == ANGKA


def test_angka_sel_biasa() -> None:
    for v, x in [(87.5, 87.5), (3, 3.0), (np.int64(7), 7.0), (np.float64(2.5), 2.5)]:
        _sama(v, x)


def test_acuan_dan_satuan_persen() -> None:
    assert acuan(None, "", 0, "80") == 80
    assert acuan("-", None) is None
    assert all(satuan_persen(s) for s in ["%", "persen", "Persen (%)", "PERSEN"])
    assert not any(satuan_persen(s) for s in ["orang", "dokumen", None, "indeks"])


@pytest.mark.parametrize(
    ("v", "opsi", "saran"),
    [
        ("1e308 juta", {}, "terlalu besar"),
        ("-" + "9" * 305 + " M", {}, "terlalu besar"),
        (1e308, {"sel_persen": True}, "terlalu besar"),
        ("9" * 400 + " orang", {}, "tulis angka saja"),
        ("Level " + "9" * 400, {}, "tulis angka saja"),
    ],
)
def test_angka_yang_meluap_bukan_angka_dan_tidak_pernah_galat(
    v: object, opsi: dict[str, bool], saran: str
) -> None:
    """A multiplier or a percent format that makes a number overflow is not a number, never
    an exception (found by the fuzz test of step 6)."""
    b = baca(v, **opsi)  # type: ignore[arg-type]
    assert b.jenis == BUKAN and b.nilai is None and saran in b.catatan


@settings(max_examples=300, deadline=None)
@example(v="1", acuan_=math.inf, sel_persen=False, satuan_persen=True)  # found in CI
@example(v=0.5, acuan_=math.inf, sel_persen=False, satuan_persen=True)
@given(
    v=st.one_of(
        st.floats(allow_nan=True, allow_infinity=True),
        st.integers(),
        st.text(max_size=40),
        st.builds(
            lambda x, w: f"{x} {w}",
            st.floats(allow_nan=False),
            st.sampled_from(["juta", "M", "T", "orang", "%", "*", "miliar"]),
        ),
    ),
    acuan_=st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)),
    sel_persen=st.booleans(),
    satuan_persen=st.booleans(),
)
def test_baca_tidak_pernah_galat(
    v: object, acuan_: float | None, sel_persen: bool, satuan_persen: bool
) -> None:
    b = baca(v, acuan=acuan_, sel_persen=sel_persen, satuan_persen=satuan_persen)
    assert b.nilai is None or math.isfinite(b.nilai)
    assert (b.nilai is None) == (b.jenis in (BUKAN, KOSONG, TANPA_DATA))
