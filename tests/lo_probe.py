"""Ask LibreOffice (an independent spreadsheet program) what it sees in a workbook.

Run with the Python that has LibreOffice's `uno` module (Debian: /usr/bin/python3 with
python3-uno), not the project's Python:

    python3 lo_probe.py WORKBOOK.xlsm [--run MODULE.SUB --sheet NAME --cell A1]
                                      [--grafik] [--seri-grafik] [--judul-cetak]
                                      [--data SHEET ...] [--ubah EDITS.json]

Starts its own headless soffice on a private profile and a named pipe (no network), prints
JSON {"sheets": [...], "hidden": [sheets not shown], "buttons": [{"sheet", "label", "macro"}],
"cell": value}, with `--grafik` also {"charts": {sheet: number of charts}}, with
`--seri-grafik` also {"series": {sheet: per chart, per data series {"label", "nilai",
"kategori"}, each {"rentang": the cell range it reads, "isi": the values LibreOffice draws}}},
with `--judul-cetak` also {"print_titles": {sheet: [first, last] row (1-based) repeated on every
printed page, or null}}, with `--data SHEET` also
{"data": {SHEET: rows of [type, number, text, number format] from A1 to the used area's end}};
never saves the document unless `--ubah` is given: then the cells of EDITS.json
([{"sheet", "cell", "nilai"}], a number, a text, null to clear, {"rumus": "=..."} typed
as in the en-US input line, or {"angka": 0.9286, "format": "0.00%"}: a value with a number
format) are
typed as a person would and the workbook is saved over itself in its own format (.xlsx,
.xlsm with its macros). It stops the soffice it started.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def _prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def _connect(pipe: str, proc: subprocess.Popen[bytes]) -> object:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.monotonic() + 90
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def _data(doc: object, name: str) -> list[list[object]]:
    sheet = doc.Sheets.getByName(name)  # type: ignore[attr-defined]
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    end = cursor.RangeAddress
    formats = doc.NumberFormats  # type: ignore[attr-defined]
    rows = []
    for r in range(end.EndRow + 1):
        row = []
        for c in range(end.EndColumn + 1):
            cell = sheet.getCellByPosition(c, r)
            fmt = formats.getByKey(cell.NumberFormat).FormatString
            row.append([cell.Type.value, cell.Value, cell.String, fmt])
        rows.append(row)
    return rows


def _seri(doc: object, name: str) -> list[list[dict[str, object]]]:
    """Per chart on sheet `name`, per data series, what it reads and the values it draws."""
    hasil = []
    charts = doc.Sheets.getByName(name).Charts  # type: ignore[attr-defined]
    for i in range(charts.Count):
        chart = charts.getByIndex(i).EmbeddedObject
        daftar = []
        for cs in chart.getFirstDiagram().getCoordinateSystems():
            for jenis in cs.getChartTypes():
                for seri in jenis.getDataSeries():
                    isi: dict[str, object] = {}
                    for urutan in seri.getDataSequences():
                        for peran, seq in (("label", urutan.Label), ("nilai", urutan.Values)):
                            if seq is not None and peran not in isi:
                                isi[peran] = {
                                    "rentang": seq.getSourceRangeRepresentation(),
                                    "isi": list(seq.getData()),
                                }
                    kategori = cs.getAxisByDimension(0, 0).getScaleData().Categories
                    if kategori is not None and kategori.Values is not None:
                        isi["kategori"] = {
                            "rentang": kategori.Values.getSourceRangeRepresentation(),
                            "isi": list(kategori.Values.getData()),
                        }
                    daftar.append(isi)
        hasil.append(daftar)
    return hasil


SARING = {".xlsx": "Calc MS Excel 2007 XML", ".xlsm": "Calc MS Excel 2007 VBA XML"}


def _format_angka(doc: object, kode: str) -> int:
    """The key of number format `kode` (en-US notation) in the document, added when new."""
    import uno  # type: ignore[import-not-found]

    formats = doc.getNumberFormats()  # type: ignore[attr-defined]
    lokal = uno.createUnoStruct("com.sun.star.lang.Locale")
    kunci = formats.queryKey(kode, lokal, False)
    return int(kunci if kunci != -1 else formats.addNew(kode, lokal))


def _ubah(doc: object, url: str, berkas: str) -> None:
    """Type the edits of `berkas` into the document and save it over itself."""
    with open(berkas, encoding="utf-8") as f:
        ubahan = json.load(f)
    for u in ubahan:
        cell = doc.Sheets.getByName(u["sheet"]).getCellRangeByName(u["cell"])  # type: ignore[attr-defined]
        nilai = u["nilai"]
        if isinstance(nilai, dict) and "format" in nilai:
            cell.setValue(nilai["angka"])
            cell.NumberFormat = _format_angka(doc, nilai["format"])
        elif isinstance(nilai, dict):
            cell.setFormula(nilai["rumus"])
        elif isinstance(nilai, bool) or nilai is None:
            cell.setString("" if nilai is None else str(nilai).upper())
        elif isinstance(nilai, int | float):
            cell.setValue(nilai)
        else:
            cell.setString(nilai)
    akhiran = os.path.splitext(url)[1].lower()
    doc.storeToURL(url, (_prop("FilterName", SARING[akhiran]), _prop("Overwrite", True)))  # type: ignore[attr-defined]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("workbook")
    ap.add_argument("--run")
    ap.add_argument("--sheet")
    ap.add_argument("--cell")
    ap.add_argument("--grafik", action="store_true")
    ap.add_argument("--seri-grafik", dest="seri_grafik", action="store_true")
    ap.add_argument("--judul-cetak", dest="judul_cetak", action="store_true")
    ap.add_argument("--data", action="append", default=[])
    ap.add_argument("--ubah")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pipe = f"pyxl_probe_{os.getpid()}"
        proc = subprocess.Popen(
            [
                "soffice",
                "--headless",
                "--invisible",
                "--nologo",
                "--norestore",
                "--nodefault",
                f"-env:UserInstallation=file://{tmp}/profile",
                f"--accept=pipe,name={pipe};urp;",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            ctx = _connect(pipe, proc)
            smgr = ctx.ServiceManager
            desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            url = uno.systemPathToFileUrl(os.path.abspath(args.workbook))
            # 4 = ALWAYS_EXECUTE_NO_WARN: the probe may run the document's macros.
            doc = desktop.loadComponentFromURL(
                url,
                "_blank",
                0,
                (
                    _prop("Hidden", True),
                    _prop("MacroExecutionMode", 4),
                    _prop("ReadOnly", not args.ubah),
                ),
            )
            if args.ubah:
                _ubah(doc, url, args.ubah)
            out: dict[str, object] = {"sheets": list(doc.Sheets.ElementNames), "buttons": []}
            out["hidden"] = [
                n for n in doc.Sheets.ElementNames if not doc.Sheets.getByName(n).IsVisible
            ]
            buttons: list[dict[str, str]] = []
            for name in doc.Sheets.ElementNames:
                sheet = doc.Sheets.getByName(name)
                forms = sheet.DrawPage.Forms
                for f in range(forms.Count):
                    form = forms.getByIndex(f)
                    for i in range(form.Count):
                        ctl = form.getByIndex(i)
                        macros = [e.ScriptCode for e in form.getScriptEvents(i)]
                        buttons.append(
                            {
                                "sheet": name,
                                "label": getattr(ctl, "Label", ""),
                                "macro": ";".join(macros),
                            }
                        )
            out["buttons"] = buttons
            if args.run:
                script = doc.getScriptProvider().getScript(
                    f"vnd.sun.star.script:VBAProject.{args.run}?language=Basic&location=document"
                )
                script.invoke((), (), ())
            if args.grafik:
                out["charts"] = {
                    n: doc.Sheets.getByName(n).Charts.Count for n in doc.Sheets.ElementNames
                }
            if args.seri_grafik:
                out["series"] = {n: _seri(doc, n) for n in doc.Sheets.ElementNames}
            if args.judul_cetak:
                judul: dict[str, object] = {}
                for n in doc.Sheets.ElementNames:
                    sheet = doc.Sheets.getByName(n)
                    baris = sheet.getTitleRows()
                    judul[n] = (
                        [baris.StartRow + 1, baris.EndRow + 1]
                        if sheet.getPrintTitleRows()
                        else None
                    )
                out["print_titles"] = judul
            if args.data:
                out["data"] = {n: _data(doc, n) for n in args.data}
            if args.sheet and args.cell:
                cell = doc.Sheets.getByName(args.sheet).getCellRangeByName(args.cell)
                out["cell"] = cell.String
            doc.close(True)
            print(json.dumps(out))
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
