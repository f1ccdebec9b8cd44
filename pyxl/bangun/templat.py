"""Generator of the Word templates in the package's ``pyxl/templates/`` folder.

Documents are rendered with docxtpl: Jinja2 tags inside a .docx that staff may open and edit in
Word. The committed templates are written by this module so they can be rebuilt at any time::

    python -m pyxl.bangun.templat [FOLDER]     # default: pyxl/templates/

One builder function per template (registered in `TEMPLATES`), sharing `dokumen_baru` (page,
fonts, fixed metadata), `kop_surat` (letterhead) and `blok_ttd` (signature block).

Rules every builder follows, because docxtpl depends on them:

* each Jinja tag lies wholly inside one run (one ``add_run`` call); Word itself may later split
  runs when a tag is edited by hand, so tags are best retyped whole, not partly;
* only straight quotes inside tags (Word's autocorrect turns them curly: switch it off when
  editing a tag);
* loops use docxtpl paragraph tags (``{%p for ... %}`` / ``{%p endfor %}``), each alone in its
  paragraph, or ``{%tr ... %}`` for table rows; a table cell keeps at least one ordinary
  paragraph outside the loop, because an empty cell is invalid in Word.

Every value is written pre-formatted (see `pyxl.inti.indo`): the templates do no formatting.
Generation is reproducible byte for byte: fixed core properties and fixed zip timestamps.
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ALIGN_VERTICAL, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from pyxl.inti import indo

__all__ = [
    "FOLDER_BAWAAN",
    "TEMPLATES",
    "blok_ttd",
    "contoh_konteks",
    "daftar_hadir",
    "dokumen_baru",
    "dokumen_iku",
    "kop_surat",
    "lembar_disposisi",
    "main",
    "notula_rapat",
    "simpan",
    "surat_pengantar",
    "tulis_semua",
    "undangan_rapat",
]

FONT = "Arial"
UKURAN = Pt(11)
PENULIS = "Bagian Perencanaan dan Keuangan"
WAKTU_TETAP = datetime(2026, 1, 1, 0, 0, 0)
"""Created/modified date written into every template, so regeneration changes nothing."""
_ZIP_WAKTU = (1980, 1, 1, 0, 0, 0)

FOLDER_BAWAAN = Path(__file__).resolve().parents[1] / "templates"
"""The package's ``templates/`` folder (installed with it, so ``pyxl init`` works from a wheel)."""

LEBAR_TEKS = Cm(16)
"""Text width of A4 portrait with 2.5 cm margins left and right."""

# Successors of w:pBdr inside w:pPr and of w:lang inside w:rPr (schema order matters to Word).
_SESUDAH_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
_SESUDAH_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")


# --------------------------------------------------------------------------- shared helpers


def dokumen_baru(judul: str) -> DocumentObject:
    """An empty A4 portrait document: 2.5 cm margins, Arial 11 pt single-spaced, Indonesian
    proofing language, and fixed core properties (author `PENULIS`, dates `WAKTU_TETAP`)."""
    doc = Document()
    bagian = doc.sections[0]
    bagian.orientation = WD_ORIENT.PORTRAIT
    bagian.page_width, bagian.page_height = Cm(21), Cm(29.7)
    for sisi in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(bagian, sisi, Cm(2.5))
    bagian.header_distance = bagian.footer_distance = Cm(1.25)

    for nama in ("Normal", "Header", "Footer"):
        gaya = doc.styles[nama]
        gaya.font.name = FONT
        gaya.font.size = UKURAN
        rpr = gaya.element.get_or_add_rPr()
        rpr.rFonts.set(qn("w:eastAsia"), FONT)
        rpr.rFonts.set(qn("w:cs"), FONT)
        _bahasa(rpr, "id-ID")
        fmt = gaya.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.line_spacing = 1.0

    # The default template's preview picture shows some other document: drop it.
    paket = doc.part.package
    for rid, rel in list(paket.rels.items()):
        if rel.reltype.endswith("/metadata/thumbnail"):
            del paket.rels[rid]

    inti = doc.core_properties
    inti.title = judul
    inti.subject = "Templat docxtpl pyxl"
    inti.author = inti.last_modified_by = PENULIS
    inti.created = inti.modified = inti.last_printed = WAKTU_TETAP
    inti.revision = 1
    inti.language = "id-ID"
    inti.comments = "Dibuat ulang dengan: python -m pyxl.bangun.templat"
    return doc


def _bahasa(rpr: Any, kode: str) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.insert_element_before(lang, *_SESUDAH_LANG)
    lang.set(qn("w:val"), kode)
    lang.set(qn("w:eastAsia"), kode)


def paragraf(
    wadah: DocumentObject | _Cell | Any,
    *runs: str,
    tebal: bool = False,
    garis_bawah: bool = False,
    ukuran: float | None = None,
    rata: WD_ALIGN_PARAGRAPH | None = None,
    jarak_sesudah: float = 0,
) -> Paragraph:
    """Add a paragraph to `wadah` (document, cell, header or footer), one run per string in
    `runs`, so a Jinja tag given as one string always stays in one run."""
    par: Paragraph = wadah.add_paragraph()
    for teks in runs:
        run = par.add_run(teks)
        run.bold = tebal or None
        run.underline = garis_bawah or None
        if ukuran is not None:
            run.font.size = Pt(ukuran)
    if rata is not None:
        par.alignment = rata
    if jarak_sesudah:
        par.paragraph_format.space_after = Pt(jarak_sesudah)
    return par


def _cell_paragraf(sel: _Cell, *runs: str, tebal: bool = False) -> Paragraph:
    """Write into a cell's first (empty) paragraph, or add one when it is used already."""
    par = sel.paragraphs[0]
    if par.text or par.runs:
        return paragraf(sel, *runs, tebal=tebal)
    for teks in runs:
        par.add_run(teks).bold = tebal or None
    return par


def _garis_bawah_paragraf(
    par: Paragraph, jenis: str = "thickThinSmallGap", tebal: int = 24
) -> None:
    """Bottom border of a paragraph (the line under a kop surat). `tebal` in eighths of a pt."""
    ppr = par._p.get_or_add_pPr()
    pbdr = OxmlElement("w:pBdr")
    bawah = OxmlElement("w:bottom")
    bawah.set(qn("w:val"), jenis)
    bawah.set(qn("w:sz"), str(tebal))
    bawah.set(qn("w:space"), "1")
    bawah.set(qn("w:color"), "auto")
    pbdr.append(bawah)
    ppr.insert_element_before(pbdr, *_SESUDAH_PBDR)


def tabel(doc: DocumentObject, baris: int, lebar_cm: Sequence[float], garis: bool = True) -> Table:
    """A table of fixed column widths (cm), with the single-line grid when `garis`."""
    tbl = doc.add_table(rows=baris, cols=len(lebar_cm))
    if garis:
        tbl.style = doc.styles["Table Grid"]
    tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl.autofit = False
    for i, lebar in enumerate(lebar_cm):
        tbl.columns[i].width = Cm(lebar)
        for sel in tbl.columns[i].cells:
            sel.width = Cm(lebar)
    return tbl


def kop_surat(doc: DocumentObject) -> None:
    """The letterhead: ``kop.pemda``, ``kop.unit`` (larger) and ``kop.alamat`` (small), centred
    and bold, closed by a thick-thin line. Variables: ``kop.pemda``, ``kop.unit``,
    ``kop.alamat``. (A logo can be pasted left of the kop in Word; it is not a variable.)"""
    tengah = WD_ALIGN_PARAGRAPH.CENTER
    paragraf(doc, "{{ kop.pemda }}", tebal=True, ukuran=14, rata=tengah)
    paragraf(doc, "{{ kop.unit }}", tebal=True, ukuran=16, rata=tengah)
    alamat = paragraf(doc, "{{ kop.alamat }}", ukuran=9, rata=tengah)
    alamat.paragraph_format.space_after = Pt(2)
    _garis_bawah_paragraf(alamat)
    paragraf(doc)  # breathing space under the line


