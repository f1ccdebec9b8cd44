"""Sheet operations on a closed .xlsm by surgery on its parts: add, rename, hide, chart range.

Used by `BukuZip` for the Bagian list changes (`pyxl bagian …`). Each function takes the parts
as they stand (`baca(bagian) -> bytes`) and returns the parts it rewrote or added, so the
adapter keeps everything else byte for byte. What Excel expects and what is kept consistent:

- `workbook.xml`: the `<sheet>` element (name, a new sheetId, the relationship), its state
  (`hidden`), the sheet-local defined names (print titles, filter range: `localSheetId` is a
  position, so every later sheet's is moved up), the active tab;
- the workbook's relationships and `[Content_Types].xml` for a new sheet part;
- `docProps/app.xml`: the list of worksheet names;
- the VBA project: every sheet has a code name and a document module behind it, as the builder
  makes them (`pyxl.berkas.ovba`), so Excel never has to repair the project;
- a new sheet is a copy of another sheet's layout (column widths, formats, validation, print
  setup, protection) with only its header row kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from pyxl.berkas.ovba import VbaModule, build_vba_project, document_module, read_vba_modules

PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
"""The parser of every part of the master: no entity, no network, no huge tree."""
_WORKBOOK, _RELS, _JENIS = "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"
_APP, _VBA = "docProps/app.xml", "xl/vbaProject.bin"
_NS_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_NS_VT = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"
_JENIS_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_REL_SHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
_BASIS = {
    "0{00020819-0000-0000-C000-000000000046}": "document",
    "0{00020820-0000-0000-C000-000000000046}": "document",
}
_RE_BASIS = re.compile(r'^Attribute VB_Base = "([^"]*)"', re.M)
_RE_SHEET = re.compile(r"xl/worksheets/sheet(\d+)\.xml")

Baca = Callable[[str], bytes]


def _xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, PARSER)


def _tulis(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _kutip(nama: str) -> str:
    """A sheet name as a formula writes it ('Register Surat'!, TAPEM!, 'PBJ2'!): quoted where
    Excel needs it, by the rules of XlsxWriter, which wrote the builder's names (a character
    other than a letter, digit, `_` or `.`, a leading digit, a name that reads as a cell)."""
    from xlsxwriter.utility import quote_sheetname

    return quote_sheetname(nama)


def _ganti_acuan(teks: str, lama: str, baru: str) -> str:
    """`teks` with its references to sheet `lama` made to sheet `baru` (not those to a sheet
    whose name merely ends with `lama`)."""
    kutip = re.escape(lama.replace("'", "''"))
    acuan = re.compile(rf"'{kutip}'!|(?<![\w.']){re.escape(lama)}!")
    return acuan.sub(lambda _m: f"{_kutip(baru)}!", teks)


def _modul(baca: Baca) -> list[VbaModule]:
    """The VBA project's modules, each with its kind (from its `VB_Base` attribute)."""
    hasil = []
    for nama, sumber in read_vba_modules(baca(_VBA)).items():
        m = _RE_BASIS.search(sumber)
        jenis = "standard" if m is None else _BASIS.get(m[1], "class")
        hasil.append(VbaModule(nama, jenis, sumber))  # type: ignore[arg-type]
    return hasil


