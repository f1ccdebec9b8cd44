"""The mail mode the settings ask for ('Mode Email', or the command's `--mode`).

A new mode: a module in this package with a class that has `mode` and `kirim(surel) ->
Terkirim` (the `Pengirim` protocol of `pyxl.surel.pesan`), a name in `MODE`, and its branch
here; a mode whose mails leave by themselves journals each one (`pyxl.surel.jurnal`).
"""

from __future__ import annotations

from pathlib import Path

from pyxl.galat import IsianError
from pyxl.kontrak.pengaturan import Pengaturan
from pyxl.surel.draf import PengirimDraf
from pyxl.surel.outlook import PengirimOutlook
from pyxl.surel.pesan import Pengirim, periksa_alamat, periksa_header
from pyxl.surel.smtp import PengirimSmtp

MODE = ("draf", "smtp", "outlook")


def pengirim_dari_pengaturan(
    peng: Pengaturan, folder_kirim: Path, mode: str | None = None
) -> Pengirim:
    """The mailer the settings ask for (`mode` overrides 'Mode Email')."""
    mode = (mode or peng["Mode Email"]).strip().lower()
    if mode not in MODE:
        raise IsianError(f"Pengaturan 'Mode Email' berisi '{mode}': pilih draf, smtp atau outlook.")
    if mode == "outlook":
        return PengirimOutlook()
    if not (alamat := peng["Email Pengirim"]):
        raise IsianError(
            "Pengaturan 'Email Pengirim' masih kosong. Isi alamat email dinas pengirim di sheet "
            "Pengaturan."
        )
    bagian_nama = ("Bagian Pelaksana", "Unit Kerja", "Pemerintah Daerah")
    for k in bagian_nama:  # each part on its own, so the message names the right setting
        periksa_header(peng[k], f"Pengaturan '{k}' ({peng.lokasi(k)})")
    nama = " ".join(peng[k] for k in bagian_nama)
    periksa_alamat(nama, alamat, f"Pengaturan 'Email Pengirim' ({peng.lokasi('Email Pengirim')})")
    if mode == "draf":
        return PengirimDraf(folder_kirim, pengirim=(nama, alamat))
    if not (port := peng["SMTP Port"]).isdigit() or not 0 < int(port) < 65536:
        raise IsianError(f"Pengaturan 'SMTP Port' berisi '{port}': harus angka, misalnya 587.")
    keamanan = peng["SMTP Keamanan"].strip().lower()
    return PengirimSmtp(
        peng.wajib("SMTP Host"), int(port), keamanan, peng["SMTP Pengguna"], pengirim=(nama, alamat)
    )
