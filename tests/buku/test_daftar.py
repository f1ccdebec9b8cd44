"""pyxl.buku.daftar: the Bagian list and each Bagian's indicators, read from the master."""

from __future__ import annotations

from pathlib import Path

import pytest

from pyxl.buku.daftar import baca_bagian, baca_indikator, pilih_bagian
from pyxl.buku.tabel import tulis_tabel
from pyxl.buku.xlsm import BukuZip, buka
from pyxl.galat import BukuError, IsianError
from pyxl.kontrak import skema
from pyxl.kontrak.model import Bagian

KODE_CONTOH = ["TAPEM", "KESRA", "HUKUM", "EKON", "ADPEM", "PBJ", "UMUM", "ORG", "PROKOPIM",
               "RENKEU"]  # fmt: skip


def test_baca_bagian_of_the_sample_master(master: Path) -> None:
    semua = baca_bagian(BukuZip(master, hanya_baca=True))
    assert [b.kode for b in semua] == KODE_CONTOH
    assert semua[0] == Bagian(
        "TAPEM",
        "Bagian Tata Pemerintahan",
        "Asisten Pemerintahan dan Kesejahteraan Rakyat",
        "Drs. Ahmad Fauzan Hidayat, M.Si.",
        "197203141998031003",
        "Pembina Tk. I (IV/b)",
        "tapem@setda.waykanan.example",
    )


def test_empty_cells_of_a_bagian_are_empty_text(master: Path) -> None:
    with buka(master) as buku:
        buku.tulis(skema.BAGIAN, 11, 4, [[None, None, None, "  renkeu@contoh  "]])
        renkeu = baca_bagian(buku)[-1]
    assert (renkeu.kode, renkeu.kepala, renkeu.nip, renkeu.pangkat) == ("RENKEU", "", "", "")
    assert renkeu.email == "renkeu@contoh"  # trimmed


@pytest.mark.parametrize(
    "kode",
    [
        "HU KUM",  # space
        "a.b",  # dot: part of file names
        "../x",
        "-X",  # must start with a letter or digit
        "_X",
        "Ä",  # not ASCII
        "X" * 32,  # longer than a sheet name may be
        "Kendali",  # another sheet's name
        "kendali",  # ... ignoring case, as Excel does
        "Register Arsip",
        "SISTEM",
        "History",  # reserved by Excel
        "xlwings.conf",
    ],
)
def test_a_bad_code_is_refused_naming_its_cell(master: Path, kode: str) -> None:
    with buka(master) as buku:
        buku.tulis(skema.BAGIAN, 4, 1, [[kode]])  # HUKUM's row
        with pytest.raises(IsianError) as info:
            baca_bagian(buku)
    pesan = str(info.value)
    assert pesan.startswith(f"Kode Bagian {kode!r} (sheet Bagian sel A4) tidak dapat dipakai")
    assert "paling banyak 31 karakter" in pesan


def test_an_empty_code_on_a_filled_row_is_refused(master: Path) -> None:
    with buka(master) as buku:
        buku.tulis(skema.BAGIAN, 6, 1, [[None]])  # ADPEM's row keeps its other cells
        with pytest.raises(IsianError, match=r"^Kode Bagian '' \(sheet Bagian sel A6\)"):
            baca_bagian(buku)


@pytest.mark.parametrize("kode", ["A", "X" * 31, "Bag_1-2", "2026"])
def test_good_codes_are_accepted(master: Path, kode: str) -> None:
    with buka(master) as buku:
        buku.tulis(skema.BAGIAN, 4, 1, [[kode]])
        assert baca_bagian(buku)[2].kode == kode


def test_a_numeric_code_cell_is_read_as_its_text(master: Path) -> None:
    with buka(master) as buku:
        buku.tulis(skema.BAGIAN, 4, 1, [[2026]])
        assert baca_bagian(buku)[2].kode == "2026"


