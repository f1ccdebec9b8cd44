"""`pyxl paket DIR`: an offline installation folder for Windows x64 PCs without internet.

Built on any machine with internet from the pyxl source folder:

    DIR/PASANG.bat, HAPUS.bat   find a Python 3.11-3.13 and run pasang.py (install / remove)
    DIR/pasang.py, galat.py     the installer (`pyxl/pasang/pemasang.py`, standard library only)
                                and its exceptions (`pyxl/galat.py`)
    DIR/wheelhouse/             pyxl's wheel and every dependency, Windows wheels only, for
                                each supported Python version (nothing needs a compiler)
    DIR/folder-kerja-awal/      the master workbook and Word templates (`pyxl init`)
    DIR/BACA-SAYA.txt           instructions for IT and staff, in Indonesian
    DIR/paket.json              what is inside (versions, folders)

`pip download --platform win_amd64` resolves with the *building* machine's environment
markers, so a dependency only Windows needs (xlwings needs pywin32 there) is silently left
out. `selesaikan` therefore walks the wheelhouse itself with the markers of Windows and of
each Python version, and what is missing is downloaded until nothing is. Wheels already in
DIR/wheelhouse are reused (a second run downloads nothing); wheels no version needs any more
are removed.

`python -m pyxl.pasang.paket --gambar docs/gambar` renders the Kendali sheet of the committed
workbook (LibreOffice headless, pdftoppm) for the README's staff guide.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from email.parser import Parser
from pathlib import Path

from pyxl import __version__, galat
from pyxl.galat import LingkunganError
from pyxl.kontrak import kendali, skema

AKAR = Path(__file__).resolve().parents[2]
PAKET_SUMBER = ("pyxl", "templates")
"""The source folders the wheel is built from (see `[tool.setuptools]` in pyproject.toml)."""
PYTHON_DIDUKUNG = ("3.11", "3.12", "3.13")


def _packaging_dari_pip() -> None:  # pragma: no cover - only where packaging is absent
    """pip is needed here anyway: its vendored `packaging` stands in when the real one is not
    installed (pyxl does not depend on it)."""
    import importlib

    for sub in ("", ".markers", ".requirements", ".specifiers", ".tags", ".utils", ".version"):
        sys.modules[f"packaging{sub}"] = importlib.import_module(f"pip._vendor.packaging{sub}")


try:
    import packaging.tags  # noqa: F401
except ImportError:  # pragma: no cover
    _packaging_dari_pip()

from packaging.requirements import Requirement  # noqa: E402
from packaging.specifiers import SpecifierSet  # noqa: E402
from packaging.tags import Tag, compatible_tags, cpython_tags  # noqa: E402
from packaging.utils import canonicalize_name, parse_wheel_filename  # noqa: E402
from packaging.version import Version  # noqa: E402

# --- resolving for Windows --------------------------------------------------------------------


def lingkungan_windows(versi: str) -> dict[str, str]:
    """PEP 508 marker values of 64-bit CPython `versi` on Windows 10/11."""
    return {
        "implementation_name": "cpython",
        "implementation_version": f"{versi}.0",
        "os_name": "nt",
        "platform_machine": "AMD64",
        "platform_python_implementation": "CPython",
        "platform_release": "10",
        "platform_system": "Windows",
        "platform_version": "10.0.19045",
        "python_full_version": f"{versi}.0",
        "python_version": versi,
        "sys_platform": "win32",
        "extra": "",
    }


def tag_windows(versi: str) -> set[Tag]:
    """Wheel tags 64-bit CPython `versi` on Windows installs."""
    utama, minor = (int(x) for x in versi.split("."))
    return set(cpython_tags((utama, minor), platforms=["win_amd64"])) | set(
        compatible_tags((utama, minor), f"cp{utama}{minor}", platforms=["win_amd64"])
    )


@dataclass(frozen=True)
class Roda:
    berkas: Path
    nama: str
    versi: Version
    tag: frozenset[Tag]
    butuh: tuple[str, ...]
    butuh_python: str | None


def baca_roda(berkas: Path) -> Roda:
    nama, versi, _build, tag = parse_wheel_filename(berkas.name)
    with zipfile.ZipFile(berkas) as z:
        meta_nama = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(z.read(meta_nama).decode("utf-8"))
    return Roda(
        berkas,
        str(nama),
        versi,
        frozenset(tag),
        tuple(meta.get_all("Requires-Dist") or ()),
        meta.get("Requires-Python"),
    )


@dataclass
class Penyelesaian:
    versi: str
    dipakai: dict[str, Roda] = field(default_factory=dict)
    kurang: list[str] = field(default_factory=list)
    """Requirements (markers already applied) that no wheel in the wheelhouse satisfies."""


def selesaikan(wheelhouse: Path, versi: str, akar: str = "pyxl") -> Penyelesaian:
    """Everything `akar` needs on Windows with Python `versi`, from the wheelhouse alone.

    Picks the highest compatible version of each project, as pip does; a requirement that no
    wheel satisfies (or that conflicts with an earlier pick) is reported in `kurang`."""
    env = lingkungan_windows(versi)
    tag_ok = tag_windows(versi)
    python = Version(f"{versi}.0")
    indeks: dict[str, list[Roda]] = {}
    for berkas in sorted(wheelhouse.glob("*.whl")):
        roda = baca_roda(berkas)
        if roda.tag & tag_ok and (
            roda.butuh_python is None or python in SpecifierSet(roda.butuh_python)
        ):
            indeks.setdefault(canonicalize_name(roda.nama), []).append(roda)
    hasil = Penyelesaian(versi)
    extra_dipilih: dict[str, frozenset[str]] = {}
    antre: list[tuple[Requirement, frozenset[str]]] = [(Requirement(akar), frozenset())]
    while antre:
        syarat, extra_induk = antre.pop(0)
        if syarat.marker is not None and not any(
            syarat.marker.evaluate({**env, "extra": e}) for e in (extra_induk or {""})
        ):
            continue
        nama = canonicalize_name(syarat.name)
        pilihan = hasil.dipakai.get(nama)
        if pilihan is None:
            calon = [r for r in indeks.get(nama, []) if syarat.specifier.contains(r.versi, True)]
            if not calon:
                hasil.kurang.append(_tanpa_marker(syarat))
                continue
            pilihan = hasil.dipakai[nama] = max(calon, key=lambda r: r.versi)
            extra_baru = frozenset(syarat.extras)
            antre.extend((Requirement(r), extra_baru) for r in pilihan.butuh)
        elif not syarat.specifier.contains(pilihan.versi, True):
            hasil.kurang.append(f"{_tanpa_marker(syarat)} (bentrok dengan {pilihan.versi})")
            continue
        else:
            extra_baru = frozenset(syarat.extras) - extra_dipilih.get(nama, frozenset())
            if extra_baru:  # the same project asked again with more extras
                antre.extend((Requirement(r), extra_baru) for r in pilihan.butuh)
        extra_dipilih[nama] = extra_dipilih.get(nama, frozenset()) | frozenset(syarat.extras)
    return hasil


def _tanpa_marker(syarat: Requirement) -> str:
    extra = f"[{','.join(sorted(syarat.extras))}]" if syarat.extras else ""
    return f"{syarat.name}{extra}{syarat.specifier}"


# --- building -----------------------------------------------------------------------------------


@dataclass
class RingkasanPaket:
    folder: Path
    roda_per_versi: dict[str, int]
    detik_unduh: dict[str, float]
    diunduh: int
    dibuang: list[str]
    ukuran: int
    """Bytes of the whole bundle."""


def _pip(args: Sequence[str], lapor: Callable[[str], None]) -> None:
    hasil = subprocess.run(
        [sys.executable, "-m", "pip", *args, "--disable-pip-version-check", "--progress-bar=off"],
        capture_output=True,
        text=True,
        check=False,
    )
    if hasil.returncode != 0:
        ekor = "\n".join((hasil.stdout + hasil.stderr).strip().splitlines()[-15:])
        raise LingkunganError(
            f"pip {args[0]} gagal (kode {hasil.returncode}). Periksa sambungan internet ke "
            f"indeks paket Python, lalu ulangi.\n{ekor}"
        )
    for baris in hasil.stdout.splitlines():
        if baris.startswith("Saved "):
            lapor(f"      {baris}")


def buat_roda_pyxl(sumber: Path, wheelhouse: Path, lapor: Callable[[str], None]) -> Path:
    """pyxl's own wheel, built from a copy of the sources (nothing is written into `sumber`)."""
    if not (sumber / "pyproject.toml").exists() or not (sumber / "pyxl").is_dir():
        raise LingkunganError(
            f"Sumber pyxl tidak ditemukan di {sumber}: pyxl paket harus dijalankan dari folder "
            "sumber pyxl (pasang dengan: python -m pip install -e .)."
        )
    with tempfile.TemporaryDirectory() as tmp:
        salinan = Path(tmp) / "src"
        salinan.mkdir()
        for nama in ("pyproject.toml", "README.md", "LICENSE"):
            if (sumber / nama).exists():
                shutil.copy2(sumber / nama, salinan / nama)
        for folder in PAKET_SUMBER:  # the package and its data (the Word templates)
            shutil.copytree(
                sumber / folder, salinan / folder, ignore=shutil.ignore_patterns("__pycache__")
            )
        keluar = Path(tmp) / "roda"
        lapor("Membuat roda pyxl (pip wheel --no-deps)")
        _pip(["wheel", "--no-deps", "-q", "-w", str(keluar), str(salinan)], lapor)
        [roda] = keluar.glob("pyxl-*.whl")
        for lama in wheelhouse.glob("pyxl-*.whl"):
            lama.unlink()
        tujuan = wheelhouse / roda.name
        shutil.move(str(roda), tujuan)
    return tujuan


