"""The mailer: drafts read back by the standard `email` parser, SMTP against a real server.

The SMTP server is aiosmtpd on 127.0.0.1 (an ephemeral port), with a throwaway self-signed
certificate for STARTTLS and implicit TLS; what it receives is parsed back and compared.
"""

from __future__ import annotations

import re
import ssl
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from pyxl.galat import IsianError, LingkunganError
from pyxl.kontrak.pengaturan import Pengaturan
from pyxl.surel.draf import PengirimDraf
from pyxl.surel.outlook import PengirimOutlook
from pyxl.surel.pengirim import pengirim_dari_pengaturan
from pyxl.surel.pesan import MIME, Surel, buat_pesan, periksa_alamat
from pyxl.surel.smtp import PengirimSmtp
from smtp_uji import (
    SANDI,
    baca_eml,
    buat_sertifikat,
    konteks_klien,
    konteks_server,
    lampiran_dari,
    port_bebas,
)

PENGIRIM = ("Bagian Perencanaan dan Keuangan", "renkeu@setda.waykanan.example")
NAMA_NON_ASCII = "Séna Ayuningtyas, S.E., M.Ak."


@pytest.fixture
def berkas(tmp_path: Path) -> list[Path]:
    """A real .xlsx, and .docx/.pdf stand-ins (their type comes from the suffix)."""
    folder = tmp_path / "lampiran"
    folder.mkdir()
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Format IKU"  # type: ignore[index]
    xlsx = folder / "KESRA_Format_IKU_2026.xlsx"
    wb.save(xlsx)
    docx = folder / "undangan_2026_001.docx"
    docx.write_bytes(b"PK\x03\x04 dokumen " + bytes(range(256)))
    pdf = folder / "Dokumen IKU 2026.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 4)
    return [xlsx, docx, pdf]


def surel_contoh(lampiran: list[Path], **ganti: Any) -> Surel:
    dasar: dict[str, Any] = {
        "kepada": [(NAMA_NON_ASCII, "kesra@setda.waykanan.example")],
        "perihal": "[IKU-2026][KESRA] Format Pengumpulan Data Kinerja",
        "isi": "Yth. Kepala Bagian Kesejahteraan Rakyat\n\nDengan hormat, ... Rp1.500.000,00.\n",
        "lampiran": lampiran,
        "tembusan": [("Kepala Subbagian Perencanaan", "perencanaan@setda.waykanan.example")],
        "header_tambahan": {"X-Pyxl-Format-Id": "KESRA-2026-0f3a9c"},
    }
    dasar.update(ganti)
    return Surel(**dasar)


def periksa_pesan(msg: EmailMessage, surel: Surel) -> None:
    """A parsed message carries exactly what `surel` asked for."""
    assert msg["Subject"] == surel.perihal
    [ke] = msg["To"].addresses
    assert (ke.display_name, ke.addr_spec) == surel.kepada[0]
    [cc] = msg["Cc"].addresses
    assert (cc.display_name, cc.addr_spec) == surel.tembusan[0]
    assert msg["From"].addresses[0].addr_spec == PENGIRIM[1]
    assert msg["X-Pyxl-Format-Id"] == surel.header_tambahan["X-Pyxl-Format-Id"]
    assert re.fullmatch(r"<[^<>@\s]+@setda\.waykanan\.example>", str(msg["Message-ID"]))
    assert msg["Date"].datetime.tzinfo is not None
    tubuh = msg.get_body(("plain",))
    assert tubuh is not None and tubuh.get_content().replace("\r\n", "\n") == surel.isi
    lampiran = lampiran_dari(msg)
    assert set(lampiran) == {p.name for p in surel.lampiran}
    for p in surel.lampiran:
        jenis, isi = lampiran[p.name]
        assert isi == p.read_bytes()
        assert jenis == MIME[p.suffix]
    assert lampiran["KESRA_Format_IKU_2026.xlsx"][0] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )


# --------------------------------------------------------------------------- drafts


