"""What every generated Word document is cleaned of before it is written.

The templates were saved by a Word version that adds two things the Open XML schema (as
Microsoft's own SDK validates it) does not allow, and which a stricter reader may report:

- `w:tblHeader w:val="true"` (a table row repeated on each page): in table-row properties
  `tblHeader` and `cantSplit` are on/off-only (`ST_OnOffOnly`: "on" or "off"); Word itself
  writes the element without `w:val`, which means on.
- a `stylesWithEffects` part, Word 2010's copy of the styles for older versions, which no
  longer matches `styles.xml` once the templates' styles are edited (Word rebuilds it on
  save; a document without it is as valid and opens the same).

`bersihkan` fixes both on the python-docx document docxtpl renders into, so whatever a staff
member's Word adds to a template, the documents pyxl writes stay clean.
"""

from __future__ import annotations

from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
HANYA_ON_OFF = ("tblHeader", "cantSplit")
"""Table-row properties whose `w:val` may only be "on" or "off"."""
_BENAR = {"true", "1", "on"}


def bersihkan(dokumen: Any) -> None:
    """Clean a python-docx `Document` in place (see the module docstring)."""
    bagian = dokumen.part
    for rid, rel in list(bagian.rels.items()):
        if rel.reltype == STYLES_WITH_EFFECTS:
            # the part is saved only while a relationship reaches it: dropping the
            # relationship drops the part and its content type
            bagian.drop_rel(rid)
    for induk in _bagian_xml(dokumen):
        for nama in HANYA_ON_OFF:
            for el in induk.iter(f"{{{W}}}{nama}"):
                val = el.get(f"{{{W}}}val")
                if val is None:
                    continue
                if val.lower() in _BENAR:
                    del el.attrib[f"{{{W}}}val"]
                else:
                    el.set(f"{{{W}}}val", "off")


def _bagian_xml(dokumen: Any) -> list[Any]:
    """The XML trees that can hold table rows: the body, headers and footers."""
    akar = [dokumen.element]
    for section in dokumen.sections:
        for hf in (
            section.header,
            section.footer,
            section.first_page_header,
            section.first_page_footer,
            section.even_page_header,
            section.even_page_footer,
        ):
            if not hf.is_linked_to_previous:
                akar.append(hf._element)
    return akar
