"""What staff see on `Kendali` and on paper: the status table follows the steps without
`pyxl status`, every SOP row names its button, results are not cut, no column shows `###`,
tables and formats print at 8 pt or more, and `xlwings.conf` prints one small page.

Print scale is computed here independently of the builder: Excel fits a table "N pages wide"
at the largest whole percent at which its columns, broken between pages at column boundaries
and with the print-title columns repeated, fill N pages."""

from __future__ import annotations

import math
import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from lxml import etree

from pyxl.buku.kendali import ringkas, status_bagian
from pyxl.buku.xlsm import BukuZip
from pyxl.cli import main
from pyxl.kontrak import kendali, skema, sop
from pyxl.kontrak.perintah import PERINTAH

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
KERTAS_PANJANG = {9: 11.69, 14: 13.0}  # A4 and F4 (Folio), long side in inches
PT_MIN = 8


@pytest.fixture(scope="module")
def demo6(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo up to step 6 (himpun): `pyxl status` has not written anything."""
    folder = tmp_path_factory.mktemp("demo") / "d"
    assert main(["demo", str(folder), "--sampai", "6"]) == 0
    return folder


# ------------------------------------------------------------------ the status table on Kendali


def test_the_status_table_is_current_after_himpun_without_pyxl_status(demo6: Path) -> None:
    master = demo6 / skema.NAMA_MASTER
    buku = BukuZip(master, hanya_baca=True)
    rows = buku.baca(skema.KENDALI)
    header = rows[kendali.BARIS_HEADER_BAGIAN - 1][: len(kendali.KOLOM_STATUS_BAGIAN)]
    assert tuple(header) == kendali.KOLOM_STATUS_BAGIAN
    tabel = [
        r[: len(kendali.KOLOM_STATUS_BAGIAN)]
        for r in rows[kendali.BARIS_BAGIAN_1 - 1 :]
        if r and r[0] not in (None, "")
    ]
    harap = status_bagian(buku)
    assert len(tabel) == len(harap) == 10
    for ada, benar in zip(tabel, harap, strict=True):
        assert [str(v or "") for v in ada] == [str(v or "") for v in benar]
    kol = {k: i for i, k in enumerate(kendali.KOLOM_STATUS_BAGIAN)}
    for r in tabel:
        assert r[kol["Format"]], r  # step 2 shows up
        assert r[kol["Dikirim"]], r  # step 3
        assert r[kol["Diterima"]], r  # step 6
        assert int(r[kol["Realisasi Terisi"]]) > 0
        assert r[kol["Status"]] != kendali.BELUM
    assert sum(r[kol["Status"]] == "Lengkap" for r in tabel) >= 8
    log = [r for r in buku.baca(skema.LOG_SOP)[1:] if r and r[0] is not None]
    assert [int(r[0]) for r in log] == [1, 2, 3, 4, 5, 6], "no status run logged or needed"


def test_every_command_that_changes_a_bagians_status_refreshes_the_table() -> None:
    ubah = {p.nama for p in PERINTAH if p.ubah_status_bagian}
    assert ubah == {
        "format",
        "kirim",
        "himpun",
        "himpun_ulang",
        "analisis",
        "ingatkan",
        "bagian_tambah",
        "bagian_ubah",
        "bagian_hapus",
    }


# ------------------------------------------------------------------ SOP rows and their results


def test_every_sop_row_says_what_to_click(demo6: Path) -> None:
    ws = openpyxl.load_workbook(Path(skema.__file__).parents[2] / "workbook" / skema.NAMA_MASTER)[
        skema.KENDALI
    ]
    judul = {p.judul for p in PERINTAH}
    punya = {p.langkah: p.judul for p in PERINTAH if p.langkah is not None}
    for ls in sop.LANGKAH:
        teks = ws.cell(kendali.baris_langkah(ls.no), kendali.KOLOM_TOMBOL).value
        assert teks == kendali.teks_tombol(ls.no)
        if ls.no in punya:
            assert teks == punya[ls.no]
        else:
            assert teks.startswith("Lihat tombol "), teks
            assert any(j in teks for j in judul), teks
    assert ws.cell(kendali.baris_langkah(9), kendali.KOLOM_TOMBOL).value == (
        "Lihat tombol 8–9. Konsep Dokumen IKU di atas"
    )
    assert "pyxl " not in " ".join(
        str(ws.cell(kendali.baris_langkah(ls.no), kendali.KOLOM_TOMBOL).value) for ls in sop.LANGKAH
    )


def test_results_on_kendali_fit_their_cell_and_log_sop_keeps_them_whole(demo6: Path) -> None:
    wb = openpyxl.load_workbook(demo6 / skema.NAMA_MASTER)
    ws = wb[skema.KENDALI]
    kol = kendali.KOLOM_LANGKAH.index("Keterangan") + 1
    huruf = openpyxl.utils.get_column_letter(kol)
    assert ws.column_dimensions[huruf].width >= kendali.LEBAR_KETERANGAN
    log = {r[0]: r for r in wb[skema.LOG_SOP].iter_rows(min_row=2, values_only=True) if r[0]}
    for no in range(1, 7):
        r = kendali.baris_langkah(no)
        assert ws.row_dimensions[r].height >= 15 * kendali.BARIS_KETERANGAN
        sel = ws.cell(r, kol)
        assert sel.alignment.wrap_text
        assert ringkas(sel.value) == sel.value  # already fits its lines
        hasil = log[no][skema.KOLOM_LOG.index("Hasil")]
        assert sel.value == hasil or sel.value.endswith("(selengkapnya di sheet Log SOP)")
    panjang = "Baris satu.\n" + "kata " * 200
    pendek = ringkas(panjang)
    assert len(pendek.split("\n")) == kendali.BARIS_KETERANGAN
    assert all(len(b) <= kendali.LEBAR_KETERANGAN for b in pendek.split("\n"))
    hasil_kol = skema.KOLOM_LOG.index("Hasil") + 1
    for row in wb[skema.LOG_SOP].iter_rows(min_row=2, min_col=hasil_kol, max_col=hasil_kol):
        if row[0].value:
            assert row[0].alignment.wrap_text, "a message with line breaks shows every line"


# ------------------------------------------------------------------ no ### in any column


def _teks_tampil(v: Any, fmt: str) -> str | None:
    """The text Excel shows for a number or date in format `fmt`; None for General (Excel
    rounds General to fit, it never shows ### for it)."""
    if fmt == "General" or isinstance(v, str) or v is None or isinstance(v, bool):
        return None
    bersih = re.sub(r'\\.|"[^"]*"|\[[^\]]*\]', "", fmt)
    if any(t in bersih for t in ("yy", "dd", "hh", "mm")):
        return re.sub(r"[\\\"]", "", fmt)  # digits as wide as the format's letters
    desimal = len(bersih.split(".")[1]) if "." in bersih else 0
    teks = f"{v:,.{desimal}f}" if "," in bersih else f"{v:.{desimal}f}"
    return teks


def _lebar_per_kolom(ws: Any) -> dict[int, float]:
    """Stored widths by column number (a `<col>` element may cover several columns)."""
    lebar: dict[int, float] = {}
    for dim in ws.column_dimensions.values():
        if dim.width:
            for k in range(dim.min or 1, (dim.max or dim.min or 1) + 1):
                lebar[k] = dim.width
    return lebar


def _periksa_lebar(berkas: Path) -> int:
    wb = openpyxl.load_workbook(berkas)
    diperiksa = 0
    for ws in wb.worksheets:
        gabung = {c for m in ws.merged_cells.ranges for c in m.cells}
        lebar_kolom = _lebar_per_kolom(ws)
        for row in ws.iter_rows():
            for c in row:
                teks = _teks_tampil(c.value, c.number_format)
                if teks is None or (c.row, c.column) in gabung:
                    continue
                lebar = lebar_kolom.get(c.column, 8.43 + 0.71)
                # the stored width includes 5 pixels of padding (0.71 of a 7-pixel digit)
                assert len(teks) <= lebar - 0.7, f"{berkas.name}!{ws.title}!{c.coordinate}: {teks}"
                diperiksa += 1
    return diperiksa


def test_no_number_or_date_is_wider_than_its_column(demo6: Path) -> None:
    assert _periksa_lebar(demo6 / skema.NAMA_MASTER) > 100
    for f in sorted((demo6 / skema.FOLDER_FORMAT).glob("*.xlsx")):
        _periksa_lebar(f)


# ------------------------------------------------------------------ printing


def _lembar(z: zipfile.ZipFile) -> dict[str, tuple[str, etree._Element]]:
    wb = etree.fromstring(z.read("xl/workbook.xml"))
    rels = etree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}
    hasil = {}
    for s in wb.iterfind("m:sheets/m:sheet", NS):
        t = target[s.get(R_ID)].lstrip("/")
        jalur = t if t.startswith("xl/") else f"xl/{t}"
        hasil[s.get("name")] = (jalur, etree.fromstring(z.read(jalur)))
    return hasil


def _nama(z: zipfile.ZipFile) -> dict[tuple[str, int], str]:
    wb = etree.fromstring(z.read("xl/workbook.xml"))
    return {
        (d.get("name"), int(d.get("localSheetId", "-1"))): d.text
        for d in wb.iterfind("m:definedNames/m:definedName", NS)
    }


def _piksel(lebar_tersimpan: float) -> int:
    # ECMA-376 Part 1, 18.3.1.13: pixels from the stored width, 7-pixel digit
    return math.trunc(((256 * lebar_tersimpan + math.trunc(128 / 7)) / 256) * 7)


def _lebar_kolom(ws: etree._Element, n: int) -> list[float]:
    lebar = [8.43 + 0.71] * n
    for c in ws.iterfind("m:cols/m:col", NS):
        for k in range(int(c.get("min")), min(int(c.get("max")), n) + 1):
            lebar[k - 1] = float(c.get("width"))
    return lebar


def _skala(px: list[int], halaman: int, judul: int, lebar_inci: float) -> float:
    for persen in range(100, 9, -1):
        kapasitas = lebar_inci * 96 * 100 / persen
        n, dipakai, px_judul = 1, 0.0, sum(px[:judul])
        for w in px:
            if dipakai + w > kapasitas and dipakai > (px_judul if n > 1 else 0):
                n, dipakai = n + 1, px_judul
            dipakai += w
        if n <= halaman:
            return persen / 100
    return 0.1


def _ukuran_huruf(z: zipfile.ZipFile) -> float:
    """The smallest font size of the workbook's cell styles."""
    st = etree.fromstring(z.read("xl/styles.xml"))
    return min(float(s.get("val")) for s in st.iterfind("m:fonts/m:font/m:sz", NS))


def _periksa_cetak(berkas: Path, sheet: str, kolom: int) -> float:
    """The print scale of `sheet` (its first `kolom` columns) as Excel computes it; asserts
    A4/F4 landscape, fit to width, repeated title columns and 8 pt or more."""
    with zipfile.ZipFile(berkas) as z:
        lembar = _lembar(z)
        nama = _nama(z)
        urut = list(lembar)
        _, ws = lembar[sheet]
        ps = ws.find("m:pageSetup", NS)
        pm = ws.find("m:pageMargins", NS)
        assert ps is not None and pm is not None
        assert ps.get("orientation") == "landscape", sheet
        kertas = int(ps.get("paperSize", "1"))
        assert kertas in KERTAS_PANJANG, sheet
        assert ws.find("m:sheetPr/m:pageSetUpPr", NS).get("fitToPage") in ("1", "true")
        halaman = int(ps.get("fitToWidth", "1"))
        assert ps.get("fitToHeight") == "0", "as many pages down as the rows need"
        judul_cetak = nama.get(("_xlnm.Print_Titles", urut.index(sheet)), "")
        judul = 0
        if m := re.search(r"\$A:\$([A-Z]+)", judul_cetak):
            judul = openpyxl.utils.column_index_from_string(m.group(1))
        if halaman > 1:
            assert judul >= 1, f"{sheet}: each page repeats the row's code ({judul_cetak!r})"
        lebar_inci = KERTAS_PANJANG[kertas] - float(pm.get("left")) - float(pm.get("right"))
        px = [_piksel(w) for w in _lebar_kolom(ws, kolom)]
        skala = _skala(px, halaman, judul, lebar_inci)
        huruf = _ukuran_huruf(z)
    assert skala * huruf >= PT_MIN, f"{berkas.name}!{sheet}: {skala:.0%} of {huruf} pt"
    return skala


def test_bagian_sheets_and_tables_print_at_8_pt_or_more() -> None:
    master = Path(skema.__file__).parents[2] / "workbook" / skema.NAMA_MASTER
    for kode in ("TAPEM", "RENKEU"):
        assert _periksa_cetak(master, kode, len(skema.KOLOM_INDIKATOR)) >= 0.8
    for sheet, kolom in skema.TABEL.items():
        if sheet not in (skema.PENGATURAN, skema.SISTEM):  # Pengaturan is portrait
            _periksa_cetak(master, sheet, len(kolom))
    _periksa_cetak(master, skema.KENDALI, len(kendali.KOLOM_LANGKAH))


def test_formats_print_at_8_pt_or_more(demo6: Path) -> None:
    from pyxl.inti.stempel import SHEET_FORMAT

    formats = sorted((demo6 / skema.FOLDER_FORMAT).glob("*.xlsx"))
    assert len(formats) == 10
    for f in formats:
        assert _periksa_cetak(f, SHEET_FORMAT, len(skema.KOLOM_INDIKATOR)) >= 0.8
        wb = openpyxl.load_workbook(f)
        ws = wb[SHEET_FORMAT]
        # the table's cells are 10 pt: 80 % of them is 8 pt
        assert min(c.font.sz for row in ws.iter_rows(min_row=9) for c in row if c.value) >= 10


def test_a_bagian_added_later_prints_like_the_others(tmp_path: Path) -> None:
    folder = tmp_path / "k"
    assert main(["init", str(folder), "--contoh"]) == 0
    master = folder / skema.NAMA_MASTER
    assert main(["bagian", "tambah", "KERJASAMA", "--nama", "Bagian Kerja Sama",
                 "--workbook", str(master)]) == 0  # fmt: skip
    assert _periksa_cetak(master, "KERJASAMA", len(skema.KOLOM_INDIKATOR)) >= 0.8


def test_xlwings_conf_prints_one_small_page() -> None:
    from pyxl.bangun.master import XLWINGS_CONF

    master = Path(skema.__file__).parents[2] / "workbook" / skema.NAMA_MASTER
    with zipfile.ZipFile(master) as z:
        urut = list(_lembar(z))
        _, ws = _lembar(z)[skema.XLWINGS_CONF]
        area = _nama(z)[("_xlnm.Print_Area", urut.index(skema.XLWINGS_CONF))]
    assert area.replace("'", "") == f"{skema.XLWINGS_CONF}!$A$1:$B${len(XLWINGS_CONF)}"
    ps = ws.find("m:pageSetup", NS)
    assert (ps.get("fitToWidth", "1"), ps.get("fitToHeight", "1")) == ("1", "1")
    assert ws.find("m:sheetPr/m:pageSetUpPr", NS).get("fitToPage") in ("1", "true")
