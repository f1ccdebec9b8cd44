"""Running one step: the same path for a button and for a command.

`jalankan` checks the workbook, runs the step's core function, logs the step in `Log SOP`,
updates `Kendali`, and saves. If the workbook cannot be saved, the files the step wrote are
removed again, so a failed run leaves nothing half-done — except what cannot be taken back: a
letter that went out by e-mail stays, and its mails are recorded by the next run.

A run that dies (killed, power cut) is completed or undone by the next one: see
`pyxl.jalan.pemulihan`.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

from pyxl.berkas.kunci import Jurnal, pakai_jurnal
from pyxl.berkas.tulis import galat_tulis
from pyxl.buku.kendali import segarkan_status_bagian, tandai_langkah
from pyxl.buku.tabel import baca_tabel, tambah_baris
from pyxl.galat import PyxlError
from pyxl.inti.jam_kerja import menit_kerja
from pyxl.inti.sel import sebagai_teks
from pyxl.jalan.konteks import Hasil, Konteks
from pyxl.jalan.pemulihan import (
    ambil_lanjutan,
    buang_lama,
    isi_keluaran,
    kembalikan_lama,
    kembalikan_semua_lama,
    lampiran_keluar_jurnal,
    pulihkan,
    selesai_lanjutan,
    stand,
)
from pyxl.jalan.syarat import periksa_jalur, periksa_struktur, periksa_tahun
from pyxl.kontrak import kendali, skema, sop
from pyxl.kontrak.perintah import PER_NAMA

HANYA_BACA = ("status", "cek", "tahun_baru")
"""Commands that never write the master (tahun_baru writes a new folder from it)."""


def menulis(nama: str, opsi: dict[str, Any]) -> bool:
    """Whether a command may write (the read-only ones neither journal nor recover)."""
    return nama not in HANYA_BACA and not (nama == "arsip" and opsi.get("periksa"))


def jalankan(nama: str, langkah: Callable[..., Hasil], ktx: Konteks, /, **opsi: Any) -> Hasil:
    """Run command `nama`, whose core function is `langkah` (see the module docstring)."""
    perintah = PER_NAMA[nama]
    jurnal: Jurnal | None = None
    pulih = ""
    if menulis(nama, opsi):
        # an earlier release's master, last year's master, a path Windows cannot write
        periksa_struktur(ktx.buku)
        periksa_jalur(ktx.buku)
        periksa_tahun(ktx.buku, ktx.pengaturan())
        jurnal = Jurnal(ktx.buku.folder)
        try:
            ktx.pulihan = pulihkan(ktx, jurnal)
            pulih = ktx.pulihan.ringkasan(ktx.buku.folder)
            if lanjut := ambil_lanjutan(ktx.buku.folder, nama):
                ktx.pulihan.surel, ktx.pulihan.surat = lanjut
        except OSError as exc:
            raise _galat_os(exc) from exc
        try:
            jurnal.catat("mulai", perintah=nama, berkas=isi_keluaran(ktx))
        except OSError as exc:  # nothing done yet: the step does not start without its journal
            raise galat_tulis(exc, jurnal.jalur, "Jurnal proses") from exc
        if pulih:
            ktx.umpan.info(pulih)
    mulai = ktx.jam()
    ktx.umpan.status(f"{perintah.judul}: berjalan …")
    with pakai_jurnal(jurnal), _tanpa_pengumpulan_penuh():
        try:
            hasil = langkah(ktx, **opsi)
        except BaseException as exc:
            if jurnal:
                kembalikan_semua_lama(ktx)
            if (galat := _gagal(jurnal, exc)) is exc:
                raise
            raise galat from exc
        if not hasil.ubah_buku:
            if jurnal:
                jurnal.hapus()
                selesai_lanjutan(ktx.buku.folder, nama)
        else:
            try:
                log = f"{hasil.ringkasan}\n{pulih}" if pulih else hasil.ringkasan
                if perintah.ubah_status_bagian:
                    # one refresh here rather than in each step: the table never lags behind
                    segarkan_status_bagian(ktx.buku, hasil.periode)
                for ls in sop.LANGKAH:
                    if ls.perintah == nama and (hasil.langkah is None or ls.no in hasil.langkah):
                        catat_langkah(ktx, ls.no, mulai, log)
                if jurnal:
                    jurnal.catat("simpan", stand=stand(ktx.buku.berkas))
                ktx.buku.simpan()
            except BaseException as exc:
                tetap = lampiran_keluar_jurnal(jurnal)  # letters that went out stay
                galat = _gagal(jurnal, exc)
                for f in hasil.berkas:
                    if f.resolve() not in tetap:
                        with contextlib.suppress(OSError):
                            f.unlink()
                kembalikan_lama(hasil.berkas)
                if galat is exc:
                    raise
                raise galat from exc
            buang_lama(hasil.berkas)
            if jurnal:
                with contextlib.suppress(OSError):  # saved: a leftover journal only repeats it
                    jurnal.hapus()
                    selesai_lanjutan(ktx.buku.folder, nama)
    (ktx.umpan.galat if hasil.gagal else ktx.umpan.info)(hasil.ringkasan)
    return hasil


@contextlib.contextmanager
def _tanpa_pengumpulan_penuh() -> Iterator[None]:
    """The step with the full passes of Python's cycle collector held off, restored after it.

    A step holds what it read (hundreds of Bagian sheets, thousands of returns) as lists and
    dicts, and each full pass walks all of them: a file of step 6 cost 15–20 % more at 5,000
    returns than at 1,000. Without full passes the cost per file is flat (at 5,000: 2.71–2.74
    ms, 2.88–2.98 with them). The young passes still run, so the short-lived cycles a step makes (a
    format's XlsxWriter workbook, for one) are still freed as it goes: holding off every pass
    instead kept them all, 0.8 GB more at the peak of issuing 5,000 formats."""
    muda, tengah, penuh = gc.get_threshold()
    gc.set_threshold(muda, tengah, _TANPA_BATAS)
    try:
        yield
    finally:
        gc.set_threshold(muda, tengah, penuh)


_TANPA_BATAS = 2**31 - 1
"""A full pass after this many young passes: never, within one step."""


def _gagal(jurnal: Jurnal | None, exc: BaseException) -> BaseException:
    """The exception to raise after a failed step or save: an OSError (disk full, read-only
    folder) as an Indonesian message. The journal stays only when mails left (the next run
    records them, and the message says so)."""
    from pyxl.surel.jurnal import surel_jurnal

    galat = _galat_os(exc) if isinstance(exc, OSError) else exc
    if jurnal is None:
        return galat
    keluar = [s for s in surel_jurnal(jurnal.baca(hanya_ini=True)) if s.keluar]
    if not keluar:
        with contextlib.suppress(OSError):
            jurnal.hapus()
    elif isinstance(galat, PyxlError) and galat.args:
        galat.args = (
            f"{galat.args[0]}\n{len(keluar)} email sudah terkirim sebelum kegagalan ini; email "
            f"itu tercatat di jurnal {jurnal.jalur.name} dan dicatat ke sheet "
            f"{skema.PENGIRIMAN} pada langkah berikutnya yang dijalankan (tidak dikirim ulang).",
            *galat.args[1:],
        )
    return galat


def _galat_os(exc: OSError) -> BaseException:
    """A file system error the OS reported (disk full, read-only, no access) as an Indonesian
    message naming the file; any other OSError as it is."""
    return galat_tulis(exc, None) if exc.errno else exc


def sejak_mungkin(ktx: Konteks, no: int, mulai: datetime, selesai: datetime) -> datetime:
    """When step `no` became possible: the last end, logged in `Log SOP`, of the step before
    it or of this step itself (a repeat is measured from the previous run), not after
    `selesai`; the run's own start when neither has run (step 1, or steps run out of order)."""
    akhir = [
        r["Selesai"]
        for r in baca_tabel(ktx.buku, skema.LOG_SOP)
        if sebagai_teks(r.get("Langkah")) in (str(no - 1), str(no))
        and isinstance(r.get("Selesai"), datetime)
        and r["Selesai"] <= selesai
    ]
    return max(akhir) if akhir else mulai


def catat_langkah(ktx: Konteks, no: int, mulai: datetime, ringkasan: str) -> None:
    """One row in `Log SOP` and the step's status on `Kendali`.

    The duration is the step's working time (`pyxl.inti.jam_kerja`) from when it became
    possible (`sejak_mungkin`) to now, the measure the SOP's standard time is written in; the
    row's `Mulai` is that moment."""
    ls = sop.langkah(no)
    selesai = ktx.jam()
    sejak = sejak_mungkin(ktx, no, mulai, selesai)
    durasi = menit_kerja(sejak, selesai)
    sesuai = durasi <= ls.waktu_baku_menit
    tambah_baris(
        ktx.buku,
        skema.LOG_SOP,
        skema.KOLOM_LOG,
        [
            {
                "Langkah": no,
                "Uraian": ls.uraian,
                "Oleh": ktx.pengguna,
                "Mulai": sejak,
                "Selesai": selesai,
                "Durasi (menit)": round(durasi, 2),
                "Waktu Baku": ls.waktu_baku_menit,
                "Sesuai Waktu Baku": "Ya" if sesuai else "Tidak",
                "Hasil": ringkasan,
            }
        ],
    )
    status = kendali.SELESAI if sesuai else kendali.LEWAT_WAKTU
    tandai_langkah(ktx.buku, no, status, sejak, selesai, durasi, ringkasan)
