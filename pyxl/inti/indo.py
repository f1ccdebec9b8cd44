"""Indonesian formats for documents (Word/PDF): dates, numbers, money, NIP, terbilang.

Pure functions on the standard library only (a date that cannot be read is an `IsianError`
naming where it came from). In Excel keep numbers numeric and let number
formats do the work; the strings made here are for documents, where the text is final.

Rounding is half away from zero (``ROUND_HALF_UP`` of `decimal`), never banker's rounding.
A float is rounded as its shortest decimal form (``repr``), the number as typed: 1.005 (stored
in binary as 1.00499...) gives "1,01" like Excel, 0.005 gives "0,01". Integers and integral
floats are exact, so 2**53 keeps all its digits.
"""

from __future__ import annotations

import functools
import math
import re
from datetime import date, time
from decimal import ROUND_HALF_UP, Context, Decimal

from pyxl.galat import IsianError

__all__ = [
    "NAMA_BULAN",
    "NAMA_HARI",
    "angka",
    "hari_tanggal",
    "nama_bulan",
    "nip",
    "parse_tanggal",
    "persen",
    "rupiah",
    "tanggal",
    "terbilang",
    "waktu",
]

NAMA_HARI: tuple[str, ...] = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
"""Day names indexed by `date.weekday()` (Monday = 0)."""

NAMA_BULAN: tuple[str, ...] = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
"""Month names; `NAMA_BULAN[m - 1]` is month m."""


# --------------------------------------------------------------------------- dates and time


def nama_bulan(m: int) -> str:
    """Name of month `m` (1..12): ``nama_bulan(1) == "Januari"``."""
    if isinstance(m, bool) or not isinstance(m, int) or not 1 <= m <= 12:
        raise ValueError(f"Bulan harus bilangan bulat 1 sampai 12, bukan {m!r}.")
    return NAMA_BULAN[m - 1]


def tanggal(d: date) -> str:
    """``date(2026, 1, 12)`` -> ``"12 Januari 2026"`` (day without a leading zero)."""
    return f"{d.day} {NAMA_BULAN[d.month - 1]} {d.year}"


def hari_tanggal(d: date) -> str:
    """``date(2026, 1, 12)`` -> ``"Senin, 12 Januari 2026"``."""
    return f"{NAMA_HARI[d.weekday()]}, {tanggal(d)}"


def waktu(t: time, zona: str = "WIB") -> str:
    """``time(9, 0)`` -> ``"09.00 WIB"``; seconds are dropped. `zona` "" gives ``"09.00"``."""
    teks = f"{t.hour:02d}.{t.minute:02d}"
    return f"{teks} {zona}" if zona else teks


_BULAN_DARI_NAMA: dict[str, int] = {nama.lower(): i for i, nama in enumerate(NAMA_BULAN, 1)}
# Older spellings still seen in letters and spreadsheets.
_BULAN_DARI_NAMA.update({"pebruari": 2, "nopember": 11})
_HARI_KECIL = {h.lower() for h in NAMA_HARI} | {"jum'at"}

_RE_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_RE_DMY = re.compile(r"(\d{1,2})([/-])(\d{1,2})\2(\d{4})")
_RE_NAMA = re.compile(r"(\d{1,2})\s+([a-z]+)\s+(\d{4})")
_RE_HARI = re.compile(r"([a-z']+)\s*,\s*(.*)")


