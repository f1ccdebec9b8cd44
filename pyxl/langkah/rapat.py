"""Step 5 — the meeting's papers: the attendance list (daftar hadir) and a notula skeleton.

The meeting is the one step 4 announced: its details are read from `Pengaturan` ('Tanggal
Rapat' …, which step 4 fills from its options), the invitees are built the same way, and the
notula cites the latest issued invitation from `Register Surat`. The Kepala Bagian
Perencanaan dan Keuangan chairs the meeting; the Kepala Subbagian Perencanaan takes the minutes
(an empty setting leaves a dotted line to write the name by hand).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from pyxl.berkas.tulis import jalur_bebas
from pyxl.buku.tabel import baca_tabel
from pyxl.dokumen.word import cari_templat, ketat, tulis_surat
from pyxl.inti import indo
from pyxl.inti.sel import sebagai_teks
from pyxl.jalan.konteks import Hasil, Konteks
from pyxl.kontrak import keluaran, skema
from pyxl.kontrak.pengaturan import KABAG
from pyxl.kontrak.status import TERBIT
from pyxl.surat.kop import kop, pejabat
from pyxl.surat.rapat import baca_rapat, daftar_undangan

NOTULIS = "Kepala Subbagian Perencanaan"
BARIS_KOSONG = 5
"""Blank rows at the end of the daftar hadir for attendees not on the list."""


def _undangan_terakhir(ktx: Konteks, kode: str) -> str:
    """'Undangan Nomor … tanggal …' of the latest issued invitation, or '-'."""
    for r in reversed(baca_tabel(ktx.buku, skema.REGISTER_SURAT)):
        if (
            sebagai_teks(r["Status"]) == TERBIT
            and sebagai_teks(r["Kode Klasifikasi"]) == kode
            and sebagai_teks(r["Perihal"]).startswith("Undangan Rapat")
        ):
            tgl = r["Tanggal"]
            teks = f"Undangan Nomor {sebagai_teks(r['Nomor Surat'])}"
            return teks + (f" tanggal {indo.tanggal(tgl)}" if hasattr(tgl, "year") else "")
    return "-"


def jalankan(ktx: Konteks) -> Hasil:
    peng = ktx.pengaturan()
    rapat = baca_rapat(
        peng,
        {},
        "Jalankan langkah 4 (pyxl undangan) dahulu, atau isi tanggal rapat di sheet Pengaturan.",
    )
    undangan = daftar_undangan(ktx.buku, peng)
    pimpinan = pejabat(peng, KABAG)
    notulis = pejabat(peng, NOTULIS, wajib=False)
    hadir = [(pimpinan["nama"], f"{KABAG} (Pimpinan Rapat)")]
    hadir += [(u.nama or "-", u.jabatan) for u in undangan]
    hadir += [(notulis["nama"] if peng[NOTULIS] else "", f"{NOTULIS} (Notulis)")]
    hadir += [("", "")] * BARIS_KOSONG
    titik = "." * 8
    umum = {"kop": kop(peng)}
    daftar_hadir = dict(
        umum,
        r=dict(
            rapat.konteks(),
            peserta=[
                {
                    "no": str(i),
                    "nama": nama,
                    "jabatan": jabatan,
                    "kiri": f"{i}. {titik}" if i % 2 else "",
                    "kanan": "" if i % 2 else f"{i}. {titik}",
                }
                for i, (nama, jabatan) in enumerate(hadir, 1)
            ],
        ),
    )
    notula = dict(
        umum,
        r=dict(
            rapat.konteks(),
            undangan=_undangan_terakhir(ktx, peng["Kode Klasifikasi Undangan"]),
            tanggal=indo.tanggal(rapat.tanggal),
            jumlah_peserta=f"{len(undangan)} orang undangan (daftar hadir terlampir)",
            peserta=[f"{u.nama or '-'} ({u.jabatan})" for u in undangan],
        ),
        pimpinan=pimpinan,
        notulis=notulis,
    )

    folder = peng.folder(ktx.buku.folder, "Folder Dokumen")
    tahun = rapat.tanggal.year
    tugas = [
        ("daftar_hadir.docx", keluaran.DAFTAR_HADIR.nama(tahun=tahun), daftar_hadir),
        ("notula_rapat.docx", keluaran.NOTULA.nama(tahun=tahun), notula),
    ]
    templat = [cari_templat(ktx.buku.folder, t) for t, _, _ in tugas]
    ditulis: list[Path] = []
    try:
        for tpl, (_, nama, konteks) in zip(templat, tugas, strict=True):
            tujuan = jalur_bebas(folder / nama)
            ditulis.append(tulis_surat(tpl, ketat(konteks), tujuan, peng, ktx.buku.folder))
    except BaseException:
        for f in ditulis:  # both papers or none
            with contextlib.suppress(OSError):
                f.unlink()
        raise
    relatif = ", ".join(f.relative_to(ktx.buku.folder).as_posix() for f in ditulis)
    return Hasil(
        f"Berkas rapat {indo.hari_tanggal(rapat.tanggal)} {rapat.waktu} ({len(undangan)} "
        f"undangan): {relatif}",
        ditulis,
    )
