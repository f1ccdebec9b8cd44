"""Writing the `Kendali` sheet: a step's status cells and the per-Bagian status table
(the layout is `pyxl.kontrak.kendali`)."""

from __future__ import annotations

import textwrap
from datetime import datetime
from typing import Any

from pyxl.buku.daftar import isi_indikator, kode_tertaut, pilih_bagian
from pyxl.buku.port import Buku
from pyxl.buku.tabel import baca_tabel
from pyxl.galat import IsianError
from pyxl.inti.sel import sebagai_teks
from pyxl.kontrak import skema
from pyxl.kontrak.kendali import (
    BARIS_BAGIAN_1,
    BARIS_KETERANGAN,
    KOLOM_ISIAN_LABEL,
    KOLOM_ISIAN_NILAI,
    KOLOM_STATUS,
    LEBAR_KETERANGAN,
    baris_isian,
    baris_langkah,
)
from pyxl.kontrak.periode import TAHUNAN, baca_periode, periode_baris
from pyxl.kontrak.status import BERLAKU, DIGABUNG, DRAF, TERKIRIM

SELENGKAPNYA = " … (selengkapnya di sheet Log SOP)"


def tandai_langkah(
    buku: Buku,
    no: int,
    status: str,
    mulai: datetime,
    selesai: datetime,
    durasi_menit: float,
    keterangan: str,
) -> None:
    """Write a step's status cells (one block: Status .. Keterangan)."""
    nilai: list[Any] = [status, mulai, selesai, round(durasi_menit, 2), ringkas(keterangan)]
    buku.tulis(
        skema.KENDALI,
        baris_langkah(no),
        KOLOM_STATUS,
        [nilai],
        [None, "dd/mm/yyyy hh:mm", "dd/mm/yyyy hh:mm", "0.0", None],
    )


def ringkas(teks: str) -> str:
    """`teks` as it fits the `Keterangan` cell of a step row (`BARIS_KETERANGAN` lines of
    `LEBAR_KETERANGAN` characters, wrapped): whole when it fits, else its beginning and a
    pointer to `Log SOP`. A row's height is fixed (it holds a button), so a longer text would
    be cut mid-sentence without saying so."""
    lebar = LEBAR_KETERANGAN - 4  # proportional font: leave room for wide letters
    baris = [b for p in teks.split("\n") for b in textwrap.wrap(p, lebar) or [""]]
    if len(baris) <= BARIS_KETERANGAN:
        return teks
    akhir = baris[BARIS_KETERANGAN - 1][: lebar - len(SELENGKAPNYA)].rstrip()
    return "\n".join([*baris[: BARIS_KETERANGAN - 1], akhir + SELENGKAPNYA])


def baca_isian(buku: Buku, label: str) -> tuple[Any, str]:
    """The value of the Kendali input `label` (`pyxl.kontrak.kendali.ISIAN`) and its cell
    ("C31"), for the message when it is wrong; None when the row is not that input's (a
    master of an earlier structure, laid out otherwise)."""
    r = baris_isian(label)
    isi = buku.baca(skema.KENDALI)
    baris = isi[r - 1] if r <= len(isi) else []
    if len(baris) < KOLOM_ISIAN_LABEL or sebagai_teks(baris[KOLOM_ISIAN_LABEL - 1]) != label:
        return None, f"C{r}"
    nilai = baris[KOLOM_ISIAN_NILAI - 1] if len(baris) >= KOLOM_ISIAN_NILAI else None
    return nilai, f"C{r}"


def tulis_status_bagian(buku: Buku, rows: list[list[Any]]) -> None:
    buku.kosongkan(skema.KENDALI, BARIS_BAGIAN_1)
    if rows:
        buku.tulis(skema.KENDALI, BARIS_BAGIAN_1, 1, rows)


def _per_kode(rows: list[dict[str, Any]]) -> dict[str, list[tuple[int, dict[str, Any]]]]:
    """Ledger rows grouped by `Kode Bagian`, each with its place in the ledger (one pass: a
    province's hundreds of Bagian would otherwise rescan the whole ledger each)."""
    hasil: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for i, r in enumerate(rows):
        hasil.setdefault(sebagai_teks(r.get("Kode Bagian")), []).append((i, r))
    return hasil


