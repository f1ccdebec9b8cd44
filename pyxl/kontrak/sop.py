"""The 13 steps of the SOP "Pengumpulan Data Kinerja" (Setda Kabupaten Way Kanan, 2022) as data.

Standard times (Mutu Baku Waktu) are stored in minutes; a "Hari" is one working day of
7.5 hours (07.30–15.00 WIB with a break), the unit the SOP's authors plan in. A step's measured
duration (`pyxl.inti.jam_kerja`) counts the same working hours, so the two compare.
"""

from __future__ import annotations

from datetime import time

from pyxl.kontrak.model import LangkahSop

MENIT_PER_HARI_KERJA = 450
JAM_MASUK = time(7, 30)
JAM_PULANG = time(15, 0)
HARI_KERJA = (0, 1, 2, 3, 4)
"""Monday to Friday (`datetime.weekday()`): the working week the durations are counted in."""

KEPALA_BAGIAN = "Kepala Bagian"
KASUBAG_JFT = "Kasubag/JFT"
STAF = "Staf/Jabatan Fungsional Umum"
SEKDA = "Sekda/Staf Ahli Bupati/Asisten"

LANGKAH: tuple[LangkahSop, ...] = (
    LangkahSop(
        1,
        "Memerintahkan penyusunan pengumpulan data kinerja Bagian",
        KEPALA_BAGIAN,
        "Disposisi surat",
        10,
        "10 Menit",
        "Disposisi surat",
        "disposisi",
    ),
    LangkahSop(
        2,
        "Membuat format pengumpulan data dan informasi kinerja dari masing-masing Bagian",
        KASUBAG_JFT,
        "Format pengumpulan data kinerja",
        120,
        "2 Jam",
        "Format IKU",
        "format",
    ),
    LangkahSop(
        3,
        "Menyampaikan format pengumpulan data dan informasi kinerja kepada masing-masing Bagian",
        STAF,
        "Format pengumpulan data kinerja",
        60,
        "1 Jam",
        "Draft usulan IKU",
        "kirim",
    ),
    LangkahSop(
        4,
        "Mengundang Kepala Bagian serta pejabat fungsional untuk rapat pembahasan "
        "data dan informasi kinerja Sekretariat Daerah",
        KEPALA_BAGIAN,
        "Undangan rapat",
        30,
        "30 Menit",
        "Undangan rapat",
        "undangan",
    ),
    LangkahSop(
        5,
        "Melaksanakan rapat pembahasan pengumpulan data kinerja",
        KEPALA_BAGIAN,
        "Draft pengumpulan data kinerja",
        120,
        "2 Jam",
        "Draft IKU",
        "rapat",
    ),
    LangkahSop(
        6,
        "Menghimpun format data dan informasi kinerja masing-masing Bagian",
        KASUBAG_JFT,
        "Draft pengumpulan data kinerja",
        180,
        "3 Jam",
        "Draft IKU",
        "himpun",
    ),
    LangkahSop(
        7,
        "Menganalisis data dan informasi kinerja yang terkumpul",
        KASUBAG_JFT,
        "Draft pengumpulan data kinerja",
        4 * MENIT_PER_HARI_KERJA,
        "4 Hari",
        "Draft IKU",
        "analisis",
    ),
    LangkahSop(
        8,
        "Membuat konsep pengumpulan data kinerja",
        KASUBAG_JFT,
        "Draft pengumpulan data kinerja",
        2 * MENIT_PER_HARI_KERJA,
        "2 Hari",
        "Dokumen IKU",
        "dokumen",
    ),
    LangkahSop(
        9,
        "Mengoreksi konsep dokumen kinerja",
        KEPALA_BAGIAN,
        "Dokumen kinerja",
        MENIT_PER_HARI_KERJA,
        "1 Hari",
        "Dokumen IKU",
        "dokumen",
    ),
    LangkahSop(
        10,
        "Menyampaikan dokumen kinerja kepada Sekretaris Daerah untuk memintakan persetujuan",
        KEPALA_BAGIAN,
        "Dokumen kinerja",
        60,
        "1 Jam",
        "Dokumen IKU",
        "setujui",
    ),
    LangkahSop(
        11,
        "Penandatanganan dokumen kinerja oleh Sekretaris Daerah kemudian diteruskan ke JFT",
        SEKDA,
        "Konsep surat pengantar",
        10,
        "10 Menit",
        "Surat pengantar",
        "setujui",
    ),
    LangkahSop(
        12,
        "Membuat surat pengantar pengiriman sekaligus penomoran surat, kemudian "
        "diserahkan ke staf untuk dikirimkan ke alamat yang dituju",
        KASUBAG_JFT,
        "Dokumen kinerja",
        15,
        "15 Menit",
        "Dokumen IKU",
        "pengantar",
    ),
    LangkahSop(
        13,
        "Mengantar surat, menggandakan dan mengarsipkan dokumen kinerja",
        STAF,
        "Dokumen IKU",
        60,
        "1 Jam",
        "Dokumen IKU",
        "arsip",
    ),
)


def langkah(no: int) -> LangkahSop:
    return LANGKAH[no - 1]
