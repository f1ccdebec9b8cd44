"""Indonesian document formats (`pyxl.inti.indo`)."""

from __future__ import annotations

import math
import re
from datetime import date, time
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pyxl.inti import indo
from pyxl.inti.indo import (
    NAMA_BULAN,
    NAMA_HARI,
    angka,
    hari_tanggal,
    nama_bulan,
    nip,
    parse_tanggal,
    persen,
    rupiah,
    tanggal,
    terbilang,
    waktu,
)

# --------------------------------------------------------------------------- dates


def test_tanggal_dan_hari_dari_domain() -> None:
    assert tanggal(date(2026, 1, 12)) == "12 Januari 2026"
    assert hari_tanggal(date(2026, 1, 12)) == "Senin, 12 Januari 2026"
    assert tanggal(date(2026, 3, 1)) == "1 Maret 2026"  # no leading zero
    assert hari_tanggal(date(2026, 1, 16)) == "Jumat, 16 Januari 2026"
    assert hari_tanggal(date(2026, 1, 18)) == "Minggu, 18 Januari 2026"


def test_nama_hari_dan_bulan() -> None:
    assert NAMA_HARI == ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
    assert len(NAMA_BULAN) == 12
    assert NAMA_BULAN[0] == "Januari"
    assert NAMA_BULAN[-1] == "Desember"
    assert nama_bulan(8) == "Agustus"
    for salah in (0, 13, -1):
        with pytest.raises(ValueError, match="Bulan"):
            nama_bulan(salah)


def test_waktu() -> None:
    assert waktu(time(9, 0)) == "09.00 WIB"
    assert waktu(time(13, 5, 59)) == "13.05 WIB"
    assert waktu(time(8, 30), zona="WITA") == "08.30 WITA"
    assert waktu(time(8, 30), zona="") == "08.30"


@pytest.mark.parametrize(
    "teks",
    [
        "2026-01-12",
        "12/01/2026",
        "12-01-2026",
        "12 Januari 2026",
        "12 januari 2026",
        "12 JANUARI 2026",
        "  12   Januari  2026 ",
        "12/1/2026",
        "Senin, 12 Januari 2026",
    ],
)
def test_parse_tanggal_bentuk_yang_diterima(teks: str) -> None:
    assert parse_tanggal(teks) == date(2026, 1, 12)


def test_parse_tanggal_ejaan_lama() -> None:
    assert parse_tanggal("3 Nopember 2025") == date(2025, 11, 3)
    assert parse_tanggal("3 Pebruari 2025") == date(2025, 2, 3)


@pytest.mark.parametrize(
    "teks",
    [
        "",
        "kemarin",
        "2026/01/12",
        "12/01-2026",
        "12 Janu 2026",
        "31/02/2026",
        "2026-13-01",
        "12.01.2026",
        "Selasa, 12 Januari 2026",  # 12 Januari 2026 is a Monday
    ],
)
def test_parse_tanggal_menolak(teks: str) -> None:
    with pytest.raises(ValueError, match="Tanggal"):
        parse_tanggal(teks)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_parse_tanggal_membaca_kembali_tulisan_sendiri(d: date) -> None:
    assert parse_tanggal(tanggal(d)) == d
    assert parse_tanggal(hari_tanggal(d)) == d
    assert parse_tanggal(d.isoformat()) == d
    assert parse_tanggal(d.strftime("%d/%m/%Y")) == d


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("x", "desimal", "hasil"),
    [
        (1234567.891, 2, "1.234.567,89"),
        (1234567.891, 0, "1.234.568"),
        (-1234.5, 2, "-1.234,50"),
        (0, 2, "0,00"),
        (0.0, 0, "0"),
        (999, 2, "999,00"),
        (1000, 2, "1.000,00"),
        (0.005, 2, "0,01"),
        (-0.005, 2, "-0,01"),
        (1.005, 2, "1,01"),  # the float is 1.00499..., but Excel shows 1,01 too
        (2.675, 2, "2,68"),
        (0.125, 2, "0,13"),  # an exact binary tie: half away from zero, not to even
        (12.5, 0, "13"),
        (-12.5, 0, "-13"),
        (0.5, 0, "1"),
        (-0.001, 2, "0,00"),  # no "-0,00"
        (87.5, 1, "87,5"),
        (2**53, 2, "9.007.199.254.740.992,00"),
        (float(2**53), 0, "9.007.199.254.740.992"),
        (10**15, 0, "1.000.000.000.000.000"),
        (10**30, 2, "1" + ".000" * 10 + ",00"),
        (Decimal("1234.565"), 2, "1.234,57"),
    ],
)
def test_angka(x: float | int, desimal: int, hasil: str) -> None:
    assert angka(x, desimal) == hasil


def test_angka_kosong() -> None:
    assert angka(None) == ""
    assert angka(math.nan) == ""  # an empty pandas cell is NaN: blank, never 0
    with pytest.raises(ValueError, match="tak hingga"):
        angka(math.inf)
    with pytest.raises(TypeError):
        angka(True)
    with pytest.raises(ValueError, match="desimal"):
        angka(1, -1)


