"""Rendering Word documents (`pyxl.dokumen.word`): never over an existing document, written
whole or not at all, values always text, a misspelt variable an Indonesian error, and the check
of a template staff edited."""

from __future__ import annotations

import errno
import os
import shutil
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docxtpl import DocxTemplate

from pyxl.dokumen import templat
from pyxl.dokumen.word import cari_templat, ketat, periksa_templat, tulis_dokumen
from pyxl.galat import IsianError, LingkunganError
from pyxl.kontrak import skema

DISPOSISI = "lembar_disposisi.docx"
ISTIMEWA = "IKU & capaian \"Renstra\" <segera> 'kutip'"


def _templat(folder: Path, *baris: str, nama: str = "uji.docx") -> Path:
    """A template with one paragraph (one run) per line."""
    doc = docx.Document()
    for b in baris:
        doc.add_paragraph(b)
    jalur = folder / nama
    doc.save(str(jalur))
    return jalur


def _teks(jalur: Path) -> list[str]:
    return [p.text for p in docx.Document(str(jalur)).paragraphs]


def _xml(jalur: Path) -> str:
    with zipfile.ZipFile(jalur) as z:
        return z.read("word/document.xml").decode("utf-8")


def _sisa(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --------------------------------------------------------------------------- tulis_dokumen


def test_values_are_rendered_as_text(tmp_path: Path) -> None:
    tpl = _templat(tmp_path, "Perihal: {{ d.perihal }}", "Isi: {{ d.isi }}", "Kode: {{ kode }}")
    tujuan = tmp_path / "keluar" / "hasil.docx"  # the folder is made when missing
    hasil = tulis_dokumen(
        tpl,
        {"d": {"perihal": ISTIMEWA, "isi": "{{ rahasia }} {% if 1 %}x{% endif %}"}, "kode": 7},
        tujuan,
    )
    assert hasil == tujuan
    assert _teks(tujuan) == [
        f"Perihal: {ISTIMEWA}",
        "Isi: {{ rahasia }} {% if 1 %}x{% endif %}",  # a value is never parsed again
        "Kode: 7",
    ]
    xml = _xml(tujuan)
    assert "&amp; capaian" in xml and "&lt;segera&gt;" in xml
    assert "<segera>" not in xml  # never Word XML
    assert _sisa(tujuan.parent) == ["hasil.docx"]  # no temporary file left behind


def test_an_existing_document_is_never_overwritten(tmp_path: Path) -> None:
    tpl = _templat(tmp_path, "{{ x }}")
    tujuan = tmp_path / "disposisi_2026_001.docx"
    tujuan.write_bytes(b"yang lama")
    with pytest.raises(IsianError) as info:
        tulis_dokumen(tpl, {"x": "baru"}, tujuan)
    assert str(info.value) == "Dokumen disposisi_2026_001.docx sudah ada dan tidak akan ditimpa."
    assert tujuan.read_bytes() == b"yang lama"


def test_a_document_that_appears_while_rendering_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tpl = _templat(tmp_path, "{{ x }}")
    tujuan = tmp_path / "hasil.docx"
    asli = DocxTemplate.save

    def simpan(self: Any, jalur: Any, *a: Any, **k: Any) -> None:
        tujuan.write_bytes(b"ditulis orang lain")  # another program, just before the rename
        asli(self, jalur, *a, **k)

    monkeypatch.setattr(DocxTemplate, "save", simpan)
    with pytest.raises(IsianError, match="sudah ada dan tidak akan ditimpa"):
        tulis_dokumen(tpl, {"x": "baru"}, tujuan)
    assert tujuan.read_bytes() == b"ditulis orang lain"
    assert _sisa(tmp_path) == ["hasil.docx", "uji.docx"]


def test_a_full_disk_leaves_no_document_and_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tpl = _templat(tmp_path, "{{ x }}")
    keluar = tmp_path / "dokumen"
    keluar.mkdir()
    tujuan = keluar / "surat_pengantar_3_2026.docx"

    def simpan(self: Any, jalur: Any, *a: Any, **k: Any) -> None:
        Path(jalur).write_bytes(b"PK\x03\x04 setengah")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(DocxTemplate, "save", simpan)
    with pytest.raises(LingkunganError) as info:
        tulis_dokumen(tpl, {"x": "baru"}, tujuan, apa="Surat pengantar")
    pesan = str(info.value)
    assert pesan.startswith(
        f"Surat pengantar surat_pengantar_3_2026.docx di folder {keluar} tidak dapat ditulis: "
        "disk penuh"
    )
    assert "Kosongkan ruang disk" in pesan
    assert _sisa(keluar) == []  # neither the document nor its half-written temporary file


def test_a_misspelt_variable_in_a_strict_context_fails_in_indonesian(tmp_path: Path) -> None:
    tpl = _templat(tmp_path, "Nomor: {{ u.nomer }}")
    tujuan = tmp_path / "hasil.docx"
    with pytest.raises(IsianError) as info:
        tulis_dokumen(tpl, ketat({"u": {"nomor": "000.1.5/1/I.10-WK/2026"}}), tujuan)
    pesan = str(info.value)
    assert pesan.startswith("Templat uji.docx rusak: ")
    assert "variabel 'nomer' tidak ada di konteks templat" in pesan
    assert "jalankan pyxl cek" in pesan
    assert not tujuan.exists()


def test_an_unknown_name_fails_even_without_ketat(tmp_path: Path) -> None:
    tpl = _templat(tmp_path, "{{ kop.pemda }} {{ tdd.nama }}")
    with pytest.raises(IsianError, match=r"^Templat uji\.docx rusak: .*tdd"):
        tulis_dokumen(tpl, {"kop": {"pemda": "X"}}, tmp_path / "hasil.docx")
    assert _sisa(tmp_path) == ["uji.docx"]


def test_a_template_cannot_reach_python_internals(tmp_path: Path) -> None:
    tpl = _templat(tmp_path, "{{ x.__class__.__mro__ }}")
    with pytest.raises(IsianError) as info:
        tulis_dokumen(tpl, {"x": "teks"}, tmp_path / "hasil.docx")
    assert "memakai ekspresi yang tidak diizinkan" in str(info.value)
    assert not (tmp_path / "hasil.docx").exists()


def test_ketat_wraps_nested_dicts_and_lists() -> None:
    k = ketat({"u": {"nomor": 1, "daftar": [{"nama": "A"}, "teks"]}, "n": 3})
    assert k.u.nomor == 1
    assert k.u.daftar[0].nama == "A"
    assert k.u.daftar[1] == "teks"
    assert k["n"] == 3
    assert k == {"u": {"nomor": 1, "daftar": [{"nama": "A"}, "teks"]}, "n": 3}
    with pytest.raises(AttributeError):
        k.__tidak_ada__  # noqa: B018 - Python's own protocol lookups stay ordinary
    with pytest.raises(Exception, match="variabel 'nomer' tidak ada di konteks templat"):
        str(k.u.nomer)


# --------------------------------------------------------------------------- templates of staff


def test_cari_templat_prefers_the_working_folders_copy(kerja: Path) -> None:
    salinan = kerja / skema.FOLDER_TEMPLAT / DISPOSISI
    assert cari_templat(kerja, DISPOSISI) == salinan
    salinan.unlink()
    assert cari_templat(kerja, DISPOSISI) == templat.FOLDER_BAWAAN / DISPOSISI
    with pytest.raises(LingkunganError, match=r"Templat Word 'tidak_ada\.docx' tidak ditemukan"):
        cari_templat(kerja, "tidak_ada.docx")


def _ubah_xml(asal: Path, tujuan: Path, lama: str, baru: str) -> Path:
    """A copy of `asal` with `lama` replaced in word/document.xml (as staff editing in Word)."""
    with zipfile.ZipFile(asal) as zin, zipfile.ZipFile(tujuan, "w", zipfile.ZIP_DEFLATED) as zo:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                assert lama.encode() in data
                data = data.replace(lama.encode(), baru.encode(), 1)
            zo.writestr(info, data)
    return tujuan


@pytest.fixture
def salinan(kerja: Path) -> Path:
    """The staff copy of the disposition sheet in the working folder."""
    return kerja / skema.FOLDER_TEMPLAT / DISPOSISI


def test_an_unedited_template_has_no_problem(salinan: Path) -> None:
    assert periksa_templat(salinan, templat.contoh_konteks(DISPOSISI)) == []


def test_periksa_templat_reports_a_misspelt_variable(salinan: Path, tmp_path: Path) -> None:
    rusak = _ubah_xml(salinan, tmp_path / DISPOSISI, "{{ ttd.nama }}", "{{ tdd.nama }}")
    assert periksa_templat(rusak, templat.contoh_konteks(DISPOSISI)) == [
        "variabel tidak dikenal: tdd (salah ketik?)"
    ]


def test_periksa_templat_reports_a_misspelt_attribute(salinan: Path, tmp_path: Path) -> None:
    rusak = _ubah_xml(salinan, tmp_path / DISPOSISI, "{{ d.perihal }}", "{{ d.perihall }}")
    [masalah] = periksa_templat(rusak, templat.contoh_konteks(DISPOSISI))
    assert masalah.startswith("tidak dapat diisi: ")
    assert "perihall" in masalah


def test_periksa_templat_reports_a_broken_tag(salinan: Path, tmp_path: Path) -> None:
    rusak = _ubah_xml(salinan, tmp_path / DISPOSISI, "{{ d.isi }}", "{{ d.isi }")
    [masalah] = periksa_templat(rusak, templat.contoh_konteks(DISPOSISI))
    assert masalah.startswith("tanda rusak: ")


def test_periksa_templat_reports_an_unsafe_expression(salinan: Path, tmp_path: Path) -> None:
    rusak = _ubah_xml(salinan, tmp_path / DISPOSISI, "{{ d.isi }}", "{{ d.isi.__class__ }}")
    [masalah] = periksa_templat(rusak, templat.contoh_konteks(DISPOSISI))
    assert masalah.startswith("memakai ekspresi yang tidak diizinkan")


def test_periksa_templat_reports_a_file_that_is_not_word(kerja: Path, tmp_path: Path) -> None:
    # A zip without Word's parts, and a workbook renamed .docx.
    kosong = tmp_path / "kosong.docx"
    with zipfile.ZipFile(kosong, "w") as z:
        z.writestr("catatan.txt", "bukan dokumen")
    buku = tmp_path / "buku.docx"
    shutil.copyfile(kerja / skema.NAMA_MASTER, buku)
    nol = tmp_path / "nol.docx"
    nol.write_bytes(b"")
    teks = tmp_path / "teks.docx"
    teks.write_text("ini surat lama yang diganti namanya", encoding="utf-8")
    for palsu in (kosong, buku, nol, teks):
        [masalah] = periksa_templat(palsu, templat.contoh_konteks(DISPOSISI))
        assert masalah.startswith("bukan dokumen Word yang sah ("), masalah


@pytest.mark.parametrize("isi", [b"", b"bukan zip", b"PK\x03\x04 terpotong"])
def test_a_step_with_a_template_that_is_not_word_says_so_in_indonesian(
    kerja: Path, isi: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    """A staff copy saved as something else (0 bytes, text, a broken zip): the step stops with
    a message naming the template, never a traceback, and writes nothing."""
    from pyxl.cli import main

    (kerja / skema.FOLDER_TEMPLAT / DISPOSISI).write_bytes(isi)
    sebelum = (kerja / skema.NAMA_MASTER).read_bytes()
    kode = main(
        ["disposisi", "--workbook", str(kerja / skema.NAMA_MASTER), "--tanggal", "5 Januari 2026"]
    )
    err = capsys.readouterr().err
    assert kode == 1
    assert f"Templat {DISPOSISI}" in err and "bukan dokumen Word (.docx) yang sah" in err
    assert "Traceback" not in err
    assert (kerja / skema.NAMA_MASTER).read_bytes() == sebelum
    assert not list((kerja / "dokumen").glob("*.docx"))


def test_a_variable_the_sample_lacks_is_unknown(tmp_path: Path) -> None:
    tpl = _templat(tmp_path, "{{ kop.pemda }} {{ catatan_baru }}")
    assert periksa_templat(tpl, {"kop": {"pemda": "X"}}) == [
        "variabel tidak dikenal: catatan_baru (salah ketik?)"
    ]
    assert periksa_templat(tpl, {"kop": {"pemda": "X"}, "catatan_baru": "y"}) == []


# --------------------------------------------------------------- the same XML as docxtpl


def _dengan_tab_dan_baris(nilai: Any) -> Any:
    """Every text of a context with a tab and a line break in it (docxtpl's listing pass)."""
    if isinstance(nilai, dict):
        return {k: _dengan_tab_dan_baris(v) for k, v in nilai.items()}
    if isinstance(nilai, list):
        return [_dengan_tab_dan_baris(v) for v in nilai]
    return f"{nilai}\tsatu\ndua" if isinstance(nilai, str) and nilai else nilai


def _bagian(doc: Any) -> dict[str, bytes]:
    """Every XML part of a rendered document, canonical (namespace declarations where
    they are used), and the other parts as they are."""
    from lxml import etree

    hasil = {}
    for part in doc.docx.part.package.iter_parts():
        blob = part.blob
        if part.content_type.endswith("xml"):
            blob = etree.tostring(etree.fromstring(blob), method="c14n")
        hasil[str(part.partname)] = blob
    return hasil


def _docxtpl_saja(jalur: Path, konteks: dict[str, Any]) -> dict[str, bytes]:
    """docxtpl as it is, in the sandbox pyxl renders in, its body parsed as python-docx
    parses a document."""
    from docx.oxml.parser import parse_xml
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment
    from lxml import etree

    doc = DocxTemplate(str(jalur))
    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)
    doc.render(konteks, jinja_env=env, autoescape=True)
    akar = parse_xml(etree.tostring(doc.docx.element))
    doc.docx._part._element = doc.docx._element = akar
    return _bagian(doc)


@pytest.mark.parametrize("nama", templat.NAMA_TEMPLAT)
@pytest.mark.parametrize("ubah", [False, True], ids=["contoh", "tab-baris"])
def test_rendering_gives_the_xml_docxtpl_gives(nama: str, ubah: bool) -> None:
    """The passes `pyxl.dokumen.word` makes proportional to the document (listing, one
    parse, the table walk only where it changes something, the context lookups) leave every
    part of every template's document as docxtpl itself renders it."""
    from pyxl.dokumen.word import _templat, lingkungan

    jalur = templat.FOLDER_BAWAAN / nama
    konteks = templat.contoh_konteks(nama)
    if ubah:
        konteks = _dengan_tab_dan_baris(konteks)
    doc = _templat(jalur)
    doc.render(konteks, jinja_env=lingkungan(), autoescape=True)
    assert _bagian(doc) == _docxtpl_saja(jalur, konteks)


def test_a_column_loop_still_gets_its_grid_fixed(tmp_path: Path) -> None:
    """A template whose rows get their cells from a loop (`{%tc`) is walked as docxtpl
    walks it: the grid has as many columns as the widest row."""
    from pyxl.dokumen.word import _templat, lingkungan

    d = docx.Document()
    t = d.add_table(rows=1, cols=3)
    t.cell(0, 0).text = "{%tc for k in kolom %}"
    t.cell(0, 1).text = "{{ k }}"
    t.cell(0, 2).text = "{%tc endfor %}"
    jalur = tmp_path / "kolom.docx"
    d.save(str(jalur))
    konteks = {"kolom": ["a", "b", "c", "d", "e"]}
    doc = _templat(jalur)
    doc.render(konteks, jinja_env=lingkungan(), autoescape=True)
    assert _bagian(doc) == _docxtpl_saja(jalur, konteks)
    assert len(doc.docx.element.body.findall(".//" + docx.oxml.ns.qn("w:gridCol"))) == 5


def _dengan_istimewa(nilai: Any) -> Any:
    """Every text of a context with the characters markupsafe escapes in it."""
    if isinstance(nilai, dict):
        return {k: _dengan_istimewa(v) for k, v in nilai.items()}
    if isinstance(nilai, list):
        return [_dengan_istimewa(v) for v in nilai]
    return f"{nilai} {ISTIMEWA}" if isinstance(nilai, str) and nilai else nilai


def _spasi_setelah_baris(nilai: Any) -> Any:
    """Every text of a context ending in a line break and a space: the listing pass makes
    the space a text of its own, blank between two tags."""
    if isinstance(nilai, dict):
        return {k: _spasi_setelah_baris(v) for k, v in nilai.items()}
    if isinstance(nilai, list):
        return [_spasi_setelah_baris(v) for v in nilai]
    return f"{nilai}\n " if isinstance(nilai, str) and nilai else nilai


@pytest.mark.parametrize("nama", templat.NAMA_TEMPLAT)
@pytest.mark.parametrize("ubah", ["contoh", "tab-baris", "istimewa", "spasi-setelah-baris"])
def test_a_body_kept_as_text_gives_the_xml_docxtpl_gives(nama: str, ubah: str) -> None:
    """The body saved as the rendered text (no tree) is, canonically, the XML docxtpl's tree
    gives, in every part; and the outputs escape exactly as markupsafe does. Blank text the
    listing pass makes (done on the text's UTF-8, after the first look for blank text) sends
    the body the tree's way, with the same XML."""
    from pyxl.dokumen.word import _templat, lingkungan

    jalur = templat.FOLDER_BAWAAN / nama
    konteks = templat.contoh_konteks(nama)
    if ubah == "tab-baris":
        konteks = _dengan_tab_dan_baris(konteks)
    elif ubah == "istimewa":
        konteks = _dengan_istimewa(konteks)
    elif ubah == "spasi-setelah-baris":
        konteks = _spasi_setelah_baris(konteks)
    doc = _templat(jalur, teks=True)
    doc.render(konteks, jinja_env=lingkungan(), autoescape=True)
    assert (doc._teks is not None) == (ubah != "spasi-setelah-baris")  # the text's way?
    assert _bagian(doc) == _docxtpl_saja(jalur, konteks)


def _isi_docx(jalur: Path) -> dict[str, bytes]:
    """Every member of a .docx, its XML canonical."""
    from lxml import etree

    with zipfile.ZipFile(jalur) as z:
        return {
            n: etree.tostring(etree.fromstring(z.read(n)), method="c14n")
            if n.endswith((".xml", ".rels"))
            else z.read(n)
            for n in z.namelist()
        }


@pytest.mark.parametrize("jumlah", [2, 45])
def test_the_dokumen_iku_as_text_is_the_document_of_the_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jumlah: int
) -> None:
    """The whole Dokumen IKU (its chart a picture, or three of 45 Bagian; its template
    cleaned before rendering) written from the rendered text holds, member for member, what
    the tree's way writes."""
    from pyxl.dokumen import iku, word
    from pyxl.dokumen.grafik import gambar_capaian
    from pyxl.inti.capaian import Skala

    konteks = _dengan_istimewa(iku._konteks_uji(30))
    data = [(f"Bagian {i}", None if i == 1 else 80.0 + i) for i in range(jumlah)]
    png = gambar_capaian(data, Skala().batas, Skala().label)
    assert len(png) == (1 if jumlah == 2 else 3)
    teks = iku.tulis(templat.FOLDER_BAWAAN / iku.TEMPLAT, konteks, png, tmp_path / "teks.docx")
    monkeypatch.setattr(word, "_teks_calon", lambda *_: None)
    pohon = iku.tulis(templat.FOLDER_BAWAAN / iku.TEMPLAT, konteks, png, tmp_path / "pohon.docx")
    a, b = _isi_docx(teks), _isi_docx(pohon)
    a.pop("docProps/core.xml"), b.pop("docProps/core.xml")  # the time of writing
    assert a == b
    assert 'w:tblHeader w:val="true"' not in _xml(teks)


