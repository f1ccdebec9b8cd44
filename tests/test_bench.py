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
    # format and analisis at 2 sizes; himpun: the workers' start, then at 2 sizes on one core
    # and on all (vs calamine) and vs openpyxl, its dearest file vs its cheapest on one core,
    # and a quarterly round with evidence at the larger size; dokumen at 2, one step
    assert len(baris) == 2 + (1 + 2 * 3 + 1 + 1) + 2 + 1 + 2
    for b in baris:
        sel = re.split(r"\s{2,}", b)
        kita, dasar = float(sel[3].replace(",", "")), float(sel[5].replace(",", ""))
        rasio = float(sel[6].rstrip("×"))
        assert kita > 0 and dasar > 0 and rasio > 0
        if dasar >= 1 and kita >= 1:  # printed with two decimals: smaller ones are rounded
            assert rasio == pytest.approx(kita / dasar, rel=0.05, abs=0.01)
    assert sum("calamine baca saja" in b for b in baris) == 4
    assert sum(b.startswith("himpun (langkah 6), 1 inti") for b in baris) == 2
    assert sum(b.startswith("pekerja proses siap") for b in baris) == 1
    [datar] = [re.split(r"\s{2,}", b) for b in baris if b.startswith("himpun, 1 inti: termahal")]
    assert datar[1] == "2–4 berkas" and float(datar[6].rstrip("×")) >= 1
    satu = [float(re.split(r"\s{2,}", b)[3]) for b in baris if "langkah 6), 1 inti" in b]
    assert datar[3] == f"{max(satu):,.2f}" and datar[5] == f"{min(satu):,.2f}"
    [bukti] = [b for b in baris if b.startswith("himpun triwulan dengan bukti")]
    assert re.split(r"\s{2,}", bukti)[1:5:3] == ["4 berkas", "himpun triwulan tanpa bukti"]


def test_himpun_goes_round_the_sizes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every size is prepared before any run, then each round runs every size once in each
    mode: a machine that drifts meanwhile touches all sizes alike (the flatness row)."""
    urutan: list[tuple[str, int]] = []

    def siapkan(cls: type, folder: object, n: int, baris: int) -> bench._UkurHimpun:
        urutan.append(("siapkan", n))
        return cls(n, bench.Path("asal"), bench.Path("kerja"))  # type: ignore[call-arg]

    def himpun(self: bench._UkurHimpun, satu_inti: bool) -> float:
        urutan.append(("1 inti" if satu_inti else "semua", self.n))
        return 0.002 * self.n * (1 + len(urutan) / 100)  # a machine slowing down

    monkeypatch.setattr(bench._UkurHimpun, "siapkan", classmethod(siapkan))
    monkeypatch.setattr(bench._UkurHimpun, "_himpun", himpun)
    monkeypatch.setattr(bench._UkurHimpun, "_calamine", lambda self: 0.0003 * self.n)
    monkeypatch.setattr(bench._UkurHimpun, "_berkas", lambda self: [])
    bench.bench_himpun([10, 20], ulang=2)
    satu_putaran = [("semua", 10), ("1 inti", 10), ("semua", 20), ("1 inti", 20)]
    assert urutan == [("siapkan", 10), ("siapkan", 20), *satu_putaran, *satu_putaran]


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


@pytest.mark.parametrize("nama", ["analisis", "dokumen", "himpun", "perbarui"])
def test_tombol_tanpa_pandas_numpy_sampai_pesan_pertama(nama: str) -> None:
    """A real button function, from a fresh process to its first status message
    (`python -X importtime`): neither pandas nor numpy is imported before it; they are
    still importable after."""
    import subprocess
    import sys

    kode = bench.SAMPAI_PESAN.format(nama=nama)
    keluar = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", kode], capture_output=True, text=True, check=True
    )
    assert keluar.stdout.strip() == "[]"
    baris = keluar.stderr.splitlines()
    pesan = next(i for i, b in enumerate(baris) if b.startswith("#PESAN"))
    assert f"pyxl: {nama} dimulai" in baris[pesan]
    sebelum = {b.split("|")[-1].strip() for b in baris[:pesan] if b.startswith("import time:")}
    assert "xlwings" in sebelum and "pyxl.jalan.umpan" in sebelum
    # xlwings' attempts show as bare `numpy`/`pandas` lines that loaded nothing (ImportError,
    # microseconds); a real import loads their submodules, and would stay in sys.modules
    assert not {m for m in sebelum if m.startswith(("numpy.", "pandas.", "polars."))}
    for b in baris[:pesan]:
        if b.split("|")[-1].strip() in ("numpy", "pandas", "polars"):
            assert int(b.split("|")[1]) < 1000, b


def test_xlwings_tanpa_pandas_numpy_tetap_menulis_nilai_polos() -> None:
    """xlwings imported as the buttons import it converts the lists pyxl writes, and the
    steps can import pandas and numpy afterwards."""
    import subprocess
    import sys

    kode = (
        "import pyxl.tombol as t, datetime as d\n"
        "from xlwings import conversion\n"
        "assert conversion.pd is None and conversion.np is None\n"
        "import pandas, numpy\n"
        "from pyxl.buku.excel import _aman\n"
        "nilai = [[_aman(v) for v in (numpy.float64(1.5), numpy.int64(2), pandas.NaT,"
        " pandas.Timestamp('2026-01-02'), float('nan'), '=1', 'a', d.date(2026, 1, 3))]]\n"
        "assert nilai == [[1.5, 2, None, d.datetime(2026, 1, 2), None, \"'=1\", 'a',"
        " d.date(2026, 1, 3)]], nilai\n"
        "assert all(type(v) in (float, int, str, d.datetime, d.date, type(None))"
        " for v in nilai[0])\n"
        "print('ok')\n"
    )
    keluar = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True)
    assert keluar.stdout.strip() == "ok", keluar.stderr


def test_simpan_dua_baris_berpembanding() -> None:
    """The save rows: pyxl's save and the tree writer's, from the same copy."""
    baris = bench.bench_simpan(baris=30, ulang=1)
    assert [u.uji for u in baris] == [
        "simpan: 1 baris ditambahkan ke Penerimaan",
        "simpan: 4 kolom isian satu sheet Bagian",
    ]
    assert all(u.kita > 0 and u.nilai_dasar > 0 for u in baris)
    assert {u.dasar for u in baris} == {"jalur pohon XML (lxml)"}


def test_klik_dokumen_berpembanding() -> None:
    """The whole `pyxl dokumen` in a fresh process on the sample after step 7, beside a bare
    `python -c pass` of the same run."""
    [u] = bench.bench_klik_dokumen(ulang=1)
    assert u.uji == "dokumen, perintah utuh (proses baru)" and u.dasar == "python -c pass"
    assert u.kita > u.nilai_dasar > 0
