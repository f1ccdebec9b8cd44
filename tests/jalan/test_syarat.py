"""What a writing command checks before it writes: the master's year, the length of the working
folder's path, a read-only master, a master open in LibreOffice (`pyxl.jalan.syarat`,
`pyxl.buku.xlsm`). Each is refused with an Indonesian message and nothing changed."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

import libreoffice
from bantu import atur, baris_sheet
from conftest import AKAR, sidik_folder
from pyxl.alat.demo import demo
from pyxl.berkas.tulis import BATAS_JALUR_WINDOWS, JALUR_RELATIF_TERPANJANG
from pyxl.buku.sistem import KUNCI_TAHUN_DATA
from pyxl.cli import main
from pyxl.jalan.umpan import UmpanKonsol
from pyxl.kontrak import skema

TANGGAL = ["--tanggal", "28 Januari 2027"]
MENULIS = {
    "disposisi": ["disposisi"],
    "format": ["format", "--batas-waktu", "20 Januari 2027"],
    "kirim": ["kirim", "--mode", "draf"],
    "undangan": [
        "undangan",
        "--tanggal",
        "7 Januari 2027",
        "--tanggal-rapat",
        "14 Januari 2027",
        "--jam",
        "09.00",
        "--mode",
        "draf",
    ],
    "rapat": ["rapat"],
    "himpun": ["himpun", "--tanpa-imap"],
    "himpun-ulang": ["himpun", "--tanpa-imap", "--ulang"],
    "ingatkan": ["ingatkan", "--mode", "draf"],
    "analisis": ["analisis"],
    "dokumen": ["dokumen", *TANGGAL],
    "setujui": ["setujui", *TANGGAL],
    "pengantar": ["pengantar", *TANGGAL, "--mode", "draf"],
    "arsip": ["arsip"],
    "bagian-tambah": ["bagian", "tambah", "KS", "--nama", "Bagian Kerja Sama"],
    "bagian-ubah": ["bagian", "ubah", "ORG", "--kode-baru", "ORTALA"],
    "bagian-hapus": ["bagian", "hapus", "PBJ"],
}
"""Every writing command, with the options it needs to run on the demo's master."""


def _jalankan(argv: list[str], master: Path) -> int:
    if argv[0] == "bagian":
        return main([*argv[:3], "--workbook", str(master), *argv[3:]])
    return main([argv[0], "--workbook", str(master), *argv[1:]])


def _sistem(master: Path) -> dict[str, str]:
    ws = openpyxl.load_workbook(master)[skema.SISTEM]
    return {r[0]: r[1] for r in ws.iter_rows(min_row=2, values_only=True) if r[0]}


