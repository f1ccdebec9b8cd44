"""Sheet operations on the closed master (`pyxl.buku.lembar_zip`, through `BukuZip`): a Bagian
sheet added or renamed later carries the sheet-local names (print titles, filter range) the
builder gives a Bagian sheet from the start, and no other sheet's names change."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from pyxl.bangun.kerja import data_contoh
from pyxl.bangun.master import bangun_master
from pyxl.buku import lembar_zip
from pyxl.buku.xlsm import buka
from pyxl.kontrak.model import Bagian

NamaLokal = dict[str, list[tuple[str, str]]]


def _nama_lokal(berkas: Path) -> NamaLokal:
    """Per sheet, its sheet-local defined names (name, formula) from workbook.xml."""
    with zipfile.ZipFile(berkas) as z:
        root = etree.fromstring(z.read("xl/workbook.xml"), lembar_zip.PARSER)
    sheets = [s.get("name", "") for s in root.iterfind("{*}sheets/{*}sheet")]
    hasil: NamaLokal = {s: [] for s in sheets}
    for dn in root.iterfind("{*}definedNames/{*}definedName"):
        lokal = dn.get("localSheetId")
        if lokal is not None:
            hasil[sheets[int(lokal)]].append((dn.get("name", ""), dn.text or ""))
    return {s: sorted(v) for s, v in hasil.items()}


def _bangun(berkas: Path, kode_tambahan: list[str]) -> Path:
    """The sample master, with Bagian of these codes in its list from the start."""
    data = data_contoh(2026)
    data["bagian"] = [
        *data["bagian"],
        *(Bagian(k, f"Bagian {k}", "", "", "", "", "") for k in kode_tambahan),
    ]
    bangun_master(berkas, tahun=2026, **data)
    return berkas


@pytest.fixture(scope="module")
def asli(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _bangun(tmp_path_factory.mktemp("asli") / "master.xlsm", [])


@pytest.fixture
def salinan(asli: Path, tmp_path: Path) -> Path:
    tujuan = tmp_path / asli.name
    tujuan.write_bytes(asli.read_bytes())
    return tujuan


KODE = ["PBJ2", "KS1", "R1C1", "2026A", "ORG-TALA", "UKPBJ", "KERJASAMA"]
"""Codes a Bagian may have: some read as a cell (A1 or R1C1) or start with a digit, one
needs quoting for its dash, one ends with another Bagian's code."""


def test_a_sheet_added_later_has_the_names_the_builder_gives_it(
    salinan: Path, tmp_path: Path
) -> None:
    sebelum = _nama_lokal(salinan)
    with buka(salinan) as buku:
        for kode in KODE:
            buku.tambah_sheet(kode, contoh="PBJ", sesudah=buku.nama_sheet()[12 + KODE.index(kode)])
        buku.simpan()
    sesudah = _nama_lokal(salinan)
    pembangun = _nama_lokal(_bangun(tmp_path / "acuan.xlsm", KODE))
    for kode in KODE:
        assert sesudah[kode] == pembangun[kode], kode
    assert {s: v for s, v in sesudah.items() if s not in KODE} == sebelum


@pytest.mark.parametrize(
    ("lama", "baru"),
    [("PBJ", "PENGADAAN"), ("ORG", "ORG1"), ("ORG", "ORG-TALA"), ("UMUM", "2026A")],
)
def test_renaming_a_sheet_changes_its_names_only(
    asli: Path, tmp_path: Path, lama: str, baru: str
) -> None:
    """UKPBJ ends with PBJ, and KORG with ORG: renaming PBJ or ORG leaves them alone."""
    berkas = _bangun(tmp_path / "master.xlsm", ["UKPBJ", "KORG", "HUMUM"])
    sebelum = _nama_lokal(berkas)
    with buka(berkas) as buku:
        buku.ganti_nama_sheet(lama, baru)
        buku.simpan()
    sesudah = _nama_lokal(berkas)
    acuan = _nama_lokal(_bangun(tmp_path / "acuan.xlsm", [baru]))
    assert sesudah.pop(baru) == acuan[baru]
    assert sesudah == {s: v for s, v in sebelum.items() if s != lama}


@pytest.mark.libreoffice
def test_libreoffice_repeats_each_sheets_header_after_a_rename(tmp_path: Path) -> None:
    from libreoffice import probe

    berkas = _bangun(tmp_path / "master.xlsm", ["UKPBJ", "KORG"])
    with buka(berkas) as buku:
        buku.ganti_nama_sheet("PBJ", "PENGADAAN")
        buku.ganti_nama_sheet("ORG", "ORG-TALA")
        buku.tambah_sheet("PBJ2", contoh="TAPEM", sesudah="KORG")
        buku.simpan()
    judul = probe(berkas, "--judul-cetak")["print_titles"]
    for sheet in ("PENGADAAN", "ORG-TALA", "UKPBJ", "KORG", "PBJ2", "TAPEM"):
        assert judul[sheet] == [1, 1], sheet
