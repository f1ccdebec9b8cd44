"""`pyxl perbarui` on the masters written by every earlier release (tests/data/rilis).

Each fixture is a master mid-cycle (steps 1–6 run) with its returns and issued formats. Until
it is upgraded, a writing command refuses it naming `pyxl perbarui` and changes nothing; the
upgrade keeps every value, makes the file whole (buttons, macros, very hidden `Sistem`), and a
second run does nothing; then every SOP step and a button run on it, and a return made from a
format the old release issued still verifies against the carried stamp secret. A current master
re-saved twice by LibreOffice (which hides `Sistem` only as `hidden` and loses the buttons) is
repaired by the same command.

A fixture may be of this pyxl's own structure version (0086b25, version 4, while
`VERSI_STRUKTUR` is 4): then nothing refuses it, `pyxl perbarui` leaves it as it is, and every
step runs on it. Whether a fixture is outdated comes from its recorded version (`VERSI_RILIS`)
against `VERSI_STRUKTUR`, so once the version is raised the same tests upgrade it like the
older ones.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from conftest import AKAR, sidik_folder, tombol_terhubung
from libreoffice import probe, ubah
from pyxl.alat.simulasi import isi_format, isian_contoh
from pyxl.bangun.periksa import periksa_berkas_master
from pyxl.buku.struktur import kekurangan, versi_struktur
from pyxl.buku.xlsm import buka
from pyxl.cli import main
from pyxl.inti.stempel import KUNCI_RAHASIA
from pyxl.kontrak import kendali, skema
from pyxl.kontrak.perintah import PERINTAH
from pyxl.kontrak.struktur import KUNCI_VERSI, VERSI_STRUKTUR
from pyxl.pasang.diagnosa import GAGAL, OK, periksa
from remote import aksi, buku_remote

RILIS = AKAR / "tests" / "data" / "rilis"
KODE_UNDANGAN = "Kode Klasifikasi Undangan"

SHA_MASTER = {
    "a97ff19": "dc14499009d21e04cf3dfa2a1b19c3786b4df5c21dd30f711dd060f2749a2548",
    "09af2a7": "cbdae946c406942fc1b07b17f9cf9f58a273723922ad7579ace2b8cdc31bb236",
    "eaa9f7e": "9dd31f3f27ba781dc3714ade591f5f22b48149959a98dd85cb04209b7c14cd55",
    "44bbac6": "1825b661282d7c2084ce552f1d22159f315931997211bac137f39f5b5820c494",
    "0086b25": "446bde3334c85a24cf13d39d10669d09963a18ff2cb4f96f6463224eea374ff5",
    "9ea86eb": "32365516b059f0b76c48ee68a661bca26e34bf1201a8f81a1bff559a9107cb77",
}
"""The committed masters (tests/data/rilis/README.md)."""
VERSI_RILIS = {
    "a97ff19": 1,
    "09af2a7": 2,
    "eaa9f7e": 3,
    "44bbac6": 3,
    "0086b25": 4,
    "9ea86eb": 6,
}
"""The structure version of each fixture's master (`pyxl.kontrak.struktur.RIWAYAT`): recorded
in `Sistem` from version 4 on, told from the sheets before. A fixture is outdated while its
version is below `VERSI_STRUKTUR`."""
VERSI_DICATAT = 4
"""The first structure version whose master records it in `Sistem` (`KUNCI_VERSI`)."""
DIKIRIM = {
    "HUKUM.xlsx": datetime(2027, 1, 15, 8, 10),
    "KESRA.xlsx": datetime(2027, 1, 15, 9, 20),
    "EKON.xlsx": datetime(2027, 1, 15, 10, 30),
    "RENKEU.xlsx": datetime(2027, 1, 15, 13, 40),
    "TAPEM.xlsx": datetime(2027, 1, 15, 14, 50),
    "salinan HUKUM.xlsx": datetime(2027, 1, 16, 7, 30),
    "UMUM.xlsx": datetime(2027, 1, 16, 8, 45),
}
"""The returns' mtimes as the fixtures' `Penerimaan` recorded them (git does not keep them)."""
JUMLAH_BARIS = {
    skema.DISPOSISI: 1,
    skema.PENERIMAAN: 7,
    skema.VALIDASI: 3,
    skema.FORMAT_TERBIT: 10,
    skema.PENGIRIMAN: 24,
    skema.REGISTER_SURAT: 1,
    skema.LOG_SOP: 6,
}
"""Rows of the ledgers in every fixture: the comparisons below are never over empty sheets."""


def _harapan_lo() -> list[tuple[str, str]]:
    return [
        (p.judul, f"vnd.sun.star.script:VBAProject.Tombol.{p.sub}?language=Basic&location=document")
        for p in PERINTAH
    ]


@pytest.fixture(params=sorted(SHA_MASTER))
def rilis(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A copy of one release's mid-cycle working folder, the returns' mtimes restored."""
    folder = tmp_path / "kerja"
    shutil.copytree(RILIS / request.param, folder)
    for nama, waktu in DIKIRIM.items():
        detik = waktu.timestamp()  # local time, as pyxl reads an mtime
        os.utime(folder / skema.FOLDER_MASUK / nama, (detik, detik))
    return folder


