"""Steps 8–9: the Dokumen IKU draft, its versions and corrections, read back independently."""

from __future__ import annotations

import hashlib
import io
import shutil
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from PIL import Image

from conftest import sidik_folder
from libreoffice import halaman_png, konversi, teks_halaman
from pyxl.cli import main
from pyxl.kontrak import skema
from remote import aksi, buku_remote

TANGGAL = ["--tanggal", "28 Januari 2027"]
V1, V2 = "Dokumen_IKU_2026_v1.docx", "Dokumen_IKU_2026_v2.docx"
JUDUL_UKUR = ["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian", "Kategori"]


# --------------------------------------------------------------------------- helpers


def _indo(x: float, desimal: int) -> str:
    """Indonesian number written out here, independently of pyxl.inti.indo."""
    d = Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-desimal), ROUND_HALF_UP)
    utuh, _, pecahan = f"{abs(d):f}".partition(".")
    teks = f"{int(utuh):,}".replace(",", ".") + ("," + pecahan if pecahan else "")
    return ("-" if d < 0 else "") + teks


def persen(x: Any) -> str:
    return "-" if x is None else _indo(x, 2) + "%"


def nilai(x: Any) -> str:
    """Targets and realisations: numbers with at most 2 decimals, no trailing zeros."""
    if x is None:
        return "-"
    if isinstance(x, str):
        return x.strip()
    teks = _indo(x, 2)
    return teks.rstrip("0").rstrip(",") if "," in teks else teks


def baris_sheet(berkas: Path, sheet: str) -> list[dict[str, Any]]:
    ws = openpyxl.load_workbook(berkas)[sheet]
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:] if any(v is not None for v in r)]


def teks_semua(berkas: Path) -> str:
    """Text of the body (tables included), every header and every footer."""
    d = docx.Document(str(berkas))
    bagian = [d.element.body]
    for s in d.sections:
        bagian += [s.header._element, s.footer._element]
    return "\n".join(Paragraph(p, d).text for b in bagian for p in b.iter(qn("w:p")))


