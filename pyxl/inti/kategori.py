"""The rating scale of capaian (the five categories and their lower bounds) and the settings
that shape it, read from `Pengaturan`.

Kept apart from the analysis (`pyxl.inti.capaian`, which needs pandas): the documents and
the quarterly report name categories, and importing pandas would cost them a fifth of a
second on every click.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pyxl.galat import IsianError
from pyxl.inti.angka import BUKAN, baca, baca_angka
from pyxl.kontrak.pengaturan import Pengaturan

if TYPE_CHECKING:
    import numpy as np

LABEL_BAWAAN = ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah")
LABEL_ALTERNATIF = ("Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang")
KUNCI_BATAS = ("Batas Sangat Tinggi", "Batas Tinggi", "Batas Sedang", "Batas Rendah")


@dataclass(frozen=True)
class Skala:
    """The rating scale: `batas` are the lower bounds (%) of the first four labels, decreasing."""

    batas: tuple[float, float, float, float] = (91, 76, 66, 51)
    label: tuple[str, str, str, str, str] = LABEL_BAWAAN

    def __post_init__(self) -> None:
        b = self.batas
        if len(b) != 4 or len(self.label) != 5 or not all(math.isfinite(x) for x in b):
            raise ValueError(f"Skala tidak sah: {b!r}, {self.label!r}")
        if not b[0] > b[1] > b[2] > b[3]:
            raise ValueError(f"Batas kategori harus menurun tegas: {b!r}")

    def kategori(self, capaian: Iterable[float] | np.ndarray) -> np.ndarray:
        """The label of each capaian (unrounded: 90.996 is not 91), None where it is missing."""
        import numpy as np

        c = np.asarray(capaian, dtype=float).reshape(-1)
        hasil = np.array(self.label, dtype=object)[(c[:, None] < np.array(self.batas)).sum(1)]
        hasil[np.isnan(c)] = None
        return hasil

    def label_dari(self, capaian: float | None) -> str | None:
        """`kategori` of one capaian, without numpy (a document names a few)."""
        if capaian is None or math.isnan(capaian):
            return None
        return self.label[sum(capaian < b for b in self.batas)]


def skala_dari_pengaturan(peng: Pengaturan) -> Skala:
    """The scale from the `Pengaturan` sheet; an unusable value is an IsianError naming it."""
    batas: list[float] = []
    for i, kunci in enumerate(KUNCI_BATAS):
        x = baca_angka(peng[kunci])
        if x is None or math.isnan(x):
            raise IsianError(
                f"Pengaturan '{kunci}' berisi '{peng[kunci]}': harus angka persen, misalnya "
                f"{Skala().batas[i]:g}. Perbaiki di sheet Pengaturan."
            )
        if batas and x >= batas[-1]:
            raise IsianError(
                f"Pengaturan '{kunci}' ({x:g}) harus lebih kecil dari '{KUNCI_BATAS[i - 1]}' "
                f"({batas[-1]:g}): batas kategori harus menurun. Perbaiki di sheet Pengaturan."
            )
        batas.append(x)
    pilihan = {"bawaan": LABEL_BAWAAN, "alternatif": LABEL_ALTERNATIF}
    label = pilihan.get(peng["Label Kategori"].strip().casefold())
    if label is None:
        raise IsianError(
            f"Pengaturan 'Label Kategori' berisi '{peng['Label Kategori']}': pilih Bawaan atau "
            "Alternatif. Perbaiki di sheet Pengaturan."
        )
    return Skala((batas[0], batas[1], batas[2], batas[3]), label)


def batas_dari_pengaturan(peng: Pengaturan) -> tuple[float | None, float | None]:
    """(floor, cap) of the capaian used for categories and averages; empty is no bound."""
    hasil: list[float | None] = []
    for kunci in ("Batas Bawah Capaian", "Batas Atas Capaian"):
        teks = peng[kunci]
        if teks.strip().casefold() in ("tanpa", "tanpa batas", "tidak ada"):
            hasil.append(None)
            continue
        b = baca(teks)
        if b.jenis == BUKAN:
            raise IsianError(
                f"Pengaturan '{kunci}' berisi '{teks}': isi angka persen (misalnya 0 atau 120) "
                f"atau 'tanpa' untuk tanpa batas. Perbaiki di {peng.lokasi(kunci)}."
            )
        hasil.append(b.nilai)
    bawah, atas = hasil
    if bawah is not None and atas is not None and atas <= bawah:
        raise IsianError(
            f"Pengaturan 'Batas Atas Capaian' ({atas:g}) harus lebih besar dari 'Batas Bawah "
            f"Capaian' ({bawah:g}). Perbaiki di sheet Pengaturan."
        )
    return bawah, atas
