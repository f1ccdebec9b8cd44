"""The first look at a received file: is it an .xlsx we may open at all?

Type, encryption, size and zip-bomb checks, each refusal a `Blokir` finding. The rules of a
returned format as a whole are `pyxl.inti.kembalian`; this module looks only at bytes.

A received file is hostile until proven otherwise: `pindai_berkas` runs before any reader
parses it, and refuses what would make the native reader (calamine) allocate without bound —
a sheet whose farthest cell is XFD1048576 asks for a grid of 17 billion cells, a shared-string
table announcing four billion entries reserves 100 GB — as well as archives that readers
disagree about (duplicate member names, names escaping the archive). It reads only the small
parts that say where the sheets are, and the sheets' XML (the same bytes the formula check
needs), with patterns that run in linear time and never expand entities.

"""

from __future__ import annotations

import functools
import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import ParamSpec, TypeVar, cast

from pyxl.inti.sel import kutip, nama_sel
from pyxl.inti.temuan import Temuan, blokir

P = ParamSpec("P")
T = TypeVar("T")

BATAS_UKURAN = 20 * 1024 * 1024
"""A returned format is tens of kilobytes; 20 MB is generous and keeps memory bounded."""
BATAS_UKURAN_ISI = 100 * 1024 * 1024
"""Uncompressed size of all zip members together."""
BATAS_RASIO = 200
"""Compression ratio above which a large member is treated as a zip bomb."""

BATAS_SEL = 1_000_000
"""Cells from A1 to a sheet's farthest filled cell: readers build that whole grid in memory."""
BATAS_TAG = 300_000
"""Tags of a sheet not written in the usual form (every cell `<c r="A1" ...>`) that are scanned
one by one; a format has a few hundred."""
BATAS_TEKS_BERSAMA = 100_000
"""Entries a shared-string table may announce without its entries being counted."""


SIMPAN_XLSX = (
    "Buka berkas di Excel (atau LibreOffice), pilih Simpan Sebagai > 'Excel Workbook (.xlsx)', "
    "lalu kirim ulang."
)


@dataclass(frozen=True)
class Lembar:
    """A sheet's size and formula cells, read from its XML without building it."""

    tinggi: int
    """Rows from row 1 to the farthest filled cell."""
    lebar: int
    """Columns from A to the farthest filled cell."""
    terjauh: str = ""
    """Name of the farthest cell (row of the lowest, column of the rightmost), for messages."""
    rumus: frozenset[str] = frozenset()
    """Cells holding a formula (their cached value is what readers give)."""
    tag: int = 0
    """Cell tags seen (a sheet with more than BATAS_SEL of them is refused unread)."""
    persen: frozenset[str] = frozenset()
    """Cells with a percent number format: "92,86%" typed there is stored as 0.9286."""

    @property
    def luas(self) -> int:
        return self.tinggi * self.lebar


PROPERTI = "docProps/custom.xml"


@dataclass
class Pindaian:
    """Outcome of `pindai_berkas`: findings, and the sheets by name when the file is a zip."""

    temuan: list[Temuan]
    lembar: dict[str, Lembar] = field(default_factory=dict)
    """Sheets by name (the first sheet of a name, as readers take it)."""
    properti: bytes | None = None
    """`docProps/custom.xml` as stored (None: not there), read while the zip is open: the
    stamp check needs it (`pyxl.inti.stempel.verifikasi`)."""


def periksa_berkas(nama: str, data: bytes) -> list[Temuan]:
    """Is this an .xlsx we may open at all? Type, encryption, size and zip-bomb checks, and the
    guards for the native reader (see the module docstring)."""
    return pindai_berkas(nama, data).temuan


def _rusak(nama: str, sebab: str = "") -> Temuan:
    return blokir(
        "RUSAK",
        f"Berkas {nama} rusak atau tidak lengkap (tidak dapat dibuka sebagai .xlsx"
        f"{'; ' + sebab if sebab else ''}). Minta Bagian menyimpan ulang dan mengirim kembali.",
    )