def lengkapi(
    wheelhouse: Path, roda_pyxl: Path, versi: str, lapor: Callable[[str], None]
) -> tuple[Penyelesaian, float]:
    """Download for Python `versi` until the wheelhouse holds everything pyxl needs there."""
    mulai = time.perf_counter()
    for putaran in range(6):
        hasil = selesaikan(wheelhouse, versi)
        if not hasil.kurang:
            if putaran == 0:
                lapor(f"Python {versi}: wheelhouse sudah lengkap ({len(hasil.dipakai)} roda)")
            return hasil, time.perf_counter() - mulai
        lapor(f"Python {versi}: mengunduh {', '.join(hasil.kurang)}")
        syarat = [str(roda_pyxl)] if putaran == 0 else []
        _pip(
            [
                "download",
                "--platform",
                "win_amd64",
                "--python-version",
                versi,
                "--implementation",
                "cp",
                "--only-binary=:all:",
                "--find-links",
                str(wheelhouse),
                "-d",
                str(wheelhouse),
                *syarat,
                *(k.split(" (bentrok")[0] for k in hasil.kurang if k != "pyxl"),
            ],
            lapor,
        )
    raise LingkunganError(
        f"Python {versi}: roda untuk {', '.join(hasil.kurang)} tidak dapat dilengkapi. Mungkin "
        f"belum ada roda Windows untuk Python {versi}; buat paket tanpa versi itu "
        "(--python 3.11 3.12 ...)."
    )


