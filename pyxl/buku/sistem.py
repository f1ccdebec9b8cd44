"""The very hidden `Sistem` sheet: values staff never edit, such as the stamp secret."""

from __future__ import annotations

import secrets

from pyxl.buku.port import Buku
from pyxl.buku.tabel import baca_tabel, tambah_baris
from pyxl.inti.sel import sebagai_teks
from pyxl.inti.stempel import KUNCI_RAHASIA
from pyxl.kontrak import skema

KUNCI_TAHUN_DATA = "Tahun Data"
"""The performance year of the data in this master, set by its first writing step."""
KUNCI_TAHUN_LALU = "Tahun Realisasi Lalu"
"""The year of the figures in `Realisasi Tahun Lalu`, set by `pyxl tahun-baru` (the year of the
master it came from, which is not the year before when a year was skipped)."""


def baca_sistem(buku: Buku, kunci: str) -> str:
    """A value of the `Sistem` sheet ('' when the key is not there)."""
    for r in baca_tabel(buku, skema.SISTEM):
        if sebagai_teks(r["Kunci"]) == kunci:
            return sebagai_teks(r["Nilai"])
    return ""


def tulis_sistem(buku: Buku, kunci: str, nilai: str) -> None:
    """Set a value of the `Sistem` sheet (a missing key gets a new row)."""
    for r in baca_tabel(buku, skema.SISTEM):
        if sebagai_teks(r["Kunci"]) == kunci:
            buku.tulis(skema.SISTEM, r["_baris"], 2, [[nilai]])
            return
    tambah_baris(buku, skema.SISTEM, skema.KOLOM_SISTEM, [{"Kunci": kunci, "Nilai": nilai}])


def rahasia(buku: Buku) -> bytes:
    """The stamp secret from the master's `Sistem` sheet; created (64 hex digits from
    `secrets.token_hex(32)`) and written through the port on first use. The key is the text
    as stored, UTF-8 encoded. It never leaves the master."""
    for r in baca_tabel(buku, skema.SISTEM):
        if sebagai_teks(r["Kunci"]) == KUNCI_RAHASIA and sebagai_teks(r["Nilai"]):
            return sebagai_teks(r["Nilai"]).encode("utf-8")
    baru = secrets.token_hex(32)
    tambah_baris(buku, skema.SISTEM, skema.KOLOM_SISTEM, [{"Kunci": KUNCI_RAHASIA, "Nilai": baru}])
    return baru.encode("utf-8")