@pytest.fixture
def usang(request: pytest.FixtureRequest, rilis: Path) -> bool:
    """Whether the master of this test's fixture (`rilis`) is of an earlier structure than this
    pyxl's: then it has to be upgraded before any step writes it."""
    return VERSI_RILIS[request.node.callspec.params["rilis"]] < VERSI_STRUKTUR


def _isi(berkas: Path) -> dict[str, list[list[Any]]]:
    """Every sheet's cells (formulas as their text), read by openpyxl, an independent reader."""
    wb = openpyxl.load_workbook(berkas)
    try:
        return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb}
    finally:
        wb.close()


def _baris(isi: dict[str, list[list[Any]]], sheet: str) -> list[dict[str, Any]]:
    rows = isi[sheet]
    judul = rows[0] if rows else []
    return [
        {h: v for h, v in zip(judul, r, strict=False) if h is not None}
        for r in rows[1:]
        if any(v is not None for v in r)
    ]


def _kunci(isi: dict[str, list[list[Any]]], sheet: str) -> dict[str, Any]:
    return {r["Kunci"]: r.get("Nilai") for r in _baris(isi, sheet)}


def _langkah(isi: dict[str, list[list[Any]]]) -> dict[int, list[Any]]:
    """Kendali: each SOP step's Status, Mulai, Selesai, Durasi and Keterangan."""
    rows = isi[skema.KENDALI]
    awal = kendali.KOLOM_STATUS - 1
    hasil = {}
    for no in range(1, 14):
        r = rows[kendali.baris_langkah(no) - 1]
        assert r[0] == no, f"row of step {no}"
        hasil[no] = r[awal : len(kendali.KOLOM_LANGKAH)]
    return hasil


def _semua_isian_tetap(lama: dict[str, list[list[Any]]], baru: dict[str, list[list[Any]]]) -> None:
    """Every value of the old master is in the new one: ledger, list and Bagian sheet rows by
    column name (the new columns empty), settings by key, the stamp secret, the steps' status."""
    for sheet in (*skema.TABEL, *(b["Kode"] for b in _baris(lama, skema.BAGIAN))):
        if sheet in (skema.PENGATURAN, skema.SISTEM) or sheet not in lama:
            continue
        rows_lama, rows_baru = _baris(lama, sheet), _baris(baru, sheet)
        assert len(rows_baru) == len(rows_lama), sheet
        for no, (r_lama, r_baru) in enumerate(zip(rows_lama, rows_baru, strict=True), start=2):
            assert {k: r_baru.get(k) for k in r_lama} == r_lama, f"{sheet} baris {no}"
            assert all(r_baru[k] is None for k in r_baru if k not in r_lama), f"{sheet} {no}"
    for sheet, n in JUMLAH_BARIS.items():
        assert len(_baris(baru, sheet)) == n, sheet
    peng_lama, peng_baru = _kunci(lama, skema.PENGATURAN), _kunci(baru, skema.PENGATURAN)
    # version 6 moves the undangan from 000.1.5 (rapat pimpinan) to AKIP, said in its summary
    harap = peng_lama | (
        {KODE_UNDANGAN: "000.8.6.3"} if peng_lama.get(KODE_UNDANGAN) == "000.1.5" else {}
    )
    assert {k: peng_baru.get(k) for k in peng_lama} == harap
    assert peng_lama["Tahun"] in (2026, "2026")
    sis_lama, sis_baru = _kunci(lama, skema.SISTEM), _kunci(baru, skema.SISTEM)
    assert len(str(sis_lama[KUNCI_RAHASIA])) == 64
    assert sis_baru[KUNCI_RAHASIA] == sis_lama[KUNCI_RAHASIA]
    assert str(sis_baru[KUNCI_VERSI]) == str(VERSI_STRUKTUR)
    langkah_lama, langkah_baru = _langkah(lama), _langkah(baru)
    assert langkah_baru == langkah_lama
    # steps 1-6 ran (a release of version 6 on finds step 2 of the fixture's January dates
    # beyond its standard time), 7-13 did not
    jalan = {kendali.SELESAI, kendali.LEWAT_WAKTU}
    assert all(langkah_baru[no][0] in jalan for no in range(1, 7))
    assert [langkah_baru[no][0] for no in range(7, 14)] == [kendali.BELUM] * 7