def blok_ttd(doc: DocumentObject, tempat_tanggal: str | None = None, baris_kosong: int = 4) -> None:
    """Signature block in the right half of the page, lines centred within it:
    [`tempat_tanggal`], ``ttd.jabatan``, blank lines to sign, ``ttd.nama`` (bold, underlined),
    ``ttd.pangkat``, ``NIP ttd.nip``. `tempat_tanggal` is template text such as
    ``"{{ kop.kota }}, {{ d.tanggal }}"`` (None: the letter carries it at the top instead).
    ``ttd.jabatan`` may hold several lines (``"a.n. SEKRETARIS DAERAH\\nASISTEN ..."``):
    docxtpl turns ``\\n`` in a value into a line break."""
    tengah = WD_ALIGN_PARAGRAPH.CENTER
    baris: list[Paragraph] = [paragraf(doc)]
    if tempat_tanggal is not None:
        baris.append(paragraf(doc, tempat_tanggal, rata=tengah))
    baris.append(paragraf(doc, "{{ ttd.jabatan }}", rata=tengah))
    baris += [paragraf(doc) for _ in range(baris_kosong)]
    baris.append(paragraf(doc, "{{ ttd.nama }}", tebal=True, garis_bawah=True, rata=tengah))
    baris.append(paragraf(doc, "{{ ttd.pangkat }}", rata=tengah))
    baris.append(paragraf(doc, "NIP ", "{{ ttd.nip }}", rata=tengah))
    for i, par in enumerate(baris):
        fmt = par.paragraph_format
        fmt.left_indent = Cm(8.5)
        fmt.keep_together = True
        fmt.keep_with_next = i < len(baris) - 1  # never split the block across pages


def kaki(doc: DocumentObject, *runs: str) -> None:
    """Small footer line on every page."""
    kaki_hal = doc.sections[0].footer
    kaki_hal.is_linked_to_previous = False
    par = kaki_hal.paragraphs[0]
    for teks in runs:
        par.add_run(teks).font.size = Pt(8)


# --------------------------------------------------------------------------- templates


def lembar_disposisi() -> DocumentObject:
    """``lembar_disposisi.docx`` (SOP step 1). Context: ``kop`` (pemda, unit, alamat, kota),
    ``d`` (surat_dari, nomor_surat, tanggal_surat, perihal, diterima_tanggal, nomor_agenda,
    sifat, kepada: list of str, isi, tanggal, dicetak) and ``ttd`` (jabatan, nama, pangkat,
    nip), all strings already formatted."""
    doc = dokumen_baru("Lembar Disposisi")
    kop_surat(doc)
    paragraf(
        doc, "LEMBAR DISPOSISI", tebal=True, ukuran=13, rata=WD_ALIGN_PARAGRAPH.CENTER,
        jarak_sesudah=8,
    )  # fmt: skip

    isian = [
        ("Surat dari", "{{ d.surat_dari }}"),
        ("Nomor Surat", "{{ d.nomor_surat }}"),
        ("Tanggal Surat", "{{ d.tanggal_surat }}"),
        ("Perihal", "{{ d.perihal }}"),
        ("Diterima Tanggal", "{{ d.diterima_tanggal }}"),
        ("Nomor Agenda", "{{ d.nomor_agenda }}"),
        ("Sifat", "{{ d.sifat }}"),
    ]
    tbl = tabel(doc, len(isian), (4.5, 11.5))
    for baris, (label, tag) in zip(tbl.rows, isian, strict=True):
        _cell_paragraf(baris.cells[0], label)
        _cell_paragraf(baris.cells[1], tag)

    paragraf(doc)
    tbl = tabel(doc, 1, (8, 8))
    baris = tbl.rows[0]
    baris.height = Cm(7)  # room for a handwritten note
    baris.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    kiri, kanan = baris.cells
    _cell_paragraf(kiri, "Diteruskan kepada:", tebal=True)
    paragraf(kiri, "{%p for k in d.kepada %}")
    item = paragraf(kiri, "{{ loop.index }}. ", "{{ k }}")
    item.paragraph_format.left_indent = Cm(0.6)
    item.paragraph_format.first_line_indent = Cm(-0.6)
    paragraf(kiri, "{%p endfor %}")
    _cell_paragraf(kanan, "Isi Disposisi:", tebal=True)
    paragraf(kanan, "{{ d.isi }}")

    blok_ttd(doc, "{{ kop.kota }}, {{ d.tanggal }}")
    kaki(doc, "Dibuat dengan pyxl — ", "{{ d.dicetak }}")
    return doc


def _isian(doc: DocumentObject, isian: Sequence[tuple[str, str]], lebar: Sequence[float]) -> Table:
    """A borderless "label : value" block; `lebar` are the label, colon and value widths (cm),
    with an empty indent column first when four widths are given."""
    tbl = tabel(doc, len(isian), lebar, garis=False)
    geser = len(lebar) - 3
    for baris, (label, tag) in zip(tbl.rows, isian, strict=True):
        _cell_paragraf(baris.cells[geser], label)
        _cell_paragraf(baris.cells[geser + 1], ":")
        _cell_paragraf(baris.cells[geser + 2], tag)
    return tbl


def _judul_tabel(tbl: Table, *judul: str) -> None:
    """Bold centred headings in the first row, repeated at the top of every page."""
    baris = tbl.rows[0]
    for sel, teks in zip(baris.cells, judul, strict=True):
        _cell_paragraf(sel, teks, tebal=True).alignment = WD_ALIGN_PARAGRAPH.CENTER
        sel.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    ulang = OxmlElement("w:tblHeader")
    ulang.set(qn("w:val"), "true")
    baris._tr.get_or_add_trPr().append(ulang)


def _baris_loop(tbl: Table, awal: int, variabel: str, daftar: str, isi: Sequence[str]) -> None:
    """Rows `awal`..`awal + 2` become a docxtpl row loop over `daftar`: the ``{%tr for %}``
    row, the repeated row with one tag per cell, the ``{%tr endfor %}`` row."""
    _cell_paragraf(tbl.rows[awal].cells[0], f"{{%tr for {variabel} in {daftar} %}}")
    for sel, tag in zip(tbl.rows[awal + 1].cells, isi, strict=True):
        _cell_paragraf(sel, tag)
        sel.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    _cell_paragraf(tbl.rows[awal + 2].cells[0], "{%tr endfor %}")


