"""The files steps write (`pyxl.kontrak.keluaran`): each name is recognised as its kind, only in
its folder, also with the suffix that keeps an older file; a file staff put in a folder never
is; and the steps name their outputs through these declarations."""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import AKAR
from pyxl.berkas.tulis import jalur_bebas
from pyxl.kontrak import keluaran as modul
from pyxl.kontrak.keluaran import (
    DISPOSISI,
    DOKUMEN,
    DOKUMEN_IKU,
    DRAF_SUREL,
    FORMAT,
    FORMAT_IKU,
    KELUARAN,
    KIRIM,
    Keluaran,
    keluaran,
)
from pyxl.kontrak.pengaturan import PENGATURAN

PYXL = AKAR / "pyxl"
FOLDER = (DOKUMEN, KIRIM, FORMAT)

CONTOH: dict[str, list[object]] = {
    "tahun": [2026, 2027],
    "no": [1, 12, 1234],
    "urut": [1, 3, 15],
    "versi": [1, 2, 10],
    "akhiran": ["", "_final"],
    "kode": ["HUKUM", "ORG_2", "A-1", "tapem"],
    "waktu": ["20270113-101500"],
    "slug": ["IKU-2026-HUKUM", "surel"],
    "sidik": ["0a1b2c3d"],
    "tw": ["TW1", "TW2", "TW4"],
}
"""Values each field of a name takes when a step fills it."""


def _medan(pola: str) -> list[str]:
    return [nama for _, nama, _, _ in string.Formatter().parse(pola) if nama is not None]


def _contoh(k: Keluaran) -> list[str]:
    """Names of kind `k` as steps write them: every pattern, each field's sample values."""
    nama: list[str] = []
    for pola in k.pola:
        medan = _medan(pola)
        for i in range(max(len(CONTOH[m]) for m in medan)):
            nama.append(pola.format(**{m: CONTOH[m][i % len(CONTOH[m])] for m in medan}))
    return nama


def _semua_contoh() -> list[tuple[Keluaran, str]]:
    return [(k, n) for k in KELUARAN for n in _contoh(k)]


def _id(kasus: object) -> str:
    return kasus if isinstance(kasus, str) else getattr(kasus, "jenis", repr(kasus))


def test_every_field_of_every_pattern_has_samples() -> None:
    medan = {m for k in KELUARAN for p in k.pola for m in _medan(p)}
    assert medan <= set(CONTOH), medan - set(CONTOH)
    assert medan <= set(modul._MEDAN), "a field without a rule would raise at import"


def test_every_kind_is_declared_once_in_a_known_folder() -> None:
    assert len({k.jenis for k in KELUARAN}) == len(KELUARAN)
    assert len({p for k in KELUARAN for p in k.pola}) == sum(len(k.pola) for k in KELUARAN)
    kunci = {s.kunci for s in PENGATURAN}
    assert {k.folder for k in KELUARAN} <= kunci, "each folder is a Pengaturan setting"
    assert set(FOLDER) == {k.folder for k in KELUARAN}
    semua = {v for v in vars(modul).values() if isinstance(v, Keluaran)}
    assert semua == set(KELUARAN), "every declared output is listed in KELUARAN"


@pytest.mark.parametrize(("k", "nama"), _semua_contoh(), ids=_id)
def test_a_written_name_is_its_own_kind(k: Keluaran, nama: str) -> None:
    assert k.cocok(nama)
    assert keluaran(k.folder, nama) is k


@pytest.mark.parametrize(("k", "nama"), _semua_contoh(), ids=_id)
@pytest.mark.parametrize("tambahan", ["_2", "-2", "_13"])
def test_a_kept_older_file_is_still_its_kind(k: Keluaran, nama: str, tambahan: str) -> None:
    inti, _, akhiran = nama.rpartition(".")
    lain = f"{inti}{tambahan}.{akhiran}"
    assert k.cocok(lain), lain
    assert keluaran(k.folder, lain) is k


def test_the_suffixes_the_writers_add_are_recognised(tmp_path: Path) -> None:
    pertama = tmp_path / DISPOSISI.nama(tahun=2026, no=1)
    pertama.write_bytes(b"x")
    kedua = jalur_bebas(pertama)
    assert kedua.name == "disposisi_2026_001_2.docx"
    assert keluaran(DOKUMEN, kedua.name) is DISPOSISI
    draf = DRAF_SUREL.nama(waktu="20270113-101500", slug="IKU-2026-HUKUM", sidik="0a1b2c3d")
    draf_kedua = f"{Path(draf).stem}-2.eml"  # pyxl.surel.draf never overwrites a draft
    assert keluaran(KIRIM, draf_kedua) is DRAF_SUREL


@pytest.mark.parametrize(("k", "nama"), _semua_contoh(), ids=_id)
def test_a_name_is_its_kind_only_in_its_folder(k: Keluaran, nama: str) -> None:
    for folder in FOLDER:
        if folder != k.folder:
            assert keluaran(folder, nama) is None, (folder, nama)
    for folder in ("Folder Masuk", "Folder Arsip", "", "dokumen"):
        assert keluaran(folder, nama) is None, (folder, nama)


def test_nama_fills_the_first_pattern() -> None:
    assert DISPOSISI.nama(tahun=2026, no=7) == "disposisi_2026_007.docx"
    assert FORMAT_IKU.nama(kode="HUKUM", tahun=2026) == "HUKUM_Format_IKU_2026.xlsx"
    nama = DOKUMEN_IKU.nama(tahun=2026, versi=3, akhiran="_final")
    assert nama == "Dokumen_IKU_2026_v3_final.docx"
    assert DOKUMEN_IKU.cocok(nama.replace(".docx", ".pdf"))


