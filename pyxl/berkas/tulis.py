"""Writing files safely, and saying in Indonesian why a write failed.

`tulis_atomik` is the one way pyxl writes a file it must not leave half-written: the content
goes to a temporary file beside the target (`.<name>.<pid>.tmp`), is flushed to disk, and is
renamed into place, so a crash or a full disk leaves the old file or the new one, never a
broken one; a leftover temporary file is swept by the next run (`RE_SEMENTARA`). The formats of
step 2 are the one exception: they are installed together, all or nothing
(`pyxl.langkah.format`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
from collections.abc import Callable
from pathlib import Path

from pyxl.galat import LingkunganError, PyxlError

RE_SEMENTARA = re.compile(r"\.~?(.+?)\.\d+\.(?:tmp|xlsx)")
"""Temporary names pyxl writes under before renaming (`.<name>.<pid>.tmp`; step 2's
`.~<stem>.<pid>.xlsx`): a leftover is the trace of a run that died."""


BATAS_JALUR_WINDOWS = 259
"""Characters a full path may have on Windows without long-path support (MAX_PATH 260, less
the terminating null)."""
JALUR_RELATIF_TERPANJANG = 140
"""The longest path pyxl writes inside a working folder, with room to spare: a draft of a
dead run moved aside, `cadangan/terhenti-20270118-091500/kirim/` (41) and a temporary draft
name `.<stamp 15>_<slug ≤ 40>_<8 hex>-<n>.eml.<pid>.tmp` (≤ 90); archive copies
(`arsip/masuk/<64 hex>.xlsx`, `arsip/2027/<kode>/<name>`) are shorter. A test checks it
against the names pyxl really writes."""

SEBAB = {
    errno.ENOSPC: "disk penuh",
    errno.EDQUOT: "kuota disk habis",
    errno.EROFS: "folder hanya-baca",
    errno.EACCES: "tidak ada hak tulis",
    errno.EPERM: "tidak ada hak tulis",
}


def sebab(exc: OSError) -> str:
    """Why a write failed, in Indonesian: 'disk penuh (No space left on device)'."""
    arti = SEBAB.get(exc.errno or 0)
    asli = exc.strerror or str(exc)
    return f"{arti} ({asli})" if arti else asli


def nama_asli(nama: str) -> str:
    """The final name of a temporary file (`.x.docx.123.tmp` -> `x.docx`, step 2's
    `.~HUKUM_Format_IKU_2026.123.xlsx` -> `HUKUM_Format_IKU_2026.xlsx`), else `nama`."""
    m = RE_SEMENTARA.fullmatch(nama)
    if m is None:
        return nama
    return m.group(1) + (".xlsx" if nama.endswith(".xlsx") else "")


def galat_tulis(exc: OSError, berkas: Path | str | None, apa: str = "Berkas") -> PyxlError:
    """An Indonesian message for a failed write of `berkas` (named, and why)."""
    if berkas is None and exc.filename:
        berkas = str(exc.filename)
    if berkas is None:
        apa, lokasi = "Sebuah berkas", "di folder kerja"
    else:
        jalur = Path(berkas)
        lokasi = f"{nama_asli(jalur.name)} di folder {jalur.parent}"
    saran = {
        errno.ENOSPC: "Kosongkan ruang disk",
        errno.EDQUOT: "Kosongkan ruang disk",
        errno.EROFS: "Pindahkan folder kerja ke tempat yang dapat ditulis",
    }.get(exc.errno or 0, "Periksa hak tulis folder itu dan ruang disk")
    return LingkunganError(
        f"{apa} {lokasi} tidak dapat ditulis: {sebab(exc)}. {saran}, lalu ulangi."
    )


def jalur_sementara(tujuan: Path) -> Path:
    """Where `tujuan` is written before it is renamed into place."""
    return tujuan.with_name(f".{tujuan.name}.{os.getpid()}.tmp")


def tulis_atomik(
    tujuan: Path,
    isi: bytes | Callable[[Path], object],
    *,
    timpa: bool = True,
    fsync: bool = True,
    sebelum_ganti: Callable[[], object] | None = None,
) -> Path:
    """Write `tujuan` whole or not at all (see the module docstring) and return it.

    `isi` is the bytes, or a function that writes the file at the path it is given (a docx or a
    workbook saved by its library). `timpa=False` never replaces an existing file: it raises
    FileExistsError instead (the check and the rename are one step where the file system
    allows hard links). `fsync=False` leaves the flush to the caller (many files flushed in one
    pass). `sebelum_ganti` runs after the new content is on disk, just before the rename (the
    master's backup). An OSError goes to the caller, who names the file in its message; the
    temporary file is always removed."""
    sementara = jalur_sementara(tujuan)
    try:
        if isinstance(isi, bytes):
            with open(sementara, "xb") as f:
                f.write(isi)
                if fsync:
                    f.flush()
                    os.fsync(f.fileno())
        else:
            isi(sementara)
            if fsync:
                with open(sementara, "rb+") as f:
                    os.fsync(f.fileno())
        if sebelum_ganti is not None:
            sebelum_ganti()
        if timpa:
            os.replace(sementara, tujuan)
        else:
            try:
                os.link(sementara, tujuan)  # refuses an existing name
            except FileExistsError:
                raise
            except OSError:  # a file system without hard links (FAT, some shares)
                if tujuan.exists():
                    raise FileExistsError(
                        errno.EEXIST, os.strerror(errno.EEXIST), str(tujuan)
                    ) from None
                os.replace(sementara, tujuan)
    finally:
        with contextlib.suppress(OSError):
            sementara.unlink()
    return tujuan


def jalur_bebas(jalur: Path) -> Path:
    """`jalur`, or `<stem>_2<suffix>`, `_3`, … when taken: a document is never overwritten."""
    calon, ke = jalur, 2
    while calon.exists():
        calon = jalur.with_name(f"{jalur.stem}_{ke}{jalur.suffix}")
        ke += 1
    return calon