def _garis_titik(doc: DocumentObject, label: str, indent_cm: float = 0.6) -> Paragraph:
    """``label`` followed by a dotted line to the right margin (a tab with a dot leader)."""
    par = paragraf(doc, label, "\t")
    fmt = par.paragraph_format
    fmt.left_indent = Cm(indent_cm)  # no hanging indent: its implicit stop would take the tab
    fmt.tab_stops.add_tab_stop(LEBAR_TEKS - Cm(0.1), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    fmt.space_after = Pt(8)
    return par


def undangan_rapat() -> DocumentObject:
    """``undangan_rapat.docx`` (SOP step 4). Context: ``kop`` (pemda, unit, alamat, kota),
    ``u`` (nomor, tanggal, sifat, lampiran, hal, kepada, tempat_tujuan, instansi, tahun_kinerja,
    hari_tanggal, waktu, tempat, acara, tembusan: list of str, undangan: list of
    {nama, jabatan}) and ``ttd`` (jabatan, nama, pangkat, nip); all strings already formatted.
    Page 1 is the letter, page 2 the attached list of invitees."""
    doc = dokumen_baru("Undangan Rapat")
    kop_surat(doc)
    kepala = _isian(
        doc,
        [
            ("Nomor", "{{ u.nomor }}"),
            ("Sifat", "{{ u.sifat }}"),
            ("Lampiran", "{{ u.lampiran }}"),
            ("Hal", "{{ u.hal }}"),
        ],
        (2.6, 0.4, 5.0),
    )
    # Place and date on the line of Nomor, at the right margin.
    kanan = kepala.add_column(Cm(8))
    for sel in kanan.cells:
        sel.width = Cm(8)
    tgl = _cell_paragraf(kanan.cells[0], "{{ kop.kota }}, {{ u.tanggal }}")
    tgl.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    paragraf(doc)
    alamat = [
        paragraf(doc, "Yth. ", "{{ u.kepada }}"),
        paragraf(doc, "di -"),
        paragraf(doc, "{{ u.tempat_tujuan }}"),
    ]
    for par in alamat:
        par.paragraph_format.right_indent = Cm(7)
    alamat[0].paragraph_format.left_indent = Cm(0.9)
    alamat[0].paragraph_format.first_line_indent = Cm(-0.9)
    alamat[2].paragraph_format.left_indent = Cm(0.9)
    paragraf(doc)

    def badan(*runs: str) -> Paragraph:
        par = paragraf(doc, *runs, rata=WD_ALIGN_PARAGRAPH.JUSTIFY, jarak_sesudah=6)
        par.paragraph_format.first_line_indent = Cm(1.25)
        par.paragraph_format.line_spacing = 1.15
        return par

    badan(
        "Dalam rangka pengumpulan data dan informasi kinerja ",
        "{{ u.instansi }}",
        " Tahun ",
        "{{ u.tahun_kinerja }}",
        ", bersama ini kami mengundang Saudara untuk menghadiri rapat yang akan dilaksanakan pada:",
    )
    _isian(
        doc,
        [
            ("Hari/Tanggal", "{{ u.hari_tanggal }}"),
            ("Waktu", "{{ u.waktu }}"),
            ("Tempat", "{{ u.tempat }}"),
            ("Acara", "{{ u.acara }}"),
        ],
        (1.25, 3.0, 0.4, 11.35),
    )
    paragraf(doc)
    badan(
        "Mengingat pentingnya acara tersebut, dimohon kehadiran Saudara tepat pada waktunya "
        "dengan membawa draf usulan data kinerja Bagian masing-masing."
    )
    badan("Demikian disampaikan, atas perhatian dan kehadiran Saudara diucapkan terima kasih.")
    blok_ttd(doc)

    paragraf(doc)
    paragraf(doc, "Tembusan:", ukuran=10, garis_bawah=True)
    paragraf(doc, "{%p for t in u.tembusan %}")
    item = paragraf(doc, "{{ loop.index }}. ", "{{ t }}", ukuran=10)
    item.paragraph_format.left_indent = Cm(0.5)
    item.paragraph_format.first_line_indent = Cm(-0.5)
    paragraf(doc, "{%p endfor %}")

    # Attachment: the list of invitees, on a page of its own.
    doc.add_paragraph().paragraph_format.page_break_before = True
    rujukan = _isian(
        doc,
        [
            ("Lampiran", "Surat Undangan"),
            ("Nomor", "{{ u.nomor }}"),
            ("Tanggal", "{{ u.tanggal }}"),
        ],
        (2.6, 0.4, 5.8),
    )
    rujukan.alignment = WD_TABLE_ALIGNMENT.RIGHT
    paragraf(doc)
    paragraf(doc, "DAFTAR UNDANGAN", tebal=True, rata=WD_ALIGN_PARAGRAPH.CENTER, jarak_sesudah=8)
    daftar = tabel(doc, 4, (1.2, 7.3, 7.5))
    _judul_tabel(daftar, "No", "Nama", "Jabatan")
    _baris_loop(
        daftar, 1, "p", "u.undangan", ("{{ loop.index }}", "{{ p.nama }}", "{{ p.jabatan }}")
    )
    for sel in daftar.columns[0].cells[1:]:
        sel.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    daftar.rows[2].height = Cm(0.7)
    daftar.rows[2].height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    return doc


def daftar_hadir() -> DocumentObject:
    """``daftar_hadir.docx`` (SOP step 5). Context: ``kop`` and ``r`` (hari_tanggal, waktu,
    tempat, acara, peserta: list of {no, nama, jabatan, kiri, kanan}). ``kiri``/``kanan`` put
    the signature line left on odd rows and right on even rows ("1. ....." / "2. .....")."""
    doc = dokumen_baru("Daftar Hadir Rapat")
    kop_surat(doc)
    paragraf(doc, "DAFTAR HADIR", tebal=True, ukuran=13, rata=WD_ALIGN_PARAGRAPH.CENTER,
             jarak_sesudah=8)  # fmt: skip
    _isian(
        doc,
        [
            ("Hari/Tanggal", "{{ r.hari_tanggal }}"),
            ("Waktu", "{{ r.waktu }}"),
            ("Tempat", "{{ r.tempat }}"),
            ("Acara", "{{ r.acara }}"),
        ],
        (3.0, 0.4, 12.6),
    )
    paragraf(doc)
    tbl = tabel(doc, 4, (1.0, 5.3, 5.0, 4.7))
    _judul_tabel(tbl, "No", "Nama", "Jabatan", "Tanda Tangan")
    _baris_loop(
        tbl, 1, "p", "r.peserta",
        ("{{ p.no }}", "{{ p.nama }}", "{{ p.jabatan }}", "{{ p.kiri }}"),
    )  # fmt: skip
    isi = tbl.rows[2]
    isi.height = Cm(1.1)
    isi.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    isi.cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    ttd = isi.cells[3].paragraphs[0]
    ttd.add_run("\t")
    ttd.add_run("{{ p.kanan }}")
    ttd.paragraph_format.tab_stops.add_tab_stop(Cm(2.2))
    return doc


def _kolom_ttd(sel: _Cell, atas: str, peran: str, v: str) -> None:
    """One signature in a table cell: `atas` (place and date, or empty), `peran`, room to
    sign, then ``<v>.nama`` (bold, underlined), ``<v>.pangkat``, ``NIP <v>.nip``, centred."""
    tengah = WD_ALIGN_PARAGRAPH.CENTER
    _cell_paragraf(sel, atas).alignment = tengah
    paragraf(sel, peran, rata=tengah)
    for _ in range(4):
        paragraf(sel)
    paragraf(sel, f"{{{{ {v}.nama }}}}", tebal=True, garis_bawah=True, rata=tengah)
    paragraf(sel, f"{{{{ {v}.pangkat }}}}", rata=tengah)
    paragraf(sel, "NIP ", f"{{{{ {v}.nip }}}}", rata=tengah)


def notula_rapat() -> DocumentObject:
    """``notula_rapat.docx`` (SOP step 5): a skeleton to fill in during the meeting. Context:
    ``kop``, ``r`` (hari_tanggal, waktu, tempat, acara, undangan, tanggal, jumlah_peserta,
    peserta: list of str), ``pimpinan`` and ``notulis`` (jabatan, nama, pangkat, nip)."""
    doc = dokumen_baru("Notula Rapat")
    kop_surat(doc)
    paragraf(doc, "NOTULA RAPAT", tebal=True, ukuran=13, rata=WD_ALIGN_PARAGRAPH.CENTER,
             jarak_sesudah=8)  # fmt: skip
    rincian = _isian(
        doc,
        [
            ("Hari/Tanggal", "{{ r.hari_tanggal }}"),
            ("Waktu", "{{ r.waktu }}"),
            ("Tempat", "{{ r.tempat }}"),
            ("Acara", "{{ r.acara }}"),
            ("Dasar", "{{ r.undangan }}"),
            ("Pimpinan Rapat", "{{ pimpinan.nama }} ({{ pimpinan.jabatan }})"),
            ("Notulis", "{{ notulis.nama }} ({{ notulis.jabatan }})"),
            ("Peserta", "{{ r.jumlah_peserta }}"),
        ],
        (3.8, 0.4, 11.8),
    )
    peserta = rincian.rows[-1].cells[2]
    paragraf(peserta, "{%p for p in r.peserta %}")
    item = paragraf(peserta, "{{ loop.index }}. ", "{{ p }}")
    item.paragraph_format.left_indent = Cm(0.6)
    item.paragraph_format.first_line_indent = Cm(-0.6)
    paragraf(peserta, "{%p endfor %}")

    for judul, baris in (
        ("I. Pembukaan", 3),
        ("II. Pembahasan", 6),
        ("III. Kesimpulan / Tindak Lanjut", 4),
    ):
        paragraf(doc)
        paragraf(doc, judul, tebal=True, jarak_sesudah=6).paragraph_format.keep_with_next = True
        for i in range(1, baris + 1):
            _garis_titik(doc, f"{i}.")

    paragraf(doc)
    tbl = tabel(doc, 1, (8, 8), garis=False)
    kiri, kanan = tbl.rows[0].cells
    _kolom_ttd(kiri, "", "Notulis,", "notulis")
    _kolom_ttd(kanan, "{{ kop.kota }}, {{ r.tanggal }}", "Pimpinan Rapat,", "pimpinan")
    tbl.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    return doc


def _isian_titik(sel: _Cell, label: str, titik: int = 26) -> Paragraph:
    """A form line in a table cell: ``label``, a tab to 3.6 cm, then ": ......". The dots are
    text: LibreOffice draws no tab leader at the end of a line inside a table cell."""
    par = _cell_paragraf(sel, label, "\t", ": " + "." * titik)
    par.paragraph_format.tab_stops.add_tab_stop(Cm(3.6))
    par.paragraph_format.space_after = Pt(6)
    return par


def surat_pengantar() -> DocumentObject:
    """``surat_pengantar.docx`` (SOP step 12), the layout of a surat pengantar in the tata
    naskah dinas. Context: ``kop`` (pemda, unit, alamat, kota), ``p`` (nomor, tanggal, kepada,
    tempat_tujuan, naskah: list of {naskah, banyaknya, keterangan}) and ``ttd`` (jabatan,
    nama, pangkat, nip); all strings already formatted. The receipt block (left) is left
    blank for the receiver to fill in by hand."""
    doc = dokumen_baru("Surat Pengantar")
    kop_surat(doc)
    paragraf(doc, "{{ kop.kota }}, {{ p.tanggal }}", rata=WD_ALIGN_PARAGRAPH.RIGHT)
    paragraf(doc)
    alamat = [
        paragraf(doc, "Yth. ", "{{ p.kepada }}"),
        paragraf(doc, "di -"),
        paragraf(doc, "{{ p.tempat_tujuan }}"),
    ]
    for par, indent in zip(alamat, (9.5, 8.6, 9.5), strict=True):
        par.paragraph_format.left_indent = Cm(indent)  # right half, the place indented
    alamat[0].paragraph_format.first_line_indent = Cm(-0.9)  # a long name wraps under itself
    paragraf(doc)
    paragraf(doc, "SURAT PENGANTAR", tebal=True, garis_bawah=True, ukuran=13,
             rata=WD_ALIGN_PARAGRAPH.CENTER)  # fmt: skip
    paragraf(doc, "Nomor ", "{{ p.nomor }}", rata=WD_ALIGN_PARAGRAPH.CENTER, jarak_sesudah=12)

    daftar = tabel(doc, 4, (1.2, 6.8, 2.8, 5.2))
    _judul_tabel(daftar, "No", "Naskah Dinas yang Dikirimkan", "Banyaknya", "Keterangan")
    _baris_loop(
        daftar, 1, "n", "p.naskah",
        ("{{ loop.index }}", "{{ n.naskah }}", "{{ n.banyaknya }}", "{{ n.keterangan }}"),
    )  # fmt: skip
    isi = daftar.rows[2]
    isi.height = Cm(1.2)
    isi.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    for i in (0, 2):
        isi.cells[i].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER

    paragraf(doc)
    paragraf(doc)
    ttd = tabel(doc, 1, (8, 8), garis=False)
    kiri, kanan = ttd.rows[0].cells
    _isian_titik(kiri, "Diterima tanggal")
    paragraf(kiri, "Penerima,")
    for _ in range(3):
        paragraf(kiri)
    for label in ("Tanda tangan", "Nama", "NIP"):
        _isian_titik(kiri, label)
    _kolom_ttd(kanan, "", "{{ ttd.jabatan }}", "ttd")
    ttd.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    return doc


MERAH = RGBColor(0xC0, 0x00, 0x00)
ARSIR_JUDUL = "D9E2F3"
ARSIR_KELOMPOK = "F2F2F2"
GAYA_TABEL = "Isi Tabel IKU"


def _arsir(sel: _Cell, warna: str) -> None:
    """Background colour of a cell (hex RGB)."""
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), warna)
    sel._tc.get_or_add_tcPr().insert_element_before(
        shd, "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"
    )


