"""The analysis of the quarters (SOP step 7 in a quarterly round), and the year made from them.

Each indicator is measured every quarter against the quarter's own target (typed in sheet
`Triwulan`) or its yearly target pro-rated by `Cara Tahunan` (`pyxl.inti.triwulan.target_tw`).
The capaian, category, bounds and budget absorption of a quarter come from the yearly rules
themselves: the quarters are handed to `pyxl.inti.capaian.hitung` as indicator rows (the
quarter's target and figures in place of the year's), so no rule is written twice.

An indicator whose yearly `Realisasi` is empty takes the year made from its quarters
(`pyxl.inti.triwulan.realisasi_tahunan`) and a note saying so; a yearly return's value always
wins. No I/O: the step reads the sheets and writes the tables.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from pyxl.galat import IsianError
from pyxl.inti.angka import baca
from pyxl.inti.capaian import KODE_SETDA, PESAN, Analisis, hitung
from pyxl.inti.kategori import Skala
from pyxl.inti.sel import nama_sel, sebagai_teks
from pyxl.inti.skala import SkalaUrut
from pyxl.inti.temuan import Temuan
from pyxl.inti.triwulan import (
    DARI_TRIWULAN,
    Nilai,
    Tahunan,
    kunci,
    realisasi_tahunan,
    target_tw,
    tren,
)
from pyxl.kontrak import skema
from pyxl.kontrak.masalah import PERINGATAN
from pyxl.kontrak.periode import CARA_BAWAAN, TW, baca_cara

PerTriwulan = Mapping[tuple[str, str], Mapping[int, Mapping[str, Any]]]
"""(KODE BAGIAN, KODE IKU) in capitals (`pyxl.inti.triwulan.kunci`) -> quarter (1–4) -> its
row of sheet `Triwulan` (`_baris`: the sheet row)."""
BuktiTriwulan = Mapping[int, Mapping[tuple[str, str], Sequence[str]]]
"""Quarter -> (KODE BAGIAN, KODE IKU) in capitals -> the evidence files received for it."""

KOLOM_DINILAI = "Capaian Dinilai (%)"
"""The bounded capaian of a quarter: what the quarter's mean in `Rekap` averages."""

_KOLOM_TRIWULAN = {"Target": "Target", "Realisasi": "Realisasi"}
_KOLOM_TRIWULAN |= {"Realisasi Anggaran": "Realisasi Anggaran", "Capaian": "Realisasi"}
"""Column of a quarter's finding -> the column of sheet `Triwulan` holding what it is about
(the quarter's own figures; `Target` only when the quarter has its own)."""
_NUMERIK = ("Positif", "Negatif")


