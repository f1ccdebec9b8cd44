"""IMAP intake against a real Dovecot on loopback: only tagged messages, nothing changed."""

from __future__ import annotations

import hashlib
import imaplib
import io
import re
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from typing import Any

import pytest
from openpyxl import Workbook

import dovecot
from pyxl.galat import IsianError, LingkunganError
from pyxl.kontrak.pengaturan import Pengaturan
from pyxl.masuk.imap import ambil_imap_semua
from pyxl.masuk.kiriman import Kiriman

DOMAIN = "setda.waykanan.example"
JUDUL = "Format Pengumpulan Data Kinerja"


def ambil_imap(*args: Any, **opsi: Any) -> list[Any]:
    """The returns (`Kiriman`) `ambil_imap_semua` takes from the mailbox."""
    return ambil_imap_semua(*args, **opsi).kiriman


def _xlsx(kode: str) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws["A1"] = f"Format {kode}"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


XLS = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 4
"""Binary bytes of every value: a transfer that is not 8-bit clean would show."""


@dataclass(frozen=True)
class Pesan:
    kunci: str
    folder: str
    data: bytes
    diterima: datetime
    """INTERNALDATE given at APPEND (local time)."""


def _pesan(
    kunci: str,
    perihal: str,
    pengirim: str,
    lampiran: dict[str, bytes],
    tanggal: str | None,
    *,
    folder: str = "INBOX",
    utf8: bool = False,
) -> Pesan:
    m = EmailMessage()
    m["From"] = pengirim
    m["To"] = f"Bagian Perencanaan dan Keuangan <renkeu@{DOMAIN}>"
    m["Subject"] = perihal
    if tanggal:
        m["Date"] = tanggal
    m.set_content("Terlampir format yang sudah diisi.")
    for nama, isi in lampiran.items():
        m.add_attachment(isi, maintype="application", subtype="octet-stream", filename=nama)
    # utf8: the From header as raw UTF-8 (RFC 6532), as some clients send it
    data = m.as_bytes(policy=policy.SMTPUTF8 if utf8 else policy.SMTP)
    return Pesan(kunci, folder, data, datetime(2026, 1, 16, 11, 0))


LAMPIRAN = {
    "hukum": {"HUKUM_Format_IKU_2026.xlsx": _xlsx("HUKUM")},
    "hukum-2025": {"HUKUM_Format_IKU_2025.xlsx": _xlsx("HUKUM 2025")},
    "lain": {"jadwal.xlsx": _xlsx("jadwal")},
    "org": {
        "Format_ORG_Ümum.xlsx": _xlsx("ORG"),
        "Lampiran_ORG.xls": XLS,
        "Surat_Pengantar.pdf": b"%PDF-1.4 bukan lembar kerja",
    },
    "kesra": {"KESRA_Format_IKU_2026.xlsx": _xlsx("KESRA")},
    "pbj": {"PBJ.xlsx": _xlsx("PBJ")},
    "umum": {"UMUM.xlsx": _xlsx("UMUM")},
}
PENGIRIM_KESRA = "Bagian Kesejahteraan Rakyat – Sékretariat Daerah"
PESAN = (
    _pesan(
        "hukum",
        f"Re: [IKU-2026][HUKUM] {JUDUL}",
        f"Bagian Hukum <hukum@{DOMAIN}>",
        LAMPIRAN["hukum"],
        "Tue, 13 Jan 2026 10:15:00 +0700",
    ),
    _pesan(
        "hukum-2025",
        f"Re: [IKU-2025][HUKUM] {JUDUL}",
        f"Bagian Hukum <hukum@{DOMAIN}>",
        LAMPIRAN["hukum-2025"],
        "Mon, 13 Jan 2025 10:15:00 +0700",
    ),
    _pesan(
        "lain",
        "Bahan IKU-2026 untuk rapat koordinasi",
        f"Bagian Umum <umum@{DOMAIN}>",
        LAMPIRAN["lain"],
        "Tue, 13 Jan 2026 11:00:00 +0700",
    ),
    _pesan(
        "org",
        f"RE: [IKU-2026][ORG] {JUDUL}",
        f"Bagian Organisasi – Ümar <organisasi@{DOMAIN}>",
        LAMPIRAN["org"],
        "Wed, 14 Jan 2026 08:00:00 +0000",
        utf8=True,
    ),
    _pesan(
        "kesra",
        f"Re: [IKU-2026][KESRA] {JUDUL}",
        f"{PENGIRIM_KESRA} <kesra@{DOMAIN}>",
        LAMPIRAN["kesra"],
        "Thu, 15 Jan 2026 09:30:00 +0700",
    ),
    _pesan(
        "pbj",
        f"Fwd: [IKU-2026][PBJ] {JUDUL}",
        f"pbj@{DOMAIN}",
        LAMPIRAN["pbj"],
        None,  # no Date header: the server's INTERNALDATE is the time received
    ),
    _pesan(
        "umum",
        f"Re: [IKU-2026][UMUM] {JUDUL}",
        f"Bagian Umum <umum@{DOMAIN}>",
        LAMPIRAN["umum"],
        "Fri, 16 Jan 2026 07:00:00 +0700",
        folder="Kinerja",
    ),
)


