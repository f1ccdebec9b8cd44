"""Writing files safely, and saying in Indonesian why a write failed."""

from __future__ import annotations

import errno
import re
from pathlib import Path

from pyxl.galat import LingkunganError, PyxlError

RE_SEMENTARA = re.compile(r"\.~?(.+?)\.\d+\.(?:tmp|xlsx)")
"""Temporary names pyxl writes under before renaming (`.<name>.<pid>.tmp`; step 2's
`.~<stem>.<pid>.xlsx`): a leftover is the trace of a run that died."""


SEBAB = {
    errno.ENOSPC: "disk penuh",
    errno.EDQUOT: "kuota disk habis",
    errno.EROFS: "folder hanya-baca",
    errno.EACCES: "tidak ada hak tulis",
    errno.EPERM: "tidak ada hak tulis",
}


def nama_asli(nama: str) -> str:
    """The final name of a temporary file (`.x.docx.123.tmp` -> `x.docx`), else `nama`."""
    m = RE_SEMENTARA.fullmatch(nama)
    return m.group(1) if m else nama


def galat_tulis(exc: OSError, berkas: Path | str | None, apa: str = "Berkas") -> PyxlError:
    """An Indonesian message for a failed write of `berkas` (named, and why)."""
    sebab = SEBAB.get(exc.errno or 0, exc.strerror or str(exc))
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
        f"{apa} {lokasi} tidak dapat ditulis: {sebab} ({exc.strerror or exc}). {saran}, lalu "
        "ulangi."
    )
