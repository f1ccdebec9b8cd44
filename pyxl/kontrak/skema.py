"""Names the contract fixes: sheets, their columns, folders and the master workbook's file name.

Staff, IT scripts and acceptance tests rely on these exact strings; extend, never rename.
"""

from __future__ import annotations

from dataclasses import fields

from pyxl.kontrak.model import Indikator

NAMA_MASTER = "Pengumpulan_Data_Kinerja.xlsm"

# Folders of a working folder (contract: "Working folder").
FOLDER_FORMAT = "format"
FOLDER_KIRIM = "kirim"
FOLDER_MASUK = "masuk"
FOLDER_DOKUMEN = "dokumen"
FOLDER_ARSIP = "arsip"
FOLDER_TEMPLAT = "templates"
FOLDER_CADANGAN = "cadangan"
"""Backups of the master before each write (an extension: never lose a year of work)."""
FOLDERS = (FOLDER_FORMAT, FOLDER_KIRIM, FOLDER_MASUK, FOLDER_DOKUMEN, FOLDER_ARSIP)

# Sheets.
KENDALI = "Kendali"
PENGATURAN = "Pengaturan"
BAGIAN = "Bagian"
DISPOSISI = "Disposisi"
PENERIMAAN = "Penerimaan"
VALIDASI = "Validasi"
ANALISIS = "Analisis"
REKAP = "Rekap"
REGISTER_SURAT = "Register Surat"
LOG_SOP = "Log SOP"
FORMAT_TERBIT = "Format Terbit"
PENGIRIMAN = "Pengiriman"
KOREKSI = "Koreksi"
DOKUMEN = "Dokumen"
REGISTER_ARSIP = "Register Arsip"
RIWAYAT_BAGIAN = "Riwayat Bagian"
SKALA = "Skala"
ANALISIS_NARATIF = "Analisis Naratif"
"""What only a person can write for the Dokumen IKU: per indicator and year, the causes and
the solutions (staff fill it in Excel after step 7)."""
IKU_SETDA = "IKU Setda"
"""The Setda's own sasaran strategis and IKU (Renstra), each mapped to Bagian indicators."""
"""Ordered qualitative scales (SAKIP grades, audit opinions, ...): one row per value."""
SISTEM = "Sistem"
"""Very hidden: the stamp secret and other values staff never edit."""
XLWINGS_CONF = "xlwings.conf"

KOLOM_BAGIAN = ("Kode", "Nama Bagian", "Asisten", "Kepala Bagian", "NIP", "Pangkat", "Email")
KOLOM_PENGATURAN = ("Kunci", "Nilai", "Keterangan", "Kelompok")

KOLOM_INDIKATOR = (
    "Kode IKU",
    "Sasaran",
    "Indikator Kinerja",
    "Definisi Operasional",
    "Formula",
    "Satuan",
    "Polaritas",
    "Target",
    "Target Atas",
    "Realisasi",
    "Realisasi Tahun Lalu",
    "Target Akhir Renstra",
    "Pagu Anggaran",
    "Realisasi Anggaran",
    "Sumber Data",
    "Penanggung Jawab",
    "Keterangan",
    "Rumus Capaian",
    "Skala",
    "Cara Tahunan",
    "Perlu Bukti",
    "Bukti",
)
"""Columns of a per-Bagian sheet, in this order, header in row 1: the contract's, then how
the capaian of the row is computed (`Rumus Capaian`: empty for the workbook's setting), for a
`Kualitatif` indicator the ordered scale it is measured on (a name from sheet `Skala`), how
its quarters make the year (`Cara Tahunan`, `pyxl.kontrak.periode`; empty: `Terakhir`),
whether each realisation needs supporting evidence (`Perlu Bukti`: `Ya` or empty) and the
evidence files the Bagian named for the yearly realisation (`Bukti`, filled by its return)."""
KOLOM_INDIKATOR_V1 = KOLOM_INDIKATOR[:17]
"""The per-Bagian columns of structure versions 1-4 (and of formats of template version 1)."""
KOLOM_INDIKATOR_V2 = KOLOM_INDIKATOR[:19]
"""The per-Bagian columns of structure versions 5-6 (and of formats of template version 2)."""
RUMUS_CAPAIAN = ("R/T", "(2T-R)/T", "T/R")
"""The rules a row's `Rumus Capaian` may name: R/T for a positive indicator, (2T-R)/T or T/R
for a negative one."""