@dataclass(frozen=True)
class Kotak:
    server: dovecot.Dovecot
    uid: dict[str, int]
    """Message key → UID given by the server (APPENDUID)."""


@pytest.fixture(scope="session")
def kotak() -> Iterator[Kotak]:
    with dovecot.jalankan() as server:
        uid: dict[str, int] = {}
        with server.sambung() as imap:
            imap.create("Kinerja")
            for p in PESAN:
                status, jawab = imap.append(
                    p.folder, None, imaplib.Time2Internaldate(p.diterima.astimezone()), p.data
                )
                cocok = re.search(rb"APPENDUID \d+ (\d+)", jawab[0] or b"")
                assert status == "OK" and cocok, jawab
                uid[p.kunci] = int(cocok[1])
        yield Kotak(server, uid)


def _peng(server: dovecot.Dovecot, **lain: str) -> Pengaturan:
    return Pengaturan({"IMAP Host": server.host, "IMAP Pengguna": server.pengguna, **lain})


def _ambil(kotak: Kotak, tahun: int = 2026, **opsi: object) -> list[Kiriman]:
    s = kotak.server
    bawaan: dict[str, object] = {"sandi": s.sandi, "port": s.port, "keamanan": "tanpa"}
    return ambil_imap(_peng(s), tahun, **{**bawaan, **opsi})


def _lokal(w: datetime) -> datetime:
    return w.astimezone().replace(tzinfo=None)


def test_hanya_pesan_bertanda_tahun_itu(kotak: Kotak) -> None:
    kiriman = _ambil(kotak)
    u = kotak.uid
    assert [(k.sumber, k.nama) for k in kiriman] == [
        (f"imap:INBOX/{u['hukum']}", "HUKUM_Format_IKU_2026.xlsx"),
        (f"imap:INBOX/{u['org']}", "Format_ORG_Ümum.xlsx"),
        (f"imap:INBOX/{u['org']}", "Lampiran_ORG.xls"),
        (f"imap:INBOX/{u['kesra']}", "KESRA_Format_IKU_2026.xlsx"),
        (f"imap:INBOX/{u['pbj']}", "PBJ.xlsx"),
    ]
    lama = _ambil(kotak, 2025)
    assert [(k.sumber, k.nama) for k in lama] == [
        (f"imap:INBOX/{u['hukum-2025']}", "HUKUM_Format_IKU_2025.xlsx")
    ]


