"""The analysis of SOP step 7: capaian, category, comparisons and budget figures (no I/O).

`hitung(df)` takes one row per indicator (the per-Bagian columns of `skema.KOLOM_INDIKATOR` plus
`Kode Bagian`, values as read from a workbook) and returns an `Analisis`: the figures per
indicator, a recap per Bagian and for the whole Setda, and the findings (`Temuan`) explaining
every figure that could not be computed. Bad input never raises; it becomes a finding.

Rules (domain notes, "Capaian"); percentages are stored as 87.5 and never rounded here:
- Positif R/T×100; Negatif (2T−R)/T×100, or T/R×100 when the setting says so.
- Range [Target, Target Atas]: inside (inclusive) 100; above: the formula with Target Atas;
  below: the formula with Target.
- Target 0: Negatif R ≤ 0 → 100, R > 0 → 0 with a warning; Positif → no capaian (manual entry).
  A negative target, and T/R with R ≤ 0, also leave the capaian to manual entry.
- Kualitatif: 100 when the realisation equals the target ignoring case and spaces, or is
  Ya/Tercapai, else 0; a number there is compared the same way but warned about.
- No realisation: blank, "Belum ada data" (never 0).
- Capaian Renstra: the same rules against Target Akhir Renstra (no range); blank target → blank.
- Serapan = Realisasi Anggaran / Pagu × 100 when Pagu > 0; Efisien when capaian ≥ serapan.
Numbers written as text are read by `pyxl.inti.angka.baca_angka`, as intake reads them.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any

import numpy as np
import pandas as pd

from pyxl.galat import IsianError
from pyxl.inti.angka import baca_angka
from pyxl.inti.temuan import Temuan
from pyxl.kontrak import skema
from pyxl.kontrak.masalah import PERINGATAN
from pyxl.kontrak.model import Indikator
from pyxl.kontrak.pengaturan import Pengaturan
from pyxl.kontrak.setda import BAGIAN_BAWAAN

LABEL_BAWAAN = ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah")
LABEL_ALTERNATIF = ("Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang")
KUNCI_BATAS = ("Batas Sangat Tinggi", "Batas Tinggi", "Batas Sedang", "Batas Rendah")
RUMUS_NEGATIF = ("(2T-R)/T", "T/R")
ADA, BELUM, MANUAL = "Ada data", "Belum ada data", "Perlu isian manual"
KODE_SETDA, NAMA_SETDA = "SETDA", "Sekretariat Daerah"
KOLOM_HASIL = skema.KOLOM_ANALISIS_LENGKAP
"""Columns of `Analisis.indikator`: the contract's `Analisis` columns first, then extensions."""

PESAN = {
    "POLARITAS_TIDAK_DIKENAL": "Polaritas '{nilai}' tidak dikenal, capaian tidak dihitung. "
    "Isi Positif, Negatif atau Kualitatif.",
    "ANGKA_TIDAK_SAH": "isian {kolom} '{nilai}' bukan angka. Tulis angka saja (misalnya 87,5 "
    "atau 1.234.500) atau kosongkan bila belum ada.",
    "TARGET_KOSONG": "Target belum diisi, capaian tidak dapat dihitung. Isi target sesuai "
    "Perjanjian Kinerja.",
    "RENTANG_TERBALIK": "Target Atas ({nilai}) lebih kecil dari Target, capaian tidak dihitung. "
    "Tulis rentang dari batas bawah (Target) ke batas atas (Target Atas).",
    "TARGET_NOL_POSITIF": "{kolom} 0 dengan polaritas Positif tidak dapat dihitung dengan rumus "
    "R/T. Tetapkan capaian secara manual dan jelaskan di kolom Keterangan.",
    "TARGET_NEGATIF": "{kolom} bernilai negatif ({nilai}); rumus capaian tidak berlaku. "
    "Tetapkan capaian secara manual dan jelaskan di kolom Keterangan.",
    "TARGET_NOL_NEGATIF_TERLAMPAUI": "{kolom} 0 (polaritas Negatif) tetapi realisasi {nilai}; "
    "capaian ditetapkan 0%. Periksa kembali realisasinya.",
    "NEGATIF_REALISASI_NOL_TR": "realisasi {nilai} tidak dapat dipakai dengan rumus T/R "
    "(pembagian dengan nol atau bilangan negatif) terhadap {kolom}. Tetapkan capaian secara "
    "manual atau pilih rumus (2T-R)/T di sheet Pengaturan.",
    "CAPAIAN_TIDAK_WAJAR": "capaian terhadap {kolom} tidak terhingga. Periksa Target dan "
    "Realisasi.",
    "KUALITATIF_ANGKA": "polaritas Kualitatif tetapi Realisasi berisi angka ({nilai}). Tulis "
    "realisasi sebagai teks seperti Target (misalnya WTP) atau Ya/Tidak.",
    "PAGU_KOSONG": "Realisasi Anggaran diisi tetapi Pagu Anggaran kosong atau 0; serapan "
    "tidak dihitung. Isi Pagu Anggaran sesuai DPA.",
    "ANGGARAN_NEGATIF": "{kolom} bernilai negatif ({nilai}); serapan tidak dihitung. Perbaiki "
    "nilainya.",
    "SERAPAN_LEBIH_100": "Realisasi Anggaran ({nilai}) melebihi Pagu Anggaran. Periksa kembali "
    "kedua nilai.",
}
"""Every finding code with its message (after "Indikator <Kode IKU> (<Kode Bagian>): ")."""


