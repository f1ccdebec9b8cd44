"""Benchmarks on generated data, each figure beside a baseline measured in the same run.

    python -m pyxl.bench                          every benchmark at three sizes, one table
    python -m pyxl.bench --cepat                  the same at small sizes (a minute or two)
    python -m pyxl.bench himpun --files 1000 5000  step 6 on N returns vs a bare calamine read
                                                  (and a quarterly round with evidence, at 5000)
    python -m pyxl.bench langkah --besar 100 40   analisis and dokumen, whole steps, 100 x 40
    python -m pyxl.bench simpan                   saving a 5,000-row ledger and a Bagian sheet
                                                  vs the tree writer on the same copy

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
from dataclasses import dataclass, field
from pathlib import Path

from pyxl.kontrak import skema
from pyxl.kontrak.model import Bagian, Indikator


def median_detik(
    fungsi: Callable[[], object], ulang: int, siapkan: Callable[[], object] | None = None
) -> float:
    """Median seconds of `ulang` runs of `fungsi`; `siapkan` runs before each, untimed."""
    hasil = []
    for _ in range(ulang):
        if siapkan is not None:
            siapkan()
        mulai = time.perf_counter()
        fungsi()
        hasil.append(time.perf_counter() - mulai)
    return statistics.median(hasil)


@dataclass(frozen=True)
class Ukur:
    """One row of the table: pyxl's figure beside its baseline from the same run."""

    uji: str
    ukuran: str
    kita: float
    """Seconds, per `satuan`."""
    dasar: str
    nilai_dasar: float
    satuan: str = "total"
    sasaran: str = ""
    """The goal, as the ratio or bound the issue sets ("" when there is none)."""

    @property
    def rasio(self) -> float:
        return self.kita / self.nilai_dasar if self.nilai_dasar else float("inf")


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
    from pyxl.bangun.master import bangun_master

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


def siapkan_himpun(
    folder: Path, n: int, baris: int, kembali: int | None = None, periode: str | None = None
) -> Path:
    """N units with their formats issued (for round `periode`, default the yearly one); the
    first `kembali` units (all by default) have filled theirs and sent it back into masuk/."""
    from pyxl.buku.xlsm import buka
    from pyxl.jalan.konteks import Konteks
    from pyxl.langkah import jalankan

    berkas = siapkan_unit(folder, n, baris)
    with buka(berkas) as buku:
        jalankan("format", Konteks(buku, _Diam(), pengguna="bench"), periode=periode)
    kirim_kembali(folder, n, baris, kembali, periode)
    return berkas


PDF_BUKTI = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
"""A small PDF, the evidence of the benchmark's returns."""


def kirim_kembali(
    folder: Path,
    n: int,
    baris: int,
    kembali: int | None = None,
    periode: str | None = None,
    bukti: bool = False,
) -> None:
    """The first `kembali` of N units fill their format of round `periode` into masuk/; with
    `bukti`, each names one PDF in the `Bukti` of its first indicator and drops it in
    `masuk/<KODE>/`."""
    from pyxl.alat.simulasi import isi_format
    from pyxl.kontrak.periode import TAHUNAN, akhiran
    from pyxl.langkah.format import nama_format

    putaran = periode or TAHUNAN
    asal = folder / skema.FOLDER_FORMAT / akhiran(putaran)
    isian = [{"Realisasi": 85.0, "Realisasi Anggaran": 900_000.0, "Keterangan": "ok"}] * baris
    for b in unit_buatan(n, 0)[0][:kembali]:
        nama = nama_format(b.kode, 2026, putaran)
        isi = isian
        if bukti:
            pdf = f"SK_{b.kode}.pdf"
            isi = [{**isian[0], "Bukti": pdf}, *isian[1:]]
            (folder / skema.FOLDER_MASUK / b.kode).mkdir(parents=True, exist_ok=True)
            (folder / skema.FOLDER_MASUK / b.kode / pdf).write_bytes(PDF_BUKTI + b.kode.encode())
        isi_format(asal / nama, folder / skema.FOLDER_MASUK / nama, isi)


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
    from pyxl.buku.xlsm import buka
    from pyxl.jalan.konteks import Konteks
    from pyxl.langkah import jalankan

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


