"""The quarters of each indicator in the Dokumen IKU: realisation, capaian and trend per
triwulan, from sheet `Analisis Triwulan` (what staff reviewed after step 7).

The table is shown when that sheet holds quarterly figures, unless the setting `Tabel
Triwulan` says `Tidak`; each indicator of the document gets `tw` (four quarters, each its
`realisasi` and `capaian`, "-" where none) and `tren` (the direction of its latest quarter
against the one before, with an arrow that reads in black-and-white print).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pyxl.buku.port import Baris, Buku
from pyxl.buku.tabel import baca_tabel
from pyxl.dokumen.nilai import bil, nilai, persen
from pyxl.galat import IsianError
from pyxl.inti.sel import sebagai_teks
from pyxl.inti.triwulan import NAIK, TETAP, TURUN, kunci
from pyxl.kontrak import skema
from pyxl.kontrak.pengaturan import Pengaturan
from pyxl.kontrak.periode import TW, nomor_tw, periode_baris

KUNCI = "Tabel Triwulan"
"""The setting that switches the table off."""
PANAH = {NAIK: "▲ naik", TURUN: "▼ turun", TETAP: "► tetap"}
KOSONG = {"realisasi": "-", "capaian": ""}
"""A quarter without figures: one dash in the cell, not two."""

PerIndikator = dict[tuple[str, str], dict[int, Baris]]
"""(KODE BAGIAN, KODE IKU) in capitals -> quarter (1–4) -> its row of `Analisis Triwulan`."""


def tampil(peng: Pengaturan) -> bool:
    """Whether the document may show the quarters (setting `Tabel Triwulan`: Ya or Tidak)."""
    teks = peng[KUNCI].strip().casefold()
    if teks not in ("ya", "tidak"):
        raise IsianError(
            f"Pengaturan '{KUNCI}' berisi '{peng[KUNCI]}': isi Ya atau Tidak. Perbaiki di "
            f"{peng.lokasi(KUNCI)}."
        )
    return teks == "ya"


def baca(buku: Buku) -> PerIndikator:
    """The rows of sheet `Analisis Triwulan` by indicator and quarter."""
    if skema.ANALISIS_TRIWULAN not in buku.nama_sheet():
        return {}
    hasil: PerIndikator = {}
    for r in baca_tabel(buku, skema.ANALISIS_TRIWULAN):
        n = nomor_tw(periode_baris(r["Periode"]))
        if n is not None:
            k = kunci(sebagai_teks(r["Kode Bagian"]), sebagai_teks(r["Kode IKU"]))
            hasil.setdefault(k, {})[n] = r
    return hasil


def isi(i: dict[str, Any], per_tw: Mapping[int, Baris]) -> bool:
    """Add the quarters of `per_tw` to indicator `i` of the document context; whether it has
    any quarterly figure."""
    i["tw"] = []
    ada = False
    for n in range(1, 5):
        r = per_tw.get(n)
        if r is None:
            i["tw"].append(dict(KOSONG))
            continue
        sel = {"realisasi": nilai(r["Realisasi"]), "capaian": persen(bil(r["Capaian (%)"]))}
        if sel == {"realisasi": "-", "capaian": "-"}:
            sel = dict(KOSONG)
        ada = ada or sel != KOSONG
        i["tw"].append(sel)
    terakhir = [n for n in range(1, 5) if _ada(i["tw"][n - 1]["capaian"])]
    arah = sebagai_teks(per_tw[terakhir[-1]]["Tren"]).casefold() if terakhir else ""
    i["tren"] = PANAH.get(arah, "-")
    i["tren_tw"] = TW[terakhir[-1] - 1] if terakhir else ""
    return ada


def kalimat(i: Mapping[str, Any]) -> str:
    """The quarters of an indicator as one sentence of its analysis (Bab III)."""
    per_tw = [f"{TW[n]} {sel['capaian']}" for n, sel in enumerate(i["tw"]) if _ada(sel["capaian"])]
    if not per_tw:
        return "Realisasi triwulan sudah dilaporkan, tetapi capaiannya belum dapat dihitung."
    teks = f"Capaian per triwulan: {', '.join(per_tw)}"
    if i["tren"] != "-":
        kata = i["tren"].split(" ", 1)[1]
        teks += f"; capaian {i['tren_tw']} {kata} dibanding triwulan sebelumnya"
    return teks + "."


def _ada(capaian: str) -> bool:
    return capaian not in ("", "-")


def sampai(per: PerIndikator) -> str:
    """The quarters the document covers: "TW I–TW III" (or the one quarter)."""
    semua = sorted({n for tw in per.values() for n in tw})
    if not semua:
        return ""
    return TW[semua[0] - 1] if len(semua) == 1 else f"{TW[semua[0] - 1]}–{TW[semua[-1] - 1]}"
