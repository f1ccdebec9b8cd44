"""Is this master of the current structure? Its version, and what it lacks.

Writing commands refuse a master of an earlier structure (the message names `pyxl perbarui`,
which brings it up to date keeping every value); `pyxl cek` reports the same, and what a
re-save by another program broke.
"""

from __future__ import annotations

from pyxl.buku.port import Buku
from pyxl.buku.tabel import wajib_sheet
from pyxl.inti.sel import sebagai_teks
from pyxl.kontrak import skema
from pyxl.kontrak.struktur import KUNCI_VERSI, VERSI_STRUKTUR, versi_dari_sheet


def versi_struktur(buku: Buku) -> int:
    """The structure version the master records in `Sistem`, else the one its sheets show."""
    nama = buku.nama_sheet()
    if skema.SISTEM in nama:
        for r in buku.baca(skema.SISTEM)[1:]:
            if r and sebagai_teks(r[0]) == KUNCI_VERSI and len(r) > 1:
                teks = sebagai_teks(r[1])
                if teks.isdigit():
                    return int(teks)
    analisis = buku.baca(skema.ANALISIS)[:1] if skema.ANALISIS in nama else []
    return versi_dari_sheet(nama, [sebagai_teks(h) for h in (analisis[0] if analisis else [])])


SHEET_MASTER = (skema.PENGATURAN, skema.BAGIAN)
"""Sheets every release's master has: a workbook without them is not a pyxl master at all
(nothing to upgrade)."""


def periksa_master(buku: Buku) -> None:
    """Refuse a workbook that is not a pyxl master of any release (say which sheets it lacks
    and how to get a master)."""
    if not set(SHEET_MASTER) <= set(buku.nama_sheet()):
        wajib_sheet(buku, skema.KENDALI, *SHEET_MASTER)


def kekurangan(buku: Buku) -> list[str]:
    """What the master lacks to be of the current structure (Indonesian, one item each);
    empty when it is current."""
    hasil: list[str] = []
    versi = versi_struktur(buku)
    if versi < VERSI_STRUKTUR:
        hasil.append(f"struktur versi {versi}, sedangkan pyxl ini memakai versi {VERSI_STRUKTUR}")
    elif versi > VERSI_STRUKTUR:
        hasil.append(
            f"struktur versi {versi} dibuat pyxl yang lebih baru (pyxl ini versi "
            f"{VERSI_STRUKTUR}); pasang pyxl terbaru"
        )
    nama = set(buku.nama_sheet())
    hilang = [s for s in (skema.KENDALI, *skema.TABEL) if s not in nama]
    if hilang:
        hasil.append(f"sheet {', '.join(hilang)} tidak ada")
    for sheet, kolom in skema.TABEL.items():
        if sheet in nama:
            isi = buku.baca(sheet)[:1]
            judul = {sebagai_teks(h) for h in (isi[0] if isi else [])}
            kurang = [k for k in kolom if k not in judul]
            if kurang:
                hasil.append(f"sheet {sheet} tanpa kolom {', '.join(kurang)}")
    return hasil


def dari_pyxl_lebih_baru(buku: Buku) -> bool:
    """Whether a newer pyxl wrote this master: `pyxl perbarui` refuses it (rebuilding it would
    label it with this older version, and a newer pyxl would migrate its data again)."""
    return versi_struktur(buku) > VERSI_STRUKTUR


def pesan_perbarui(buku: Buku, kurang: list[str]) -> str:
    """The message of a command refused on an outdated master: what is wrong, what to do."""
    if dari_pyxl_lebih_baru(buku):
        return (
            f"Buku kerja {buku.berkas.name} tidak dapat dipakai pyxl ini: {'; '.join(kurang)} "
            "(di PC yang dipasang dengan paket pyxl: jalankan PASANG.bat dari paket terbaru). "
            "Tidak ada yang diubah."
        )
    return (
        f"Buku kerja {buku.berkas.name} belum sesuai pyxl ini: {'; '.join(kurang)}. Perbarui "
        f'dahulu, dengan buku kerja tertutup: pyxl perbarui --workbook "{buku.berkas}" '
        "(cadangannya dibuat lebih dulu dan semua isian tetap; di PC yang dipasang dengan "
        "paket pyxl, menjalankan PASANG.bat lagi juga memperbaruinya). Tidak ada yang diubah."
    )