@dataclass(frozen=True)
class Skala:
    """The rating scale: `batas` are the lower bounds (%) of the first four labels, decreasing."""

    batas: tuple[float, float, float, float] = (91, 76, 66, 51)
    label: tuple[str, str, str, str, str] = LABEL_BAWAAN

    def __post_init__(self) -> None:
        b = self.batas
        if len(b) != 4 or len(self.label) != 5 or not all(math.isfinite(x) for x in b):
            raise ValueError(f"Skala tidak sah: {b!r}, {self.label!r}")
        if not b[0] > b[1] > b[2] > b[3]:
            raise ValueError(f"Batas kategori harus menurun tegas: {b!r}")

    def kategori(self, capaian: Iterable[float] | np.ndarray) -> np.ndarray:
        """The label of each capaian (unrounded: 90.996 is not 91), None where it is missing."""
        c = np.asarray(capaian, dtype=float).reshape(-1)
        hasil = np.array(self.label, dtype=object)[(c[:, None] < np.array(self.batas)).sum(1)]
        hasil[np.isnan(c)] = None
        return hasil


def skala_dari_pengaturan(peng: Pengaturan) -> Skala:
    """The scale from the `Pengaturan` sheet; an unusable value is an IsianError naming it."""
    batas: list[float] = []
    for i, kunci in enumerate(KUNCI_BATAS):
        x = baca_angka(peng[kunci])
        if x is None or math.isnan(x):
            raise IsianError(
                f"Pengaturan '{kunci}' berisi '{peng[kunci]}': harus angka persen, misalnya "
                f"{Skala().batas[i]:g}. Perbaiki di sheet Pengaturan."
            )
        if batas and x >= batas[-1]:
            raise IsianError(
                f"Pengaturan '{kunci}' ({x:g}) harus lebih kecil dari '{KUNCI_BATAS[i - 1]}' "
                f"({batas[-1]:g}): batas kategori harus menurun. Perbaiki di sheet Pengaturan."
            )
        batas.append(x)
    pilihan = {"bawaan": LABEL_BAWAAN, "alternatif": LABEL_ALTERNATIF}
    label = pilihan.get(peng["Label Kategori"].strip().casefold())
    if label is None:
        raise IsianError(
            f"Pengaturan 'Label Kategori' berisi '{peng['Label Kategori']}': pilih Bawaan atau "
            "Alternatif. Perbaiki di sheet Pengaturan."
        )
    return Skala((batas[0], batas[1], batas[2], batas[3]), label)


@dataclass
class Analisis:
    indikator: pd.DataFrame
    """One row per input row (same index), columns `KOLOM_HASIL`."""
    rekap: pd.DataFrame
    """One row per Bagian, then `SETDA`; columns `skema.KOLOM_REKAP` with the scale's labels
    (`Dikembalikan` is left empty: it comes from `Penerimaan`)."""
    temuan: list[Temuan]


_DIBACA = {*skema.KOLOM_ANALISIS, *KOLOM_HASIL, "Kode Bagian"}
"""The input columns `hitung` reads (the others, e.g. Sasaran, are not needed)."""


