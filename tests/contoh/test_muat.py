"""The built-in sample data: shape, realism and coverage of every case of the analysis."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import re
from collections.abc import Callable

import pytest

from pyxl.contoh import muat as sample
from pyxl.kontrak import setda
from pyxl.kontrak.model import POLARITAS, Indikator

PANGKAT = {
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tk. I",
    "III/c": "Penata",
    "III/d": "Penata Tk. I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tk. I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}
ISIAN_BAGIAN = {"realisasi", "realisasi_anggaran", "keterangan"}


def semua() -> list[Indikator]:
    return [row for rows in sample.indikator_contoh().values() for row in rows]


def per_kode() -> dict[str, Indikator]:
    return {row.kode_iku: row for row in semua()}


# ---- capaian per the domain notes, computed here independently of the product's code ----


def _rumus(polaritas: str, target: float, realisasi: float) -> float:
    if polaritas == "Negatif":
        return (2 * target - realisasi) / target * 100
    return realisasi / target * 100


def capaian(row: Indikator) -> float | None:
    """Capaian in %, or None for "belum ada data" and for a positive target of 0 (manual)."""
    if row.realisasi is None:
        return None
    if row.polaritas == "Kualitatif":
        teks = str(row.realisasi).replace(" ", "").lower()
        tercapai = teks == str(row.target).replace(" ", "").lower() or teks in {"ya", "tercapai"}
        return 100.0 if tercapai else 0.0
    assert isinstance(row.target, float) and isinstance(row.realisasi, float)
    t, r = row.target, row.realisasi
    if row.target_atas is not None:
        if t <= r <= row.target_atas:
            return 100.0
        return _rumus(row.polaritas, row.target_atas if r > row.target_atas else t, r)
    if t == 0:
        if row.polaritas == "Negatif":
            return 100.0 if r == 0 else 0.0
        return None
    return _rumus(row.polaritas, t, r)


def band(x: float) -> str:
    if x >= 91:
        return "Sangat Tinggi"
    if x >= 76:
        return "Tinggi"
    if x >= 66:
        return "Sedang"
    if x >= 51:
        return "Rendah"
    return "Sangat Rendah"


def test_worked_examples_of_the_regulation() -> None:
    def rentang(pol: str, lo: float, hi: float, r: float) -> float | None:
        return capaian(Indikator("X", "", "", "", "", "", pol, lo, hi, realisasi=r))  # type: ignore[arg-type]

    assert rentang("Positif", 80.0, 90.0, 70.0) == pytest.approx(87.5)
    assert rentang("Negatif", 7.0, 8.0, 6.5) == pytest.approx(107.142857)
    assert rentang("Negatif", 7.0, 8.0, 9.0) == pytest.approx(87.5)


# ---- small predicates, one per case to cover ----


def biasa_positif(row: Indikator) -> bool:
    return (
        row.polaritas == "Positif"
        and row.target_atas is None
        and isinstance(row.target, float)
        and row.target > 0
        and isinstance(row.realisasi, float)
    )


def negatif_biasa(row: Indikator) -> bool:
    return (
        row.polaritas == "Negatif"
        and row.target_atas is None
        and isinstance(row.target, float)
        and row.target > 0
        and isinstance(row.realisasi, float)
    )


def posisi_rentang(row: Indikator) -> str | None:
    if row.target_atas is None or not isinstance(row.realisasi, float):
        return None
    assert isinstance(row.target, float)
    if row.realisasi < row.target:
        return "below"
    if row.realisasi > row.target_atas:
        return "above"
    return "inside"


def nol_negatif(row: Indikator) -> bool:
    return row.polaritas == "Negatif" and row.target == 0.0 and row.realisasi == 0.0


def nol_positif(row: Indikator) -> bool:
    return row.polaritas == "Positif" and row.target == 0.0 and row.target_atas is None


def kualitatif_tercapai(row: Indikator) -> bool:
    return row.polaritas == "Kualitatif" and capaian(row) == 100.0


def test_every_rating_band_among_ordinary_positive() -> None:
    bands = [band(c) for row in semua() if biasa_positif(row) and (c := capaian(row)) is not None]
    assert set(bands) == {"Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"}
    assert len(bands) >= 20
    lebih = [r for r in semua() if biasa_positif(r) and (capaian(r) or 0) > 100]
    assert len(lebih) >= 3


def test_negative_polarity() -> None:
    negatif = [row for row in semua() if row.polaritas == "Negatif"]
    assert len(negatif) >= 3
    nilai = [capaian(row) for row in negatif if negatif_biasa(row)]
    assert any(c is not None and c > 100 for c in nilai), "one doing better than target"
    assert any(c is not None and c < 100 for c in nilai), "one doing worse than target"


def test_range_targets() -> None:
    rentang = [row for row in semua() if row.target_atas is not None]
    assert len(rentang) >= 2
    assert {row.polaritas for row in rentang} == {"Positif", "Negatif"}
    assert {posisi_rentang(row) for row in rentang} >= {"inside", "above", "below"}


def test_zero_targets() -> None:
    assert any(nol_negatif(row) and capaian(row) == 100.0 for row in semua())
    assert any(nol_positif(row) and capaian(row) is None for row in semua())


def test_kualitatif() -> None:
    rows = [row for row in semua() if row.polaritas == "Kualitatif"]
    assert len(rows) >= 3
    assert any(r.target == "WTP" and r.realisasi == "WTP" for r in rows)
    assert any(r.target == "BB" and r.realisasi == "B" and capaian(r) == 0.0 for r in rows)
    assert any(r.realisasi == "Tercapai" and kualitatif_tercapai(r) for r in rows)


def test_empty_realisations() -> None:
    assert sum(row.realisasi is None for row in semua()) >= 2


# ---- the table of cases in the data file must tell the truth ----

KASUS: dict[str, Callable[[Indikator], bool]] = {
    "Positif, capaian di atas 100": lambda r: biasa_positif(r) and (capaian(r) or 0) > 100,
    "Positif, kategori Sangat Tinggi": lambda r: (
        biasa_positif(r) and band(capaian(r) or 0) == "Sangat Tinggi"
    ),
    "Positif, kategori Tinggi": lambda r: biasa_positif(r) and band(capaian(r) or 0) == "Tinggi",
    "Positif, kategori Sedang": lambda r: biasa_positif(r) and band(capaian(r) or 0) == "Sedang",
    "Positif, kategori Rendah": lambda r: biasa_positif(r) and band(capaian(r) or 0) == "Rendah",
    "Positif, kategori Sangat Rendah": lambda r: (
        biasa_positif(r) and band(capaian(r) or 0) == "Sangat Rendah"
    ),
    "Negatif, lebih baik": lambda r: negatif_biasa(r) and (capaian(r) or 0) > 100,
    "Negatif, lebih buruk": lambda r: negatif_biasa(r) and (capaian(r) or 0) < 100,
    "Rentang, realisasi di dalam": lambda r: posisi_rentang(r) == "inside",
    "Rentang, realisasi di atas": lambda r: posisi_rentang(r) == "above",
    "Rentang, realisasi di bawah": lambda r: posisi_rentang(r) == "below",
    "Target 0, Negatif": nol_negatif,
    "Target 0, Positif": nol_positif,
    "Kualitatif, tercapai": kualitatif_tercapai,
    "Kualitatif, di bawah target": lambda r: r.polaritas == "Kualitatif" and capaian(r) < 100,
    'Kualitatif, "Ya"': lambda r: r.target == "Ya" and kualitatif_tercapai(r),
    "Realisasi kosong": lambda r: r.realisasi is None,
    "Seluruh isian kosong": lambda r: (
        r.realisasi is None and r.realisasi_anggaran is None and r.keterangan == ""
    ),
}


def tabel_docstring() -> dict[str, list[str]]:
    """The table of cases in the comment at the top of the sample's data file."""
    tabel: dict[str, list[str]] = {}
    kasus = ""
    komentar = sample.BERKAS.read_text(encoding="utf-8").splitlines()
    for baris in (b.removeprefix("# ") for b in komentar if b.startswith("# |")):
        sel = [s.strip() for s in baris.strip().strip("|").split("|")]
        if not baris.startswith("|") or len(sel) != 2 or (set(sel[0]) <= {"-"} and sel[0]):
            continue
        if sel[0] == "Kasus":
            continue
        kasus = sel[0] or kasus
        tabel.setdefault(kasus, []).extend(re.findall(r"IKU-[A-Z]+-\d{2}", sel[1]))
    return tabel


