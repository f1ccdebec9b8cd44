"""Helpers for tests that use LibreOffice headless as an independent reader.

Where LibreOffice is missing the test is skipped with the reason, except when
PYXL_WAJIB_LIBREOFFICE=1 (set by .ci/run, which installs it): then a missing LibreOffice fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

PROBE = Path(__file__).with_name("lo_probe.py")
PYTHON_UNO = ("/usr/bin/python3", "python3")


def _perlu(alasan: str) -> None:
    if os.environ.get("PYXL_WAJIB_LIBREOFFICE") == "1":
        pytest.fail(f"LibreOffice wajib di CI: {alasan}")
    pytest.skip(alasan)


def soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        _perlu("soffice (LibreOffice) tidak terpasang")
    assert exe
    return exe


def python_uno() -> str:
    for exe in PYTHON_UNO:
        path = shutil.which(exe)
        if (
            path
            and subprocess.run(
                [path, "-c", "import uno"], capture_output=True, check=False
            ).returncode
            == 0
        ):
            return path
    _perlu("modul Python 'uno' LibreOffice (python3-uno) tidak terpasang")
    raise AssertionError("unreachable")


def probe(berkas: Path, *args: str) -> dict[str, Any]:
    soffice()
    hasil = subprocess.run(
        [python_uno(), str(PROBE), str(berkas), *args],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert hasil.returncode == 0, hasil.stderr
    data: dict[str, Any] = json.loads(hasil.stdout.strip().splitlines()[-1])
    return data


def konversi(berkas: Path, format_: str, keluar: Path) -> Path:
    """`soffice --convert-to` with a private profile; returns the converted file."""
    exe = soffice()
    profil = keluar / f".lo-profil-{os.getpid()}"
    hasil = subprocess.run(
        [
            exe,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={profil.as_uri()}",
            "--convert-to",
            format_,
            "--outdir",
            str(keluar),
            str(berkas),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    target = keluar / f"{berkas.stem}.{format_.split(':')[0]}"
    assert hasil.returncode == 0 and target.exists(), hasil.stdout + hasil.stderr
    return target


def ubah(berkas: Path, ubahan: list[dict[str, Any]]) -> Path:
    """Type values into `berkas` in LibreOffice Calc and save it over itself in its own format,
    as a person would (`ubahan`: [{"sheet", "cell", "nilai"}], see lo_probe.py)."""
    daftar = berkas.with_name(f".ubah-{os.getpid()}.json")
    daftar.write_text(json.dumps(ubahan), encoding="utf-8")
    try:
        probe(berkas, "--ubah", str(daftar))
    finally:
        daftar.unlink()
    return berkas


def _poppler(program: str) -> str:
    exe = shutil.which(program)
    if not exe:
        _perlu(f"{program} (paket Debian poppler-utils) tidak terpasang")
    assert exe
    return exe


def teks_halaman(pdf: Path, halaman: int | None = None, *, tata_letak: bool = True) -> str:
    """The text of a PDF (one page, or all), by poppler's pdftotext (`-layout`: as on the
    page)."""
    pilih = [] if halaman is None else ["-f", str(halaman), "-l", str(halaman)]
    return subprocess.run(
        [_poppler("pdftotext"), *(["-layout"] if tata_letak else []), *pilih, str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout


def halaman_png(pdf: Path, halaman: int, png: Path, dpi: int = 60) -> Path:
    """One page of a PDF as the PNG `png` (replaced), for a person to look at."""
    png.unlink(missing_ok=True)
    subprocess.run(
        [_poppler("pdftoppm"), "-png", "-r", str(dpi), "-f", str(halaman), "-l", str(halaman),
         "-singlefile", str(pdf), str(png.with_suffix(""))],
        check=True,
        timeout=60,
    )  # fmt: skip
    assert png.stat().st_size > 1000
    return png
