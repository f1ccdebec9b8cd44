"""The Dokumen IKU: its content from the analysed workbook, and its rendering to Word.

`susun_konteks` turns the `Analisis` and `Rekap` sheets (what staff reviewed after step 7) and
each indicator's Sasaran from its Bagian sheet into the template's context, every value a
formatted Indonesian string, and draws the chart; `tulis` renders `templates/dokumen_iku.docx`
with it. Steps 8–9 (draft, marked KONSEP) and 10–11 (final) both write through here.
"""

from __future__ import annotations

import io
import math
import time
from collections import Counter
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

from pyxl.buku.daftar import baca_bagian, baca_indikator
from pyxl.buku.port import Baris, Buku
from pyxl.buku.sistem import KUNCI_TAHUN_LALU, baca_sistem
from pyxl.buku.tabel import baca_tabel
from pyxl.dokumen import naratif, setda, triwulan
from pyxl.dokumen.nilai import bil as _bil
from pyxl.dokumen.nilai import diingat, persen, rupiah
from pyxl.dokumen.nilai import nilai as _nilai
from pyxl.dokumen.nilai import teks as _t
from pyxl.galat import IsianError
from pyxl.inti import indo
from pyxl.inti.sel import sebagai_teks
from pyxl.inti.triwulan import DARI_TRIWULAN, kunci
from pyxl.kontrak import skema
from pyxl.kontrak.pengaturan import SEKDA, Pengaturan
from pyxl.kontrak.status import KONSEP
from pyxl.surat.kop import pejabat

TEMPLAT = "dokumen_iku.docx"
SELESAI = {"ya", "sudah", "selesai"}
"""`Selesai` values (any case) that mark a correction as done."""
RUMUS = {"(2T-R)/T": "(2 × Target − Realisasi) / Target × 100%", "T/R": "Target / Realisasi × 100%"}
_KOREKSI = {"no": "No", "tanggal": "Tanggal", "versi": "Versi", "bagian": "Bagian Dokumen"}
_KOREKSI |= {"koreksi": "Koreksi", "oleh": "Oleh"}
_NILAI = {"target": "Target", "realisasi": "Realisasi", "lalu": "Realisasi Tahun Lalu"}
_NILAI |= {"renstra": "Target Akhir Renstra"}
_PERSEN = {"capaian": "Capaian (%)", "capaian_renstra": "Capaian Renstra (%)"}
_MANUAL = {"definisi": "Definisi Operasional", "formula": "Formula", "sumber": "Sumber Data"}
_MANUAL |= {"pj": "Penanggung Jawab", "keterangan": "Keterangan"}
"""Template field -> column of the Bagian sheet: what a Manual IKU gives per indicator."""
KOSONG_ISU = "[diisi: isu strategis, di sheet Pengaturan kunci Isu Strategis (pisahkan dengan ;)]"


def baca_koreksi(buku: Buku) -> tuple[list[dict[str, str]], list[dict[str, str]], list[int]]:
    """(corrections done and not yet stamped, corrections still open, sheet rows to stamp)."""
    selesai: list[dict[str, str]] = []
    terbuka: list[dict[str, str]] = []
    baris: list[int] = []
    for r in baca_tabel(buku, skema.KOREKSI):
        if sebagai_teks(r["Koreksi"]):
            item = {k: _t(r[kolom]) for k, kolom in _KOREKSI.items()}
            item["no"] = sebagai_teks(r["No"]) or str(r["_baris"] - 1)
            if isinstance(r["Tanggal"], date):
                item["tanggal"] = indo.tanggal(r["Tanggal"])
            if sebagai_teks(r["Selesai"]).casefold() not in SELESAI:
                terbuka.append(item)
            elif not sebagai_teks(r["Ditangani di Versi"]):
                selesai.append(item)
                baris.append(r["_baris"])
    return selesai, terbuka, baris