def test_a_duplicate_code_ignoring_case_names_both_cells(master: Path) -> None:
    with buka(master) as buku:
        buku.tulis(skema.BAGIAN, 5, 1, [["tapem"]])  # EKON's row
        with pytest.raises(IsianError) as info:
            baca_bagian(buku)
    assert str(info.value) == (
        "Kode Bagian 'tapem' (sheet Bagian sel A5) ganda dengan 'TAPEM' (sel A2); setiap kode "
        "harus unik (huruf besar dan kecil dianggap sama)."
    )


def test_empty_rows_in_the_list_are_skipped(master: Path) -> None:
    with buka(master) as buku:
        buku.tulis(skema.BAGIAN, 3, 1, [[None] * len(skema.KOLOM_BAGIAN)])  # KESRA removed
        semua = baca_bagian(buku)
    assert [b.kode for b in semua] == [k for k in KODE_CONTOH if k != "KESRA"]


# ------------------------------------------------------------------------------ pilih_bagian


def test_pilih_bagian_all_or_one(master: Path) -> None:
    buku = BukuZip(master, hanya_baca=True)
    assert [b.kode for b in pilih_bagian(buku, None)] == KODE_CONTOH
    (hukum,) = pilih_bagian(buku, "HUKUM")
    assert hukum.nama == "Bagian Hukum"
    assert pilih_bagian(buku, " hukum ") == [hukum]  # as typed by staff


def test_pilih_bagian_unknown_code_lists_the_known_ones(master: Path) -> None:
    with pytest.raises(IsianError) as info:
        pilih_bagian(BukuZip(master, hanya_baca=True), "DINKES")
    assert str(info.value) == (
        f"Kode Bagian 'DINKES' tidak ada di sheet Bagian. Kode yang ada: {', '.join(KODE_CONTOH)}."
    )


def test_pilih_bagian_with_an_empty_list(master: Path) -> None:
    with buka(master) as buku:
        tulis_tabel(buku, skema.BAGIAN, skema.KOLOM_BAGIAN, [])
        assert pilih_bagian(buku, None) == []
        with pytest.raises(IsianError, match=r"Kode yang ada: \(belum ada\)\.$"):
            pilih_bagian(buku, "TAPEM")


# ------------------------------------------------------------------------------ baca_indikator


def test_baca_indikator_reads_a_bagian_sheet(master: Path) -> None:
    buku = BukuZip(master, hanya_baca=True)
    (tapem,) = pilih_bagian(buku, "TAPEM")
    rows = baca_indikator(buku, tapem)
    mentah = buku.baca("TAPEM")
    assert len(rows) == len(mentah) - 1 > 0
    assert all(set(r) == {*skema.KOLOM_INDIKATOR, "_baris"} for r in rows)
    assert [r["_baris"] for r in rows] == list(range(2, len(mentah) + 1))
    assert [r["Kode IKU"] for r in rows] == [m[0] for m in mentah[1:]]
    assert all(r["Indikator Kinerja"] for r in rows)


def test_baca_indikator_checks_the_sheet_header(master: Path) -> None:
    with buka(master) as buku:
        buku.tulis("EKON", 1, skema.KOLOM_INDIKATOR.index("Target") + 1, [["Sasaran Target"]])
        (ekon,) = pilih_bagian(buku, "EKON")
        with pytest.raises(BukuError, match=r"Sheet 'EKON' .*: kolom Target tidak ada di baris 1"):
            baca_indikator(buku, ekon)


def test_baca_indikator_of_a_bagian_without_a_sheet(master: Path) -> None:
    buku = BukuZip(master, hanya_baca=True)
    with pytest.raises(BukuError) as info:
        baca_indikator(buku, Bagian("DINKES", "Bagian Baru", "Asisten"))
    assert str(info.value) == (
        "Sheet untuk Bagian DINKES tidak ada. Tambahkan sheet bernama 'DINKES' dengan judul "
        "kolom yang sama seperti sheet Bagian lain."
    )
