"""The few real failures of pyxl, as one small exception tree.

    PyxlError                 a step could not run; the message is Indonesian and says why
    ├── BukuError             the master workbook is missing, locked, or not ours
    │   └── BukuTerkunci      another program (Excel, another pyxl run) holds the workbook
    ├── IsianError            a setting, argument or sheet value is unusable (names the cell)
    └── LingkunganError       the environment cannot do what was asked (missing program, folder)

Problems found in *data* (a returned format, an indicator that cannot be computed) are not
exceptions: they are findings written to `Validasi`. Exceptions are for "nothing was done".
The CLI turns a PyxlError into exit status 1; a button turns it into a message box.
"""

from __future__ import annotations


class PyxlError(Exception):
    """A step could not run; nothing was changed."""


class BukuError(PyxlError):
    """The master workbook is missing, unreadable or lacks what the contract names."""


class BukuTerkunci(BukuError):
    """The workbook is held by another program or another pyxl run."""


class IsianError(PyxlError):
    """An input (argument, setting, cell) is unusable."""


class LingkunganError(PyxlError):
    """The machine lacks something the step needs."""
