"""Every Office file pyxl writes is valid Open XML, as Microsoft's Open XML SDK validates it
(openxml-audit, a Python port of the SDK's validator), for Office 2016 and Microsoft 365:
the master workbook (committed, fresh from `pyxl init`, and after the whole demo), the formats,
the ledgers' archive copies and every Word document of the demo.

A finding is skipped only where the validator is stricter than the standard, with the
standard's text below; nothing else is allowed."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from openxml_audit import FileFormat, OpenXmlValidator, ValidationError

from pyxl.cli import main
from pyxl.kontrak import skema

pytestmark = pytest.mark.libreoffice  # the demo converts the approved Dokumen IKU to PDF

AKAR = Path(__file__).resolve().parents[1]
FORMAT = (FileFormat.OFFICE_2016, FileFormat.MICROSOFT_365)


def _huruf_bebas_urutan(e: ValidationError) -> bool:
    """The children of a SpreadsheetML `<font>` in any order.

    ECMA-376 Part 1 (4th ed.), sml.xsd, 18.8.22 `font`:

        <xsd:complexType name="CT_Font">
          <xsd:choice maxOccurs="unbounded">
            <xsd:element name="b" type="CT_BooleanProperty" minOccurs="0" maxOccurs="1"/>
            ... i, strike, condense, extend, outline, shadow, u, vertAlign, sz, color,
            name, family, charset, scheme ...
          </xsd:choice>
        </xsd:complexType>

    A repeated choice: any order is valid. The SDK's generated schema data models it as a
    sequence (`x:CT_Font/x:font`, "OneSequence"), so it reports openpyxl's order (name, b,
    color, sz) as "Unexpected element". Only the simulated returns of the Bagian (written by
    openpyxl, as a Bagian's spreadsheet program would) have this order; pyxl's own files do
    not."""
    return (
        e.part_uri == "/xl/styles.xml"
        and "/fonts[1]/font[" in e.path
        and e.description.startswith("Unexpected element '")
    )


DIKECUALIKAN = (_huruf_bebas_urutan,)


def _galat(berkas: Path, format_: FileFormat) -> list[str]:
    hasil = OpenXmlValidator(file_format=format_).validate(berkas)
    return [
        f"{berkas.name} [{format_.value}] {e}"
        for e in hasil.errors
        if e.severity.value == "error" and not any(k(e) for k in DIKECUALIKAN)
    ]


def _unik(berkas: list[Path]) -> Iterator[Path]:
    """Each content once (the archive holds byte-identical copies)."""
    dilihat: set[str] = set()
    for b in berkas:
        sidik = hashlib.sha256(b.read_bytes()).hexdigest()
        if sidik not in dilihat:
            dilihat.add(sidik)
            yield b


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("audit") / "d"
    assert main(["demo", str(folder)]) == 0
    return folder


def test_every_office_file_of_the_demo_is_valid(demo: Path) -> None:
    # the working folder's templates/ are copies of the package's (tested below), not output
    berkas = sorted(
        p
        for p in demo.rglob("*")
        if p.suffix in (".docx", ".xlsx", ".xlsm") and p.parent.name != "templates"
    )
    jenis = {p.suffix for p in berkas}
    assert jenis == {".docx", ".xlsx", ".xlsm"}
    assert sum(p.suffix == ".docx" for p in berkas) >= 8  # letters, minutes, Dokumen IKU
    assert len(list((demo / skema.FOLDER_FORMAT).glob("*.xlsx"))) == 10
    galat = [g for b in _unik(berkas) for f in FORMAT for g in _galat(b, f)]
    assert galat == []


def test_the_masters_and_the_templates_are_valid(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path / "baru")]) == 0
    berkas = [
        AKAR / "workbook" / skema.NAMA_MASTER,
        tmp_path / "baru" / skema.NAMA_MASTER,
        *sorted((AKAR / "templates").glob("*.docx")),
    ]
    galat = [g for b in berkas for f in FORMAT for g in _galat(b, f)]
    assert galat == []


def test_the_exception_is_exact() -> None:
    """The skip matches the font-order finding only, not another finding in the same part."""
    from openxml_audit import ValidationErrorType

    def galat(uri: str, path: str, teks: str) -> ValidationError:
        return ValidationError(ValidationErrorType.SCHEMA, teks, part_uri=uri, path=path)

    assert _huruf_bebas_urutan(
        galat("/xl/styles.xml", "/styleSheet[1]/fonts[1]/font[2]", "Unexpected element 'b' found")
    )
    assert not _huruf_bebas_urutan(
        galat("/xl/styles.xml", "/styleSheet[1]/cellXfs[1]/xf[2]", "Unexpected element 'b' found")
    )
    assert not _huruf_bebas_urutan(
        galat("/xl/styles.xml", "/styleSheet[1]/fonts[1]/font[2]", "Invalid value for attribute")
    )
    assert not _huruf_bebas_urutan(
        galat("/word/styles.xml", "/styleSheet[1]/fonts[1]/font[2]", "Unexpected element 'b'")
    )


def test_a_dokumen_iku_with_its_chart_over_several_pictures_is_valid(tmp_path: Path) -> None:
    """45 Bagian: the chart is three pictures, a paragraph each (`pyxl.dokumen.grafik`,
    `pyxl.dokumen.word.Berurutan`)."""
    from pyxl.dokumen import iku, templat
    from pyxl.dokumen.grafik import gambar_capaian
    from pyxl.inti.kategori import Skala

    data = [(f"Bagian {i + 1}", 40.0 + 2 * i) for i in range(45)]
    png = gambar_capaian(data, Skala().batas, Skala().label)
    assert len(png) == 3
    berkas = iku.tulis(
        templat.FOLDER_BAWAAN / iku.TEMPLAT, iku._konteks_uji(30), png, tmp_path / "iku.docx"
    )
    assert [g for f in FORMAT for g in _galat(berkas, f)] == []
