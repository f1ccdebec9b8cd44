"""Intake (step 6) and analysis (step 7) read every typed string identically.

A Bagian's `Realisasi` goes through `pyxl.inti.isian.periksa_isian` when its return is merged;
staff may also type into the master, which `pyxl.inti.capaian.hitung` reads. Both must take the
same number from the same text, with the same reference (the target) deciding an ambiguous
separator, and agree on "no number" and "no data".
"""

from __future__ import annotations

import math

import pandas as pd
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pyxl.inti.capaian import BELUM, hitung
from pyxl.inti.isian import periksa_isian, tidak_digabung
from pyxl.inti.kembalian import KOLOM_FORMAT

_ANGKA = st.one_of(
    st.integers(-(10**7), 10**13).map(str),
    st.floats(-1e9, 1e9, allow_nan=False).map(lambda x: f"{x:.3f}"),
    st.decimals(0, 10**9, places=2).map(lambda d: f"{d:,}"),  # English groups
    st.decimals(0, 10**9, places=2).map(
        lambda d: f"{d:,}".replace(",", "_").replace(".", ",").replace("_", ".")
    ),
)
_HIASAN = st.sampled_from(
    [
        "{}",
        "Rp {}",
        "Rp.{}",
        "Rp. {},-",
        "{}%",
        "{} %",
        "\u2212{}",
        "{} orang",
        "{}*",
        "{} juta",
        "kurang dari {}",
        "{} – {}",
        "{}-{}",
        "Level {}",
        " {} ",
        "{} persen",
    ]
)
_TEKS = st.one_of(
    st.builds(
        lambda h, a, b: h.format(a, b) if h.count("{}") == 2 else h.format(a),
        _HIASAN,
        _ANGKA,
        _ANGKA,
    ),
    st.sampled_from(["n/a", "-", "NA", "Nihil", "", "tidak ada", "1.234", "808,430", "150,000"]),
    st.text(
        st.characters(codec="utf-8", categories=["N", "P", "Zs", "Ll", "Sm", "Sc"]), max_size=12
    ),
)


def _intake(v: str, target: float, satuan: str) -> object:
    row = {
        "Kode IKU": "I-1",
        "Polaritas": "Positif",
        "Satuan": satuan,
        "Target": target,
        "Realisasi": v,
    }
    nilai, _ = periksa_isian([row], KOLOM_FORMAT, 9)
    return nilai[0]["Realisasi"]


def _analisis(v: str, target: float, satuan: str) -> tuple[object, str]:
    df = pd.DataFrame(
        [
            {
                "Kode Bagian": "A",
                "Kode IKU": "I-1",
                "Polaritas": "Positif",
                "Satuan": satuan,
                "Target": target,
                "Realisasi": v,
            }
        ],
        dtype=object,
    )
    r = hitung(df).indikator.iloc[0]
    return r["Realisasi"], r["Status Data"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    v=_TEKS,
    target=st.sampled_from([0.0, 1.4, 90.0, 1400.0, 800_000.0]),
    satuan=st.sampled_from(["%", "orang", "Rupiah"]),
)
@example(v="808,430", target=800_000.0, satuan="orang")
@example(v="1.500", target=1.4, satuan="orang")
@example(v="0,93", target=90.0, satuan="%")
@example(v="Rp. 22.275.313.470,-", target=0.0, satuan="Rupiah")
@example(v="72,28 – 73,77", target=90.0, satuan="%")
def test_penerimaan_dan_analisis_membaca_sama(v: str, target: float, satuan: str) -> None:
    masuk = _intake(v, target, satuan)
    tampil, status = _analisis(v, target, satuan)
    if tidak_digabung(masuk):  # no safe reading: analysis shows the text, needs a person
        assert status != BELUM and not isinstance(tampil, float)
    elif masuk is None:  # empty, or "no data" in words
        assert status == BELUM and tampil is None
    else:
        assert isinstance(masuk, float) and isinstance(tampil, float)
        assert math.isclose(masuk, tampil, rel_tol=0, abs_tol=0) or masuk == tampil
