"""The default organisation: the Bagian of a kabupaten Setda (Permendagri 56/2019 nomenclature).

The list is editable in the workbook's `Bagian` sheet; this is only what `pyxl init` starts with.
"""

from __future__ import annotations

from pyxl.kontrak.model import Bagian

ASISTEN_PEMERINTAHAN = "Asisten Pemerintahan dan Kesejahteraan Rakyat"
ASISTEN_PEREKONOMIAN = "Asisten Perekonomian dan Pembangunan"
ASISTEN_ADMINISTRASI = "Asisten Administrasi Umum"

BAGIAN_BAWAAN: tuple[Bagian, ...] = (
    Bagian("TAPEM", "Bagian Tata Pemerintahan", ASISTEN_PEMERINTAHAN),
    Bagian("KESRA", "Bagian Kesejahteraan Rakyat", ASISTEN_PEMERINTAHAN),
    Bagian("HUKUM", "Bagian Hukum", ASISTEN_PEMERINTAHAN),
    Bagian("EKON", "Bagian Perekonomian dan Sumber Daya Alam", ASISTEN_PEREKONOMIAN),
    Bagian("ADPEM", "Bagian Administrasi Pembangunan", ASISTEN_PEREKONOMIAN),
    Bagian("PBJ", "Bagian Pengadaan Barang dan Jasa", ASISTEN_PEREKONOMIAN),
    Bagian("UMUM", "Bagian Umum", ASISTEN_ADMINISTRASI),
    Bagian("ORG", "Bagian Organisasi", ASISTEN_ADMINISTRASI),
    Bagian("PROKOPIM", "Bagian Protokol dan Komunikasi Pimpinan", ASISTEN_ADMINISTRASI),
    Bagian("RENKEU", "Bagian Perencanaan dan Keuangan", ASISTEN_ADMINISTRASI),
)
"""The ten Bagian, in the order of the Setda's organisation chart."""

BAGIAN_PEMILIK_SOP = "RENKEU"
