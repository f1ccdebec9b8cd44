"""`pyxl tahun-baru DIR --dari MASTER [--tahun]` and its Kendali button: every clause of the
contract's line, on a master that ran the whole 2026 SOP (the demo)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

import libreoffice
from bantu import atur, baris_sheet, tambah_baris_sheet
from conftest import AKAR, sidik_folder
from pyxl.alat.demo import demo
from pyxl.alat.simulasi import isi_format
from pyxl.buku.struktur import kekurangan
from pyxl.buku.xlsm import buka
from pyxl.cli import main
from pyxl.dokumen.templat import FOLDER_BAWAAN, NAMA_TEMPLAT
from pyxl.inti.sel import huruf_kolom
from pyxl.inti.stempel import KUNCI_RAHASIA
from pyxl.jalan.umpan import UmpanKonsol
from pyxl.kontrak import kendali, skema
from pyxl.kontrak.struktur import KUNCI_VERSI, VERSI_STRUKTUR
from remote import aksi, buku_remote

KOSONG = ("Realisasi", "Realisasi Anggaran", "Keterangan", "Bukti")
"""Columns every indicator starts the new year without."""
TAHUNAN = ("Target", "Target Atas", "Realisasi Tahun Lalu", *KOSONG)
DEFINISI = tuple(k for k in skema.KOLOM_INDIKATOR if k not in TAHUNAN)
"""The columns that define an indicator and carry over unchanged."""
LEDGER = (
    skema.DISPOSISI,
    skema.PENERIMAAN,
    skema.VALIDASI,
    skema.ANALISIS,
    skema.REKAP,
    skema.REGISTER_SURAT,
    skema.LOG_SOP,
    skema.FORMAT_TERBIT,
    skema.PENGIRIMAN,
    skema.KOREKSI,
    skema.DOKUMEN,
    skema.REGISTER_ARSIP,
    skema.ANALISIS_NARATIF,
)
KOLOM_TARGET = skema.KOLOM_INDIKATOR.index("Target") + 1
RILIS_A = AKAR / "tests" / "data" / "rilis" / "a97ff19"


@pytest.fixture(scope="module")
def _demo_2026(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / "Kinerja 2026"
    demo(folder, UmpanKonsol(diam=True))
    return folder


@pytest.fixture
def lama(_demo_2026: Path, tmp_path: Path) -> Path:
    """A copy of a working folder whose 2026 SOP ran to the end (13 steps)."""
    folder = tmp_path / "Kinerja 2026"
    shutil.copytree(_demo_2026, folder)
    return folder


def _pengaturan(master: Path) -> dict[str, Any]:
    return {r["Kunci"]: r["Nilai"] for r in baris_sheet(master, skema.PENGATURAN)}


def _sistem(master: Path) -> dict[str, Any]:
    ws = openpyxl.load_workbook(master)[skema.SISTEM]
    return {r[0]: r[1] for r in ws.iter_rows(min_row=2, values_only=True) if r[0]}


def _indikator(master: Path, sheet: str) -> list[dict[str, Any]]:
    return [r for r in baris_sheet(master, sheet) if r.get("Kode IKU")]


def _aktif(master: Path) -> list[str]:
    return [r["Kode"] for r in baris_sheet(master, skema.BAGIAN)]


def _tahun_baru(*argv: str) -> int:
    return main(["tahun-baru", *argv])


def _edit_templat(folder: Path, nama: str, teks: str) -> bytes:
    """Staff edit a Word template of the working folder (a paragraph added, saved by Word's
    library); returns the edited bytes."""
    berkas = folder / skema.FOLDER_TEMPLAT / nama
    d = docx.Document(str(berkas))
    d.add_paragraph(teks)
    d.save(str(berkas))
    return berkas.read_bytes()


def test_new_folder_for_next_year_carries_the_setup_and_starts_every_ledger_empty(
    lama: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    m26 = lama / skema.NAMA_MASTER
    edit = _edit_templat(lama, "undangan_rapat.docx", "Tembusan tetap: Inspektorat Kabupaten.")
    sebelum = sidik_folder(lama)
    baru = tmp_path / "Kinerja 2027"

    assert _tahun_baru(str(baru), "--dari", str(m26)) == 0
    keluar = capsys.readouterr().out
    m27 = baru / skema.NAMA_MASTER

    # the old master and its folder: not one byte changed
    assert sidik_folder(lama) == sebelum
    # DIR: the master, the subfolders, the templates as staff edited them
    assert m27.is_file()
    assert {p.name for p in baru.iterdir() if p.is_dir()} >= {*skema.FOLDERS, "templates"}
    for nama in skema.FOLDERS:
        assert not any((baru / nama).iterdir()), nama  # no 2026 file comes along
    salinan = baru / skema.FOLDER_TEMPLAT / "undangan_rapat.docx"
    assert salinan.read_bytes() == edit
    assert salinan.read_bytes() != (FOLDER_BAWAAN / "undangan_rapat.docx").read_bytes()
    assert "Tembusan tetap: Inspektorat" in "\n".join(
        p.text for p in docx.Document(str(salinan)).paragraphs
    )
    for nama in NAMA_TEMPLAT:
        lama_t = (lama / skema.FOLDER_TEMPLAT / nama).read_bytes()
        assert (baru / skema.FOLDER_TEMPLAT / nama).read_bytes() == lama_t, nama
    # the year: the old one + 1
    assert f"Folder kerja tahun 2027 siap: {baru}" in keluar
    peng26, peng27 = _pengaturan(m26), _pengaturan(m27)
    assert str(peng27["Tahun"]) == "2027" and str(peng26["Tahun"]) == "2026"
    # Pengaturan carried, the year replaced, last round's meeting date and deadline emptied
    assert peng26["Tanggal Rapat"] and peng26["Batas Waktu Pengembalian"]
    assert peng27["Tanggal Rapat"] is None and peng27["Batas Waktu Pengembalian"] is None
    putaran = {"Tahun", "Tanggal Rapat", "Batas Waktu Pengembalian"}
    assert set(peng27) == set(peng26)
    for k in set(peng26) - putaran:
        assert peng27[k] == peng26[k], k
    # the Bagian list, and every indicator's defining columns
    assert baris_sheet(m27, skema.BAGIAN) == baris_sheet(m26, skema.BAGIAN)
    belum = []
    for kode in _aktif(m26):
        i26, i27 = _indikator(m26, kode), _indikator(m27, kode)
        assert [r["Kode IKU"] for r in i27] == [r["Kode IKU"] for r in i26], kode
        for no, (a, b) in enumerate(zip(i26, i27, strict=True), start=2):
            for k in DEFINISI:
                assert b[k] == a[k], (kode, a["Kode IKU"], k)
            # last year's Realisasi becomes Realisasi Tahun Lalu
            assert b["Realisasi Tahun Lalu"] == a["Realisasi"], (kode, a["Kode IKU"])
            for k in KOSONG:
                assert b[k] is None, (kode, a["Kode IKU"], k)
            # no `Target 2027` column: the target starts empty and is listed
            assert b["Target"] is None and b["Target Atas"] is None
            belum.append(f"{kode}!{huruf_kolom(KOLOM_TARGET)}{no}")
    lalu = [r["Realisasi Tahun Lalu"] for k in _aktif(m27) for r in _indikator(m27, k)]
    assert sum(v is not None for v in lalu) > 30  # the demo's returns, not a vacuous check
    assert f"{len(belum)} indikator belum punya target tahun 2027: {', '.join(belum[:8])}" in keluar
    # every ledger, register and log of 2026 is full; in 2027 each starts empty
    wb27 = openpyxl.load_workbook(m27)
    for sheet in LEDGER:
        if sheet != skema.KOREKSI:  # no correction was recorded in the demo
            assert baris_sheet(m26, sheet), sheet
        assert baris_sheet(m27, sheet) == [], sheet
        judul = [c.value for c in wb27[sheet][1]]
        assert judul[: len(skema.TABEL[sheet])] == list(skema.TABEL[sheet]), sheet
    # the Setda's IKU are set for the Renstra period: they carry over (the narrative does not)
    assert len(baris_sheet(m26, skema.IKU_SETDA)) == 7
    assert baris_sheet(m27, skema.IKU_SETDA) == baris_sheet(m26, skema.IKU_SETDA)
    # no SOP step has run in 2027
    ws = wb27[skema.KENDALI]
    ws26 = openpyxl.load_workbook(m26)[skema.KENDALI]
    for no in range(1, 14):
        r = kendali.baris_langkah(no)
        assert ws26.cell(r, kendali.KOLOM_STATUS + 1).value is not None or no == 9
        assert ws.cell(r, kendali.KOLOM_STATUS).value == kendali.BELUM, no
        for k in range(kendali.KOLOM_STATUS + 1, len(kendali.KOLOM_LANGKAH) + 1):
            assert ws.cell(r, k).value is None, (no, k)
    # the stamp secret of 2026 does not come along (a new one is made for 2027's formats)
    sis26, sis27 = _sistem(m26), _sistem(m27)
    assert sis26[KUNCI_RAHASIA]
    assert KUNCI_RAHASIA not in sis27
    assert sis27["Tahun Data"] == "2027" and sis27[KUNCI_VERSI] == str(VERSI_STRUKTUR)
    # the new master is of the current structure and its buttons still work
    with buka(m27, hanya_baca=True) as buku:
        assert kekurangan(buku) == []
    assert main(["status", "--workbook", str(m27)]) == 0


def test_year_option_is_honoured(lama: Path, tmp_path: Path) -> None:
    m26 = lama / skema.NAMA_MASTER
    baru = tmp_path / "Kinerja 2028"
    assert _tahun_baru(str(baru), "--dari", str(m26), "--tahun", "2028") == 0
    m28 = baru / skema.NAMA_MASTER
    assert str(_pengaturan(m28)["Tahun"]) == "2028"
    assert _sistem(m28)["Tahun Data"] == "2028"
    # a master of 2028 takes writing steps for 2028
    assert main(["disposisi", "--workbook", str(m28)]) == 0
    assert (baru / skema.FOLDER_DOKUMEN / "disposisi_2028_001.docx").is_file()


@pytest.mark.parametrize("tahun", ["2026", "2025"])
def test_a_year_not_after_the_old_one_is_refused(
    lama: Path, tmp_path: Path, tahun: str, capsys: pytest.CaptureFixture[str]
) -> None:
    m26 = lama / skema.NAMA_MASTER
    sebelum = sidik_folder(lama)
    baru = tmp_path / "baru"
    assert _tahun_baru(str(baru), "--dari", str(m26), "--tahun", tahun) == 1
    galat = capsys.readouterr().err
    assert f"Tahun baru {tahun} tidak sesudah tahun buku kerja ini (2026)" in galat
    assert "misalnya 2027" in galat
    assert not baru.exists()
    assert sidik_folder(lama) == sebelum


def test_a_folder_that_already_has_a_master_is_refused(
    lama: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    m26 = lama / skema.NAMA_MASTER
    # last year's folder made with `pyxl tahun-baru` once already, staff started working in it
    baru = tmp_path / "Kinerja 2027"
    assert _tahun_baru(str(baru), "--dari", str(m26)) == 0
    assert main(["disposisi", "--workbook", str(baru / skema.NAMA_MASTER)]) == 0
    isi = sidik_folder(baru)
    capsys.readouterr()

    assert _tahun_baru(str(baru), "--dari", str(m26)) == 1
    galat = capsys.readouterr().err
    assert "sudah ada dan tidak akan ditimpa" in galat and "Pilih folder lain" in galat
    assert sidik_folder(baru) == isi


def _target_tahun(
    master: Path, lewati: set[str], tahun: int = 2027
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """LibreOffice edits typing a `Target <tahun>` column (header in the first free column)
    into every active Bagian sheet, a value for every indicator except the cells in `lewati`
    ('HUKUM!H3'); and the value typed per 'KODE!IKU'."""
    wb = openpyxl.load_workbook(master)
    ubahan: list[dict[str, Any]] = []
    nilai: dict[str, Any] = {}
    for kode in _aktif(master):
        ws = wb[kode]
        huruf = huruf_kolom(ws.max_column + 1)
        ubahan.append({"sheet": kode, "cell": f"{huruf}1", "nilai": f"Target {tahun}"})
        for r in range(2, ws.max_row + 1):
            if ws.cell(r, 1).value is None or f"{kode}!H{r}" in lewati:
                continue
            t = ws.cell(r, KOLOM_TARGET).value
            baru = round(t * 1.05, 2) if isinstance(t, int | float) and t > 0 else t
            ubahan.append({"sheet": kode, "cell": f"{huruf}{r}", "nilai": baru})
            nilai[f"{kode}!{ws.cell(r, 1).value}"] = baru
    return ubahan, nilai


def test_target_columns_typed_in_libreoffice_fill_the_target_and_format_waits_for_the_rest(
    lama: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    m26 = lama / skema.NAMA_MASTER
    # the Renstra's 2027 targets typed into the 2026 master in LibreOffice, two left out
    lewati = {"HUKUM!H3", "RENKEU!H5"}
    ubahan, nilai = _target_tahun(m26, lewati)
    libreoffice.ubah(m26, ubahan)
    baru = tmp_path / "Kinerja 2027"
    capsys.readouterr()
    assert _tahun_baru(str(baru), "--dari", str(m26)) == 0
    keluar = capsys.readouterr().out
    assert "2 indikator belum punya target tahun 2027: HUKUM!H3, RENKEU!H5." in keluar
    m27 = baru / skema.NAMA_MASTER
    for kode in _aktif(m27):
        for r in _indikator(m27, kode):
            kunci = f"{kode}!{r['Kode IKU']}"
            if kunci in nilai:
                assert r["Target"] == nilai[kunci], kunci
    assert _indikator(m27, "HUKUM")[1]["Target"] is None
    assert _indikator(m27, "RENKEU")[3]["Target"] is None

    # step 2 refuses to issue any format while a target is empty, naming the cells
    w = ["--workbook", str(m27)]
    assert main(["format", *w, "--batas-waktu", "20 Januari 2028"]) == 1
    galat = capsys.readouterr().err
    assert "Target belum diisi di sel HUKUM!H3, RENKEU!H5" in galat
    assert not any((baru / skema.FOLDER_FORMAT).iterdir())
    assert baris_sheet(m27, skema.FORMAT_TERBIT) == []

    # staff fill them in LibreOffice: the formats are issued with the 2027 targets
    libreoffice.ubah(
        m27,
        [
            {"sheet": "HUKUM", "cell": "H3", "nilai": 12},
            {"sheet": "RENKEU", "cell": "H5", "nilai": 92},
        ],
    )
    assert main(["format", *w, "--batas-waktu", "20 Januari 2028"]) == 0
    formats = sorted(p.name for p in (baru / skema.FOLDER_FORMAT).iterdir())
    assert formats == sorted(f"{k}_Format_IKU_2027.xlsx" for k in _aktif(m27))
    hukum = openpyxl.load_workbook(baru / skema.FOLDER_FORMAT / "HUKUM_Format_IKU_2027.xlsx")
    targets = [
        r[KOLOM_TARGET - 1]
        for r in hukum["Format IKU"].iter_rows(values_only=True)
        if isinstance(r[0], str) and r[0].startswith("IKU-HUKUM-")
    ]
    assert targets == [
        12 if r["Kode IKU"] == "IKU-HUKUM-02" else nilai[f"HUKUM!{r['Kode IKU']}"]
        for r in _indikator(m26, "HUKUM")
    ]

    # a new stamp secret: a 2026 return is refused by the 2027 master (TAHUN_SALAH)
    rahasia26, rahasia27 = _sistem(m26)[KUNCI_RAHASIA], _sistem(m27)[KUNCI_RAHASIA]
    assert rahasia27 and rahasia27 != rahasia26
    kiriman = lama / skema.FOLDER_MASUK / "HUKUM_Format_IKU_2026.xlsx"
    shutil.copy2(kiriman, baru / skema.FOLDER_MASUK / "HUKUM_2026.xlsx")
    assert main(["himpun", *w, "--tanpa-imap"]) == 0
    [terima] = baris_sheet(m27, skema.PENERIMAAN)
    assert terima["Berkas"] == "HUKUM_2026.xlsx" and terima["Status"] == "Ditolak"
    [masalah] = baris_sheet(m27, skema.VALIDASI)
    assert masalah["Kode Masalah"] == "TAHUN_SALAH" and masalah["Tingkat"] == "Blokir"
    assert all(r["Realisasi"] is None for r in _indikator(m27, "HUKUM"))


def test_a_master_of_an_earlier_release_gives_a_current_master(tmp_path: Path) -> None:
    lama = tmp_path / "rilis"
    shutil.copytree(RILIS_A, lama)
    m26 = lama / skema.NAMA_MASTER
    with buka(m26, hanya_baca=True) as buku:
        assert kekurangan(buku)  # an earlier structure: writing steps refuse it
    sebelum = sidik_folder(lama)
    baru = tmp_path / "Kinerja 2027"
    assert _tahun_baru(str(baru), "--dari", str(m26)) == 0
    assert sidik_folder(lama) == sebelum
    m27 = baru / skema.NAMA_MASTER
    with buka(m27, hanya_baca=True) as buku:
        assert kekurangan(buku) == []
    assert _sistem(m27)[KUNCI_VERSI] == str(VERSI_STRUKTUR)
    assert str(_pengaturan(m27)["Tahun"]) == "2027"
    assert baris_sheet(m27, skema.BAGIAN) == baris_sheet(m26, skema.BAGIAN)
    sheets = openpyxl.load_workbook(m27).sheetnames
    assert {
        skema.KOREKSI,
        skema.DOKUMEN,
        skema.REGISTER_ARSIP,
        skema.RIWAYAT_BAGIAN,
        skema.SKALA,
        skema.ANALISIS_NARATIF,
        skema.IKU_SETDA,
    } <= set(sheets)
    terisi = 0
    for kode in _aktif(m26):
        for a, b in zip(_indikator(m26, kode), _indikator(m27, kode), strict=True):
            assert b["Realisasi Tahun Lalu"] == a["Realisasi"]
            assert all(b[k] == a.get(k) for k in DEFINISI)  # new columns start empty
            assert b["Realisasi"] is None
            terisi += a["Realisasi"] is not None
    assert terisi == 21  # what the release's step 6 merged (tests/data/rilis/README.md)
    for sheet in (skema.PENERIMAAN, skema.VALIDASI, skema.LOG_SOP, skema.FORMAT_TERBIT):
        assert baris_sheet(m26, sheet) and baris_sheet(m27, sheet) == [], sheet
    # the new master takes writing steps at once (no `pyxl perbarui` needed)
    assert main(["disposisi", "--workbook", str(m27)]) == 0


@pytest.mark.parametrize("isian", ["absolute", "beside", "empty"])
def test_button_makes_the_folder_and_leaves_the_live_workbook_alone(
    lama: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isian: str
) -> None:
    import pyxl.tombol

    m26 = lama / skema.NAMA_MASTER
    wb = openpyxl.load_workbook(m26, keep_vba=True)
    ws = wb[skema.KENDALI]
    nilai = kendali.KOLOM_ISIAN_NILAI
    if isian == "empty":  # the old folder's name with the year replaced, beside it
        tujuan = tmp_path / "Kinerja 2027"
    else:
        tujuan = tmp_path / "Kinerja Tahun 2027"
        folder = tujuan.name if isian == "beside" else str(tujuan)
        ws.cell(kendali.baris_isian("Folder Tahun Baru"), nilai).value = folder
        ws.cell(kendali.baris_isian("Tahun Baru"), nilai).value = 2027
    wb.save(m26)
    sebelum = sidik_folder(lama)

    monkeypatch.chdir(lama)  # a relative folder is beside the old one, not under the cwd
    book = buku_remote(m26.resolve())
    pyxl.tombol.tahun_baru()
    actions = aksi(book)

    assert not [a for a in actions if a["func"] in ("setValues", "save", "clearContents")]
    alerts = [a for a in actions if a["func"] == "alert"]
    assert len(alerts) == 1
    pesan = alerts[0]["args"][0]
    assert f"Folder kerja tahun 2027 siap: {tujuan}" in pesan
    assert f"lalu buka {tujuan / skema.NAMA_MASTER}" in pesan
    assert "critical" not in alerts[0]["args"]
    assert (tujuan / skema.NAMA_MASTER).is_file()
    assert str(_pengaturan(tujuan / skema.NAMA_MASTER)["Tahun"]) == "2027"
    assert sidik_folder(lama) == sebelum


def test_letter_numbers_of_a_calendar_year_are_not_handed_out_again_in_the_new_master(
    lama: Path, tmp_path: Path
) -> None:
    """The 2026 round ran in January 2027 and numbered its letters 1/2027 and 2/2027; a letter
    the 2027 master issues in 2027 (a mid-year monitoring meeting) takes the next number."""
    m26 = lama / skema.NAMA_MASTER
    nomor26 = [r["Nomor Surat"] for r in baris_sheet(m26, skema.REGISTER_SURAT)]
    assert [n.split("/")[1:] for n in nomor26] == [
        ["1", "I.10-WK", "2027"],
        ["2", "I.10-WK", "2027"],
    ]
    baru = tmp_path / "Kinerja 2027"
    assert _tahun_baru(str(baru), "--dari", str(m26)) == 0
    m27 = baru / skema.NAMA_MASTER
    assert baris_sheet(m27, skema.REGISTER_SURAT) == []  # the register itself starts empty
    undangan = [
        "undangan",
        "--workbook",
        str(m27),
        "--tanggal",
        "8 Juli 2027",
        "--tanggal-rapat",
        "15 Juli 2027",
        "--jam",
        "09.00",
        "--mode",
        "draf",
    ]
    assert main(undangan) == 0
    [surat] = baris_sheet(m27, skema.REGISTER_SURAT)
    assert surat["Nomor Surat"] not in nomor26
    assert surat["Nomor Surat"].split("/")[1:] == ["3", "I.10-WK", "2027"]
    assert (baru / skema.FOLDER_DOKUMEN / "undangan_rapat_3_2027.docx").is_file()
    # a letter of the next calendar year starts at 1
    undangan[3:7] = ["--tanggal", "7 Januari 2028", "--tanggal-rapat", "14 Januari 2028"]
    assert main(undangan) == 0
    assert baris_sheet(m27, skema.REGISTER_SURAT)[-1]["Nomor Surat"].split("/")[1] == "1"
    # and on to the year after: what both earlier masters used is kept
    m28 = tmp_path / "Kinerja 2028" / skema.NAMA_MASTER
    assert _tahun_baru(str(m28.parent), "--dari", str(m27)) == 0
    assert _sistem(m28)["Nomor Surat Terakhir 2027"] == "3"
    undangan[2] = str(m28)
    assert main(undangan) == 0
    [surat] = baris_sheet(m28, skema.REGISTER_SURAT)
    assert surat["Nomor Surat"].split("/")[1:] == ["2", "I.10-WK", "2028"]


def test_a_skipped_year_compares_with_the_year_the_figures_are_from(
    lama: Path, tmp_path: Path
) -> None:
    """From the 2026 master straight to 2028 (the office did not run 2027 with pyxl): last
    year's figures are 2026's, and the Dokumen IKU says so rather than calling them 2027's."""
    m26 = lama / skema.NAMA_MASTER
    libreoffice.ubah(m26, _target_tahun(m26, set(), 2028)[0])
    baru = tmp_path / "Kinerja 2028"
    assert _tahun_baru(str(baru), "--dari", str(m26), "--tahun", "2028") == 0
    m28 = baru / skema.NAMA_MASTER
    w = ["--workbook", str(m28)]
    assert main(["format", *w, "--batas-waktu", "20 Januari 2029"]) == 0
    for f in sorted((baru / skema.FOLDER_FORMAT).iterdir()):
        isian = [
            {"Realisasi": r["Realisasi Tahun Lalu"]}
            for r in _indikator(m28, f.name.split("_Format_IKU_")[0])
        ]
        isi_format(f, baru / skema.FOLDER_MASUK / f.name, isian)
    assert main(["himpun", *w, "--tanpa-imap"]) == 0
    assert main(["analisis", *w]) == 0
    assert main(["dokumen", *w, "--tanggal", "28 Januari 2029"]) == 0
    d = docx.Document(str(baru / skema.FOLDER_DOKUMEN / "Dokumen_IKU_2028_v1.docx"))
    teks = "\n".join(p.text for p in d.paragraphs)
    judul = {c.text for t in d.tables for c in t.rows[0].cells}
    assert "membandingkan realisasi Tahun 2028 dengan realisasi Tahun 2026" in teks
    assert "Realisasi 2026" in judul and "Realisasi 2028" in judul
    assert "Realisasi 2027" not in judul and "Tahun 2027" not in teks


