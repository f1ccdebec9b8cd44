"""Tool — the quarterly monitoring report (Laporan Pemantauan Triwulan) for the Kepala Bagian.

The round is the command's `--periode` or Kendali's `Periode` cell (a quarter; `Tahunan` is
refused). Its figures come from `Analisis Triwulan` as step 7 left it for that round (none:
the message says to run the analysis with that Periode first), its late Bagian from
`Penerimaan` and `Pengiriman`; `pyxl.dokumen.laporan` says what the report shows. Each run
writes `dokumen/Laporan_Pemantauan_TW<n>_<Tahun>.docx` from the template staff edit
(`templates/laporan_triwulan.docx`), or `_2`, `_3`, … beside an earlier one: a report already
handed out is never overwritten. The workbook is not changed.
"""

from __future__ import annotations

from pyxl.berkas.tulis import jalur_bebas
from pyxl.buku.kendali import baca_isian
from pyxl.dokumen.laporan import (
    TEMPLAT,
    baris_analisis,
    berbeda_dari_triwulan,
    susun_konteks,
    tolak_tahunan,
)
from pyxl.dokumen.word import cari_templat, ketat, tulis_surat
from pyxl.inti import indo
from pyxl.jalan.konteks import Hasil, Konteks
from pyxl.kontrak import keluaran
from pyxl.kontrak.periode import akhiran


def jalankan(ktx: Konteks, *, periode: str | None = None, tanggal: str | None = None) -> Hasil:
    from pyxl.inti.kategori import batas_dari_pengaturan, skala_dari_pengaturan

    putaran = ktx.periode(periode)
    tolak_tahunan(putaran, baca_isian(ktx.buku, "Periode")[1], periode is not None)
    peng = ktx.pengaturan()
    tahun = peng.tahun()
    tgl = indo.baca_tanggal(tanggal, "Opsi --tanggal") if tanggal else ktx.jam().date()
    rows = baris_analisis(ktx.buku, putaran)
    skala = skala_dari_pengaturan(peng)

    def kategori(x: float | None) -> str:
        return skala.label_dari(x) or "-"

    ktx.umpan.status(f"Laporan Pemantauan {putaran}: menyusun …")
    konteks = susun_konteks(
        ktx.buku,
        peng,
        putaran,
        rows,
        tanggal=tgl,
        kategori=kategori,
        batas=batas_dari_pengaturan(peng),
    )
    templat = cari_templat(ktx.buku.folder, TEMPLAT)
    folder = peng.folder(ktx.buku.folder, "Folder Dokumen")
    nama = keluaran.LAPORAN_TRIWULAN.nama(tw=akhiran(putaran), tahun=tahun)
    berkas = tulis_surat(
        templat,
        ketat(konteks),
        jalur_bebas(folder / nama),
        peng,
        ktx.buku.folder,
        apa="Laporan pemantauan",
    )
    isi = konteks["l"]
    teks = [
        f"Laporan Pemantauan {putaran} {tahun}: "
        f"{berkas.relative_to(ktx.buku.folder).as_posix()} — {isi['jumlah_lapor']} dari "
        f"{isi['jumlah_indikator']} indikator dilaporkan, rata-rata capaian {isi['rata']}; "
        f"{isi['jumlah_rendah']} indikator di bawah {isi['ambang']}, "
        f"{isi['jumlah_terlambat']} Bagian belum mengembalikan format, serapan anggaran "
        f"{isi['serapan']}."
    ]
    if beda := berbeda_dari_triwulan(ktx.buku, rows, putaran):
        daftar = ", ".join(beda[:5]) + (f" dan {len(beda) - 5} lainnya" if len(beda) > 5 else "")
        teks.append(
            f"PERHATIAN: realisasi {putaran} di sheet Triwulan berubah setelah analisis untuk "
            f"{len(beda)} indikator ({daftar}). Laporan ini memakai sheet Analisis Triwulan; "
            f"jalankan Analisis Capaian dengan Periode {putaran} lagi, lalu buat laporan ini lagi."
        )
    teks.append("Periksa dokumen itu, lalu cetak dan mintakan tanda tangan Kepala Bagian.")
    return Hasil("\n".join(teks), [berkas], ubah_buku=False, periode=putaran)
