"""Steps 10–11: approval, the final Dokumen IKU without KONSEP, its PDF, a stale approval."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn

from conftest import sidik_folder
from libreoffice import soffice, teks_halaman
from pyxl.cli import main
from pyxl.kontrak import kendali, skema
from remote import aksi, buku_remote

SEKDA = "Drs. Zulkarnain Yusuf Harahap, M.M."
KONSEP_V1, FINAL_V1 = "Dokumen_IKU_2026_v1.docx", "Dokumen_IKU_2026_v1_final.docx"


@pytest.fixture(scope="module")
def dengan_konsep(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's working folder (steps 1–7) with the KONSEP v1 written."""
    folder = tmp_path_factory.mktemp("setujui") / "d"
    assert main(["demo", str(folder), "--sampai", "7"]) == 0
    master = folder / skema.NAMA_MASTER
    assert main(["dokumen", "--workbook", str(master), "--tanggal", "28 Januari 2027"]) == 0
    return folder


@pytest.fixture
def master(dengan_konsep: Path, tmp_path: Path) -> Path:
    shutil.copytree(dengan_konsep, tmp_path / "k")
    return tmp_path / "k" / skema.NAMA_MASTER


@pytest.fixture
def tanpa_konverter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No soffice/libreoffice on PATH (and no Word on this platform)."""
    kosong = tmp_path / "path-kosong"
    kosong.mkdir()
    monkeypatch.setenv("PATH", str(kosong))


def baris_sheet(berkas: Path, sheet: str) -> list[dict[str, Any]]:
    ws = openpyxl.load_workbook(berkas)[sheet]
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:] if any(v is not None for v in r)]


def tabel(berkas: Path) -> list[list[list[str]]]:
    return [[[c.text for c in r.cells] for r in t.rows] for t in docx.Document(str(berkas)).tables]


def _teks_xml(berkas: Path) -> str:
    """Every text run of every part (body, headers, footers, properties) of a .docx."""
    with zipfile.ZipFile(berkas) as z:
        return "\n".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xml"))


def _ubah_realisasi(master: Path) -> None:
    wb = openpyxl.load_workbook(master, keep_vba=True)
    wb["TAPEM"]["J2"] = 99.5
    wb.save(master)


def _setujui(master: Path, *opsi: str) -> int:
    return main(["setujui", "--workbook", str(master), "--tanggal", "30 Januari 2027", *opsi])


def test_final_without_konsep_pdf_by_libreoffice_and_recorded(master: Path) -> None:
    soffice()  # LibreOffice must be here (skip, or fail on CI, otherwise)
    assert _setujui(master) == 0
    folder = master.parent / "dokumen"
    final, pdf = folder / FINAL_V1, folder / "Dokumen_IKU_2026_v1_final.pdf"
    assert "KONSEP" not in _teks_xml(final)
    assert "KONSEP" in _teks_xml(folder / KONSEP_V1)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 20_000
    # The same data: every table of the draft but its correction appendix, unchanged.
    assert tabel(final) == tabel(folder / KONSEP_V1)[:-2]

    konsep, rec = baris_sheet(master, skema.DOKUMEN)
    assert (rec["Versi"], rec["Status"], rec["Berkas"]) == (1, "FINAL", FINAL_V1)
    assert rec["SHA-256"] == hashlib.sha256(final.read_bytes()).hexdigest()
    assert rec["Sidik Data"] == konsep["Sidik Data"]
    assert rec["Disetujui Oleh"] == SEKDA and rec["PDF"] == pdf.name
    assert isinstance(rec["Waktu Persetujuan"], datetime)
    assert rec["Waktu Persetujuan"].date().isoformat() == "2027-01-30"
    assert [r["Langkah"] for r in baris_sheet(master, skema.LOG_SOP)][-2:] == [10, 11]


@pytest.mark.usefixtures("tanpa_konverter")
def test_without_a_converter_the_approval_is_recorded_without_pdf(
    master: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _setujui(master, "--oleh", "Plh. Sekretaris Daerah") == 0
    keluar = capsys.readouterr().out
    assert "PDF tidak dibuat" in keluar and "soffice --headless --convert-to pdf" in keluar
    assert "Persetujuan tetap dicatat" in keluar
    assert not list((master.parent / "dokumen").glob("Dokumen_IKU*.pdf"))
    rec = baris_sheet(master, skema.DOKUMEN)[-1]
    assert rec["Status"] == "FINAL" and not rec["PDF"]
    assert rec["Disetujui Oleh"] == "Plh. Sekretaris Daerah"
    # Approving the same draft twice is refused; nothing changes.
    sebelum = sidik_folder(master.parent)
    assert _setujui(master) == 1
    assert "sudah disetujui" in capsys.readouterr().err
    assert sidik_folder(master.parent) == sebelum


@pytest.mark.usefixtures("tanpa_konverter")
def test_a_change_after_approval_makes_it_stale(
    master: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyxl.tombol

    assert _setujui(master) == 0
    assert main(["status", "--workbook", str(master)]) == 0
    assert "Kedaluwarsa" not in capsys.readouterr().out

    _ubah_realisasi(master)
    assert main(["status", "--workbook", str(master)]) == 0
    keluar = capsys.readouterr().out
    assert "persetujuan kedaluwarsa" in keluar
    [baris_10] = [b for b in keluar.splitlines() if b.startswith("10. ")]
    assert "Kedaluwarsa" in baris_10

    # The status button writes it on Kendali's step-10 row.
    monkeypatch.chdir(master.parent)
    book = buku_remote(master.resolve())
    pyxl.tombol.status()
    tulis: list[dict[str, Any]] = [
        a
        for a in aksi(book)
        if a["func"] == "setValues" and a["start_row"] == kendali.baris_langkah(10) - 1
    ]
    [langkah_10] = tulis
    assert langkah_10["values"][0][0] == "Kedaluwarsa"
    assert "persetujuan kedaluwarsa" in langkah_10["values"][0][-1]


def test_data_changed_since_the_draft_is_refused(
    master: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _ubah_realisasi(master)
    sebelum = sidik_folder(master.parent)
    assert _setujui(master) == 1
    assert "berubah sejak konsep v1; jalankan pyxl dokumen dahulu" in capsys.readouterr().err
    assert sidik_folder(master.parent) == sebelum


def test_no_approver_names_the_setting(master: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wb = openpyxl.load_workbook(master, keep_vba=True)
    ws = wb[skema.PENGATURAN]
    [sel] = [r[1] for r in ws.iter_rows(min_row=2) if r[0].value == "Sekretaris Daerah"]
    sel.value = None
    wb.save(master)
    sebelum = sidik_folder(master.parent)
    assert _setujui(master) == 1
    pesan = capsys.readouterr().err
    assert "Pengaturan 'Sekretaris Daerah' masih kosong" in pesan and "--oleh" in pesan
    assert f"sel B{sel.row}" in pesan
    assert sidik_folder(master.parent) == sebelum


def test_final_pdf_has_a_filled_toc_roman_front_matter_no_version_and_its_title(
    master: Path,
) -> None:
    soffice()
    assert _setujui(master) == 0
    folder = master.parent / "dokumen"
    final, pdf = folder / FINAL_V1, folder / "Dokumen_IKU_2026_v1_final.pdf"
    teks = teks_halaman(pdf)
    # The table of contents, filled on conversion: entries with dot leaders and page numbers.
    toc = dict(re.findall(r"^ *(\S.*?)\.{4,}\s*([0-9ivx]+)$", teks, flags=re.MULTILINE))
    assert toc["KATA PENGANTAR"] == "i" and toc["IKHTISAR EKSEKUTIF"] == "ii"
    assert toc["BAB I PENDAHULUAN"] == "1"
    for judul in ("BAB II PERENCANAAN KINERJA", "BAB III AKUNTABILITAS KINERJA", "BAB IV PENUTUP"):
        assert toc[judul].isdigit() and int(toc[judul]) > 1
    assert "3.3.1 Bagian Tata Pemerintahan" in toc
    # The entry's page is the page that heading is on (body numbered from 1 after the front).
    halaman = teks.split("\f")
    awal = next(i for i, h in enumerate(halaman) if "Halaman 1\n" in h + "\n" and "BAB I" in h)
    bab3 = int(toc["BAB III AKUNTABILITAS KINERJA"])
    assert "BAB III AKUNTABILITAS KINERJA" in halaman[awal + bab3 - 1]
    # Cover without a page number, front matter in roman numerals.
    assert "Halaman" not in halaman[0]
    assert re.search(r"Halaman i\s*$", halaman[1]) and re.search(r"Halaman ii\s*$", halaman[2])
    # The published version names no version; its PDF's title is the document's own.
    assert "Versi" not in teks
    dok = docx.Document(str(final))
    bagian = [dok.element.body, *(x._element for s in dok.sections for x in (s.header, s.footer))]
    assert not [t.text for b in bagian for t in b.iter(qn("w:t")) if "Versi" in (t.text or "")]
    info = subprocess.run(
        [shutil.which("pdfinfo") or "pdfinfo", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    judul = "Dokumen Indikator Kinerja Utama dan Laporan Capaian Kinerja Tahun 2026"
    [title] = [b.split(":", 1)[1].strip() for b in info.splitlines() if b.startswith("Title:")]
    assert title == f"{judul} Sekretariat Daerah Kabupaten Way Kanan"
    assert "Templat" not in info
