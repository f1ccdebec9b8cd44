"""The quarterly monitoring report (Laporan Pemantauan Triwulan): what its Word template shows.

For one quarterly round, read from the master as staff left it after step 7 of that round:

- the indicators reported against those expected, and the mean capaian of the quarter
  (`Analisis Triwulan`; each capaian held within 'Batas Bawah/Atas Capaian' for the mean, as
  the yearly `Rekap` does);
- the indicators off track: a quarter's capaian under 'Ambang Capaian Triwulan (%)', worst
  first, with the quarter's target (and how it was set), the realisation and the trend;
- the Bagian late: no accepted return (`Diterima`/`Menggantikan`) of the round in
  `Penerimaan`, with when the round's format was mailed and whether a reminder was
  (`Pengiriman`, steps 3 and 6 of the same round);
- budget absorption per Bagian: the year-to-date `Realisasi Anggaran` of the round (what a
  quarterly format asks for) against the `Pagu Anggaran` of the Bagian's indicators.

Every value is a formatted Indonesian string; an empty figure is "-", never 0.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from pyxl.buku.daftar import baca_bagian, isi_indikator, kode_tertaut
from pyxl.buku.port import Baris, Buku
from pyxl.buku.tabel import baca_tabel
from pyxl.dokumen.grafik import angka_ringkas
from pyxl.dokumen.nilai import bil, dengan_satuan, diingat, persen, rupiah, teks
from pyxl.galat import IsianError
from pyxl.inti import indo
from pyxl.inti.angka import BUKAN, baca
from pyxl.inti.sel import sebagai_teks
from pyxl.kontrak import skema, status
from pyxl.kontrak.pengaturan import KABAG, Pengaturan
from pyxl.kontrak.perintah import PER_NAMA
from pyxl.kontrak.periode import TAHUNAN, periode_baris, uraian
from pyxl.surat.kop import kop, pejabat

TEMPLAT = "laporan_triwulan.docx"
AMBANG = "Ambang Capaian Triwulan (%)"
"""The setting: a quarter's capaian under it puts the indicator on the report's list."""
JUDUL_TOMBOL = PER_NAMA["laporan"].judul
LANGKAH_KIRIM, LANGKAH_INGATKAN = "3", "6"
"""`Pengiriman.Langkah` of a format's e-mail and of a reminder (`pyxl.langkah.kirim`)."""


def ambang(peng: Pengaturan) -> float:
    """The off-track threshold (a percentage); an unusable value names its cell."""
    b = baca(peng[AMBANG])
    if b.jenis == BUKAN or b.nilai is None or not 0 < b.nilai <= 1000:
        raise IsianError(
            f"Pengaturan '{AMBANG}' berisi '{peng[AMBANG]}' ({peng.lokasi(AMBANG)}): isi angka "
            "persen lebih dari 0, misalnya 75."
        )
    return b.nilai


def tolak_tahunan(putaran: str, sel: str, opsi: bool) -> None:
    """The report is per quarter: a `Tahunan` round is refused, saying where to choose one
    (`sel`, Kendali's Periode cell; `opsi`: the round came from `--periode`)."""
    if putaran != TAHUNAN:
        return
    asal = (
        f"opsi --periode berisi {TAHUNAN}"
        if opsi
        else f"sel Periode di sheet {skema.KENDALI} ({sel}) kosong atau berisi {TAHUNAN}"
    )
    raise IsianError(
        f"Laporan Pemantauan Triwulan dibuat untuk satu triwulan, sedangkan {asal}. Isi sel "
        f"Periode di sheet {skema.KENDALI} ({sel}) dengan TW I, TW II, TW III atau TW IV, lalu "
        f"tekan tombol '{JUDUL_TOMBOL}' lagi, atau jalankan: pyxl laporan --periode "
        '"TW II". Tidak ada yang diubah.'
    )


def baris_analisis(buku: Buku, putaran: str) -> list[Baris]:
    """The `Analisis Triwulan` rows of `putaran`; none is an error saying to run step 7 for it."""
    rows = []
    if skema.ANALISIS_TRIWULAN in buku.nama_sheet():
        rows = [
            r
            for r in baca_tabel(buku, skema.ANALISIS_TRIWULAN)
            if periode_baris(r["Periode"]) == putaran
        ]
    if not rows:
        raise IsianError(
            f"Sheet {skema.ANALISIS_TRIWULAN} belum berisi hasil analisis {putaran}. Jalankan "
            f"Analisis Capaian dengan Periode {putaran} dahulu (tombol '7. Analisis Capaian' "
            f"dengan sel Periode di sheet {skema.KENDALI} berisi {putaran}, atau perintah: "
            f'pyxl analisis --periode "{putaran}"), lalu buat laporan ini lagi. Tidak ada yang '
            "diubah."
        )
    return rows


def _tanggal(v: Any) -> str:
    if isinstance(v, datetime):
        return indo.tanggal(v.date())
    if isinstance(v, date):
        return indo.tanggal(v)
    return teks(v)


