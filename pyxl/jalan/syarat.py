"""What a writing command checks before it starts, so that it never writes into the wrong
master: the structure (an earlier release's master is upgraded first, `pyxl perbarui`), the
year (a master of last year is not reused for this one, `pyxl tahun-baru`), and the length of
the paths it will write (Windows refuses a path longer than 260 characters).
"""

from __future__ import annotations

from pyxl.berkas.tulis import BATAS_JALUR_WINDOWS, JALUR_RELATIF_TERPANJANG
from pyxl.buku.port import Buku
from pyxl.buku.sistem import KUNCI_TAHUN_DATA, baca_sistem, tulis_sistem
from pyxl.buku.struktur import (
    dari_pyxl_lebih_baru,
    kekurangan,
    periksa_master,
    pesan_perbarui,
)
from pyxl.buku.tabel import baca_tabel
from pyxl.galat import BukuError, IsianError, LingkunganError, StrukturUsang
from pyxl.inti.sel import sebagai_teks
from pyxl.kontrak import skema
from pyxl.kontrak.pengaturan import Pengaturan


def periksa_struktur(buku: Buku) -> None:
    """Refuse a master that is not of the current structure (names `pyxl perbarui`)."""
    periksa_master(buku)
    kurang = kekurangan(buku)
    if kurang:
        galat = BukuError if dari_pyxl_lebih_baru(buku) else StrukturUsang
        raise galat(pesan_perbarui(buku, kurang))


def tahun_data(buku: Buku) -> int | None:
    """The performance year of the data already in the master: what its first writing step
    recorded, else the year of the formats it issued; None for a master without data."""
    teks = baca_sistem(buku, KUNCI_TAHUN_DATA)
    if teks.isdigit():
        return int(teks)
    tahun = {sebagai_teks(r["Tahun"]) for r in baca_tabel(buku, skema.FORMAT_TERBIT)} - {""}
    angka = sorted(int(t) for t in tahun if t.isdigit())
    return angka[-1] if angka else None


def periksa_tahun(buku: Buku, peng: Pengaturan) -> None:
    """Refuse a master whose data is of another year than `Tahun` (names `pyxl tahun-baru`);
    record the year on the master's first writing step."""
    tahun = peng.tahun()
    data = tahun_data(buku)
    if data is None or not baca_sistem(buku, KUNCI_TAHUN_DATA):
        tulis_sistem(buku, KUNCI_TAHUN_DATA, str(data or tahun))
    if data is not None and data != tahun:
        raise IsianError(
            f"Pengaturan 'Tahun' ({peng.lokasi('Tahun')}) berisi {tahun}, tetapi buku kerja "
            f"{buku.berkas.name} berisi data tahun {data} (format yang diterbitkan, kiriman, "
            f"log). Untuk tahun {tahun}, buat folder kerja baru dari buku kerja ini: tombol "
            f'Tahun Baru, atau pyxl tahun-baru FOLDER_BARU --dari "{buku.berkas}"; untuk '
            f"melanjutkan tahun {data}, kembalikan Tahun menjadi {data}. Tidak ada yang diubah."
        )


def periksa_jalur(buku: Buku) -> None:
    """Refuse a working folder whose path leaves too little room under Windows' limit."""
    panjang = len(str(buku.folder))
    if panjang + JALUR_RELATIF_TERPANJANG > BATAS_JALUR_WINDOWS:
        raise LingkunganError(
            f"Jalur folder kerja terlalu panjang ({panjang} karakter): pyxl menulis berkas "
            f"sampai {JALUR_RELATIF_TERPANJANG} karakter di dalamnya, sedangkan Windows "
            f"membatasi jalur {BATAS_JALUR_WINDOWS + 1} karakter. Pindahkan folder kerja ke "
            f"jalur yang lebih pendek (paling panjang "
            f"{BATAS_JALUR_WINDOWS - JALUR_RELATIF_TERPANJANG} karakter), misalnya "
            "C:\\Kinerja. Tidak ada yang diubah."
        )
