"""A real SMTP server for tests: aiosmtpd on 127.0.0.1, throwaway TLS certificates.

Shared by the mailer tests and the steps that send e-mail (kirim, undangan, pengantar).
"""

from __future__ import annotations

import datetime as dt
import email
import ipaddress
import shutil
import socket
import ssl
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

SANDI = "sandi-uji-Rahasia!"


def baca_eml(data: bytes) -> EmailMessage:
    msg = email.message_from_bytes(data, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    return msg


def lampiran_dari(msg: EmailMessage) -> dict[str, tuple[str, bytes]]:
    """File name -> (MIME type, bytes) of every attachment."""
    hasil = {}
    for bag in msg.iter_attachments():
        assert isinstance(bag, EmailMessage)
        isi = bag.get_content()
        assert isinstance(isi, bytes)
        hasil[str(bag.get_filename())] = (bag.get_content_type(), isi)
    return hasil


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Penampung:
    """aiosmtpd handler: keeps every envelope; refuses recipients listed in `tolak`, and every
    message after the first `batas` (as a server going down would)."""

    tolak: set[str] = field(default_factory=set)
    amplop: list[Any] = field(default_factory=list)
    batas: int | None = None

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any
    ) -> str:
        if address in self.tolak:
            return "550 5.1.1 Kotak surat tidak dikenal"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.batas is not None and len(self.amplop) >= self.batas:
            return "421 4.3.2 Layanan dihentikan"
        self.amplop.append(envelope)
        return "250 Pesan diterima"

    def pesan(self) -> list[EmailMessage]:
        return [baca_eml(e.content) for e in self.amplop]


@dataclass
class Server:
    port: int
    penampung: Penampung
    login: list[tuple[bytes, bytes]]


def _sertifikat_cryptography(crt: Path, key: Path) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    kunci = ec.generate_private_key(ec.SECP256R1())
    nama = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    sekarang = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(nama)
        .issuer_name(nama)
        .public_key(kunci.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(sekarang - dt.timedelta(minutes=5))
        .not_valid_after(sekarang + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(kunci, hashes.SHA256())
    )
    crt.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key.write_bytes(
        kunci.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


def _sertifikat_openssl(crt: Path, key: Path) -> None:
    if not shutil.which("openssl"):
        pytest.skip("tidak ada cryptography maupun openssl untuk membuat sertifikat uji")
    perintah = ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt"]
    perintah += ["ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"]
    perintah += ["-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"]
    subprocess.run([*perintah, "-keyout", key, "-out", crt], check=True, capture_output=True)


def buat_sertifikat(folder: Path, openssl: bool = False) -> tuple[Path, Path]:
    """A throwaway self-signed certificate for 127.0.0.1 and its key (cryptography, else the
    openssl command)."""
    crt, key = folder / "server.crt", folder / "server.key"
    try:
        if openssl:
            raise ImportError
        _sertifikat_cryptography(crt, key)
    except ImportError:
        _sertifikat_openssl(crt, key)
    return crt, key


@pytest.fixture(scope="session")
def sertifikat(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return buat_sertifikat(tmp_path_factory.mktemp("tls"))


def konteks_klien(crt: Path) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(crt))


def konteks_server(sertifikat: tuple[Path, Path]) -> ssl.SSLContext:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(*map(str, sertifikat))
    return ctx


@pytest.fixture
def jalankan_server(sertifikat: tuple[Path, Path]) -> Iterator[Any]:
    """Start aiosmtpd servers on 127.0.0.1; every one is stopped at teardown."""
    berjalan: list[Controller] = []

    def mulai(tls: str = "tanpa", login: bool = False, tolak: set[str] | None = None) -> Server:
        penampung = Penampung(tolak or set())
        masuk: list[tuple[bytes, bytes]] = []

        def autentikator(
            server: Any, session: Any, envelope: Any, mechanism: str, data: Any
        ) -> AuthResult:
            ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
                b"renkeu",
                SANDI.encode(),
            )
            if ok:
                masuk.append((data.login, data.password))
            return AuthResult(success=ok, handled=False)

        kw: dict[str, Any] = {}
        if tls == "starttls":
            kw = {"tls_context": konteks_server(sertifikat), "require_starttls": True}
        elif tls == "ssl":
            kw = {"ssl_context": konteks_server(sertifikat)}
        if login:
            kw |= {"authenticator": autentikator, "auth_required": True}
        port = port_bebas()
        c = Controller(penampung, hostname="127.0.0.1", port=port, **kw)
        c.start()
        berjalan.append(c)
        return Server(port, penampung, masuk)

    yield mulai
    for c in berjalan:
        c.stop()