def _indikator(no: int, r: Baris, sumber: Baris) -> dict[str, Any]:
    """One indicator's cells: the `Analisis` row `r` and the Bagian sheet's row `sumber`
    (definition, formula, data source, person in charge, the Bagian's explanation)."""
    d: dict[str, Any] = {"no": str(no), "kode": _t(r["Kode IKU"])}
    d |= {"nama": _t(r["Indikator Kinerja"]), "satuan": _t(r["Satuan"])}
    d["rumus"] = sebagai_teks(r.get("Rumus Capaian"))  # how the capaian was computed
    d |= {"kategori": _t(r["Kategori"])} | {k: _nilai(r[v]) for k, v in _NILAI.items()}
    d |= {k: persen(_bil(r[v])) for k, v in _PERSEN.items()}
    if (atas := _nilai(r["Target Atas"])) != "-":
        d["target"] += f"–{atas}"
    x, arah = _bil(r["Perubahan"]), sebagai_teks(r["Arah"])
    tanda = "+" if x is not None and x > 0 else ""
    d["perubahan"] = "-" if x is None else f"{tanda}{_nilai(x)}" + (f" ({arah})" if arah else "")
    d["pagu"] = rupiah(_bil(r["Pagu Anggaran"]))
    d |= {k: _t(sumber[v]) for k, v in _MANUAL.items()}
    return d


def _periksa_sumber(
    kode: str, sumber: list[Baris], hasil: list[Baris], turunan: Mapping[str, Any]
) -> None:
    """The Bagian sheet must still hold what was analysed (same indicators, same Realisasi;
    an empty Realisasi: the year the quarters make now, `turunan` by Kode IKU)."""
    from pyxl.inti.sel import nama_sel

    sekarang = {sebagai_teks(r["Kode IKU"]): r for r in sumber}
    alasan = "daftar indikatornya berbeda dari sheet Analisis"
    if sorted(sekarang) == sorted(sebagai_teks(r["Kode IKU"]) for r in hasil):
        for r in hasil:
            s = sekarang[sebagai_teks(r["Kode IKU"])]
            asal = s["Realisasi"]
            if not sebagai_teks(asal):
                asal = turunan.get(sebagai_teks(r["Kode IKU"]), asal)
            a, b = _bil(asal), _bil(r["Realisasi"])
            if not (a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9)) and (
                sebagai_teks(asal).casefold() != sebagai_teks(r["Realisasi"]).casefold()
            ):
                kolom = skema.KOLOM_INDIKATOR.index("Realisasi") + 1
                alasan = f"Realisasi di sel {nama_sel(kolom, s['_baris'])} berbeda dari Analisis"
                if not sebagai_teks(s["Realisasi"]):
                    alasan += (
                        f" (sel itu kosong: realisasi tahunan dihitung dari sheet "
                        f"{skema.TRIWULAN}, yang berubah sejak analisis)"
                    )
                break
        else:
            return
    raise IsianError(f"Sheet {kode}: {alasan}. Jalankan langkah 7 (analisis) lagi dahulu.")


def _dari_triwulan(
    buku: Buku, per_bagian: Mapping[str, list[Baris]], daftar: list[Any]
) -> dict[str, dict[str, Any]]:
    """Per Bagian, by Kode IKU: the yearly realisation its quarters make now, for the
    indicators whose analysed Realisasi was made from them (`Status Data`), computed as
    step 7 computes it."""
    perlu = {
        k
        for k, rows in per_bagian.items()
        if any(DARI_TRIWULAN in _t(r["Status Data"]) for r in rows)
    }
    if not perlu:
        return {}
    import pandas as pd

    from pyxl.buku.triwulan import baca_triwulan
    from pyxl.inti.analisis_triwulan import hitung_triwulan

    rows = [
        r | {"Kode Bagian": b.kode}
        for b in daftar
        if b.kode in perlu
        for r in baca_indikator(buku, b)
    ]
    masukan = pd.DataFrame(rows, columns=["Kode Bagian", *skema.KOLOM_INDIKATOR], dtype=object)
    tw = hitung_triwulan(masukan, baca_triwulan(buku))
    hasil: dict[str, dict[str, Any]] = {}
    for i, t in tw.turunan.items():
        if t.ada and t.realisasi is not None:
            r = rows[i]
            hasil.setdefault(r["Kode Bagian"], {})[sebagai_teks(r["Kode IKU"])] = t.realisasi.nilai
    return hasil


