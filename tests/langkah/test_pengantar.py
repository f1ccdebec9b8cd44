"""Step 12: the numbered surat pengantar for the approved Dokumen IKU, and its e-mail."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from test_undangan import (
    TANGGAL,
    baca_eml,
    halaman_pdf,
    ke_pdf,
    ke_png,
    teks_docx,
)

from bantu import atur, baris_sheet
from conftest import sidik_folder
from pyxl.cli import main
from pyxl.kontrak import skema
from smtp_uji import lampiran_dari

FINAL = "Dokumen_IKU_2026_v1.docx"
PDF = "Dokumen_IKU_2026_v1.pdf"
TUJUAN_EMAIL = "tu.bupati@waykanan.example"
IKU = "Dokumen Indikator Kinerja Utama (IKU) Sekretariat Daerah Kabupaten Way Kanan Tahun 2026"
PDF_KECIL = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def tulis_final(
    master: Path, *, pdf: bool = True, status: str = "FINAL", nama: str = FINAL
) -> Path:
    """A small .docx standing for the approved Dokumen IKU in `dokumen/`, and its `Dokumen`
    row as steps 10–11 record it (Status, real SHA-256, approval time, PDF)."""
    dokumen = master.parent / "dokumen"
    d = docx.Document()
    d.add_paragraph("DOKUMEN INDIKATOR KINERJA UTAMA (IKU) TAHUN 2026")
    d.add_paragraph("Disetujui Sekretaris Daerah.")
    d.save(str(dokumen / nama))
    if pdf:
        (dokumen / PDF).write_bytes(PDF_KECIL)
    wb = openpyxl.load_workbook(master, keep_vba=True)
    ws = wb[skema.DOKUMEN]
    rec: dict[str, Any] = {
        "Versi": ws.max_row,
        "Waktu": datetime(2027, 1, 20, 10, 0),
        "Berkas": nama,
        "Status": status,
        "SHA-256": hashlib.sha256((dokumen / nama).read_bytes()).hexdigest(),
        "Sidik Data": "0" * 64,
        "Disetujui Oleh": "Drs. Zulkarnain Yusuf Harahap, M.M." if status == "FINAL" else None,
        "Waktu Persetujuan": datetime(2027, 1, 21, 9, 0) if status == "FINAL" else None,
        "PDF": PDF if pdf else None,
    }
    ws.append([rec.get(k) for k in skema.KOLOM_DOKUMEN])
    wb.save(master)
    return dokumen / nama


def pengantar(master: Path, *opsi: str) -> int:
    return main(["pengantar", "--workbook", str(master), "--tanggal", "25 Januari 2027", *opsi])


def test_letter_numbered_after_the_invitation_with_mail(
    master: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    atur(master, skema.PENGATURAN, "Email Tujuan Pengantar", {"Nilai": TUJUAN_EMAIL})
    final = tulis_final(master)
    assert main(["undangan", "--workbook", str(master), *TANGGAL]) == 0
    capsys.readouterr()
    assert pengantar(master) == 0
    nomor = "000.8.6.3/2/I.10-WK/2027"
    out = capsys.readouterr().out
    assert f"Nomor {nomor}" in out and "dokumen/surat_pengantar_2_2027.docx" in out
    assert f"Email ke {TUJUAN_EMAIL} dibuat sebagai draf" in out

    dok = master.parent / "dokumen" / "surat_pengantar_2_2027.docx"
    teks = teks_docx(dok)
    assert "PEMERINTAH KABUPATEN WAY KANAN\nSEKRETARIAT DAERAH\n" in teks
    assert (
        "Blambangan Umpu, 25 Januari 2027\n\nYth. Bupati Way Kanan\ndi -\nBlambangan Umpu" in teks
    )
    assert f"SURAT PENGANTAR\nNomor {nomor}\n" in teks
    assert (
        "No\nNaskah Dinas yang Dikirimkan\nBanyaknya\nKeterangan\n"
        f"1\n{IKU}\n1 (satu) berkas\n"
        "Disampaikan dengan hormat untuk dipergunakan sebagaimana mestinya\n"
        f"2\n{IKU} (berkas PDF)\n1 (satu) berkas\nSalinan elektronik naskah nomor 1\n"
    ) in teks
    for label in ("Diterima tanggal", "Tanda tangan", "Nama", "NIP"):
        assert f"{label}\t: ....." in teks, label
    assert "Penerima," in teks
    assert (
        "SEKRETARIS DAERAH\nKABUPATEN WAY KANAN,\n\n\n\n\nDrs. Zulkarnain Yusuf Harahap, M.M."
    ) in teks
    # Permendagri 1/2023 Pasal 44(3): the Sekda signs without NIP and pangkat.
    assert teks.rstrip().endswith("Drs. Zulkarnain Yusuf Harahap, M.M.")
    assert "19690511" not in teks and "Pembina Utama Muda" not in teks
    assert "{" not in teks and "}" not in teks

    register = baris_sheet(master, skema.REGISTER_SURAT)
    assert [(r["No"], r["Nomor Surat"], r["Status"]) for r in register] == [
        (1, "000.8.6.3/1/I.10-WK/2027", "Terbit"),
        (2, nomor, "Terbit"),
    ]
    reg = register[1]
    assert reg["Kode Klasifikasi"] == "000.8.6.3" and reg["Tanggal"] == datetime(2027, 1, 25)
    assert reg["Tujuan"] == "Bupati Way Kanan di Blambangan Umpu" and reg["Berkas"] == dok.name
    assert reg["Perihal"] == f"Pengantar {IKU}"

    kirim = [k for k in baris_sheet(master, skema.PENGIRIMAN) if k["Langkah"] == 12]
    [k] = kirim
    assert (k["Status"], k["Mode"]) == ("Draf", "draf")
    assert k["Kepada"] == f"Bupati Way Kanan <{TUJUAN_EMAIL}>"
    msg = baca_eml(master.parent / "kirim" / k["Berkas"])
    assert msg["To"].addresses[0].addr_spec == TUJUAN_EMAIL and msg["X-Unsent"] == "1"
    assert nomor in msg["Subject"] and msg["Message-ID"] == k["Message-ID"]
    lampiran = lampiran_dari(msg)
    assert list(lampiran) == [dok.name, FINAL, PDF]
    assert lampiran[dok.name][1] == dok.read_bytes()
    assert lampiran[FINAL][1] == final.read_bytes()
    assert lampiran[PDF] == ("application/pdf", PDF_KECIL)
    isi = msg.get_body(("plain",))
    assert isi is not None
    badan = isi.get_content().replace("\r\n", "\n")
    assert badan.startswith("Yth. Bupati Way Kanan\ndi Blambangan Umpu\n")
    assert f"Surat Pengantar Nomor {nomor} tanggal 25 Januari 2027" in badan
    assert badan.rstrip().endswith("Drs. Zulkarnain Yusuf Harahap, M.M.")
    assert "19690511" not in badan

    log = baris_sheet(master, skema.LOG_SOP)[-1]
    assert log["Langkah"] == 12 and log["Waktu Baku"] == 15 and nomor in log["Hasil"]


def test_without_address_no_mail_one_page_in_libreoffice(
    master: Path, capsys: pytest.CaptureFixture[str], keluaran: Path, tmp_path: Path
) -> None:
    tulis_final(master, pdf=False)
    assert pengantar(master, "--kepada", "Inspektur Kabupaten Way Kanan") == 0
    out = capsys.readouterr().out
    assert "'Email Tujuan Pengantar' kosong: tidak ada email" in out
    assert not list((master.parent / "kirim").iterdir())
    assert not baris_sheet(master, skema.PENGIRIMAN)
    dok = master.parent / "dokumen" / "surat_pengantar_1_2027.docx"
    teks = teks_docx(dok)
    assert "Yth. Inspektur Kabupaten Way Kanan\n" in teks and "berkas PDF" not in teks
    assert f"1\n{IKU}\n1 (satu) berkas\n" in teks
    [reg] = baris_sheet(master, skema.REGISTER_SURAT)
    assert reg["Nomor Surat"] == "000.8.6.3/1/I.10-WK/2027"
    pdf = ke_pdf(dok, tmp_path)
    assert halaman_pdf(pdf) == 1, "a surat pengantar fits one page"
    ke_png(pdf, keluaran)


def _ubah(final: Path) -> None:
    d = docx.Document(str(final))
    d.add_paragraph("Angka diubah setelah ditandatangani.")
    d.save(str(final))


@pytest.mark.parametrize(
    ("rusak", "pesan"),
    [
        (_ubah, f"Dokumen IKU final dokumen/{FINAL} berubah setelah disetujui"),
        (Path.unlink, f"Dokumen IKU final dokumen/{FINAL} (sheet Dokumen baris 2) tidak"),
    ],
)
def test_a_changed_or_missing_final_is_never_sent(
    master: Path, capsys: pytest.CaptureFixture[str], rusak: Any, pesan: str
) -> None:
    atur(master, skema.PENGATURAN, "Email Tujuan Pengantar", {"Nilai": TUJUAN_EMAIL})
    rusak(tulis_final(master))
    sebelum = sidik_folder(master.parent)
    assert pengantar(master) == 1
    assert pesan in capsys.readouterr().err
    assert sidik_folder(master.parent) == sebelum  # no number taken, no mail, no log


@pytest.mark.parametrize(
    ("siapkan", "opsi", "pesan"),
    [
        ("tanpa", [], "jalankan langkah 10–11 (setujui) dahulu"),
        ("konsep", [], "Belum ada Dokumen IKU berstatus FINAL"),
        ("email", [], "Pengaturan 'Email Tujuan Pengantar' (sheet Pengaturan sel B"),
        ("final", ["--tanggal", "20 Januari 2027"], "sebelum tanggal persetujuan"),
        ("final", ["--kepada", "Bupati\r\nBcc: x@evil.example"], "Opsi --kepada"),
    ],
)
def test_cannot_run_exits_1_and_uses_no_number(
    master: Path, capsys: pytest.CaptureFixture[str], siapkan: str, opsi: list[str], pesan: str
) -> None:
    if siapkan == "konsep":
        tulis_final(master, status="KONSEP", nama="Dokumen_IKU_2026_v1_KONSEP.docx")
    elif siapkan in ("email", "final"):
        tulis_final(master)
    if siapkan == "email":
        atur(master, skema.PENGATURAN, "Email Tujuan Pengantar", {"Nilai": "bupati(at)waykanan"})
    sebelum = sidik_folder(master.parent)
    assert pengantar(master, *opsi) == 1
    assert pesan in capsys.readouterr().err
    assert sidik_folder(master.parent) == sebelum


def test_smtp_sends_letter_and_documents(
    master: Path, jalankan_server: Any, sertifikat: tuple[Path, Path], monkeypatch: Any
) -> None:
    srv = jalankan_server("starttls")
    atur(master, skema.PENGATURAN, "Email Tujuan Pengantar", {"Nilai": TUJUAN_EMAIL})
    atur(master, skema.PENGATURAN, "SMTP Host", {"Nilai": "127.0.0.1"})
    atur(master, skema.PENGATURAN, "SMTP Port", {"Nilai": str(srv.port)})
    monkeypatch.setenv("SSL_CERT_FILE", str(sertifikat[0]))
    final = tulis_final(master)
    assert pengantar(master, "--mode", "smtp") == 0
    [amplop] = srv.penampung.amplop
    assert amplop.rcpt_tos == [TUJUAN_EMAIL]
    [msg] = srv.penampung.pesan()
    lampiran = lampiran_dari(msg)
    assert list(lampiran) == ["surat_pengantar_1_2027.docx", FINAL, PDF]
    assert lampiran[FINAL][1] == final.read_bytes()
    [k] = baris_sheet(master, skema.PENGIRIMAN)
    assert (k["Status"], k["Mode"], k["Message-ID"]) == ("Terkirim", "smtp", msg["Message-ID"])
    assert not list((master.parent / "kirim").iterdir())
