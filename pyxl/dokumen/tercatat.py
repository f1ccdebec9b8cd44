"""The documents recorded in the `Dokumen` sheet: Dokumen IKU versions, their approval, and
the files a sheet names.

Steps 8–13 meet here: step 8–9 numbers a new version after every one recorded or on disk,
step 10–11 records the approval with `Sidik Data` (a digest of the analysed data), `pyxl
status` asks whether that approval is stale, and steps 12 and 13 take the latest final document
only while its file is byte for byte the one approved. A file named in a sheet cell is only
ever a document inside the working folder (`jalur_tercatat`).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pyxl.berkas.arsip import sha256_berkas
from pyxl.buku.daftar import baca_bagian, isi_indikator
from pyxl.buku.port import Baris, Buku
from pyxl.buku.tabel import baca_tabel
from pyxl.galat import IsianError, PyxlError
from pyxl.inti.sel import sebagai_teks
from pyxl.kontrak import keluaran, skema
from pyxl.kontrak.pengaturan import Pengaturan
from pyxl.kontrak.status import FINAL


def versi_baris(r: Baris) -> int:
    """The version number of a `Dokumen` row (0 when unreadable)."""
    teks = sebagai_teks(r["Versi"])
    return int(teks) if teks.isdigit() else 0


def terakhir(rows: list[Baris], status: str) -> Baris | None:
    """The row of the highest version with `status` (the last such row on a tie)."""
    cocok = [r for r in rows if sebagai_teks(r["Status"]).upper() == status]
    return max(cocok, key=lambda r: (versi_baris(r), r["_baris"])) if cocok else None


def persetujuan_basi(buku: Buku) -> str | None:
    """None while the latest approval still matches the data, else the reason (Indonesian)."""
    if skema.DOKUMEN not in buku.nama_sheet():
        return None
    final = terakhir(baca_tabel(buku, skema.DOKUMEN), FINAL)
    if final is None:
        return None
    try:
        if sidik_data(buku) == sebagai_teks(final["Sidik Data"]):
            return None
    except PyxlError as exc:
        return f"data yang disetujui tidak dapat diperiksa: {exc}"
    return (
        f"Data kinerja berubah setelah Dokumen IKU versi {versi_baris(final)} disetujui "
        f"({sebagai_teks(final['Waktu Persetujuan'])}): persetujuan kedaluwarsa. Buat konsep baru "
        "(langkah 8–9, pyxl dokumen) lalu mintakan persetujuan lagi."
    )


@dataclass(frozen=True)
class DokumenFinal:
    """The latest approved Dokumen IKU, as recorded in the `Dokumen` sheet."""

    versi: str
    berkas: Path
    sha256: str
    """As recorded at approval (lower-case hex)."""
    pdf: Path | None
    disetujui: date | None
    sel: str
    """'sheet Dokumen baris 3', for messages."""


DOKUMEN_TERCATAT = (".docx", ".pdf")
"""What a file named in a sheet cell may be: the documents pyxl writes and sends or archives."""


def jalur_tercatat(buku: Buku, peng: Pengaturan, teks: str, asal: str) -> Path:
    """A file named in a sheet: a bare name lives in 'Folder Dokumen', a relative path is taken
    from the working folder. Never a path outside the working folder, and only a document
    (`DOKUMEN_TERCATAT`): never the master, nor anything under `cadangan/` (its backups hold
    the stamp secret), whatever a cell says."""
    kerja = buku.folder.resolve()
    nama = teks.strip().replace("\\", "/")
    dasar = peng.folder(buku.folder, "Folder Dokumen") if "/" not in nama else kerja
    jalur = (dasar / nama).resolve()
    if not nama or not jalur.is_relative_to(kerja) or jalur == kerja:
        raise IsianError(f"{asal}: '{teks}' bukan nama berkas di dalam folder kerja.")
    if (
        jalur.suffix.lower() not in DOKUMEN_TERCATAT
        or jalur == buku.berkas.resolve()
        or jalur.relative_to(kerja).parts[0].casefold() == skema.FOLDER_CADANGAN.casefold()
    ):
        raise IsianError(
            f"{asal}: '{teks}' tidak dapat dipakai: hanya dokumen Word (.docx) atau PDF di "
            f"folder kerja, bukan buku kerja {buku.berkas.name} dan bukan isi folder "
            f"{skema.FOLDER_CADANGAN}/. Perbaiki isi sel itu."
        )
    return jalur


def dokumen_final(buku: Buku, peng: Pengaturan) -> DokumenFinal | None:
    """The latest FINAL row of `Dokumen` (not yet checked against its file), None if none."""
    rows = baca_tabel(buku, skema.DOKUMEN)
    rows = [r for r in rows if sebagai_teks(r["Status"]).upper() == FINAL]
    if not rows:
        return None
    r = rows[-1]
    sel = f"sheet {skema.DOKUMEN} baris {r['_baris']}"
    sidik = sebagai_teks(r["SHA-256"]).lower()
    if not re.fullmatch(r"[0-9a-f]{64}", sidik):
        raise IsianError(f"{sel}: kolom SHA-256 tidak berisi sidik SHA-256 yang sah.")
    pdf = sebagai_teks(r["PDF"])
    waktu = r["Waktu Persetujuan"]
    return DokumenFinal(
        versi=sebagai_teks(r["Versi"]),
        berkas=jalur_tercatat(buku, peng, sebagai_teks(r["Berkas"]), f"{sel}, kolom Berkas"),
        sha256=sidik,
        pdf=jalur_tercatat(buku, peng, pdf, f"{sel}, kolom PDF") if pdf else None,
        disetujui=waktu.date() if isinstance(waktu, datetime) else None,
        sel=sel,
    )


def periksa_final(final: DokumenFinal, kerja: Path) -> None:
    """Refuse a final document that is missing or no longer the one approved."""
    nama = final.berkas.relative_to(kerja.resolve()).as_posix()
    if not final.berkas.is_file():
        raise IsianError(
            f"Dokumen IKU final {nama} ({final.sel}) tidak ditemukan. Kembalikan berkas yang "
            "disetujui ke tempatnya, atau setujui ulang (langkah 10–11)."
        )
    if sha256_berkas(final.berkas) != final.sha256:
        raise IsianError(
            f"Dokumen IKU final {nama} berubah setelah disetujui: SHA-256-nya berbeda dari yang "
            f"tercatat di {final.sel}. Dokumen yang berubah tidak dikirim: kembalikan berkas "
            "yang disetujui, atau buat konsep baru dan setujui ulang (langkah 8–11)."
        )


_RE_BERKAS = re.compile(r"Dokumen_IKU_(\d{4})_v(\d+)(?:_final)?\.(?:docx|pdf)", re.IGNORECASE)


def nama_berkas(tahun: int, versi: int, final: bool = False) -> str:
    return keluaran.DOKUMEN_IKU.nama(tahun=tahun, versi=versi, akhiran="_final" if final else "")


def _kanonik(v: Any) -> Any:
    """A cell as the digest sees it: numbers to Excel's 15 digits, text stripped, '' as None."""
    if type(v) is str:  # most cells: checked first (a digest reads every cell of the master)
        return v.strip() or None
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, int | float):
        return None if math.isnan(v) else format(float(v), ".15g")
    return v.isoformat() if isinstance(v, date) else str(v).strip() or None


