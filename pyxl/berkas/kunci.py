"""One pyxl run at a time per working folder, and no write while Excel holds the workbook.

An OS file lock (released by the OS if the process dies) guards the master workbook and the
letter register: two runs at once cannot both write, and cannot both take a letter number.

The run holding the lock keeps a journal, `.pyxl-jurnal.jsonl` in the working folder: one JSON
object per line, appended and flushed to disk (fsync) before the run goes on. It records what
a run did that the workbook does not hold yet: which output files existed when it started, that
it is about to save, and every e-mail that left (see `pyxl.surel.jurnal`). A run that ends normally
removes it after its save; a journal found at the start of a run is the trace of a run that
died, and `pyxl.jalan.pemulihan.pulihkan` completes or undoes that run's work from it.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import uuid
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from pyxl.galat import BukuTerkunci, LingkunganError

NAMA_KUNCI = ".pyxl.lock"
NAMA_JURNAL = ".pyxl-jurnal.jsonl"
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
        try:
            fd = os.open(jalur, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:  # a read-only folder, a share without write access, a full disk
            raise LingkunganError(
                f"Folder kerja {folder} tidak dapat ditulis ({exc.strerror}): berkas kunci "
                f"{NAMA_KUNCI} tidak dapat dibuat. Periksa hak tulis folder itu (atau salin "
                "folder kerja ke tempat yang dapat ditulis), lalu ulangi. Tidak ada yang diubah."
            ) from exc
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


def pemilik(berkas: Path) -> tuple[str, str] | None:
    """Which program has the workbook open, and who: from Excel's owner file `~$<name>` or
    LibreOffice's lock file `.~lock.<name>#`; None when neither is there.

    Excel's file starts with the length of the user's name, then the name (the first two
    characters of a long file name are replaced by `~$`). LibreOffice's is one CSV line: the
    user's full name, the host, the login name, the time, the profile.
    """
    for calon in (berkas.with_name("~$" + berkas.name), berkas.with_name("~$" + berkas.name[2:])):
        if calon.exists():
            try:
                data = calon.read_bytes()[:64]
                nama = data[1 : 1 + data[0]].decode("latin-1").strip() if data else ""
            except OSError:
                nama = ""
            return "Excel", nama or "pengguna lain"
    lo = berkas.with_name(f".~lock.{berkas.name}#")
    if lo.exists():
        try:
            kolom = lo.read_text("utf-8", "replace").split(",")
        except OSError:
            kolom = []
        nama = next((k.strip() for k in (kolom[:1] + kolom[2:3]) if k.strip()), "")
        return "LibreOffice", nama or "pengguna lain"
    return None


def berkas_kunci(berkas: Path, program: str) -> Path:
    """The lock file `pemilik` found, for a message that says what to delete when stale."""
    if program == "LibreOffice":
        return berkas.with_name(f".~lock.{berkas.name}#")
    excel = berkas.with_name("~$" + berkas.name)
    return excel if excel.exists() else berkas.with_name("~$" + berkas.name[2:])


class Jurnal:
    """The journal of one run in a working folder (see the module docstring)."""

    def __init__(self, folder: Path, jalan: str | None = None) -> None:
        self.jalur = folder / NAMA_JURNAL
        self.jalan = jalan or uuid.uuid4().hex[:12]
        """This run's id; every line it writes carries it."""

    def catat(self, jenis: str, **isi: Any) -> None:
        """Append one line and flush it to disk; an OSError goes to the caller."""
        baris = json.dumps({"jalan": self.jalan, "jenis": jenis, **isi}, ensure_ascii=False)
        data = (baris + "\n").encode("utf-8")
        try:
            fd = os.open(self.jalur, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                while data:
                    data = data[os.write(fd, data) :]
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as exc:
            exc.filename = exc.filename or str(self.jalur)
            raise

    def baca(self, hanya_ini: bool = False) -> list[dict[str, Any]]:
        """Every complete line (a line cut short by a crash is skipped); `hanya_ini`: only this
        run's lines."""
        try:
            mentah = self.jalur.read_bytes()
        except FileNotFoundError:
            return []
        hasil = []
        for baris in mentah.decode("utf-8", "replace").splitlines():
            with contextlib.suppress(ValueError):
                isi = json.loads(baris)
                if isinstance(isi, dict) and (not hanya_ini or isi.get("jalan") == self.jalan):
                    hasil.append(isi)
        return hasil

    def ada(self) -> bool:
        return self.jalur.exists()

    def hapus(self) -> None:
        self.jalur.unlink(missing_ok=True)


_JURNAL: ContextVar[Jurnal | None] = ContextVar("pyxl_jurnal", default=None)


def jurnal_aktif() -> Jurnal | None:
    """The journal of the run in progress (None outside `pyxl.jalan.proses.jalankan`)."""
    return _JURNAL.get()


@contextlib.contextmanager
def pakai_jurnal(jurnal: Jurnal | None) -> Iterator[Jurnal | None]:
    token = _JURNAL.set(jurnal)
    try:
        yield jurnal
    finally:
        _JURNAL.reset(token)
