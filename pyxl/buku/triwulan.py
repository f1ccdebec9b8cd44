"""Reading sheet `Triwulan`: the quarters of each indicator, found by Bagian and Kode IKU.

Step 7 computes the quarters' capaian and the year derived from them; the Dokumen IKU checks
that a year derived from them still matches. Both read the sheet here, so a row is found the
same way: codes compared ignoring case (as Excel compares sheet names), a Bagian renamed since
the row was written found under its new code (`Riwayat Bagian`).
"""

from __future__ import annotations

from pyxl.buku.daftar import kode_kini, kode_tertaut
from pyxl.buku.port import Baris, Buku
from pyxl.buku.tabel import baca_tabel
from pyxl.inti.sel import sebagai_teks
from pyxl.inti.triwulan import kunci
from pyxl.kontrak import skema
from pyxl.kontrak.periode import nomor_tw, periode_baris


def baca_triwulan(buku: Buku) -> dict[tuple[str, str], dict[int, Baris]]:
    """Every row of sheet `Triwulan` whose `Periode` is a quarter, by indicator
    (`pyxl.inti.triwulan.kunci`) and quarter (1–4); a repeated row: the lower one,
    as it was written last. Empty when the sheet is missing (a master that `pyxl perbarui`
    has not brought up to date yet)."""
    if skema.TRIWULAN not in buku.nama_sheet():
        return {}
    hasil: dict[tuple[str, str], dict[int, Baris]] = {}
    for (k, periode), r in letak_baris(buku, baca_tabel(buku, skema.TRIWULAN)).items():
        if (n := nomor_tw(periode)) is not None:
            hasil.setdefault(k, {})[n] = r
    return hasil


def letak_baris(buku: Buku, rows: list[Baris]) -> dict[tuple[tuple[str, str], str], Baris]:
    """`rows` of sheet `Triwulan` by indicator (`kunci`, a renamed Bagian under its current
    code) and round; rows without both codes are left out, a repeated one is the lower.
    Step 6 updates the row found here, step 7 reads it: one way of finding it."""
    kini = kode_kini(kode_tertaut(buku))
    hasil: dict[tuple[tuple[str, str], str], Baris] = {}
    for r in rows:
        bagian, iku = sebagai_teks(r["Kode Bagian"]), sebagai_teks(r["Kode IKU"])
        if bagian and iku:
            bagian = kini.get(bagian.upper(), bagian)
            hasil[(kunci(bagian, iku), periode_baris(r["Periode"]))] = r
    return hasil
