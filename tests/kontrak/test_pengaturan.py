"""Settings are data: every one has help text and is documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import AKAR
from pyxl.galat import IsianError
from pyxl.kontrak.pengaturan import PENGATURAN, Pengaturan, dokumentasi

DOCS = AKAR / "docs" / "pengaturan.md"


def test_every_setting_has_help_and_a_unique_key() -> None:
    kunci = [s.kunci for s in PENGATURAN]
    assert len(kunci) == len(set(kunci))
    assert all(s.keterangan.strip() for s in PENGATURAN)


def test_docs_list_every_setting() -> None:
    assert DOCS.read_text(encoding="utf-8") == dokumentasi(), (
        "docs/pengaturan.md is stale: python -m pyxl.kontrak.pengaturan docs/pengaturan.md"
    )
    for s in PENGATURAN:
        assert f"| {s.kunci} |" in dokumentasi()


def test_values_fall_back_to_defaults_and_excel_numbers_read_as_text() -> None:
    p = Pengaturan({"Tahun": 2026.0, "Kota": "  ", "Kode Unit": None})
    assert p.tahun() == 2026
    assert p["Kota"] == "Blambangan Umpu"
    assert p["Kode Unit"] == "I.10-WK"
    with pytest.raises(KeyError):
        p["Tidak Ada"]


@pytest.mark.parametrize("tahun", ["", "26", "dua ribu", "1899"])
def test_a_bad_year_is_a_clear_error(tahun: str) -> None:
    with pytest.raises(IsianError, match="Tahun"):
        Pengaturan({"Tahun": tahun}).tahun()


@pytest.mark.parametrize("nama", ["../luar", "/etc", "..", "."])
def test_folder_settings_cannot_leave_the_working_folder(tmp_path: Path, nama: str) -> None:
    with pytest.raises(IsianError, match="Folder Dokumen"):
        Pengaturan({"Folder Dokumen": nama}).folder(tmp_path, "Folder Dokumen")
    assert Pengaturan({}).folder(tmp_path, "Folder Dokumen") == (tmp_path / "dokumen").resolve()