def test_draft_reads_back_as_an_unsent_message(tmp_path: Path, berkas: list[Path]) -> None:
    folder = tmp_path / "kirim"
    surel = surel_contoh(berkas)
    t = PengirimDraf(folder, pengirim=PENGIRIM).kirim(surel)
    assert t.mode == "draf" and t.berkas is not None and t.berkas.parent == folder
    assert re.fullmatch(r"\d{8}-\d{6}_IKU-2026-KESRA_[0-9a-f]{8}\.eml", t.berkas.name)
    assert [p.name for p in folder.iterdir()] == [t.berkas.name]  # no temporary file left
    mentah = t.berkas.read_bytes()
    kepala = mentah.split(b"\r\n\r\n", 1)[0]
    assert kepala.isascii()  # the non-ASCII name is encoded (RFC 2047), not raw bytes
    assert b"=?utf-8?" in kepala.lower()
    msg = baca_eml(mentah)
    assert msg["X-Unsent"] == "1"
    assert msg["Message-ID"] == t.message_id
    periksa_pesan(msg, surel)
    assert abs((msg["Date"].datetime.replace(tzinfo=None) - t.waktu).total_seconds()) < 5


def test_drafts_never_overwrite(tmp_path: Path, berkas: list[Path]) -> None:
    from pyxl.surel.draf import _tulis_nama_bebas

    folder = tmp_path / "kirim"
    pengirim = PengirimDraf(folder, pengirim=PENGIRIM)
    a = pengirim.kirim(surel_contoh(berkas))
    b = pengirim.kirim(surel_contoh(berkas))
    assert a.berkas != b.berkas and a.message_id != b.message_id
    # a name already taken (same second, same id) gets a suffix; the old file is kept
    assert a.berkas is not None
    lama = a.berkas.read_bytes()
    baru = _tulis_nama_bebas(folder, a.berkas.stem, b"baru")
    assert baru.name == f"{a.berkas.stem}-2.eml" and baru.read_bytes() == b"baru"
    assert a.berkas.read_bytes() == lama and not list(folder.glob(".*.tmp"))


INJEKSI = "a@b.example\r\nBcc: x@evil.example"


@pytest.mark.parametrize(
    ("ganti", "pesan"),
    [
        ({"kepada": [("Budi\r\nBcc: x@evil.example", "budi@b.example")]}, "baris baru"),
        ({"kepada": [("Budi", INJEKSI)]}, "baris baru"),
        ({"kepada": [("Budi", "budi@b.example\n")]}, "baris baru"),
        ({"tembusan": [("Ani", "ani@b.example\rX: y")]}, "baris baru"),
        ({"perihal": "Format\r\nBcc: x@evil.example"}, "Perihal email: teks"),
        ({"perihal": "Format\u2028Bcc: x@evil.example"}, "Perihal email: teks"),
        ({"header_tambahan": {"X-Pyxl-Format-Id": "1\nBcc: x@evil.example"}}, "X-Pyxl-Format-Id"),
        ({"header_tambahan": {"Bcc": "x@evil.example"}}, "tidak boleh dipakai"),
        ({"header_tambahan": {"X-A: b\r\nBcc": "x"}}, "tidak boleh dipakai"),
        ({"kepada": []}, "tidak memiliki penerima"),
        ({"kepada": [("Budi", "")]}, "alamat email Budi kosong"),
        ({"kepada": [("Budi", "budi.setda.example")]}, "bukan alamat email yang sah"),
        ({"kepada": [("Budi", "budi@@setda.example")]}, "bukan alamat email yang sah"),
        ({"kepada": [("Budi", "bu di@setda.example")]}, "bukan alamat email yang sah"),
        ({"kepada": [("Budi", "budi@localhost")]}, "bukan alamat email yang sah"),
        ({"kepada": [("Budi", "budi@setda.example>")]}, "bukan alamat email yang sah"),
        ({"kepada": [("Budi", "budi@setda.example, x@evil.example")]}, "bukan alamat"),
        ({"kepada": [("Budi", "Budi <budi@setda.example>")]}, "bukan alamat email yang sah"),
    ],
)
def test_injection_and_bad_addresses_are_refused_before_writing(
    tmp_path: Path, berkas: list[Path], ganti: dict[str, Any], pesan: str
) -> None:
    folder = tmp_path / "kirim"
    with pytest.raises(IsianError, match=re.escape(pesan)):
        PengirimDraf(folder, pengirim=PENGIRIM).kirim(surel_contoh(berkas, **ganti))
    assert not folder.exists() or not list(folder.iterdir())


