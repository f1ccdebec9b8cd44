"""Print the structure of a pyxl master workbook (not its data), one fact per line.

    python struktur.py Pengumpulan_Data_Kinerja.xlsm > struktur.txt

Sheets (order, visibility), row-1 headers of every table sheet, the fixed part of Kendali,
Pengaturan keys, Sistem and xlwings.conf keys, defined names, VBA modules (name and a digest
of the code), form buttons (caption, macro, anchor row), and the zip parts of the package.
Two masters with the same output have the same structure. Needs openpyxl; oletools for the
VBA modules (optional). Used to choose which releases get a fixture (see README.md).
"""

from __future__ import annotations

import hashlib
import re
import sys
import warnings
import zipfile
from pathlib import Path

import openpyxl

warnings.filterwarnings("ignore")

KOLOM_INDIKATOR_1 = "Kode IKU"


def _teks(v: object) -> str:
    return "" if v is None else str(v)


def struktur(berkas: Path) -> list[str]:
    out: list[str] = []
    wb = openpyxl.load_workbook(berkas, keep_vba=True)
    bagian = []
    for ws in wb.worksheets:
        out.append(f"sheet {ws.title!r} state={ws.sheet_state}")
    for ws in wb.worksheets:
        kepala = [_teks(c.value) for c in next(ws.iter_rows(min_row=1, max_row=1), ())]
        while kepala and not kepala[-1]:
            kepala.pop()
        if ws.title == "Kendali":
            for row in ws.iter_rows(min_row=1, max_row=25, max_col=6):
                for c in row:
                    if isinstance(c.value, str) and c.value:
                        out.append(f"kendali {c.coordinate} {c.value!r}")
            continue
        if ws.title == "xlwings.conf":
            keys = [_teks(r[0]) for r in ws.iter_rows(max_col=1, values_only=True) if r[0]]
            out.append(f"xlwings.conf keys {keys}")
            continue
        if kepala and kepala[0] == KOLOM_INDIKATOR_1:
            bagian.append(ws.title)
            out.append(f"header <Bagian sheet> {kepala}")
        else:
            out.append(f"header {ws.title!r} {kepala}")
        if ws.title == "Pengaturan":
            for r in ws.iter_rows(min_row=2, values_only=True):
                if r[0]:
                    out.append(
                        f"pengaturan {r[0]!r} kelompok={_teks(r[3] if len(r) > 3 else '')!r}"
                    )
        if ws.title == "Sistem":
            keys = [_teks(r[0]) for r in ws.iter_rows(min_row=2, max_col=1, values_only=True)]
            out.append(f"sistem keys {sorted(k for k in keys if k)}")
        if ws.data_validations.dataValidation:
            for dv in ws.data_validations.dataValidation:
                out.append(
                    f"validation {ws.title if ws.title not in bagian else '<Bagian>'} "
                    f"{dv.sqref} {dv.type} {dv.formula1}"
                )
        if ws.conditional_formatting:
            n = sum(len(cf.rules) for cf in ws.conditional_formatting)
            out.append(f"conditional {ws.title} rules={n}")
        if ws.freeze_panes:
            out.append(
                f"freeze {ws.title if ws.title not in bagian else '<Bagian>'} {ws.freeze_panes}"
            )
    out.append(f"bagian sheets {bagian}")
    with zipfile.ZipFile(berkas) as z:
        nama_part = sorted(z.namelist())
        buku = z.read("xl/workbook.xml").decode("utf-8")
        for atribut, nilai in re.findall(r"<definedName\b([^>]*)>(.*?)</definedName>", buku, re.S):
            nama = re.search(r'name="([^"]*)"', atribut)
            lokal = re.search(r'localSheetId="([^"]*)"', atribut)
            out.append(
                f"name {nama.group(1) if nama else '?'} local={lokal.group(1) if lokal else '-'}"
                f" = {nilai}"
            )
        for n in nama_part:
            out.append(f"part {n}")
        for n in nama_part:
            if n.startswith("xl/drawings/") and n.endswith(".vml"):
                xml = z.read(n).decode("utf-8", "replace")
                for shape in re.findall(r"<v:shape\b.*?</v:shape>", xml, re.S):
                    teks = re.sub(
                        r"<[^>]+>",
                        "",
                        "".join(re.findall(r"<v:textbox.*?</v:textbox>", shape, re.S)),
                    ).strip()
                    makro = re.findall(r"<x:FmlaMacro>(.*?)</x:FmlaMacro>", shape, re.S)
                    jangkar = re.findall(r"<x:Anchor>(.*?)</x:Anchor>", shape, re.S)
                    baris = jangkar[0].split(",")[2].strip() if jangkar else "?"
                    out.append(
                        f"button {n} row0={baris} caption={' '.join(teks.split())!r} macro={makro}"
                    )
        if "xl/vbaProject.bin" in nama_part:
            out.extend(_vba(z.read("xl/vbaProject.bin")))
    return out


def _vba(data: bytes) -> list[str]:
    try:
        from oletools.olevba import VBA_Parser
    except ImportError:
        return ["vba (oletools missing)"]
    vp = VBA_Parser("vbaProject.bin", data=data)
    rows = []
    for _, stream, nama, kode in vp.extract_macros():
        kode = kode.replace("\r\n", "\n").strip() if isinstance(kode, str) else ""
        rows.append(
            f"vba {nama} stream={stream} sha={hashlib.sha256(kode.encode()).hexdigest()[:12]}"
        )
    vp.close()
    return sorted(rows)


if __name__ == "__main__":
    print("\n".join(struktur(Path(sys.argv[1]))))
