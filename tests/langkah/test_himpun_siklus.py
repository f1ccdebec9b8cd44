"""Step 6 across a season: a refused return checked again once its cause is fixed, a file sent
again after its refusal, which of two returns of one Bagian wins, a return of another year,
and the buttons doing what the commands do."""

from __future__ import annotations

import os
import shutil
import time
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from bantu import baris_sheet
from conftest import sidik_folder
from pyxl.alat.simulasi import isi_format, isian_contoh
from pyxl.cli import main
from pyxl.inti.stempel import SHEET_FORMAT, baca_stempel
from pyxl.kontrak import skema
from pyxl.masuk.kiriman import waktu_simpan
from remote import klik, sama_dengan_perintah

BATAS = "--batas-waktu=20 Januari 2027"
ALAMAT = {k: f"{k.lower()}@setda.waykanan.example" for k in ("HUKUM", "KESRA", "UMUM")}


def _pyxl(master: Path, *argumen: str) -> int:
    return main([*argumen, "--workbook", str(master)])


def _himpun(kerja: Path, *opsi: str) -> int:
    return _pyxl(kerja / skema.NAMA_MASTER, "himpun", "--tanpa-imap", *opsi)


def _format(kerja: Path, kode: str, tahun: int = 2026) -> Path:
    return kerja / "format" / f"{kode}_Format_IKU_{tahun}.xlsx"


def _isi(kerja: Path, kode: str, tujuan: Path, realisasi: Any = None) -> Path:
    """Bagian `kode`'s format filled with its sample values (the first `Realisasi` replaced
    when given), saved as `tujuan`."""
    isian = isian_contoh(kode)
    if realisasi is not None:
        isian[0]["Realisasi"] = realisasi
    return isi_format(_format(kerja, kode), tujuan, isian)


def _surel(kerja: Path, nama: str, lampiran: Path, dari: str, tanggal: datetime) -> Path:
    """An e-mail saved in masuk/ with one attachment (its file name kept), as Outlook saves
    it."""
    m = EmailMessage()
    m["From"] = dari
    m["To"] = "renkeu@setda.waykanan.example"
    m["Subject"] = f"Re: [IKU-2026] Format IKU {lampiran.stem}"
    m["Date"] = format_datetime(tanggal)
    m.set_content("Terlampir format yang sudah diisi.")
    m.add_attachment(
        lampiran.read_bytes(),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename=lampiran.name,
    )
    tujuan = kerja / "masuk" / nama
    tujuan.write_bytes(m.as_bytes())
    return tujuan


def _baris(kerja: Path, berkas: str | None = None) -> list[dict[str, Any]]:
    rows = baris_sheet(kerja / skema.NAMA_MASTER, skema.PENERIMAAN)
    return [r for r in rows if berkas is None or r["Berkas"] == berkas]


def _realisasi(kerja: Path, kode: str) -> list[Any]:
    return [r["Realisasi"] for r in baris_sheet(kerja / skema.NAMA_MASTER, kode)]


@pytest.fixture
def kerja_terbit(kerja: Path) -> Path:
    """A working folder whose formats have been issued (step 2)."""
    assert _pyxl(kerja / skema.NAMA_MASTER, "format", BATAS) == 0
    return kerja


# ------------------------------------------------------------------------------ --ulang


