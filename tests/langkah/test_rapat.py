"""Step 5: the daftar hadir and the notula skeleton of the meeting step 4 announced."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from test_undangan import (
    KABAG_RENKEU,
    TANGGAL,
    halaman_pdf,
    ke_pdf,
    ke_png,
    teks_docx,
)

from bantu import atur, baris_sheet
from conftest import sidik_folder
from pyxl.cli import main
from pyxl.kontrak import skema

NOTULIS = "Eka Septiani Wulandari, S.E., M.Si."


@pytest.fixture
def diundang(master: Path) -> Path:
    """The sample working folder after step 4 (meeting on Senin, 18 Januari 2027)."""
    assert main(["undangan", "--workbook", str(master), *TANGGAL]) == 0
    return master


def test_rapat_writes_attendance_list_and_minutes(
    diundang: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["rapat", "--workbook", str(diundang)]) == 0
    assert "dokumen/daftar_hadir_rapat_2027.docx" in capsys.readouterr().out
    dokumen = diundang.parent / "dokumen"
    bagian = [b for b in baris_sheet(diundang, skema.BAGIAN) if b["Kode"] != "RENKEU"]

    hadir = teks_docx(dokumen / "daftar_hadir_rapat_2027.docx")
    assert "DAFTAR HADIR" in hadir
    for label, nilai in [
        ("Hari/Tanggal", "Senin, 18 Januari 2027"),
        ("Waktu", "09.00 WIB s.d. selesai"),
        ("Tempat", "Ruang Rapat Sekretariat Daerah"),
        ("Acara", "Pembahasan Data dan Informasi Kinerja Sekretariat Daerah"),
    ]:
        assert f"{label}\n:\n{nilai}" in hadir
    assert "No\nNama\nJabatan\nTanda Tangan" in hadir
    assert (
        f"\n1\n{KABAG_RENKEU}\nKepala Bagian Perencanaan dan Keuangan (Pimpinan Rapat)\n" in hadir
    )
    for i, b in enumerate(bagian, 2):
        assert f"\n{i}\n{b['Kepala Bagian']}\nKepala {b['Nama Bagian']}\n" in hadir
    assert f"\n14\n{NOTULIS}\nKepala Subbagian Perencanaan (Notulis)\n" in hadir
    # Signature lines alternate left and right; five blank rows for unlisted attendees.
    d = docx.Document(str(dokumen / "daftar_hadir_rapat_2027.docx"))
    [tabel] = [t for t in d.tables if t.rows[0].cells[0].text == "No"]
    ttd = [r.cells[3].text for r in tabel.rows[1:]]
    assert len(ttd) == 14 + 5 and ttd[0] == "1. ........\t" and ttd[1] == "\t2. ........"
    assert ttd[-1] == "19. ........\t" and [r.cells[1].text for r in tabel.rows[-5:]] == [""] * 5
    assert tabel.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None

    notula = teks_docx(dokumen / "notula_rapat_2027.docx")
    assert "NOTULA RAPAT" in notula and "Hari/Tanggal\n:\nSenin, 18 Januari 2027" in notula
    assert "Undangan Nomor 000.8.6.3/1/I.10-WK/2027 tanggal 12 Januari 2027" in notula
    assert f"Pimpinan Rapat\n:\n{KABAG_RENKEU} (Kepala Bagian Perencanaan dan Keuangan)" in notula
    assert "12 orang undangan (daftar hadir terlampir)" in notula
    for i, b in enumerate(bagian, 1):
        assert f"{i}. {b['Kepala Bagian']} (Kepala {b['Nama Bagian']})" in notula
    for judul in ("I. Pembukaan", "II. Pembahasan", "III. Kesimpulan / Tindak Lanjut"):
        assert f"\n{judul}\n1.\t\n2.\t\n3.\t\n" in notula
    assert "Blambangan Umpu, 18 Januari 2027\nPimpinan Rapat," in notula
    assert f"{NOTULIS}\nPenata (III/c)\nNIP 19870923 201503 2 001" in notula
    assert f"{KABAG_RENKEU}\nPembina (IV/a)\nNIP 19771203 200301 1 005" in notula
    assert [r["Langkah"] for r in baris_sheet(diundang, skema.LOG_SOP)] == [4, 5]


def test_a_second_run_never_overwrites(diundang: Path) -> None:
    assert main(["rapat", "--workbook", str(diundang)]) == 0
    dokumen = diundang.parent / "dokumen"
    pertama = (dokumen / "notula_rapat_2027.docx").read_bytes()
    assert main(["rapat", "--workbook", str(diundang)]) == 0
    assert (dokumen / "notula_rapat_2027.docx").read_bytes() == pertama
    assert (dokumen / "daftar_hadir_rapat_2027_2.docx").exists()
    assert (dokumen / "notula_rapat_2027_2.docx").exists()


def test_without_a_meeting_date_nothing_changes(
    master: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sebelum = sidik_folder(master.parent)
    assert main(["rapat", "--workbook", str(master)]) == 1
    err = capsys.readouterr().err
    assert "'Tanggal Rapat' masih kosong (sheet Pengaturan sel B" in err
    assert "langkah 4 (pyxl undangan)" in err
    assert sidik_folder(master.parent) == sebelum


def test_meeting_from_settings_without_step_4(master: Path) -> None:
    """An invitation made by hand: the papers come from the settings alone."""
    atur(master, skema.PENGATURAN, "Tanggal Rapat", {"Nilai": "2027-02-01 00:00:00"})
    atur(master, skema.PENGATURAN, "Kepala Subbagian Perencanaan", {"Nilai": None})
    assert main(["rapat", "--workbook", str(master)]) == 0
    notula = teks_docx(master.parent / "dokumen" / "notula_rapat_2027.docx")
    assert "Senin, 1 Februari 2027" in notula and "Dasar\n:\n-" in notula
    assert "." * 30 + "\nPenata (III/c)" in notula  # the minute-taker's name by hand


def test_a_broken_template_writes_neither_paper(
    diundang: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tpl = diundang.parent / "templates" / "notula_rapat.docx"
    d = docx.Document(str(tpl))
    [t] = [t for t in d.element.body.iter(qn("w:t")) if t.text == "{{ r.acara }}"]
    t.text = "{{ r.agenda }}"
    d.save(str(tpl))
    sebelum = sidik_folder(diundang.parent)
    assert main(["rapat", "--workbook", str(diundang)]) == 1
    assert "notula_rapat.docx rusak" in capsys.readouterr().err
    assert sidik_folder(diundang.parent) == sebelum


@pytest.mark.parametrize("nama", ["daftar_hadir_rapat_2027.docx", "notula_rapat_2027.docx"])
def test_papers_in_libreoffice_and_png(
    diundang: Path, keluaran: Path, tmp_path: Path, nama: str
) -> None:
    assert main(["rapat", "--workbook", str(diundang)]) == 0
    pdf = ke_pdf(diundang.parent / "dokumen" / nama, tmp_path)
    assert halaman_pdf(pdf) == 2  # 12 invitees: the table (notes) runs onto a second page
    ke_png(pdf, keluaran)