def _nomor_halaman(par: Paragraph) -> None:
    """A PAGE field at the end of `par` (Word and LibreOffice fill in the page number)."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    teks = OxmlElement("w:t")
    teks.text = "1"
    run.append(teks)
    fld.append(run)
    par._p.append(fld)


def _judul_bab(doc: DocumentObject, *runs: str, halaman_baru: bool = True) -> Paragraph:
    par = paragraf(doc, *runs, tebal=True, ukuran=13, rata=WD_ALIGN_PARAGRAPH.CENTER)
    fmt = par.paragraph_format
    fmt.page_break_before = halaman_baru
    fmt.keep_with_next = True
    fmt.space_after = Pt(12)
    return par


def _subjudul(doc: DocumentObject, *runs: str) -> Paragraph:
    par = paragraf(doc, *runs, tebal=True)
    fmt = par.paragraph_format
    fmt.keep_with_next = True
    fmt.space_before, fmt.space_after = Pt(10), Pt(6)
    return par


def _alinea(doc: DocumentObject, *runs: str) -> Paragraph:
    par = paragraf(doc, *runs, rata=WD_ALIGN_PARAGRAPH.JUSTIFY, jarak_sesudah=6)
    par.paragraph_format.first_line_indent = Cm(1.0)
    par.paragraph_format.line_spacing = 1.15
    return par


def _butir(doc: DocumentObject, label: str, *runs: str, indent: float = 0.7) -> Paragraph:
    """A list item with a hanging label ("1.", "a.", "BAB I")."""
    par = paragraf(doc, label, "\t", *runs, rata=WD_ALIGN_PARAGRAPH.JUSTIFY, jarak_sesudah=4)
    fmt = par.paragraph_format
    fmt.left_indent, fmt.first_line_indent = Cm(indent), Cm(-indent)
    fmt.tab_stops.add_tab_stop(Cm(indent))
    fmt.line_spacing = 1.15
    return par


def _keterangan_tabel(doc: DocumentObject, *runs: str) -> Paragraph:
    """A caption above a table, kept on the table's page."""
    par = paragraf(doc, *runs, tebal=True, ukuran=10, rata=WD_ALIGN_PARAGRAPH.CENTER)
    par.paragraph_format.keep_with_next = True
    par.paragraph_format.space_before, par.paragraph_format.space_after = Pt(6), Pt(4)
    return par


def _tabel_iku(
    doc: DocumentObject,
    lebar: Sequence[float],
    judul: Sequence[str | tuple[str, ...]],
    baris: Sequence[tuple[str, Sequence[str] | str]],
    rata_kanan: Sequence[int] = (),
    utuh: bool = False,
) -> Table:
    """A data table: a repeated bold header row, then one table row per entry of `baris`:
    ("tag", "{%tr ... %}") is a docxtpl row tag, ("gabung", text) a shaded row merged across
    the table (a group heading), ("isi", cells) a row with one template text per cell.
    Columns in `rata_kanan` are right-aligned (numbers); the first column is centred; a short
    table `utuh` is kept on one page."""
    tbl = tabel(doc, 1 + len(baris), lebar)
    tepi = OxmlElement("w:tblCellMar")  # narrow cell margins: room for long amounts
    for sisi in ("left", "right"):
        jarak = OxmlElement(f"w:{sisi}")
        jarak.set(qn("w:w"), "68")  # 0.12 cm
        jarak.set(qn("w:type"), "dxa")
        tepi.append(jarak)
    tbl._tbl.tblPr.insert_element_before(tepi, "w:tblLook", "w:tblCaption", "w:tblDescription")
    for sel, teks in zip(tbl.rows[0].cells, judul, strict=True):
        _cell_paragraf(sel, *((teks,) if isinstance(teks, str) else teks), tebal=True)
        sel.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        sel.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
        _arsir(sel, ARSIR_JUDUL)
    ulang = OxmlElement("w:tblHeader")
    ulang.set(qn("w:val"), "true")
    tbl.rows[0]._tr.get_or_add_trPr().append(ulang)
    for row, (jenis, isi) in zip(tbl.rows[1:], baris, strict=True):
        if jenis == "tag":
            _cell_paragraf(row.cells[0], str(isi))
        elif jenis == "gabung":
            sel = row.cells[0].merge(row.cells[-1])
            par = _cell_paragraf(sel, *((isi,) if isinstance(isi, str) else isi), tebal=True)
            par.paragraph_format.keep_with_next = True  # a group heading stays with its rows
            _arsir(sel, ARSIR_KELOMPOK)
        else:
            for j, (sel, teks) in enumerate(zip(row.cells, isi, strict=True)):
                par = _cell_paragraf(sel, teks)
                if j == 0:
                    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
                elif j in rata_kanan:
                    par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for i, row in enumerate(tbl.rows, 1):
        row._tr.get_or_add_trPr().insert(0, OxmlElement("w:cantSplit"))  # before tblHeader
        for sel in row.cells:
            for par in sel.paragraphs:
                par.style = doc.styles[GAYA_TABEL]
                if utuh and i < len(tbl.rows):
                    par.paragraph_format.keep_with_next = True
    return tbl


def _gaya_tabel(doc: DocumentObject, ukuran: float = 9) -> None:
    """Paragraph style of table cells: staff change the table font in one place."""
    gaya = doc.styles.add_style(GAYA_TABEL, WD_STYLE_TYPE.PARAGRAPH)
    gaya.base_style = doc.styles["Normal"]
    gaya.font.size = Pt(ukuran)
    fmt = gaya.paragraph_format
    fmt.space_before = fmt.space_after = Pt(1)


DASAR_HUKUM = (
    "Peraturan Presiden Republik Indonesia Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas "
    "Kinerja Instansi Pemerintah;",
    "Peraturan Menteri Dalam Negeri Nomor 52 Tahun 2011 tentang Standar Operasional Prosedur "
    "di Lingkungan Pemerintah Provinsi dan Kabupaten/Kota;",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Republik "
    "Indonesia Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan "
    "Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah;",
    "Peraturan Bupati Way Kanan Nomor 39 Tahun 2019 tentang Kedudukan, Susunan Organisasi, "
    "Tugas dan Fungsi serta Tata Kerja Sekretariat Daerah Kabupaten Way Kanan.",
)
"""The legal bases of the SOP (static text of the template: staff extend it in Word)."""