def buat_paket(
    tujuan: Path,
    python_versi: Sequence[str] = PYTHON_DIDUKUNG,
    *,
    tahun: int | None = None,
    lapor: Callable[[str], None] = print,
    sumber: Path = AKAR,
) -> RingkasanPaket:
    """Build (or bring up to date) the offline bundle in `tujuan`; see the module docstring."""
    from pyxl.bangun.kerja import buat_folder_kerja
    from pyxl.pasang import pemasang as pasang

    for v in python_versi:
        if not re.fullmatch(r"3\.1[1-9]", v):
            raise LingkunganError(f"Versi Python '{v}' tidak didukung; pilih dari 3.11 ke atas.")
    tujuan.mkdir(parents=True, exist_ok=True)
    wheelhouse = tujuan / pasang.WHEELHOUSE
    wheelhouse.mkdir(exist_ok=True)
    sebelum = {p.name for p in wheelhouse.glob("*.whl")}
    roda_pyxl = buat_roda_pyxl(sumber, wheelhouse, lapor)

    roda_per_versi: dict[str, int] = {}
    detik: dict[str, float] = {}
    dipakai: set[str] = {roda_pyxl.name}
    for v in python_versi:
        hasil, detik[v] = lengkapi(wheelhouse, roda_pyxl, v, lapor)
        roda_per_versi[v] = len(hasil.dipakai)
        dipakai |= {r.berkas.name for r in hasil.dipakai.values()}
    dibuang = sorted(p.name for p in wheelhouse.iterdir() if p.name not in dipakai)
    for nama in dibuang:
        (wheelhouse / nama).unlink()
    if dibuang:
        lapor(f"Dibuang dari wheelhouse (tidak diperlukan lagi): {', '.join(dibuang)}")
    diunduh = len({p.name for p in wheelhouse.glob("*.whl")} - sebelum - {roda_pyxl.name})

    lapor("Menyiapkan folder kerja awal (buku kerja master dan templat)")
    awal = tujuan / pasang.FOLDER_AWAL
    with tempfile.TemporaryDirectory(dir=tujuan) as tmp:
        baru = Path(tmp) / "kerja"
        buat_folder_kerja(baru, tahun)
        for nama in (*skema.FOLDERS, skema.FOLDER_CADANGAN):  # created by the installer
            if (baru / nama).is_dir() and not any((baru / nama).iterdir()):
                (baru / nama).rmdir()
        if awal.exists():
            shutil.rmtree(awal)
        shutil.move(str(baru), awal)

    shutil.copy2(Path(pasang.__file__), tujuan / "pasang.py")
    shutil.copy2(Path(galat.__file__), tujuan / "galat.py")  # pasang.py's exceptions
    _tulis_crlf(tujuan / "PASANG.bat", teks_bat(python_versi, hapus=False))
    _tulis_crlf(tujuan / "HAPUS.bat", teks_bat(python_versi, hapus=True))
    jumlah_roda = len(list(wheelhouse.glob("*.whl")))
    _tulis_crlf(tujuan / "BACA-SAYA.txt", teks_baca_saya(python_versi, jumlah_roda))
    manifest = {
        "pyxl": __version__,
        "python": list(python_versi),
        "platform": "win_amd64",
        "master": skema.NAMA_MASTER,
        "folder": [*skema.FOLDERS, skema.FOLDER_TEMPLAT, skema.FOLDER_CADANGAN],
        "roda": {v: n for v, n in roda_per_versi.items()},
        "dibuat": datetime.now().isoformat(timespec="seconds"),
    }
    (tujuan / pasang.NAMA_MANIFEST).write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    ukuran = sum(p.stat().st_size for p in tujuan.rglob("*") if p.is_file())
    lapor(
        f"Paket siap di {tujuan}: {jumlah_roda} roda "
        f"({', '.join(f'Python {v}: {n}' for v, n in roda_per_versi.items())}), "
        f"{ukuran / 1e6:.0f} MB. Salin seluruh folder ke PC lalu jalankan PASANG.bat."
    )
    return RingkasanPaket(tujuan, roda_per_versi, detik, diunduh, dibuang, ukuran)