FIELD_INDIKATOR = dict(zip(KOLOM_INDIKATOR, (f.name for f in fields(Indikator)), strict=True))
"""Column header -> `Indikator` attribute."""

KOLOM_ISIAN = ("Realisasi", "Realisasi Anggaran", "Keterangan", "Bukti")
"""The columns a Bagian fills in its returned format (`Bukti`: the names of the evidence files
sent with it, separated by ";")."""
YA = "Ya"
"""What `Perlu Bukti` holds when an indicator needs evidence (any case; empty: not needed)."""

KOLOM_DISPOSISI = (
    "No",
    "Tanggal",
    "Dari",
    "Kepada",
    "Isi Disposisi",
    "Sifat",
    "Surat Dari",
    "Nomor Surat",
    "Tanggal Surat",
    "Perihal",
    "Nomor Agenda",
    "Berkas",
    "Dicatat",
)
"""Step 1's record: one row per order; staff may type a row and press the button."""
KOLOM_PENERIMAAN = ("Waktu", "Berkas", "SHA-256", "Kode Bagian", "Status", "Catatan")
KOLOM_PENERIMAAN_LENGKAP = (*KOLOM_PENERIMAAN, "Sumber", "Disimpan", "Periode")
"""Every column of `Penerimaan`: the contract's first, then where the file came from (the
file in `masuk/`, or the mailbox message), when the Bagian saved it, which decide whether
a file was already received and which return is used, and the round it was received in
(`pyxl.kontrak.periode`; empty in rows of earlier releases: `Tahunan`)."""
KOLOM_VALIDASI = ("Tingkat", "Kode Masalah", "Kode Bagian", "Berkas", "Sel", "Pesan")
KOLOM_ANALISIS = (
    "Kode Bagian",
    "Kode IKU",
    "Indikator Kinerja",
    "Polaritas",
    "Target",
    "Realisasi",
    "Capaian (%)",
    "Kategori",
    "Capaian Renstra (%)",
    "Serapan Anggaran (%)",
)
KOLOM_ANALISIS_LENGKAP = (
    *KOLOM_ANALISIS,
    *("Satuan", "Target Atas", "Status Data", "Realisasi Tahun Lalu", "Perubahan", "Arah"),
    *("Target Akhir Renstra", "Pagu Anggaran", "Realisasi Anggaran", "Sisa Anggaran", "Efisiensi"),
    *("Rumus Capaian", "Capaian Dinilai (%)"),
)
"""Every column of the `Analisis` sheet: the contract's first, then the comparisons a LKjIP
needs (last year, Renstra, budget), the rule each capaian was computed with, and the capaian
within the bounds of `Pengaturan` that categories and averages use."""
KOLOM_REKAP = (
    "Kode Bagian",
    "Nama Bagian",
    "Jumlah Indikator",
    "Ada Data",
    "Dikembalikan",
    "Rata-rata Capaian (%)",
    "Sangat Tinggi",
    "Tinggi",
    "Sedang",
    "Rendah",
    "Sangat Rendah",
    "Serapan Anggaran (%)",
    "Capaian TW I (%)",
    "Capaian TW II (%)",
    "Capaian TW III (%)",
    "Capaian TW IV (%)",
)
"""One row per Bagian, then the Setda's: the contract's columns, then the mean assessed
capaian of each quarter (`Capaian Dinilai` of sheet `Analisis Triwulan`), filled once
quarterly figures exist in sheet `Triwulan`."""
KOLOM_REKAP_TW = KOLOM_REKAP[-4:]
"""The quarters side by side in `Rekap` (`TW I` … `TW IV`, in order)."""
KOLOM_REGISTER = (
    "No",
    "Tanggal",
    "Nomor Surat",
    "Kode Klasifikasi",
    "Tujuan",
    "Perihal",
    "Berkas",
    "Status",
)
KOLOM_LOG = (
    "Langkah",
    "Uraian",
    "Oleh",
    "Mulai",
    "Selesai",
    "Durasi (menit)",
    "Waktu Baku",
    "Sesuai Waktu Baku",
    "Hasil",
)

