"""What the README tells staff matches what pyxl declares."""

from __future__ import annotations

import re

from conftest import AKAR
from pyxl.kontrak.masalah import KODE


def test_the_readme_lists_exactly_the_finding_codes_that_exist() -> None:
    teks = (AKAR / "README.md").read_text(encoding="utf-8")
    blok = teks.split("<!-- kode-masalah:mulai -->")[1].split("<!-- kode-masalah:selesai -->")[0]
    baris = [b for b in blok.splitlines() if b.startswith("| `")]
    di_readme = {re.match(r"\| `([A-Z_0-9]+)`", b)[1]: b for b in baris}  # type: ignore[index]
    assert len(di_readme) == len(baris), "a code is listed twice"
    assert sorted(di_readme) == sorted(KODE)
    for kode, b in di_readme.items():
        assert f"| {KODE[kode].tingkat} |" in b, b
