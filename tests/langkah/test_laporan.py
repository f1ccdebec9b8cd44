"""The quarterly monitoring report (`pyxl laporan`, button Laporan Triwulan), read back as the
Kepala Bagian reads it: python-docx for the tables, LibreOffice's PDF for the pages.

The master is filled directly (no analysis step): `Analisis Triwulan` for TW II (and a TW I
row that must not count), `Penerimaan` with one Bagian late, `Pengiriman` with the round's
formats and reminders. Every expected figure below is computed by hand from those rows and
the sample's `Pagu Anggaran`."""

from __future__ import annotations

import re
import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from test_openxml_audit import FORMAT
from test_openxml_audit import _galat as galat_openxml
from test_undangan import teks_docx

from bantu import atur, baris_sheet, tambah_baris_sheet
from conftest import sidik_folder, tombol_terhubung
from libreoffice import halaman_png, konversi, teks_halaman
from pyxl.cli import main
from pyxl.kontrak import kendali, skema
from pyxl.kontrak.keluaran import LAPORAN_TRIWULAN
from remote import klik

TW2 = "TW II"
TANGGAL = ["--tanggal", "10 Juli 2026"]
KABAG = "Hendri Gunawan Saleh, S.E., M.M."
LAPORAN = "Laporan_Pemantauan_TW2_2026.docx"
RENDAH = {
    "IKU-EKON-03": {"Target Periode": 50, "Realisasi": 25, "Capaian (%)": 50.0,
                    "Kategori": "Sangat Rendah", "Tren": "turun",
                    "Dasar Target": "2/4 target tahunan (prorata s.d. TW II)"},
    "IKU-TAPEM-02": {"Target Periode": 30, "Realisasi": 21, "Capaian (%)": 70.0,
                     "Kategori": "Sedang", "Tren": "naik", "Dasar Target": "target TW II"},
}  # fmt: skip
"""The two indicators off track (capaian under the default 75)."""
SESUAI = {
    "IKU-KESRA-03": {"Capaian (%)": 75.0},  # exactly the threshold: not under it
    "IKU-UMUM-01": {"Capaian (%)": 95.0},  # off track only in TW I, below
    "IKU-ORG-02": {"Realisasi": None, "Capaian (%)": None, "Kategori": None},  # not reported
}
ANGGARAN = {
    "IKU-TAPEM-01": 200_000_000,
    "IKU-TAPEM-02": 500_000_000,
    "IKU-TAPEM-03": 100_000_000,
    "IKU-TAPEM-04": 212_000_000,
    "IKU-EKON-03": 300_000_000,
}
"""Realisasi Anggaran up to TW II (all other indicators: not reported)."""
TERLAMBAT = "HUKUM"


