"""The write-once archive folder: storing files, the `MANIFEST.sha256` of each folder, checking.

A manifest has the `sha256sum` text format ("<hex>  <name>" per line, `#` lines are comments),
so IT can check a folder with the standard tool: ``sha256sum -c MANIFEST.sha256``. It only
grows: `tambah_manifest` rewrites it atomically with every old byte kept.

`simpan_sekali` writes a file under a temporary name and links it into place, so an existing
name is never replaced, then makes it read-only. `periksa` checks every file of the archive
against the manifests and the `Register Arsip` rows.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pyxl.berkas import arsip_masuk
from pyxl.berkas.tulis import sebab, tulis_atomik
from pyxl.galat import LingkunganError

MANIFEST = "MANIFEST.sha256"
OK, BERUBAH, HILANG, TIDAK_TERCATAT = "OK", "BERUBAH", "HILANG", "TIDAK TERCATAT"
BELUM_DI_REGISTER, TIDAK_DI_MANIFEST = "BELUM DI REGISTER", "TIDAK DI MANIFEST"
_RE_BARIS = re.compile(r"([0-9a-fA-F]{64}) [ *](.+)")
FOLDER_MASUK = "masuk"


def sha256_berkas(path: Path) -> str:
    import hashlib

    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def baca_manifest(folder: Path) -> tuple[bytes, dict[str, str], list[int]]:
    """(raw bytes, name -> SHA-256, numbers of malformed lines) of a folder's manifest."""
    berkas = folder / MANIFEST
    mentah = berkas.read_bytes() if berkas.is_file() else b""
    isi: dict[str, str] = {}
    rusak: list[int] = []
    for no, baris in enumerate(mentah.decode("utf-8", "replace").splitlines(), 1):
        if not baris.strip() or baris.startswith("#"):
            continue
        m = _RE_BARIS.fullmatch(baris)
        if m and not set("/\\") & set(m.group(2)) and m.group(2) not in (".", ".."):
            isi[m.group(2)] = m.group(1).lower()  # a plain name in this folder, never a path
        else:
            rusak.append(no)
    return mentah, isi, rusak


def nama_bebas(folder: Path, nama: str, dipakai: Mapping[str, str]) -> str:
    """`nama`, or `<stem>_2<ext>`, `_3`, … when a file or a manifest line already uses it."""
    calon, ke, p = nama, 2, Path(nama)
    while calon in dipakai or (folder / calon).exists() or calon == MANIFEST:
        calon, ke = f"{p.stem}_{ke}{p.suffix}", ke + 1
    return calon


def simpan_sekali(jalur: Path, data: bytes, mtime: float | None = None) -> None:
    """Write a new file that never replaces an existing one, then make it read-only."""

    def tulis(sementara: Path) -> None:
        with open(sementara, "xb") as f:
            f.write(data)
        if mtime is not None:
            os.utime(sementara, (mtime, mtime))

    try:
        tulis_atomik(jalur, tulis, timpa=False)
        os.chmod(jalur, 0o444)
    except FileExistsError as exc:  # another run took the name between the check and the write
        raise LingkunganError(
            f"Arsip {jalur.name} sudah ada di {jalur.parent} dan tidak ditimpa. Jalankan langkah "
            "ini lagi: berkas itu dicatat dengan nama lain."
        ) from exc
    except OSError as exc:
        raise LingkunganError(
            f"Arsip {jalur.name} tidak dapat ditulis di {jalur.parent}: {sebab(exc)}. Periksa "
            "hak akses folder arsip dan ruang disk, lalu ulangi: yang sudah diarsipkan tetap."
        ) from exc


def tambah_manifest(folder: Path, lama: bytes, baris: list[str], judul: str) -> None:
    """Rewrite the manifest atomically: every old byte, then `# judul` and the new lines."""
    if not lama:
        lama = f"# Manifest arsip pyxl. Periksa dengan: sha256sum -c {MANIFEST}\n".encode()
    elif not lama.endswith(b"\n"):
        lama += b"\n"
    judul = "".join(c if c.isprintable() else " " for c in judul)
    teks = lama + "".join(f"{b}\n" for b in [f"# {judul}", *baris]).encode()
    manifest = folder / MANIFEST

    def bisa_diganti() -> None:  # Windows refuses to replace a read-only file
        if manifest.exists():
            os.chmod(manifest, 0o644)

    try:
        tulis_atomik(manifest, teks, sebelum_ganti=bisa_diganti)
        os.chmod(manifest, 0o444)
    except OSError as exc:
        raise LingkunganError(
            f"{MANIFEST} di {folder} tidak dapat ditulis: {sebab(exc)}. Periksa ruang disk dan "
            "hak akses folder arsip, lalu ulangi: salinan yang sudah ada dicatat pada proses "
            "berikutnya."
        ) from exc


