"""`pyxl status`: where the SOP stands, and which Bagian have not returned their data.

Run from a button it also refreshes the status columns and the per-Bagian table on `Kendali`;
from the command line it only reads.
"""

from __future__ import annotations

from typing import Any

from pyxl import kendali, skema, sop
from pyxl.buku import baca_tabel, sebagai_teks
from pyxl.daftar import baca_indikator, pilih_bagian
from pyxl.jalan import Hasil, Konteks


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


def status_bagian(ktx: Konteks, kode: str | None = None) -> list[list[Any]]:
    """Per Bagian, the row of Kendali's table (Kendali's KOLOM_STATUS_BAGIAN)."""
    rows: list[list[Any]] = []
    for b in pilih_bagian(ktx.buku, kode):
        ind = baca_indikator(ktx.buku, b)
        terisi = sum(1 for r in ind if sebagai_teks(r["Realisasi"]))
        status = (
            "Lengkap" if ind and terisi == len(ind) else "Sebagian" if terisi else "Belum ada data"
        )
        rows.append([b.kode, b.nama, len(ind), terisi, "", "", "", status, ""])
    return rows


def jalankan(ktx: Konteks, *, bagian: str | None = None, tulis: bool = True) -> Hasil:
    langkah = status_langkah(ktx)
    per_bagian = status_bagian(ktx, bagian)
    baris = [f"Status SOP Pengumpulan Data Kinerja — {ktx.buku.berkas.name}", ""]
    for ls in sop.LANGKAH:
        s = langkah[ls.no]
        kapan = f" (terakhir {sebagai_teks(s['selesai'])} oleh {s['oleh']})" if s["selesai"] else ""
        baris.append(f"{ls.no:>2}. {s['status']:<20} {ls.output:<18} {ls.uraian[:60]}{kapan}")
    baris += ["", "Per Bagian (kode, indikator, realisasi terisi, status):"]
    for r in per_bagian:
        baris.append(f"  {r[0]:<10} {r[2]:>3} {r[3]:>3}  {r[7]}")
    belum = [r[0] for r in per_bagian if r[3] == 0]
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
                kendali.tandai_langkah(
                    ktx.buku,
                    ls.no,
                    s["status"],
                    s["mulai"],
                    s["selesai"],
                    float(s["durasi"] or 0),
                    s["hasil"],
                )
        if bagian is None:
            kendali.tulis_status_bagian(ktx.buku, per_bagian)
    return Hasil("\n".join(baris), ubah_buku=tulis)
