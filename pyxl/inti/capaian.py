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
import re
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any

import numpy as np
import pandas as pd

from pyxl.galat import IsianError
from pyxl.inti.angka import BUKAN, TEBAKAN, Bacaan, baca, satuan_persen
from pyxl.inti.kategori import (  # noqa: F401 (named here by earlier releases and tests)
    KUNCI_BATAS,
    LABEL_ALTERNATIF,
    LABEL_BAWAAN,
    Skala,
    batas_dari_pengaturan,
    skala_dari_pengaturan,
)
from pyxl.inti.skala import BAWAAN as SKALA_BAWAAN
from pyxl.inti.skala import SkalaUrut, normal
from pyxl.inti.temuan import Temuan
from pyxl.kontrak import skema
from pyxl.kontrak.masalah import PERINGATAN
from pyxl.kontrak.model import Indikator
from pyxl.kontrak.setda import BAGIAN_BAWAAN

RUMUS_NEGATIF = ("(2T-R)/T", "T/R")
ADA, BELUM, MANUAL = "Ada data", "Belum ada data", "Perlu isian manual"
ANGGARAN = "Hanya anggaran"
"""`Status Data` of a row with a budget and no indicator: not counted as an indicator."""
KODE_SETDA, NAMA_SETDA = "SETDA", "Sekretariat Daerah"
KOLOM_HASIL = skema.KOLOM_ANALISIS_LENGKAP
"""Columns of `Analisis.indikator`: the contract's `Analisis` columns first, then extensions."""

PESAN = {
    "POLARITAS_TIDAK_DIKENAL": "Polaritas '{nilai}' tidak dikenal, capaian tidak dihitung. "
    "Isi Positif, Negatif atau Kualitatif.",
    "ANGKA_TIDAK_SAH": "isian {kolom} tidak dihitung: {nilai}.",
    "ANGKA_DITEBAK": "isian {kolom}: {nilai}. Periksa dan tulis ulang bila salah.",
    "RUMUS_CAPAIAN_TIDAK_SESUAI": "Rumus Capaian '{nilai}' tidak dapat dipakai untuk polaritas "
    "indikator ini; capaian tidak dihitung. Positif: R/T; Negatif: (2T-R)/T atau T/R; atau "
    "kosongkan untuk rumus bawaan.",
    "SKALA_TIDAK_DIKENAL": "Skala '{nilai}' tidak ada di sheet Skala; capaian tidak dihitung. "
    "Pilih skala yang ada atau tambahkan skala ini di sheet Skala.",
    "NILAI_SKALA_TIDAK_DIKENAL": "{nilai}; capaian tidak dihitung. Pilih nilai dari skala.",
    "CAPAIAN_DIBATASI": "capaian {nilai} untuk kategori dan rata-rata (Batas Bawah/Atas "
    "Capaian di sheet Pengaturan); capaian asli tetap di kolom Capaian (%).",
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
    "CARA_TAHUNAN_TIDAK_DIKENAL": "Cara Tahunan '{nilai}' tidak dikenal; triwulannya dihitung "
    "sebagai Terakhir (nilai triwulan terakhir, target tahunan tanpa prorata). Isi Jumlah, "
    "Kumulatif, Rata-rata atau Terakhir.",
}
"""Every finding code with its message (after "Indikator <Kode IKU> (<Kode Bagian>): ")."""


@dataclass
class Analisis:
    indikator: pd.DataFrame
    """One row per input row (same index), columns `KOLOM_HASIL`."""
    rekap: pd.DataFrame
    """One row per Bagian, then `SETDA`; columns `skema.KOLOM_REKAP` with the scale's labels
    (`Dikembalikan` is left empty: it comes from `Penerimaan`; the quarters' columns too: they
    come from `pyxl.inti.analisis_triwulan`)."""
    temuan: list[Temuan]


_DIBACA = {*skema.KOLOM_ANALISIS, *KOLOM_HASIL, "Kode Bagian", "Skala"}
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


