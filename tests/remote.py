"""Run button functions under pytest with xlwings' remote engine (no Excel needed).

`xw.Book(json=payload)` runs the real Book/Sheet/Range API against a JSON snapshot of a
workbook and records every write as an action; `set_mock_caller()` makes `xw.Book.caller()`
return it, so the unchanged RunPython function runs. The remote engine is licensed for
noncommercial use (government institutions included) and is used by the tests only.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest


def _json_nilai(v: Any) -> Any:
    if isinstance(v, datetime):
        return v.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if isinstance(v, date):
        return f"{v.isoformat()}T00:00:00.000Z"
    if isinstance(v, bool):
        return v
    if isinstance(v, int | float):
        return float(v)  # COM hands Python floats
    return v


_VISIBILITAS = {"visible": "Visible", "hidden": "Hidden", "veryHidden": "VeryHidden"}
"""openpyxl's sheet state as Office.js names it (the remote engine reads `visibility`)."""


def payload(berkas: Path) -> dict[str, Any]:
    """The remote engine's snapshot of every sheet of a workbook file, values from A1."""
    import xlwings as xw

    wb = openpyxl.load_workbook(berkas, keep_vba=True)
    sheets = []
    for ws in wb.worksheets:
        rows = [
            [_json_nilai(v) for v in r]
            for r in ws.iter_rows(min_row=1, min_col=1, values_only=True)
        ]
        sheets.append(
            {
                "name": ws.title,
                "values": rows or [[None]],
                "pictures": [],
                "tables": [],
                "visibility": _VISIBILITAS[ws.sheet_state],
            }
        )
    return {
        "client": "VBA",
        "version": xw.__version__,
        "book": {"name": str(berkas), "active_sheet_index": 0, "selection": "A1"},
        "names": [],
        "sheets": sheets,
    }


def buku_remote(berkas: Path) -> Any:
    """An xlwings remote Book of `berkas`, set as the RunPython caller."""
    import xlwings as xw

    book = xw.Book(json=payload(berkas))
    book.set_mock_caller()
    return book


def aksi(book: Any) -> list[dict[str, Any]]:
    actions: list[dict[str, Any]] = book.json()["actions"]
    return actions


def klik(master: Path, nama: str, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Click button `nama` on the workbook as it is (xlwings' remote engine)."""
    import pyxl.tombol

    monkeypatch.chdir(master.parent)
    book = buku_remote(master.resolve())
    getattr(pyxl.tombol, nama)()
    return aksi(book)


def _nilai(v: Any) -> Any:
    """A cell value as both sides compare: written text loses the apostrophe Excel does not
    store, whole numbers sent as floats are ints, empty text is empty."""
    if isinstance(v, str):
        v = v[1:] if v.startswith("'") else v
        return v or None
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def _isi(berkas: Path) -> tuple[list[str], dict[str, dict[tuple[int, int], Any]], set[str]]:
    """Sheet names, non-empty cells per sheet, hidden sheets of a workbook file."""
    wb = openpyxl.load_workbook(berkas)
    isi = {
        ws.title: {
            (c.row, c.column): _nilai(c.value)
            for row in ws.iter_rows()
            for c in row
            if _nilai(c.value) is not None
        }
        for ws in wb.worksheets
    }
    return wb.sheetnames, isi, {ws.title for ws in wb.worksheets if ws.sheet_state != "visible"}


def _buku_tombol(
    asal: Path, actions: list[dict[str, Any]]
) -> tuple[list[str], dict[str, dict[tuple[int, int], Any]], set[str], set[tuple[str, int, int]]]:
    """The workbook as the button leaves it: `asal` with the recorded actions applied in order
    (sheet copy, rename, visibility, clear, write). Also the cells given a timestamp."""
    nama, isi, sembunyi = _isi(asal)
    waktu: set[tuple[str, int, int]] = set()
    for a in actions:
        f, pos = a["func"], a["sheet_position"]
        if f == "copySheet":
            tempat, target, nama_salinan = a["args"]
            nama.insert(target + 1 if tempat == "After" else target, nama_salinan)
            isi[nama_salinan] = dict(isi[nama[pos]])
        elif f == "setSheetName":
            isi[a["args"][0]] = isi.pop(nama[pos])
            nama[pos] = a["args"][0]
        elif f == "setSheetVisibility":
            sembunyi = (
                (sembunyi | {nama[pos]}) if a["args"] == ["Hidden"] else sembunyi - {nama[pos]}
            )
        elif f in ("rangeClearContents", "setValues"):
            sel = isi[nama[pos]]
            for i in range(a["row_count"]):
                for j in range(a["column_count"]):
                    r, k = a["start_row"] + i + 1, a["start_column"] + j + 1
                    v = _nilai(a["values"][i][j]) if f == "setValues" else None
                    if isinstance(v, str) and re.fullmatch(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d.*", v):
                        v = datetime.fromisoformat(v.rstrip("Z"))
                        waktu.add((nama[pos], r, k))
                    sel.pop((r, k), None)
                    if v is not None:
                        sel[(r, k)] = v
        else:
            assert f in ("setNumberFormat", "save", "alert"), f"unexpected action {f}"
    return nama, isi, sembunyi, waktu


def sama_dengan_perintah(
    asal: Path,
    actions: list[dict[str, Any]],
    hasil_cli: Path,
    sheets: Sequence[str] | None = None,
    stempel: Collection[tuple[str, str]] = (),
) -> None:
    """The button, clicked on `asal`, left the workbook as the command left `hasil_cli` (a copy
    of `asal` before the inputs were typed): the sheet order, which sheets are hidden and every
    cell of `sheets` (default: all). A time the button wrote is the command's to the second
    (the remote engine sends whole seconds), except in the columns of `stempel` ((sheet,
    column title) pairs holding the time of the run itself): there a time on both sides."""
    nama, isi, sembunyi, waktu = _buku_tombol(asal, actions)
    nama_cli, isi_cli, sembunyi_cli = _isi(hasil_cli)
    assert nama == nama_cli
    assert sembunyi == sembunyi_cli
    for sheet in sheets or nama:
        a, b = isi[sheet], isi_cli[sheet]
        assert set(a) == set(b), sheet
        for sel, v in a.items():
            if (sheet, *sel) in waktu:
                assert isinstance(b[sel], datetime), (sheet, sel)
                if (sheet, b.get((1, sel[1]))) not in stempel:
                    assert v == b[sel].replace(microsecond=0), (sheet, sel, v, b[sel])
            elif isinstance(v, float):  # openpyxl, typing the inputs, keeps 16 digits
                assert v == pytest.approx(b[sel], rel=1e-15), (sheet, sel)
            else:
                assert v == b[sel], (sheet, sel, v, b[sel])
