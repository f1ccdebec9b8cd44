"""pyxl.buku.kendali: a step's status cells and the per-Bagian table on the `Kendali` sheet,
where pyxl.kontrak.kendali says they are.

(Named test_buku_kendali.py: the layout itself belongs to pyxl.kontrak.kendali.)
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from pyxl.buku.kendali import tandai_langkah, tulis_status_bagian
from pyxl.buku.xlsm import BukuZip, buka
from pyxl.inti.sel import huruf_kolom
from pyxl.kontrak import kendali, skema
from pyxl.kontrak.sop import LANGKAH

MULAI = datetime(2026, 1, 12, 8, 30)
SELESAI = datetime(2026, 1, 12, 9, 45)
G = huruf_kolom(kendali.KOLOM_STATUS)
"""The Status column (G)."""


def _kolom(nama: str) -> str:
    return huruf_kolom(kendali.KOLOM_LANGKAH.index(nama) + 1)


def _ws(berkas: Path) -> Any:
    return openpyxl.load_workbook(berkas)[skema.KENDALI]


def test_the_layout_matches_the_sample_master(master: Path) -> None:
    isi = BukuZip(master, hanya_baca=True).baca(skema.KENDALI)
    assert isi[kendali.BARIS_JUDUL_LANGKAH - 1] == list(kendali.KOLOM_LANGKAH)
    assert [isi[kendali.baris_langkah(ls.no) - 1][0] for ls in LANGKAH] == list(range(1, 14))
    header = isi[kendali.BARIS_HEADER_BAGIAN - 1][: len(kendali.KOLOM_STATUS_BAGIAN)]
    assert header == list(kendali.KOLOM_STATUS_BAGIAN)
    assert isi[kendali.BARIS_BAGIAN_1 - 1][0] == "TAPEM"
    assert G == "G" and kendali.KOLOM_STATUS == 7


def test_tandai_langkah_writes_the_status_block_of_its_row(master: Path) -> None:
    baris = kendali.baris_langkah(3)
    with buka(master) as buku:
        tandai_langkah(buku, 3, kendali.SELESAI, MULAI, SELESAI, 75.004, "3 format dikirim")
        buku.simpan()
    ws = _ws(master)
    assert baris == 8
    assert [ws[f"{k}{baris}"].value for k in "GHIJK"] == [
        kendali.SELESAI,
        MULAI,
        SELESAI,
        75.0,
        "3 format dikirim",
    ]
    assert ws[f"{_kolom('Mulai')}{baris}"].number_format == "dd/mm/yyyy hh:mm"
    assert ws[f"{_kolom('Selesai')}{baris}"].number_format == "dd/mm/yyyy hh:mm"
    assert ws[f"{_kolom('Durasi (menit)')}{baris}"].number_format == "0.0"
    # the step's own description and its neighbours are untouched
    assert ws[f"A{baris}"].value == 3
    assert ws[f"B{baris}"].value == LANGKAH[2].uraian
    # the button column keeps what the builder wrote there (the caption, for printing)
    assert ws[f"F{baris - 1}"].value == kendali.teks_tombol(2)
    assert ws[f"F{baris}"].value == kendali.teks_tombol(3)
    assert ws[f"G{baris - 1}"].value == ws[f"G{baris + 1}"].value == kendali.BELUM
    assert ws[f"H{baris - 1}"].value is None and ws[f"H{baris + 1}"].value is None


@pytest.mark.parametrize(("no", "baris"), [(1, 6), (13, 18)])
def test_tandai_langkah_first_and_last_step(master: Path, no: int, baris: int) -> None:
    with buka(master) as buku:
        tandai_langkah(buku, no, kendali.LEWAT_WAKTU, MULAI, SELESAI, 0.5, "")
        isi = buku.baca(skema.KENDALI)
    assert isi[baris - 1][kendali.KOLOM_STATUS - 1 :] == [
        kendali.LEWAT_WAKTU, MULAI, SELESAI, 0.5, None,
    ]  # fmt: skip
    lain = [r[kendali.KOLOM_STATUS - 1] for i, r in enumerate(isi[5:18], start=6) if i != baris]
    assert lain == [kendali.BELUM] * 12


def test_tandai_langkah_rounds_the_duration_to_hundredths(master: Path) -> None:
    with buka(master) as buku:
        tandai_langkah(buku, 2, kendali.SELESAI, MULAI, SELESAI, 12.3456, "x")
        assert buku.baca(skema.KENDALI)[kendali.baris_langkah(2) - 1][9] == 12.35


def test_tandai_langkah_again_replaces_the_earlier_status(master: Path) -> None:
    with buka(master) as buku:
        tandai_langkah(buku, 5, kendali.SELESAI, MULAI, SELESAI, 75, "pertama")
        buku.simpan()
    with buka(master) as buku:
        tandai_langkah(buku, 5, kendali.KEDALUWARSA, SELESAI, SELESAI, 0, "kedua")
        buku.simpan()
    ws = _ws(master)
    nilai = [ws[f"{k}{kendali.baris_langkah(5)}"].value for k in "GHIJK"]
    assert nilai == [kendali.KEDALUWARSA, SELESAI, SELESAI, 0, "kedua"]


# ------------------------------------------------------------------------------ per Bagian


def _status_bagian(berkas: Path) -> list[list[Any]]:
    ws = _ws(berkas)
    lebar = len(kendali.KOLOM_STATUS_BAGIAN)
    return [
        [c.value for c in r]
        for r in ws.iter_rows(min_row=kendali.BARIS_BAGIAN_1, max_row=ws.max_row, max_col=lebar)
    ]


def test_tulis_status_bagian_replaces_the_table_from_its_first_row(master: Path) -> None:
    rows = [
        ["TAPEM", "Bagian Tata Pemerintahan", 4, 4, "TAPEM.xlsx", "Ya", "Ya", "Lengkap", None],
        ["HUKUM", "Bagian Hukum", 5, 2, None, "Ya", "Belum", "Belum", "2 realisasi kosong"],
    ]
    with buka(master) as buku:
        tulis_status_bagian(buku, rows)
        buku.simpan()
    hasil = [r for r in _status_bagian(master) if any(v is not None for v in r)]
    assert hasil == rows  # the other eight Bagian rows are gone
    ws = _ws(master)
    assert ws.cell(kendali.BARIS_BAGIAN_1, 1).value == "TAPEM"
    assert [c.value for c in ws[kendali.BARIS_HEADER_BAGIAN]][:9] == list(
        kendali.KOLOM_STATUS_BAGIAN
    )  # header kept
    assert ws.cell(kendali.BARIS_JUDUL_BAGIAN, 1).value == "Status per Bagian"
    assert ws[f"{G}{kendali.baris_langkah(13)}"].value == kendali.BELUM  # steps untouched


def test_tulis_status_bagian_with_no_rows_empties_the_table(master: Path) -> None:
    with buka(master) as buku:
        tulis_status_bagian(buku, [])
        isi = buku.baca(skema.KENDALI)
        buku.simpan()
    assert len(isi) == kendali.BARIS_HEADER_BAGIAN  # nothing below the header
    assert all(v is None for r in _status_bagian(master) for v in r)
    assert _ws(master).cell(kendali.BARIS_HEADER_BAGIAN, 1).value == "Kode"