def test_lampiran_identik_dan_asal_tercatat(kotak: Kotak) -> None:
    kiriman = {k.nama: k for k in _ambil(kotak)}
    hukum = kiriman["HUKUM_Format_IKU_2026.xlsx"]
    assert hukum.data == LAMPIRAN["hukum"]["HUKUM_Format_IKU_2026.xlsx"]
    assert hukum.pengirim == f"hukum@{DOMAIN}"
    assert hukum.perihal == f"Re: [IKU-2026][HUKUM] {JUDUL}"
    assert hukum.waktu == _lokal(datetime(2026, 1, 13, 3, 15, tzinfo=UTC))

    org_x, org_s = kiriman["Format_ORG_Ümum.xlsx"], kiriman["Lampiran_ORG.xls"]
    assert org_x.data == LAMPIRAN["org"]["Format_ORG_Ümum.xlsx"]
    assert org_s.data == XLS
    assert org_x.pengirim == org_s.pengirim == f"organisasi@{DOMAIN}"
    assert org_x.waktu == org_s.waktu == _lokal(datetime(2026, 1, 14, 8, 0, tzinfo=UTC))
    assert "Surat_Pengantar.pdf" not in kiriman

    kesra = kiriman["KESRA_Format_IKU_2026.xlsx"]
    assert kesra.data == LAMPIRAN["kesra"]["KESRA_Format_IKU_2026.xlsx"]
    assert kesra.pengirim == f"kesra@{DOMAIN}"
    assert kesra.waktu == _lokal(datetime(2026, 1, 15, 2, 30, tzinfo=UTC))

    pbj = kiriman["PBJ.xlsx"]
    assert pbj.data == LAMPIRAN["pbj"]["PBJ.xlsx"]
    assert pbj.perihal == f"Fwd: [IKU-2026][PBJ] {JUDUL}"
    assert pbj.waktu == datetime(2026, 1, 16, 11, 0)  # INTERNALDATE, local time


def test_starttls_dan_ssl_dengan_sertifikat_server(kotak: Kotak) -> None:
    s = kotak.server
    tanpa = _ambil(kotak)
    starttls = _ambil(kotak, keamanan="starttls", ssl_context=s.konteks_ssl())
    implisit = _ambil(kotak, keamanan="ssl", port=s.port_ssl, ssl_context=s.konteks_ssl())
    assert starttls == implisit == tanpa
    assert len(tanpa) == 5


def test_folder_dari_pengaturan(kotak: Kotak) -> None:
    s = kotak.server
    opsi = {"sandi": s.sandi, "port": s.port, "keamanan": "tanpa"}
    kiriman = ambil_imap(_peng(s, **{"IMAP Folder": "Kinerja"}), 2026, **opsi)
    assert [(k.sumber, k.nama, k.data) for k in kiriman] == [
        (f"imap:Kinerja/{kotak.uid['umum']}", "UMUM.xlsx", LAMPIRAN["umum"]["UMUM.xlsx"])
    ]
    with pytest.raises(IsianError, match=r"Folder 'Arsip Lama'.*'IMAP Folder'"):
        ambil_imap(_peng(s, **{"IMAP Folder": "Arsip Lama"}), 2026, **opsi)


def test_kotak_surat_tidak_berubah(kotak: Kotak) -> None:
    """After every way of reading: same messages, same bytes, all still unread, none deleted."""
    s = kotak.server
    _ambil(kotak)
    _ambil(kotak, keamanan="ssl", port=s.port_ssl, ssl_context=s.konteks_ssl())
    peng = _peng(s, **{"IMAP Folder": "Kinerja"})
    ambil_imap(
        peng, 2026, sandi=s.sandi, port=s.port, keamanan="starttls", ssl_context=s.konteks_ssl()
    )
    with s.sambung() as imap:
        for folder, jumlah in (("INBOX", 6), ("Kinerja", 1)):
            _, status = imap.status(folder, "(MESSAGES UNSEEN)")
            assert f"MESSAGES {jumlah} UNSEEN {jumlah}" in status[0].decode(), status
            imap.select(folder, readonly=True)
            _, data = imap.uid("fetch", "1:*", "(FLAGS BODY.PEEK[])")
            isi = [bagian for bagian in data if isinstance(bagian, tuple)]
            assert len(isi) == jumlah
            for kepala, _ in isi:
                assert b"\\Seen" not in kepala and b"\\Deleted" not in kepala, kepala
            dikirim = {hashlib.sha256(p.data).digest() for p in PESAN if p.folder == folder}
            assert {hashlib.sha256(badan).digest() for _, badan in isi} == dikirim


