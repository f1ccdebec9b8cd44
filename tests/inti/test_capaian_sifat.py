"""Properties of the capaian engine over generated inputs (hypothesis, bounded to stay fast)."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from pyxl.inti import capaian
from pyxl.inti.angka import baca_angka
from pyxl.inti.capaian import ADA, ANGGARAN, BELUM, MANUAL, Skala, hitung

cepat = settings(max_examples=30, deadline=None)

target = st.floats(min_value=0.001, max_value=1e9)
realisasi = st.lists(st.floats(min_value=0, max_value=1e9), min_size=2, max_size=15)
lebar = st.one_of(st.none(), st.floats(min_value=0, max_value=1e6))
rumus = st.sampled_from(capaian.RUMUS_NEGATIF)


def capaian_urut(pol: str, t: float, atas: float | None, rs: list[float], r: str) -> np.ndarray:
    """Capaian of one indicator for each realisation in rs, in order."""
    df = pd.DataFrame({"Polaritas": pol, "Target": t, "Target Atas": atas, "Realisasi": rs})
    return hitung(df, rumus_negatif=r).indikator["Capaian (%)"].to_numpy()


@cepat
@given(t=target, w=lebar, rs=realisasi)
def test_positif_naik_bersama_realisasi(t: float, w: float | None, rs: list[float]) -> None:
    rs = sorted(rs)
    c = capaian_urut("Positif", t, None if w is None else t + w, rs, "(2T-R)/T")
    assert not np.isnan(c).any()
    assert (np.diff(c) >= 0).all()
    if w is None and (rs[-1] - rs[0]) / t > 1e-9:
        assert c[-1] > c[0]


@cepat
@given(t=target, w=lebar, rs=realisasi, r=rumus)
def test_negatif_turun_bila_realisasi_naik(
    t: float, w: float | None, rs: list[float], r: str
) -> None:
    rs = sorted(x for x in rs if x > 1e-6 or r != "T/R") or [1.0]  # T/R: no division by ~0
    c = capaian_urut("Negatif", t, None if w is None else t + w, rs, r)
    assert not np.isnan(c).any()
    assert (np.diff(c) <= 0).all()


@cepat
@given(rs=realisasi, r=rumus)
def test_negatif_target_nol_realisasi_nol_100_lainnya_0(rs: list[float], r: str) -> None:
    c = capaian_urut("Negatif", 0.0, None, [0.0, *rs], r)
    assert c[0] == 100.0
    assert all(x == (100.0 if v == 0 else 0.0) for x, v in zip(c[1:], rs, strict=True))


@cepat
@given(
    t=st.floats(min_value=-1e6, max_value=1e6),
    w=st.floats(min_value=0, max_value=1e6),
    posisi=st.lists(st.floats(min_value=0, max_value=1), min_size=1, max_size=10),
    pol=st.sampled_from(["Positif", "Negatif"]),
    r=rumus,
)
def test_di_dalam_rentang_selalu_100(
    t: float, w: float, posisi: list[float], pol: str, r: str
) -> None:
    atas = t + w
    rs = [min(max(t + p * w, t), atas) for p in posisi]
    assert (capaian_urut(pol, t, atas, rs, r) == 100.0).all()


batas = st.lists(st.floats(min_value=-1e3, max_value=1e3), min_size=4, max_size=4, unique=True).map(
    lambda b: tuple(sorted(b, reverse=True))
)


@cepat
@given(b=batas, xs=st.lists(st.floats(min_value=-1e4, max_value=1e4), min_size=1, max_size=30))
def test_kategori_monoton_terhadap_capaian(b: tuple[float, ...], xs: list[float]) -> None:
    skala = Skala(b, capaian.LABEL_BAWAAN)  # type: ignore[arg-type]
    xs = sorted(xs)
    peringkat = [skala.label.index(k) for k in skala.kategori(xs)]
    assert all(a >= c for a, c in itertools.pairwise(peringkat))
    for x, p in zip(xs, peringkat, strict=True):
        assert p == sum(x < v for v in b), "x >= batas[i] is band i, exactly"


nilai = st.one_of(
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.text(max_size=6),
    st.sampled_from(["87,5", "1.234,5", "1,234.5", "n/a", "  ", "0", "-3", "Ya", "WTP", "Rp1.000"]),
    st.booleans(),
)
polaritas = st.one_of(
    st.sampled_from(["Positif", "Negatif", "Kualitatif", " negatif ", "KUALITATIF", "", "Naik"]),
    st.none(),
    st.floats(),
    st.text(max_size=4),
)
ANGKA = (
    "Target",
    "Target Atas",
    "Realisasi",
    "Realisasi Tahun Lalu",
    "Target Akhir Renstra",
    "Pagu Anggaran",
    "Realisasi Anggaran",
)
baris = st.fixed_dictionaries(
    {
        "Kode Bagian": st.sampled_from(["A", "B", "", None]),
        "Kode IKU": st.one_of(st.none(), st.text(max_size=4)),
        "Polaritas": polaritas,
        **{k: nilai for k in ANGKA},
    }
)
KOLOM_CAPAIAN = {"Polaritas", "Target", "Target Atas", "Realisasi"}


@settings(max_examples=100, deadline=None)
@given(rows=st.lists(baris, max_size=8), r=rumus)
def test_masukan_apa_pun_tidak_galat_dan_setiap_baris_terjelaskan(
    rows: list[dict[str, object]], r: str
) -> None:
    df = pd.DataFrame(rows, columns=["Kode Bagian", "Kode IKU", "Polaritas", *ANGKA])
    hasil = hitung(df, rumus_negatif=r)
    ind = hasil.indikator
    assert len(ind) == len(rows) and list(ind.index) == list(df.index)
    for kolom in ("Capaian (%)", "Capaian Renstra (%)", "Serapan Anggaran (%)", "Perubahan"):
        x = ind[kolom].to_numpy(dtype=float)
        assert (np.isfinite(x) | np.isnan(x)).all(), kolom
    dijelaskan = {t.indeks for t in hasil.temuan if t.kolom in KOLOM_CAPAIAN}
    for i, row in zip(ind.index, ind.to_dict("records"), strict=True):
        ada = not math.isnan(row["Capaian (%)"])
        assert (row["Kategori"] is not None) == ada
        assert (row["Status Data"] == ADA) == ada
        if row["Status Data"] == BELUM:
            assert baca_angka(df.loc[i, "Realisasi"]) is None
        elif row["Status Data"] == MANUAL:
            assert i in dijelaskan, (row.to_dict(), hasil.temuan)
        elif row["Status Data"] == ANGGARAN:  # a budget and nothing else: not an indicator
            pol = df.loc[i, "Polaritas"]
            assert baca_angka(df.loc[i, "Realisasi"]) is None
            assert pd.isna(pol) or not str(pol).strip()
        else:
            assert row["Status Data"] == ADA
    for t in hasil.temuan:
        assert t.kode in capaian.PESAN and t.tingkat == "Peringatan" and t.pesan
    setda = hasil.rekap.iloc[-1]
    indikator = int((ind["Status Data"] != ANGGARAN).sum())
    assert setda["Kode Bagian"] == "SETDA" and setda["Jumlah Indikator"] == indikator
    assert hasil.rekap["Jumlah Indikator"][:-1].sum() == indikator
    assert setda["Ada Data"] == ind["Status Data"].isin([ADA, MANUAL]).sum()


@cepat
@given(v=nilai)
def test_baca_angka_tidak_pernah_galat(v: object) -> None:
    x = baca_angka(v)
    assert x is None or math.isnan(x) or math.isfinite(x)
