"""Step 7 into the workbook: Analisis and Rekap match figures computed here independently."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from pyxl.cli import main
from pyxl.contoh.muat import bagian_contoh, indikator_contoh
from pyxl.kontrak import skema


def _angka(v: Any) -> float | None:
    return None if v is None or isinstance(v, str) else float(v)


SKALA_SENDIRI = {
    "Predikat SAKIP": ["aa", "a", "bb", "b", "cc", "c", "d"],
    "Opini BPK": ["wtp", "wdp", "tw", "tmp"],
}


def capaian_sendiri(pol: str, t: Any, t_atas: Any, r: Any, skala: str = "") -> float | None:
    """The domain notes' rules, written out plainly (default negative formula (2T-R)/T); a
    grade on an ordered scale below its target gets the ratio of the ranks from the bottom."""
    if r is None or (isinstance(r, str) and not r.strip()):
        return None
    if pol == "Kualitatif" and skala in SKALA_SENDIRI:
        urut = SKALA_SENDIRI[skala]
        pr, pt = urut.index(str(r).strip().lower()), urut.index(str(t).strip().lower())
        return 100.0 if pr <= pt else (len(urut) - pr) / (len(urut) - pt) * 100
    if pol == "Kualitatif":
        ok = str(r).strip().lower() in (str(t).strip().lower(), "ya", "tercapai")
        return 100.0 if ok else 0.0
    t, r = float(t), float(r)
    if t_atas is not None:
        lo, hi = t, float(t_atas)
        if lo <= r <= hi:
            return 100.0
        t = hi if r > hi else lo
    if t == 0:
        if pol == "Negatif":
            return 100.0 if r <= 0 else 0.0
        return None
    return r / t * 100 if pol == "Positif" else (2 * t - r) / t * 100


def kategori_sendiri(c: float | None) -> str | None:
    if c is None:
        return None
    for batas, label in ((91, "Sangat Tinggi"), (76, "Tinggi"), (66, "Sedang"), (51, "Rendah")):
        if c >= batas:
            return label
    return "Sangat Rendah"


@pytest.fixture(scope="module")
def hasil_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / "d"
    assert main(["demo", str(folder), "--sampai", "7"]) == 0
    return folder / skema.NAMA_MASTER


def _tabel(berkas: Path, sheet: str) -> list[dict[str, Any]]:
    ws = openpyxl.load_workbook(berkas, data_only=True)[sheet]
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:] if any(v is not None for v in r)]


def test_analisis_of_the_demo_matches_an_independent_computation(hasil_demo: Path) -> None:
    analisis = {(r["Kode Bagian"], r["Kode IKU"]): r for r in _tabel(hasil_demo, skema.ANALISIS)}
    contoh = indikator_contoh()
    assert len(analisis) == sum(len(v) for v in contoh.values()) >= 30
    for kode, rows in contoh.items():
        for i in rows:
            r = analisis[(kode, i.kode_iku)]
            harap = capaian_sendiri(i.polaritas, i.target, i.target_atas, i.realisasi, i.skala)
            if harap is None:
                assert r["Capaian (%)"] is None, i.kode_iku  # empty, never 0
            else:
                assert r["Capaian (%)"] == pytest.approx(harap, rel=1e-12), i.kode_iku
            assert r["Kategori"] == kategori_sendiri(harap), i.kode_iku
            if i.pagu and i.realisasi_anggaran is not None:
                assert r["Serapan Anggaran (%)"] == pytest.approx(
                    i.realisasi_anggaran / i.pagu * 100
                )
            if i.polaritas != "Kualitatif" and i.realisasi is not None and i.target_renstra:
                assert r["Capaian Renstra (%)"] is not None


def test_rekap_per_bagian_and_setda(hasil_demo: Path) -> None:
    rekap = {r["Kode Bagian"]: r for r in _tabel(hasil_demo, skema.REKAP)}
    assert list(rekap) == [b.kode for b in bagian_contoh()] + ["SETDA"]
    semua: list[float] = []
    for kode, rows in indikator_contoh().items():
        c = [
            x
            for i in rows
            if (x := capaian_sendiri(i.polaritas, i.target, i.target_atas, i.realisasi, i.skala))
            is not None
        ]
        semua += c
        r = rekap[kode]
        dilaporkan = [i for i in rows if i.realisasi not in (None, "")]
        assert r["Jumlah Indikator"] == len(rows) and r["Ada Data"] == len(dilaporkan)
        assert r["Rata-rata Capaian (%)"] == pytest.approx(sum(c) / len(c))
        assert r["Dikembalikan"] == "Ya"
    assert rekap["SETDA"]["Rata-rata Capaian (%)"] == pytest.approx(sum(semua) / len(semua))
    assert sum(
        rekap["SETDA"][k] for k in ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah")
    ) == len(semua)


def test_uncomputable_figures_are_findings_with_their_cell(hasil_demo: Path) -> None:
    temuan = [r for r in _tabel(hasil_demo, skema.VALIDASI) if r["Berkas"] == "(analisis)"]
    assert {(r["Kode Masalah"], r["Kode Bagian"]) for r in temuan} >= {
        ("TARGET_NOL_POSITIF", "TAPEM")
    }
    [t] = [r for r in temuan if r["Kode Masalah"] == "TARGET_NOL_POSITIF"]
    assert t["Sel"] == "TAPEM!H4" and "manual" in t["Pesan"]


def test_numbers_are_numbers_with_formats_and_bands_are_coloured(hasil_demo: Path) -> None:
    wb = openpyxl.load_workbook(hasil_demo)
    ws = wb[skema.ANALISIS]
    kol = skema.KOLOM_ANALISIS_LENGKAP.index("Capaian (%)") + 1
    sel = ws.cell(row=2, column=kol)
    assert isinstance(sel.value, float) and sel.number_format == "0.00"
    aturan = [r for cf in ws.conditional_formatting for r in cf.rules]
    assert len(aturan) == 5 and all("Pengaturan" in r.formula[0] for r in aturan[:4])


def test_chart_and_formats_survive_later_commands(hasil_demo: Path) -> None:
    # the demo ran several commands on the closed file after the workbook was built
    with zipfile.ZipFile(hasil_demo) as z:
        nama = z.namelist()
        assert "xl/charts/chart1.xml" in nama
        assert b"Rekap" in z.read("xl/charts/chart1.xml")
    ws = openpyxl.load_workbook(hasil_demo)[skema.REKAP]
    assert ws.conditional_formatting


def test_rerun_replaces_its_findings_only(hasil_demo: Path, tmp_path: Path) -> None:
    import shutil

    salinan = tmp_path / skema.NAMA_MASTER
    shutil.copy(hasil_demo, salinan)
    for d in ("format", "kirim", "masuk", "dokumen", "arsip"):
        (tmp_path / d).mkdir()
    sebelum = _tabel(salinan, skema.VALIDASI)
    assert main(["analisis", "--workbook", str(salinan)]) == 0
    assert _tabel(salinan, skema.VALIDASI) == sebelum


def test_button_writes_whole_tables_in_a_few_calls(
    hasil_demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    import pyxl.tombol
    from remote import aksi, buku_remote

    kerja = tmp_path / "kerja"
    shutil.copytree(hasil_demo.parent, kerja)
    master = kerja / skema.NAMA_MASTER
    monkeypatch.chdir(kerja)
    book = buku_remote(master.resolve())
    pyxl.tombol.analisis()
    actions = aksi(book)
    nama = openpyxl.load_workbook(master, read_only=True).sheetnames
    tulis = [
        (nama[a["sheet_position"]], a["row_count"]) for a in actions if a["func"] == "setValues"
    ]
    per_sheet = {s: n for s, n in tulis}
    assert per_sheet[skema.ANALISIS] == 43 and per_sheet[skema.REKAP] == 11
    assert len(tulis) <= 6, "one block per table, not one call per cell"
    [alert] = [a for a in actions if a["func"] == "alert"]
    assert "rata-rata capaian Setda 95," in alert["args"][0]
