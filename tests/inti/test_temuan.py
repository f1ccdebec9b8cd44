"""Findings (`pyxl.inti.temuan`): declared codes only, one `Validasi` row each, the level of
their code, and the Bagian and file of the return they belong to."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest

from pyxl.inti.temuan import Temuan, blokir, ditolak, peringatan, untuk
from pyxl.kontrak import skema
from pyxl.kontrak.masalah import BLOKIR, KODE, PERINGATAN, tingkat


@pytest.mark.parametrize("kode", ["TIDAK_ADA", "", "rusak", "RUSAK ", "Blokir"])
def test_an_undeclared_code_is_refused(kode: str) -> None:
    with pytest.raises(ValueError, match="tidak terdaftar"):
        Temuan(BLOKIR, kode, "pesan")
    with pytest.raises(ValueError, match="tidak terdaftar"):
        blokir(kode, "pesan")
    with pytest.raises(ValueError, match="tidak terdaftar"):
        peringatan(kode, "pesan")


def test_a_finding_is_a_value() -> None:
    t = blokir("RUSAK", "Berkas x rusak.")
    assert t == blokir("RUSAK", "Berkas x rusak.")
    with pytest.raises(FrozenInstanceError):
        t.kode = "KOSONG"  # type: ignore[misc]


def test_baris_validasi_has_exactly_the_validasi_columns() -> None:
    t = Temuan(
        PERINGATAN,
        "BUKAN_ANGKA",
        "Sel J10 bukan angka.",
        sel="J10",
        kode_bagian="HUKUM",
        berkas="HUKUM.xlsx",
        kode_iku="IKU-HUKUM-02",
        kolom="Realisasi",
        indeks=10,
    )
    baris = t.baris_validasi()
    assert tuple(baris) == skema.KOLOM_VALIDASI, "same columns, same order"
    assert baris == {
        "Tingkat": PERINGATAN,
        "Kode Masalah": "BUKAN_ANGKA",
        "Kode Bagian": "HUKUM",
        "Berkas": "HUKUM.xlsx",
        "Sel": "J10",
        "Pesan": "Sel J10 bukan angka.",
    }
    assert all(isinstance(v, str) for v in blokir("KOSONG", "kosong").baris_validasi().values())


def test_defaults_are_empty_text() -> None:
    t = blokir("KOSONG", "Berkas kosong.")
    assert (t.sel, t.kode_bagian, t.berkas, t.kode_iku, t.kolom) == ("",) * 5
    assert t.indeks is None
    assert blokir("KOSONG", "Berkas kosong.", "A1").sel == "A1"
    assert peringatan("ISIAN_KOSONG", "kosong", "J9").sel == "J9"


@pytest.mark.parametrize("kode", list(KODE))
def test_the_helper_of_a_codes_level_carries_that_level(kode: str) -> None:
    buat = blokir if tingkat(kode) == BLOKIR else peringatan
    t = buat(kode, "pesan")
    assert (t.tingkat, t.kode, t.pesan) == (KODE[kode].tingkat, kode, "pesan")


def test_blokir_and_peringatan_levels() -> None:
    assert blokir("TANPA_STEMPEL", "x").tingkat == BLOKIR == "Blokir"
    assert peringatan("FORMAT_LAMA", "x").tingkat == PERINGATAN == "Peringatan"


def test_ditolak() -> None:
    p = peringatan("ISIAN_KOSONG", "kosong", "J9")
    b = blokir("TANDA_TANGAN_TIDAK_COCOK", "diubah")
    assert not ditolak([])
    assert not ditolak([p, p])
    assert ditolak([b])
    assert ditolak([p, b, p])
    assert ditolak(iter([p, b])), "any iterable"


def test_untuk_sets_bagian_and_file_but_keeps_a_findings_own_bagian() -> None:
    sendiri = Temuan(PERINGATAN, "IKU_TIDAK_ADA", "tidak ada lagi", kode_bagian="KESRA")
    lain = peringatan("ISIAN_KOSONG", "kosong", "J9")
    berkas_lama = Temuan(BLOKIR, "RUSAK", "rusak", berkas="lama.xlsx")
    hasil = untuk([sendiri, lain, berkas_lama], "HUKUM", "HUKUM.xlsx")
    assert [t.kode_bagian for t in hasil] == ["KESRA", "HUKUM", "HUKUM"]
    assert [t.berkas for t in hasil] == ["HUKUM.xlsx"] * 3, "the file is always the return's"
    assert hasil[1].sel == "J9" and hasil[1].kode == "ISIAN_KOSONG", "nothing else changes"
    assert lain.kode_bagian == "" and lain.berkas == "", "the originals are not changed"


def test_untuk_with_no_bagian_yet() -> None:
    """A file rejected before its stamp is read has no Bagian: the findings keep none."""
    [t] = untuk([blokir("KOSONG", "kosong")], "", "kosong.xlsx")
    assert (t.kode_bagian, t.berkas) == ("", "kosong.xlsx")
    assert untuk([], "HUKUM", "x.xlsx") == []
