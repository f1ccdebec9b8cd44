"""Step 7 — analyse the collected data: capaian, categories, comparisons and budget.

The computation is `pyxl.inti.capaian.hitung` (pure, vectorised); this step reads every Bagian
sheet, writes `Analisis` (one row per indicator) and `Rekap` (one row per Bagian and the whole
Setda), and lists in `Validasi` every figure that could not be computed, with the cell and what
to do. Colours by band and the charts are part of the workbook (conditional formats and native
charts made when the workbook is built), so they follow the values written here.

Once sheet `Triwulan` holds quarterly figures (or the round is a quarter), the quarters are
analysed by the same rules (`pyxl.inti.analisis_triwulan`): sheet `Analisis Triwulan` lists
every indicator for each quarter up to the round's (every quarter reported, in the yearly
round), `Rekap` gets the quarters side by side, and a yearly `Realisasi` left empty on a
Bagian sheet is made from the quarters (said in `Status Data`; never written back). The
figures of `Analisis` and `Rekap` depend on the workbook only, not on the round.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pyxl.buku.bukti import bukti_per_indikator
from pyxl.buku.daftar import baca_bagian, baca_indikator, baca_skala
from pyxl.buku.port import Buku
from pyxl.buku.tabel import baca_tabel, tulis_tabel
from pyxl.buku.triwulan import baca_triwulan
from pyxl.inti.angka import baca, satuan_persen
from pyxl.inti.sel import nama_sel, sebagai_teks
from pyxl.inti.temuan import Temuan
from pyxl.inti.triwulan import kunci
from pyxl.jalan.konteks import Hasil, Konteks
from pyxl.kontrak import skema, status
from pyxl.kontrak.masalah import PERINGATAN
from pyxl.kontrak.periode import TAHUNAN, TW, nomor_tw

SUMBER_ANALISIS = "(analisis)"
"""`Berkas` of the findings this step writes, so a re-run replaces them and nothing else."""
SUMBER_TRIWULAN = "(analisis triwulan)"
"""`Berkas` of the findings about the quarters' figures."""


def jalankan(ktx: Konteks, *, periode: str | None = None) -> Hasil:
    import pandas as pd

    from pyxl.inti.analisis_triwulan import (
        dengan_turunan,
        hitung_triwulan,
        isi_rekap,
        tandai,
        temuan_baru,
    )
    from pyxl.inti.capaian import hitung, sebagai_baris
    from pyxl.inti.kategori import LABEL_BAWAAN, batas_dari_pengaturan, skala_dari_pengaturan

    putaran = ktx.periode(periode)
    peng = ktx.pengaturan()
    skala = skala_dari_pengaturan(peng)
    batas = batas_dari_pengaturan(peng)
    skala_urut = baca_skala(ktx.buku)
    bagian = baca_bagian(ktx.buku)
    ktx.umpan.status(f"Langkah 7: membaca {len(bagian)} sheet Bagian …")
    rows: list[dict[str, Any]] = []
    bertanda: list[Temuan] = []
    for b in bagian:
        isi = [r | {"Kode Bagian": b.kode} for r in baca_indikator(ktx.buku, b)]
        bertanda += _persen_bertanda(ktx.buku, b.kode, isi)
        rows += isi
    masukan = pd.DataFrame(
        rows, columns=["Kode Bagian", "_baris", *skema.KOLOM_INDIKATOR], dtype=object
    )
    masukan = masukan.set_index("_baris")
    per_tw = baca_triwulan(ktx.buku)
    tw = None
    if per_tw or nomor_tw(putaran):
        ktx.umpan.status("Langkah 7: menghitung capaian per triwulan …")
        tw = hitung_triwulan(
            masukan,
            per_tw,
            rumus_negatif=peng["Rumus Polaritas Negatif"],
            skala=skala,
            skala_urut=skala_urut,
            batas=batas,
            bukti={n: _bukti_per_indikator(ktx.buku, TW[n - 1]) for n in range(1, 5)},
        )
        masukan = dengan_turunan(masukan, tw.turunan)
    ktx.umpan.status(f"Langkah 7: menghitung capaian {len(masukan)} indikator …")
    hasil = hitung(
        masukan,
        rumus_negatif=peng["Rumus Polaritas Negatif"],
        skala=skala,
        nama_bagian={b.kode: b.nama for b in bagian},
        skala_urut=skala_urut,
        batas=batas,
    )

    kembali = {
        sebagai_teks(r["Kode Bagian"])
        for r in baca_tabel(ktx.buku, skema.PENERIMAAN)
        if sebagai_teks(r["Status"]) in status.DIGABUNG
    }
    rekap = hasil.rekap.rename(columns=dict(zip(skala.label, LABEL_BAWAAN, strict=True)))
    rekap["Dikembalikan"] = [
        None if k == "SETDA" else ("Ya" if k in kembali else "Belum") for k in rekap["Kode Bagian"]
    ]
    sampai = nomor_tw(putaran) or 0
    temuan_tw: list[Temuan] = []
    if tw is not None:
        tandai(hasil, tw.turunan)
        rekap = isi_rekap(rekap, tw)
        sampai = sampai or tw.sampai
        temuan_tw = temuan_baru(tw, hasil.temuan)
    tulis_tabel(
        ktx.buku, skema.ANALISIS, skema.KOLOM_ANALISIS_LENGKAP, sebagai_baris(hasil.indikator)
    )
    tulis_tabel(ktx.buku, skema.REKAP, skema.KOLOM_REKAP, sebagai_baris(rekap))
    tulis_tabel(
        ktx.buku,
        skema.ANALISIS_TRIWULAN,
        skema.KOLOM_ANALISIS_TRIWULAN,
        sebagai_baris(tw.baris(sampai)) if tw is not None else [],
    )

    # Findings: replace this step's earlier ones, keep every finding about received files.
    lama = [
        r
        for r in baca_tabel(ktx.buku, skema.VALIDASI)
        if sebagai_teks(r["Berkas"]) not in (SUMBER_ANALISIS, SUMBER_TRIWULAN)
    ]
    baru = [
        replace(
            t,
            berkas=SUMBER_ANALISIS,
            sel=f"{t.kode_bagian}!{_sel(t.kolom, t.indeks)}",
            pesan=f"{t.kode_iku}: {t.pesan}",
        ).baris_validasi()
        for t in [*bertanda, *hasil.temuan]
    ]
    baru += [
        replace(
            t,
            berkas=SUMBER_TRIWULAN,
            sel=t.sel or f"{t.kode_bagian}!{_sel(t.kolom, t.indeks)}",
            pesan=f"{t.kode_iku} {t.pesan}",
        ).baris_validasi()
        for t in temuan_tw
    ]
    tulis_tabel(ktx.buku, skema.VALIDASI, skema.KOLOM_VALIDASI, lama + baru)

    setda = hasil.rekap.iloc[-1]
    rata = setda["Rata-rata Capaian (%)"]
    kategori = ", ".join(f"{lab} {int(setda[lab])}" for lab in skala.label if int(setda[lab]))
    ringkas = (
        f"Analisis {int(setda['Jumlah Indikator'])} indikator ({int(setda['Ada Data'])} "
        f"dengan data): rata-rata capaian Setda {_persen(rata)}% ({kategori})."
    )
    if tw is not None:
        ringkas += " " + _ringkas_triwulan(rekap.iloc[-1], tw, sampai, putaran)
    return Hasil(
        f"{ringkas} {len(baru)} temuan di sheet Validasi. Lihat sheet Analisis"
        + (f", {skema.ANALISIS_TRIWULAN}" if sampai else "")
        + " dan Rekap.",
        periode=putaran,
    )


