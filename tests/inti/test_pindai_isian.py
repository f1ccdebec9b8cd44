"""File-level and value-level checks of returned formats."""

from __future__ import annotations

import pytest

from bantu import zip_dari
from conftest import ASING
from pyxl.inti.isian import daftar_bukti, nama_bukti, periksa_isian, tidak_digabung
from pyxl.inti.pindai import periksa_berkas
from pyxl.kontrak.masalah import BLOKIR, PERINGATAN


@pytest.mark.parametrize(
    ("nama", "kode"),
    [
        ("calamine_empty_file.xlsx", "KOSONG"),
        ("calamine_base.xls", "BUKAN_XLSX"),
        ("calamine_base.xlsb", "BUKAN_XLSX"),
        ("calamine_base.ods", "BUKAN_XLSX"),
        ("calamine_password.xlsx", "TERENKRIPSI"),
        ("calamine_password.xls", "BUKAN_XLSX"),
        ("calamine_password.ods", "BUKAN_XLSX"),
    ],
)
def test_foreign_files_are_rejected_with_a_code(nama: str, kode: str) -> None:
    [t] = periksa_berkas(nama, (ASING / nama).read_bytes())
    assert (t.tingkat, t.kode) == (BLOKIR, kode)
    assert nama in t.pesan


@pytest.mark.parametrize(
    "nama",
    [
        "calamine_issue139.xlsx",
        "dft_master.xlsx",
        "calamine_table-multiple.xlsx",
        "dft_blank_template.xlsm",
        "dft_bad_sheet_template.xlsm",
    ],
)
def test_foreign_xlsx_pass_the_file_check(nama: str) -> None:
    # plain .xlsx files: rejected later for having no stamp, not here
    assert periksa_berkas(nama, (ASING / nama).read_bytes()) == []


def test_a_workbook_with_macros() -> None:
    data = zip_dari(
        {
            "[Content_Types].xml": b"<x/>",
            "xl/workbook.xml": b"<w/>",
            "xl/vbaProject.bin": b"\xd0\xcf\x11\xe0",
        }
    )
    [t] = periksa_berkas("makro.xlsm", data)
    assert t.kode == "BERMAKRO"


def test_text_and_csv_files() -> None:
    [t] = periksa_berkas("data.csv", b"Kode IKU;Realisasi\nIKU-1;80\n")
    assert t.kode == "BUKAN_XLSX" and "CSV" in t.pesan and "Simpan Sebagai" in t.pesan


