"""Rendering Word documents from the docxtpl templates staff can edit.

A template is looked up first in the working folder's `templates/` (the copy staff edit) and
then in the templates shipped with pyxl. Rendering uses `autoescape=True`, so text from the
workbook can never become Word XML or template code. A document is written to a temporary file
and renamed into place; an existing document is never overwritten. A failed write (disk full,
read-only folder) is an Indonesian message naming the document (`galat_tulis`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from pyxl.berkas.tulis import galat_tulis, tulis_atomik
from pyxl.dokumen.bersih import bersihkan
from pyxl.dokumen.templat import FOLDER_BAWAAN
from pyxl.galat import IsianError, LingkunganError
from pyxl.kontrak import skema
from pyxl.kontrak.pengaturan import Pengaturan
from pyxl.surat.kop import LAMBANG, Halaman, halaman


def cari_templat(folder_kerja: Path, nama: str) -> Path:
    for calon in (folder_kerja / skema.FOLDER_TEMPLAT / nama, FOLDER_BAWAAN / nama):
        if calon.is_file():
            return calon
    raise LingkunganError(
        f"Templat Word '{nama}' tidak ditemukan di folder {skema.FOLDER_TEMPLAT}/. "
        "Salin dari paket pyxl atau jalankan: pyxl init FOLDER_BARU."
    )


_KARAKTER_DAFTAR = ("\t", "\a", "\n", "\f")
_PARAGRAF = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)


def _templat(path: Path) -> Any:
    """A docxtpl template with two passes made proportional to the document's size.

    The 'listing' pass (tabs, line and page breaks inside values) runs only on paragraphs
    that contain such a character: docxtpl runs it over every run of the document (2.2 s of
    7.9 s at 6,400 indicators), and it rewrites each paragraph on its own, so the result is
    the same. The rendered body replaces the template's by one parse (see `map_tree`)."""
    from docxtpl import DocxTemplate

    class _Templat(DocxTemplate):
        def resolve_listing(self, xml: str) -> str:
            def satu(m: re.Match[str]) -> str:
                p = m.group(0)
                return (
                    super(_Templat, self).resolve_listing(p)
                    if any(c in p for c in _KARAKTER_DAFTAR)
                    else p
                )

            if not any(c in xml for c in _KARAKTER_DAFTAR):
                return xml
            return _PARAGRAF.sub(satu, xml)

        def map_tree(self, tree: Any) -> None:
            # docxtpl moves the rendered body into the template's document; lxml then walks
            # every node to rebind it (2.6 s for a 6,400-indicator document). Parsing the
            # whole document once and swapping the part's root gives the same XML.
            from docx.oxml.parser import parse_xml
            from lxml import etree

            akar = etree.tostring(self.docx._element, encoding="unicode")
            awal, akhir = akar.index("<w:body"), akar.rindex("</w:body>") + len("</w:body>")
            baru = parse_xml(akar[:awal] + etree.tostring(tree, encoding="unicode") + akar[akhir:])
            self.docx._part._element = baru
            self.docx._element = baru

    doc = _Templat(str(path))
    _muat(doc, path)
    return doc


def _muat(doc: Any, path: Path) -> None:
    """Load a template's Word package now, so a file that is not a Word document (a 0-byte
    file, a .doc renamed .docx, a workbook) is an Indonesian message naming it."""
    import zipfile

    from docx.opc.exceptions import PackageNotFoundError

    try:
        doc.init_docx()
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise IsianError(
            f"Templat {path.name} di folder {path.parent} bukan dokumen Word (.docx) yang sah "
            f"({exc.__class__.__name__}). Simpan ulang di Word sebagai 'Word Document (.docx)', "
            "atau salin templat aslinya dari paket pyxl (folder templates di folder kerja baru "
            "buatan pyxl init)."
        ) from exc


