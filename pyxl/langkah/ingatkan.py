"""Reminders: the format mailed again to every Bagian that has not returned it yet.

"Not returned" means no accepted (`Diterima`/`Menggantikan`) row in `Penerimaan`. The mails go
through the same mailer and the same `Pengiriman` ledger as step 3, recorded under step 6.
"""

from __future__ import annotations

from pyxl.buku.daftar import baca_bagian
from pyxl.buku.tabel import baca_tabel
from pyxl.inti.sel import sebagai_teks
from pyxl.jalan.konteks import Hasil, Konteks
from pyxl.kontrak import skema
from pyxl.langkah.kirim import kirim_format


def belum_kembali(ktx: Konteks) -> list[str]:
    """Codes of the Bagian without an accepted return."""
    kembali = {
        sebagai_teks(r["Kode Bagian"])
        for r in baca_tabel(ktx.buku, skema.PENERIMAAN)
        if sebagai_teks(r["Status"]) in ("Diterima", "Menggantikan")
    }
    return [b.kode for b in baca_bagian(ktx.buku) if b.kode not in kembali]


def jalankan(ktx: Konteks, *, mode: str | None = None) -> Hasil:
    belum = set(belum_kembali(ktx))
    daftar = [b for b in baca_bagian(ktx.buku) if b.kode in belum]
    if not daftar:
        return Hasil(
            "Semua Bagian sudah mengembalikan format; tidak ada pengingat.", ubah_buku=False
        )
    hasil = kirim_format(ktx, daftar, mode, pengingat=True)
    hasil.ringkasan = f"Pengingat untuk {', '.join(b.kode for b in daftar)}.\n{hasil.ringkasan}"
    return hasil
