"""Step 7 through the year: `pyxl analisis --periode "TW I"` … `"TW IV"` on a master whose
sheet Triwulan fills quarter by quarter, then the yearly round and the Dokumen IKU.

Bagian Perencanaan dan Keuangan (RENKEU) monitors four indicators, one per `Cara Tahunan`;
every expected figure below is computed by hand and written as a literal.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from PIL import Image

from bantu import atur, baris_sheet
from conftest import AKAR
from libreoffice import halaman_png, konversi, teks_halaman
from pyxl.buku.tabel import baca_tabel, tulis_tabel
from pyxl.buku.xlsm import buka
from pyxl.cli import main
from pyxl.kontrak import skema

TW = ("TW I", "TW II", "TW III", "TW IV")
A, B, C, D = (f"IKU-RENKEU-0{n}" for n in range(1, 5))
INDIKATOR = {
    # serapan anggaran: each quarter reports the year to date
    A: {"Satuan": "%", "Polaritas": "Positif", "Target": 95, "Cara Tahunan": "Kumulatif"}
    | {"Indikator Kinerja": "Persentase serapan anggaran belanja", "Pagu Anggaran": 1e9},
    # produk hukum difasilitasi: each quarter its own count
    B: {"Satuan": "dokumen", "Polaritas": "Positif", "Target": 24, "Cara Tahunan": "Jumlah"}
    | {"Indikator Kinerja": "Jumlah produk hukum keuangan yang difasilitasi"},
    # indeks kepuasan layanan: measured every quarter
    C: {"Satuan": "indeks", "Polaritas": "Positif", "Target": 82, "Cara Tahunan": "Rata-rata"}
    | {"Indikator Kinerja": "Indeks kepuasan layanan keuangan", "Perlu Bukti": "Ya"},
    # rasio temuan belum ditindaklanjuti: the level at the quarter's end, lower is better
    D: {"Satuan": "%", "Polaritas": "Negatif", "Target": 10, "Cara Tahunan": "Terakhir"}
    | {"Indikator Kinerja": "Rasio temuan yang belum ditindaklanjuti"},
}
REALISASI = {A: [18.5, 41.2, 67.9, 96.3], B: [4, 7, 5, 9], C: [81.2, 83.0, 82.4, 84.6]}
REALISASI[D] = [14, 12, 9, 8]
ANGGARAN_A = [185_000_000, 412_000_000, 679_000_000, 963_000_000]
TARGET_C_TW4 = 84
"""C's own TW IV target, typed by staff in sheet Triwulan."""

