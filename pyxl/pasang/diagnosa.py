"""`pyxl cek`: is this machine and this working folder ready for the buttons to work?

Each finding says, in Indonesian, what is wrong and what to do. The check also runs without a
workbook (then it says how to make one), so IT can run it right after installing.

On Windows it also looks at what stops buttons in the field (read only): the interpreter xlwings
will really use (the `xlwings.conf` sheet, then an `xlwings.conf` file beside the workbook, then the
user's file, as xlwings' VBA does), whether the working folder is an Excel Trusted Location, the
macro settings, the "downloaded from the internet" mark on the master, and the Defender ASR rule
that forbids Office to start programs. Those go through `pyxl.pasang.pemasang.SistemWindows`, so
each failure can be simulated anywhere with `WindowsTiruan`; elsewhere they are reported as skipped.
"""

from __future__ import annotations

import csv
import fnmatch
import os
import re
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Literal

from pyxl.buku.port import Buku
from pyxl.inti.sel import sebagai_teks
from pyxl.kontrak import skema
from pyxl.pasang.pemasang import (
    HKCU,
    HKLM,
    KEAMANAN_EXCEL,
    KEAMANAN_EXCEL_KEBIJAKAN,
    TRUSTED,
    TRUSTED_KEBIJAKAN,
    SistemWindows,
    cari_lokasi,
    luaskan,
    python_venv,
    sistem_ini,
    venv_bawaan,
    zona,
)

OK = "OK"
PERINGATAN = "PERINGATAN"
GAGAL = "GAGAL"
DILEWATI = "DILEWATI"
"""A check that only means something on another system (Windows); not a failure."""

XLWINGS_DISEMATKAN = "0.37.8"


@dataclass(frozen=True)
class Temuan:
    tingkat: str
    hal: str
    pesan: str


def versi_vba_xlwings(berkas: Path) -> str | None:
    """The xlwings version written in the workbook's embedded VBA module (`'Version: x.y.z`)."""
    from pyxl.berkas.ovba import read_vba_modules

    try:
        with zipfile.ZipFile(berkas) as z:
            modul = read_vba_modules(z.read("xl/vbaProject.bin"))
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return None
    m = re.search(r"^'Version:\s*([\w.]+)", modul.get("xlwings", ""), re.M)
    return m.group(1) if m else None


def _versi(paket: str) -> str | None:
    try:
        return metadata.version(paket)
    except metadata.PackageNotFoundError:
        return None


