"""Benchmarks on generated data, each figure beside a baseline measured in the same run.

    python -m pyxl.bench                      every benchmark, small sizes
    python -m pyxl.bench himpun --files 1000  step 6 on N returns vs a bare calamine read

Figures are medians of several runs (noisy machines); the ratio is what to read.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pyxl import skema
from pyxl.model import Bagian, Indikator


def median_detik(fungsi: Callable[[], object], ulang: int) -> float:
    hasil = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        fungsi()
        hasil.append(time.perf_counter() - mulai)
    return statistics.median(hasil)


def unit_buatan(n: int, baris: int) -> tuple[list[Bagian], dict[str, list[Indikator]]]:
    """N generated units with `baris` indicators each (positive, negative, qualitative)."""
    bagian = [
        Bagian(
            f"U{i:04d}",
            f"Unit Kerja {i}",
            "Asisten Uji",
            f"Kepala Unit {i}",
            email=f"u{i:04d}@contoh.example",
        )
        for i in range(1, n + 1)
    ]
    indikator = {
        b.kode: [
            Indikator(
                f"IKU-{b.kode}-{j:02d}",
                f"Sasaran {j % 3 + 1}",
                f"Indikator {j} {b.nama}",
                "Definisi operasional",
                "(A / B) x 100%",
                "%",
                "Negatif" if j % 5 == 1 else "Positif",
                80.0 + j % 10,
                realisasi_lalu=75.0,
                target_renstra=90.0,
                pagu=1_000_000.0 * j,
                sumber_data="Laporan",
                penanggung_jawab="Kasubag",
            )
            for j in range(1, baris + 1)
        ]
        for b in bagian
    }
    return bagian, indikator


def siapkan_unit(folder: Path, n: int, baris: int) -> Path:
    """A working folder whose master holds N generated units (see `unit_buatan`)."""
    from pyxl.master import bangun_master

    for nama in skema.FOLDERS:
        (folder / nama).mkdir(parents=True, exist_ok=True)
    bagian, indikator = unit_buatan(n, baris)
    berkas = folder / skema.NAMA_MASTER
    bangun_master(
        berkas,
        tahun=2026,
        bagian=bagian,
        indikator=indikator,
        pengaturan={"Batas Waktu Pengembalian": "31 Januari 2027"},
    )
    return berkas


def siapkan_himpun(folder: Path, n: int, baris: int, kembali: int | None = None) -> Path:
    """N units with their formats issued; the first `kembali` units (all by default) have
    filled theirs and sent it back into masuk/."""
    from pyxl.buku_berkas import buka
    from pyxl.jalan import Konteks, jalankan
    from pyxl.simulasi import isi_format

    berkas = siapkan_unit(folder, n, baris)
    with buka(berkas) as buku:
        jalankan("format", Konteks(buku, _Diam(), pengguna="bench"))
    isian = [{"Realisasi": 85.0, "Realisasi Anggaran": 900_000.0, "Keterangan": "ok"}] * baris
    for b in unit_buatan(n, 0)[0][:kembali]:
        nama = f"{b.kode}_Format_IKU_2026.xlsx"
        isi_format(folder / skema.FOLDER_FORMAT / nama, folder / skema.FOLDER_MASUK / nama, isian)
    return berkas


def _format_openpyxl(tujuan: Path, rows: list[Indikator]) -> None:
    """Baseline: the same format written naively with openpyxl (cells one by one, unlocked
    input cells, protection, validation)."""
    from dataclasses import astuple

    import openpyxl
    from openpyxl.styles import Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = openpyxl.Workbook()
    ws = wb.create_sheet("Format IKU", 0)
    wb.remove(wb.worksheets[1])
    ws.append(["FORMAT PENGUMPULAN DATA KINERJA"])
    ws.append(list(skema.KOLOM_INDIKATOR))
    dv = DataValidation(
        type="decimal",
        operator="between",
        formula1="-1E15",
        formula2="1E15",
        promptTitle="Realisasi",
        prompt="Isi angka",
        showInputMessage=True,
    )
    ws.add_data_validation(dv)
    for i, r in enumerate(rows, start=3):
        for j, v in enumerate(astuple(r), start=1):
            sel = ws.cell(row=i, column=j, value=v)
            if skema.KOLOM_INDIKATOR[j - 1] in skema.KOLOM_ISIAN:
                sel.protection = Protection(locked=False)
                dv.add(sel.coordinate)
    ws.protection.sheet = True
    wb.save(tujuan)


def _bench_format_satu(n: int, baris: int) -> tuple[float, float]:
    from pyxl.buku_berkas import buka
    from pyxl.jalan import Konteks, jalankan

    _, indikator = unit_buatan(n, baris)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        berkas = siapkan_unit(folder, n, baris)

        def langkah() -> None:
            with buka(berkas) as buku:
                jalankan("format", Konteks(buku, _Diam(), pengguna="bench"))

        def dasar() -> None:
            for kode, rows in indikator.items():
                _format_openpyxl(folder / f"dasar_{kode}.xlsx", rows)

        return median_detik(langkah, 1) / n, median_detik(dasar, 1) / n


def bench_format(sizes: list[int], baris: int = 10) -> list[tuple[str, float, str, float]]:
    """Step 2 for N units (the whole step: read, stamp, write, ledger) vs naive openpyxl."""
    hasil = []
    for n in sizes:
        kita, dasar = _bench_format_satu(n, baris)
        hasil.append((f"format {n} unit", kita, "openpyxl naif", dasar))
    return hasil


def bench_himpun(n: int, baris: int = 10, ulang: int = 3) -> dict[str, float]:
    from python_calamine import CalamineWorkbook

    from pyxl.buku_berkas import buka
    from pyxl.jalan import Konteks, jalankan

    with tempfile.TemporaryDirectory() as tmp:
        asal = Path(tmp) / "asal"
        siapkan_himpun(asal, n, baris)
        files = sorted((asal / skema.FOLDER_MASUK).glob("*.xlsx"))

        def baca_calamine() -> None:
            for f in files:
                CalamineWorkbook.from_path(str(f)).get_sheet_by_name("Format IKU").to_python()

        def baca_openpyxl() -> None:
            import pandas as pd

            for f in files:
                pd.read_excel(f, sheet_name="Format IKU", engine="openpyxl", header=None)

        def himpun() -> None:
            kerja = Path(tmp) / "kerja"
            shutil.rmtree(kerja, ignore_errors=True)
            shutil.copytree(asal, kerja)
            with buka(kerja / skema.NAMA_MASTER) as buku:
                jalankan("himpun", Konteks(buku, _Diam(), pengguna="bench"), imap=False)

        t_himpun = median_detik(himpun, ulang)
        t_cal = median_detik(baca_calamine, ulang)
        t_opx = median_detik(baca_openpyxl, 1)
    return {"himpun": t_himpun / n, "calamine": t_cal / n, "openpyxl": t_opx / n}


def _capaian_per_baris(df: object) -> list[float | None]:
    """Baseline: the same rules row by row in plain Python (what a macro or a loop would do)."""
    import pandas as pd

    from pyxl.capaian import parse_angka

    assert isinstance(df, pd.DataFrame)
    hasil: list[float | None] = []
    for pol, t, ta, r in zip(
        df["Polaritas"], df["Target"], df["Target Atas"], df["Realisasi"], strict=True
    ):
        rr, tt, tta = parse_angka(r), parse_angka(t), parse_angka(ta)
        if pol == "Kualitatif":
            hasil.append(100.0 if str(r).strip().lower() == str(t).strip().lower() else 0.0)
            continue
        if rr is None or tt is None or rr != rr or tt != tt:
            hasil.append(None)
            continue
        if tta is not None and tta == tta:
            if tt <= rr <= tta:
                hasil.append(100.0)
                continue
            tt = tta if rr > tta else tt
        if tt == 0:
            hasil.append(None)
        elif pol == "Negatif":
            hasil.append((2 * tt - rr) / tt * 100)
        else:
            hasil.append(rr / tt * 100)
    return hasil


def bench_analisis(sizes: list[int], ulang: int = 5) -> list[tuple[str, float, str, float]]:
    from pyxl.capaian import contoh_acak, hitung

    rows = []
    for n in sizes:
        df = contoh_acak(n)
        kita = median_detik(lambda df=df: hitung(df), ulang)  # type: ignore[misc]
        dasar = median_detik(lambda df=df: _capaian_per_baris(df), max(1, ulang // 2))  # type: ignore[misc]
        rows.append((f"capaian {n:,} indikator", kita, "loop Python per baris", dasar))
    return rows


def bench_langkah_analisis(ulang: int = 3) -> list[tuple[str, float, str, float]]:
    """The whole step on the sample workbook vs its computation alone."""
    import pandas as pd

    from pyxl import sample
    from pyxl.buku_berkas import buka
    from pyxl.capaian import dari_indikator, hitung
    from pyxl.jalan import Konteks, jalankan
    from pyxl.kerja import buat_folder_kerja

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "kerja"
        berkas = buat_folder_kerja(folder, sample.TAHUN_CONTOH, contoh=True)

        def langkah() -> None:
            with buka(berkas) as buku:
                jalankan("analisis", Konteks(buku, _Diam(), pengguna="bench"))

        df = dari_indikator(sample.indikator_contoh())
        assert isinstance(df, pd.DataFrame)
        total = median_detik(langkah, ulang)
        hitungan = median_detik(lambda: hitung(df), ulang)
    return [("langkah analisis, contoh (total)", total, "hitungan capaian saja", hitungan)]


BERAT = ("pandas", "docx", "docxtpl", "openpyxl", "matplotlib", "PIL")

_UKUR_TOMBOL = """
import sys, time
t0 = time.perf_counter()
import xlwings
t1 = time.perf_counter()
import pyxl.tombol, pyxl.umpan  # everything up to the first status-bar message
t2 = time.perf_counter()
sebelum = set(sys.modules)
import pyxl.jalan, pyxl.langkah_{nama}
t3 = time.perf_counter()
baru = sorted({{m.split('.')[0] for m in set(sys.modules) - sebelum}} & set({berat!r}))
print(t1 - t0, t2 - t1, t3 - t2, ",".join(baru))
"""


def bench_tombol(ulang: int = 5) -> list[tuple[str, float, str, float, str]]:
    """Per button, in fresh processes: `import xlwings` (baseline), what the button adds before
    its first message, and the heavy libraries its step pulls in afterwards."""
    import subprocess

    from pyxl.perintah import PERINTAH

    hasil = []
    for p in PERINTAH:
        kode = _UKUR_TOMBOL.format(nama=p.nama, berat=BERAT)
        ukur = []
        for _ in range(ulang):
            keluar = subprocess.run(
                [sys.executable, "-c", kode], capture_output=True, text=True, check=True
            ).stdout.split()
            ukur.append(
                (
                    float(keluar[0]),
                    float(keluar[1]),
                    float(keluar[2]),
                    keluar[3] if len(keluar) > 3 else "",
                )
            )
        xw = statistics.median(u[0] for u in ukur)
        awal = statistics.median(u[1] for u in ukur)
        hasil.append(
            (f"tombol {p.nama}: sampai pesan", awal, "import xlwings", xw, ukur[0][3] or "-")
        )
    return hasil


class _Diam:
    """Feedback that says nothing (benchmarks print their own table)."""

    def status(self, pesan: str) -> None: ...
    def info(self, pesan: str) -> None: ...
    def galat(self, pesan: str) -> None: ...


def cetak(judul: str, baris: list[tuple[str, float, str, float]]) -> None:
    print(judul)
    print(f"  {'ukuran':<26}{'pyxl (ms)':>12}{'dasar':>28}{'dasar (ms)':>12}{'rasio':>8}")
    for ukuran, kita, dasar, nilai_dasar in baris:
        print(
            f"  {ukuran:<26}{kita * 1000:>12.2f}{dasar:>28}{nilai_dasar * 1000:>12.2f}"
            f"{kita / nilai_dasar:>8.2f}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pyxl.bench", description=__doc__)
    sub = ap.add_subparsers(dest="nama")
    sub.add_parser("tombol", help="waktu mulai setiap tombol dibanding import xlwings")
    p = sub.add_parser("format", help="langkah 2 untuk N unit")
    p.add_argument("--unit", type=int, nargs="*", default=[100, 1000])
    p = sub.add_parser("dokumen", help="langkah 8: Dokumen IKU dengan N indikator")
    p.add_argument("--indikator", type=int, nargs="*", default=[400, 1_600, 6_400])
    p = sub.add_parser("analisis", help="langkah 7: mesin capaian dan langkah utuh")
    p.add_argument("--indikator", type=int, nargs="*", default=[1_000, 10_000, 100_000])
    p = sub.add_parser("himpun", help="langkah 6 pada N kiriman")
    p.add_argument("--files", type=int, nargs="*", default=[100, 1000])
    p.add_argument("--baris", type=int, default=10)
    p.add_argument("--ulang", type=int, default=3)
    args = ap.parse_args(argv)
    if args.nama in (None, "tombol"):
        rows = bench_tombol()
        cetak(
            "Tombol: tambahan waktu sebelum pesan pertama (proses baru, median 5)",
            [r[:4] for r in rows],
        )
        print("  pustaka berat yang dimuat langkahnya (setelah pesan pertama):")
        for r in rows:
            print(f"    {r[0].split(':')[0]:<22} {r[4]}")
    if args.nama in (None, "analisis"):
        sizes = getattr(args, "indikator", [1_000, 10_000, 100_000])
        cetak("Langkah 7 (analisis), per indikator", bench_analisis(sizes))
        cetak(
            "Langkah 7 pada buku kerja contoh (43 indikator), detik dikali 1000",
            bench_langkah_analisis(),
        )
    if args.nama in (None, "format"):
        sizes = getattr(args, "unit", [100, 1000]) if args.nama else [100]
        cetak("Langkah 2 (format, 10 indikator per unit), per format", bench_format(sizes))
    if args.nama in (None, "dokumen"):
        from pyxl.langkah_dokumen import benchmark, benchmark_add_row

        sizes = getattr(args, "indikator", [400, 1_600, 6_400]) if args.nama else [400, 1_600]
        cetak(
            "Langkah 8 (Dokumen IKU utuh, 3 tabel per indikator), total per ukuran",
            [
                (
                    f"dokumen {n:,} indikator",
                    statistics.median(benchmark(n) for _ in range(3)),
                    "python-docx add_row 1 tbl",
                    benchmark_add_row(n),
                )
                for n in sizes
            ],
        )
    if args.nama in (None, "himpun"):
        sizes = getattr(args, "files", [100, 1000])
        baris: list[tuple[str, float, str, float]] = []
        for n in sizes:
            h = bench_himpun(n, getattr(args, "baris", 10), getattr(args, "ulang", 3))
            baris.append((f"himpun {n} berkas", h["himpun"], "calamine baca saja", h["calamine"]))
            baris.append(
                (f"  (dasar lain) {n} berkas", h["himpun"], "pandas+openpyxl", h["openpyxl"])
            )
        cetak("Langkah 6 (himpun), per berkas", baris)
    return 0


if __name__ == "__main__":
    sys.exit(main())