DAFTAR_ISI = (
    ("", "KATA PENGANTAR"),
    ("", "DAFTAR ISI"),
    ("BAB I", "PENDAHULUAN"),
    ("", "1.1 Latar Belakang"),
    ("", "1.2 Dasar Hukum"),
    ("", "1.3 Maksud dan Tujuan"),
    ("", "1.4 Sistematika Penyajian"),
    ("BAB II", "PERENCANAAN KINERJA"),
    ("BAB III", "AKUNTABILITAS KINERJA"),
    ("", "3.1 Pengukuran Capaian Kinerja"),
    ("", "3.2 Perbandingan dengan Tahun Lalu dan Target Renstra"),
    ("", "3.3 Realisasi Anggaran"),
    ("", "3.4 Grafik Capaian Kinerja per Bagian"),
    ("", "3.5 Ringkasan Capaian per Kategori"),
    ("BAB IV", "PENUTUP"),
)


def _ttd_lebar(doc: DocumentObject) -> None:
    """`blok_ttd` with room for a long name and title (right 9 cm of the text width)."""
    awal = len(doc.paragraphs)
    blok_ttd(doc, "{{ kop.kota }}, {{ d.tanggal }}")
    for par in doc.paragraphs[awal:]:
        par.paragraph_format.left_indent = Cm(7)


