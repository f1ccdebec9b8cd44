"""Step 4 end to end: the numbered invitation, its register row, one e-mail per Kepala Bagian."""

from __future__ import annotations

import email
from datetime import date, datetime, timedelta
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from bantu import atur, baris_sheet
from conftest import sidik_folder
from libreoffice import halaman_png, konversi, soffice
from pyxl.cli import main
from pyxl.kontrak import skema
from remote import aksi, buku_remote

TANGGAL = ["--tanggal", "12 Januari 2027", "--tanggal-rapat", "18 Januari 2027"]
NOMOR_1 = "000.8.6.3/1/I.10-WK/2027"
"""The AKIP code: the meeting is about performance data, not a rapat pimpinan (000.1.5)."""
KABAG_RENKEU = "Hendri Gunawan Saleh, S.E., M.M."


# --------------------------------------------------------------------------- helpers (shared)


def teks_docx(berkas: Path) -> str:
    """Every paragraph of the body, table cells included, in document order."""
    d = docx.Document(str(berkas))
    return "\n".join(Paragraph(p, d).text for p in d.element.body.iter(qn("w:p")))


def halaman_pdf(pdf: Path) -> int:
    data = pdf.read_bytes()
    return data.count(b"/Type/Page") - data.count(b"/Type/Pages")


def ke_pdf(dok: Path, folder: Path) -> Path:
    """Convert with LibreOffice, which must succeed."""
    pdf = konversi(dok, "pdf", folder)
    assert pdf.read_bytes().startswith(b"%PDF") and halaman_pdf(pdf) >= 1
    return pdf


def ke_png(pdf: Path, keluaran: Path) -> Path:
    """Page 1 as PNG in `keluaran-uji/` for a person to look at."""
    return halaman_png(pdf, 1, keluaran / f"{pdf.stem}.png")


def baca_eml(berkas: Path) -> EmailMessage:
    msg = email.message_from_bytes(berkas.read_bytes(), policy=policy.default)
    assert isinstance(msg, EmailMessage)
    return msg


# --------------------------------------------------------------------------- tests