def _bisa_ditulis(folder: Path) -> bool:
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def periksa(
    buku: Buku | None,
    berkas: Path,
    sistem: SistemWindows | Literal["otomatis"] | None = "otomatis",
) -> list[Temuan]:
    """Every finding. `sistem`: the Windows to look at (bawaan: this machine's, none when it is
    not Windows); tests pass `pyxl.pasang.pemasang.WindowsTiruan`."""
    if sistem == "otomatis":
        sistem = sistem_ini()
    t: list[Temuan] = []
    py = sys.version_info
    t.append(
        Temuan(
            OK if py >= (3, 11) else GAGAL,
            "Python",
            f"Python {py.major}.{py.minor}.{py.micro} di {sys.executable}"
            + ("" if py >= (3, 11) else ". pyxl memerlukan Python 3.11 atau lebih baru."),
        )
    )
    xw = _versi("xlwings")
    if xw is None:
        t.append(Temuan(GAGAL, "xlwings", "xlwings belum terpasang: pip install pyxl."))
    else:
        t.append(
            Temuan(
                OK if xw == XLWINGS_DISEMATKAN else GAGAL,
                "xlwings",
                f"xlwings {xw}"
                + (
                    ""
                    if xw == XLWINGS_DISEMATKAN
                    else f"; pyxl memerlukan {XLWINGS_DISEMATKAN}. Pasang ulang pyxl."
                ),
            )
        )
    for paket in ("pandas", "openpyxl", "python-docx", "docxtpl", "python-calamine", "XlsxWriter"):
        v = _versi(paket)
        t.append(
            Temuan(
                OK if v else GAGAL,
                paket,
                f"{paket} {v}" if v else f"{paket} belum terpasang: pasang ulang pyxl.",
            )
        )
    if buku is None:
        t.append(
            Temuan(
                GAGAL,
                "Buku kerja",
                f"{berkas} tidak ditemukan. Buat folder kerja: "
                "pyxl init FOLDER, lalu jalankan pyxl cek dari folder itu.",
            )
        )
        t += _periksa_windows(sistem, None, "")
        return t
    t.append(Temuan(OK, "Buku kerja", str(berkas)))
    vba = versi_vba_xlwings(berkas)
    if vba is None:
        t.append(
            Temuan(
                GAGAL,
                "Modul VBA xlwings",
                "Modul xlwings tidak ditemukan di buku kerja; tombol tidak akan berjalan. "
                "Perbaiki dengan buku kerja tertutup: pyxl perbarui.",
            )
        )
    else:
        cocok = xw is not None and vba == xw
        t.append(
            Temuan(
                OK if cocok else GAGAL,
                "Modul VBA xlwings",
                f"versi {vba}"
                + (
                    ""
                    if cocok
                    else f", paket Python {xw}: versi harus sama. Dengan buku kerja "
                    "tertutup, jalankan pyxl perbarui (memasang modul versi paket ini)."
                ),
            )
        )
    ada = set(buku.nama_sheet())
    hilang = [s for s in (*skema.SHEET_WAJIB, skema.XLWINGS_CONF) if s not in ada]
    t.append(
        Temuan(
            GAGAL if hilang else OK,
            "Sheet",
            f"sheet hilang: {', '.join(hilang)}. {PERBAIKI}"
            if hilang
            else "semua sheet kontrak ada",
        )
    )
    t += _periksa_master(buku, berkas)
    if skema.XLWINGS_CONF in ada:
        t += _periksa_interpreter(buku, berkas, windows=sistem is not None)
    folder = berkas.resolve().parent
    for nama in skema.FOLDERS:
        f = folder / nama
        if not f.is_dir():
            t.append(Temuan(GAGAL, f"Folder {nama}", f"{f} tidak ada; buat folder itu."))
        elif not _bisa_ditulis(f):
            t.append(
                Temuan(GAGAL, f"Folder {nama}", f"{f} tidak dapat ditulis; periksa hak akses.")
            )
        else:
            t.append(Temuan(OK, f"Folder {nama}", "dapat ditulis"))
    from pyxl.dokumen.templat import NAMA_TEMPLAT, contoh_konteks
    from pyxl.dokumen.word import cari_templat, periksa_templat
    from pyxl.galat import LingkunganError

    for nama in NAMA_TEMPLAT:
        try:
            jalur = cari_templat(folder, nama)
        except LingkunganError as exc:
            t.append(Temuan(GAGAL, f"Templat {nama}", str(exc)))
            continue
        masalah = periksa_templat(jalur, contoh_konteks(nama))
        t.append(
            Temuan(GAGAL, f"Templat {nama}", f"{jalur}: {'; '.join(masalah)}. Perbaiki di Word.")
            if masalah
            else Temuan(OK, f"Templat {nama}", str(jalur))
        )
    interpreter = (
        _interpreter_efektif(buku, berkas, windows=True)[0]
        if sistem is not None and skema.XLWINGS_CONF in ada
        else ""
    )
    t += _periksa_windows(sistem, berkas, interpreter)
    return t


PERBAIKI = (
    "Perbaiki dengan buku kerja tertutup: pyxl perbarui (cadangan dibuat dulu, semua isian "
    "tetap), atau jalankan PASANG.bat lagi."
)