def _dana(pagu: float | None, real: float, serapan: float | None, rata: float | None) -> Baris:
    """Budget cells of a row; efficient when the mean capaian is not below the absorption."""
    efisien = "-"
    if rata is not None and serapan is not None:
        efisien = "Efisien" if rata >= serapan else "Tidak efisien"
    rp = {"pagu": "-", "realisasi": "-", "sisa": "-"}
    if pagu is not None:
        rp = {"pagu": indo.rupiah(pagu), "realisasi": indo.rupiah(real)}
        rp["sisa"] = indo.rupiah(pagu - real)
    return rp | {"serapan": indo.persen(serapan), "efisiensi": efisien}


def susun_konteks(
    buku: Buku,
    peng: Pengaturan,
    *,
    versi: int,
    tanggal: date,
    konsep: bool,
    koreksi: tuple[list[dict[str, str]], list[dict[str, str]]] = ([], []),
) -> tuple[dict[str, Any], list[bytes]]:
    """The template context (every value a formatted string) and the chart (PNGs, one per
    `pyxl.dokumen.grafik.BAR_PER_GAMBAR` Bagian)."""
    from pyxl.dokumen.grafik import gambar_capaian
    from pyxl.inti.kategori import skala_dari_pengaturan

    analisis = baca_tabel(buku, skema.ANALISIS)
    rekap = {sebagai_teks(r["Kode Bagian"]): r for r in baca_tabel(buku, skema.REKAP)}
    if not analisis or "SETDA" not in rekap:
        raise IsianError(
            "Sheet Analisis atau Rekap masih kosong: jalankan langkah 7 (analisis) dahulu "
            "(tombol '7. Analisis Capaian' atau perintah pyxl analisis)."
        )
    skala = skala_dari_pengaturan(peng)
    daftar = baca_bagian(buku)
    per_bagian: dict[str, list[Baris]] = {b.kode: [] for b in daftar}
    for r in analisis:
        if (kode := sebagai_teks(r["Kode Bagian"])) not in per_bagian:
            raise IsianError(
                f"Sheet Analisis baris {r['_baris']}: Bagian '{kode}' tidak ada di sheet "
                "Bagian. Jalankan langkah 7 (analisis) lagi."
            )
        per_bagian[kode].append(r)

    def kategori(x: float | None) -> str:
        return skala.label_dari(x) or "-"

    # The chart needs only the Rekap: drawn beside the rest. Pillow lets go of the
    # interpreter for part of its work only: at 100 Bagian the context takes 0.27 s with the
    # chart beside it, 0.19 s without it, and the chart alone 0.16 s.
    grafik = [
        (b.nama, _bil(rekap.get(b.kode, {}).get("Rata-rata Capaian (%)")))
        for b in daftar
        if per_bagian[b.kode]
    ]
    with ThreadPoolExecutor(1) as pool, diingat():
        png = pool.submit(gambar_capaian, grafik, skala.batas, skala.label)
        konteks = _susun(
            buku,
            peng,
            analisis,
            rekap,
            skala,
            daftar,
            per_bagian,
            kategori,
            grafik,
            versi=versi,
            tanggal=tanggal,
            konsep=konsep,
            koreksi=koreksi,
        )
        return konteks, png.result()