def _surel_bagian(rows: list[Baris], kode: set[str], langkah: str) -> list[Baris]:
    """The round's e-mails of step `langkah` to a Bagian (any of its codes) that were made
    (drafted or sent, in ledger order)."""
    return [
        r
        for r in rows
        if sebagai_teks(r["Kode Bagian"]).upper() in kode
        and sebagai_teks(r["Langkah"]) == langkah
        and sebagai_teks(r["Status"]) in (status.DRAF, status.TERKIRIM)
    ]


def _surel(r: Baris) -> str:
    """'2 April 2026', or '2 April 2026 (draf)' for a draft staff were to send themselves."""
    kapan = _tanggal(r["Waktu"])
    return kapan if sebagai_teks(r["Status"]) == status.TERKIRIM else f"{kapan} (draf)"


def terlambat(buku: Buku, putaran: str) -> list[dict[str, str]]:
    """The Bagian of the list without an accepted return of `putaran`, each with when the
    round's format was mailed and the reminders sent (a renamed Bagian's ledger rows keep
    its old code: they count too)."""
    ada = set(buku.nama_sheet())

    def buku_besar(sheet: str) -> list[Baris]:
        if sheet not in ada:
            return []
        return [r for r in baca_tabel(buku, sheet) if periode_baris(r.get("Periode")) == putaran]

    kembali = {
        sebagai_teks(r["Kode Bagian"]).upper()
        for r in buku_besar(skema.PENERIMAAN)
        if sebagai_teks(r["Status"]) in status.DIGABUNG
    }
    kirim = buku_besar(skema.PENGIRIMAN)
    tertaut = kode_tertaut(buku)
    hasil: list[dict[str, str]] = []
    for b in baca_bagian(buku):
        kode = {k.upper() for k in (b.kode, *tertaut.get(b.kode, ()))}
        if kode & kembali:
            continue
        format_ = _surel_bagian(kirim, kode, LANGKAH_KIRIM)
        ingat = _surel_bagian(kirim, kode, LANGKAH_INGATKAN)
        pengingat = "Belum"
        if ingat:
            pengingat = _surel(ingat[-1])
            if len(ingat) > 1:
                pengingat = f"{len(ingat)} kali, terakhir {pengingat}"
        hasil.append(
            {
                "no": str(len(hasil) + 1),
                "kode": b.kode,
                "nama": b.nama,
                "dikirim": _surel(format_[-1]) if format_ else "Belum dikirim",
                "pengingat": pengingat,
            }
        )
    return hasil


def _angka(v: Any) -> float | None:
    x = bil(v)
    return x if x is not None and math.isfinite(x) else None


def _tren(v: Any) -> str:
    t = sebagai_teks(v)
    return t[:1].upper() + t[1:] if t else "-"


def _rendah(rows: list[Baris], nama: dict[str, str], batas: float) -> list[dict[str, str]]:
    """The rows whose capaian is under `batas`, worst first (Bagian order on a tie)."""
    bawah = [(c, i, r) for i, r in enumerate(rows) if (c := _angka(r["Capaian (%)"])) is not None]
    hasil = []
    for no, (c, _, r) in enumerate(sorted(x for x in bawah if x[0] < batas), 1):
        kode = sebagai_teks(r["Kode Bagian"])
        hasil.append(
            {
                "no": str(no),
                "bagian": nama.get(kode, kode).removeprefix("Bagian "),
                "kode": teks(r["Kode IKU"]),
                "indikator": teks(r["Indikator Kinerja"]),
                "target": dengan_satuan(r["Target Periode"], r["Satuan"]),
                "dasar": sebagai_teks(r["Dasar Target"]),
                "realisasi": dengan_satuan(r["Realisasi"], r["Satuan"]),
                "capaian": persen(c),
                "kategori": teks(r["Kategori"]),
                "tren": _tren(r["Tren"]),
            }
        )
    return hasil


def _anggaran(
    buku: Buku, rows: list[Baris], daftar: list[Any]
) -> tuple[list[dict[str, str]], dict[str, str], list[str]]:
    """Per Bagian: the pagu of its indicators, the round's year-to-date realisation, the
    absorption and what is left; the total; and the Bagian whose realisation is incomplete."""
    real: dict[tuple[str, str], float] = {}
    for r in rows:
        if (x := _angka(r["Realisasi Anggaran"])) is not None:
            real[(sebagai_teks(r["Kode Bagian"]), sebagai_teks(r["Kode IKU"]))] = x
    baris: list[dict[str, str]] = []
    total_pagu = total_real = 0.0
    kurang: list[str] = []
    for b in daftar:
        pagu = dilapor = 0.0
        n_pagu = n_real = 0
        ada_real = False
        for _, (kode_iku, p) in isi_indikator(buku, b, ("Kode IKU", "Pagu Anggaran")):
            x = real.get((b.kode, sebagai_teks(kode_iku)))
            ada_real |= x is not None
            dilapor += x or 0.0
            if (p := _angka(p)) is not None and p > 0:
                pagu += p
                n_pagu += 1
                n_real += x is not None
        if n_real < n_pagu:
            kurang.append(f"{b.kode} ({n_pagu - n_real} dari {n_pagu} indikator)")
        total_pagu += pagu
        total_real += dilapor
        baris.append(
            {"no": str(len(baris) + 1), "nama": b.nama.removeprefix("Bagian ")}
            | _dana(pagu if n_pagu else None, dilapor if ada_real else None)
        )
    jumlah = _dana(total_pagu or None, total_real if real else None)
    return baris, jumlah, kurang


