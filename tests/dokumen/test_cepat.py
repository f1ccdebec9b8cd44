"""The faster ways of the Dokumen IKU give what the slower ones gave: the chart's pixels, the
document's members, the numbers read from cells and their Indonesian formats."""

from __future__ import annotations

import io
import math
import zipfile
from decimal import ROUND_HALF_UP, Context, Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pyxl.dokumen import templat
from pyxl.dokumen.nilai import bil
from pyxl.inti import indo
from pyxl.inti.angka import baca_angka


def test_the_chart_has_the_pixels_of_the_default_encoding() -> None:
    from PIL import Image

    from pyxl.dokumen.grafik import gambar_capaian
    from pyxl.inti.capaian import Skala

    data = [(f"Bagian {i}", None if i == 3 else 60.0 + 7 * i) for i in range(12)]
    [png] = gambar_capaian(data, Skala().batas, Skala().label)
    gambar = Image.open(io.BytesIO(png))
    bawaan = io.BytesIO()
    gambar.save(bawaan, format="PNG")
    assert gambar.tobytes() == Image.open(bawaan).tobytes()
    assert gambar.size == (1500, 20 + 80 * 12 + 56 + 160)


@pytest.mark.parametrize("jumlah", [1, 12, 40])
def test_the_palette_chart_is_the_colour_drawing(jumlah: int) -> None:
    """Saved with a palette, the chart keeps every colour it is drawn with (the bands, white,
    black, the greys of grid and labels) pixel for pixel, and every other pixel (the edges
    of anti-aliased letters) within 3 levels (of 255) of the colour drawing."""
    import numpy as np
    from PIL import Image, ImageChops, ImageColor

    from pyxl.dokumen.grafik import ABU, WARNA_BAND, _lukis, _skala_maks, gambar_capaian
    from pyxl.inti.capaian import Skala

    data = [
        (f"Bagian Nomor {i} Setda", None if i % 5 == 3 else 13.0 * i - 20) for i in range(jumlah)
    ]
    semua = gambar_capaian(data, Skala().batas, Skala().label)
    potongan = [data] if jumlah <= 20 else [data[:20], data[20:]]  # 40: two of 20
    sampai = _skala_maks([x for _, x in data if x is not None])
    assert len(semua) == len(potongan)
    ada = 0
    for n, (bar, isi) in enumerate(zip(potongan, semua, strict=True)):
        akhir = n == len(potongan) - 1
        warna = _lukis(bar, Skala().batas, Skala().label, sampai=sampai, legenda=akhir)
        png = Image.open(io.BytesIO(isi))
        assert png.mode == "P"
        balik = png.convert("RGB")
        assert max(hi for _, hi in ImageChops.difference(warna, balik).getextrema()) <= 3
        a, b = np.asarray(warna), np.asarray(balik)
        for w in (*WARNA_BAND, *ABU):
            c = ImageColor.getrgb(w)
            di_sini = (a == c).all(axis=-1)  # the pixels drawn in that colour
            assert (b[di_sini] == c).all(), w
            ada += bool(di_sini.any()) and akhir
    assert ada >= 6  # the bands drawn (the legend), white, black, the grid's and labels' greys


@pytest.mark.parametrize(
    ("jumlah", "bar"),
    [(0, [0]), (1, [1]), (20, [20]), (21, [11, 10]), (45, [15, 15, 15]), (100, [20] * 5)],
)
def test_a_chart_of_many_bagian_is_split_into_pictures_a_page_holds(
    jumlah: int, bar: list[int]
) -> None:
    from PIL import Image

    from pyxl.dokumen.grafik import BAR_PER_GAMBAR, BARIS, LEBAR, gambar_capaian

    data = [(f"Bagian {i}", 50.0 + i) for i in range(jumlah)]
    ukuran = [Image.open(io.BytesIO(p)).size for p in gambar_capaian(data, *_skala())]
    legenda = 2 * BARIS
    tinggi = [20 + BARIS * max(n, 1) + 56 for n in bar]
    tinggi[-1] += legenda  # under the last picture only
    assert ukuran == [(LEBAR, t) for t in tinggi]
    # 160 mm wide in the document: at most 196 mm tall, within an A4 page's 247 mm of text
    tertinggi = 20 + BARIS * BAR_PER_GAMBAR + 56 + legenda
    assert max(t for _, t in ukuran) <= tertinggi and tertinggi * 160 / LEBAR <= 200