def _persen(x: Any) -> str:
    import math

    return "-" if x is None or math.isnan(x) else f"{x:.2f}".replace(".", ",")


def _ringkas_triwulan(setda: Any, tw: Any, sampai: int, putaran: str) -> str:
    """What the quarters add to the summary: each quarter's mean capaian, and how many yearly
    figures were made from them."""
    per_tw = [
        f"{TW[n - 1]} {_persen(setda[k])}%"
        for n, k in enumerate(skema.KOLOM_REKAP_TW, start=1)
        if n <= sampai and _persen(setda[k]) != "-"  # quarters not reported are left out
    ]
    teks = (
        f"Putaran {putaran}: " if putaran != TAHUNAN else "Triwulan: "
    ) + f"rata-rata capaian {', '.join(per_tw) or 'belum ada'}."
    dari = sum(t.ada for t in tw.turunan.values())
    if dari:
        teks += f" {dari} realisasi tahunan dihitung dari triwulan (lihat kolom Status Data)."
    return teks


def _bukti_per_indikator(buku: Buku, periode: str) -> dict[tuple[str, str], list[str]]:
    """The evidence files received for each indicator in round `periode`
    (`pyxl.buku.bukti.bukti_per_indikator`), by (KODE BAGIAN, KODE IKU) in capitals."""
    return {kunci(*k): v for k, v in bukti_per_indikator(buku, periode).items()}


KOLOM_PERSEN = (
    *("Target", "Target Atas", "Realisasi", "Realisasi Tahun Lalu", "Target Akhir Renstra"),
)
"""The figures of a percent indicator that staff may type with a "%" into the master."""


def _persen_bertanda(buku: Buku, kode: str, rows: list[dict[str, Any]]) -> list[Temuan]:
    """A percent indicator's figure typed into the master as "92,86%" is stored 0,9286 with a
    percent format: it counts as the 92,86 shown (`pyxl.inti.angka.baca`, as intake reads a
    return), changed in `rows`, with a finding naming the cell. Only numbers that could be
    such a fraction are asked about (the live workbook answers one cell at a time)."""
    from pyxl.inti.capaian import PESAN

    calon: dict[str, tuple[dict[str, Any], str]] = {}
    for r in rows:
        angka = sebagai_teks(r.get("Polaritas")).capitalize() in ("Positif", "Negatif")
        if not angka or not satuan_persen(r.get("Satuan")):
            continue
        for k in KOLOM_PERSEN:
            v = r.get(k)
            if isinstance(v, int | float) and not isinstance(v, bool) and 0 < abs(v) <= 10:
                calon[_sel(k, r["_baris"])] = (r, k)
    temuan = []
    for sel in sorted(buku.sel_persen(kode, calon) if calon else ()):
        r, k = calon[sel]
        b = baca(r[k], sel_persen=True)
        r[k] = b.nilai
        iku = sebagai_teks(r.get("Kode IKU"))
        pesan = PESAN["ANGKA_DITEBAK"].format(kolom=k, nilai=b.catatan)
        temuan.append(
            Temuan(
                PERINGATAN,
                "ANGKA_DITEBAK",
                f"Indikator {iku or '(tanpa Kode IKU)'} ({kode}): {pesan}",
                kode_bagian=kode,
                kode_iku=iku,
                kolom=k,
                indeks=r["_baris"],
            )
        )
    return temuan


def _sel(kolom: str, baris: Any) -> str:
    if kolom in skema.KOLOM_INDIKATOR and isinstance(baris, int | float):
        return nama_sel(skema.KOLOM_INDIKATOR.index(kolom) + 1, int(baris))
    return kolom
