"""One pyxl run at a time per working folder, and no write while Excel holds the workbook.

An OS file lock (released by the OS if the process dies) guards the master workbook and the
letter register: two runs at once cannot both write, and cannot both take a letter number.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from pyxl.galat import BukuTerkunci

NAMA_KUNCI = ".pyxl.lock"


def _kunci_os(fd: int) -> bool:
    """Try to take an exclusive lock on an open file; False when another process has it."""
    try:
        if os.name == "nt":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


@contextlib.contextmanager
def kunci_folder(folder: Path, tunggu_detik: float = 10.0) -> Iterator[None]:
    """Hold the working folder's lock; waits up to `tunggu_detik`, then gives up clearly."""
    jalur = folder / NAMA_KUNCI
    fd = os.open(jalur, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        batas = time.monotonic() + tunggu_detik
        while not _kunci_os(fd):
            if time.monotonic() >= batas:
                raise BukuTerkunci(
                    f"Folder kerja {folder} sedang dipakai proses pyxl lain. Tunggu sampai "
                    "selesai, lalu ulangi."
                )
            time.sleep(0.05)
        yield
    finally:
        os.close(fd)


def pemilik_excel(berkas: Path) -> str | None:
    """Who has the workbook open in Excel, from Office's `~$` owner file; None when nobody.

    Excel writes `~$<name>` beside an open workbook (the first two characters of the name are
    replaced for long names); its first byte is the length of the user's name.
    """
    for calon in (berkas.with_name("~$" + berkas.name), berkas.with_name("~$" + berkas.name[2:])):
        if calon.exists():
            try:
                data = calon.read_bytes()[:64]
                nama = data[1 : 1 + data[0]].decode("latin-1").strip() if data else ""
            except OSError:
                nama = ""
            return nama or "pengguna lain"
    return None
