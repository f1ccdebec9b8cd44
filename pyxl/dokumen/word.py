"""Rendering Word documents from the docxtpl templates staff can edit.

A template is looked up first in the working folder's `templates/` (the copy staff edit) and
then in the templates shipped with pyxl. Rendering uses `autoescape=True`, so text from the
workbook can never become Word XML or template code. A document is written to a temporary file
and renamed into place; an existing document is never overwritten. A failed write (disk full,
read-only folder) is an Indonesian message naming the document (`galat_tulis`).
"""

from __future__ import annotations

import contextlib
import functools
import re
import threading
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


_KARAKTER_DAFTAR = "\t\a\n\f"
"""What docxtpl's listing pass rewrites in a paragraph: tab, new paragraph, line, page break."""
_PARAGRAF = re.compile(rb"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)


def _templat(path: Path, teks: bool = False) -> Any:
    """A docxtpl template whose rendering costs in proportion to the document's size.

    At 6,400 indicators docxtpl spent most of its time outside the template itself; each pass
    below gives the XML docxtpl's own would:

    - the 'listing' pass (tabs, line and page breaks inside values) runs only on paragraphs
      that contain such a character, not over every run of the document;
    - the line breaks docxtpl puts before each paragraph (so that Jinja errors name a line)
      are removed by plain replacement, not a regular expression with a template;
    - the rendered body is parsed once, as the whole document (`fix_tables`), instead of
      parsed, serialized and parsed again, and lxml does not rebind every node of a body
      moved between trees;
    - the table walk that fixes column grids runs only when it can change something
      (`_ubah_kolom`): never on the templates pyxl ships.

    With `teks` the rendered body is not parsed into a tree at all: it is encoded once, its
    listing pass done and its picture ids numbered on the UTF-8, and those bytes are what
    the document part saves (`_teks_calon`), once `sah()` says they are well-formed (a parse
    that builds nothing, running while the document is saved). The XML is the same as the
    tree's, only not re-serialized by lxml (a reader sees the same document: the tests
    compare the canonical XML); a template the text cannot take as it is (a broken one,
    whitespace between tags, pictures under another prefix, a picture id that is not
    digits) takes the tree's way. Nothing may change the body after rendering then:
    `tulis_dokumen` uses it only without `kertas` and cleans the template (`bersihkan`)
    before rendering."""
    from docxtpl import DocxTemplate

    class _Templat(DocxTemplate):
        _teks: bytes | None = None
        """The whole rendered document part, as the bytes it saves (with `teks`)."""
        sah: Callable[[], bool] = staticmethod(lambda: True)
        """Whether the rendered part is well-formed: with `_teks`, the answer of its check,
        which runs meanwhile (`_sah_di_latar`); a tree is."""
        docx_ids_index: int
        _daftar_nanti = False
        """The body's listing pass is left to `fix_tables` (on its UTF-8, with `teks`)."""

        def resolve_listing(self, xml: str) -> str:
            if self._daftar_nanti or not any(c in xml for c in _KARAKTER_DAFTAR):
                return xml
            utf8 = xml.encode("utf-8", "surrogatepass")  # the text as it is, whatever it holds
            potongan = _daftar(utf8, super().resolve_listing)
            return b"".join(potongan).decode("utf-8", "surrogatepass")

        def render_xml_part(
            self, src_xml: str, part: Any, context: Any, jinja_env: Any = None
        ) -> str:
            # docxtpl's, without its line break before every paragraph (so that an error
            # names a line) unless there is an error to name: removing them from the output
            # took longer than rendering it
            from jinja2 import TemplateError

            self.current_rendering_part = part
            dst_xml = None
            if "\n<w:p" not in src_xml:
                with contextlib.suppress(TemplateError):  # again below, naming its line
                    dst_xml = self._render(src_xml, context, jinja_env)
            if dst_xml is None:
                src_xml = _AWAL_PARAGRAF.sub(r"\n<w:p\1", src_xml)  # the template: small
                try:
                    dst_xml = self._render(src_xml, context, jinja_env)
                except TemplateError as exc:
                    if getattr(exc, "lineno", None) is not None:
                        baris = max(exc.lineno - 4, 0)  # type: ignore[attr-defined]
                        exc.docx_context = [  # type: ignore[attr-defined]
                            re.sub(r"<[^>]+>", "", x)
                            for x in src_xml.splitlines()[baris : baris + 7]
                        ]
                    raise
            # docxtpl removes every "\n<w:p" of the output: the ones it inserted, and any a
            # value (a picture's XML) ended with before a paragraph
            if "\n<w:p" in dst_xml:
                dst_xml = dst_xml.replace("\n<w:p", "<w:p")
            # one character is found in milliseconds, two take tenths of a second
            if "_" in dst_xml and ("{_" in dst_xml or "_}" in dst_xml):
                dst_xml = (
                    dst_xml.replace("{_{", "{{")
                    .replace("}_}", "}}")
                    .replace("{_%", "{%")
                    .replace("%_}", "%}")
                )
            return self.resolve_listing(dst_xml)

        @staticmethod
        def _render(src_xml: str, context: Any, jinja_env: Any) -> str:
            from jinja2 import Template

            template = jinja_env.from_string(src_xml) if jinja_env else Template(src_xml)
            _escape_cepat(template)
            return str(template.render(context))

        def build_xml(self, context: Any, jinja_env: Any = None) -> str:
            self._ubah_kolom = _ubah_kolom(self.get_xml(), super().fix_tables)
            self._daftar_nanti = teks and not self._ubah_kolom
            try:
                return str(super().build_xml(context, jinja_env))
            finally:
                self._daftar_nanti = False

        def fix_tables(self, xml: str) -> Any:
            from docx.oxml.parser import parse_xml
            from lxml import etree

            if self._ubah_kolom:
                self._akar = None
                return super().fix_tables(xml)
            akar = etree.tostring(self.docx._element, encoding="unicode")
            awal, akhir = akar.index("<w:body"), akar.rindex("</w:body>") + len("</w:body>")
            self._teks = None
            if teks:
                mulai = self.docx_ids_index

                def berikut() -> int:
                    self.docx_ids_index += 1
                    return self.docx_ids_index

                daftar = super().resolve_listing
                if blob := _teks_calon(akar[:awal], xml, akar[akhir:], berikut, daftar):
                    self._akar, self._teks, self.sah = None, blob, _sah_di_latar(blob)
                    return _TEKS
                self.docx_ids_index = mulai  # the tree's way numbers them again
                xml = self.resolve_listing(xml)  # left to here by `build_xml`
            try:
                baru = parse_xml(akar[:awal] + xml + akar[akhir:])
            except etree.XMLSyntaxError:  # docxtpl's lenient parse, then the usual way
                self._akar = None
                return super().fix_tables(xml)
            self._akar = baru
            return baru

        def save(self, filename: Any, *args: Any, **kwargs: Any) -> None:
            # bytes saved as rendered text are kept only when the check says well-formed
            super().save(filename, *args, **kwargs)
            if not self.sah():
                raise _BukanTeks

        def fix_docpr_ids(self, tree: Any) -> None:
            # docxtpl's, in the same document order; python-docx's elements (a whole
            # document parsed by `fix_tables`) take no `namespaces` in `xpath`
            from docx.oxml.ns import qn

            if tree is _TEKS:  # numbered in `fix_tables` (`_teks_calon`)
                return
            for elt in tree.iter(qn("wp:docPr")):
                self.docx_ids_index += 1
                elt.attrib["id"] = str(self.docx_ids_index)

        def map_tree(self, tree: Any) -> None:
            from docx.oxml.parser import parse_xml
            from lxml import etree

            if tree is _TEKS:
                assert self._teks is not None
                bagian = self.docx._part
                bagian.__class__ = _bagian_teks(bagian.__class__)
                bagian._blob_teks = self._teks
                return
            baru = self._akar
            if baru is None:  # parsed on its own: the body into a whole-document parse
                akar = etree.tostring(self.docx._element, encoding="unicode")
                awal = akar.index("<w:body")
                akhir = akar.rindex("</w:body>") + len("</w:body>")
                teks = akar[:awal] + etree.tostring(tree, encoding="unicode") + akar[akhir:]
                baru = parse_xml(teks)
            self.docx._part._element = baru
            self.docx._element = baru

    doc = _Templat(str(path))
    _muat(doc, path)
    return doc


TINGKAT_ZIP = 3
"""zlib level of a written document's members. python-docx's (6) spent a tenth of the
Dokumen IKU's time compressing its 40 MB of XML at 6,400 indicators; level 3 takes a third
of that, for a file 40 % larger (0.8 MB instead of 0.55 MB). The members are the same."""


def _tingkat_zip(paket: Any) -> None:
    """Make python-docx's package `paket` save its zip at `TINGKAT_ZIP`: its own `save`
    (every part's `before_marshal`, then `PackageWriter.write`'s three writes) with a zip
    writer of that level."""
    import types
    import zipfile

    from docx.opc.pkgwriter import PackageWriter

    class _Zip:
        def __init__(self, berkas: Any) -> None:
            self.zip = zipfile.ZipFile(berkas, "w", zipfile.ZIP_DEFLATED, compresslevel=TINGKAT_ZIP)

        def write(self, uri: Any, blob: bytes) -> None:
            self.zip.writestr(uri.membername, blob)

    def simpan(self: Any, berkas: Any) -> None:
        for part in self.parts:
            part.before_marshal()
        tulis = _Zip(berkas)
        with tulis.zip:
            PackageWriter._write_content_types_stream(tulis, self.parts)
            PackageWriter._write_pkg_rels(tulis, self.rels)
            PackageWriter._write_parts(tulis, self.parts)  # type: ignore[arg-type]

    paket.save = types.MethodType(simpan, paket)


_TEKS = object()
"""What `fix_tables` gives instead of a tree when the body stays text."""
_DEKLARASI = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
"""The declaration python-docx writes before a part's XML (`serialize_part_xml`)."""
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_ID_GAMBAR = re.compile(r'(<wp:docPr\s[^>]*?(?<=\s)id=")[^"]*"')
"""The `id` of a picture's `wp:docPr` (values in attributes are escaped: no `"` or `>`)."""
_ID_GAMBAR_B = re.compile(_ID_GAMBAR.pattern.encode())
"""`_ID_GAMBAR` on UTF-8 (its `\\s` ASCII whitespace only: see `_nomori_gambar`)."""
_NS_WP = re.compile(r'xmlns:wp="([^"]*)"')
_WP_B = _WP.encode()
_ANTARA_TAG = re.compile(r">\s+<")


def _nomori_gambar(data: bytes, posisi: list[int], nomor: Callable[[], int]) -> list[bytes] | None:
    """UTF-8 `data` in pieces, the id of each `<wp:docPr ` (at `posisi`, in order) replaced
    by `nomor()`, in document order; None when that could differ from numbering the text's
    `_ID_GAMBAR` matches or change whether the XML is well-formed: a tag without its id, a
    non-ASCII character before the id (the text's `\\s` is Unicode whitespace too), an id
    that is not digits."""
    potongan, ujung = [], 0
    for i in posisi:
        m = _ID_GAMBAR_B.match(data, i) if i >= ujung else None  # not inside the last one
        if m is None or not m[1].isascii() or not m[0][len(m[1]) : -1].isdigit():
            return None
        potongan += [data[ujung:i], m[1], str(nomor()).encode(), b'"']
        ujung = m.end()
    return [*potongan, data[ujung:]] if potongan else [data]


def _tag_gambar(data: bytes) -> list[int] | None:
    """Where each `<wp:docPr ` starts in `data`, in one `bytes.find` pass (tens of megabytes:
    one pass, not a count per pattern); None when a `docPr` in it is neither that nor
    `</wp:docPr>`."""
    posisi, i = [], data.find(b"docPr")
    while i >= 0:
        if i >= 4 and data.startswith(b"<wp:docPr ", i - 4):
            posisi.append(i - 4)
        elif not (i >= 5 and data.startswith(b"</wp:docPr>", i - 5)):
            return None
        i = data.find(b"docPr", i + 5)
    return posisi


def _ns_wp_lain(data: bytes) -> bool:
    """Whether `data` binds the prefix `wp` to a namespace other than `_WP` (what
    `_NS_WP.findall` finds, by `bytes.find`)."""
    i, awal = data.find(b'xmlns:wp="'), len(b'xmlns:wp="')
    while i >= 0:
        j = data.find(b'"', i + awal)
        if j < 0:
            return False
        if data[i + awal : j] != _WP_B:
            return True
        i = data.find(b'xmlns:wp="', j + 1)
    return False


def _escape_cepat(template: Any) -> None:
    """Make compiled Jinja `template` escape the plain strings it outputs without making a
    `Markup` of each: the same text (markupsafe's escaping, which runs on any string holding
    a character to escape and on every other value), a tenth of the time. An autoescaping
    template calls the name `escape` of its module for each `{{ }}` it outputs and yields
    the result, which is then joined into the rendered text."""
    ruang = template.root_render_func.__globals__
    asli = ruang.get("escape")
    if asli is None:
        return

    def escape(v: Any) -> Any:
        if type(v) is str and not ("&" in v or "<" in v or ">" in v or "'" in v or '"' in v):
            return v
        return asli(v)

    ruang["escape"] = escape


class _Periksa:
    """A parser target that builds nothing: the parse only checks the XML."""

    def close(self) -> None:
        return None


def _teks_calon(
    kepala: str,
    isi: str,
    ekor: str,
    nomor: Callable[[], int],
    daftar: Callable[[str], str] | None = None,
) -> bytes | None:
    """The bytes a rendered document part saves if they are well-formed (`_sah`, the caller's
    to check), else None: python-docx's parser (`remove_blank_text`) would drop no blank text
    between tags; every picture is a `wp:docPr` with an `id`, `wp` bound to its namespace.
    The part is `kepala + isi + ekor`, `isi` the rendered body (`<w:body…</w:body>`); its
    pictures get their ids from `nomor()`, in document order. `daftar`, when given, is the
    listing pass still to do on the body (`_daftar`, on its UTF-8).

    Blank text is looked for before the listing pass, and in each paragraph it rewrites: the
    rest is unchanged, and a rewritten paragraph starts with `<` and ends with `>` as before,
    so nothing new can straddle its edges (text the pass would have made not blank is refused
    too: the tree's way takes it).

    The bytes are python-docx's declaration and the part in UTF-8, its pictures numbered:
    `_sah` parses what is saved. The part is never joined as text (tens of megabytes of
    2-byte characters, copied each time): each check runs on the pieces (`kepala`, the body
    cut where the listing pass rewrote a paragraph, `ekor`), which gives what it gives on the
    whole. No pattern counted can straddle a piece's edge (`isi` starts with `<w:body` and
    ends with `>`; a rewritten paragraph starts with `<` and ends with `>`), a `>…<` of
    blank text straddles one only as `kepala`'s end and `isi`'s `<`, or `isi`'s `>` and
    `ekor`'s start; and a picture tag running over an edge is not well-formed, which the
    parse refuses."""
    if not (isi.startswith("<w:body") and isi.endswith("</w:body>")):
        return None
    if (
        _ANTARA_TAG.search(kepala + "<")
        or _ANTARA_TAG.search(isi)
        or _ANTARA_TAG.search(">" + ekor)
    ):
        return None
    try:
        data = [p.encode("utf-8") for p in (kepala, isi, ekor)]
    except UnicodeEncodeError:
        return None
    if daftar is not None:
        kosong: list[bool] = []  # a rewritten paragraph with blank text between tags

        def tulis_ulang(paragraf: str) -> str:
            baru = daftar(paragraf)
            kosong.append(_ANTARA_TAG.search(baru) is not None)
            return baru

        data[1:2] = _daftar(data[1], tulis_ulang)
        if any(kosong):
            return None
    # the rest on the UTF-8 (half the bytes of the text, and the same ASCII substrings)
    posisi = [_tag_gambar(d) for d in data]  # each `docPr` a start or end tag `wp:docPr`
    if any(p is None for p in posisi) or (any(posisi) and any(_ns_wp_lain(d) for d in data)):
        return None
    potongan: list[bytes] = [_DEKLARASI]
    for d, tag in zip(data, posisi, strict=True):  # in document order, as they come
        assert tag is not None
        baru = _nomori_gambar(d, tag, nomor) if tag else [d]
        if baru is None:
            return None
        potongan += baru
    return b"".join(potongan)


def _sah(blob: bytes) -> bool:
    """Whether `blob` is well-formed XML."""
    from lxml import etree

    try:
        etree.fromstring(blob, _parser_periksa())
    except (etree.XMLSyntaxError, ValueError):
        return False
    return True


def _sah_di_latar(blob: bytes) -> Callable[[], bool]:
    """`_sah(blob)` beside the caller's own work, and the function that waits for its answer
    (False also when the check itself failed). lxml lets go of the interpreter while it
    parses: the tenths of a second it takes for a large document pass while the document
    is saved."""
    hasil: list[bool] = []

    def periksa() -> None:
        try:
            hasil.append(_sah(blob))
        except Exception:  # the tree's way, taken then, says what is wrong
            hasil.append(False)

    kerja = threading.Thread(target=periksa, daemon=True)
    kerja.start()

    def tunggu() -> bool:
        kerja.join()
        return hasil == [True]

    return tunggu


def _parser_periksa() -> Any:
    """A parser that only checks well-formedness: it builds nothing, expands no entity and
    fetches nothing a template could name."""
    from lxml import etree

    return etree.XMLParser(target=_Periksa(), resolve_entities=False, no_network=True)


@functools.cache
def _bagian_teks(kelas: Any) -> Any:
    """Part class `kelas` whose saved XML is the text `map_tree` gave it."""

    class _BagianTeks(kelas):
        @property
        def blob(self) -> bytes:
            return bytes(self._blob_teks)

    return _BagianTeks


def gambar(doc: Any, sumber: Any, lebar: Any) -> Any:
    """docxtpl's `InlineImage` of `sumber` (a path or a file object) `lebar` wide, whose XML
    comes without the indentation python-docx pretty-prints it with: the blank text the
    tree's parse would drop (`remove_blank_text`), so a body holding it can stay text."""
    from docxtpl import InlineImage

    class _Gambar(InlineImage):
        def _insert_image(self) -> str:
            # the picture's XML has no text, and `>` in its attribute values is escaped
            return _ANTARA_TAG.sub("><", super()._insert_image())

    return _Gambar(doc, sumber, width=lebar)


class Berurutan:
    """Pictures one below the other where a template has one `{{ }}` in a paragraph of its
    own (docxtpl's `InlineImage`s, from `gambar`), each as wide as the text and shorter than
    a page (one taller is cut at the page's end).

    One picture is the template's paragraph, as `InlineImage` gives it. Several are a
    centred paragraph each, after the template's (left empty): may break before any of them,
    and only the last is kept with what follows (the caption). In one paragraph with the
    template's "keep with next", LibreOffice moved them all to a new page, leaving the
    heading above them alone on the page before."""

    def __init__(self, gambar_: list[Any]) -> None:
        self.gambar = gambar_

    def __html__(self) -> str:
        if len(self.gambar) == 1:
            return str(self.gambar[0]._insert_image())
        gambar = [_drawing(g._insert_image()) for g in self.gambar]
        paragraf = '<w:p><w:pPr>%s<w:widowControl w:val="0"/><w:jc w:val="center"/></w:pPr>'
        isi = [paragraf % "" + f"<w:r>{g}</w:r></w:p>" for g in gambar[:-1]]
        akhir = paragraf % "<w:keepNext/>" + f"<w:r>{gambar[-1]}</w:r>"
        akhir += '<w:r><w:t xml:space="preserve">'
        # closes the template's text, run and paragraph; the last is closed by the template
        return "</w:t></w:r></w:p>" + "".join(isi) + akhir

    __str__ = __html__


def _drawing(xml: str) -> str:
    """The `<w:drawing>` element of `InlineImage._insert_image`'s text."""
    return xml[xml.index("<w:drawing>") : xml.rindex("</w:drawing>") + len("</w:drawing>")]


_KOLOM = re.compile(r"(\{%|\{\{)-?\s*(tc\s|colspan\s|hm\s)")
"""docxtpl's tags that change how many cells a row has: a column loop, a span, a merge."""


def _ubah_kolom(xml: str, fix_tables: Callable[[str], Any]) -> bool:
    """Whether docxtpl's table walk (`fix_tables`, which matches each table's column grid to
    its widest row) can change the rendered body of template body `xml`: when a tag changes
    how many cells a row has, or when the template's own grid is already off (the walk on
    the template, small, then changes it). Row loops copy whole rows and change neither."""
    from lxml import etree

    if _KOLOM.search(xml):
        return True
    # `xml` is the serialized template body: the walk's tree serializes back to it unchanged
    return bool(etree.tostring(fix_tables(xml), encoding="unicode") != xml)


_AWAL_PARAGRAF = re.compile(r"<w:p([ >])")


def _posisi(teks: bytes, karakter: bytes) -> list[int]:
    """Where each of `karakter` occurs in `teks` (`bytes.find` scans tens of megabytes in
    a millisecond; a regular expression's character class takes a third of a second)."""
    tempat = []
    for c in karakter:
        i = teks.find(c)
        while i >= 0:
            tempat.append(i)
            i = teks.find(c, i + 1)
    return tempat


def _daftar(xml: bytes, resolve: Callable[[str], str]) -> list[bytes]:
    """`resolve` (docxtpl's listing pass) on each paragraph of the UTF-8 `xml` holding a
    tab, line or page break, found from those characters: the pieces of the result, each
    rewritten paragraph one. The paragraphs are the ones docxtpl's own pattern would match
    on the text (it rewrites each on its own; the pattern's characters are ASCII, which
    UTF-8 keeps as they are and uses for nothing else), so the XML is the same. The bytes,
    not the text: tens of megabytes of text are 2-byte characters, twice the copying; and
    in pieces: joined once, with whatever else the caller adds.

    Every `</w:p>` is the end of one of that pattern's matches or lies between two, so the
    match holding a character is the first one found from the last `</w:p>` before it."""
    tempat = sorted(_posisi(xml, _KARAKTER_DAFTAR.encode()))
    if not tempat:
        return [xml]
    potongan: list[bytes] = []
    ujung = 0
    for k in tempat:
        if k < ujung:
            continue  # in the paragraph just rewritten
        dari = max(ujung, xml.rfind(b"</w:p>", 0, k) + len(b"</w:p>"))
        m = _PARAGRAF.search(xml, dari)
        if m is None or not m.start() <= k < m.end():
            continue  # outside every paragraph: docxtpl leaves it too
        baru = resolve(m.group(0).decode("utf-8", "surrogatepass"))
        potongan += [xml[ujung : m.start()], baru.encode("utf-8", "surrogatepass")]
        ujung = m.end()
    potongan.append(xml[ujung:])
    return potongan


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
    once and never parsed again). A template part once compiled is kept (`_tersimpan`)."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    class _Lingkungan(SandboxedEnvironment):
        def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
            # docxtpl compiles each part of the template on every render: the Dokumen IKU's
            # body takes tens of milliseconds, every click, for the same text
            simpanan = _tersimpan()
            if simpanan is None or not isinstance(source, str):
                return super().from_string(source, globals, template_class)
            return _dari_simpanan(self, simpanan, source, globals, template_class)

        def getattr(self, obj: Any, attribute: str) -> Any:
            # `i.nama` on a context dict: the sandbox tries a Python attribute first (an
            # exception when there is none), then the key; on a `_Ketat` it then checks the
            # value is safe. For a key that is no attribute of a dict that is the key's value
            # (a 6,400-indicator Dokumen IKU makes 240,000 such lookups); anything else takes
            # the sandbox's own way.
            if type(obj) is dict and attribute not in _ATRIBUT_KETAT and attribute in obj:
                return obj[attribute]
            if (
                type(obj) is _Ketat
                and attribute in obj
                and attribute not in _ATRIBUT_KETAT
                and not attribute.startswith("_")
            ):
                nilai = obj[attribute]
                if type(nilai) in _NILAI_POLOS:
                    return nilai
            return super().getattr(obj, attribute)

    return _Lingkungan(undefined=StrictUndefined, autoescape=True)


