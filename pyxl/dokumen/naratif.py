"""The analysis of each indicator in the Dokumen IKU: sentences from the figures, and what only
a person can write.

`kalimat` states the comparisons PermenPANRB 53/2014 asks of a performance report (target and
realisation, last year, the Renstra target, the use of the budget) from one row of sheet
`Analisis`, so the text always matches the tables. The causes and the solutions come from
sheet `Analisis Naratif`, which staff fill in Excel after step 7 (`baca_naratif`); where they
wrote nothing the document shows a marked place to fill (`KOSONG_PENYEBAB`, `KOSONG_SOLUSI`),
so a draft never reads as if the analysis were done.
"""

from __future__ import annotations

from pyxl.buku.port import Baris, Buku
from pyxl.buku.tabel import baca_tabel
from pyxl.dokumen.nilai import bil, dengan_satuan, nilai, persen, rupiah
from pyxl.inti.sel import sebagai_teks
from pyxl.inti.triwulan import DARI_TRIWULAN
from pyxl.kontrak import skema

KOSONG_PENYEBAB = (
    "[diisi: penyebab capaian indikator ini, di sheet Analisis Naratif kolom Penyebab]"
)
KOSONG_SOLUSI = (
    "[diisi: solusi/upaya yang telah dan akan dilakukan, di sheet Analisis Naratif kolom "
    "Solusi/Upaya]"
)
RUMUS_TEKS = {
    "R/T": "Realisasi / Target × 100%",
    "(2T-R)/T": "(2 × Target − Realisasi) / Target × 100%",
    "T/R": "Target / Realisasi × 100%",
}
"""How each rule of `Rumus Capaian` reads in the document."""


def baca_naratif(buku: Buku) -> dict[tuple[str, str], tuple[str, str]]:
    """(Kode Bagian, Kode IKU) -> (Penyebab, Solusi/Upaya) as staff wrote them; the Kode IKU
    alone is a key too, for rows whose Kode Bagian was left empty."""
    hasil: dict[tuple[str, str], tuple[str, str]] = {}
    for r in baca_tabel(buku, skema.ANALISIS_NARATIF):
        kode_iku = sebagai_teks(r["Kode IKU"])
        isi = (sebagai_teks(r["Penyebab"]), sebagai_teks(r["Solusi/Upaya"]))
        if kode_iku and any(isi):
            hasil[(sebagai_teks(r["Kode Bagian"]).upper(), kode_iku.upper())] = isi
    return hasil


def isian(
    naratif: dict[tuple[str, str], tuple[str, str]], kode_bagian: str, kode_iku: str
) -> dict[str, str]:
    """The template's fields of one indicator: staff text (`penyebab`, `solusi`) or, where
    empty, the marked place to fill (`penyebab_kosong`, `solusi_kosong`); exactly one of each
    pair is not empty."""
    kunci = (kode_bagian.upper(), kode_iku.upper())
    penyebab, solusi = naratif.get(kunci) or naratif.get(("", kunci[1])) or ("", "")
    return {
        "penyebab": penyebab,
        "penyebab_kosong": "" if penyebab else KOSONG_PENYEBAB,
        "solusi": solusi,
        "solusi_kosong": "" if solusi else KOSONG_SOLUSI,
    }


def _selisih(x: float, satuan: str) -> str:
    tanda = "+" if x > 0 else ""
    angka = f"{tanda}{nilai(x)}"
    if satuan == "%":
        return f"{angka} poin persen"
    return dengan_satuan(x, satuan).replace(nilai(x), angka, 1)


