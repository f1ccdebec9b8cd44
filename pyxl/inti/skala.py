"""Ordered qualitative scales: SAKIP grades, audit opinions, rankings, Ya/Tidak (no I/O).

A `Kualitatif` indicator that names a scale (column `Skala` of its Bagian sheet) is measured on
it: a realisation at or above the target on the scale is achieved (100 %); below it, the scale's
rule decides — `Proporsional` gives the ratio of the two ranks counted from the bottom
(B against BB on the seven SAKIP grades: 4/5 = 80 %), `Nol` gives 0 % (Tidak against Ya). The
scales live in the master's sheet `Skala` (one row per value, best first), where staff add
their own; `BAWAAN` are the ones a new master starts with.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

PROPORSIONAL, NOL = "Proporsional", "Nol"
ATURAN = (PROPORSIONAL, NOL)
"""The rules below the target (column `Di Bawah Target`); empty means Proporsional."""


def normal(teks: object) -> str:
    """A value as compared: case, spaces and dots ignored ("W T P", "wtp", "W.T.P")."""
    return re.sub(r"[\s.]+", "", str(teks if teks is not None else "")).casefold()


@dataclass(frozen=True)
class SkalaUrut:
    """One scale: `nilai` best first, `sebutan` other spellings of each value."""

    nama: str
    nilai: tuple[str, ...]
    sebutan: tuple[tuple[str, ...], ...] = ()
    di_bawah: str = PROPORSIONAL

    def posisi(self, teks: object) -> int | None:
        """0 for the best value; None when `teks` is not on the scale."""
        return self._indeks.get(normal(teks))

    @property
    def _indeks(self) -> dict[str, int]:
        indeks: dict[str, int] = {}
        for i, v in enumerate(self.nilai):
            indeks.setdefault(normal(v), i)
            for s in self.sebutan[i] if i < len(self.sebutan) else ():
                indeks.setdefault(normal(s), i)
        return indeks

    def capaian(self, realisasi: object, target: object) -> float | None:
        """Capaian (%) of `realisasi` against `target`; None when either is not on the scale."""
        r, t = self.posisi(realisasi), self.posisi(target)
        if r is None or t is None:
            return None
        if r <= t:
            return 100.0
        if self.di_bawah == NOL:
            return 0.0
        n = len(self.nilai)
        return (n - r) / (n - t) * 100

    @property
    def aturan(self) -> str:
        """The rule as shown in `Analisis` (column `Rumus Capaian`)."""
        return f"Skala {self.nama} ({self.di_bawah.lower()})"

    def daftar(self) -> str:
        """The values for a message: "AA, A, BB, B, CC, C, D"."""
        return ", ".join(self.nilai)


def _skala(
    nama: str, nilai: Sequence[str], sebutan: Sequence[str] = (), aturan: str = ""
) -> SkalaUrut:
    """A scale from its values, each value's other spellings as "a;b", and its rule."""
    lain = tuple(tuple(s.strip() for s in x.split(";") if s.strip()) for x in sebutan)
    lain += ((),) * (len(nilai) - len(lain))
    return SkalaUrut(nama, tuple(nilai), lain, aturan or PROPORSIONAL)


BAWAAN: tuple[SkalaUrut, ...] = (
    _skala("Predikat SAKIP", ("AA", "A", "BB", "B", "CC", "C", "D")),
    _skala(
        "Opini BPK",
        ("WTP", "WDP", "TW", "TMP"),
        (
            "Wajar Tanpa Pengecualian",
            "Wajar Dengan Pengecualian",
            "Tidak Wajar",
            "Tidak Memberikan Pendapat;Disclaimer",
        ),
    ),
    _skala(
        "Ya/Tidak",
        ("Ya", "Tidak"),
        (
            "Tercapai;Ada;Sudah;Terlaksana;Tersedia;Selesai",
            "Tidak Tercapai;Belum;Tidak Ada;Belum Tercapai;Tidak Terlaksana;Belum Tersedia;"
            "Belum Selesai",
        ),
        NOL,
    ),
    _skala(
        "Kepatuhan Pelayanan Publik",
        ("Zona Hijau", "Zona Kuning", "Zona Merah"),
        ("Kepatuhan Tinggi;Hijau", "Kepatuhan Sedang;Kuning", "Kepatuhan Rendah;Merah"),
    ),
    _skala("Peringkat 1-10", tuple(str(i) for i in range(1, 11))),
)
"""The scales of a new master: SAKIP and RB grades (PermenPANRB 88/2021), BPK opinions
(UU 15/2004), Ya/Tidak, the Ombudsman's compliance zones, ranks 1–10 (1 is best)."""


def sebagai_baris(skala: Iterable[SkalaUrut]) -> list[dict[str, object]]:
    """Rows of the `Skala` sheet for these scales."""
    baris: list[dict[str, object]] = []
    for s in skala:
        for i, v in enumerate(s.nilai):
            sebut = s.sebutan[i] if i < len(s.sebutan) else ()
            baris.append(
                {
                    "Skala": s.nama,
                    "Nilai": v,
                    "Sebutan Lain": "; ".join(sebut),
                    "Di Bawah Target": s.di_bawah if i == 0 else "",
                }
            )
    return baris


def dari_baris(rows: Iterable[Mapping[str, object]]) -> tuple[dict[str, SkalaUrut], list[str]]:
    """The scales of the `Skala` sheet by `normal` name, and a message per unusable row
    (a value twice on one scale, an unknown rule); rows without a scale name are skipped."""
    nilai: dict[str, list[str]] = {}
    sebutan: dict[str, list[str]] = {}
    aturan: dict[str, str] = {}
    nama: dict[str, str] = {}
    galat: list[str] = []
    for r in rows:
        s, v = _teks(r.get("Skala")), _teks(r.get("Nilai"))
        baris = r.get("_baris", "?")
        if not s or not v:
            continue
        k = normal(s)
        nama.setdefault(k, s)
        if normal(v) in {normal(x) for x in nilai.get(k, [])}:
            galat.append(f"sheet Skala baris {baris}: nilai '{v}' ada dua kali di skala '{s}'")
            continue
        nilai.setdefault(k, []).append(v)
        sebutan.setdefault(k, []).append(_teks(r.get("Sebutan Lain")))
        a = _teks(r.get("Di Bawah Target"))
        if a:
            cocok = [x for x in ATURAN if normal(x) == normal(a)]
            if not cocok:
                galat.append(
                    f"sheet Skala baris {baris}: Di Bawah Target '{a}' tidak dikenal; pilih "
                    f"{' atau '.join(ATURAN)}"
                )
            else:
                aturan.setdefault(k, cocok[0])
    hasil = {
        k: _skala(nama[k], v, sebutan[k], aturan.get(k, PROPORSIONAL)) for k, v in nilai.items()
    }
    return hasil, galat


def _teks(v: object) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()
