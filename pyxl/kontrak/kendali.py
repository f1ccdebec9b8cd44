"""The layout of the `Kendali` sheet, shared by the builder and by the steps that update it.

row 1–3   title, year, how to use
row 5     header of the SOP table; rows 6–18 the 13 steps (button in column F)
row 20–21 tool buttons (status, environment check)
row 24    "Status per Bagian"; row 25 its header; one row per Bagian from row 26
"""

from __future__ import annotations

BARIS_JUDUL_LANGKAH = 5
BARIS_LANGKAH_1 = 6
BARIS_ALAT = 20
BARIS_JUDUL_BAGIAN = 24
BARIS_HEADER_BAGIAN = 25
BARIS_BAGIAN_1 = 26

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