@pytest.mark.parametrize(
    "nama",
    [
        "catatan.docx",
        "disposisi.docx",
        "undangan_rapat_x_2027.docx",
        "HUKUM Format IKU 2026.xlsx",
        "Undangan Rapat Koordinasi.docx",
        "disposisi_2026_001 (1).docx",
        "disposisi_2026_001.docx.bak",
        "disposisi_26_001.docx",
        "disposisi_2026_001.doc",
        "~$sposisi_2026_001.docx",
        "Salinan disposisi_2026_001.docx",
        "undangan_rapat_2027.docx",
        "daftar_hadir_rapat_2026_final.docx",
        "notula_rapat_2026 revisi.docx",
        "surat_pengantar_2026.docx",
        "Dokumen_IKU_2026.docx",
        "Dokumen_IKU_2026_v1_draft.docx",
        "Dokumen_IKU_2026_v1.xlsx",
        "dokumen_iku_2026_v1.docx",
        "HUKUM_Format_IKU_2026.xlsm",
        "HUKUM_Format_IKU_26.xlsx",
        "_Format_IKU_2026.xlsx",
        "HUKUM_Format_IKU_2026_lama.xlsx",
        "../HUKUM_Format_IKU_2026.xlsx",
        "sub/disposisi_2026_001.docx",
        "20270113-101500_IKU_0a1b2c3d.msg",
        "20270113-1015_IKU_0a1b2c3d.eml",
        "20270113-101500_IKU_0A1B2C3D.eml",
        "pesan.eml",
        "Laporan_Pemantauan_2026.docx",
        "Laporan_Pemantauan_TW5_2026.docx",
        "Laporan_Pemantauan_TW2_2026 revisi.docx",
        "",
    ],
)
def test_files_staff_put_in_the_folders_are_not_outputs(nama: str) -> None:
    assert not any(k.cocok(nama) for k in KELUARAN), nama
    assert all(keluaran(folder, nama) is None for folder in FOLDER)


# --- the steps name their outputs through these declarations ----------------------------------


def _sumber() -> Iterator[tuple[Path, ast.Module]]:
    """Each source file of pyxl with its syntax tree, one at a time (never all kept)."""
    for p in sorted(PYXL.rglob("*.py")):
        yield p, ast.parse(p.read_text(encoding="utf-8"))


def _literal(pola: str) -> str:
    """The longest literal piece of a pattern's stem (what a hand-written name would contain)."""
    inti = pola.rpartition(".")[0]
    return max((t for t, _, _, _ in string.Formatter().parse(inti)), key=len)


def test_every_output_is_named_through_its_declaration() -> None:
    """Each kind is used (`keluaran.X` or imported by name) outside the contract module."""
    nama = {v: n for n, v in vars(modul).items() if isinstance(v, Keluaran)}
    dipakai: set[str] = set()
    for p, pohon in _sumber():
        if p == PYXL / "kontrak" / "keluaran.py":
            continue
        for node in ast.walk(pohon):
            if isinstance(node, ast.ImportFrom) and node.module == "pyxl.kontrak.keluaran":
                dipakai |= {a.name for a in node.names}
            elif (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "keluaran"
            ):
                dipakai.add(node.attr)
    assert {nama[k] for k in KELUARAN} <= dipakai, {nama[k] for k in KELUARAN} - dipakai


def _nama_tangan(pohon: ast.AST, literal: dict[str, str]) -> list[tuple[int, str, str]]:
    """(line, kind, template) of each f-string containing the literal part of an output."""
    hasil = []
    for node in ast.walk(pohon):
        if not isinstance(node, ast.JoinedStr):
            continue
        teks = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
        hasil += [(node.lineno, jenis, teks) for lit, jenis in literal.items() if lit in teks]
    return hasil


def _literal_keluaran() -> dict[str, str]:
    return {_literal(p): k.jenis for k in KELUARAN for p in k.pola if len(_literal(p)) >= 5}


def test_no_output_name_is_written_by_hand() -> None:
    """No f-string outside `pyxl.kontrak.keluaran` builds a file name with the literal part of
    an output's pattern (such as f"disposisi_{tahun}_{no:03d}.docx"); docstrings and readers
    that test a prefix are not names being written. `pyxl/bench.py` (the benchmark harness, no
    step) names the issued formats it fills by hand and is left out."""
    literal = _literal_keluaran()
    # every kind but the e-mail draft, whose name has no literal part
    assert set(literal.values()) == {k.jenis for k in KELUARAN} - {DRAF_SUREL.jenis}
    dikecualikan = {PYXL / "kontrak" / "keluaran.py", PYXL / "bench.py"}
    temuan = [
        f"{p.relative_to(AKAR)}:{baris} {jenis}: {teks}"
        for p, pohon in _sumber()
        if p not in dikecualikan
        for baris, jenis, teks in _nama_tangan(pohon, literal)
    ]
    assert temuan == []


@pytest.mark.parametrize(
    ("kode", "jenis"),
    [
        ('nama = f"disposisi_{tahun}_{no:03d}.docx"', DISPOSISI.jenis),
        ('p = folder / f"{b.kode}_Format_IKU_{tahun}.xlsx"', FORMAT_IKU.jenis),
        ('f"Dokumen_IKU_{tahun}_v{versi}_final.pdf"', DOKUMEN_IKU.jenis),
    ],
)
def test_the_scan_would_see_a_hand_written_name(kode: str, jenis: str) -> None:
    """The check above is not vacuous: the old way of naming an output is caught."""
    assert [j for _, j, _ in _nama_tangan(ast.parse(kode), _literal_keluaran())] == [jenis]
