"""Cells as staff read them (`pyxl.inti.sel`): column letters, cell names, values as text,
texts Excel would take for something else, and values quoted in messages."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pyxl.inti.sel import (
    PANJANG_KUTIPAN,
    huruf_kolom,
    kutip,
    nama_sel,
    perlu_awalan_teks,
    sebagai_teks,
)


@pytest.mark.parametrize(
    ("kolom", "huruf"),
    [
        (1, "A"),
        (2, "B"),
        (10, "J"),
        (26, "Z"),
        (27, "AA"),
        (28, "AB"),
        (52, "AZ"),
        (53, "BA"),
        (702, "ZZ"),
        (703, "AAA"),
        (16384, "XFD"),
    ],
)
def test_huruf_kolom(kolom: int, huruf: str) -> None:
    assert huruf_kolom(kolom) == huruf


def test_huruf_kolom_is_bijective_up_to_xfd() -> None:
    def nomor(huruf: str) -> int:
        n = 0
        for c in huruf:
            n = n * 26 + ord(c) - 64
        return n

    semua = [huruf_kolom(k) for k in range(1, 16385)]
    assert len(set(semua)) == 16384
    assert all(nomor(h) == k for k, h in enumerate(semua, start=1))
    assert all(h.isascii() and h.isupper() for h in semua)


@pytest.mark.parametrize(
    ("kolom", "baris", "nama"),
    [
        (1, 1, "A1"),
        (10, 9, "J9"),
        (17, 13, "Q13"),
        (27, 100, "AA100"),
        (16384, 1048576, "XFD1048576"),
    ],
)
def test_nama_sel(kolom: int, baris: int, nama: str) -> None:
    assert nama_sel(kolom, baris) == nama


@pytest.mark.parametrize(
    ("nilai", "teks"),
    [
        (None, ""),
        ("", ""),
        ("  Bagian Hukum \n", "Bagian Hukum"),
        (2026.0, "2026"),
        (-3.0, "-3"),
        (0.0, "0"),
        (97.3, "97.3"),
        (2026, "2026"),
        (datetime(2027, 1, 20), "20/01/2027"),
        (datetime(2027, 1, 20, 13, 5), "20/01/2027 13:05"),
        (datetime(2027, 1, 20, 0, 30), "20/01/2027 00:30"),
        (datetime(2027, 1, 20, 9, 0), "20/01/2027 09:00"),
        (date(2026, 3, 5), "05/03/2026"),
    ],
)
def test_sebagai_teks(nilai: object, teks: str) -> None:
    assert sebagai_teks(nilai) == teks


@pytest.mark.parametrize(
    "teks",
    ["=SUM(A1)", "+62 812", "-5", "@user", "'kutip", "2026", "0812", ".5", ",5", "(021) 123"],
)
def test_perlu_awalan_teks(teks: str) -> None:
    assert perlu_awalan_teks(teks)


@pytest.mark.parametrize("teks", ["", "WTP", "Bagian Hukum", " =1", "IKU-HUKUM-01", "#N/A"])
def test_tidak_perlu_awalan_teks(teks: str) -> None:
    assert not perlu_awalan_teks(teks)


def test_kutip_removes_control_characters() -> None:
    assert kutip("a\x00b\nc\td\r") == "a b c d "
    assert kutip("x\x7fy\x85z\x9f") == "x y z "
    assert kutip("baris\u2028paragraf\u2029akhir") == "baris paragraf akhir"
    assert kutip("\ud800\ufffe\uffff") == "   "
    assert kutip("Persentase ½ — ẞ") == "Persentase ½ — ẞ", "ordinary text stays"


def test_kutip_truncates_with_an_ellipsis() -> None:
    assert PANJANG_KUTIPAN == 80
    pas = "x" * PANJANG_KUTIPAN
    assert kutip(pas) == pas
    panjang = kutip("y" * (PANJANG_KUTIPAN + 1))
    assert len(panjang) == PANJANG_KUTIPAN and panjang == "y" * 79 + "…"
    assert kutip("abcdefghij", 5) == "abcd…"
    assert kutip("abcde", 5) == "abcde"


def test_kutip_any_value() -> None:
    assert kutip(97.5) == "97.5"
    assert kutip(None) == "None"
    assert kutip(ValueError("baris\nbaru")) == "baris baru"
