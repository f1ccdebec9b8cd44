"""The Word templates shipped with pyxl, and a sample context for each.

The templates are the `.docx` files of the repository's top-level `templates/` folder, edited in
Word or LibreOffice (`templates/README.md` has the rules docxtpl needs) and installed as the
package data `pyxl.templates`. `pyxl init` copies them into a working folder's `templates/`,
where staff may edit their own copy; `pyxl.dokumen.word.cari_templat` prefers that copy.

Each template has a sample context in `templates/contoh/<name>.json`: every variable the
renderer passes, already formatted as the steps format it. `pyxl cek` renders each template
with it to find misspelt or missing variables, and the tests render them all.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

# The repository's top-level templates/ folder, mapped to this name (pyproject.toml).
FOLDER_BAWAAN = Path(str(importlib.import_module("pyxl.templates").__file__)).resolve().parent
"""The templates as installed with pyxl."""

NAMA_TEMPLAT = tuple(sorted(p.name for p in FOLDER_BAWAAN.glob("*.docx")))
"""Every template pyxl renders, by file name."""


def contoh_konteks(nama: str) -> dict[str, Any]:
    """The sample context of template `nama` (a fresh dict on every call)."""
    if nama not in NAMA_TEMPLAT:
        raise KeyError(f"Templat {nama!r} tidak dikenal; yang ada: {', '.join(NAMA_TEMPLAT)}.")
    jalur = FOLDER_BAWAAN / "contoh" / f"{Path(nama).stem}.json"
    isi: dict[str, Any] = json.loads(jalur.read_text(encoding="utf-8"))
    return isi
