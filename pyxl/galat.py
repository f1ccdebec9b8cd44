"""The few real failures of pyxl, as one small exception tree.

    PyxlError                 a step could not run; the message is Indonesian and says why
    ├── BukuError             the master workbook is missing, locked, or not ours
    │   └── BukuTerkunci      another program (Excel, another pyxl run) holds the workbook
    ├── IsianError            a setting, argument or sheet value is unusable (names the cell)
    ├── LingkunganError       the environment cannot do what was asked (missing program, folder)
    └── PasangError           the offline installer cannot go on (Windows bundle, `pasang.py`)

    FormatRusak (ValueError)  a received file claims to be a format but its table cannot be
                              read as one; never leaves `pyxl.inti.stempel`, which turns it
                              into a finding

Problems found in *data* (a returned format, an indicator that cannot be computed) are not
exceptions: they are findings (`pyxl.inti.temuan`) written to `Validasi`. Exceptions are for
"nothing was done". The CLI turns a PyxlError into exit status 1; a button turns it into a
message box.

This module imports nothing: the Windows bundle carries a copy of it beside its installer,
which runs before pyxl is installed.
"""

from __future__ import annotations


class PyxlError(Exception):
    """A step could not run; nothing was changed."""


class BukuError(PyxlError):
    """The master workbook is missing, unreadable or lacks what the contract names."""


class BukuTerkunci(BukuError):
    """The workbook is held by another program or another pyxl run."""


class StrukturUsang(BukuError):
    """The master was written by an earlier release (or broken by another program's re-save):
    `pyxl perbarui` brings it up to date."""


class IsianError(PyxlError):
    """An input (argument, setting, cell) is unusable."""


class LingkunganError(PyxlError):
    """The machine lacks something the step needs."""


class PasangError(PyxlError):
    """The installation cannot go on; the message (Indonesian) says why and what to do."""


class FormatRusak(ValueError):
    """A file claims to be a format but its table cannot be read as one (Indonesian message)."""