def test_an_indicator_reported_only_by_quarters_compares_with_the_year_they_make(
    lama: Path, tmp_path: Path
) -> None:
    """IKU-HUKUM-02 (Rata-rata) has no yearly return, only TW I–III: its `Realisasi Tahun
    Lalu` next year is their mean, as step 7 made it; an indicator with a yearly value keeps
    that value."""
    m26 = lama / skema.NAMA_MASTER
    iku = next(r for r in _indikator(m26, "HUKUM") if r["Kode IKU"] == "IKU-HUKUM-02")
    assert iku["Cara Tahunan"] == "Rata-rata"
    atur(m26, "HUKUM", "IKU-HUKUM-02", {"Realisasi": None})
    tambah_baris_sheet(
        m26,
        skema.TRIWULAN,
        [
            {"Kode Bagian": "HUKUM", "Kode IKU": "IKU-HUKUM-02", "Periode": p, "Realisasi": n}
            for p, n in (("TW I", 12), ("TW II", 11))
        ],
    )
    tw3 = [
        r["Realisasi"]
        for r in baris_sheet(m26, skema.TRIWULAN)
        if (r["Kode IKU"], r["Periode"]) == ("IKU-HUKUM-02", "TW III")
    ]
    assert tw3 == [10.0]  # the demo's TW III round
    baru = tmp_path / "Kinerja 2027"
    assert _tahun_baru(str(baru), "--dari", str(m26)) == 0
    hukum = {r["Kode IKU"]: r for r in _indikator(baru / skema.NAMA_MASTER, "HUKUM")}
    assert hukum["IKU-HUKUM-02"]["Realisasi Tahun Lalu"] == pytest.approx((12 + 11 + 10) / 3)
    assert hukum["IKU-HUKUM-01"]["Realisasi Tahun Lalu"] == 97.3  # its yearly return's
    assert baris_sheet(baru / skema.NAMA_MASTER, skema.TRIWULAN) == []


