"""Step 1 end to end: the command and the button record the order, write the document, log."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import docx
import openpyxl
import pytest

from pyxl.cli import main
from pyxl.kontrak import kendali, skema
from remote import aksi, buku_remote


def _teks_docx(berkas: Path) -> str:
    d = docx.Document(str(berkas))
    bagian = [p.text for p in d.paragraphs]
    for t in d.tables:
        for r in t.rows:
            bagian += [c.text for c in r.cells]
    return "\n".join(bagian)


def _baris(berkas: Path, sheet: str) -> list[dict[str, object]]:
    ws = openpyxl.load_workbook(berkas)[sheet]
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:] if any(v is not None for v in r)]


def test_disposisi_records_writes_and_logs(master: Path) -> None:
    rc = main(
        [
            "disposisi",
            "--workbook",
            str(master),
            "--tanggal",
            "12 Januari 2026",
            "--kepada",
            "Kepala Subbagian Perencanaan; Rina (JFT)",
            "--sifat",
            "penting",
            "--isi",
            "Siapkan format & undangan <segera>",
        ]
    )
    assert rc == 0
    dok = master.parent / "dokumen" / "disposisi_2026_001.docx"
    teks = _teks_docx(dok)
    assert "LEMBAR DISPOSISI" in teks
    assert "12 Januari 2026" in teks
    assert "Siapkan format & undangan <segera>" in teks  # escaped by docxtpl, shown as typed
    assert "1. Kepala Subbagian Perencanaan" in teks and "2. Rina (JFT)" in teks
    assert "Penting" in teks
    assert "NIP 1977" in teks  # the Kepala Bagian's NIP from Pengaturan, formatted 8-6-1-3

    [rec] = _baris(master, skema.DISPOSISI)
    assert rec["No"] == 1 and rec["Sifat"] == "Penting"
    assert rec["Tanggal"] == datetime(2026, 1, 12)
    assert rec["Berkas"] == dok.name
    [log] = _baris(master, skema.LOG_SOP)
    assert log["Langkah"] == 1 and log["Waktu Baku"] == 10 and log["Sesuai Waktu Baku"] == "Ya"
    assert isinstance(log["Mulai"], datetime) and isinstance(log["Selesai"], datetime)
    ws = openpyxl.load_workbook(master)[skema.KENDALI]
    assert ws.cell(kendali.baris_langkah(1), kendali.KOLOM_STATUS).value == kendali.SELESAI
    assert ws.cell(kendali.baris_langkah(2), kendali.KOLOM_STATUS).value == kendali.BELUM
    # the previous workbook was backed up before the write
    assert list((master.parent / skema.FOLDER_CADANGAN).glob("*.xlsm"))


def test_second_run_gets_the_next_number_and_never_overwrites(master: Path) -> None:
    assert main(["disposisi", "--workbook", str(master)]) == 0
    pertama = (master.parent / "dokumen" / "disposisi_2026_001.docx").read_bytes()
    assert main(["disposisi", "--workbook", str(master)]) == 0
    assert (master.parent / "dokumen" / "disposisi_2026_001.docx").read_bytes() == pertama
    assert (master.parent / "dokumen" / "disposisi_2026_002.docx").exists()
    assert [r["No"] for r in _baris(master, skema.DISPOSISI)] == [1, 2]
    assert len(_baris(master, skema.LOG_SOP)) == 2


def test_a_row_typed_by_staff_is_completed(master: Path) -> None:
    wb = openpyxl.load_workbook(master, keep_vba=True)
    ws = wb[skema.DISPOSISI]
    ws["D2"] = "Kasubag Perencanaan"
    ws["E2"] = "Tolong koordinasikan"
    ws["F2"] = "Biasa"
    wb.save(master)
    assert main(["disposisi", "--workbook", str(master)]) == 0
    [rec] = _baris(master, skema.DISPOSISI)
    assert rec["Kepada"] == "Kasubag Perencanaan" and rec["Isi Disposisi"] == "Tolong koordinasikan"
    assert rec["No"] == 1 and rec["Berkas"] == "disposisi_2026_001.docx"
    assert "Tolong koordinasikan" in _teks_docx(master.parent / "dokumen" / rec["Berkas"])


def _tombol(master: Path, nama: str, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    import pyxl.tombol

    monkeypatch.chdir(master.parent)
    book = buku_remote(master.resolve())
    getattr(pyxl.tombol, nama)()
    return aksi(book)


def test_button_and_command_write_the_same_cells(
    master: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYXL_PENGGUNA", "uji")
    # the button, on the live workbook (remote engine)
    actions = _tombol(master, "disposisi", monkeypatch)
    tulis = [a for a in actions if a["func"] == "setValues"]
    sheets = openpyxl.load_workbook(master, read_only=True).sheetnames
    per_sheet = {sheets[a["sheet_position"]]: a for a in tulis}
    # Sistem: the year of the data, recorded by the master's first writing step
    assert set(per_sheet) == {skema.DISPOSISI, skema.LOG_SOP, skema.KENDALI, skema.SISTEM}
    assert [a["func"] for a in actions][-2:] == ["save", "alert"]
    dis = per_sheet[skema.DISPOSISI]
    assert (dis["start_row"], dis["start_column"]) == (1, 0)  # row 2, column A
    tombol_rec = dict(zip(skema.KOLOM_DISPOSISI, dis["values"][0], strict=True))
    assert (master.parent / "dokumen" / "disposisi_2026_001.docx").exists()

    # the command, on a copy of the same closed workbook
    (master.parent / "dokumen" / "disposisi_2026_001.docx").unlink()
    assert main(["disposisi", "--workbook", str(master)]) == 0
    [rec] = _baris(master, skema.DISPOSISI)
    for k in ("No", "Dari", "Kepada", "Isi Disposisi", "Sifat", "Nomor Agenda", "Berkas"):
        assert str(rec[k]) == str(tombol_rec[k]).lstrip("'"), k
    log = per_sheet[skema.LOG_SOP]
    assert log["start_row"] == 1 and log["values"][0][0] == 1 and log["values"][0][2] == "uji"
    ken = per_sheet[skema.KENDALI]
    assert ken["start_row"] == kendali.baris_langkah(1) - 1
    assert ken["values"][0][0] == kendali.SELESAI


def test_button_shows_a_message_box_not_a_traceback(
    master: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wb = openpyxl.load_workbook(master, keep_vba=True)
    ws = wb[skema.DISPOSISI]
    ws["D2"], ws["F2"] = "Kasubag", "Kilat"  # not a known sifat
    wb.save(master)
    actions = _tombol(master, "disposisi", monkeypatch)
    alerts = [a for a in actions if a["func"] == "alert"]
    assert len(alerts) == 1 and "Sifat 'Kilat' tidak dikenal" in alerts[0]["args"][0]
    assert "critical" in alerts[0]["args"]
    assert not [a for a in actions if a["func"] in ("setValues", "save")]
    assert not list((master.parent / "dokumen").glob("*.docx"))


def test_status_button_fills_kendali_in_one_block(
    master: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    actions = _tombol(master, "status", monkeypatch)
    tulis = [a for a in actions if a["func"] == "setValues"]
    assert len(tulis) == 1
    blok = tulis[0]
    assert blok["start_row"] == kendali.BARIS_BAGIAN_1 - 1 and blok["row_count"] == 10
    assert [r[0] for r in blok["values"]][:3] == ["TAPEM", "KESRA", "HUKUM"]


def test_cek_button_reports_in_a_message(master: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    actions = _tombol(master, "cek", monkeypatch)
    [alert] = [a for a in actions if a["func"] == "alert"]
    assert "Modul VBA xlwings: versi 0.37.8" in alert["args"][0]
    assert not [a for a in actions if a["func"] in ("setValues", "save")]


def test_a_step_over_its_standard_time_is_flagged(
    master: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import timedelta

    from pyxl.buku.xlsm import buka
    from pyxl.jalan.konteks import Konteks
    from pyxl.jalan.umpan import UmpanKonsol
    from pyxl.langkah import jalankan

    waktu = [datetime(2027, 1, 5, 8, 0)]

    def jam() -> datetime:  # every look at the clock is 7 minutes later: 14 > 10 minutes
        waktu[0] += timedelta(minutes=7)
        return waktu[0]

    with buka(master) as buku:
        jalankan("disposisi", Konteks(buku, UmpanKonsol(diam=True), pengguna="uji", jam=jam))
    [log] = _baris(master, skema.LOG_SOP)
    assert log["Sesuai Waktu Baku"] == "Tidak" and log["Durasi (menit)"] > 10
    ws = openpyxl.load_workbook(master)[skema.KENDALI]
    assert ws.cell(kendali.baris_langkah(1), kendali.KOLOM_STATUS).value == kendali.LEWAT_WAKTU
    capsys.readouterr()
    assert main(["status", "--workbook", str(master)]) == 0
    assert " 1. Melebihi waktu baku" in capsys.readouterr().out
