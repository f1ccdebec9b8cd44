"""Shared fixtures: working folders built in code (no committed test binaries)."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from pyxl.bangun.kerja import buat_folder_kerja
from pyxl.contoh.muat import TAHUN_CONTOH
from pyxl.kontrak import skema
from smtp_uji import jalankan_server, sertifikat  # noqa: F401 - fixtures for every test file

# xlwings decides at import whether its remote engine (used by the button tests) is available;
# the noncommercial licence covers government use. Set for the test process only.
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

AKAR = Path(__file__).resolve().parent.parent
KELUARAN = AKAR / "keluaran-uji"
ASING = AKAR / "tests" / "data" / "asing"
"""Real spreadsheets written by other programs (see its README)."""
"""Files a person should look at after a test run (rendered pages); ignored by git."""


@pytest.fixture(scope="session")
def _kerja_contoh_asli(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("asli") / "kerja"
    buat_folder_kerja(folder, TAHUN_CONTOH, contoh=True)
    return folder


@pytest.fixture
def kerja(_kerja_contoh_asli: Path, tmp_path: Path) -> Path:
    """A fresh working folder with the sample workbook (a copy: building takes a moment)."""
    folder = tmp_path / "kerja"
    shutil.copytree(_kerja_contoh_asli, folder)
    return folder


@pytest.fixture
def master(kerja: Path) -> Path:
    return kerja / skema.NAMA_MASTER


CHECK_WORKBOOK = AKAR.parent / "shared" / "tools" / "check_workbook.py"


def tombol_terhubung(berkas: Path) -> None:
    """Every button of `berkas` resolves to a VBA Sub and an importable Python function,
    according to the shared independent checker (skipped where it is not beside the repo)."""
    import subprocess
    import sys

    from pyxl.kontrak.perintah import PERINTAH

    if not CHECK_WORKBOOK.exists():
        pytest.skip("shared/tools/check_workbook.py is not beside the repository")
    hasil = subprocess.run(
        [sys.executable, str(CHECK_WORKBOOK), str(berkas), "--path", str(AKAR)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert f"{len(PERINTAH)} buttons, all resolve" in hasil.stdout


def sidik_folder(folder: Path) -> dict[str, str]:
    """Every file under a folder with its SHA-256: compare before/after to prove no change."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def keluaran() -> Iterator[Path]:
    KELUARAN.mkdir(exist_ok=True)
    yield KELUARAN