def test_truncated_zip_is_corrupt() -> None:
    data = zip_dari({"[Content_Types].xml": b"x" * 1000, "xl/workbook.xml": b"y" * 5000})
    [t] = periksa_berkas("potong.xlsx", data[: len(data) // 2])
    assert t.kode == "RUSAK"


def test_zip_bomb_is_refused_without_inflating() -> None:
    bom = zip_dari(
        {
            "[Content_Types].xml": b"<x/>",
            "xl/workbook.xml": b"<w/>",
            "xl/worksheets/sheet1.xml": b"\0" * (120 * 1024 * 1024),
        }
    )
    assert len(bom) < 1024 * 1024
    [t] = periksa_berkas("bom.xlsx", bom)
    assert t.kode == "BOM_ZIP"


def test_oversized_file() -> None:
    [t] = periksa_berkas("besar.xlsx", b"PK" + b"\0" * (21 * 1024 * 1024))
    assert t.kode == "TERLALU_BESAR"


def test_zip_slip_member_names() -> None:
    data = zip_dari(
        {"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<w/>", "../../luar.txt": b"x"}
    )
    [t] = periksa_berkas("slip.xlsx", data)
    assert t.kode == "RUSAK"


KOLOM = {"Realisasi": 10, "Realisasi Anggaran": 14, "Keterangan": 17}


def _baris(**isi: object) -> dict[str, object]:
    dasar: dict[str, object] = {
        "Kode IKU": "IKU-HUKUM-01",
        "Polaritas": "Positif",
        "Target": 90.0,
        "Pagu Anggaran": 1_000_000.0,
    }
    return dasar | isi


def test_values_and_warnings_name_their_cells() -> None:
    rows = [
        _baris(Realisasi=95.0, **{"Realisasi Anggaran": 900_000.0, "Keterangan": "baik"}),
        _baris(Realisasi=None),
        _baris(Realisasi="sembilan puluh"),
        _baris(Realisasi=-3.0),
        _baris(Realisasi=500.0),
        _baris(Realisasi="80", Keterangan='=HYPERLINK("http://x")'),
        _baris(Polaritas="Kualitatif", Target="WTP", Realisasi=1.0),
        _baris(Realisasi=80.0, **{"Realisasi Anggaran": 5_000_000.0}),
    ]
    nilai, temuan = periksa_isian(rows, KOLOM, 9, frozenset({"J9"}))
    kode = {(t.kode, t.sel) for t in temuan}
    assert ("RUMUS", "J9") in kode
    assert ("ISIAN_KOSONG", "J10") in kode
    assert ("BUKAN_ANGKA", "J11") in kode
    assert ("NILAI_NEGATIF", "J12") in kode
    assert ("NILAI_JANGGAL", "J13") in kode
    assert ("TEKS_RUMUS", "Q14") in kode
    assert ("KUALITATIF_ANGKA", "J15") in kode
    assert ("NILAI_JANGGAL", "N16") in kode
    assert all(t.tingkat == PERINGATAN for t in temuan)
    assert {k: v for k, v in nilai[0].items() if k != "Bukti"} == {
        "Kode IKU": "IKU-HUKUM-01",
        "Realisasi": 95.0,
        "Realisasi Anggaran": 900_000.0,
        "Keterangan": "baik",
    }
    assert tidak_digabung(nilai[0]["Bukti"]), "no Bukti column (template 1-2): the master keeps"
    assert nilai[1]["Realisasi"] is None
    assert tidak_digabung(nilai[2]["Realisasi"]), "not a number: the cell is not merged"
    assert nilai[5]["Realisasi"] == 80.0 and nilai[5]["Keterangan"].startswith("=HYPERLINK")
    assert nilai[6]["Realisasi"] == "1"


@pytest.mark.parametrize(
    ("isi", "nama"),
    [
        ("SK_Tim.pdf", ["SK_Tim.pdf"]),
        (" a.pdf ; b.jpg;;", ["a.pdf", "b.jpg"]),
        ("a.pdf, b.jpg", ["a.pdf", "b.jpg"]),
        ("foto 1.jpg\nfoto 2.jpg", ["foto 1.jpg", "foto 2.jpg"]),
        ("Laporan Januari, Februari.pdf", ["Laporan Januari, Februari.pdf"]),
        (None, []),
        ("   ", []),
    ],
)
def test_bukti_cells_list_file_names(isi: object, nama: list[str]) -> None:
    assert nama_bukti(isi) == nama
    assert daftar_bukti(isi) == "; ".join(nama)


def test_a_bukti_column_is_merged_as_its_names() -> None:
    rows = [_baris(Realisasi=95.0, Bukti="sk.pdf,  foto.jpg")]
    nilai, _ = periksa_isian(rows, KOLOM | {"Bukti": 22}, 9)
    assert nilai[0]["Bukti"] == "sk.pdf; foto.jpg"


def _sel_persen_semua(xml: bytes, xf: frozenset[int]) -> set[str]:
    """What `sel_persen` gives, by reading every cell's attributes (its former way)."""
    from pyxl.inti.pindai import _SEL_BERGAYA, _atribut

    hasil = set()
    for m in _SEL_BERGAYA.finditer(xml):
        a = dict(_atribut(m[1]))
        s, r = a.get("s", ""), a.get("r", "")
        if s.isascii() and s.isdigit() and int(s) in xf and r:
            hasil.add(r.upper())
    return hasil


@pytest.mark.parametrize(
    "xml",
    [
        # Excel / openpyxl: reference first; a percent cell, a plain one, an empty styled one
        b'<row r="2" s="9" customFormat="1"><c r="A2" s="9"><v>0.5</v></c><c r="B2" s="1">'
        b'<v>3</v></c><c r="C2" s="10"/></row>',
        # attribute order, single quotes, spaces around "=", leading zeros, a prefix
        b"<x:row><x:c s='009' r='d7' t=\"n\"><x:v>1</x:v></x:c><c t='n' s = \"10\" r=\"E7\">"
        b'<v>2</v></c><c s="91" r="F7"/><c xs="9" r="G7"/><c p:s="9" r="H7"/></x:row>',
        # s="9" as text, in another element, in a cell without a reference, twice in a tag
        b'<c r="A1" t="inlineStr"><is><t>s="9"</t></is></c><col s="9"/><c s="9"><v>1</v></c>'
        b'<c r="B1" s="1" s="9"/><c r="C1" s="9" s="1"/><cell s="9" r="D1"/>',
    ],
)
def test_percent_cells_are_those_a_full_read_of_every_cell_finds(xml: bytes) -> None:
    from pyxl.inti.pindai import sel_persen

    xf = frozenset({9, 10})
    assert sel_persen(xml, xf) == _sel_persen_semua(xml, xf)
    assert sel_persen(xml, frozenset()) == frozenset()


def test_percent_cells_of_a_sheet_from_excel() -> None:
    from pyxl.inti.pindai import sel_persen

    xml = (
        b'<sheetData><row r="9"><c r="J9" s="12"><v>0.9286</v></c><c r="K9" s="5"><v>9</v>'
        b'</c></row><row r="10"><c r="J10" s="12"><v>0.5</v></c></row></sheetData>'
    )
    assert sel_persen(xml, frozenset({12})) == {"J9", "J10"}
    assert sel_persen(xml, frozenset({1, 12, 120})) == {"J9", "J10"}
    assert sel_persen(xml, frozenset({5})) == {"K9"}