def kalimat(r: Baris, tahun: str, tahun_lalu: str) -> list[str]:
    """The comparisons of one `Analisis` row, as sentences (see the module docstring)."""
    sat = sebagai_teks(r["Satuan"])
    target = dengan_satuan(r["Target"], sat)
    if nilai(r["Target Atas"]) != "-":
        target = f"{nilai(r['Target'])}–{dengan_satuan(r['Target Atas'], sat)}"
    realisasi = dengan_satuan(r["Realisasi"], sat)
    capaian, dinilai = bil(r["Capaian (%)"]), bil(r["Capaian Dinilai (%)"])
    hasil: list[str] = []
    if capaian is not None:
        rumus = RUMUS_TEKS.get("".join(sebagai_teks(r["Rumus Capaian"]).split()).upper(), "")
        teks = (
            f"Realisasi Tahun {tahun} sebesar {realisasi} dari target {target}, sehingga "
            f"capaiannya {persen(capaian)} (kategori {nilai(r['Kategori'])}"
            + (f"; rumus {rumus}" if rumus else "")
            + "). "
            + ("Target tercapai." if capaian >= 100 else "Target belum tercapai.")
        )
        if dinilai is not None and abs(dinilai - capaian) > 0.005:
            teks += (
                f" Untuk kategori dan rata-rata, capaian ini dinilai {persen(dinilai)} "
                "sesuai batas capaian di Pengaturan."
            )
        hasil.append(teks)
    elif realisasi != "-":
        status = sebagai_teks(r["Status Data"]).lower() or "tidak dapat dihitung"
        hasil.append(
            f"Realisasi Tahun {tahun} sebesar {realisasi} dengan target {target}; capaiannya "
            f"tidak dihitung ({status})."
        )
    else:
        hasil.append(
            f"Realisasi Tahun {tahun} belum tersedia, sehingga capaian terhadap target {target} "
            "belum dapat dihitung."
        )
    status = sebagai_teks(r["Status Data"])
    if (pisah := f", {DARI_TRIWULAN}: ") in status:
        hasil.append(
            f"Realisasi Tahun {tahun} ini dihitung dari realisasi triwulan "
            f"({status.split(pisah, 1)[1]})."
        )
    lalu, perubahan, arah = r["Realisasi Tahun Lalu"], bil(r["Perubahan"]), r["Arah"]
    if nilai(lalu) == "-":
        hasil.append(f"Realisasi Tahun {tahun_lalu} tidak tersedia sebagai pembanding.")
    elif perubahan is not None and sebagai_teks(arah):
        kata = {"Membaik": "membaik", "Memburuk": "menurun", "Tetap": "tetap"}
        hasil.append(
            f"Dibandingkan realisasi Tahun {tahun_lalu} sebesar {dengan_satuan(lalu, sat)}, "
            f"kinerja {kata.get(sebagai_teks(arah), sebagai_teks(arah).lower())}"
            + ("." if perubahan == 0 else f" (selisih {_selisih(perubahan, sat)}).")
        )
    else:
        hasil.append(f"Realisasi Tahun {tahun_lalu} sebesar {dengan_satuan(lalu, sat)}.")
    renstra = bil(r["Capaian Renstra (%)"])
    if nilai(r["Target Akhir Renstra"]) != "-" and renstra is not None:
        hasil.append(
            f"Terhadap target akhir Renstra sebesar {dengan_satuan(r['Target Akhir Renstra'], sat)}"
            f", capaian Tahun {tahun} adalah {persen(renstra)}."
        )
    pagu, real = bil(r["Pagu Anggaran"]), bil(r["Realisasi Anggaran"])
    serapan = bil(r["Serapan Anggaran (%)"])
    if pagu is not None and real is not None:
        teks = (
            f"Pagu anggaran {rupiah(pagu)} terealisasi {rupiah(real)} (serapan "
            f"{persen(serapan)}, sisa {rupiah(pagu - real)})."
        )
        efisiensi, p = sebagai_teks(r["Efisiensi"]), persen(dinilai)
        if efisiensi == "Efisien":
            teks += (
                f" Capaian yang dinilai ({p}) tidak lebih rendah dari serapan anggaran, "
                "sehingga penggunaan anggaran efisien."
            )
        elif efisiensi == "Tidak efisien":
            teks += (
                f" Capaian yang dinilai ({p}) lebih rendah dari serapan anggaran, sehingga "
                "penggunaan anggaran belum efisien."
            )
        hasil.append(teks)
    elif pagu is not None:
        hasil.append(f"Pagu anggaran {rupiah(pagu)}; realisasinya belum dilaporkan.")
    return hasil
