"""Findings: problems found in data, as data (never exceptions), one row of `Validasi` each.

A received file (step 6) and the analysis (step 7) both report with `Temuan`; its code is
one of `pyxl.kontrak.masalah.KODE`, whose level (`Blokir` or `Peringatan`) it carries. Every
message is Indonesian, names the cell where there is one, and says what to do.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, replace

from pyxl.kontrak.masalah import BLOKIR, KODE, PERINGATAN


@dataclass(frozen=True)
class Temuan:
    tingkat: str
    kode: str
    pesan: str
    sel: str = ""
    """The cell, as staff find it ('J9' in a returned file)."""
    kode_bagian: str = ""
    berkas: str = ""
    kode_iku: str = ""
    kolom: str = ""
    """The column the finding is about (analysis)."""
    indeks: Hashable = None
    """The analysed row's index label (the Bagian sheet's row number, as step 7 indexes it)."""

    def __post_init__(self) -> None:
        if self.kode not in KODE:  # a new code must be declared (and documented) first
            raise ValueError(f"Kode masalah {self.kode} tidak terdaftar di pyxl.kontrak.masalah")

    def baris_validasi(self) -> dict[str, str]:
        """The finding as a row of the `Validasi` sheet."""
        return {
            "Tingkat": self.tingkat,
            "Kode Masalah": self.kode,
            "Kode Bagian": self.kode_bagian,
            "Berkas": self.berkas,
            "Sel": self.sel,
            "Pesan": self.pesan,
        }


def blokir(kode: str, pesan: str, sel: str = "") -> Temuan:
    return Temuan(BLOKIR, kode, pesan, sel)


def peringatan(kode: str, pesan: str, sel: str = "") -> Temuan:
    return Temuan(PERINGATAN, kode, pesan, sel)


def ditolak(temuan: Iterable[Temuan]) -> bool:
    """Whether any finding rejects the file."""
    return any(t.tingkat == BLOKIR for t in temuan)


def untuk(temuan: Iterable[Temuan], kode_bagian: str, berkas: str) -> list[Temuan]:
    """The findings of one received file, with its Bagian (unless a finding names its own)."""
    return [replace(t, kode_bagian=t.kode_bagian or kode_bagian, berkas=berkas) for t in temuan]
