"""The rating scale without pandas (`pyxl.inti.kategori`): one capaian's category is the one
the analysis gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pyxl.inti.kategori import LABEL_ALTERNATIF, Skala


@given(
    x=st.one_of(st.none(), st.floats(), st.sampled_from([91.0, 90.996, 76.0, 66.0, 51.0, 0.0])),
    alternatif=st.booleans(),
)
def test_one_capaian_gets_the_category_of_the_tables(x: float | None, alternatif: bool) -> None:
    skala = Skala((95, 80, 70, 55), LABEL_ALTERNATIF) if alternatif else Skala()
    tabel = skala.kategori([float("nan") if x is None else x])[0]
    assert skala.label_dari(x) == tabel


def test_bounds_belong_to_the_higher_category() -> None:
    skala = Skala()
    assert [skala.label_dari(x) for x in (91, 90.996, 76, 51, 50.99, -5)] == [
        "Sangat Tinggi",
        "Tinggi",
        "Tinggi",
        "Rendah",
        "Sangat Rendah",
        "Sangat Rendah",
    ]
