"""`pyxl demo DIR`: the SOP on the built-in sample, from an empty folder to every output.

It runs the same functions as the buttons and commands, on a new working folder, and prints
where each output is. Steps that later versions add join the list below.

Each step runs on the day an office would run it (`HARI`, in January after the performance
year), so every document is dated in the order of the SOP: disposisi < format and e-mails <
undangan < rapat < deadline < Dokumen IKU draft < approval < surat pengantar.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pyxl.alat.simulasi import isi_format, isian_contoh
from pyxl.bangun.kerja import buat_folder_kerja
from pyxl.buku.tabel import tambah_baris
from pyxl.buku.xlsm import buka
from pyxl.contoh.muat import TAHUN_CONTOH, naratif_contoh
from pyxl.galat import IsianError
from pyxl.inti import indo
from pyxl.jalan.konteks import Konteks
from pyxl.jalan.umpan import Umpan, UmpanKonsol
from pyxl.kontrak import skema
from pyxl.kontrak.keluaran import FORMAT_IKU
from pyxl.kontrak.perintah import PER_NAMA
from pyxl.kontrak.periode import nomor_tw
from pyxl.langkah import jalankan

HARI: dict[str, tuple[int, int]] = {
    "disposisi": (1, 5),
    "format": (1, 6),
    "kirim": (1, 6),
    "undangan": (1, 7),
    "rapat": (1, 14),
    "himpun": (1, 21),
    "analisis": (1, 22),
    "dokumen": (1, 28),
    "setujui": (1, 30),
    "pengantar": (2, 3),
    "arsip": (2, 4),
}
"""(month, day) of the year after the performance year on which the demo runs each step."""
BATAS_WAKTU = (1, 20)
"""The deadline given to step 2: after the meeting, before the Dokumen IKU draft."""
TRIWULAN = "TW III"
"""The quarterly round the demo runs during the performance year, before the yearly SOP."""
HARI_TRIWULAN: dict[str, tuple[int, int]] = {
    "format": (10, 1),
    "kirim": (10, 1),
    "himpun": (10, 12),
    "analisis": (10, 13),
    "laporan": (10, 14),
}
"""(month, day) of the performance year on which the quarterly round runs each step."""
BATAS_TRIWULAN = (10, 10)
TERLAMBAT = "PROKOPIM"
"""The Bagian whose quarterly return has not come in (the report lists it as late)."""
LEWAT_EMAIL = "EKON"
"""The Bagian that replies to the e-mail, its evidence attached to the same message."""
LEWAT_ZIP = "HUKUM"
"""The Bagian that puts its evidence in a zip beside its return."""


def _jam(hari: date) -> Callable[[], datetime]:
    """A clock that starts at 09.00 on `hari` and runs at the real pace (the SOP log still
    measures how long the step took)."""
    awal, mulai = datetime.combine(hari, datetime.min.time()).replace(hour=9), datetime.now()
    return lambda: awal + (datetime.now() - mulai)


def _tulis_naratif(berkas: Path) -> None:
    """What staff write in sheet `Analisis Naratif` after step 7, for a few indicators only:
    the document then shows both their text and the marked places still to fill."""
    with buka(berkas) as buku:
        tambah_baris(buku, skema.ANALISIS_NARATIF, skema.KOLOM_ANALISIS_NARATIF, naratif_contoh())
        buku.simpan()


def _dengan_bukti(folder: Path, kode: str, isian: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The yearly return names the evidence of every indicator that needs it, and the Bagian
    puts those files in `masuk/<KODE>/`."""
    from pyxl.alat.simulasi import pdf_contoh
    from pyxl.contoh.muat import indikator_contoh

    for r, i in zip(isian, indikator_contoh()[kode], strict=True):
        if i.perlu_bukti:
            r["Bukti"] = nama = f"{i.kode_iku}_{TAHUN_CONTOH}.pdf"
            (folder / skema.FOLDER_MASUK / kode).mkdir(exist_ok=True)
            data = pdf_contoh(f"Data dukung {i.kode_iku} tahun {TAHUN_CONTOH} ({kode})")
            (folder / skema.FOLDER_MASUK / kode / nama).write_bytes(data)
    return isian


def _kembalian_triwulan(folder: Path, tw: int) -> None:
    """Every sample Bagian but `TERLAMBAT` returns its quarterly format with the evidence its
    `Bukti` cells name: most in `masuk/<KODE>/`, one attached to its reply e-mail, one in a
    zip beside the return."""
    from email.message import EmailMessage
    from email.utils import format_datetime

    from pyxl.alat.simulasi import isian_triwulan_contoh, pdf_contoh
    from pyxl.contoh.muat import DOMAIN_EMAIL_CONTOH

    masuk = folder / skema.FOLDER_MASUK
    for format_ in sorted((folder / skema.FOLDER_FORMAT / f"TW{tw}").glob("*.xlsx")):
        kode = format_.name.split("_Format_IKU_")[0]
        if kode == TERLAMBAT:
            continue
        isian = isian_triwulan_contoh(kode, tw)
        bukti = {
            n: pdf_contoh(f"Data dukung {n.removesuffix('.pdf')} ({kode})")
            for r in isian
            if (n := r["Bukti"])
        }
        kembali = isi_format(format_, masuk / ".simulasi" / format_.name, isian)
        if kode == LEWAT_EMAIL:
            pesan = EmailMessage()
            pesan["From"] = f"Kepala {kode} <{kode.lower()}@{DOMAIN_EMAIL_CONTOH}>"
            pesan["To"] = f"perencanaan@{DOMAIN_EMAIL_CONTOH}"
            pesan["Subject"] = f"Re: [IKU-{TAHUN_CONTOH}][{kode}] Format {TRIWULAN}"
            pesan["Date"] = format_datetime(datetime(TAHUN_CONTOH, 10, 8, 14, 5).astimezone())
            pesan.set_content("Terlampir format yang sudah diisi beserta data dukungnya.")
            jenis = "vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            pesan.add_attachment(kembali.read_bytes(), "application", jenis, filename=format_.name)
            for nama, data in bukti.items():
                pesan.add_attachment(data, "application", "pdf", filename=nama)
            (masuk / f"{kode}_{TRIWULAN.replace(' ', '')}.eml").write_bytes(bytes(pesan))
        else:
            kembali.replace(masuk / format_.name)
            if kode == LEWAT_ZIP:
                with zipfile.ZipFile(masuk / f"{kode}_bukti_TW{tw}.zip", "w") as z:
                    for nama, data in bukti.items():
                        z.writestr(nama, data)
            elif bukti:
                (masuk / kode).mkdir(exist_ok=True)
                for nama, data in bukti.items():
                    (masuk / kode / nama).write_bytes(data)
        kembali.unlink(missing_ok=True)
    (masuk / ".simulasi").rmdir()