def _kanonik_baris(nilai: Sequence[Any], angka: dict[Any, Any]) -> list[Any]:
    """`_kanonik` of each value: text (most cells) without the call, each number formatted
    once per digest (`angka`: its int and float of equal value format alike)."""
    hasil = []
    for v in nilai:
        if type(v) is str:
            hasil.append(v.strip() or None)
        elif type(v) is int or type(v) is float:
            if (k := angka.get(v)) is None:
                k = angka[v] = _kanonik(v)
            hasil.append(k)
        else:
            hasil.append(_kanonik(v))
    return hasil


def _isi_tabel(buku: Buku, sheet: str, kolom: Sequence[str]) -> list[list[Any]]:
    """`[[r[k] for k in kolom] for r in baca_tabel(buku, sheet)]` without a dict per row: the
    same rows (fully empty ones skipped), values and errors (a header that lacks a column
    takes `baca_tabel`'s own way, which says what is wrong)."""
    isi = buku.baca(sheet)
    header = [str(h).strip() if h is not None else "" for h in (isi[0] if isi else [])]
    letak = {h: i for i, h in enumerate(header) if h}  # a repeated title: the last, as a dict
    if not isi or any(k not in letak for k in (*skema.TABEL[sheet], *kolom)):
        return [[r[k] for k in kolom] for r in baca_tabel(buku, sheet)]
    indeks = [letak[k] for k in kolom]
    hasil = []
    for baris in isi[1:]:
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in baris):
            continue
        hasil.append([baris[i] if i < len(baris) else None for i in indeks])
    return hasil


def sidik_data(buku: Buku) -> str:
    """SHA-256 over the contract columns of every Bagian sheet, the `Analisis` table (and
    `Analisis Triwulan` once it holds rows), and what staff wrote for the document (`Analisis
    Naratif`, `IKU Setda`): a final must say what the approved draft said. Read as the rows
    of `baca_indikator` and `baca_tabel`, without a dict per row (the step reads
    thousands)."""
    isi: list[Any] = []
    angka: dict[Any, Any] = {}
    for b in baca_bagian(buku):
        baris = isi_indikator(buku, b, skema.KOLOM_INDIKATOR)
        isi.append([b.kode, [_kanonik_baris(r, angka) for _, r in baris]])
    rows = _isi_tabel(buku, skema.ANALISIS, skema.KOLOM_ANALISIS_LENGKAP)
    isi.append([_kanonik_baris(r, angka) for r in rows])
    for sheet in (skema.ANALISIS_NARATIF, skema.IKU_SETDA):
        isi.append([_kanonik_baris(r, angka) for r in _isi_tabel(buku, sheet, skema.TABEL[sheet])])
    # the quarters the document shows; absent while empty, so earlier approvals stay valid
    if skema.ANALISIS_TRIWULAN in buku.nama_sheet():
        kolom = skema.KOLOM_ANALISIS_TRIWULAN
        if tw := _isi_tabel(buku, skema.ANALISIS_TRIWULAN, kolom):
            isi.append([_kanonik_baris(r, angka) for r in tw])
    return hashlib.sha256(json.dumps(isi, ensure_ascii=False).encode()).hexdigest()


def versi_terakhir(buku: Buku, folder: Path, tahun: int) -> int:
    """The highest version in the `Dokumen` sheet or among the folder's files (0: none)."""
    versi = [
        int(t) for r in baca_tabel(buku, skema.DOKUMEN) if (t := sebagai_teks(r["Versi"])).isdigit()
    ]
    for p in folder.glob("Dokumen_IKU_*") if folder.is_dir() else ():
        if (m := _RE_BERKAS.fullmatch(p.name)) and int(m[1]) == tahun:
            versi.append(int(m[2]))
    return max(versi, default=0)
