"""Optional intake for step 6 (`himpun`): returns that reached the office mailbox over IMAP.

Only messages whose subject carries `[IKU-<Tahun>]` (the tag `kirim` puts there, which a reply
keeps) are read, and their attachments are taken by the same rules as an `.eml` in `masuk/`
(`kiriman.Pesan.pilah`: the returns, and the evidence sent with them). Strictly read-only,
the mailbox being the office's record: the folder is opened with EXAMINE and bodies fetched
with BODY.PEEK, so nothing is marked read, moved or deleted. The password is never in the
workbook: `PYXL_IMAP_PASSWORD` or the system keyring (service `pyxl-imap`, user = 'IMAP
Pengguna').
"""

from __future__ import annotations

import contextlib
import imaplib
import os
import ssl
from datetime import datetime

from imap_tools import AND, BaseMailBox, MailBox, MailBoxStartTls, MailBoxUnencrypted
from imap_tools.errors import ImapToolsError, MailboxFolderSelectError, MailboxLoginError

from pyxl.galat import IsianError, LingkunganError
from pyxl.kontrak.pengaturan import BAWAAN, Pengaturan
from pyxl.masuk.kiriman import BuktiMasuk, Kiriman, Masukan, baca_eml

LAYANAN_KEYRING = "pyxl-imap"
PORT_BAWAAN = {"ssl": 993, "starttls": 143, "tanpa": 143}
"""`tanpa` (no encryption) only when chosen explicitly, for a server on the internal network."""


def ambil_imap_semua(
    peng: Pengaturan,
    tahun: int,
    *,
    sandi: str | None = None,
    port: int | None = None,
    ssl_context: ssl.SSLContext | None = None,
    keamanan: str | None = None,
    timeout: float = 30.0,
) -> Masukan:
    """The returns attached to the tagged messages in 'IMAP Folder', oldest first, with the
    evidence attached beside them (`BuktiMasuk`).

    An empty 'IMAP Host' means no mailbox is used: nothing is read and nothing returned.
    """
    host = peng["IMAP Host"]
    if not host:
        return Masukan()
    pengguna = peng.wajib("IMAP Pengguna")
    folder = peng["IMAP Folder"]
    keamanan = (keamanan or _setelan(peng, "IMAP Keamanan") or "ssl").strip().lower()
    if keamanan not in PORT_BAWAAN:
        raise IsianError(f"'IMAP Keamanan' berisi '{keamanan}': pilih ssl, starttls atau tanpa.")
    teks = str(port or _setelan(peng, "IMAP Port") or PORT_BAWAAN[keamanan])
    if not teks.isdigit():
        raise IsianError(f"'IMAP Port' berisi '{teks}': harus angka, misalnya 993.")
    port = int(teks)
    sandi = sandi or _sandi(pengguna)
    server = f"{host}:{port}"
    tanda = f"[IKU-{tahun}]"
    konteks = ssl_context or ssl.create_default_context()  # imaplib alone verifies nothing
    hasil = Masukan()
    try:
        if keamanan == "ssl":
            kotak: BaseMailBox = MailBox(host, port, timeout=timeout, ssl_context=konteks)
        elif keamanan == "starttls":
            kotak = _MailBoxStartTls(host, port, timeout=timeout, ssl_context=konteks)
        else:
            kotak = MailBoxUnencrypted(host, port, timeout=timeout)
        with kotak:  # logs out and closes the connection even when the login is refused
            kotak.login(pengguna, sandi, initial_folder=None)
            try:
                kotak.folder.set(folder, readonly=True)  # EXAMINE: no flag can change
            except MailboxFolderSelectError as exc:
                raise IsianError(
                    f"Folder '{folder}' tidak ada di kotak surat {pengguna} pada server IMAP "
                    f"{server}. Periksa Pengaturan 'IMAP Folder'."
                ) from exc
            for pesan in kotak.fetch(AND(subject=tanda), mark_seen=False):
                if tanda not in pesan.subject.upper():  # some servers match words, not text
                    continue
                surel = baca_eml(pesan.obj.as_bytes())
                if surel is None:
                    continue
                kembalian, bukti = surel.pilah()
                if not kembalian:
                    continue
                tanggal = surel.waktu
                waktu = tanggal or _diterima(kotak, pesan.uid)
                sumber = f"imap:{folder}/{pesan.uid}"
                dari, perihal = surel.pengirim, surel.perihal
                hasil.kiriman += [
                    Kiriman(n, d, waktu, sumber, dari, perihal, disimpan=tanggal)
                    for n, d in kembalian
                ]
                asal = surel.asal(sumber)
                hasil.bukti += [
                    BuktiMasuk(n, d, waktu, sumber, asal, ikut=sumber, pengirim=dari)
                    for n, d in bukti
                ]
    except MailboxLoginError as exc:
        raise LingkunganError(
            f"Server IMAP {server} menolak login pengguna '{pengguna}'. Periksa Pengaturan "
            "'IMAP Pengguna' dan kata sandi di PYXL_IMAP_PASSWORD atau keyring sistem."
        ) from exc
    except (OSError, imaplib.IMAP4.error, ImapToolsError) as exc:
        raise LingkunganError(
            f"Tidak dapat membaca kotak surat di server IMAP {server} ({exc}). Periksa "
            "Pengaturan 'IMAP Host', port dan keamanan (ssl/starttls), jaringan/firewall, dan "
            "sertifikat TLS server."
        ) from exc
    hasil.urutkan()
    return hasil


class _MailBoxStartTls(MailBoxStartTls):
    """STARTTLS that closes its connection when TLS fails (e.g. an untrusted certificate)."""

    def _get_mailbox_client(self) -> imaplib.IMAP4:
        client = imaplib.IMAP4(self._host, self._port, timeout=self._timeout)
        try:
            client.starttls(self._ssl_context)
        except BaseException:
            with contextlib.suppress(OSError):
                client.shutdown()
            raise
        return client


def _setelan(peng: Pengaturan, kunci: str) -> str:
    """A setting that the workbook may not define yet ('IMAP Port', 'IMAP Keamanan')."""
    return peng[kunci] if kunci in BAWAAN else ""


def _sandi(pengguna: str) -> str:
    sandi = os.environ.get("PYXL_IMAP_PASSWORD")
    if not sandi:
        try:
            import keyring

            sandi = keyring.get_password(LAYANAN_KEYRING, pengguna)
        except Exception:  # keyring not installed, no backend, locked store
            sandi = None
    if not sandi:
        raise IsianError(
            f"Kata sandi IMAP untuk pengguna '{pengguna}' tidak ditemukan. Isi variabel "
            f"lingkungan PYXL_IMAP_PASSWORD atau simpan di keyring sistem (layanan "
            f"'{LAYANAN_KEYRING}', pengguna '{pengguna}'). Kata sandi tidak pernah disimpan di "
            "buku kerja."
        )
    return sandi


def _diterima(kotak: BaseMailBox, uid: str | None) -> datetime:
    """INTERNALDATE (when the server received it), for a message without a Date header."""
    _, data = kotak.client.uid("fetch", str(uid), "(INTERNALDATE)")
    waktu = imaplib.Internaldate2tuple(data[0]) if data and isinstance(data[0], bytes) else None
    return datetime(*waktu[:6]) if waktu else datetime.now()