def pindai_berkas(nama: str, data: bytes) -> Pindaian:
    """`periksa_berkas`, plus what the sheets' XML says (size, formula cells)."""
    if not data:
        return Pindaian(
            [blokir("KOSONG", f"Berkas {nama} kosong (0 byte). Minta Bagian mengirim ulang.")]
        )
    if len(data) > BATAS_UKURAN:
        mb = len(data) / 1024 / 1024
        return Pindaian(
            [
                blokir(
                    "TERLALU_BESAR",
                    f"Berkas {nama} berukuran {mb:.1f} MB, jauh di atas ukuran format (batas "
                    f"{BATAS_UKURAN // 1024 // 1024} MB). Pastikan yang dikirim adalah format "
                    "dari Bagian Perencanaan dan Keuangan.",
                )
            ]
        )
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o" in data:
            return Pindaian(
                [
                    blokir(
                        "TERENKRIPSI",
                        f"Berkas {nama} dilindungi kata sandi (terenkripsi). Buka di Excel, hapus "
                        "kata sandi (File > Info > Protect Workbook), simpan, lalu kirim ulang.",
                    )
                ]
            )
        return Pindaian(
            [
                blokir(
                    "BUKAN_XLSX",
                    f"Berkas {nama} berformat Excel 97-2003 (.xls) atau format lama lain, bukan "
                    f".xlsx. {SIMPAN_XLSX}",
                )
            ]
        )
    if not data.startswith(b"PK"):
        jenis = "CSV/teks" if nama.lower().endswith((".csv", ".txt")) else "bukan lembar kerja"
        return Pindaian(
            [blokir("BUKAN_XLSX", f"Berkas {nama} ({jenis}) bukan format .xlsx. {SIMPAN_XLSX}")]
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return _pindai_zip(nama, z)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return Pindaian([_rusak(nama)])
    except (NotImplementedError, RuntimeError, zlib.error, UnicodeError):
        # an unknown compression method, an encrypted member, a corrupt deflate stream
        return Pindaian([_rusak(nama)])


def _pindai_zip(nama: str, z: zipfile.ZipFile) -> Pindaian:
    anggota = z.infolist()
    nama_anggota = {i.filename for i in anggota}
    # Readers look members up ignoring case (calamine) or not (Python): a name twice is a file
    # two readers see differently.
    per_nama: dict[str, zipfile.ZipInfo] = {}
    for i in anggota:
        kunci = i.filename.replace("\\", "/").lower()
        if kunci in per_nama:
            return Pindaian([_rusak(nama, f"bagian '{kutip(i.filename)}' ada dua kali")])
        per_nama[kunci] = i
    mimetype = z.read("mimetype")[:80] if "mimetype" in nama_anggota else b""
    if b"opendocument" in mimetype:
        return Pindaian(
            [
                blokir(
                    "BUKAN_XLSX",
                    f"Berkas {nama} berformat OpenDocument (.ods), bukan .xlsx. {SIMPAN_XLSX}",
                )
            ]
        )
    if "xl/workbook.bin" in per_nama:
        return Pindaian(
            [blokir("BUKAN_XLSX", f"Berkas {nama} berformat Excel biner (.xlsb). {SIMPAN_XLSX}")]
        )
    if "xl/workbook.xml" not in per_nama:
        return Pindaian(
            [blokir("BUKAN_XLSX", f"Berkas {nama} bukan buku kerja Excel (.xlsx). {SIMPAN_XLSX}")]
        )
    if "xl/vbaproject.bin" in per_nama:
        return Pindaian(
            [
                blokir(
                    "BERMAKRO",
                    f"Berkas {nama} berisi makro (.xlsm). Format dikirim tanpa makro; "
                    f"{SIMPAN_XLSX}",
                )
            ]
        )
    total = sum(i.file_size for i in anggota)
    bom = any(
        i.file_size > 1024 * 1024 and i.file_size > BATAS_RASIO * max(i.compress_size, 1)
        for i in anggota
    )
    if total > BATAS_UKURAN_ISI or bom:
        return Pindaian(
            [
                blokir(
                    "BOM_ZIP",
                    f"Isi berkas {nama} membengkak menjadi {total // 1024 // 1024} MB saat "
                    "dibuka (tidak wajar untuk sebuah format). Berkas tidak diproses; minta "
                    "Bagian mengirim format asli yang diisi.",
                )
            ]
        )
    if any(_nama_liar(k) for k in per_nama):
        return Pindaian([blokir("RUSAK", f"Berkas {nama} berisi nama bagian yang tidak sah.")])
    if any(i.flag_bits & 0x1 for i in anggota):
        return Pindaian([_rusak(nama, "ada bagian yang terenkripsi")])
    if (sst := per_nama.get("xl/sharedstrings.xml")) is not None and not _teks_bersama_wajar(
        z, sst
    ):
        return Pindaian([_rusak(nama, "tabel teks bersama tidak sesuai isinya")])
    hasil = Pindaian([], {})
    if PROPERTI in nama_anggota:
        hasil.properti = z.read(PROPERTI)
    ukuran: dict[str, Lembar] = {}
    gaya = per_nama.get("xl/styles.xml")
    xf_persen_ = xf_persen(z.read(gaya)) if gaya is not None else frozenset()
    for sheet, info in _lembar_kerja(z, per_nama):
        if info.filename not in ukuran:
            xml = z.read(info)
            u = ukur_lembar(xml)
            if xf_persen_ and u.luas <= BATAS_SEL and u.tag <= BATAS_SEL:
                u = replace(u, persen=sel_persen(xml, xf_persen_))
            ukuran[info.filename] = u
        u = ukuran[info.filename]
        if sheet is not None:
            hasil.lembar.setdefault(sheet, u)
        if u.luas > BATAS_SEL or u.tag > BATAS_SEL:
            judul = f"Sheet '{kutip(sheet if sheet is not None else info.filename)}'"
            jauh = f"sampai sel {u.terjauh} " if u.terjauh else ""
            hasil.temuan.append(
                blokir(
                    "LEMBAR_TERLALU_BESAR",
                    f"{judul} pada berkas {nama} memakai area {jauh}(lebih dari "
                    f"{_ribuan(BATAS_SEL)} sel), jauh di luar tabel format. Hapus isi sel di "
                    "luar tabel, simpan, lalu kirim ulang; atau isi ulang format asli.",
                )
            )
            return hasil
    return hasil


_NUMFMT = re.compile(
    rb"<(?:[A-Za-z_][\w.\-]*:)?numFmt(?=[\s/>])" + rb"""((?:[^>"']++|"[^"]*+"|'[^']*+')*+)>"""
)
_CELLXFS = re.compile(
    rb"<(?:[A-Za-z_][\w.\-]*:)?cellXfs(?=[\s/>]).*?</(?:[A-Za-z_][\w.\-]*:)?cellXfs>", re.S
)
_XF = re.compile(
    rb"<(?:[A-Za-z_][\w.\-]*:)?xf(?=[\s/>])" + rb"""((?:[^>"']++|"[^"]*+"|'[^']*+')*+)>"""
)
_SEL_BERGAYA = re.compile(
    rb"<(?:[A-Za-z_][\w.\-]*:)?c(?=[\s/>])" + rb"""((?:[^>"']++|"[^"]*+"|'[^']*+')*+)>"""
)
PERSEN_BAWAAN = frozenset({9, 10})
"""Excel's built-in percent formats (0% and 0.00%)."""


def format_persen(kode: str) -> bool:
    """Does a number format code scale by 100 and show "%" (a "%" not quoted or escaped)?"""
    kode = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", kode)
    return "%" in kode


BATAS_BIASA = 256 * 1024
"""Parts up to this size together are of usual size: what is read from them is kept."""


def _tersimpan_bila_biasa(baca: Callable[P, T]) -> Callable[P, T]:
    """`baca` of some parts of a return, kept for the last 16 parts of usual size: the returns
    of one issue, saved by the same program, mostly share them (a hostile, huge part is read
    each time, never kept)."""
    tersimpan = cast(Callable[P, T], functools.lru_cache(maxsize=16)(baca))

    @functools.wraps(baca)
    def pilih(*bagian: P.args, **opsi: P.kwargs) -> T:
        if sum(len(b) for b in cast(tuple[bytes, ...], bagian)) <= BATAS_BIASA:
            return tersimpan(*bagian, **opsi)
        return baca(*bagian, **opsi)

    return pilih


@_tersimpan_bila_biasa
def xf_persen(styles: bytes) -> frozenset[int]:
    """Indices of the cell formats (`cellXfs`) whose number format is a percentage."""
    persen = set(PERSEN_BAWAAN)
    for m in _NUMFMT.finditer(styles):
        a = dict(_atribut(m[1]))
        if a.get("numFmtId", "").isdigit() and format_persen(
            _xml_unescape(a.get("formatCode", ""))
        ):
            persen.add(int(a["numFmtId"]))
        elif a.get("numFmtId", "").isdigit():
            persen.discard(int(a["numFmtId"]))  # a built-in id redefined
    blok = _CELLXFS.search(styles)
    if blok is None:
        return frozenset()
    hasil = set()
    for i, m in enumerate(_XF.finditer(blok[0])):
        n = dict(_atribut(m[1])).get("numFmtId", "0")
        if n.isdigit() and int(n) in persen:
            hasil.add(i)
    return frozenset(hasil)


def sel_persen(xml: bytes, xf: frozenset[int]) -> frozenset[str]:
    """The cells of a sheet whose style is one of `xf` (cells without a reference are few
    and are skipped: the cells a Bagian fills are written with one).

    Only the tags around an attribute `s` naming one of `xf` are read: parsing every cell's
    attributes took longer than the rest of the file's checks (a style index is ASCII
    digits, as readers parse it; `<` cannot stand in a well-formed attribute value, so the
    `<` before the attribute starts its tag)."""
    hasil = set()
    for m in _gaya(xf).finditer(xml):
        if m.start() == 0 or xml[m.start() - 1] not in _SPASI:  # `xs="9"`, `x:s="9"`
            continue
        awal = xml.rfind(b"<", 0, m.start())
        tag = _SEL_BERGAYA.match(xml, awal) if awal >= 0 else None
        if tag is None or tag.end() <= m.start():  # not an attribute of a cell
            continue
        a = dict(_atribut(tag[1]))
        s, r = a.get("s", ""), a.get("r", "")
        if s.isascii() and s.isdigit() and int(s) in xf and r:
            hasil.add(r.upper())
    return frozenset(hasil)


@functools.lru_cache(maxsize=16)
def _gaya(xf: frozenset[int]) -> re.Pattern[bytes]:
    """An attribute `s` whose value is one of `xf` (leading zeros allowed, as `int` reads;
    the pattern starts with its letter, which is searched for fast)."""
    nomor = b"|".join(str(i).encode() for i in sorted(xf)) or b"(?!)"
    return re.compile(rb"s\s*=\s*([\"'])0*(?:" + nomor + rb")\1")


_SPASI = frozenset(b" \t\n\r\f\v")


def _nama_liar(n: str) -> bool:
    """A member name that would land outside a folder it is extracted into."""
    return n.startswith("/") or re.match(r"[a-z]:", n) is not None or ".." in n.split("/")


def _ribuan(n: int) -> str:
    return f"{n:,}".replace(",", ".")


_ATRIBUT = rb"""((?:[^>"']++|"[^"]*+"|'[^']*+')*+)"""
"""The attributes of a start tag: quoted values may hold '>' (possessive: linear time)."""
_TAG_SST = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?sst(?=[\s/>])" + _ATRIBUT + rb">")
_TAG_SHEET = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?sheet(?=[\s/>])" + _ATRIBUT + rb">")
_TAG_REL = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?Relationship(?=[\s/>])" + _ATRIBUT + rb">")
_NILAI_ATRIBUT = re.compile(rb"""(?:^|\s)([\w:.\-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_SI = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?si(?=[\s/>])")


def _atribut(teks: bytes) -> list[tuple[str, str]]:
    return [
        (
            m[1].decode("utf-8", "replace"),
            (m[2] if m[2] is not None else m[3]).decode("utf-8", "replace"),
        )
        for m in _NILAI_ATRIBUT.finditer(teks)
    ]


def _teks_bersama_wajar(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """The shared-string table does not announce more entries than it holds (a reader
    reserves memory for the announced count before reading a single one)."""
    with z.open(info) as f:
        isi = f.read(64 * 1024)
        m = _TAG_SST.search(isi)
        while m is None and len(isi) < info.file_size:  # a long prologue: read on
            isi += f.read(1024 * 1024)
            m = _TAG_SST.search(isi)
    if m is None:
        return True  # no table at all: nothing is reserved
    jumlah = [
        int(v.lstrip("+"))
        for k, v in _atribut(m[1])
        if k == "uniqueCount" and re.fullmatch(r"\+?[0-9]+", v)
    ]
    if not jumlah or max(jumlah) <= BATAS_TEKS_BERSAMA:
        return True
    if max(jumlah) > info.file_size // 5 + 1:  # an entry takes five bytes at least (<si/>)
        return False
    return max(jumlah) <= 2 * len(_SI.findall(z.read(info))) + 1000


def _lembar_kerja(
    z: zipfile.ZipFile, per_nama: dict[str, zipfile.ZipInfo]
) -> list[tuple[str | None, zipfile.ZipInfo]]:
    """The members a reader may parse as worksheets, with their sheet names: every target of
    a `<sheet>` of workbook.xml (however a reader resolves the path), and every member under
    xl/worksheets/ (None as name when no sheet points at it)."""
    wb = z.read(per_nama["xl/workbook.xml"])
    rels_info = per_nama.get("xl/_rels/workbook.xml.rels")
    rels = z.read(rels_info) if rels_info is not None else b""
    hasil: list[tuple[str | None, zipfile.ZipInfo]] = [
        (nama, per_nama[j])
        for nama, calon in _target_lembar(wb, rels)
        for j in calon
        if j in per_nama
    ]
    dilihat = {info.filename for _, info in hasil}
    lain = ("xl/worksheets/", "xl/chartsheets/", "xl/dialogsheets/")
    hasil += [
        (None, info)
        for kunci, info in per_nama.items()
        if kunci.startswith(lain) and not kunci.endswith(".rels") and info.filename not in dilihat
    ]
    return hasil


@_tersimpan_bila_biasa
def _target_lembar(wb: bytes, rels: bytes) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each `<sheet>` of workbook.xml: its name, and the member names (lower case) its target
    may be taken for."""
    target: dict[str, str] = {}
    for m in _TAG_REL.finditer(rels):
        rel = dict(_atribut(m[1]))
        if "Id" in rel and "Target" in rel:
            target.setdefault(rel["Id"], rel["Target"])
    hasil: list[tuple[str, tuple[str, ...]]] = []
    for m in _TAG_SHEET.finditer(wb):
        atr = _atribut(m[1])
        nama = next((_xml_unescape(v) for k, v in atr if k == "name"), "")
        for k, v in atr:
            if k.rsplit(":", 1)[-1] == "id" and v in target:
                hasil.append((nama, tuple(sorted(_jalur(target[v])))))
    return tuple(hasil)


def _jalur(target: str) -> set[str]:
    """Every member name a reader might take a workbook relationship's target for."""
    t = target.replace("\\", "/").lower()
    calon = {t, t.lstrip("/"), "xl/" + t, "xl/" + t.lstrip("/")}
    return calon | {posixpath.normpath(c).lstrip("/") for c in calon if c}


def _xml_unescape(v: str) -> str:
    import html

    return html.unescape(v) if "&" in v else v


_SEL_BAKU = re.compile(
    rb'<c r="([A-Z]{1,3})([1-9][0-9]{0,6})"(?: (?!r=)[A-Za-z][\w:.\-]*="[^"<>]*")* ?(/>|></c>|>)'
)
"""A cell as Excel, LibreOffice and openpyxl write it: its reference first."""
_SEL_SEMUA = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?c(?=[\s/>])")
_RUMUS = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?f(?=[\s/>])")
_RUMUS_POLOS = re.compile(rb"<f[\s/>]")
_RUMUS_BERAWALAN = re.compile(rb":f[\s/>]")
"""`_RUMUS` without a prefix, and the end of one with a prefix, searched for fast (a
validation's `<formula1>` puts "<f" in every format's sheet, so that alone rules nothing out)."""
_SEL_POLOS = re.compile(rb"<c[\s/>]")
_BERAWALAN = re.compile(rb":c[\s/>]")
"""Part of a cell element written with a namespace prefix (`<x:c ...>`), which readers take
as a cell too (a pattern starting with a literal is searched for fast)."""
_TAG_LEMBAR = re.compile(rb"<(/?)(?:[A-Za-z_][\w.\-]*:)?(row|c|f)(?=[\s/>])" + _ATRIBUT + rb">")
_ATR_R = re.compile(rb"""(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REF = re.compile(rb"([A-Za-z]*)([0-9]+)")


def ukur_lembar(xml: bytes) -> Lembar:
    """How far a sheet's cells reach, and which cells hold a formula, as readers place them.

    The usual form (every cell with its reference first) is measured with two patterns; any
    other form is walked tag by tag like the reader does: a cell without a reference follows
    the previous one, a row without a reference follows the previous row."""
    if xml.count(b"<") > 3 * BATAS_SEL:  # not a format's sheet; not worth counting exactly
        return Lembar(0, 0, tag=BATAS_SEL + 1)
    # Cell tags: those with a namespace prefix (`<x:c>`, rare) need the slower pattern.
    n = len((_SEL_SEMUA if _BERAWALAN.search(xml) else _SEL_POLOS).findall(xml))
    if n > BATAS_SEL:
        return Lembar(0, 0, tag=n)
    baku = _SEL_BAKU.findall(xml)
    berumus = _RUMUS_POLOS.search(xml) is not None or (
        _RUMUS_BERAWALAN.search(xml) is not None and _RUMUS.search(xml) is not None
    )
    if len(baku) == n and not berumus:
        semua_kolom, semua_baris = set(), set()
        for k, b, akhir in baku:
            if akhir == b">":
                semua_kolom.add(k)
                semua_baris.add(b)
        if not semua_baris:
            return Lembar(0, 0, tag=n)
        baris = max(map(int, semua_baris))
        kolom = max(semua_kolom, key=lambda k: (len(k), k))
        return Lembar(baris, _nomor_kolom(kolom), f"{kolom.decode()}{baris}", tag=n)
    if xml.count(b"<") > BATAS_TAG:
        return Lembar(0, 0, tag=BATAS_SEL + 1)
    return _telusuri(xml, n)


def _nomor_kolom(huruf: bytes) -> int:
    n = 0
    for h in huruf.upper():
        n = n * 26 + h - 64
    return n


def _posisi(ref: bytes) -> tuple[int, int] | None:
    """(row, column), 1-based, of a reference as readers parse it; column 0 when absent."""
    m = _REF.fullmatch(ref)
    if m is None or int(m[2]) == 0:
        return None
    return int(m[2]), _nomor_kolom(m[1])


def _telusuri(xml: bytes, n: int) -> Lembar:
    baris, kolom = 1, 1  # where the next cell without a reference goes
    tinggi = lebar = 0
    terbuka: tuple[int, int] | None = None
    rumus: set[str] = set()
    for m in _TAG_LEMBAR.finditer(xml):
        tutup, tag, atr = m[1], m[2], m[3]
        kosong = atr.endswith(b"/")
        r = None if tutup else _ATR_R.search(atr)
        ref = None if r is None else _posisi(r[1] if r[1] is not None else r[2])
        if tag == b"row":
            if ref is not None:
                baris = ref[0]
            if tutup or kosong:
                baris, kolom = baris + 1, 1
        elif tag == b"c":
            if tutup:
                terbuka = None
                continue
            pos = (ref[0], ref[1]) if ref is not None and ref[1] > 0 else (baris, kolom)
            kolom = pos[1] + 1
            if not kosong:
                terbuka = pos
                tinggi, lebar = max(tinggi, pos[0]), max(lebar, pos[1])
        elif not tutup and terbuka is not None:
            rumus.add(nama_sel(terbuka[1], terbuka[0]))
    terjauh = nama_sel(lebar, tinggi) if tinggi and lebar else ""
    return Lembar(tinggi, lebar, terjauh, frozenset(rumus), n)
