"""The Dokumen IKU ledger (`pyxl.dokumen.tercatat`): file names and versions, the digest of the
approved data, a stale approval, and which files a sheet cell may name."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from pyxl.buku.pengaturan import baca_pengaturan
from pyxl.buku.tabel import tambah_baris
from pyxl.buku.xlsm import BukuZip, buka
from pyxl.dokumen.tercatat import (
    jalur_tercatat,
    nama_berkas,
    persetujuan_basi,
    sidik_data,
    terakhir,
    versi_baris,
    versi_terakhir,
)
from pyxl.galat import IsianError
from pyxl.kontrak import skema
from pyxl.kontrak.keluaran import DOKUMEN_IKU
from pyxl.kontrak.status import FINAL, KONSEP

KOLOM_REALISASI = skema.KOLOM_INDIKATOR.index("Realisasi") + 1


@pytest.fixture
def buku(master: Path) -> Iterator[BukuZip]:
    with buka(master) as b:
        yield b


def _dokumen(buku: BukuZip, *rows: dict[str, object]) -> None:
    tambah_baris(buku, skema.DOKUMEN, skema.KOLOM_DOKUMEN, list(rows))


# --------------------------------------------------------------------------- names and versions


def test_nama_berkas() -> None:
    assert nama_berkas(2026, 1) == "Dokumen_IKU_2026_v1.docx"
    assert nama_berkas(2026, 12, final=True) == "Dokumen_IKU_2026_v12_final.docx"
    # the names recovery knows as pyxl's output
    assert DOKUMEN_IKU.cocok(nama_berkas(2027, 3)) and DOKUMEN_IKU.cocok(nama_berkas(2027, 3, True))


def test_no_version_yet(buku: BukuZip, tmp_path: Path) -> None:
    assert versi_terakhir(buku, buku.folder / "dokumen", 2026) == 0
    assert versi_terakhir(buku, tmp_path / "tidak-ada", 2026) == 0


def test_versi_terakhir_from_the_files_on_disk(buku: BukuZip) -> None:
    folder = buku.folder / "dokumen"
    for nama in (
        "Dokumen_IKU_2026_v2.docx",
        "Dokumen_IKU_2026_v4_final.pdf",
        "dokumen_iku_2026_v3.DOCX",
        "Dokumen_IKU_2025_v9.docx",  # another year
        "Dokumen_IKU_2026_v8.txt",  # not a document
        "Dokumen_IKU_2026_v7_revisi.docx",  # not a name pyxl writes
    ):
        (folder / nama).write_bytes(b"x")
    assert versi_terakhir(buku, folder, 2026) == 4
    assert versi_terakhir(buku, folder, 2025) == 9
    assert versi_terakhir(buku, folder, 2027) == 0


def test_versi_terakhir_from_the_sheet(buku: BukuZip) -> None:
    folder = buku.folder / "dokumen"
    (folder / "Dokumen_IKU_2026_v2.docx").write_bytes(b"x")
    _dokumen(
        buku,
        {"Versi": 1, "Status": KONSEP},
        {"Versi": "6", "Status": KONSEP},  # typed as text
        {"Versi": "v7?", "Status": KONSEP},  # unreadable: ignored
    )
    assert versi_terakhir(buku, folder, 2026) == 6  # a version whose file was deleted counts


def test_terakhir_and_versi_baris() -> None:
    rows = [
        {"Versi": 1, "Status": "final", "_baris": 2},
        {"Versi": 3, "Status": KONSEP, "_baris": 3},
        {"Versi": 2, "Status": FINAL, "_baris": 4},
        {"Versi": 2, "Status": FINAL, "_baris": 5},
        {"Versi": "?", "Status": FINAL, "_baris": 6},
    ]
    assert versi_baris(rows[4]) == 0
    hasil = terakhir(rows, FINAL)
    assert hasil is not None and hasil["_baris"] == 5  # highest version, last row on a tie
    konsep = terakhir(rows, KONSEP)
    assert konsep is not None and konsep["_baris"] == 3
    assert terakhir(rows, "BATAL") is None


# --------------------------------------------------------------------------- the data's digest


def test_sidik_data_changes_with_a_realisasi(buku: BukuZip) -> None:
    awal = sidik_data(buku)
    assert len(awal) == 64 and awal == sidik_data(buku)
    lama = buku.baca("TAPEM")[1][KOLOM_REALISASI - 1]
    buku.tulis("TAPEM", 2, KOLOM_REALISASI, [[91.5]])
    berubah = sidik_data(buku)
    assert berubah != awal
    buku.tulis("TAPEM", 2, KOLOM_REALISASI, [[lama]])
    assert sidik_data(buku) == awal  # the same data, the same digest


def _sidik_lama(buku: BukuZip) -> str:
    """The digest as first written: every row a dict of `baca_tabel`."""
    import hashlib
    import json

    from pyxl.buku.daftar import baca_bagian, baca_indikator
    from pyxl.buku.tabel import baca_tabel
    from pyxl.dokumen.tercatat import _kanonik

    isi: list[object] = []
    for b in baca_bagian(buku):
        rows = baca_indikator(buku, b)
        isi.append([b.kode, [[_kanonik(r[k]) for k in skema.KOLOM_INDIKATOR] for r in rows]])
    rows = baca_tabel(buku, skema.ANALISIS)
    isi.append([[_kanonik(r[k]) for k in skema.KOLOM_ANALISIS_LENGKAP] for r in rows])
    for sheet in (skema.ANALISIS_NARATIF, skema.IKU_SETDA):
        isi.append([[_kanonik(r[k]) for k in skema.TABEL[sheet]] for r in baca_tabel(buku, sheet)])
    return hashlib.sha256(json.dumps(isi, ensure_ascii=False).encode()).hexdigest()


def test_sidik_data_is_the_digest_of_the_rows_as_dicts(buku: BukuZip) -> None:
    """Read without a dict per row, the digest is the one of `baca_tabel`'s rows: empty rows
    skipped, a repeated column title read from its last column, every kind of cell."""
    assert sidik_data(buku) == _sidik_lama(buku)
    naratif = skema.TABEL[skema.ANALISIS_NARATIF]
    lebar = len(buku.baca(skema.ANALISIS_NARATIF)[0])
    buku.tulis(skema.ANALISIS_NARATIF, 1, lebar + 1, [[naratif[-1]]])  # a repeated title
    buku.tulis(
        skema.ANALISIS_NARATIF,
        2,
        1,
        [
            ["HUKUM", " IKU-1 ", 3.0, datetime(2027, 1, 2), 3] + [None] * (lebar - 5) + ["b"],
            ["  ", None, "", " ", None] + [None] * (lebar - 5) + [None],
            [None, "IKU-2", 1e16, True, float("nan")] + [None] * (lebar - 5) + [""],
        ],
    )
    buku.tulis("TAPEM", 3, KOLOM_REALISASI, [["  "]])
    assert sidik_data(buku) == _sidik_lama(buku)


def test_sidik_data_reads_numbers_as_excel_shows_them(buku: BukuZip) -> None:
    buku.tulis("TAPEM", 2, KOLOM_REALISASI, [[85]])
    bulat = sidik_data(buku)
    buku.tulis("TAPEM", 2, KOLOM_REALISASI, [[85.0]])
    assert sidik_data(buku) == bulat
    buku.tulis("TAPEM", 2, KOLOM_REALISASI, [[85.0000000000000001]])  # beyond 15 digits
    assert sidik_data(buku) == bulat


def test_sidik_data_ignores_columns_outside_the_contract(buku: BukuZip) -> None:
    awal = sidik_data(buku)
    buku.tulis("TAPEM", 1, len(skema.KOLOM_INDIKATOR) + 2, [["Catatan pribadi"], ["x"]])
    assert sidik_data(buku) == awal


def test_persetujuan_basi(buku: BukuZip) -> None:
    assert persetujuan_basi(buku) is None  # nothing approved yet
    _dokumen(
        buku,
        {
            "Versi": 2,
            "Status": FINAL,
            "Sidik Data": sidik_data(buku),
            "Waktu Persetujuan": datetime(2026, 3, 2, 14, 0),
        },
    )
    assert persetujuan_basi(buku) is None
    buku.tulis("KESRA", 2, KOLOM_REALISASI, [[12345]])
    alasan = persetujuan_basi(buku)
    assert alasan is not None
    assert alasan.startswith("Data kinerja berubah setelah Dokumen IKU versi 2 disetujui")
    assert "persetujuan kedaluwarsa" in alasan
    assert "pyxl dokumen" in alasan


def test_a_later_draft_does_not_make_the_approval_stale(buku: BukuZip) -> None:
    _dokumen(buku, {"Versi": 1, "Status": FINAL, "Sidik Data": sidik_data(buku)})
    _dokumen(buku, {"Versi": 2, "Status": KONSEP, "Sidik Data": "lain"})
    assert persetujuan_basi(buku) is None


def test_an_unreadable_workbook_makes_the_approval_uncheckable(buku: BukuZip) -> None:
    _dokumen(buku, {"Versi": 1, "Status": FINAL, "Sidik Data": sidik_data(buku)})
    buku.tulis(skema.BAGIAN, 2, 1, [["KODE DENGAN SPASI"]])
    alasan = persetujuan_basi(buku)
    assert alasan is not None
    assert alasan.startswith("data yang disetujui tidak dapat diperiksa: ")


# --------------------------------------------------------------------------- files named in a cell


ASAL = "sheet Dokumen baris 2, kolom Berkas"


def _jalur(buku: BukuZip, teks: str) -> Path:
    return jalur_tercatat(buku, baca_pengaturan(buku), teks, ASAL)


def test_a_bare_name_lives_in_the_document_folder(buku: BukuZip) -> None:
    kerja = buku.folder
    dokumen = kerja / "dokumen"
    assert _jalur(buku, "Dokumen_IKU_2026_v1.docx") == dokumen / "Dokumen_IKU_2026_v1.docx"
    assert _jalur(buku, " Dokumen_IKU_2026_v1_final.PDF ") == (
        kerja / "dokumen" / "Dokumen_IKU_2026_v1_final.PDF"
    )
    assert _jalur(buku, "arsip/2026/surat.pdf") == kerja / "arsip" / "2026" / "surat.pdf"
    assert _jalur(buku, "dokumen\\lama\\x.docx") == kerja / "dokumen" / "lama" / "x.docx"


@pytest.mark.parametrize(
    "teks",
    ["", "   ", "../luar.docx", "dokumen/../../luar.docx", "/etc/passwd.docx", "dokumen/..", "./"],
)
def test_a_path_outside_the_working_folder_is_refused(buku: BukuZip, teks: str) -> None:
    with pytest.raises(IsianError) as info:
        _jalur(buku, teks)
    assert str(info.value) == f"{ASAL}: '{teks}' bukan nama berkas di dalam folder kerja."


def test_a_link_leading_out_is_refused(buku: BukuZip, tmp_path: Path) -> None:
    luar = tmp_path / "rahasia.docx"
    luar.write_bytes(b"x")
    os.symlink(luar, buku.folder / "dokumen" / "tautan.docx")
    with pytest.raises(IsianError, match="bukan nama berkas di dalam folder kerja"):
        _jalur(buku, "tautan.docx")


@pytest.mark.parametrize(
    "teks",
    [
        f"./{skema.NAMA_MASTER}",
        f"dokumen/../{skema.NAMA_MASTER}",
        skema.NAMA_MASTER,  # a bare name: dokumen/<master>, still not a document
        "cadangan/Pengumpulan_Data_Kinerja_20260302.docx",
        "Cadangan/x.pdf",
        "dokumen/catatan.txt",
        "dokumen/rekap.xlsx",
        "Dokumen_IKU_2026_v1.docx.lnk",
    ],
)
def test_only_documents_and_never_the_master_or_its_backups(buku: BukuZip, teks: str) -> None:
    with pytest.raises(IsianError) as info:
        _jalur(buku, teks)
    pesan = str(info.value)
    assert pesan.startswith(f"{ASAL}: '{teks}' tidak dapat dipakai: hanya dokumen Word (.docx)")
    assert skema.NAMA_MASTER in pesan and f"{skema.FOLDER_CADANGAN}/" in pesan


def test_a_master_disguised_by_a_link_is_refused(buku: BukuZip) -> None:
    os.symlink(buku.berkas.resolve(), buku.folder / "dokumen" / "salinan.docx")
    with pytest.raises(IsianError, match="tidak dapat dipakai"):
        _jalur(buku, "salinan.docx")
