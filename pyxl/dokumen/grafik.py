"""The chart of the Dokumen IKU: mean capaian per Bagian as horizontal bars (PNG, Pillow).

Drawn with Pillow only (matplotlib would slow every button click: xlwings imports it when it is
installed). Bars are coloured by rating band, each labelled with its value in Indonesian format
("87,50%"); a Bagian without data shows "belum ada data" instead of a bar of 0. A dashed line
marks 100%; the legend lists the bands with their lower bounds.

More Bagian than fit a page (`BAR_PER_GAMBAR`) are drawn as several pictures of the same
scale, one below the other in the document, the legend under the last.
"""

from __future__ import annotations

import functools
import io
import math
import textwrap
from collections.abc import Sequence

from PIL import Image, ImageColor, ImageDraw, ImageFont

from pyxl.inti import indo

WARNA_BAND = ("#1E7B34", "#6BB536", "#E8B923", "#E67E22", "#C0392B")
"""Colours of the five bands, highest first (green to red)."""
LEBAR = 1500
BARIS = 80
HURUF = 32
KIRI = 470
"""Width of the label column (px)."""
BAR_PER_GAMBAR = 20
"""Bars in one picture at most: 20 make it 1,836 px tall, 196 mm at the document's 160 mm
width, which fits the 247 mm of text of an A4 page (margins 25 mm) with the heading above it.
LibreOffice, which makes the final PDF, cuts a taller picture at the page's end."""


def angka_ringkas(x: float) -> str:
    """A number with at most two decimals and no trailing zeros: 3.2 -> "3,2", 100.0 -> "100"."""
    teks = indo.angka(x, 2)
    return teks.rstrip("0").rstrip(",") if "," in teks else teks


def _huruf(ukuran: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=ukuran)


def _skala_maks(nilai: Sequence[float]) -> float:
    """The axis end: at least 120%, rounded up to 20; capped at 200% (longer bars are cut)."""
    tertinggi = max(nilai, default=0.0)
    return float(min(200, max(120, math.ceil(tertinggi / 20) * 20)))


def _ujung_sumbu(data: Sequence[tuple[str, float | None]]) -> float:
    """`_skala_maks` of the values of `data` that are numbers."""
    return _skala_maks([x for _, x in data if x is not None and math.isfinite(x)])


def gambar_capaian(
    data: Sequence[tuple[str, float | None]],
    batas: Sequence[float],
    label: Sequence[str],
) -> list[bytes]:
    """PNGs of `data` (name, mean capaian in % or None) with the bands of a rating scale:
    `batas` the four decreasing lower bounds, `label` the five band names. One picture up to
    `BAR_PER_GAMBAR` Bagian, else as few as hold them, sharing them out evenly, all on the
    same scale; the legend is under the last.

    Saved as palette pictures (`_palet`): a colour picture's PNG filters each row of three
    bytes per pixel, three quarters of the chart's time at 100 Bagian. Every colour drawn
    keeps its value; only the anti-aliased edges of letters may move by up to 3 levels of
    grey (of 255)."""
    maks = _ujung_sumbu(data)
    bagi = max(1, math.ceil(len(data) / BAR_PER_GAMBAR))
    ukuran = math.ceil(len(data) / bagi) if data else 0
    potongan = [data[i : i + ukuran] for i in range(0, len(data), ukuran)] if data else [data]
    return [
        _png(_lukis(p, batas, label, sampai=maks, legenda=n == len(potongan) - 1))
        for n, p in enumerate(potongan)
    ]


def _png(img: Image.Image) -> bytes:
    """`img` as a palette PNG (`gambar_capaian`)."""
    cari, simpan = _palet()
    img = img.quantize(palette=cari, dither=Image.Dither.NONE)
    img.putpalette(simpan)
    keluar = io.BytesIO()
    # no `optimize`: its search for the smallest encoding took longer than drawing the chart;
    # zlib level 1: the same pixels, a third less time than the default, a picture a fifth
    # larger
    img.save(keluar, format="PNG", compress_level=1)
    return keluar.getvalue()


LATAR, TINTA, KISI, SUMBU, GARIS_100, TANPA_DATA = (
    "white", "black", "#DDDDDD", "#444444", "#333333", "#777777"
)  # fmt: skip
ABU = (LATAR, TINTA, KISI, SUMBU, GARIS_100, TANPA_DATA)
"""The greys the chart is drawn with (`_lukis`): background, text and lines, grid, axis
labels and legend ranges, the 100% line, "belum ada data"."""


