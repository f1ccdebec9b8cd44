"""The chart of the Dokumen IKU: mean capaian per Bagian as horizontal bars (PNG, Pillow).

Drawn with Pillow only (matplotlib would slow every button click: xlwings imports it when it is
installed). Bars are coloured by rating band, each labelled with its value in Indonesian format
("87,50%"); a Bagian without data shows "belum ada data" instead of a bar of 0. A dashed line
marks 100%; the legend lists the bands with their lower bounds.
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


def gambar_capaian(
    data: Sequence[tuple[str, float | None]],
    batas: Sequence[float],
    label: Sequence[str],
) -> bytes:
    """PNG of `data` (name, mean capaian in % or None) with the bands of a rating scale:
    `batas` the four decreasing lower bounds, `label` the five band names.

    Saved as a palette picture (`_palet`): a colour picture's PNG filters each row of three
    bytes per pixel, three quarters of the chart's time at 100 Bagian; the palette holds
    every colour drawn, so the pixels are those of the colour picture within one level of
    grey at the edges of letters."""
    img = _lukis(data, batas, label).quantize(palette=_palet(), dither=Image.Dither.NONE)
    keluar = io.BytesIO()
    # no `optimize`: its search for the smallest encoding took longer than drawing the chart;
    # zlib level 1: the same pixels, a third less time than the default, a picture a fifth
    # larger
    img.save(keluar, format="PNG", compress_level=1)
    return keluar.getvalue()


@functools.cache
def _palet() -> Image.Image:
    """The chart's colours: the bands, and every level of grey but five near black and white
    (text is drawn in black and greys on white: its anti-aliased edges are greys)."""
    warna = [ImageColor.getrgb(w) for w in WARNA_BAND]
    abu = [(g, g, g) for g in range(256) if g not in (2, 4, 251, 252, 254)]
    palet = Image.new("P", (1, 1))
    palet.putpalette([c for rgb in warna + abu for c in rgb])
    return palet


def _lukis(
    data: Sequence[tuple[str, float | None]],
    batas: Sequence[float],
    label: Sequence[str],
) -> Image.Image:
    """The chart in colour (`gambar_capaian`)."""
    huruf, kecil = _huruf(HURUF), _huruf(HURUF - 6)
    ada = [x for _, x in data if x is not None and math.isfinite(x)]
    maks = _skala_maks(ada)
    atas, sumbu, legenda = 20, 56, 2 * BARIS
    tinggi = atas + BARIS * max(len(data), 1) + sumbu + legenda
    img = Image.new("RGB", (LEBAR, tinggi), "white")
    gbr = ImageDraw.Draw(img)
    x0, x1 = KIRI, LEBAR - 190
    bawah = atas + BARIS * max(len(data), 1)

    def x(nilai: float) -> float:
        return x0 + (x1 - x0) * min(nilai, maks) / maks

    for garis in range(0, int(maks) + 1, 20):  # grid and axis labels
        gbr.line([(x(garis), atas), (x(garis), bawah)], fill="#DDDDDD", width=2)
        gbr.text((x(garis), bawah + 10), f"{garis}%", font=kecil, fill="#444444", anchor="mt")
    for y in range(atas, bawah, 14):  # the 100% line, dashed
        gbr.line([(x(100), y), (x(100), y + 7)], fill="#333333", width=3)

    for i, (nama, nilai) in enumerate(data):
        tengah = atas + BARIS * i + BARIS / 2
        baris = textwrap.wrap(nama, 26)[:2] or ["-"]
        gbr.multiline_text(
            (x0 - 16, tengah), "\n".join(baris), font=huruf, fill="black", anchor="rm",
            align="right", spacing=2,
        )  # fmt: skip
        if nilai is None or not math.isfinite(nilai):
            gbr.text((x0 + 12, tengah), "belum ada data", font=kecil, fill="#777777", anchor="lm")
            continue
        band = sum(nilai < b for b in batas)
        ujung = max(x(nilai), x0 + 2)
        gbr.rectangle([x0, tengah - BARIS * 0.3, ujung, tengah + BARIS * 0.3],
                      fill=WARNA_BAND[band])  # fmt: skip
        kotak_teks = gbr.textbbox((ujung + 10, tengah), indo.persen(nilai), font=huruf, anchor="lm")
        gbr.rectangle(kotak_teks, fill="white")  # keep the value readable over the grid
        gbr.text((ujung + 10, tengah), indo.persen(nilai), font=huruf, fill="black", anchor="lm")
    gbr.line([(x0, atas), (x0, bawah)], fill="black", width=3)

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
        gbr.text((kx + 46, y + 17), lab, font=kecil, fill="black", anchor="lm")
        gbr.text((kx + 46, y + 54), f"({ren})", font=kecil, fill="#444444", anchor="lm")
    return img
