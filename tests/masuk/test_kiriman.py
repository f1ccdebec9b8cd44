"""Intake finds every received file, including attachments of saved e-mails."""

from __future__ import annotations

import os
import struct
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest

from pyxl.berkas.cfb import write_cfb
from pyxl.masuk.kiriman import kumpulkan, terima

XLSX = b"PK\x03\x04 pura-pura xlsx"


def _eml(lampiran: dict[str, bytes], pengirim: str = "hukum@setda.waykanan.example") -> bytes:
    m = EmailMessage()
    m["From"] = f"Bagian Hukum <{pengirim}>"
    m["To"] = "renkeu@setda.waykanan.example"
    m["Subject"] = "Re: [IKU-2026][HUKUM] Format Pengumpulan Data Kinerja"
    m["Date"] = "Tue, 13 Jan 2026 10:15:00 +0700"
    m.set_content("Terlampir format yang sudah diisi.")
    for nama, data in lampiran.items():
        m.add_attachment(data, maintype="application", subtype="octet-stream", filename=nama)
    return m.as_bytes()


def _utf16(s: str) -> bytes:
    return s.encode("utf-16-le") + b"\x00\x00"


def _msg(lampiran: dict[str, bytes]) -> bytes:
    """A minimal Outlook .msg: the streams [MS-OXMSG] readers use for attachments."""
    # 2026-01-13 03:15:00 UTC as FILETIME in PR_CLIENT_SUBMIT_TIME
    detik = datetime(2026, 1, 13, 3, 15, tzinfo=UTC).timestamp()
    ft = int(detik * 10_000_000) + 116444736000000000
    props = b"\x00" * 32 + struct.pack("<IIQ", 0x00390040, 6, ft)
    aliran = {
        "__substg1.0_0037001F": _utf16("[IKU-2026][KESRA] Format"),
        "__substg1.0_0C1F001F": _utf16("kesra@setda.waykanan.example"),
        "__properties_version1.0": props,
    }
    for i, (nama, data) in enumerate(lampiran.items()):
        a = f"__attach_version1.0_#{i:08X}"
        aliran[f"{a}/__substg1.0_3707001F"] = _utf16(nama)
        aliran[f"{a}/__substg1.0_37010102"] = data
    return write_cfb(aliran)


def test_files_lock_files_and_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "HUKUM_Format_IKU_2026.xlsx").write_bytes(XLSX)
    (tmp_path / "~$HUKUM_Format_IKU_2026.xlsx").write_bytes(b"lock")
    (tmp_path / ".tersembunyi.xlsx").write_bytes(XLSX)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "lain.ods").write_bytes(b"ods")
    (tmp_path / "kosong.xlsx").write_bytes(b"")
    nama = sorted(k.nama for k in kumpulkan(tmp_path))
    assert nama == ["HUKUM_Format_IKU_2026.xlsx", "kosong.xlsx", "lain.ods"]
    sumber = {k.nama: k.sumber for k in kumpulkan(tmp_path)}
    assert sumber["lain.ods"] == "sub/lain.ods"


def test_eml_attachments_keep_sender_and_date(tmp_path: Path) -> None:
    (tmp_path / "balasan.eml").write_bytes(
        _eml({"HUKUM_Format_IKU_2026.xlsx": XLSX, "lama.xls": b"\xd0\xcf", "logo.png": b"png"})
    )
    hasil = kumpulkan(tmp_path)
    assert sorted(k.nama for k in hasil) == ["HUKUM_Format_IKU_2026.xlsx", "lama.xls"]
    k = next(k for k in hasil if k.nama.endswith(".xlsx"))
    assert k.data == XLSX and k.sumber == "balasan.eml"
    assert k.pengirim == "hukum@setda.waykanan.example"
    assert "[IKU-2026][HUKUM]" in k.perihal
    sent = datetime(2026, 1, 13, 3, 15, tzinfo=UTC)  # 10:15 WIB
    assert k.waktu == sent.astimezone().replace(tzinfo=None)


def test_eml_without_spreadsheet_is_kept_as_a_file(tmp_path: Path) -> None:
    (tmp_path / "tanpa.eml").write_bytes(_eml({}))
    [k] = kumpulkan(tmp_path)
    assert k.nama == "tanpa.eml", "recorded so validation can say what is wrong"


def test_msg_attachments(tmp_path: Path) -> None:
    (tmp_path / "balasan.msg").write_bytes(_msg({"KESRA_Format_IKU_2026.xlsx": XLSX}))
    [k] = kumpulkan(tmp_path)
    assert k.nama == "KESRA_Format_IKU_2026.xlsx" and k.data == XLSX
    assert k.pengirim == "kesra@setda.waykanan.example"
    sent = datetime(2026, 1, 13, 3, 15, tzinfo=UTC)
    assert k.waktu == sent.astimezone().replace(tzinfo=None)