@dataclass
class _Kolom:
    """A column read by the one number reader: values (NaN where none), blank (also "n/a"),
    garbage, and per row the note of a guess or what to type instead of garbage."""

    x: np.ndarray
    kosong: np.ndarray
    rusak: np.ndarray
    catatan: dict[int, str]


def _angka(
    s: pd.Series, acuan: np.ndarray | None = None, persen: np.ndarray | None = None
) -> _Kolom:
    """Read a column as intake reads a cell (`pyxl.inti.angka.baca`): `acuan` per row decides
    an ambiguous separator, `persen` says the row's unit is a percentage."""
    n = len(s)
    a = np.full(n, np.nan) if acuan is None else acuan
    p = np.zeros(n, bool) if persen is None else persen
    catatan: dict[int, str] = {}
    if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
        x = s.to_numpy(dtype=float, na_value=np.nan)
        rusak = np.isinf(x)
    else:
        v = s.to_numpy(dtype=object)
        x, rusak = np.full(n, np.nan), np.zeros(n, bool)
        memo: dict[tuple[str, float, bool], Bacaan] = {}
        for i in range(n):
            vi = v[i]
            if type(vi) is float:
                x[i] = vi
                continue
            ai = float(a[i])
            kunci = (vi, ai, bool(p[i])) if type(vi) is str else None
            b = memo.get(kunci) if kunci is not None else None
            if b is None:
                b = baca(vi, acuan=None if math.isnan(ai) else ai, satuan_persen=bool(p[i]))
                if kunci is not None:
                    memo[kunci] = b
            if b.nilai is not None:
                x[i] = b.nilai
                if b.jenis == TEBAKAN:
                    catatan[i] = b.catatan
            elif b.jenis == BUKAN:
                rusak[i] = True
                catatan[i] = b.catatan
        x = np.where(rusak, np.nan, x)
    with np.errstate(invalid="ignore"):  # a fraction in a percent indicator (see baca)
        pecahan = p & (np.abs(x) > 0) & (np.abs(x) <= 1) & (a >= 10)
    for j in np.flatnonzero(pecahan):
        catatan.setdefault(int(j), baca(float(x[j]), acuan=float(a[j]), satuan_persen=True).catatan)
    rusak = rusak | np.isinf(x)  # an infinity in a cell is not a number (as `baca` says)
    x = np.where(rusak, np.nan, x)
    return _Kolom(x, np.isnan(x) & ~rusak, rusak, catatan)


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
    neg: np.ndarray, t: np.ndarray, atas: np.ndarray, r: np.ndarray, tr: np.ndarray
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Capaian of numeric rows (NaN where not computable) and the rows of each problem;
    `tr` marks the negative rows computed as T/R."""
    dalam = ~np.isnan(atas) & (r >= t) & (r <= atas)
    b = np.where(r > atas, atas, t)  # the basis: Target Atas above a range, else Target
    with np.errstate(all="ignore"):
        c = np.where(neg, np.where(tr, b / r * 100, (2 * b - r) / b * 100), r / b * 100)
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


def _rumus_baris(teks: np.ndarray) -> np.ndarray:
    """Each row's `Rumus Capaian` in canonical form ("R/T", "(2T-R)/T", "T/R"), "" when empty,
    the text as typed when it names no rule."""

    def satu(t: str) -> str:
        k = "".join(t.split()).replace("\u2212", "-").replace("\u00d7", "x").upper()
        k = re.sub(r"[X*]100%?$|%$", "", k)
        return k if k in skema.RUMUS_CAPAIAN or not k else t

    memo = {t: satu(t) for t in set(teks.tolist())}
    return np.array([memo[t] for t in teks], dtype=object)


def hitung(
    df: pd.DataFrame,
    *,
    rumus_negatif: str = "(2T-R)/T",
    skala: Skala = Skala(),
    nama_bagian: Mapping[str, str] | None = None,
    skala_urut: Mapping[str, SkalaUrut] | None = None,
    batas: tuple[float | None, float | None] = (0.0, None),
) -> Analisis:
    """The analysis of `df` (module docstring). `rumus_negatif` is the setting "Rumus Polaritas
    Negatif" (another value is an IsianError). `nama_bagian` (Kode -> Nama Bagian, in order)
    names the recap rows and adds a row for a listed Bagian without indicators; without it the
    names of the default Setda are used. `skala_urut` are the ordered scales by `normal` name
    (default: the built-in ones); `batas` the floor and cap of the capaian that categories and
    averages use."""
    rumus = "".join(rumus_negatif.split()).replace("\u2212", "-").upper()
    if rumus not in RUMUS_NEGATIF:
        raise IsianError(
            f"Pengaturan 'Rumus Polaritas Negatif' berisi '{rumus_negatif}': pilih (2T-R)/T atau "
            "T/R. Perbaiki di sheet Pengaturan."
        )
    daftar_skala = (
        {normal(s.nama): s for s in SKALA_BAWAAN} if skala_urut is None else dict(skala_urut)
    )
    d = df.reindex(columns=["Kode Bagian", *(k for k in skema.KOLOM_INDIKATOR if k in _DIBACA)])
    n, obj = len(d), {k: d[k].to_numpy(dtype=object) for k in d.columns}
    teks = {
        k: _teks_kolom(d[k])
        for k in ("Kode Bagian", "Kode IKU", "Indikator Kinerja", "Rumus Capaian", "Skala")
    }
    teks["Satuan"], pol = _teks_kolom(d["Satuan"]), _teks_kolom(d["Polaritas"], str.capitalize)
    bag, iku = teks["Kode Bagian"], teks["Kode IKU"]
    neg, kual = pol == "Negatif", pol == "Kualitatif"
    angka = (pol == "Positif") | neg
    dikenal = angka | kual
    persen = np.array([satuan_persen(x) for x in teks["Satuan"]], dtype=bool)
    kol_t = _angka(d["Target"])
    kol_a = _angka(d["Target Atas"])
    T, t_kosong, t_rusak = kol_t.x, kol_t.kosong, kol_t.rusak
    A, a_kosong, a_rusak = kol_a.x, kol_a.kosong, kol_a.rusak
    acuan_r = np.where(T > 0, T, np.where(A > 0, A, np.nan))
    kol_r = _angka(d["Realisasi"], acuan_r, persen & angka)
    R, r_kosong, r_rusak = kol_r.x, kol_r.kosong, kol_r.rusak
    kol_l = _angka(d["Realisasi Tahun Lalu"], acuan_r, persen & angka)
    L, l_kosong, l_rusak = kol_l.x, kol_l.kosong, kol_l.rusak
    kol_s = _angka(d["Target Akhir Renstra"], acuan_r)
    S, s_kosong, s_rusak = kol_s.x, kol_s.kosong, kol_s.rusak
    kol_p = _angka(d["Pagu Anggaran"])
    P, p_rusak = kol_p.x, kol_p.rusak
    kol_ra = _angka(d["Realisasi Anggaran"], np.where(P > 0, P, np.nan))
    RA, ra_rusak = kol_ra.x, kol_ra.rusak
    # A row with a budget and no indicator (no polarity, target or realisation) is budget only.
    anggaran = (
        (pol == "")
        & t_kosong
        & ~t_rusak
        & r_kosong
        & ~r_rusak
        & (~np.isnan(P) | ~np.isnan(RA) | p_rusak | ra_rusak)
    )
    temuan: list[tuple[int, int, Temuan]] = []

    def catat(
        kode: str,
        mask: np.ndarray,
        kolom: str,
        isi: str | None = None,
        nilai_baris: Mapping[int, str] | None = None,
    ) -> None:
        """A finding on each row of `mask`; {nilai} shows column `isi` (default `kolom`), or
        the row's text of `nilai_baris`."""
        for i in np.flatnonzero(mask):
            if nilai_baris is not None and int(i) in nilai_baris:
                nilai = nilai_baris[int(i)]
            else:
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

    # The rule of each numeric row: its own `Rumus Capaian`, else R/T or the setting.
    rumus_baris = _rumus_baris(teks["Rumus Capaian"])
    cocok = np.where(neg, np.isin(rumus_baris, ["(2T-R)/T", "T/R", ""]), rumus_baris != "")
    cocok = np.where(pol == "Positif", np.isin(rumus_baris, ["R/T", ""]), cocok)
    rumus_salah = angka & ~cocok
    tr = neg & ((rumus_baris == "T/R") | ((rumus_baris == "") & (rumus == "T/R")))
    rumus_dipakai = np.where(neg, np.where(tr, "T/R", "(2T-R)/T"), "R/T").astype(object)
    rumus_dipakai[~angka] = None
    rumus_dipakai[rumus_salah] = None

    def banding(target: np.ndarray, atas: np.ndarray, bisa: np.ndarray, kolom: str) -> np.ndarray:
        c, masalah = _rumus(neg, target, atas, R, tr)
        for kode, mask in masalah.items():
            isi = "Realisasi" if kode.startswith(("TARGET_NOL_NEG", "NEGATIF_")) else None
            catat(kode, bisa & mask, kolom, isi)
        return np.where(bisa, c, np.nan)

    catat("POLARITAS_TIDAK_DIKENAL", ~dikenal & ~anggaran, "Polaritas")
    catat("RUMUS_CAPAIAN_TIDAK_SESUAI", rumus_salah, "Rumus Capaian", "Rumus Capaian")
    for kolom, k in [("Target", kol_t), ("Target Atas", kol_a), ("Realisasi", kol_r)]:
        catat("ANGKA_TIDAK_SAH", angka & k.rusak, kolom, nilai_baris=k.catatan)
    catat("TARGET_KOSONG", dikenal & t_kosong, "Target")
    terbalik = angka & (A < T)
    catat("RENTANG_TERBALIK", terbalik, "Target Atas")
    ada_r = ~np.isnan(R)
    hitung_ = angka & ~rumus_salah
    cap = banding(T, A, hitung_ & ~np.isnan(T) & ada_r & ~a_rusak & ~terbalik, "Target")
    catat("ANGKA_TIDAK_SAH", angka & s_rusak, "Target Akhir Renstra", nilai_baris=kol_s.catatan)
    cap_s = banding(S, np.full(n, np.nan), hitung_ & ~np.isnan(S) & ada_r, "Target Akhir Renstra")
    # Kualitatif: on its ordered scale when it names one, else equal to the target.
    nama_skala = np.array([normal(x) for x in teks["Skala"]], dtype=object)
    berskala = kual & (nama_skala != "")
    tanpa_skala = berskala & ~np.isin(nama_skala, list(daftar_skala))
    catat("SKALA_TIDAK_DIKENAL", tanpa_skala, "Skala", "Skala")
    for c, kolom, kosong in [(cap, "Target", t_kosong), (cap_s, "Target Akhir Renstra", s_kosong)]:
        ik = np.flatnonzero(kual & ~r_kosong & ~kosong & ~berskala)
        c[ik] = np.where(_tercapai(obj["Realisasi"][ik], obj[kolom][ik]), 100.0, 0.0)
        luar: dict[int, str] = {}
        for i in np.flatnonzero(berskala & ~tanpa_skala & ~r_kosong & ~kosong):
            sk = daftar_skala[nama_skala[i]]
            nilai_skala = sk.capaian(obj["Realisasi"][i], obj[kolom][i])
            if nilai_skala is None:
                salah = [
                    f"{k} '{_teks(obj[k][i])}'"
                    for k in ("Realisasi", kolom)
                    if sk.posisi(obj[k][i]) is None
                ]
                luar[int(i)] = f"{' dan '.join(salah)} tidak ada di skala {sk.nama} ({sk.daftar()})"
            c[i] = np.nan if nilai_skala is None else nilai_skala
        catat("NILAI_SKALA_TIDAK_DIKENAL", np.isin(np.arange(n), list(luar)), kolom, "", luar)
    for i in np.flatnonzero(berskala & ~tanpa_skala):
        rumus_dipakai[i] = daftar_skala[nama_skala[i]].aturan
    rumus_dipakai[kual & ~berskala] = "Sama dengan target"
    catat("KUALITATIF_ANGKA", kual & ~r_kosong & ~r_rusak & ~berskala, "Realisasi")
    catat("ANGKA_TIDAK_SAH", angka & l_rusak, "Realisasi Tahun Lalu", nilai_baris=kol_l.catatan)
    for kolom, k, x in [("Pagu Anggaran", kol_p, P), ("Realisasi Anggaran", kol_ra, RA)]:
        catat("ANGKA_TIDAK_SAH", k.rusak, kolom, nilai_baris=k.catatan)
        catat("ANGGARAN_NEGATIF", x < 0, kolom)
    # Guesses of the number reader (ambiguous separators, units dropped, percent fractions).
    for kolom, k, baris in [
        ("Target", kol_t, angka),
        ("Target Atas", kol_a, angka),
        ("Realisasi", kol_r, angka),
        ("Realisasi Tahun Lalu", kol_l, angka),
        ("Target Akhir Renstra", kol_s, angka),
        ("Pagu Anggaran", kol_p, np.ones(n, bool)),
        ("Realisasi Anggaran", kol_ra, np.ones(n, bool)),
    ]:
        tebak = {i: t for i, t in k.catatan.items() if not k.rusak[i]}
        catat("ANGKA_DITEBAK", baris & np.isin(np.arange(n), list(tebak)), kolom, "", tebak)
    ok_ang = (P > 0) & (RA >= 0)
    catat("PAGU_KOSONG", (np.isnan(P) | (P == 0)) & ~p_rusak & ~np.isnan(RA), "Pagu Anggaran", "")
    catat("SERAPAN_LEBIH_100", ok_ang & (RA > P), "Realisasi Anggaran")
    with np.errstate(all="ignore"):
        hasil = (np.where(ok_ang, RA / P * 100, np.nan), np.where(angka, R - L, np.nan), P - RA)
    serapan, perubahan, sisa = (np.where(np.isfinite(x), x, np.nan) for x in hasil)
    arah = np.select([perubahan == 0, (perubahan > 0) ^ neg], ["Tetap", "Membaik"], "Memburuk")
    # Bounds: the capaian categories and averages use (the raw one stays in Capaian (%)).
    bawah, atas = batas
    dinilai = cap.copy()
    if bawah is not None:
        dinilai = np.where(dinilai < bawah, bawah, dinilai)
    if atas is not None:
        dinilai = np.where(dinilai > atas, atas, dinilai)
    dibatasi = ~np.isnan(cap) & (dinilai != cap)
    batas_teks = {
        int(i): f"{_persen(cap[i])} dinilai {_persen(dinilai[i])}" for i in np.flatnonzero(dibatasi)
    }
    catat("CAPAIAN_DIBATASI", dibatasi, "Capaian", "", batas_teks)
    efisien = np.where(dinilai >= serapan, "Efisien", "Tidak efisien")

    def tampil(kolom: str, x: np.ndarray, kosong: np.ndarray) -> np.ndarray:
        """The parsed number on numeric rows, the cell as typed elsewhere, None when blank."""
        out = _kosongkan(obj[kolom], kosong)
        out[angka & ~np.isnan(x)] = x[angka & ~np.isnan(x)]
        return out

    status = np.where(~np.isnan(cap), ADA, np.where(r_kosong & ~r_rusak, BELUM, MANUAL))
    status = np.where(anggaran, ANGGARAN, status)
    kolom_hasil = {
        "Kode Bagian": bag,
        "Kode IKU": iku,
        "Indikator Kinerja": _kosongkan(teks["Indikator Kinerja"], teks["Indikator Kinerja"] == ""),
        "Polaritas": np.where(dikenal, pol, _kosongkan(obj["Polaritas"], pol == "")),
        "Target": tampil("Target", T, t_kosong),
        "Realisasi": tampil("Realisasi", R, r_kosong),
        "Capaian (%)": cap,
        "Kategori": skala.kategori(dinilai),
        "Capaian Renstra (%)": cap_s,
        "Serapan Anggaran (%)": serapan,
        "Satuan": _kosongkan(teks["Satuan"], teks["Satuan"] == ""),
        "Target Atas": tampil("Target Atas", A, a_kosong),
        "Status Data": status,
        "Realisasi Tahun Lalu": tampil("Realisasi Tahun Lalu", L, l_kosong),
        "Perubahan": perubahan,
        "Arah": _kosongkan(arah, np.isnan(perubahan)),
        "Target Akhir Renstra": tampil("Target Akhir Renstra", S, s_kosong),
        "Pagu Anggaran": P,
        "Realisasi Anggaran": RA,
        "Sisa Anggaran": sisa,
        "Efisiensi": _kosongkan(efisien, np.isnan(dinilai) | np.isnan(serapan)),
        "Rumus Capaian": rumus_dipakai,
        "Capaian Dinilai (%)": dinilai,
    }
    indikator = pd.DataFrame(
        {
            k: pd.Series(v, d.index, float if v.dtype == float else object)
            for k, v in kolom_hasil.items()
        }
    )
    temuan.sort(key=lambda x: x[:2])
    return Analisis(indikator, _rekap(indikator, skala, nama_bagian), [t for *_, t in temuan])