def _periksa_master(buku: Buku, berkas: Path) -> list[Temuan]:
    """The master itself: structure version, buttons and their macros, VBA project, the very
    hidden `Sistem` sheet. Each problem names `pyxl perbarui`, which fixes it."""
    from pyxl.bangun.periksa import periksa_berkas_master
    from pyxl.buku.struktur import dari_pyxl_lebih_baru, kekurangan, periksa_master
    from pyxl.galat import BukuError

    try:
        periksa_master(buku)
    except BukuError as exc:
        return [Temuan(GAGAL, "Struktur buku kerja", str(exc))]
    kurang = kekurangan(buku)
    # a master of a newer pyxl needs that pyxl (its message says so): perbarui refuses it
    saran = "" if dari_pyxl_lebih_baru(buku) else f" {PERBAIKI}"
    hasil = [
        Temuan(
            GAGAL if kurang else OK,
            "Struktur buku kerja",
            f"{'; '.join(kurang)}.{saran}" if kurang else "sesuai pyxl ini",
        )
    ]
    masalah = periksa_berkas_master(berkas) if berkas.suffix.lower() == ".xlsm" else []
    hasil.append(
        Temuan(
            GAGAL if masalah else OK,
            "Tombol dan makro",
            f"{'; '.join(masalah)}. {PERBAIKI}"
            if masalah
            else "semua tombol Kendali terhubung ke makronya; proyek VBA lengkap; "
            f"sheet {skema.SISTEM} sangat tersembunyi",
        )
    )
    return hasil


# --- the interpreter xlwings will use ------------------------------------------------------


def baca_conf_berkas(berkas: Path) -> dict[str, str]:
    """An `xlwings.conf` file as xlwings' VBA reads it (`"KEY","value"` per line, `Write #`)."""
    try:
        teks = berkas.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return {}
    hasil: dict[str, str] = {}
    for baris in csv.reader(teks.splitlines()):
        if baris and baris[0].strip():
            hasil.setdefault(baris[0].strip().upper(), baris[1].strip() if len(baris) > 1 else "")
    return hasil


def _conf_sheet(buku: Buku) -> dict[str, str]:
    # xlwings reads column A from A1 down to the first empty cell
    hasil: dict[str, str] = {}
    for r in buku.baca(skema.XLWINGS_CONF):
        if not r or not sebagai_teks(r[0]).strip():
            break
        hasil[sebagai_teks(r[0]).strip().upper()] = sebagai_teks(r[1]) if len(r) > 1 else ""
    return hasil


def _interpreter_efektif(buku: Buku, berkas: Path, windows: bool) -> tuple[str, str, list[Temuan]]:
    """(value, where it comes from, remarks) in xlwings' order: a key present on the sheet
    wins even when empty, then the file beside the workbook, then the user's file; an empty
    INTERPRETER_WIN falls back to the old key INTERPRETER."""
    kunci = "INTERPRETER_WIN" if windows else "INTERPRETER_MAC"
    profil = os.environ.get("USERPROFILE") or str(Path.home())
    sumber = [
        ("sheet xlwings.conf", _conf_sheet(buku)),
        (
            f"berkas {berkas.parent / 'xlwings.conf'}",
            baca_conf_berkas(berkas.parent / "xlwings.conf"),
        ),
        (
            f"berkas {Path(profil) / '.xlwings' / 'xlwings.conf'}",
            baca_conf_berkas(Path(profil) / ".xlwings" / "xlwings.conf"),
        ),
    ]
    catatan: list[Temuan] = []
    berkas_dir = sumber[1][1]
    if kunci in sumber[0][1] and berkas_dir.get(kunci, sumber[0][1][kunci]) != sumber[0][1][kunci]:
        catatan.append(
            Temuan(
                PERINGATAN,
                "Berkas xlwings.conf",
                f"{sumber[1][0]} mengisi {kunci} = {berkas_dir[kunci]!r}, tetapi xlwings "
                f"mengabaikannya karena sheet xlwings.conf juga mempunyai kunci {kunci} (sheet "
                "didahulukan, walaupun kosong). Isi jalur Python di sheet xlwings.conf, sel B "
                f"di samping {kunci}.",
            )
        )
    for k in (kunci, "INTERPRETER"):
        for nama, isi in sumber:
            if k in isi:
                if isi[k].strip():
                    return isi[k].strip(), nama, catatan
                break
    return "", "", catatan