def bench_format(sizes: list[int], baris: int = 10) -> list[Ukur]:
    """Step 2 for N units (the whole step: read, stamp, write, ledger) vs naive openpyxl."""
    hasil = []
    for n in sizes:
        kita, dasar = _bench_format_satu(n, baris)
        hasil.append(
            Ukur(
                "format (langkah 2)",
                f"{n:,} unit",
                kita,
                "openpyxl naif",
                dasar,
                "per format",
                "≤ 10 ms",
            )
        )
    return hasil


def bench_himpun(sizes: list[int], baris: int = 10, ulang: int = 3) -> list[Ukur]:
    """Step 6 on N returns (archive, verify, validate, merge, ledger, save) vs a bare calamine
    read of the same files, and vs pandas with openpyxl. Copying the prepared working folder
    before each run is not timed.

    Every size is prepared first; then the runs go round the sizes, one run of each size and
    mode per round, and each figure is the median of its rounds. A machine that slows down or
    speeds up meanwhile touches every size alike, so the flatness row compares like with like
    (measured one size after the other, minutes apart, it showed the machine's drift)."""
    from pyxl.jalan import paralel

    with tempfile.TemporaryDirectory() as tmp:
        ukur = [_UkurHimpun.siapkan(Path(tmp) / f"n{n}", n, baris) for n in sizes]
        for _ in range(ulang):
            for u in ukur:
                u.putaran()
        semua = [(u.n, u.hasil()) for u in ukur]
    hasil = []
    satu_inti = []
    for n, h in semua:
        satu_inti.append(h["satu_inti"])
        ukuran = f"{n:,} berkas"
        hasil.append(
            Ukur(
                "himpun (langkah 6), 1 inti",
                ukuran,
                h["satu_inti"],
                "calamine baca saja",
                h["calamine"],
                "per berkas",
                "≤ 4× dasar",
            )
        )
        hasil.append(
            Ukur(
                f"himpun (langkah 6), {min(paralel.inti(), paralel.PALING_BANYAK)} inti",
                ukuran,
                h["himpun"],
                "calamine baca saja",
                h["calamine"],
                "per berkas",
                "≤ 3× dasar",
            )
        )
        hasil.append(
            Ukur(
                "himpun (langkah 6)",
                ukuran,
                h["himpun"],
                "pandas+openpyxl",
                h["openpyxl"],
                "per berkas",
            )
        )
    if len(sizes) >= 2:  # the cost of a file must not grow with the number of files
        hasil.append(
            Ukur(
                "himpun, 1 inti: termahal per berkas",
                f"{min(sizes):,}–{max(sizes):,} berkas",
                max(satu_inti),
                "termurah per berkas",
                min(satu_inti),
                "per berkas",
                "≤ 1,15× (datar)",
            )
        )
    return hasil