def _persen(x: float) -> str:
    return f"{x:.2f}".replace(".", ",") + "%"


def _rekap(ind: pd.DataFrame, skala: Skala, nama: Mapping[str, str] | None) -> pd.DataFrame:
    """One row per Bagian (first appearance, then listed ones without rows) and the Setda."""
    kode, unik = pd.factorize(ind["Kode Bagian"])
    urutan = list(dict.fromkeys([*unik, *(nama or {})]))

    def jumlah(x: object) -> np.ndarray:  # per Bagian in `urutan`, then the whole Setda
        x = np.asarray(x, dtype=float)
        with np.errstate(all="ignore"):
            return np.append(np.bincount(kode, x, len(urutan)), x.sum())

    c = ind["Capaian Dinilai (%)"].to_numpy()
    status = ind["Status Data"].to_numpy()
    ada_s = ind["Serapan Anggaran (%)"].notna().to_numpy()  # serapan over rows that have one
    n = jumlah(status != ANGGARAN)
    ada = jumlah(np.isin(status, [ADA, MANUAL]))  # reported, even where capaian is manual
    dihitung = jumlah(~np.isnan(c))
    pagu = jumlah(ind["Pagu Anggaran"].where(ada_s, 0))
    realisasi = jumlah(ind["Realisasi Anggaran"].where(ada_s, 0))
    with np.errstate(all="ignore"):
        rata, serapan = jumlah(np.nan_to_num(c)) / dihitung, realisasi / pagu * 100
    nama = nama if nama is not None else {b.kode: b.nama for b in BAGIAN_BAWAAN}
    kolom = {
        "Kode Bagian": [*urutan, KODE_SETDA],
        "Nama Bagian": [*(nama.get(k, "") for k in urutan), NAMA_SETDA],
        "Jumlah Indikator": n.astype(int),
        "Ada Data": ada.astype(int),
        "Dikembalikan": None,
        "Rata-rata Capaian (%)": np.where((dihitung > 0) & np.isfinite(rata), rata, np.nan),
        **{lab: jumlah(ind["Kategori"] == lab).astype(int) for lab in skala.label},
        "Serapan Anggaran (%)": np.where((pagu > 0) & np.isfinite(serapan), serapan, np.nan),
        **{k: np.full(len(urutan) + 1, np.nan) for k in skema.KOLOM_REKAP_TW},
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