def _periksa_interpreter(buku: Buku, berkas: Path, windows: bool) -> list[Temuan]:
    interp, sumber, catatan = _interpreter_efektif(buku, berkas, windows)
    if not interp:
        return [
            *catatan,
            Temuan(
                PERINGATAN,
                "Interpreter",
                "INTERPRETER_WIN/MAC di sheet "
                "xlwings.conf kosong: Excel memakai 'python' dari PATH. Isi jalur "
                f"lengkap, misalnya {sys.executable}.",
            ),
        ]
    jalur = luaskan(interp)
    tampil = interp if jalur == interp else f"{interp} (= {jalur})"
    if Path(jalur).is_file():
        return [*catatan, Temuan(OK, "Interpreter", f"{tampil}, dari {sumber}")]
    return [
        *catatan,
        Temuan(
            GAGAL,
            "Interpreter",
            f"{tampil} ({sumber}) tidak ada: tombol akan gagal dengan 'Could not find "
            "Interpreter!'. Jalankan PASANG.bat lagi, atau ganti dengan jalur python yang "
            f"terpasang, misalnya {sys.executable}.",
        ),
    ]


# --- Windows: Trusted Location, macros, Mark of the Web, Defender ASR ------------------------

ASR_GUID = "d4f940ab-401b-4efc-aadc-ad5f3c50688a"
"""Defender ASR rule "Block all Office applications from creating child processes"."""
_ASR = r"Windows Defender\Windows Defender Exploit Guard\ASR"
ASR_ATURAN = (
    (HKLM, rf"SOFTWARE\Policies\Microsoft\{_ASR}\Rules", "Kebijakan Grup"),
    (HKLM, r"SOFTWARE\Microsoft\PolicyManager\current\device\Defender", "Intune/MDM"),
    (HKLM, rf"SOFTWARE\Microsoft\{_ASR}\Rules", "pengaturan Defender lokal (Set-MpPreference)"),
)
ASR_PENGECUALIAN = (
    (HKLM, rf"SOFTWARE\Policies\Microsoft\{_ASR}\ASROnlyExclusions"),
    (HKLM, rf"SOFTWARE\Microsoft\{_ASR}\ASROnlyExclusions"),
)
_MDM_ATURAN = "AttackSurfaceReductionRules"
_MDM_PENGECUALIAN = "AttackSurfaceReductionOnlyExclusions"
_KEBIJAKAN_UMUM = r"Software\Policies\Microsoft\Office\16.0\Common"


def teks_asr_untuk_it(python: str) -> str:
    """What to hand to IT when the ASR rule blocks the buttons (Indonesian, copyable)."""
    return (
        'Aturan ASR Microsoft Defender "Block all Office applications from creating child '
        f'processes" (GUID {ASR_GUID}) melarang Excel menjalankan program lain, sehingga tombol '
        "pyxl tidak dapat menjalankan Python. Tombol (xlwings RunPython) menjalankan cmd.exe, "
        f"yang lalu menjalankan {python}.\n"
        "Pilihan untuk IT (salah satu), sebagai administrator di PowerShell:\n"
        "  1. Pengecualian khusus ASR untuk Python pyxl:\n"
        f'       Add-MpPreference -AttackSurfaceReductionOnlyExclusions "{python}"\n'
        "     atau lewat Kebijakan Grup: Computer Configuration > Administrative Templates > "
        "Windows Components > Microsoft Defender Antivirus > Microsoft Defender Exploit Guard > "
        'Attack Surface Reduction > "Exclude files and paths from Attack Surface Reduction '
        f'Rules" (nama nilai: {python}, nilai: 0).\n'
        "  2. Mode Warn untuk aturan ini di PC ini (pengguna dapat mengizinkan sendiri):\n"
        f"       Add-MpPreference -AttackSurfaceReductionRules_Ids {ASR_GUID} "
        "-AttackSurfaceReductionRules_Actions Warn\n"
        "Sesudahnya klik Cek Lingkungan di sheet Kendali, lalu satu tombol. Bila tombol masih "
        'diblokir, log "Microsoft-Windows-Windows Defender/Operational" peristiwa 1121 menyebut '
        "jalur yang diblokir (bisa cmd.exe): pengecualian harus untuk jalur itu, atau pakai "
        "pilihan 2."
    )


