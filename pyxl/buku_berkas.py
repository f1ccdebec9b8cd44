"""The workbook port on a closed .xlsm file (CLI, tests), through openpyxl.

openpyxl keeps the VBA project and the buttons' VML drawing when loaded with `keep_vba=True`.
Saving is atomic: the new workbook is written beside the old one and renamed over it, after
the old one was copied to `cadangan/`, so a crash leaves either the old or the new file.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import zipfile
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from pyxl import skema
from pyxl.buku import perlu_awalan_teks
from pyxl.galat import BukuError, BukuTerkunci
from pyxl.kunci import kunci_folder, pemilik_excel

SIMPAN_CADANGAN = 30
"""Backups kept in `cadangan/`; older ones are removed."""


class BukuBerkas:
    """A master workbook file opened for one step."""

    def __init__(self, berkas: Path, hanya_baca: bool = False) -> None:
        import openpyxl

        self._berkas = berkas
        self._hanya_baca = hanya_baca
        if not berkas.exists():
            raise BukuError(
                f"Buku kerja {berkas} tidak ditemukan. Jalankan perintah dari folder kerja, "
                "sebutkan --workbook, atau buat folder kerja baru dengan: pyxl init FOLDER."
            )
        try:
            self.wb = openpyxl.load_workbook(berkas, keep_vba=True)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
            raise BukuError(
                f"Buku kerja {berkas.name} tidak dapat dibaca ({exc}). Pulihkan dari folder "
                f"{skema.FOLDER_CADANGAN}/ bila ada."
            ) from exc

    @property
    def folder(self) -> Path:
        return self._berkas.resolve().parent

    @property
    def berkas(self) -> Path:
        return self._berkas

    def nama_sheet(self) -> list[str]:
        return list(self.wb.sheetnames)

    def baca(self, sheet: str) -> list[list[Any]]:
        ws = self.wb[sheet]
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        while rows and all(v is None for v in rows[-1]):
            rows.pop()
        return rows

    def tulis(
        self,
        sheet: str,
        baris: int,
        kolom: int,
        nilai: Sequence[Sequence[Any]],
        format_angka: Sequence[str | None] | None = None,
    ) -> None:
        ws = self.wb[sheet]
        for i, row in enumerate(nilai):
            for j, v in enumerate(row):
                cell = ws.cell(row=baris + i, column=kolom + j)
                if isinstance(v, str) and v.startswith("="):
                    # openpyxl takes any str starting with "=" as a formula: force text.
                    cell.value = v
                    cell.data_type = "s"
                    cell.quotePrefix = True
                else:
                    cell.value = v
                    if isinstance(v, str) and perlu_awalan_teks(v):
                        cell.quotePrefix = True
                fmt = format_angka[j] if format_angka and j < len(format_angka) else None
                if fmt:
                    cell.number_format = fmt

    def kosongkan(self, sheet: str, dari_baris: int) -> None:
        ws = self.wb[sheet]
        for row in ws.iter_rows(min_row=dari_baris, max_row=ws.max_row):
            for cell in row:
                cell.value = None

    def tutup(self) -> None:
        """Release the file (openpyxl keeps the .xlsm open to copy its VBA project on save)."""
        arsip = getattr(self.wb, "vba_archive", None)
        if arsip is not None:
            arsip.close()

    def simpan(self) -> None:
        if self._hanya_baca:
            raise BukuError("Buku kerja dibuka hanya-baca; tidak disimpan.")
        simpan_atomik(self.wb, self._berkas)


def simpan_atomik(wb: Any, berkas: Path) -> None:
    """Back up the current file, write the new one beside it, rename it into place."""
    sementara = berkas.with_name(f".{berkas.name}.{os.getpid()}.tmp")
    try:
        wb.save(sementara)
        with open(sementara, "rb") as f:
            os.fsync(f.fileno())
        if berkas.exists():
            cadangkan(berkas)
        os.replace(sementara, berkas)
    except PermissionError as exc:
        raise BukuTerkunci(
            f"Buku kerja {berkas.name} tidak dapat ditulis ({exc.strerror}). Tutup buku kerja "
            "di Excel atau periksa hak akses folder, lalu ulangi."
        ) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            sementara.unlink()


def cadangkan(berkas: Path) -> Path:
    """Copy the workbook to `cadangan/` with a timestamp; keep the newest SIMPAN_CADANGAN."""
    folder = berkas.parent / skema.FOLDER_CADANGAN
    folder.mkdir(exist_ok=True)
    cap = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    tujuan = folder / f"{berkas.stem}_{cap}{berkas.suffix}"
    shutil.copy2(berkas, tujuan)
    lama = sorted(folder.glob(f"{berkas.stem}_*{berkas.suffix}"))
    for f in lama[:-SIMPAN_CADANGAN]:
        f.unlink()
    return tujuan


@contextlib.contextmanager
def buka(berkas: Path, hanya_baca: bool = False) -> Iterator[BukuBerkas]:
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
        buku = BukuBerkas(berkas, hanya_baca=hanya_baca)
        try:
            yield buku
        finally:
            buku.tutup()