def jalur_register(kerja: Path, rows: list[dict[str, Any]]) -> dict[Path, str]:
    """`Register Arsip` rows as resolved path -> SHA-256; rows pointing outside the working
    folder are left out (nothing outside it is ever read)."""
    hasil = {}
    for r in rows:
        teks = str(r.get("Jalur Arsip") or "").strip().replace("\\", "/")
        if teks and (p := (kerja / teks).resolve()).is_relative_to(kerja):
            hasil[p] = str(r.get("SHA-256") or "").strip().lower()
    return hasil


def tanpa_catatan(akar: Path, dicatat: set[Path]) -> list[tuple[Path, str]]:
    """Files in a manifest under `akar` that exist but are not in `dicatat`."""
    hasil = []
    for m in sorted(akar.rglob(MANIFEST)) if akar.is_dir() else []:
        for nama, sha in baca_manifest(m.parent)[1].items():
            if (p := (m.parent / nama).resolve()) not in dicatat and p.is_file():
                hasil.append((p, sha))
    return hasil


def periksa(akar: Path, register: Mapping[Path, str], kerja: Path) -> tuple[list[str], bool]:
    """Check the archive under `akar` (resolved) against its manifests and `register` (path ->
    SHA-256 of each `Register Arsip` row). Returns report lines and whether all is well."""
    tercatat: dict[Path, str] = {}
    baris: list[tuple[str, Path, str]] = []
    for m in sorted(akar.rglob(MANIFEST)) if akar.is_dir() else []:
        _, isi, rusak = baca_manifest(m.parent)
        tercatat |= {(m.parent / nama).resolve(): sha for nama, sha in isi.items()}
        baris += [("MANIFEST RUSAK", m, f"baris {no} bukan '<sha256>  <nama>'") for no in rusak]
    for p in sorted(set(tercatat) | set(register)):
        harapan = {tercatat.get(p), register.get(p)} - {None}
        if not p.is_file():
            baris.append((HILANG, p, ""))
        elif len(harapan) > 1 or sha256_berkas(p) not in harapan:
            asal = "manifest" if p in tercatat else "Register Arsip"
            baris.append((BERUBAH, p, f"SHA-256 berbeda dari {asal}"))
        elif p not in register:
            baris.append((BELUM_DI_REGISTER, p, "jalankan pyxl arsip untuk mencatatnya"))
        else:
            baris.append((OK, p, "") if p in tercatat else (TIDAK_DI_MANIFEST, p, ""))
    masuk = 0
    for p in sorted(akar.rglob("*")) if akar.is_dir() else []:
        if p.is_symlink():  # never followed: it may lead out of the working folder
            baris.append((TIDAK_TERCATAT, p, "tautan simbolik, bukan berkas arsip"))
            continue
        p = p.resolve()
        if not p.is_file() or p.name == MANIFEST or p in tercatat or p in register:
            continue
        if p.parent == akar / FOLDER_MASUK and arsip_masuk.RE_ZIP.fullmatch(p.name):
            cocok, salah = arsip_masuk.periksa_zip(p)
            masuk += cocok
            baris += [(BERUBAH, p, f"{a}: {ket}" if a else ket) for a, ket in salah]
            continue
        if p.parent == akar / FOLDER_MASUK and (sha := arsip_masuk.RE_ASLI.fullmatch(p.name)):
            if sha256_berkas(p) == sha.group(1):
                masuk += 1
                continue
            baris.append((BERUBAH, p, "isinya tidak sesuai SHA-256 pada namanya"))
        else:
            baris.append((TIDAK_TERCATAT, p, "tidak ada di manifest mana pun"))
    hitung = Counter(s for s, _, _ in baris)
    if masuk:
        hitung[OK] += masuk
    ringkas = ", ".join(f"{n} {s}" for s, n in hitung.items()) or "kosong"
    laporan = [f"Pemeriksaan arsip {akar.relative_to(kerja).as_posix()}/: {ringkas}."]
    for status, p, ket in sorted(baris, key=lambda b: (b[0] == OK, str(b[1]))):
        nama = p.relative_to(kerja).as_posix() if p.is_relative_to(kerja) else str(p)
        laporan.append(f"{status:<17} {nama}" + (f" ({ket})" if ket else ""))
    if masuk:
        laporan.append(f"{OK:<17} {masuk} berkas kiriman balik di {FOLDER_MASUK}/ (nama = SHA-256)")
    return laporan, set(hitung) <= {OK}
