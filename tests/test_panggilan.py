"""Live Excel writes grow with the sheets and blocks written, never with the cells.

xlwings' remote engine records every call a button makes against the workbook; each recorded
action is one round trip to Excel. The same buttons run on the sample workbook and on one ten
times larger (100 units, and ten times more indicators per unit): the number of calls may grow
with the number of sheets a step writes, but not with the number of cells.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pyxl.bench import siapkan_himpun
from pyxl.kontrak import skema
from remote import aksi, buku_remote

UKURAN = {"contoh": (10, 4), "sepuluh kali": (100, 40)}
"""(units, indicators per unit)."""


@pytest.fixture(scope="module")
def buku_kerja(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return {
        k: siapkan_himpun(tmp_path_factory.mktemp(k.replace(" ", "_")), *v, kembali=5)
        for k, v in UKURAN.items()
    }


def _panggilan(berkas: Path, tombol: str, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    import pyxl.tombol

    monkeypatch.chdir(berkas.parent)
    book = buku_remote(berkas.resolve())
    getattr(pyxl.tombol, tombol)()
    actions = aksi(book)
    assert not any(a["func"] == "alert" and "critical" in a["args"] for a in actions), actions
    return actions


@pytest.mark.parametrize("tombol", ["himpun", "analisis", "status"])
def test_calls_do_not_grow_with_cells(
    buku_kerja: dict[str, Path], tombol: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    aksi_per = {k: _panggilan(b, tombol, monkeypatch) for k, b in buku_kerja.items()}
    hitung = {k: len(v) for k, v in aksi_per.items()}
    # Ten times the units and ten times the rows per unit: the very same number of calls.
    assert hitung["sepuluh kali"] == hitung["contoh"], hitung
    tulis = sum(a["func"] == "setValues" for a in aksi_per["contoh"])
    # One value block per table written; himpun merges five returns, one block per input
    # column each. Number formats are one call per formatted column of a block.
    isian = len(skema.KOLOM_ISIAN)
    assert tulis <= {"himpun": 5 * isian + 4, "analisis": 5, "status": 3}[tombol], tulis
    assert hitung["contoh"] <= 45, hitung


def test_sheet_names_are_read_once_per_step(
    buku_kerja: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows each sheet's name is a call to Excel: a step reads each once (and again
    only after its own sheet changes), not once per Bagian it looks at."""
    import xlwings.main as xm

    dibaca: list[str] = []
    asli = xm.Sheet.name

    def nama(self: Any) -> Any:
        dibaca.append(asli.fget(self))
        return dibaca[-1]

    monkeypatch.setattr(xm.Sheet, "name", property(nama, asli.fset))
    _panggilan(buku_kerja["sepuluh kali"], "status", monkeypatch)
    sheet = set(dibaca)
    assert len(sheet) > 100  # the 100 Bagian sheets and the rest
    assert len(dibaca) <= 2 * len(sheet), len(dibaca)