def dokumen_iku() -> DocumentObject:
    """``dokumen_iku.docx`` (SOP steps 8-11): the Dokumen IKU with the performance report.
    Context: ``kop`` (pemda, unit, kota), ``tanda`` ("KONSEP" on a draft, "" on the final:
    header of every page and the cover; the correction appendix is printed only with it),
    ``d`` (see `_contoh_dokumen_iku`: year, totals, ``bagian`` with their ``sasaran`` and
    ``indikator``, ``anggaran``, ``grafik`` (an image), ``kategori``, ``koreksi_selesai``,
    ``koreksi_terbuka``) and ``ttd`` (the Sekretaris Daerah)."""
    doc = dokumen_baru("Dokumen Indikator Kinerja Utama")
    _gaya_tabel(doc)
    tengah = WD_ALIGN_PARAGRAPH.CENTER

    kepala = doc.sections[0].header
    kepala.is_linked_to_previous = False
    tanda = kepala.paragraphs[0].add_run("{{ tanda }}")
    tanda.bold, tanda.font.size, tanda.font.color.rgb = True, Pt(14), MERAH
    kepala.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    kaki_hal = doc.sections[0].footer
    kaki_hal.is_linked_to_previous = False
    par = kaki_hal.paragraphs[0]
    par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for teks in ("Dokumen IKU Tahun ", "{{ d.tahun }}", " — ", "{{ d.versi }}", " — Halaman "):
        par.add_run(teks).font.size = Pt(8)
    _nomor_halaman(par)

    # Cover.
    for _ in range(4):
        paragraf(doc)
    paragraf(doc, "{{ kop.pemda }}", tebal=True, ukuran=16, rata=tengah)
    paragraf(doc, "{{ kop.unit }}", tebal=True, ukuran=16, rata=tengah, jarak_sesudah=96)
    paragraf(doc, "DOKUMEN INDIKATOR KINERJA UTAMA (IKU)", tebal=True, ukuran=20, rata=tengah,
             jarak_sesudah=12)  # fmt: skip
    paragraf(doc, "LAPORAN CAPAIAN KINERJA TAHUN ", "{{ d.tahun }}", tebal=True, ukuran=14,
             rata=tengah, jarak_sesudah=60)  # fmt: skip
    cap = paragraf(doc, rata=tengah, jarak_sesudah=12)
    run = cap.add_run("{{ tanda }}")
    run.bold, run.font.size, run.font.color.rgb = True, Pt(36), MERAH
    paragraf(doc, "{{ d.versi }}", rata=tengah, jarak_sesudah=150)
    paragraf(doc, "{{ d.sampul_kota }}", tebal=True, ukuran=13, rata=tengah)
    paragraf(doc, "{{ d.tahun_terbit }}", tebal=True, ukuran=13, rata=tengah)

    _judul_bab(doc, "KATA PENGANTAR")
    _alinea(
        doc, "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa, karena atas rahmat dan "
        "karunia-Nya Dokumen Indikator Kinerja Utama (IKU) dan Laporan Capaian Kinerja ",
        "{{ d.instansi }}", " Tahun ", "{{ d.tahun }}", " dapat diselesaikan.",
    )  # fmt: skip
    _alinea(
        doc, "Dokumen ini disusun sebagai wujud pertanggungjawaban atas pelaksanaan tugas dan "
        "fungsi ", "{{ d.instansi }}", " dalam kerangka Sistem Akuntabilitas Kinerja Instansi "
        "Pemerintah (SAKIP). Dokumen ini memuat indikator kinerja utama setiap Bagian beserta "
        "target, realisasi dan capaiannya, perbandingan dengan tahun sebelumnya dan dengan target "
        "Rencana Strategis, serta realisasi anggaran yang mendukungnya.",
    )  # fmt: skip
    _alinea(
        doc, "Kami menyampaikan terima kasih kepada seluruh Bagian yang telah menyampaikan data "
        "kinerjanya. Semoga dokumen ini bermanfaat sebagai bahan evaluasi dan perbaikan kinerja "
        "pada tahun-tahun berikutnya.",
    )  # fmt: skip
    _ttd_lebar(doc)

    _judul_bab(doc, "DAFTAR ISI")
    for label, teks in DAFTAR_ISI:
        par = paragraf(doc, label, "\t", teks, tebal=bool(label) or not teks[0].isdigit(),
                       jarak_sesudah=4)  # fmt: skip
        par.paragraph_format.tab_stops.add_tab_stop(Cm(2.5))
        if not label and teks[0].isdigit():
            par.paragraph_format.left_indent = Cm(0.5)
    paragraf(doc, "{%p if tanda %}")
    paragraf(doc, "LAMPIRAN", "\t", "DAFTAR KOREKSI", tebal=True).paragraph_format.tab_stops \
        .add_tab_stop(Cm(2.5))  # fmt: skip
    paragraf(doc, "{%p endif %}")

    _judul_bab(doc, "BAB I", "\n", "PENDAHULUAN")
    _subjudul(doc, "1.1 Latar Belakang")
    _alinea(
        doc, "Peraturan Presiden Nomor 29 Tahun 2014 mewajibkan setiap instansi pemerintah "
        "menetapkan indikator kinerja utama, mengukur capaiannya dan melaporkannya secara "
        "berkala. ", "{{ d.instansi }}", " mengumpulkan data kinerja seluruh Bagian sesuai "
        "Standar Operasional Prosedur Pengumpulan Data Kinerja: format pengumpulan data disusun "
        "dan disampaikan kepada setiap Bagian, dibahas dalam rapat, dihimpun, lalu dianalisis.",
    )  # fmt: skip
    _alinea(
        doc, "Dokumen ini menyajikan hasil pengumpulan dan analisis data kinerja Tahun ",
        "{{ d.tahun }}", " atas ", "{{ d.jumlah_indikator }}", " indikator kinerja dari ",
        "{{ d.jumlah_bagian }}", " Bagian.",
    )  # fmt: skip
    _subjudul(doc, "1.2 Dasar Hukum")
    for i, teks in enumerate(DASAR_HUKUM, 1):
        _butir(doc, f"{i}.", teks)
    _subjudul(doc, "1.3 Maksud dan Tujuan")
    _alinea(
        doc, "Maksud penyusunan dokumen ini adalah menyajikan indikator kinerja utama dan "
        "capaian kinerja ", "{{ d.instansi }}", " Tahun ", "{{ d.tahun }}", " secara terukur "
        "dan dapat dipertanggungjawabkan.",
    )  # fmt: skip
    _alinea(doc, "Tujuannya adalah:")
    for huruf, teks in zip("abc", (
        "memberikan gambaran capaian kinerja setiap Bagian terhadap target yang ditetapkan;",
        "menjadi bahan evaluasi dan perbaikan perencanaan kinerja tahun berikutnya;",
        "memenuhi kewajiban pelaporan akuntabilitas kinerja instansi pemerintah.",
    ), strict=True):  # fmt: skip
        _butir(doc, f"{huruf}.", teks)
    _subjudul(doc, "1.4 Sistematika Penyajian")
    for bab, teks in (
        ("BAB I", "Pendahuluan: latar belakang, dasar hukum, maksud dan tujuan, sistematika."),
        ("BAB II", "Perencanaan Kinerja: sasaran, indikator kinerja utama, satuan dan target."),
        ("BAB III", "Akuntabilitas Kinerja: pengukuran capaian, perbandingan dengan tahun lalu "
         "dan target Renstra, realisasi anggaran, grafik dan ringkasan per kategori."),
        ("BAB IV", "Penutup: simpulan umum atas capaian kinerja."),
    ):  # fmt: skip
        _butir(doc, bab, teks, indent=1.8)

    _judul_bab(doc, "BAB II", "\n", "PERENCANAAN KINERJA")
    _alinea(
        doc, "Perencanaan kinerja ", "{{ d.instansi }}", " Tahun ", "{{ d.tahun }}",
        " dituangkan dalam indikator kinerja utama setiap Bagian. Tabel berikut menyajikan "
        "sasaran, indikator kinerja utama, satuan dan target setiap Bagian.",
    )  # fmt: skip
    paragraf(doc, "{%p for b in d.bagian %}")
    _keterangan_tabel(doc, "Tabel 2.", "{{ loop.index }}", " Indikator Kinerja Utama ",
                      "{{ b.nama }}")  # fmt: skip
    _tabel_iku(
        doc, (0.9, 10.1, 2.3, 2.7), ("No", "Sasaran / Indikator Kinerja Utama", "Satuan",
                                     "Target"),
        [
            ("tag", "{%tr for s in b.sasaran %}"),
            ("gabung", ("Sasaran: ", "{{ s.nama }}")),
            ("tag", "{%tr for i in s.indikator %}"),
            ("isi", ("{{ i.no }}", "{{ i.nama }}", "{{ i.satuan }}", "{{ i.target }}")),
            ("tag", "{%tr endfor %}"),
            ("tag", "{%tr endfor %}"),
        ],
        rata_kanan=(3,),
    )  # fmt: skip
    paragraf(doc, "{%p endfor %}")

    _judul_bab(doc, "BAB III", "\n", "AKUNTABILITAS KINERJA")
    _subjudul(doc, "3.1 Pengukuran Capaian Kinerja")
    _alinea(
        doc, "Capaian indikator berpolaritas positif dihitung dengan rumus Realisasi / Target × "
        "100%; indikator berpolaritas negatif dengan rumus ", "{{ d.rumus_negatif }}",
        "; indikator dengan target rentang bernilai 100% bila realisasinya berada di dalam "
        "rentang; indikator kualitatif bernilai 100% bila targetnya tercapai. Indikator yang "
        "belum memiliki realisasi ditulis \"-\". Kategori capaian mengikuti skala pada "
        "Tabel 3.4.",
    )  # fmt: skip
    _alinea(
        doc, "Rata-rata capaian kinerja ", "{{ d.instansi }}", " Tahun ", "{{ d.tahun }}",
        " adalah ", "{{ d.rata }}", " (", "{{ d.kategori_setda }}", "), dihitung dari ",
        "{{ d.jumlah_ada }}", " indikator yang telah memiliki data.",
    )  # fmt: skip
    paragraf(doc, "{%p for b in d.bagian %}")
    _subjudul(doc, "3.1.", "{{ loop.index }}", " ", "{{ b.nama }}")
    _alinea(
        doc, "Rata-rata capaian ", "{{ b.rata }}", " (", "{{ b.kategori }}", "); ",
        "{{ b.ada }}", " dari ", "{{ b.jumlah }}", " indikator telah memiliki data.",
    )  # fmt: skip
    _keterangan_tabel(doc, "Tabel 3.1.", "{{ loop.index }}", " Pengukuran Kinerja ",
                      "{{ b.nama }}")  # fmt: skip
    _tabel_iku(
        doc, (0.9, 5.3, 1.9, 1.9, 2.0, 2.0, 2.0),
        ("No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian", "Kategori"),
        [
            ("tag", "{%tr for s in b.sasaran %}"),
            ("gabung", ("Sasaran: ", "{{ s.nama }}")),
            ("tag", "{%tr for i in s.indikator %}"),
            ("isi", ("{{ i.no }}", "{{ i.nama }}", "{{ i.satuan }}", "{{ i.target }}",
                     "{{ i.realisasi }}", "{{ i.capaian }}", "{{ i.kategori }}")),
            ("tag", "{%tr endfor %}"),
            ("tag", "{%tr endfor %}"),
        ],
        rata_kanan=(3, 4, 5),
    )  # fmt: skip
    paragraf(doc, "{%p endfor %}")

    _subjudul(doc, "3.2 Perbandingan dengan Tahun Lalu dan Target Renstra")
    _alinea(
        doc, "Tabel 3.2 membandingkan realisasi Tahun ", "{{ d.tahun }}", " dengan realisasi "
        "Tahun ", "{{ d.tahun_lalu }}", " (perkembangan: selisih dan arahnya sesuai polaritas "
        "indikator) dan dengan target akhir periode Rencana Strategis (Renstra).",
    )  # fmt: skip
    _keterangan_tabel(doc, "Tabel 3.2 Perbandingan Realisasi dengan Tahun Lalu dan Target "
                      "Renstra")  # fmt: skip
    _tabel_iku(
        doc, (0.9, 4.7, 2.0, 2.0, 2.3, 2.0, 2.1),
        ("No", "Indikator Kinerja", ("Realisasi ", "{{ d.tahun_lalu }}"),
         ("Realisasi ", "{{ d.tahun }}"), "Perubahan", "Target Akhir Renstra",
         "Capaian Renstra"),
        [
            ("tag", "{%tr for b in d.bagian %}"),
            ("gabung", "{{ b.nama }}"),
            ("tag", "{%tr for i in b.indikator %}"),
            ("isi", ("{{ i.no }}", "{{ i.nama }}", "{{ i.lalu }}", "{{ i.realisasi }}",
                     "{{ i.perubahan }}", "{{ i.renstra }}", "{{ i.capaian_renstra }}")),
            ("tag", "{%tr endfor %}"),
            ("tag", "{%tr endfor %}"),
        ],
        rata_kanan=(2, 3, 5, 6),
    )  # fmt: skip

    _subjudul(doc, "3.3 Realisasi Anggaran")
    _alinea(
        doc, "Serapan anggaran adalah realisasi anggaran dibagi pagu anggaran. Penggunaan "
        "anggaran dinilai efisien bila rata-rata capaian kinerja tidak lebih rendah dari "
        "serapannya. Menurut perbandingan per indikator, ", "{{ d.efisien }}",
        " indikator efisien dan ", "{{ d.tidak_efisien }}", " indikator tidak efisien.",
    )  # fmt: skip
    _keterangan_tabel(doc, "Tabel 3.3 Realisasi Anggaran per Bagian")
    anggaran = _tabel_iku(
        doc, (0.7, 2.4, 3.3, 3.3, 1.6, 3.2, 1.5),
        ("No", "Bagian", "Pagu", "Realisasi", "Serapan", "Sisa", "Efisiensi"),
        [
            ("tag", "{%tr for a in d.anggaran %}"),
            ("isi", ("{{ a.no }}", "{{ a.nama }}", "{{ a.pagu }}", "{{ a.realisasi }}",
                     "{{ a.serapan }}", "{{ a.sisa }}", "{{ a.efisiensi }}")),
            ("tag", "{%tr endfor %}"),
            ("isi", ("", "Jumlah", "{{ d.total.pagu }}", "{{ d.total.realisasi }}",
                     "{{ d.total.serapan }}", "{{ d.total.sisa }}", "{{ d.total.efisiensi }}")),
        ],
        rata_kanan=(2, 3, 4, 5), utuh=True,
    )  # fmt: skip
    anggaran.rows[-1].cells[1].paragraphs[0].runs[0].bold = True
    for row in anggaran.rows:
        for sel in row.cells:
            for run in sel.paragraphs[0].runs:
                run.font.size = Pt(7.5)

    _subjudul(doc, "3.4 Grafik Capaian Kinerja per Bagian")
    gambar = paragraf(doc, "{{ d.grafik }}", rata=tengah)
    gambar.paragraph_format.keep_with_next = True
    paragraf(doc, "Gambar 3.1 Rata-rata Capaian Kinerja per Bagian Tahun ", "{{ d.tahun }}",
             ukuran=10, rata=tengah, jarak_sesudah=6)  # fmt: skip

    _subjudul(doc, "3.5 Ringkasan Capaian per Kategori")
    _keterangan_tabel(doc, "Tabel 3.4 Jumlah Indikator per Kategori Capaian")
    _tabel_iku(
        doc, (4.5, 5.0, 3.3, 3.2),
        ("Kategori", "Rentang Capaian", "Jumlah Indikator", "Persentase"),
        [
            ("tag", "{%tr for k in d.kategori %}"),
            ("isi", ("{{ k.label }}", "{{ k.rentang }}", "{{ k.jumlah }}", "{{ k.persen }}")),
            ("tag", "{%tr endfor %}"),
            ("isi", ("Jumlah", "", "{{ d.jumlah_indikator }}", "100,00%")),
        ],
        rata_kanan=(2, 3), utuh=True,
    )  # fmt: skip

    _judul_bab(doc, "BAB IV", "\n", "PENUTUP")
    _alinea(
        doc, "Rata-rata capaian kinerja ", "{{ d.instansi }}", " Tahun ", "{{ d.tahun }}",
        " adalah ", "{{ d.rata }}", " dengan kategori ", "{{ d.kategori_setda }}", ". Dari ",
        "{{ d.jumlah_indikator }}", " indikator: ", "{{ d.ringkasan }}", ". Serapan anggaran "
        "mencapai ", "{{ d.total.serapan }}", ".",
    )  # fmt: skip
    _alinea(
        doc, "Rata-rata capaian tertinggi dicapai ", "{{ d.tertinggi }}", ", terendah ",
        "{{ d.terendah }}", ". Indikator yang capaiannya belum memenuhi target perlu dianalisis "
        "penyebabnya dan ditindaklanjuti dalam perencanaan tahun berikutnya.",
    )  # fmt: skip
    _alinea(
        doc, "Demikian Dokumen Indikator Kinerja Utama ini disusun untuk dipergunakan "
        "sebagaimana mestinya.",
    )  # fmt: skip
    _ttd_lebar(doc)

    # Appendix of the draft only: the reviewer's corrections (SOP step 9).
    paragraf(doc, "{%p if tanda %}")
    _judul_bab(doc, "LAMPIRAN", "\n", "DAFTAR KOREKSI")
    for huruf, judul, daftar, kosong in (
        ("A", "Daftar Koreksi yang Telah Ditangani", "d.koreksi_selesai",
         "Tidak ada koreksi yang ditangani pada versi ini."),
        ("B", "Koreksi yang Belum Ditangani", "d.koreksi_terbuka",
         "Tidak ada koreksi yang belum ditangani."),
    ):  # fmt: skip
        _subjudul(doc, f"{huruf}. {judul}")
        _tabel_iku(
            doc, (0.9, 2.4, 1.3, 3.0, 5.9, 2.5),
            ("No", "Tanggal", "Versi", "Bagian Dokumen", "Koreksi", "Oleh"),
            [
                ("tag", f"{{%tr for k in {daftar} %}}"),
                ("isi", ("{{ k.no }}", "{{ k.tanggal }}", "{{ k.versi }}", "{{ k.bagian }}",
                         "{{ k.koreksi }}", "{{ k.oleh }}")),
                ("tag", "{%tr else %}"),
                ("gabung", kosong),
                ("tag", "{%tr endfor %}"),
            ],
        )  # fmt: skip
    paragraf(doc, "{%p endif %}")
    return doc


