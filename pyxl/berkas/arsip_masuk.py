"""Received originals, kept unchanged: one zip per intake run in `<arsip>/masuk/`.

Step 6 keeps the bytes of every file it receives, before the ledger records anything, as a
member `<sha256><ext>` of `Kiriman_<YYYYMMDD-HHMMSS>.zip`. The members are stored as they are
(a return is itself a zip: compressing it again only costs time). A run writes one file,
flushed once and renamed into place whole, so the cost does not grow with the number of files
already kept, and a run that dies leaves only a temporary file the next run sweeps away.

`Penerimaan` names each original by its SHA-256; `cari` finds it in whichever run's zip holds
it, or as a loose `<sha256><ext>` file (how releases before this layout kept it). A content
already kept is never stored again. Staff open the zip in Explorer; `pyxl arsip --periksa`
checks every member against the SHA-256 in its name.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pyxl.berkas.tulis import sebab, tulis_atomik
from pyxl.galat import LingkunganError

RE_ASLI = re.compile(r"([0-9a-f]{64})\.[a-z0-9]{1,5}")
"""A kept original, named by its SHA-256 (a zip member, or a loose file of an older release)."""
_RE_AKHIRAN = re.compile(r"\.[a-z0-9]{1,5}")
RE_ZIP = re.compile(r"Kiriman_\d{8}-\d{6}(?:_\d+)?\.zip")
"""One intake run's zip."""


@dataclass(frozen=True)
class Asli:
    """Where one original is kept: a run's zip and its member, or a loose file."""

    berkas: Path
    anggota: str | None = None

    def baca(self) -> bytes:
        if self.anggota is None:
            return self.berkas.read_bytes()
        with zipfile.ZipFile(self.berkas) as z:
            return z.read(self.anggota)

    def __str__(self) -> str:
        return f"{self.berkas.name}/{self.anggota}" if self.anggota else self.berkas.name


def nama_anggota(sidik: str, nama: str) -> str:
    """`<sha256><ext>`: the received name's extension when it is a plain one, else `.bin`."""
    akhiran = Path(nama).suffix.lower()
    return sidik + (akhiran if _RE_AKHIRAN.fullmatch(akhiran) else ".bin")


def daftar(folder: Path) -> dict[str, Asli]:
    """Every original kept in `folder`, by SHA-256 (read from the zips' central directories
    only). A zip that cannot be opened is left out here; `periksa` reports it."""
    hasil: dict[str, Asli] = {}
    if not folder.is_dir():
        return hasil
    for p in sorted(folder.iterdir()):
        if p.is_symlink() or not p.is_file():
            continue
        if m := RE_ASLI.fullmatch(p.name):
            hasil.setdefault(m.group(1), Asli(p))
        elif RE_ZIP.fullmatch(p.name):
            with contextlib.suppress(OSError, zipfile.BadZipFile), zipfile.ZipFile(p) as z:
                for anggota in z.namelist():
                    if m := RE_ASLI.fullmatch(anggota):
                        hasil.setdefault(m.group(1), Asli(p, anggota))
    return hasil


def cari(folder: Path, sidik: str) -> Asli | None:
    """Where the original of SHA-256 `sidik` is kept, or None."""
    return daftar(folder).get(sidik.lower())


def simpan(folder: Path, kiriman: Iterable[tuple[str, str, bytes, datetime]]) -> Path | None:
    """Keep the originals (SHA-256, received name, bytes, receipt time) not kept yet, as one
    new zip, on disk before this returns. None when every one was kept already."""
    ada = daftar(folder)
    baru: dict[str, tuple[str, bytes, datetime]] = {}
    for sidik, nama, data, waktu in kiriman:
        if sidik not in ada and sidik not in baru:
            baru[sidik] = (nama_anggota(sidik, nama), data, waktu)
    if not baru:
        return None
    sekarang = datetime.now()
    tujuan = folder / f"Kiriman_{sekarang:%Y%m%d-%H%M%S}.zip"
    ke = 2
    while tujuan.exists():
        tujuan, ke = folder / f"Kiriman_{sekarang:%Y%m%d-%H%M%S}_{ke}.zip", ke + 1

    def tulis(sementara: Path) -> None:
        with open(sementara, "xb") as f, zipfile.ZipFile(f, "w", zipfile.ZIP_STORED) as z:
            for anggota, data, waktu in baru.values():
                info = zipfile.ZipInfo(anggota, _waktu_zip(waktu))
                info.external_attr = 0o444 << 16
                z.writestr(info, data)

    try:
        folder.mkdir(parents=True, exist_ok=True)
        tulis_atomik(tujuan, tulis, timpa=False)
        with contextlib.suppress(OSError):
            os.chmod(tujuan, 0o444)
    except OSError as exc:
        raise LingkunganError(
            f"Salinan arsip {len(baru)} berkas kiriman tidak dapat ditulis di {folder}: "
            f"{sebab(exc)}. Tidak ada yang dicatat dan berkas di folder masuk tetap utuh. "
            "Periksa ruang disk dan hak akses folder arsip, lalu ulangi langkah ini."
        ) from exc
    return tujuan


def _waktu_zip(waktu: datetime) -> tuple[int, int, int, int, int, int]:
    """A zip member's time (1980–2107 only): the receipt time, else now."""
    w = waktu if 1980 <= waktu.year <= 2107 else datetime.now()
    return w.year, w.month, w.day, w.hour, w.minute, w.second


def periksa_zip(berkas: Path) -> tuple[int, list[tuple[str, str]]]:
    """How many members of a run's zip match the SHA-256 in their names, and the others as
    (member, what is wrong)."""
    try:
        z = zipfile.ZipFile(berkas)
    except (OSError, zipfile.BadZipFile) as exc:
        return 0, [("", f"zip tidak dapat dibuka ({exc})")]
    cocok, salah = 0, []
    with z:
        for info in z.infolist():
            m = RE_ASLI.fullmatch(info.filename)
            if m is None:
                salah.append((info.filename, "nama bukan <sha256>.<ext>"))
                continue
            h = hashlib.sha256()
            try:
                with z.open(info) as f:
                    while blok := f.read(1 << 20):
                        h.update(blok)
            except (OSError, zipfile.BadZipFile) as exc:
                salah.append((info.filename, f"tidak dapat dibaca ({exc})"))
                continue
            if h.hexdigest() == m.group(1):
                cocok += 1
            else:
                salah.append((info.filename, "isinya tidak sesuai SHA-256 pada namanya"))
    return cocok, salah