def test_oldest_first(tmp_path: Path) -> None:
    for i, nama in enumerate(["b.xlsx", "a.xlsx", "c.xlsx"]):
        p = tmp_path / nama
        p.write_bytes(XLSX)
        os.utime(p, (1_700_000_000 + i * 60, 1_700_000_000 + i * 60))
    assert [k.nama for k in kumpulkan(tmp_path)] == ["b.xlsx", "a.xlsx", "c.xlsx"]


# --- evidence (data dukung) beside the returns ------------------------------------------------

PDF = b"%PDF-1.4\n%%EOF\n"
KODE = {"HUKUM": "HUKUM", "KESRA": "KESRA", "ADPEM": "ADPEM", "AD": "AD", "HKM": "HUKUM"}


def _bertanda() -> bytes:
    """A spreadsheet carrying pyxl's stamp in its document properties (what `bertanda` looks
    at; the signature is not checked at intake)."""
    from bantu import zip_dari

    custom = (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        'docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" '
        'name="ID Templat"><vt:lpwstr>PYXL-FORMAT-IKU</vt:lpwstr></property></Properties>'
    )
    return zip_dari({"[Content_Types].xml": b"<Types/>", "docProps/custom.xml": custom.encode()})


def test_other_attachments_of_a_return_email_are_evidence(tmp_path: Path) -> None:
    lampiran = {"HUKUM_Format_IKU_2026.xlsx": XLSX, "SK Tim.pdf": PDF, "foto.JPG": b"\xff\xd8\xff"}
    (tmp_path / "balasan.eml").write_bytes(_eml(lampiran))
    hasil = terima(tmp_path, KODE)
    assert [k.nama for k in hasil.kiriman] == ["HUKUM_Format_IKU_2026.xlsx"]
    assert sorted(b.nama for b in hasil.bukti) == ["SK Tim.pdf", "foto.JPG"]
    b = next(b for b in hasil.bukti if b.nama == "SK Tim.pdf")
    assert (b.data, b.ikut, b.kode, b.sumber) == (PDF, "balasan.eml", "", "balasan.eml")
    assert b.asal == "lampiran email dari hukum@setda.waykanan.example (balasan.eml)"
    assert b.waktu == hasil.kiriman[0].waktu, "the e-mail's date"
    assert kumpulkan(tmp_path) == hasil.kiriman, "the returns are what they always were"


def test_msg_attachments_are_evidence_too(tmp_path: Path) -> None:
    (tmp_path / "balasan.msg").write_bytes(_msg({"KESRA.xlsx": XLSX, "notulen.pdf": PDF}))
    hasil = terima(tmp_path, KODE)
    assert [k.nama for k in hasil.kiriman] == ["KESRA.xlsx"]
    [b] = hasil.bukti
    assert (b.nama, b.data, b.ikut) == ("notulen.pdf", PDF, "balasan.msg")
    assert b.pengirim == "kesra@setda.waykanan.example"


def test_an_email_without_a_spreadsheet_brings_no_evidence(tmp_path: Path) -> None:
    (tmp_path / "hanya_pdf.eml").write_bytes(_eml({"SK.pdf": PDF}))
    hasil = terima(tmp_path, KODE)
    assert [k.nama for k in hasil.kiriman] == ["hanya_pdf.eml"], "kept whole, as before"
    assert hasil.bukti == []


def test_unstamped_spreadsheets_beside_a_stamped_one_are_evidence(tmp_path: Path) -> None:
    stempel = _bertanda()
    lampiran = {"HUKUM.xlsx": stempel, "rekap kegiatan.xlsx": XLSX, "lama.xls": b"\xd0\xcf"}
    (tmp_path / "balasan.eml").write_bytes(_eml(lampiran))
    hasil = terima(tmp_path, KODE)
    assert [k.nama for k in hasil.kiriman] == ["HUKUM.xlsx"]
    assert sorted(b.nama for b in hasil.bukti) == ["lama.xls", "rekap kegiatan.xlsx"]


