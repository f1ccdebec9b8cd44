"""The master workbook: sheets, buttons bound to VBA Subs that reach Python, deterministic."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import openpyxl
from oletools.olevba import VBA_Parser

from conftest import tombol_terhubung
from pyxl.bangun.master import FOLDER_VBA, MASTER_REPO, XLWINGS_CONF, bangun_master, xlwings_folder
from pyxl.contoh.muat import indikator_contoh
from pyxl.kontrak import kendali, skema
from pyxl.kontrak.perintah import PERINTAH


def _modul(berkas: Path) -> dict[str, str]:
    parser = VBA_Parser(str(berkas))
    try:
        return {name.rsplit(".", 1)[0]: code for _f, _s, name, code in parser.extract_all_macros()}
    finally:
        parser.close()


def test_every_contract_sheet_and_column_is_there(master: Path) -> None:
    wb = openpyxl.load_workbook(master, read_only=True)
    for sheet in (*skema.SHEET_WAJIB, skema.XLWINGS_CONF):
        assert sheet in wb.sheetnames
    for sheet, kolom in skema.TABEL.items():
        header = [c for c in next(wb[sheet].iter_rows(max_row=1, values_only=True))]
        assert tuple(header[: len(kolom)]) == kolom, sheet
    for kode in indikator_contoh():
        header = next(wb[kode].iter_rows(max_row=1, values_only=True))
        assert tuple(header[: len(skema.KOLOM_INDIKATOR)]) == skema.KOLOM_INDIKATOR


def test_bagian_sheets_hold_the_sample_without_returns(master: Path) -> None:
    wb = openpyxl.load_workbook(master, read_only=True)
    contoh = indikator_contoh()
    for kode, rows in contoh.items():
        isi = list(wb[kode].iter_rows(min_row=2, values_only=True))
        assert [r[0] for r in isi] == [i.kode_iku for i in rows]
        realisasi = skema.KOLOM_INDIKATOR.index("Realisasi")
        assert all(r[realisasi] is None for r in isi), "returns are collected, not pre-filled"


def test_sheets_are_styled_for_people(master: Path) -> None:
    wb = openpyxl.load_workbook(master)
    ws = wb["HUKUM"]
    assert ws.freeze_panes == "A2"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9
    assert ws.print_title_rows == "$1:$1"
    assert ws.column_dimensions["C"].width > 30
    pagu = skema.KOLOM_INDIKATOR.index("Pagu Anggaran") + 1
    assert ws.cell(row=2, column=pagu).number_format == "#,##0"


def test_buttons_resolve_to_vba_and_python() -> None:
    tombol_terhubung(MASTER_REPO)


def test_buttons_sit_on_their_step_rows(master: Path) -> None:
    with zipfile.ZipFile(master) as z:
        vml = z.read("xl/drawings/vmlDrawing1.vml").decode()
    anchors = re.findall(r"<x:Anchor>\s*([\d, ]+)\s*</x:Anchor>", vml)
    macros = re.findall(r"<x:FmlaMacro>\[0\]!Tombol\.(\w+)</x:FmlaMacro>", vml)
    assert len(anchors) == len(macros) == len(PERINTAH)
    baris = {m: int(a.split(",")[2]) + 1 for m, a in zip(macros, anchors, strict=True)}
    for p in PERINTAH:
        if p.langkah:
            assert baris[p.sub] == kendali.baris_langkah(p.langkah)
    captions = re.findall(r"<font[^>]*>([^<]+)</font>", vml)
    assert [p.judul for p in PERINTAH] == captions


def test_vba_sources_come_back_byte_identical(master: Path) -> None:
    modul = _modul(master)
    tombol = (FOLDER_VBA / "Tombol.bas").read_text(encoding="cp1252").replace("\n", "\r\n")
    assert modul["Tombol"] == tombol
    xlwings_bas = (xlwings_folder() / "xlwings.bas").read_bytes().decode("cp1252")
    assert modul["xlwings"] == xlwings_bas
    assert "Dictionary" in modul, "macOS needs xlwings' Dictionary class module"
    assert modul["ThisWorkbook"].startswith('Attribute VB_Name = "ThisWorkbook"')
    assert sum(1 for m in modul if m.startswith("Sheet")) == len(
        openpyxl.load_workbook(master, read_only=True).sheetnames
    )


def test_every_command_has_one_vba_sub_and_one_python_function() -> None:
    import pyxl.tombol

    teks = (FOLDER_VBA / "Tombol.bas").read_text(encoding="cp1252")
    subs = re.findall(
        r"^Sub (\w+)\(\)\s*\n\s*RunPython \"import pyxl\.tombol; "
        r"pyxl\.tombol\.(\w+)\(\)\"",
        teks,
        re.M,
    )
    assert sorted(subs) == sorted((p.sub, p.nama) for p in PERINTAH)
    for p in PERINTAH:
        assert callable(getattr(pyxl.tombol, p.nama))


def test_xlwings_conf_sheet_is_read_as_xlwings_does(master: Path) -> None:
    ws = openpyxl.load_workbook(master)[skema.XLWINGS_CONF]
    # xlwings reads column A from A1 down to the first empty cell, values in column B.
    keys = []
    for row in ws.iter_rows(min_col=1, max_col=2, values_only=True):
        if row[0] is None:
            break
        keys.append(row[0])
    assert keys == [k for k, _, _ in XLWINGS_CONF]
    assert "INTERPRETER_WIN" in keys and "INTERPRETER_MAC" in keys


def test_committed_workbook_is_a_fresh_build() -> None:
    baru = io.BytesIO()
    bangun_master(baru, tahun=None)
    assert baru.getvalue() == MASTER_REPO.read_bytes(), (
        "workbook/Pengumpulan_Data_Kinerja.xlsm is stale: rebuild with python -m pyxl.bangun.master"
    )


def test_build_is_deterministic() -> None:
    a, b = io.BytesIO(), io.BytesIO()
    bangun_master(a, tahun=2027)
    bangun_master(b, tahun=2027)
    assert a.getvalue() == b.getvalue()
