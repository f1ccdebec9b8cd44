"""The `Status` values of the ledgers, declared once (staff filter on them; never renamed).

The step status shown on `Kendali` is `pyxl.kontrak.kendali`'s vocabulary.
"""

from __future__ import annotations

# Penerimaan: one row per received file.
DITERIMA = "Diterima"
DITOLAK = "Ditolak"
DUPLIKAT = "Duplikat"
MENGGANTIKAN = "Menggantikan"
USANG = "Usang"
"""Accepted, but older (by the Bagian's own saved time) than the return in use: not merged."""
STATUS_PENERIMAAN = (DITERIMA, DITOLAK, DUPLIKAT, MENGGANTIKAN, USANG)
DIGABUNG = (DITERIMA, MENGGANTIKAN)
"""A return accepted and merged: the Bagian has answered."""

# Format Terbit: one row per issued format.
BERLAKU = "Berlaku"
DIGANTI = "Diganti"
"""A later issue changed the locked content the Bagian was sent."""

# Pengiriman: one row per e-mail made.
DRAF = "Draf"
TERKIRIM = "Terkirim"
GAGAL = "Gagal"

# Register Surat: one row per letter number.
DICADANGKAN = "Dicadangkan"
"""Reserved and saved; its document is being written (or the run died)."""
TERBIT = "Terbit"
BATAL = "Batal"
"""The document failed; the number is never used again."""

# Dokumen: one row per Dokumen IKU version.
KONSEP = "KONSEP"
FINAL = "FINAL"