TEMPLATES: dict[str, Callable[[], DocumentObject]] = {
    "lembar_disposisi.docx": lembar_disposisi,
    "undangan_rapat.docx": undangan_rapat,
    "daftar_hadir.docx": daftar_hadir,
    "notula_rapat.docx": notula_rapat,
    "surat_pengantar.docx": surat_pengantar,
    "dokumen_iku.docx": dokumen_iku,
}
"""File name -> builder. Add new templates here (and a sample in `contoh_konteks`)."""


# --------------------------------------------------------------------------- sample contexts


def _kop_contoh() -> dict[str, str]:
    return {
        "pemda": "PEMERINTAH KABUPATEN WAY KANAN",
        "unit": "SEKRETARIAT DAERAH",
        "alamat": "Kompleks Perkantoran Pemerintah Kabupaten Way Kanan, Blambangan Umpu",
        "kota": "Blambangan Umpu",
    }


def _ttd_contoh() -> dict[str, str]:
    return {
        "jabatan": "KEPALA BAGIAN PERENCANAAN DAN KEUANGAN",
        "nama": "Contoh Nama Pejabat, S.E., M.M.",
        "pangkat": "Pembina Tk. I",
        "nip": indo.nip("197107261999021001"),
    }


def contoh_konteks(nama: str) -> dict[str, Any]:
    """A complete sample context for template `nama` (a key of `TEMPLATES`), as the renderer
    would pass it: every value already formatted. Used by the tests and by ``pyxl cek`` to
    spot unknown or missing variables. A fresh dict on every call."""
    if nama == "lembar_disposisi.docx":
        return {
            "kop": _kop_contoh(),
            "d": {
                "surat_dari": "Sekretaris Daerah Kabupaten Way Kanan",
                "nomor_surat": "000.8.6.3/27/I.10-WK/2026",
                "tanggal_surat": indo.tanggal(date(2026, 1, 9)),
                "perihal": 'Pengumpulan data IKU & capaian "Renstra" <segera>',
                "diterima_tanggal": indo.tanggal(date(2026, 1, 12)),
                "nomor_agenda": "014/RENKEU/2026",
                "sifat": "Segera",
                "kepada": [
                    "Kasubbag Perencanaan",
                    "Analis Kebijakan Ahli Muda",
                    "Perencana Ahli Pertama",
                ],
                "isi": "Siapkan format pengumpulan data IKU untuk setiap Bagian.\n"
                "Laporkan hasilnya paling lambat 16 Januari 2026.",
                "tanggal": indo.tanggal(date(2026, 1, 12)),
                "dicetak": indo.hari_tanggal(date(2026, 1, 12)) + " 09.15 WIB",
            },
            "ttd": _ttd_contoh(),
        }
    if nama in _CONTOH:
        return _CONTOH[nama]()
    raise KeyError(f"Templat {nama!r} tidak dikenal; yang ada: {', '.join(TEMPLATES)}.")


_PESERTA_CONTOH = (
    ("Drs. Ahmad Fauzan Hidayat, M.Si.", "Kepala Bagian Tata Pemerintahan"),
    ("Hj. Nurhayati Rahmawati, S.Ag., M.Pd.I.", "Kepala Bagian Kesejahteraan Rakyat"),
    ("Andika Saputra & Rekan <Plt.>", "Kepala Bagian Hukum"),
    ("Dwi Puspitasari, S.E.", "Perencana Ahli Muda"),
)


def _rapat_contoh() -> dict[str, str]:
    return {
        "hari_tanggal": indo.hari_tanggal(date(2027, 1, 18)),
        "waktu": "09.00 WIB s.d. selesai",
        "tempat": "Ruang Rapat Sekretariat Daerah",
        "acara": "Pembahasan Data dan Informasi Kinerja Sekretariat Daerah",
    }


def _contoh_undangan() -> dict[str, Any]:
    return {
        "kop": _kop_contoh(),
        "u": {
            "nomor": "000.1.5/3/I.10-WK/2027",
            "tanggal": indo.tanggal(date(2027, 1, 12)),
            "sifat": "Penting",
            "lampiran": f"1 ({indo.terbilang(1)}) lembar",
            "hal": "Undangan",
            "kepada": "Para Kepala Bagian dan Pejabat Fungsional di Lingkungan Sekretariat "
            "Daerah Kabupaten Way Kanan (daftar terlampir)",
            "tempat_tujuan": "Blambangan Umpu",
            "instansi": "Sekretariat Daerah Kabupaten Way Kanan",
            "tahun_kinerja": "2026",
            **_rapat_contoh(),
            "tembusan": [
                "Sekretaris Daerah Kabupaten Way Kanan (sebagai laporan)",
                "Asisten Administrasi Umum",
            ],
            "undangan": [{"nama": n, "jabatan": j} for n, j in _PESERTA_CONTOH],
        },
        "ttd": dict(
            _ttd_contoh(), jabatan="a.n. SEKRETARIS DAERAH\nKEPALA BAGIAN PERENCANAAN DAN KEUANGAN,"
        ),
    }


def _contoh_daftar_hadir() -> dict[str, Any]:
    peserta = [("Contoh Nama Pejabat, S.E., M.M.", "Pimpinan Rapat"), *_PESERTA_CONTOH]
    peserta += [("", "")] * 2
    return {
        "kop": _kop_contoh(),
        "r": dict(
            _rapat_contoh(),
            peserta=[
                {
                    "no": str(i),
                    "nama": n,
                    "jabatan": j,
                    "kiri": f"{i}. ........" if i % 2 else "",
                    "kanan": "" if i % 2 else f"{i}. ........",
                }
                for i, (n, j) in enumerate(peserta, 1)
            ],
        ),
    }


def _contoh_notula() -> dict[str, Any]:
    return {
        "kop": _kop_contoh(),
        "r": dict(
            _rapat_contoh(),
            undangan="Undangan Nomor 000.1.5/3/I.10-WK/2027 tanggal 12 Januari 2027",
            tanggal=indo.tanggal(date(2027, 1, 18)),
            jumlah_peserta=f"{len(_PESERTA_CONTOH)} orang undangan",
            peserta=[f"{n} ({j})" for n, j in _PESERTA_CONTOH],
        ),
        "pimpinan": _ttd_contoh(),
        "notulis": {
            "jabatan": "Kepala Subbagian Perencanaan",
            "nama": "Contoh Nama Notulis, S.E.",
            "pangkat": "Penata (III/c)",
            "nip": indo.nip("198709232015032001"),
        },
    }


