"""pyxl.buku.sistem: the stamp secret in the very hidden `Sistem` sheet."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from python_calamine import CalamineWorkbook

from pyxl.buku.sistem import rahasia
from pyxl.buku.tabel import baca_tabel
from pyxl.buku.xlsm import BukuZip, buka
from pyxl.inti.stempel import KUNCI_RAHASIA
from pyxl.kontrak import skema
from pyxl.kontrak.struktur import KUNCI_VERSI, VERSI_STRUKTUR

HEX64 = re.compile(rb"[0-9a-f]{64}")


def _sistem(berkas: Path) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(berkas)).get_sheet_by_name(skema.SISTEM).to_python()


def _kunci_rahasia(berkas: Path) -> list[dict[str, object]]:
    rows = baca_tabel(BukuZip(berkas, hanya_baca=True), skema.SISTEM)
    return [r for r in rows if r["Kunci"] == KUNCI_RAHASIA]


def test_the_sample_master_has_no_secret_yet(master: Path) -> None:
    rows = baca_tabel(BukuZip(master, hanya_baca=True), skema.SISTEM)
    assert [r["Kunci"] for r in rows] == [KUNCI_VERSI], "only its structure version"


def test_the_secret_is_created_once_then_the_same(master: Path) -> None:
    with buka(master) as buku:
        pertama = rahasia(buku)
        assert HEX64.fullmatch(pertama)
        assert rahasia(buku) == pertama  # the pending write is seen
        buku.simpan()
    with buka(master) as buku:
        assert rahasia(buku) == pertama
        assert rahasia(buku) == pertama
        buku.simpan()
    assert _sistem(master) == [
        ["Kunci", "Nilai"],
        [KUNCI_VERSI, str(VERSI_STRUKTUR)],
        [KUNCI_RAHASIA, pertama.decode()],
    ]


def test_the_secret_is_stored_in_the_sheet_as_text(master: Path) -> None:
    with buka(master) as buku:
        kunci = rahasia(buku)
        buku.simpan()
    (baris,) = _kunci_rahasia(master)
    assert baris == {"Kunci": KUNCI_RAHASIA, "Nilai": kunci.decode("utf-8"), "_baris": 3}


def test_each_master_gets_its_own_secret(master: Path, tmp_path: Path) -> None:
    lain = tmp_path / "lain" / skema.NAMA_MASTER
    lain.parent.mkdir()
    shutil.copy(master, lain)
    with buka(master) as a, buka(lain) as b:
        assert rahasia(a) != rahasia(b)


def test_an_existing_secret_is_used_as_stored(master: Path) -> None:
    with buka(master) as buku:
        buku.tulis(skema.SISTEM, 2, 1, [["Lain", "bukan ini"], [KUNCI_RAHASIA, " rahasia-lama "]])
        assert rahasia(buku) == b"rahasia-lama"
        assert len(baca_tabel(buku, skema.SISTEM)) == 2  # nothing added


def test_a_numeric_secret_cell_is_read_as_its_text(master: Path) -> None:
    with buka(master) as buku:
        buku.tulis(skema.SISTEM, 2, 1, [[KUNCI_RAHASIA, 20260112]])
        assert rahasia(buku) == b"20260112"


def test_an_empty_secret_is_never_used(master: Path) -> None:
    """A row whose value was cleared gets a new secret below it, never b''."""
    with buka(master) as buku:
        buku.tulis(skema.SISTEM, 2, 1, [[KUNCI_RAHASIA, None]])
        baru = rahasia(buku)
        assert HEX64.fullmatch(baru)
        assert rahasia(buku) == baru
        baris = baca_tabel(buku, skema.SISTEM)
    assert [(r["_baris"], r["Nilai"]) for r in baris] == [(2, None), (3, baru.decode())]
