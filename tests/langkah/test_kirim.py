"""Step 3 end to end: one mail per Bagian with its format, as drafts or through real SMTP."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from conftest import sidik_folder
from pyxl.cli import main
from pyxl.kontrak import skema
from remote import aksi, buku_remote
from smtp_uji import baca_eml, jalankan_server, lampiran_dari, port_bebas, sertifikat

KODE = ["TAPEM", "KESRA", "HUKUM", "EKON", "ADPEM", "PBJ", "UMUM", "ORG", "PROKOPIM", "RENKEU"]
# the SMTP fixtures of test_surel, used here by name
__all__ = ["jalankan_server", "sertifikat"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _baris(berkas: Path, sheet: str) -> list[dict[str, Any]]:
    ws = openpyxl.load_workbook(berkas)[sheet]
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:] if any(v is not None for v in r)]


def terbitkan(master: Path, kode: list[str] = KODE) -> dict[str, str]:
    """What step 2 leaves behind: a small .xlsx per Bagian and its `Format Terbit` row.

    KESRA also gets an older format, now `Diganti`, that must not be sent."""
    wb = openpyxl.load_workbook(master, keep_vba=True)
    ws = wb[skema.FORMAT_TERBIT]
    ids: dict[str, str] = {}
    rows: list[list[Any]] = []
    for k in kode:
        f = openpyxl.Workbook()
        f.active["A1"] = f"Format IKU {k} {uuid.uuid4()}"  # type: ignore[index]
        berkas = master.parent / skema.FOLDER_FORMAT / f"{k}_Format_IKU_2026.xlsx"
        f.save(berkas)
        if k == "KESRA":
            rows.append(["lama-kesra", k, 2026, datetime(2026, 1, 2), berkas.name, "Diganti"])
        ids[k] = f"{k}-2026-{uuid.uuid4().hex[:12]}"
        rows.append([ids[k], k, 2026, datetime(2026, 1, 5, 9), berkas.name, "Berlaku"])
    for i, (id_f, k, th, waktu, nama, status) in enumerate(rows, 1):
        nilai = [i, id_f, k, th, waktu, nama, "1.0", "ab" * 32, status]
        for j, v in enumerate(nilai, 1):
            ws.cell(i + 1, j, v)
    wb.save(master)
    return ids


def atur(master: Path, sheet: str, nilai: dict[str, Any]) -> None:
    """Set `Pengaturan` values (by key) or `Bagian` cells (by cell name)."""
    wb = openpyxl.load_workbook(master, keep_vba=True)
    ws = wb[sheet]
    if sheet == skema.PENGATURAN:
        baris = {r[0].value: r[0].row for r in ws.iter_rows(min_col=1, max_col=1) if r[0].value}
        for k, v in nilai.items():
            ws.cell(baris[k], 2, v)
    else:
        for sel, v in nilai.items():
            ws[sel] = v
    wb.save(master)


def periksa_surat(msg: Any, kode: str, id_f: str, master: Path) -> None:
    assert msg["Subject"] == f"[IKU-2026][{kode}] Format Pengumpulan Data Kinerja"
    assert msg["X-Pyxl-Format-Id"] == id_f
    [ke] = msg["To"].addresses
    assert ke.addr_spec == f"{kode.lower()}@setda.waykanan.example"
    assert msg["From"].addresses[0].addr_spec == "renkeu@setda.waykanan.example"
    format_ = master.parent / "format" / f"{kode}_Format_IKU_2026.xlsx"
    assert lampiran_dari(msg) == {format_.name: (XLSX, format_.read_bytes())}
    isi = msg.get_body(("plain",)).get_content()
    assert isi.startswith("Yth. Kepala Bagian ")
    for teks in (
        "31 Januari 2027",
        "sel berwarna kuning",
        ".xlsx",
        "membalas email ini",
        "Eka Septiani Wulandari",  # Narahubung
        "Hendri Gunawan Saleh, S.E., M.M.",  # the Kepala Bagian Perencanaan dan Keuangan
        "NIP 19771203 200301 1 005",
        f"ID Format: {id_f}",
    ):
        assert teks in isi, teks


def test_drafts_one_per_bagian_with_its_format(master: Path) -> None:
    ids = terbitkan(master)
    assert main(["kirim", "--workbook", str(master)]) == 0
    eml = sorted((master.parent / "kirim").glob("*.eml"))
    assert len(eml) == 10
    rows = _baris(master, skema.PENGIRIMAN)
    assert len(rows) == 10
    per_berkas = {r["Berkas"]: r for r in rows}
    assert set(per_berkas) == {p.name for p in eml}
    for p in eml:
        msg = baca_eml(p.read_bytes())
        r = per_berkas[p.name]
        kode = r["Kode Bagian"]
        assert msg["X-Unsent"] == "1"
        assert msg["X-Pyxl-Format-Id"] == r["ID Format"] == ids[kode]  # never the Diganti one
        assert msg["Message-ID"] == r["Message-ID"]
        assert (r["Langkah"], r["Mode"], r["Status"]) == (3, "draf", "Draf")
        assert r["Perihal"] == msg["Subject"] and isinstance(r["Waktu"], datetime)
        periksa_surat(msg, kode, ids[kode], master)
    assert [r["Kode Bagian"] for r in rows] == KODE
    [log] = _baris(master, skema.LOG_SOP)
    assert log["Langkah"] == 3 and "10 draf email" in log["Hasil"]


def test_smtp_sends_ten_and_bad_cells_fail_alone(
    master: Path,
    jalankan_server: Any,
    sertifikat: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    srv = jalankan_server("starttls")
    ids = terbitkan(master)
    atur(master, skema.PENGATURAN, {"SMTP Host": "127.0.0.1", "SMTP Port": srv.port})
    monkeypatch.setenv("SSL_CERT_FILE", str(sertifikat[0]))  # trust the throwaway certificate
    assert main(["kirim", "--workbook", str(master), "--mode", "smtp"]) == 0
    pesan = {m["X-Pyxl-Format-Id"]: m for m in srv.penampung.pesan()}
    assert set(pesan) == set(ids.values())
    for kode, id_f in ids.items():
        periksa_surat(pesan[id_f], kode, id_f, master)
    rows = _baris(master, skema.PENGIRIMAN)
    assert [(r["Status"], r["Mode"], r["Berkas"]) for r in rows] == [
        ("Terkirim", "smtp", None)
    ] * 10
    assert {r["Message-ID"] for r in rows} == {m["Message-ID"] for m in pesan.values()}
    assert not list((master.parent / "kirim").iterdir())

    # KESRA (row 3) without e-mail, HUKUM (row 4) trying to add a Bcc: only those two fail
    atur(master, skema.BAGIAN, {"G3": None, "G4": "a@b.example\r\nBcc: x@evil.example"})
    srv.penampung.amplop.clear()
    assert main(["kirim", "--workbook", str(master), "--mode", "smtp"]) == 0
    diterima = sorted(m["X-Pyxl-Format-Id"] for m in srv.penampung.pesan())
    assert diterima == sorted(v for k, v in ids.items() if k not in ("KESRA", "HUKUM"))
    assert all(e.rcpt_tos != ["x@evil.example"] for e in srv.penampung.amplop)
    baru = _baris(master, skema.PENGIRIMAN)[10:]
    gagal = {r["Kode Bagian"]: r for r in baru if r["Status"] == "Gagal"}
    assert set(gagal) == {"KESRA", "HUKUM"} and len(baru) == 10
    assert gagal["KESRA"]["Catatan"].startswith("sheet Bagian sel G3: alamat email")
    assert "kosong" in gagal["KESRA"]["Catatan"]
    assert gagal["HUKUM"]["Catatan"].startswith("sheet Bagian sel G4:")
    assert "baris baru" in gagal["HUKUM"]["Catatan"]
    assert "\n" not in gagal["HUKUM"]["Kepada"] and "Bcc" in gagal["HUKUM"]["Kepada"]
    assert not gagal["HUKUM"]["Message-ID"]
    log = _baris(master, skema.LOG_SOP)[-1]["Hasil"]
    assert "8 email format terkirim" in log and "sheet Bagian sel G4" in log


def test_smtp_failing_midway_records_what_went_out(
    master: Path,
    jalankan_server: Any,
    sertifikat: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    srv = jalankan_server("starttls")
    srv.penampung.batas = 3  # the server gives up after three mails
    terbitkan(master)
    atur(
        master,
        skema.PENGATURAN,
        {"SMTP Host": "127.0.0.1", "SMTP Port": srv.port, "Mode Email": "smtp"},
    )
    monkeypatch.setenv("SSL_CERT_FILE", str(sertifikat[0]))
    assert main(["kirim", "--workbook", str(master)]) == 0  # what went out must be recorded
    rows = _baris(master, skema.PENGIRIMAN)
    assert [r["Status"] for r in rows] == ["Terkirim"] * 3 + ["Gagal"] * 7
    assert [r["Message-ID"] for r in rows[:3]] == [m["Message-ID"] for m in srv.penampung.pesan()]
    assert "421" in rows[3]["Catatan"] and "server SMTP 127.0.0.1" in rows[3]["Catatan"]
    assert all(r["Catatan"].startswith("tidak dicoba: ") for r in rows[4:])
    assert "3 email format terkirim" in _baris(master, skema.LOG_SOP)[-1]["Hasil"]


def test_bagian_without_format_is_reported_others_sent(master: Path) -> None:
    terbitkan(master, [k for k in KODE if k != "ORG"])
    assert main(["kirim", "--workbook", str(master)]) == 0
    assert len(list((master.parent / "kirim").glob("*.eml"))) == 9
    rows = _baris(master, skema.PENGIRIMAN)
    assert "ORG" not in {r["Kode Bagian"] for r in rows} and len(rows) == 9
    [log] = _baris(master, skema.LOG_SOP)
    assert "ORG: format 2026 belum ada, jalankan langkah 2 dahulu" in log["Hasil"]


def test_one_bagian_only(master: Path) -> None:
    ids = terbitkan(master)
    assert main(["kirim", "--workbook", str(master), "--bagian", "pbj"]) == 0
    [eml] = (master.parent / "kirim").glob("*.eml")
    assert re.fullmatch(r"\d{8}-\d{6}_IKU-2026-PBJ_[0-9a-f]{8}\.eml", eml.name)
    assert baca_eml(eml.read_bytes())["X-Pyxl-Format-Id"] == ids["PBJ"]


def test_unknown_bagian_changes_nothing(master: Path, capsys: pytest.CaptureFixture[str]) -> None:
    terbitkan(master)
    sebelum = sidik_folder(master.parent)
    assert main(["kirim", "--workbook", str(master), "--bagian", "XYZ"]) == 1
    assert "Kode Bagian 'XYZ' tidak ada" in capsys.readouterr().err
    assert sidik_folder(master.parent) == sebelum


def test_unreachable_server_changes_nothing(
    master: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    terbitkan(master)
    port = port_bebas()
    atur(
        master,
        skema.PENGATURAN,
        {"SMTP Host": "127.0.0.1", "SMTP Port": port, "Mode Email": "smtp"},
    )
    sebelum = sidik_folder(master.parent)
    assert main(["kirim", "--workbook", str(master)]) == 1
    assert f"server SMTP 127.0.0.1:{port}" in capsys.readouterr().err
    assert sidik_folder(master.parent) == sebelum


def test_button_writes_the_pengiriman_rows_in_one_block(
    master: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyxl.tombol

    ids = terbitkan(master)
    # RENKEU (row 11): a bad address; PROKOPIM (row 10): a line break in the Kepala's name
    atur(
        master,
        skema.BAGIAN,
        {"G11": "renkeu@@setda.waykanan.example", "D10": "Rizal\r\nBcc: x@evil.example"},
    )
    monkeypatch.chdir(master.parent)
    book = buku_remote(master.resolve())
    pyxl.tombol.kirim()
    actions = aksi(book)
    sheets = openpyxl.load_workbook(master, read_only=True).sheetnames
    blok = [
        a
        for a in actions
        if a["func"] == "setValues" and sheets[a["sheet_position"]] == skema.PENGIRIMAN
    ]
    assert len(blok) == 1
    [b] = blok
    assert (b["start_row"], b["start_column"], b["row_count"]) == (1, 0, 10)
    rows = [dict(zip(skema.KOLOM_PENGIRIMAN, v, strict=True)) for v in b["values"]]
    assert [r["Kode Bagian"] for r in rows] == KODE
    assert [r["Status"] for r in rows] == ["Draf"] * 8 + ["Gagal"] * 2
    assert rows[-1]["Catatan"].startswith("sheet Bagian sel G11: 'renkeu@@setda")
    assert rows[-2]["Catatan"].startswith("sheet Bagian sel D10: teks 'Rizal\\r\\nBcc")
    eml = {p.name for p in (master.parent / "kirim").glob("*.eml")}
    assert eml == {r["Berkas"].lstrip("'") for r in rows[:8]}  # "'" keeps a number-like text
    assert [r["ID Format"] for r in rows] == [ids[k] for k in KODE]
    assert [a["func"] for a in actions][-2:] == ["save", "alert"]
    assert "8 draf email" in actions[-1]["args"][0] and "sel D10" in actions[-1]["args"][0]
