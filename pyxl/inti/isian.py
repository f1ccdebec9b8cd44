"""The cells a Bagian fills in its returned format: which values are merged, with what warnings.

`Realisasi`, `Realisasi Anggaran` and `Keterangan` of each indicator row are read with the one
number reader (`pyxl.inti.angka`); a value that is not a number where one is needed is not
merged (a `Peringatan` names the cell and says what to type), text is kept as text (never a
formula), and a value far above its target or ceiling is flagged.
"""

from __future__ import annotations

import re
from typing import Any

from pyxl.inti.angka import BUKAN, TANPA_DATA, TEBAKAN, acuan, angka, baca, satuan_persen
from pyxl.inti.sel import kutip, nama_sel
from pyxl.inti.temuan import Temuan, peringatan

PANJANG_SEL = 32767
"""Excel's limit for the text of one cell."""


AWALAN_RUMUS = ("=", "+", "-", "@")


FAKTOR_JANGGAL = 3.0

_KOLOM_ISIAN = ("Realisasi", "Realisasi Anggaran", "Keterangan")


def periksa_isian(
    rows: list[dict[str, Any]],
    kolom_sheet: dict[str, int],
    baris_pertama: int,
    sel_rumus: frozenset[str] = frozenset(),
    sel_persen: frozenset[str] = frozenset(),
) -> tuple[list[dict[str, Any]], list[Temuan]]:
    """Check the cells a Bagian filled; returns the values to merge and the findings.

    `kolom_sheet` maps a column name to its column number in the format, `baris_pertama` is
    the sheet row of the first indicator, `sel_rumus` the input cells holding a formula (their
    cached value is used), `sel_persen` the cells with a percent number format. A value that
    is not a number where one is needed is not merged;
    text is merged up to PANJANG_SEL characters (what an Excel cell holds), and messages
    quote at most PANJANG_KUTIPAN characters of a value.
    """
    hasil: list[dict[str, Any]] = []
    temuan: list[Temuan] = []
    for i, r in enumerate(rows):
        baris = baris_pertama + i
        kode = str(r.get("Kode IKU") or "").strip()
        kualitatif = str(r.get("Polaritas") or "").strip().lower() == "kualitatif"
        nilai: dict[str, Any] = {"Kode IKU": kode}

        nama = {k: nama_sel(kolom_sheet[k], baris) for k in _KOLOM_ISIAN}
        sel = nama.__getitem__  # each input cell's name, made once per row

        for k in _KOLOM_ISIAN:
            if sel_rumus and sel(k) in sel_rumus:
                temuan.append(
                    peringatan(
                        "RUMUS",
                        f"Sel {sel(k)} ({k}, {kode}) berisi rumus; yang dipakai nilai hasilnya "
                        f"({kutip(repr(r.get(k)))}). Sebaiknya isi dengan angka/teks langsung.",
                        sel(k),
                    )
                )
            v = r.get(k)
            if isinstance(v, str) and v.strip().startswith(AWALAN_RUMUS) and angka(v) is None:
                temuan.append(
                    peringatan(
                        "TEKS_RUMUS",
                        f"Sel {sel(k)} ({k}, {kode}) diawali '{v.strip()[0]}': disimpan sebagai "
                        "teks, tidak pernah sebagai rumus. Periksa isinya.",
                        sel(k),
                    )
                )
        # Realisasi
        v = r.get("Realisasi")
        kosong = v is None or (isinstance(v, str) and not v.strip())
        if kosong:
            temuan.append(
                peringatan(
                    "ISIAN_KOSONG",
                    f"Sel {sel('Realisasi')} (Realisasi {kode}) kosong: indikator dicatat "
                    "'belum ada data'. Minta Bagian melengkapi bila datanya sudah ada.",
                    sel("Realisasi"),
                )
            )
            nilai["Realisasi"] = None
        elif kualitatif:
            if isinstance(v, int | float) and not isinstance(v, bool):
                temuan.append(
                    peringatan(
                        "KUALITATIF_ANGKA",
                        f"Sel {sel('Realisasi')} ({kode}) berisi angka {v}, padahal indikator "
                        f"kualitatif (target '{kutip(r.get('Target'))}'). Periksa dengan Bagian.",
                        sel("Realisasi"),
                    )
                )
            nilai["Realisasi"] = (v if isinstance(v, str) else _teks_angka(v))[:PANJANG_SEL]
        else:
            nilai["Realisasi"] = _angka_isian(
                v,
                kode,
                "Realisasi",
                sel("Realisasi"),
                temuan,
                r.get("Target"),
                r.get("Target Atas"),
                sel_persen=bool(sel_persen) and sel("Realisasi") in sel_persen,
                persen=satuan_persen(r.get("Satuan")),
            )
        # Realisasi Anggaran (optional)
        v = r.get("Realisasi Anggaran")
        if v is None or (isinstance(v, str) and not v.strip()):
            nilai["Realisasi Anggaran"] = None
        else:
            nilai["Realisasi Anggaran"] = _angka_isian(
                v,
                kode,
                "Realisasi Anggaran",
                sel("Realisasi Anggaran"),
                temuan,
                r.get("Pagu Anggaran"),
                None,
                faktor=1.0,
                sel_persen=bool(sel_persen) and sel("Realisasi Anggaran") in sel_persen,
            )
        ket = r.get("Keterangan")
        nilai["Keterangan"] = "" if ket is None else str(ket).strip()[:PANJANG_SEL]
        # a format of template version 1-2 has no `Bukti` column: the master keeps its own
        nilai["Bukti"] = daftar_bukti(r["Bukti"]) if "Bukti" in r else _TIDAK_DIGABUNG
        hasil.append(nilai)
    return hasil, temuan