def test_undangan_letter_register_and_mails(
    master: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    soffice()  # the e-mailed PDF is made by LibreOffice here
    assert main(["undangan", "--workbook", str(master), *TANGGAL]) == 0
    out = capsys.readouterr().out
    assert NOMOR_1 in out and "9 email undangan" in out and "3 pejabat fungsional" in out
    dok = master.parent / "dokumen" / "undangan_rapat_1_2027.docx"
    pdf = dok.with_suffix(".pdf")
    assert pdf.is_file() and "undangan_rapat_1_2027.docx disimpan untuk arsip" in out
    teks = teks_docx(dok)
    assert f"Nomor\n:\n{NOMOR_1}\nBlambangan Umpu, 12 Januari 2027\n" in teks
    assert "Blambangan Umpu, 12 Januari 2027." not in teks
    assert "Lampiran\n:\n1 (satu) lembar" in teks and "Hal\n:\nUndangan" in teks
    assert (
        "Yth. Para Kepala Bagian dan Pejabat Fungsional di Lingkungan Sekretariat Daerah " in teks
    )
    assert "Kabupaten Way Kanan (daftar terlampir)\ndi -\nBlambangan Umpu" in teks
    assert "Hari/Tanggal\n:\nSenin, 18 Januari 2027" in teks
    assert "Waktu\n:\n09.00 WIB s.d. selesai" in teks
    assert "Tempat\n:\nRuang Rapat Sekretariat Daerah" in teks
    assert (
        "a.n. SEKRETARIS DAERAH\nASISTEN ADMINISTRASI UMUM\n"
        "u.b. KEPALA BAGIAN PERENCANAAN DAN KEUANGAN," in teks
    )
    assert f"{KABAG_RENKEU}\nPembina (IV/a)\nNIP 19771203 200301 1 005" in teks
    assert "1. Sekretaris Daerah Kabupaten Way Kanan (sebagai laporan)" in teks
    assert "2. Asisten Administrasi Umum" in teks
    # The attached list: every Kepala Bagian but the inviter, then the functional officials.
    bagian = baris_sheet(master, skema.BAGIAN)
    lain = [b for b in bagian if b["Kode"] != "RENKEU"]
    for i, b in enumerate(lain, 1):
        assert f"\n{i}\n{b['Kepala Bagian']}\nKepala {b['Nama Bagian']}\n" in teks
    assert "\n10\nDwi Puspitasari, S.E.\nPerencana Ahli Muda\n" in teks
    assert "\n12\nYuliana Safitri, S.Ak.\nAnalis Keuangan Pusat dan Daerah Ahli Pertama" in teks
    assert teks.count(KABAG_RENKEU) == 1  # signs, is not invited

    [reg] = baris_sheet(master, skema.REGISTER_SURAT)
    assert reg["No"] == 1 and reg["Nomor Surat"] == NOMOR_1 and reg["Status"] == "Terbit"
    assert reg["Tanggal"] == datetime(2027, 1, 12) and reg["Kode Klasifikasi"] == "000.8.6.3"
    assert reg["Berkas"] == dok.name and "Senin, 18 Januari 2027" in reg["Perihal"]

    kirim = baris_sheet(master, skema.PENGIRIMAN)
    assert [k["Kode Bagian"] for k in kirim] == [b["Kode"] for b in lain]
    for k, b in zip(kirim, lain, strict=True):
        assert k["Langkah"] == 4 and k["ID Format"] is None and k["Status"] == "Draf"
        assert k["Mode"] == "draf" and k["Kepada"] == f"{b['Kepala Bagian']} <{b['Email']}>"
        msg = baca_eml(master.parent / "kirim" / k["Berkas"])
        assert msg["To"].addresses[0].addr_spec == b["Email"]
        assert NOMOR_1 in msg["Subject"] and msg["Message-ID"] == k["Message-ID"]
        isi = msg.get_body(("plain",))
        assert isi is not None
        badan = isi.get_content().replace("\r\n", "\n")
        assert badan.startswith(f"Yth. {b['Kepala Bagian']}\nKepala {b['Nama Bagian']}\n")
        assert "Senin, 18 Januari 2027" in badan and "NIP 19771203 200301 1 005" in badan
        assert "a.n. SEKRETARIS DAERAH\nASISTEN ADMINISTRASI UMUM\nu.b. KEPALA" in badan
        # The invitees get the PDF, which cannot be edited by mistake; the .docx is archived.
        [lamp] = msg.iter_attachments()
        assert lamp.get_content_type() == "application/pdf"
        assert lamp.get_filename() == pdf.name and lamp.get_content() == pdf.read_bytes()
        assert lamp.get_content().startswith(b"%PDF")
    assert len(list((master.parent / "kirim").glob("*.eml"))) == 9

    # Options become the meeting of record, for step 5 and for staff.
    peng = {r["Kunci"]: r["Nilai"] for r in baris_sheet(master, skema.PENGATURAN)}
    assert peng["Tanggal Rapat"] == "18 Januari 2027" and peng["Jam Rapat"] == "09.00"
    [log] = baris_sheet(master, skema.LOG_SOP)
    assert log["Langkah"] == 4 and log["Waktu Baku"] == 30


def test_without_a_converter_the_docx_goes_with_a_note(
    master: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    kosong = tmp_path / "path-kosong"  # no soffice/libreoffice on PATH, no Word here
    kosong.mkdir()
    monkeypatch.setenv("PATH", str(kosong))
    assert main(["undangan", "--workbook", str(master), *TANGGAL]) == 0
    out = capsys.readouterr().out
    dok = master.parent / "dokumen" / "undangan_rapat_1_2027.docx"
    assert not dok.with_suffix(".pdf").exists()
    assert "PDF undangan tidak dapat dibuat" in out and f"berkas Word {dok.name}" in out
    for eml in (master.parent / "kirim").glob("*.eml"):
        msg = baca_eml(eml)
        [lamp] = msg.iter_attachments()
        assert lamp.get_filename() == dok.name and lamp.get_content() == dok.read_bytes()
        isi = msg.get_body(("plain",))
        assert isi is not None
        assert "berupa berkas Word karena PDF tidak dapat dibuat" in isi.get_content()


def test_the_docx_goes_when_the_setting_asks_for_it(master: Path) -> None:
    atur(master, skema.PENGATURAN, "Lampiran Email Undangan", {"Nilai": "docx"})
    assert main(["undangan", "--workbook", str(master), *TANGGAL]) == 0
    dok = master.parent / "dokumen" / "undangan_rapat_1_2027.docx"
    assert not dok.with_suffix(".pdf").exists()
    eml = next((master.parent / "kirim").glob("*.eml"))
    [lamp] = baca_eml(eml).iter_attachments()
    assert lamp.get_filename() == dok.name
    isi = baca_eml(eml).get_body(("plain",))
    assert isi is not None and "PDF" not in isi.get_content()


def test_a_bad_address_fails_only_that_mail(master: Path) -> None:
    atur(master, skema.BAGIAN, "HUKUM", {"Email": "hukum(at)setda"})
    atur(master, skema.BAGIAN, "EKON", {"Email": None})
    atur(master, skema.PENGATURAN, "Jam Rapat", {"Nilai": "13:30"})
    assert main(["undangan", "--workbook", str(master), *TANGGAL]) == 0
    kirim = {k["Kode Bagian"]: k for k in baris_sheet(master, skema.PENGIRIMAN)}
    assert len(kirim) == 9
    assert kirim["HUKUM"]["Status"] == "Gagal" and kirim["EKON"]["Status"] == "Gagal"
    assert "sheet Bagian sel G4" in kirim["HUKUM"]["Catatan"]
    assert "sheet Bagian sel G5" in kirim["EKON"]["Catatan"]
    assert "kosong" in kirim["EKON"]["Catatan"]
    assert all(k["Status"] == "Draf" for c, k in kirim.items() if c not in ("HUKUM", "EKON"))
    assert len(list((master.parent / "kirim").glob("*.eml"))) == 7
    dok = master.parent / "dokumen" / "undangan_rapat_1_2027.docx"
    assert "13.30 WIB s.d. selesai" in teks_docx(dok)
    assert baris_sheet(master, skema.REGISTER_SURAT)[0]["Status"] == "Terbit"


@pytest.mark.parametrize(
    ("opsi", "pesan"),
    [
        (["--tanggal", "12 Januari 2027"], "Pengaturan 'Tanggal Rapat' masih kosong"),
        ([*TANGGAL, "--jam", "25.00"], "Opsi --jam berisi '25.00'"),
        (["--tanggal-rapat", "31/02/2027"], "tidak ada di kalender"),
        (["--tanggal", "20 Januari 2027", "--tanggal-rapat", "18 Januari 2027"], "sebelum"),
    ],
)
def test_bad_input_exits_1_and_changes_nothing(
    master: Path, capsys: pytest.CaptureFixture[str], opsi: list[str], pesan: str
) -> None:
    sebelum = sidik_folder(master.parent)
    assert main(["undangan", "--workbook", str(master), *opsi]) == 1
    assert pesan in capsys.readouterr().err
    assert sidik_folder(master.parent) == sebelum


def test_a_misspelt_template_variable_cancels_the_number(
    master: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tpl = master.parent / "templates" / "undangan_rapat.docx"
    d = docx.Document(str(tpl))
    [t] = [t for t in d.element.body.iter(qn("w:t")) if t.text == "{{ u.hari_tanggal }}"]
    t.text = "{{ u.hari_tangal }}"
    d.save(str(tpl))
    assert main(["undangan", "--workbook", str(master), *TANGGAL]) == 1
    err = capsys.readouterr().err
    assert "undangan_rapat.docx rusak" in err and "'hari_tangal'" in err
    [reg] = baris_sheet(master, skema.REGISTER_SURAT)
    assert reg["Nomor Surat"] == NOMOR_1 and reg["Status"] == "Batal"
    assert not list((master.parent / "dokumen").iterdir())
    assert not list((master.parent / "kirim").iterdir())
    assert not baris_sheet(master, skema.PENGIRIMAN) and not baris_sheet(master, skema.LOG_SOP)


def test_letter_in_libreoffice_two_pages_and_png(
    master: Path, keluaran: Path, tmp_path: Path
) -> None:
    assert main(["undangan", "--workbook", str(master), *TANGGAL]) == 0
    dok = master.parent / "dokumen" / "undangan_rapat_1_2027.docx"
    pdf = ke_pdf(dok, tmp_path)
    assert halaman_pdf(pdf) == 2, "the letter fits one page, the list of invitees the second"
    ke_png(pdf, keluaran)


def _tombol(master: Path, nama: str, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    import pyxl.tombol

    monkeypatch.chdir(master.parent)
    book = buku_remote(master.resolve())
    getattr(pyxl.tombol, nama)()
    return aksi(book)


def test_button_numbers_and_writes_the_letter(
    master: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rapat = date.today() + timedelta(days=7)
    atur(master, skema.PENGATURAN, "Tanggal Rapat", {"Nilai": rapat.strftime("%d/%m/%Y")})
    actions = _tombol(master, "undangan", monkeypatch)
    sheets = openpyxl.load_workbook(master, read_only=True).sheetnames
    tulis = [a for a in actions if a["func"] == "setValues"]
    register = [a for a in tulis if sheets[a["sheet_position"]] == skema.REGISTER_SURAT]
    assert len(register) == 2  # reserved, then issued
    tahun = date.today().year
    dicadangkan, terbit = (
        dict(zip(skema.KOLOM_REGISTER, a["values"][0], strict=True)) for a in register
    )
    assert dicadangkan["Status"] == "Dicadangkan" and terbit["Status"] == "Terbit"
    assert terbit["Nomor Surat"] == f"'000.8.6.3/1/I.10-WK/{tahun}"  # ' keeps it text in Excel
    assert register[0]["start_row"] == 1  # row 2
    # The reservation is saved before the document exists, and again at the end.
    funcs = [a["func"] for a in actions]
    assert funcs.count("save") == 2
    assert actions.index(register[0]) < funcs.index("save") < actions.index(register[1])
    [alert] = [a for a in actions if a["func"] == "alert"]
    assert "info" in alert["args"] and "Undangan Nomor" in alert["args"][0]
    assert (master.parent / "dokumen" / f"undangan_rapat_1_{tahun}.docx").exists()
    assert len(list((master.parent / "kirim").glob("*.eml"))) == 9
