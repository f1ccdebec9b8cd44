"""pyxl.inti.dukung: which indicators an evidence file supports, which lack theirs."""

from __future__ import annotations

import pytest

from pyxl.inti.dukung import IndikatorBukti, bukti_kurang, indikator_untuk, menyebut


@pytest.mark.parametrize(
    ("tulisan", "nama", "cocok"),
    [
        ("SK Tim.pdf", "SK Tim.pdf", True),
        ("sk tim.PDF", "SK Tim.pdf", True),
        ("  SK Tim.pdf ", "SK Tim.pdf", True),
        ("SK Tim", "SK Tim.pdf", True),  # no extension written
        ("D:\\Data\\SK Tim.pdf", "SK Tim.pdf", True),  # a folder written before it
        ("bukti/SK Tim.pdf", "SK Tim.pdf", True),
        ("Cafe\u0301.pdf", "Caf\u00e9.pdf", True),  # NFD against NFC
        ("SK Tim.pdf", "SK Tim.jpg", False),
        ("SK", "SK Tim.pdf", False),
        ("SK Tim.pdf.pdf", "SK Tim.pdf", False),
        ("", "SK Tim.pdf", False),
    ],
)
def test_menyebut(tulisan: str, nama: str, cocok: bool) -> None:
    assert menyebut(tulisan, nama) is cocok


DAFTAR = [
    IndikatorBukti("IKU-01", True, ("SK.pdf", "foto.jpg"), "HUKUM!V2"),
    IndikatorBukti("IKU-02", True, (), "HUKUM!V3"),
    IndikatorBukti("IKU-03", False, ("sk",), "HUKUM!V4"),
    IndikatorBukti("IKU-04", False, (), "HUKUM!V5"),
]


def test_indikator_untuk_in_sheet_order() -> None:
    assert indikator_untuk("SK.PDF", DAFTAR) == ["IKU-01", "IKU-03"]
    assert indikator_untuk("foto.jpg", DAFTAR) == ["IKU-01"]
    assert indikator_untuk("lain.pdf", DAFTAR) == []


def test_bukti_kurang() -> None:
    temuan = bukti_kurang(DAFTAR, ["sk.pdf", "rekap.xlsx"], ["foto.jpg"], "HUKUM", "h.xlsx")
    assert [(t.kode, t.tingkat, t.sel, t.kode_bagian, t.berkas) for t in temuan] == [
        ("BUKTI_TIDAK_ADA", "Peringatan", "HUKUM!V2", "HUKUM", "h.xlsx"),
        ("BUKTI_TIDAK_ADA", "Peringatan", "HUKUM!V3", "HUKUM", "h.xlsx"),
    ]
    satu, dua = (t.pesan for t in temuan)
    assert satu.startswith("IKU-01: kolom Bukti (sel HUKUM!V2) menyebut foto.jpg, tetapi")
    assert "(foto.jpg ditolak: lihat sheet Data Dukung dan Validasi)" in satu
    assert "SK.pdf" not in satu, "what arrived is not listed as missing"
    assert dua.startswith("IKU-02 perlu data dukung (Perlu Bukti: Ya), tetapi kolom Bukti")
    assert "masuk/HUKUM/" in dua and "HUKUM_" in dua
    assert "belum disebut di kolom Bukti mana pun: rekap.xlsx." in dua
    assert (
        bukti_kurang(DAFTAR[2:], [], [], "HUKUM", "h.xlsx", "kiriman")[0].pesan.count(
            "kiriman/HUKUM/"
        )
        == 1
    ), "IKU-03 names 'sk', not sent; the folder is the setting's"
    lengkap = bukti_kurang(DAFTAR[:1], ["SK.pdf", "foto.jpg"], [], "HUKUM", "h.xlsx")
    assert lengkap == []
