"""A throwaway Dovecot IMAP server on loopback, for the IMAP intake tests.

`jalankan()` writes a private configuration in a fresh temporary folder (two free ports: IMAP
with STARTTLS and IMAPS; a self-signed certificate; one user with a plain password in a
passwd-file; a Maildir), starts `dovecot -F` in the foreground, waits until it answers, and at the
end stops it by the PID it started and removes the folder. No system service is touched.

Where Dovecot (Debian package `dovecot-imapd`) is missing or cannot start, the test is skipped
with the reason, except when PYXL_WAJIB_IMAP=1 (set by .ci/run, which installs it): then it fails.
"""

from __future__ import annotations

import contextlib
import grp
import imaplib
import os
import pwd
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pytest

PENGGUNA = "renkeu"
SANDI = "sandi-uji-Wk2026"


def perlu(alasan: str) -> NoReturn:
    if os.environ.get("PYXL_WAJIB_IMAP") == "1":
        pytest.fail(f"Dovecot wajib di CI: {alasan}")
    pytest.skip(alasan)


@dataclass(frozen=True)
class Dovecot:
    host: str
    port: int
    """IMAP: plain text, STARTTLS offered."""
    port_ssl: int
    """IMAPS: TLS from the first byte."""
    pengguna: str
    sandi: str
    sertifikat: Path
    """The server's self-signed certificate: the only CA a test context trusts."""
    log: Path

    def konteks_ssl(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.sertifikat))

    @contextlib.contextmanager
    def sambung(self) -> Iterator[imaplib.IMAP4]:
        """A logged-in imaplib connection (STARTTLS), independent of the code under test."""
        imap = imaplib.IMAP4(self.host, self.port, timeout=10)
        try:
            imap.starttls(self.konteks_ssl())
            imap.login(self.pengguna, self.sandi)
            yield imap
        finally:
            with contextlib.suppress(imaplib.IMAP4.error, OSError):
                imap.logout()


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _konfigurasi(akar: Path, port: int, port_ssl: int) -> str:
    if os.geteuid() == 0:
        # As root Dovecot drops privileges: its own users where the package made them.
        def ada(nama: str) -> bool:
            try:
                pwd.getpwnam(nama)
            except KeyError:
                return False
            return True

        internal = "dovecot" if ada("dovecot") else "nobody"
        login = "dovenull" if ada("dovenull") else "nobody"
        grup = grp.getgrgid(pwd.getpwnam(internal).pw_gid).gr_name
        chroot = ""
    else:
        # Unprivileged: everything runs as the current user, without chroot.
        internal = login = pwd.getpwuid(os.getuid()).pw_name
        grup = grp.getgrgid(os.getgid()).gr_name
        chroot = "  chroot =\n"
    return f"""\
protocols = imap
listen = 127.0.0.1
base_dir = {akar}/run
state_dir = {akar}/state
log_path = {akar}/dovecot.log
default_internal_user = {internal}
default_internal_group = {grup}
default_login_user = {login}
first_valid_uid = 1
ssl = yes
ssl_cert = <{akar}/cert.pem
ssl_key = <{akar}/key.pem
auth_mechanisms = plain login
disable_plaintext_auth = no
auth_failure_delay = 0
mail_location = maildir:{akar}/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {akar}/passwd
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {akar}/passwd
}}
service imap-login {{
  inet_listener imap {{
    port = {port}
  }}
  inet_listener imaps {{
    port = {port_ssl}
    ssl = yes
  }}
{chroot}}}
# No growing delay after the wrong-password test (auth penalty per IP).
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
{chroot}}}
"""


@contextlib.contextmanager
def jalankan() -> Iterator[Dovecot]:
    exe = shutil.which("dovecot") or next(
        (p for p in ("/usr/sbin/dovecot", "/sbin/dovecot") if os.access(p, os.X_OK)), None
    )
    openssl = shutil.which("openssl")
    if not exe:
        perlu("dovecot (paket Debian dovecot-imapd) tidak terpasang")
    if not openssl:
        perlu("openssl tidak terpasang (untuk sertifikat uji Dovecot)")
    assert exe and openssl
    # Not under pytest's tmp folder: that is private to us, and Dovecot's own users must read it.
    akar = Path(tempfile.mkdtemp(prefix="pyxl-dovecot-"))
    proses: subprocess.Popen[bytes] | None = None
    try:
        akar.chmod(0o755)
        hasil = subprocess.run(
            [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
             "-keyout", str(akar / "key.pem"), "-out", str(akar / "cert.pem"),
             "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        if hasil.returncode != 0:
            perlu(f"openssl tidak dapat membuat sertifikat uji: {hasil.stderr.strip()}")
        # Mail is stored as an unprivileged user: 'nobody' when we are root, else ourselves.
        if os.geteuid() == 0:
            orang = pwd.getpwnam("nobody")
            uid, gid = orang.pw_uid, orang.pw_gid
        else:
            uid, gid = os.getuid(), os.getgid()
        for sub in ("Maildir", "home"):
            (akar / sub).mkdir()
            os.chown(akar / sub, uid, gid)
        (akar / "passwd").write_text(f"{PENGGUNA}:{{PLAIN}}{SANDI}:{uid}:{gid}::{akar}/home::\n")
        (akar / "passwd").chmod(0o644)
        port, port_ssl = port_bebas(), port_bebas()
        while port_ssl == port:
            port_ssl = port_bebas()
        konf = akar / "dovecot.conf"
        konf.write_text(_konfigurasi(akar, port, port_ssl))
        keluaran = (akar / "keluaran.txt").open("wb")
        proses = subprocess.Popen(
            [exe, "-F", "-c", str(konf)], stdout=keluaran, stderr=subprocess.STDOUT
        )
        keluaran.close()
        server = Dovecot(
            "127.0.0.1", port, port_ssl, PENGGUNA, SANDI, akar / "cert.pem", akar / "dovecot.log"
        )
        _tunggu(server, proses, akar)
        yield server
    finally:
        if proses is not None:
            proses.terminate()
            try:
                proses.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proses.kill()
                proses.wait(timeout=15)
        shutil.rmtree(akar, ignore_errors=True)


def _tunggu(server: Dovecot, proses: subprocess.Popen[bytes], akar: Path) -> None:
    """Until both ports accept a connection and greet (at most 20 s)."""
    batas = time.monotonic() + 20
    while True:
        if proses.poll() is not None:
            perlu(f"Dovecot berhenti saat mulai (kode {proses.returncode}): {_catatan(akar)}")
        try:
            for p in (server.port, server.port_ssl):
                with socket.create_connection((server.host, p), timeout=2) as s:
                    if p == server.port and not s.recv(64).startswith(b"* OK"):
                        raise OSError("salam IMAP belum datang")
            return
        except OSError:
            if time.monotonic() > batas:
                perlu(f"Dovecot tidak menjawab dalam 20 detik: {_catatan(akar)}")
            time.sleep(0.1)


def _catatan(akar: Path) -> str:
    teks = ""
    for nama in ("keluaran.txt", "dovecot.log"):
        with contextlib.suppress(OSError):
            teks += (akar / nama).read_text(errors="replace")
    return teks.strip()[-2000:] or "(tanpa catatan)"
