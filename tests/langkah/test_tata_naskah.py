"""Letters read back as a reader sees them (python-docx, and the text of LibreOffice's PDF):
the kop with its lambang, the page, the signature blocks by Permendagri 1/2023 Pasal 44(3) and
the a.n./u.b. chain, the classification codes, no tool footer, and one deadline everywhere."""

from __future__ import annotations

import email
import subprocess
from email import policy
from pathlib import Path

import docx
import openpyxl
from docx.document import Document
from test_pengantar import tulis_final
from test_undangan import TANGGAL, baca_eml, teks_docx

from bantu import atur
from libreoffice import konversi, soffice, teks_halaman
from pyxl.cli import main
from pyxl.kontrak import skema

SEKDA = "Drs. Zulkarnain Yusuf Harahap, M.M."
KABAG = "Hendri Gunawan Saleh, S.E., M.M."
NIP_KABAG = "NIP 19771203 200301 1 005"
KONTAK = (
    "Telepon (0723) 123456, Faksimile (0723) 123457, Laman setda.waykanan.example, "
    "Pos-el setda@setda.waykanan.example"
)
EMU_PER_MM = 36000


def _mm(emu: int | None) -> float:
    assert emu is not None
    return round(emu / EMU_PER_MM, 1)


def halaman(dok: Path) -> list[tuple[float, float, float, float, float, float]]:
    """(width, height, left, right, top, bottom) in mm of every section."""
    return [
        (_mm(s.page_width), _mm(s.page_height), _mm(s.left_margin), _mm(s.right_margin),
         _mm(s.top_margin), _mm(s.bottom_margin))
        for s in docx.Document(str(dok)).sections
    ]  # fmt: skip


def gambar(d: Document) -> list[bytes]:
    """The images the document shows."""
    return [
        d.part.related_parts[b.get(docx.oxml.ns.qn("r:embed"))].blob
        for b in d.element.body.iter(docx.oxml.ns.qn("a:blip"))
    ]


def teks_pdf(dok: Path, folder: Path) -> str:
    """The text of LibreOffice's PDF of `dok`, laid out as on the page (poppler's pdftotext)."""
    return teks_halaman(konversi(dok, "pdf", folder))


def ukuran_pdf(dok: Path, folder: Path) -> tuple[float, float]:
    """The page of LibreOffice's PDF of `dok`, in mm (poppler's pdfinfo)."""
    pdf = konversi(dok, "pdf", folder)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    baris = next(b for b in info.stdout.splitlines() if b.startswith("Page size:"))
    lebar, _, tinggi = baris.split()[2:5]
    return float(lebar) * 25.4 / 72, float(tinggi) * 25.4 / 72


def test_every_letter_has_the_full_kop_the_lambang_and_the_page_of_the_settings(
    master: Path, tmp_path: Path
) -> None:
    soffice()
    lambang = master.parent / "templates" / "lambang.png"
    assert lambang.is_file(), "pyxl init puts the lambang beside the templates for staff"
    atur(master, skema.PENGATURAN, "Ukuran Kertas", {"Nilai": "F4"})
    atur(master, skema.PENGATURAN, "Margin Kiri", {"Nilai": "3,5"})
    atur(master, skema.PENGATURAN, "Kode Klasifikasi Undangan", {"Nilai": "000.8.6.3.1"})
    atur(master, skema.PENGATURAN, "Email Tujuan Pengantar", {"Nilai": "tu@waykanan.example"})
    assert main(["disposisi", "--workbook", str(master), "--tanggal", "5 Januari 2027"]) == 0
    assert main(["undangan", "--workbook", str(master), *TANGGAL]) == 0
    assert main(["rapat", "--workbook", str(master)]) == 0
    tulis_final(master)
    assert main(["pengantar", "--workbook", str(master), "--tanggal", "25 Januari 2027"]) == 0

    dokumen = master.parent / "dokumen"
    surat = sorted(dokumen.glob("*.docx"))
    assert [p.name for p in surat] == [
        "Dokumen_IKU_2026_v1.docx",
        "daftar_hadir_rapat_2027.docx",
        "disposisi_2026_001.docx",
        "notula_rapat_2027.docx",
        "surat_pengantar_2_2027.docx",
        "undangan_rapat_1_2027.docx",
    ]
    for dok in surat[1:]:
        d = docx.Document(str(dok))
        teks = teks_docx(dok)
        assert "PEMERINTAH KABUPATEN WAY KANAN\nSEKRETARIAT DAERAH\n" in teks, dok.name
        assert "Blambangan Umpu, Kabupaten Way Kanan, Lampung 34763\n" in teks, dok.name
        assert f"\n{KONTAK}\n" in teks, dok.name
        assert gambar(d) == [lambang.read_bytes()], dok.name
        # F4 215 x 330 mm, left 3.5 cm as set, the other margins by default
        assert halaman(dok) == [(215.0, 330.0, 35.0, 20.0, 20.0, 25.0)], dok.name
        kaki = [p.text for s in d.sections for p in s.footer.paragraphs]
        assert not "".join(kaki).strip(), f"{dok.name}: no footer on an official document"
        assert "pyxl" not in teks.lower()

    # LibreOffice lays them out on F4 (to its rounding) with the kop's contact line
    und = dokumen / "undangan_rapat_1_2027.docx"
    lebar, tinggi = ukuran_pdf(und, tmp_path / "a")
    assert abs(lebar - 215) < 0.5 and abs(tinggi - 330) < 0.5
    pdf = teks_pdf(und, tmp_path / "b")
    assert "Telepon (0723) 123456" in pdf and "000.8.6.3.1/1/I.10-WK/2027" in pdf
    assert "Dibuat dengan pyxl" not in pdf


