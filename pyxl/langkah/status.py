"""`pyxl status`: where the SOP stands, and which Bagian have not returned their data.

Run from a button it also refreshes the status columns and the per-Bagian table on `Kendali`;
from the command line it only reads.
"""

from __future__ import annotations

from typing import Any

from pyxl.buku.kendali import status_bagian, tandai_langkah, tulis_status_bagian
from pyxl.buku.struktur import kekurangan, pesan_perbarui
from pyxl.buku.tabel import baca_tabel
from pyxl.galat import BukuError
from pyxl.inti.sel import sebagai_teks
from pyxl.jalan.konteks import Hasil, Konteks
from pyxl.kontrak import kendali, skema, sop
from pyxl.kontrak.periode import TAHUNAN


def status_langkah(ktx: Konteks) -> dict[int, dict[str, Any]]:
    """Per SOP step: status and the last run, from `Log SOP`."""
    hasil: dict[int, dict[str, Any]] = {
        ls.no: {
            "status": kendali.BELUM,
            "mulai": None,
            "selesai": None,
            "durasi": None,
            "oleh": "",
            "hasil": "",
        }
        for ls in sop.LANGKAH
    }
    for r in baca_tabel(ktx.buku, skema.LOG_SOP):
        try:
            no = int(r["Langkah"])
        except (TypeError, ValueError):
            continue
        if no not in hasil:
            continue
        sesuai = sebagai_teks(r["Sesuai Waktu Baku"]).lower() != "tidak"
        hasil[no] = {
            "status": kendali.SELESAI if sesuai else kendali.LEWAT_WAKTU,
            "mulai": r["Mulai"],
            "selesai": r["Selesai"],
            "durasi": r["Durasi (menit)"],
            "oleh": sebagai_teks(r["Oleh"]),
            "hasil": sebagai_teks(r["Hasil"]),
        }
    return hasil


def jalankan(
    ktx: Konteks, *, bagian: str | None = None, tulis: bool = True, periode: str | None = None
) -> Hasil:
    kurang = kekurangan(ktx.buku)
    if kurang:
        # An earlier release's master: say what to do, and show what can be read of it.
        catatan = f"PERHATIAN: {pesan_perbarui(ktx.buku, kurang)}"
        try:
            isi = _laporan(ktx, bagian, TAHUNAN, tulis=False).ringkasan
        except (BukuError, KeyError, ValueError):
            isi = "(status langkah tidak dapat dibaca sebelum buku kerja diperbarui)"
        return Hasil(f"{catatan}\n\n{isi}", ubah_buku=False)
    return _laporan(ktx, bagian, ktx.periode(periode), tulis=tulis)


def _laporan(ktx: Konteks, bagian: str | None, putaran: str, *, tulis: bool) -> Hasil:
    from pyxl.dokumen.tercatat import persetujuan_basi

    langkah = status_langkah(ktx)
    basi = persetujuan_basi(ktx.buku)  # data changed after the approval (step 10)
    if basi:
        langkah[10] |= {"status": kendali.KEDALUWARSA, "hasil": basi}
    per_bagian = status_bagian(ktx.buku, bagian, putaran)
    baris = [f"Status SOP Pengumpulan Data Kinerja — {ktx.buku.berkas.name}", ""]
    baris += [f"PERHATIAN: {basi}", ""] if basi else []
    for ls in sop.LANGKAH:
        s = langkah[ls.no]
        kapan = f" (terakhir {sebagai_teks(s['selesai'])} oleh {s['oleh']})" if s["selesai"] else ""
        baris.append(f"{ls.no:>2}. {s['status']:<20} {ls.output:<18} {ls.uraian[:60]}{kapan}")
    baris += ["", f"Per Bagian, putaran {putaran} (kode, indikator, realisasi terisi, status):"]
    for r in per_bagian:
        baris.append(f"  {r[0]:<10} {r[2]:>3} {r[3]:>3}  {r[7]}")
    belum = [r[0] for r in per_bagian if r[3] == 0 and not r[6]]
    baris.append("")
    baris.append(
        f"Belum mengirim data: {', '.join(belum)}"
        if belum
        else "Semua Bagian sudah mengisi realisasi."
    )
    if tulis:
        for ls in sop.LANGKAH:
            s = langkah[ls.no]
            if s["selesai"] is not None:
                tandai_langkah(
                    ktx.buku,
                    ls.no,
                    s["status"],
                    s["mulai"],
                    s["selesai"],
                    float(s["durasi"] or 0),
                    s["hasil"],
                )
        if bagian is None:
            tulis_status_bagian(ktx.buku, per_bagian)
    return Hasil("\n".join(baris), ubah_buku=tulis)