def _tulis_crlf(berkas: Path, teks: str) -> None:
    berkas.write_bytes(teks.replace("\r\n", "\n").replace("\n", "\r\n").encode("ascii"))


def teks_bat(python_versi: Sequence[str], hapus: bool) -> str:
    """PASANG.bat / HAPUS.bat: find a Python of a supported version, run pasang.py."""
    urut = sorted(python_versi, key=lambda v: tuple(int(x) for x in v.split(".")), reverse=True)
    tanpa_titik = " ".join(v.replace(".", "") for v in urut)
    penginstal = " ".join(f'"%~dp0python-{v}.*-amd64.exe"' for v in urut)
    daftar = ", ".join(python_versi)
    lokal = r"%LOCALAPPDATA%\Programs\Python\Python%%V\python.exe"
    semua = r"%ProgramFiles%\Python%%V\python.exe"
    tugas = "menghapus" if hapus else "memasang"
    pasang_python = (
        ""
        if hapus
        else f"""if "%COBA%"=="1" goto tidakada
set "COBA=1"
for %%F in ({penginstal}) do if exist "%%~fF" (
    echo Python belum ada: memasang %%~nxF untuk pengguna ini ...
    "%%~fF" /passive InstallAllUsers=0 PrependPath=0 Include_launcher=0 Include_test=0
    goto cari
)
"""
    )
    return f"""@echo off
rem Dibuat oleh pyxl paket: mencari Python {daftar} lalu {tugas} pyxl dengan pasang.py.
setlocal
cd /d "%~dp0"
set "COBA=0"
:cari
set "PYEXE="
set "PYARG="
for %%V in ({" ".join(urut)}) do (
    if not defined PYEXE (
        py -%%V -c "import sys" >nul 2>&1 && (set "PYEXE=py" & set "PYARG=-%%V")
    )
)
for %%V in ({tanpa_titik}) do (
    if not defined PYEXE if exist "{lokal}" set "PYEXE={lokal}"
    if not defined PYEXE if exist "{semua}" set "PYEXE={semua}"
)
if defined PYEXE goto jalan
{pasang_python}:tidakada
echo.
echo Python {daftar} (64-bit) tidak ditemukan di komputer ini.
echo Minta IT memasang Python dari python.org (bukan dari Microsoft Store),
echo atau letakkan penginstal resminya (misalnya python-{urut[0]}.x-amd64.exe) di folder ini,
echo lalu jalankan berkas ini lagi. Lihat BACA-SAYA.txt.
pause
exit /b 1
:jalan
"%PYEXE%" %PYARG% "%~dp0pasang.py"{" --hapus" if hapus else ""} %*
set "KODE=%ERRORLEVEL%"
pause
exit /b %KODE%
"""