def test_sandi_salah_menyebut_server(kotak: Kotak) -> None:
    s = kotak.server
    with pytest.raises(LingkunganError) as info:
        _ambil(kotak, sandi="bukan-sandinya")
    pesan = str(info.value)
    assert f"{s.host}:{s.port}" in pesan and f"'{s.pengguna}'" in pesan
    assert "PYXL_IMAP_PASSWORD" in pesan


def test_sandi_dari_variabel_lingkungan(kotak: Kotak, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYXL_IMAP_PASSWORD", kotak.server.sandi)
    assert len(_ambil(kotak, sandi=None)) == 5


def test_sertifikat_tidak_dipercaya(kotak: Kotak) -> None:
    """The system's CA store does not trust the self-signed test certificate: refused."""
    s = kotak.server
    for keamanan, port in (("ssl", s.port_ssl), ("starttls", s.port)):
        with pytest.raises(LingkunganError, match=rf"{s.host}:{port} \(.*CERTIFICATE_VERIFY"):
            _ambil(kotak, keamanan=keamanan, port=port, ssl_context=None)


# Without a server


def test_tanpa_host_tidak_membaca_apa_pun(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PYXL_IMAP_PASSWORD", raising=False)
    assert ambil_imap(Pengaturan({}), 2026) == []
    assert ambil_imap(Pengaturan({"IMAP Pengguna": "renkeu", "IMAP Host": "  "}), 2026) == []


@pytest.fixture
def port_mati() -> Iterator[int]:
    """A loopback port held bound but not listening: a connection is refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        yield s.getsockname()[1]


def test_tidak_ada_server(port_mati: int) -> None:
    peng = Pengaturan({"IMAP Host": "127.0.0.1", "IMAP Pengguna": "renkeu"})
    for keamanan in ("ssl", "starttls", "tanpa"):
        with pytest.raises(LingkunganError, match=rf"server IMAP 127\.0\.0\.1:{port_mati}"):
            ambil_imap(peng, 2026, sandi="x", port=port_mati, keamanan=keamanan)


def test_sandi_tidak_ada(monkeypatch: pytest.MonkeyPatch, port_mati: int) -> None:
    monkeypatch.delenv("PYXL_IMAP_PASSWORD", raising=False)
    peng = Pengaturan({"IMAP Host": "127.0.0.1", "IMAP Pengguna": "renkeu"})
    with pytest.raises(IsianError, match=r"PYXL_IMAP_PASSWORD.*keyring") as info:
        ambil_imap(peng, 2026, port=port_mati)
    assert "'renkeu'" in str(info.value)


def test_isian_salah(port_mati: int) -> None:
    with pytest.raises(IsianError, match="'IMAP Pengguna' masih kosong"):
        ambil_imap(Pengaturan({"IMAP Host": "127.0.0.1"}), 2026, sandi="x", port=port_mati)
    peng = Pengaturan({"IMAP Host": "127.0.0.1", "IMAP Pengguna": "renkeu"})
    with pytest.raises(
        IsianError, match=r"'IMAP Keamanan' berisi 'ssl/tls': pilih ssl, starttls atau tanpa"
    ):
        ambil_imap(peng, 2026, sandi="x", port=port_mati, keamanan="SSL/TLS")
