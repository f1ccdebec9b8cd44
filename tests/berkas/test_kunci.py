"""pyxl.berkas.kunci: the working folder's lock, Excel's owner file, and the run journal."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pyxl.berkas import kunci
from pyxl.berkas.kunci import (
    NAMA_JURNAL,
    NAMA_KUNCI,
    Jurnal,
    berkas_kunci,
    jurnal_aktif,
    kunci_folder,
    pakai_jurnal,
    pemilik,
)
from pyxl.galat import BukuTerkunci, LingkunganError
from pyxl.kontrak import skema

AKAR = Path(__file__).resolve().parents[2]

PEMEGANG = """
import sys
from pathlib import Path
from pyxl.berkas.kunci import kunci_folder

with kunci_folder(Path(sys.argv[1])):
    print("siap", flush=True)
    sys.stdin.readline()
print("lepas", flush=True)
"""


@pytest.fixture
def pemegang(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the lock of `tmp_path` until a line arrives on its stdin."""
    proses = subprocess.Popen(
        [sys.executable, "-c", PEMEGANG, str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=AKAR,  # this worktree's pyxl comes first on sys.path
    )
    assert proses.stdout is not None
    assert proses.stdout.readline().strip() == "siap"
    try:
        yield proses
    finally:
        if proses.poll() is None:
            proses.kill()
        proses.communicate(timeout=10)


# ------------------------------------------------------------------------------ the lock


def test_the_lock_file_exists_while_held_and_is_removed_after(tmp_path: Path) -> None:
    with kunci_folder(tmp_path):
        assert (tmp_path / NAMA_KUNCI).is_file()
    assert not (tmp_path / NAMA_KUNCI).exists()
    assert list(tmp_path.iterdir()) == []


def test_the_lock_is_released_when_the_block_fails(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), kunci_folder(tmp_path):
        raise RuntimeError("langkah gagal")
    assert not (tmp_path / NAMA_KUNCI).exists()
    with kunci_folder(tmp_path):  # and can be taken again at once
        pass


def test_a_second_process_waits_then_gets_buku_terkunci(
    tmp_path: Path, pemegang: subprocess.Popen[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kunci, "TUNGGU_DETIK", 0.4)
    mulai = time.monotonic()
    with pytest.raises(BukuTerkunci) as info, kunci_folder(tmp_path):
        pytest.fail("the lock was taken while another process held it")
    lama = time.monotonic() - mulai
    assert 0.4 <= lama < 5
    assert str(info.value) == (
        f"Folder kerja {tmp_path} sedang dipakai proses pyxl lain. Tunggu sampai selesai, "
        "lalu ulangi."
    )
    # The holder still has its lock file; the refused run did not remove it.
    assert (tmp_path / NAMA_KUNCI).is_file()
    assert pemegang.poll() is None


def test_the_lock_is_taken_once_the_other_process_lets_go(
    tmp_path: Path, pemegang: subprocess.Popen[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kunci, "TUNGGU_DETIK", 10.0)
    assert pemegang.stdin is not None and pemegang.stdout is not None
    threading.Timer(0.3, lambda: (pemegang.stdin.write("\n"), pemegang.stdin.flush())).start()
    mulai = time.monotonic()
    with kunci_folder(tmp_path):
        lama = time.monotonic() - mulai
        assert (tmp_path / NAMA_KUNCI).is_file()
    assert 0.2 <= lama < 5  # it waited for the holder
    assert pemegang.stdout.readline().strip() == "lepas"
    assert not (tmp_path / NAMA_KUNCI).exists()


def test_a_lock_left_by_a_killed_process_is_free(
    tmp_path: Path, pemegang: subprocess.Popen[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The OS releases the lock of a process that died; its lock file stays behind."""
    pemegang.kill()
    pemegang.wait(timeout=10)
    assert (tmp_path / NAMA_KUNCI).is_file()
    monkeypatch.setattr(kunci, "TUNGGU_DETIK", 2.0)
    with kunci_folder(tmp_path):
        pass
    assert not (tmp_path / NAMA_KUNCI).exists()


def test_a_thread_of_the_same_process_also_waits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kunci, "TUNGGU_DETIK", 0.3)
    dipegang, lepas = threading.Event(), threading.Event()

    def pegang() -> None:
        with kunci_folder(tmp_path):
            dipegang.set()
            lepas.wait(10)

    t = threading.Thread(target=pegang)
    t.start()
    try:
        assert dipegang.wait(10)
        with pytest.raises(BukuTerkunci), kunci_folder(tmp_path):
            pass
    finally:
        lepas.set()
        t.join(10)
    with kunci_folder(tmp_path):
        assert (tmp_path / NAMA_KUNCI).is_file()
    assert not (tmp_path / NAMA_KUNCI).exists()


def test_a_folder_that_cannot_hold_the_lock_file(tmp_path: Path) -> None:
    tidak_ada = tmp_path / "tidak-ada"
    with pytest.raises(LingkunganError) as info, kunci_folder(tidak_ada):
        pytest.fail("locked a folder that does not exist")
    pesan = str(info.value)
    assert pesan.startswith(f"Folder kerja {tidak_ada} tidak dapat ditulis (")
    assert f"berkas kunci {NAMA_KUNCI} tidak dapat dibuat" in pesan
    assert pesan.endswith("Tidak ada yang diubah.")


# ------------------------------------------------------------------------------ pemilik


def _berkas_pemilik(nama_pengguna: str) -> bytes:
    """An owner file as Excel writes it: the length, the name (padded to 54 bytes), then the
    name again in UTF-16 with its length."""
    satu = bytes([len(nama_pengguna)]) + nama_pengguna.encode("latin-1")
    dua = len(nama_pengguna).to_bytes(2, "little") + nama_pengguna.encode("utf-16-le")
    return satu.ljust(54, b" ") + dua + b"\0" * 53


def test_nobody_has_the_workbook_open(master: Path) -> None:
    assert pemilik(master) is None


def test_excel_owner_file_with_the_whole_name(tmp_path: Path) -> None:
    buku = tmp_path / "buku.xlsm"
    buku.write_bytes(b"")
    (tmp_path / "~$buku.xlsm").write_bytes(_berkas_pemilik("Siti Aminah"))
    assert pemilik(buku) == ("Excel", "Siti Aminah")


def test_excel_owner_file_of_a_long_name_replaces_its_first_two_characters(
    tmp_path: Path,
) -> None:
    buku = tmp_path / skema.NAMA_MASTER
    (tmp_path / ("~$" + skema.NAMA_MASTER[2:])).write_bytes(_berkas_pemilik("Budi"))
    assert pemilik(buku) == ("Excel", "Budi")


@pytest.mark.parametrize("isi", [b"", b"\x00", b"\x05   "], ids=["kosong", "nol", "spasi"])
def test_an_owner_file_without_a_name_still_means_open(tmp_path: Path, isi: bytes) -> None:
    buku = tmp_path / "buku.xlsm"
    (tmp_path / "~$buku.xlsm").write_bytes(isi)
    assert pemilik(buku) == ("Excel", "pengguna lain")


def test_the_owner_file_of_another_workbook_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "~$lain.xlsx").write_bytes(_berkas_pemilik("Budi"))
    assert pemilik(tmp_path / "buku.xlsm") is None


def test_libreoffice_lock_file_names_the_user(tmp_path: Path) -> None:
    buku = tmp_path / skema.NAMA_MASTER
    kunci = tmp_path / f".~lock.{skema.NAMA_MASTER}#"
    kunci.write_text(
        "Rina Wati,PC-RENKEU,rina,06.12.2026 09:15,file:///C:/Users/rina/AppData/Roaming/"
        "LibreOffice/4;",
        encoding="utf-8",
    )
    assert pemilik(buku) == ("LibreOffice", "Rina Wati")
    assert berkas_kunci(buku, "LibreOffice") == kunci


def test_libreoffice_lock_file_without_a_full_name_gives_the_login(tmp_path: Path) -> None:
    buku = tmp_path / "buku.xlsm"
    (tmp_path / ".~lock.buku.xlsm#").write_text(",PC-7,budi,06.12.2026 09:15,file:///x;")
    assert pemilik(buku) == ("LibreOffice", "budi")
    (tmp_path / ".~lock.buku.xlsm#").write_text("")
    assert pemilik(buku) == ("LibreOffice", "pengguna lain")


# ------------------------------------------------------------------------------ the journal


def test_lines_are_appended_and_read_back(tmp_path: Path) -> None:
    j = Jurnal(tmp_path, "jalan-1")
    assert j.jalur == tmp_path / NAMA_JURNAL
    assert not j.ada()
    assert j.baca() == []
    mulai = {"perintah": "format", "berkas": {"format": ["a.xlsx"]}}
    surel = {"id": "m1", "tahap": "coba", "kepada": "Bagian Hukum — Kabag"}
    j.catat("mulai", **mulai)
    j.catat("surel", **surel)
    assert j.ada()
    assert j.baca() == [
        {"jalan": "jalan-1", "jenis": "mulai", **mulai},
        {"jalan": "jalan-1", "jenis": "surel", **surel},
    ]
    mentah = j.jalur.read_bytes()
    assert mentah.count(b"\n") == 2 and mentah.endswith(b"\n")
    assert "Bagian Hukum — Kabag".encode() in mentah  # UTF-8, not \u escapes
    assert [json.loads(b)["jenis"] for b in mentah.decode().splitlines()] == ["mulai", "surel"]


def test_a_later_line_never_rewrites_an_earlier_one(tmp_path: Path) -> None:
    j = Jurnal(tmp_path)
    j.catat("mulai")
    awal = j.jalur.read_bytes()
    j.catat("simpan", stand=[1, 2])
    assert j.jalur.read_bytes().startswith(awal)


def test_each_run_has_its_own_id(tmp_path: Path) -> None:
    a, b = Jurnal(tmp_path), Jurnal(tmp_path)
    assert a.jalan != b.jalan
    assert len(a.jalan) == 12 and int(a.jalan, 16) >= 0


def test_hanya_ini_reads_only_this_runs_lines(tmp_path: Path) -> None:
    mati, kini = Jurnal(tmp_path, "mati"), Jurnal(tmp_path, "kini")
    mati.catat("mulai", perintah="kirim")
    kini.catat("mulai", perintah="format")
    mati.catat("surel", id="x")
    assert [e["jalan"] for e in kini.baca()] == ["mati", "kini", "mati"]
    assert kini.baca(hanya_ini=True) == [{"jalan": "kini", "jenis": "mulai", "perintah": "format"}]
    assert [e["jenis"] for e in mati.baca(hanya_ini=True)] == ["mulai", "surel"]


def test_a_line_cut_short_by_a_crash_is_skipped(tmp_path: Path) -> None:
    j = Jurnal(tmp_path, "r")
    j.catat("mulai", perintah="kirim")
    j.catat("surel", id="a", tahap="keluar")
    with open(j.jalur, "ab") as f:
        f.write(b'{"jalan": "r", "jenis": "surel", "id": "b", "ta')
    assert [e.get("id") for e in j.baca()] == [None, "a"]


def test_lines_that_are_not_objects_or_not_utf8_are_skipped(tmp_path: Path) -> None:
    j = Jurnal(tmp_path, "r")
    j.jalur.write_bytes(b'[1, 2]\n"teks"\n\xff\xfe{bukan json\n\n')
    j.catat("mulai")
    assert j.baca() == [{"jalan": "r", "jenis": "mulai"}]


def test_hapus_removes_the_journal_and_may_be_repeated(tmp_path: Path) -> None:
    j = Jurnal(tmp_path)
    j.catat("mulai")
    j.hapus()
    assert not j.ada() and not j.jalur.exists()
    j.hapus()
    assert j.baca() == []


def test_a_journal_that_cannot_be_written_raises_oserror_naming_it(tmp_path: Path) -> None:
    j = Jurnal(tmp_path / "tidak-ada")
    with pytest.raises(OSError) as info:
        j.catat("mulai")
    assert str(info.value.filename) == str(j.jalur)


def test_no_journal_is_active_outside_a_run() -> None:
    assert jurnal_aktif() is None


def test_pakai_jurnal_sets_and_restores_the_active_journal(tmp_path: Path) -> None:
    luar, dalam = Jurnal(tmp_path, "luar"), Jurnal(tmp_path, "dalam")
    with pakai_jurnal(luar) as j:
        assert j is luar and jurnal_aktif() is luar
        with pakai_jurnal(dalam):
            assert jurnal_aktif() is dalam
        assert jurnal_aktif() is luar
        with pakai_jurnal(None):  # a read-only command inside: no journal
            assert jurnal_aktif() is None
        assert jurnal_aktif() is luar
    assert jurnal_aktif() is None


def test_pakai_jurnal_restores_after_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError), pakai_jurnal(Jurnal(tmp_path)):
        raise ValueError
    assert jurnal_aktif() is None


def test_the_active_journal_does_not_leak_into_another_thread(tmp_path: Path) -> None:
    dilihat: list[Jurnal | None] = []
    with pakai_jurnal(Jurnal(tmp_path)):
        t = threading.Thread(target=lambda: dilihat.append(jurnal_aktif()))
        t.start()
        t.join(10)
    assert dilihat == [None]