def _dana(pagu: float | None, real: float | None) -> dict[str, str]:
    serapan = real / pagu * 100 if pagu and real is not None else None
    sisa = pagu - real if pagu is not None and real is not None else None
    return {
        "pagu": rupiah(pagu),
        "realisasi": rupiah(real),
        "serapan": persen(serapan),
        "sisa": rupiah(sisa),
    }


def berbeda_dari_triwulan(buku: Buku, rows: list[Baris], putaran: str) -> list[str]:
    """Indicators whose realisation in `Triwulan` no longer is the one analysed ("HUKUM/IKU-1"):
    a return merged after step 7 ran. The report still uses the analysis; the step says so."""
    if skema.TRIWULAN not in buku.nama_sheet():
        return []
    dianalisis = {
        (sebagai_teks(r["Kode Bagian"]), sebagai_teks(r["Kode IKU"])): r["Realisasi"] for r in rows
    }
    hasil = []
    for r in baca_tabel(buku, skema.TRIWULAN):
        if periode_baris(r["Periode"]) != putaran or not sebagai_teks(r["Realisasi"]):
            continue
        kunci = (sebagai_teks(r["Kode Bagian"]), sebagai_teks(r["Kode IKU"]))
        if kunci not in dianalisis or not _sama(r["Realisasi"], dianalisis[kunci]):
            hasil.append("/".join(kunci))
    return hasil


def _sama(a: Any, b: Any) -> bool:
    x, y = _angka(a), _angka(b)
    if x is not None and y is not None:
        return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12)
    return sebagai_teks(a).casefold() == sebagai_teks(b).casefold()


def susun_konteks(
    buku: Buku,
    peng: Pengaturan,
    putaran: str,
    rows: list[Baris],
    *,
    tanggal: date,
    kategori: Callable[[float | None], str],
    batas: tuple[float | None, float | None],
) -> dict[str, Any]:
    """The template's context for round `putaran` from its `Analisis Triwulan` rows.

    `kategori` names a capaian's band (the rating scale of `Pengaturan`); `batas` is the
    (floor, cap) a capaian is held within for the mean."""
    tahun = peng.tahun()
    daftar = baca_bagian(buku)
    nama = {b.kode: b.nama for b in daftar}
    rows = [r for r in rows if sebagai_teks(r["Kode Bagian"]) in nama]
    ambang_ = ambang(peng)
    with diingat():
        diharapkan = sum(len(isi_indikator(buku, b, ("Kode IKU",))) for b in daftar)
        dilapor = sum(1 for r in rows if sebagai_teks(r["Realisasi"]))
        capaian = [c for r in rows if (c := _angka(r["Capaian (%)"])) is not None]
        dinilai = [_dalam_batas(c, batas) for c in capaian]
        rata = math.fsum(dinilai) / len(dinilai) if dinilai else None
        rendah = _rendah(rows, nama, ambang_)
        lambat = terlambat(buku, putaran)
        anggaran, jumlah, kurang = _anggaran(buku, rows, daftar)
    catatan = ""
    if kurang:
        catatan = (
            f"Realisasi anggaran {putaran} belum dilaporkan untuk sebagian indikator berpagu: "
            f"{', '.join(kurang)}; serapan Bagian itu dapat lebih tinggi dari yang tercantum."
        )
    periode = uraian(putaran, tahun)
    isi = {
        "putaran": putaran,
        "periode": periode,
        "judul_periode": periode.replace(f" {tahun}", f" TAHUN {tahun}").upper(),
        "tahun": str(tahun),
        "instansi": f"{peng['Unit Kerja']} {peng['Pemerintah Daerah']}",
        "pelaksana": peng["Bagian Pelaksana"],
        "tanggal": indo.tanggal(tanggal),
        "ambang": f"{angka_ringkas(ambang_)}%",
        "jumlah_bagian": str(len(daftar)),
        "bagian_kembali": str(len(daftar) - len(lambat)),
        "jumlah_indikator": str(diharapkan),
        "jumlah_lapor": str(dilapor),
        "persen_lapor": persen(dilapor / diharapkan * 100 if diharapkan else None),
        "rata": persen(rata),
        "kategori": kategori(rata),
        "jumlah_rendah": str(len(rendah)),
        "jumlah_terlambat": str(len(lambat)),
        "serapan": jumlah["serapan"],
        "rendah": rendah,
        "terlambat": lambat,
        "anggaran": anggaran,
        "jumlah_anggaran": jumlah,
        "catatan_anggaran": catatan,
    }
    ttd = pejabat(peng, KABAG, f"{KABAG.upper()},")
    return {"kop": kop(peng), "l": isi, "ttd": ttd}


def _dalam_batas(c: float, batas: tuple[float | None, float | None]) -> float:
    bawah, atas = batas
    if bawah is not None:
        c = max(c, bawah)
    return min(c, atas) if atas is not None else c