def _susun(
    buku: Buku,
    peng: Pengaturan,
    analisis: list[Baris],
    rekap: dict[str, Baris],
    skala: Any,
    daftar: list[Any],
    per_bagian: dict[str, list[Baris]],
    kategori: Callable[[float | None], str],
    grafik: list[tuple[str, float | None]],
    *,
    versi: int,
    tanggal: date,
    konsep: bool,
    koreksi: tuple[list[dict[str, str]], list[dict[str, str]]],
) -> dict[str, Any]:
    """The template context of `susun_konteks` (the chart aside)."""
    from pyxl.dokumen.grafik import angka_ringkas

    tahun = str(peng.tahun())
    tahun_lalu = baca_sistem(buku, KUNCI_TAHUN_LALU) or str(peng.tahun() - 1)
    isian_staf = naratif.baca_naratif(buku)
    per_tw = triwulan.baca(buku) if triwulan.tampil(peng) else {}
    turunan = _dari_triwulan(buku, per_bagian, daftar)
    bagian: list[dict[str, Any]] = []
    bagian_tw: list[dict[str, Any]] = []
    anggaran: list[Baris] = []
    upaya: list[dict[str, str]] = []
    jumlah = [0.0, 0.0]
    for b in (b for b in daftar if per_bagian[b.kode]):
        hasil, sumber = per_bagian[b.kode], baca_indikator(buku, b)
        _periksa_sumber(b.kode, sumber, hasil, turunan.get(b.kode, {}))
        baris_sumber = {sebagai_teks(r["Kode IKU"]): r for r in sumber}
        kelompok: dict[str, list[Baris]] = {}
        for r in hasil:
            nama = _t(baris_sumber[sebagai_teks(r["Kode IKU"])]["Sasaran"])
            kelompok.setdefault(nama, []).append(r)
        sasaran: list[dict[str, Any]] = []
        datar: list[dict[str, Any]] = []
        for nama, rows in kelompok.items():
            sasaran.append({"nama": nama, "indikator": []})
            for r in rows:
                kode_iku = sebagai_teks(r["Kode IKU"])
                i = _indikator(len(datar) + 1, r, baris_sumber[kode_iku])
                i["analisis"] = naratif.kalimat(r, tahun, tahun_lalu)
                if triwulan.isi(i, per_tw.get(kunci(b.kode, kode_iku), {})):
                    i["analisis"].append(triwulan.kalimat(i))
                i |= naratif.isian(isian_staf, b.kode, kode_iku)
                datar.append(i)
                sasaran[-1]["indikator"].append(i)
                capaian = _bil(r["Capaian Dinilai (%)"])
                if i["solusi"] and (capaian is None or capaian < 100):
                    upaya.append({"indikator": f"{i['kode']} {i['nama']}", "solusi": i["solusi"]})
        rek = rekap.get(b.kode, {})
        rata = _bil(rek.get("Rata-rata Capaian (%)"))
        ada = sum(_bil(r["Capaian (%)"]) is not None for r in hasil)
        bagian.append({"nama": b.nama, "rata": indo.persen(rata), "kategori": kategori(rata)})
        bagian[-1] |= {"jumlah": str(len(hasil)), "ada": str(ada), "sasaran": sasaran}
        bagian[-1] |= {"indikator": datar, "kepala": _t(b.kepala)}
        if any(i["tw"] != [triwulan.KOSONG] * 4 for i in datar):
            bagian_tw.append({"nama": b.nama, "indikator": datar})
        dana = [r for r in hasil if _bil(r["Serapan Anggaran (%)"]) is not None]
        pagu = sum(_bil(r["Pagu Anggaran"]) or 0.0 for r in dana)
        real = sum(_bil(r["Realisasi Anggaran"]) or 0.0 for r in dana)
        jumlah = [jumlah[0] + pagu, jumlah[1] + real]
        serapan = _bil(rek.get("Serapan Anggaran (%)"))
        anggaran.append({"no": str(len(anggaran) + 1), "nama": b.nama.removeprefix("Bagian ")})
        anggaran[-1] |= _dana(pagu if dana else None, real, serapan, rata)

    iku_setda = setda.susun(buku, analisis, kategori)
    rata_bagian = _bil(rekap["SETDA"]["Rata-rata Capaian (%)"])
    rata = iku_setda.rata if iku_setda.jumlah else rata_bagian
    hitung = Counter(sebagai_teks(r["Kategori"]) for r in analisis)
    per_kelas = [hitung[lab] for lab in skala.label]
    per_kelas.append(len(analisis) - sum(per_kelas))
    bts = [angka_ringkas(x) for x in skala.batas]
    rentang = [f"≥ {bts[0]}", *(f"{bts[i + 1]} – < {bts[i]}" for i in range(3)), f"< {bts[3]}"]
    kelas = [*zip(skala.label, rentang, strict=True), ("Belum ada capaian", "-")]
    urut = sorted((x, n) for n, x in grafik if x is not None)
    efisiensi = Counter(sebagai_teks(r["Efisiensi"]) for r in analisis)
    ringkasan = [f"{n} {lab}" for lab, n in zip(skala.label, per_kelas, strict=False) if n]
    ringkasan += [f"{per_kelas[-1]} belum ada capaian"] if per_kelas[-1] else []
    isu = [x.strip() for x in peng["Isu Strategis"].split(";") if x.strip()]
    instansi = f"{peng['Unit Kerja']} {peng['Pemerintah Daerah']}"
    judul = f"Dokumen Indikator Kinerja Utama dan Laporan Capaian Kinerja Tahun {tahun}"
    total = _dana(jumlah[0], jumlah[1], _bil(rekap["SETDA"]["Serapan Anggaran (%)"]), rata)
    semua = [i for b in bagian for i in b["indikator"]]
    kosong = sum(bool(i["penyebab_kosong"]) + bool(i["solusi_kosong"]) for i in semua)
    kosong += (not isu) + (not iku_setda.jumlah)
    d: dict[str, Any] = {
        "tahun": tahun,
        "tahun_lalu": tahun_lalu,
        "tahun_terbit": str(tanggal.year),
        "sampul_kota": peng["Kota"].upper(),
        "instansi": instansi,
        "judul": f"{judul} {instansi}",
        # the version is for reviewers of a draft; the published document names none
        "versi": f"Versi {versi}" if konsep else "",
        "kaki": f"Dokumen IKU Tahun {tahun}" + (f" — Versi {versi} (KONSEP)" if konsep else ""),
        "tanggal": indo.tanggal(tanggal),
        "jumlah_bagian": str(len(bagian)),
        "jumlah_indikator": str(len(analisis)),
        "jumlah_ada": str(sum(_bil(r["Capaian (%)"]) is not None for r in analisis)),
        "rata": indo.persen(rata),
        "kategori_setda": kategori(rata),
        "rata_bagian": indo.persen(rata_bagian),
        "kategori_bagian": kategori(rata_bagian),
        "rumus_negatif": RUMUS.get("".join(peng["Rumus Polaritas Negatif"].split()).upper(), "-"),
        "ringkasan": ", ".join(ringkasan),
        "tertinggi": f"{urut[-1][1]} ({indo.persen(urut[-1][0])})" if urut else "-",
        "terendah": f"{urut[0][1]} ({indo.persen(urut[0][0])})" if urut else "-",
        "efisien": str(efisiensi["Efisien"]),
        "tidak_efisien": str(efisiensi["Tidak efisien"]),
        "tugas": peng["Tugas dan Fungsi"] or "-",
        "struktur": [
            {"no": str(n), "nama": b.nama, "asisten": _t(b.asisten), "kepala": _t(b.kepala)}
            for n, b in enumerate(daftar, start=1)
        ],
        "isu": isu,
        "isu_kosong": "" if isu else KOSONG_ISU,
        "sasaran_setda": iku_setda.sasaran,
        "jumlah_iku_setda": str(iku_setda.jumlah),
        "setda_kosong": "" if iku_setda.jumlah else setda.KOSONG,
        "upaya": upaya,
        "upaya_kosong": "" if upaya else naratif.KOSONG_SOLUSI,
        "isian_kosong": str(kosong),
        "bagian": bagian,
        "triwulan": bagian_tw,
        "triwulan_ada": "ya" if bagian_tw else "",
        "triwulan_sampai": triwulan.sampai(per_tw) if bagian_tw else "",
        "anggaran": anggaran,
        "total": total,
        "grafik": "",
        "kategori": [
            {"label": lab, "rentang": ren, "jumlah": str(n)}
            | {"persen": indo.persen(n * 100 / len(analisis))}
            for (lab, ren), n in zip(kelas, per_kelas, strict=True)
        ],
        "koreksi_selesai": koreksi[0],
        "koreksi_terbuka": koreksi[1],
    }
    pemda = peng["Pemerintah Daerah"].upper()
    kop = {"pemda": f"PEMERINTAH {pemda}", "unit": peng["Unit Kerja"].upper(), "kota": peng["Kota"]}
    konteks = {
        "kop": kop,
        "tanda": KONSEP if konsep else "",
        "d": d,
        "ttd": pejabat(peng, SEKDA, f"SEKRETARIS DAERAH\n{pemda},", wajib=not konsep),
    }
    return konteks


