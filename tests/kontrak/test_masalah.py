"""Finding codes (`pyxl.kontrak.masalah`): each declared once with its level and meaning, every
code pyxl writes declared, every declared code written somewhere."""

from __future__ import annotations

import ast
import functools
import re
from collections import Counter
from collections.abc import Iterator

import pytest

from conftest import AKAR
from pyxl.inti.capaian import PESAN
from pyxl.kontrak import masalah
from pyxl.kontrak.masalah import BLOKIR, KODE, PERINGATAN, KodeMasalah, tingkat

PYXL = AKAR / "pyxl"
MASALAH_PY = PYXL / "kontrak" / "masalah.py"

BAHASA_INGGRIS = {"the", "is", "not", "of", "and", "with", "file", "empty", "missing", "than"}
"""English words that would betray an untranslated meaning."""


def _sumber() -> Iterator[ast.Module]:
    """The syntax tree of each source file but the declarations, one at a time."""
    for p in sorted(PYXL.rglob("*.py")):
        if p != MASALAH_PY:
            yield ast.parse(p.read_text(encoding="utf-8"))


def _docstring(node: ast.AST, induk: dict[ast.AST, ast.AST]) -> bool:
    """Whether a string constant is a docstring (of a module, class or function, or an
    attribute docstring: any bare string statement)."""
    return isinstance(induk.get(node), ast.Expr)


def _teks_kode(pohon: ast.Module) -> set[str]:
    """String constants of code (not docstrings) that look like a finding code."""
    induk = {anak: n for n in ast.walk(pohon) for anak in ast.iter_child_nodes(n)}
    return {
        n.value
        for n in ast.walk(pohon)
        if isinstance(n, ast.Constant)
        and isinstance(n.value, str)
        and re.fullmatch(r"[A-Z][A-Z0-9_]+", n.value)
        and not _docstring(n, induk)
    }


def _impor_temuan(pohon: ast.Module) -> bool:
    return any(
        isinstance(n, ast.ImportFrom)
        and n.module == "pyxl.inti.temuan"
        and any(a.name == "Temuan" for a in n.names)
        for n in ast.walk(pohon)
    )


def _kode_dipanggil(pohon: ast.Module) -> dict[str, set[str]]:
    """Literal codes passed to `blokir(`, `peringatan(` and `Temuan(` (the finding of
    `pyxl.inti.temuan`, not the diagnosis record of `pyxl.pasang.diagnosa`), by function."""
    hasil: dict[str, set[str]] = {"blokir": set(), "peringatan": set(), "Temuan": set()}
    temuan = _impor_temuan(pohon)
    for n in ast.walk(pohon):
        if not (isinstance(n, ast.Call) and isinstance(n.func, ast.Name)):
            continue
        fungsi = n.func.id
        if fungsi in ("blokir", "peringatan"):
            arg = n.args[0] if n.args else None
        elif fungsi == "Temuan" and temuan:
            arg = n.args[1] if len(n.args) > 1 else None
        else:
            continue
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            hasil[fungsi].add(arg.value)
    return hasil


@functools.cache
def _semua_dipanggil() -> dict[str, frozenset[str]]:
    hasil: dict[str, set[str]] = {"blokir": set(), "peringatan": set(), "Temuan": set()}
    for pohon in _sumber():
        for fungsi, kode in _kode_dipanggil(pohon).items():
            hasil[fungsi] |= kode
    return {f: frozenset(k) for f, k in hasil.items()}


# --- the declarations ---------------------------------------------------------------------------


def test_every_code_is_declared_once() -> None:
    ganda = [k for k, n in Counter(k.kode for k in masalah._KODE).items() if n > 1]
    assert ganda == []
    assert len(KODE) == len(masalah._KODE)
    assert all(KODE[k.kode] is k for k in masalah._KODE)