def test_periksa_alamat_names_the_cell() -> None:
    with pytest.raises(IsianError, match=r"^sheet Bagian sel G5: .*baris baru"):
        periksa_alamat("Budi", INJEKSI, "sheet Bagian sel G5")
    with pytest.raises(IsianError, match=r"^sheet Bagian sel G7: alamat email Budi kosong"):
        periksa_alamat("Budi", "  ", "sheet Bagian sel G7")
    periksa_alamat(NAMA_NON_ASCII, "nama.belakang+iku@bagian-hukum.waykanankab.go.id", "x")


def test_attachment_name_is_the_file_name_only(tmp_path: Path, berkas: list[Path]) -> None:
    msg = buat_pesan(surel_contoh(berkas[:1]), PENGIRIM, message_id="<uji-1@setda.example>")
    [bag] = msg.iter_attachments()
    assert bag.get_filename() == "KESRA_Format_IKU_2026.xlsx"
    assert str(tmp_path) not in msg.as_string()
    assert msg["Message-ID"] == "<uji-1@setda.example>"


def test_missing_attachment_is_an_isian_error(tmp_path: Path) -> None:
    with pytest.raises(IsianError, match=r"Lampiran hilang\.xlsx tidak ditemukan"):
        buat_pesan(surel_contoh([tmp_path / "hilang.xlsx"]), PENGIRIM)


def test_sender_comes_from_pengaturan(tmp_path: Path) -> None:
    with pytest.raises(IsianError, match="'Email Pengirim' masih kosong"):
        pengirim_dari_pengaturan(Pengaturan({}), tmp_path)
    with pytest.raises(IsianError, match="'Mode Email' berisi 'pos'"):
        pengirim_dari_pengaturan(Pengaturan({"Email Pengirim": PENGIRIM[1]}), tmp_path, "pos")
    p = pengirim_dari_pengaturan(Pengaturan({"Email Pengirim": PENGIRIM[1]}), tmp_path)
    assert isinstance(p, PengirimDraf) and p.pengirim[1] == PENGIRIM[1] and p.folder == tmp_path
    with pytest.raises(IsianError, match="'SMTP Host' masih kosong"):
        pengirim_dari_pengaturan(Pengaturan({"Email Pengirim": PENGIRIM[1]}), tmp_path, "smtp")
    nilai = {"Email Pengirim": PENGIRIM[1], "SMTP Host": "mail.example", "SMTP Port": "465"}
    s = pengirim_dari_pengaturan(Pengaturan({**nilai, "SMTP Keamanan": "SSL"}), tmp_path, "smtp")
    assert isinstance(s, PengirimSmtp) and (s.host, s.port, s.keamanan) == (
        "mail.example",
        465,
        "ssl",
    )
    with pytest.raises(IsianError, match="'SMTP Port' berisi 'dua'"):
        pengirim_dari_pengaturan(Pengaturan({**nilai, "SMTP Port": "dua"}), tmp_path, "smtp")


def test_outlook_mode_without_pywin32_says_what_to_do(berkas: list[Path]) -> None:
    with pytest.raises(LingkunganError, match=r"hanya di Windows dengan Outlook klasik.*mode draf"):
        PengirimOutlook().kirim(surel_contoh(berkas))


# --------------------------------------------------------------------------- SMTP


def test_smtp_plain_delivers_what_was_asked(jalankan_server: Any, berkas: list[Path]) -> None:
    srv = jalankan_server()
    surel = surel_contoh(berkas)
    t = PengirimSmtp("127.0.0.1", srv.port, "tanpa", timeout=5, pengirim=PENGIRIM).kirim(surel)
    assert t.mode == "smtp" and t.berkas is None and t.ditolak == ()
    [amplop] = srv.penampung.amplop
    assert amplop.mail_from == PENGIRIM[1]
    assert amplop.rcpt_tos == ["kesra@setda.waykanan.example", "perencanaan@setda.waykanan.example"]
    [msg] = srv.penampung.pesan()
    assert msg["Message-ID"] == t.message_id and "X-Unsent" not in msg
    periksa_pesan(msg, surel)


