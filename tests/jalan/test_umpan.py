"""Telling the user (`pyxl.jalan.umpan`): the console for commands, Excel for buttons."""

from __future__ import annotations

import io
from typing import Any

import pytest

from pyxl.jalan.umpan import JUDUL, UmpanExcel, UmpanKonsol


def test_konsol_progress_and_results_on_stdout_problems_on_stderr() -> None:
    keluar, galat = io.StringIO(), io.StringIO()
    u = UmpanKonsol(keluar, galat)
    u.status("Himpun: berjalan …")
    u.info("10 berkas dihimpun.")
    u.galat("Format TAPEM ditolak.")
    assert keluar.getvalue() == "Himpun: berjalan …\n10 berkas dihimpun.\n"
    assert galat.getvalue() == "GAGAL: Format TAPEM ditolak.\n"


def test_konsol_diam_suppresses_only_progress() -> None:
    keluar, galat = io.StringIO(), io.StringIO()
    u = UmpanKonsol(keluar, galat, diam=True)
    u.status("Himpun: berjalan …")
    u.info("10 berkas dihimpun.")
    u.galat("Format TAPEM ditolak.")
    assert keluar.getvalue() == "10 berkas dihimpun.\n"
    assert galat.getvalue() == "GAGAL: Format TAPEM ditolak.\n"


def test_konsol_defaults_to_the_process_streams(capsys: pytest.CaptureFixture[str]) -> None:
    u = UmpanKonsol()
    u.status("berjalan")
    u.info("selesai")
    u.galat("rusak")
    tangkap = capsys.readouterr()
    assert tangkap.out == "berjalan\nselesai\n"
    assert tangkap.err == "GAGAL: rusak\n"


class _App:
    """xlwings' App as far as UmpanExcel uses it; `status_bar` may be missing."""

    def __init__(self, bisa_status: bool = True) -> None:
        self.bisa_status = bisa_status
        self.bar: list[Any] = []
        self.alert_dipanggil: list[tuple[tuple[Any, ...], dict[str, Any]]] = []

    @property
    def status_bar(self) -> Any:
        return self.bar[-1] if self.bar else None

    @status_bar.setter
    def status_bar(self, nilai: Any) -> None:
        if not self.bisa_status:
            raise NotImplementedError("status_bar is not supported by the remote engine")
        self.bar.append(nilai)

    def alert(self, *args: Any, **kwargs: Any) -> None:
        self.alert_dipanggil.append((args, kwargs))


class _Book:
    def __init__(self, app: _App) -> None:
        self.app = app


def test_excel_progress_goes_to_the_status_bar_and_is_handed_back() -> None:
    app = _App()
    u = UmpanExcel(_Book(app))
    u.status("Himpun: berjalan …")
    u.selesai()
    assert app.bar == ["Himpun: berjalan …", False]
    assert app.alert_dipanggil == []


def test_excel_without_a_status_bar_is_not_an_error() -> None:
    app = _App(bisa_status=False)
    u = UmpanExcel(_Book(app))
    u.status("Himpun: berjalan …")
    u.selesai()
    assert app.bar == []
    u.info("Selesai.")  # results still reach the user
    assert len(app.alert_dipanggil) == 1


def test_excel_results_and_problems_are_message_boxes() -> None:
    app = _App()
    u = UmpanExcel(_Book(app))
    u.info("10 berkas dihimpun.")
    u.galat("Format TAPEM ditolak.")
    assert app.alert_dipanggil == [
        (("10 berkas dihimpun.",), {"title": JUDUL, "buttons": "ok", "mode": "info"}),
        (("Format TAPEM ditolak.",), {"title": JUDUL, "buttons": "ok", "mode": "critical"}),
    ]
    assert JUDUL == "Pengumpulan Data Kinerja"


def test_an_alert_that_fails_is_not_swallowed() -> None:
    class _AppRusak(_App):
        def alert(self, *args: Any, **kwargs: Any) -> None:
            raise RuntimeError("Excel tidak menjawab")

    u = UmpanExcel(_Book(_AppRusak()))
    with pytest.raises(RuntimeError, match="Excel tidak menjawab"):
        u.galat("Format TAPEM ditolak.")