def _keadaan(berkas: Path) -> dict[str, str]:
    wb = openpyxl.load_workbook(berkas, read_only=True)
    try:
        return {ws.title: ws.sheet_state for ws in wb.worksheets}
    finally:
        wb.close()


def _temuan(master: Path) -> dict[str, Any]:
    with buka(master, hanya_baca=True) as buku:
        return {t.hal: t for t in periksa(buku, master, sistem=None)}


def _master(folder: Path) -> Path:
    return folder / skema.NAMA_MASTER


def _makro_tombol(master: Path) -> set[str]:
    """The `Tombol` macros the master's buttons call, read from the drawings (VML) of the file
    itself, not by pyxl's checker."""
    with zipfile.ZipFile(master) as z:
        return {
            m
            for n in z.namelist()
            if n.startswith("xl/drawings/") and n.endswith(".vml")
            for m in re.findall(r"Tombol\.(\w+)", z.read(n).decode("utf-8", "replace"))
        }


# --------------------------------------------------------------------------- before the upgrade


def test_the_committed_fixtures_are_the_releases_masters() -> None:
    assert set(VERSI_RILIS) == set(SHA_MASTER)
    for nama, sha in SHA_MASTER.items():
        master = _master(RILIS / nama)
        assert hashlib.sha256(master.read_bytes()).hexdigest() == sha, nama
        versi = VERSI_RILIS[nama]
        assert versi <= VERSI_STRUKTUR, f"{nama}: a fixture newer than this pyxl"
        with buka(master, hanya_baca=True) as buku:
            assert versi_struktur(buku) == versi, nama
        dicatat = _kunci(_isi(master), skema.SISTEM).get(KUNCI_VERSI)
        assert dicatat == (str(versi) if versi >= VERSI_DICATAT else None), nama
        if versi < 4:  # without the tool buttons of version 4 (Tambah Bagian, Tahun Baru …)
            assert {p.sub for p in PERINTAH} - _makro_tombol(master), nama


def _menyuruh_perbarui(pesan: str, master: Path | None = None) -> None:
    """The message names `pyxl perbarui` (with the workbook when given) and nothing else to do."""
    assert "pyxl perbarui" in pesan, pesan
    assert master is None or f'--workbook "{master}"' in pesan, pesan
    for salah in ("pyxl init", "tahun-baru", "master baru", "buku kerja baru", "folder kerja baru"):
        assert salah not in pesan, f"{salah!r} suggested: {pesan}"
    assert "Traceback" not in pesan


