"""Supporting evidence (data dukung) a Bagian sends with a return: may it be kept at all?

Evidence comes from outside like a return does, so it passes the same kind of checks before
anything else looks at it: a plain file name, a type on the allow-list whose bytes are what
its extension says (a renamed program is not a PDF), a size limit, and for a zip of evidence
(or an Office file, itself a zip) no bomb, no nesting, no member escaping its folder, no
macros. Nothing here opens the content beyond its first bytes and the zip directory.

A refused evidence file is still kept as a received original (`pyxl.berkas.arsip_masuk`):
only its listing as evidence is refused, with one `Blokir` finding that says why and what
to send instead.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from pyxl.galat import IsianError
from pyxl.inti.pindai import BATAS_RASIO
from pyxl.inti.temuan import Temuan, blokir
from pyxl.kontrak.pengaturan import Pengaturan

JENIS_BAWAAN = frozenset({"pdf", "jpg", "jpeg", "png", "xlsx", "docx", "pptx", "csv", "zip"})
"""Evidence types accepted unless the office sets its own list."""
BATAS_BAWAAN = 20 * 1024 * 1024
"""Bytes per evidence file (a scanned decree of a few pages is well under)."""
BATAS_ISI_ZIP = 200 * 1024 * 1024
"""Bytes a zip of evidence may hold once unpacked, all members together."""
BATAS_ANGGOTA = 500
"""Files in one zip of evidence."""
BATAS_NAMA = 150

TAK_PERNAH = frozenset(
    {
        *("exe", "com", "bat", "cmd", "scr", "pif", "msi", "msp", "cpl", "dll", "sys", "hta"),
        *("js", "jse", "vbs", "vbe", "wsf", "wsh", "ps1", "psm1", "jar", "lnk", "url", "reg"),
        *("inf", "iso", "img", "xlsm", "xltm", "xlam", "xls", "xlsb", "docm", "dotm", "doc"),
        *("pptm", "potm", "ppsm", "ppt"),
    }
)
"""Types never accepted as evidence, whatever the setting says: programs, scripts, shortcuts,
disk images and documents that may carry macros (an office that needs an old .doc converts
it to PDF)."""
BATAS_SETELAN_MB = BATAS_ISI_ZIP // (1024 * 1024)
"""The largest 'Batas Ukuran Bukti (MB)' a setting may give."""
KUNCI_JENIS, KUNCI_BATAS = "Jenis Berkas Bukti", "Batas Ukuran Bukti (MB)"

_GALAT_ZIP = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    OSError,
    ValueError,
    EOFError,
    NotImplementedError,
    RuntimeError,
    zlib.error,
    UnicodeError,
)
"""What reading a hostile or broken zip may raise (a corrupt deflate stream is a zlib.error,
an unknown compression method NotImplementedError): the file is refused, never a crash."""

_OFFICE = {"xlsx", "docx", "pptx"}
_TEKS = {"csv", "txt"}
_RE_PERANGKAT = re.compile(r"(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?", re.IGNORECASE)
_TERLARANG = set('<>:"|?*\\/') | {chr(i) for i in range(32)} | {"\x7f"}


@dataclass(frozen=True)
class Bukti:
    """One evidence file as received: its plain name and its bytes."""

    nama: str
    data: bytes


def aturan_bukti(peng: Pengaturan) -> tuple[frozenset[str], int]:
    """The allowed types (extensions without the dot) and the size limit in bytes that the
    settings 'Jenis Berkas Bukti' and 'Batas Ukuran Bukti (MB)' give; a value that cannot be
    used is an `IsianError` naming the setting, its cell and what to write."""
    teks = peng[KUNCI_JENIS]
    jenis = {j.lower().removeprefix("*").lstrip(".") for j in re.split(r"[\s,;]+", teks)} - {""}
    salah = sorted(j for j in jenis if not re.fullmatch(r"[a-z0-9]{1,10}", j))
    if salah or not jenis:
        raise IsianError(
            f"Pengaturan '{KUNCI_JENIS}' berisi {teks!r} ({peng.lokasi(KUNCI_JENIS)}): tulis "
            "ekstensi berkas dipisahkan koma, misalnya 'pdf, jpg, png, zip'."
        )
    if terlarang := sorted(jenis & TAK_PERNAH):
        raise IsianError(
            f"Pengaturan '{KUNCI_JENIS}' ({peng.lokasi(KUNCI_JENIS)}) memuat "
            f"{', '.join(terlarang)}: program, skrip dan berkas yang dapat bermakro tidak pernah "
            "diterima sebagai data dukung. Hapus dari daftar (minta Bagian mengirimnya sebagai "
            "PDF)."
        )
    mentah = peng[KUNCI_BATAS]
    try:
        mb = float(mentah.replace(",", "."))
    except ValueError:
        mb = -1.0
    if not 0 < mb <= BATAS_SETELAN_MB:
        raise IsianError(
            f"Pengaturan '{KUNCI_BATAS}' berisi {mentah!r} ({peng.lokasi(KUNCI_BATAS)}): tulis "
            f"angka MB lebih dari 0 dan paling banyak {BATAS_SETELAN_MB}, misalnya 20."
        )
    return frozenset(jenis), int(mb * 1024 * 1024)


def nama_sah(nama: str) -> str | None:
    """Why `nama` cannot be an evidence file's name (Indonesian), or None when it can: one
    plain name, no folder, no device name of Windows, nothing Explorer would refuse."""
    if not nama or len(nama) > BATAS_NAMA:
        return f"nama kosong atau lebih dari {BATAS_NAMA} karakter"
    if set(nama) & _TERLARANG:
        return "nama memuat jalur folder atau karakter yang tidak boleh ada pada nama berkas"
    if nama in (".", "..") or nama.endswith((".", " ")) or nama.startswith(" "):
        return "nama diawali spasi atau diakhiri titik/spasi"
    if _RE_PERANGKAT.fullmatch(nama):
        return "nama perangkat Windows (CON, NUL, COM1, …)"
    return None


def _akhiran(nama: str) -> str:
    return PurePosixPath(nama).suffix.lower().lstrip(".")


def _isi_sesuai(jenis: str, data: bytes) -> bool:
    """The first bytes are those of the type the extension names."""
    if jenis == "pdf":
        return data[:1024].lstrip(b"\xef\xbb\xbf\r\n\t ").startswith(b"%PDF-")
    if jenis in ("jpg", "jpeg"):
        return data.startswith(b"\xff\xd8\xff")
    if jenis == "png":
        return data.startswith(b"\x89PNG\r\n\x1a\n")
    if jenis in _OFFICE or jenis == "zip":
        return data.startswith(b"PK\x03\x04") or (jenis == "zip" and data.startswith(b"PK\x05\x06"))
    if jenis in _TEKS:
        try:
            data[:65536].decode("utf-8")
        except UnicodeDecodeError:
            try:
                data[:65536].decode("cp1252")
            except UnicodeDecodeError:
                return False
        return b"\0" not in data[:65536]
    return True  # a type the office added itself: its extension is all we know


def periksa_bukti(
    bukti: Bukti,
    jenis: Iterable[str] = JENIS_BAWAAN,
    batas: int = BATAS_BAWAAN,
    asal: str = "",
) -> list[Temuan]:
    """The `Blokir` findings that keep `bukti` from being listed as evidence (empty: it may
    be). `jenis`: allowed extensions without the dot; `batas`: bytes; `asal`: where it came
    from, for the message ("lampiran email dari …", "masuk/HUKUM/")."""
    nama, data = bukti.nama, bukti.data
    di = f"Data dukung {nama!r}" + (f" ({asal})" if asal else "")
    if alasan := nama_sah(nama):
        return [blokir("BUKTI_NAMA", f"{di}: {alasan}. Ganti nama berkasnya lalu kirim ulang.")]
    if not data:
        return [blokir("KOSONG", f"{di} kosong (0 byte). Minta Bagian mengirim ulang.")]
    if len(data) > batas:
        return [
            blokir(
                "BUKTI_TERLALU_BESAR",
                f"{di} berukuran {len(data) / 1024 / 1024:.1f} MB, di atas batas "
                f"{batas / 1024 / 1024:.0f} MB. Kecilkan (pindai ulang dengan resolusi lebih "
                "rendah, pisahkan halaman) lalu kirim ulang.",
            )
        ]
    jenis_boleh = {j.lower().lstrip(".") for j in jenis}
    akhiran = _akhiran(nama)
    if akhiran not in jenis_boleh:
        return [
            blokir(
                "BUKTI_JENIS",
                f"{di}: jenis .{akhiran or '(tanpa ekstensi)'} tidak diterima sebagai data "
                f"dukung. Kirim sebagai {', '.join(sorted(jenis_boleh))}.",
            )
        ]
    if not _isi_sesuai(akhiran, data):
        return [
            blokir(
                "BUKTI_JENIS",
                f"{di}: isinya bukan berkas .{akhiran} (ekstensinya diganti?). Kirim berkas "
                "aslinya.",
            )
        ]
    if akhiran in _OFFICE or akhiran == "zip":
        return _periksa_zip(di, akhiran, data, jenis_boleh, batas)
    return []


def _periksa_zip(di: str, akhiran: str, data: bytes, jenis: set[str], batas: int) -> list[Temuan]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            anggota = z.infolist()
    except _GALAT_ZIP:
        return [blokir("BUKTI_JENIS", f"{di} rusak (tidak dapat dibuka). Kirim ulang.")]
    bom = blokir(
        "BUKTI_BOM_ZIP",
        f"{di} membengkak tidak wajar saat dibuka, bersarang, atau berisi terlalu banyak "
        "berkas. Kirim berkas-berkasnya satu per satu.",
    )
    if len(anggota) > BATAS_ANGGOTA or sum(i.file_size for i in anggota) > BATAS_ISI_ZIP:
        return [bom]
    if any(
        i.file_size > 1024 * 1024 and i.file_size > BATAS_RASIO * max(i.compress_size, 1)
        for i in anggota
    ):
        return [bom]
    for i in anggota:
        n = i.filename.replace("\\", "/")
        if n.startswith("/") or re.match(r"[A-Za-z]:", n) or ".." in n.split("/"):
            return [blokir("BUKTI_NAMA", f"{di} berisi nama yang keluar dari foldernya ({n!r}).")]
        if i.flag_bits & 0x1:
            return [blokir("BUKTI_JENIS", f"{di} berisi bagian yang terenkripsi.")]
    if akhiran in _OFFICE:
        if any(i.filename.lower().endswith("vbaproject.bin") for i in anggota):
            return [blokir("BUKTI_JENIS", f"{di} berisi makro. Simpan tanpa makro.")]
        return []
    # a zip of evidence: every member is evidence in its own right, one level deep
    hasil: list[Temuan] = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for i in anggota:
            if i.is_dir():
                continue
            nama = PurePosixPath(i.filename.replace("\\", "/")).name
            if _akhiran(nama) == "zip":
                return [bom]
            if i.file_size > batas:
                return [_isi_ditolak(di, nama)]
            try:
                isi = z.read(i)
            except _GALAT_ZIP:
                return [blokir("BUKTI_JENIS", f"{di} rusak ({nama!r} tidak dapat dibaca).")]
            if periksa_bukti(Bukti(nama, isi), jenis - {"zip"}, batas):
                hasil.append(_isi_ditolak(di, nama))
    return hasil[:1]


def _isi_ditolak(di: str, nama: str) -> Temuan:
    return blokir(
        "BUKTI_JENIS",
        f"{di}: isinya {nama!r} tidak dapat diterima (jenis, nama, isi atau ukurannya). Kirim "
        "berkas-berkasnya satu per satu.",
    )
