"""pyxl.buku.tabel: table sheets read checked and written as blocks, through a real BukuZip."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from pyxl.buku.tabel import (
    FORMAT_KOLOM,
    baca_tabel,
    ganti_baris,
    tambah_baris,
    tulis_tabel,
    wajib_sheet,
)
from pyxl.buku.xlsm import BukuZip, buka
from pyxl.galat import BukuError
from pyxl.kontrak import skema

PENERIMAAN = skema.PENERIMAAN
KOLOM = skema.KOLOM_PENERIMAAN_LENGKAP
WAKTU = datetime(2026, 1, 20, 9, 15, 30)


def _rec(i: int, **lain: Any) -> dict[str, Any]:
    return {
        "Waktu": WAKTU.replace(minute=i),
        "Berkas": f"TAPEM_{i}.xlsx",
        "SHA-256": f"{i:064x}",
        "Kode Bagian": "TAPEM",
        "Status": "Diterima",
        "Catatan": f"catatan {i}",
        **lain,
    }


def _calamine(berkas: Path, sheet: str) -> list[list[Any]]:
    rows = CalamineWorkbook.from_path(str(berkas)).get_sheet_by_name(sheet).to_python()
    while rows and all(v in ("", None) for v in rows[-1]):
        rows.pop()
    return rows


def test_the_contract_columns_match_the_sheet(master: Path) -> None:
    assert KOLOM[:6] == ("Waktu", "Berkas", "SHA-256", "Kode Bagian", "Status", "Catatan")
    assert KOLOM[6:] == ("Sumber", "Disimpan", "Periode")  # pyxl's own, after the contract's
    assert _calamine(master, PENERIMAAN) == [list(KOLOM)]


# ------------------------------------------------------------------------------ baca_tabel


def test_baca_tabel_keys_rows_by_header_with_their_row_numbers(master: Path) -> None:
    buku = BukuZip(master, hanya_baca=True)
    rows = baca_tabel(buku, skema.BAGIAN)
    assert [r["Kode"] for r in rows] == [
        "TAPEM", "KESRA", "HUKUM", "EKON", "ADPEM", "PBJ", "UMUM", "ORG", "PROKOPIM", "RENKEU",
    ]  # fmt: skip
    assert [r["_baris"] for r in rows] == list(range(2, 12))
    assert set(rows[0]) == {*skema.KOLOM_BAGIAN, "_baris"}
    assert rows[0]["Nama Bagian"] == "Bagian Tata Pemerintahan"
    assert rows[0]["NIP"] == "197203141998031003"  # text stays text


def test_baca_tabel_of_an_empty_table(master: Path) -> None:
    assert baca_tabel(BukuZip(master, hanya_baca=True), PENERIMAAN) == []


def test_baca_tabel_refuses_a_missing_column_naming_sheet_and_column(master: Path) -> None:
    with buka(master) as buku:
        buku.tulis(PENERIMAAN, 1, 3, [["SHA256"]])  # a header renamed by hand
        with pytest.raises(BukuError) as info:
            baca_tabel(buku, PENERIMAAN)
    assert str(info.value) == (
        f"Sheet '{PENERIMAAN}' di {skema.NAMA_MASTER}: kolom SHA-256 tidak ada di baris 1. "
        "Jangan mengubah judul kolom; salin dari buku kerja baru bila terhapus."
    )


def test_baca_tabel_checks_the_columns_asked_for(master: Path) -> None:
    buku = BukuZip(master, hanya_baca=True)
    assert len(baca_tabel(buku, skema.BAGIAN, ["Kode", "Email"])) == 10
    with pytest.raises(BukuError, match="kolom Alamat, Telepon tidak ada"):
        baca_tabel(buku, skema.BAGIAN, ["Kode", "Alamat", "Telepon"])


def test_baca_tabel_skips_empty_rows_and_keeps_row_numbers(master: Path) -> None:
    with buka(master) as buku:
        buku.tulis(PENERIMAAN, 2, 1, [[WAKTU, "a.xlsx"]])
        buku.tulis(PENERIMAAN, 4, 1, [[None, "   ", None, "\t"]])  # blanks only: empty
        buku.tulis(PENERIMAAN, 5, 6, [["hanya catatan"]])
        rows = baca_tabel(buku, PENERIMAAN)
    assert [r["_baris"] for r in rows] == [2, 5]
    assert rows[0] == {
        "Waktu": WAKTU, "Berkas": "a.xlsx", "SHA-256": None, "Kode Bagian": None,
        "Status": None, "Catatan": None, "Sumber": None, "Disimpan": None, "Periode": None,
        "_baris": 2,
    }  # fmt: skip
    assert rows[1]["Catatan"] == "hanya catatan"


def test_baca_tabel_trims_headers_and_ignores_unnamed_columns(master: Path) -> None:
    with buka(master) as buku:
        buku.tulis(skema.SISTEM, 1, 1, [[" Kunci ", "Nilai  ", None, "Tambahan"]])
        buku.tulis(skema.SISTEM, 2, 1, [["k", "v", "tanpa judul", "t"]])
        rows = baca_tabel(buku, skema.SISTEM)
    assert rows == [{"Kunci": "k", "Nilai": "v", "Tambahan": "t", "_baris": 2}]


# ------------------------------------------------------------------------------ writing


def test_tulis_tabel_writes_rows_with_their_number_formats(master: Path) -> None:
    with buka(master) as buku:
        tulis_tabel(buku, PENERIMAAN, KOLOM, [_rec(1), _rec(2, Catatan=None)])
        buku.simpan()
    ws = openpyxl.load_workbook(master)[PENERIMAAN]
    assert [c.value for c in ws[1]] == list(KOLOM)  # header kept
    assert [c.value for c in ws[2]] == [WAKTU.replace(minute=1), "TAPEM_1.xlsx", f"{1:064x}",
                                        "TAPEM", "Diterima", "catatan 1", None, None,
                                        None]  # fmt: skip
    assert ws["F3"].value is None
    assert ws["A2"].number_format == ws["A3"].number_format == FORMAT_KOLOM["Waktu"]
    assert ws.max_row == 3


def test_tulis_tabel_replaces_the_whole_body(master: Path) -> None:
    with buka(master) as buku:
        tulis_tabel(buku, PENERIMAAN, KOLOM, [_rec(i) for i in range(1, 6)])
        buku.simpan()
    with buka(master) as buku:
        tulis_tabel(buku, PENERIMAAN, KOLOM, [_rec(9)])
        buku.simpan()
    rows = _calamine(master, PENERIMAAN)
    assert len(rows) == 2 and rows[1][1] == "TAPEM_9.xlsx"
    assert [r["Berkas"] for r in baca_tabel(BukuZip(master, hanya_baca=True), PENERIMAAN)] == [
        "TAPEM_9.xlsx"
    ]


def test_tulis_tabel_with_no_rows_empties_the_table_but_keeps_the_header(master: Path) -> None:
    with buka(master) as buku:
        tulis_tabel(buku, PENERIMAAN, KOLOM, [_rec(1), _rec(2)])
        buku.simpan()
    with buka(master) as buku:
        tulis_tabel(buku, PENERIMAAN, KOLOM, [])
        buku.simpan()
    assert _calamine(master, PENERIMAAN) == [list(KOLOM)]


def test_tulis_tabel_follows_the_column_order_given(master: Path) -> None:
    """Keys missing from a record are empty cells; keys not in `kolom` are not written."""
    with buka(master) as buku:
        tulis_tabel(buku, skema.SISTEM, skema.KOLOM_SISTEM, [{"Nilai": "v", "Kunci": "k", "x": 1}])
        buku.simpan()
    assert _calamine(master, skema.SISTEM) == [["Kunci", "Nilai"], ["k", "v"]]


def test_tambah_baris_appends_below_the_last_row_and_says_where(master: Path) -> None:
    with buka(master) as buku:
        assert tambah_baris(buku, PENERIMAAN, KOLOM, [_rec(1), _rec(2)]) == 2
        assert tambah_baris(buku, PENERIMAAN, KOLOM, [_rec(3)]) == 4  # sees pending writes
        buku.simpan()
    with buka(master) as buku:
        assert tambah_baris(buku, PENERIMAAN, KOLOM, [_rec(4)]) == 5
        assert tambah_baris(buku, PENERIMAAN, KOLOM, []) == 6  # nothing written
        buku.simpan()
    rows = baca_tabel(BukuZip(master, hanya_baca=True), PENERIMAAN)
    assert [(r["_baris"], r["Berkas"]) for r in rows] == [
        (2, "TAPEM_1.xlsx"), (3, "TAPEM_2.xlsx"), (4, "TAPEM_3.xlsx"), (5, "TAPEM_4.xlsx"),
    ]  # fmt: skip
    ws = openpyxl.load_workbook(master)[PENERIMAAN]
    assert ws["A5"].number_format == FORMAT_KOLOM["Waktu"]
    assert ws.max_row == 5


def test_tambah_baris_below_a_gap_typed_by_staff(master: Path) -> None:
    with buka(master) as buku:
        buku.tulis(PENERIMAAN, 4, 2, [["diketik staf"]])
        assert tambah_baris(buku, PENERIMAAN, KOLOM, [_rec(1)]) == 5
        assert [r["_baris"] for r in baca_tabel(buku, PENERIMAAN)] == [4, 5]


def test_ganti_baris_overwrites_one_row_only(master: Path) -> None:
    with buka(master) as buku:
        tulis_tabel(buku, PENERIMAAN, KOLOM, [_rec(1), _rec(2), _rec(3)])
        buku.simpan()
    with buka(master) as buku:
        baris = next(r for r in baca_tabel(buku, PENERIMAAN) if r["Berkas"] == "TAPEM_2.xlsx")
        ganti_baris(buku, PENERIMAAN, KOLOM, baris["_baris"], {**baris, "Status": "Ditolak"})
        buku.simpan()
    rows = baca_tabel(BukuZip(master, hanya_baca=True), PENERIMAAN)
    assert [(r["Berkas"], r["Status"]) for r in rows] == [
        ("TAPEM_1.xlsx", "Diterima"),
        ("TAPEM_2.xlsx", "Ditolak"),
        ("TAPEM_3.xlsx", "Diterima"),
    ]
    assert rows[1]["Waktu"] == WAKTU.replace(minute=2)
    assert openpyxl.load_workbook(master)[PENERIMAAN]["A3"].number_format == FORMAT_KOLOM["Waktu"]


def test_text_that_looks_like_a_formula_stays_text(master: Path) -> None:
    with buka(master) as buku:
        tambah_baris(buku, PENERIMAAN, KOLOM, [_rec(1, Catatan="=1+1", Berkas="0812")])
        buku.simpan()
    ws = openpyxl.load_workbook(master)[PENERIMAAN]
    assert (ws["F2"].value, ws["F2"].data_type) == ("=1+1", "s")
    assert ws["B2"].value == "0812"


# ------------------------------------------------------------------------------ wajib_sheet


def test_wajib_sheet(master: Path) -> None:
    buku = BukuZip(master, hanya_baca=True)
    wajib_sheet(buku, *skema.SHEET_WAJIB)  # the sample master has them all
    with pytest.raises(BukuError) as info:
        wajib_sheet(buku, skema.KENDALI, "Laporan", "Catatan")
    assert str(info.value).startswith(
        f"Buku kerja {skema.NAMA_MASTER} tidak memiliki sheet Laporan, Catatan. "
    )
    assert "pyxl init FOLDER" in str(info.value)
