"""The Sekretariat Daerah's own sasaran strategis and IKU, measured by Bagian indicators.

Sheet `IKU Setda` lists the Setda's IKU of its Renstra, each with its sasaran strategis and the
Bagian indicators that measure it (`Indikator Bagian`: Kode IKU separated by ";", written
`KODE BAGIAN/Kode IKU` when two Bagian use one Kode IKU). The rule, stated in the document:
the capaian of a Setda IKU is the mean of the assessed capaian (`Capaian Dinilai (%)` of sheet
`Analisis`) of its Bagian indicators that have one, and the Setda's capaian is the mean over
its IKU. A Bagian indicator outside every Setda IKU does not count towards the Setda's figure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from statistics import fmean
from typing import Any

from pyxl.buku.daftar import baca_bagian
from pyxl.buku.port import Baris, Buku
from pyxl.buku.tabel import baca_tabel
from pyxl.dokumen.nilai import bil, teks
from pyxl.galat import IsianError
from pyxl.inti import indo
from pyxl.inti.sel import sebagai_teks
from pyxl.kontrak import skema

KOSONG = (
    "[diisi: sasaran strategis dan IKU Sekretariat Daerah beserta indikator Bagian "
    "pendukungnya, di sheet IKU Setda]"
)


@dataclass
class IkuSetda:
    """The Setda's IKU grouped by sasaran strategis, ready for the template, and their mean."""

    sasaran: list[dict[str, Any]] = field(default_factory=list)
    rata: float | None = None
    jumlah: int = 0


def _pensiun(buku: Buku) -> dict[str, str]:
    """Kode IKU -> code of the retired Bagian whose kept (hidden) sheet holds it: such an
    indicator no longer reports, so a Setda IKU counts without it (and says so)."""
    aktif = {b.kode for b in baca_bagian(buku)}
    hasil: dict[str, str] = {}
    if skema.RIWAYAT_BAGIAN not in buku.nama_sheet():
        return hasil
    for r in baca_tabel(buku, skema.RIWAYAT_BAGIAN):
        kode = sebagai_teks(r["Kode"])
        if sebagai_teks(r["Perubahan"]) != "Hapus" or kode in aktif:
            continue
        if buku.ada_sheet(kode):
            for i in baca_tabel(buku, kode, skema.KOLOM_INDIKATOR):
                hasil[sebagai_teks(i["Kode IKU"]).upper()] = kode
    return hasil


def _cari(rujukan: str, analisis: list[Baris], baris: int, pensiun: dict[str, str]) -> Baris | str:
    """The `Analisis` row a reference names ('IKU-TAPEM-01' or 'TAPEM/IKU-01'), or the code of
    the retired Bagian that held it."""
    bagian, _, kode = rujukan.rpartition("/")
    cocok = [
        r
        for r in analisis
        if sebagai_teks(r["Kode IKU"]).upper() == kode.strip().upper()
        and (not bagian or sebagai_teks(r["Kode Bagian"]).upper() == bagian.strip().upper())
    ]
    if len(cocok) == 1:
        return cocok[0]
    if not cocok and kode.strip().upper() in pensiun:
        return pensiun[kode.strip().upper()]
    alasan = "tidak ada di sheet Analisis" if not cocok else "dipakai lebih dari satu Bagian"
    contoh = "" if not cocok else " (tulis KODE BAGIAN/Kode IKU, misalnya TAPEM/IKU-01)"
    raise IsianError(
        f"Sheet {skema.IKU_SETDA} baris {baris}: indikator Bagian '{rujukan}' {alasan}{contoh}. "
        "Perbaiki kolom Indikator Bagian (Kode IKU dipisahkan titik koma), lalu ulangi."
    )


def susun(buku: Buku, analisis: list[Baris], kategori: Callable[[float | None], str]) -> IkuSetda:
    """The Setda's IKU from sheet `IKU Setda` and the analysed Bagian indicators."""
    hasil = IkuSetda()
    capaian: list[float] = []
    pensiun = _pensiun(buku)
    for r in baca_tabel(buku, skema.IKU_SETDA):
        rujukan = [x.strip() for x in sebagai_teks(r["Indikator Bagian"]).split(";") if x.strip()]
        if not sebagai_teks(r["Indikator Kinerja Utama"]):
            continue
        ditemukan = [_cari(x, analisis, r["_baris"], pensiun) for x in rujukan]
        pendukung = [p for p in ditemukan if not isinstance(p, str)]
        lepas = [x for x, p in zip(rujukan, ditemukan, strict=True) if isinstance(p, str)]
        nilai = [x for p in pendukung if (x := bil(p["Capaian Dinilai (%)"])) is not None]
        rata = fmean(nilai) if nilai else None
        if rata is not None:
            capaian.append(rata)
        nama = teks(r["Sasaran Strategis"])
        if not hasil.sasaran or hasil.sasaran[-1]["nama"] != nama:
            hasil.sasaran.append({"no": str(len(hasil.sasaran) + 1), "nama": nama, "iku": []})
        hasil.jumlah += 1
        hasil.sasaran[-1]["iku"].append(
            {
                "no": str(hasil.jumlah),
                "kode": teks(r["Kode"]),
                "nama": teks(r["Indikator Kinerja Utama"]),
                "pendukung": ", ".join(
                    [
                        *(sebagai_teks(p["Kode IKU"]) for p in pendukung),
                        *(f"{x} (Bagian sudah dihapus, tidak dihitung)" for x in lepas),
                    ]
                )
                or "-",
                "jumlah": f"{len(nilai)} dari {len(pendukung)}",
                "capaian": indo.persen(rata),
                "kategori": kategori(rata),
            }
        )
    hasil.rata = fmean(capaian) if capaian else None
    return hasil
