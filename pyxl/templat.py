"""Generator of the Word templates in the repository's ``templates/`` folder.

Documents are rendered with docxtpl: Jinja2 tags inside a .docx that staff may open and edit in
Word. The committed templates are written by this module so they can be rebuilt at any time::

    python -m pyxl.templat [FOLDER]     # default: templates/ next to the pyxl package folder

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

Every value is written pre-formatted (see `pyxl.indo`): the templates do no formatting.
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
from docx.enum.table import WD_ALIGN_VERTICAL, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from pyxl import indo

__all__ = [
    "FOLDER_BAWAAN",
    "TEMPLATES",
    "blok_ttd",
    "contoh_konteks",
    "daftar_hadir",
    "dokumen_baru",
    "kop_surat",
    "lembar_disposisi",
    "main",
    "notula_rapat",
    "simpan",
    "tulis_semua",
    "undangan_rapat",
]

FONT = "Arial"
UKURAN = Pt(11)
PENULIS = "Bagian Perencanaan dan Keuangan"
WAKTU_TETAP = datetime(2026, 1, 1, 0, 0, 0)
"""Created/modified date written into every template, so regeneration changes nothing."""
_ZIP_WAKTU = (1980, 1, 1, 0, 0, 0)

FOLDER_BAWAAN = Path(__file__).resolve().parent.parent / "templates"
"""The repository's ``templates/`` folder, next to the ``pyxl`` package folder."""

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
    inti.comments = "Dibuat ulang dengan: python -m pyxl.templat"
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


TEMPLATES: dict[str, Callable[[], DocumentObject]] = {
    "lembar_disposisi.docx": lembar_disposisi,
    "undangan_rapat.docx": undangan_rapat,
    "daftar_hadir.docx": daftar_hadir,
    "notula_rapat.docx": notula_rapat,
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


_CONTOH: dict[str, Callable[[], dict[str, Any]]] = {
    "undangan_rapat.docx": _contoh_undangan,
    "daftar_hadir.docx": _contoh_daftar_hadir,
    "notula_rapat.docx": _contoh_notula,
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
        prog="python -m pyxl.templat",
        description="Tulis ulang templat Word (docxtpl) pyxl.",
    )
    parser.add_argument(
        "folder", nargs="?", type=Path, default=FOLDER_BAWAAN,
        help="folder tujuan (bawaan: templates/ di samping folder paket pyxl)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    for path in tulis_semua(args.folder):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