def _periksa_windows(
    sistem: SistemWindows | None, berkas: Path | None, interp: str
) -> list[Temuan]:
    if sistem is None:
        lewat = "dilewati: hanya diperiksa di Windows."
        hal = ["Makro Excel", "Aturan ASR Defender"]
        if berkas is not None:
            hal[:0] = ["Trusted Location", "Mark of the Web"]
        return [Temuan(DILEWATI, h, lewat) for h in hal]
    python = (
        luaskan(interp)
        if interp
        else str(python_venv(venv_bawaan(), jendela=True, berjendela=True))
    )
    t: list[Temuan] = []
    tepercaya = False
    if berkas is not None:
        temuan_lokasi, tepercaya = _periksa_tepercaya(sistem, berkas.resolve().parent)
        t.append(temuan_lokasi)
        t.append(_periksa_motw(sistem, berkas, tepercaya))
    t.append(_periksa_makro(sistem, tepercaya))
    t.append(_periksa_asr(sistem, python))
    return t


def _satu(nilai: object) -> int | None:
    try:
        return int(str(nilai).strip())
    except ValueError:
        return None


def _periksa_tepercaya(sistem: SistemWindows, folder: Path) -> tuple[Temuan, bool]:
    hal = "Trusted Location"
    for hive in (HKCU, HKLM):
        if _satu(sistem.baca_nilai(hive, TRUSTED_KEBIJAKAN, "AllLocationsDisabled")) == 1:
            return Temuan(
                GAGAL,
                hal,
                "Kebijakan IT mematikan semua Trusted Location Excel (AllLocationsDisabled): "
                "makro buku kerja master hanya berjalan bila ditandatangani digital atau bila IT "
                "mengizinkan makro. Minta IT mengubah kebijakan itu.",
            ), False
    lok = cari_lokasi(sistem, folder)
    if lok is None:
        return Temuan(
            GAGAL,
            hal,
            f"Folder kerja {folder} bukan Trusted Location Excel: makro dapat diblokir. "
            "Jalankan PASANG.bat lagi, atau di Excel: File > Options > Trust Center > Trust "
            "Center Settings > Trusted Locations > Add new location (centang Subfolders).",
        ), False
    if not lok.kebijakan and any(
        _satu(sistem.baca_nilai(h, _KEBIJAKAN_UMUM + r"\Security\Trusted Locations", n)) == 0
        for h in (HKCU, HKLM)
        for n in ("Allow User Locations", "AllowUserLocations")
    ):
        return Temuan(
            GAGAL,
            hal,
            f"{lok.path} didaftarkan oleh pengguna, tetapi kebijakan IT hanya menerima Trusted "
            "Location dari Kebijakan Grup (Allow User Locations = 0). Minta IT menambahkan "
            f"{folder} sebagai Trusted Location melalui Kebijakan Grup.",
        ), False
    if lok.path.startswith("\\\\") and not any(
        _satu(sistem.baca_nilai(h, k, "AllowNetworkLocations")) == 1
        for h, k in ((HKCU, TRUSTED), (HKCU, TRUSTED_KEBIJAKAN), (HKLM, TRUSTED_KEBIJAKAN))
    ):
        return Temuan(
            GAGAL,
            hal,
            f"{lok.path} adalah folder jaringan, dan Excel tidak mempercayai folder jaringan "
            "(AllowNetworkLocations bukan 1). Di Trust Center > Trusted Locations centang "
            '"Allow Trusted Locations on my network", atau pakai folder kerja di disk lokal.',
        ), False
    asal = "kebijakan IT" if lok.kebijakan else "pengguna"
    cakupan = "" if _norm_sama(lok.path, folder) else " (folder induk, termasuk subfolder)"
    return Temuan(OK, hal, f"tepercaya melalui {lok.path}{cakupan}, dari {asal}"), True


