"""The `Pengaturan` sheet: settings read with their cells, and settings written back."""

from __future__ import annotations

from pyxl.buku.port import Buku
from pyxl.buku.tabel import baca_tabel, tambah_baris
from pyxl.inti.sel import sebagai_teks
from pyxl.kontrak import skema
from pyxl.kontrak.pengaturan import PENGATURAN, Pengaturan

PER_KUNCI = {s.kunci: s for s in PENGATURAN}


def baca_pengaturan(buku: Buku) -> Pengaturan:
    """The settings, each with its cell (messages name 'sheet Pengaturan sel B42')."""
    return Pengaturan.dari_tabel(baca_tabel(buku, skema.PENGATURAN))


def catat_pengaturan(buku: Buku, nilai: dict[str, str]) -> None:
    """Write settings back into the `Pengaturan` sheet (a missing key gets a new row)."""
    baris = {sebagai_teks(r["Kunci"]): r["_baris"] for r in baca_tabel(buku, skema.PENGATURAN)}
    baru = []
    for kunci, teks in nilai.items():
        if kunci in baris:
            buku.tulis(skema.PENGATURAN, baris[kunci], 2, [[teks]])
        else:
            s = PER_KUNCI.get(kunci)
            baru.append(
                {"Kunci": kunci, "Nilai": teks}
                | ({"Keterangan": s.keterangan, "Kelompok": s.kelompok} if s else {})
            )
    tambah_baris(buku, skema.PENGATURAN, skema.KOLOM_PENGATURAN, baru)
