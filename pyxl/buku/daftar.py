"""Reading the master's lists: the Bagian and each Bagian's indicators, checked."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pyxl.buku.port import Baris, Buku
from pyxl.buku.tabel import baca_tabel
from pyxl.galat import BukuError, IsianError
from pyxl.inti.sel import sebagai_teks
from pyxl.inti.skala import BAWAAN, SkalaUrut, dari_baris, normal
from pyxl.kontrak import skema
from pyxl.kontrak.model import Bagian

_KODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,30}")
"""A Bagian code: it names a sheet and is part of file names (`format/<Kode>_Format_IKU_…`),
so only ASCII letters, digits, `_` and `-`, starting with a letter or digit, at most 31
characters (Excel's sheet-name limit): no path separator, dot, colon, space or control
character can ever reach a file name."""
_NAMA_TERPAKAI = {s.casefold() for s in (*skema.SHEET_WAJIB, skema.XLWINGS_CONF, "History")}
"""Sheet names a code cannot take; Excel compares sheet names ignoring case ('History' is
reserved by Excel itself)."""


def periksa_kode(kode: str, asal: str) -> None:
    """Refuse a Bagian code that cannot name a sheet and a file (`_KODE`); `asal` is where it
    was typed, for the message."""
    if (
        not _KODE.fullmatch(kode)
        or kode.casefold() in _NAMA_TERPAKAI
        or not skema.kode_sheet_valid(kode)
    ):
        raise IsianError(
            f"Kode Bagian {kode!r} ({asal}) tidak dapat dipakai: gunakan huruf/angka tanpa "
            "spasi (boleh _ dan -, diawali huruf atau angka), paling banyak 31 karakter, "
            "dan bukan nama sheet lain."
        )


def baca_bagian(buku: Buku) -> list[Bagian]:
    """The `Bagian` sheet as Bagian; a bad or duplicate code is an error naming its cell.

    Codes are compared ignoring case, as Excel compares sheet names and as Windows compares
    file names: `Hukum` and `HUKUM` would share one sheet and one format file."""
    hasil: list[Bagian] = []
    lihat: dict[str, tuple[str, str]] = {}
    for r in baca_tabel(buku, skema.BAGIAN):
        kode = sebagai_teks(r["Kode"])
        sel = f"sheet {skema.BAGIAN} sel A{r['_baris']}"
        periksa_kode(kode, sel)
        if kode.casefold() in lihat:
            lama, sel_lama = lihat[kode.casefold()]
            raise IsianError(
                f"Kode Bagian '{kode}' ({sel}) ganda dengan '{lama}' ({sel_lama}); setiap kode "
                "harus unik (huruf besar dan kecil dianggap sama)."
            )
        lihat[kode.casefold()] = (kode, f"sel A{r['_baris']}")
        hasil.append(Bagian(kode, *(sebagai_teks(r[k]) for k in skema.KOLOM_BAGIAN[1:])))
    return hasil


def pilih_bagian(buku: Buku, kode: str | None) -> list[Bagian]:
    """All Bagian, or the one with `kode` (an unknown code is an error listing the known ones)."""
    semua = baca_bagian(buku)
    if kode is None:
        return semua
    for b in semua:
        if b.kode.upper() == kode.strip().upper():
            return [b]
    raise IsianError(
        f"Kode Bagian '{kode}' tidak ada di sheet {skema.BAGIAN}. Kode yang ada: "
        f"{', '.join(b.kode for b in semua) or '(belum ada)'}."
    )


def baca_indikator(buku: Buku, b: Bagian) -> list[Baris]:
    """The rows of a Bagian's sheet, keyed by the contract's column names."""
    if not buku.ada_sheet(b.kode):
        raise BukuError(
            f"Sheet untuk Bagian {b.kode} tidak ada. Tambahkan sheet bernama '{b.kode}' dengan "
            "judul kolom yang sama seperti sheet Bagian lain."
        )
    return baca_tabel(buku, b.kode, skema.KOLOM_INDIKATOR)


def isi_indikator(buku: Buku, b: Bagian, kolom: Sequence[str]) -> list[tuple[int, list[Any]]]:
    """Per indicator row of a Bagian's sheet, its sheet row and the values of `kolom`: the
    rows and values of `baca_indikator` (same checks, same errors), without a dict per row —
    step 6 reads hundreds of these sheets twice (to merge, then for Kendali's table)."""
    isi = buku.baca(b.kode) if buku.ada_sheet(b.kode) else []
    header = [str(h).strip() if h is not None else "" for h in (isi[0] if isi else [])]
    letak = {h: i for i, h in enumerate(header) if h}  # a repeated title: the last, as a dict
    if not isi or any(k not in letak for k in skema.KOLOM_INDIKATOR):
        # what is wrong, in baca_indikator's words (it raises; an empty sheet has no rows)
        return [(int(r["_baris"]), [r[k] for k in kolom]) for r in baca_indikator(buku, b)]
    indeks = [letak[k] for k in kolom]
    hasil: list[tuple[int, list[Any]]] = []
    for nomor, baris in enumerate(isi[1:], start=2):
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in baris):
            continue
        hasil.append((nomor, [baris[i] if i < len(baris) else None for i in indeks]))
    return hasil


def kode_tertaut(buku: Buku) -> dict[str, set[str]]:
    """Per current Bagian code, every code it had before (`tautan_kode` of the master's
    `Riwayat Bagian`): ledger rows keep the code they were written with."""
    if skema.RIWAYAT_BAGIAN not in buku.nama_sheet():
        return {}
    return tautan_kode(baca_tabel(buku, skema.RIWAYAT_BAGIAN))


def tautan_kode(riwayat: Iterable[Mapping[str, Any]]) -> dict[str, set[str]]:
    """Per current Bagian code, every code it had before, from rows of `Riwayat Bagian`
    (its `Ubah` rows, in order: renames of renames followed)."""
    hasil: dict[str, set[str]] = {}
    for r in riwayat:
        lama, ke = sebagai_teks(r.get("Kode")), sebagai_teks(r.get("Kode Baru"))
        if sebagai_teks(r.get("Perubahan")) == "Ubah" and lama and ke and lama != ke:
            dulu = hasil.pop(lama, set()) | {lama}
            hasil[ke] = (hasil.get(ke, set()) | dulu) - {ke}
    return {k: v for k, v in hasil.items() if v}


def kode_kini(tertaut: Mapping[str, set[str]]) -> dict[str, str]:
    """Per earlier code (upper case: codes compare ignoring case, as sheet names do), the
    current one, from `kode_tertaut` or `tautan_kode`."""
    return {lama.upper(): baru for baru, semua in tertaut.items() for lama in semua}


def baca_skala(buku: Buku) -> dict[str, SkalaUrut]:
    """The ordered scales of sheet `Skala` by normalised name (the built-in ones when the
    sheet is missing); a row that cannot be used is an error naming it."""
    if skema.SKALA not in buku.nama_sheet():
        return {normal(s.nama): s for s in BAWAAN}
    hasil, galat = dari_baris(baca_tabel(buku, skema.SKALA))
    if galat:
        raise IsianError("; ".join(galat) + ". Perbaiki sheet Skala, lalu ulangi.")
    return hasil