@functools.cache
def _tersimpan() -> Any:
    """Where compiled template parts are kept between runs: Jinja's bytecode cache in the
    user's own temporary folder (Windows: the user's %TEMP%; elsewhere Jinja makes a private
    folder and refuses one other users could write to); None when there is none. A part is
    found by the SHA-256 of its text and of the environment's kind, so an edited template is
    compiled anew, and by Jinja's and Python's versions (Jinja checks them)."""
    from jinja2 import FileSystemBytecodeCache

    try:
        return FileSystemBytecodeCache(pattern="pyxl-templat-%s.cache")
    except (OSError, RuntimeError):
        return None


def _dari_simpanan(env: Any, simpanan: Any, sumber: str, globals: Any, template_class: Any) -> Any:
    """`env.from_string(sumber)` with its code from `simpanan` when kept there, else compiled
    and kept; a cache that cannot be read or written is only not used."""
    import hashlib

    # the code depends on the environment too (a sandbox calls through it; autoescaping)
    jenis = f"{type(env).__qualname__}:{env.sandboxed}:{env.autoescape}:{env.undefined.__name__}"
    kunci = hashlib.sha256(f"{jenis}\n{sumber}".encode("utf-8", "surrogatepass")).hexdigest()
    try:
        ember = simpanan.get_bucket(env, kunci, None, sumber)
    except (OSError, EOFError, ValueError, TypeError):
        ember = None
    if ember is None or ember.code is None:
        kode = env.compile(sumber)
        if ember is not None:
            ember.code = kode
            with contextlib.suppress(OSError):  # a full disk, a locked file: compiled next time
                simpanan.set_bucket(ember)
                _pangkas(Path(simpanan.directory))
    else:
        kode = ember.code
    kelas = template_class or env.template_class
    return kelas.from_code(env, kode, env.make_globals(globals))


