"""Telling the user what is happening: one helper per surface, the same three verbs.

`status` is progress (Excel's status bar, or a line on the console); `info` is the result of a
step; `galat` is an expected problem, shown as a plain Indonesian message box — never a
traceback. Unexpected exceptions keep their traceback so they can be reported.
"""

from __future__ import annotations

import contextlib
import sys
from typing import Any, Protocol, TextIO


class Umpan(Protocol):
    def status(self, pesan: str) -> None: ...
    def info(self, pesan: str) -> None: ...
    def galat(self, pesan: str) -> None: ...


class UmpanKonsol:
    """Console feedback for the CLI: progress and results on stdout, problems on stderr."""

    def __init__(
        self, keluar: TextIO | None = None, galat: TextIO | None = None, diam: bool = False
    ) -> None:
        self._keluar = keluar or sys.stdout
        self._galat = galat or sys.stderr
        self._diam = diam

    def status(self, pesan: str) -> None:
        if not self._diam:
            print(pesan, file=self._keluar, flush=True)

    def info(self, pesan: str) -> None:
        print(pesan, file=self._keluar, flush=True)

    def galat(self, pesan: str) -> None:
        print(f"GAGAL: {pesan}", file=self._galat, flush=True)


JUDUL = "Pengumpulan Data Kinerja"


class UmpanExcel:
    """Feedback inside Excel: the status bar for progress, message boxes for results."""

    def __init__(self, book: Any) -> None:
        self._app = book.app

    def status(self, pesan: str) -> None:
        # A status bar is a nicety; some engines (xlwings' remote engine) lack it.
        with contextlib.suppress(Exception):
            self._app.status_bar = pesan

    def selesai(self) -> None:
        """Hand the status bar back to Excel."""
        self.status(False)  # type: ignore[arg-type]

    def info(self, pesan: str) -> None:
        self._app.alert(pesan, title=JUDUL, buttons="ok", mode="info")

    def galat(self, pesan: str) -> None:
        self._app.alert(pesan, title=JUDUL, buttons="ok", mode="critical")
