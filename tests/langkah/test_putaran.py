"""Rounds through the year: a quarterly round's formats, mails, intake and status stay apart
from the yearly round's and from each other (issue: quarterly rounds and evidence)."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from bantu import baris_sheet, tambah_baris_sheet
from pyxl.alat.simulasi import isi_format, isian_contoh
from pyxl.cli import main
from pyxl.inti.stempel import SHEET_FORMAT, baca_stempel
from pyxl.kontrak import kendali, skema

BATAS = "--batas-waktu=20 April 2026"


def _master(kerja: Path) -> str:
    return str(kerja / skema.NAMA_MASTER)


def _format(kerja: Path, kode: str, tw: int | None) -> Path:
    if tw is None:
        return kerja / "format" / f"{kode}_Format_IKU_2026.xlsx"
    return kerja / "format" / f"TW{tw}" / f"{kode}_Format_IKU_2026_TW{tw}.xlsx"


def _kembali(kerja: Path, kode: str, tw: int | None, nama: str, **ganti: Any) -> Path:
    isian = isian_contoh(kode)
    for i, nilai in ganti.items():
        isian[int(i.removeprefix("r"))] |= nilai
    return isi_format(_format(kerja, kode, tw), kerja / "masuk" / nama, isian)


def _himpun(kerja: Path, periode: str) -> int:
    return main(["himpun", "--workbook", _master(kerja), "--tanpa-imap", "--periode", periode])


def _status(kerja: Path, berkas: str) -> str:
    rows = [r for r in baris_sheet(kerja / skema.NAMA_MASTER, skema.PENERIMAAN)]
    return next(r["Status"] for r in reversed(rows) if r["Berkas"] == berkas)


def test_a_quarterly_round_has_its_own_formats_stamp_and_ledger_rows(kerja: Path) -> None:
    assert main(["format", "--workbook", _master(kerja), BATAS]) == 0
    assert main(["format", "--workbook", _master(kerja), BATAS, "--periode", "tw2"]) == 0
    tahunan = sorted(p.name for p in (kerja / "format").glob("*.xlsx"))
    assert len(tahunan) == 10 and all(n.endswith("_Format_IKU_2026.xlsx") for n in tahunan)
    tw2 = _format(kerja, "HUKUM", 2)
    st = baca_stempel(tw2)
    assert st is not None and st.periode == "TW II" and st.versi_templat == 3
    judul = openpyxl.load_workbook(tw2)[SHEET_FORMAT]["A1"].value
    assert "TRIWULAN II (APRIL–JUNI) 2026" in judul
    terbit = baris_sheet(kerja / skema.NAMA_MASTER, skema.FORMAT_TERBIT)
    assert [r["Periode"] for r in terbit].count("Tahunan") == 10
    assert [r["Periode"] for r in terbit].count("TW II") == 10
    # a quarter's issue never supersedes the year's (same content, other round)
    assert {r["Status"] for r in terbit} == {"Berlaku"}


def test_kirim_mails_the_rounds_format_and_records_its_period(kerja: Path) -> None:
    assert main(["format", "--workbook", _master(kerja), BATAS, "--periode", "TW I"]) == 0
    assert main(["kirim", "--workbook", _master(kerja), "--periode", "TW I"]) == 0
    kirim = baris_sheet(kerja / skema.NAMA_MASTER, skema.PENGIRIMAN)
    assert len(kirim) == 10 and {r["Periode"] for r in kirim} == {"TW I"}
    eml = sorted((kerja / "kirim").glob("*.eml"))[0]
    pesan = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    lampiran = [a.get_filename() for a in pesan.iter_attachments()]  # type: ignore[attr-defined]
    assert len(lampiran) == 1 and lampiran[0].endswith("_Format_IKU_2026_TW1.xlsx")
    assert "Triwulan I" in str(pesan["Subject"])
    isi = pesan.get_body(("plain",)).get_content()  # type: ignore[attr-defined]
    assert "Triwulan I (Januari–Maret) 2026" in isi and "Bukti" in isi


def test_quarterly_returns_go_to_sheet_triwulan_never_to_the_yearly_realisation(
    kerja: Path,
) -> None:
    master = kerja / skema.NAMA_MASTER
    sebelum = baris_sheet(master, "HUKUM")
    assert main(["format", "--workbook", _master(kerja), BATAS, "--periode", "TW II"]) == 0
    _kembali(kerja, "HUKUM", 2, "hukum_tw2.xlsx", r0={"Realisasi": 41, "Bukti": "sk.pdf"})
    kode = _himpun(kerja, "TW II")
    assert kode == 0
    assert _status(kerja, "hukum_tw2.xlsx") == "Diterima"
    assert baris_sheet(master, "HUKUM") == sebelum  # the yearly columns untouched
    tw = baris_sheet(master, skema.TRIWULAN)
    assert len(tw) == len(sebelum)
    pertama = tw[0]
    assert (pertama["Kode Bagian"], pertama["Kode IKU"], pertama["Periode"]) == (
        "HUKUM",
        sebelum[0]["Kode IKU"],
        "TW II",
    )
    assert pertama["Realisasi"] == 41 and pertama["Bukti"] == "sk.pdf"
    assert pertama["Berkas"] == "hukum_tw2.xlsx"
    penerimaan = baris_sheet(master, skema.PENERIMAAN)
    assert penerimaan[-1]["Periode"] == "TW II"


def test_a_quarter_row_staff_typed_in_other_case_is_updated_not_duplicated(
    kerja: Path,
) -> None:
    """Staff typed a quarter's own target on a row "hukum" / lowercase Kode IKU: step 6 fills
    that row (as step 7 finds it), never a second one that would hide the target."""
    master = kerja / skema.NAMA_MASTER
    iku = baris_sheet(master, "HUKUM")[0]["Kode IKU"]
    tambah_baris_sheet(
        master,
        skema.TRIWULAN,
        [{"Kode Bagian": " hukum", "Kode IKU": iku.lower(), "Periode": "TW II", "Target": 40}],
    )
    assert main(["format", "--workbook", _master(kerja), BATAS, "--periode", "TW II"]) == 0
    _kembali(kerja, "HUKUM", 2, "hukum_tw2.xlsx", r0={"Realisasi": 41})
    assert _himpun(kerja, "TW II") == 0
    tw = baris_sheet(master, skema.TRIWULAN)
    milik = [r for r in tw if str(r["Kode IKU"]).upper() == iku.upper()]
    assert len(milik) == 1 and len(tw) == len(baris_sheet(master, "HUKUM"))
    assert milik[0]["Kode Bagian"] == " hukum"  # the row staff typed, updated in place
    assert (milik[0]["Target"], milik[0]["Realisasi"]) == (40, 41)
    assert main(["analisis", "--workbook", _master(kerja), "--periode", "TW II"]) == 0
    analisis = baris_sheet(master, skema.ANALISIS_TRIWULAN)
    baris = next(r for r in analisis if r["Kode IKU"] == iku and r["Periode"] == "TW II")
    assert baris["Target Periode"] == 40 and "sheet Triwulan" in baris["Dasar Target"]


def test_a_tw2_return_dropped_in_the_tw3_round_is_refused_with_its_code(kerja: Path) -> None:
    master = kerja / skema.NAMA_MASTER
    for tw in ("TW II", "TW III"):
        assert main(["format", "--workbook", _master(kerja), BATAS, "--periode", tw]) == 0
    _kembali(kerja, "EKON", 3, "ekon_tw3.xlsx", r0={"Realisasi": 7})
    _kembali(kerja, "HUKUM", 2, "hukum_tw2_terlambat.xlsx", r0={"Realisasi": 5})
    assert _himpun(kerja, "TW III") == 0
    assert _status(kerja, "ekon_tw3.xlsx") == "Diterima"
    assert _status(kerja, "hukum_tw2_terlambat.xlsx") == "Ditolak"
    validasi = baris_sheet(master, skema.VALIDASI)
    salah = [r for r in validasi if r["Kode Masalah"] == "PERIODE_SALAH"]
    assert len(salah) == 1 and salah[0]["Tingkat"] == "Blokir"
    assert "TW II" in salah[0]["Pesan"] and "--periode" in salah[0]["Pesan"]
    assert {r["Periode"] for r in baris_sheet(master, skema.TRIWULAN)} == {"TW III"}
    # the message's advice works: gathered again in its own round, it is accepted
    ulang = ["himpun", "--workbook", _master(kerja), "--tanpa-imap", "--periode", "TW II"]
    assert main([*ulang, "--ulang"]) == 0
    assert _status(kerja, "hukum_tw2_terlambat.xlsx") == "Diterima"
    assert {r["Periode"] for r in baris_sheet(master, skema.TRIWULAN)} == {"TW II", "TW III"}


def test_a_quarterly_format_is_refused_in_the_yearly_round(kerja: Path) -> None:
    assert main(["format", "--workbook", _master(kerja), BATAS, "--periode", "TW IV"]) == 0
    _kembali(kerja, "ORG", 4, "org.xlsx")
    assert main(["himpun", "--workbook", _master(kerja), "--tanpa-imap"]) == 0
    assert _status(kerja, "org.xlsx") == "Ditolak"
    assert baris_sheet(kerja / skema.NAMA_MASTER, skema.TRIWULAN) == []


def test_each_round_uses_its_own_latest_return(kerja: Path) -> None:
    """A Bagian's TW I return does not make its TW II return `Menggantikan`, nor `Usang`."""
    for tw in ("TW I", "TW II"):
        assert main(["format", "--workbook", _master(kerja), BATAS, "--periode", tw]) == 0
    _kembali(kerja, "UMUM", 1, "umum_tw1.xlsx")
    assert _himpun(kerja, "TW I") == 0
    _kembali(kerja, "UMUM", 2, "umum_tw2.xlsx")
    assert _himpun(kerja, "TW II") == 0
    assert _status(kerja, "umum_tw2.xlsx") == "Diterima"


