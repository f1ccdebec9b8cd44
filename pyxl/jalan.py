"""Running one step: the same path for a button and for a command.

`jalankan` checks the workbook, runs the step's core function, logs the step in `Log SOP`,
updates `Kendali`, and saves. If the workbook cannot be saved, the files the step wrote are
removed again, so a failed run leaves nothing half-done.
"""

from __future__ import annotations

import contextlib
import getpass
import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pyxl import kendali, skema, sop
from pyxl.buku import Buku, baca_tabel, tambah_baris, wajib_sheet
from pyxl.pengaturan import Pengaturan
from pyxl.perintah import PER_NAMA
from pyxl.umpan import Umpan


@dataclass
class Konteks:
    """What a step gets: the workbook, a way to talk to the user, who runs it, a clock."""

    buku: Buku
    umpan: Umpan
    pengguna: str = field(default_factory=lambda: pengguna_sekarang())
    jam: Callable[[], datetime] = datetime.now

    def pengaturan(self) -> Pengaturan:
        rows = baca_tabel(self.buku, skema.PENGATURAN)
        return Pengaturan({str(r["Kunci"]).strip(): r["Nilai"] for r in rows if r["Kunci"]})


@dataclass
class Hasil:
    """What a step reports back."""

    ringkasan: str
    berkas: list[Path] = field(default_factory=list)
    """Files written by this run (removed again if the workbook cannot be saved)."""
    ubah_buku: bool = True
    """False for read-only steps: no log line, no save."""
    langkah: tuple[int, ...] | None = None
    """SOP steps to log; None = every step the command serves (e.g. 8 and 9 for dokumen)."""
    gagal: bool = False
    """A check step found a failure (the CLI exits 1)."""


def pengguna_sekarang() -> str:
    for var in ("PYXL_PENGGUNA", "USERNAME", "USER"):
        if os.environ.get(var):
            return os.environ[var]
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "tidak diketahui"


def fungsi_langkah(nama: str) -> Callable[..., Hasil]:
    """The core function of a command: `pyxl.langkah_<nama>.jalankan` (imported lazily)."""
    modul = importlib.import_module(f"pyxl.langkah_{nama}")
    fungsi: Callable[..., Hasil] = modul.jalankan
    return fungsi


def jalankan(nama: str, ktx: Konteks, **opsi: Any) -> Hasil:
    perintah = PER_NAMA[nama]
    if nama != "cek":  # the check reports missing sheets itself
        wajib_sheet(ktx.buku, *skema.SHEET_WAJIB)
    mulai = ktx.jam()
    ktx.umpan.status(f"{perintah.judul}: berjalan …")
    hasil = fungsi_langkah(nama)(ktx, **opsi)
    if hasil.ubah_buku:
        try:
            for ls in sop.LANGKAH:
                if ls.perintah == nama and (hasil.langkah is None or ls.no in hasil.langkah):
                    catat_langkah(ktx, ls.no, mulai, hasil.ringkasan)
            ktx.buku.simpan()
        except BaseException:
            for f in hasil.berkas:
                with contextlib.suppress(OSError):
                    f.unlink()
            raise
    (ktx.umpan.galat if hasil.gagal else ktx.umpan.info)(hasil.ringkasan)
    return hasil


def catat_langkah(ktx: Konteks, no: int, mulai: datetime, ringkasan: str) -> None:
    """One row in `Log SOP` and the step's status on `Kendali`."""
    ls = sop.langkah(no)
    selesai = ktx.jam()
    durasi = (selesai - mulai).total_seconds() / 60
    sesuai = durasi <= ls.waktu_baku_menit
    tambah_baris(
        ktx.buku,
        skema.LOG_SOP,
        skema.KOLOM_LOG,
        [
            {
                "Langkah": no,
                "Uraian": ls.uraian,
                "Oleh": ktx.pengguna,
                "Mulai": mulai,
                "Selesai": selesai,
                "Durasi (menit)": round(durasi, 2),
                "Waktu Baku": ls.waktu_baku_menit,
                "Sesuai Waktu Baku": "Ya" if sesuai else "Tidak",
                "Hasil": ringkasan,
            }
        ],
    )
    status = kendali.SELESAI if sesuai else kendali.LEWAT_WAKTU
    kendali.tandai_langkah(ktx.buku, no, status, mulai, selesai, durasi, ringkasan)