@pytest.fixture(scope="module")
def _demo_2026(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / "kerja"
    demo(folder, UmpanKonsol(diam=True))
    return folder


# --------------------------------------------------------------------------- the year


@pytest.fixture
def tahun_diubah(_demo_2026: Path, tmp_path: Path) -> Path:
    """The 2026 master after its whole SOP, whose `Tahun` staff changed to 2027 by hand to
    start the next year in it."""
    folder = tmp_path / "kerja"
    shutil.copytree(_demo_2026, folder)
    master = folder / skema.NAMA_MASTER
    assert _sistem(master)[KUNCI_TAHUN_DATA] == "2026"
    atur(master, skema.PENGATURAN, "Tahun", {"Nilai": "2027"})
    return master


@pytest.mark.parametrize("nama", list(MENULIS))
def test_a_master_of_last_year_is_refused_by_every_writing_command(
    tahun_diubah: Path, nama: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tahun_diubah.parent
    sebelum = sidik_folder(folder)
    assert _jalankan(MENULIS[nama], tahun_diubah) == 1
    galat = capsys.readouterr().err
    assert "berisi 2027, tetapi buku kerja" in galat and "berisi data tahun 2026" in galat
    assert "pyxl tahun-baru FOLDER_BARU --dari" in galat and "tombol Tahun Baru" in galat
    assert "Tidak ada yang diubah" in galat
    assert "Traceback" not in galat
    assert sidik_folder(folder) == sebelum


def test_status_still_runs_on_a_master_of_last_year(
    tahun_diubah: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sebelum = sidik_folder(tahun_diubah.parent)
    assert main(["status", "--workbook", str(tahun_diubah)]) == 0
    assert re.search(r"13\. (Selesai|Melebihi waktu baku)", capsys.readouterr().out)
    assert sidik_folder(tahun_diubah.parent) == sebelum


def test_putting_the_year_back_lets_the_commands_run_again(tahun_diubah: Path) -> None:
    atur(tahun_diubah, skema.PENGATURAN, "Tahun", {"Nilai": "2026"})
    assert main(["disposisi", "--workbook", str(tahun_diubah)]) == 0
    assert (tahun_diubah.parent / "dokumen" / "disposisi_2026_002.docx").is_file()


def test_a_fresh_master_records_its_year_on_the_first_writing_step(master: Path) -> None:
    assert KUNCI_TAHUN_DATA not in _sistem(master)
    assert main(["status", "--workbook", str(master)]) == 0
    assert KUNCI_TAHUN_DATA not in _sistem(master)  # a reading command records nothing
    assert main(["disposisi", "--workbook", str(master)]) == 0
    assert _sistem(master)[KUNCI_TAHUN_DATA] == "2026"
    # from then on, the year of the data decides
    atur(master, skema.PENGATURAN, "Tahun", {"Nilai": "2027"})
    assert main(["disposisi", "--workbook", str(master)]) == 1
    assert len(baris_sheet(master, skema.DISPOSISI)) == 1


def test_a_fresh_master_may_take_another_year_before_its_first_step(master: Path) -> None:
    atur(master, skema.PENGATURAN, "Tahun", {"Nilai": "2027"})
    assert main(["disposisi", "--workbook", str(master)]) == 0
    assert _sistem(master)[KUNCI_TAHUN_DATA] == "2027"
    assert (master.parent / "dokumen" / "disposisi_2027_001.docx").is_file()


def test_an_upgraded_master_without_a_recorded_year_goes_by_its_issued_formats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "rilis"
    shutil.copytree(AKAR / "tests" / "data" / "rilis" / "44bbac6", folder)
    master = folder / skema.NAMA_MASTER
    assert main(["perbarui", "--workbook", str(master)]) == 0
    assert KUNCI_TAHUN_DATA not in _sistem(master)  # that release did not record it
    atur(master, skema.PENGATURAN, "Tahun", {"Nilai": "2027"})
    sebelum = sidik_folder(folder)
    capsys.readouterr()
    assert main(["himpun", "--workbook", str(master), "--tanpa-imap"]) == 1
    galat = capsys.readouterr().err
    assert "berisi data tahun 2026" in galat and "pyxl tahun-baru" in galat
    assert sidik_folder(folder) == sebelum


# --------------------------------------------------------------------------- path length


def _folder_sepanjang(dasar: Path, panjang: int) -> Path:
    """A folder path of exactly `panjang` characters under `dasar` (not created)."""
    dasar = dasar.resolve()
    sisa = panjang - len(str(dasar)) - 1
    assert sisa > 10, "tmp_path is too long for this test"
    bagian = []
    while sisa > 0:  # names of at most 60 characters, as people nest folders
        n = min(sisa, 60) if sisa - min(sisa, 60) != 1 else 58
        bagian.append(("Data Kinerja Setda " * 4)[:n].strip().ljust(n, "x"))
        sisa -= n + 1
    folder = dasar.joinpath(*bagian)
    assert len(str(folder)) == panjang, (len(str(folder)), panjang)
    return folder


BATAS_FOLDER = BATAS_JALUR_WINDOWS - JALUR_RELATIF_TERPANJANG
"""The longest working folder path pyxl accepts (119)."""


@pytest.mark.parametrize("nama", ["disposisi", "format", "himpun", "bagian-tambah"])
def test_a_working_folder_too_deep_for_windows_is_refused_before_writing(
    kerja: Path, tmp_path: Path, nama: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder_sepanjang(tmp_path / "dalam", BATAS_FOLDER + 1)
    folder.parent.mkdir(parents=True)
    shutil.copytree(kerja, folder)
    sebelum = sidik_folder(folder)
    assert _jalankan(MENULIS[nama], folder / skema.NAMA_MASTER) == 1
    galat = capsys.readouterr().err
    assert f"Jalur folder kerja terlalu panjang ({BATAS_FOLDER + 1} karakter)" in galat
    assert f"paling panjang {BATAS_FOLDER} karakter" in galat
    assert "misalnya C:\\Kinerja." in galat and "Tidak ada yang diubah" in galat
    assert sidik_folder(folder) == sebelum


def test_a_working_folder_just_within_the_limit_runs_the_whole_sop(tmp_path: Path) -> None:
    folder = _folder_sepanjang(tmp_path / "dalam", BATAS_FOLDER)
    folder.parent.mkdir(parents=True)
    demo(folder, UmpanKonsol(diam=True))
    ditulis = [p for p in folder.rglob("*")]
    assert len(ditulis) > 50
    terpanjang = max(len(str(p)) for p in ditulis)
    assert terpanjang <= BATAS_JALUR_WINDOWS, max(ditulis, key=lambda p: len(str(p)))
    # every step ran: the quarterly round's (2, 3, 6, 7), then the year's
    langkah = [r["Langkah"] for r in baris_sheet(folder / skema.NAMA_MASTER, skema.LOG_SOP)]
    assert langkah == [2, 3, 6, 7, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13]


def test_tahun_baru_refuses_a_new_folder_too_deep_for_windows(
    master: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    baru = _folder_sepanjang(tmp_path / "baru", BATAS_FOLDER + 1)
    assert main(["tahun-baru", str(baru), "--dari", str(master)]) == 1
    galat = capsys.readouterr().err
    assert "terlalu panjang untuk Windows" in galat and "C:\\Kinerja\\2027" in galat
    assert not (tmp_path / "baru").exists()
    baru = _folder_sepanjang(tmp_path / "baru", BATAS_FOLDER)
    assert main(["tahun-baru", str(baru), "--dari", str(master)]) == 0
    assert (baru / skema.NAMA_MASTER).is_file()


# --------------------------------------------------------------------------- read-only


def test_a_read_only_master_is_refused_and_not_replaced(
    master: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    master.chmod(0o444)  # chmod a-w; the test runs as any user, root included
    try:
        st = master.stat()
        isi = master.read_bytes()
        sebelum = sidik_folder(master.parent)
        assert main(["disposisi", "--workbook", str(master)]) == 1
        galat = capsys.readouterr().err
        assert f"Buku kerja {master.name} ditandai hanya-baca (read-only)" in galat
        assert "hapus centang Read-only" in galat and "Traceback" not in galat
        assert master.stat().st_ino == st.st_ino and master.read_bytes() == isi
        assert master.stat().st_mode & 0o777 == 0o444
        assert sidik_folder(master.parent) == sebelum
    finally:
        master.chmod(0o644)
    assert main(["disposisi", "--workbook", str(master)]) == 0


# --------------------------------------------------------------------------- LibreOffice


@pytest.fixture
def libreoffice_membuka(
    master: Path, tmp_path: Path
) -> Iterator[tuple[subprocess.Popen[bytes], Path]]:
    """LibreOffice (headless, a profile of its own) with the master open; stopped after."""
    exe = libreoffice.soffice()
    profil = tmp_path / "profil-lo"
    proses = subprocess.Popen(
        [exe, "--headless", "--norestore", f"-env:UserInstallation={profil.as_uri()}", str(master)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: stopped with everything it started
    )
    kunci = master.with_name(f".~lock.{master.name}#")
    try:
        batas = time.monotonic() + 120
        while not kunci.exists() and proses.poll() is None and time.monotonic() < batas:
            time.sleep(0.2)
        yield proses, kunci
    finally:
        _hentikan(proses)


def _hidup(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def _hentikan(proses: subprocess.Popen[bytes]) -> None:
    """Stop the LibreOffice this test started: its process group (oosplash and soffice.bin)."""
    for sinyal in (signal.SIGTERM, signal.SIGKILL):
        if not _hidup(proses.pid):
            break
        os.killpg(proses.pid, sinyal)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proses.wait(30)  # reaped, so only the rest of the group can keep it alive
        batas = time.monotonic() + 30
        while _hidup(proses.pid) and time.monotonic() < batas:
            time.sleep(0.2)
    proses.wait(30)


def test_a_master_open_in_libreoffice_is_refused_until_libreoffice_closes_it(
    master: Path,
    libreoffice_membuka: tuple[subprocess.Popen[bytes], Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    proses, kunci = libreoffice_membuka
    # the lock file is LibreOffice's own: one CSV line, the user, the host, the time, the profile
    assert kunci.exists(), "LibreOffice headless did not create its lock file"
    isi_kunci = kunci.read_text("utf-8")
    assert isi_kunci.count(",") >= 4 and "file://" in isi_kunci
    sebelum = sidik_folder(master.parent)
    for argv in (MENULIS["disposisi"], MENULIS["format"], MENULIS["bagian-hapus"]):
        assert _jalankan(argv, master) == 1
        galat = capsys.readouterr().err
        assert f"Buku kerja {master.name} sedang dibuka di LibreOffice" in galat
        assert "Tutup LibreOffice dahulu lalu ulangi perintah ini" in galat
        assert kunci.name in galat
    assert sidik_folder(master.parent) == sebelum
    assert main(["status", "--workbook", str(master)]) == 0  # reading is fine

    _hentikan(proses)
    if kunci.exists():  # a LibreOffice stopped by a signal leaves its lock behind
        kunci.unlink()
    assert main(["disposisi", "--workbook", str(master)]) == 0
    assert len(baris_sheet(master, skema.DISPOSISI)) == 1
