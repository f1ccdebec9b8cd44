"""The structure of the master workbook, by version: what each release of pyxl builds.

A master holds its structure version in the very hidden `Sistem` sheet (key `Versi Struktur`),
whose values survive a re-save by Excel or LibreOffice. A master without it was built before
versions were recorded; its version is told from its sheets (`versi_dari_sheet`). Every release
that changes the structure raises `VERSI_STRUKTUR` and says here what changed; `pyxl perbarui`
(`pyxl.bangun.perbarui`) brings a master of any earlier version to this one, keeping every
value.
"""

from __future__ import annotations

from collections.abc import Sequence

VERSI_STRUKTUR = 7
KUNCI_VERSI = "Versi Struktur"
"""The `Sistem` key of the version."""

RIWAYAT: dict[int, str] = {
    1: "Langkah 1-6: Kendali, Pengaturan, Bagian, sheet per Bagian, Disposisi, Penerimaan, "
    "Validasi, Analisis (10 kolom), Rekap, Register Surat, Log SOP, Format Terbit, Pengiriman, "
    "Sistem.",
    2: "Langkah 7: Analisis dengan perbandingan dan anggaran (21 kolom), warna kategori, "
    "grafik Rekap, tombol analisis.",
    3: "Langkah 8-13: sheet Koreksi, Dokumen, Register Arsip; kunci Pengaturan pengantar; "
    "tombol dokumen, setujui, pengantar, arsip.",
    4: "Siklus tahunan: sheet Riwayat Bagian, versi struktur dan tahun data di Sistem, kolom "
    "Sumber dan Disimpan di Penerimaan, tombol Periksa Ulang Kiriman Ditolak, Tambah/Ubah/"
    "Hapus Bagian dan Tahun Baru dengan isiannya di Kendali.",
    5: "Angka dan aturan capaian: kolom Rumus Capaian dan Skala di sheet Bagian, sheet Skala "
    "(skala kualitatif berurutan), kolom Rumus Capaian dan Capaian Dinilai (%) di Analisis, "
    "batas bawah dan atas capaian di Pengaturan.",
    6: "Tata naskah dinas: kop lengkap (kode pos, telepon, faksimile, laman, pos-el), ukuran "
    "kertas dan margin, penanda tangan undangan (a.n./u.b.) dan lampiran emailnya di "
    "Pengaturan; kode klasifikasi undangan 000.8.6.3; tanpa NIP dan pangkat Sekretaris Daerah. "
    "Dokumen IKU: sheet Analisis Naratif (penyebab dan solusi per indikator, kosong di "
    "tahun baru) dan sheet IKU Setda (sasaran strategis dan IKU Sekretariat Daerah dengan "
    "indikator Bagian pendukungnya); Tugas dan Fungsi serta Isu Strategis di Pengaturan. "
    "Kendali dan cetakan: kolom Tombol di setiap baris langkah SOP, baris langkah lebih "
    "tinggi dan kolom Keterangan lebih lebar, kolom tanggal cukup lebar (tanpa ###), kolom "
    "pesan terbungkus, cetakan tabel dan sheet Bagian minimal 8 pt (beberapa halaman lebar "
    "dengan kolom pertama berulang), xlwings.conf dicetak satu halaman.",
    7: "Triwulan dan data dukung: kolom Cara Tahunan, Perlu Bukti dan Bukti di sheet Bagian; "
    "sheet Triwulan (realisasi dan target per triwulan), Analisis Triwulan dan Data Dukung; "
    "kolom Periode di Penerimaan, Format Terbit dan Pengiriman; isian Periode di Kendali; "
    "format templat versi 3 (kolom Bukti diisi Bagian); kolom Capaian TW I (%) sampai "
    "Capaian TW IV (%) di Rekap dengan grafik capaian per triwulan per Bagian; tombol Laporan "
    "Triwulan (laporan pemantauan per triwulan).",
}
"""What each version added (for messages and the README)."""


def versi_dari_sheet(sheet: Sequence[str], kolom_analisis: Sequence[str]) -> int:
    """The version of a master that does not record one, from its sheets and its `Analisis`
    header."""
    if "Koreksi" in sheet:
        return 3
    if "Efisiensi" in kolom_analisis:
        return 2
    return 1