@dataclass
class _UkurHimpun:
    """One size of `bench_himpun`: its prepared folder and the seconds of each round."""

    n: int
    asal: Path
    kerja: Path
    detik: dict[str, list[float]] = field(
        default_factory=lambda: {"himpun": [], "satu_inti": [], "calamine": []}
    )

    @classmethod
    def siapkan(cls, folder: Path, n: int, baris: int) -> _UkurHimpun:
        siapkan_himpun(folder / "asal", n, baris)
        return cls(n, folder / "asal", folder / "kerja")

    def _berkas(self) -> list[Path]:
        return sorted((self.asal / skema.FOLDER_MASUK).glob("*.xlsx"))

    def _himpun(self, satu_inti: bool) -> float:
        from pyxl.buku.xlsm import buka
        from pyxl.jalan import paralel
        from pyxl.jalan.konteks import Konteks
        from pyxl.langkah import jalankan

        shutil.rmtree(self.kerja, ignore_errors=True)
        shutil.copytree(self.asal, self.kerja)
        ambang = paralel.AMBANG
        if satu_inti:
            paralel.AMBANG = sys.maxsize  # every return checked in this process
        try:
            mulai = time.perf_counter()
            with buka(self.kerja / skema.NAMA_MASTER) as buku:
                jalankan("himpun", Konteks(buku, _Diam(), pengguna="bench"), imap=False)
            return time.perf_counter() - mulai
        finally:
            paralel.AMBANG = ambang

    def _calamine(self) -> float:
        from python_calamine import CalamineWorkbook

        berkas = self._berkas()
        mulai = time.perf_counter()
        for f in berkas:
            CalamineWorkbook.from_path(str(f)).get_sheet_by_name("Format IKU").to_python()
        return time.perf_counter() - mulai

    def putaran(self) -> None:
        """One run of each mode and of the baseline."""
        self.detik["himpun"].append(self._himpun(satu_inti=False))
        self.detik["satu_inti"].append(self._himpun(satu_inti=True))
        self.detik["calamine"].append(self._calamine())

    def hasil(self) -> dict[str, float]:
        """Seconds per file: the median of the rounds; pandas with openpyxl read once."""
        import pandas as pd

        h = {k: statistics.median(v) / self.n for k, v in self.detik.items()}
        berkas = self._berkas()
        mulai = time.perf_counter()
        for f in berkas:
            pd.read_excel(f, sheet_name="Format IKU", engine="openpyxl", header=None)
        h["openpyxl"] = (time.perf_counter() - mulai) / self.n
        return h


def bench_himpun_bukti(sizes: list[int], baris: int = 10, ulang: int = 3) -> list[Ukur]:
    """Step 6 of a quarterly round (TW II) on N returns each with one PDF of evidence in
    `masuk/<KODE>/` named in its `Bukti`, beside the same returns without evidence: what
    evidence adds per return (kept, checked, listed, matched, missing ones warned)."""
    hasil = []
    for n in sizes:
        t_bukti, t_dasar = _bench_himpun_bukti_satu(n, baris, ulang)
        hasil.append(
            Ukur(
                "himpun triwulan dengan bukti",
                f"{n:,} berkas",
                t_bukti / n,
                "himpun triwulan tanpa bukti",
                t_dasar / n,
                "per berkas",
                "≤ 1,5× dasar",
            )
        )
    return hasil


def _bench_himpun_bukti_satu(n: int, baris: int, ulang: int) -> tuple[float, float]:
    from pyxl.buku.xlsm import buka
    from pyxl.jalan.konteks import Konteks
    from pyxl.langkah import jalankan

    with tempfile.TemporaryDirectory() as tmp:
        dasar, bukti, kerja = Path(tmp) / "dasar", Path(tmp) / "bukti", Path(tmp) / "kerja"
        siapkan_himpun(dasar, n, baris, periode="TW II")
        shutil.copytree(dasar, bukti)
        shutil.rmtree(bukti / skema.FOLDER_MASUK)
        (bukti / skema.FOLDER_MASUK).mkdir()
        kirim_kembali(bukti, n, baris, periode="TW II", bukti=True)

        def salin(dari: Path) -> Callable[[], None]:
            def siapkan() -> None:
                shutil.rmtree(kerja, ignore_errors=True)
                shutil.copytree(dari, kerja)

            return siapkan

        def himpun() -> None:
            with buka(kerja / skema.NAMA_MASTER) as buku:
                ktx = Konteks(buku, _Diam(), pengguna="bench")
                jalankan("himpun", ktx, imap=False, periode="TW II")

        return median_detik(himpun, ulang, salin(bukti)), median_detik(himpun, ulang, salin(dasar))