BATAS_SIMPANAN = 100
"""Compiled parts kept at most: the shipped templates make 25 (a demo run), and each edit of a
template by staff adds its parts again; the oldest written go first."""


def _pangkas(folder: Path) -> None:
    """Keep the `BATAS_SIMPANAN` most recently written compiled parts of `folder`, so that
    five years of edited templates do not fill the user's temporary folder."""
    berkas = []
    for f in folder.glob("pyxl-templat-*.cache"):
        with contextlib.suppress(OSError):  # removed meanwhile by another run
            berkas.append((f.stat().st_mtime, f))
    berkas.sort(reverse=True)
    for _, f in berkas[BATAS_SIMPANAN:]:
        with contextlib.suppress(OSError):  # in use by another run: removed next time
            f.unlink()


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
    selagi: Callable[[], object] | None = None,
) -> Path:
    """Render `templat` with `konteks` into `tujuan` (which must not exist yet).

    `siapkan(doc, konteks)` may complete the context with objects that need the template
    itself (docxtpl's `InlineImage` for a chart). `apa` names the document in the message of
    a failed write ('Surat pengantar surat_pengantar_3_2027.docx di folder … tidak dapat
    ditulis: disk penuh …'). `kertas` sets the paper and margins of every section
    (`atur_halaman`). `selagi`, the caller's own work, runs once, after the document is
    rendered and before anything is written, while its XML is checked."""
    if tujuan.exists():
        raise IsianError(f"Dokumen {tujuan.name} sudah ada dan tidak akan ditimpa.")
    # without `kertas` nothing changes the body after rendering: it may stay text (`_templat`)
    doc = _isi(templat, konteks, siapkan, kertas, teks=kertas is None)
    if selagi is not None:
        selagi()

    def simpan(sementara: Path) -> None:
        doc.save(str(sementara))

    try:
        tujuan.parent.mkdir(parents=True, exist_ok=True)
        try:
            return tulis_atomik(tujuan, simpan, timpa=False)
        except _BukanTeks:  # rare: a template whose rendering is not well-formed
            doc = _isi(templat, konteks, siapkan, kertas, teks=False)  # the tree's way
            return tulis_atomik(tujuan, simpan, timpa=False)
    except FileExistsError as exc:
        raise IsianError(f"Dokumen {tujuan.name} sudah ada dan tidak akan ditimpa.") from exc
    except OSError as exc:  # disk full, read-only folder: say which document
        raise galat_tulis(exc, tujuan, apa) from exc


