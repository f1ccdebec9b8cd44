"""The layout of the `Kendali` sheet, shared by the builder and by the steps that update it.

row 1–3     title, year, how to use
row 5       header of the SOP table; rows 6–18 the 13 steps (button in column F)
row 19      "Alat bantu"; from row 20 one row per tool button (the commands without a step)
then        "Isian tombol": the cells the Bagian and Tahun Baru buttons read (label in B,
            value in C), one row per `ISIAN`
then        "Status per Bagian": its header, then one row per Bagian, as long as the list
"""

from __future__ import annotations

from pyxl.kontrak.perintah import PER_NAMA, PERINTAH
from pyxl.kontrak.sop import langkah

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
    "Periode",
)
"""What the Bagian buttons (Tambah, Ubah, Hapus) and the Tahun Baru button read: the options
of `pyxl bagian …` and `pyxl tahun-baru`; and the round (`Periode`: TW I … TW IV, empty for
Tahunan) the Format, Kirim, Himpun, Ingatkan, Status, Analisis and Laporan Triwulan buttons
work on, as the commands' `--periode`."""
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

TINGGI_BARIS_LANGKAH = 48
"""Points: a step row holds its button (27 pt) and three lines of its `Keterangan`."""
LEBAR_KETERANGAN = 72
"""Characters: the width of the `Keterangan` column."""
BARIS_KETERANGAN = 3
"""Lines of `Keterangan` a step row shows; a longer result is shortened there, pointing to
`Log SOP`, which keeps it whole."""

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


def teks_tombol(no: int) -> str:
    """What the `Tombol` cell of SOP step `no` says: the caption of its button (under the
    button on screen; on paper, where buttons are not printed, it is what to click), or for a
    step done by the button of another row, which one."""
    p = next((p for p in PERINTAH if p.langkah == no), None)
    if p is not None:
        return p.judul
    perintah = langkah(no).perintah
    return f"Lihat tombol {PER_NAMA[perintah].judul} di atas" if perintah else "Dikerjakan manual"