@pytest.mark.parametrize(
    "perintah",
    [
        ["disposisi", "--tanggal", "5 Januari 2027"],
        ["format", "--batas-waktu", "20 Januari 2027"],
        ["kirim", "--mode", "draf"],
        ["undangan", "--mode", "draf"],
        ["rapat"],
        ["himpun", "--tanpa-imap"],
        ["himpun", "--tanpa-imap", "--ulang"],
        ["analisis"],
        ["dokumen"],
        ["setujui"],
        ["pengantar", "--mode", "draf"],
        ["arsip"],
        ["ingatkan", "--mode", "draf"],
        ["bagian", "tambah", "HUMAS", "--nama", "Bagian Hubungan Masyarakat"],
    ],
    ids=lambda p: "-".join(p[:2]) if p[0] == "bagian" else p[0] + ("-ulang" * ("--ulang" in p)),
)
def test_a_writing_command_refuses_an_old_master_naming_perbarui(
    rilis: Path, usang: bool, perintah: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """A master of the current structure is not refused for its structure: the step starts
    (whatever it then finds) and nothing sends the user to `pyxl perbarui`."""
    master = _master(rilis)
    sebelum = sidik_folder(rilis)
    folder_sebelum = sorted(p for p in rilis.rglob("*") if p.is_dir())
    kode = main([*perintah, "--workbook", str(master)])
    out, err = capsys.readouterr()
    if not usang:
        assert "berjalan …" in out + err, out + err
        for salah in ("pyxl perbarui", "belum sesuai pyxl ini", "Traceback"):
            assert salah not in out + err, out + err
        return
    assert kode == 1
    _menyuruh_perbarui(err, master)
    assert "Tidak ada yang diubah" in err
    assert sidik_folder(rilis) == sebelum
    assert sorted(p for p in rilis.rglob("*") if p.is_dir()) == folder_sebelum


def test_status_and_cek_run_on_an_old_master_and_name_perbarui(
    rilis: Path, usang: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    """`cek` fails the structure of an outdated master, and its buttons when the release had
    fewer than this pyxl (read from the file); a current master passes both and nothing names
    `pyxl perbarui`."""
    master = _master(rilis)
    sebelum = sidik_folder(rilis)
    assert main(["status", "--workbook", str(master)]) == 0
    out, err = capsys.readouterr()
    if usang:
        _menyuruh_perbarui(out + err, master)
    else:
        assert "pyxl perbarui" not in out + err and "Traceback" not in out + err, out + err
    assert sidik_folder(rilis) == sebelum

    kode = main(["cek", "--workbook", str(master)])
    out, err = capsys.readouterr()
    temuan = _temuan(master)
    tombol_kurang = {p.sub for p in PERINTAH} - _makro_tombol(master)
    if usang:
        assert kode == 1
        _menyuruh_perbarui(out + err)
        assert temuan["Struktur buku kerja"].tingkat == GAGAL, temuan["Struktur buku kerja"]
        assert "pyxl perbarui" in temuan["Struktur buku kerja"].pesan
        assert f"pyxl ini memakai versi {VERSI_STRUKTUR}" in temuan["Struktur buku kerja"].pesan
    else:
        assert temuan["Struktur buku kerja"].tingkat == OK, temuan["Struktur buku kerja"]
        assert "pyxl perbarui" not in out + err, out + err
    if tombol_kurang:
        assert temuan["Tombol dan makro"].tingkat == GAGAL, temuan["Tombol dan makro"]
        assert "pyxl perbarui" in temuan["Tombol dan makro"].pesan
    else:
        assert temuan["Tombol dan makro"].tingkat == OK, temuan["Tombol dan makro"]
    assert sidik_folder(rilis) == sebelum


def test_a_button_on_an_old_master_says_perbarui_in_a_message_box(
    rilis: Path, usang: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From Excel the upgrade cannot replace the open file: the button starts it to run once
    the workbook is closed, and says so (see tests/alat/test_perbarui_latar.py). On a master of
    the current structure the button runs its step: no upgrade started, none offered."""
    import pyxl.tombol
    from pyxl.alat import perbarui_latar

    dimulai: list[Path] = []
    monkeypatch.setattr(perbarui_latar, "mulai", dimulai.append)
    monkeypatch.chdir(rilis)
    book = buku_remote(_master(rilis).resolve())
    pyxl.tombol.disposisi()
    actions = aksi(book)
    if not usang:
        assert dimulai == []
        pesan = " ".join(str(a["args"]) for a in actions if a["func"] == "alert")
        for salah in ("perbarui", "Perbarui", perbarui_latar.BERKAS_LOG):
            assert salah not in pesan, pesan
        return
    [alert] = [a for a in actions if a["func"] == "alert"]
    pesan = alert["args"][0]
    assert "Simpan lalu tutup buku kerja ini" in pesan and perbarui_latar.BERKAS_LOG in pesan
    for salah in ("pyxl init", "tahun-baru", "buku kerja baru", "folder kerja baru"):
        assert salah not in pesan, pesan
    assert [p.resolve() for p in dimulai] == [_master(rilis).resolve()]
    assert not [a for a in actions if a["func"] in ("setValues", "save")]


# --------------------------------------------------------------------------- the upgrade


@pytest.mark.libreoffice
def test_perbarui_keeps_every_value_and_makes_the_master_whole(
    rilis: Path, usang: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    """An outdated master is rebuilt (the old file kept as the backup); a current, whole one
    is left byte for byte. Either way the result is of the current structure and whole."""
    master = _master(rilis)
    asli = master.read_bytes()
    lama = _isi(master)
    for sheet, n in JUMLAH_BARIS.items():
        assert len(_baris(lama, sheet)) == n, sheet

    assert main(["perbarui", "--workbook", str(master)]) == 0
    out = capsys.readouterr().out
    if usang:
        assert "diperbarui" in out and f"ke versi {VERSI_STRUKTUR}" in out
        [cadangan] = (rilis / skema.FOLDER_CADANGAN).iterdir()
        assert cadangan.read_bytes() == asli, "the backup is the old file, byte for byte"
    else:
        assert "tidak ada yang diubah" in out and "diperbarui" not in out, out
        assert f"struktur versi {VERSI_STRUKTUR}" in out, out
        assert master.read_bytes() == asli
        assert list((rilis / skema.FOLDER_CADANGAN).glob("*")) == [], "no backup made"
    for nama in skema.FOLDERS:
        assert (rilis / nama).is_dir()

    baru = _isi(master)
    _semua_isian_tetap(lama, baru)
    # the current structure: every sheet and column, Sistem very hidden, the file whole
    for sheet, kolom in skema.TABEL.items():
        assert set(kolom) <= set(baru[sheet][0]), sheet
    keadaan = _keadaan(master)
    assert keadaan[skema.SISTEM] == "veryHidden"
    assert all(v == "visible" for k, v in keadaan.items() if k != skema.SISTEM)
    with buka(master, hanya_baca=True) as buku:
        assert kekurangan(buku) == []
    assert periksa_berkas_master(master) == []
    temuan = _temuan(master)
    assert temuan["Struktur buku kerja"].tingkat == OK
    assert temuan["Tombol dan makro"].tingkat == OK
    assert [t for t in temuan.values() if t.tingkat == GAGAL] == []
    tombol_terhubung(master)
    lo = probe(master)
    assert [(b["label"], b["macro"]) for b in lo["buttons"]] == _harapan_lo()
    assert set(baru) == set(lo["sheets"])

    # a second run finds nothing to do and writes nothing
    sebelum = sidik_folder(rilis)
    assert main(["perbarui", "--workbook", str(master)]) == 0
    assert "tidak ada yang diubah" in capsys.readouterr().out
    assert sidik_folder(rilis) == sebelum


# --------------------------------------------------------------------------- after the upgrade


def _jalan(master: Path, *perintah: str) -> None:
    assert main([*perintah, "--workbook", str(master)]) == 0, perintah


def _ada(folder: Path, sub: str, nama: Any) -> Path:
    assert isinstance(nama, str) and nama, nama
    berkas = folder / sub / nama
    assert berkas.is_file() and berkas.stat().st_size > 0, berkas
    return berkas


def test_every_sop_step_and_a_button_run_on_the_upgraded_master(
    rilis: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    master = _master(rilis)
    # a Bagian that had not returned sends the format the old release issued to it
    adpem = rilis / "ADPEM dari rilis lama.xlsx"
    lama = rilis / skema.FOLDER_FORMAT / "ADPEM_Format_IKU_2026.xlsx"
    isi_format(lama, adpem, isian_contoh("ADPEM"))
    _jalan(master, "perbarui")
    tahun = int(_kunci(_isi(master), skema.PENGATURAN)["Tahun"])
    th = tahun + 1
    n = {s: len(_baris(_isi(master), s)) for s in JUMLAH_BARIS}
    capsys.readouterr()

    _jalan(
        master,
        "disposisi",
        f"--tanggal=5 Januari {th}",
        "--surat-dari=Sekretaris Daerah",
        f"--nomor-surat=000.7.5/012/I.10-WK/{th}",
        f"--tanggal-surat=2 Januari {th}",
        f"--perihal=Penyusunan Laporan Kinerja Tahun {tahun}",
    )
    isi = _isi(master)
    dispo = _baris(isi, skema.DISPOSISI)
    assert len(dispo) == n[skema.DISPOSISI] + 1 and dispo[-1]["No"] == 2
    _ada(rilis, skema.FOLDER_DOKUMEN, dispo[-1]["Berkas"])

    _jalan(master, "format", f"--batas-waktu=20 Januari {th}")
    terbit = _baris(_isi(master), skema.FORMAT_TERBIT)[n[skema.FORMAT_TERBIT] :]
    assert len(terbit) == 10 and {r["Tahun"] for r in terbit} == {tahun}
    for r in terbit:
        _ada(rilis, skema.FOLDER_FORMAT, r["Berkas"])

    _jalan(master, "kirim", "--mode", "draf")
    kirim = _baris(_isi(master), skema.PENGIRIMAN)[n[skema.PENGIRIMAN] :]
    assert [r["Langkah"] for r in kirim] == [3] * 10
    assert {r["ID Format"] for r in kirim} == {r["ID Format"] for r in terbit}
    for r in kirim:
        _ada(rilis, skema.FOLDER_KIRIM, r["Berkas"])

    _jalan(
        master,
        "undangan",
        f"--tanggal=7 Januari {th}",
        f"--tanggal-rapat=14 Januari {th}",
        "--jam=09.00",
        "--mode=draf",
    )
    register = _baris(_isi(master), skema.REGISTER_SURAT)
    assert len(register) == n[skema.REGISTER_SURAT] + 1
    assert register[-1]["Nomor Surat"] == f"000.8.6.3/2/I.10-WK/{th}", "numbering continues"
    _ada(rilis, skema.FOLDER_DOKUMEN, register[-1]["Berkas"])

    _jalan(master, "rapat")
    _ada(rilis, skema.FOLDER_DOKUMEN, f"daftar_hadir_rapat_{th}.docx")
    _ada(rilis, skema.FOLDER_DOKUMEN, f"notula_rapat_{th}.docx")

    # the returns recorded by the old release are not recorded again
    capsys.readouterr()
    _jalan(master, "himpun", "--tanpa-imap")
    assert "Tidak ada berkas baru" in capsys.readouterr().out
    assert len(_baris(_isi(master), skema.PENERIMAAN)) == n[skema.PENERIMAAN]
    # a return of a format the old release issued verifies against the carried secret
    shutil.move(adpem, rilis / skema.FOLDER_MASUK / "ADPEM.xlsx")
    _jalan(master, "himpun", "--tanpa-imap")
    isi = _isi(master)
    [baru] = _baris(isi, skema.PENERIMAAN)[n[skema.PENERIMAAN] :]
    assert (baru["Berkas"], baru["Kode Bagian"], baru["Status"]) == (
        "ADPEM.xlsx",
        "ADPEM",
        "Diterima",
    ), baru
    assert [r["Realisasi"] for r in _baris(isi, "ADPEM")] == [
        h["Realisasi"] for h in isian_contoh("ADPEM")
    ]
    # the rejected return is checked again: still rejected, with a new row
    _jalan(master, "himpun", "--tanpa-imap", "--ulang")
    umum = [r for r in _baris(_isi(master), skema.PENERIMAAN) if r["Berkas"] == "UMUM.xlsx"]
    assert [r["Status"] for r in umum] == ["Ditolak", "Ditolak"]
    assert "TANDA_TANGAN_TIDAK_COCOK" in umum[-1]["Catatan"]
    assert umum[-1]["Waktu"] == umum[0]["Waktu"] == DIKIRIM["UMUM.xlsx"], "the file's time"

    _jalan(master, "analisis")
    isi = _isi(master)
    indikator = sum(len(_baris(isi, b["Kode"])) for b in _baris(isi, skema.BAGIAN))
    assert len(_baris(isi, skema.ANALISIS)) == indikator
    rekap = _baris(isi, skema.REKAP)
    assert [r["Kode Bagian"] for r in rekap[:-1]] == [b["Kode"] for b in _baris(isi, skema.BAGIAN)]
    assert rekap[-1]["Jumlah Indikator"] == indikator, "the Setda total"

    _jalan(master, "dokumen", f"--tanggal=28 Januari {th}")
    [konsep] = _baris(_isi(master), skema.DOKUMEN)
    assert konsep["Status"] == "KONSEP"
    _ada(rilis, skema.FOLDER_DOKUMEN, konsep["Berkas"])

    _jalan(master, "setujui", f"--tanggal=30 Januari {th}")
    final = _baris(_isi(master), skema.DOKUMEN)[-1]
    assert final["Status"] == "FINAL" and final["Disetujui Oleh"]
    _ada(rilis, skema.FOLDER_DOKUMEN, final["Berkas"])

    _jalan(master, "pengantar", f"--tanggal=3 Februari {th}", "--mode", "draf")
    pengantar = _baris(_isi(master), skema.REGISTER_SURAT)[-1]
    assert pengantar["Nomor Surat"].startswith("000.8.6.3/3/"), pengantar
    _ada(rilis, skema.FOLDER_DOKUMEN, pengantar["Berkas"])

    _jalan(master, "arsip")
    arsip = _baris(_isi(master), skema.REGISTER_ARSIP)
    assert {r["Berkas"] for r in arsip} >= {final["Berkas"], pengantar["Berkas"]}
    for r in arsip:
        assert (rilis / r["Jalur Arsip"]).is_file(), r
    capsys.readouterr()
    _jalan(master, "arsip", "--periksa")
    hasil = capsys.readouterr().out.splitlines()[2:]
    assert hasil and all(b.split()[0] == "OK" for b in hasil), hasil
    assert {r["Jalur Arsip"] for r in arsip} <= {b.split(maxsplit=1)[1] for b in hasil}

    # every step on Kendali recorded (9, the reviewer's corrections, has none here); the file
    # still whole
    langkah = _langkah(_isi(master))
    assert all(langkah[no][0] == kendali.SELESAI for no in range(1, 14) if no != 9), langkah
    assert periksa_berkas_master(master) == []
    tombol_terhubung(master)

    # a button (xlwings' remote engine) on the upgraded master
    import pyxl.tombol

    monkeypatch.chdir(rilis)
    book = buku_remote(master.resolve())
    pyxl.tombol.status()
    actions = aksi(book)
    [alert] = [a for a in actions if a["func"] == "alert"]
    assert "Status SOP" in alert["args"][0] and "perbarui" not in alert["args"][0]
    assert "critical" not in alert["args"]
    assert [a["func"] for a in actions][-2:] == ["save", "alert"]
    tulis = [a for a in actions if a["func"] == "setValues"]
    blok = next(a for a in tulis if a["start_row"] == kendali.BARIS_BAGIAN_1 - 1)
    status = {r[0]: r[7] for r in blok["values"]}
    assert status["ADPEM"] == "Lengkap" and status["PBJ"] == "Belum ada data", status


# --------------------------------------------------------------------------- LibreOffice re-saves


@pytest.mark.libreoffice
def test_a_master_re_saved_twice_by_libreoffice_is_repaired_by_perbarui(
    master: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kerja = master.parent
    _jalan(master, "format", "--batas-waktu=20 Januari 2027")  # the stamp secret exists now
    rahasia = _kunci(_isi(master), skema.SISTEM)[KUNCI_RAHASIA]
    assert len(str(rahasia)) == 64
    baris_peng = len(_isi(master)[skema.PENGATURAN]) + 2
    ket = skema.KOLOM_INDIKATOR.index("Keterangan")
    sel_tapem = f"{chr(ord('A') + ket)}3"

    # first save: the values typed stay; Sistem becomes an ordinary hidden sheet
    ubah(master, [{"sheet": "TAPEM", "cell": sel_tapem, "nilai": "Diperiksa ulang di LibreOffice"}])
    assert _keadaan(master)[skema.SISTEM] == "hidden"
    [masalah] = periksa_berkas_master(master)
    assert skema.SISTEM in masalah
    tombol_terhubung(master)  # the file still binds every button (Excel's view)
    temuan = _temuan(master)
    assert temuan["Tombol dan makro"].tingkat == GAGAL
    assert skema.SISTEM in temuan["Tombol dan makro"].pesan
    assert "pyxl perbarui" in temuan["Tombol dan makro"].pesan
    assert temuan["Struktur buku kerja"].tingkat == OK
    assert main(["cek", "--workbook", str(master)]) == 1
    capsys.readouterr()

    # second save: the buttons are gone
    ubah(
        master,
        [
            {"sheet": skema.PENGATURAN, "cell": f"A{baris_peng}", "nilai": "Catatan Kantor"},
            {"sheet": skema.PENGATURAN, "cell": f"B{baris_peng}", "nilai": "disimpan dua kali"},
        ],
    )
    assert probe(master)["buttons"] == []
    masalah = periksa_berkas_master(master)
    assert len(masalah) == 2 and f"{len(PERINTAH)} tombol" in masalah[1], masalah
    temuan = _temuan(master)
    assert temuan["Tombol dan makro"].tingkat == GAGAL
    assert "tombol" in temuan["Tombol dan makro"].pesan
    assert "pyxl perbarui" in temuan["Tombol dan makro"].pesan
    assert main(["cek", "--workbook", str(master)]) == 1
    capsys.readouterr()
    simpanan = master.read_bytes()
    cadangan_lama = set((kerja / skema.FOLDER_CADANGAN).iterdir())

    # perbarui restores every button and the very hidden Sistem, keeping what was typed
    _jalan(master, "perbarui")
    assert "diperbarui" in capsys.readouterr().out
    [cadangan] = set((kerja / skema.FOLDER_CADANGAN).iterdir()) - cadangan_lama
    assert cadangan.read_bytes() == simpanan
    tombol_terhubung(master)
    lo = probe(master)
    assert [(b["label"], b["macro"]) for b in lo["buttons"]] == _harapan_lo()
    assert periksa_berkas_master(master) == []
    assert _keadaan(master)[skema.SISTEM] == "veryHidden"
    isi = _isi(master)
    assert _baris(isi, "TAPEM")[1]["Keterangan"] == "Diperiksa ulang di LibreOffice"
    assert _kunci(isi, skema.PENGATURAN)["Catatan Kantor"] == "disimpan dua kali"
    assert _kunci(isi, skema.SISTEM)[KUNCI_RAHASIA] == rahasia
    temuan = _temuan(master)
    assert temuan["Tombol dan makro"].tingkat == OK
    assert temuan["Struktur buku kerja"].tingkat == OK
    sebelum = sidik_folder(kerja)
    _jalan(master, "perbarui")
    assert "tidak ada yang diubah" in capsys.readouterr().out
    assert sidik_folder(kerja) == sebelum
    # the formats issued before the re-saves still verify
    isi_format(
        kerja / skema.FOLDER_FORMAT / "HUKUM_Format_IKU_2026.xlsx",
        kerja / skema.FOLDER_MASUK / "HUKUM.xlsx",
        isian_contoh("HUKUM"),
    )
    _jalan(master, "himpun", "--tanpa-imap")
    [terima] = _baris(_isi(master), skema.PENERIMAAN)
    assert terima["Status"] == "Diterima", terima


@pytest.mark.libreoffice
def test_an_old_master_re_saved_by_libreoffice_is_upgraded_keeping_every_value(
    tmp_path: Path,
) -> None:
    kerja = tmp_path / "kerja"
    shutil.copytree(RILIS / "a97ff19", kerja)
    master = _master(kerja)
    lama = _isi(master)
    ket = lama["HUKUM"][0].index("Keterangan")
    lama["HUKUM"][1][ket] = "dicatat di LibreOffice"
    ubah(
        master,
        [{"sheet": "HUKUM", "cell": f"{chr(ord('A') + ket)}2", "nilai": lama["HUKUM"][1][ket]}],
    )
    assert _keadaan(master)[skema.SISTEM] == "hidden"

    _jalan(master, "perbarui")
    _semua_isian_tetap(lama, _isi(master))
    assert _keadaan(master)[skema.SISTEM] == "veryHidden"
    assert periksa_berkas_master(master) == []
    tombol_terhubung(master)


def test_a_master_of_a_newer_release_is_refused_never_downgraded(
    master: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pyxl.buku.sistem import tulis_sistem

    with buka(master) as buku:
        tulis_sistem(buku, KUNCI_VERSI, str(VERSI_STRUKTUR + 1))
        buku.simpan()
    sebelum = sidik_folder(master.parent)

    assert main(["perbarui", "--workbook", str(master)]) == 1
    err = capsys.readouterr().err
    assert "dibuat pyxl yang lebih baru" in err and "Pasang pyxl terbaru" in err, err
    assert "Tidak ada yang diubah" in err
    assert sidik_folder(master.parent) == sebelum, "not rebuilt as an older structure"

    # the other commands say the same, without sending the user to perbarui
    for perintah in (["disposisi"], ["status"]):
        main([*perintah, "--workbook", str(master)])
        out, err = capsys.readouterr()
        assert "pasang pyxl terbaru" in out + err and "pyxl perbarui" not in out + err, out + err
    temuan = _temuan(master)["Struktur buku kerja"]
    assert temuan.tingkat == GAGAL and "pasang pyxl terbaru" in temuan.pesan
    assert "pyxl perbarui" not in temuan.pesan, temuan.pesan
    assert sidik_folder(master.parent) == sebelum


def test_an_upgraded_master_runs_a_quarterly_round_beside_its_yearly_one(rilis: Path) -> None:
    """The year's ledgers of an earlier release (no `Periode` column) stay the yearly round's;
    a quarterly round on the upgraded master has its own formats, returns and figures, and a
    return to a format of the old release is still the yearly round's."""
    master = _master(rilis)
    _jalan(master, "perbarui")
    sebelum = _baris(_isi(master), skema.PENERIMAAN)
    assert {r.get("Periode") for r in sebelum} == {None}  # rows of the old release
    _jalan(master, "format", "--periode", "TW I", "--batas-waktu=20 April 2026")
    tw1 = rilis / skema.FOLDER_FORMAT / "TW1" / "ADPEM_Format_IKU_2026_TW1.xlsx"
    isi_format(tw1, rilis / skema.FOLDER_MASUK / "adpem_tw1.xlsx", isian_contoh("ADPEM"))
    lama = rilis / skema.FOLDER_FORMAT / "ADPEM_Format_IKU_2026.xlsx"
    isi_format(lama, rilis / skema.FOLDER_MASUK / "adpem_tahunan.xlsx", isian_contoh("ADPEM"))
    _jalan(master, "himpun", "--tanpa-imap", "--periode", "TW I")
    rows = {r["Berkas"]: r for r in _baris(_isi(master), skema.PENERIMAAN)}
    assert (rows["adpem_tw1.xlsx"]["Status"], rows["adpem_tw1.xlsx"]["Periode"]) == (
        "Diterima",
        "TW I",
    )
    assert rows["adpem_tahunan.xlsx"]["Status"] == "Ditolak"  # a yearly format, not TW I's
    assert rows["adpem_tahunan.xlsx"]["Catatan"].startswith("PERIODE_SALAH")
    tw = [r for r in _baris(_isi(master), skema.TRIWULAN) if r["Kode Bagian"] == "ADPEM"]
    assert len(tw) == len(isian_contoh("ADPEM")) and {r["Periode"] for r in tw} == {"TW I"}
    _jalan(master, "himpun", "--tanpa-imap", "--ulang")  # the yearly round takes it
    rows = {r["Berkas"]: r for r in _baris(_isi(master), skema.PENERIMAAN)}
    assert rows["adpem_tahunan.xlsx"]["Status"] == "Diterima"
