"""The upgrade a button starts: it waits for the workbook to be closed, then runs
`pyxl perbarui` on the saved file, and says what it did."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest

from conftest import AKAR, sidik_folder
from pyxl.alat import perbarui_latar
from pyxl.bangun.periksa import periksa_berkas_master
from pyxl.buku.struktur import kekurangan, versi_struktur
from pyxl.buku.xlsm import BukuZip
from pyxl.kontrak import skema
from pyxl.kontrak.struktur import VERSI_STRUKTUR
from remote import aksi, buku_remote

RILIS = AKAR / "tests" / "data" / "rilis"


@pytest.fixture
def lama(tmp_path: Path) -> Path:
    """A master of the first release, mid-cycle, in a working folder of its own."""
    folder = tmp_path / "kerja"
    shutil.copytree(RILIS / "a97ff19", folder)
    return folder / skema.NAMA_MASTER


def _pemilik_excel(master: Path) -> Path:
    """Excel's owner file, as Excel writes it beside an open workbook."""
    nama = "Siti"
    kunci = master.with_name("~$" + master.name[2:])
    kunci.write_bytes(bytes([len(nama)]) + nama.encode("latin-1") + b" " * 40)
    return kunci


def _versi(master: Path) -> int:
    buku = BukuZip(master, hanya_baca=True)
    try:
        if versi_struktur(buku) == VERSI_STRUKTUR:
            assert kekurangan(buku) == [], "a current version number with something missing"
        return versi_struktur(buku)
    finally:
        buku.tutup()


def test_the_upgrade_waits_until_the_workbook_is_closed(lama: Path) -> None:
    kunci = _pemilik_excel(lama)
    sebelum = lama.read_bytes()
    tutup = threading.Timer(0.6, kunci.unlink)
    tutup.start()
    mulai = time.monotonic()
    try:
        assert perbarui_latar.setelah_ditutup(lama, batas=60, jeda=0.1) == 0
    finally:
        tutup.cancel()
    assert time.monotonic() - mulai >= 0.5, "it did not wait for Excel to close the workbook"
    assert _versi(lama) == VERSI_STRUKTUR
    assert periksa_berkas_master(lama) == []
    cadangan = list((lama.parent / skema.FOLDER_CADANGAN).glob("*.xlsm"))
    assert [c.read_bytes() for c in cadangan] == [sebelum]
    log = (lama.parent / perbarui_latar.BERKAS_LOG).read_text(encoding="utf-8")
    assert "diperbarui dari struktur versi 1" in log


def test_a_workbook_left_open_is_not_touched_and_the_log_says_what_to_do(lama: Path) -> None:
    _pemilik_excel(lama)
    sebelum = sidik_folder(lama.parent)
    assert perbarui_latar.setelah_ditutup(lama, batas=0.3, jeda=0.1) == 1
    log = lama.parent / perbarui_latar.BERKAS_LOG
    teks = log.read_text(encoding="utf-8")
    assert "masih terbuka" in teks and "Tidak ada yang diubah" in teks
    sesudah = sidik_folder(lama.parent)
    del sesudah[perbarui_latar.BERKAS_LOG]
    assert sesudah == sebelum


def test_the_background_process_upgrades_after_the_close(lama: Path) -> None:
    """The real detached process the button starts: `python -m pyxl perbarui
    --setelah-ditutup`, stopped here by the pid it was given."""
    kunci = _pemilik_excel(lama)
    proses = perbarui_latar.mulai(lama)
    try:
        time.sleep(1.0)
        assert proses.poll() is None, "it waits while the workbook is open"
        assert _versi(lama) == 1
        kunci.unlink()
        assert proses.wait(timeout=180) == 0
    finally:
        if proses.poll() is None:
            proses.kill()
            proses.wait()
    assert _versi(lama) == VERSI_STRUKTUR
    assert "diperbarui" in (lama.parent / perbarui_latar.BERKAS_LOG).read_text(encoding="utf-8")


def test_the_button_on_a_current_master_says_there_is_nothing_to_do(
    master: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyxl.tombol

    dimulai: list[Path] = []
    monkeypatch.setattr(perbarui_latar, "mulai", dimulai.append)
    book = buku_remote(master.resolve())
    pyxl.tombol.perbarui()
    [pesan] = [a["args"][0] for a in aksi(book) if a["func"] == "alert"]
    assert "sudah sesuai" in pesan
    assert dimulai == []
    assert not [a for a in aksi(book) if a["func"] in ("setValues", "save")]


def test_the_button_on_an_old_master_starts_the_upgrade_and_asks_to_close(
    lama: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyxl.tombol

    dimulai: list[Path] = []
    monkeypatch.setattr(perbarui_latar, "mulai", dimulai.append)
    book = buku_remote(lama.resolve())
    pyxl.tombol.perbarui()
    [pesan] = [a["args"][0] for a in aksi(book) if a["func"] == "alert"]
    assert "Simpan lalu tutup buku kerja ini" in pesan and "struktur versi 1" in pesan
    assert [p.resolve() for p in dimulai] == [lama.resolve()]


def test_a_step_button_on_an_old_master_offers_the_upgrade_not_a_new_master(
    lama: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The old release's VBA calls the installed pyxl's functions by their unchanged names."""
    import pyxl.tombol

    dimulai: list[Path] = []
    monkeypatch.setattr(perbarui_latar, "mulai", dimulai.append)
    monkeypatch.chdir(lama.parent)
    book = buku_remote(lama.resolve())
    sebelum = sidik_folder(lama.parent)
    pyxl.tombol.analisis()
    tindakan = aksi(book)
    [pesan] = [a["args"][0] for a in tindakan if a["func"] == "alert"]
    assert "belum sesuai pyxl yang terpasang" in pesan and "Simpan lalu tutup" in pesan
    assert "pyxl init" not in pesan
    assert [a for a in tindakan if a["func"] in ("setValues", "save")] == []
    assert len(dimulai) == 1
    assert sidik_folder(lama.parent) == sebelum