def parse_tanggal(s: str) -> date:
    """Read a date written as ``2026-01-12``, ``12/01/2026``, ``12-01-2026`` or
    ``12 Januari 2026`` (month name in any case; an optional leading day name such as
    ``"Senin, "`` is accepted and must match the date).

    Raises ValueError with an Indonesian message for anything else, including impossible
    dates such as 31/02/2026.
    """
    if not isinstance(s, str):
        raise ValueError(f"Tanggal harus berupa teks, bukan {type(s).__name__}.")
    teks = " ".join(s.split()).lower()
    hari: str | None = None
    m_hari = _RE_HARI.fullmatch(teks)
    if m_hari and m_hari.group(1) in _HARI_KECIL:
        hari, teks = m_hari.group(1), m_hari.group(2)

    tahun: int
    bulan: int
    hari_ke: int
    if m := _RE_ISO.fullmatch(teks):
        tahun, bulan, hari_ke = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _RE_DMY.fullmatch(teks):
        hari_ke, bulan, tahun = int(m.group(1)), int(m.group(3)), int(m.group(4))
    elif (m := _RE_NAMA.fullmatch(teks)) and m.group(2) in _BULAN_DARI_NAMA:
        hari_ke, bulan, tahun = int(m.group(1)), _BULAN_DARI_NAMA[m.group(2)], int(m.group(3))
    else:
        raise ValueError(
            f"Tanggal {s!r} tidak dikenali; tulis seperti 2026-01-12, 12/01/2026, "
            "12-01-2026 atau 12 Januari 2026."
        )
    try:
        hasil = date(tahun, bulan, hari_ke)
    except ValueError:
        raise ValueError(f"Tanggal {s!r} tidak ada di kalender.") from None
    if hari is not None and hari.replace("'", "") != NAMA_HARI[hasil.weekday()].lower():
        raise ValueError(
            f"Tanggal {s!r}: {tanggal(hasil)} jatuh pada hari {NAMA_HARI[hasil.weekday()]}."
        )
    return hasil


# --------------------------------------------------------------------------- numbers


def _desimal(x: float | int | Decimal | None) -> Decimal | None:
    """`x` as a Decimal (see the module's note on precision); None for None and NaN."""
    if x is None:
        return None
    if isinstance(x, bool):
        raise TypeError("Nilai benar/salah (bool) bukan angka.")
    if isinstance(x, int):
        return Decimal(x)
    if isinstance(x, Decimal):
        if x.is_nan():
            return None
        if x.is_infinite():
            raise ValueError("Angka tak hingga tidak dapat ditulis.")
        return x
    if isinstance(x, float):
        if math.isnan(x):
            return None
        if math.isinf(x):
            raise ValueError("Angka tak hingga tidak dapat ditulis.")
        if x.is_integer():
            return Decimal(int(x))
        return Decimal(repr(x))
    raise TypeError(f"Bukan angka: {x!r}.")


def _kelompokkan(digit: str) -> str:
    """``"1234567"`` -> ``"1.234.567"``."""
    kepala = len(digit) % 3 or 3
    bagian = [digit[:kepala]] + [digit[i : i + 3] for i in range(kepala, len(digit), 3)]
    return ".".join(bagian)


@functools.cache
def _konteks(presisi: int) -> Context:
    """The rounding context of `presisi` digits (made once: a document formats thousands of
    numbers; the flags a rounding sets change nothing, no trap is on for them)."""
    return Context(prec=presisi, rounding=ROUND_HALF_UP)


@functools.cache
def _kuantum(desimal: int) -> Decimal:
    return Decimal(1).scaleb(-desimal)


def _format(nilai: Decimal, desimal: int) -> str:
    if isinstance(desimal, bool) or not isinstance(desimal, int) or desimal < 0:
        raise ValueError(f"Jumlah desimal harus bilangan bulat >= 0, bukan {desimal!r}.")
    # Enough precision for any magnitude: the default context (28 digits) would refuse 1e30.
    konteks = _konteks(max(28, nilai.adjusted() + desimal + 2))
    bulat = nilai.quantize(_kuantum(desimal), context=konteks)
    tanda = "-" if bulat < 0 else ""  # -0,00 is written 0,00
    teks = f"{bulat.copy_abs():f}"  # abs() would round to the default 28 digits
    utuh, _, pecahan = teks.partition(".")
    hasil = _kelompokkan(utuh) if len(utuh) > 3 else utuh
    if desimal:
        hasil += "," + pecahan
    return tanda + hasil


def angka(x: float | int | None, desimal: int = 2) -> str:
    """``1234567.891`` -> ``"1.234.567,89"``; ``-1234.5`` -> ``"-1.234,50"``;
    ``angka(1234567.891, 0)`` -> ``"1.234.568"``. None (and NaN, an empty pandas cell) -> ``""``.
    """
    nilai = _desimal(x)
    if nilai is None:
        return ""
    return _format(nilai, desimal)


def persen(x: float | None, desimal: int = 2) -> str:
    """`x` is already a percentage: ``87.5`` -> ``"87,50%"``; None/NaN -> ``"-"``."""
    nilai = _desimal(x)
    if nilai is None:
        return "-"
    return _format(nilai, desimal) + "%"