def _isi(master: Path) -> None:
    """Analisis Triwulan, Penerimaan and Pengiriman of a TW II round (see the module doc)."""
    analisis: list[dict[str, Any]] = []
    terima: list[dict[str, Any]] = []
    kirim: list[dict[str, Any]] = []
    for b in baris_sheet(master, skema.BAGIAN):
        kode = b["Kode"]
        kirim.append(
            {"Waktu": datetime(2026, 7, 1, 9, 0), "Langkah": 3, "Kode Bagian": kode,
             "Perihal": f"[IKU-2026][{kode}] Format", "Status": "Terkirim", "Periode": TW2}
        )  # fmt: skip
        if kode == TERLAMBAT:
            for tgl, langkah, status, periode in [
                (datetime(2026, 4, 10), 6, "Terkirim", "TW I"),  # another round's reminder
                (datetime(2026, 7, 5), 6, "Draf", TW2),
                (datetime(2026, 7, 6), 6, "Gagal", TW2),  # never left
                (datetime(2026, 7, 8, 8, 30), 6, "Terkirim", TW2),
            ]:
                kirim.append(
                    {"Waktu": tgl, "Langkah": langkah, "Kode Bagian": kode, "Status": status,
                     "Periode": periode}
                )  # fmt: skip
            terima += [
                {"Waktu": datetime(2026, 7, 3), "Berkas": "a.xlsx", "Kode Bagian": kode,
                 "Status": "Ditolak", "Periode": TW2},
                {"Waktu": datetime(2026, 4, 3), "Berkas": "b.xlsx", "Kode Bagian": kode,
                 "Status": "Diterima", "Periode": "TW I"},
                {"Waktu": datetime(2026, 1, 3), "Berkas": "c.xlsx", "Kode Bagian": kode,
                 "Status": "Diterima", "Periode": None},
            ]  # fmt: skip
            continue
        status = "Menggantikan" if kode == "PBJ" else "Diterima"
        terima.append(
            {"Waktu": datetime(2026, 7, 4), "Berkas": f"{kode}.xlsx", "Kode Bagian": kode,
             "Status": status, "Periode": "TW2"}
        )  # fmt: skip
        for r in baris_sheet(master, kode):
            iku = r["Kode IKU"]
            rec = {
                "Kode Bagian": kode, "Kode IKU": iku, "Indikator Kinerja": r["Indikator Kinerja"],
                "Satuan": r["Satuan"], "Polaritas": r["Polaritas"], "Periode": TW2,
                "Target Periode": 100, "Dasar Target": "target tahunan", "Realisasi": 90,
                "Capaian (%)": 90.0, "Kategori": "Tinggi", "Tren": "tetap",
                "Realisasi Anggaran": ANGGARAN.get(iku),
            }  # fmt: skip
            analisis.append(rec | RENDAH.get(iku, {}) | SESUAI.get(iku, {}))
    analisis += [
        {"Kode Bagian": "UMUM", "Kode IKU": "IKU-UMUM-01", "Indikator Kinerja": "UMUM satu",
         "Periode": "TW I", "Realisasi": 7, "Capaian (%)": 10.0, "Realisasi Anggaran": 9e9},
        {"Kode Bagian": "PBJ", "Kode IKU": "IKU-PBJ-01", "Indikator Kinerja": "PBJ satu",
         "Periode": "TW I", "Realisasi": 2, "Capaian (%)": 20.0},
    ]  # fmt: skip
    tambah_baris_sheet(master, skema.ANALISIS_TRIWULAN, analisis)
    tambah_baris_sheet(master, skema.PENERIMAAN, terima)
    tambah_baris_sheet(master, skema.PENGIRIMAN, kirim)


@pytest.fixture
def terisi(master: Path) -> Path:
    _isi(master)
    return master


def _tabel(berkas: Path, judul: str) -> list[list[str]]:
    """The rows of the table whose header row has a cell `judul` (each cell's text)."""
    d = docx.Document(str(berkas))
    for t in d.tables:
        if judul in [c.text for c in t.rows[0].cells]:
            return [[c.text for c in r.cells] for r in t.rows]
    raise AssertionError(f"tidak ada tabel dengan kolom {judul}")


def _jalankan(master: Path, *opsi: str) -> int:
    return main(["laporan", "--workbook", str(master), *opsi])


