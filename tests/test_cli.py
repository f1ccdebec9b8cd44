"""The command line: exit codes, clear Indonesian messages, nothing changed on failure."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from bantu import baris_sheet
from conftest import sidik_folder
from pyxl.cli import main
from pyxl.kontrak import skema


def test_init_writes_the_working_folder_of_the_contract(tmp_path: Path) -> None:
    folder = tmp_path / "kerja"
    assert main(["init", str(folder), "--tahun", "2027"]) == 0
    for nama in ("format", "kirim", "masuk", "dokumen", "arsip"):
        assert (folder / nama).is_dir()
    wb = openpyxl.load_workbook(folder / skema.NAMA_MASTER)
    peng = {r[0]: r[1] for r in wb[skema.PENGATURAN].iter_rows(min_row=2, values_only=True)}
    assert peng["Tahun"] == "2027"
    bagian = [r[0] for r in wb[skema.BAGIAN].iter_rows(min_row=2, values_only=True)]
    assert bagian == [
        "TAPEM",
        "KESRA",
        "HUKUM",
        "EKON",
        "ADPEM",
        "PBJ",
        "UMUM",
        "ORG",
        "PROKOPIM",
        "RENKEU",
    ]
    assert wb["HUKUM"].max_row == 1, "without --contoh the Bagian sheets have no indicators"
    assert (folder / "templates" / "lembar_disposisi.docx").exists()


def test_init_never_overwrites_a_master(master: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sebelum = sidik_folder(master.parent)
    assert main(["init", str(master.parent)]) == 1
    assert "tidak akan ditimpa" in capsys.readouterr().err
    assert sidik_folder(master.parent) == sebelum


def test_missing_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["disposisi", "--workbook", str(tmp_path / "tidak_ada.xlsm")]) == 1
    err = capsys.readouterr().err
    assert "tidak ditemukan" in err and "pyxl init" in err
    assert list(tmp_path.iterdir()) == []


def test_workbook_open_in_excel_is_left_alone(
    master: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Excel's owner file: first byte the length of the user name, then the name
    (master.parent / f"~${master.name}").write_bytes(bytes([4]) + b"Sari" + b"\x00" * 50)
    sebelum = sidik_folder(master.parent)
    assert main(["disposisi", "--workbook", str(master)]) == 1
    err = capsys.readouterr().err
    assert "sedang dibuka di Excel oleh Sari" in err
    assert sidik_folder(master.parent) == sebelum


def test_workbook_locked_by_another_run(
    master: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    kode = (
        "import sys, time; from pathlib import Path; from pyxl.berkas.kunci import kunci_folder\n"
        "with kunci_folder(Path(sys.argv[1])):\n"
        "    print('ok', flush=True); time.sleep(30)\n"
    )
    proses = subprocess.Popen(
        [sys.executable, "-c", kode, str(master.parent)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proses.stdout is not None and proses.stdout.readline().strip() == "ok"
        sebelum = sidik_folder(master.parent)
        monkeypatch.setattr("pyxl.berkas.kunci.TUNGGU_DETIK", 0.3)
        assert main(["disposisi", "--workbook", str(master)]) == 1
        assert "sedang dipakai proses pyxl lain" in capsys.readouterr().err
        assert sidik_folder(master.parent) == sebelum
    finally:
        proses.kill()
        proses.wait()
        if proses.stdout:
            proses.stdout.close()


def test_a_workbook_that_is_not_ours(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lain = tmp_path / "lain.xlsm"
    wb = openpyxl.Workbook()
    wb.active.title = "Data"
    wb.save(lain)
    sebelum = sidik_folder(tmp_path)
    assert main(["disposisi", "--workbook", str(lain)]) == 1
    err = capsys.readouterr().err
    assert "tidak memiliki sheet Kendali" in err
    assert sidik_folder(tmp_path) == sebelum


def test_not_a_workbook_at_all(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rusak = tmp_path / skema.NAMA_MASTER
    rusak.write_bytes(b"bukan zip")
    assert main(["status", "--workbook", str(rusak)]) == 1
    assert "tidak dapat dibaca" in capsys.readouterr().err
    assert rusak.read_bytes() == b"bukan zip"


def test_unknown_bagian_code(master: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sebelum = sidik_folder(master.parent)
    assert main(["status", "--workbook", str(master), "--bagian", "XYZ"]) == 1
    err = capsys.readouterr().err
    assert "Kode Bagian 'XYZ' tidak ada" in err and "HUKUM" in err
    assert sidik_folder(master.parent) == sebelum


def test_a_bad_bagian_code_in_the_sheet_names_its_cell(
    master: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wb = openpyxl.load_workbook(master, keep_vba=True)
    wb[skema.BAGIAN]["A4"] = "HUK/UM"
    wb.save(master)
    sebelum = sidik_folder(master.parent)
    assert main(["status", "--workbook", str(master)]) == 1
    assert "sel A4" in capsys.readouterr().err
    assert sidik_folder(master.parent) == sebelum


def test_a_bad_option_changes_nothing(master: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sebelum = sidik_folder(master.parent)
    assert main(["disposisi", "--workbook", str(master), "--tanggal", "31/02/2026"]) == 1
    assert "Tanggal disposisi" in capsys.readouterr().err
    assert sidik_folder(master.parent) == sebelum


def test_usage_error_exits_2() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["perintah-tidak-ada"])
    assert exc.value.code == 2


def test_status_lists_who_has_not_returned(
    master: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sebelum = sidik_folder(master.parent)
    assert main(["status", "--workbook", str(master)]) == 0
    out = capsys.readouterr().out
    assert "Belum mengirim data: TAPEM, KESRA" in out
    assert " 1. Belum" in out
    assert sidik_folder(master.parent) == sebelum, "status from the command line only reads"


def test_cek_without_a_workbook_still_checks_the_machine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cek", "--workbook", str(tmp_path / skema.NAMA_MASTER)]) == 1
    out = capsys.readouterr().out
    assert "[OK        ] xlwings: xlwings 0.37.8" in out
    assert "pyxl init FOLDER" in out


def test_cek_flags_a_vba_module_of_another_xlwings_version(
    master: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import zipfile

    from pyxl.bangun.master import modul_vba
    from pyxl.berkas.ovba import VbaModule, build_vba_project

    mods = [
        VbaModule(m.name, m.kind, m.source.replace("'Version: 0.37.8", "'Version: 0.30.0"))
        for m in modul_vba(openpyxl.load_workbook(master, read_only=True).sheetnames)
    ]
    lama = tmp_path / "lama" / skema.NAMA_MASTER
    lama.parent.mkdir()
    with zipfile.ZipFile(master) as zin, zipfile.ZipFile(lama, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "xl/vbaProject.bin":
                data = build_vba_project(mods)
            zout.writestr(item, data)
    assert main(["cek", "--workbook", str(lama)]) == 1
    err = capsys.readouterr().err
    assert "Modul VBA xlwings: versi 0.30.0, paket Python 0.37.8" in err


def test_python_m_pyxl_is_the_same_command(tmp_path: Path) -> None:
    hasil = subprocess.run(
        [sys.executable, "-m", "pyxl", "--version"], capture_output=True, text=True, check=False
    )
    assert hasil.returncode == 0 and hasil.stdout.startswith("pyxl ")


def test_demo_runs_what_exists_and_prints_where_outputs_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "demo"
    assert main(["demo", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "disposisi_2026_001.docx" in out
    assert (folder / "dokumen" / "disposisi_2026_001.docx").exists()
    assert main(["demo", str(folder)]) == 1, "demo needs an empty folder"
    # a quarterly round during the year, with evidence by folder, e-mail and zip
    master = folder / skema.NAMA_MASTER
    assert len(list((folder / "format").glob("*.xlsx"))) == 10  # the year's formats
    assert len(list((folder / "format" / "TW3").glob("*_TW3.xlsx"))) == 10
    terima = baris_sheet(master, skema.PENERIMAAN)
    tw3 = [r for r in terima if r["Periode"] == "TW III"]
    assert len(tw3) == 9 and {r["Status"] for r in tw3} == {"Diterima"}
    assert "PROKOPIM" not in {r["Kode Bagian"] for r in tw3}  # late: the report says so
    assert {r["Periode"] for r in baris_sheet(master, skema.TRIWULAN)} == {"TW III"}
    semua = baris_sheet(master, skema.DATA_DUKUNG)
    assert {r["Status"] for r in semua} == {"Diterima"}
    dukung = [r for r in semua if not r["Berkas"].endswith(".zip")]  # a zip lists its files
    # one file per indicator that needs evidence: 10 for the year, 9 for TW III (one is late)
    assert len(dukung) == 19 and all(r["Kode IKU"] for r in dukung)
    assert sum(r["Periode"] == "TW III" for r in dukung) == 9
    asal = {r["Kode Bagian"]: r["Asal"] for r in dukung if r["Periode"] == "TW III"}
    assert ".eml" in asal["EKON"] and ".zip" in asal["HUKUM"] and "TAPEM" in asal["TAPEM"]
    analisis_tw = baris_sheet(master, skema.ANALISIS_TRIWULAN)
    dengan_data = {r["Periode"] for r in analisis_tw if r["Capaian (%)"] is not None}
    assert dengan_data == {"TW III"}
    laporan = folder / "dokumen" / "Laporan_Pemantauan_TW3_2026.docx"
    assert laporan.is_file() and "Laporan_Pemantauan_TW3_2026.docx" in out
    diarsip = {p.name for p in (folder / "arsip").rglob("*") if p.is_file()}
    assert {laporan.name, "IKU-EKON-03_TW3.pdf", "Data_Dukung_2026.xlsx"} <= diarsip
    assert main(["arsip", "--periksa", "--workbook", str(master)]) == 0


def _ubah_templat(sumber: Path, tujuan: Path, lama: str, baru: str) -> None:
    import zipfile

    with zipfile.ZipFile(sumber) as zin, zipfile.ZipFile(tujuan, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "word/document.xml":
                assert lama.encode() in data
                data = data.replace(lama.encode(), baru.encode())
            zout.writestr(item, data)


@pytest.mark.parametrize(
    ("lama", "baru", "pesan"),
    [
        ("{{ kop.unit }}", "{{ kopp.unit }}", "variabel tidak dikenal: kopp"),
        ("{{ d.isi }}", "{{ d.iis }}", "tidak dapat diisi"),
        ("{{ d.isi }}", "{{ d.isi }", "tanda rusak"),
    ],
)
def test_cek_reports_a_broken_staff_edited_template(
    master: Path, capsys: pytest.CaptureFixture[str], lama: str, baru: str, pesan: str
) -> None:
    templat = master.parent / "templates" / "lembar_disposisi.docx"
    asli = master.parent / "asli.docx"
    templat.rename(asli)
    _ubah_templat(asli, templat, lama, baru)
    assert main(["cek", "--workbook", str(master)]) == 1
    err = capsys.readouterr().err
    baris = next(b for b in err.splitlines() if "Templat lembar_disposisi.docx" in b)
    assert baris.startswith("[GAGAL") or "GAGAL" in baris
    assert pesan in baris
    # and the step itself refuses with a clear message instead of writing a broken letter
    assert main(["disposisi", "--workbook", str(master)]) == 1
    assert "Templat lembar_disposisi.docx rusak" in capsys.readouterr().err
    assert not list((master.parent / "dokumen").glob("*.docx"))
