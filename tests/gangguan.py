"""Fault injection for `test_gangguan.py`: the Nth call of one write point fails or kills.

A write point is `modul:nama` (a function, or `modul:Kelas.metode`); `saring` counts only the
calls with an argument containing that text (a sheet name, a journal line kind, a file name;
for `open`, the path of the file opened).
`modul:open` stands for the `open` a module calls: only opens for writing are counted, and the
fault strikes in the middle of the write (half the bytes are on disk), as a full disk or a
killed process leaves a file.

Faults (`aksi`):
    mati          the process dies (os._exit(9): no cleanup, no finally) before the call
    mati-sesudah  the call completes, then the process dies
    penuh         OSError ENOSPC (no space left on device), as the OS raises it from write()
    hanyabaca     OSError EROFS (read-only file system), as open() raises it
    galat         RuntimeError: an unexpected bug at that point
    putus         smtplib.SMTPServerDisconnected: the mail server drops the connection

The kills run in a child process: `python gangguan.py SASARAN KE SARING AKSI -- <pyxl args>`
patches, then runs `pyxl.cli.main`. This module imports nothing heavy, to start fast.
"""

from __future__ import annotations

import errno
import importlib
import os
import smtplib
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_TIDAK_ADA = object()


@dataclass(frozen=True)
class Titik:
    sasaran: str
    ke: int = 1
    saring: str | None = None

    def argv(self, aksi: str) -> list[str]:
        return [self.sasaran, str(self.ke), self.saring or "", aksi]


def galat(aksi: str, berkas: str | None = None) -> BaseException:
    if aksi == "penuh":
        return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    if aksi == "hanyabaca":
        return OSError(errno.EROFS, os.strerror(errno.EROFS), berkas)
    if aksi == "putus":
        return smtplib.SMTPServerDisconnected("Koneksi ditutup server (uji)")
    return RuntimeError("gangguan uji")


class _Setengah:
    """A file open for writing whose first write stops halfway with the fault."""

    def __init__(self, f: Any, aksi: str) -> None:
        self._f, self._aksi = f, aksi

    def write(self, data: bytes) -> int:
        self._f.write(data[: len(data) // 2])
        self._f.flush()
        if self._aksi.startswith("mati"):
            os._exit(9)
        raise galat(self._aksi)

    def __getattr__(self, nama: str) -> Any:
        return getattr(self._f, nama)

    def __enter__(self) -> _Setengah:
        return self

    def __exit__(self, *exc: object) -> None:
        self._f.close()


def pasang(titik: Titik, aksi: str) -> Callable[[], None]:
    """Patch the write point; returns the function that undoes it."""
    nama_modul, _, jalur = titik.sasaran.partition(":")
    pemilik: Any = importlib.import_module(nama_modul)
    *induk, nama = jalur.split(".")
    for bagian in induk:
        pemilik = getattr(pemilik, bagian)
    lama = pemilik.__dict__.get(nama, _TIDAK_ADA) if hasattr(pemilik, "__dict__") else _TIDAK_ADA
    asli = getattr(pemilik, nama) if nama != "open" else open
    hitung = [0]

    def palsu(*a: Any, **k: Any) -> Any:
        if nama == "open":
            mode = a[1] if len(a) > 1 else k.get("mode", "r")
            if not set(mode) & set("wxa"):
                return asli(*a, **k)
        if titik.saring is not None and not any(
            isinstance(x, str | os.PathLike) and titik.saring in str(x) for x in (*a, *k.values())
        ):
            return asli(*a, **k)
        hitung[0] += 1
        if hitung[0] != titik.ke:
            return asli(*a, **k)
        if nama == "open":
            if aksi == "hanyabaca":
                raise galat(aksi, str(a[0]))
            return _Setengah(asli(*a, **k), aksi)
        if aksi == "mati":
            os._exit(9)
        if aksi == "mati-sesudah":
            hasil = asli(*a, **k)
            os._exit(9)
            return hasil
        raise galat(aksi)

    setattr(pemilik, nama, palsu)

    def lepas() -> None:
        if lama is _TIDAK_ADA:
            delattr(pemilik, nama)
        else:
            setattr(pemilik, nama, lama)

    return lepas


def anak(argv: list[str]) -> int:
    sasaran, ke, saring, aksi, pemisah, *perintah = argv
    assert pemisah == "--"
    pasang(Titik(sasaran, int(ke), saring or None), aksi)
    from pyxl.cli import main

    return main(perintah)


if __name__ == "__main__":
    sys.exit(anak(sys.argv[1:]))
