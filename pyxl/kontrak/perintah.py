"""Commands and their buttons: one row per command that exists.

Each command is a `pyxl` subcommand (`cli`), a function in `pyxl.tombol` (`nama`), a Sub of
the VBA module `Tombol` (pyxl/bangun/vba/Tombol.bas) and a Form button on `Kendali`, captioned
in Indonesian and numbered by SOP step. The workbook builder and the tests read this table.
Commands that need no button in Excel (`pyxl init`, `demo`, `paket`) are not here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Perintah:
    nama: str
    """CLI subcommand and `pyxl.tombol` function."""
    sub: str
    """VBA Sub in module `Tombol`."""
    judul: str
    """Button caption."""
    langkah: int | None
    """SOP step whose row carries the button on Kendali; None for the tools row."""
    keterangan: str
    cli: str = ""
    """The command line that does the same (`pyxl <cli>`); empty: `nama`."""
    ubah_status_bagian: bool = False
    """Whether the command changes what Kendali's "Status per Bagian" shows (a format, a
    mail, a return, a finding, the list itself): the runner then rewrites that table."""

    @property
    def perintah(self) -> str:
        return self.cli or self.nama


PERINTAH: tuple[Perintah, ...] = (
    Perintah(
        "disposisi",
        "Langkah1_Disposisi",
        "1. Catat Disposisi",
        1,
        "Mencatat disposisi dan membuat lembar disposisi (.docx).",
    ),
    Perintah(
        "format",
        "Langkah2_Format",
        "2. Buat Format",
        2,
        "Membuat satu format .xlsx terkunci dan berstempel per Bagian di folder format.",
        ubah_status_bagian=True,
    ),
    Perintah(
        "kirim",
        "Langkah3_Kirim",
        "3. Kirim Format",
        3,
        "Membuat email (draf .eml atau SMTP) berisi format untuk setiap Bagian.",
        ubah_status_bagian=True,
    ),
    Perintah(
        "undangan",
        "Langkah4_Undangan",
        "4. Undangan Rapat",
        4,
        "Membuat undangan rapat bernomor (.docx) dan email kepada para undangan.",
    ),
    Perintah(
        "rapat",
        "Langkah5_Rapat",
        "5. Berkas Rapat",
        5,
        "Membuat daftar hadir dan kerangka notula rapat (.docx).",
    ),
    Perintah(
        "himpun",
        "Langkah6_Himpun",
        "6. Himpun Data",
        6,
        "Memeriksa setiap berkas di folder masuk, mencatatnya, dan menggabungkan data yang sah "
        "ke sheet Bagian.",
        ubah_status_bagian=True,
    ),
    Perintah(
        "analisis",
        "Langkah7_Analisis",
        "7. Analisis Capaian",
        7,
        "Menghitung capaian, kategori, perbandingan dan serapan anggaran ke sheet Analisis dan "
        "Rekap.",
        ubah_status_bagian=True,
    ),
    Perintah(
        "dokumen",
        "Langkah8_Dokumen",
        "8–9. Konsep Dokumen IKU",
        8,
        "Menulis Dokumen IKU versi baru bertanda KONSEP (.docx) dari analisis dan koreksi.",
    ),
    Perintah(
        "setujui",
        "Langkah10_Setujui",
        "10–11. Setujui Dokumen",
        10,
        "Mencatat persetujuan dan membuat Dokumen IKU final (tanpa KONSEP) serta PDF-nya.",
    ),
    Perintah(
        "pengantar",
        "Langkah12_Pengantar",
        "12. Surat Pengantar",
        12,
        "Membuat surat pengantar bernomor (.docx) dan draf email ke penerima.",
    ),
    Perintah(
        "arsip",
        "Langkah13_Arsip",
        "13. Arsipkan",
        13,
        "Menyalin dokumen final, surat dan buku penerimaan ke arsip dengan manifest SHA-256.",
    ),
    Perintah(
        "ingatkan",
        "Alat_Ingatkan",
        "Ingatkan Bagian",
        None,
        "Membuat email pengingat untuk Bagian yang belum mengembalikan format.",
        ubah_status_bagian=True,
    ),
    Perintah(
        "status",
        "Alat_Status",
        "Perbarui Status",
        None,
        "Memperbarui status langkah SOP dan status per Bagian di sheet ini.",
    ),
    Perintah(
        "laporan",
        "Alat_Laporan",
        "Laporan Triwulan",
        None,
        "Membuat laporan pemantauan triwulan (.docx) untuk Kepala Bagian: indikator di bawah "
        "ambang capaian, Bagian yang terlambat dan serapan anggaran, dari Analisis Triwulan "
        "putaran di isian Periode.",
    ),
    Perintah(
        "cek",
        "Alat_Cek",
        "Cek Lingkungan",
        None,
        "Memeriksa Python, xlwings, interpreter, folder, templat dan buku kerja ini.",
    ),
    Perintah(
        "himpun_ulang",
        "Alat_HimpunUlang",
        "Periksa Ulang Kiriman Ditolak",
        None,
        "Memeriksa lagi setiap kiriman yang ditolak, setelah penyebabnya diperbaiki di buku "
        "kerja ini (misalnya alamat email atau daftar Bagian).",
        cli="himpun --ulang",
        ubah_status_bagian=True,
    ),
    Perintah(
        "bagian_tambah",
        "Alat_BagianTambah",
        "Tambah Bagian",
        None,
        "Menambah Bagian dari isian di bawah: barisnya di sheet Bagian, sheet-nya, tempatnya di "
        "Rekap dan status.",
        cli="bagian tambah",
        ubah_status_bagian=True,
    ),
    Perintah(
        "bagian_ubah",
        "Alat_BagianUbah",
        "Ubah Bagian",
        None,
        "Mengganti kode atau data Bagian dari isian di bawah; catatan lama tetap dan tertaut ke "
        "kode baru.",
        cli="bagian ubah",
        ubah_status_bagian=True,
    ),
    Perintah(
        "bagian_hapus",
        "Alat_BagianHapus",
        "Hapus Bagian",
        None,
        "Menonaktifkan Bagian dari isian di bawah: keluar dari daftar, sheet dan datanya "
        "disembunyikan, tidak pernah dihapus.",
        cli="bagian hapus",
        ubah_status_bagian=True,
    ),
    Perintah(
        "perbarui",
        "Alat_Perbarui",
        "Perbarui Buku Kerja",
        None,
        "Memperbarui buku kerja ini ke pyxl yang terpasang setelah ditutup; semua isian tetap.",
    ),
    Perintah(
        "tahun_baru",
        "Alat_TahunBaru",
        "Tahun Baru",
        None,
        "Membuat folder kerja tahun berikutnya dari buku kerja ini (buku kerja ini tidak berubah).",
        cli="tahun-baru",
    ),
)

PER_NAMA = {p.nama: p for p in PERINTAH}
