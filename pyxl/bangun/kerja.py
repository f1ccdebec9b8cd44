"""`pyxl init`: a new working folder with the master workbook, its folders and templates."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

from pyxl.bangun.master import bangun_master
from pyxl.berkas.tulis import tulis_atomik
from pyxl.dokumen.templat import FOLDER_BAWAAN, NAMA_TEMPLAT
from pyxl.galat import IsianError
from pyxl.kontrak import skema
from pyxl.surat.kop import LAMBANG


def buat_folder_kerja(folder: Path, tahun: int | None = None, contoh: bool = False) -> Path:
    """Create the working folder; refuses to touch an existing master workbook."""
    tahun = tahun or date.today().year
    if not 2000 <= tahun <= 2100:
        raise IsianError(f"Tahun {tahun} tidak masuk akal; gunakan tahun empat angka.")
    berkas = folder / skema.NAMA_MASTER
    if berkas.exists():
        raise IsianError(
            f"{berkas} sudah ada dan tidak akan ditimpa. Pilih folder lain untuk folder kerja baru."
        )
    siapkan_folder(folder)
    isi = data_contoh(tahun) if contoh else {}
    return tulis_atomik(berkas, lambda jalur: bangun_master(jalur, tahun=tahun, **isi), timpa=False)


def siapkan_folder(folder: Path, templat_dari: Path | None = None) -> None:
    """The working folder's subfolders, and its Word templates: copies of `templat_dari`'s
    (last year's, as staff edited them) where there, else pyxl's own."""
    folder.mkdir(parents=True, exist_ok=True)
    for nama in (*skema.FOLDERS, skema.FOLDER_TEMPLAT):
        (folder / nama).mkdir(exist_ok=True)
    for nama in (*NAMA_TEMPLAT, LAMBANG):  # the kop's lambang is replaced like a template
        tujuan = folder / skema.FOLDER_TEMPLAT / nama
        sumber = templat_dari / nama if templat_dari is not None else None
        if not tujuan.exists():
            shutil.copy2(sumber if sumber and sumber.is_file() else FOLDER_BAWAAN / nama, tujuan)


def data_contoh(tahun: int) -> dict[str, Any]:
    """The built-in sample as builder arguments: Bagian, indicators (not yet filled), officials,
    the organisation profile and the Setda's IKU."""
    from pyxl.contoh import muat as sample
    from pyxl.kontrak.setda import BAGIAN_PEMILIK_SOP

    bagian = sample.bagian_contoh()
    pemilik = next(b for b in bagian if b.kode == BAGIAN_PEMILIK_SOP)
    pengaturan = dict(sample.pejabat_contoh()) | sample.profil_contoh()
    kabag = "Kepala Bagian Perencanaan dan Keuangan"
    pengaturan.update(
        {
            kabag: pemilik.kepala,
            f"NIP {kabag}": pemilik.nip,
            f"Pangkat {kabag}": pemilik.pangkat,
            "Email Pengirim": pemilik.email,
            "Batas Waktu Pengembalian": f"31 Januari {tahun + 1}",
            "Narahubung": f"{pengaturan.get('Kepala Subbagian Perencanaan', '')} (0723) 123456",
            "Kode Pos": "34763",
            "Telepon": "(0723) 123456",
            "Faksimile": "(0723) 123457",
            "Laman": sample.DOMAIN_EMAIL_CONTOH,
            "Pos-el": f"setda@{sample.DOMAIN_EMAIL_CONTOH}",
        }
    )
    indikator = {k: sample.tanpa_isian(v) for k, v in sample.indikator_contoh().items()}
    iku_setda = sample.iku_setda_contoh()
    return {
        "pengaturan": pengaturan,
        "bagian": bagian,
        "indikator": indikator,
        "iku_setda": iku_setda,
    }