def test_the_buttons_read_the_period_from_kendali(kerja: Path) -> None:
    master = kerja / skema.NAMA_MASTER
    wb = openpyxl.load_workbook(master, keep_vba=True)
    ws = wb[skema.KENDALI]
    baris = kendali.baris_isian("Periode")
    assert ws.cell(baris, kendali.KOLOM_ISIAN_LABEL).value == "Periode"
    ws.cell(baris, kendali.KOLOM_ISIAN_NILAI).value = "Triwulan III"
    wb.save(master)
    assert main(["format", "--workbook", _master(kerja), BATAS]) == 0
    assert _format(kerja, "TAPEM", 3).is_file()
    assert not _format(kerja, "TAPEM", None).exists()


@pytest.mark.parametrize("salah", ["TW 5", "semester 1"])
def test_an_unknown_period_is_a_clear_message_and_changes_nothing(
    kerja: Path, salah: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (kerja / skema.NAMA_MASTER).read_bytes()
    assert main(["format", "--workbook", _master(kerja), BATAS, "--periode", salah]) == 1
    err = capsys.readouterr().err
    assert "tidak dikenal" in err and "TW I" in err and "Traceback" not in err
    assert (kerja / skema.NAMA_MASTER).read_bytes() == before
    assert not (kerja / "format").exists() or not list((kerja / "format").rglob("*.xlsx"))


def test_status_counts_a_rounds_returns(kerja: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["format", "--workbook", _master(kerja), BATAS, "--periode", "TW I"]) == 0
    _kembali(kerja, "PBJ", 1, "pbj.xlsx")
    assert _himpun(kerja, "TW I") == 0
    capsys.readouterr()
    assert main(["status", "--workbook", _master(kerja), "--periode", "TW I"]) == 0
    keluar = capsys.readouterr().out
    assert "putaran TW I" in keluar
    belum = next(b for b in keluar.splitlines() if b.startswith("Belum mengirim data"))
    assert "PBJ" not in belum and "HUKUM" in belum
    assert main(["status", "--workbook", _master(kerja)]) == 0
    belum = next(b for b in capsys.readouterr().out.splitlines() if b.startswith("Belum"))
    assert "PBJ" in belum  # the year's round has no return from PBJ


def test_reminders_go_to_the_bagian_late_in_the_round(kerja: Path) -> None:
    assert main(["format", "--workbook", _master(kerja), BATAS, "--periode", "TW II"]) == 0
    assert main(["kirim", "--workbook", _master(kerja), "--periode", "TW II"]) == 0
    _kembali(kerja, "HUKUM", 2, "hukum.xlsx")
    assert _himpun(kerja, "TW II") == 0
    assert main(["ingatkan", "--workbook", _master(kerja), "--periode", "TW II"]) == 0
    kirim = baris_sheet(kerja / skema.NAMA_MASTER, skema.PENGIRIMAN)
    ingat = [r for r in kirim if r["Langkah"] == 6]
    assert len(ingat) == 9 and "HUKUM" not in {r["Kode Bagian"] for r in ingat}
    assert {r["Periode"] for r in ingat} == {"TW II"}
    assert all(
        r["Perihal"].startswith("[IKU-2026][") and "Triwulan II" in r["Perihal"] for r in ingat
    )
    # the year's round has its own late list: nobody returned the yearly format
    assert main(["ingatkan", "--workbook", _master(kerja)]) == 0  # no yearly format yet
    kirim = baris_sheet(kerja / skema.NAMA_MASTER, skema.PENGIRIMAN)
    assert [r for r in kirim if r["Langkah"] == 6 and r["Periode"] == "Tahunan"] == []