def test_the_pictures_of_one_chart_share_its_scale() -> None:
    from PIL import Image

    from pyxl.dokumen.grafik import _lukis, gambar_capaian

    # 25 Bagian: two pictures of 13 and 12; only the second has a bar beyond 120%
    data = [(f"Bagian {i}", 50.0 if i < 13 else 190.0) for i in range(25)]
    pertama, kedua = gambar_capaian(data, *_skala())
    gambar = Image.open(io.BytesIO(pertama)).convert("RGB").tobytes()
    sama = _lukis(data[:13], *_skala(), sampai=200, legenda=False)  # the axis to 200%
    sendiri = _lukis(data[:13], *_skala(), legenda=False)  # its own would end at 120%
    beda = [
        sum(abs(a - b) for a, b in zip(gambar, x.tobytes(), strict=True)) for x in (sama, sendiri)
    ]
    assert beda[0] < beda[1] / 100
    assert Image.open(io.BytesIO(kedua)).size[1] > Image.open(io.BytesIO(pertama)).size[1]


def _skala() -> tuple[Any, Any]:
    from pyxl.inti.capaian import Skala

    return Skala().batas, Skala().label


def test_a_document_holds_the_members_python_docx_writes(tmp_path: Path) -> None:
    """Saved at `TINGKAT_ZIP`, the members (names, order, content) are python-docx's own."""
    from pyxl.dokumen.word import _templat, _tingkat_zip, lingkungan

    nama = "lembar_disposisi.docx"
    doc = _templat(templat.FOLDER_BAWAAN / nama, teks=True)
    doc.render(templat.contoh_konteks(nama), jinja_env=lingkungan(), autoescape=True)
    doc.save(str(tmp_path / "bawaan.docx"))
    _tingkat_zip(doc.docx.part.package)
    doc.save(str(tmp_path / "cepat.docx"))
    with (
        zipfile.ZipFile(tmp_path / "cepat.docx") as a,
        zipfile.ZipFile(tmp_path / "bawaan.docx") as b,
    ):
        assert a.namelist() == b.namelist()
        for anggota in a.namelist():
            assert a.read(anggota) == b.read(anggota), anggota
        assert {i.compress_type for i in a.infolist()} == {zipfile.ZIP_DEFLATED}


@given(
    st.one_of(
        st.floats(allow_nan=True, allow_infinity=True),
        st.integers(min_value=-(2**1100), max_value=2**1100),
        st.none(),
        st.booleans(),
        st.sampled_from(["87,5", "1.234.500", "-", "", "abc", "92,86%"]),
    )
)
def test_bil_reads_a_cell_as_baca_angka_does(v: object) -> None:
    x = baca_angka(v)
    lama = None if x is None or math.isnan(x) else x
    assert bil(v) == lama or (bil(v) is None and lama is None)


def _format_lama(x: float, desimal: int) -> str:
    """indo's rounding as it was written first: a new context and quantum for every number."""
    nilai = Decimal(x) if isinstance(x, int) or x.is_integer() else Decimal(repr(x))
    konteks = Context(prec=max(28, nilai.adjusted() + desimal + 2), rounding=ROUND_HALF_UP)
    bulat = nilai.quantize(Decimal(1).scaleb(-desimal), context=konteks)
    utuh, _, pecahan = f"{bulat.copy_abs():f}".partition(".")
    kepala = len(utuh) % 3 or 3
    kelompok = [utuh[:kepala]] + [utuh[i : i + 3] for i in range(kepala, len(utuh), 3)]
    teks = ".".join(kelompok) + ("," + pecahan if desimal else "")
    return ("-" if bulat < 0 else "") + teks