_PEMISAH_BUKTI = re.compile(r"[;\n\r]+")
_BERAKHIRAN = re.compile(r".+\.[A-Za-z0-9]{2,5}")


def nama_bukti(v: Any) -> list[str]:
    """The evidence file names a `Bukti` cell lists: separated by ";" or a new line, or by
    commas when every part is a name with an extension ("a.pdf, b.jpg"; "Laporan Januari,
    Februari.pdf" is one name); empty names dropped."""
    if v is None:
        return []
    teks = _teks_angka(v) if isinstance(v, int | float) else str(v)
    hasil: list[str] = []
    for bagian in _PEMISAH_BUKTI.split(teks):
        koma = [n.strip() for n in bagian.split(",")]
        if len(koma) > 1 and all(_BERAKHIRAN.fullmatch(n) for n in koma):
            hasil += koma
        elif bagian.strip():
            hasil.append(bagian.strip())
    return hasil


def daftar_bukti(v: Any) -> str:
    """A `Bukti` cell as the master keeps it: the names joined by "; "."""
    return "; ".join(nama_bukti(v))[:PANJANG_SEL]


def _teks_angka(v: Any) -> str:
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)


_TIDAK_DIGABUNG = object()
"""Marks a cell whose value is not merged (the master keeps what it had)."""


def tidak_digabung(v: Any) -> bool:
    return v is _TIDAK_DIGABUNG


def _angka_isian(
    v: Any,
    kode: str,
    kolom: str,
    sel: str,
    temuan: list[Temuan],
    acuan_: Any,
    acuan_atas: Any,
    faktor: float = FAKTOR_JANGGAL,
    *,
    sel_persen: bool = False,
    persen: bool = False,
) -> Any:
    """The number of one input cell, read by the one reader (`pyxl.inti.angka`) exactly as
    the analysis reads it: `acuan` (Target, else Target Atas; the Pagu) decides an
    ambiguous separator."""
    b = baca(v, acuan=acuan(acuan_, acuan_atas), sel_persen=sel_persen, satuan_persen=persen)
    if b.jenis == BUKAN:
        temuan.append(
            peringatan(
                "BUKAN_ANGKA",
                f"Sel {sel} ({kolom} {kode}): {kutip(b.catatan, 300)}. Nilai ini tidak "
                "digabungkan.",
                sel,
            )
        )
        return _TIDAK_DIGABUNG
    if b.jenis == TANPA_DATA:
        temuan.append(
            peringatan(
                "TANPA_DATA",
                f"Sel {sel} ({kolom} {kode}): {kutip(b.catatan, 300)}. Minta Bagian mengisi "
                "angkanya bila datanya sudah ada.",
                sel,
            )
        )
        return None
    x = b.nilai
    assert x is not None
    if b.jenis == TEBAKAN:
        temuan.append(
            peringatan(
                "ANGKA_DITEBAK",
                f"Sel {sel} ({kolom} {kode}): {kutip(b.catatan, 300)}. Nilai ini digabungkan; "
                "periksa dengan Bagian.",
                sel,
            )
        )
    if x < 0:
        temuan.append(
            peringatan(
                "NILAI_NEGATIF",
                f"Sel {sel} ({kolom} {kode}) bernilai negatif ({x:g}). Periksa dengan Bagian.",
                sel,
            )
        )
    batas = max((a for a in (angka(acuan_), angka(acuan_atas)) if a is not None), default=None)
    if batas is not None and batas > 0 and x > faktor * batas:
        kata = "pagu" if kolom == "Realisasi Anggaran" else f"{faktor:g} kali target"
        temuan.append(
            peringatan(
                "NILAI_JANGGAL",
                f"Sel {sel} ({kolom} {kode}) bernilai {x:g}, melebihi {kata} ({batas:g}). "
                "Pastikan tidak salah ketik.",
                sel,
            )
        )
    return x
