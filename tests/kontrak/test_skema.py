"""Sheets and columns the contract fixes (`pyxl.kontrak.skema`), and which Bagian codes can
name a sheet."""

from __future__ import annotations

from dataclasses import fields

import pytest

from pyxl.kontrak import skema
from pyxl.kontrak.model import Indikator


@pytest.mark.parametrize("sheet", list(skema.TABEL))
def test_every_table_sheet_has_unique_non_empty_columns(sheet: str) -> None:
    kolom = skema.TABEL[sheet]
    assert len(kolom) == len(set(kolom)), sheet
    assert all(k and k == k.strip() for k in kolom)


def test_indicator_and_analysis_columns_are_unique() -> None:
    for kolom in (skema.KOLOM_INDIKATOR, skema.KOLOM_ANALISIS, skema.KOLOM_ANALISIS_LENGKAP):
        assert len(kolom) == len(set(kolom))


def test_table_sheets_are_the_contracts_sheets() -> None:
    assert skema.TABEL[skema.ANALISIS] is skema.KOLOM_ANALISIS_LENGKAP
    assert skema.TABEL[skema.VALIDASI] == (
        "Tingkat",
        "Kode Masalah",
        "Kode Bagian",
        "Berkas",
        "Sel",
        "Pesan",
    )
    assert skema.KENDALI not in skema.TABEL
    assert set(skema.SHEET_WAJIB) == {skema.KENDALI, *skema.TABEL}
    assert len(skema.SHEET_WAJIB) == len(set(skema.SHEET_WAJIB))


def test_the_contracts_analysis_columns_come_first() -> None:
    n = len(skema.KOLOM_ANALISIS)
    assert skema.KOLOM_ANALISIS_LENGKAP[:n] == skema.KOLOM_ANALISIS
    assert len(skema.KOLOM_ANALISIS_LENGKAP) > n
    assert skema.KOLOM_ANALISIS[0] == "Kode Bagian" and skema.KOLOM_ANALISIS[-1] == (
        "Serapan Anggaran (%)"
    )


def test_field_indikator_maps_every_column_to_its_attribute() -> None:
    assert skema.FIELD_INDIKATOR == {
        "Kode IKU": "kode_iku",
        "Sasaran": "sasaran",
        "Indikator Kinerja": "indikator",
        "Definisi Operasional": "definisi",
        "Formula": "formula",
        "Satuan": "satuan",
        "Polaritas": "polaritas",
        "Target": "target",
        "Target Atas": "target_atas",
        "Realisasi": "realisasi",
        "Realisasi Tahun Lalu": "realisasi_lalu",
        "Target Akhir Renstra": "target_renstra",
        "Pagu Anggaran": "pagu",
        "Realisasi Anggaran": "realisasi_anggaran",
        "Sumber Data": "sumber_data",
        "Penanggung Jawab": "penanggung_jawab",
        "Keterangan": "keterangan",
        "Rumus Capaian": "rumus_capaian",
        "Skala": "skala",
        "Cara Tahunan": "cara_tahunan",
        "Perlu Bukti": "perlu_bukti",
        "Bukti": "bukti",
    }
    assert tuple(skema.FIELD_INDIKATOR) == skema.KOLOM_INDIKATOR, "in the contract's order"
    assert list(skema.FIELD_INDIKATOR.values()) == [f.name for f in fields(Indikator)]


def test_an_indicator_is_built_from_a_row() -> None:
    baris = {k: f"nilai {k}" for k in skema.KOLOM_INDIKATOR}
    ind = Indikator(**{skema.FIELD_INDIKATOR[k]: v for k, v in baris.items()})
    assert ind.target_atas == "nilai Target Atas" and ind.keterangan == "nilai Keterangan"


def test_input_columns_are_indicator_columns() -> None:
    assert set(skema.KOLOM_ISIAN) < set(skema.KOLOM_INDIKATOR)
    assert skema.KOLOM_ISIAN == ("Realisasi", "Realisasi Anggaran", "Keterangan", "Bukti")
    assert "Target" not in skema.KOLOM_ISIAN and "Kode IKU" not in skema.KOLOM_ISIAN


@pytest.mark.parametrize(
    "kode", ["TAPEM", "ORG_2", "A-1", "HUKUM", "a", "2026", "X" * 31, "Bagian_Umum-2"]
)
def test_kode_sheet_valid_accepts(kode: str) -> None:
    assert skema.kode_sheet_valid(kode)


@pytest.mark.parametrize(
    "kode",
    [
        "",
        "X" * 32,
        "A:B",
        "A B",
        " TAPEM",
        "TAPEM ",
        "A/B",
        "A\\B",
        "A?",
        "A*",
        "[A]",
        "A.B",
        "HUKÜM",
        "ORGANİSASİ",
        "ＡＢ",
        "A\tB",
        "A\nB",
        "xlwings.conf",
    ],
)
def test_kode_sheet_valid_refuses(kode: str) -> None:
    assert not skema.kode_sheet_valid(kode)


@pytest.mark.parametrize("sheet", skema.SHEET_WAJIB)
def test_kode_sheet_valid_refuses_reserved_sheet_names(sheet: str) -> None:
    assert not skema.kode_sheet_valid(sheet)


def test_forbidden_sheet_characters_are_excels() -> None:
    assert set(":\\/?*[]") == skema.KARAKTER_TERLARANG_SHEET
