"""pyxl.jalan.paralel: the same results, in order, on several cores or one."""

from __future__ import annotations

import pickle
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from pyxl.cli import main
from pyxl.jalan import paralel
from pyxl.kontrak import skema


def _kali(umum: int, x: int) -> int:
    return umum * x


def test_petakan_keeps_order_and_reports_progress() -> None:
    kabar: list[int] = []
    hasil = paralel.petakan(_kali, list(range(50)), 3, kabar=kabar.append, ambang=2)
    assert hasil == [3 * x for x in range(50)]
    assert kabar == list(range(1, 51))


def test_petakan_below_the_threshold_stays_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def tidak_boleh(*a: object, **k: object) -> None:
        raise AssertionError("no worker below the threshold")

    monkeypatch.setattr(paralel, "_di_pekerja", tidak_boleh)
    assert paralel.petakan(_kali, [1, 2], 2, ambang=3) == [2, 4]


def test_petakan_falls_back_when_workers_cannot_start(monkeypatch: pytest.MonkeyPatch) -> None:
    def gagal(*a: object, **k: object) -> None:
        raise OSError("tidak dapat membuat proses")

    monkeypatch.setattr(paralel, "_di_pekerja", gagal)
    monkeypatch.setattr(paralel, "inti", lambda: 2)
    assert paralel.petakan(_kali, [1, 2, 3], 2, ambang=1) == [2, 4, 6]


def _ledger(master: Path) -> dict[str, Any]:
    wb = openpyxl.load_workbook(master)
    hasil: dict[str, Any] = {}
    for sheet in (skema.PENERIMAAN, skema.VALIDASI, "HUKUM", "KESRA", "RENKEU"):
        rows = list(wb[sheet].iter_rows(values_only=True))
        hasil[sheet] = [r for r in rows if any(v is not None for v in r)]
    hasil[skema.PENERIMAAN] = [r[1:] for r in hasil[skema.PENERIMAAN]]  # without receipt time
    hasil[skema.VALIDASI] = [r[1:] for r in hasil[skema.VALIDASI]]
    return hasil


def test_himpun_on_all_cores_records_exactly_what_one_core_does(
    kerja: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The same returns (accepted, rejected, duplicate) gathered in workers and in this
    process give the same ledger rows, findings and merged values."""
    from pyxl.alat.simulasi import isi_format, isian_contoh

    kerja_terbit = kerja
    master = kerja / skema.NAMA_MASTER
    assert main(["format", "--workbook", str(master), "--batas-waktu=20 Januari 2027"]) == 0
    masuk = kerja_terbit / skema.FOLDER_MASUK
    for kode in ("HUKUM", "KESRA", "RENKEU"):
        asal = kerja_terbit / skema.FOLDER_FORMAT / f"{kode}_Format_IKU_2026.xlsx"
        isi_format(asal, masuk / f"{kode}.xlsx", isian_contoh(kode))
    shutil.copy(masuk / "HUKUM.xlsx", masuk / "HUKUM salinan.xlsx")
    (masuk / "catatan.txt").write_bytes(b"bukan format")
    satu = tmp_path / "satu"
    shutil.copytree(kerja_terbit, satu)

    def himpun(kerja: Path) -> dict[str, Any]:
        master = kerja / skema.NAMA_MASTER
        assert main(["himpun", "--workbook", str(master), "--tanpa-imap"]) == 0
        return _ledger(master)

    sendiri = himpun(satu)
    dipanggil: list[int] = []
    dikirim: list[bytes] = []
    asli = paralel._di_pekerja

    def catat(*a: Any, **k: Any) -> Any:
        dipanggil.append(len(a[1]))
        dikirim.append(pickle.dumps((a[0], a[2])))  # what each worker is sent once
        return asli(*a, **k)

    monkeypatch.setattr(paralel, "_di_pekerja", catat)
    monkeypatch.setattr(paralel, "AMBANG", 2)
    monkeypatch.setattr(paralel, "inti", lambda: 2)
    assert himpun(kerja_terbit) == sendiri
    assert dipanggil == [5], "all five files checked in workers"
    # a worker imports the checks and what they are checked against, and no step: a step's
    # imports (all of pyxl.langkah, the runner, the workbook) would double its start-up
    dimuat = _modul_pekerja(dikirim[0])
    assert "pyxl.inti.kembalian" in dimuat
    assert not {m for m in dimuat if m.startswith(("pyxl.langkah", "pyxl.buku", "pyxl.jalan"))}


def _modul_pekerja(kiriman: bytes) -> set[str]:
    """The pyxl modules a fresh interpreter imports to unpickle `kiriman`."""
    kode = (
        "import pickle, sys; pickle.loads(sys.stdin.buffer.read()); "
        "print(*sorted(m for m in sys.modules if m.startswith('pyxl')))"
    )
    keluar = subprocess.run(
        [sys.executable, "-c", kode], input=kiriman, capture_output=True, check=True
    )
    return set(keluar.stdout.decode().split())
