"""Step 13: the write-once archive with its manifests, its register, and `--periksa`."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import docx
import openpyxl
import pytest
from test_pengantar import FINAL, PDF, tulis_final

from bantu import atur, baris_sheet
from conftest import sidik_folder
from pyxl.cli import main
from pyxl.kontrak import skema

TAHUN = "2026"
IKU = UND = "000.8.6.3"  # the undangan's subject is AKIP too (Permendagri 83/2022)
LEDGER = (
    "Penerimaan_2026.xlsx",
    "Validasi_2026.xlsx",
    "Register_Surat_2026.xlsx",
    "Data_Dukung_2026.xlsx",
)
DUKUNG = 10
"""Evidence files of the sample's yearly returns: one per indicator that needs it."""
SUMBER = {  # pattern in dokumen/ -> classification folder
    "disposisi_*.docx": IKU,
    "surat_pengantar_*.docx": IKU,
    FINAL: IKU,
    PDF: IKU,
    "undangan_rapat_*.docx": UND,
    "undangan_rapat_*.pdf": UND,  # the PDF the invitation e-mail carried
    "daftar_hadir_rapat_*.docx": UND,
    "notula_rapat_*.docx": UND,
}


@pytest.fixture(scope="module")
def _demo_asli(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`pyxl demo` (steps 1–7), an approved FINAL document (our own fixture, not step 10–11)
    and its surat pengantar (step 12)."""
    folder = tmp_path_factory.mktemp("demo") / "kerja"
    assert main(["demo", str(folder), "--sampai", "7"]) == 0
    master = folder / skema.NAMA_MASTER
    tulis_final(master)
    assert main(["pengantar", "--workbook", str(master), "--tanggal", "25 Januari 2027"]) == 0
    return folder


@pytest.fixture
def demo(_demo_asli: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "kerja"
    shutil.copytree(_demo_asli, folder)
    return folder / skema.NAMA_MASTER


def arsip(master: Path, *opsi: str) -> int:
    return main(["arsip", "--workbook", str(master), *opsi])


def sumber(master: Path) -> dict[Path, str]:
    """Every source file step 13 must archive -> its classification folder."""
    dokumen = master.parent / "dokumen"
    hasil = {p: kode for pola, kode in SUMBER.items() for p in dokumen.glob(pola)}
    assert len(hasil) == len(SUMBER)
    return hasil


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def manifest(folder: Path) -> dict[str, str]:
    baris = (folder / "MANIFEST.sha256").read_text(encoding="utf-8").splitlines()
    return {b[66:]: b[:64] for b in baris if b and not b.startswith("#")}


def test_archive_copies_read_only_in_manifest_and_register(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert arsip(demo) == 0
    out = capsys.readouterr().out
    assert (
        f"Arsip arsip/{TAHUN}/: {len(SUMBER) + len(LEDGER) + DUKUNG} berkas baru diarsipkan" in out
    )
    akar = demo.parent / "arsip" / TAHUN
    register = {r["Jalur Arsip"]: r for r in baris_sheet(demo, skema.REGISTER_ARSIP)}
    assert len(register) == len(SUMBER) + len(LEDGER) + DUKUNG
    assert [r["No"] for r in register.values()] == list(range(1, len(register) + 1))
    harapan = {p.name: (kode, p.read_bytes()) for p, kode in sumber(demo).items()}
    for nama in LEDGER:
        harapan[nama] = (IKU, (akar / IKU / nama).read_bytes())
    for nama, (kode, isi) in harapan.items():
        salinan = akar / kode / nama
        assert salinan.read_bytes() == isi, nama
        assert salinan.stat().st_mode & 0o222 == 0, f"{nama} must be read-only"
        assert manifest(akar / kode)[nama] == sha(salinan)
        r = register[f"arsip/{TAHUN}/{kode}/{nama}"]
        assert (r["Berkas"], r["SHA-256"], r["Kode Klasifikasi"]) == (nama, sha(salinan), kode)
    assert register[f"arsip/{TAHUN}/{IKU}/{FINAL}"]["Keterangan"] == "Dokumen IKU versi 1 (FINAL)"
    teks = (akar / UND / "MANIFEST.sha256").read_text(encoding="utf-8")
    assert teks.startswith("# Manifest arsip pyxl. Periksa dengan: sha256sum -c MANIFEST.sha256")
    assert " oleh " in teks.splitlines()[1] and "langkah 13" in teks.splitlines()[1]
    assert (akar / UND / "MANIFEST.sha256").stat().st_mode & 0o222 == 0
    # The ledgers are plain data: the sheet's rows, text kept as text.
    wb = openpyxl.load_workbook(akar / IKU / "Penerimaan_2026.xlsx")
    [ws] = wb.worksheets
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == skema.KOLOM_PENERIMAAN_LENGKAP
    penerimaan = baris_sheet(demo, skema.PENERIMAAN)
    assert [r[2] for r in rows[1:]] == [p["SHA-256"] for p in penerimaan] and len(penerimaan) == 10
    assert rows[1][0] == penerimaan[0]["Waktu"]  # a date stays a date
    [ws] = openpyxl.load_workbook(akar / IKU / "Register_Surat_2026.xlsx").worksheets
    reg = list(ws.values)
    assert [r[2] for r in reg[1:]] == [
        r["Nomor Surat"] for r in baris_sheet(demo, skema.REGISTER_SURAT)
    ]
    log = baris_sheet(demo, skema.LOG_SOP)[-1]
    assert log["Langkah"] == 13 and log["Waktu Baku"] == 60


def test_a_second_run_changes_nothing(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert arsip(demo) == 0
    sebelum = sidik_folder(demo.parent)
    capsys.readouterr()
    assert arsip(demo) == 0
    assert (
        f"Tidak ada berkas baru: {len(SUMBER) + len(LEDGER) + DUKUNG} berkas sudah diarsipkan"
        in (capsys.readouterr().out)
    )
    assert sidik_folder(demo.parent) == sebelum  # no copy, no manifest line, no save, no log


def test_a_changed_source_gets_a_new_name_the_old_copy_stays(demo: Path) -> None:
    assert arsip(demo) == 0
    folder = demo.parent / "arsip" / TAHUN / IKU
    [asli] = (demo.parent / "dokumen").glob("disposisi_*.docx")
    lama, manifest_lama = (
        (folder / asli.name).read_bytes(),
        (folder / "MANIFEST.sha256").read_bytes(),
    )
    d = docx.Document(str(asli))
    d.add_paragraph("Catatan tambahan Kepala Bagian.")
    d.save(str(asli))
    assert arsip(demo) == 0
    baru = folder / f"{asli.stem}_2.docx"
    assert baru.read_bytes() == asli.read_bytes() != lama
    assert (folder / asli.name).read_bytes() == lama
    manifest_baru = (folder / "MANIFEST.sha256").read_bytes()
    assert manifest_baru.startswith(manifest_lama) and len(manifest_baru) > len(manifest_lama)
    assert manifest(folder)[baru.name] == sha(baru)
    r = baris_sheet(demo, skema.REGISTER_ARSIP)[-1]
    assert r["Berkas"] == asli.name and r["Jalur Arsip"].endswith(baru.name)
    assert "sudah dipakai isi lain" in r["Keterangan"]
    assert arsip(demo, "--periksa") == 0


def test_periksa_passes_then_finds_changed_missing_and_extra_files(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert arsip(demo) == 0
    capsys.readouterr()
    sebelum = sidik_folder(demo.parent)
    assert arsip(demo, "--periksa") == 0
    out = capsys.readouterr().out
    assert f"OK                arsip/{TAHUN}/{UND}/undangan_rapat_1_2027.docx" in out
    assert f"{10 + DUKUNG} berkas kiriman balik di masuk/" in out  # returns and evidence
    assert sidik_folder(demo.parent) == sebelum  # read-only: no log line, no save

    akar = demo.parent / "arsip" / TAHUN / UND
    undangan = akar / "undangan_rapat_1_2027.docx"
    os.chmod(undangan, 0o644)
    data = bytearray(undangan.read_bytes())
    data[100] ^= 1
    undangan.write_bytes(bytes(data))
    (akar / "notula_rapat_2027.docx").unlink()
    (akar / "catatan_liar.txt").write_text("tidak tercatat")
    assert arsip(demo, "--periksa") == 1
    out = capsys.readouterr().err  # a failed check is reported on stderr, exit status 1
    assert out.startswith("GAGAL: Pemeriksaan arsip arsip/: ")
    assert f"BERUBAH           arsip/{TAHUN}/{UND}/undangan_rapat_1_2027.docx (SHA-256" in out
    assert f"HILANG            arsip/{TAHUN}/{UND}/notula_rapat_2027.docx" in out
    assert f"TIDAK TERCATAT    arsip/{TAHUN}/{UND}/catatan_liar.txt" in out
    assert "1 BERUBAH" in out and "1 HILANG" in out and "1 TIDAK TERCATAT" in out


@pytest.mark.skipif(shutil.which("sha256sum") is None, reason="sha256sum tidak ada")
def test_the_manifest_checks_with_sha256sum(demo: Path) -> None:
    assert arsip(demo) == 0
    for kode in (IKU, UND):
        folder = demo.parent / "arsip" / TAHUN / kode
        cek = subprocess.run(
            ["sha256sum", "-c", "MANIFEST.sha256"], cwd=folder, capture_output=True, text=True
        )
        assert cek.returncode == 0, cek.stdout + cek.stderr
        assert cek.stdout.count(": OK") == len(manifest(folder))
    pdf = demo.parent / "arsip" / TAHUN / IKU / PDF
    os.chmod(pdf, 0o644)
    pdf.write_bytes(pdf.read_bytes() + b"%")
    cek = subprocess.run(
        ["sha256sum", "-c", "MANIFEST.sha256"], cwd=pdf.parent, capture_output=True, text=True
    )
    assert cek.returncode == 1 and f"{PDF}: FAILED" in cek.stdout


def test_lost_register_rows_are_recorded_again(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert arsip(demo) == 0
    wb = openpyxl.load_workbook(demo, keep_vba=True)
    wb[skema.REGISTER_ARSIP].delete_rows(2, 100)  # as if the save after copying had failed
    wb.save(demo)
    berkas = sidik_folder(demo.parent / "arsip")
    capsys.readouterr()
    assert arsip(demo, "--periksa") == 1
    assert f"BELUM DI REGISTER arsip/{TAHUN}/{IKU}/{FINAL}" in capsys.readouterr().err
    assert arsip(demo) == 0
    rows = baris_sheet(demo, skema.REGISTER_ARSIP)
    assert len(rows) == len(SUMBER) + len(LEDGER) + DUKUNG
    assert all(r["Keterangan"].startswith("dicatat dari manifest") for r in rows)
    assert sidik_folder(demo.parent / "arsip") == berkas  # nothing copied again
    assert arsip(demo, "--periksa") == 0


def test_a_final_changed_after_approval(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    final = demo.parent / "dokumen" / FINAL
    asli = final.read_bytes()
    final.write_bytes(asli + b"\0")
    sebelum = sidik_folder(demo.parent)
    assert arsip(demo) == 1  # never archived as if it were the approved document
    assert f"dokumen/{FINAL} berubah setelah disetujui" in capsys.readouterr().err
    assert sidik_folder(demo.parent) == sebelum
    final.write_bytes(asli)
    assert arsip(demo) == 0
    final.write_bytes(asli + b"\0")  # changed after it was archived: the archive keeps it
    assert arsip(demo) == 0
    assert "Arsip tetap menyimpan versi yang disetujui" in capsys.readouterr().out
    assert (demo.parent / "arsip" / TAHUN / IKU / FINAL).read_bytes() == asli


def test_archive_folder_outside_the_working_folder_is_refused(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    atur(demo, skema.PENGATURAN, "Folder Arsip", {"Nilai": "../luar"})
    sebelum = sidik_folder(demo.parent)
    assert arsip(demo) == 1
    assert "Pengaturan 'Folder Arsip' berisi '../luar'" in capsys.readouterr().err
    assert sidik_folder(demo.parent) == sebelum and not (demo.parent.parent / "luar").exists()


def test_without_a_final_document_the_letters_are_archived(
    master: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["disposisi", "--workbook", str(master), "--tanggal", "5 Januari 2027"]) == 0
    capsys.readouterr()
    assert arsip(master) == 0
    out = capsys.readouterr().out
    assert "Belum ada Dokumen IKU FINAL (langkah 10–11): belum diarsipkan." in out
    [disposisi] = (master.parent / "dokumen").glob("disposisi_*.docx")
    salinan = master.parent / "arsip" / TAHUN / IKU / disposisi.name
    assert salinan.read_bytes() == disposisi.read_bytes()