def tambah(
    baca: Baca,
    nama: str,
    contoh: str,
    bagian_contoh: str,
    sesudah: str,
    ada: set[str],
    judul_cetak: str | None = None,
) -> tuple[dict[str, bytes], str]:
    """Add sheet `nama` after sheet `sesudah`, laid out like sheet `contoh` (part
    `bagian_contoh`) with only its first row. `ada` are the package's member names. Returns
    the rewritten parts and the new sheet's part."""
    wb = _xml(baca(_WORKBOOK))
    rels = _xml(baca(_RELS))
    sheets = wb.find("{*}sheets")
    daftar = list(sheets)
    posisi = next(i for i, s in enumerate(daftar) if s.get("name") == sesudah) + 1
    i_contoh = next(i for i, s in enumerate(daftar) if s.get("name") == contoh)

    nomor = max((int(m[1]) for n in ada if (m := _RE_SHEET.fullmatch(n))), default=0) + 1
    bagian = f"xl/worksheets/sheet{nomor}.xml"
    nomor_rel = [int(i[3:]) for r in rels if re.fullmatch(r"rId\d+", i := r.get("Id", ""))]
    rid = f"rId{max(nomor_rel, default=0) + 1}"
    rel = etree.SubElement(rels, f"{{{_NS_REL}}}Relationship")
    rel.set("Id", rid)
    rel.set("Type", _REL_SHEET)
    rel.set("Target", f"worksheets/sheet{nomor}.xml")

    el = etree.Element(daftar[0].tag)
    el.set("name", nama)
    el.set("sheetId", str(max(int(s.get("sheetId", "0")) for s in daftar) + 1))
    el.set(f"{_NS_R}id", rid)
    sheets.insert(posisi, el)

    names = wb.find("{*}definedNames")
    if names is not None:
        for dn in list(names):
            lokal = dn.get("localSheetId")
            if lokal is None:
                continue
            if int(lokal) >= posisi:
                dn.set("localSheetId", str(int(lokal) + 1))
            if int(lokal) == i_contoh + (1 if i_contoh >= posisi else 0):
                salinan = etree.SubElement(names, dn.tag, dict(dn.attrib))
                salinan.set("localSheetId", str(posisi))
                salinan.text = _ganti_acuan(dn.text or "", contoh, nama)
    for view in wb.iterfind("{*}bookViews/{*}workbookView"):
        for attr in ("activeTab", "firstSheet"):
            if view.get(attr) is not None and int(view.get(attr, "0")) >= posisi:
                view.set(attr, str(int(view.get(attr, "0")) + 1))

    modul = _modul(baca)
    kode = {m.name.casefold() for m in modul}
    k = 1
    while f"sheet{k}" in kode:
        k += 1
    kode_nama = f"Sheet{k}"
    dokumen = [m for m in modul if m.kind == "document"]
    lain = [m for m in modul if m.kind != "document"]
    modul = [*dokumen, document_module(kode_nama, "worksheet"), *lain]

    sheet = _xml(baca(bagian_contoh))
    ns = sheet.tag[: sheet.tag.index("}") + 1]
    pr = sheet.find(ns + "sheetPr")
    if pr is None:
        pr = etree.Element(ns + "sheetPr")
        sheet.insert(0, pr)
    pr.set("codeName", kode_nama)
    for view in sheet.iterfind(f"{ns}sheetViews/{ns}sheetView"):
        view.attrib.pop("tabSelected", None)
    data = sheet.find(ns + "sheetData")
    if data is not None:
        for row in list(data)[1:]:
            data.remove(row)
    dim = sheet.find(ns + "dimension")
    if dim is not None:
        ref = dim.get("ref", "A1")
        dim.set("ref", re.sub(r"(\d+)$", "1", ref) if ":" in ref else ref)
    for tag in ("legacyDrawing", "drawing", "tableParts", "hyperlinks", "picture"):
        for x in sheet.findall(ns + tag):
            sheet.remove(x)
    if judul_cetak is not None:
        _judul(sheet, judul_cetak)

    jenis = _xml(baca(_JENIS))
    ov = etree.SubElement(jenis, jenis.tag.replace("Types", "Override"))
    ov.set("PartName", "/" + bagian)
    ov.set("ContentType", _JENIS_SHEET)

    hasil = {
        _WORKBOOK: _tulis(wb),
        _RELS: _tulis(rels),
        _JENIS: _tulis(jenis),
        bagian: _tulis(sheet),
        _VBA: build_vba_project(modul),
    }
    if _APP in ada:
        hasil[_APP] = _app(baca, lambda judul: [*judul[:posisi], nama, *judul[posisi:]])
    return hasil, bagian


