"""Numbers as people type them: the one reader of intake (step 6) and analysis (step 7).

`baca(v)` reads a cell into a `Bacaan`: the number, or why there is none, and — when the number
is a guess — the reading taken, for a `Peringatan` that names the cell. It never raises.

- Separators: "." groups thousands and "," is the decimal mark ("1.234.567,89", "87,5"), and
  the English way round is read too ("1,234,567.89", "87.5"). Two kinds of separator, or one
  kind twice, say which is which. One separator followed by exactly three digits ("1.234",
  "808,430", "150,000", as e-SAKIP web pages print thousands) can be either: the reading
  closest to `acuan` (the target, the pagu) is taken, the Indonesian one without an acuan,
  and it is always a guess.
- Around the number: spaces (also inside it, "1 234"), a sign (also the Unicode minus "−"),
  a currency prefix ("Rp", "Rp.", "IDR") and the ",-" that closes an amount
  ("Rp. 22.275.313.470,-"), a trailing "%" or "persen", an exponent ("1e5").
- A word after the number: "juta", "miliar" and their short forms multiply it
  ("2,5 M" is 2.500.000.000); any other word is a unit and is dropped ("1.000 orang",
  "30 LPK"). Both are guesses.
- No data: an empty cell; "-", "n/a", "NA", "tidak ada data" and the like (`TANPA_DATA`).
- No safe reading (`BUKAN`, with what to type): a range ("72,28 – 73,77": two columns,
  Target and Target Atas), a bound ("kurang dari 49", "<49"), a date (Excel turns "7-8"
  into 7 August), any other text, booleans and infinities.
- A cell shown as a percentage (`sel_persen`: "92,86%" stored as 0.9286 with a percent
  format) counts as the number shown, 92.86, with a note. A fraction in a percent indicator
  (`satuan_persen`, 0.93 against a target of 90) is kept as typed, with a note.

Examples of each notation from published LKjIP and e-SAKIP tables are in
`tests/inti/test_angka.py`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

ANGKA, TEBAKAN, TANPA_DATA, KOSONG, BUKAN = "angka", "tebakan", "tanpa data", "kosong", "bukan"
"""`Bacaan.jenis`: a number; a number that is a guess; no data said in words; an empty cell;
no number (not merged)."""


@dataclass(frozen=True, slots=True)
class Bacaan:
    """One cell read: `nilai` is the number (None for no number), `catatan` says for a
    guess which reading was taken and for `BUKAN`/`TANPA_DATA` what to type."""

    nilai: float | None
    jenis: str
    catatan: str = ""

    @property
    def angka(self) -> bool:
        return self.nilai is not None


_KOSONG = Bacaan(None, KOSONG)
_KOSONG_PANDAS = frozenset({"NAType", "NaTType"})
_SPASI = str.maketrans({c: " " for c in "\u00a0\u2007\u202f\u2009\u200a\t\r\n"})
_MINUS = str.maketrans({c: "-" for c in "\u2212\u2012\u2013\u2014\ufe63\uff0d"})
_TANPA_DATA = frozenset(
    {
        *("-", "--", "n/a", "na", "n.a", "n.a.", "#n/a", "tidak ada data", "tad"),
        *("belum ada data", "belum ada", "data belum ada", "belum tersedia", "tidak tersedia"),
        *("data belum tersedia", "data tidak tersedia", "belum ada realisasi", "blm ada data"),
        *("tidak tersedia data", "na."),
    }
)
_PENGALI = {
    **dict.fromkeys(("ribu", "rb"), 1e3),
    **dict.fromkeys(("juta", "jt"), 1e6),
    **dict.fromkeys(("miliar", "milyar", "M"), 1e9),
    **dict.fromkeys(("triliun", "T"), 1e12),
}
"""Words that multiply the number before them; "M" and "T" only in capitals (a lower-case
"m" is a metre)."""
_BILANGAN = r"[+-]?\s?(?:\d[\d.,]*(?:\s\d{3}(?![\d]))*(?:[eE][+-]?\d+)?|[.,]\d+)"
_RP = re.compile(r"(?:rp|idr)\s*\.?\s*", re.I)
_UTUH = re.compile(rf"({_BILANGAN})\s*(?:,-|\.-|,--)?\s*(%|persen)?(?:\s*(.*?))?", re.I | re.S)
_RENTANG = re.compile(
    rf"(?:{_RP.pattern})?({_BILANGAN})\s*%?\s*(?:-|s\.?\s?d\.?|s/d|sampai(?: dengan)?|hingga|sd)"
    rf"\s*(?:{_RP.pattern})?({_BILANGAN})\s*(?:%|persen)?(?:\s*[^\d\s].*)?",
    re.I | re.S,
)
_BATAS = re.compile(
    r"(<=?|>=?|≤|≥|±|kurang dari|lebih dari|lebih kecil dari|lebih besar dari|di ?bawah|"
    r"di ?atas|maks(?:imal|imum)?\.?|min(?:imal|imum)?\.?|paling (?:sedikit|banyak|tinggi|"
    r"rendah)|sekurang-kurangnya|setidaknya|sebanyak-banyaknya|kurang lebih|sekitar|"
    r"hampir|lebih dari sama dengan)\s*(.*)",
    re.I | re.S,
)
_AWALAN = re.compile(
    r"(level|tingkat|peringkat|ranking|rangking|nilai|skor|indeks|ke-?)\s*([+-]?\d[\d.,]*)",
    re.I,
)
"""A word that may stand before the number ("Level 3", as the Itjen PUPR LKj 2020 writes
its IACM target): dropped, with a note."""
_CONTOH = "misalnya 87,5 atau 1.234.500 (koma untuk desimal, titik untuk ribuan)"


def baca(
    v: Any,
    *,
    acuan: float | None = None,
    sel_persen: bool = False,
    satuan_persen: bool = False,
) -> Bacaan:
    """A cell as a number (module docstring). `acuan` decides an ambiguous separator;
    `sel_persen` says the cell has a percent number format, `satuan_persen` that the
    indicator's unit is a percentage."""
    if v is None or type(v).__name__ in _KOSONG_PANDAS:
        return _KOSONG
    if type(v).__name__ in ("bool", "bool_"):  # Python and numpy booleans
        return Bacaan(None, BUKAN, f"isian Benar/Salah (TRUE/FALSE) bukan angka: tulis {_CONTOH}")
    if isinstance(v, datetime | date | time):
        return Bacaan(None, BUKAN, _tanggal(v))
    if isinstance(v, int):
        return _bilangan(float(v)) if abs(v) < 2**1023 else _tak_hingga()
    if isinstance(v, float) or (hasattr(v, "dtype") and hasattr(v, "__float__")):
        x = float(v)
        if math.isnan(x):
            return _KOSONG
        if not math.isfinite(x):
            return _tak_hingga()
        if sel_persen and not math.isfinite(x * 100):
            return _tak_hingga()
        if sel_persen:
            return Bacaan(
                x * 100,
                TEBAKAN,
                f"sel berformat persen: tampil {_tampil(x * 100)}% dan dibaca {_tampil(x * 100)}"
                f" (tersimpan {_tampil(x)})",
            )
        return _pecahan(x, acuan) if satuan_persen else _bilangan(x)
    if not isinstance(v, str):
        return Bacaan(None, BUKAN, f"isian ini bukan angka: tulis {_CONTOH}")
    b = _teks(v, acuan)
    if satuan_persen and b.jenis == ANGKA and b.nilai is not None:
        return _pecahan(b.nilai, acuan)
    return b