def _norm_sama(a: str | Path, b: str | Path) -> bool:
    def n(x: str | Path) -> str:
        return luaskan(str(x)).replace("/", "\\").rstrip("\\").lower()

    return n(a) == n(b)


def _periksa_makro(sistem: SistemWindows, tepercaya: bool) -> Temuan:
    hal = "Makro Excel"
    if any(_satu(sistem.baca_nilai(h, _KEBIJAKAN_UMUM, "vbaoff")) == 1 for h in (HKCU, HKLM)):
        return Temuan(
            GAGAL,
            hal,
            "VBA dimatikan seluruhnya oleh kebijakan IT (vbaoff = 1): tidak ada tombol yang dapat "
            "berjalan, juga di Trusted Location. Minta IT mencabut kebijakan itu untuk PC ini.",
        )
    nilai, asal = None, "bawaan Excel"
    for hive, kunci, nama in (
        (HKCU, KEAMANAN_EXCEL_KEBIJAKAN, "kebijakan IT"),
        (HKCU, KEAMANAN_EXCEL, "pengaturan Excel"),
    ):
        nilai = _satu(sistem.baca_nilai(hive, kunci, "VBAWarnings"))
        if nilai is not None:
            asal = nama
            break
    nilai = 2 if nilai is None else nilai
    sumber = f"VBAWarnings = {nilai}, {asal}"
    if nilai == 1:
        return Temuan(OK, hal, f"semua makro diaktifkan ({sumber}).")
    if tepercaya:
        return Temuan(
            OK, hal, f"makro di Trusted Location berjalan; folder kerja tepercaya ({sumber})."
        )
    if nilai == 4:
        return Temuan(
            GAGAL,
            hal,
            f"semua makro dimatikan tanpa pemberitahuan ({sumber}) dan folder kerja bukan "
            "Trusted Location: tombol tidak berbuat apa-apa. Jadikan folder kerja Trusted "
            "Location (jalankan PASANG.bat lagi).",
        )
    if nilai == 3:
        return Temuan(
            GAGAL,
            hal,
            f"hanya makro bertanda tangan digital yang berjalan ({sumber}); makro pyxl tidak "
            "ditandatangani dan folder kerja bukan Trusted Location. Jadikan folder kerja "
            "Trusted Location (jalankan PASANG.bat lagi).",
        )
    return Temuan(
        PERINGATAN,
        hal,
        f"makro dimatikan dengan pemberitahuan ({sumber}): setiap kali buku kerja dibuka, klik "
        '"Enable Content" pada bilah kuning. Lebih baik jadikan folder kerja Trusted Location.',
    )


def _periksa_motw(sistem: SistemWindows, berkas: Path, tepercaya: bool) -> Temuan:
    hal = "Mark of the Web"
    z = zona(sistem.baca_motw(berkas))
    if z is None or z < 3:
        return Temuan(OK, hal, f"{berkas.name} tidak bertanda berasal dari internet.")
    buang = (
        f"Hapus tandanya: klik kanan {berkas.name} > Properties > centang Unblock > OK, atau "
        f'PowerShell: Unblock-File "{berkas}", atau jalankan PASANG.bat lagi.'
    )
    if tepercaya:
        return Temuan(
            PERINGATAN,
            hal,
            f"{berkas.name} bertanda berasal dari internet (ZoneId={z}); makro tetap berjalan "
            f"karena folder kerja tepercaya. {buang}",
        )
    return Temuan(
        GAGAL,
        hal,
        f"{berkas.name} bertanda berasal dari internet (ZoneId={z}): Excel memblokir makronya "
        f'("Microsoft has blocked macros from running"). {buang}',
    )