def teks_baca_saya(python_versi: Sequence[str], jumlah_roda: int) -> str:
    from pyxl.pasang.diagnosa import ASR_GUID, teks_asr_untuk_it

    daftar = ", ".join(python_versi)
    python_umum = r"C:\Users\*\AppData\Local\pyxl\venv\Scripts\pythonw.exe"
    contoh = max(python_versi, key=lambda v: tuple(int(x) for x in v.split(".")))
    return f"""PAKET PEMASANGAN pyxl {__version__} - PENGUMPULAN DATA KINERJA
Untuk Windows 64-bit dengan Microsoft Excel. Python yang didukung: {daftar}.
Pemasangan tidak memerlukan internet dan tidak memerlukan hak administrator.

ISI PAKET
  PASANG.bat          memasang pyxl untuk pengguna yang sedang masuk ke Windows
  HAPUS.bat           menghapus pemasangan (folder kerja dan datanya TIDAK dihapus)
  pasang.py           program pemasang yang dijalankan oleh kedua berkas .bat
  wheelhouse\\         pyxl dan semua pustakanya ({jumlah_roda} berkas .whl, khusus Windows)
  folder-kerja-awal\\  buku kerja master dan templat Word untuk folder kerja baru
  paket.json          keterangan isi paket

SEBELUM MEMASANG
1. Salin SELURUH folder paket ke PC (misalnya ke C:\\PaketPyxl). Bila paket berupa .zip,
   ekstrak dulu; jangan menjalankan PASANG.bat dari dalam .zip.
2. Python {daftar} 64-bit dari python.org harus terpasang (pilihan "Install Now" memasang
   untuk pengguna itu saja, tanpa administrator). Jangan memakai Python dari Microsoft Store.
   Bila PC tidak mempunyai Python: letakkan penginstal resmi, misalnya
   python-{contoh}.x-amd64.exe, di folder paket ini; PASANG.bat memasangnya untuk pengguna
   itu sebelum memasang pyxl.
3. Tutup Excel.

MEMASANG
  Klik ganda PASANG.bat (sebagai pengguna yang akan memakai buku kerja, bukan sebagai admin).
  Folder kerja bawaan: %USERPROFILE%\\Kinerja. Folder lain, dari Command Prompt:
      PASANG.bat --folder-kerja D:\\Kinerja
  Setiap langkah ditampilkan; terakhir hasil "pyxl cek" (semua baris harus OK).
  PASANG.bat boleh dijalankan lagi (misalnya dengan paket versi baru): lingkungan Python dibuat
  ulang, buku kerja yang sudah ada di folder kerja dipakai apa adanya dan tidak ditimpa.

YANG DIUBAH DI KOMPUTER
  - %LOCALAPPDATA%\\pyxl\\venv: lingkungan Python pribadi berisi pyxl (pilihan --venv DIR).
  - Folder kerja: buku kerja master, templates\\, format\\, kirim\\, masuk\\, dokumen\\, arsip\\.
    Di sheet xlwings.conf buku kerja, INTERPRETER_WIN diisi dengan pythonw.exe lingkungan itu.
  - Registri pengguna (HKCU), satu kunci:
    Software\\Microsoft\\Office\\16.0\\Excel\\Security\\Trusted Locations\\LocationN
    (Path = folder kerja, AllowSubfolders = 1, Description = "{_deskripsi()}").
    Tidak ditambahkan bila folder itu sudah tepercaya.
  - Tanda "berasal dari internet" (Mark of the Web) dihapus dari berkas paket dan folder kerja.

MENGHAPUS
  Klik ganda HAPUS.bat (tambahkan --venv DIR bila saat memasang memakai --venv). Yang dihapus:
  kunci Trusted Location buatan pyxl (hanya yang ber-Description di atas) dan lingkungan Python.
  Folder kerja TIDAK dihapus karena berisi data dan arsip.

BILA TOMBOL TIDAK BERJALAN
  Jalankan di Command Prompt:
      "%LOCALAPPDATA%\\pyxl\\venv\\Scripts\\pyxl.exe" cek ^
          --workbook "%USERPROFILE%\\Kinerja\\{skema.NAMA_MASTER}"
  Setiap baris GAGAL menyebut sebabnya dan apa yang harus dilakukan.

UNTUK IT: ATURAN ASR DEFENDER {ASR_GUID}
{teks_asr_untuk_it(python_umum)}
"""