def _metadata(doc: Any, d: dict[str, Any]) -> None:
    """The file's own properties (the PDF's title comes from them), from the document's title:
    never the template's."""
    inti = doc.docx.core_properties
    inti.title, inti.subject = d["judul"], "Indikator Kinerja Utama dan Laporan Kinerja"
    inti.author = inti.last_modified_by = d["instansi"]
    inti.comments, inti.keywords, inti.category = "", "IKU; LKjIP; SAKIP", ""
    inti.language, inti.revision = "id-ID", 1


def tulis(
    templat: Path,
    konteks: dict[str, Any],
    png: list[bytes],
    tujuan: Path,
    selagi: Callable[[], object] | None = None,
) -> Path:
    """Render through `pyxl.dokumen.word.tulis_dokumen`, with the chart as inline pictures,
    one below the other (`selagi`: the caller's work to do while the document's XML is
    checked)."""
    from docx.shared import Mm

    from pyxl.dokumen.word import Berurutan, gambar, tulis_dokumen

    def dengan_grafik(doc: Any, isi: dict[str, Any]) -> dict[str, Any]:
        _metadata(doc, isi["d"])
        grafik = Berurutan([gambar(doc, io.BytesIO(p), Mm(160)) for p in png])
        return dict(isi, d=dict(isi["d"], grafik=grafik))

    return tulis_dokumen(templat, konteks, tujuan, dengan_grafik, selagi=selagi)


