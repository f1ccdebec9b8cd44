"""The layout of the `Kendali` sheet, shared by the builder and by the steps that update it.

row 1–3     title, year, how to use
row 5       header of the SOP table; rows 6–18 the 13 steps (button in column F)
row 19      "Alat bantu"; from row 20 one row per tool button (the commands without a step)
then        "Isian tombol": the cells the Bagian and Tahun Baru buttons read (label in B,
            value in C), one row per `ISIAN`
then        "Status per Bagian": its header, then one row per Bagian, as long as the list
"""

from __future__ import annotations

from pyxl.kontrak.perintah import PERINTAH

BARIS_JUDUL_LANGKAH = 5
BARIS_LANGKAH_1 = 6
BARIS_ALAT = 20
JUMLAH_ALAT = sum(p.langkah is None for p in PERINTAH)

ISIAN = (
    "Kode Bagian",
    "Kode Baru",
    "Nama Bagian",
    "Asisten",
    "Kepala Bagian",
    "NIP",
    "Pangkat",
    "Email",
    "Folder Tahun Baru",
    "Tahun Baru",
)
"""What the Bagian buttons (Tambah, Ubah, Hapus) and the Tahun Baru button read: the options
of `pyxl bagian …` and `pyxl tahun-baru`."""
BARIS_JUDUL_ISIAN = BARIS_ALAT + JUMLAH_ALAT + 1
BARIS_ISIAN_1 = BARIS_JUDUL_ISIAN + 1
KOLOM_ISIAN_LABEL = 2
KOLOM_ISIAN_NILAI = 3

BARIS_JUDUL_BAGIAN = BARIS_ISIAN_1 + len(ISIAN) + 1
BARIS_HEADER_BAGIAN = BARIS_JUDUL_BAGIAN + 1
BARIS_BAGIAN_1 = BARIS_HEADER_BAGIAN + 1

KOLOM_LANGKAH = (
    "No",
    "Langkah SOP",
    "Pelaksana",
    "Waktu Baku",
    "Output",
    "Tombol",
    "Status",
    "Mulai",
    "Selesai",
    "Durasi (menit)",
    "Keterangan",
)
KOLOM_TOMBOL = KOLOM_LANGKAH.index("Tombol") + 1
KOLOM_STATUS = KOLOM_LANGKAH.index("Status") + 1

KOLOM_STATUS_BAGIAN = (
    "Kode",
    "Nama Bagian",
    "Jumlah Indikator",
    "Realisasi Terisi",
    "Format",
    "Dikirim",
    "Diterima",
    "Status",
    "Masalah",
)

BELUM = "Belum"
SELESAI = "Selesai"
LEWAT_WAKTU = "Melebihi waktu baku"
MANUAL = "Manual"
KEDALUWARSA = "Kedaluwarsa"
"""Step 10 when the data changed after the approval (see `pyxl status`)."""


def baris_langkah(no: int) -> int:
    return BARIS_LANGKAH_1 + no - 1


def baris_isian(label: str) -> int:
    """The row of an input of `ISIAN` (its value is in column KOLOM_ISIAN_NILAI)."""
    return BARIS_ISIAN_1 + ISIAN.index(label)
