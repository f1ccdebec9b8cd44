"""`pyxl status`: where the SOP stands, and which Bagian have not returned their data.

Run from a button it also refreshes the status columns and the per-Bagian table on `Kendali`;
from the command line it only reads.
"""

from __future__ import annotations

from typing import Any

from pyxl.buku.daftar import baca_indikator, pilih_bagian
from pyxl.buku.kendali import tandai_langkah, tulis_status_bagian
from pyxl.buku.tabel import baca_tabel
from pyxl.inti.sel import sebagai_teks
from pyxl.jalan.konteks import Hasil, Konteks
from pyxl.kontrak import kendali, skema, sop
from pyxl.kontrak.status import BERLAKU, DIGABUNG, DRAF, TERKIRIM


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


def _terakhir(rows: list[dict[str, Any]], kode: str, **syarat: tuple[str, ...]) -> dict[str, Any]:
    """The last ledger row of a Bagian whose columns match `syarat` (column -> allowed values)."""
    cocok = [
        r
        for r in rows
        if sebagai_teks(r.get("Kode Bagian")) == kode
        and all(sebagai_teks(r.get(k)) in v for k, v in syarat.items())
    ]
    return cocok[-1] if cocok else {}


def status_bagian(ktx: Konteks, kode: str | None = None) -> list[list[Any]]:
    """Per Bagian, the row of Kendali's table (`pyxl.kontrak.kendali.KOLOM_STATUS_BAGIAN`),
    from the ledgers."""
    ada = set(ktx.buku.nama_sheet())

    def buku_besar(sheet: str) -> list[dict[str, Any]]:
        return baca_tabel(ktx.buku, sheet) if sheet in ada else []

    terbit = buku_besar(skema.FORMAT_TERBIT)
    kirim = buku_besar(skema.PENGIRIMAN)
    terima = buku_besar(skema.PENERIMAAN)
    masalah = buku_besar(skema.VALIDASI)
    rows: list[list[Any]] = []
    for b in pilih_bagian(ktx.buku, kode):
        ind = baca_indikator(ktx.buku, b)
        terisi = sum(1 for r in ind if sebagai_teks(r["Realisasi"]))
        fmt = _terakhir(terbit, b.kode, Status=(BERLAKU,))
        surel = _terakhir(kirim, b.kode, Langkah=("3",), Status=(DRAF, TERKIRIM))
        balik = _terakhir(terima, b.kode, Status=DIGABUNG)
        jumlah_masalah = sum(1 for r in masalah if sebagai_teks(r.get("Kode Bagian")) == b.kode)
        if balik or (ind and terisi == len(ind)):
            status = "Lengkap" if ind and terisi == len(ind) else "Diterima, sebagian kosong"
        elif terisi:
            status = "Sebagian"
        else:
            status = "Belum ada data"
        rows.append(
            [
                b.kode,
                b.nama,
                len(ind),
                terisi,
                sebagai_teks(fmt.get("ID Format")),
                f"{sebagai_teks(surel.get('Status'))} {sebagai_teks(surel.get('Waktu'))}".strip(),
                sebagai_teks(balik.get("Waktu")),
                status,
                jumlah_masalah or "",
            ]
        )
    return rows


def jalankan(ktx: Konteks, *, bagian: str | None = None, tulis: bool = True) -> Hasil:
    from pyxl.dokumen.tercatat import persetujuan_basi

    langkah = status_langkah(ktx)
    basi = persetujuan_basi(ktx.buku)  # data changed after the approval (step 10)
    if basi:
        langkah[10] |= {"status": kendali.KEDALUWARSA, "hasil": basi}
    per_bagian = status_bagian(ktx, bagian)
    baris = [f"Status SOP Pengumpulan Data Kinerja — {ktx.buku.berkas.name}", ""]
    baris += [f"PERHATIAN: {basi}", ""] if basi else []
    for ls in sop.LANGKAH:
        s = langkah[ls.no]
        kapan = f" (terakhir {sebagai_teks(s['selesai'])} oleh {s['oleh']})" if s["selesai"] else ""
        baris.append(f"{ls.no:>2}. {s['status']:<20} {ls.output:<18} {ls.uraian[:60]}{kapan}")
    baris += ["", "Per Bagian (kode, indikator, realisasi terisi, status):"]
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
