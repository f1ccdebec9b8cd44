"""Intake finds every received file, including attachments of saved e-mails."""

from __future__ import annotations

import os
import struct
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

from pyxl.berkas.cfb import write_cfb
from pyxl.masuk.kiriman import kumpulkan

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
