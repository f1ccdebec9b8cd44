"""The built-in sample: Sekretariat Daerah Kabupaten Way Kanan, IKU / Perjanjian Kinerja 2026.

The data is `setda_way_kanan.toml` beside this module (officials, the heads of the ten Bagian,
43 indicators with the values each Bagian returns, and a table of the analysis cases they
cover); this module only reads it. `pyxl init --contoh` writes the indicators through
`tanpa_isian` (before any Bagian has answered); `pyxl demo` simulates each Bagian's return
with the values given there.
"""

from __future__ import annotations

import dataclasses
import functools
import tomllib
from pathlib import Path
from typing import Any

from pyxl.kontrak.model import Bagian, Indikator
from pyxl.kontrak.setda import BAGIAN_BAWAAN

BERKAS = Path(__file__).resolve().parent / "setda_way_kanan.toml"


@functools.cache
def _data() -> dict[str, Any]:
    with open(BERKAS, "rb") as f:
        return tomllib.load(f)


TAHUN_CONTOH: int = _data()["tahun"]
"""The year of the sample Perjanjian Kinerja."""

DOMAIN_EMAIL_CONTOH: str = _data()["domain_email"]
"""A reserved domain that never delivers."""


def bagian_contoh() -> list[Bagian]:
    """The ten default Bagian (same order, codes and names as `BAGIAN_BAWAAN`) with heads."""
    kepala = {b["kode"]: b for b in _data()["bagian"]}
    return [
        dataclasses.replace(
            b,
            kepala=kepala[b.kode]["kepala"],
            nip=kepala[b.kode]["nip"],
            pangkat=kepala[b.kode]["pangkat"],
            email=f"{b.kode.lower()}@{DOMAIN_EMAIL_CONTOH}",
        )
        for b in BAGIAN_BAWAAN
    ]


def pejabat_contoh() -> dict[str, str]:
    """Fictional officials for the `Pengaturan` sheet (signature blocks, letters, invitations)."""
    return dict(_data()["pejabat"])


def profil_contoh() -> dict[str, str]:
    """Settings of the organisation profile (Bab I of the Dokumen IKU): its strategic issues."""
    return dict(_data()["profil"])


def iku_setda_contoh() -> list[list[str]]:
    """Rows of sheet `IKU Setda`: the Setda's IKU and the Bagian indicators measuring each."""
    return [[r["kode"], r["sasaran"], r["indikator"], r["bagian"]] for r in _data()["iku_setda"]]


def naratif_contoh() -> list[dict[str, str]]:
    """Rows of sheet `Analisis Naratif` staff would write for a few indicators after step 7."""
    kolom = {"kode_bagian": "Kode Bagian", "kode_iku": "Kode IKU", "penyebab": "Penyebab"}
    kolom["solusi"] = "Solusi/Upaya"
    return [{kolom[k]: v for k, v in r.items()} for r in _data()["naratif"]]


def indikator_contoh() -> dict[str, list[Indikator]]:
    """Kode Bagian -> its sample IKU rows, with the values each Bagian returns (fresh copies)."""
    hasil: dict[str, list[Indikator]] = {b.kode: [] for b in BAGIAN_BAWAAN}
    for baris in _data()["indikator"]:
        isi = dict(baris)
        hasil[isi.pop("kode_bagian")].append(Indikator(**isi))
    return hasil


def tanpa_isian(rows: list[Indikator]) -> list[Indikator]:
    """Copies of `rows` with the Bagian's input cleared: what `init --contoh` writes."""
    return [
        dataclasses.replace(row, realisasi=None, realisasi_anggaran=None, keterangan="", bukti="")
        for row in rows
    ]