def _konteks_uji(baris: int) -> dict[str, Any]:
    """The template's sample context with `baris` indicators spread over 10 Bagian."""
    from pyxl.dokumen.templat import contoh_konteks

    k = contoh_konteks(TEMPLAT)
    contoh_b, bagian = k["d"]["bagian"][0], []
    for i in range(10):
        n = baris // 10 + (i < baris % 10)
        isi = [
            dict(contoh_b["indikator"][0], no=str(j + 1), nama=f"Indikator {j + 1}")
            for j in range(n)
        ]
        sasaran = [
            {"nama": f"Sasaran {s + 1}", "indikator": isi[s : s + 5]} for s in range(0, n, 5)
        ]
        bagian.append(dict(contoh_b, nama=f"Bagian {i + 1}", sasaran=sasaran, indikator=isi))
    k["d"]["bagian"] = bagian
    return k


def benchmark(baris: int) -> float:
    """Seconds to render the whole Dokumen IKU with `baris` indicators (each one a row in the
    plan, measurement and comparison tables) and its chart, into a temporary folder."""
    import tempfile

    from pyxl.dokumen.grafik import gambar_capaian
    from pyxl.dokumen.templat import FOLDER_BAWAAN
    from pyxl.inti.kategori import Skala

    konteks = _konteks_uji(baris)
    with tempfile.TemporaryDirectory() as tmp:
        mulai = time.perf_counter()
        png = gambar_capaian(
            [(f"Bagian {i}", 80.0 + i) for i in range(10)], Skala().batas, Skala().label
        )
        tulis(FOLDER_BAWAAN / TEMPLAT, konteks, png, Path(tmp) / "uji.docx")
        return time.perf_counter() - mulai


def benchmark_add_row(baris: int) -> float:
    """Baseline: the measurement table alone (7 columns, `baris` rows) built with python-docx
    `add_row()`, row by row, and saved."""
    from docx import Document

    kunci = ("no", "nama", "satuan", "target", "realisasi", "capaian", "kategori")
    semua = [i for b in _konteks_uji(baris)["d"]["bagian"] for i in b["indikator"]]
    mulai = time.perf_counter()
    doc = Document()
    tbl = doc.add_table(rows=1, cols=len(kunci))
    for i in semua:
        for sel, k in zip(tbl.add_row().cells, kunci, strict=True):
            sel.text = i[k]
    doc.save(io.BytesIO())
    return time.perf_counter() - mulai
