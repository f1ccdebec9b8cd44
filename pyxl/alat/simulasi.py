"""Simulated returns for the demo and the tests: a Bagian fills its format and sends it back.

The format is opened and saved with openpyxl, as a spreadsheet program would: only the input
cells change; the stamp (hidden sheet and document properties) travels with the file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pyxl.inti.stempel import SHEET_FORMAT, baca_stempel
from pyxl.kontrak import skema


def isi_format(
    format_: Path,
    tujuan: Path,
    isian: Sequence[Mapping[str, Any]],
) -> Path:
    """Fill the input cells of `format_` row by row from `isian` (dicts with any of the
    input columns, in indicator order) and save the result as `tujuan`."""
    import openpyxl

    stempel = baca_stempel(format_)
    if stempel is None:
        raise ValueError(f"{format_.name} bukan format berstempel")
    wb = openpyxl.load_workbook(format_)
    ws = wb[SHEET_FORMAT]
    for i, nilai in enumerate(isian):
        baris = stempel.baris_judul + 1 + i
        for k in skema.KOLOM_ISIAN:
            if k in nilai:
                ws.cell(row=baris, column=skema.KOLOM_INDIKATOR.index(k) + 1).value = nilai[k]
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    wb.save(tujuan)
    return tujuan


def isian_contoh(kode: str) -> list[dict[str, Any]]:
    """What the sample Bagian `kode` reports (from `pyxl.contoh.muat`)."""
    from pyxl.contoh.muat import indikator_contoh

    return [
        {
            "Realisasi": i.realisasi,
            "Realisasi Anggaran": i.realisasi_anggaran,
            "Keterangan": i.keterangan or None,
        }
        for i in indikator_contoh()[kode]
    ]


def isian_triwulan_contoh(kode: str, tw: int) -> list[dict[str, Any]]:
    """What the sample Bagian `kode` reports for quarter `tw` (1–4): made from its yearly
    figure by each indicator's `Cara Tahunan` (a year-to-date figure grows by a quarter each
    quarter, a summed one is a quarter of the year, a level is the year's), budget absorbed so
    far likewise; an indicator that needs evidence names `<Kode IKU>_TW<tw>.pdf` in `Bukti`."""
    from pyxl.contoh.muat import indikator_contoh
    from pyxl.kontrak.periode import JUMLAH, KUMULATIF, baca_cara

    hasil: list[dict[str, Any]] = []
    for i in indikator_contoh()[kode]:
        r: Any = i.realisasi
        cara = baca_cara(i.cara_tahunan)
        if isinstance(r, int | float):
            if cara == KUMULATIF:
                r = round(r * tw / 4, 2)
            elif cara == JUMLAH:
                r = round(r / 4) if float(r).is_integer() else round(r / 4, 2)
        anggaran = i.realisasi_anggaran
        hasil.append(
            {
                "Realisasi": r,
                "Realisasi Anggaran": None if anggaran is None else round(anggaran * tw / 4),
                "Keterangan": None,
                "Bukti": f"{i.kode_iku}_TW{tw}.pdf" if i.perlu_bukti else None,
            }
        )
    return hasil


def pdf_contoh(judul: str) -> bytes:
    """A one-page PDF that says `judul` (ASCII): the sample evidence a Bagian scans and
    sends. Built by hand, with its cross-reference table, so any reader opens it."""
    teks = judul.encode("ascii", "replace").replace(b"\\", b"\\\\")
    teks = teks.replace(b"(", b"\\(").replace(b")", b"\\)")
    isi = b"BT /F1 14 Tf 72 760 Td (" + teks + b") Tj ET"
    objek = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(isi)).encode() + b" >>\nstream\n" + isi + b"\nendstream",
    ]
    keluar = bytearray(b"%PDF-1.4\n")
    letak = []
    for i, o in enumerate(objek, start=1):
        letak.append(len(keluar))
        keluar += f"{i} 0 obj\n".encode() + o + b"\nendobj\n"
    xref = len(keluar)
    keluar += f"xref\n0 {len(objek) + 1}\n0000000000 65535 f \n".encode()
    keluar += b"".join(f"{n:010d} 00000 n \n".encode() for n in letak)
    keluar += f"trailer\n<< /Size {len(objek) + 1} /Root 1 0 R >>\n".encode()
    keluar += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(keluar)