def _nol(umum: object, x: int) -> int:
    import pyxl.inti.kembalian  # noqa: F401  (what a worker of step 6 imports)

    return x


def bench_simpan(baris: int = 5_000, ulang: int = 5) -> list[Ukur]:
    """Saving a master after a step: one row added to `Penerimaan` holding `baris` rows (a
    busy year's ledger: quarterly rounds, re-sent files), and step 6's four input columns
    of a Bagian sheet filled; each as pyxl saves it (in the sheet's text) and through the
    tree writer it falls back to (`_Bedah`: the sheet parsed and written whole), from the
    same copy."""
    from pyxl.buku import xlsm
    from pyxl.buku.tabel import tambah_baris

    rows = [
        {"Waktu": "07/12/2026 08:00", "Berkas": f"kiriman_{i}.xlsx", "SHA-256": f"{i:064x}"}
        | {"Kode Bagian": "U0001", "Status": "Diterima", "Catatan": "masuk/kiriman.xlsx"}
        for i in range(baris)
    ]
    kolom = [skema.KOLOM_INDIKATOR.index(k) + 1 for k in skema.KOLOM_ISIAN]
    hasil = []
    with tempfile.TemporaryDirectory() as tmp:
        asal = siapkan_unit(Path(tmp) / "asal", 1, 40)
        with xlsm.buka(asal) as buku:
            tambah_baris(buku, skema.PENERIMAAN, skema.KOLOM_PENERIMAAN, rows)
            buku.simpan()
        kerja = asal.with_name("kerja.xlsm")

        def tambah() -> None:
            with xlsm.buka(kerja) as buku:
                tambah_baris(buku, skema.PENERIMAAN, skema.KOLOM_PENERIMAAN, rows[:1])
                buku.simpan()

        def isi() -> None:
            with xlsm.buka(kerja) as buku:
                for i, k in enumerate(kolom):
                    buku.tulis("U0001", 2, k, [[f"isi {j}" if i > 1 else j] for j in range(40)])
                buku.simpan()

        for nama, ukuran, langkah in (
            ("simpan: 1 baris ditambahkan ke Penerimaan", f"{baris:,} baris", tambah),
            ("simpan: 4 kolom isian satu sheet Bagian", "40 indikator", isi),
        ):
            kita = median_detik(langkah, ulang, lambda: shutil.copy(asal, kerja))
            asli = xlsm._ganti_sel
            xlsm._ganti_sel = lambda *a: None
            try:
                pohon = median_detik(langkah, ulang, lambda: shutil.copy(asal, kerja))
            finally:
                xlsm._ganti_sel = asli
            hasil.append(Ukur(nama, ukuran, kita, "jalur pohon XML (lxml)", pohon))
    return hasil


def bench_pekerja(ulang: int = 3) -> list[Ukur]:
    """Starting the worker processes of `pyxl.jalan.paralel` as Windows starts them (spawned,
    each importing the checks of step 6) up to a first result, beside a bare `python -c pass`:
    what a run pays before more cores help (why only many returns use them)."""
    from pyxl.jalan import paralel

    def pekerja() -> None:
        paralel._di_pekerja(_nol, [1, 2], None, min(paralel.inti(), 2), None)

    def kosong() -> None:
        import subprocess

        subprocess.run([sys.executable, "-c", "pass"], check=True)

    return [
        Ukur(
            "pekerja proses siap (spawn)",
            f"{min(paralel.inti(), 2)} pekerja",
            median_detik(pekerja, ulang),
            "python -c pass",
            median_detik(kosong, ulang),
            "total",
            f"dipakai dari {paralel.AMBANG} berkas",
        )
    ]


