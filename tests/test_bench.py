"""`python -m pyxl.bench` prints one table, each figure beside a baseline from the same run."""

from __future__ import annotations

import re

import pytest

from pyxl import bench


def test_satu_tabel_dengan_rasio(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["format", "himpun", "analisis", "dokumen", "--unit", "2", "4", "--files", "2", "4"]
    argv += ["--indikator", "50", "500", "--baris", "10", "20", "--ulang", "1"]
    assert bench.main(argv) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:2] == ["uji", "ukuran"] and set(out[1]) == {"-", " "}
    baris = out[2:]
    # format and analisis at 2 sizes, himpun at 2 sizes x 2 baselines, dokumen at 2, one step
    assert len(baris) == 2 + 4 + 2 + 1 + 2
    for b in baris:
        sel = re.split(r"\s{2,}", b)
        kita, dasar = float(sel[3].replace(",", "")), float(sel[5].replace(",", ""))
        rasio = float(sel[6].rstrip("×"))
        assert kita > 0 and dasar > 0 and rasio > 0
        if dasar >= 1 and kita >= 1:  # printed with two decimals: smaller ones are rounded
            assert rasio == pytest.approx(kita / dasar, rel=0.05, abs=0.01)
    assert sum("calamine baca saja" in b for b in baris) == 2


def test_ukur_rasio() -> None:
    u = bench.Ukur("uji", "1 unit", 0.003, "dasar", 0.001)
    assert u.rasio == pytest.approx(3.0)
    assert "3.00×" in bench.cetak([u])


def test_tombol_sampai_pesan_pertama_hanya_memuat_pyxl() -> None:
    """`python -X importtime`: after `import xlwings`, the button module and the status-bar
    message load nothing but small pyxl modules (no docx, openpyxl, matplotlib, Pillow)."""
    import subprocess
    import sys

    kode = (
        "import xlwings\nimport sys; print('#SEBELUM', flush=True)\n"
        "import pyxl.tombol, pyxl.jalan.umpan"
    )
    keluar = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", kode], capture_output=True, text=True, check=True
    )
    assert "#SEBELUM" in keluar.stdout
    baris = keluar.stderr.splitlines()
    i = max(
        j for j, b in enumerate(baris) if "| xlwings" in b and b.split("|")[-1].strip() == "xlwings"
    )
    setelah = [b.split("|")[-1].strip() for b in baris[i + 1 :] if b.startswith("import time:")]
    assert "pyxl.tombol" in setelah and "pyxl.jalan.umpan" in setelah
    assert {m.split(".")[0] for m in setelah} == {"pyxl"}, setelah
    assert not set(setelah) & {"pyxl.jalan.proses", "pyxl.buku.xlsm", "pyxl.inti.capaian"}