KOLOM_FORMAT_TERBIT = (
    "No",
    "ID Format",
    "Kode Bagian",
    "Tahun",
    "Waktu Terbit",
    "Berkas",
    "Versi Templat",
    "Sidik Konten",
    "Status",
    "Periode",
)
"""Step 2's ledger: one row per issued format, with the round it was issued for (empty in
rows of earlier releases: `Tahunan`). Status `Berlaku` or `Diganti` (locked content
changed since); `Sidik Konten` is the HMAC over the locked content, never the secret."""
KOLOM_PENGIRIMAN = (
    "Waktu",
    "Langkah",
    "Kode Bagian",
    "Kepada",
    "Perihal",
    "ID Format",
    "Message-ID",
    "Mode",
    "Berkas",
    "Status",
    "Catatan",
    "Periode",
)
"""Every e-mail pyxl made (steps 3, 4, 12 and reminders): `Status` is `Draf`, `Terkirim` or
`Gagal` (with the reason in `Catatan`); `Periode` the round of a format's e-mail."""
KOLOM_SISTEM = ("Kunci", "Nilai")
KOLOM_KOREKSI = (
    "No",
    "Tanggal",
    "Versi",
    "Bagian Dokumen",
    "Koreksi",
    "Oleh",
    "Selesai",
    "Ditangani di Versi",
)
"""Step 9: the reviewer lists corrections (what, where, by whom, done); the next version of the
Dokumen IKU lists which were addressed."""
KOLOM_DOKUMEN = (
    "Versi",
    "Waktu",
    "Berkas",
    "Status",
    "SHA-256",
    "Sidik Data",
    "Disetujui Oleh",
    "Waktu Persetujuan",
    "PDF",
    "Catatan",
)
"""Steps 8-11: one row per Dokumen IKU version (`KONSEP`, then `FINAL`); `Sidik Data` is a
digest of the analysed data the version was written from, so a later change marks an approval
stale."""
KOLOM_REGISTER_ARSIP = (
    "No",
    "Waktu",
    "Berkas",
    "Jalur Arsip",
    "SHA-256",
    "Kode Klasifikasi",
    "Keterangan",
)
"""Step 13: every file copied into `arsip/<Tahun>/<kode klasifikasi>/`."""
KOLOM_RIWAYAT_BAGIAN = (
    "Waktu",
    "Perubahan",
    "Kode",
    "Kode Baru",
    "Nama Bagian",
    "Asisten",
    "Kepala Bagian",
    "Email",
    "Oleh",
    "Catatan",
)
"""Every change of the Bagian list (`Tambah`, `Ubah`, `Hapus`), never removed: a renamed
Bagian's old code stays linked to its new one (`Kode` -> `Kode Baru`), and a removed one's
details stay here while its sheet is kept hidden."""
PERUBAHAN_BAGIAN = ("Tambah", "Ubah", "Hapus")
KOLOM_SKALA = ("Skala", "Nilai", "Sebutan Lain", "Di Bawah Target")
"""One row per value of a scale, best first; `Sebutan Lain` other spellings separated by ";";
`Di Bawah Target` (on any row of the scale) Proporsional or Nol."""

KOLOM_ANALISIS_NARATIF = ("Kode Bagian", "Kode IKU", "Penyebab", "Solusi/Upaya")
"""One row per indicator staff explain: why the capaian is what it is, and what is or will be
done about it. An indicator without a row shows a marked place to fill in the document."""
KOLOM_IKU_SETDA = ("Kode", "Sasaran Strategis", "Indikator Kinerja Utama", "Indikator Bagian")
"""One row per IKU of the Sekretariat Daerah; `Indikator Bagian` lists the Kode IKU of the
Bagian indicators that measure it, separated by ";" (`KODE BAGIAN/Kode IKU` when a Kode IKU is
used by two Bagian). Its capaian is the mean of their assessed capaian."""