def ganti_nama(baca: Baca, ada: set[str], lama: str, baru: str) -> dict[str, bytes]:
    """Rename sheet `lama` to `baru` (and the defined names that point at it)."""
    wb = _xml(baca(_WORKBOOK))
    for s in wb.iterfind("{*}sheets/{*}sheet"):
        if s.get("name") == lama:
            s.set("name", baru)
    for dn in wb.iterfind("{*}definedNames/{*}definedName"):
        dn.text = _ganti_acuan(dn.text or "", lama, baru)
    hasil = {_WORKBOOK: _tulis(wb)}
    if _APP in ada:
        hasil[_APP] = _app(baca, lambda judul: [baru if j == lama else j for j in judul])
    return hasil


def _judul(sheet: etree._Element, judul: str) -> None:
    """The left part of the sheet's printed page header (the Bagian's name)."""
    for h in sheet.iterfind("{*}headerFooter/{*}oddHeader"):
        h.text = re.sub(r"&L.*?(?=&R|&C|$)", "&L" + judul.replace("&", "&&"), h.text or "")


def judul_cetak(xml: bytes, judul: str) -> bytes:
    """A sheet part whose printed page header names `judul` on the left."""
    sheet = _xml(xml)
    _judul(sheet, judul)
    return _tulis(sheet)


def sembunyikan(baca: Baca, nama: str, sembunyi: bool) -> dict[str, bytes]:
    """Hide (or show again) sheet `nama`; the active tab moves to the first sheet if needed."""
    wb = _xml(baca(_WORKBOOK))
    daftar = list(wb.iterfind("{*}sheets/{*}sheet"))
    for i, s in enumerate(daftar):
        if s.get("name") != nama:
            continue
        if sembunyi:
            s.set("state", "hidden")
            for view in wb.iterfind("{*}bookViews/{*}workbookView"):
                if int(view.get("activeTab", "0")) == i:
                    view.set("activeTab", "0")
        else:
            s.attrib.pop("state", None)
    return {_WORKBOOK: _tulis(wb)}


def _app(baca: Baca, ubah: Callable[[list[str]], list[str]]) -> bytes:
    """docProps/app.xml with its list of worksheet names changed by `ubah`."""
    app = _xml(baca(_APP))
    pasangan = app.find("{*}HeadingPairs/" + _NS_VT + "vector")
    judul = app.find("{*}TitlesOfParts/" + _NS_VT + "vector")
    if pasangan is None or judul is None:
        return baca(_APP)
    varian = list(pasangan)
    awal = 0
    for i in range(0, len(varian) - 1, 2):
        jenis = varian[i].findtext(_NS_VT + "lpstr")
        jumlah = int(varian[i + 1].findtext(_NS_VT + "i4") or "0")
        if jenis == "Worksheets":
            baru = ubah([x.text or "" for x in list(judul)[awal : awal + jumlah]])
            for x in list(judul)[awal : awal + jumlah]:
                judul.remove(x)
            for j, teks in enumerate(baru):
                x = etree.Element(_NS_VT + "lpstr")
                x.text = teks
                judul.insert(awal + j, x)
            varian[i + 1].find(_NS_VT + "i4").text = str(len(baru))
            judul.set("size", str(len(judul)))
            break
        awal += jumlah
    return _tulis(app)


def rentang_grafik(xml: bytes, baris_akhir: int) -> bytes:
    """A chart's data references ending at row `baris_akhir` (their cached values dropped, so
    every reader recomputes them)."""
    teks = xml.decode("utf-8")

    def f(m: re.Match[str]) -> str:
        isi = re.sub(r"(:\$?[A-Z]{1,3}\$)(\d+)", lambda x: f"{x[1]}{baris_akhir}", m[2])
        return f"{m[1]}{isi}{m[3]}"

    teks = re.sub(r"(<c:f>)([^<]*)(</c:f>)", f, teks)
    teks = re.sub(r"<c:(?:numCache|strCache)>.*?</c:(?:numCache|strCache)>", "", teks, flags=re.S)
    return teks.encode("utf-8")
