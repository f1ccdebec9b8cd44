"""Saving the master as a closed file (CLI, tests), atomically and with a backup.

Opening is `pyxl.buku.xlsm.buka`, the cells are `BukuZip`'s job. Saving is atomic: the new workbook
is written beside the old one and flushed to disk, the old one is copied to `cadangan/` (itself
written under a temporary name and renamed, so a backup is never a truncated file), then the new one
is renamed over it. A crash or a full disk at any point leaves either the old or the new file, never
a broken one; a failed save says in Indonesian which file and why (`galat_tulis`).
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from pyxl.berkas.tulis import galat_tulis, tulis_atomik
from pyxl.galat import BukuTerkunci, PyxlError
from pyxl.kontrak import skema

SIMPAN_CADANGAN = 30
"""Backups kept in `cadangan/`; older ones are removed."""


def simpan_atomik(isi: bytes, berkas: Path) -> None:
    """Back up the current file, write the new one beside it, rename it into place."""
    try:
        tulis_atomik(berkas, isi, sebelum_ganti=lambda: berkas.exists() and cadangkan(berkas))
    except PermissionError as exc:  # Windows: also a file another program holds open
        raise BukuTerkunci(
            f"Buku kerja {berkas.name} di folder {berkas.parent} tidak dapat ditulis "
            f"({exc.strerror}). Tutup buku kerja di Excel atau periksa hak akses folder, lalu "
            f"ulangi. Buku kerja {berkas.name} tetap seperti sebelum langkah ini dijalankan."
        ) from exc
    except OSError as exc:
        raise _galat_simpan(exc, berkas) from exc


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

    def salin(sementara: Path) -> None:
        with open(berkas, "rb") as asal, open(sementara, "wb") as salinan:
            shutil.copyfileobj(asal, salinan)
        shutil.copystat(berkas, sementara)

    tulis_atomik(tujuan, salin)
    lama = sorted(folder.glob(f"{berkas.stem}_*{berkas.suffix}"))
    for f in lama[:-SIMPAN_CADANGAN]:
        f.unlink()
    return tujuan
