"""The steps: one module per SOP step or tool command, none importing another.

Each module has `jalankan(ktx, **opsi) -> Hasil` (`kirim` also `ingatkan`, the reminders): a
recipe of calls into the layers below (`pasang`, `jalan`, `bangun`, `dokumen`, `surat`,
`surel`, `masuk`, `buku`, `berkas`, `inti`, `kontrak`) that takes what it needs from `Konteks`
and reports a `Hasil`; it never imports another step. `LANGKAH` registers them by command
name; `jalankan(nama, ...)` runs one through the runner (`pyxl.jalan.proses`), which logs,
saves and recovers. A step module is imported only when its command runs: every button click
is a fresh Python, and importing all of them would cost each click a quarter of a second.

A new step: a module here with `jalankan`, a row in `pyxl.kontrak.perintah` (command, button,
VBA Sub), a line in `LANGKAH`, and the CLI's options in `pyxl.cli`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pyxl.jalan.konteks import Hasil, Konteks
from pyxl.jalan.proses import jalankan as _jalankan

Langkah = Callable[..., Hasil]


def _disposisi(ktx: Konteks, **opsi: Any) -> Hasil:
    from pyxl.langkah import disposisi

    return disposisi.jalankan(ktx, **opsi)


def _format(ktx: Konteks, **opsi: Any) -> Hasil:
    from pyxl.langkah import format

    return format.jalankan(ktx, **opsi)


def _kirim(ktx: Konteks, **opsi: Any) -> Hasil:
    from pyxl.langkah import kirim

    return kirim.jalankan(ktx, **opsi)


def _undangan(ktx: Konteks, **opsi: Any) -> Hasil:
    from pyxl.langkah import undangan

    return undangan.jalankan(ktx, **opsi)


def _rapat(ktx: Konteks, **opsi: Any) -> Hasil:
    from pyxl.langkah import rapat

    return rapat.jalankan(ktx, **opsi)


def _himpun(ktx: Konteks, **opsi: Any) -> Hasil:
    from pyxl.langkah import himpun

    return himpun.jalankan(ktx, **opsi)


def _analisis(ktx: Konteks, **opsi: Any) -> Hasil:
    from pyxl.langkah import analisis

    return analisis.jalankan(ktx, **opsi)


def _dokumen(ktx: Konteks, **opsi: Any) -> Hasil:
    from pyxl.langkah import dokumen

    return dokumen.jalankan(ktx, **opsi)


def _setujui(ktx: Konteks, **opsi: Any) -> Hasil:
    from pyxl.langkah import setujui

    return setujui.jalankan(ktx, **opsi)


def _pengantar(ktx: Konteks, **opsi: Any) -> Hasil:
    from pyxl.langkah import pengantar

    return pengantar.jalankan(ktx, **opsi)


def _arsip(ktx: Konteks, **opsi: Any) -> Hasil:
    from pyxl.langkah import arsip

    return arsip.jalankan(ktx, **opsi)


def _ingatkan(ktx: Konteks, **opsi: Any) -> Hasil:
    from pyxl.langkah import kirim

    return kirim.ingatkan(ktx, **opsi)


def _status(ktx: Konteks, **opsi: Any) -> Hasil:
    from pyxl.langkah import status

    return status.jalankan(ktx, **opsi)


def _cek(ktx: Konteks, **opsi: Any) -> Hasil:
    from pyxl.langkah import cek

    return cek.jalankan(ktx, **opsi)


def _bagian_tambah(ktx: Konteks, **opsi: Any) -> Hasil:
    from pyxl.langkah import bagian

    return bagian.tambah(ktx, **opsi)


def _bagian_ubah(ktx: Konteks, **opsi: Any) -> Hasil:
    from pyxl.langkah import bagian

    return bagian.ubah(ktx, **opsi)


def _bagian_hapus(ktx: Konteks, **opsi: Any) -> Hasil:
    from pyxl.langkah import bagian

    return bagian.hapus(ktx, **opsi)


def _laporan(ktx: Konteks, **opsi: Any) -> Hasil:
    from pyxl.langkah import laporan

    return laporan.jalankan(ktx, **opsi)


def _tahun_baru(ktx: Konteks, **opsi: Any) -> Hasil:
    from pyxl.langkah import tahun_baru

    return tahun_baru.jalankan(ktx, **opsi)


LANGKAH: dict[str, Langkah] = {
    "disposisi": _disposisi,
    "format": _format,
    "kirim": _kirim,
    "undangan": _undangan,
    "rapat": _rapat,
    "himpun": _himpun,
    "analisis": _analisis,
    "dokumen": _dokumen,
    "setujui": _setujui,
    "pengantar": _pengantar,
    "arsip": _arsip,
    "ingatkan": _ingatkan,
    "status": _status,
    "cek": _cek,
    "bagian_tambah": _bagian_tambah,
    "bagian_ubah": _bagian_ubah,
    "bagian_hapus": _bagian_hapus,
    "laporan": _laporan,
    "tahun_baru": _tahun_baru,
}
"""Every command of `pyxl.kontrak.perintah` with its step's core function (the button
`himpun_ulang` runs `himpun` with `ulang=True`)."""


def jalankan(nama: str, ktx: Konteks, /, **opsi: Any) -> Hasil:
    """Run command `nama` on `ktx` (the same path for a button and for a command)."""
    return _jalankan(nama, LANGKAH[nama], ktx, **opsi)