def _bilangan(x: float) -> Bacaan:
    return Bacaan(x, ANGKA)


def _tak_hingga() -> Bacaan:
    return Bacaan(None, BUKAN, f"angka terlalu besar: tulis {_CONTOH}")


def _pecahan(x: float, acuan: float | None) -> Bacaan:
    """A percent indicator's value typed as a fraction (0.93 for 93 %) is kept, with a note."""
    if 0 < abs(x) <= 1 and acuan is not None and math.isfinite(acuan) and acuan >= 10:
        return Bacaan(
            x,
            TEBAKAN,
            f"satuan persen tetapi nilainya {_tampil(x)}, jauh di bawah target "
            f"{_tampil(acuan)}: dibaca {_tampil(x)}%. Bila maksudnya {_tampil(x * 100)}%, "
            f"ketik {_tampil(x * 100)}",
        )
    return Bacaan(x, ANGKA)


def _tanggal(v: date | time) -> str:
    if isinstance(v, date):
        return (
            f"sel berisi tanggal ({v.day}/{v.month}); Excel mengubah isian seperti '7-8' "
            "menjadi tanggal. Rentang ditulis di dua kolom (Target dan Target Atas); angka "
            f"ditulis sebagai angka, {_CONTOH}"
        )
    return f"sel berisi jam, bukan angka: tulis {_CONTOH}"


