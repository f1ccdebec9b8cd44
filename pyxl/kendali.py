"""The layout of the `Kendali` sheet, shared by the builder and by the steps that update it.

row 1–3   title, year, how to use
row 5     header of the SOP table; rows 6–18 the 13 steps (button in column F)
row 20–21 tool buttons (status, environment check)
row 24    "Status per Bagian"; row 25 its header; one row per Bagian from row 26
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pyxl import skema
from pyxl.buku import Buku

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


def baris_langkah(no: int) -> int:
    return BARIS_LANGKAH_1 + no - 1


def tandai_langkah(
    buku: Buku,
    no: int,
    status: str,
    mulai: datetime,
    selesai: datetime,
    durasi_menit: float,
    keterangan: str,
) -> None:
    """Write a step's status cells (one block: Status .. Keterangan)."""
    nilai: list[Any] = [status, mulai, selesai, round(durasi_menit, 2), keterangan]
    buku.tulis(
        skema.KENDALI,
        baris_langkah(no),
        KOLOM_STATUS,
        [nilai],
        [None, "dd/mm/yyyy hh:mm", "dd/mm/yyyy hh:mm", "0.0", None],
    )


def tulis_status_bagian(buku: Buku, rows: list[list[Any]]) -> None:
    buku.kosongkan(skema.KENDALI, BARIS_BAGIAN_1)
    if rows:
        buku.tulis(skema.KENDALI, BARIS_BAGIAN_1, 1, rows)