def test_smtp_starttls_with_login_from_the_environment(
    jalankan_server: Any,
    sertifikat: tuple[Path, Path],
    berkas: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    srv = jalankan_server("starttls", login=True)
    monkeypatch.setenv("PYXL_SMTP_PASSWORD", SANDI)
    surel = surel_contoh(berkas)
    smtp = PengirimSmtp(
        "127.0.0.1",
        srv.port,
        "starttls",
        "renkeu",
        timeout=5,
        pengirim=PENGIRIM,
        konteks_ssl=konteks_klien(sertifikat[0]),
    )
    t = smtp.kirim(surel)
    assert srv.login == [(b"renkeu", SANDI.encode())]
    [msg] = srv.penampung.pesan()
    assert msg["Message-ID"] == t.message_id
    periksa_pesan(msg, surel)

    monkeypatch.setenv("PYXL_SMTP_PASSWORD", "salah")
    with pytest.raises(LingkunganError, match=r"menolak login pengguna 'renkeu'"):
        smtp.kirim(surel)
    monkeypatch.delenv("PYXL_SMTP_PASSWORD")
    with pytest.raises(LingkunganError, match="PYXL_SMTP_PASSWORD atau simpan di keyring"):
        smtp.kirim(surel)
    assert len(srv.penampung.amplop) == 1


def test_smtp_tls_certificate_is_verified(
    jalankan_server: Any, sertifikat: tuple[Path, Path], berkas: list[Path]
) -> None:
    srv = jalankan_server("starttls")
    # the default context does not trust the throwaway certificate: refused, not sent
    smtp = PengirimSmtp("127.0.0.1", srv.port, "starttls", timeout=5, pengirim=PENGIRIM)
    with pytest.raises(LingkunganError, match=r"127\.0\.0\.1.*(?i:certificate)"):
        smtp.kirim(surel_contoh(berkas))
    assert srv.penampung.amplop == []


def test_openssl_certificate_works_too(tmp_path: Path) -> None:
    """The fallback used where `cryptography` is not installed gives a usable certificate."""
    crt, key = buat_sertifikat(tmp_path, openssl=True)
    konteks_server((crt, key))
    [pem] = ssl.create_default_context(cafile=str(crt)).get_ca_certs()
    assert ("commonName", "127.0.0.1") in [n for rdn in pem["subject"] for n in rdn]
    assert ("IP Address", "127.0.0.1") in pem["subjectAltName"]


def test_smtp_implicit_tls(
    jalankan_server: Any, sertifikat: tuple[Path, Path], berkas: list[Path]
) -> None:
    srv = jalankan_server("ssl")
    smtp = PengirimSmtp(
        "127.0.0.1",
        srv.port,
        "ssl",
        timeout=5,
        pengirim=PENGIRIM,
        konteks_ssl=konteks_klien(sertifikat[0]),
    )
    t = smtp.kirim(surel_contoh(berkas))
    [msg] = srv.penampung.pesan()
    assert msg["Message-ID"] == t.message_id


def test_smtp_login_without_tls_or_unknown_security_is_refused() -> None:
    with pytest.raises(IsianError, match="tanpa enkripsi tidak diizinkan"):
        PengirimSmtp("127.0.0.1", 25, "tanpa", "renkeu", pengirim=PENGIRIM)
    with pytest.raises(IsianError, match="'SMTP Keamanan' berisi 'tls'"):
        PengirimSmtp("127.0.0.1", 25, "tls", pengirim=PENGIRIM)


def test_smtp_refused_recipient_is_named(jalankan_server: Any, berkas: list[Path]) -> None:
    srv = jalankan_server(
        tolak={"kesra@setda.waykanan.example", "perencanaan@setda.waykanan.example"}
    )
    smtp = PengirimSmtp("127.0.0.1", srv.port, "tanpa", timeout=5, pengirim=PENGIRIM)
    with pytest.raises(IsianError, match=r"menolak penerima kesra@setda\.waykanan\.example \(550"):
        smtp.kirim(surel_contoh(berkas))
    assert srv.penampung.amplop == []
    # one of two refused: the mail goes to the other, the refusal is reported
    srv.penampung.tolak = {"perencanaan@setda.waykanan.example"}
    t = smtp.kirim(surel_contoh(berkas))
    assert t.ditolak == ("perencanaan@setda.waykanan.example",)
    assert srv.penampung.amplop[0].rcpt_tos == ["kesra@setda.waykanan.example"]


def test_smtp_connection_refused_names_the_server(berkas: list[Path]) -> None:
    port = port_bebas()  # nothing listens there any more
    smtp = PengirimSmtp("127.0.0.1", port, "starttls", timeout=5, pengirim=PENGIRIM)
    with pytest.raises(LingkunganError, match=rf"server SMTP 127\.0\.0\.1:{port} .*'SMTP Host'"):
        smtp.kirim(surel_contoh(berkas))
