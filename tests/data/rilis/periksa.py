"""Check the fixture masters: they open with python-calamine and openpyxl, the Bagian sheets
hold the merged Realisasi values of the returns, and the ledgers have the expected rows.

    python periksa.py [FIXTURE_DIR ...]     (default: every <sha>/ folder beside this file)

Needs python-calamine and openpyxl only (not pyxl). Exit status 1 on any failed check.
"""

from __future__ import annotations

import sys
import warnings
from collections import Counter
from pathlib import Path

import openpyxl
from python_calamine import CalamineWorkbook

warnings.filterwarnings("ignore")

MASTER = "Pengumpulan_Data_Kinerja.xlsm"
DIGABUNG = ("HUKUM", "KESRA", "EKON", "RENKEU", "TAPEM")
TIDAK = ("ADPEM", "PBJ", "UMUM", "ORG", "PROKOPIM")
STATUS = {
    "HUKUM.xlsx": "Diterima",
    "KESRA.xlsx": "Diterima",
    "EKON.xlsx": "Diterima",
    "RENKEU.xlsx": "Diterima",
    "TAPEM.xlsx": "Diterima",
    "salinan HUKUM.xlsx": "Duplikat",
    "UMUM.xlsx": "Ditolak",
}


def _tabel(rows: list[list[object]]) -> list[dict[str, object]]:
    kepala = [str(v) for v in rows[0]]
    return [
        dict(zip(kepala, r, strict=False)) for r in rows[1:] if any(v not in (None, "") for v in r)
    ]


def _kosong(v: object) -> bool:
    return v is None or v == ""


def isian_kembali(berkas: Path) -> list[object]:
    """Realisasi column of a returned format (sheet 'Format IKU', header row found by text)."""
    ws = openpyxl.load_workbook(berkas, read_only=True)["Format IKU"]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    for i, r in enumerate(rows):
        if r and r[0] == "Kode IKU":
            j = r.index("Realisasi")
            return [x[j] for x in rows[i + 1 :] if x and x[0]]
    raise AssertionError(f"{berkas}: no header row")


def periksa(folder: Path) -> list[str]:
    gagal: list[str] = []
    master = folder / MASTER
    cal = CalamineWorkbook.from_path(str(master))
    lembar = {
        n: _tabel(cal.get_sheet_by_name(n).to_python())
        for n in cal.sheet_names
        if n not in ("Kendali", "xlwings.conf")
    }
    opx = openpyxl.load_workbook(master, keep_vba=True)
    if opx.sheetnames != cal.sheet_names:
        gagal.append("openpyxl and calamine see different sheets")
    for kode in DIGABUNG:
        rows = lembar[kode]
        harap = isian_kembali(folder / "masuk" / f"{kode}.xlsx")
        nyata = [r["Realisasi"] for r in rows]
        if len(nyata) != len(harap):
            gagal.append(f"{kode}: {len(nyata)} indicators, return has {len(harap)}")
        for i, (a, b) in enumerate(zip(nyata, harap, strict=False)):
            if _kosong(a) and _kosong(b):
                continue
            if isinstance(b, int | float) and isinstance(a, int | float):
                if abs(a - b) > 1e-9:
                    gagal.append(f"{kode} row {i + 2}: Realisasi {a!r} != return {b!r}")
            elif str(a) != str(b):
                gagal.append(f"{kode} row {i + 2}: Realisasi {a!r} != return {b!r}")
        if not any(not _kosong(v) for v in nyata):
            gagal.append(f"{kode}: no Realisasi merged")
        # openpyxl agrees
        ws = opx[kode]
        kepala = [c.value for c in ws[1]]
        kol = kepala.index("Realisasi")
        opx_nilai = [r[kol] for r in ws.iter_rows(min_row=2, values_only=True) if r[0]]
        if [None if _kosong(v) else v for v in opx_nilai] != [
            None if _kosong(v) else v for v in nyata
        ]:
            gagal.append(f"{kode}: openpyxl and calamine disagree on Realisasi")
    for kode in TIDAK:
        if any(not _kosong(r["Realisasi"]) for r in lembar[kode]):
            gagal.append(f"{kode}: Realisasi present but nothing was merged")
    status = {str(r["Berkas"]): str(r["Status"]) for r in lembar["Penerimaan"]}
    if status != STATUS:
        gagal.append(f"Penerimaan: {status}")
    return gagal


def ringkas(folder: Path) -> str:
    cal = CalamineWorkbook.from_path(str(folder / MASTER))
    baris = []
    for n in cal.sheet_names:
        if n in ("Kendali", "xlwings.conf"):
            continue
        rows = _tabel(cal.get_sheet_by_name(n).to_python())
        if n in DIGABUNG + TIDAK:
            isi = sum(1 for r in rows if not _kosong(r.get("Realisasi")))
            baris.append(f"{n}: {len(rows)} indikator, {isi} Realisasi")
        elif rows:
            baris.append(f"{n}: {len(rows)} baris")
    val = Counter(
        (str(r["Tingkat"]), str(r["Kode Masalah"]))
        for r in _tabel(cal.get_sheet_by_name("Validasi").to_python())
    )
    baris.append(f"Validasi: {dict(val)}")
    return "; ".join(baris)


if __name__ == "__main__":
    dasar = Path(__file__).resolve().parent
    folders = [Path(a) for a in sys.argv[1:]] or sorted(
        p for p in dasar.iterdir() if (p / MASTER).is_file()
    )
    salah = 0
    for f in folders:
        g = periksa(f)
        print(f"{f.name}: {'OK' if not g else 'GAGAL'}  {ringkas(f)}")
        for x in g:
            print("   ", x)
        salah += bool(g)
    sys.exit(1 if salah else 0)
