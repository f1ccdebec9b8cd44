"""The domain as plain data: Bagian, indicators, settings and the SOP's steps.

Nothing here touches a file or Excel; every step of the product reads and writes these shapes
through the workbook port (`pyxl.buku.port`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Polaritas = Literal["Positif", "Negatif", "Kualitatif"]
POLARITAS: tuple[Polaritas, ...] = ("Positif", "Negatif", "Kualitatif")

Nilai = float | str | None
"""A cell value as the core sees it: a number, a text, or empty."""


@dataclass(frozen=True)
class Bagian:
    """One Bagian of the Setda; `kode` names its sheet (short, safe for Excel sheet names)."""

    kode: str
    nama: str
    asisten: str
    kepala: str = ""
    nip: str = ""
    pangkat: str = ""
    email: str = ""


@dataclass
class Indikator:
    """One row of a Bagian's sheet, in the contract's column order.

    `target` and `realisasi` are text for `Kualitatif` indicators; `target_atas` filled means
    the target is the range [target, target_atas]. Empty stays None, never 0.
    """

    kode_iku: str
    sasaran: str
    indikator: str
    definisi: str
    formula: str
    satuan: str
    polaritas: Polaritas
    target: Nilai
    target_atas: float | None = None
    realisasi: Nilai = None
    realisasi_lalu: Nilai = None
    target_renstra: Nilai = None
    pagu: float | None = None
    realisasi_anggaran: float | None = None
    sumber_data: str = ""
    penanggung_jawab: str = ""
    keterangan: str = ""
    rumus_capaian: str = ""
    """Empty: R/T for Positif, the setting "Rumus Polaritas Negatif" for Negatif."""
    skala: str = ""
    """For Kualitatif: the ordered scale (sheet `Skala`) target and realisation are on."""
    cara_tahunan: str = ""
    """How the quarters make the year (`pyxl.kontrak.periode.CARA_TAHUNAN`; empty: Terakhir)."""
    perlu_bukti: str = ""
    """`Ya`: every realisation of this indicator needs supporting evidence."""
    bukti: str = ""
    """The evidence files the Bagian named with its yearly realisation (";")."""


@dataclass(frozen=True)
class Setting:
    """One row of `Pengaturan`: a key staff can change, its default and what it means."""

    kunci: str
    bawaan: str
    keterangan: str
    kelompok: str = "Umum"


@dataclass(frozen=True)
class LangkahSop:
    """One of the 13 steps of the SOP with its standard time (Mutu Baku Waktu) and output."""

    no: int
    uraian: str
    pelaksana: str
    kelengkapan: str
    waktu_baku_menit: int
    waktu_baku_teks: str
    output: str
    perintah: str | None = None
    """The `pyxl` command that does this step, when software can do it."""


@dataclass
class Disposisi:
    """The order that starts the SOP (step 1)."""

    tanggal: str
    dari: str
    kepada: str
    isi: str
    sifat: str = "Segera"
    nomor_agenda: str = ""
    catatan: list[str] = field(default_factory=list)