def _teks(v: object) -> str:
    """A cell as text: stripped, "" when blank, whole floats without ".0" (2026.0 -> "2026")."""
    if type(v) is str:
        return v.strip()
    if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v)):
        return ""
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v).strip()


def _teks_kolom(s: pd.Series, ubah: Callable[[str], str] = str) -> np.ndarray:
    """`ubah(_teks(cell))` of every cell, computed once per distinct value."""
    kode, unik = pd.factorize(s.astype(object))
    teks = (ubah(v.strip() if type(v) is str else _teks(v)) for v in unik)
    return np.array([*teks, ""], dtype=object)[kode]


def _angka(s: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(values, blank, garbage) of a column; values are NaN where blank or garbage."""
    if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
        x = s.to_numpy(dtype=float, na_value=np.nan)
    else:
        memo: dict[str, float | None] = {}

        def satu(v: object) -> float | None:  # None when blank, an infinity when garbage
            if type(v) is str and v in memo:
                return memo[v]
            p = baca_angka(v)
            p = math.inf if p is not None and math.isnan(p) else p
            if type(v) is str:
                memo[v] = p
            return p

        x = np.array([v if type(v) is float else satu(v) for v in s.to_numpy(dtype=object)], float)
    rusak = np.isinf(x)
    return np.where(rusak, np.nan, x), np.isnan(x), rusak


def _tercapai(realisasi: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Kualitatif: the realisation equals the target ignoring case and spaces, or is Ya/Tercapai."""
    memo: dict[str, str] = {}

    def norm(v: object) -> str:
        t = _teks(v)
        if t not in memo:
            memo[t] = "".join(t.split()).casefold()
        return memo[t]

    pasangan = zip(realisasi, target, strict=True)
    return np.array([(x := norm(r)) in ("ya", "tercapai") or x == norm(t) for r, t in pasangan])


def _kosongkan(x: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """An object copy of x with None where mask holds."""
    out = x.astype(object)
    out[mask] = None
    return out


def _rumus(
    neg: np.ndarray, t: np.ndarray, atas: np.ndarray, r: np.ndarray, tr: bool
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Capaian of numeric rows (NaN where not computable) and the rows of each problem."""
    dalam = ~np.isnan(atas) & (r >= t) & (r <= atas)
    b = np.where(r > atas, atas, t)  # the basis: Target Atas above a range, else Target
    with np.errstate(all="ignore"):
        c = np.where(neg, b / r * 100 if tr else (2 * b - r) / b * 100, r / b * 100)
    nol, minus = (b == 0) & ~dalam, (b < 0) & ~dalam
    masalah = {
        "TARGET_NOL_POSITIF": nol & ~neg,
        "TARGET_NEGATIF": minus,
        "TARGET_NOL_NEGATIF_TERLAMPAUI": nol & neg & (r > 0),
        "NEGATIF_REALISASI_NOL_TR": neg & ~nol & ~minus & ~dalam & (r <= 0) & tr,
    }
    c = np.where(nol & neg, np.where(r > 0, 0.0, 100.0), c)
    c[dalam] = 100.0
    gagal = masalah["TARGET_NOL_POSITIF"] | minus | masalah["NEGATIF_REALISASI_NOL_TR"]
    masalah["CAPAIAN_TIDAK_WAJAR"] = ~np.isfinite(c) & ~gagal  # overflow of huge values
    c[gagal | ~np.isfinite(c)] = np.nan
    return c, masalah


def hitung(
    df: pd.DataFrame,
    *,
    rumus_negatif: str = "(2T-R)/T",
    skala: Skala = Skala(),
    nama_bagian: Mapping[str, str] | None = None,
) -> Analisis:
    """The analysis of `df` (module docstring). `rumus_negatif` is the setting "Rumus Polaritas
    Negatif" (another value is an IsianError). `nama_bagian` (Kode -> Nama Bagian, in order)
    names the recap rows and adds a row for a listed Bagian without indicators; without it the
    names of the default Setda are used."""
    rumus = "".join(rumus_negatif.split()).replace("\u2212", "-").upper()
    if rumus not in RUMUS_NEGATIF:
        raise IsianError(
            f"Pengaturan 'Rumus Polaritas Negatif' berisi '{rumus_negatif}': pilih (2T-R)/T atau "
            "T/R. Perbaiki di sheet Pengaturan."
        )
    d = df.reindex(columns=["Kode Bagian", *(k for k in skema.KOLOM_INDIKATOR if k in _DIBACA)])
    n, obj = len(d), {k: d[k].to_numpy(dtype=object) for k in d.columns}
    teks = {k: _teks_kolom(d[k]) for k in ("Kode Bagian", "Kode IKU", "Indikator Kinerja")}
    teks["Satuan"], pol = _teks_kolom(d["Satuan"]), _teks_kolom(d["Polaritas"], str.capitalize)
    bag, iku = teks["Kode Bagian"], teks["Kode IKU"]
    neg, kual = pol == "Negatif", pol == "Kualitatif"
    angka = (pol == "Positif") | neg
    dikenal = angka | kual
    T, t_kosong, t_rusak = _angka(d["Target"])
    A, a_kosong, a_rusak = _angka(d["Target Atas"])
    R, r_kosong, r_rusak = _angka(d["Realisasi"])
    L, l_kosong, l_rusak = _angka(d["Realisasi Tahun Lalu"])
    S, s_kosong, s_rusak = _angka(d["Target Akhir Renstra"])
    P, _, p_rusak = _angka(d["Pagu Anggaran"])
    RA, _, ra_rusak = _angka(d["Realisasi Anggaran"])
    temuan: list[tuple[int, int, Temuan]] = []

    def catat(kode: str, mask: np.ndarray, kolom: str, isi: str | None = None) -> None:
        """A finding on each row of `mask`; {nilai} shows column `isi` (default `kolom`)."""
        for i in np.flatnonzero(mask):
            nilai = _teks(obj[isi or kolom][i]) if isi != "" else ""
            pesan = PESAN[kode].format(kolom=kolom, nilai=nilai)
            pesan = f"Indikator {iku[i] or '(tanpa Kode IKU)'} ({bag[i] or '-'}): {pesan}"
            t = Temuan(
                PERINGATAN,
                kode,
                pesan,
                kode_bagian=bag[i],
                kode_iku=iku[i],
                kolom=kolom,
                indeks=d.index[int(i)],
            )
            temuan.append((int(i), len(temuan), t))

    def banding(target: np.ndarray, atas: np.ndarray, bisa: np.ndarray, kolom: str) -> np.ndarray:
        c, masalah = _rumus(neg, target, atas, R, rumus == "T/R")
        for kode, mask in masalah.items():
            isi = "Realisasi" if kode.startswith(("TARGET_NOL_NEG", "NEGATIF_")) else None
            catat(kode, bisa & mask, kolom, isi)
        return np.where(bisa, c, np.nan)

    catat("POLARITAS_TIDAK_DIKENAL", ~dikenal, "Polaritas")
    for kolom, rusak in [("Target", t_rusak), ("Target Atas", a_rusak), ("Realisasi", r_rusak)]:
        catat("ANGKA_TIDAK_SAH", angka & rusak, kolom)
    catat("TARGET_KOSONG", dikenal & t_kosong, "Target")
    terbalik = angka & (A < T)
    catat("RENTANG_TERBALIK", terbalik, "Target Atas")
    ada_r = ~np.isnan(R)
    cap = banding(T, A, angka & ~np.isnan(T) & ada_r & ~a_rusak & ~terbalik, "Target")
    catat("ANGKA_TIDAK_SAH", angka & s_rusak, "Target Akhir Renstra")
    cap_s = banding(S, np.full(n, np.nan), angka & ~np.isnan(S) & ada_r, "Target Akhir Renstra")
    for c, kolom, kosong in [(cap, "Target", t_kosong), (cap_s, "Target Akhir Renstra", s_kosong)]:
        ik = np.flatnonzero(kual & ~r_kosong & ~kosong)
        c[ik] = np.where(_tercapai(obj["Realisasi"][ik], obj[kolom][ik]), 100.0, 0.0)
    catat("KUALITATIF_ANGKA", kual & ~r_kosong & ~r_rusak, "Realisasi")
    catat("ANGKA_TIDAK_SAH", angka & l_rusak, "Realisasi Tahun Lalu")
    for kolom, rusak, x in [("Pagu Anggaran", p_rusak, P), ("Realisasi Anggaran", ra_rusak, RA)]:
        catat("ANGKA_TIDAK_SAH", rusak, kolom)
        catat("ANGGARAN_NEGATIF", x < 0, kolom)
    ok_ang = (P > 0) & (RA >= 0)
    catat("PAGU_KOSONG", (np.isnan(P) | (P == 0)) & ~p_rusak & ~np.isnan(RA), "Pagu Anggaran", "")
    catat("SERAPAN_LEBIH_100", ok_ang & (RA > P), "Realisasi Anggaran")
    with np.errstate(all="ignore"):
        hasil = (np.where(ok_ang, RA / P * 100, np.nan), np.where(angka, R - L, np.nan), P - RA)
    serapan, perubahan, sisa = (np.where(np.isfinite(x), x, np.nan) for x in hasil)
    arah = np.select([perubahan == 0, (perubahan > 0) ^ neg], ["Tetap", "Membaik"], "Memburuk")
    efisien = np.where(cap >= serapan, "Efisien", "Tidak efisien")

    def tampil(kolom: str, x: np.ndarray, kosong: np.ndarray) -> np.ndarray:
        """The parsed number on numeric rows, the cell as typed elsewhere, None when blank."""
        out = _kosongkan(obj[kolom], kosong)
        out[angka & ~np.isnan(x)] = x[angka & ~np.isnan(x)]
        return out

    kolom_hasil = {
        "Kode Bagian": bag,
        "Kode IKU": iku,
        "Indikator Kinerja": _kosongkan(teks["Indikator Kinerja"], teks["Indikator Kinerja"] == ""),
        "Polaritas": np.where(dikenal, pol, _kosongkan(obj["Polaritas"], pol == "")),
        "Target": tampil("Target", T, t_kosong),
        "Realisasi": tampil("Realisasi", R, r_kosong),
        "Capaian (%)": cap,
        "Kategori": skala.kategori(cap),
        "Capaian Renstra (%)": cap_s,
        "Serapan Anggaran (%)": serapan,
        "Satuan": _kosongkan(teks["Satuan"], teks["Satuan"] == ""),
        "Target Atas": tampil("Target Atas", A, a_kosong),
        "Status Data": np.where(~np.isnan(cap), ADA, np.where(r_kosong, BELUM, MANUAL)),
        "Realisasi Tahun Lalu": tampil("Realisasi Tahun Lalu", L, l_kosong),
        "Perubahan": perubahan,
        "Arah": _kosongkan(arah, np.isnan(perubahan)),
        "Target Akhir Renstra": tampil("Target Akhir Renstra", S, s_kosong),
        "Pagu Anggaran": P,
        "Realisasi Anggaran": RA,
        "Sisa Anggaran": sisa,
        "Efisiensi": _kosongkan(efisien, np.isnan(cap) | np.isnan(serapan)),
    }
    indikator = pd.DataFrame(
        {
            k: pd.Series(v, d.index, float if v.dtype == float else object)
            for k, v in kolom_hasil.items()
        }
    )
    temuan.sort(key=lambda x: x[:2])
    return Analisis(indikator, _rekap(indikator, skala, nama_bagian), [t for *_, t in temuan])


def _rekap(ind: pd.DataFrame, skala: Skala, nama: Mapping[str, str] | None) -> pd.DataFrame:
    """One row per Bagian (first appearance, then listed ones without rows) and the Setda."""
    kode, unik = pd.factorize(ind["Kode Bagian"])
    urutan = list(dict.fromkeys([*unik, *(nama or {})]))

    def jumlah(x: object) -> np.ndarray:  # per Bagian in `urutan`, then the whole Setda
        x = np.asarray(x, dtype=float)
        with np.errstate(all="ignore"):
            return np.append(np.bincount(kode, x, len(urutan)), x.sum())

    c = ind["Capaian (%)"].to_numpy()
    ada_s = ind["Serapan Anggaran (%)"].notna().to_numpy()  # serapan over rows that have one
    n, ada = jumlah(np.ones(len(c))), jumlah(~np.isnan(c))
    pagu = jumlah(ind["Pagu Anggaran"].where(ada_s, 0))
    realisasi = jumlah(ind["Realisasi Anggaran"].where(ada_s, 0))
    with np.errstate(all="ignore"):
        rata, serapan = jumlah(np.nan_to_num(c)) / ada, realisasi / pagu * 100
    nama = nama if nama is not None else {b.kode: b.nama for b in BAGIAN_BAWAAN}
    kolom = {
        "Kode Bagian": [*urutan, KODE_SETDA],
        "Nama Bagian": [*(nama.get(k, "") for k in urutan), NAMA_SETDA],
        "Jumlah Indikator": n.astype(int),
        "Ada Data": ada.astype(int),
        "Dikembalikan": None,
        "Rata-rata Capaian (%)": np.where((ada > 0) & np.isfinite(rata), rata, np.nan),
        **{lab: jumlah(ind["Kategori"] == lab).astype(int) for lab in skala.label},
        "Serapan Anggaran (%)": np.where((pagu > 0) & np.isfinite(serapan), serapan, np.nan),
    }
    ganti = dict(zip(LABEL_BAWAAN, skala.label, strict=True))
    return pd.DataFrame(kolom)[[ganti.get(k, k) for k in skema.KOLOM_REKAP]]


def sebagai_baris(tabel: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows for `buku.tulis_tabel`: Python values, an empty cell (None) for every NaN."""
    return [
        {str(k): None if isinstance(v, float) and math.isnan(v) else v for k, v in r.items()}
        for r in tabel.astype(object).to_dict("records")
    ]


def dari_indikator(per_bagian: Mapping[str, Iterable[Indikator]]) -> pd.DataFrame:
    """The input of `hitung` from `Indikator` rows keyed by Kode Bagian (e.g. the sample)."""
    atribut = [f.name for f in fields(Indikator)]
    rows = [
        [kode, *(getattr(r, a) for a in atribut)] for kode, rows in per_bagian.items() for r in rows
    ]
    return pd.DataFrame(rows, columns=["Kode Bagian", *skema.KOLOM_INDIKATOR], dtype=object)


def contoh_acak(n: int, seed: int = 0) -> pd.DataFrame:
    """n generated indicators mixing every kind of value a workbook holds (for `benchmark`)."""
    g = np.random.default_rng(seed)
    jenis = ["Positif", "Negatif", "Kualitatif", "positif ", "?"]
    pol = g.choice(jenis, n, p=[0.55, 0.25, 0.1, 0.05, 0.05])
    t = np.round(g.uniform(0, 100, n), 1) * (g.random(n) > 0.02)
    r = np.where(g.random(n) < 0.1, np.nan, np.round(t * g.uniform(0.3, 1.3, n), 2))
    target, real, kual = t.astype(object), r.astype(object), pol == "Kualitatif"
    target[kual] = g.choice(["WTP", "Ya", "A"], kual.sum())
    real[kual] = g.choice(["WTP", "Tercapai", "B", " wtp "], kual.sum())
    teks = (g.random(n) < 0.03) & ~kual & ~np.isnan(r)
    real[teks] = [f"{x:.2f}".replace(".", ",") for x in r[teks]]
    real[g.random(n) < 0.01] = "n/a"
    pagu = np.round(g.uniform(1e7, 2e9, n), -3)
    kolom = {
        "Kode Bagian": g.choice([b.kode for b in BAGIAN_BAWAAN], n),
        "Kode IKU": [f"IKU-{i:06d}" for i in range(n)],
        "Indikator Kinerja": "Indikator",
        "Satuan": "%",
        "Polaritas": pol,
        "Target": target,
        "Target Atas": np.where(g.random(n) < 0.1, t + 5, np.nan),
        "Realisasi": real,
        "Realisasi Tahun Lalu": np.round(t * g.uniform(0.5, 1.2, n), 2),
        "Target Akhir Renstra": t * 1.1,
        "Pagu Anggaran": pagu,
        "Realisasi Anggaran": np.where(g.random(n) < 0.1, np.nan, pagu * g.uniform(0.5, 1, n)),
    }
    return pd.DataFrame(kolom)


def benchmark(n: int) -> float:
    """Seconds `hitung` takes on `contoh_acak(n)` (generating the input is not counted)."""
    df = contoh_acak(n)
    mulai = time.perf_counter()
    hitung(df)
    return time.perf_counter() - mulai
