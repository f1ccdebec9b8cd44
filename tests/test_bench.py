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