def test_docstring_table_lists_true_cases() -> None:
    rows = per_kode()
    tabel = tabel_docstring()
    for awal in KASUS:
        assert any(kasus.startswith(awal) for kasus in tabel), f"case {awal!r} not in the table"
    for kasus, kode_list in tabel.items():
        cocok = [pred for awal, pred in KASUS.items() if kasus.startswith(awal)]
        assert len(cocok) == 1, kasus
        assert kode_list, kasus
        for kode in kode_list:
            assert kode in rows, kode
            assert cocok[0](rows[kode]), f"{kode} is not a case of {kasus!r}"


# ---- shape ----


def test_bagian_match_the_default_organisation() -> None:
    bagian = sample.bagian_contoh()
    assert [b.kode for b in bagian] == [b.kode for b in setda.BAGIAN_BAWAAN]
    for b, bawaan in zip(bagian, setda.BAGIAN_BAWAAN, strict=True):
        assert (b.nama, b.asisten) == (bawaan.nama, bawaan.asisten)
        bergelar = "," in b.kepala or b.kepala.startswith(("Drs.", "Dr.", "Ir."))
        assert bergelar, b.kepala
    assert list(sample.indikator_contoh()) == [b.kode for b in setda.BAGIAN_BAWAAN]


def test_indicator_counts_and_codes() -> None:
    data = sample.indikator_contoh()
    for kode, rows in data.items():
        assert 3 <= len(rows) <= 6, kode
        for row in rows:
            assert row.kode_iku.startswith(f"IKU-{kode}-"), row.kode_iku
            assert re.fullmatch(rf"IKU-{kode}-\d{{2}}", row.kode_iku)
    kode_iku = [row.kode_iku for row in semua()]
    assert len(kode_iku) >= 30
    assert len(set(kode_iku)) == len(kode_iku)