@given(st.floats(allow_nan=False, allow_infinity=False), st.integers(0, 6))
def test_numbers_are_formatted_as_before(x: float, desimal: int) -> None:
    assert indo.angka(x, desimal) == _format_lama(x, desimal)


@pytest.mark.parametrize("x", [1.005, 0.005, 2.675, -0.0, -0.004, 1e30, 123456789012345678.0])
def test_numbers_at_the_edges_are_formatted_as_before(x: float) -> None:
    for desimal in (0, 2, 6):
        assert indo.angka(x, desimal) == _format_lama(x, desimal)


_SEL = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_infinity=False),
    st.sampled_from([0.0, -0.0, 100.0, 99.995, 1e-7, "92,86", "WTP", " ", "-"]),
)


@given(st.lists(st.tuples(_SEL, _SEL, _SEL, _SEL), min_size=1, max_size=6))
def test_numbers_formatted_once_give_the_same_document_text(baris: list[tuple]) -> None:
    """`diingat` (each number formatted once per document) changes no sentence or cell: the
    same figures, in whatever order and type, give the same text as formatting every time."""
    from pyxl.dokumen import naratif
    from pyxl.dokumen.iku import _indikator
    from pyxl.dokumen.nilai import diingat

    kosong = {k: None for k in ("Kode IKU", "Indikator Kinerja", "Kategori", "Arah")}
    sumber = dict.fromkeys(("Definisi Operasional", "Formula", "Sumber Data"), "x")
    sumber |= {"Penanggung Jawab": "y", "Keterangan": None}
    rows = [
        kosong
        | {"Satuan": "%" if i % 2 else "Dokumen", "Target": a, "Target Atas": None}
        | {"Realisasi": b, "Realisasi Tahun Lalu": c, "Target Akhir Renstra": d}
        | {"Capaian (%)": b, "Capaian Dinilai (%)": a, "Capaian Renstra (%)": c}
        | {"Perubahan": d, "Pagu Anggaran": a, "Realisasi Anggaran": b}
        | {"Serapan Anggaran (%)": c, "Efisiensi": "Efisien", "Status Data": None}
        | {"Rumus Capaian": "T/R"}
        for i, (a, b, c, d) in enumerate(baris)
    ]

    def teks() -> list[object]:
        return [
            (_indikator(i, r, sumber), naratif.kalimat(r, "2026", "2025"))
            for i, r in enumerate(rows)
        ]

    biasa = teks()
    with diingat():
        assert teks() == biasa
        assert teks() == biasa  # the second time from what was remembered


def _teks_utuh_lama(teks: str) -> bytes | None:
    """The check of a rendered part as first written: on the whole text, pictures numbered
    in the text after it, then encoded (ids from 1001)."""
    import re

    from lxml import etree

    from pyxl.dokumen.word import _DEKLARASI, _ID_GAMBAR, _NS_WP, _WP, _parser_periksa

    if re.search(r">\s+<", teks):
        return None
    if "docPr" in teks:
        mulai = teks.count("<wp:docPr ")
        if teks.count("docPr") != mulai + teks.count("</wp:docPr>"):
            return None
        if mulai != len(_ID_GAMBAR.findall(teks)) or any(ns != _WP for ns in _NS_WP.findall(teks)):
            return None
    try:
        etree.fromstring(teks.encode("utf-8"), _parser_periksa())
    except (etree.XMLSyntaxError, UnicodeEncodeError, ValueError):
        return None
    nomor = iter(range(1001, 10_000))
    potongan, ujung, i = [], 0, teks.find("<wp:docPr ")
    while i >= 0:
        if (m := _ID_GAMBAR.match(teks, i)) is not None:
            potongan += [teks[ujung:i], f'{m[1]}{next(nomor)}"']
            ujung = m.end()
        i = teks.find("<wp:docPr ", i + 1)
    return _DEKLARASI + "".join([*potongan, teks[ujung:]]).encode("utf-8")


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_WPNS = 'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
_POTONG = [
    "<w:p/>", "<w:p>", "</w:p>", "<w:t>a\u00a0é&amp;</w:t>", " ", "\n", "\u00a0", "\x1c",
    "<", ">", "&", "docPr", '<wp:docPr id="7"/>', '<wp:docPr name="x" id="12"></wp:docPr>',
    '<wp:docPr id="x"/>', '<wp:docPr\tid="3"/>', '<wp:docPr d="\u00a0id=" id="5"/>', "\ud800",
]  # fmt: skip


