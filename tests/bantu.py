"""Small helpers several test packages use: read and change a workbook directly, build a zip."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import openpyxl


def baris_sheet(berkas: Path, sheet: str) -> list[dict[str, Any]]:
    ws = openpyxl.load_workbook(berkas)[sheet]
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:] if any(v is not None for v in r)]


def atur(master: Path, sheet: str, kunci: str, nilai: dict[str, Any]) -> None:
    """Set cells of the row whose first column is `kunci` (a setting key or a Bagian code)."""
    wb = openpyxl.load_workbook(master, keep_vba=True)
    ws = wb[sheet]
    judul = [c.value for c in ws[1]]
    for r in ws.iter_rows(min_row=2):
        if r[0].value == kunci:
            for kolom, v in nilai.items():
                r[judul.index(kolom)].value = v
            break
    else:
        raise AssertionError(f"{kunci} tidak ada di {sheet}")
    wb.save(master)


def zip_dari(anggota: dict[str, bytes], metode: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of these members (name -> bytes), in this order."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", metode) as z:
        for n, d in anggota.items():
            z.writestr(n, d)
    return buf.getvalue()


def tambah_baris_sheet(berkas: Path, sheet: str, rows: list[dict[str, Any]]) -> None:
    """Append `rows` (column name -> value) under a table sheet's header, as staff would type
    them; a column the sheet lacks is an error."""
    wb = openpyxl.load_workbook(berkas, keep_vba=True)
    ws = wb[sheet]
    judul = [c.value for c in ws[1]]
    for r in rows:
        asing = set(r) - set(judul)
        assert not asing, f"{sheet} tanpa kolom {asing}"
        ws.append([r.get(k) for k in judul])
    wb.save(berkas)