def test_ulang_accepts_a_return_refused_for_an_address_typed_wrong(
    kerja_terbit: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    master = kerja_terbit / skema.NAMA_MASTER
    # KESRA's address was typed into HUKUM's row: KESRA's own mail looks like HUKUM's
    assert _pyxl(master, "bagian", "ubah", "HUKUM", "--email", ALAMAT["KESRA"]) == 0
    kosong = _realisasi(kerja_terbit, "KESRA")
    kesra = _isi(kerja_terbit, "KESRA", tmp_path / "KESRA.xlsx")
    kemarin = datetime.now(UTC) - timedelta(days=1)
    _surel(kerja_terbit, "balasan KESRA.eml", kesra, ALAMAT["KESRA"], kemarin)
    assert _himpun(kerja_terbit) == 0
    [ditolak] = _baris(kerja_terbit)
    assert (ditolak["Berkas"], ditolak["Status"]) == ("KESRA.xlsx", "Ditolak")
    assert ditolak["Catatan"].startswith("BAGIAN_SALAH")
    [pesan] = [
        r["Pesan"]
        for r in baris_sheet(master, skema.VALIDASI)
        if r["Kode Masalah"] == "BAGIAN_SALAH"
    ]
    assert ALAMAT["KESRA"] in pesan and "Bagian HUKUM" in pesan
    assert _realisasi(kerja_terbit, "KESRA") == kosong

    # the address is put right; a plain run has nothing new and changes nothing
    assert _pyxl(master, "bagian", "ubah", "HUKUM", "--email", ALAMAT["HUKUM"]) == 0
    sebelum = sidik_folder(kerja_terbit)
    capsys.readouterr()
    assert _himpun(kerja_terbit) == 0
    assert "Tidak ada berkas baru" in capsys.readouterr().out
    assert sidik_folder(kerja_terbit) == sebelum

    # --ulang checks it again: a new row, merged; the refusal stays on record
    assert _himpun(kerja_terbit, "--ulang") == 0
    out = capsys.readouterr().out
    assert "1 berkas diperiksa ulang: 1 diterima" in out
    rows = _baris(kerja_terbit, "KESRA.xlsx")
    assert [r["Status"] for r in rows] == ["Ditolak", "Diterima"]
    assert rows[0] == ditolak
    assert rows[1]["Catatan"].startswith("diperiksa ulang")
    assert rows[1]["SHA-256"] == ditolak["SHA-256"] and rows[1]["Sumber"] == "balasan KESRA.eml"
    assert rows[1]["Kode Bagian"] == "KESRA"
    assert _realisasi(kerja_terbit, "KESRA") == [h["Realisasi"] for h in isian_contoh("KESRA")]

    # nothing refused any more: --ulang says so and changes nothing
    sebelum = sidik_folder(kerja_terbit)
    capsys.readouterr()
    assert _himpun(kerja_terbit, "--ulang") == 0
    assert "Tidak ada kiriman yang ditolak" in capsys.readouterr().out
    assert sidik_folder(kerja_terbit) == sebelum

    # the same file again: a copy of what was accepted in the end, nothing left to fix
    shutil.copy(kesra, kerja_terbit / "masuk" / "KESRA (2).xlsx")
    assert _himpun(kerja_terbit) == 0
    [lagi] = _baris(kerja_terbit, "KESRA (2).xlsx")
    assert lagi["Status"] == "Duplikat"
    assert (
        f"isi sama dengan KESRA.xlsx (sheet {skema.PENERIMAAN} baris 3, Diterima)"
        in (lagi["Catatan"])
    )
    assert "--ulang" not in lagi["Catatan"]


def test_ulang_on_a_folder_without_refusals_changes_nothing(
    kerja_terbit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _isi(kerja_terbit, "HUKUM", kerja_terbit / "masuk" / "HUKUM.xlsx")
    assert _himpun(kerja_terbit) == 0
    sebelum = sidik_folder(kerja_terbit)
    capsys.readouterr()
    assert _himpun(kerja_terbit, "--ulang") == 0
    out = capsys.readouterr().out
    assert "Tidak ada kiriman yang ditolak di masuk/ untuk diperiksa ulang" in out
    assert "Tidak ada yang diubah" in out
    assert sidik_folder(kerja_terbit) == sebelum
    assert [r["Status"] for r in _baris(kerja_terbit)] == ["Diterima"]


# ------------------------------------------------------------------------------ sent again


def _dikirim_lagi(catatan: str, baris: int, berkas: str) -> None:
    """The `Catatan` of a file identical to a refused one: which row, and what to do."""
    assert f"isi sama dengan {berkas} (sheet {skema.PENERIMAAN} baris {baris}, Ditolak)" in (
        catatan
    )
    assert "pyxl himpun --ulang" in catatan and "tidak digabung" in catatan


def test_a_refused_file_sent_again_gets_its_own_row_naming_the_refusal(
    kerja_terbit: Path, tmp_path: Path
) -> None:
    # HUKUM fills KESRA's format by mistake and mails it: refused
    salah = _isi(kerja_terbit, "KESRA", tmp_path / "KESRA.xlsx")
    dua_hari = datetime.now(UTC) - timedelta(days=2)
    _surel(kerja_terbit, "kiriman HUKUM.eml", salah, ALAMAT["HUKUM"], dua_hari)
    _isi(kerja_terbit, "UMUM", kerja_terbit / "masuk" / "UMUM.xlsx")
    assert _himpun(kerja_terbit) == 0
    [ditolak] = _baris(kerja_terbit, "KESRA.xlsx")
    assert ditolak["Status"] == "Ditolak"
    baris_ditolak = 1 + [r["Berkas"] for r in _baris(kerja_terbit)].index("KESRA.xlsx") + 1

    # the same attachment in a new e-mail, and the same file dropped under another name
    _surel(
        kerja_terbit,
        "kiriman HUKUM (ulang).eml",
        salah,
        ALAMAT["HUKUM"],
        dua_hari + timedelta(hours=3),
    )
    shutil.copy(salah, kerja_terbit / "masuk" / "KESRA (1).xlsx")
    assert _himpun(kerja_terbit) == 0
    rows = _baris(kerja_terbit)
    lagi = [r for r in rows if r["SHA-256"] == ditolak["SHA-256"]][1:]
    assert sorted((r["Berkas"], r["Sumber"]) for r in lagi) == [
        ("KESRA (1).xlsx", "KESRA (1).xlsx"),
        ("KESRA.xlsx", "kiriman HUKUM (ulang).eml"),
    ]
    for r in lagi:
        assert r["Status"] == "Duplikat"
        _dikirim_lagi(r["Catatan"], baris_ditolak, "KESRA.xlsx")
    assert _baris(kerja_terbit, "KESRA.xlsx")[0] == ditolak, "the refusal stays as it was"
    assert not [r for r in baris_sheet(kerja_terbit / skema.NAMA_MASTER, "KESRA") if r["Realisasi"]]


def test_a_refused_file_and_its_copy_in_one_run_name_the_refused_row(
    kerja_terbit: Path, tmp_path: Path
) -> None:
    """Both arrive before the run: the copy's row still names the row of the refusal."""
    masuk = kerja_terbit / "masuk"
    _isi(kerja_terbit, "UMUM", masuk / "UMUM.xlsx")
    salah = _isi(kerja_terbit, "KESRA", tmp_path / "KESRA.xlsx")
    sejam = datetime.now(UTC) - timedelta(hours=1)
    _surel(kerja_terbit, "kiriman HUKUM.eml", salah, ALAMAT["HUKUM"], sejam)
    shutil.copy(salah, masuk / "KESRA salinan.xlsx")  # dropped later by someone else
    assert _himpun(kerja_terbit) == 0
    rows = _baris(kerja_terbit)
    assert [r["Status"] for r in rows].count("Diterima") == 1
    [ditolak] = [r for r in rows if r["Status"] == "Ditolak"]
    [duplikat] = [r for r in rows if r["Status"] == "Duplikat"]
    assert (ditolak["Berkas"], duplikat["Berkas"]) == ("KESRA.xlsx", "KESRA salinan.xlsx")
    _dikirim_lagi(duplikat["Catatan"], rows.index(ditolak) + 2, "KESRA.xlsx")


# ------------------------------------------------------------------------------ which return wins


@pytest.mark.parametrize("koreksi_dulu", [True, False], ids=["koreksi-dulu", "asli-dulu"])
def test_the_return_the_bagian_saved_last_wins_whatever_arrives_first(
    kerja_terbit: Path, tmp_path: Path, koreksi_dulu: bool
) -> None:
    asli = _isi(kerja_terbit, "HUKUM", tmp_path / "asli" / "HUKUM.xlsx")
    koreksi = _isi(kerja_terbit, "HUKUM", tmp_path / "koreksi" / "HUKUM.xlsx", realisasi=99.5)
    harap = _realisasi_setelah(isian_contoh("HUKUM"), 99.5)
    sekarang = datetime.now(UTC)
    kiriman = [
        ("HUKUM asli.eml", asli, sekarang - timedelta(days=2)),
        ("HUKUM koreksi.eml", koreksi, sekarang - timedelta(days=1)),
    ]
    for nama, lampiran, tanggal in reversed(kiriman) if koreksi_dulu else kiriman:
        _surel(kerja_terbit, nama, lampiran, ALAMAT["HUKUM"], tanggal)
        assert _himpun(kerja_terbit) == 0
    rows = {r["Sumber"]: r for r in _baris(kerja_terbit)}
    if koreksi_dulu:
        assert rows["HUKUM koreksi.eml"]["Status"] == "Diterima"
        assert rows["HUKUM asli.eml"]["Status"] == "Usang"
        assert "sebelum kiriman yang dipakai" in rows["HUKUM asli.eml"]["Catatan"]
        assert "nilainya tidak dipakai" in rows["HUKUM asli.eml"]["Catatan"]
    else:
        assert rows["HUKUM asli.eml"]["Status"] == "Diterima"
        assert rows["HUKUM koreksi.eml"]["Status"] == "Menggantikan"
    assert rows["HUKUM asli.eml"]["Disimpan"] < rows["HUKUM koreksi.eml"]["Disimpan"]
    assert _realisasi(kerja_terbit, "HUKUM") == harap, "the correction's values in both orders"


def _realisasi_setelah(isian: list[dict[str, Any]], pertama: Any) -> list[Any]:
    return [pertama, *(h["Realisasi"] for h in isian[1:])]


@pytest.mark.libreoffice
def test_returns_saved_by_libreoffice_are_ordered_by_their_own_saved_time(
    kerja_terbit: Path, tmp_path: Path
) -> None:
    from libreoffice import ubah

    format_ = _format(kerja_terbit, "HUKUM")
    stempel = baca_stempel(format_)
    assert stempel is not None
    isian = isian_contoh("HUKUM")

    def isi_di_libreoffice(tujuan: Path, pertama: float) -> Path:
        tujuan.parent.mkdir(parents=True)
        shutil.copy(format_, tujuan)
        ubahan = []
        for i, h in enumerate(isian):
            baris = stempel.baris_judul + 1 + i
            nilai = {"J": pertama if i == 0 else h["Realisasi"], "N": h["Realisasi Anggaran"]}
            ubahan += [
                {"sheet": SHEET_FORMAT, "cell": f"{k}{baris}", "nilai": v}
                for k, v in nilai.items()
                if v is not None
            ]
        return ubah(tujuan, ubahan)

    asli = isi_di_libreoffice(tmp_path / "asli" / "HUKUM.xlsx", isian[0]["Realisasi"])
    time.sleep(1.1)  # a saved time has whole seconds
    koreksi = isi_di_libreoffice(tmp_path / "koreksi" / "HUKUM.xlsx", 99.5)
    simpan_asli, simpan_koreksi = (
        waktu_simpan(asli.read_bytes()),
        waktu_simpan(koreksi.read_bytes()),
    )
    assert simpan_asli is not None and simpan_koreksi is not None
    assert simpan_asli < simpan_koreksi, "LibreOffice stamped each save with its time"
    harap = _realisasi_setelah(isian, 99.5)

    # one run: the correction was dropped first, the original an hour later
    satu = tmp_path / "satu"
    shutil.copytree(kerja_terbit, satu)
    jam = time.time()
    for berkas, nama, tiba in (
        (koreksi, "HUKUM_koreksi.xlsx", jam - 3600),
        (asli, "HUKUM.xlsx", jam),
    ):
        shutil.copy(berkas, satu / "masuk" / nama)
        os.utime(satu / "masuk" / nama, (tiba, tiba))
    assert _himpun(satu) == 0
    status = {r["Berkas"]: r["Status"] for r in _baris(satu)}
    assert status == {"HUKUM_koreksi.xlsx": "Diterima", "HUKUM.xlsx": "Usang"}
    assert {r["Berkas"]: r["Disimpan"] for r in _baris(satu)} == {
        "HUKUM_koreksi.xlsx": simpan_koreksi,
        "HUKUM.xlsx": simpan_asli,
    }
    assert _realisasi(satu, "HUKUM") == harap

    # two runs, the original first: the correction replaces it
    for berkas, nama in ((asli, "HUKUM.xlsx"), (koreksi, "HUKUM_koreksi.xlsx")):
        shutil.copy(berkas, kerja_terbit / "masuk" / nama)
        assert _himpun(kerja_terbit) == 0
    status = {r["Berkas"]: r["Status"] for r in _baris(kerja_terbit)}
    assert status == {"HUKUM.xlsx": "Diterima", "HUKUM_koreksi.xlsx": "Menggantikan"}
    assert _realisasi(kerja_terbit, "HUKUM") == harap


# ------------------------------------------------------------------------------ another year


def test_a_format_of_another_year_is_refused_as_tahun_salah(
    kerja_terbit: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    baru = tmp_path / "2027"
    assert main(["tahun-baru", str(baru), "--dari", str(kerja_terbit / skema.NAMA_MASTER)]) == 0
    # staff type KESRA's targets for 2027 (the new year starts without them), then issue
    wb = openpyxl.load_workbook(baru / skema.NAMA_MASTER, keep_vba=True)
    target = skema.KOLOM_INDIKATOR.index("Target") + 1
    for r in wb["KESRA"].iter_rows(min_row=2, min_col=target, max_col=target):
        r[0].value = 90
    wb.save(baru / skema.NAMA_MASTER)
    master = baru / skema.NAMA_MASTER
    assert _pyxl(master, "format", "--bagian", "KESRA", "--batas-waktu=20 Januari 2028") == 0
    # a Bagian late with last year's format, another with this year's
    _isi(kerja_terbit, "HUKUM", baru / "masuk" / "HUKUM_2026.xlsx")
    isi_format(_format(baru, "KESRA", 2027), baru / "masuk" / "KESRA.xlsx", isian_contoh("KESRA"))
    capsys.readouterr()
    assert _himpun(baru) == 0
    status = {r["Berkas"]: r for r in _baris(baru)}
    assert status["HUKUM_2026.xlsx"]["Status"] == "Ditolak"
    assert status["HUKUM_2026.xlsx"]["Catatan"].startswith("TAHUN_SALAH")
    assert status["KESRA.xlsx"]["Status"] == "Diterima"
    [pesan] = [
        r["Pesan"]
        for r in baris_sheet(baru / skema.NAMA_MASTER, skema.VALIDASI)
        if r["Berkas"] == "HUKUM_2026.xlsx"
    ]
    assert "tahun 2026" in pesan and "format tahun 2027" in pesan
    assert not [r for r in baris_sheet(baru / skema.NAMA_MASTER, "HUKUM") if r["Realisasi"]]


# ------------------------------------------------------------------------------ the buttons


def _kiriman_campuran(kerja: Path, tmp_path: Path) -> None:
    """HUKUM's return, UMUM's by e-mail, KESRA's mailed from an address typed in HUKUM's row
    (refused), and a copy of HUKUM's under another name."""
    master = kerja / skema.NAMA_MASTER
    assert _pyxl(master, "bagian", "ubah", "HUKUM", "--email", ALAMAT["KESRA"]) == 0
    hukum = _isi(kerja, "HUKUM", kerja / "masuk" / "HUKUM.xlsx")
    shutil.copy(hukum, kerja / "masuk" / "HUKUM salinan.xlsx")
    kemarin = datetime.now(UTC) - timedelta(days=1)
    umum = _isi(kerja, "UMUM", tmp_path / "UMUM.xlsx")
    _surel(kerja, "UMUM.eml", umum, ALAMAT["UMUM"], kemarin)
    kesra = _isi(kerja, "KESRA", tmp_path / "KESRA.xlsx")
    _surel(kerja, "KESRA.eml", kesra, ALAMAT["KESRA"], kemarin)


LEDGER = (skema.PENERIMAAN, skema.VALIDASI, "HUKUM", "KESRA", "UMUM")


def test_the_himpun_button_writes_the_rows_the_command_writes(
    kerja_terbit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYXL_PENGGUNA", "uji")
    _kiriman_campuran(kerja_terbit, tmp_path)
    cli = tmp_path / "cli"
    shutil.copytree(kerja_terbit, cli)
    master = kerja_terbit / skema.NAMA_MASTER

    actions = klik(master, "himpun", monkeypatch)
    assert [a["func"] for a in actions][-2:] == ["save", "alert"]
    assert "1 ditolak" in actions[-1]["args"][0] and "1 duplikat" in actions[-1]["args"][0]
    assert _himpun(cli) == 0
    sama_dengan_perintah(master, actions, cli / skema.NAMA_MASTER, LEDGER)
    assert {r["Berkas"]: r["Status"] for r in _baris(cli)} == {
        "HUKUM.xlsx": "Diterima",
        "HUKUM salinan.xlsx": "Duplikat",
        "UMUM.xlsx": "Diterima",
        "KESRA.xlsx": "Ditolak",
    }


def test_the_ulang_button_writes_the_rows_the_command_writes(
    kerja_terbit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYXL_PENGGUNA", "uji")
    _kiriman_campuran(kerja_terbit, tmp_path)
    master = kerja_terbit / skema.NAMA_MASTER
    assert _himpun(kerja_terbit) == 0
    assert _pyxl(master, "bagian", "ubah", "HUKUM", "--email", ALAMAT["HUKUM"]) == 0
    cli = tmp_path / "cli"
    shutil.copytree(kerja_terbit, cli)

    actions = klik(master, "himpun_ulang", monkeypatch)
    assert [a["func"] for a in actions][-2:] == ["save", "alert"]
    assert "1 berkas diperiksa ulang: 1 diterima" in actions[-1]["args"][0]
    assert _himpun(cli, "--ulang") == 0
    sama_dengan_perintah(master, actions, cli / skema.NAMA_MASTER, LEDGER)
    assert [r["Status"] for r in _baris(cli, "KESRA.xlsx")] == ["Ditolak", "Diterima"]