class _BukanTeks(Exception):
    """The rendered text is not well-formed (raised by saving it, after the file is written:
    `tulis_dokumen` removes it and renders the document again as a tree)."""


def _isi(
    templat: Path,
    konteks: Mapping[str, Any],
    siapkan: Callable[[Any, dict[str, Any]], dict[str, Any]] | None,
    kertas: Halaman | None,
    *,
    teks: bool,
) -> Any:
    """`templat` rendered with `konteks` (`tulis_dokumen`), not yet saved."""
    from jinja2 import TemplateError

    doc = _templat(templat, teks=teks)
    _tingkat_zip(doc.docx.part.package)
    # what a template's Word version added that the schema does not allow: the rendered body
    # holds only copies of the template's elements, so the template is cleaned first
    bersihkan(doc.docx)
    isi = siapkan(doc, dict(konteks)) if siapkan else dict(konteks)
    try:
        doc.render(isi, jinja_env=lingkungan(), autoescape=True)
    except (TemplateError, OverflowError, RecursionError) as exc:
        raise IsianError(f"Templat {templat.name} {_sebab(exc)}") from exc
    if kertas is not None:
        atur_halaman(doc.docx, kertas)
    if doc._teks is None:  # a tree: also what a picture or a staff-edited template brought
        bersihkan(doc.docx)
    return doc


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

        isi["kop"] = ketat(
            dict(isi["kop"], lambang=gambar(doc, str(lambang), Mm(LEBAR_LAMBANG_MM)))
        )
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


_ATRIBUT_KETAT = frozenset(dir(_Ketat))
_NILAI_POLOS = (str, int, float, bool, type(None), list, _Ketat)


def ketat(nilai: Any) -> Any:
    if isinstance(nilai, dict):
        return _Ketat({k: ketat(v) for k, v in nilai.items()})
    if isinstance(nilai, list):
        return [ketat(v) for v in nilai]
    return nilai
