"""Collection rounds through the year, and how quarters make the year (names users type).

A round has a period: one of the four quarters of the Perjanjian Kinerja's year (triwulan) or
`Tahunan`, the SOP's yearly round (the default). An indicator says how its quarters make the
year (`Cara Tahunan`):

- `Jumlah`: each quarter reports its own amount; the year is their sum (people served,
  documents issued);
- `Kumulatif`: each quarter reports the year to date; the year is the last one (budget
  absorbed so far, percentage of a yearly programme done);
- `Rata-rata`: each quarter reports a level; the year is their mean (a satisfaction index
  measured every quarter);
- `Terakhir`: the year is the latest level reported (a grade, a ratio at year end).

This vocabulary is what staff type in cells and on the command line; it is never renamed.
"""

from __future__ import annotations

import re

from pyxl.galat import IsianError

TW = ("TW I", "TW II", "TW III", "TW IV")
TAHUNAN = "Tahunan"
PERIODE = (*TW, TAHUNAN)
"""Every period a round may have, in the order of the year."""

JUMLAH = "Jumlah"
KUMULATIF = "Kumulatif"
RATA_RATA = "Rata-rata"
TERAKHIR = "Terakhir"
CARA_TAHUNAN = (JUMLAH, KUMULATIF, RATA_RATA, TERAKHIR)
"""How an indicator's quarters make its year."""
CARA_BAWAAN = TERAKHIR
"""When an indicator does not say: the latest level reported stands for the year (it never
adds quarters that should not be added)."""

_ROMAWI = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_RE_TW = re.compile(
    r"(?:tw|triwulan|trw|q|kuartal)\s*[-.]?\s*(?:(?P<angka>[1-4])|(?P<romawi>iv|i{1,3}))",
    re.IGNORECASE,
)


def baca_periode(teks: object, asal: str = "periode") -> str:
    """A period as typed ("TW II", "tw2", "Triwulan III", "Q4", "tahunan", empty for the
    yearly round) in its canonical form; `IsianError` naming `asal` otherwise."""
    t = " ".join(str(teks if teks is not None else "").split())
    if not t or t.lower() in ("tahunan", "tahun", "setahun"):
        return TAHUNAN
    if m := _RE_TW.fullmatch(t):
        n = int(m["angka"]) if m["angka"] else _ROMAWI[m["romawi"].lower()]
        return TW[n - 1]
    raise IsianError(
        f"{asal} {t!r} tidak dikenal. Isi salah satu: {', '.join(PERIODE)} (boleh juga "
        "'TW2', 'Triwulan II'; kosong berarti Tahunan)."
    )


def nomor_tw(periode: str) -> int | None:
    """1–4 for a quarter, None for `Tahunan`."""
    return TW.index(periode) + 1 if periode in TW else None


def baca_cara(teks: object, asal: str = "Cara Tahunan") -> str | None:
    """`Cara Tahunan` as typed (any case; "rata rata", "akumulasi", "akhir periode"); None
    when empty (the caller then uses `CARA_BAWAAN` and says so)."""
    t = " ".join(str(teks if teks is not None else "").split()).lower().replace(" ", "-")
    if not t:
        return None
    sinonim = {
        "jumlah": JUMLAH,
        "dijumlah": JUMLAH,
        "total": JUMLAH,
        "kumulatif": KUMULATIF,
        "akumulasi": KUMULATIF,
        "rata-rata": RATA_RATA,
        "rerata": RATA_RATA,
        "rata2": RATA_RATA,
        "terakhir": TERAKHIR,
        "akhir": TERAKHIR,
        "akhir-periode": TERAKHIR,
        "posisi-akhir": TERAKHIR,
    }
    if t in sinonim:
        return sinonim[t]
    raise IsianError(
        f"{asal} {str(teks)!r} tidak dikenal. Isi salah satu: {', '.join(CARA_TAHUNAN)}."
    )


BULAN_TW = ("Januari–Maret", "April–Juni", "Juli–September", "Oktober–Desember")


def uraian(periode: str, tahun: int | str) -> str:
    """How a round is named in a title or a message: "Triwulan II (April–Juni) 2026", or
    "tahun 2026"."""
    n = nomor_tw(periode)
    if n is None:
        return f"tahun {tahun}"
    return f"Triwulan {_ROMAWI_TEKS[n - 1]} ({BULAN_TW[n - 1]}) {tahun}"


_ROMAWI_TEKS = ("I", "II", "III", "IV")


def akhiran(periode: str) -> str:
    """What a quarterly round adds to a file or folder name ("TW2"); "" for `Tahunan`, whose
    names stay as the contract fixes them."""
    n = nomor_tw(periode)
    return "" if n is None else f"TW{n}"


def periode_baris(v: object) -> str:
    """A ledger row's `Periode`: rows of earlier releases (empty) belong to `Tahunan`."""
    try:
        return baca_periode(v)
    except IsianError:
        return str(v).strip()