def _analisis_per_baris(df: object) -> list[tuple[object, ...]]:
    """Baseline: the same outputs row by row in plain Python (what a macro or a loop would
    do): capaian against the target and the Renstra target, category, budget absorption,
    change from last year and its direction."""
    import pandas as pd

    from pyxl.inti.angka import baca_angka
    from pyxl.inti.kategori import Skala

    assert isinstance(df, pd.DataFrame)
    skala = Skala()

    def capaian(pol: str, t: object, ta: object, r: object) -> float | None:
        rr, tt, tta = baca_angka(r), baca_angka(t), baca_angka(ta)
        if pol == "Kualitatif":
            return 100.0 if str(r).strip().lower() == str(t).strip().lower() else 0.0
        if rr is None or tt is None or rr != rr or tt != tt:
            return None
        if tta is not None and tta == tta:
            if tt <= rr <= tta:
                return 100.0
            tt = tta if rr > tta else tt
        if tt == 0:
            return None
        return (2 * tt - rr) / tt * 100 if pol == "Negatif" else rr / tt * 100

    def kategori(c: float | None) -> str | None:
        if c is None:
            return None
        return next(
            (lb for b, lb in zip(skala.batas, skala.label, strict=False) if c < b), skala.label[-1]
        )

    hasil: list[tuple[object, ...]] = []
    kolom = [
        "Polaritas",
        "Target",
        "Target Atas",
        "Realisasi",
        "Target Akhir Renstra",
        "Realisasi Tahun Lalu",
        "Pagu Anggaran",
        "Realisasi Anggaran",
    ]
    for pol, t, ta, r, s, lalu, pagu, ra in zip(*(df[k] for k in kolom), strict=True):
        c = capaian(pol, t, ta, r)
        c_s = capaian(pol, s, None, r)
        p, x = baca_angka(pagu), baca_angka(ra)
        serapan = x / p * 100 if p and x is not None and p == p and x == x else None
        rr, ll = baca_angka(r), baca_angka(lalu)
        ubah = rr - ll if rr is not None and ll is not None and pol != "Kualitatif" else None
        arah = (
            None
            if ubah is None or ubah != ubah
            else (
                "Tetap"
                if ubah == 0
                else "Membaik"
                if (ubah > 0) != (pol == "Negatif")
                else "Memburuk"
            )
        )
        hasil.append((c, kategori(c), c_s, serapan, ubah, arah))
    return hasil