def test_persen_dan_rupiah() -> None:
    assert persen(87.5) == "87,50%"
    assert persen(107.14285714285714) == "107,14%"
    assert persen(100, 0) == "100%"
    assert persen(-3.5) == "-3,50%"
    assert persen(None) == "-"
    assert persen(math.nan) == "-"
    assert rupiah(1500000) == "Rp1.500.000,00"
    assert rupiah(1500000, 0) == "Rp1.500.000"
    assert rupiah(-1500.5) == "-Rp1.500,50"
    assert rupiah(0) == "Rp0,00"
    assert rupiah(None) == "-"


def _baca_angka(teks: str) -> Decimal:
    """Parse an Indonesian number back: drop the thousands dots, comma -> point."""
    return Decimal(teks.replace(".", "").replace(",", "."))


_RE_ANGKA = re.compile(r"-?[1-9]\d{0,2}(\.\d{3})*,\d\d|-?0,\d\d")

_TERHINGGA = st.floats(
    min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False, exclude_min=True
).filter(lambda x: abs(x) < 1e12)


@given(_TERHINGGA)
def test_angka_bolak_balik(x: float) -> None:
    teks = angka(x)
    assert _RE_ANGKA.fullmatch(teks), teks
    kembali = _baca_angka(teks)
    # Reference rounding: half away from zero of the number as written (its shortest repr).
    acuan = Decimal(repr(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert kembali == acuan
    # It equals Python's round(x, 2) unless the number as written is a half-cent tie (1.005),
    # where round() follows the binary value (1.00499...) and we round the tie away from zero.
    if abs(Decimal(repr(x)) * 100) % 1 != Decimal("0.5"):
        assert kembali == Decimal(repr(round(x, 2))).quantize(Decimal("0.01"))
    assert abs(kembali - Decimal(x)) <= Decimal("0.005") + Decimal(math.ulp(x))


@given(st.integers(min_value=-(10**20), max_value=10**20))
def test_angka_bilangan_bulat_tepat(n: int) -> None:
    teks = angka(n, 0)
    assert int(teks.replace(".", "")) == n


# --------------------------------------------------------------------------- NIP


@pytest.mark.parametrize(
    "masukan",
    [
        "197107261999021001",
        "19710726 199902 1 001",
        "NIP 19710726 199902 1 001",
        "NIP. 19710726 199902 1 001",
        "nip: 197107261999021001",
        "NIP197107261999021001",
        "19710726.199902.1.001",
        " 19710726  199902  1  001 ",
    ],
)
def test_nip(masukan: str) -> None:
    assert nip(masukan) == "19710726 199902 1 001"


@pytest.mark.parametrize(
    "masukan",
    [
        "",
        "NIP",
        "19710726199902100",  # 17 digits
        "1971072619990210011",  # 19 digits
        "19710726 199902 1 00A",
        "١٩٧١٠٧٢٦١٩٩٩٠٢١٠٠١",  # non-ASCII digits
        "-",
    ],
)
def test_nip_ditolak(masukan: str) -> None:
    with pytest.raises(ValueError, match=r"NIP .* 18 angka"):
        nip(masukan)


# --------------------------------------------------------------------------- terbilang


@pytest.mark.parametrize(
    ("n", "kata"),
    [
        (0, "nol"),
        (1, "satu"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (21, "dua puluh satu"),
        (100, "seratus"),
        (101, "seratus satu"),
        (111, "seratus sebelas"),
        (200, "dua ratus"),
        (1000, "seribu"),
        (1001, "seribu satu"),
        (1100, "seribu seratus"),
        (2000, "dua ribu"),
        (11000, "sebelas ribu"),
        (21000, "dua puluh satu ribu"),  # "satu ribu" inside a group is correct
        (101000, "seratus satu ribu"),
        (100000, "seratus ribu"),
        (1_000_000, "satu juta"),
        (1_001_000, "satu juta seribu"),
        (1_500_000, "satu juta lima ratus ribu"),
        (2_000_000_000, "dua miliar"),
        (10**12, "satu triliun"),
        (
            1_234_567_890_123,
            "satu triliun dua ratus tiga puluh empat miliar lima ratus enam puluh tujuh juta "
            "delapan ratus sembilan puluh ribu seratus dua puluh tiga",
        ),
        (-5, "minus lima"),
        (-1000, "minus seribu"),
    ],
)
def test_terbilang(n: int, kata: str) -> None:
    assert terbilang(n) == kata


def test_terbilang_batas() -> None:
    assert terbilang(indo.TERBILANG_MAKS).startswith(
        "sembilan ratus sembilan puluh sembilan triliun"
    )
    with pytest.raises(ValueError, match="terlalu besar"):
        terbilang(indo.TERBILANG_MAKS + 1)
    with pytest.raises(ValueError, match="bilangan bulat"):
        terbilang(1.5)  # type: ignore[arg-type]


@given(st.integers(min_value=0, max_value=10**6))
def test_terbilang_bentuk_kata(n: int) -> None:
    kata = terbilang(n)
    assert "  " not in kata
    assert kata == kata.strip()
    assert "satu ratus" not in kata
    # 1000 is "seribu"; "satu ribu" is right only after a tens/hundreds word (21 000, 101 000).
    assert not re.search(r"(^|juta |miliar |triliun )satu ribu", kata)
    if n:
        assert "nol" not in kata.split()


@given(st.integers(min_value=-indo.TERBILANG_MAKS, max_value=indo.TERBILANG_MAKS))
def test_terbilang_tanpa_celah(n: int) -> None:
    kata = terbilang(n)
    assert "  " not in kata
    assert kata.startswith("minus ") == (n < 0)