@functools.cache
def _palet() -> tuple[Image.Image, list[int]]:
    """The palette a chart's colours are mapped to, and the one it is saved with.

    Pillow maps a colour to a palette entry through a table of 64 levels per channel, not
    exactly: with 256 greys, white became 253. So the palette has the bands and one grey in
    each four levels (4k + 1, which Pillow maps every level of those four to, tested), and
    the picture is saved with each such grey replaced by the grey of `ABU` in its four
    levels, when there is one: those keep their value, the other levels (the edges of
    anti-aliased letters, on white) move by 3 at most."""
    band = [c for w in WARNA_BAND for c in ImageColor.getrgb(w)]
    tepat = {g // 4: g for g in (ImageColor.getrgb(w)[0] for w in ABU)}
    cari = Image.new("P", (1, 1))
    cari.putpalette(band + [4 * k + 1 for k in range(64) for _ in "rgb"])
    return cari, band + [tepat.get(k, 4 * k + 1) for k in range(64) for _ in "rgb"]


def _lukis(
    data: Sequence[tuple[str, float | None]],
    batas: Sequence[float],
    label: Sequence[str],
    *,
    sampai: float | None = None,
    legenda: bool = True,
) -> Image.Image:
    """The chart in colour (`gambar_capaian`): its axis up to `sampai` (%; by default as
    `_ujung_sumbu` gives for `data`), the legend under it when `legenda`."""
    huruf, kecil = _huruf(HURUF), _huruf(HURUF - 6)
    maks = _ujung_sumbu(data) if sampai is None else sampai
    atas, sumbu, tinggi_legenda = 20, 56, 2 * BARIS if legenda else 0
    tinggi = atas + BARIS * max(len(data), 1) + sumbu + tinggi_legenda
    img = Image.new("RGB", (LEBAR, tinggi), LATAR)
    gbr = ImageDraw.Draw(img)
    x0, x1 = KIRI, LEBAR - 190
    bawah = atas + BARIS * max(len(data), 1)

    def x(nilai: float) -> float:
        return x0 + (x1 - x0) * min(nilai, maks) / maks

    for garis in range(0, int(maks) + 1, 20):  # grid and axis labels
        gbr.line([(x(garis), atas), (x(garis), bawah)], fill=KISI, width=2)
        gbr.text((x(garis), bawah + 10), f"{garis}%", font=kecil, fill=SUMBU, anchor="mt")
    for y in range(atas, bawah, 14):  # the 100% line, dashed
        gbr.line([(x(100), y), (x(100), y + 7)], fill=GARIS_100, width=3)

    for i, (nama, nilai) in enumerate(data):
        tengah = atas + BARIS * i + BARIS / 2
        baris = textwrap.wrap(nama, 26)[:2] or ["-"]
        gbr.multiline_text(
            (x0 - 16, tengah), "\n".join(baris), font=huruf, fill=TINTA, anchor="rm",
            align="right", spacing=2,
        )  # fmt: skip
        if nilai is None or not math.isfinite(nilai):
            gbr.text((x0 + 12, tengah), "belum ada data", font=kecil, fill=TANPA_DATA, anchor="lm")
            continue
        band = sum(nilai < b for b in batas)
        ujung = max(x(nilai), x0 + 2)
        gbr.rectangle([x0, tengah - BARIS * 0.3, ujung, tengah + BARIS * 0.3],
                      fill=WARNA_BAND[band])  # fmt: skip
        kotak_teks = gbr.textbbox((ujung + 10, tengah), indo.persen(nilai), font=huruf, anchor="lm")
        gbr.rectangle(kotak_teks, fill=LATAR)  # keep the value readable over the grid
        gbr.text((ujung + 10, tengah), indo.persen(nilai), font=huruf, fill=TINTA, anchor="lm")
    gbr.line([(x0, atas), (x0, bawah)], fill=TINTA, width=3)
    if not legenda:
        return img

    # Legend: one swatch per band with its range.
    b = [angka_ringkas(x) for x in batas]
    rentang = [
        f"{b[0]} ke atas",
        *(f"{b[i + 1]} s.d. {b[i]}" for i in range(3)),
        f"di bawah {b[3]}",
    ]
    kotak = LEBAR // 5
    y = bawah + sumbu + 14
    for i, (lab, ren) in enumerate(zip(label, rentang, strict=True)):
        kx = 30 + kotak * i
        gbr.rectangle([kx, y, kx + 34, y + 34], fill=WARNA_BAND[i])
        gbr.text((kx + 46, y + 17), lab, font=kecil, fill=TINTA, anchor="lm")
        gbr.text((kx + 46, y + 54), f"({ren})", font=kecil, fill=SUMBU, anchor="lm")
    return img
