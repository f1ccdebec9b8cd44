"""A percentage typed with its sign straight into the master, as staff do in Excel.

Typed "92,86%" into a cell, a spreadsheet stores 0,9286 with a percent number format. The
analysis reads it as the 92,86 shown — the rule intake applies to a return — and says so in
`Validasi`, naming the cell.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from pyxl.buku.xlsm import buka
from pyxl.cli import main
from pyxl.kontrak import skema


def _sheet(master: Path, sheet: str) -> list[dict[str, Any]]:
    ws = openpyxl.load_workbook(master, read_only=True)[sheet]
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:] if any(v is not None for v in r)]


def test_persen_diketik_di_master_dibaca_seperti_tampil(tmp_path: Path) -> None:
    from libreoffice import ubah

    kerja = tmp_path / "kerja"
    assert main(["init", str(kerja), "--contoh"]) == 0
    master = kerja / skema.NAMA_MASTER
    # TAPEM: IKU-TAPEM-01 (%, target 100) in row 2, IKU-TAPEM-04 (Nilai, target 3,2) in row 5
    ubah(
        master,
        [
            {"sheet": "TAPEM", "cell": "J2", "nilai": {"angka": 0.9286, "format": "0.00%"}},
            {"sheet": "TAPEM", "cell": "J5", "nilai": {"angka": 0.031, "format": "0.0%"}},
            {"sheet": "TAPEM", "cell": "J3", "nilai": 0.5},
        ],
    )
    with buka(master, hanya_baca=True) as buku:
        assert buku.sel_persen("TAPEM", {"J2", "J3", "J5"}) == {"J2", "J5"}
    assert main(["analisis", "--workbook", str(master)]) == 0
    analisis = {r["Kode IKU"]: r for r in _sheet(master, skema.ANALISIS)}
    assert analisis["IKU-TAPEM-01"]["Realisasi"] == pytest.approx(92.86)
    assert analisis["IKU-TAPEM-01"]["Capaian (%)"] == pytest.approx(92.86)
    # not a percent indicator: the number stored is the number (a percent format there is
    # odd, but nothing says the 3,1 shown was meant)
    assert analisis["IKU-TAPEM-04"]["Realisasi"] == pytest.approx(0.031)
    temuan = [r for r in _sheet(master, skema.VALIDASI) if r["Kode Masalah"] == "ANGKA_DITEBAK"]
    sel = {r["Sel"]: r["Pesan"] for r in temuan}
    assert "TAPEM!J2" in sel and "berformat persen" in sel["TAPEM!J2"]
    # a fraction in a plain cell of a percent indicator (target 60): kept, with a warning
    assert analisis["IKU-TAPEM-02"]["Realisasi"] == pytest.approx(0.5)
    assert "TAPEM!J3" in sel and "ketik 50" in sel["TAPEM!J3"]