def test_a_body_the_text_cannot_take_goes_the_trees_way() -> None:
    """Blank text between tags (python-docx's parse drops it), a broken body, a picture
    under another prefix: the rendered text is parsed as before."""
    from pyxl.dokumen.word import _sah, _teks_calon

    def utuh(teks: str) -> bytes | None:
        awal, akhir = teks.index("<w:body"), teks.rindex("</w:body>") + len("</w:body>")
        blob = _teks_calon(teks[:awal], teks[awal:akhir], teks[akhir:], lambda: 1)
        return blob if blob is not None and _sah(blob) else None

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    assert utuh(f"<w:document {w}><w:body><w:p/></w:body></w:document>")
    assert not utuh(f"<w:document {w}><w:body> <w:p/></w:body></w:document>")
    assert not utuh(f"<w:document {w}><w:body><w:p></w:body></w:document>")
    assert not utuh(f'<w:document {w}><w:body><x:docPr id="1"/></w:body></w:document>')
    # blank text at the edges of the body: found as in the whole text
    assert not utuh(f"<w:document {w}> <w:body><w:p/></w:body></w:document>")
    assert not utuh(f"<w:document {w}><w:body><w:p/></w:body>\n</w:document>")


def test_a_rendering_the_check_refuses_is_written_the_trees_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An `if` from a paragraph into a table cell renders, when false, tags closing what was
    never opened: the text passes the quick checks, the parse running beside the save says
    no, and the document written is the tree's (docxtpl's lenient parse), no temporary file
    left behind."""
    from pyxl.dokumen import word

    doc = docx.Document()
    doc.add_paragraph("{% if x %}awal")
    doc.add_table(1, 1).cell(0, 0).text = "akhir{% endif %} sel"
    doc.add_paragraph("penutup")
    jalur = tmp_path / "rusak.docx"
    doc.save(str(jalur))
    jawaban: list[bool] = []
    sah = word._sah
    monkeypatch.setattr(word, "_sah", lambda blob: jawaban.append(sah(blob)) or jawaban[-1])
    keluar = tmp_path / "keluar"
    teks = tulis_dokumen(jalur, {"x": False}, keluar / "teks.docx")
    assert jawaban == [False]  # the text was tried, and refused
    assert _sisa(keluar) == ["teks.docx"]
    monkeypatch.setattr(word, "_teks_calon", lambda *_: None)
    pohon = tulis_dokumen(jalur, {"x": False}, tmp_path / "pohon.docx")
    a, b = _isi_docx(teks), _isi_docx(pohon)
    a.pop("docProps/core.xml", None), b.pop("docProps/core.xml", None)
    assert a == b


def test_the_callers_work_runs_after_rendering_before_the_document_is_saved(
    tmp_path: Path,
) -> None:
    """`selagi` runs once, after the rendering, while nothing is written yet."""
    jalur = _templat(tmp_path, "Halo {{ nama }}")
    tujuan = tmp_path / "keluar" / "surat.docx"
    urutan: list[str] = []

    class Nama:
        def __str__(self) -> str:
            urutan.append("render")
            return "Way Kanan"

    tulis_dokumen(
        jalur,
        {"nama": Nama()},
        tujuan,
        selagi=lambda: urutan.append(f"selagi, dokumen ada: {tujuan.exists()}"),
    )
    assert urutan == ["render", "selagi, dokumen ada: False"]
    assert _teks(tujuan) == ["Halo Way Kanan"]


def test_a_check_that_fails_itself_is_a_refusal_and_prints_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """The check in its thread failing (not answering) sends the document the tree's way,
    quietly: no traceback of the thread on the console."""
    from pyxl.dokumen import word

    def gagal(_blob: bytes) -> bool:
        raise MemoryError("uji")

    jalur = _templat(tmp_path, "Halo {{ nama }}", "Sampai jumpa")
    monkeypatch.setattr(word, "_sah", gagal)
    teks = tulis_dokumen(jalur, {"nama": "Way Kanan"}, tmp_path / "a" / "teks.docx")
    assert _sisa(tmp_path / "a") == ["teks.docx"]
    assert "Traceback" not in capfd.readouterr().err
    monkeypatch.setattr(word, "_teks_calon", lambda *_: None)
    pohon = tulis_dokumen(jalur, {"nama": "Way Kanan"}, tmp_path / "pohon.docx")
    a, b = _isi_docx(teks), _isi_docx(pohon)
    a.pop("docProps/core.xml", None), b.pop("docProps/core.xml", None)
    assert a == b
    assert _teks(teks) == ["Halo Way Kanan", "Sampai jumpa"]


def test_rendered_text_that_is_not_well_formed_is_never_saved_quietly(tmp_path: Path) -> None:
    """Saving a template rendered as text waits for the check: a refusal is an exception,
    whoever saves it."""
    from pyxl.dokumen import word

    doc = docx.Document()
    doc.add_paragraph("{% if x %}awal")
    doc.add_table(1, 1).cell(0, 0).text = "akhir{% endif %} sel"
    doc.save(str(tmp_path / "rusak.docx"))
    t = word._templat(tmp_path / "rusak.docx", teks=True)
    t.render({"x": False}, jinja_env=word.lingkungan(), autoescape=True)
    assert t._teks is not None  # the quick checks took it as text
    with pytest.raises(word._BukanTeks):
        t.save(str(tmp_path / "keluar.docx"))


@pytest.mark.parametrize("id_gambar", ["7", "x7"])
def test_a_template_picture_is_numbered_as_docxtpl_numbers_it(
    tmp_path: Path, id_gambar: str
) -> None:
    """A picture of the template itself, repeated by a loop: numbered in the text (its ids
    digits) or, an id of another kind, the tree's way; the XML is docxtpl's either way."""
    import io

    from docx.oxml.ns import qn
    from PIL import Image

    from pyxl.dokumen.word import _templat, lingkungan

    png = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(png, format="PNG")
    d = docx.Document()
    d.add_paragraph("{%p for x in xs %}")
    d.add_paragraph("{{ x }}").add_run().add_picture(io.BytesIO(png.getvalue()))
    d.add_paragraph("{%p endfor %}")
    for el in d.element.body.iter(qn("wp:docPr")):
        el.set("id", id_gambar)
    jalur = tmp_path / "gambar.docx"
    d.save(str(jalur))
    konteks = {"xs": ["a", "b", "c"]}
    doc = _templat(jalur, teks=True)
    doc.render(konteks, jinja_env=lingkungan(), autoescape=True)
    assert (doc._teks is not None) == id_gambar.isdigit()
    assert _bagian(doc) == _docxtpl_saja(jalur, konteks)


def test_a_template_is_cleaned_before_it_renders_into_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`bersihkan` on the template, before rendering: the rows a loop copies are as clean as
    when the rendered tree was cleaned, and the document the same."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from pyxl.dokumen import word

    d = docx.Document()
    t = d.add_table(rows=4, cols=1)
    for i, teks in enumerate(["Judul", "{%tr for x in xs %}", "{{ x }}", "{%tr endfor %}"]):
        t.cell(i, 0).text = teks
    for i, (nama, val) in enumerate([("w:tblHeader", "true"), ("w:cantSplit", "0")][:2]):
        el = OxmlElement(nama)
        el.set(qn("w:val"), val)
        t.rows[2 * i]._tr.get_or_add_trPr().append(el)
    jalur = tmp_path / "tabel.docx"
    d.save(str(jalur))
    konteks = {"xs": ["satu", "dua", ISTIMEWA]}
    teks = tulis_dokumen(jalur, konteks, tmp_path / "teks.docx")
    monkeypatch.setattr(word, "_teks_calon", lambda *_: None)
    pohon = tulis_dokumen(jalur, konteks, tmp_path / "pohon.docx")
    a, b = _isi_docx(teks), _isi_docx(pohon)
    a.pop("docProps/core.xml", None), b.pop("docProps/core.xml", None)
    assert a == b
    xml = _xml(teks)
    assert "<w:tblHeader/>" in xml and 'w:val="true"' not in xml
    assert xml.count('<w:cantSplit w:val="off"/>') == 3  # the template's row, copied 3 times


# --------------------------------------------------------------------------- compiled parts


@pytest.fixture
def simpanan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[str]]:
    """Compiled template parts kept in a folder of this test, and the sources compiled."""
    from jinja2 import Environment, FileSystemBytecodeCache

    from pyxl.dokumen import word

    folder = tmp_path / "simpanan"
    folder.mkdir()
    cache = FileSystemBytecodeCache(str(folder), "pyxl-templat-%s.cache")
    monkeypatch.setattr(word, "_tersimpan", lambda: cache)
    dikompilasi: list[str] = []
    asli = Environment.compile

    def compile(self: Any, source: Any, *a: Any, **k: Any) -> Any:
        dikompilasi.append(source)
        return asli(self, source, *a, **k)

    monkeypatch.setattr(Environment, "compile", compile)
    return folder, dikompilasi


def test_a_template_part_is_compiled_once_and_its_code_kept(
    tmp_path: Path, simpanan: tuple[Path, list[str]]
) -> None:
    folder, dikompilasi = simpanan
    tpl = _templat(tmp_path, "Perihal: {{ d.perihal }}", "{% for i in d.isi %}{{ i }};{% endfor %}")
    tulis_dokumen(tpl, {"d": {"perihal": "Satu", "isi": ["a", "b"]}}, tmp_path / "1.docx")
    pertama = len(dikompilasi)
    assert pertama >= 1 and len(list(folder.iterdir())) == pertama
    tulis_dokumen(tpl, {"d": {"perihal": ISTIMEWA, "isi": ["c"]}}, tmp_path / "2.docx")
    assert len(dikompilasi) == pertama  # the second run compiled nothing
    assert _teks(tmp_path / "2.docx") == [f"Perihal: {ISTIMEWA}", "c;"]
    assert "&lt;segera&gt;" in _xml(tmp_path / "2.docx")  # still escaped

    diubah = _templat(tmp_path, "Perihal baru: {{ d.perihal }}", nama="uji2.docx")
    tulis_dokumen(diubah, {"d": {"perihal": "Dua"}}, tmp_path / "3.docx")
    assert any("Perihal baru" in s for s in dikompilasi[pertama:])  # an edited text: anew
    assert _teks(tmp_path / "3.docx") == ["Perihal baru: Dua"]


def test_kept_code_is_still_sandboxed(tmp_path: Path, simpanan: tuple[Path, list[str]]) -> None:
    tpl = _templat(tmp_path, "{{ x.__class__.__mro__ }}")
    for nama in ("1.docx", "2.docx"):  # compiled, then from the kept code
        with pytest.raises(IsianError, match="memakai ekspresi yang tidak diizinkan"):
            tulis_dokumen(tpl, {"x": "teks"}, tmp_path / nama)
        if nama == "1.docx":
            bagian = len(simpanan[1])
    assert len(simpanan[1]) == bagian


def test_a_damaged_or_unwritable_cache_only_costs_a_compile(
    tmp_path: Path, simpanan: tuple[Path, list[str]]
) -> None:
    folder, dikompilasi = simpanan
    tpl = _templat(tmp_path, "Kode: {{ kode }}")
    tulis_dokumen(tpl, {"kode": 1}, tmp_path / "1.docx")
    bagian = len(dikompilasi)  # the distinct texts of the document (each compiled once)
    assert bagian == len(set(dikompilasi))
    for berkas in folder.iterdir():
        berkas.write_bytes(b"rusak")  # a truncated or foreign file
    tulis_dokumen(tpl, {"kode": 2}, tmp_path / "2.docx")
    assert _teks(tmp_path / "2.docx") == ["Kode: 2"] and len(dikompilasi) == 2 * bagian
    tulis_dokumen(tpl, {"kode": 3}, tmp_path / "3.docx")  # kept again
    assert len(dikompilasi) == 2 * bagian
    shutil.rmtree(folder)  # nowhere to read or write
    tulis_dokumen(tpl, {"kode": 4}, tmp_path / "4.docx")
    assert _teks(tmp_path / "4.docx") == ["Kode: 4"]
    assert set(dikompilasi[2 * bagian :]) == set(dikompilasi[:bagian])  # each compiled again


def test_the_kept_parts_are_bounded_the_oldest_written_go(
    tmp_path: Path, simpanan: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pyxl.dokumen import word

    folder, dikompilasi = simpanan
    tpl = _templat(tmp_path, "Kode: {{ kode }}")
    tulis_dokumen(tpl, {"kode": 1}, tmp_path / "1.docx")
    milik = set(folder.iterdir())  # this template's parts
    for f in milik:
        f.unlink()
    monkeypatch.setattr(word, "BATAS_SIMPANAN", len(milik) + 2)
    lama = [folder / f"pyxl-templat-{i:064x}.cache" for i in range(8)]
    for i, f in enumerate(lama):  # parts of templates since edited, oldest first
        f.write_bytes(b"x")
        os.utime(f, (1_000_000 + i, 1_000_000 + i))
    lain = folder / "bukan-milik-pyxl.cache"
    lain.write_bytes(b"x")
    tulis_dokumen(tpl, {"kode": 2}, tmp_path / "2.docx")  # compiled again, kept again
    assert set(folder.glob("pyxl-templat-*.cache")) == milik | set(lama[-2:])
    assert lain.exists()  # what is not ours is left alone
    n = len(dikompilasi)
    tulis_dokumen(tpl, {"kode": 3}, tmp_path / "3.docx")
    assert len(dikompilasi) == n and _teks(tmp_path / "3.docx") == ["Kode: 3"]


def test_a_broken_tag_still_names_its_line(tmp_path: Path) -> None:
    # rendered without a line per paragraph first, then again with them to name the line
    tpl = _templat(tmp_path, "Satu {{ a }}", "Dua", "Tiga {{ b }", "Empat")
    with pytest.raises(IsianError, match=r"^Templat uji\.docx rusak: unexpected '}'") as info:
        tulis_dokumen(tpl, {"a": 1, "b": 2}, tmp_path / "hasil.docx")
    sebab = info.value.__cause__
    assert getattr(sebab, "lineno", None) == 4  # a line per paragraph, after the body's start
    assert getattr(sebab, "docx_context", [])[1:4] == ["Satu {{ a }}", "Dua", "Tiga {{ b }Empat"]
    assert not (tmp_path / "hasil.docx").exists()


def test_a_chart_of_45_bagian_is_three_pictures_each_on_a_page(tmp_path: Path) -> None:
    """More Bagian than a page holds: three pictures one below the other, each the text's
    width and shorter than the page, a paragraph each that may break before it; LibreOffice
    lays them out on their pages, the first under its heading, the caption under the last."""
    import re
    import subprocess

    from libreoffice import _poppler, konversi, teks_halaman
    from pyxl.dokumen import iku
    from pyxl.dokumen.grafik import gambar_capaian
    from pyxl.inti.capaian import Skala

    data = [(f"Bagian Nomor {i + 1}", 40.0 + 2 * i) for i in range(45)]
    png = gambar_capaian(data, Skala().batas, Skala().label)
    berkas = iku.tulis(
        templat.FOLDER_BAWAAN / iku.TEMPLAT, iku._konteks_uji(30), png, tmp_path / "iku.docx"
    )
    xml = _xml(berkas)
    lebar = 160 * 36_000  # EMU
    ukuran = [
        int(cy)
        for cx, cy in re.findall(r'<wp:extent cx="(\d+)" cy="(\d+)"', xml)
        if cx == str(lebar)
    ]
    assert len(ukuran) == 3 and max(ukuran) <= 200 * 36_000
    paragraf = [p for p in re.findall(r"<w:p[ >].*?</w:p>", xml) if f'cx="{lebar}"' in p]
    assert [p.count("<w:drawing>") for p in paragraf] == [1, 1, 1]
    assert all('<w:widowControl w:val="0"/>' in p for p in paragraf)
    assert ["<w:keepNext/>" in p for p in paragraf] == [False, False, True]  # with the caption

    pdf = konversi(berkas, "pdf", tmp_path)
    daftar = subprocess.run(
        [_poppler("pdfimages"), "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    halaman = [int(b.split()[0]) for b in daftar if b.split()[3] == "1500"]
    assert len(halaman) == 3 and len(set(halaman)) >= 2, daftar  # a page cannot hold all three
    judul = "3.6 Grafik Capaian Kinerja per Bagian"
    assert judul in teks_halaman(pdf, halaman[0], tata_letak=False)  # not alone a page before
    keterangan = "Gambar 3.1 Rata-rata Capaian Kinerja per Bagian"
    assert keterangan in teks_halaman(pdf, halaman[-1], tata_letak=False)  # kept with the last
