"""The year from its quarters, the target of a quarter, and an indicator's trend.

Pure arithmetic on the vocabulary of `pyxl.kontrak.periode`; every figure comes with the
Indonesian note that says how it was made (the analysis and the quarterly report print it).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from pyxl.kontrak.periode import JUMLAH, KUMULATIF, RATA_RATA, TERAKHIR, TW

Nilai = float | str | None
"""A quarter's realisation: a number, a text value (a grade), or None (not reported)."""


@dataclass(frozen=True)
class Tahunan:
    """The year's realisation made from the quarters reported so far."""

    nilai: Nilai
    tw: tuple[int, ...]
    """The quarters (1–4) it is made from."""
    catatan: str

    @property
    def lengkap(self) -> bool:
        """All four quarters reported (else the figure is provisional)."""
        return len(self.tw) == 4


def _daftar_tw(tw: Sequence[int]) -> str:
    if len(tw) > 2 and list(tw) == list(range(tw[0], tw[-1] + 1)):
        return f"{TW[tw[0] - 1]}–{TW[tw[-1] - 1].removeprefix('TW ')}"
    return ", ".join(TW[n - 1] for n in tw)


def _angka(v: Nilai) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


def realisasi_tahunan(per_tw: Sequence[Nilai], cara: str) -> Tahunan:
    """The year's realisation from the four quarters' values (`per_tw[0]` is TW I; None where
    not reported) by `cara`. Sum and mean need numbers: a text value gives no figure and a
    note saying which quarter holds it."""
    if len(per_tw) != 4:
        raise ValueError("empat nilai triwulan diperlukan")
    ada = [(i + 1, v) for i, v in enumerate(per_tw) if v is not None and v != ""]
    if not ada:
        return Tahunan(None, (), "belum ada realisasi triwulan")
    tw = tuple(n for n, _ in ada)
    kurang = [n for n in range(1, 5) if n not in tw]
    sisa = f" ({_daftar_tw(kurang)} belum ada)" if kurang else ""
    if cara in (KUMULATIF, TERAKHIR):
        n, v = ada[-1]
        arti = "s.d." if cara == KUMULATIF else "nilai terakhir,"
        return Tahunan(v, tw, f"{arti} {TW[n - 1]}{sisa}")
    bukan = [n for n, v in ada if not _angka(v)]
    if bukan:
        return Tahunan(
            None,
            tw,
            f"{_daftar_tw(bukan)} bukan angka: tidak dapat di{cara.lower()}kan; ubah Cara "
            f"Tahunan menjadi {TERAKHIR} atau isi angka",
        )
    angka = [float(v) for _, v in ada]
    if cara == JUMLAH:
        return Tahunan(math.fsum(angka), tw, f"jumlah {_daftar_tw(tw)}{sisa}")
    if cara == RATA_RATA:
        return Tahunan(math.fsum(angka) / len(angka), tw, f"rata-rata {_daftar_tw(tw)}{sisa}")
    raise ValueError(f"cara tahunan tidak dikenal: {cara}")


def target_tw(
    target_tahun: float | None, cara: str, tw: int, target_sendiri: float | None = None
) -> tuple[float | None, str]:
    """The target a quarter's figure is measured against, and how it was set: the quarter's
    own target when the Bagian sheet gives one, else the yearly target pro-rated (a quarter's
    share of a sum, the year-to-date share of a cumulative one, the level itself for a mean
    or a last value)."""
    if target_sendiri is not None:
        return target_sendiri, f"target {TW[tw - 1]}"
    if target_tahun is None:
        return None, "tanpa target"
    if cara == JUMLAH:
        return target_tahun / 4, f"1/4 target tahunan (prorata {TW[tw - 1]})"
    if cara == KUMULATIF:
        return target_tahun * tw / 4, f"{tw}/4 target tahunan (prorata s.d. {TW[tw - 1]})"
    return target_tahun, "target tahunan"


DARI_TRIWULAN = "dari triwulan"
"""What `Status Data` of a yearly figure made from the quarters says (then how)."""


def kunci(kode_bagian: str, kode_iku: str) -> tuple[str, str]:
    """How an indicator's quarters are found (sheet `Triwulan`, evidence): its Bagian code
    and Kode IKU compared ignoring case and surrounding spaces."""
    return kode_bagian.strip().upper(), kode_iku.strip().upper()


NAIK, TURUN, TETAP = "naik", "turun", "tetap"


def tren(capaian: Sequence[float | None], toleransi: float = 0.5) -> str:
    """The direction of an indicator's capaian between its last two reported quarters (within
    `toleransi` percentage points: `tetap`); "" with fewer than two."""
    ada = [c for c in capaian if c is not None and math.isfinite(c)]
    if len(ada) < 2:
        return ""
    beda = ada[-1] - ada[-2]
    if abs(beda) <= toleransi:
        return TETAP
    return NAIK if beda > 0 else TURUN