def _deskripsi() -> str:
    from pyxl.pasang.pemasang import DESKRIPSI

    return DESKRIPSI


# --- the staff guide's picture ------------------------------------------------------------------


def gambar_kendali(
    keluar: Path,
    buku: Path | None = None,
    nama: str = "kendali.png",
    area: tuple[str, int] | None = None,
) -> Path:
    """PNG `nama` of the Kendali sheet with its buttons: a copy of the workbook with only
    Kendali visible and the buttons printable, through LibreOffice headless and pdftoppm.
    `area` is the bottom-right corner shown (column, row); default `KOLOM_GAMBAR`,
    `BARIS_GAMBAR`."""
    from PIL import Image, ImageChops

    buku = buku or AKAR / "workbook" / skema.NAMA_MASTER
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftoppm = shutil.which("pdftoppm")
    if not soffice or not pdftoppm:
        raise LingkunganError("Perlu LibreOffice (soffice) dan poppler (pdftoppm) terpasang.")
    keluar.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        salinan = Path(tmp) / "Kendali.xlsx"
        _salin_hanya_kendali(buku, salinan, *([area] if area else []))
        profil = Path(tmp) / "profil"
        subprocess.run(
            [
                soffice,
                "--headless",
                "--norestore",
                f"-env:UserInstallation={profil.as_uri()}",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(salinan),
            ],
            capture_output=True,
            check=True,
            timeout=240,
        )
        awalan = Path(tmp) / "halaman"
        subprocess.run(
            [
                pdftoppm,
                "-png",
                "-r",
                "160",
                "-f",
                "1",
                "-l",
                "1",
                str(salinan.with_suffix(".pdf")),
                str(awalan),
            ],
            check=True,
            timeout=120,
        )
        [png] = Path(tmp).glob("halaman*.png")
        with Image.open(png) as img:
            rgb = img.convert("RGB")
            latar = Image.new("RGB", rgb.size, (255, 255, 255))
            kotak = ImageChops.difference(rgb, latar).getbbox()
            if kotak:
                tepi = 12
                rgb = rgb.crop(
                    (
                        max(kotak[0] - tepi, 0),
                        max(kotak[1] - tepi, 0),
                        min(kotak[2] + tepi, rgb.width),
                        min(kotak[3] + tepi, rgb.height),
                    )
                )
            tujuan = keluar / nama
            rgb.save(tujuan, optimize=True)
    return tujuan


