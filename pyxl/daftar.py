"""Reading the master's lists: the Bagian and each Bagian's indicators, checked."""

from __future__ import annotations

from pyxl import skema
from pyxl.buku import Baris, Buku, baca_tabel, sebagai_teks
from pyxl.galat import BukuError, IsianError
from pyxl.model import Bagian


def baca_bagian(buku: Buku) -> list[Bagian]:
    """The `Bagian` sheet as Bagian; a bad or duplicate code is an error naming its cell."""
    hasil: list[Bagian] = []
    lihat: set[str] = set()
    for r in baca_tabel(buku, skema.BAGIAN):
        kode = sebagai_teks(r["Kode"])
        sel = f"sheet {skema.BAGIAN} sel A{r['_baris']}"
        if not skema.kode_sheet_valid(kode):
            raise IsianError(
                f"Kode Bagian '{kode}' ({sel}) tidak dapat dipakai: gunakan huruf/angka tanpa "
                "spasi, paling banyak 31 karakter, dan bukan nama sheet lain."
            )
        if kode in lihat:
            raise IsianError(f"Kode Bagian '{kode}' ({sel}) ganda; setiap kode harus unik.")
        lihat.add(kode)
        hasil.append(Bagian(kode, *(sebagai_teks(r[k]) for k in skema.KOLOM_BAGIAN[1:])))
    return hasil


def pilih_bagian(buku: Buku, kode: str | None) -> list[Bagian]:
    """All Bagian, or the one with `kode` (an unknown code is an error listing the known ones)."""
    semua = baca_bagian(buku)
    if kode is None:
        return semua
    for b in semua:
        if b.kode.upper() == kode.strip().upper():
            return [b]
    raise IsianError(
        f"Kode Bagian '{kode}' tidak ada di sheet {skema.BAGIAN}. Kode yang ada: "
        f"{', '.join(b.kode for b in semua) or '(belum ada)'}."
    )


def baca_indikator(buku: Buku, b: Bagian) -> list[Baris]:
    """The rows of a Bagian's sheet, keyed by the contract's column names."""
    if b.kode not in buku.nama_sheet():
        raise BukuError(
            f"Sheet untuk Bagian {b.kode} tidak ada. Tambahkan sheet bernama '{b.kode}' dengan "
            "judul kolom yang sama seperti sheet Bagian lain."
        )
    return baca_tabel(buku, b.kode, skema.KOLOM_INDIKATOR)
