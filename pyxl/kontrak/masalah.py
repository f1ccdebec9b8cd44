"""Finding codes (`Kode Masalah` in `Validasi`): every code pyxl writes, declared once.

Staff filter `Validasi` on these codes and acceptance tests assert them, so a code is never
renamed. `Blokir` rejects a received file (nothing from it is merged); `Peringatan` accepts it
with a flag, or explains a figure of the analysis that could not be computed. The README lists
exactly these codes (a test checks it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Tingkat = Literal["Blokir", "Peringatan"]
BLOKIR: Tingkat = "Blokir"
PERINGATAN: Tingkat = "Peringatan"

Asal = Literal["berkas", "isian", "analisis"]
"""Where a finding comes from: the received file as a whole (step 6), a cell a Bagian filled
(step 6), or the analysis of the master's figures (step 7)."""


@dataclass(frozen=True)
class KodeMasalah:
    kode: str
    tingkat: Tingkat
    asal: Asal
    arti: str
    """What it means, in one Indonesian phrase (for the README and for staff)."""


_KODE = (
    # a received file that is refused as a whole
    KodeMasalah("KOSONG", BLOKIR, "berkas", "berkas 0 byte"),
    KodeMasalah("BUKAN_XLSX", BLOKIR, "berkas", ".xls, .ods, .xlsb, CSV atau bukan lembar kerja"),
    KodeMasalah("BERMAKRO", BLOKIR, "berkas", "berisi makro (.xlsm)"),
    KodeMasalah("TERENKRIPSI", BLOKIR, "berkas", "dilindungi kata sandi"),
    KodeMasalah("RUSAK", BLOKIR, "berkas", "tidak dapat dibaca sebagai .xlsx"),
    KodeMasalah("TERLALU_BESAR", BLOKIR, "berkas", "lebih dari 20 MB"),
    KodeMasalah("BOM_ZIP", BLOKIR, "berkas", "isinya membengkak tidak wajar saat dibuka"),
    KodeMasalah(
        "LEMBAR_TERLALU_BESAR", BLOKIR, "berkas", "sebuah sheet memakai lebih dari 1.000.000 sel"
    ),
    KodeMasalah("TANPA_STEMPEL", BLOKIR, "berkas", "bukan format yang diterbitkan pyxl"),
    KodeMasalah(
        "ID_TIDAK_DIKENAL", BLOKIR, "berkas", "ID format tidak pernah diterbitkan master ini"
    ),
    KodeMasalah("TANDA_TANGAN_TIDAK_COCOK", BLOKIR, "berkas", "sel terkunci diubah"),
    KodeMasalah("TAHUN_SALAH", BLOKIR, "berkas", "format tahun lain"),
    KodeMasalah(
        "PERIODE_SALAH",
        BLOKIR,
        "berkas",
        "format putaran lain (misalnya format TW II dikirim saat putaran TW III); himpun dengan "
        "periode format itu",
    ),
    KodeMasalah(
        "BAGIAN_TIDAK_ADA",
        BLOKIR,
        "berkas",
        "format Bagian yang tidak (lagi) ada di sheet Bagian; periksa ulang setelah diperbaiki",
    ),
    KodeMasalah(
        "BAGIAN_SALAH", BLOKIR, "berkas", "format Bagian lain, atau dikirim dari alamat Bagian lain"
    ),
    KodeMasalah("BARIS_BERUBAH", BLOKIR, "berkas", "baris ditambah atau dihapus"),
    KodeMasalah(
        "FORMAT_DIGANTI",
        BLOKIR,
        "berkas",
        "format yang sudah diganti karena indikator atau targetnya berubah; isi yang terbaru",
    ),
    # supporting evidence (data dukung) refused as evidence (the original is still archived)
    KodeMasalah(
        "BUKTI_NAMA", BLOKIR, "berkas", "nama berkas data dukung tidak sah (jalur, nama perangkat)"
    ),
    KodeMasalah(
        "BUKTI_JENIS",
        BLOKIR,
        "berkas",
        "data dukung berjenis yang tidak diterima, isinya tidak sesuai ekstensinya, atau bermakro",
    ),
    KodeMasalah("BUKTI_TERLALU_BESAR", BLOKIR, "berkas", "data dukung melebihi batas ukuran"),
    KodeMasalah(
        "BUKTI_BOM_ZIP",
        BLOKIR,
        "berkas",
        "zip data dukung membengkak, bersarang atau berisi terlalu banyak berkas",
    ),
    # accepted, with a flag on a file or a cell
    KodeMasalah("FORMAT_LAMA", PERINGATAN, "berkas", "sudah terbit format yang lebih baru"),
    KodeMasalah("ISIAN_KOSONG", PERINGATAN, "isian", "Realisasi kosong (belum ada data)"),
    KodeMasalah("BUKAN_ANGKA", PERINGATAN, "isian", "bukan angka; sel itu tidak digabung"),
    KodeMasalah(
        "ANGKA_DITEBAK",
        PERINGATAN,
        "isian",
        "angka dibaca dengan tebakan (pemisah ragu, satuan dibuang, sel berformat persen); "
        "nilainya digabung, periksa",
    ),
    KodeMasalah(
        "TANPA_DATA", PERINGATAN, "isian", "ditulis '-', 'n/a' dan sejenisnya: belum ada data"
    ),
    KodeMasalah("NILAI_NEGATIF", PERINGATAN, "isian", "angka negatif"),
    KodeMasalah("NILAI_JANGGAL", PERINGATAN, "isian", "jauh di atas target atau pagu"),
    KodeMasalah(
        "TEKS_RUMUS", PERINGATAN, "isian", "teks berawalan =, +, - atau @ disimpan sebagai teks"
    ),
    KodeMasalah("RUMUS", PERINGATAN, "isian", "sel berisi rumus; nilai hasilnya yang dipakai"),
    KodeMasalah("KUALITATIF_ANGKA", PERINGATAN, "isian", "angka pada indikator kualitatif"),
    KodeMasalah("IKU_TIDAK_ADA", PERINGATAN, "isian", "Kode IKU tidak ada lagi di sheet Bagian"),
    KodeMasalah(
        "BUKTI_TIDAK_ADA",
        PERINGATAN,
        "isian",
        "indikator Perlu Bukti tanpa data dukung, atau kolom Bukti menyebut berkas yang belum "
        "diterima",
    ),
    # the analysis of step 7: a figure that could not be computed, or looks wrong
    KodeMasalah(
        "POLARITAS_TIDAK_DIKENAL",
        PERINGATAN,
        "analisis",
        "Polaritas bukan Positif, Negatif atau Kualitatif",
    ),
    KodeMasalah("ANGKA_TIDAK_SAH", PERINGATAN, "analisis", "isian bukan angka"),
    KodeMasalah("TARGET_KOSONG", PERINGATAN, "analisis", "Target belum diisi"),
    KodeMasalah("RENTANG_TERBALIK", PERINGATAN, "analisis", "Target Atas lebih kecil dari Target"),
    KodeMasalah(
        "TARGET_NOL_POSITIF",
        PERINGATAN,
        "analisis",
        "Target 0 dengan polaritas Positif: capaian manual",
    ),
    KodeMasalah("TARGET_NEGATIF", PERINGATAN, "analisis", "Target negatif: capaian manual"),
    KodeMasalah(
        "TARGET_NOL_NEGATIF_TERLAMPAUI",
        PERINGATAN,
        "analisis",
        "Target 0 (Negatif) terlampaui: capaian 0%",
    ),
    KodeMasalah(
        "NEGATIF_REALISASI_NOL_TR",
        PERINGATAN,
        "analisis",
        "rumus T/R dengan realisasi 0 atau negatif",
    ),
    KodeMasalah("CAPAIAN_TIDAK_WAJAR", PERINGATAN, "analisis", "capaian tidak terhingga"),
    KodeMasalah(
        "RUMUS_CAPAIAN_TIDAK_SESUAI",
        PERINGATAN,
        "analisis",
        "Rumus Capaian tidak dikenal atau tidak cocok dengan Polaritas",
    ),
    KodeMasalah("SKALA_TIDAK_DIKENAL", PERINGATAN, "analisis", "Skala tidak ada di sheet Skala"),
    KodeMasalah(
        "NILAI_SKALA_TIDAK_DIKENAL",
        PERINGATAN,
        "analisis",
        "Target atau Realisasi tidak ada di skala indikator",
    ),
    KodeMasalah(
        "CAPAIAN_DIBATASI",
        PERINGATAN,
        "analisis",
        "capaian di luar Batas Bawah/Atas Capaian; yang dinilai batasnya",
    ),
    KodeMasalah("PAGU_KOSONG", PERINGATAN, "analisis", "Realisasi Anggaran tanpa Pagu Anggaran"),
    KodeMasalah("ANGGARAN_NEGATIF", PERINGATAN, "analisis", "anggaran negatif"),
    KodeMasalah("SERAPAN_LEBIH_100", PERINGATAN, "analisis", "Realisasi Anggaran melebihi pagu"),
    KodeMasalah(
        "CARA_TAHUNAN_TIDAK_DIKENAL",
        PERINGATAN,
        "analisis",
        "Cara Tahunan bukan Jumlah, Kumulatif, Rata-rata atau Terakhir; dipakai Terakhir",
    ),
)

KODE: dict[str, KodeMasalah] = {k.kode: k for k in _KODE}
"""Every code by name. `KUALITATIF_ANGKA` is both a cell finding of step 6 and an analysis
finding of step 7; it is declared once, as a cell finding."""


def tingkat(kode: str) -> Tingkat:
    """The level of a declared code; an undeclared code is a programming error."""
    return KODE[kode].tingkat