def test_a_bagian_folder_holds_evidence(tmp_path: Path) -> None:
    (tmp_path / "hukum" / "foto").mkdir(parents=True)
    (tmp_path / "hukum" / "SK.pdf").write_bytes(PDF)
    (tmp_path / "hukum" / "foto" / "rapat.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "hukum" / "rekap.xlsx").write_bytes(XLSX)  # a spreadsheet as evidence
    (tmp_path / "hukum" / "HUKUM_Format_IKU_2026.xlsx").write_bytes(_bertanda())  # a return
    (tmp_path / "hkm").mkdir()  # an earlier code of HUKUM
    (tmp_path / "hkm" / "lama.pdf").write_bytes(PDF + b"lama")
    (tmp_path / "lain").mkdir()  # not a Bagian: as before
    (tmp_path / "lain" / "x.pdf").write_bytes(PDF)
    hasil = terima(tmp_path, KODE)
    assert sorted(k.sumber for k in hasil.kiriman) == [
        "hukum/HUKUM_Format_IKU_2026.xlsx",
        "lain/x.pdf",
    ]
    bukti = {b.sumber: b for b in hasil.bukti}
    assert sorted(bukti) == [
        "hkm/lama.pdf",
        "hukum/SK.pdf",
        "hukum/foto/rapat.jpg",
        "hukum/rekap.xlsx",
    ]
    assert {b.kode for b in bukti.values()} == {"HUKUM"}
    assert bukti["hukum/foto/rapat.jpg"].nama == "rapat.jpg"
    assert bukti["hukum/SK.pdf"].asal == f"{tmp_path.name}/hukum/SK.pdf"
    assert len(kumpulkan(tmp_path)) == 6, "without the codes every file may be a return"


def test_an_email_in_a_bagian_folder(tmp_path: Path) -> None:
    (tmp_path / "KESRA").mkdir()
    (tmp_path / "KESRA" / "bukti.eml").write_bytes(_eml({"SK.pdf": PDF}))
    (tmp_path / "KESRA" / "kosong.eml").write_bytes(_eml({}))
    hasil = terima(tmp_path, KODE)
    assert hasil.kiriman == []
    assert sorted((b.nama, b.kode) for b in hasil.bukti) == [
        ("SK.pdf", "KESRA"),
        ("kosong.eml", "KESRA"),
    ], "an e-mail with nothing attached is kept as the file it is"


@pytest.mark.parametrize(
    ("nama", "kode"),
    [
        ("HUKUM_bukti.zip", "HUKUM"),
        ("hukum-TW2.zip", "HUKUM"),
        ("HUKUM bukti.zip", "HUKUM"),
        ("HUKUM.zip", "HUKUM"),
        ("HUKUM_Format_IKU_2026_TW2.zip", "HUKUM"),
        ("ADPEM_bukti.zip", "ADPEM"),  # not AD's: the longest code wins
        ("AD_bukti.zip", "AD"),
        ("HKM_lama.zip", "HUKUM"),
    ],
)
def test_a_zip_named_after_a_bagian_is_evidence(tmp_path: Path, nama: str, kode: str) -> None:
    (tmp_path / nama).write_bytes(b"PK\x05\x06" + b"\0" * 18)
    hasil = terima(tmp_path, KODE)
    assert hasil.kiriman == []
    assert [(b.nama, b.kode, b.ikut) for b in hasil.bukti] == [(nama, kode, "")]


def test_a_zip_beside_a_spreadsheet_of_the_same_stem(tmp_path: Path) -> None:
    (tmp_path / "Format Bagian Umum.xlsx").write_bytes(XLSX)
    (tmp_path / "format bagian umum.zip").write_bytes(b"PK\x05\x06" + b"\0" * 18)
    (tmp_path / "HUKUMAN.zip").write_bytes(b"PK")  # no separator after the code
    (tmp_path / "lampiran.zip").write_bytes(b"PK")  # neither: as before
    hasil = terima(tmp_path, KODE)
    assert sorted(k.nama for k in hasil.kiriman) == [
        "Format Bagian Umum.xlsx",
        "HUKUMAN.zip",
        "lampiran.zip",
    ]
    [b] = hasil.bukti
    assert (b.nama, b.kode, b.ikut) == ("format bagian umum.zip", "", "Format Bagian Umum.xlsx")


def test_a_checked_zip_unpacks_into_evidence_of_the_same_bagian(tmp_path: Path) -> None:
    from bantu import zip_dari

    data = zip_dari({"sub/": b"", "sub/SK.pdf": PDF, "foto.jpg": b"\xff\xd8\xff"})
    (tmp_path / "HUKUM_bukti.zip").write_bytes(data)
    [b] = terima(tmp_path, KODE).bukti
    isi = b.isi_zip()
    assert [(a.nama, a.data, a.kode) for a in isi] == [
        ("SK.pdf", PDF, "HUKUM"),
        ("foto.jpg", b"\xff\xd8\xff", "HUKUM"),
    ]
    assert isi[0].asal == f"isi HUKUM_bukti.zip, {tmp_path.name}/HUKUM_bukti.zip"