def demo(folder: Path, umpan: Umpan | None = None, sampai: int = 13) -> Path:
    """Run the SOP on the sample into `folder`, up to and including SOP step `sampai`
    (training: stop where the class is; tests: start a later step from a known state)."""
    umpan = umpan or UmpanKonsol()
    if folder.exists() and any(folder.iterdir()):
        raise IsianError(f"Folder {folder} tidak kosong; demo memerlukan folder baru/kosong.")
    umpan.status(f"Membuat folder kerja contoh (tahun {TAHUN_CONTOH}) di {folder} …")
    berkas = buat_folder_kerja(folder, TAHUN_CONTOH, contoh=True)
    th = TAHUN_CONTOH + 1  # the SOP runs in January after the performance year

    def hari(nama: str) -> str:
        return indo.tanggal(date(th, *HARI[nama]))

    def langkah(nama: str, *, pada: date | None = None, **opsi: object) -> None:
        no = PER_NAMA[nama].langkah
        if no is not None and no > sampai:
            return
        jam = _jam(pada or date(th, *HARI[nama]))
        with buka(berkas) as buku:
            jalankan(nama, Konteks(buku, umpan, pengguna="demo", jam=jam), **opsi)

    if sampai >= 13:  # the whole demo: a quarterly round during the year comes first
        umpan.status(f"Putaran pemantauan {TRIWULAN} {TAHUN_CONTOH} …")

        def pada(nama: str) -> date:
            return date(TAHUN_CONTOH, *HARI_TRIWULAN[nama])

        batas = indo.tanggal(date(TAHUN_CONTOH, *BATAS_TRIWULAN))
        langkah("format", pada=pada("format"), batas_waktu=batas, periode=TRIWULAN)
        langkah("kirim", pada=pada("kirim"), mode="draf", periode=TRIWULAN)
        _kembalian_triwulan(folder, nomor_tw(TRIWULAN) or 0)
        langkah("himpun", pada=pada("himpun"), imap=False, periode=TRIWULAN)
        langkah("analisis", pada=pada("analisis"), periode=TRIWULAN)
        langkah(
            "laporan", pada=pada("laporan"), tanggal=indo.tanggal(pada("laporan")), periode=TRIWULAN
        )

    langkah(
        "disposisi",
        tanggal=hari("disposisi"),
        surat_dari="Sekretaris Daerah",
        nomor_surat=f"000.7.5/012/I.10-WK/{th}",
        tanggal_surat=f"2 Januari {th}",
        perihal=f"Penyusunan Laporan Kinerja Tahun {TAHUN_CONTOH}",
    )
    langkah("format", batas_waktu=indo.tanggal(date(th, *BATAS_WAKTU)))
    langkah("kirim", mode="draf")
    langkah(
        "undangan",
        tanggal=hari("undangan"),
        tanggal_rapat=hari("rapat"),
        jam="09.00",
        mode="draf",
    )
    langkah("rapat")
    if sampai >= 6:
        umpan.status("Mensimulasikan kiriman balik 10 Bagian ke folder masuk/ …")
        for format_ in sorted((folder / skema.FOLDER_FORMAT).iterdir()):
            if not FORMAT_IKU.cocok(format_.name):
                continue
            kode = format_.name.split("_Format_IKU_")[0]
            isian = _dengan_bukti(folder, kode, isian_contoh(kode))
            isi_format(format_, folder / skema.FOLDER_MASUK / format_.name, isian)
    langkah("himpun", imap=False)
    langkah("analisis")
    if sampai >= 8:
        _tulis_naratif(berkas)
    langkah("dokumen", tanggal=hari("dokumen"))
    langkah("setujui", tanggal=hari("setujui"))
    langkah("pengantar", tanggal=hari("pengantar"), mode="draf")
    langkah("arsip")
    with buka(berkas, hanya_baca=True) as buku:
        jalankan("status", Konteks(buku, umpan, pengguna="demo"), tulis=False)
    umpan.info("")
    umpan.info("Hasil demo:")
    umpan.info(f"  Buku kerja master : {berkas}")
    for nama in skema.FOLDERS:
        isi = sorted(p.name for p in (folder / nama).rglob("*") if p.is_file())
        umpan.info(f"  {nama + '/':<18}: {', '.join(isi) if isi else '(kosong)'}")
    return berkas