@pytest.mark.parametrize("k", list(KODE.values()), ids=lambda k: k.kode)
def test_each_code_has_a_level_an_origin_and_an_indonesian_meaning(k: KodeMasalah) -> None:
    assert re.fullmatch(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*", k.kode), "a code is UPPER_SNAKE"
    assert k.tingkat in (BLOKIR, PERINGATAN)
    assert tingkat(k.kode) == k.tingkat
    assert k.asal in ("berkas", "isian", "analisis")
    assert k.arti.strip() == k.arti and len(k.arti) >= 5
    kata = set(re.findall(r"[a-z]+", k.arti.lower()))
    assert not kata & BAHASA_INGGRIS, kata & BAHASA_INGGRIS


def test_levels_follow_the_origin() -> None:
    """Only a file as a whole is refused; a cell or a figure of the analysis is flagged."""
    for k in KODE.values():
        if k.asal != "berkas":
            assert k.tingkat == PERINGATAN, k.kode
    assert {k.kode for k in KODE.values() if k.tingkat == BLOKIR} >= {
        "KOSONG",
        "RUSAK",
        "TANPA_STEMPEL",
        "TANDA_TANGAN_TIDAK_COCOK",
    }


def test_an_undeclared_code_has_no_level() -> None:
    with pytest.raises(KeyError):
        tingkat("TIDAK_ADA")


# --- the codes the source writes --------------------------------------------------------------


def test_codes_passed_to_findings_are_declared_with_that_level() -> None:
    dipanggil = _semua_dipanggil()
    assert dipanggil["blokir"] and dipanggil["peringatan"], "the scan found the calls"
    semua = set().union(*dipanggil.values())
    assert semua <= set(KODE), semua - set(KODE)
    salah = {k for k in dipanggil["blokir"] if KODE[k].tingkat != BLOKIR}
    salah |= {k for k in dipanggil["peringatan"] if KODE[k].tingkat != PERINGATAN}
    assert salah == set(), "blokir() with a Peringatan code, or the reverse"


def test_the_scan_ignores_the_diagnosis_record() -> None:
    """`pyxl.pasang.diagnosa` has a `Temuan` of its own (OK/GAGAL checks): not a finding."""
    diagnosa = ast.parse((PYXL / "pasang" / "diagnosa.py").read_text(encoding="utf-8"))
    assert not _impor_temuan(diagnosa)
    assert _kode_dipanggil(diagnosa)["Temuan"] == set()
    contoh = ast.parse(
        "from pyxl.inti.temuan import Temuan, blokir\n"
        "Temuan(PERINGATAN, 'A_1', 'x')\nblokir('B_2', 'y')\nperingatan(kode, 'z')\n"
    )
    assert _kode_dipanggil(contoh) == {"blokir": {"B_2"}, "peringatan": set(), "Temuan": {"A_1"}}


def test_every_analysis_message_is_a_declared_code() -> None:
    assert set(PESAN) <= set(KODE), set(PESAN) - set(KODE)
    analisis = {k.kode for k in KODE.values() if k.asal == "analisis"}
    assert analisis <= set(PESAN), "every analysis code has its message"
    assert all(KODE[k].tingkat == PERINGATAN for k in PESAN)
    assert all(isinstance(p, str) and p.strip() for p in PESAN.values())


def test_every_declared_code_is_used_in_the_source() -> None:
    dipakai: set[str] = set()
    for pohon in _sumber():
        dipakai |= _teks_kode(pohon)
    assert set(KODE) - dipakai == set(), "declared but never written"


def test_every_file_or_cell_code_is_passed_to_a_finding() -> None:
    """The codes of a received file or cell (step 6) are each given literally to `blokir(` or
    `peringatan(` with their level; the analysis's come from `PESAN`."""
    dipanggil = _semua_dipanggil()
    for k in KODE.values():
        if k.asal == "analisis":
            continue
        fungsi = "blokir" if k.tingkat == BLOKIR else "peringatan"
        assert k.kode in dipanggil[fungsi], k.kode