def _contoh_pengantar() -> dict[str, Any]:
    iku = "Dokumen Indikator Kinerja Utama (IKU) Sekretariat Daerah Kabupaten Way Kanan Tahun 2026"
    return {
        "kop": _kop_contoh(),
        "p": {
            "nomor": "000.8.6.3/27/I.10-WK/2027",
            "tanggal": indo.tanggal(date(2027, 2, 3)),
            "kepada": "Bupati Way Kanan",
            "tempat_tujuan": "Blambangan Umpu",
            "naskah": [
                {
                    "naskah": iku,
                    "banyaknya": f"1 ({indo.terbilang(1)}) berkas",
                    "keterangan": "Disampaikan dengan hormat untuk dipergunakan sebagaimana "
                    "mestinya",
                },
                {
                    "naskah": f"{iku} (berkas PDF)",
                    "banyaknya": f"1 ({indo.terbilang(1)}) berkas",
                    "keterangan": "Salinan elektronik naskah nomor 1",
                },
            ],
        },
        "ttd": {
            "jabatan": "SEKRETARIS DAERAH\nKABUPATEN WAY KANAN,",
            "nama": "Contoh Nama Sekretaris Daerah, M.M. & <Plt.>",
            "pangkat": "Pembina Utama Muda (IV/c)",
            "nip": indo.nip("196905111994031004"),
        },
    }


def _contoh_dokumen_iku() -> dict[str, Any]:
    def ind(no: int, nama: str, satuan: str, angka: tuple[str, ...]) -> dict[str, str]:
        kunci = ("target", "realisasi", "capaian", "kategori", "lalu", "perubahan", "renstra")
        return {"no": str(no), "nama": nama, "satuan": satuan, **dict(zip(kunci, angka[:7],
                strict=True)), "capaian_renstra": angka[7]}  # fmt: skip

    tapem = [
        ind(1, "Persentase kecamatan yang menyampaikan LPPK tepat waktu", "%",
            ("100", "92,86", "92,86%", "Sangat Tinggi", "85,71", "+7,15 (Membaik)", "100",
             "92,86%")),
        ind(2, "Nilai EKPPD Kabupaten Way Kanan", "Nilai",
            ("3,2", "-", "-", "-", "3,08", "-", "3,3", "-")),
    ]  # fmt: skip
    hukum = [
        ind(1, "Persentase produk hukum daerah yang difasilitasi <tepat waktu> & lengkap", "%",
            ("80–90", "70", "87,50%", "Tinggi", "75", "-5 (Memburuk)", "95", "73,68%")),
        ind(2, "Opini BPK atas laporan keuangan", "Opini",
            ("WTP", "WTP", "100,00%", "Sangat Tinggi", "WTP", "-", "WTP", "100,00%")),
    ]  # fmt: skip
    bagian = [
        {"nama": "Bagian Tata Pemerintahan", "rata": "92,86%", "kategori": "Sangat Tinggi",
         "jumlah": "2", "ada": "1", "indikator": tapem,
         "sasaran": [{"nama": "Meningkatnya kualitas penyelenggaraan pemerintahan", "indikator":
                      tapem}]},
        {"nama": "Bagian Hukum", "rata": "93,75%", "kategori": "Sangat Tinggi", "jumlah": "2",
         "ada": "2", "indikator": hukum,
         "sasaran": [{"nama": "Meningkatnya kualitas produk hukum daerah", "indikator": hukum[:1]},
                     {"nama": "Terwujudnya tata kelola keuangan yang akuntabel",
                      "indikator": hukum[1:]}]},
    ]  # fmt: skip
    koreksi = {
        "no": "1",
        "tanggal": indo.tanggal(date(2027, 1, 25)),
        "versi": "1",
        "bagian": "BAB III",
        "koreksi": "Lengkapi realisasi EKPPD",
        "oleh": "Kabag",
    }
    return {
        "kop": {k: v for k, v in _kop_contoh().items() if k != "alamat"},
        "tanda": "KONSEP",
        "d": {
            "tahun": "2026",
            "tahun_lalu": "2025",
            "tahun_terbit": "2027",
            "sampul_kota": "BLAMBANGAN UMPU",
            "instansi": "Sekretariat Daerah Kabupaten Way Kanan",
            "versi": "Versi 2",
            "tanggal": indo.tanggal(date(2027, 1, 28)),
            "jumlah_bagian": "2",
            "jumlah_indikator": "4",
            "jumlah_ada": "3",
            "rata": "93,45%",
            "kategori_setda": "Sangat Tinggi",
            "rumus_negatif": "(2 × Target − Realisasi) / Target × 100%",
            "ringkasan": "2 Sangat Tinggi, 1 Tinggi, 1 belum ada data",
            "tertinggi": "Bagian Hukum (93,75%)",
            "terendah": "Bagian Tata Pemerintahan (92,86%)",
            "efisien": "2",
            "tidak_efisien": "1",
            "bagian": bagian,
            "anggaran": [
                {
                    "no": "1",
                    "nama": "Tata Pemerintahan",
                    "pagu": indo.rupiah(775_000_000),
                    "realisasi": indo.rupiah(718_150_000),
                    "serapan": indo.persen(92.66),
                    "sisa": indo.rupiah(56_850_000),
                    "efisiensi": "Efisien",
                },
                {
                    "no": "2",
                    "nama": "Hukum",
                    "pagu": indo.rupiah(1_250_000_000),
                    "realisasi": indo.rupiah(1_193_500_000),
                    "serapan": indo.persen(95.48),
                    "sisa": indo.rupiah(56_500_000),
                    "efisiensi": "Tidak efisien",
                },
            ],
            "total": {
                "pagu": indo.rupiah(2_025_000_000),
                "realisasi": indo.rupiah(1_911_650_000),
                "serapan": indo.persen(94.40),
                "sisa": indo.rupiah(113_350_000),
                "efisiensi": "Tidak efisien",
            },
            "grafik": "(grafik rata-rata capaian per Bagian)",
            "kategori": [
                {"label": "Sangat Tinggi", "rentang": "≥ 91", "jumlah": "2", "persen": "50,00%"},
                {"label": "Tinggi", "rentang": "76 – < 91", "jumlah": "1", "persen": "25,00%"},
                {"label": "Belum ada data", "rentang": "-", "jumlah": "1", "persen": "25,00%"},
            ],
            "koreksi_selesai": [koreksi],
            "koreksi_terbuka": [dict(koreksi, no="2", koreksi="Perbaiki judul Tabel 3.2")],
        },
        "ttd": dict(_ttd_contoh(), jabatan="SEKRETARIS DAERAH\nKABUPATEN WAY KANAN,"),
    }


_CONTOH: dict[str, Callable[[], dict[str, Any]]] = {
    "undangan_rapat.docx": _contoh_undangan,
    "daftar_hadir.docx": _contoh_daftar_hadir,
    "notula_rapat.docx": _contoh_notula,
    "surat_pengantar.docx": _contoh_pengantar,
    "dokumen_iku.docx": _contoh_dokumen_iku,
}


# --------------------------------------------------------------------------- writing


def simpan(doc: DocumentObject, path: Path) -> Path:
    """Save `doc` to `path` reproducibly: the zip entries get a fixed timestamp (python-docx
    stamps the current time), so an unchanged template is byte-identical when rebuilt."""
    mentah = io.BytesIO()
    doc.save(mentah)
    keluar = io.BytesIO()
    with (
        zipfile.ZipFile(mentah) as masuk,
        zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        for info in masuk.infolist():
            baru = zipfile.ZipInfo(info.filename, date_time=_ZIP_WAKTU)
            baru.compress_type = zipfile.ZIP_DEFLATED
            baru.external_attr = 0o644 << 16
            zout.writestr(baru, masuk.read(info))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(keluar.getvalue())
    return path


def tulis_semua(folder: Path) -> list[Path]:
    """Write every template of `TEMPLATES` into `folder` (created if needed)."""
    return [simpan(pembuat(), Path(folder) / nama) for nama, pembuat in TEMPLATES.items()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pyxl.bangun.templat",
        description="Tulis ulang templat Word (docxtpl) pyxl.",
    )
    parser.add_argument(
        "folder", nargs="?", type=Path, default=FOLDER_BAWAAN,
        help="folder tujuan (bawaan: pyxl/templates/)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    for path in tulis_semua(args.folder):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