def _mode_asr(sistem: SistemWindows) -> tuple[int | None, str]:
    for hive, kunci, asal in ASR_ATURAN:
        if asal == "Intune/MDM":
            teks = str(sistem.baca_nilai(hive, kunci, _MDM_ATURAN) or "")
            for bagian in teks.split("|"):
                guid, _, mode = bagian.partition("=")
                if guid.strip().lower() == ASR_GUID and _satu(mode) is not None:
                    return _satu(mode), asal
            continue
        for nama, nilai in sistem.daftar_nilai(hive, kunci).items():
            if nama.strip("{} ").lower() == ASR_GUID:
                return _satu(nilai), asal
    return None, ""


def _dikecualikan(sistem: SistemWindows, python: str) -> str | None:
    daftar = [n for h, k in ASR_PENGECUALIAN for n in sistem.daftar_nilai(h, k)]
    mdm = sistem.baca_nilai(HKLM, ASR_ATURAN[1][1], _MDM_PENGECUALIAN)
    daftar += [x for x in str(mdm or "").split("|") if x.strip()]
    target = luaskan(python).replace("/", "\\").lower()
    for p in daftar:
        pola = luaskan(p.strip()).replace("/", "\\").rstrip("\\").lower()
        if target == pola or target.startswith(pola + "\\") or fnmatch.fnmatchcase(target, pola):
            return p
    return None


def _periksa_asr(sistem: SistemWindows, python: str) -> Temuan:
    hal = "Aturan ASR Defender"
    try:
        mode, asal = _mode_asr(sistem)
        pengecualian = _dikecualikan(sistem, python) if mode in (1, 6) else None
    except PermissionError:
        return Temuan(
            PERINGATAN,
            hal,
            "pengaturan ASR Defender tidak dapat dibaca dengan hak pengguna ini. Bila tombol "
            f"tidak berjalan, serahkan teks ini kepada IT:\n{teks_asr_untuk_it(python)}",
        )
    if mode in (None, 0, 5):
        return Temuan(OK, hal, f"aturan {ASR_GUID} (Office membuat proses anak) tidak aktif.")
    if mode == 2:
        return Temuan(
            OK, hal, f"aturan {ASR_GUID} dalam mode Audit ({asal}): dicatat, tidak memblokir."
        )
    if pengecualian:
        return Temuan(
            PERINGATAN,
            hal,
            f"aturan {ASR_GUID} aktif ({'Blokir' if mode == 1 else 'Warn'}, {asal}) dengan "
            f"pengecualian {pengecualian}. Uji satu tombol; bila diblokir, serahkan teks ini "
            f"kepada IT:\n{teks_asr_untuk_it(python)}",
        )
    if mode == 6:
        return Temuan(
            PERINGATAN,
            hal,
            f"aturan {ASR_GUID} dalam mode Warn ({asal}): saat tombol diklik Windows "
            'menampilkan peringatan; pilih "Unblock"/izinkan (berlaku sementara). Agar tidak '
            f"muncul lagi, serahkan teks ini kepada IT:\n{teks_asr_untuk_it(python)}",
        )
    return Temuan(
        GAGAL,
        hal,
        f"aturan {ASR_GUID} aktif dalam mode Blokir ({asal}, nilai {mode}): Excel tidak "
        "diizinkan menjalankan Python, jadi tidak ada tombol yang berjalan. Serahkan teks ini "
        f"kepada IT:\n{teks_asr_untuk_it(python)}",
    )


def laporan(temuan: list[Temuan]) -> str:
    baris = [f"[{x.tingkat:<10}] {x.hal}: {x.pesan}" for x in temuan]
    gagal = sum(x.tingkat == GAGAL for x in temuan)
    baris.append("")
    baris.append(
        "Semua pemeriksaan lulus."
        if not gagal
        else f"{gagal} pemeriksaan GAGAL: perbaiki sesuai pesan di atas."
    )
    return "\n".join(baris)