# Capaian per quarter, by hand (R / T x 100, negative (2T - R) / T x 100):
# A against 95 pro-rated s.d. the quarter: 18.5/23.75, 41.2/47.5, 67.9/71.25, 96.3/95
# B against 24 / 4 = 6 each quarter: 4/6, 7/6, 5/6, 9/6
# C against the level 82, TW IV its own 84: 81.2/82, 83/82, 82.4/82, 84.6/84
# D against 10: (20-14)/10, (20-12)/10, (20-9)/10, (20-8)/10
CAPAIAN = {
    A: [77.89473684210526, 86.73684210526316, 95.29824561403508, 101.36842105263158],
    B: [66.66666666666667, 116.66666666666667, 83.33333333333334, 150.0],
    C: [99.02439024390245, 101.21951219512195, 100.48780487804878, 100.71428571428572],
    D: [60.0, 80.0, 110.0, 120.0],
}
KATEGORI = {
    A: ["Tinggi", "Tinggi", "Sangat Tinggi", "Sangat Tinggi"],
    B: ["Sedang", "Sangat Tinggi", "Tinggi", "Sangat Tinggi"],
    C: ["Sangat Tinggi"] * 4,
    D: ["Rendah", "Tinggi", "Sangat Tinggi", "Sangat Tinggi"],
}
# C: +2.20, -0.73, +0.23 points (within 0.5: tetap); B: +50, -33.3, +66.7
TREN = {
    A: [None, "naik", "naik", "naik"],
    B: [None, "naik", "turun", "naik"],
    C: [None, "naik", "turun", "tetap"],
    D: [None, "naik", "naik", "naik"],
}
DASAR = {
    A: [f"{n}/4 target tahunan 95 (prorata s.d. {t})" for n, t in enumerate(TW, 1)],
    B: [f"1/4 target tahunan 24 (prorata {t})" for t in TW],
    C: ["target tahunan 82"] * 3 + ["target TW IV (sheet Triwulan)"],
    D: ["target tahunan 10"] * 4,
}
# The year made from the quarters reported by round n (A the last year-to-date value; B the
# sum; C the mean; D the last level), and its capaian against the yearly target:
TAHUNAN = {
    1: {A: (18.5, 19.473684210526315), B: (4, 16.666666666666664)}
    | {C: (81.2, 99.02439024390245), D: (14, 60.0)},
    2: {A: (41.2, 43.36842105263158), B: (11, 45.83333333333333)}  # 4+7; (81.2+83)/2
    | {C: (82.1, 100.1219512195122), D: (12, 80.0)},
    3: {A: (67.9, 71.47368421052633), B: (16, 66.66666666666666)}  # 4+7+5; 246.6/3
    | {C: (82.2, 100.2439024390244), D: (9, 110.0)},
    4: {A: (96.3, 101.36842105263158), B: (25, 104.16666666666667)}  # 25; 331.2/4
    | {C: (82.8, 100.97560975609755), D: (8, 120.0)},
}
CATATAN = {
    2: {
        A: "s.d. TW II (TW III, TW IV belum ada); anggaran s.d. TW II",
        B: "jumlah TW I, TW II (TW III, TW IV belum ada)",
        C: "rata-rata TW I, TW II (TW III, TW IV belum ada)",
        D: "nilai terakhir, TW II (TW III, TW IV belum ada)",
    },
    4: {
        A: "s.d. TW IV; anggaran s.d. TW IV",
        B: "jumlah TW I–IV",
        C: "rata-rata TW I–IV",
        D: "nilai terakhir, TW IV",
    },
}
# Rekap: the mean of RENKEU's four capaian in each quarter (the other Bagian report none)
# TW I (77.8947 + 66.6667 + 99.0244 + 60) / 4; TW II (86.7368 + 116.6667 + 101.2195 + 80) / 4
# TW III (95.2982 + 83.3333 + 100.4878 + 110) / 4; TW IV (101.3684 + 150 + 100.7143 + 120) / 4
REKAP_TW = [75.89644843816859, 96.15575524176295, 97.2798459563543, 118.02067669172932]
# evidence: C needs it (Perlu Bukti Ya) and has a file for TW I only; A and B share one
# accepted TW II file; a refused file is not counted
BUKTI = {A: [None, 1, None, None], B: [None, 1, None, None], C: [1, 0, 0, 0], D: [None] * 4}


def _siapkan(master: Path) -> None:
    """RENKEU's first four indicators become the four above (their other columns, the
    Sasaran and the IKU Setda links, stay the sample's); the evidence ledger gets its rows."""
    with buka(master) as buku:
        rows = baca_tabel(buku, "RENKEU", skema.KOLOM_INDIKATOR)
        kosong = ("Target Atas", "Realisasi", "Realisasi Anggaran", "Rumus Capaian", "Skala")
        for r in rows:
            if r["Kode IKU"] in INDIKATOR:
                r.update(dict.fromkeys(kosong) | INDIKATOR[r["Kode IKU"]])
        tulis_tabel(buku, "RENKEU", skema.KOLOM_INDIKATOR, rows)
        dukung = [
            {"Berkas": "sp2d_tw2.pdf", "Kode IKU": f"{A}; {B}", "Periode": "TW II"},
            {"Berkas": "palsu.pdf", "Kode IKU": A, "Periode": "TW II", "Status": "Ditolak"},
            {"Berkas": "survei_tw1.pdf", "Kode IKU": C, "Periode": "TW I"},
        ]
        dukung = [{"Kode Bagian": "RENKEU", "Status": "Diterima"} | r for r in dukung]
        tulis_tabel(buku, skema.DATA_DUKUNG, skema.KOLOM_DATA_DUKUNG, dukung)
        buku.simpan()


def _tulis_tw(master: Path, n: int) -> None:
    """Quarter n of the four indicators into sheet Triwulan, as `himpun --periode` writes it
    (C's own TW IV target typed beside it)."""
    with buka(master) as buku:
        rows = baca_tabel(buku, skema.TRIWULAN)
        for iku, nilai in REALISASI.items():
            r = {"Kode Bagian": "RENKEU", "Kode IKU": iku, "Periode": TW[n - 1]}
            r["Realisasi"] = nilai[n - 1]
            r["Realisasi Anggaran"] = ANGGARAN_A[n - 1] if iku == A else None
            r["Target"] = TARGET_C_TW4 if (iku, n) == (C, 4) else None
            r["Berkas"] = f"RENKEU_Format_IKU_2026_TW{n}.xlsx"
            rows.append(r)
        tulis_tabel(buku, skema.TRIWULAN, skema.KOLOM_TRIWULAN, rows)
        buku.simpan()


