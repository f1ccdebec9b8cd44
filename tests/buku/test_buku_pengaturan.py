"""pyxl.buku.pengaturan: the `Pengaturan` sheet read with its cells and written back.

(Named test_buku_pengaturan.py: tests/kontrak/test_pengaturan.py tests the settings as data.)
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from pyxl.buku.pengaturan import baca_pengaturan, catat_pengaturan
from pyxl.buku.tabel import baca_tabel, tulis_tabel
from pyxl.buku.xlsm import BukuZip, buka
from pyxl.galat import IsianError
from pyxl.kontrak import skema
from pyxl.kontrak.pengaturan import BAWAAN, PENGATURAN

PER_KUNCI = {s.kunci: s for s in PENGATURAN}


def _baris_kunci(berkas: Path) -> dict[str, int]:
    """Each key's row in the sheet, from openpyxl (an independent reader)."""
    ws = openpyxl.load_workbook(berkas)[skema.PENGATURAN]
    return {str(c.value): c.row for (c,) in ws.iter_rows(min_row=2, max_col=1) if c.value}


def _sel(berkas: Path, ref: str) -> object:
    return openpyxl.load_workbook(berkas)[skema.PENGATURAN][ref].value


# ------------------------------------------------------------------------------ baca_pengaturan


def test_every_setting_has_a_row_in_the_sample_master(master: Path) -> None:
    assert list(_baris_kunci(master)) == [s.kunci for s in PENGATURAN]


def test_baca_pengaturan_values_and_their_cells(master: Path) -> None:
    baris = _baris_kunci(master)
    p = baca_pengaturan(BukuZip(master, hanya_baca=True))
    assert p["Tahun"] == "2026"
    assert p.tahun() == 2026
    assert p["Kota"] == "Blambangan Umpu"
    assert p.lokasi("Tahun") == f"sheet Pengaturan sel B{baris['Tahun']}"
    assert p.lokasi("Folder Arsip") == f"sheet Pengaturan sel B{baris['Folder Arsip']}"


def test_a_message_names_the_cell_of_an_empty_required_setting(master: Path) -> None:
    baris = _baris_kunci(master)["Tanggal Rapat"]  # empty in the sample
    p = baca_pengaturan(BukuZip(master, hanya_baca=True))
    with pytest.raises(IsianError) as info:
        p.wajib("Tanggal Rapat")
    assert str(info.value) == (
        f"Pengaturan 'Tanggal Rapat' masih kosong. Isi di sheet Pengaturan sel B{baris}."
    )


def test_an_empty_value_falls_back_to_the_default(master: Path) -> None:
    baris = _baris_kunci(master)["Jam Rapat"]
    with buka(master) as buku:
        buku.tulis(skema.PENGATURAN, baris, 2, [["   "]])
        p = baca_pengaturan(buku)
    assert p["Jam Rapat"] == BAWAAN["Jam Rapat"] == "09.00"


def test_a_number_typed_in_a_cell_reads_as_whole_text(master: Path) -> None:
    baris = _baris_kunci(master)["Tahun"]
    with buka(master) as buku:
        buku.tulis(skema.PENGATURAN, baris, 2, [[2027.0]])
        assert baca_pengaturan(buku)["Tahun"] == "2027"


def test_a_moved_row_is_found_by_its_key(master: Path) -> None:
    """Staff may sort the sheet: a setting is found by its key, its cell follows it."""
    with buka(master) as buku:
        rows = baca_tabel(buku, skema.PENGATURAN)
        tulis_tabel(buku, skema.PENGATURAN, skema.KOLOM_PENGATURAN, rows[::-1])
        p = baca_pengaturan(buku)
    assert p["Kota"] == "Blambangan Umpu"
    assert p.lokasi("Pemerintah Daerah") == f"sheet Pengaturan sel B{len(rows) + 1}"


# ------------------------------------------------------------------------------ catat_pengaturan


def test_catat_pengaturan_updates_an_existing_key_in_place(master: Path) -> None:
    baris = _baris_kunci(master)
    with buka(master) as buku:
        catat_pengaturan(buku, {"Kota": "Baradatu", "Mode Email": "smtp"})
        buku.simpan()
    assert _baris_kunci(master) == baris  # no row added or moved
    assert _sel(master, f"B{baris['Kota']}") == "Baradatu"
    assert _sel(master, f"B{baris['Mode Email']}") == "smtp"
    assert _sel(master, f"C{baris['Kota']}") == PER_KUNCI["Kota"].keterangan  # untouched
    p = baca_pengaturan(BukuZip(master, hanya_baca=True))
    assert (p["Kota"], p["Mode Email"]) == ("Baradatu", "smtp")


def test_catat_pengaturan_appends_a_missing_key_with_its_definition(master: Path) -> None:
    hilang = "Email Tujuan Pengantar"
    with buka(master) as buku:
        rows = [r for r in baca_tabel(buku, skema.PENGATURAN) if r["Kunci"] != hilang]
        tulis_tabel(buku, skema.PENGATURAN, skema.KOLOM_PENGATURAN, rows)
        buku.simpan()
    assert hilang not in _baris_kunci(master)
    with buka(master) as buku:
        catat_pengaturan(buku, {hilang: "bupati@waykanan.example", "Kota": "Baradatu"})
        buku.simpan()
    baris = _baris_kunci(master)
    assert baris[hilang] == len(PENGATURAN) + 1  # below the last row
    ws = openpyxl.load_workbook(master)[skema.PENGATURAN]
    assert [c.value for c in ws[baris[hilang]]] == [
        hilang,
        "bupati@waykanan.example",
        PER_KUNCI[hilang].keterangan,
        PER_KUNCI[hilang].kelompok,
    ]
    assert ws[f"B{baris['Kota']}"].value == "Baradatu"
    assert baca_pengaturan(BukuZip(master, hanya_baca=True))[hilang] == "bupati@waykanan.example"


def test_catat_pengaturan_appends_an_unknown_key_without_a_description(master: Path) -> None:
    with buka(master) as buku:
        catat_pengaturan(buku, {"Catatan Operator": "uji"})
        rows = baca_tabel(buku, skema.PENGATURAN)
    assert rows[-1] == {
        "Kunci": "Catatan Operator",
        "Nilai": "uji",
        "Keterangan": None,
        "Kelompok": None,
        "_baris": len(PENGATURAN) + 2,
    }


def test_catat_pengaturan_keeps_text_that_looks_like_a_number(master: Path) -> None:
    baris = _baris_kunci(master)["SMTP Port"]
    with buka(master) as buku:
        catat_pengaturan(buku, {"SMTP Port": "0465"})
        buku.simpan()
    assert _sel(master, f"B{baris}") == "0465"


def test_catat_pengaturan_with_nothing_changes_nothing(master: Path) -> None:
    sebelum = master.read_bytes()
    with buka(master) as buku:
        catat_pengaturan(buku, {})
        buku.simpan()
    assert master.read_bytes() == sebelum
