"""LibreOffice, an independent reader, loads the master and sees every button's macro."""

from __future__ import annotations

from pathlib import Path

import pytest

from libreoffice import probe
from pyxl.bangun.master import MASTER_REPO, bangun_master
from pyxl.kontrak.perintah import PERINTAH

pytestmark = pytest.mark.libreoffice


def _harapan() -> list[tuple[str, str]]:
    return [
        (p.judul, f"vnd.sun.star.script:VBAProject.Tombol.{p.sub}?language=Basic&location=document")
        for p in PERINTAH
    ]


def test_libreoffice_sees_every_button_with_its_macro() -> None:
    hasil = probe(MASTER_REPO)
    assert "Kendali" in hasil["sheets"]
    assert [(b["label"], b["macro"]) for b in hasil["buttons"]] == _harapan()
    assert all(b["sheet"] == "Kendali" for b in hasil["buttons"])


def test_libreoffice_runs_a_macro_of_the_generated_vba_project(tmp_path: Path) -> None:
    # LibreOffice Basic cannot compile xlwings.bas, so the variant without it carries a plain
    # macro: running it proves the generated VBA project is a real, executable one.
    varian = tmp_path / "varian.xlsm"
    bangun_master(varian, tahun=2026, dengan_xlwings=False)
    hasil = probe(varian, "--run", "Uji.TulisPenanda", "--sheet", "Kendali", "--cell", "M1")
    assert hasil["cell"] == "Makro berjalan"
    assert [(b["label"], b["macro"]) for b in hasil["buttons"]] == _harapan()


def test_buttons_survive_a_command_on_the_closed_file(master: Path) -> None:
    from pyxl.cli import main

    assert main(["status", "--workbook", str(master)]) == 0
    assert main(["cek", "--workbook", str(master)]) in (0, 1)
    from pyxl.buku.xlsm import buka

    with buka(master) as buku:
        buku.tulis("Log SOP", 5, 1, [["x"]])
        buku.simpan()
    hasil = probe(master)
    assert [(b["label"], b["macro"]) for b in hasil["buttons"]] == _harapan()