def rupiah(x: float | None, desimal: int = 2) -> str:
    """``1500000`` -> ``"Rp1.500.000,00"``; negative ``"-Rp1.500,00"``; None/NaN -> ``"-"``."""
    nilai = _desimal(x)
    if nilai is None:
        return "-"
    teks = _format(nilai, desimal)
    if teks.startswith("-"):
        return "-Rp" + teks[1:]
    return "Rp" + teks


# --------------------------------------------------------------------------- NIP


_RE_AWALAN_NIP = re.compile(r"^\s*nip\s*[.:]?\s*", re.IGNORECASE)
_RE_PEMISAH_NIP = re.compile(r"[\s.\-]+")
_RE_18_DIGIT = re.compile(r"[0-9]{18}")


def nip(s: str) -> str:
    """Write an 18-digit NIP in 8-6-1-3 groups: ``"197107261999021001"`` ->
    ``"19710726 199902 1 001"``.

    Accepts the NIP already grouped, with dots or hyphens, or after a ``"NIP"`` / ``"NIP."`` /
    ``"NIP:"`` label. The result carries no label: templates write ``NIP {{ ... }}``.
    Anything that is not 18 digits raises ValueError with an Indonesian message.
    """
    if not isinstance(s, str):
        raise ValueError(f"NIP harus berupa teks 18 angka, bukan {type(s).__name__}.")
    digit = _RE_PEMISAH_NIP.sub("", _RE_AWALAN_NIP.sub("", s))
    if not _RE_18_DIGIT.fullmatch(digit):
        raise ValueError(f"NIP {s!r} tidak sah: NIP harus terdiri dari 18 angka.")
    return f"{digit[:8]} {digit[8:14]} {digit[14]} {digit[15:]}"


# --------------------------------------------------------------------------- terbilang

_SATUAN = (
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
)
_SKALA = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu"))
TERBILANG_MAKS = 10**15 - 1
"""Largest magnitude `terbilang` writes (999 triliun ...)."""


def _ratusan(n: int) -> list[str]:
    """Words for 1..999."""
    kata: list[str] = []
    ratus, sisa = divmod(n, 100)
    if ratus == 1:
        kata.append("seratus")
    elif ratus:
        kata += [_SATUAN[ratus], "ratus"]
    if sisa == 0:
        return kata
    if sisa < 12:
        kata.append(_SATUAN[sisa])
    elif sisa < 20:
        kata += [_SATUAN[sisa - 10], "belas"]
    else:
        puluh, satu = divmod(sisa, 10)
        kata += [_SATUAN[puluh], "puluh"]
        if satu:
            kata.append(_SATUAN[satu])
    return kata


def terbilang(n: int) -> str:
    """Integer in Indonesian words: 0 ``"nol"``, 11 ``"sebelas"``, 100 ``"seratus"``,
    1000 ``"seribu"``, 1_500_000 ``"satu juta lima ratus ribu"``; negative ``"minus ..."``.

    Works up to 999 triliun (|n| <= `TERBILANG_MAKS`); larger numbers raise ValueError.
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise ValueError(f"Terbilang hanya untuk bilangan bulat, bukan {n!r}.")
    if abs(n) > TERBILANG_MAKS:
        raise ValueError("Bilangan terlalu besar untuk terbilang (batas 999 triliun lebih).")
    if n == 0:
        return "nol"
    if n < 0:
        return "minus " + terbilang(-n)
    kata: list[str] = []
    sisa = n
    for nilai, nama in _SKALA:
        kelompok, sisa = divmod(sisa, nilai)
        if kelompok == 0:
            continue
        if kelompok == 1 and nama == "ribu":
            kata.append("seribu")
        else:
            kata += [*_ratusan(kelompok), nama]
    if sisa:
        kata += _ratusan(sisa)
    return " ".join(kata)


def baca_tanggal(teks: str, asal: str) -> date:
    """A date typed as text, or an Excel date cell read as '2027-01-18 00:00:00'."""
    teks = teks.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2} 00:00:00", teks):
        teks = teks[:10]
    try:
        return parse_tanggal(teks)
    except ValueError as exc:
        raise IsianError(f"{asal}: {exc}") from exc