TRIWULAN = "Triwulan"
KOLOM_TRIWULAN = (
    "Kode Bagian",
    "Kode IKU",
    "Periode",
    "Target",
    "Realisasi",
    "Realisasi Anggaran",
    "Keterangan",
    "Bukti",
    "Berkas",
    "Diperbarui",
)
"""The figures of the quarterly rounds: one row per Bagian, indicator and quarter (`TW I` …
`TW IV`). `himpun --periode TW II` writes `Realisasi` … `Bukti` from the return in use
(`Berkas`, `Diperbarui`); staff may type a quarter's own `Target` (empty: the yearly target
pro-rated by the indicator's `Cara Tahunan`, `pyxl.inti.triwulan`). The yearly `Realisasi` of
the Bagian sheet is never written by a quarterly round."""
ANALISIS_TRIWULAN = "Analisis Triwulan"
KOLOM_ANALISIS_TRIWULAN = (
    "Kode Bagian",
    "Kode IKU",
    "Indikator Kinerja",
    "Satuan",
    "Polaritas",
    "Cara Tahunan",
    "Periode",
    "Target Periode",
    "Dasar Target",
    "Realisasi",
    "Capaian (%)",
    "Kategori",
    "Tren",
    "Realisasi Anggaran",
    "Serapan Anggaran (%)",
    "Bukti",
)
"""Step 7 for a quarterly round: one row per indicator and quarter reported so far, capaian
against the quarter's target (`Dasar Target` says whether it is the quarter's own or the
yearly target pro-rated, and how), the trend from the quarter before, and the evidence
received (`Bukti`: how many files, linked to `Data Dukung`)."""
DATA_DUKUNG = "Data Dukung"
KOLOM_DATA_DUKUNG = (
    "Waktu",
    "Berkas",
    "SHA-256",
    "Ukuran (KB)",
    "Kode Bagian",
    "Kode IKU",
    "Periode",
    "Asal",
    "Status",
    "Catatan",
)
"""Every evidence file received with a return (an attachment of the same e-mail, a file in
`masuk/<KODE>/`, a member of a zip beside the format): one row each, kept by its SHA-256 in
the archive of received originals. `Kode IKU` lists the indicators whose `Bukti` names the
file (";"); `Status` is `Diterima` or `Ditolak` (the reason in `Catatan` and `Validasi`)."""

TABEL: dict[str, tuple[str, ...]] = {
    BAGIAN: KOLOM_BAGIAN,
    PENGATURAN: KOLOM_PENGATURAN,
    DISPOSISI: KOLOM_DISPOSISI,
    PENERIMAAN: KOLOM_PENERIMAAN_LENGKAP,
    VALIDASI: KOLOM_VALIDASI,
    ANALISIS: KOLOM_ANALISIS_LENGKAP,
    REKAP: KOLOM_REKAP,
    REGISTER_SURAT: KOLOM_REGISTER,
    LOG_SOP: KOLOM_LOG,
    FORMAT_TERBIT: KOLOM_FORMAT_TERBIT,
    PENGIRIMAN: KOLOM_PENGIRIMAN,
    SISTEM: KOLOM_SISTEM,
    KOREKSI: KOLOM_KOREKSI,
    DOKUMEN: KOLOM_DOKUMEN,
    REGISTER_ARSIP: KOLOM_REGISTER_ARSIP,
    RIWAYAT_BAGIAN: KOLOM_RIWAYAT_BAGIAN,
    SKALA: KOLOM_SKALA,
    ANALISIS_NARATIF: KOLOM_ANALISIS_NARATIF,
    IKU_SETDA: KOLOM_IKU_SETDA,
    TRIWULAN: KOLOM_TRIWULAN,
    ANALISIS_TRIWULAN: KOLOM_ANALISIS_TRIWULAN,
    DATA_DUKUNG: KOLOM_DATA_DUKUNG,
}
"""Every table sheet (header in row 1) with its columns; per-Bagian sheets use KOLOM_INDIKATOR."""

SHEET_WAJIB = (KENDALI, PENGATURAN, BAGIAN, *[s for s in TABEL if s not in (PENGATURAN, BAGIAN)])
"""Sheets a master must have for any command to run (per-Bagian sheets come from `Bagian`)."""

KARAKTER_TERLARANG_SHEET = set(":\\/?*[]")


def kode_sheet_valid(kode: str) -> bool:
    """A Bagian code must be usable as an Excel sheet name and a file-name part."""
    return (
        0 < len(kode) <= 31
        and not (set(kode) & KARAKTER_TERLARANG_SHEET)
        and kode.replace("_", "").replace("-", "").isalnum()
        and kode.isascii()
        and kode not in SHEET_WAJIB
        and kode != XLWINGS_CONF
    )