def test_quarters_of_a_bagian_renamed_since_still_make_its_year(lama: Path, tmp_path: Path) -> None:
    """HUKUM's TW III row was gathered under its old code; HUKUM is then renamed HKM (the
    row keeps its code, `Riwayat Bagian` links them): next year HKM's IKU-HUKUM-02, with no
    yearly return, still compares with the year its quarter makes, as step 7 found it."""
    m26 = lama / skema.NAMA_MASTER
    atur(m26, "HUKUM", "IKU-HUKUM-02", {"Realisasi": None})
    ubah = ["bagian", "ubah", "HUKUM", "--kode-baru", "HKM", "--workbook", str(m26)]
    assert main(ubah) == 0
    tw = [r for r in baris_sheet(m26, skema.TRIWULAN) if r["Kode IKU"] == "IKU-HUKUM-02"]
    assert [(r["Kode Bagian"], r["Periode"], r["Realisasi"]) for r in tw] == [
        ("HUKUM", "TW III", 10.0)
    ]
    baru = tmp_path / "Kinerja 2027"
    assert _tahun_baru(str(baru), "--dari", str(m26)) == 0
    hkm = {r["Kode IKU"]: r for r in _indikator(baru / skema.NAMA_MASTER, "HKM")}
    assert hkm["IKU-HUKUM-02"]["Realisasi Tahun Lalu"] == 10.0