def bench_analisis(sizes: list[int], ulang: int = 5) -> list[Ukur]:
    from pyxl.inti.capaian import contoh_acak, hitung

    rows = []
    for n in sizes:
        df = contoh_acak(n)
        kita = median_detik(lambda df=df: hitung(df), ulang)  # type: ignore[misc]
        dasar = median_detik(lambda df=df: _analisis_per_baris(df), max(1, ulang // 2))  # type: ignore[misc]
        rows.append(
            Ukur("analisis (langkah 7)", f"{n:,} indikator", kita, "loop Python per baris", dasar)
        )
    return rows


def bench_langkah_analisis(ulang: int = 3) -> list[Ukur]:
    """The whole step on the sample workbook vs its computation alone."""
    import pandas as pd

    from pyxl.bangun.kerja import buat_folder_kerja
    from pyxl.buku.xlsm import buka
    from pyxl.contoh import muat as sample
    from pyxl.inti.capaian import dari_indikator, hitung
    from pyxl.jalan.konteks import Konteks
    from pyxl.langkah import jalankan

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
    return [
        Ukur("analisis, langkah utuh", "contoh, 43 indikator", total, "hitungan saja", hitungan)
    ]


def bench_langkah_besar(n: int, baris: int, ulang: int = 3) -> list[Ukur]:
    """`analisis` then `dokumen`, each the whole step on a master of `n` Bagian with `baris`
    indicators each, all returned and gathered (prepared once, untimed; each run starts from
    a copy): the step's computation alone and python-docx's `add_row` table of the same
    indicators beside them."""
    import pandas as pd

    from pyxl.buku.xlsm import buka
    from pyxl.dokumen.iku import benchmark_add_row
    from pyxl.inti.capaian import dari_indikator, hitung
    from pyxl.jalan.konteks import Konteks
    from pyxl.langkah import jalankan

    with tempfile.TemporaryDirectory() as tmp:
        asal, kerja = Path(tmp) / "asal", Path(tmp) / "kerja"
        siapkan_himpun(asal, n, baris)
        with buka(asal / skema.NAMA_MASTER) as buku:
            jalankan("himpun", Konteks(buku, _Diam(), pengguna="bench"), imap=False)
        df = dari_indikator(unit_buatan(n, baris)[1])  # as many indicators, for the baseline
        assert isinstance(df, pd.DataFrame)

        def salin(dari: Path) -> None:
            shutil.rmtree(kerja, ignore_errors=True)
            shutil.copytree(dari, kerja)

        def langkah(nama: str) -> Callable[[], None]:
            def jalan() -> None:
                with buka(kerja / skema.NAMA_MASTER) as buku:
                    jalankan(nama, Konteks(buku, _Diam(), pengguna="bench"))

            return jalan

        t_analisis = median_detik(langkah("analisis"), ulang, lambda: salin(asal))
        t_hitung = median_detik(lambda: hitung(df), ulang)
        dianalisis = Path(tmp) / "dianalisis"
        salin(asal)
        langkah("analisis")()
        shutil.copytree(kerja, dianalisis)
        t_dokumen = median_detik(langkah("dokumen"), ulang, lambda: salin(dianalisis))
        t_add_row = benchmark_add_row(n * baris)
    ukuran = f"{n} Bagian × {baris}"
    return [
        Ukur(
            "analisis, langkah utuh",
            ukuran,
            t_analisis,
            "hitungan saja",
            t_hitung,
            "total",
            "≤ 1 s",
        ),
        Ukur(
            "dokumen, langkah utuh",
            ukuran,
            t_dokumen,
            "python-docx add_row, 1 tabel",
            t_add_row,
            "total",
            "≤ 1 s",
        ),
    ]


def bench_dokumen(sizes: list[int], ulang: int = 3) -> list[Ukur]:
    """Step 8: the whole Dokumen IKU (each indicator a row in three tables, and the chart) vs
    python-docx `add_row` building one of those tables."""
    from pyxl.dokumen.iku import benchmark, benchmark_add_row

    return [
        Ukur(
            "Dokumen IKU (langkah 8)",
            f"{n:,} indikator",
            statistics.median(benchmark(n) for _ in range(ulang)),
            "python-docx add_row, 1 tabel",
            benchmark_add_row(n),
            sasaran="≤ 0,35× (6.400: ≤ 2 s)",
        )
        for n in sizes
    ]


SAMPAI_PESAN = """
import sys
import pyxl.tombol


class App:
    def __setattr__(self, nama, nilai):
        if nama == "status_bar" and nilai:  # the first status message: stop here
            print("#PESAN", nilai, file=sys.stderr, flush=True)
            print(sorted(m for m in sys.modules if m.split(".")[0] in ("numpy", "pandas")))
            raise SystemExit(0)


class Book:
    app = App()


pyxl.tombol.xw.Book.caller = staticmethod(Book)
pyxl.tombol.{nama}()
"""
"""A button function as RunPython calls it in a fresh Python, up to its first status message
(Excel's caller replaced by an object that notes the message and stops the process)."""


def _detik_sampai(perintah: list[str], penanda: str | None = None) -> float:
    """Seconds from starting `perintah` to the stderr line starting with `penanda` (to its
    end when None)."""
    import subprocess

    mulai = time.perf_counter()
    with subprocess.Popen(perintah, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as p:
        assert p.stderr is not None
        for baris in p.stderr:
            if penanda is not None and baris.startswith(penanda.encode()):
                selesai = time.perf_counter()
                break
        else:
            p.wait()
            selesai = time.perf_counter()
        p.stderr.read()
    if penanda is not None and p.returncode != 0:
        raise RuntimeError(f"{perintah} gagal ({p.returncode})")
    return selesai - mulai


def bench_tombol(ulang: int = 5) -> list[Ukur]:
    """Every button, each run in a fresh process as a click starts one, from process start to
    its first status message; beside a bare `python -c pass` and a bare `import xlwings`
    (with pandas and numpy, as xlwings imports itself) measured interleaved in the same run.
    tests/test_bench.py checks with `python -X importtime` that neither pandas nor numpy is
    imported before that message."""
    from pyxl.kontrak.perintah import PERINTAH

    py = sys.executable
    tombol: list[float] = []
    kosong: list[float] = []
    xlwings: list[float] = []
    for _ in range(ulang):
        for p in PERINTAH:
            tombol.append(_detik_sampai([py, "-c", SAMPAI_PESAN.format(nama=p.nama)], "#PESAN"))
        kosong.append(_detik_sampai([py, "-c", "pass"]))
        xlwings.append(_detik_sampai([py, "-c", "import xlwings"]))
    kita = statistics.median(tombol)
    ukuran = f"{len(PERINTAH)} tombol ×{ulang}"
    return [
        Ukur(
            "tombol → pesan pertama",
            ukuran,
            kita,
            "python -c pass",
            statistics.median(kosong),
            "sejak proses",
            "≤ 150 ms",
        ),
        Ukur(
            "tombol → pesan pertama",
            ukuran,
            kita,
            "import xlwings",
            statistics.median(xlwings),
            "sejak proses",
            "≤ 150 ms",
        ),
        Ukur(
            "tombol → pesan pertama, terlama",
            ukuran,
            max(tombol),
            "import xlwings",
            statistics.median(xlwings),
            "sejak proses",
            "≤ 150 ms",
        ),
    ]


def bench_klik_dokumen(ulang: int = 5) -> list[Ukur]:
    """`python -m pyxl dokumen` on the sample after step 7, start to end in a fresh process
    as a click runs it (each run on a copy of the folder, copied untimed), beside a bare
    `python -c pass` measured interleaved."""
    import subprocess

    from pyxl.alat.demo import demo

    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        asal, kerja = Path(tmp) / "asal", Path(tmp) / "kerja"
        demo(asal, _Diam(), sampai=7)
        perintah = [py, "-m", "pyxl", "dokumen", "--workbook", str(kerja / skema.NAMA_MASTER)]
        klik: list[float] = []
        kosong: list[float] = []
        for i in range(ulang + 1):
            shutil.rmtree(kerja, ignore_errors=True)
            shutil.copytree(asal, kerja)
            mulai = time.perf_counter()
            subprocess.run(perintah, capture_output=True, check=True)
            if i:  # the first run writes what Python and Jinja keep between runs
                klik.append(time.perf_counter() - mulai)
                kosong.append(_detik_sampai([py, "-c", "pass"]))
    return [
        Ukur(
            "dokumen, perintah utuh (proses baru)",
            "contoh, 43 indikator",
            statistics.median(klik),
            "python -c pass",
            statistics.median(kosong),
            "sejak proses",
        )
    ]


class _Diam:
    """Feedback that says nothing (benchmarks print their own table)."""

    def status(self, pesan: str) -> None: ...
    def info(self, pesan: str) -> None: ...
    def galat(self, pesan: str) -> None: ...


def cetak(baris: list[Ukur]) -> str:
    """One table: each figure beside its baseline, and the ratio."""
    judul = ("uji", "ukuran", "satuan", "pyxl ms", "dasar", "dasar ms", "rasio", "sasaran")
    isi = [
        (
            u.uji,
            u.ukuran,
            u.satuan,
            f"{u.kita * 1000:,.2f}",
            u.dasar,
            f"{u.nilai_dasar * 1000:,.2f}",
            f"{u.rasio:.2f}×",
            u.sasaran,
        )
        for u in baris
    ]
    lebar = [max(len(str(r[i])) for r in [judul, *isi]) for i in range(len(judul))]
    kanan = {3, 5, 6}
    teks = []
    for r in [judul, *isi]:
        sel = [
            str(v).rjust(lebar[i]) if i in kanan else str(v).ljust(lebar[i])
            for i, v in enumerate(r)
        ]
        teks.append("  ".join(sel).rstrip())
    teks.insert(1, "  ".join("-" * n for n in lebar))
    return "\n".join(teks)


UKURAN_BAWAAN = {
    "format": [100, 300, 1_000],
    "himpun": [100, 300, 1_000],
    "analisis": [1_000, 10_000, 100_000],
    "dokumen": [400, 1_600, 6_400],
}
UKURAN_CEPAT = {
    "format": [30, 100, 300],
    "himpun": [30, 100, 300],
    "analisis": [1_000, 10_000, 100_000],
    "dokumen": [100, 400, 1_600],
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pyxl.bench", description=__doc__)
    ap.add_argument(
        "uji",
        nargs="*",
        choices=["tombol", "format", "himpun", "simpan", "analisis", "dokumen", "langkah", []],
        help="tolok ukur yang dijalankan (bawaan: semua)",
    )
    ap.add_argument("--cepat", action="store_true", help="ukuran kecil (untuk mencoba)")
    ap.add_argument("--unit", type=int, nargs="+", help="ukuran format (jumlah unit)")
    ap.add_argument("--files", type=int, nargs="+", help="ukuran himpun (jumlah berkas)")
    ap.add_argument("--indikator", type=int, nargs="+", help="ukuran analisis")
    ap.add_argument("--baris", type=int, nargs="+", help="ukuran dokumen (jumlah indikator)")
    ap.add_argument(
        "--besar",
        type=int,
        nargs=2,
        default=[100, 40],
        metavar=("BAGIAN", "INDIKATOR"),
        help="ukuran langkah utuh analisis dan dokumen (bawaan: 100 Bagian × 40 indikator)",
    )
    ap.add_argument("--ulang", type=int, default=3, help="jumlah ulangan (median)")
    args = ap.parse_args(argv)
    pilih = args.uji or ["tombol", "format", "himpun", "simpan", "analisis", "dokumen", "langkah"]
    ukuran = dict(UKURAN_CEPAT if args.cepat else UKURAN_BAWAAN)
    for nama, opsi in (
        ("format", "unit"),
        ("himpun", "files"),
        ("analisis", "indikator"),
        ("dokumen", "baris"),
    ):
        if getattr(args, opsi):
            ukuran[nama] = getattr(args, opsi)
    baris: list[Ukur] = []
    for nama in pilih:
        print(f"Mengukur {nama} …", file=sys.stderr, flush=True)
        if nama == "tombol":
            baris += bench_tombol(max(args.ulang, 5))
            baris += bench_klik_dokumen(max(args.ulang, 5))
        elif nama == "format":
            baris += bench_format(ukuran["format"])
        elif nama == "himpun":
            baris += bench_pekerja(args.ulang)
            baris += bench_himpun(ukuran["himpun"], ulang=args.ulang)
            baris += bench_himpun_bukti(ukuran["himpun"][-1:], ulang=args.ulang)
        elif nama == "simpan":
            baris += bench_simpan(ulang=max(args.ulang, 5))
        elif nama == "analisis":
            baris += bench_analisis(ukuran["analisis"])
            baris += bench_langkah_analisis(args.ulang)
        elif nama == "dokumen":
            baris += bench_dokumen(ukuran["dokumen"], args.ulang)
        elif nama == "langkah":
            baris += bench_langkah_besar(args.besar[0], args.besar[1], args.ulang)
    print(cetak(baris))
    return 0


if __name__ == "__main__":
    sys.exit(main())
