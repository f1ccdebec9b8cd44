"""Step 1 — record the order (disposisi) and write the lembar disposisi.

Staff may type the order as a new row of the `Disposisi` sheet (any of its columns) and press
the button; whatever is left empty comes from the command's options or from `Pengaturan`.
Without such a row a new one is added. The row is completed with its number, the document's
file name and the time it was recorded.

The lembar disposisi is an official form: it carries the date of the order and an agenda number
of that date's year (the order of January 2027 about the 2026 data is agenda .../2027), and no
mark of the tool that printed it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pyxl.berkas.tulis import jalur_bebas
from pyxl.buku.port import Baris
from pyxl.buku.tabel import baca_tabel, ganti_baris, tambah_baris
from pyxl.dokumen.word import cari_templat, tulis_surat
from pyxl.galat import IsianError
from pyxl.inti import indo
from pyxl.inti.sel import sebagai_teks
from pyxl.jalan.konteks import Hasil, Konteks
from pyxl.kontrak import keluaran, skema
from pyxl.kontrak.pengaturan import KABAG
from pyxl.surat.kop import kop, pejabat

SIFAT = ("Biasa", "Segera", "Sangat Segera", "Penting", "Rahasia")
TEMPLAT = "lembar_disposisi.docx"


def _tanggal(nilai: Any, asal: str) -> date:
    if isinstance(nilai, datetime):
        return nilai.date()
    if isinstance(nilai, date):
        return nilai
    try:
        return indo.parse_tanggal(str(nilai))
    except ValueError as exc:
        raise IsianError(f"{asal}: {exc}") from exc


def jalankan(
    ktx: Konteks,
    *,
    tanggal: str | None = None,
    dari: str | None = None,
    kepada: str | None = None,
    isi: str | None = None,
    sifat: str | None = None,
    surat_dari: str | None = None,
    nomor_surat: str | None = None,
    tanggal_surat: str | None = None,
    perihal: str | None = None,
    nomor_agenda: str | None = None,
) -> Hasil:
    peng = ktx.pengaturan()
    tahun = peng.tahun()
    rows = baca_tabel(ktx.buku, skema.DISPOSISI)
    # A typed row without a document yet is the order to record.
    baru: Baris | None = rows[-1] if rows and not sebagai_teks(rows[-1].get("Berkas")) else None
    dasar = baru or {}
    lokasi = f"sheet {skema.DISPOSISI} baris {dasar['_baris']}" if baru else "perintah"

    def pilih(arg: str | None, kolom: str, bawaan: str) -> str:
        return arg if arg is not None else (sebagai_teks(dasar.get(kolom)) or bawaan)

    mentah_tgl = tanggal if tanggal is not None else dasar.get("Tanggal")
    tgl = _tanggal(mentah_tgl, f"Tanggal disposisi ({lokasi})") if mentah_tgl else ktx.jam().date()
    isian = {
        "Dari": pilih(dari, "Dari", KABAG),
        "Kepada": pilih(kepada, "Kepada", peng["Disposisi Kepada"]),
        "Isi Disposisi": pilih(isi, "Isi Disposisi", peng["Isi Disposisi"]),
        "Sifat": pilih(sifat, "Sifat", peng["Sifat Disposisi"]),
        "Surat Dari": pilih(surat_dari, "Surat Dari", ""),
        "Nomor Surat": pilih(nomor_surat, "Nomor Surat", ""),
        "Tanggal Surat": pilih(tanggal_surat, "Tanggal Surat", ""),
        "Perihal": pilih(perihal, "Perihal", "Pengumpulan Data Kinerja"),
        "Nomor Agenda": pilih(nomor_agenda, "Nomor Agenda", ""),
    }
    kepada_daftar = [k.strip() for k in isian["Kepada"].split(";") if k.strip()]
    if not kepada_daftar:
        raise IsianError(f"Disposisi ({lokasi}): kolom Kepada kosong. Isi penerima disposisi.")
    if not isian["Isi Disposisi"].strip():
        raise IsianError(f"Disposisi ({lokasi}): Isi Disposisi kosong.")
    sifat_ok = {s.lower(): s for s in SIFAT}
    if isian["Sifat"].strip().lower() not in sifat_ok:
        raise IsianError(
            f"Disposisi ({lokasi}): Sifat '{isian['Sifat']}' tidak dikenal; pilih salah satu: "
            f"{', '.join(SIFAT)}."
        )
    isian["Sifat"] = sifat_ok[isian["Sifat"].strip().lower()]
    tgl_surat = isian["Tanggal Surat"]
    if tgl_surat:
        tgl_surat = indo.tanggal(_tanggal(tgl_surat, f"Tanggal Surat ({lokasi})"))

    nomor_ada = [int(r["No"]) for r in rows if isinstance(r.get("No"), int | float)]
    no = (
        int(dasar["No"])
        if baru and isinstance(dasar.get("No"), int | float)
        else max(nomor_ada, default=0) + 1
    )
    folder = peng.folder(ktx.buku.folder, "Folder Dokumen")
    # a leftover of an interrupted run is never overwritten
    berkas = jalur_bebas(folder / keluaran.DISPOSISI.nama(tahun=tahun, no=no))

    if isian["Dari"] == KABAG:
        ttd = pejabat(peng, KABAG, wajib=False)
    else:  # written by hand under the jabatan typed in the row
        ttd = {"jabatan": isian["Dari"], "nama": "", "pangkat": "", "nip": ""}
    konteks = {
        "kop": kop(peng),
        "d": {
            "surat_dari": isian["Surat Dari"] or "-",
            "nomor_surat": isian["Nomor Surat"] or "-",
            "tanggal_surat": tgl_surat or "-",
            "perihal": isian["Perihal"],
            "diterima_tanggal": indo.tanggal(tgl),
            "nomor_agenda": isian["Nomor Agenda"] or f"{no}/{tgl.year}",
            "sifat": isian["Sifat"],
            "kepada": kepada_daftar,
            "isi": isian["Isi Disposisi"],
            "tanggal": indo.tanggal(tgl),
        },
        "ttd": ttd,
    }
    tulis_surat(cari_templat(ktx.buku.folder, TEMPLAT), konteks, berkas, peng, ktx.buku.folder)

    catatan = dict(
        isian,
        No=no,
        Tanggal=datetime.combine(tgl, datetime.min.time()),
        Berkas=berkas.name,
        Dicatat=ktx.jam(),
    )
    catatan["Nomor Agenda"] = konteks["d"]["nomor_agenda"]  # type: ignore[index]
    if baru:
        ganti_baris(ktx.buku, skema.DISPOSISI, skema.KOLOM_DISPOSISI, dasar["_baris"], catatan)
    else:
        tambah_baris(ktx.buku, skema.DISPOSISI, skema.KOLOM_DISPOSISI, [catatan])
    relatif = berkas.relative_to(ktx.buku.folder)
    return Hasil(
        f"Disposisi No. {no} ({isian['Sifat']}) kepada {', '.join(kepada_daftar)} dicatat. "
        f"Lembar disposisi: {relatif.as_posix()}",
        [berkas],
    )
