"""Mode `smtp`: straight to the office SMTP server (STARTTLS, SSL, or `tanpa` for a relay).

The password never lives in the workbook: it comes from `PYXL_SMTP_PASSWORD` or the system
keyring (service `pyxl-smtp`, user = 'SMTP Pengguna'). Every mail is journaled as it leaves
(`pyxl.surel.jurnal`).
"""

from __future__ import annotations

import contextlib
import os
import smtplib
import ssl
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from typing import Any

from pyxl.galat import IsianError, LingkunganError
from pyxl.surel.jurnal import catat_jurnal
from pyxl.surel.pesan import Surel, Terkirim, buat_pesan

KEAMANAN = ("starttls", "ssl", "tanpa")  # tanpa: an internal relay; no login without TLS


LAYANAN_KEYRING = "pyxl-smtp"


@dataclass
class PengirimSmtp:
    host: str
    port: int = 587
    keamanan: str = "starttls"
    pengguna: str = ""
    sandi: str | None = None  # None: PYXL_SMTP_PASSWORD, else the keyring
    timeout: float = 30.0
    pengirim: tuple[str, str] = field(kw_only=True)
    konteks_ssl: ssl.SSLContext | None = field(default=None, kw_only=True)  # default: system CAs
    mode: str = field(default="smtp", init=False)

    def __post_init__(self) -> None:
        if self.keamanan not in KEAMANAN:
            raise IsianError(
                f"Pengaturan 'SMTP Keamanan' berisi '{self.keamanan}': pilih starttls atau ssl."
            )
        if self.pengguna and self.keamanan == "tanpa":
            raise IsianError("Login SMTP tanpa enkripsi tidak diizinkan: pakai starttls atau ssl.")

    def _sandi(self) -> str:
        sandi = self.sandi or os.environ.get("PYXL_SMTP_PASSWORD")
        if not sandi:
            with contextlib.suppress(Exception):  # keyring missing, no backend, locked store
                import keyring

                sandi = keyring.get_password(LAYANAN_KEYRING, self.pengguna)
        if not sandi:
            raise LingkunganError(
                f"Kata sandi SMTP untuk pengguna '{self.pengguna}' tidak ditemukan. Isi variabel "
                f"lingkungan PYXL_SMTP_PASSWORD atau simpan di keyring sistem (layanan "
                f"'{LAYANAN_KEYRING}'); kata sandi tidak pernah disimpan di buku kerja."
            )
        return sandi

    def kirim(self, surel: Surel) -> Terkirim:
        msg = buat_pesan(surel, self.pengirim)
        konteks = self.konteks_ssl or ssl.create_default_context()
        mid = str(msg["Message-ID"])
        try:
            ditolak = self._kirim(msg, surel, konteks)
        except Exception:
            with contextlib.suppress(OSError):
                catat_jurnal("gagal", surel, mid, self.mode)
            raise
        t = Terkirim(mid, self.mode, None, datetime.now(), tuple(ditolak))
        with contextlib.suppress(OSError):  # the `coba` line already says it may have left
            catat_jurnal("terkirim", surel, mid, self.mode, t)
        return t

    def _kirim(self, msg: EmailMessage, surel: Surel, konteks: ssl.SSLContext) -> dict[str, Any]:
        server = f"{self.host}:{self.port}"
        try:
            if self.keamanan == "ssl":
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    self.host, self.port, timeout=self.timeout, context=konteks
                )
            else:
                smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
            with smtp:
                if self.keamanan == "starttls":
                    smtp.starttls(context=konteks)
                if self.pengguna:
                    smtp.login(self.pengguna, self._sandi())
                # nothing is handed over unless this line is on disk
                catat_jurnal("coba", surel, str(msg["Message-ID"]), self.mode)
                ditolak = smtp.send_message(
                    msg, to_addrs=[a for _, a in (*surel.kepada, *surel.tembusan)]
                )
        except smtplib.SMTPRecipientsRefused as exc:
            alasan = "; ".join(f"{a} ({k} {_teks(p)})" for a, (k, p) in exc.recipients.items())
            raise IsianError(f"Server SMTP {server} menolak penerima {alasan}.") from exc
        except (smtplib.SMTPSenderRefused, smtplib.SMTPAuthenticationError) as exc:
            login = isinstance(exc, smtplib.SMTPAuthenticationError)
            apa = f"login pengguna '{self.pengguna}'" if login else f"pengirim {self.pengirim[1]}"
            raise LingkunganError(
                f"Server SMTP {server} menolak {apa} ({exc.smtp_code} {_teks(exc.smtp_error)}). "
                "Periksa Pengaturan 'Email Pengirim' dan 'SMTP Pengguna', dan kata sandi di "
                "PYXL_SMTP_PASSWORD atau keyring."
            ) from exc
        except OSError as exc:  # refused, timeout, DNS, TLS, any other SMTP error
            raise LingkunganError(
                f"Tidak dapat mengirim email melalui server SMTP {server} ({exc}). Periksa "
                "Pengaturan 'SMTP Host', 'SMTP Port' dan 'SMTP Keamanan', jaringan/firewall, dan "
                "sertifikat TLS server."
            ) from exc
        return dict(ditolak)


def _teks(b: bytes | str) -> str:
    return b.decode("utf-8", "replace") if isinstance(b, bytes) else b