def _teks(v: str, acuan: float | None) -> Bacaan:
    asli = " ".join(v.translate(_SPASI).split())
    if not asli:
        return _KOSONG
    t = asli.translate(_MINUS)
    kecil = t.casefold()
    if kecil in _TANPA_DATA:
        return Bacaan(None, TANPA_DATA, f"'{asli}' dicatat sebagai belum ada data")
    if kecil == "nihil":
        return Bacaan(0.0, TEBAKAN, "'Nihil' dibaca 0")
    uang = _RP.match(t)
    inti = t[uang.end() :] if uang else t
    uang_ = uang is not None or re.search(r"\d\s*[,.]-+$", inti) is not None
    inti = re.sub(r"(?<=\d)\s*[,.]?-+$", "", inti)  # the ",-" that closes an amount
    catatan_awal = ""
    if (bintang := re.fullmatch(r"(.*?\d)\s*\*+", inti)) is not None:  # a footnote mark
        inti, catatan_awal = bintang[1], "tanda * (catatan kaki) diabaikan"
    if (awalan := _AWALAN.fullmatch(inti)) is not None:  # "Level 3"
        inti, catatan_awal = awalan[2], f"kata '{awalan[1]}' diabaikan"
    m = _UTUH.fullmatch(inti)
    if m is not None:
        angka_, persen, kata = m[1], m[2], (m[3] or "").strip()
        if not persen and kata[:1] == "%":
            persen, kata = "%", kata[1:].strip()
        b = _bilangan_teks(angka_, acuan, uang=uang_)
        if b is not None and catatan_awal and b.nilai is not None and not kata:
            catatan = f"'{asli}' dibaca {_tampil(b.nilai)}; {catatan_awal}"
            return Bacaan(b.nilai, TEBAKAN, f"{catatan}. {b.catatan}" if b.catatan else catatan)
        if b is not None and not kata:
            return b
        if b is not None and not re.search(r"\d", kata) and not _BATAS.match(kata):
            return _berkata(asli, b, kata)
    if (r := _RENTANG.fullmatch(t)) is not None:
        ujung = [_bilangan_teks(r[i], None) for i in (1, 2)]
        nilai = [b.nilai for b in ujung if b is not None and b.nilai is not None]
        if len(nilai) == 2:
            return Bacaan(
                None,
                BUKAN,
                f"'{asli}' adalah rentang. Rentang target ditulis di dua kolom: batas bawah "
                f"{_tampil(min(nilai))} di Target dan batas atas {_tampil(max(nilai))} "
                "di Target Atas; Realisasi diisi satu angka",
            )
    if (batas := _BATAS.fullmatch(t)) is not None and re.search(r"\d", batas[2]):
        return Bacaan(
            None,
            BUKAN,
            f"'{asli}' bukan angka pasti: tulis angkanya saja (misalnya "
            f"{_angka_pertama(batas[2])}). Arah 'lebih kecil/lebih besar lebih baik' dinyatakan "
            "oleh kolom Polaritas (Negatif/Positif)",
        )
    return Bacaan(None, BUKAN, f"'{asli}' bukan angka: tulis angka saja, {_CONTOH}")


def _berkata(asli: str, b: Bacaan, kata: str) -> Bacaan:
    """A number followed by a word: a multiplier ("juta") or a unit ("orang")."""
    assert b.nilai is not None
    x = b.nilai
    pertama, _, sisa = kata.partition(" ")
    kunci = pertama.rstrip(".")
    kunci = kunci if kunci in ("M", "T") else kunci.casefold()
    if kunci in _PENGALI:  # "2,5 juta", "2,5 juta buku"
        x, kata = x * _PENGALI[kunci], sisa.strip()
        if not math.isfinite(x):
            return _tak_hingga()
        if not kata:
            return Bacaan(x, TEBAKAN, f"'{asli}' dibaca {_tampil(x)}")
    if not re.search(r"[^\W\d_]", kata):
        return Bacaan(None, BUKAN, f"'{asli}' bukan angka: tulis angka saja, {_CONTOH}")
    catatan = f"'{asli}' dibaca {_tampil(x)}; kata '{kata}' dianggap satuan dan diabaikan"
    return Bacaan(x, TEBAKAN, f"{catatan}. {b.catatan}" if b.catatan else catatan)