KOLOM_GAMBAR = "G"
BARIS_GAMBAR = kendali.BARIS_BAGIAN_1 + 2
"""The part of Kendali the picture of a new workbook shows: the steps, their buttons and
status, the tools, their input cells, and the start of the status per Bagian."""
AREA_SETELAH_DEMO = ("K", kendali.BARIS_BAGIAN_1 + 9)
"""After the demo: also when each step ran, its duration and result, and every Bagian."""


def _ukuran_huruf(m: re.Match[bytes]) -> bytes:
    return m.group(1) + b'size="' + str(int(m.group(2)) * 3 // 5).encode() + b'"'


def _salin_hanya_kendali(
    sumber: Path, tujuan: Path, area: tuple[str, int] = (KOLOM_GAMBAR, BARIS_GAMBAR)
) -> None:
    """Copy of the workbook for printing Kendali: other sheets hidden, buttons printable,
    the print area fitted to one page; no VBA (LibreOffice need not see it)."""
    with zipfile.ZipFile(sumber) as zin, zipfile.ZipFile(tujuan, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "xl/vbaProject.bin":
                continue
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                )
            elif item.filename == "xl/workbook.xml":
                teks = data.decode("utf-8")
                teks = re.sub(
                    r"<sheet [^>]*/>",
                    lambda m: (
                        m.group(0)
                        if f'name="{skema.KENDALI}"' in m.group(0)
                        else re.sub(r'\s+state="[^"]*"', "", m.group(0))[:-2] + ' state="hidden"/>'
                    ),
                    teks,
                )
                teks = teks.replace(
                    "<definedNames>",
                    '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">'
                    f"{skema.KENDALI}!$A$1:${area[0]}${area[1]}</definedName>",
                    1,
                )
                data = teks.encode("utf-8")
            elif item.filename.startswith("xl/drawings/vmlDrawing"):
                # printable buttons; LibreOffice draws the VML caption size larger than Excel
                # does and does not shrink it with the page, so the captions overflow their
                # buttons: three fifths of it fits
                data = data.replace(b"<x:PrintObject>False</x:PrintObject>", b"")
                data = re.sub(rb'(<font [^>]*)size="(\d+)"', _ukuran_huruf, data)
            elif item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb"<pageSetUpPr [^>]*/>", b"", data)
                data = re.sub(rb' fitTo(Width|Height)="\d+"', b"", data)
                data = data.replace(
                    b'<sheetPr codeName="Sheet1">',
                    b'<sheetPr codeName="Sheet1"><pageSetUpPr fitToPage="1"/>',
                ).replace(b"<pageSetup ", b'<pageSetup fitToWidth="1" fitToHeight="1" ')
                data = re.sub(rb"<headerFooter>.*?</headerFooter>", b"", data)
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = re.sub(rb"<Relationship [^>]*vbaProject[^>]*/>", b"", data)
            zout.writestr(item, data)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pyxl.pasang.paket")
    ap.add_argument("--gambar", type=Path, help="tulis kendali.png (gambar sheet Kendali) ke sini")
    ap.add_argument(
        "--setelah-demo",
        type=Path,
        metavar="FOLDER",
        help="juga kendali-setelah-demo.png dari buku kerja folder hasil `pyxl demo FOLDER`",
    )
    args = ap.parse_args(argv)
    if args.gambar:
        print(f"Gambar ditulis: {gambar_kendali(args.gambar)}")
        if args.setelah_demo:
            demo = gambar_kendali(
                args.gambar,
                args.setelah_demo / skema.NAMA_MASTER,
                "kendali-setelah-demo.png",
                AREA_SETELAH_DEMO,
            )
            print(f"Gambar ditulis: {demo}")
        return 0
    ap.print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main())
