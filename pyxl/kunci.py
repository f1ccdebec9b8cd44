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
TUNGGU_DETIK = 10.0
"""How long a run waits for another run to finish before giving up."""


def _kunci_os(fd: int) -> bool:
    """Try to take an exclusive lock on an open file; False when another process has it."""
    try:
        if os.name == "nt":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined,unused-ignore]
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


@contextlib.contextmanager
def kunci_folder(folder: Path) -> Iterator[None]:
    """Hold the working folder's lock; waits up to TUNGGU_DETIK, then gives up clearly."""
    jalur = folder / NAMA_KUNCI
    batas = time.monotonic() + TUNGGU_DETIK
    while True:
        fd = os.open(jalur, os.O_RDWR | os.O_CREAT, 0o644)
        if _kunci_os(fd) and _masih_sama(fd, jalur):
            break
        # Held by another run, or removed by its owner between our open and our lock.
        os.close(fd)
        if time.monotonic() >= batas:
            raise BukuTerkunci(
                f"Folder kerja {folder} sedang dipakai proses pyxl lain. Tunggu sampai "
                "selesai, lalu ulangi."
            )
        time.sleep(0.05)
    try:
        yield
    finally:
        # Remove it while still holding it, so the folder is left as it was found.
        with contextlib.suppress(OSError):
            jalur.unlink()
        os.close(fd)


def _masih_sama(fd: int, jalur: Path) -> bool:
    """Whether the locked file is still the one at `jalur` (not unlinked by its last owner)."""
    try:
        return os.path.samestat(os.fstat(fd), os.stat(jalur))
    except OSError:
        return False


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