def _analisis(master: Path, *periode: str) -> int:
    return main(
        ["analisis", "--workbook", str(master), *(("--periode", *periode) if periode else ())]
    )


@pytest.fixture
def renkeu(master: Path) -> Path:
    _siapkan(master)
    return master


def test_four_rounds_quarter_by_quarter(renkeu: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a round before any quarterly return: every indicator listed, nothing computed, never 0
    assert _analisis(renkeu, "TW I") == 0
    tw = baris_sheet(renkeu, skema.ANALISIS_TRIWULAN)
    assert len(tw) == sum(len(baris_sheet(renkeu, k)) for k in _kode_bagian(renkeu))
    assert {r["Periode"] for r in tw} == {"TW I"}
    assert all(r["Realisasi"] is None and r["Capaian (%)"] is None for r in tw)
    capsys.readouterr()
    for n in range(1, 5):
        _tulis_tw(renkeu, n)
        assert _analisis(renkeu, f"tw{n}") == 0  # typed as staff type it
        keluar = capsys.readouterr().out
        assert f"Putaran {TW[n - 1]}: rata-rata capaian TW I 75,90%" in keluar
        tw = [r for r in baris_sheet(renkeu, skema.ANALISIS_TRIWULAN) if r["Kode IKU"] in CAPAIAN]
        assert [(r["Kode IKU"], r["Periode"]) for r in tw] == [
            (iku, TW[k]) for iku in CAPAIAN for k in range(n)
        ], "each indicator, TW I up to the round's quarter"
        for iku in CAPAIAN:
            rows = [r for r in tw if r["Kode IKU"] == iku]
            assert [r["Capaian (%)"] for r in rows] == pytest.approx(CAPAIAN[iku][:n]), iku
            assert [r["Kategori"] for r in rows] == KATEGORI[iku][:n], iku
            assert [r["Tren"] for r in rows] == TREN[iku][:n], iku
            assert [r["Dasar Target"] for r in rows] == DASAR[iku][:n], iku
            assert [r["Realisasi"] for r in rows] == pytest.approx(REALISASI[iku][:n]), iku
            assert [r["Bukti"] for r in rows] == BUKTI[iku][:n], iku
            assert {r["Cara Tahunan"] for r in rows} == {INDIKATOR[iku]["Cara Tahunan"]}
        serapan = [r["Serapan Anggaran (%)"] for r in tw if r["Kode IKU"] == A]
        assert serapan == pytest.approx([18.5, 41.2, 67.9, 96.3][:n])
        # the yearly analysis: each Realisasi made from the quarters so far, and said so
        analisis = {r["Kode IKU"]: r for r in baris_sheet(renkeu, skema.ANALISIS)}
        for iku, (realisasi, capaian) in TAHUNAN[n].items():
            assert analisis[iku]["Realisasi"] == pytest.approx(realisasi), (n, iku)
            assert analisis[iku]["Capaian (%)"] == pytest.approx(capaian), (n, iku)
            assert analisis[iku]["Status Data"].startswith("Ada data, dari triwulan: ")
            if n in CATATAN:
                assert analisis[iku]["Status Data"].endswith(CATATAN[n][iku]), (n, iku)
        assert analisis[A]["Realisasi Anggaran"] == ANGGARAN_A[n - 1]
        # Rekap: the quarters so far side by side, for RENKEU and the whole Setda
        rekap = {r["Kode Bagian"]: r for r in baris_sheet(renkeu, skema.REKAP)}
        for kode in ("RENKEU", "SETDA"):
            per_tw = [rekap[kode][k] for k in skema.KOLOM_REKAP_TW]
            assert per_tw[:n] == pytest.approx(REKAP_TW[:n]) and per_tw[n:] == [None] * (4 - n)
        assert rekap["TAPEM"]["Capaian TW I (%)"] is None, "no quarter reported: empty, not 0"
    # the Bagian sheet keeps its empty yearly Realisasi: the derived year is never written back
    assert {r["Kode IKU"]: r["Realisasi"] for r in baris_sheet(renkeu, "RENKEU")}[A] is None
    with zipfile.ZipFile(renkeu) as z:
        numerik = z.read(_bagian_sheet(z, skema.ANALISIS_TRIWULAN))
    assert b"<f>" not in numerik, "values, not formulas"


def test_the_yearly_round_lists_every_quarter_and_a_yearly_value_wins(
    renkeu: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for n in range(1, 5):
        _tulis_tw(renkeu, n)
    atur(renkeu, "RENKEU", B, {"Realisasi": 26})  # the Tahunan return of B
    assert _analisis(renkeu) == 0  # Kendali's Periode is empty: the yearly round
    assert "Triwulan: rata-rata capaian TW I 75,90%, TW II 96,16%" in capsys.readouterr().out
    tw = [r for r in baris_sheet(renkeu, skema.ANALISIS_TRIWULAN) if r["Kode IKU"] == B]
    assert [r["Periode"] for r in tw] == list(TW)
    analisis = {r["Kode IKU"]: r for r in baris_sheet(renkeu, skema.ANALISIS)}
    # B: 26 / 24 = 108.33 %, its own; the others still from their quarters
    assert analisis[B]["Realisasi"] == 26 and analisis[B]["Status Data"] == "Ada data"
    assert analisis[B]["Capaian (%)"] == pytest.approx(108.33333333333333)
    assert analisis[C]["Realisasi"] == pytest.approx(82.8)


def test_a_quarter_that_cannot_be_read_is_a_finding_in_its_cell_of_sheet_triwulan(
    renkeu: Path,
) -> None:
    _tulis_tw(renkeu, 1)
    with buka(renkeu) as buku:
        rows = baca_tabel(buku, skema.TRIWULAN)
        [b] = [r for r in rows if r["Kode IKU"] == B]
        b["Realisasi"] = "empat"
        tulis_tabel(buku, skema.TRIWULAN, skema.KOLOM_TRIWULAN, rows)
        buku.simpan()
    assert _analisis(renkeu, "TW I") == 0
    temuan = [
        r for r in baris_sheet(renkeu, skema.VALIDASI) if r["Berkas"] == "(analisis triwulan)"
    ]
    assert [(r["Kode Masalah"], r["Kode Bagian"], r["Sel"]) for r in temuan] == [
        ("ANGKA_TIDAK_SAH", "RENKEU", f"Triwulan!E{b['_baris']}")
    ]
    assert temuan[0]["Pesan"].startswith(f"{B} TW I: Indikator {B} (RENKEU): isian Realisasi")
    assert _analisis(renkeu, "TW I") == 0
    sekali = [
        r for r in baris_sheet(renkeu, skema.VALIDASI) if r["Berkas"] == "(analisis triwulan)"
    ]
    assert sekali == temuan, "a re-run replaces its findings"
    status = {r["Kode IKU"]: r["Status Data"] for r in baris_sheet(renkeu, skema.ANALISIS)}
    assert status[B] == "Belum ada data; triwulan: TW I bukan angka: perbaiki di sheet Triwulan"


def test_without_quarterly_figures_the_year_is_analysed_as_before(
    master: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _analisis(master) == 0
    assert "Triwulan" not in capsys.readouterr().out
    assert baris_sheet(master, skema.ANALISIS_TRIWULAN) == []
    assert all(
        "triwulan" not in (r["Status Data"] or "") for r in baris_sheet(master, skema.ANALISIS)
    )
    for r in baris_sheet(master, skema.REKAP):
        assert [r[k] for k in skema.KOLOM_REKAP_TW] == [None] * 4


def _kode_bagian(master: Path) -> list[str]:
    return [r["Kode"] for r in baris_sheet(master, skema.BAGIAN)]


def _bagian_sheet(z: zipfile.ZipFile, nama: str) -> str:
    """The part of sheet `nama` (workbook.xml order = sheetN numbering of the builder)."""
    urutan = re.findall(rb'<sheet name="([^"]+)"', z.read("xl/workbook.xml"))
    return f"xl/worksheets/sheet{[u.decode() for u in urutan].index(nama) + 1}.xml"


def _grafik(berkas: Path) -> dict[str, str]:
    with zipfile.ZipFile(berkas) as z:
        return {
            n: z.read(n).decode("utf-8")
            for n in z.namelist()
            if n.startswith("xl/charts/chart") and n.endswith(".xml")
        }


def test_rekap_chart_of_the_quarters_per_bagian(renkeu: Path) -> None:
    _tulis_tw(renkeu, 1)
    assert _analisis(renkeu, "TW I") == 0
    [grafik] = [x for x in _grafik(renkeu).values() if "per Triwulan" in x]
    assert "<c:barChart>" in grafik and '<c:grouping val="clustered"/>' in grafik
    rujukan = re.findall(r"<c:f>([^<]+)</c:f>", grafik)
    assert rujukan == [
        x
        for kolom in "MNOP"
        for x in (f"Rekap!${kolom}$1", "Rekap!$A$2:$A$11", f"Rekap!${kolom}$2:${kolom}$11")
    ], "four series, TW I … TW IV, over the ten Bagian (not the Setda row)"
    assert [skema.KOLOM_REKAP[ord(k) - ord("A")] for k in "MNOP"] == list(skema.KOLOM_REKAP_TW)
    assert any("Rata-rata Capaian Kinerja per Bagian" in x for x in _grafik(renkeu).values())


def test_a_master_upgraded_by_perbarui_gets_the_quarter_chart(tmp_path: Path) -> None:
    folder = tmp_path / "kerja"
    shutil.copytree(AKAR / "tests" / "data" / "rilis" / "0086b25", folder)  # structure v4
    master = folder / skema.NAMA_MASTER
    assert not any("per Triwulan" in x for x in _grafik(master).values())
    assert main(["perbarui", "--workbook", str(master)]) == 0
    [grafik] = [x for x in _grafik(master).values() if "per Triwulan" in x]
    assert "Rekap!$P$2:$P$" in grafik
    ws = openpyxl.load_workbook(master, read_only=True)[skema.REKAP]
    assert next(ws.iter_rows(max_row=1, values_only=True)) == skema.KOLOM_REKAP


# ----------------------------------------------------------------------- the Dokumen IKU


def _teks_docx(berkas: Path) -> tuple[str, list[list[list[str]]]]:
    doc = docx.Document(str(berkas))
    teks = "\n".join(p.text for p in doc.paragraphs)
    tabel = [[[c.text for c in r.cells] for r in t.rows] for t in doc.tables]
    return teks, tabel


def _tabel_triwulan(tabel: list[list[list[str]]]) -> list[list[str]]:
    return next(t for t in tabel if t[0] == ["No", "Indikator Kinerja", *TW, "Tren"])


def test_the_dokumen_iku_shows_each_indicators_quarters_and_trend(renkeu: Path) -> None:
    for n in range(1, 5):
        _tulis_tw(renkeu, n)
    assert _analisis(renkeu) == 0
    assert main(["dokumen", "--workbook", str(renkeu), "--tanggal", "28 Januari 2027"]) == 0
    teks, tabel = _teks_docx(renkeu.parent / "dokumen" / "Dokumen_IKU_2026_v1.docx")
    assert "3.8 Capaian Kinerja per Triwulan" in teks and "(TW I–TW IV)" in teks
    baris = _tabel_triwulan(tabel)
    assert baris[1][0] == "Bagian Perencanaan dan Keuangan", "only Bagian with quarters"
    per_iku = {r[1]: r for r in baris[2:]}
    b = per_iku[INDIKATOR[B]["Indikator Kinerja"]]
    # each quarter: the realisation, then the capaian (4/6, 7/6, 5/6, 9/6)
    assert b[2:] == ["4\n66,67%", "7\n116,67%", "5\n83,33%", "9\n150,00%", "▲ naik"]
    c = per_iku[INDIKATOR[C]["Indikator Kinerja"]]
    assert c[2:] == ["81,2\n99,02%", "83\n101,22%", "82,4\n100,49%", "84,6\n100,71%", "► tetap"]
    assert len(baris) - 2 == len(baris_sheet(renkeu, "RENKEU"))
    assert per_iku["Rata-rata waktu verifikasi surat pertanggungjawaban (SPJ) belanja"][2:] == [
        "-\n",
        "-\n",
        "-\n",
        "-\n",
        "-",
    ], "an indicator without quarters: one dash per quarter, never 0"
    # each indicator's analysis says how its year was made and how its quarters went
    assert "Realisasi Tahun 2026 ini dihitung dari realisasi triwulan (jumlah TW I–IV)." in teks
    assert (
        "Capaian per triwulan: TW I 66,67%, TW II 116,67%, TW III 83,33%, TW IV 150,00%; "
        "capaian TW IV naik dibanding triwulan sebelumnya." in teks
    )
    # valid Open XML, as Microsoft's SDK validates it: the document and the analysed master
    from openxml_audit import FileFormat, OpenXmlValidator

    for berkas in (renkeu.parent / "dokumen" / "Dokumen_IKU_2026_v1.docx", renkeu):
        hasil = OpenXmlValidator(file_format=FileFormat.MICROSOFT_365).validate(berkas)
        assert [str(e) for e in hasil.errors if e.severity.value == "error"] == [], berkas.name


def test_the_quarters_table_can_be_switched_off(renkeu: Path) -> None:
    _tulis_tw(renkeu, 1)
    assert _analisis(renkeu, "TW I") == 0
    atur(renkeu, skema.PENGATURAN, "Tabel Triwulan", {"Nilai": "Tidak"})
    assert main(["dokumen", "--workbook", str(renkeu), "--tanggal", "28 Januari 2027"]) == 0
    teks, tabel = _teks_docx(renkeu.parent / "dokumen" / "Dokumen_IKU_2026_v1.docx")
    assert "Capaian Kinerja per Triwulan" not in teks and "Capaian per triwulan" not in teks
    assert not [t for t in tabel if t[0][2:6] == list(TW)]
    atur(renkeu, skema.PENGATURAN, "Tabel Triwulan", {"Nilai": "kadang"})
    assert main(["dokumen", "--workbook", str(renkeu), "--tanggal", "28 Januari 2027"]) == 1


def test_no_quarters_no_section(master: Path) -> None:
    assert _analisis(master) == 0
    assert main(["dokumen", "--workbook", str(master), "--tanggal", "28 Januari 2027"]) == 0
    teks, _ = _teks_docx(master.parent / "dokumen" / "Dokumen_IKU_2026_v1.docx")
    assert "3.8 Capaian Kinerja per Triwulan" not in teks and "Tabel 3.7" not in teks
    assert "3.7 Ringkasan Capaian per Kategori" in teks


def test_a_quarter_changed_after_the_analysis_is_refused_by_the_document(
    renkeu: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tulis_tw(renkeu, 1)
    assert _analisis(renkeu, "TW I") == 0
    with buka(renkeu) as buku:
        rows = baca_tabel(buku, skema.TRIWULAN)
        [b] = [r for r in rows if r["Kode IKU"] == B]
        b["Realisasi"] = 5
        tulis_tabel(buku, skema.TRIWULAN, skema.KOLOM_TRIWULAN, rows)
        buku.simpan()
    capsys.readouterr()
    assert main(["dokumen", "--workbook", str(renkeu), "--tanggal", "28 Januari 2027"]) == 1
    pesan = capsys.readouterr().err
    assert "Sheet RENKEU: Realisasi di sel J3 berbeda dari Analisis" in pesan
    assert "dihitung dari sheet Triwulan" in pesan and "Jalankan langkah 7" in pesan
    assert _analisis(renkeu, "TW I") == 0
    assert main(["dokumen", "--workbook", str(renkeu), "--tanggal", "28 Januari 2027"]) == 0


@pytest.mark.libreoffice
def test_the_quarters_table_as_libreoffice_prints_it(
    renkeu: Path, keluaran: Path, tmp_path: Path
) -> None:
    for n in range(1, 4):
        _tulis_tw(renkeu, n)
    assert _analisis(renkeu, "TW III") == 0
    assert main(["dokumen", "--workbook", str(renkeu), "--tanggal", "28 Januari 2027"]) == 0
    pdf = konversi(renkeu.parent / "dokumen" / "Dokumen_IKU_2026_v1.docx", "pdf", tmp_path)
    nomor = next(
        i for i in range(1, 80) if "Tabel 3.7 Capaian Kinerja per Triwulan" in teks_halaman(pdf, i)
    )
    isi = teks_halaman(pdf, nomor) + teks_halaman(pdf, nomor + 1)
    # the arrows survive the font, the quarters' capaian are printed (B: 4/6, 7/6, 5/6)
    assert "▲ naik" in isi and "▼ turun" in isi
    assert re.search(r"66,67%\s+116,67%\s+83,33%", isi)
    png = halaman_png(pdf, nomor, keluaran / "dokumen_iku_triwulan.png", 80)
    with Image.open(png) as gambar:
        assert gambar.width > 500