def test_the_report_of_tw_ii_lists_off_track_indicators_late_bagian_and_budget(
    terisi: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sebelum = sidik_folder(terisi.parent)
    capsys.readouterr()
    assert _jalankan(terisi, "--periode", "TW II", *TANGGAL) == 0
    keluar = capsys.readouterr().out
    berkas = terisi.parent / "dokumen" / LAPORAN
    assert f"dokumen/{LAPORAN}" in keluar
    assert "2 indikator di bawah 75%" in keluar and "1 Bagian belum" in keluar
    sesudah = sidik_folder(terisi.parent)
    assert set(sesudah) - set(sebelum) == {f"dokumen/{LAPORAN}"}
    assert all(sesudah[k] == v for k, v in sebelum.items()), "the workbook is not changed"

    teks = teks_docx(berkas)
    assert "LAPORAN PEMANTAUAN CAPAIAN KINERJA" in teks
    assert "TRIWULAN II (APRIL–JUNI) TAHUN 2026" in teks
    assert "Periode\n:\nTriwulan II (April–Juni) 2026 (TW II)" in teks
    # (b) 43 indicators expected, 37 reported (HUKUM's 5 missing, IKU-ORG-02 empty); mean of
    # 33 × 90, 50, 70, 75 and 95 = 3260 / 37
    for label, nilai in [
        ("Bagian yang telah menyampaikan data", "9 dari 10 Bagian"),
        ("Indikator yang dilaporkan", "37 dari 43 indikator (86,05%)"),
        ("Rata-rata capaian triwulan", "88,11% (Tinggi)"),
        ("Indikator dengan capaian di bawah 75%", "2 indikator"),
        ("Bagian yang belum menyampaikan data", "1 Bagian"),
        ("Serapan anggaran s.d. TW II", "4,43%"),
    ]:
        assert f"{label}\n:\n{nilai}" in teks, label

    # (c) worst first; on-track ones (75 exactly, a TW I figure) are not listed
    rendah = _tabel(berkas, "Indikator Kinerja")
    assert rendah[0] == [
        "No", "Bagian", "Indikator Kinerja", "Target Triwulan", "Realisasi", "Capaian", "Tren"
    ]  # fmt: skip
    assert len(rendah) == 3
    ekon, tapem = rendah[1], rendah[2]
    assert ekon[0] == "1" and ekon[1] == "Perekonomian dan Sumber Daya Alam"
    assert ekon[2].endswith("\nIKU-EKON-03")
    assert ekon[3:] == [
        "50 Kegiatan\n2/4 target tahunan (prorata s.d. TW II)", "25 Kegiatan",
        "50,00%\nSangat Rendah", "Turun",
    ]  # fmt: skip
    assert tapem[0] == "2" and tapem[1] == "Tata Pemerintahan"
    assert tapem[2].startswith("Persentase kampung yang batas wilayahnya")
    assert tapem[3:] == ["30%\ntarget TW II", "21%", "70,00%\nSedang", "Naik"]
    isi_rendah = "\n".join("\n".join(r) for r in rendah)
    for iku in ("IKU-KESRA-03", "IKU-UMUM-01", "IKU-PBJ-01", "IKU-ORG-02", "IKU-HUKUM-01"):
        assert iku not in isi_rendah, iku

    # (d) HUKUM only: its TW II return was refused, its TW I and yearly ones do not count
    lambat = _tabel(berkas, "Pengingat")
    assert lambat == [
        ["No", "Bagian", "Format Dikirim", "Pengingat"],
        ["1", "Bagian Hukum\nHUKUM", "1 Juli 2026", "2 kali, terakhir 8 Juli 2026"],
    ]

    # (e) pagu of each Bagian's indicators (sample data) against the TW II realisation
    dana = {r[1]: r[2:] for r in _tabel(berkas, "Pagu Anggaran")[1:]}
    assert len(dana) == 11
    assert dana["Tata Pemerintahan"] == [
        "Rp2.200.000.000,00", "Rp1.012.000.000,00", "46,00%", "Rp1.188.000.000,00"
    ]  # fmt: skip
    assert dana["Perekonomian dan Sumber Daya Alam"] == [
        "Rp1.800.000.000,00", "Rp300.000.000,00", "16,67%", "Rp1.500.000.000,00"
    ]  # fmt: skip
    assert dana["Kesejahteraan Rakyat"] == ["Rp5.400.000.000,00", "-", "-", "-"]
    assert dana["Jumlah"] == [
        "Rp29.600.000.000,00", "Rp1.312.000.000,00", "4,43%", "Rp28.288.000.000,00"
    ]  # fmt: skip
    assert "EKON (3 dari 4 indikator)" in teks and "HUKUM (5 dari 5 indikator)" in teks
    assert "TAPEM (" not in teks

    # (f) signed by the Kepala Bagian, as the other documents
    assert "Blambangan Umpu, 10 Juli 2026\nKEPALA BAGIAN PERENCANAAN DAN KEUANGAN," in teks
    assert f"{KABAG}\nPembina (IV/a)\nNIP 19771203 200301 1 005" in teks
    assert "{{" not in teks and "{%" not in teks

    # valid Open XML as Microsoft's SDK validates it (Word opens it without repair)
    assert [g for f in FORMAT for g in galat_openxml(berkas, f)] == []

    d = docx.Document(str(berkas))
    s = d.sections[0]
    assert [round(x.cm, 1) for x in (s.page_width, s.page_height, s.left_margin)] == [
        21.0, 29.7, 3.0
    ]  # fmt: skip
    assert d.styles["Normal"].font.name == "Arial"


def test_the_threshold_setting_decides_which_indicators_are_listed(terisi: Path) -> None:
    atur(terisi, skema.PENGATURAN, "Ambang Capaian Triwulan (%)", {"Nilai": 60})
    assert _jalankan(terisi, "--periode", "tw2", *TANGGAL) == 0
    berkas = terisi.parent / "dokumen" / LAPORAN
    rendah = _tabel(berkas, "Indikator Kinerja")
    assert [r[2].rsplit("\n", 1)[-1] for r in rendah[1:]] == ["IKU-EKON-03"]
    teks = teks_docx(berkas)
    assert "Indikator dengan capaian di bawah 60%\n:\n1 indikator" in teks

    # nothing under the threshold and every Bagian in: sentences instead of empty tables
    atur(terisi, skema.PENGATURAN, "Ambang Capaian Triwulan (%)", {"Nilai": 40})
    tambah_baris_sheet(
        terisi,
        skema.PENERIMAAN,
        [{"Kode Bagian": TERLAMBAT, "Status": "Diterima", "Periode": TW2, "Berkas": "d.xlsx"}],
    )
    assert _jalankan(terisi, "--periode", TW2, *TANGGAL) == 0
    kedua = berkas.with_name("Laporan_Pemantauan_TW2_2026_2.docx")
    assert LAPORAN_TRIWULAN.cocok(kedua.name)
    teks_kedua = teks_docx(kedua)
    assert "Tidak ada indikator dengan capaian TW II di bawah 40%." in teks_kedua
    assert "Semua Bagian telah menyampaikan data TW II." in teks_kedua
    assert "Bagian yang telah menyampaikan data\n:\n10 dari 10 Bagian" in teks_kedua
    for judul in ("Indikator Kinerja", "Pengingat"):
        with pytest.raises(AssertionError, match="tidak ada tabel"):
            _tabel(kedua, judul)
    assert [g for f in FORMAT for g in galat_openxml(kedua, f)] == []
    assert teks_docx(berkas) == teks, "the earlier report is kept as it was"


@pytest.mark.parametrize("nilai", ["tujuh puluh", "0", "-5"])
def test_an_unusable_threshold_names_its_cell(
    terisi: Path, nilai: str, capsys: pytest.CaptureFixture[str]
) -> None:
    atur(terisi, skema.PENGATURAN, "Ambang Capaian Triwulan (%)", {"Nilai": nilai})
    sebelum = sidik_folder(terisi.parent)
    assert _jalankan(terisi, "--periode", TW2) == 1
    err = capsys.readouterr().err
    assert "Pengaturan 'Ambang Capaian Triwulan (%)'" in err and "sheet Pengaturan sel B" in err
    assert sidik_folder(terisi.parent) == sebelum


def test_a_yearly_round_is_refused_with_what_to_do(
    terisi: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sebelum = sidik_folder(terisi.parent)
    sel = f"C{kendali.baris_isian('Periode')}"
    assert _jalankan(terisi) == 1  # Kendali's Periode empty: Tahunan
    err = capsys.readouterr().err
    assert f"sel Periode di sheet Kendali ({sel}) kosong atau berisi Tahunan" in err
    assert "TW I, TW II, TW III atau TW IV" in err and "Laporan Triwulan" in err
    assert 'pyxl laporan --periode "TW II"' in err and "Tidak ada yang diubah" in err
    assert "Traceback" not in err
    assert _jalankan(terisi, "--periode", "Tahunan") == 1
    assert "opsi --periode berisi Tahunan" in capsys.readouterr().err
    assert sidik_folder(terisi.parent) == sebelum


def test_a_round_not_analysed_yet_says_to_run_the_analysis_first(
    terisi: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sebelum = sidik_folder(terisi.parent)
    assert _jalankan(terisi, "--periode", "TW III") == 1
    err = capsys.readouterr().err
    assert "Sheet Analisis Triwulan belum berisi hasil analisis TW III" in err
    assert "Analisis Capaian dengan Periode TW III" in err
    assert 'pyxl analisis --periode "TW III"' in err
    assert sidik_folder(terisi.parent) == sebelum


def test_without_periode_the_command_reads_the_periode_cell_of_kendali(terisi: Path) -> None:
    _periode_kendali(terisi, "Triwulan II")
    assert _jalankan(terisi, *TANGGAL) == 0
    berkas = terisi.parent / "dokumen" / LAPORAN
    assert "TRIWULAN II (APRIL–JUNI) TAHUN 2026" in teks_docx(berkas)


def test_a_return_merged_after_the_analysis_is_pointed_out(
    terisi: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tambah_baris_sheet(
        terisi,
        skema.TRIWULAN,
        [
            {"Kode Bagian": "TAPEM", "Kode IKU": "IKU-TAPEM-01", "Periode": TW2, "Realisasi": 90},
            {"Kode Bagian": "EKON", "Kode IKU": "IKU-EKON-03", "Periode": TW2, "Realisasi": 40},
            {"Kode Bagian": "EKON", "Kode IKU": "IKU-EKON-03", "Periode": "TW I", "Realisasi": 1},
        ],
    )
    capsys.readouterr()
    assert _jalankan(terisi, "--periode", TW2, *TANGGAL) == 0
    keluar = capsys.readouterr().out
    assert "PERHATIAN: realisasi TW II di sheet Triwulan berubah setelah analisis untuk 1 " in (
        keluar
    )
    assert "(EKON/IKU-EKON-03)" in keluar


def test_the_button_resolves(terisi: Path) -> None:
    tombol_terhubung(terisi)
    tombol_terhubung(Path(skema.__file__).parents[2] / "workbook" / skema.NAMA_MASTER)


def test_the_report_as_printed(terisi: Path, tmp_path: Path, keluaran: Path) -> None:
    """LibreOffice's PDF: two A4 pages, the figures where a reader looks for them."""
    assert _jalankan(terisi, "--periode", TW2, *TANGGAL) == 0
    pdf = konversi(terisi.parent / "dokumen" / LAPORAN, "pdf", tmp_path)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert re.search(r"^Pages:\s+2$", info.stdout, re.M), info.stdout
    assert re.search(r"^Page size:.*\(A4\)$", info.stdout, re.M), info.stdout
    satu, dua = teks_halaman(pdf, 1), teks_halaman(pdf, 2)
    assert "PEMERINTAH KABUPATEN WAY KANAN" in satu
    assert "LAPORAN PEMANTAUAN CAPAIAN KINERJA" in satu
    assert "IKU-EKON-03" in satu and "50,00%" in satu and "Turun" in satu
    assert "Bagian Hukum" in satu and "2 kali, terakhir 8 Juli 2026" in satu
    semua = satu + dua
    assert "Rp29.600.000.000,00" in semua and "Rp28.288.000.000,00" in semua
    # the signature block closes the report, on its last page
    assert KABAG in dua and "NIP 19771203 200301 1 005" in dua
    assert dua.index("E. Penutup") < dua.index(KABAG)
    for n in (1, 2):
        halaman_png(pdf, n, keluaran / f"{pdf.stem}-{n}.png")


def _periode_kendali(master: Path, nilai: str | None) -> None:
    wb = openpyxl.load_workbook(master, keep_vba=True)
    sel = wb[skema.KENDALI].cell(kendali.baris_isian("Periode"), kendali.KOLOM_ISIAN_NILAI)
    sel.value = nilai
    wb.save(master)


def test_the_button_writes_the_report_through_the_live_workbook(
    terisi: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through xlwings (numbers and dates as Excel hands them): the report of Kendali's round,
    one message, and not one write to the workbook."""
    _periode_kendali(terisi, "TW II")
    aksi = klik(terisi, "laporan", monkeypatch)
    assert not [a for a in aksi if a["func"] in ("setValues", "rangeClearContents")]
    [pesan] = [a["args"][0] for a in aksi if a["func"] == "alert"]
    assert f"dokumen/{LAPORAN}" in pesan and "2 indikator di bawah 75%" in pesan
    berkas = terisi.parent / "dokumen" / LAPORAN
    assert _tabel(berkas, "Pengingat")[1][2:] == ["1 Juli 2026", "2 kali, terakhir 8 Juli 2026"]
    assert "Rp1.312.000.000,00" in teks_docx(berkas)


def test_the_button_on_a_yearly_round_says_what_to_fill(
    terisi: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    aksi = klik(terisi, "laporan", monkeypatch)
    [pesan] = [a["args"][0] for a in aksi if a["func"] == "alert"]
    assert "sel Periode di sheet Kendali" in pesan and "Tidak ada yang diubah" in pesan
    assert not (terisi.parent / "dokumen" / LAPORAN).exists()
