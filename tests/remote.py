"""Run button functions under pytest with xlwings' remote engine (no Excel needed).

`xw.Book(json=payload)` runs the real Book/Sheet/Range API against a JSON snapshot of a
workbook and records every write as an action; `set_mock_caller()` makes `xw.Book.caller()`
return it, so the unchanged RunPython function runs. The remote engine is licensed for
noncommercial use (government institutions included) and is used by the tests only.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl


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