def tabel(berkas: Path) -> list[list[list[str]]]:
    return [[[c.text for c in r.cells] for r in t.rows] for t in docx.Document(str(berkas)).tables]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A working folder where the SOP ran up to step 7 (the demo)."""
    folder = tmp_path_factory.mktemp("demo") / "d"
    assert main(["demo", str(folder), "--sampai", "7"]) == 0
    return folder


@pytest.fixture
def master(demo: Path, tmp_path: Path) -> Path:
    shutil.copytree(demo, tmp_path / "k")
    return tmp_path / "k" / skema.NAMA_MASTER


def _koreksi(master: Path, rows: list[tuple[Any, ...]]) -> None:
    wb = openpyxl.load_workbook(master, keep_vba=True)
    ws = wb[skema.KOREKSI]
    for r in rows:
        ws.append(list(r))
    wb.save(master)


# --------------------------------------------------------------------------- tests


def test_konsep_holds_the_analysed_figures_in_indonesian_format(master: Path) -> None:
    assert main(["dokumen", "--workbook", str(master), *TANGGAL]) == 0
    dok = master.parent / "dokumen" / V1
    analisis = baris_sheet(master, skema.ANALISIS)
    ukur = [r for t in tabel(dok) if t[0] == JUDUL_UKUR for r in t[1:] if len(set(r)) > 1]
    assert len(ukur) == len(analisis) == 43
    per_nama = {r[1]: r for r in ukur}
    assert len(per_nama) == len(ukur), "indicator names are unique in the sample"
    for a in analisis:
        target = nilai(a["Target"]) + (f"–{nilai(a['Target Atas'])}" if a["Target Atas"] else "")
        capaian = persen(a["Capaian (%)"]) + "\n" + (a["Rumus Capaian"] or "")
        harap = [a["Satuan"] or "-", target, nilai(a["Realisasi"]), capaian.rstrip("\n")]
        assert per_nama[a["Indikator Kinerja"]][2:6] == harap, a["Kode IKU"]
        assert per_nama[a["Indikator Kinerja"]][6] == (a["Kategori"] or "-")
    assert any(r[5].startswith("-\n") for r in ukur), "a missing capaian shows '-', never 0"
    rumus = {a["Kode IKU"]: a["Rumus Capaian"] for a in analisis}
    assert rumus["IKU-ORG-01"] == "Skala Predikat SAKIP (proporsional)", "the rule is stated"

    # Budget: the total row sums the Pagu of the rows that have a serapan.
    [anggaran] = [t for t in tabel(dok) if t[0][:3] == ["No", "Bagian", "Pagu"]]
    pagu = sum(a["Pagu Anggaran"] for a in analisis if a["Serapan Anggaran (%)"] is not None)
    assert anggaran[-1][1] == "Jumlah" and anggaran[-1][2] == "Rp" + _indo(pagu, 2)

    teks = teks_semua(dok)
    d = docx.Document(str(dok))
    assert "KONSEP" in d.sections[0].header.paragraphs[0].text  # every page
    assert any(p.text == "KONSEP" for p in d.paragraphs[:15])  # the cover
    assert "DOKUMEN INDIKATOR KINERJA UTAMA (IKU)" in teks
    assert "LAPORAN CAPAIAN KINERJA TAHUN 2026" in teks
    # Permendagri 1/2023 Pasal 44(3): the Sekda signs with name only, no pangkat and NIP
    assert "Drs. Zulkarnain Yusuf Harahap, M.M." in teks and "\nNIP" not in teks
    assert "Blambangan Umpu, 28 Januari 2027" in teks
    assert "Peraturan Presiden Republik Indonesia Nomor 29 Tahun 2014" in teks

    with zipfile.ZipFile(dok) as z:
        [media] = [n for n in z.namelist() if n.startswith("word/media/")]
        gambar = Image.open(io.BytesIO(z.read(media)))
        xml = z.read("word/document.xml").decode()
    assert media.endswith(".png") and 1000 <= gambar.width <= 3000
    assert 0.3 < gambar.height / gambar.width < 1.0
    assert 'cx="5760000"' in xml  # 16 cm wide, inline

    [rec] = baris_sheet(master, skema.DOKUMEN)
    assert (rec["Versi"], rec["Status"], rec["Berkas"]) == (1, "KONSEP", V1)
    assert rec["SHA-256"] == hashlib.sha256(dok.read_bytes()).hexdigest()
    assert len(rec["Sidik Data"]) == 64
    assert baris_sheet(master, skema.LOG_SOP)[-1]["Langkah"] == 8


def test_v2_lists_handled_corrections_and_stamps_them(master: Path) -> None:
    assert main(["dokumen", "--workbook", str(master), *TANGGAL]) == 0
    v1 = (master.parent / "dokumen" / V1).read_bytes()
    _koreksi(
        master,
        [
            (1, None, 1, "BAB III", "Perbaiki judul Tabel 3.2", "Kabag", "ya", None),
            (2, None, 1, "BAB I", "Tambahkan dasar hukum", "Kabag", "Sudah", None),
            (3, None, 1, "Sampul", "Ganti logo", "Kasubag", None, None),
            (4, None, 1, "BAB IV", "Perjelas simpulan", "Kasubag", "Tidak", None),
        ],
    )
    assert main(["dokumen", "--workbook", str(master), *TANGGAL]) == 0
    dok = master.parent / "dokumen" / V2
    assert (master.parent / "dokumen" / V1).read_bytes() == v1, "v1 is never overwritten"
    *_, selesai, terbuka = tabel(dok)
    assert [r[4] for r in selesai[1:]] == ["Perbaiki judul Tabel 3.2", "Tambahkan dasar hukum"]
    assert [r[4] for r in terbuka[1:]] == ["Ganti logo", "Perjelas simpulan"]
    assert "Daftar Koreksi yang Telah Ditangani" in teks_semua(dok)
    koreksi = baris_sheet(master, skema.KOREKSI)
    assert [r["Ditangani di Versi"] for r in koreksi] == [2, 2, None, None]
    assert [r["Status"] for r in baris_sheet(master, skema.DOKUMEN)] == ["KONSEP", "KONSEP"]
    assert baris_sheet(master, skema.LOG_SOP)[-1]["Langkah"] == 9

    # Already stamped corrections are not listed again; a stray file in the folder counts.
    (master.parent / "dokumen" / "Dokumen_IKU_2026_v5.docx").write_bytes(b"bukan dokumen")
    assert main(["dokumen", "--workbook", str(master), *TANGGAL]) == 0
    *_, selesai, _ = tabel(master.parent / "dokumen" / "Dokumen_IKU_2026_v6.docx")
    assert selesai[1][0] == "Tidak ada koreksi yang ditangani pada versi ini."


def test_pdf_by_libreoffice_and_one_page_as_png(
    master: Path, keluaran: Path, tmp_path: Path
) -> None:
    assert main(["dokumen", "--workbook", str(master), *TANGGAL]) == 0
    pdf = konversi(master.parent / "dokumen" / V1, "pdf", tmp_path)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type/Page") - data.count(b"/Type/Pages") > 10
    halaman = next(i for i in range(1, 40) if "Tabel 3.2.1" in teks_halaman(pdf, i))
    with Image.open(halaman_png(pdf, halaman, keluaran / "dokumen_iku_pengukuran.png", 70)) as b:
        assert b.width > 500


def test_empty_analysis_exits_1_and_changes_nothing(
    kerja: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sebelum = sidik_folder(kerja)
    assert main(["dokumen", "--workbook", str(kerja / skema.NAMA_MASTER)]) == 1
    assert "jalankan langkah 7 (analisis) dahulu" in capsys.readouterr().err
    assert sidik_folder(kerja) == sebelum


def test_bagian_sheet_changed_after_analysis_is_refused(
    master: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wb = openpyxl.load_workbook(master, keep_vba=True)
    wb["TAPEM"]["J2"] = 12.5
    wb.save(master)
    sebelum = sidik_folder(master.parent)
    assert main(["dokumen", "--workbook", str(master)]) == 1
    assert "Realisasi di sel J2" in capsys.readouterr().err
    assert sidik_folder(master.parent) == sebelum


def test_misspelt_variable_in_an_edited_template(
    master: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    templat = master.parent / skema.FOLDER_TEMPLAT / "dokumen_iku.docx"
    with zipfile.ZipFile(templat) as z:
        isi = {n: z.read(n) for n in z.namelist()}
    assert b"{{ b.rata }}" in isi["word/document.xml"]
    isi["word/document.xml"] = isi["word/document.xml"].replace(b"{{ b.rata }}", b"{{ b.ratta }}")
    with zipfile.ZipFile(templat, "w") as z:
        for n, data in isi.items():
            z.writestr(n, data)
    sebelum = sidik_folder(master.parent)
    assert main(["dokumen", "--workbook", str(master)]) == 1
    pesan = capsys.readouterr().err
    assert "dokumen_iku.docx rusak" in pesan and "'ratta'" in pesan
    assert sidik_folder(master.parent) == sebelum


def test_button_writes_the_version_through_the_live_workbook(
    master: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyxl.tombol
    from pyxl.buku.xlsm import buka
    from pyxl.dokumen.tercatat import sidik_data

    monkeypatch.chdir(master.parent)
    book = buku_remote(master.resolve())
    pyxl.tombol.dokumen()
    actions = aksi(book)
    sheets = openpyxl.load_workbook(master, read_only=True).sheetnames
    tulis = {sheets[a["sheet_position"]]: a for a in actions if a["func"] == "setValues"}
    rec = dict(zip(skema.KOLOM_DOKUMEN, tulis[skema.DOKUMEN]["values"][0], strict=True))
    rec = {k: v.lstrip("'") if isinstance(v, str) else v for k, v in rec.items()}  # text prefix
    assert rec["Versi"] == 1 and rec["Status"] == "KONSEP" and rec["Berkas"] == V1
    assert tulis[skema.LOG_SOP]["values"][0][0] == 8
    [alert] = [a for a in actions if a["func"] == "alert"]
    assert "Dokumen IKU versi 1 (KONSEP)" in alert["args"][0]
    dok = master.parent / "dokumen" / V1
    assert rec["SHA-256"] == hashlib.sha256(dok.read_bytes()).hexdigest()
    # Excel hands every number as a float: the data digest must not depend on that.
    with buka(master, hanya_baca=True) as buku:
        assert rec["Sidik Data"] == sidik_data(buku)


# --------------------------------------------------------------------------- the IKU document


PENYEBAB = "Pergantian camat Negeri Besar menunda LPPK kecamatan itu."
SOLUSI = "Jadwal LPPK ditetapkan sejak Desember dan camat diingatkan secara tertulis."
PENYEBAB_HUKUM = "Penilaian Kanwil hanya di sebagian kecamatan."


def _naratif(master: Path, rows: list[tuple[Any, ...]]) -> None:
    """What staff type in sheet Analisis Naratif after step 7."""
    wb = openpyxl.load_workbook(master, keep_vba=True)
    for r in rows:
        wb[skema.ANALISIS_NARATIF].append(list(r))
    wb.save(master)


def _paragraf(dok: Path) -> list[Paragraph]:
    d = docx.Document(str(dok))
    return [Paragraph(p, d) for p in d.element.body.iter(qn("w:p"))]


def _ukuran(p: Paragraph, r: Any) -> float:
    """A run's font size in points: its own, else its paragraph style's (through basedOn)."""
    if r.font.size is not None:
        return float(r.font.size.pt)
    gaya = p.style
    while gaya is not None:
        if gaya.font.size is not None:
            return float(gaya.font.size.pt)
        gaya = gaya.base_style
    return 11.0  # the document default (w:docDefaults sz 22)


def test_each_indicator_with_its_manual_analysis_and_staff_narrative(master: Path) -> None:
    _naratif(
        master,
        [
            ("TAPEM", "IKU-TAPEM-01", PENYEBAB, SOLUSI),
            ("HUKUM", "IKU-HUKUM-04", PENYEBAB_HUKUM, ""),
        ],
    )
    assert main(["dokumen", "--workbook", str(master), *TANGGAL]) == 0
    dok = master.parent / "dokumen" / V1
    teks = teks_semua(dok)
    analisis = {a["Kode IKU"]: a for a in baris_sheet(master, skema.ANALISIS)}

    # Manual IKU: definition, formula, data source and person in charge of every indicator.
    manual = {
        r[1]: r[2:]
        for t in tabel(dok)
        if t[0][:3] == ["No", "Indikator Kinerja", "Definisi Operasional"]
        for r in t[1:]
    }
    sumber = [r for b in baris_sheet(master, skema.BAGIAN) for r in baris_sheet(master, b["Kode"])]
    assert len(sumber) == len(manual) == 43
    for r in sumber:
        harap = [r[k] or "-" for k in ("Definisi Operasional", "Formula", "Sumber Data")]
        harap.append(r["Penanggung Jawab"] or "-")
        assert manual[f"{r['Indikator Kinerja']} ({r['Kode IKU']})"] == harap
        # The Bagian's explanation stands beside its indicator's analysis.
        assert f"Keterangan Bagian: {r['Keterangan'] or '-'}" in teks, r["Kode IKU"]

    # Comparisons, written from the figures of sheet Analisis (IKU-TAPEM-01 of the sample).
    a = analisis["IKU-TAPEM-01"]
    assert (a["Target"], a["Realisasi"], a["Realisasi Tahun Lalu"]) == (100, 92.86, 85.71)
    sisa = a["Pagu Anggaran"] - a["Realisasi Anggaran"]
    for kalimat in (
        f"Realisasi Tahun 2026 sebesar {nilai(a['Realisasi'])}% dari target 100%, sehingga "
        f"capaiannya {persen(a['Capaian (%)'])} (kategori {a['Kategori']}; rumus Realisasi / "
        "Target × 100%). Target belum tercapai.",
        "Dibandingkan realisasi Tahun 2025 sebesar 85,71%, kinerja membaik (selisih +7,15 poin "
        "persen).",
        f"Terhadap target akhir Renstra sebesar 100%, capaian Tahun 2026 adalah "
        f"{persen(a['Capaian Renstra (%)'])}.",
        f"Pagu anggaran Rp{_indo(a['Pagu Anggaran'], 2)} terealisasi "
        f"Rp{_indo(a['Realisasi Anggaran'], 2)} (serapan {persen(a['Serapan Anggaran (%)'])}, "
        f"sisa Rp{_indo(sisa, 2)}). Capaian yang dinilai (92,86%) lebih rendah dari serapan "
        "anggaran, sehingga penggunaan anggaran belum efisien.",
    ):
        assert kalimat in teks
    assert "Realisasi Tahun 2026 belum tersedia, sehingga capaian terhadap target 3,2" in teks
    assert (
        "Dibandingkan realisasi Tahun 2025 sebesar 15 Hari, kinerja membaik (selisih -5 Hari)."
        in teks
    )

    # Staff text where they wrote it, a marked place to fill everywhere else.
    assert f"Penyebab: {PENYEBAB}" in teks and f"Solusi/Upaya: {SOLUSI}" in teks
    assert f"Penyebab: {PENYEBAB_HUKUM}" in teks
    kosong_p = [p for p in teks.split("\n") if p.startswith("Penyebab: [diisi: penyebab")]
    kosong_s = [p for p in teks.split("\n") if p.startswith("Solusi/Upaya: [diisi: solusi")]
    assert (len(kosong_p), len(kosong_s)) == (43 - 2, 43 - 1)
    assert "perlu dianalisis" not in teks
    assert f"IKU-TAPEM-01 {a['Indikator Kinerja']}: {SOLUSI}" in teks  # Bab IV, below target

    # Profile, strategic issues and the Setda's own IKU (sheet IKU Setda), not a plain mean.
    isu = [r for r in baris_sheet(master, skema.PENGATURAN) if r["Kunci"] == "Isu Strategis"]
    pertama = isu[0]["Nilai"].split(";")[0].strip()
    assert f"1.\t{pertama}" in teks
    [setda] = [t for t in tabel(dok) if t[0][:3] == ["No", "Kode", "Indikator Kinerja Utama"]]
    iku = baris_sheet(master, skema.IKU_SETDA)
    baris = {r[1]: r for r in setda[1:] if r[1].startswith("IKU-SETDA")}
    assert len(baris) == len(iku) == 7
    for r in iku:
        dinilai = [
            analisis[k.strip()]["Capaian Dinilai (%)"] for k in r["Indikator Bagian"].split(";")
        ]
        ada = [x for x in dinilai if x is not None]
        assert baris[r["Kode"]][3:5] == [
            f"{len(ada)} dari {len(dinilai)}",
            persen(sum(ada) / len(ada)),
        ]

    # Word structure: heading styles (the TOC reads them), keep-with-next, the TOC field.
    gaya = {p.text: p.style.name for p in _paragraf(dok)}
    for judul in ("IKHTISAR EKSEKUTIF", "BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA"):
        assert gaya[judul] == "Heading 1"
    assert gaya["BAB III AKUNTABILITAS KINERJA"] == gaya["BAB IV PENUTUP"] == "Heading 1"
    assert gaya["3.3 Analisis Capaian per Indikator"] == "Heading 2"
    assert gaya["3.3.1 Bagian Tata Pemerintahan"] == "Heading 3"
    d = docx.Document(str(dok))
    for n in ("Heading 1", "Heading 2", "Heading 3"):
        assert d.styles[n].paragraph_format.keep_with_next
    with zipfile.ZipFile(dok) as z:
        xml = z.read("word/document.xml").decode()
        inti = z.read("docProps/core.xml").decode()
    assert 'TOC \\o "1-3" \\h \\z \\u' in xml
    # Cover, front matter in roman numerals, body from 1.
    bagian = d.sections
    assert len(bagian) == 3
    assert "PAGE" not in bagian[0].footer._element.xml
    nomor = [s._sectPr.find(qn("w:pgNumType")) for s in bagian]
    assert nomor[0] is None
    assert [n.get(qn("w:fmt")) for n in nomor[1:]] == ["lowerRoman", "decimal"]
    assert [n.get(qn("w:start")) for n in nomor[1:]] == ["1", "1"]

    # Table text at least 9 pt.
    ukuran = [
        _ukuran(p, r) for t in d.tables for c in t._cells for p in c.paragraphs for r in p.runs
    ]
    assert ukuran and min(ukuran) >= 9

    # A draft names its version; its title is the document's own.
    assert "Versi 1" in teks and "Versi 1 (KONSEP)" in teks
    judul = "Dokumen Indikator Kinerja Utama dan Laporan Capaian Kinerja Tahun 2026"
    assert d.core_properties.title == f"{judul} Sekretariat Daerah Kabupaten Way Kanan"
    assert "Templat" not in inti and "docxtpl" not in inti


def test_iku_setda_naming_an_unknown_indicator_is_refused(
    master: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wb = openpyxl.load_workbook(master, keep_vba=True)
    wb[skema.IKU_SETDA]["D2"] = "IKU-TAPEM-01; IKU-TIDAK-ADA"
    wb.save(master)
    assert main(["dokumen", "--workbook", str(master), *TANGGAL]) == 1
    pesan = capsys.readouterr().err
    assert "Sheet IKU Setda baris 2" in pesan and "'IKU-TIDAK-ADA' tidak ada" in pesan
    assert not (master.parent / "dokumen" / V1).exists()


@pytest.mark.parametrize("perintah", [["dokumen"], ["setujui", "--oleh", "Sekda"]])
def test_the_document_steps_import_neither_pandas_nor_numpy(
    master: Path, perintah: list[str]
) -> None:
    """`python -X importtime -m pyxl dokumen`: a document names a few categories of the
    rating scale (`pyxl.inti.kategori`) and needs no table computation; pandas and numpy
    took a fifth of a second of every click."""
    import subprocess
    import sys

    if perintah[0] == "setujui":
        assert main(["dokumen", "--workbook", str(master)]) == 0
    keluar = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "pyxl", *perintah, "--workbook", str(master)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert keluar.returncode == 0, keluar.stdout + keluar.stderr
    dimuat = {b.split("|")[-1].strip() for b in keluar.stderr.splitlines() if "|" in b}
    assert "pyxl.dokumen.iku" in dimuat and "pyxl.inti.kategori" in dimuat
    assert not {m.split(".")[0] for m in dimuat} & {"pandas", "numpy"}
