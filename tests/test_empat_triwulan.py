"""A year of quarterly rounds, end to end: TW I–IV formats issued, filled in LibreOffice Calc
as a Bagian would, gathered round by round, and the year made from the quarters by each
indicator's `Cara Tahunan` (issue: quarterly rounds and evidence, proof 1).

Bagian EKON monitors four indicators, one per way of making the year:

| indicator | Satuan | target | Cara Tahunan | TW I | TW II | TW III | TW IV | year (by hand) |
|---|---|---|---|---|---|---|---|---|
| IKU-EKON-01 (Negatif) | % | 1,5–3,5 | Rata-rata | 1,2 | 1,8 | 1,6 | 1,4 | 6,0/4 = 1,5 |
| IKU-EKON-02 | % | 100 | Kumulatif | 20 | 45 | 70 | 98 | 98 (year to date at TW IV) |
| IKU-EKON-03 | Kegiatan | 24 | Jumlah | 5 | 6 | 7 | 8 | 5+6+7+8 = 26 |
| IKU-EKON-04 | Dokumen | 4 | Terakhir | 1 | 2 | 3 | 4 | 4 (the last quarter's) |

Budget absorption is reported year to date: 120, 260, 410 and 530 million of a 540 million
pagu for IKU-EKON-03.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bantu import baris_sheet
from pyxl.cli import main
from pyxl.inti.triwulan import realisasi_tahunan
from pyxl.kontrak import skema

pytestmark = pytest.mark.libreoffice

F = "Format IKU"
CARA = {
    "IKU-EKON-01": "Rata-rata",
    "IKU-EKON-02": "Kumulatif",
    "IKU-EKON-03": "Jumlah",
    "IKU-EKON-04": "Terakhir",
}
TRIWULAN = {
    "IKU-EKON-01": (1.2, 1.8, 1.6, 1.4),
    "IKU-EKON-02": (20, 45, 70, 98),
    "IKU-EKON-03": (5, 6, 7, 8),
    "IKU-EKON-04": (1, 2, 3, 4),
}
TAHUN_DENGAN_TANGAN = {
    "IKU-EKON-01": 1.5,
    "IKU-EKON-02": 98,
    "IKU-EKON-03": 26,
    "IKU-EKON-04": 4,
}
ANGGARAN_EKON_03 = (120_000_000, 260_000_000, 410_000_000, 530_000_000)
PERIODE = ("TW I", "TW II", "TW III", "TW IV")


def _cli(kerja: Path, *args: str) -> int:
    return main([args[0], "--workbook", str(kerja / skema.NAMA_MASTER), *args[1:]])


def _isi_di_libreoffice(kerja: Path, tw: int, nama: str) -> Path:
    """The Bagian types its quarter into the format in LibreOffice Calc and saves it."""
    from libreoffice import ubah

    kiriman = kerja / "masuk" / nama
    sumber = kerja / "format" / f"TW{tw}" / f"EKON_Format_IKU_2026_TW{tw}.xlsx"
    shutil.copyfile(sumber, kiriman)
    ubahan = []
    for baris, kode in enumerate(CARA, start=9):  # the table's data rows start at row 9
        ubahan.append({"sheet": F, "cell": f"J{baris}", "nilai": TRIWULAN[kode][tw - 1]})
    ubahan.append({"sheet": F, "cell": "N11", "nilai": ANGGARAN_EKON_03[tw - 1]})
    ubahan.append({"sheet": F, "cell": "V11", "nilai": f"daftar_kegiatan_tw{tw}.pdf"})
    return ubah(kiriman, ubahan)


def test_four_quarters_make_the_year_by_each_indicators_rule(kerja: Path) -> None:
    master = kerja / skema.NAMA_MASTER
    import openpyxl

    wb = openpyxl.load_workbook(master, keep_vba=True)
    ws = wb["EKON"]
    judul = [c.value for c in ws[1]]
    for r in ws.iter_rows(min_row=2):
        if r[0].value in CARA:
            r[judul.index("Cara Tahunan")].value = CARA[r[0].value]
    wb.save(master)

    for tw, periode in enumerate(PERIODE, start=1):
        assert _cli(kerja, "format", "--periode", periode, "--batas-waktu=20 Desember 2026") == 0
        _isi_di_libreoffice(kerja, tw, f"ekon_tw{tw}.xlsx")
        if tw == 3:  # EKON's TW II file sent again, late, during the TW III round
            terlambat = kerja / "masuk" / "ekon_tw2_revisi.xlsx"
            shutil.copyfile(kerja / "format" / "TW2" / "EKON_Format_IKU_2026_TW2.xlsx", terlambat)
        assert _cli(kerja, "himpun", "--tanpa-imap", "--periode", periode) == 0

    penerimaan = {r["Berkas"]: r for r in baris_sheet(master, skema.PENERIMAAN)}
    for tw, periode in enumerate(PERIODE, start=1):
        r = penerimaan[f"ekon_tw{tw}.xlsx"]
        assert (r["Status"], r["Periode"]) == ("Diterima", periode)
    terlambat_row = penerimaan["ekon_tw2_revisi.xlsx"]
    assert (terlambat_row["Status"], terlambat_row["Periode"]) == ("Ditolak", "TW III")
    assert terlambat_row["Catatan"].startswith("PERIODE_SALAH")
    [salah] = [
        r for r in baris_sheet(master, skema.VALIDASI) if r["Berkas"] == "ekon_tw2_revisi.xlsx"
    ]
    assert (salah["Tingkat"], salah["Kode Masalah"]) == ("Blokir", "PERIODE_SALAH")

    # the quarters as LibreOffice saved them, one row per indicator and quarter
    tw_rows = [r for r in baris_sheet(master, skema.TRIWULAN) if r["Kode Bagian"] == "EKON"]
    per_tw = {(r["Kode IKU"], r["Periode"]): r for r in tw_rows}
    assert len(tw_rows) == 16
    for kode, nilai in TRIWULAN.items():
        for periode, v in zip(PERIODE, nilai, strict=True):
            assert per_tw[(kode, periode)]["Realisasi"] == pytest.approx(v), (kode, periode)
    for periode, juta in zip(PERIODE, ANGGARAN_EKON_03, strict=True):
        r = per_tw[("IKU-EKON-03", periode)]
        assert r["Realisasi Anggaran"] == juta
        assert r["Bukti"] == f"daftar_kegiatan_tw{PERIODE.index(periode) + 1}.pdf"
    # the yearly realisation of the Bagian sheet is never written by a quarterly round
    assert all(r["Realisasi"] is None for r in baris_sheet(master, "EKON"))

    # the year from its quarters, by each indicator's rule, against the hand-computed figures
    for kode, cara in CARA.items():
        nilai = [per_tw[(kode, p)]["Realisasi"] for p in PERIODE]
        tahun = realisasi_tahunan(nilai, cara)
        assert tahun.lengkap and tahun.nilai == pytest.approx(TAHUN_DENGAN_TANGAN[kode]), kode

    # step 7 makes the same year from the quarters (the yearly cells are empty) and measures
    # each quarter against its pro-rated target
    assert _cli(kerja, "analisis", "--periode", "TW IV") == 0
    analisis = {
        r["Kode IKU"]: r for r in baris_sheet(master, skema.ANALISIS) if r["Kode Bagian"] == "EKON"
    }
    capaian_tahun = {  # by hand: R/T, a range's value within it 100
        "IKU-EKON-01": 100,  # 1,5 within the target range 1,5–3,5
        "IKU-EKON-02": 98 / 100 * 100,  # 98
        "IKU-EKON-03": 26 / 24 * 100,  # 108,33
        "IKU-EKON-04": 4 / 4 * 100,  # 100
    }
    for kode, tahun_ in TAHUN_DENGAN_TANGAN.items():
        r = analisis[kode]
        assert r["Realisasi"] == pytest.approx(tahun_), kode
        assert "dari triwulan" in r["Status Data"], kode
        assert r["Capaian (%)"] == pytest.approx(capaian_tahun[kode]), kode
    per_tw_analisis = {
        (r["Kode IKU"], r["Periode"]): r
        for r in baris_sheet(master, skema.ANALISIS_TRIWULAN)
        if r["Kode Bagian"] == "EKON"
    }
    tw2 = {  # (target of TW II pro-rated, capaian) by hand
        "IKU-EKON-01": (1.5, 100),  # Rata-rata: T; 1,8 within the range 1,5–3,5
        "IKU-EKON-02": (100 * 2 / 4, 45 / 50 * 100),  # Kumulatif: T·2/4; 90
        "IKU-EKON-03": (24 / 4, 6 / 6 * 100),  # Jumlah: T/4; 100
        "IKU-EKON-04": (4, 2 / 4 * 100),  # Terakhir: T; 50
    }
    for kode, (target, capaian) in tw2.items():
        r = per_tw_analisis[(kode, "TW II")]
        assert r["Target Periode"] == pytest.approx(target), kode
        assert r["Capaian (%)"] == pytest.approx(capaian), kode
    assert len([k for k in per_tw_analisis if k[1] == "TW IV"]) == 4
