"""The Word templates (top-level `templates/`, edited in Word) rendered with docxtpl."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined

from pyxl.dokumen import templat

NAMA = list(templat.NAMA_TEMPLAT)


@pytest.fixture(scope="module")
def folder() -> Path:
    return templat.FOLDER_BAWAAN


def test_setiap_templat_punya_contoh_konteks() -> None:
    """Every template of templates/ has its sample context in templates/contoh/, and no sample
    is left without its template."""
    assert NAMA == [
        "daftar_hadir.docx",
        "dokumen_iku.docx",
        "laporan_triwulan.docx",
        "lembar_disposisi.docx",
        "notula_rapat.docx",
        "surat_pengantar.docx",
        "undangan_rapat.docx",
    ]
    contoh = sorted(p.stem for p in (templat.FOLDER_BAWAAN / "contoh").glob("*.json"))
    assert contoh == [Path(n).stem for n in NAMA]


def _render(path: Path, konteks: dict[str, Any], tujuan: Path) -> Path:
    tpl = DocxTemplate(path)
    # StrictUndefined: a misspelt attribute (d.nomer_surat) fails instead of printing "".
    tpl.render(konteks, jinja_env=Environment(undefined=StrictUndefined), autoescape=True)
    tpl.save(tujuan)
    return tujuan


def _teks_dokumen(path: Path) -> str:
    """All text of body (tables included) and footers, <w:br/> read as a newline."""
    doc = docx.Document(str(path))
    bagian = [doc.element.body]
    for section in doc.sections:
        bagian.append(section.footer._element)
        bagian.append(section.header._element)
    baris = [Paragraph(p, doc) for b in bagian for p in b.iter(qn("w:p"))]
    return "\n".join(p.text for p in baris)


def _nilai(obj: Any) -> Iterator[str]:
    if isinstance(obj, dict):
        for v in obj.values():
            yield from _nilai(v)
    elif isinstance(obj, list | tuple):
        for v in obj:
            yield from _nilai(v)
    else:
        yield str(obj)


def _xml_bagian(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


@pytest.mark.parametrize("nama", NAMA)
def test_variabel_sesuai_contoh_konteks(folder: Path, nama: str) -> None:
    tpl = DocxTemplate(folder / nama)
    assert tpl.get_undeclared_template_variables() == set(templat.contoh_konteks(nama))


@pytest.mark.parametrize("nama", NAMA)
def test_setiap_tag_dalam_satu_run_dan_kutip_lurus(folder: Path, nama: str) -> None:
    for bagian, xml in _xml_bagian(folder / nama).items():
        if not (bagian.startswith("word/") and bagian.endswith(".xml")):
            continue
        for teks in re.findall(rb"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml):
            t = teks.decode()
            # Every tag opened in a run is closed in the same run, and vice versa.
            assert t.count("{{") == t.count("}}"), (bagian, t)
            assert t.count("{%") == t.count("%}"), (bagian, t)
            for tag in re.findall(r"\{[{%].*?[}%]\}", t):
                assert not set(tag) & set("\u2018\u2019\u201c\u201d"), (bagian, tag)


@pytest.mark.parametrize("nama", NAMA)
def test_render_memuat_semua_nilai(folder: Path, nama: str, tmp_path: Path) -> None:
    konteks = templat.contoh_konteks(nama)
    hasil = _render(folder / nama, konteks, tmp_path / f"hasil_{nama}")
    teks = _teks_dokumen(hasil)
    for nilai in _nilai(konteks):
        assert nilai in teks, nilai
    assert "{{" not in teks
    assert "{%" not in teks
    assert "}}" not in teks


def test_lembar_disposisi_isi(folder: Path, tmp_path: Path) -> None:
    konteks = templat.contoh_konteks("lembar_disposisi.docx")
    d, ttd, kop = konteks["d"], konteks["ttd"], konteks["kop"]
    # The sample proves autoescape: XML-special characters survive rendering.
    assert set('&<"') <= set(d["perihal"])
    assert "\n" in d["isi"]
    hasil = _render(folder / "lembar_disposisi.docx", konteks, tmp_path / "disposisi.docx")
    teks = _teks_dokumen(hasil)
    assert "LEMBAR DISPOSISI" in teks
    assert f"NIP {ttd['nip']}" in teks
    assert ttd["nip"] == "19710726 199902 1 001"
    assert f"{kop['kota']}, {d['tanggal']}" in teks
    for i, tujuan in enumerate(d["kepada"], 1):
        assert f"{i}. {tujuan}" in teks
    assert "Dibuat dengan pyxl" not in teks  # an official form carries no tool's mark

    doc = docx.Document(str(hasil))
    section = doc.sections[0]
    ukuran = (section.page_width, section.page_height, section.left_margin)
    assert [round(x.cm, 2) if x is not None else None for x in ukuran] == [21, 29.7, 3]
    assert doc.styles["Normal"].font.name == "Arial"
    # The signer's name is bold and underlined.
    nama_run = next(r for p in doc.paragraphs for r in p.runs if r.text == ttd["nama"])
    assert nama_run.bold and nama_run.underline
    # The kop is closed by a bottom border.
    xml = doc.element.body.xml
    assert "<w:pBdr>" in xml and 'w:val="thickThinSmallGap"' in xml


def test_daftar_kepada_kosong_tetap_sah(folder: Path, tmp_path: Path) -> None:
    konteks = templat.contoh_konteks("lembar_disposisi.docx")
    konteks["d"]["kepada"] = []
    hasil = _render(folder / "lembar_disposisi.docx", konteks, tmp_path / "kosong.docx")
    doc = docx.Document(str(hasil))
    for tbl in doc.tables:
        for sel in tbl._cells:
            assert sel.paragraphs, "a table cell without a paragraph is invalid in Word"
    assert "1. " not in _teks_dokumen(hasil)


def test_contoh_konteks_baru_setiap_kali_dan_nama_asing() -> None:
    a = templat.contoh_konteks("lembar_disposisi.docx")
    a["d"]["kepada"].append("x")
    assert "x" not in templat.contoh_konteks("lembar_disposisi.docx")["d"]["kepada"]
    with pytest.raises(KeyError, match="tidak dikenal"):
        templat.contoh_konteks("tidak_ada.docx")


@pytest.mark.parametrize("nama", NAMA)
def test_konversi_pdf_libreoffice(folder: Path, nama: str, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) tidak ada di PATH: konversi PDF tidak diuji")
    hasil = _render(folder / nama, templat.contoh_konteks(nama), tmp_path / nama)
    keluar = tmp_path / "pdf"
    proses = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(keluar),
            str(hasil),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    pdf = keluar / (Path(nama).stem + ".pdf")
    assert pdf.exists(), proses.stdout + proses.stderr
    isi = pdf.read_bytes()
    assert isi.startswith(b"%PDF")
    assert len(isi) > 1000
