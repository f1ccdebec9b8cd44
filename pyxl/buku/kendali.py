"""Writing the `Kendali` sheet: a step's status cells and the per-Bagian status table
(the layout is `pyxl.kontrak.kendali`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pyxl.buku.port import Buku
from pyxl.kontrak import skema
from pyxl.kontrak.kendali import BARIS_BAGIAN_1, KOLOM_STATUS, baris_langkah


def tandai_langkah(
    buku: Buku,
    no: int,
    status: str,
    mulai: datetime,
    selesai: datetime,
    durasi_menit: float,
    keterangan: str,
) -> None:
    """Write a step's status cells (one block: Status .. Keterangan)."""
    nilai: list[Any] = [status, mulai, selesai, round(durasi_menit, 2), keterangan]
    buku.tulis(
        skema.KENDALI,
        baris_langkah(no),
        KOLOM_STATUS,
        [nilai],
        [None, "dd/mm/yyyy hh:mm", "dd/mm/yyyy hh:mm", "0.0", None],
    )


def tulis_status_bagian(buku: Buku, rows: list[list[Any]]) -> None:
    buku.kosongkan(skema.KENDALI, BARIS_BAGIAN_1)
    if rows:
        buku.tulis(skema.KENDALI, BARIS_BAGIAN_1, 1, rows)