def _terakhir(
    rows: dict[str, list[tuple[int, dict[str, Any]]]], kode: set[str], **syarat: tuple[str, ...]
) -> dict[str, Any]:
    """The last ledger row of a Bagian (any of its codes, old ones included) whose columns
    match `syarat` (column -> allowed values)."""
    cocok = [
        (i, r)
        for kd in kode
        for i, r in rows.get(kd, ())
        if all(sebagai_teks(r.get(k)) in v for k, v in syarat.items())
    ]
    return max(cocok, key=lambda ir: ir[0])[1] if cocok else {}


def status_bagian(buku: Buku, kode: str | None = None, putaran: str = TAHUNAN) -> list[list[Any]]:
    """Per Bagian, the row of Kendali's table (`pyxl.kontrak.kendali.KOLOM_STATUS_BAGIAN`),
    from the ledgers' rows of round `putaran` (a quarter's realisations from `Triwulan`)."""
    ada = set(buku.nama_sheet())

    def buku_besar(sheet: str) -> list[dict[str, Any]]:
        if sheet not in ada:
            return []
        return [r for r in baca_tabel(buku, sheet) if periode_baris(r.get("Periode")) == putaran]

    terisi_tw: dict[str, set[str]] = {}
    if putaran != TAHUNAN:
        for r in buku_besar(skema.TRIWULAN):
            if sebagai_teks(r.get("Realisasi")):
                terisi_tw.setdefault(sebagai_teks(r["Kode Bagian"]), set()).add(
                    sebagai_teks(r["Kode IKU"])
                )

    terbit = _per_kode(buku_besar(skema.FORMAT_TERBIT))
    kirim = _per_kode(buku_besar(skema.PENGIRIMAN))
    terima = _per_kode(buku_besar(skema.PENERIMAAN))
    masalah = _per_kode(baca_tabel(buku, skema.VALIDASI) if skema.VALIDASI in ada else [])
    tertaut = kode_tertaut(buku)
    rows: list[list[Any]] = []
    for b in pilih_bagian(buku, kode):
        semua = {b.kode, *tertaut.get(b.kode, ())}
        if putaran == TAHUNAN:
            ind = isi_indikator(buku, b, ("Realisasi",))
            terisi = sum(1 for _, (realisasi,) in ind if sebagai_teks(realisasi))
        else:
            ind = isi_indikator(buku, b, ("Kode IKU",))
            sudah = set().union(*(terisi_tw.get(k, set()) for k in semua))
            terisi = sum(1 for _, (kode_iku,) in ind if sebagai_teks(kode_iku) in sudah)
        fmt = _terakhir(terbit, semua, Status=(BERLAKU,))
        surel = _terakhir(kirim, semua, Langkah=("3",), Status=(DRAF, TERKIRIM))
        balik = _terakhir(terima, semua, Status=DIGABUNG)
        jumlah_masalah = sum(len(masalah.get(k, ())) for k in semua)
        if balik or (ind and terisi == len(ind)):
            status = "Lengkap" if ind and terisi == len(ind) else "Diterima, sebagian kosong"
        elif terisi:
            status = "Sebagian"
        else:
            status = "Belum ada data"
        rows.append(
            [
                b.kode,
                b.nama,
                len(ind),
                terisi,
                sebagai_teks(fmt.get("ID Format")),
                f"{sebagai_teks(surel.get('Status'))} {sebagai_teks(surel.get('Waktu'))}".strip(),
                sebagai_teks(balik.get("Waktu")),
                status,
                jumlah_masalah or "",
            ]
        )
    return rows


def segarkan_status_bagian(buku: Buku, putaran: str | None = None) -> None:
    """Rewrite Kendali's per-Bagian table from the ledgers (after a change of the list, a
    return, a format) for round `putaran` (None: the `Periode` input of Kendali, as the
    buttons read it)."""
    if putaran is None:
        try:
            putaran = baca_periode(baca_isian(buku, "Periode")[0])
        except IsianError:
            putaran = TAHUNAN
    tulis_status_bagian(buku, status_bagian(buku, putaran=putaran))