def _bilangan_teks(t: str, acuan: float | None, uang: bool = False) -> Bacaan | None:
    """A number written with separators; None when it is not one. The note of an ambiguous
    separator names both readings; an amount of money (`uang`: "Rp" before or ",-" after)
    has no three decimals, so there the separator groups thousands."""
    t = t.replace(" ", "")
    tanda = -1.0 if t[:1] == "-" else 1.0
    t = t.lstrip("+-")
    if not t:
        return None
    m = re.fullmatch(r"(\d+(?:\.\d+)?)[eE]([+-]?\d+)", t)
    if m is not None:
        return _hingga(tanda * float(f"{m[1]}e{m[2]}"))
    if not re.fullmatch(r"\d*(?:[.,]\d*)*", t) or not re.search(r"\d", t):
        return None
    titik, koma = t.count("."), t.count(",")
    if titik and koma:  # both: the last one is the decimal mark
        desimal = "." if t.rfind(".") > t.rfind(",") else ","
        ribuan = "," if desimal == "." else "."
        utuh, _, pecahan = t.rpartition(desimal)
        if desimal in utuh or not _kelompok(utuh, ribuan) or not pecahan.isdigit():
            return None
        return _hingga(tanda * float(utuh.replace(ribuan, "") + "." + pecahan))
    pemisah = "." if titik else "," if koma else ""
    if not pemisah:
        return _hingga(tanda * float(t))
    jumlah = titik or koma
    if jumlah > 1:  # one kind more than once: it groups thousands
        return _hingga(tanda * float(t.replace(pemisah, ""))) if _kelompok(t, pemisah) else None
    utuh, _, pecahan = t.partition(pemisah)
    if not pecahan:  # "5." / "5,"
        return _hingga(tanda * float(utuh)) if utuh else None
    desimal_ = tanda * float(f"{utuh or '0'}.{pecahan}")
    if len(pecahan) != 3 or not utuh or utuh[0] == "0" or len(utuh) > 3:
        return _hingga(desimal_)
    ribuan_ = tanda * float(utuh + pecahan)
    if uang:
        return _hingga(ribuan_)
    return _ragu(t, pemisah, desimal_, ribuan_, acuan)


def _ragu(t: str, pemisah: str, desimal: float, ribuan: float, acuan: float | None) -> Bacaan:
    """One separator and three digits: thousands or decimals? The reading nearer `acuan`,
    else the Indonesian one ("." thousands, "," decimals)."""
    indonesia = ribuan if pemisah == "." else desimal
    pilih, alasan = indonesia, "cara tulis Indonesia"
    if acuan is not None and math.isfinite(acuan) and acuan > 0:
        jarak = [abs(math.log10(abs(x) / acuan)) if x else math.inf for x in (ribuan, desimal)]
        if jarak[0] != jarak[1]:
            pilih = ribuan if jarak[0] < jarak[1] else desimal
            alasan = f"paling dekat dengan acuan {_tampil(acuan)}"
    lain = desimal if pilih == ribuan else ribuan
    arti = "pemisah ribuan" if pilih == ribuan else "tanda desimal"
    return Bacaan(
        pilih,
        TEBAKAN,
        f"'{t}' dibaca {_tampil(pilih)} ('{pemisah}' sebagai {arti}, {alasan}), bukan "
        f"{_tampil(lain)}. Bila salah, tulis {_tampil(lain)}",
    )


def _kelompok(t: str, pemisah: str) -> bool:
    """Thousands groups: 1–3 digits (not starting with 0 unless alone), then groups of 3."""
    bagian = t.split(pemisah)
    awal = bagian[0]
    return (
        1 <= len(awal) <= 3
        and awal.isdigit()
        and (awal[0] != "0" or len(awal) == 1)
        and all(len(b) == 3 and b.isdigit() for b in bagian[1:])
    )


def _hingga(x: float) -> Bacaan | None:
    return Bacaan(x, ANGKA) if math.isfinite(x) else None


def _angka_pertama(t: str) -> str:
    m = re.search(r"\d[\d.,]*", t)
    return m[0].rstrip(".,") if m else "49"


def _tampil(x: float) -> str:
    """A number in Indonesian notation with the decimals it needs (at most 6)."""
    from pyxl.inti import indo

    teks = indo.angka(x, 6)
    return teks.rstrip("0").rstrip(",") if "," in teks else teks


def baca_angka(v: Any) -> float | None:
    """A cell as a number: the float, None when empty or no data, NaN when it is not one."""
    b = baca(v)
    if b.nilai is not None:
        return b.nilai
    return math.nan if b.jenis == BUKAN else None


def angka(v: Any) -> float | None:
    """`baca_angka` for a caller that treats empty and not-a-number alike: None for both."""
    return baca(v).nilai


def acuan(*nilai: Any) -> float | None:
    """The reference that decides an ambiguous separator: the first positive number among
    `nilai` (Target, then Target Atas; or the Pagu)."""
    for v in nilai:
        x = baca(v).nilai
        if x is not None and x > 0:
            return x
    return None


def satuan_persen(satuan: Any) -> bool:
    """Is this `Satuan` a percentage ("%", "persen", "Persen (%)")?"""
    s = str(satuan or "").casefold()
    return "%" in s or "persen" in s or s.strip() in ("pct", "prosen")
