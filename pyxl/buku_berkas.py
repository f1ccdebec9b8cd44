"""Opening and saving the master as a closed file (CLI, tests); the cells are `buku_zip`'s job.

Opening refuses a workbook Excel has open (the two would overwrite each other) and holds the
working folder's lock for the step. Saving is atomic: the new workbook is written beside the old
one and flushed to disk, the old one is copied to `cadangan/` (itself written under a temporary
name and renamed, so a backup is never a truncated file), then the new one is renamed over it.
A crash or a full disk at any point leaves either the old or the new file, never a broken one;
a failed save says in Indonesian which file and why (`galat_tulis`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pyxl import skema
from pyxl.galat import BukuError, BukuTerkunci, LingkunganError, PyxlError
from pyxl.kunci import kunci_folder, pemilik_excel

if TYPE_CHECKING:
    from pyxl.buku_zip import BukuZip

SIMPAN_CADANGAN = 30
"""Backups kept in `cadangan/`; older ones are removed."""
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


def simpan_atomik(isi: bytes, berkas: Path) -> None:
    """Back up the current file, write the new one beside it, rename it into place."""
    sementara = berkas.with_name(f".{berkas.name}.{os.getpid()}.tmp")
    try:
        with open(sementara, "wb") as f:
            f.write(isi)
            f.flush()
            os.fsync(f.fileno())
        if berkas.exists():
            cadangkan(berkas)
        os.replace(sementara, berkas)
    except PermissionError as exc:  # Windows: also a file another program holds open
        raise BukuTerkunci(
            f"Buku kerja {berkas.name} di folder {berkas.parent} tidak dapat ditulis "
            f"({exc.strerror}). Tutup buku kerja di Excel atau periksa hak akses folder, lalu "
            f"ulangi. Buku kerja {berkas.name} tetap seperti sebelum langkah ini dijalankan."
        ) from exc
    except OSError as exc:
        raise _galat_simpan(exc, berkas) from exc
    finally:
        with contextlib.suppress(OSError):
            sementara.unlink()


def _galat_simpan(exc: OSError, berkas: Path) -> PyxlError:
    g = galat_tulis(exc, berkas, "Buku kerja")
    return type(g)(f"{g} Buku kerja {berkas.name} tetap seperti sebelum langkah ini dijalankan.")


def cadangkan(berkas: Path) -> Path:
    """Copy the workbook to `cadangan/` with a timestamp; keep the newest SIMPAN_CADANGAN.

    The copy is written under a temporary name, flushed, then renamed: a backup that exists
    is complete."""
    folder = berkas.parent / skema.FOLDER_CADANGAN
    folder.mkdir(exist_ok=True)
    cap = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    tujuan = folder / f"{berkas.stem}_{cap}{berkas.suffix}"
    sementara = folder / f".{tujuan.name}.{os.getpid()}.tmp"
    try:
        with open(berkas, "rb") as asal, open(sementara, "wb") as salinan:
            shutil.copyfileobj(asal, salinan)
            salinan.flush()
            os.fsync(salinan.fileno())
        shutil.copystat(berkas, sementara)
        os.replace(sementara, tujuan)
    finally:
        with contextlib.suppress(OSError):
            sementara.unlink()
    lama = sorted(folder.glob(f"{berkas.stem}_*{berkas.suffix}"))
    for f in lama[:-SIMPAN_CADANGAN]:
        f.unlink()
    return tujuan


@contextlib.contextmanager
def buka(berkas: Path, hanya_baca: bool = False) -> Iterator[BukuZip]:
    """Open the master for one step: refuse when Excel has it open, hold the folder lock."""
    berkas = Path(berkas)
    if not berkas.exists():
        raise BukuError(
            f"Buku kerja {berkas} tidak ditemukan. Jalankan perintah dari folder kerja, "
            "sebutkan --workbook, atau buat folder kerja baru dengan: pyxl init FOLDER."
        )
    if not hanya_baca:
        pemilik = pemilik_excel(berkas)
        if pemilik:
            raise BukuTerkunci(
                f"Buku kerja {berkas.name} sedang dibuka di Excel oleh {pemilik}. Pakai tombol "
                "di sheet Kendali, atau tutup Excel dahulu lalu ulangi perintah ini."
            )
    with contextlib.ExitStack() as tumpukan:
        if not hanya_baca:
            tumpukan.enter_context(kunci_folder(berkas.resolve().parent))
        from pyxl.buku_zip import BukuZip

        buku = BukuZip(berkas, hanya_baca=hanya_baca)
        try:
            yield buku
        finally:
            buku.tutup()