@given(
    st.sampled_from(["", " ", "\n", "\u00a0", "<w:x/>"]),
    st.lists(st.sampled_from(_POTONG), max_size=8),
    st.sampled_from(["", " ", "\n", "<w:y/>", "\u00a0"]),
)
def test_the_check_in_pieces_gives_what_the_check_on_the_whole_gave(
    tepi_awal: str, isi: list[str], tepi_akhir: str
) -> None:
    """The same bytes as the whole text's check and numbering, or the tree's way (None): a
    body the old check refused is refused."""
    from pyxl.dokumen.word import _sah, _teks_calon

    kepala = f"<w:document {_W} {_WPNS}>{tepi_awal}"
    body, ekor = "<w:body>" + "".join(isi) + "</w:body>", f"{tepi_akhir}</w:document>"
    nomor = iter(range(1001, 10_000))
    baru = _teks_calon(kepala, body, ekor, lambda: next(nomor))
    baru = baru if baru is not None and _sah(baru) else None
    lama = _teks_utuh_lama(kepala + body + ekor)
    assert baru == lama or (baru is None and lama is not None and "docPr" in body)
    if "docPr" not in body:
        assert baru == lama


_POTONG_DAFTAR = [
    *_POTONG, "\t", "\f", "\a", "\n ", "<w:r>", "</w:r>", "<w:t>", "</w:t>",
    '<w:t xml:space="preserve">', "<w:rPr><w:b/></w:rPr>", "<w:pPr><w:jc w:val=\"left\"/></w:pPr>",
    "<w:p><w:r><w:t>a\tb</w:t></w:r></w:p>", "<w:p><w:r><w:t>a\n </w:t></w:r></w:p>",
    '<w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:rPr><w:b/></w:rPr>'
    '<w:t xml:space="preserve">x\ny\fz\aé</w:t></w:r></w:p>',
    '<w:p><w:r><w:t>\t</w:t></w:r><w:r><wp:docPr id="4"/><w:t>k\tl</w:t></w:r></w:p>',
]  # fmt: skip
"""`_POTONG` and whole paragraphs whose text the listing pass rewrites (one with blank text
after it, one with a picture)."""


@given(st.lists(st.sampled_from(_POTONG_DAFTAR), max_size=12))
def test_the_listing_pass_on_the_utf8_takes_only_what_the_whole_text_takes(
    isi: list[str],
) -> None:
    """With docxtpl's listing pass left to it (tabs, line and page breaks in values), the
    check gives the bytes the whole text's check gives after docxtpl's own pass over the
    text, or refuses (the tree's way): never other bytes, never a body the old order
    refused."""
    from docxtpl import DocxTemplate

    from pyxl.dokumen.word import _sah, _teks_calon

    daftar = DocxTemplate.resolve_listing.__get__(object())  # docxtpl's pass, self unused
    kepala, ekor = f"<w:document {_W} {_WPNS}>", "</w:document>"
    body = "<w:body>" + "".join(isi) + "</w:body>"
    nomor = iter(range(1001, 10_000))
    baru = _teks_calon(kepala, body, ekor, lambda: next(nomor), daftar)
    baru = baru if baru is not None and _sah(baru) else None
    if baru is not None:
        assert baru == _teks_utuh_lama(kepala + daftar(body) + ekor)
