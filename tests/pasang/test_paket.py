"""`pyxl paket`: the offline Windows bundle resolves completely, with Windows wheels only.

The bundle is built once per run into `keluaran-uji/paket-uji/` (ignored by git) through the
real command; its wheelhouse is kept between runs, so only the first run downloads (about
130 MB). pip's own resolver then installs pyxl from it, offline, for each supported Python.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from packaging.utils import canonicalize_name, parse_wheel_filename

from conftest import AKAR, KELUARAN
from pyxl import __version__, galat
from pyxl.cli import main
from pyxl.kontrak import skema
from pyxl.pasang import pemasang as pasang
from pyxl.pasang.diagnosa import ASR_GUID
from pyxl.pasang.paket import PYTHON_DIDUKUNG, selesaikan, teks_bat

PAKET = KELUARAN / "paket-uji"


@pytest.fixture(scope="module")
def paket() -> Path:
    assert main(["paket", str(PAKET)]) == 0
    return PAKET


def _env_pip() -> dict[str, str]:
    # this machine's pip settings (extra indexes, find-links) must not help the resolver
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env["PIP_CONFIG_FILE"] = os.devnull
    return env


@pytest.mark.parametrize("versi", PYTHON_DIDUKUNG)
def test_pip_installs_pyxl_offline_from_the_wheelhouse_for_windows(
    paket: Path, versi: str, tmp_path: Path
) -> None:
    laporan = tmp_path / "laporan.json"
    hasil = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-index",
            "--find-links",
            str(paket / "wheelhouse"),
            "--dry-run",
            "--platform",
            "win_amd64",
            "--python-version",
            versi,
            "--implementation",
            "cp",
            "--only-binary=:all:",
            # pip 23.2 compares Requires-Python with the running interpreter instead of
            # --python-version; `selesaikan` checks Requires-Python against `versi` below
            "--ignore-requires-python",
            "--target",
            str(tmp_path / "target"),
            "--report",
            str(laporan),
            "--quiet",
            f"pyxl=={__version__}",
        ],
        capture_output=True,
        text=True,
        env=_env_pip(),
        check=False,
    )
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    dipasang = {
        canonicalize_name(i["metadata"]["name"]) for i in json.loads(laporan.read_text())["install"]
    }
    assert {"pyxl", "xlwings", "pandas", "numpy", "openpyxl", "docxtpl", "lxml"} <= dipasang
    # pip resolves markers for *this* machine: pywin32 (xlwings on Windows) is not in its
    # answer, so the bundle's own Windows resolution must have it
    windows = selesaikan(paket / "wheelhouse", versi)
    assert windows.kurang == []
    assert "pywin32" in windows.dipakai
    assert dipasang <= set(windows.dipakai)
    for roda in windows.dipakai.values():
        tag = {(t.interpreter, t.platform) for t in roda.tag}
        assert any(p in ("win_amd64", "any") for _, p in tag), roda.berkas.name


def test_the_wheelhouse_holds_only_wheels_for_windows(paket: Path) -> None:
    berkas = sorted((paket / "wheelhouse").iterdir())
    assert len(berkas) > 20
    bukan_roda = [p.name for p in berkas if not p.name.endswith(".whl")]
    assert bukan_roda == [], "an sdist would need a compiler on the PC"
    for p in berkas:
        _nama, _versi, _build, tag = parse_wheel_filename(p.name)
        assert {t.platform for t in tag} <= {"win_amd64", "any"}, p.name
    wh = paket / "wheelhouse"
    dipakai = {r.berkas.name for v in PYTHON_DIDUKUNG for r in selesaikan(wh, v).dipakai.values()}
    assert {p.name for p in berkas} == dipakai, "no wheel that no version needs"


def test_the_bundle_has_the_installer_the_workbook_and_instructions(paket: Path) -> None:
    man = json.loads((paket / "paket.json").read_text(encoding="utf-8"))
    assert man["pyxl"] == __version__ and man["python"] == list(PYTHON_DIDUKUNG)
    assert set(skema.FOLDERS) <= set(man["folder"])
    assert (paket / "pasang.py").read_bytes() == Path(pasang.__file__).read_bytes()
    assert (paket / "galat.py").read_bytes() == Path(galat.__file__).read_bytes()
    awal = paket / "folder-kerja-awal"
    with zipfile.ZipFile(awal / skema.NAMA_MASTER) as z:
        assert "xl/vbaProject.bin" in z.namelist()
    from pyxl.dokumen.templat import NAMA_TEMPLAT
    from pyxl.surat.kop import LAMBANG

    assert {p.name for p in (awal / "templates").iterdir()} == {*NAMA_TEMPLAT, LAMBANG}
    for bat in ("PASANG.bat", "HAPUS.bat"):
        isi = (paket / bat).read_bytes()
        assert b"\r\n" in isi and b"\n" not in isi.replace(b"\r\n", b""), "cmd.exe needs CRLF"
        teks = isi.decode("ascii")
        assert "py -%%V" in teks and "(3.13 3.12 3.11)" in teks
        assert r"%LOCALAPPDATA%\Programs\Python\Python%%V\python.exe" in teks
        assert "tidak ditemukan" in teks
    assert '"%~dp0pasang.py" --hapus %*' in (paket / "HAPUS.bat").read_text()
    baca = (paket / "BACA-SAYA.txt").read_text(encoding="ascii")
    assert "PASANG.bat" in baca and "HAPUS.bat" in baca and ASR_GUID in baca
    assert "AttackSurfaceReductionOnlyExclusions" in baca


def test_a_second_build_reuses_the_wheelhouse(
    paket: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sebelum = {p.name: p.stat().st_mtime_ns for p in (paket / "wheelhouse").iterdir()}
    assert main(["paket", str(paket)]) == 0
    out = capsys.readouterr().out
    for v in PYTHON_DIDUKUNG:
        assert f"Python {v}: wheelhouse sudah lengkap" in out
    assert "Saved" not in out
    sesudah = {p.name: p.stat().st_mtime_ns for p in (paket / "wheelhouse").iterdir()}
    assert {k: v for k, v in sesudah.items() if not k.startswith("pyxl-")} == {
        k: v for k, v in sebelum.items() if not k.startswith("pyxl-")
    }


def _roda(folder: Path, nama: str, versi: str, tag: str, *butuh: str) -> None:
    meta = f"Metadata-Version: 2.1\nName: {nama}\nVersion: {versi}\n" + "".join(
        f"Requires-Dist: {b}\n" for b in butuh
    )
    with zipfile.ZipFile(folder / f"{nama}-{versi}-{tag}.whl", "w") as z:
        z.writestr(f"{nama}-{versi}.dist-info/METADATA", meta)


def test_resolution_uses_windows_markers_and_reports_what_is_missing(tmp_path: Path) -> None:
    _roda(tmp_path, "pyxl", "0.1.0", "py3-none-any", "alat>=2", 'winonly; sys_platform == "win32"')
    _roda(tmp_path, "alat", "1.0", "py3-none-any")
    _roda(tmp_path, "alat", "2.1", "cp312-cp312-win_amd64", 'linuxonly; sys_platform == "linux"')
    _roda(tmp_path, "alat", "2.2", "cp312-cp312-manylinux_2_17_x86_64")
    hasil = selesaikan(tmp_path, "3.12")
    assert hasil.kurang == ["winonly"], "the Windows-only dependency is missing"
    assert str(hasil.dipakai["alat"].versi) == "2.1", "the Linux wheel is not a candidate"
    assert selesaikan(tmp_path, "3.13").kurang == ["alat>=2", "winonly"]
    _roda(tmp_path, "winonly", "1.0", "py3-none-any")
    assert selesaikan(tmp_path, "3.12").kurang == []


def test_bat_lists_only_the_supported_versions() -> None:
    teks = teks_bat(("3.12", "3.11"), hapus=False)
    assert "(3.12 3.11)" in teks and "(312 311)" in teks and "3.13" not in teks
    assert '"%~dp0python-3.12.*-amd64.exe"' in teks


@pytest.mark.libreoffice
def test_the_staff_guide_picture_shows_the_kendali_sheet(tmp_path: Path) -> None:
    from PIL import Image

    from libreoffice import soffice
    from pyxl.pasang.paket import _salin_hanya_kendali, gambar_kendali

    soffice()
    salinan = tmp_path / "k.xlsx"
    _salin_hanya_kendali(AKAR / "workbook" / skema.NAMA_MASTER, salinan)
    with zipfile.ZipFile(salinan) as z:
        wb = z.read("xl/workbook.xml").decode()
        vml = b"".join(z.read(n) for n in z.namelist() if n.endswith(".vml"))
        assert "xl/vbaProject.bin" not in z.namelist()
    terlihat = re.findall(r'<sheet (?![^>]*state=)[^>]*name="([^"]+)"', wb)
    assert terlihat == [skema.KENDALI]
    assert b"<x:PrintObject>False" not in vml and b"1. Catat Disposisi" in vml
    png = gambar_kendali(tmp_path, AKAR / "workbook" / skema.NAMA_MASTER)
    with Image.open(png) as img:
        assert img.width > 1000 and img.height > 600
        # 16 buttons in their face colour (buttonFace), about 150 x 25 pixels each
        warna = dict((c, n) for n, c in img.convert("RGB").getcolors(1 << 20) or [])
        assert warna.get((236, 233, 216), 0) > 16 * 2000


def test_the_wheel_lists_every_package() -> None:
    """pyproject.toml names the packages one by one (the templates folder is mapped into the
    package): a new package missing from the list would be missing from the wheel."""
    import tomllib

    akar = AKAR
    konfig = tomllib.loads((akar / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    di_folder = {
        ".".join(p.parent.relative_to(akar).parts) for p in (akar / "pyxl").rglob("__init__.py")
    }
    assert set(konfig["setuptools"]["packages"]) == di_folder | {"pyxl.templates"}
    assert konfig["setuptools"]["package-dir"] == {"pyxl.templates": "templates"}
