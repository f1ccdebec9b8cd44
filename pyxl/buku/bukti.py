"""Evidence in the master: the ledger `Data Dukung`, and the `Bukti` and `Perlu Bukti` cells
it is matched against (`pyxl.inti.dukung`).

The `Bukti` of a round is where step 6 merged it from the return in use: the Bagian sheet for
the yearly round, sheet `Triwulan` for a quarter. `Perlu Bukti` is always the Bagian sheet's.
"""

from __future__ import annotations

from collections.abc import Iterable

from pyxl.buku.daftar import isi_indikator, kode_tertaut
from pyxl.buku.port import Baris, Buku
from pyxl.buku.tabel import baca_tabel
from pyxl.inti.dukung import IndikatorBukti
from pyxl.inti.isian import nama_bukti
from pyxl.inti.sel import nama_sel, sebagai_teks
from pyxl.kontrak import skema
from pyxl.kontrak.model import Bagian
from pyxl.kontrak.periode import TAHUNAN, periode_baris
from pyxl.kontrak.status import DITERIMA

PEMISAH_IKU = "; "
"""Between the indicator codes of one `Data Dukung` row (a file may support several)."""
_KOLOM_BUKTI = skema.KOLOM_INDIKATOR.index("Bukti") + 1
_KOLOM_BUKTI_TW = skema.KOLOM_TRIWULAN.index("Bukti") + 1


def perlu_bukti(v: object) -> bool:
    """A `Perlu Bukti` cell says yes (`Ya`, any case and spacing)."""
    return sebagai_teks(v).strip().casefold() == skema.YA.casefold()


def indikator_bukti(
    buku: Buku, bagian: Iterable[Bagian], periode: str
) -> dict[str, list[IndikatorBukti]]:
    """Per Bagian code, its indicators in sheet order with `Perlu Bukti` and the evidence
    names their `Bukti` holds for round `periode` (for a quarter: its `Triwulan` row, none
    when the quarter has no row yet)."""
    triwulan: dict[tuple[str, str], Baris] = {}
    if periode != TAHUNAN:
        for r in baca_tabel(buku, skema.TRIWULAN):
            if periode_baris(r["Periode"]) == periode:
                kunci = (sebagai_teks(r["Kode Bagian"]), sebagai_teks(r["Kode IKU"]))
                triwulan[kunci] = r
    hasil: dict[str, list[IndikatorBukti]] = {}
    for b in bagian:
        daftar: list[IndikatorBukti] = []
        for nomor, (kode_iku, perlu, bukti) in isi_indikator(
            buku, b, ("Kode IKU", "Perlu Bukti", "Bukti")
        ):
            iku = sebagai_teks(kode_iku)
            if not iku:
                continue
            sel = f"{b.kode}!{nama_sel(_KOLOM_BUKTI, nomor)}"
            if periode != TAHUNAN:
                tw = triwulan.get((b.kode, iku))
                bukti = tw["Bukti"] if tw is not None else None
                sel = (
                    f"{skema.TRIWULAN}!{nama_sel(_KOLOM_BUKTI_TW, int(tw['_baris']))}"
                    if tw is not None
                    else f"{skema.TRIWULAN} ({b.kode}, {iku}, {periode})"
                )
            daftar.append(IndikatorBukti(iku, perlu_bukti(perlu), tuple(nama_bukti(bukti)), sel))
        hasil[b.kode] = daftar
    return hasil


def bukti_per_indikator(buku: Buku, periode: str) -> dict[tuple[str, str], list[str]]:
    """The accepted evidence of round `periode` per (Kode Bagian, Kode IKU): the file names of
    `Data Dukung` rows `Diterima` whose `Kode IKU` lists the indicator, in the order they
    arrived, each name once. Rows written under an earlier code of a renamed Bagian count for
    its current code. For `Analisis` and `Analisis Triwulan`, which show and link them."""
    hasil: dict[tuple[str, str], list[str]] = {}
    if skema.DATA_DUKUNG not in buku.nama_sheet():  # a master not upgraded yet
        return hasil
    kini = {lama: baru for baru, semua in kode_tertaut(buku).items() for lama in semua}
    for r in baca_tabel(buku, skema.DATA_DUKUNG):
        if sebagai_teks(r["Status"]) != DITERIMA or periode_baris(r["Periode"]) != periode:
            continue
        kode = sebagai_teks(r["Kode Bagian"])
        kode = kini.get(kode, kode)
        nama = sebagai_teks(r["Berkas"])
        for iku in sebagai_teks(r["Kode IKU"]).split(";"):
            if iku.strip() and nama:
                daftar = hasil.setdefault((kode, iku.strip()), [])
                if nama not in daftar:
                    daftar.append(nama)
    return hasil