def lingkungan() -> Any:
    """The Jinja environment of every document: sandboxed (a template staff edited cannot
    reach Python internals such as `''.__class__` or `cycler.__init__.__globals__`), strict (a
    misspelt variable fails instead of printing nothing) and autoescaped (text from the
    workbook is always text: never Word XML, never template code, since a value is output
    once and never parsed again)."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)


def _tidak_aman(exc: Exception) -> bool:
    from jinja2.exceptions import SecurityError

    return isinstance(exc, SecurityError)


def _sebab(exc: Exception) -> str:
    """Why a template could not be rendered, in Indonesian, for messages. Besides Jinja's own
    errors a template can cause OverflowError (the sandbox refuses a range over 100,000 items)
    and RecursionError (a macro calling itself)."""
    if _tidak_aman(exc):
        return (
            f"memakai ekspresi yang tidak diizinkan ({exc}): templat hanya boleh memakai "
            "variabel yang disediakan pyxl, tanpa atribut berawalan garis bawah. Hapus "
            "ekspresi itu atau salin ulang templat dari paket pyxl (jalankan pyxl cek)."
        )
    if isinstance(exc, OverflowError | RecursionError):
        return (
            f"tidak dapat diisi ({type(exc).__name__}: {exc}): perulangan terlalu besar atau "
            "makro memanggil dirinya sendiri. Perbaiki templat (jalankan pyxl cek)."
        )
    return f"rusak: {exc}. Periksa tanda {{{{ }}}} dan {{% %}} di Word (jalankan pyxl cek)."


def tulis_dokumen(
    templat: Path,
    konteks: Mapping[str, Any],
    tujuan: Path,
    siapkan: Callable[[Any, dict[str, Any]], dict[str, Any]] | None = None,
    *,
    apa: str = "Dokumen",
    kertas: Halaman | None = None,
) -> Path:
    """Render `templat` with `konteks` into `tujuan` (which must not exist yet).

    `siapkan(doc, konteks)` may complete the context with objects that need the template
    itself (docxtpl's `InlineImage` for a chart). `apa` names the document in the message of
    a failed write ('Surat pengantar surat_pengantar_3_2027.docx di folder … tidak dapat
    ditulis: disk penuh …'). `kertas` sets the paper and margins of every section
    (`atur_halaman`)."""
    from jinja2 import TemplateError

    if tujuan.exists():
        raise IsianError(f"Dokumen {tujuan.name} sudah ada dan tidak akan ditimpa.")
    doc = _templat(templat)
    isi = siapkan(doc, dict(konteks)) if siapkan else dict(konteks)
    try:
        doc.render(isi, jinja_env=lingkungan(), autoescape=True)
    except (TemplateError, OverflowError, RecursionError) as exc:
        raise IsianError(f"Templat {templat.name} {_sebab(exc)}") from exc
    if kertas is not None:
        atur_halaman(doc.docx, kertas)
    bersihkan(doc.docx)  # what a template's Word version added that the schema does not allow
    try:
        tujuan.parent.mkdir(parents=True, exist_ok=True)
        return tulis_atomik(tujuan, lambda sementara: doc.save(str(sementara)), timpa=False)
    except FileExistsError as exc:
        raise IsianError(f"Dokumen {tujuan.name} sudah ada dan tidak akan ditimpa.") from exc
    except OSError as exc:  # disk full, read-only folder: say which document
        raise galat_tulis(exc, tujuan, apa) from exc


def atur_halaman(dokumen: Any, kertas: Halaman) -> None:
    """Give every section of a python-docx `Document` the paper and margins of `kertas`
    (`pyxl.surat.kop.halaman(peng)`): the settings decide the page, whatever the template
    (or the Word of the staff member who edited it) says."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Mm

    for bagian in dokumen.sections:
        lebar, tinggi = Mm(kertas.lebar_mm), Mm(kertas.tinggi_mm)
        if bagian.orientation == WD_ORIENT.LANDSCAPE:  # a wide table's section stays wide
            lebar, tinggi = tinggi, lebar
        bagian.page_width, bagian.page_height = lebar, tinggi
        bagian.left_margin, bagian.right_margin = Cm(kertas.kiri_cm), Cm(kertas.kanan_cm)
        bagian.top_margin, bagian.bottom_margin = Cm(kertas.atas_cm), Cm(kertas.bawah_cm)


LEBAR_LAMBANG_MM = 20
"""Width of the lambang on the kop; its height follows the image."""


def periksa_lambang(folder_kerja: Path) -> Path:
    """The lambang image of the kop (`templates/lambang.png` of the working folder, else the
    placeholder shipped with pyxl), refused with a message when it is not a PNG/JPEG image."""
    from docx.image.exceptions import UnrecognizedImageError
    from docx.image.image import Image

    jalur = cari_templat(folder_kerja, LAMBANG)
    try:
        Image.from_file(str(jalur))
    except (UnrecognizedImageError, OSError, ValueError) as exc:
        raise IsianError(
            f"Berkas lambang {jalur.name} di folder {jalur.parent} bukan gambar PNG atau JPEG "
            f"({exc.__class__.__name__}). Simpan gambar lambang daerah sebagai {LAMBANG} di "
            f"folder {skema.FOLDER_TEMPLAT}/."
        ) from exc
    return jalur


def tulis_surat(
    templat: Path,
    konteks: Mapping[str, Any],
    tujuan: Path,
    peng: Pengaturan,
    folder_kerja: Path,
    *,
    apa: str = "Dokumen",
) -> Path:
    """`tulis_dokumen` for a document with a kop: the lambang goes into `kop.lambang` and the
    page is the one of `Pengaturan` (`pyxl.surat.kop.halaman`)."""
    kertas = halaman(peng)
    lambang = periksa_lambang(folder_kerja)

    def siapkan(doc: Any, isi: dict[str, Any]) -> dict[str, Any]:
        from docx.shared import Mm
        from docxtpl import InlineImage

        gambar = InlineImage(doc, str(lambang), width=Mm(LEBAR_LAMBANG_MM))
        isi["kop"] = ketat(dict(isi["kop"], lambang=gambar))
        return isi

    return tulis_dokumen(templat, konteks, tujuan, siapkan, apa=apa, kertas=kertas)


def periksa_templat(templat: Path, contoh: Mapping[str, Any]) -> list[str]:
    """Problems of a (possibly staff-edited) template: unknown variables, broken tags.

    `contoh` is a complete sample context: every variable the step provides. A variable the
    template uses but the step does not provide is a misspelling; a render with the sample
    context under the strict sandbox finds misspelt attributes and broken tags.
    """
    import io
    import zipfile

    from docx.opc.exceptions import PackageNotFoundError
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    masalah: list[str] = []
    try:
        doc = DocxTemplate(str(templat))
        dipakai = doc.get_undeclared_template_variables(lingkungan())
    except TemplateError as exc:
        return [f"tanda rusak: {exc}"]
    except (OSError, KeyError, ValueError, PackageNotFoundError, zipfile.BadZipFile) as exc:
        return [f"bukan dokumen Word yang sah ({exc.__class__.__name__}): simpan ulang di Word"]
    asing = sorted(set(dipakai) - set(contoh))
    if asing:
        masalah.append(f"variabel tidak dikenal: {', '.join(asing)} (salah ketik?)")
    if not masalah:
        try:
            doc = DocxTemplate(str(templat))
            doc.render(dict(contoh), jinja_env=lingkungan(), autoescape=True)
            doc.save(io.BytesIO())
        except (TemplateError, OverflowError, RecursionError) as exc:
            aman = isinstance(exc, TemplateError) and not _tidak_aman(exc)
            masalah.append(f"tidak dapat diisi: {exc}" if aman else _sebab(exc))
    return masalah


class _Ketat(dict[str, Any]):
    """A template context in which a misspelt name (``{{ u.nomer }}``) fails the rendering
    instead of printing nothing."""

    def __getattr__(self, nama: str) -> Any:
        if nama in self:
            return self[nama]
        if nama.startswith("__"):
            raise AttributeError(nama)
        from jinja2 import StrictUndefined

        return StrictUndefined(hint=f"variabel '{nama}' tidak ada di konteks templat")


def ketat(nilai: Any) -> Any:
    if isinstance(nilai, dict):
        return _Ketat({k: ketat(v) for k, v in nilai.items()})
    if isinstance(nilai, list):
        return [ketat(v) for v in nilai]
    return nilai