def test_types_and_fields() -> None:
    for row in semua():
        assert row.polaritas in POLARITAS
        for teks in (
            row.sasaran,
            row.indikator,
            row.definisi,
            row.formula,
            row.satuan,
            row.sumber_data,
            row.penanggung_jawab,
        ):
            assert teks.strip(), row.kode_iku
        if row.polaritas == "Kualitatif":
            assert isinstance(row.target, str) and row.target
            assert row.realisasi is None or isinstance(row.realisasi, str)
            assert row.target_atas is None
        else:
            assert isinstance(row.target, float), row.kode_iku
            assert row.realisasi is None or isinstance(row.realisasi, float), row.kode_iku
            assert isinstance(row.realisasi_lalu, float), row.kode_iku
            assert isinstance(row.target_renstra, float), row.kode_iku
        if row.target_atas is not None:
            assert isinstance(row.target, float) and row.target_atas > row.target


def test_budgets_are_realistic() -> None:
    for row in semua():
        assert row.pagu is not None and 1e8 <= row.pagu <= 5e9, row.kode_iku
        if row.realisasi_anggaran is not None:
            assert 0.8 <= row.realisasi_anggaran / row.pagu <= 0.99, row.kode_iku


# ---- people ----


def cek_nip(nip: str, pangkat: str) -> None:
    assert re.fullmatch(r"\d{18}", nip), nip
    lahir = dt.datetime.strptime(nip[:8], "%Y%m%d").date()
    tmt = dt.datetime.strptime(nip[8:14], "%Y%m").date()
    assert nip[14] in "12"
    assert nip[15:] != "000"
    umur_masuk = (tmt - lahir).days / 365.25
    assert 18 <= umur_masuk <= 35, nip
    umur_2026 = (dt.date(sample.TAHUN_CONTOH, 1, 1) - lahir).days / 365.25
    assert umur_2026 < 60, nip
    m = re.fullmatch(r"(.+) \((I{3}|IV)/([a-e])\)", pangkat)
    assert m, pangkat
    golongan = f"{m[2]}/{m[3]}"
    assert PANGKAT[golongan] == m[1]
    masa_kerja = sample.TAHUN_CONTOH - tmt.year
    if m[2] == "IV":
        assert masa_kerja >= 15, (nip, pangkat)


def test_kepala_bagian_nip_pangkat_email() -> None:
    for b in sample.bagian_contoh():
        cek_nip(b.nip, b.pangkat)
        assert re.fullmatch(r"[a-z0-9._-]+@setda\.waykanan\.example", b.email), b.email
    emails = [b.email for b in sample.bagian_contoh()]
    assert len(set(emails)) == len(emails)


def test_pejabat() -> None:
    p = sample.pejabat_contoh()
    assert p["Sekretaris Daerah"] and "NIP Sekretaris Daerah" not in p  # Pasal 44(3)
    for jabatan in ("Asisten Administrasi Umum", "Kepala Subbagian Perencanaan"):
        assert p[jabatan]
        cek_nip(p[f"NIP {jabatan}"], p[f"Pangkat {jabatan}"])
    jft = p["Pejabat Fungsional"].split("; ")
    assert 2 <= len(jft) <= 3
    for orang in jft:
        assert re.fullmatch(r"[^()]+, [^()]+ \([^()]+ (Ahli|Terampil)[^()]*\)", orang), orang


# ---- tanpa_isian ----


def test_tanpa_isian_clears_exactly_the_bagian_input() -> None:
    rows = semua()
    asli = copy.deepcopy(rows)
    kosong = sample.tanpa_isian(rows)
    assert rows == asli, "input must not be mutated"
    assert len(kosong) == len(rows)
    for a, k in zip(rows, kosong, strict=True):
        assert k is not a
        assert (k.realisasi, k.realisasi_anggaran, k.keterangan) == (None, None, "")
        for f in dataclasses.fields(Indikator):
            if f.name not in ISIAN_BAGIAN:
                assert getattr(k, f.name) == getattr(a, f.name), f.name


def test_each_call_returns_fresh_objects() -> None:
    pertama = sample.indikator_contoh()
    pertama["HUKUM"][0].realisasi = 1.0
    pertama["HUKUM"].clear()
    kedua = sample.indikator_contoh()
    assert len(kedua["HUKUM"]) == 5
    assert kedua["HUKUM"][0].realisasi == 97.3