def test_signature_blocks_by_pasal_44_and_the_a_n_u_b_chain(master: Path, tmp_path: Path) -> None:
    """Permendagri 1/2023 Pasal 44 ayat (3) (text published on pasal.id): "Penulisan nama penanda
    tangan untuk pejabat selain Kepala Daerah, Wakil Kepala Daerah, dan Sekretaris Daerah
    menggunakan gelar, nomor induk pegawai dan pangkat/golongan." So the Sekda's block on the
    surat pengantar is his name only, and the Kepala Bagian's block on the undangan has his
    NIP and pangkat. The undangan is signed a.n. SEKRETARIS DAERAH / ASISTEN ADMINISTRASI UMUM /
    u.b. KEPALA BAGIAN …: a.n. (atas nama) reaches one level below the Sekda, u.b. (untuk
    beliau) the next (tata naskah dinas guides: "u.b. ... digunakan jika yang diberikan kuasa
    memberikan kuasa lagi kepada pejabat satu tingkat di bawahnya")."""
    soffice()
    atur(master, skema.PENGATURAN, "Kode Klasifikasi Pengantar", {"Nilai": "000.8.6.9"})
    assert main(["undangan", "--workbook", str(master), *TANGGAL]) == 0
    tulis_final(master)
    assert main(["pengantar", "--workbook", str(master), "--tanggal", "25 Januari 2027"]) == 0
    dokumen = master.parent / "dokumen"

    und = teks_docx(dokumen / "undangan_rapat_1_2027.docx")
    assert (
        "a.n. SEKRETARIS DAERAH\nASISTEN ADMINISTRASI UMUM\n"
        f"u.b. KEPALA BAGIAN PERENCANAAN DAN KEUANGAN,\n\n\n\n\n{KABAG}\nPembina (IV/a)\n"
        f"{NIP_KABAG}\n" in und
    )
    assert "Nomor\n:\n000.8.6.3/1/I.10-WK/2027" in und  # the AKIP default

    peng = teks_docx(dokumen / "surat_pengantar_2_2027.docx")
    assert "SEKRETARIS DAERAH\nKABUPATEN WAY KANAN,\n\n\n\n\n" + SEKDA in peng
    assert peng.rstrip().endswith(SEKDA), "nothing under the Sekda's name"
    assert "19690511" not in peng and "Pembina Utama" not in peng
    assert "Nomor 000.8.6.9/2/I.10-WK/2027" in peng  # the code of the setting

    # LibreOffice: the Sekda's name on one line of the signature column, no NIP after it
    teks = teks_pdf(dokumen / "surat_pengantar_2_2027.docx", tmp_path)
    [nama] = [b.strip() for b in teks.splitlines() if "Zulkarnain" in b]
    assert nama.endswith(f"  {SEKDA}")  # whole, beside the receiver's column
    assert "19690511" not in teks and "Pembina" not in teks
    assert ": ................" in teks  # the receiver's NIP, written by hand
    pdf = teks_pdf(dokumen / "undangan_rapat_1_2027.docx", tmp_path / "u")
    assert "u.b. KEPALA BAGIAN PERENCANAAN DAN KEUANGAN," in pdf and NIP_KABAG in pdf


def test_the_disposisi_has_the_agenda_number_of_its_year_and_a_default_page(
    master: Path,
) -> None:
    """The order of January 2027 about the 2026 data is agenda 1/2027; default page A4 with
    3 cm on the left for binding (2 right, 2 top, 2.5 bottom)."""
    assert main(["disposisi", "--workbook", str(master), "--tanggal", "5 Januari 2027"]) == 0
    dok = master.parent / "dokumen" / "disposisi_2026_001.docx"
    assert "Nomor Agenda\n1/2027\n" in teks_docx(dok)
    assert halaman(dok) == [(210.0, 297.0, 30.0, 20.0, 20.0, 25.0)]
    assert halaman(dok)[0][2] >= 30
    ws = openpyxl.load_workbook(master)[skema.DISPOSISI]
    assert [c.value for c in ws[2]][list(skema.KOLOM_DISPOSISI).index("Nomor Agenda")] == "1/2027"


def test_one_deadline_in_the_format_the_email_and_the_reminder(master: Path) -> None:
    """`pyxl format --batas-waktu` records the date in Pengaturan; the formats print it, the
    e-mails of step 3 and the reminders state the same date, written the same way."""
    batas = "23 Januari 2027"
    assert main(["format", "--workbook", str(master), "--batas-waktu", batas]) == 0
    assert main(["kirim", "--workbook", str(master), "--mode", "draf"]) == 0
    kirim = master.parent / skema.FOLDER_KIRIM
    pertama = set(kirim.glob("*.eml"))
    assert main(["ingatkan", "--workbook", str(master), "--mode", "draf"]) == 0
    pengingat = set(kirim.glob("*.eml")) - pertama
    assert pertama and pengingat

    for f in sorted((master.parent / skema.FOLDER_FORMAT).glob("*.xlsx")):
        nilai = [c.value for ws in openpyxl.load_workbook(f) for r in ws.iter_rows() for c in r]
        assert any(isinstance(v, str) and batas in v for v in nilai), f.name
    for eml in sorted(pertama | pengingat):
        pesan = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
        isi = pesan.get_body(("plain",))
        assert isi is not None and batas in isi.get_content(), eml.name
    assert any("Pengingat" in str(baca_eml(e)["Subject"]) for e in pengingat)