def _kosong(v: Any) -> bool:
    """An empty cell: nothing typed (a "-" is typed; it means no data, not "take the
    quarters")."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return True
    return isinstance(v, str) and not v.strip()


def _angka(x: float) -> str:
    """A number in a note, Indonesian style, with the decimals it needs: 47,5; 1.250."""
    from pyxl.inti import indo

    teks = indo.angka(x, 4)
    return teks.rstrip("0").rstrip(",") if "," in teks else teks


def _bilangan(v: Any) -> float | None:
    """A target as `hitung` reads it (the one number reader, no reference value)."""
    if _kosong(v):
        return None
    return baca(v).nilai


def _cara(teks: Any) -> tuple[str, str | None, bool]:
    """(the rule used, the note when the cell was empty, whether the cell is not a rule)."""
    try:
        cara = baca_cara(teks)
    except IsianError:
        return CARA_BAWAAN, None, True
    if cara is None:
        return CARA_BAWAAN, f"Cara Tahunan kosong: dianggap {CARA_BAWAAN}", False
    return cara, None, False


@dataclass
class Turunan:
    """A yearly figure made from the quarters (an empty yearly cell on the Bagian sheet)."""

    realisasi: Tahunan | None = None
    """The year's realisation by `Cara Tahunan` (its `nilai` None, with the reason, when the
    quarters cannot make one); None: the yearly cell has a value, or no quarter reports one."""
    anggaran: tuple[float, int] | None = None
    """The budget realised so far (the latest quarter's, which reports the year to date)."""

    def catatan(self) -> str:
        teks = []
        if self.realisasi is not None:
            teks.append(self.realisasi.catatan)
        if self.anggaran is not None:
            teks.append(f"anggaran s.d. {TW[self.anggaran[1] - 1]}")
        return "; ".join(teks)

    @property
    def ada(self) -> bool:
        """The realisation was made (a figure, not only a note why it could not be)."""
        return self.realisasi is not None and self.realisasi.nilai is not None


@dataclass
class Triwulan:
    """The quarters of every indicator, analysed."""

    indikator: pd.DataFrame
    """Four rows per indicator (TW I … TW IV, in the order of the input): the columns of
    `skema.KOLOM_ANALISIS_TRIWULAN`, `Capaian Dinilai (%)`, and `_indeks` (the indicator's
    index in the input), `_tw` (1–4), `_ada` (the quarter has a row in sheet `Triwulan`)."""
    temuan: list[Temuan]
    """Findings on the quarters' figures, each naming its cell (sheet `Triwulan`, or the
    Bagian sheet for what the quarter takes from the year)."""
    turunan: dict[int, Turunan] = field(default_factory=dict)
    """By position in the input (its index repeats: a sheet row number in each Bagian): the
    yearly figures made from the quarters."""

    @property
    def sampai(self) -> int:
        """The last quarter with any row in sheet `Triwulan` (0: none)."""
        ada = self.indikator.loc[self.indikator["_ada"], "_tw"]
        return int(ada.max()) if len(ada) else 0

    def baris(self, sampai: int) -> pd.DataFrame:
        """The rows of sheet `Analisis Triwulan`: every indicator, TW I … TW `sampai`."""
        d = self.indikator
        return d.loc[d["_tw"] <= sampai, list(skema.KOLOM_ANALISIS_TRIWULAN)]


def hitung_triwulan(
    masukan: pd.DataFrame,
    per_tw: PerTriwulan,
    *,
    rumus_negatif: str = "(2T-R)/T",
    skala: Skala | None = None,
    skala_urut: Mapping[str, SkalaUrut] | None = None,
    batas: tuple[float | None, float | None] = (0.0, None),
    bukti: BuktiTriwulan | None = None,
) -> Triwulan:
    """The quarters of every row of `masukan` (the input of `capaian.hitung`: `Kode Bagian`
    and the Bagian sheet's columns), with the figures of `per_tw`, by the same rules and
    settings as the year."""
    bukti = bukti or {}
    n = len(masukan)
    obj = {k: masukan[k].to_numpy(dtype=object) for k in masukan.columns}
    meta: list[dict[str, Any]] = []
    baris: list[dict[str, Any]] = []
    cara_salah: list[Temuan] = []
    for i in range(n):
        bag, iku = sebagai_teks(obj["Kode Bagian"][i]), sebagai_teks(obj["Kode IKU"][i])
        pol = sebagai_teks(obj["Polaritas"][i]).capitalize()
        cara, cara_catatan, salah = _cara(obj["Cara Tahunan"][i])
        tw_isi = per_tw.get(kunci(bag, iku), {}) if iku else {}
        if salah and tw_isi:
            cara_salah.append(_cara_salah(obj["Cara Tahunan"][i], bag, iku, masukan.index[i]))
        dasar_baris = {k: obj[k][i] for k in obj}
        for tw in range(1, 5):
            r = tw_isi.get(tw)
            target, atas, dasar, sendiri = _target(dasar_baris, pol, cara, tw, r)
            if cara_catatan and not sendiri:
                dasar += f"; {cara_catatan}"
            baris.append(
                dasar_baris
                | {
                    "Target": target,
                    "Target Atas": atas,
                    "Realisasi": None if r is None else r.get("Realisasi"),
                    "Realisasi Anggaran": None if r is None else r.get("Realisasi Anggaran"),
                    "Realisasi Tahun Lalu": None,
                    "Target Akhir Renstra": None,
                }
            )
            meta.append(
                {
                    "_indeks": masukan.index[i],
                    "_tw": tw,
                    "_ada": r is not None,
                    "_baris_tw": None if r is None else r.get("_baris"),
                    "_sendiri": sendiri,
                    "Cara Tahunan": cara,
                    "Dasar Target": dasar,
                    "Periode": TW[tw - 1],
                    "_perlu": sebagai_teks(obj["Perlu Bukti"][i]).casefold() == skema.YA.casefold(),
                    "_bukti": len(bukti.get(tw, {}).get(kunci(bag, iku), ())),
                }
            )
    q = pd.DataFrame(baris, columns=list(masukan.columns), dtype=object)
    analisis = hitung(
        q, rumus_negatif=rumus_negatif, skala=skala or Skala(), skala_urut=skala_urut, batas=batas
    )
    hasil = analisis.indikator
    m = pd.DataFrame(meta, columns=list(_META))
    capaian = hasil["Capaian (%)"].to_numpy(dtype=float)
    arah: list[str | None] = []
    for mulai in range(0, len(q), 4):
        c = [None if math.isnan(x) else float(x) for x in capaian[mulai : mulai + 4]]
        arah += [(tren(c[: k + 1]) or None) if c[k] is not None else None for k in range(4)]
    ada_r = hasil["Realisasi"].notna().to_numpy()
    jumlah_bukti = [
        b if b or (perlu and ada) else None
        for b, perlu, ada in zip(m["_bukti"], m["_perlu"], ada_r, strict=True)
    ]
    tabel = pd.DataFrame(
        {
            **{k: hasil[k].to_numpy() for k in _DARI_HITUNG},
            "Cara Tahunan": m["Cara Tahunan"].to_numpy(),
            "Periode": m["Periode"].to_numpy(),
            "Target Periode": hasil["Target"].to_numpy(),
            "Dasar Target": m["Dasar Target"].to_numpy(),
            "Capaian (%)": capaian,
            "Tren": np.array(arah, dtype=object),
            "Bukti": np.array(jumlah_bukti, dtype=object),
            "_indeks": m["_indeks"].to_numpy(),
            "_tw": m["_tw"].to_numpy(),
            "_ada": m["_ada"].to_numpy(dtype=bool),
        }
    )
    temuan = cara_salah + _temuan_kuartal(analisis.temuan, meta)
    return Triwulan(tabel, temuan, _turunan(masukan, tabel))


_META = (
    *("_indeks", "_tw", "_ada", "_baris_tw", "_sendiri", "Cara Tahunan", "Dasar Target"),
    *("Periode", "_perlu", "_bukti"),
)
"""What each quarter's row carries beside the figures `hitung` reads."""
_DARI_HITUNG = (
    *("Kode Bagian", "Kode IKU", "Indikator Kinerja", "Satuan", "Polaritas", "Realisasi"),
    *("Kategori", "Realisasi Anggaran", "Serapan Anggaran (%)", KOLOM_DINILAI),
)
"""Columns of a quarter's row taken as `hitung` gives them for the quarter."""


def _target(
    r: Mapping[str, Any], pol: str, cara: str, tw: int, isi: Mapping[str, Any] | None
) -> tuple[Any, Any, str, bool]:
    """(target, upper target, how it was set, whether it is the quarter's own) of quarter
    `tw` of the indicator row `r`, whose quarter row in sheet `Triwulan` is `isi`."""
    sendiri = None if isi is None else isi.get("Target")
    if not _kosong(sendiri):
        if pol in _NUMERIK and (x := _bilangan(sendiri)) is not None:
            return x, None, target_tw(None, cara, tw, x)[1] + " (sheet Triwulan)", True
        return sendiri, None, f"target {TW[tw - 1]} (sheet Triwulan)", True
    t, a = r.get("Target"), r.get("Target Atas")
    if pol not in _NUMERIK or (x_t := _bilangan(t)) is None:
        return t, a, "target tahunan" if not _kosong(t) else "tanpa target", False
    target, dasar = target_tw(x_t, cara, tw)
    dasar = dasar.replace("target tahunan", f"target tahunan {_angka(x_t)}", 1)
    x_a = _bilangan(a)
    atas = None if x_a is None else target_tw(x_a, cara, tw)[0]
    if atas is not None and target is not None:
        dasar += f"; rentang {_angka(target)}–{_angka(atas)}"
    return target, a if x_a is None else atas, dasar, False


def _cara_salah(teks: Any, bag: str, iku: str, indeks: Hashable) -> Temuan:
    pesan = PESAN["CARA_TAHUNAN_TIDAK_DIKENAL"].format(nilai=sebagai_teks(teks))
    pesan = f"Indikator {iku or '(tanpa Kode IKU)'} ({bag or '-'}): {pesan}"
    return Temuan(
        PERINGATAN,
        "CARA_TAHUNAN_TIDAK_DIKENAL",
        pesan,
        kode_bagian=bag,
        kode_iku=iku,
        kolom="Cara Tahunan",
        indeks=indeks,
    )


def _temuan_kuartal(temuan: Sequence[Temuan], meta: Sequence[Mapping[str, Any]]) -> list[Temuan]:
    """The findings of the quarters' computation, for quarters with a row in sheet
    `Triwulan`: about the quarter's own figures, one per quarter naming its cell there; about
    what the quarter takes from the Bagian sheet (polarity, yearly target, pagu, ...), once
    per indicator, naming that cell (`indeks` the Bagian sheet row, as the year's)."""
    hasil: list[Temuan] = []
    sekali: set[tuple[str, str, str, str]] = set()
    for t in temuan:
        mt = meta[int(t.indeks)]  # type: ignore[call-overload]
        if not mt["_ada"]:
            continue
        periode = mt["Periode"]
        kolom_tw = _KOLOM_TRIWULAN.get(t.kolom)
        if kolom_tw == "Target" and not mt["_sendiri"]:
            kolom_tw = None
        if kolom_tw is not None:
            j = skema.KOLOM_TRIWULAN.index(kolom_tw) + 1
            sel = f"{skema.TRIWULAN}!{nama_sel(j, int(mt['_baris_tw']))}"
            hasil.append(replace(t, pesan=f"{periode}: {t.pesan}", sel=sel, indeks=None))
            continue
        k = (t.kode, t.kode_bagian, t.kode_iku, t.kolom)
        if k not in sekali:
            sekali.add(k)
            hasil.append(replace(t, pesan=f"{periode}: {t.pesan}", indeks=mt["_indeks"]))
    return hasil


def _turunan(masukan: pd.DataFrame, tabel: pd.DataFrame) -> dict[int, Turunan]:
    """The yearly figures made from the quarters where the Bagian sheet's cell is empty."""
    hasil: dict[int, Turunan] = {}
    realisasi = tabel["Realisasi"].to_numpy(dtype=object)
    anggaran = tabel["Realisasi Anggaran"].to_numpy(dtype=float)
    polaritas = tabel["Polaritas"].to_numpy(dtype=object)
    ada = tabel["_ada"].to_numpy(dtype=bool)
    cara = tabel["Cara Tahunan"].to_numpy(dtype=object)
    tahun_r = masukan["Realisasi"].to_numpy(dtype=object)
    tahun_a = masukan["Realisasi Anggaran"].to_numpy(dtype=object)
    for i in range(len(masukan)):
        b = slice(4 * i, 4 * i + 4)
        if not ada[b].any():
            continue
        t = Turunan()
        if _kosong(tahun_r[i]):
            nilai = [_nilai(v) for v in realisasi[b]]
            t.realisasi = _tahunan(nilai, str(cara[4 * i]), polaritas[4 * i] in _NUMERIK)
            if not t.realisasi.tw:
                t.realisasi = None
        if _kosong(tahun_a[i]):
            dilapor = [k for k in range(4) if not math.isnan(anggaran[4 * i + k])]
            if dilapor:
                t.anggaran = (float(anggaran[4 * i + dilapor[-1]]), dilapor[-1] + 1)
        if t.realisasi is not None or t.anggaran is not None:
            hasil[i] = t
    return hasil


def _nilai(v: Any) -> Nilai:
    """A quarter's realisation as `hitung` gave it back: a number, a text, or None."""
    if v is None or isinstance(v, str):
        return v
    if isinstance(v, int | float) and not isinstance(v, bool):
        return None if math.isnan(v) else float(v)
    return sebagai_teks(v)


def _tahunan(nilai: list[Nilai], cara: str, numerik: bool) -> Tahunan:
    """`realisasi_tahunan`; for a numeric indicator, a quarter the year needs that holds text
    (a figure the quarters' analysis could not read, reported in `Validasi`) gives no yearly
    figure: the note names the quarter to correct."""
    hasil = realisasi_tahunan(nilai, cara)
    if not numerik:
        return hasil
    teks = [k for k, v in enumerate(nilai, 1) if isinstance(v, str)]
    if isinstance(hasil.nilai, str):
        teks = teks[-1:]  # the last value stands for the year; the earlier ones do not count
    elif hasil.nilai is not None or not teks:
        return hasil
    nama = ", ".join(TW[k - 1] for k in teks)
    return Tahunan(None, hasil.tw, f"{nama} bukan angka: perbaiki di sheet {skema.TRIWULAN}")


def dengan_turunan(masukan: pd.DataFrame, turunan: Mapping[int, Turunan]) -> pd.DataFrame:
    """`masukan` with the yearly figures made from the quarters in its empty cells."""
    if not turunan:
        return masukan
    hasil = masukan.copy()
    r, a = (list(hasil.columns).index(k) for k in ("Realisasi", "Realisasi Anggaran"))
    for i, t in turunan.items():
        if t.ada and t.realisasi is not None:
            hasil.iat[i, r] = t.realisasi.nilai
        if t.anggaran is not None:
            hasil.iat[i, a] = t.anggaran[0]
    return hasil


def tandai(tahunan: Analisis, turunan: Mapping[int, Turunan]) -> None:
    """Say in `Status Data` which yearly figures were made from the quarters, and how (or why
    they could not be)."""
    d = tahunan.indikator
    j = list(d.columns).index("Status Data")
    for i, t in turunan.items():
        sambung = f", {DARI_TRIWULAN}:" if t.ada or t.anggaran is not None else "; triwulan:"
        d.iat[i, j] = f"{sebagai_teks(d.iat[i, j])}{sambung} {t.catatan()}"


def temuan_baru(tw: Triwulan, tahunan: Sequence[Temuan]) -> list[Temuan]:
    """The quarters' findings the year's do not already state (the same code about the same
    cell of the Bagian sheet)."""
    sudah = {(t.kode, t.kode_bagian, t.kode_iku, t.kolom) for t in tahunan}
    return [
        t for t in tw.temuan if t.sel or (t.kode, t.kode_bagian, t.kode_iku, t.kolom) not in sudah
    ]


def isi_rekap(rekap: pd.DataFrame, tw: Triwulan) -> pd.DataFrame:
    """`rekap` (of `capaian.hitung`) with each quarter's mean assessed capaian per Bagian and
    for the whole Setda, where the quarter has any."""
    d = tw.indikator
    hasil = rekap.copy()
    for n, kolom in enumerate(skema.KOLOM_REKAP_TW, start=1):
        q = d.loc[(d["_tw"] == n) & d[KOLOM_DINILAI].notna()]
        rata = q.groupby("Kode Bagian", sort=False)[KOLOM_DINILAI].mean()
        setda = q[KOLOM_DINILAI].mean() if len(q) else math.nan
        hasil[kolom] = [
            setda if k == KODE_SETDA else rata.get(k, math.nan) for k in hasil["Kode Bagian"]
        ]
    return hasil
