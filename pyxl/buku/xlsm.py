"""The workbook port on a closed .xlsm file, by surgery on its zip (CLI, tests).

`buka` opens the master for one step: it refuses a workbook Excel has open (the two would
overwrite each other) and holds the working folder's lock; saving is `pyxl.buku.berkas`.

Why not openpyxl: it parses and rewrites every part of the workbook (seconds on a master with
hundreds of Bagian sheets) and loses what it does not model. Here values are read with
python-calamine, writes are kept in memory, and saving rewrites only `<sheetData>` and
`<dimension>` of the sheets that changed (plus `xl/styles.xml` when a cell needs a format the
file lacks). Every other part — VBA project, buttons, charts, conditional formats, validations —
is copied byte for byte, compressed bytes included, so it survives exactly as built.

Cells are written as Excel writes them: numbers as `repr` (no precision lost), text as inline
strings (never a formula; text Excel would parse when edited gets a `quotePrefix` style), dates
as serial numbers with a date format, booleans as `t="b"`.
"""

from __future__ import annotations

import bisect
import contextlib
import copy
import functools
import io
import itertools
import math
import numbers
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from lxml import etree

from pyxl.berkas.kunci import berkas_kunci, kunci_folder, pemilik
from pyxl.buku import lembar_zip
from pyxl.buku.berkas import simpan_atomik
from pyxl.galat import BukuError, BukuTerkunci
from pyxl.inti.sel import nama_sel, perlu_awalan_teks
from pyxl.kontrak import skema

_PARSER = lembar_zip.PARSER
"""Never expand entities or fetch anything a file names."""
_WORKBOOK, _RELS, _JENIS = "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"
_NS_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_ILEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot hold: removed from text, or the file would not open."""
_ESCAPE_EXCEL = re.compile("_(?=x[0-9A-Fa-f]{4}_)")
"""The underscore that starts text Excel would read as an escape (`_x0041_` is "A"): written
as `_x005F_`. A lookahead, so that escapes sharing an underscore (`_x005F_x0041_`) are each
escaped and read back as typed."""
_FORMAT_BAWAAN = {"General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "@": 49}
"""Built-in number formats (ECMA-376 §18.8.30) a write may name; they need no `<numFmt>`."""
_ID_TANGGAL_BAWAAN = frozenset((*range(14, 23), 45, 46, 47))
_FORMAT_TANGGAL = ((datetime, "dd/mm/yyyy hh:mm:ss"), (date, "dd/mm/yyyy"), (time, "hh:mm:ss"))
"""Format for a date written into a cell whose format shows no date."""


def _format_tanggal(kode: str) -> bool:
    """Whether a number format code shows a date or time (literals and colours ignored)."""
    inti = re.sub(r'"[^"]*"|\\.|\[(?![hms]+\])[^\]]*\]', "", kode)
    return bool(re.search(r"[dmyhs]", inti, re.I))


def _kolom_ref(ref: str) -> int:
    """'AB12' -> 28."""
    return _kolom_huruf(ref.rstrip("0123456789"))


@functools.cache
def _kolom_huruf(huruf: str) -> int:
    """'AB' -> 28 (cached by letters: every cell's reference is different, its column not)."""
    return functools.reduce(lambda n, h: n * 26 + ord(h) - 64, huruf.upper(), 0)


def _ref(baris: int, kolom: int) -> str:
    return nama_sel(kolom, baris)


def _nilai_tulis(v: Any) -> Any:
    """A Python value as the cell will hold it; refuses types a cell cannot hold."""
    if type(v) is str:  # the commonest, first; "" is an empty cell; 32767: Excel's limit
        return _ILEGAL.sub("", v)[:32767] or None
    if v is None or type(v) in (bool, int):
        return v
    if type(v) is float:  # Excel has no NaN or infinity: an empty cell
        return v if math.isfinite(v) else None
    if isinstance(v, datetime):  # also pandas' Timestamp; a time zone is dropped (Excel has none)
        return datetime.combine(v.date(), v.time())
    if isinstance(v, date | time):
        return v.replace(tzinfo=None) if isinstance(v, time) else date(v.year, v.month, v.day)
    if isinstance(v, str):  # "" is an empty cell, as Excel stores it; 32767: Excel's limit
        return _ILEGAL.sub("", v)[:32767] or None
    if isinstance(v, numbers.Integral):
        return int(v)
    if isinstance(v, numbers.Real):  # numpy's numbers, for one
        return _nilai_tulis(float(v))
    raise TypeError(f"Nilai {v!r} ({type(v).__name__}) tidak dapat ditulis ke sel.")


def _nilai_baca(v: Any) -> Any:
    """A calamine value as openpyxl gave it: None for empty, int for whole numbers, datetime."""
    if isinstance(v, str):
        return v or None
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return int(v)
    return datetime(v.year, v.month, v.day) if type(v) is date else v


def _teks_xml(teks: str) -> str:
    """Text as lxml serializes it: `&`, `<`, `>` escaped, and a carriage return (which a
    parser would read as a line feed) as a character reference."""
    return (
        teks.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _serial(v: datetime | date | time, tahun1904: bool) -> float | int:
    """Excel's serial number; the 1900 system counts a 29 February 1900 that never was."""
    if isinstance(v, time):
        return (v.hour * 3600 + v.minute * 60 + v.second + v.microsecond / 1e6) / 86400
    waktu = v if isinstance(v, datetime) else datetime(v.year, v.month, v.day)
    d = waktu - (datetime(1904, 1, 1) if tahun1904 else datetime(1899, 12, 30))
    if not tahun1904 and waktu < datetime(1900, 3, 1):
        d -= timedelta(days=1)
    return d.days + (d.seconds + d.microseconds / 1e6) / 86400 if waktu is v else d.days


class _Zip:
    """A zip's members as raw bytes: the unchanged ones are copied without recompressing."""

    def __init__(self, data: bytes) -> None:
        self.data, self.zip = data, zipfile.ZipFile(io.BytesIO(data))
        akhir = data.rfind(b"PK\x05\x06")
        *_, jumlah, _ukuran, pos, panjang = struct.unpack_from("<IHHHHIIH", data, akhir)
        if pos == 0xFFFFFFFF or jumlah == 0xFFFF:
            raise zipfile.BadZipFile("format ZIP64 tidak didukung")
        self.komentar = data[akhir + 22 : akhir + 22 + panjang]
        self.pusat: dict[str, bytes] = {}
        """Each member's central directory entry, in the file's order."""
        for info in self.zip.infolist():
            ujung = pos + 46 + sum(struct.unpack_from("<HHH", data, pos + 28))
            self.pusat[info.filename], pos = data[pos:ujung], ujung

    def baca(self, nama: str) -> bytes:
        return self.zip.read(nama)

    def _lokal(self, entri: bytes) -> bytes:
        """Local header, data and data descriptor of a member, exactly as in the file."""
        (flag,), (ukuran,) = struct.unpack_from("<H", entri, 8), struct.unpack_from("<I", entri, 20)
        (mulai,) = struct.unpack_from("<I", entri, 42)
        ujung = mulai + 30 + sum(struct.unpack_from("<HH", self.data, mulai + 26)) + ukuran
        if flag & 0x08:  # a data descriptor follows, with or without its signature
            ujung += 16 if self.data[ujung : ujung + 4] == b"PK\x07\x08" else 12
        return self.data[mulai:ujung]

    def tulis(self, ganti: dict[str, bytes], buang: set[str]) -> bytes:
        """The zip with the members of `ganti` rewritten (or added, when new) and those of
        `buang` left out."""
        keluar, daftar = io.BytesIO(), []
        contoh = next(iter(self.pusat.values()))
        baru = {n: _entri_baru(n, contoh) for n in ganti if n not in self.pusat}
        for nama, entri in {**self.pusat, **baru}.items():
            if nama in buang:
                continue
            offset = struct.pack("<I", keluar.tell())
            if nama in ganti:
                lokal, entri = _anggota_baru(entri, ganti[nama])
                keluar.write(lokal)
            else:
                keluar.write(self._lokal(entri))
            daftar.append(entri[:42] + offset + entri[46:])
        mulai, pusat, n = keluar.tell(), b"".join(daftar), len(daftar)
        akhir = (0x06054B50, 0, 0, n, n, len(pusat), mulai, len(self.komentar))
        return keluar.getvalue() + pusat + struct.pack("<IHHHHIIH", *akhir) + self.komentar


def _entri_baru(nama: str, contoh: bytes) -> bytes:
    """A central directory entry for a new member, with `contoh`'s version, method and date."""
    kode = nama.encode("utf-8")
    awal = bytearray(contoh[:46])
    struct.pack_into("<H", awal, 28, len(kode))
    struct.pack_into("<HH", awal, 30, 0, 0)  # no extra field, no comment
    return bytes(awal) + kode


_TINGKAT_KOMPRES = 1
"""zlib level of rewritten parts: half the time of level 6 (the step rewrites hundreds of
sheets) for parts about 15% larger; Excel reads any level."""


def _anggota_baru(entri: bytes, isi: bytes) -> tuple[bytes, bytes]:
    """Local and central headers for rewritten content; name, method and dates kept."""
    buat, _, flag, metode, jam, tgl = struct.unpack_from("<HHHHHH", entri, 4)
    (nlen,), (iattr, eattr) = (
        struct.unpack_from("<H", entri, 28),
        struct.unpack_from("<HI", entri, 36),
    )
    padat = isi
    if metode == zipfile.ZIP_DEFLATED:
        kompres = zlib.compressobj(_TINGKAT_KOMPRES, zlib.DEFLATED, -15)
        padat = kompres.compress(isi) + kompres.flush()
    else:
        metode = zipfile.ZIP_STORED
    flag &= 0x800  # keep only "name is UTF-8"; sizes are known, no data descriptor
    inti = (20, flag, metode, jam, tgl, zlib.crc32(isi), len(padat), len(isi), nlen)
    nama = entri[46 : 46 + nlen]
    lokal = struct.pack("<IHHHHHIIIHH", 0x04034B50, *inti, 0) + nama + padat
    pusat = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, buat, *inti, 0, 0, 0, iattr, eattr, 0)
    return lokal, pusat + nama


class _Gaya:
    """The cell formats (`cellXfs`) of `xl/styles.xml`: finds or adds the one a write needs."""

    def __init__(self, xml: bytes) -> None:
        self.root = etree.fromstring(xml, _PARSER)
        self.ns = self.root.tag[: self.root.tag.index("}") + 1]
        self.xfs = self.root.find(self.ns + "cellXfs")
        self.kode = {i: k for k, i in _FORMAT_BAWAAN.items()}
        self.id_kode = dict(_FORMAT_BAWAAN)
        for nf in self.root.iterfind(f"{self.ns}numFmts/{self.ns}numFmt"):
            i, kode = int(nf.get("numFmtId", "0")), nf.get("formatCode", "")
            self.kode[i], self.id_kode[kode] = kode, i  # the file's own id wins
        self.indeks = {self._kunci(xf): i for i, xf in reversed(list(enumerate(self.xfs)))}
        self.memo: dict[tuple[Any, ...], int] = {}
        self.ubah = False

    @staticmethod
    def _kunci(xf: Any) -> tuple[Any, ...]:
        return (*sorted(xf.attrib.items()), *(etree.tostring(c) for c in xf))

    def _id_format(self, kode: str) -> int:
        if kode not in self.id_kode:
            induk = self.root.find(self.ns + "numFmts")
            if induk is None:
                induk = etree.Element(self.ns + "numFmts")
                self.root.insert(0, induk)
            baru = max([163, *self.kode]) + 1
            etree.SubElement(induk, self.ns + "numFmt", numFmtId=str(baru), formatCode=kode)
            induk.set("count", str(len(induk)))
            self.kode[baru], self.id_kode[kode] = kode, baru
        return self.id_kode[kode]

    def untuk(self, s: int, format_angka: str | None, nilai: Any) -> int:
        """Index of the xf that is `s` with the number format and quote prefix `nilai` needs."""
        jenis = (s, format_angka, type(nilai), isinstance(nilai, str) and perlu_awalan_teks(nilai))
        if jenis not in self.memo:
            self.memo[jenis] = self._untuk(s, format_angka, nilai)
        return self.memo[jenis]

    def _untuk(self, s: int, format_angka: str | None, nilai: Any) -> int:
        xf = self.xfs[s] if s < len(self.xfs) else self.xfs[0]
        id_lama = int(xf.get("numFmtId", "0"))
        id_baru = self._id_format(format_angka) if format_angka else id_lama
        tanggal = id_lama in _ID_TANGGAL_BAWAAN or _format_tanggal(self.kode.get(id_lama, ""))
        if not format_angka and isinstance(nilai, date | time) and not tanggal:
            id_baru = self._id_format(next(f for j, f in _FORMAT_TANGGAL if isinstance(nilai, j)))
        kutip_lama = xf.get("quotePrefix") in ("1", "true")
        kutip = kutip_lama if nilai is None else isinstance(nilai, str) and perlu_awalan_teks(nilai)
        if id_baru == id_lama and kutip == kutip_lama:
            return s
        baru = copy.deepcopy(xf)
        if id_baru != id_lama:
            baru.attrib.update({"numFmtId": str(id_baru), "applyNumberFormat": "1"})
        baru.attrib.pop("quotePrefix", None)
        if kutip:
            baru.set("quotePrefix", "1")
        kunci = self._kunci(baru)
        if kunci not in self.indeks:
            self.xfs.append(baru)
            self.xfs.set("count", str(len(self.xfs)))
            self.indeks[kunci], self.ubah = len(self.xfs) - 1, True
        return self.indeks[kunci]


@dataclass
class _Lembar:
    """Pending changes to one sheet, and its values with them (what `baca` returns)."""

    bagian: str
    nilai: list[list[Any]]
    tulis: dict[tuple[int, int], tuple[Any, str | None]] = field(default_factory=dict)
    kosong_dari: int | None = None


_SISIP_NS = "urn:pyxl:sisip"
_SISIP = f"{{{_SISIP_NS}}}s"
_SISIP_TEKS = f'<pyxlsisip:s xmlns:pyxlsisip="{_SISIP_NS}"/>'.encode()
"""Placeholder for the rows `_Bedah._sisip_ekor` writes as text, and how lxml writes it."""
_XMLNS_SEL = re.compile(rb"<(?:sheetData|row|c)\s[^>]*xmlns")
"""A namespace declared on sheetData, a row or a cell (lxml would write it again)."""
_ATRIBUT_AMAN = re.compile('[^&<>"\t\n\r]*').fullmatch
"""An attribute value lxml writes as it is (no character escaped)."""


def _tag_awal(
    tag: str, atribut: Any, awalan: dict[str, str], buang: str | None = None
) -> str | None:
    """The start of an element's tag as lxml writes it (`<row r="2" ht="15"`, no `>`), or None
    when an attribute would need escaping or a namespace prefix is not known."""
    bagian = [f"<{tag}"]
    for k, v in atribut.items():
        if k == buang:
            continue
        if not _ATRIBUT_AMAN(v):
            return None
        if k[0] == "{":
            uri, nama = k[1:].split("}", 1)
            if uri not in awalan:
                return None
            k = f"{awalan[uri]}:{nama}"
        bagian.append(f' {k}="{v}"')
    return "".join(bagian)


_TEKS_KOSONG = '<is><t xml:space="preserve"/></is>'
"""Empty text as lxml writes it (a write never holds "", but `_sel_xml` should not differ)."""


_SEL_POLOS = re.compile(
    rb'<c r="[A-Z]{1,3}[1-9][0-9]{0,6}"(?: s="([0-9]{1,9})")?(?: t="[a-zA-Z]{1,9}")?'
    rb'(?:/>|>(?:<v>[^<]*</v>|<is><t(?: xml:space="preserve")?(?:/>|>[^<]*</t>)</is>)</c>)'
)
"""A cell that is no more than its reference, style, type and value (a strict `_polos`),
as Excel, LibreOffice and lxml write one: replacing it changes nothing else in the sheet."""
_BARIS_AWAL = re.compile(rb'<row r="([1-9][0-9]{0,6})"((?: [a-zA-Z][\w:.-]{0,40}="[^"<>&]*")*)>')
"""A row's start tag whose attributes need no escaping (Excel's `x14ac:dyDescent` among
them)."""
_SEL_REF = re.compile(rb'<c r="([A-Z]{1,3})([1-9][0-9]{0,6})"')
_SEL_TAG = re.compile(rb"<(?:[\w.-]+:)?c[\s>/]")
"""Any cell's start tag (a prefixed one too: it would be a cell the references miss)."""
_ATRIBUT = re.compile(rb'(?:^|\s)([\w:.-]+)="([^"]*)"')
"""Attributes in order, prefixed names whole (`x14ac:s` is not `s`), each value up to its
quote (a value holding `spans=` is part of its attribute)."""
_DEKLARASI_LAIN = re.compile(rb'<\?xml[^>]*encoding=["\'](?![Uu][Tt][Ff]-?8["\'])')
"""A declared encoding other than UTF-8 (the text writes UTF-8)."""
_TAG_DIMENSI = re.compile(rb"<(?:[\w.-]+:)?dimension[\s/>]")
_DIMENSI = re.compile(rb'<dimension ref="([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})"/>')


def _ganti_sel(xml: bytes, lembar: _Lembar, gaya: _Gaya, tahun1904: bool) -> bytes | None:
    """The sheet with `lembar`'s writes made in its text, or None when the tree must make
    them (`_Bedah`): a table replaced from a row down, a new row above the last one, a cell
    written that is more than a value, anything unusual in a row written. Filling cells of
    existing rows (step 6: four input columns of each Bagian sheet) and adding rows below
    the last (every ledger) then cost a few searches instead of parsing and writing the
    whole sheet, which grows with every round of the year.

    The text is what `_Bedah` writes: each written cell as `_sel_xml` gives it, a new one in
    its column's place with the style `_Bedah._gaya_baru` gives it, the row's `spans` hint
    dropped when a cell is added to it, a new row as `<row r="…">` after the last, and
    `<dimension>` widened to the new cells (a stale one, which the tree would correct, is
    only widened: it is a hint to readers); the rest keeps its bytes."""
    if lembar.kosong_dari is not None or not lembar.tulis:
        return None
    awal = xml.find(b"<sheetData>")
    akhir = xml.find(b"</sheetData>", awal)
    if awal < 0 or akhir < 0 or _DEKLARASI_LAIN.match(xml):
        return None
    awal += len(b"<sheetData>")
    if xml.find(b"<!", 0, akhir) >= 0 or xml.find(b"<?", awal, akhir) >= 0:
        return None  # a comment, CDATA or instruction: could hold what looks like a row
    terakhir = _baris_terakhir(xml[awal:akhir])
    """The sheet's last row number (0: none): rows each `<row r="…"`, in order, once."""
    if terakhir < 0:
        return None
    per_baris: dict[int, list[tuple[int, Any, str | None]]] = {}
    for (r, k), (v, fmt) in sorted(lembar.tulis.items()):
        per_baris.setdefault(r, []).append((k, v, fmt))
    gaya_kolom = _GayaKolom(lambda: _kolom_teks(xml[:awal]))
    baru: list[tuple[int, int]] = []
    """Row and column of each cell added."""
    potongan: list[bytes] = []
    ekor: list[bytes] = []
    """Rows added below the last one."""
    ujung = awal
    """Where the text not yet taken starts (rows are in order: each found after the last)."""
    for r, tulis in per_baris.items():
        i = xml.find(b'<row r="%d"' % r, ujung, akhir)
        if i < 0:  # a new row: only below every row, where the tree appends it too
            if r <= terakhir:
                return None
            isi_baru: list[bytes] = []
            for k, v, fmt in tulis:
                s = gaya_kolom.gaya(k)
                s_baru = gaya.untuk(s, fmt, v)
                if _tanpa_isi(v, s, s_baru):
                    continue
                isi_baru.append(_sel_xml(_ref(r, k), s_baru, v, tahun1904).encode("utf-8"))
                baru.append((r, k))
            if isi_baru:
                ekor += [b'<row r="%d">' % r, *isi_baru, b"</row>"]
            continue
        tag = _BARIS_AWAL.match(xml, i)
        tutup = xml.find(b"</row>", tag.end(), akhir) if tag else -1
        if tag is None or tutup < 0 or b"xmlns" in tag[0]:  # a declaration: lxml moves it
            return None
        mulai = tag.end()
        if (
            _BARIS_TAG.search(xml, mulai, tutup)
            or _ANTAR_TAG.search(xml, mulai - 1, tutup + 1)  # from the tag's `>` to `</row>`
            or xml.find(b"<extLst", mulai, tutup) >= 0
        ):
            return None  # `</row >`, blank text the tree drops, what goes after the cells
        isi = xml[mulai:tutup]
        refs = _SEL_REF.findall(isi)  # every cell has its reference, in this row, in order
        kolom = [_kolom_b(h) for h, _ in refs]
        if len(_SEL_TAG.findall(isi)) != len(kolom) or kolom != sorted(set(kolom)):
            return None
        nomor = b"%d" % r  # references have no leading zero: the same number is the same text
        if any(n != nomor for _, n in refs):
            return None
        keluar: list[bytes] = []
        """The row's new content, in column order."""
        j0, tambah = 0, False
        gaya_baris: int | None = None
        """The row's style when it has one (`customFormat`), else -1; None: not read yet."""
        for k, v, fmt in tulis:
            ref = _ref(r, k)
            n = bisect.bisect_left(kolom, k)
            if n < len(kolom) and kolom[n] == k:
                j = isi.find(b'<c r="%s"' % ref.encode(), j0)
                m = _SEL_POLOS.match(isi, j) if j >= 0 else None
                if m is None:
                    return None
                keluar.append(isi[j0 : m.start()])
                s = int(m[1] or 0)
                j0 = m.end()
            else:
                if gaya_baris is None:
                    atribut = dict(_ATRIBUT.findall(tag[2]))
                    gaya_baris = -1
                    if atribut.get(b"customFormat") in (b"1", b"true"):
                        gaya_baris = int(atribut.get(b"s", b"0"))
                s = gaya_baris if gaya_baris >= 0 else gaya_kolom.gaya(k)
                if _tanpa_isi(v, s, gaya.untuk(s, fmt, v)):
                    continue
                nanti = len(isi)
                if n < len(kolom):  # before the next cell
                    nanti = isi.find(b'<c r="%s"' % _ref(r, kolom[n]).encode(), j0)
                    if nanti < 0:
                        return None
                keluar.append(isi[j0:nanti])
                j0, tambah = nanti, True
                baru.append((r, k))
            keluar.append(_sel_xml(ref, gaya.untuk(s, fmt, v), v, tahun1904).encode("utf-8"))
        awal_tag = tag[0]
        if tambah and b"spans" in awal_tag:  # the tag again, without that attribute
            tanpa = [b' %s="%s"' % kv for kv in _ATRIBUT.findall(tag[2]) if kv[0] != b"spans"]
            awal_tag = b"".join([b'<row r="%d"' % r, *tanpa, b">"])
        potongan += [xml[ujung:i], awal_tag, *keluar, isi[j0:]]
        ujung = tutup
    kepala = _dimensi_baru(xml[:awal], baru) if baru else xml[:awal]
    if kepala is None:
        return None
    return b"".join([kepala, *potongan, xml[ujung:akhir], *ekor, xml[akhir:]])


def _tanpa_isi(v: Any, s: int, s_baru: int) -> bool:
    """Whether a cell that does not exist yet would store nothing: no value, and the style it
    takes (`s`, from its row or column) unchanged by the write. No cell is made for it, by the
    text writer or the tree."""
    return v is None and s_baru == s


_BARIS_TAG = re.compile(rb"<(?:[\w.-]+:)?row[\s>/]")
_ANTAR_TAG = re.compile(rb">\s+<")
_BARIS_R = re.compile(rb'<row r="([0-9]{1,7})"')


def _baris_terakhir(data: bytes) -> int:
    """The number of the last row of a sheet's `sheetData` content (0: none); -1 when the rows
    are not each `<row r="…"` in increasing order (the tree would place a new row itself)."""
    nomor = [int(n) for n in _BARIS_R.findall(data)]
    if len(_BARIS_TAG.findall(data)) != len(nomor) or any(
        a >= b for a, b in itertools.pairwise(nomor)
    ):
        return -1
    return nomor[-1] if nomor else 0


class _GayaKolom:
    """The style a new cell takes from its column (`<cols>`), remembered per column: what
    `_Bedah._gaya_baru` and the text writer both give it. `baca` gives the sheet's `<col>`
    elements as (min, max, style), called when first needed."""

    def __init__(self, baca: Callable[[], list[tuple[int, int, int]]]) -> None:
        self.baca = baca
        self.kolom: list[tuple[int, int, int]] | None = None
        self.per_kolom: dict[int, int] = {}

    def gaya(self, k: int) -> int:
        if k not in self.per_kolom:
            if self.kolom is None:
                self.kolom = self.baca()
            self.per_kolom[k] = next((g for a, b, g in self.kolom if a <= k <= b), 0)
        return self.per_kolom[k]


def _kolom_teks(kepala: bytes) -> list[tuple[int, int, int]]:
    """(min, max, style) of each `<col>` in a sheet's text before `sheetData`."""
    mulai = kepala.find(b"<col")
    return [] if mulai < 0 else list(_kolom_dari(kepala[mulai:]))


@functools.lru_cache(maxsize=32)
def _kolom_dari(teks: bytes) -> tuple[tuple[int, int, int], ...]:
    """`_kolom_teks` from the first `<col` on: the same text in every Bagian sheet of a
    master (their heads differ only before it), so step 6 reads it once, not once a sheet."""
    hasil = []
    for m in re.finditer(rb"<col\s([^>]*?)/?>", teks):
        a = dict(_ATRIBUT.findall(m[1]))
        hasil.append((int(a.get(b"min", 0)), int(a.get(b"max", 0)), int(a.get(b"style", 0))))
    return tuple(hasil)


@functools.cache
def _kolom_b(huruf: bytes) -> int:
    """`_kolom_huruf` of a reference's letters as bytes."""
    return _kolom_huruf(huruf.decode())


def _dimensi_baru(kepala: bytes, sel: list[tuple[int, int]]) -> bytes | None:
    """The sheet's text before `sheetData` with `<dimension>` spanning the cells (row,
    column) added too, as the tree computes it from every cell; None when it is not a range
    (`A1` alone: the tree's would be another spelling)."""
    if not _TAG_DIMENSI.search(kepala):
        return kepala  # the tree adds none either
    m = _DIMENSI.search(kepala)
    if m is None:
        return None
    r0, r1 = int(m[2]), int(m[4])
    k0, k1 = _kolom_huruf(m[1].decode()), _kolom_huruf(m[3].decode())
    if r0 > r1 or k0 > k1:
        return None
    r0, r1 = min(r0, *(r for r, _ in sel)), max(r1, *(r for r, _ in sel))
    k0, k1 = min(k0, *(k for _, k in sel)), max(k1, *(k for _, k in sel))
    ref = f'<dimension ref="{_ref(r0, k0)}:{_ref(r1, k1)}"/>'.encode()
    return kepala[: m.start()] + ref + kepala[m.end() :]


def _sel_xml(ref: str, s: int, v: Any, tahun1904: bool) -> str:
    """The XML `_Bedah._isi` builds for a cell: style, then type and value."""
    if v is None:
        return f'<c r="{ref}" s="{s}"/>'
    if isinstance(v, str):
        teks = _teks_xml(_ESCAPE_EXCEL.sub("_x005F_", v) if "_x" in v else v)
        isi = f'<is><t xml:space="preserve">{teks}</t></is>' if teks else _TEKS_KOSONG
        return f'<c r="{ref}" s="{s}" t="inlineStr">{isi}</c>'
    if isinstance(v, bool):
        return f'<c r="{ref}" s="{s}" t="b"><v>{int(v)}</v></c>'
    angka = _serial(v, tahun1904) if isinstance(v, date | time) else v
    return f'<c r="{ref}" s="{s}"><v>{angka!r}</v></c>'


class _Bedah:
    """Applies a sheet's pending changes to its XML, touching nothing outside `sheetData`."""

    def __init__(self, xml: bytes, gaya: _Gaya, tahun1904: bool) -> None:
        self.xml = xml
        self.root = etree.fromstring(xml, _PARSER)
        ns = self.root.tag[: self.root.tag.index("}") + 1]
        self.t_row, self.t_c, self.t_f, self.t_v, self.t_is, self.t_t = (
            ns + t for t in ("row", "c", "f", "v", "is", "t")
        )
        self.gaya, self.tahun1904 = gaya, tahun1904
        self.data = self.root.find(ns + "sheetData")
        if self.data is None:
            raise BukuError("Sheet tanpa sheetData (mungkin sheet grafik) tidak dapat diisi.")
        self.baris: dict[int, Any] = {}
        self.sel: dict[int, dict[int, Any]] = {}
        n = 0
        for row in self.data.iterchildren(self.t_row):
            n, k = int(row.get("r") or n + 1), 0
            self.baris[n], isi = row, {}
            for c in row.iterchildren(self.t_c):
                ref = c.get("r")
                k = _kolom_ref(ref) if ref else k + 1
                isi[k] = c
                if not ref:  # `r` is optional (then it is the next cell): made explicit
                    c.set("r", _ref(n, k))
            if not row.get("r"):
                row.set("r", str(n))
            self.sel[n] = isi
        self.urut = sorted(self.baris)
        self.gaya_kolom = _GayaKolom(
            lambda: [
                (int(c.get("min", "0")), int(c.get("max", "0")), int(c.get("style", "0")))
                for c in self.root.iterfind(f"{ns}cols/{ns}col")
            ]
        )
        self.dimensi = self.root.find(ns + "dimension")
        self.rumus_bersama: dict[str, tuple[str, str]] = {}
        """Shared formulas whose master cell lost its formula: si -> (formula, master cell)."""

    def jalankan(self, lembar: _Lembar) -> bytes:
        if lembar.kosong_dari is not None:
            hasil = self._sisip_ekor(lembar)
            if hasil is not None:
                return hasil
        return self._jalankan_pohon(lembar)

    def _jalankan_pohon(self, lembar: _Lembar) -> bytes:
        """Every change made in the parsed tree, then the tree serialized."""
        if lembar.kosong_dari is not None:
            for n in self.urut[bisect.bisect_left(self.urut, lembar.kosong_dari) :]:
                for k, c in self.sel[n].items():
                    if (n, k) not in lembar.tulis:  # a written cell is emptied as it is written
                        self._hapus(c)
        self._isi_blok(sorted(lembar.tulis.items()))
        self._lepas_rumus_bersama()
        ada = [r for r in self.urut if self.sel[r]]
        if self.dimensi is not None and ada:
            k0, k1 = min(min(self.sel[r]) for r in ada), max(max(self.sel[r]) for r in ada)
            self.dimensi.set("ref", f"{_ref(ada[0], k0)}:{_ref(ada[-1], k1)}")
        return etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def _sisip_ekor(self, lembar: _Lembar) -> bytes | None:
        """The sheet with its rows from `kosong_dari` on (a table body replaced whole) written
        as text into the serialized rest, or None when they are not plain enough for that.

        Those rows are what most writes are (tens of thousands of cells for `Analisis`):
        building their text, parsing it and moving the parsed rows into the tree cost more than
        the rest of saving. Here the rows below are taken out of the tree, the rest is written
        as before, and the text of the rows goes where they were: the same bytes as
        `_jalankan_pohon` (each cell as `_sel_xml` writes it, each emptied cell its reference
        and style, each row's attributes as lxml writes them). Anything else in those rows (a
        formula, an extension, whitespace, an attribute needing escapes) keeps the tree."""
        assert lembar.kosong_dari is not None
        ns = self.t_row[1 : self.t_row.index("}")]
        peta = self.root.nsmap
        if peta.get(None) != ns or list(peta.values()).count(ns) != 1 or self.data.prefix:
            return None
        awalan = {u: p for p, u in peta.items() if p}
        if len(awalan) != len(set(peta.values()) - {ns}):
            return None
        if _SISIP_NS.encode() in self.xml or _XMLNS_SEL.search(self.xml):
            return None
        lama = self.urut[bisect.bisect_left(self.urut, lembar.kosong_dari) :]
        n_data = len(self.data)
        if len(lama) > n_data:
            return None
        tag_baris: dict[int, tuple[str, str]] = {}
        for j, n in enumerate(lama):
            row = self.baris[n]
            if self.data[n_data - len(lama) + j] is not row or row.text or row.tail:
                return None
            isi = self.sel[n]
            if len(row) != len(isi) or list(isi) != sorted(isi):
                return None
            for c in isi.values():
                if c.tail or c.text or not self._polos(c) or not _ATRIBUT_AMAN(c.get("r", "")):
                    return None
                if not _ATRIBUT_AMAN(c.get("s", "")):
                    return None
            awal = _tag_awal("row", row.attrib, awalan)
            if awal is None:
                return None
            tag_baris[n] = (awal, _tag_awal("row", row.attrib, awalan, "spans") or awal)
        tulis = sorted(lembar.tulis.items())
        i = bisect.bisect_left(tulis, (lembar.kosong_dari, 0), key=lambda t: t[0])
        self._isi_blok(tulis[:i])  # rows above: in the tree, as before
        per_baris: dict[int, list[tuple[int, Any, str | None]]] = {}
        for (r, k), (v, fmt) in tulis[i:]:
            per_baris.setdefault(r, []).append((k, v, fmt))
        teks: list[str] = []
        rentang: list[tuple[int, int, int]] = []
        """Per row left with cells: its number, first and last column (for `<dimension>`)."""
        untuk, sel_xml = self.gaya.untuk, self._sel_xml
        kosong: dict[int, Any] = {}
        for n in sorted({*lama, *per_baris}):
            isi = self.sel.get(n, kosong)
            keluar = {
                k: f'<c r="{c.get("r")}" s="{c.get("s")}"/>'
                if "s" in c.attrib
                else f'<c r="{c.get("r")}"/>'
                for k, c in isi.items()
            }
            tambah = False
            for k, v, fmt in per_baris.get(n, ()):
                c = isi.get(k)
                s = int(c.get("s", "0")) if c is not None else self._gaya_baru(n, k)
                s_baru = untuk(s, fmt, v)
                if c is None:
                    if v is None and s_baru == s:
                        continue
                    tambah = True
                keluar[k] = sel_xml(_ref(n, k), s_baru, v)
            urut = sorted(keluar) if isi and tambah else list(keluar)
            if n in tag_baris:
                awal = tag_baris[n][1 if tambah else 0]
            elif urut:
                awal = f'<row r="{n}"'
            else:
                continue
            if urut:
                rentang.append((n, urut[0], urut[-1]))
                teks.append(f"{awal}>{''.join(keluar[k] for k in urut)}</row>")
            else:
                teks.append(f"{awal}/>")
        del self.data[len(self.data) - len(lama) :]  # rows above may have been added
        self._lepas_rumus_bersama()
        ada = [
            (r, min(self.sel[r]), max(self.sel[r]))
            for r in self.urut
            if r < lembar.kosong_dari and self.sel[r]
        ]
        ada += rentang
        if self.dimensi is not None and ada:
            k0, k1 = min(a[1] for a in ada), max(a[2] for a in ada)
            self.dimensi.set("ref", f"{_ref(ada[0][0], k0)}:{_ref(ada[-1][0], k1)}")
        etree.SubElement(self.data, _SISIP, nsmap={"pyxlsisip": _SISIP_NS})
        xml = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)
        depan, belakang = xml.split(_SISIP_TEKS)
        return b"".join((depan, "".join(teks).encode("utf-8"), belakang))

    def _isi_blok(self, tulis: list[tuple[tuple[int, int], tuple[Any, str | None]]]) -> None:
        """Write the cells, row by row, as one piece of XML parsed at once.

        Creating cells element by element through lxml cost two thirds of a step that writes a
        few tens of thousands of cells; the text of each row's new cells, parsed in one call,
        gives the same elements (`_sel_xml` writes what `_isi` builds). A cell with more than
        a value and a style (a formula, an extension, another attribute) keeps `_isi`."""
        potong: list[str] = []
        tempat: list[tuple[int, list[tuple[int, Any]]]] = []
        """Per row written: its number, then per new cell its column and the cell it
        replaces (None: a cell that did not exist)."""
        kosong: dict[int, Any] = {}
        for (r, k), (v, fmt) in tulis:
            c = self.sel.get(r, kosong).get(k)
            if c is not None and not self._polos(c):
                self._isi(r, k, v, fmt)
                continue
            s = int(c.get("s", "0")) if c is not None else self._gaya_baru(r, k)
            s_baru = self.gaya.untuk(s, fmt, v)
            if c is None and _tanpa_isi(v, s, s_baru):
                continue
            if not tempat or tempat[-1][0] != r:
                potong.append("</row><row>" if tempat else "<row>")
                tempat.append((r, []))
            potong.append(self._sel_xml(_ref(r, k), s_baru, v))
            tempat[-1][1].append((k, c))
        if not tempat:
            return
        ns = self.t_row[1 : self.t_row.index("}")]
        wadah = etree.fromstring(f'<w xmlns="{ns}">{"".join(potong)}</row></w>', _PARSER)
        for (r, sel), row_baru in zip(tempat, list(wadah), strict=True):
            cells = list(row_baru)
            if r not in self.baris:  # a new row: the parsed one, whole
                row_baru.set("r", str(r))
                i = bisect.bisect_left(self.urut, r)
                if i == len(self.urut):
                    self.data.append(row_baru)
                else:
                    self.data.insert(self.data.index(self.baris[self.urut[i]]), row_baru)
                self.baris[r] = row_baru
                self.sel[r] = {k: c for (k, _), c in zip(sel, cells, strict=True)}
                self.urut.insert(i, r)
                continue
            row, isi = self.baris[r], self.sel[r]
            ada = sum(lama is not None for _, lama in sel)
            if ada == len(row):  # every cell of the row rewritten: its cells at once
                row[:] = cells
                self.sel[r] = {k: c for (k, _), c in zip(sel, cells, strict=True)}
                if ada < len(sel):
                    row.attrib.pop("spans", None)  # as for each new cell below
                continue
            for (k, lama), c in zip(sel, cells, strict=True):
                if lama is not None:
                    row.replace(lama, c)
                else:
                    urut = sorted(isi)
                    j = bisect.bisect(urut, k)
                    if j == len(urut):
                        row.insert(len(isi), c)
                    else:
                        row.insert(row.index(isi[urut[j]]), c)
                    row.attrib.pop("spans", None)  # an optional hint; dropped, not left wrong
                isi[k] = c

    _ATRIBUT_POLOS = frozenset(("r", "s", "t", "cm", "vm"))

    def _polos(self, c: Any) -> bool:
        """Whether cell `c` is no more than its reference, style, type and value, with the
        reference first: `_sel_xml` then writes exactly what `_isi` would make of it."""
        kunci = c.keys()
        if not kunci or kunci[0] != "r" or not self._ATRIBUT_POLOS.issuperset(kunci):
            return False
        return len(c) == 0 or (len(c) == 1 and c[0].tag in (self.t_v, self.t_is))

    def _sel_xml(self, ref: str, s: int, v: Any) -> str:
        return _sel_xml(ref, s, v, self.tahun1904)

    def _gaya_baru(self, r: int, k: int) -> int:
        """Style of a cell that does not exist yet: its row's, else its column's (as Excel)."""
        row = self.baris.get(r)
        if row is not None and row.get("customFormat") in ("1", "true"):
            return int(row.get("s", "0"))
        return self.gaya_kolom.gaya(k)

    def _isi(self, r: int, k: int, v: Any, fmt: str | None) -> None:
        c = self.sel.get(r, {}).get(k)
        s = int(c.get("s", "0")) if c is not None else self._gaya_baru(r, k)
        s_baru = self.gaya.untuk(s, fmt, v)
        if c is None:
            if _tanpa_isi(v, s, s_baru):
                return
            c = self._sel_baru(r, k)
        self._hapus(c)
        c.set("s", str(s_baru))
        if v is None:
            return
        if isinstance(v, str):
            c.set("t", "inlineStr")
            t = etree.SubElement(etree.SubElement(c, self.t_is), self.t_t, {_XML_SPACE: "preserve"})
            t.text = _ESCAPE_EXCEL.sub("_x005F_", v)
        else:
            if isinstance(v, bool):
                c.set("t", "b")
            angka = _serial(v, self.tahun1904) if isinstance(v, date | time) else v
            etree.SubElement(c, self.t_v).text = repr(int(angka) if isinstance(v, bool) else angka)
        c.insert(0, c[-1])  # the value goes before any extLst of the cell

    def _sel_baru(self, r: int, k: int) -> Any:
        if r not in self.baris:
            i = bisect.bisect_left(self.urut, r)
            self.baris[r], self.sel[r] = etree.Element(self.t_row, r=str(r)), {}
            self.data.insert(i, self.baris[r])
            self.urut.insert(i, r)
        row, sel = self.baris[r], self.sel[r]
        c = etree.Element(self.t_c, r=_ref(r, k))
        row.insert(len(sel) if not sel or k > max(sel) else bisect.bisect(sorted(sel), k), c)
        sel[k] = c
        row.attrib.pop("spans", None)  # an optional hint; dropped rather than left wrong
        return c

    def _hapus(self, c: Any) -> None:
        """Remove a cell's value and formula, keep its style."""
        for anak in list(c):
            if anak.tag == self.t_f and anak.get("t") == "shared" and anak.get("ref"):
                self.rumus_bersama[anak.get("si", "")] = (anak.text or "", c.get("r"))
            if anak.tag in (self.t_f, self.t_v, self.t_is):
                c.remove(anak)
        for a in ("t", "cm", "vm"):
            c.attrib.pop(a, None)

    def _lepas_rumus_bersama(self) -> None:
        """Cells that shared a removed master formula get the formula written out in full."""
        if not self.rumus_bersama:
            return
        from openpyxl.formula.translate import Translator

        for f in self.data.iter(self.t_f):
            asal = self.rumus_bersama.get(f.get("si", ""))
            if f.get("t") == "shared" and asal:
                sel = f.getparent().get("r")
                f.text = Translator("=" + asal[0], origin=asal[1]).translate_formula(sel)[1:]
                for a in ("t", "si", "ref"):
                    f.attrib.pop(a, None)


class BukuZip:
    """A master workbook file opened for one step (see the module docstring)."""

    def __init__(self, berkas: Path, hanya_baca: bool = False) -> None:
        self._berkas, self._hanya_baca = Path(berkas), hanya_baca
        if not self._berkas.exists():
            raise BukuError(
                f"Buku kerja {berkas} tidak ditemukan. Jalankan perintah dari folder kerja, "
                "sebutkan --workbook, atau buat folder kerja baru dengan: pyxl init FOLDER."
            )
        self._muat(self._berkas.read_bytes())

    def _galat(self, exc: Exception) -> BukuError:
        return BukuError(
            f"Buku kerja {self._berkas.name} tidak dapat dibaca ({exc}). Pulihkan dari folder "
            f"{skema.FOLDER_CADANGAN}/ bila ada."
        )

    def _muat(self, data: bytes) -> None:
        """Take `data` as the workbook: where each sheet lives, which parts matter on save."""
        try:
            self._zip = _Zip(data)
            root = etree.fromstring(self._zip.baca(_WORKBOOK), _PARSER)
            relasi = {
                rel.get("Id"): (rel.get("Type", "").rsplit("/", 1)[-1], rel.get("Target", ""))
                for rel in etree.fromstring(self._zip.baca(_RELS), _PARSER)
            }
            self._bagian = {jenis: _bagian(t) for jenis, t in relasi.values()}
            self._sheet = {
                el.get("name", ""): _bagian(relasi[el.get(_NS_R + "id")][1])
                for el in root.iterfind("{*}sheets/{*}sheet")
            }
            self._tersembunyi = {
                el.get("name", "")
                for el in root.iterfind("{*}sheets/{*}sheet")
                if el.get("state") in ("hidden", "veryHidden")
            }
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, struct.error) as exc:
            raise self._galat(exc) from exc
        except etree.LxmlError as exc:  # not a ValueError
            raise self._galat(exc) from exc
        pr = root.find("{*}workbookPr")
        self._1904 = pr is not None and pr.get("date1904") in ("1", "true")
        self._kalamin: Any = None
        self._baca: dict[str, list[list[Any]]] = {}
        self._ubah: dict[str, _Lembar] = {}
        self._struktur: dict[str, bytes] = {}
        """Parts a sheet operation rewrote or added (workbook.xml, a new sheet, …)."""
        self._asal: dict[str, str] = {n: n for n in self._sheet}
        """A sheet's name in the file as loaded (calamine reads it by that name)."""

    @property
    def folder(self) -> Path:
        return self._berkas.resolve().parent

    @property
    def berkas(self) -> Path:
        return self._berkas

    def nama_sheet(self) -> list[str]:
        return list(self._sheet)

    def ada_sheet(self, nama: str) -> bool:
        return nama in self._sheet

    def tersembunyi(self) -> set[str]:
        return set(self._tersembunyi)

    def _xml(self, bagian: str) -> bytes:
        """A part as it stands now (after the sheet operations of this step)."""
        return self._struktur[bagian] if bagian in self._struktur else self._zip.baca(bagian)

    def _nilai(self, sheet: str) -> list[list[Any]]:
        """The sheet's values as saved (calamine reads hidden and very hidden sheets too)."""
        if sheet not in self._sheet:
            raise BukuError(f"Sheet '{sheet}' tidak ada di buku kerja {self._berkas.name}.")
        if sheet not in self._baca:
            sheet_asal = self._asal[sheet]
            from python_calamine import CalamineError, CalamineWorkbook

            try:
                if self._kalamin is None:
                    self._kalamin = CalamineWorkbook.from_filelike(io.BytesIO(self._zip.data))
                isi = self._kalamin.get_sheet_by_name(sheet_asal).to_python(skip_empty_area=False)
            except CalamineError as exc:
                raise self._galat(exc) from exc
            self._baca[sheet] = [[_nilai_baca(v) for v in r] for r in isi]
        return self._baca[sheet]

    def baca(self, sheet: str) -> list[list[Any]]:
        lembar = self._ubah.get(sheet)
        rows = lembar.nilai if lembar else self._nilai(sheet)
        lebar = max((len(r) for r in rows), default=0)
        hasil = [list(r) + [None] * (lebar - len(r)) for r in rows]
        while hasil and all(v is None for v in hasil[-1]):
            hasil.pop()
        return hasil

    def sel_persen(self, sheet: str, calon: Collection[str]) -> set[str]:
        from pyxl.inti.pindai import sel_persen, xf_persen

        gaya = self._bagian.get("styles")
        xf = xf_persen(self._xml(gaya)) if gaya else frozenset()
        if not xf or not calon or sheet not in self._sheet:
            return set()
        return set(calon) & sel_persen(self._xml(self._sheet[sheet]), xf)

    def _lembar(self, sheet: str) -> _Lembar:
        if sheet not in self._ubah:
            nilai = [list(r) for r in self._nilai(sheet)]
            self._ubah[sheet] = _Lembar(self._sheet[sheet], nilai)
        return self._ubah[sheet]

    def tulis(
        self,
        sheet: str,
        baris: int,
        kolom: int,
        nilai: Sequence[Sequence[Any]],
        format_angka: Sequence[str | None] | None = None,
    ) -> None:
        lembar = self._lembar(sheet)
        tulis, fmts = lembar.tulis, list(format_angka or ())
        for r, row in enumerate(nilai, start=baris):
            lembar.nilai.extend([] for _ in range(r - len(lembar.nilai)))
            isi = lembar.nilai[r - 1]
            baru = [_nilai_tulis(v) for v in row]
            for j, v in enumerate(baru):
                fmt = fmts[j] if j < len(fmts) else None
                if not fmt:  # a format written before stays
                    lama = tulis.get((r, kolom + j))
                    fmt = lama[1] if lama else None
                tulis[(r, kolom + j)] = (v, fmt)
            if baru:
                isi.extend([None] * (kolom - 1 + len(baru) - len(isi)))
                isi[kolom - 1 : kolom - 1 + len(baru)] = baru

    def kosongkan(self, sheet: str, dari_baris: int) -> None:
        lembar = self._lembar(sheet)
        lembar.kosong_dari = min(lembar.kosong_dari or dari_baris, dari_baris)
        for (r, k), (_v, fmt) in list(lembar.tulis.items()):
            if r >= dari_baris:
                lembar.tulis[(r, k)] = (None, fmt)
        for row in lembar.nilai[dari_baris - 1 :]:
            row[:] = [None] * len(row)

    def _daftar_bagian(self) -> set[str]:
        return {*self._zip.pusat, *self._struktur}

    def tambah_sheet(
        self, nama: str, contoh: str, sesudah: str, judul_cetak: str | None = None
    ) -> None:
        if nama in self._sheet:
            raise BukuError(f"Sheet '{nama}' sudah ada di buku kerja {self._berkas.name}.")
        ganti, bagian = lembar_zip.tambah(
            self._xml,
            nama,
            contoh,
            self._sheet[contoh],
            sesudah,
            self._daftar_bagian(),
            judul_cetak,
        )
        self._struktur.update(ganti)
        urutan = list(self._sheet.items())
        i = [n for n, _ in urutan].index(sesudah) + 1
        self._sheet = dict([*urutan[:i], (nama, bagian), *urutan[i:]])
        self._baca[nama] = [list(self.baca(contoh)[:1][0])] if self.baca(contoh) else []

    def ganti_nama_sheet(self, lama: str, baru: str) -> None:
        if baru in self._sheet:
            raise BukuError(f"Sheet '{baru}' sudah ada di buku kerja {self._berkas.name}.")
        self._struktur.update(lembar_zip.ganti_nama(self._xml, self._daftar_bagian(), lama, baru))
        self._sheet = {(baru if n == lama else n): b for n, b in self._sheet.items()}
        if lama in self._baca:
            self._baca[baru] = self._baca.pop(lama)
        if lama in self._ubah:
            self._ubah[baru] = self._ubah.pop(lama)
        if lama in self._asal:
            self._asal[baru] = self._asal.pop(lama)
        if lama in self._tersembunyi:
            self._tersembunyi = (self._tersembunyi - {lama}) | {baru}

    def sembunyikan_sheet(self, nama: str, sembunyi: bool = True) -> None:
        self._struktur.update(lembar_zip.sembunyikan(self._xml, nama, sembunyi))
        self._tersembunyi = self._tersembunyi | {nama} if sembunyi else self._tersembunyi - {nama}

    def atur_judul_cetak(self, sheet: str, judul: str) -> None:
        bagian = self._sheet[sheet]
        self._struktur[bagian] = lembar_zip.judul_cetak(self._xml(bagian), judul)

    def atur_rentang_grafik(self, sheet: str, baris_akhir: int) -> None:
        """Make every chart drawn on `sheet` read its data down to row `baris_akhir`."""
        for bagian in self._grafik(sheet):
            self._struktur[bagian] = lembar_zip.rentang_grafik(self._xml(bagian), baris_akhir)

    def _grafik(self, sheet: str) -> list[str]:
        """The chart parts anchored on `sheet` (sheet -> drawing -> charts)."""
        hasil = []
        for gambar in _target(self, self._sheet[sheet], "drawing"):
            hasil += _target(self, gambar, "chart")
        return hasil

    def jumlah_rumus(self, kecuali: Sequence[str] = ()) -> int:
        """Cells holding a formula, over every sheet but `kecuali` (as saved)."""
        return sum(
            len(_RE_RUMUS.findall(self._zip.baca(bagian)))
            for nama, bagian in self._sheet.items()
            if nama not in kecuali
        )

    def isi_baru(self) -> bytes:
        """The workbook with this step's writes, as it would be saved (nothing is written)."""
        return self._zip_baru()

    def simpan(self) -> None:
        if self._hanya_baca:
            raise BukuError("Buku kerja dibuka hanya-baca; tidak disimpan.")
        isi = self._zip_baru()
        simpan_atomik(isi, self._berkas)
        self._zip.zip.close()
        self._muat(isi)

    def _zip_baru(self) -> bytes:
        if not self._ubah and not self._struktur:
            return self._zip.data
        gaya = _Gaya(self._zip.baca(self._bagian["styles"]))
        ganti: dict[str, bytes] = {}
        for lb in self._ubah.values():
            xml = self._xml(lb.bagian)
            baru = _ganti_sel(xml, lb, gaya, self._1904)
            if baru is None:
                baru = _Bedah(xml, gaya, self._1904).jalankan(lb)
            ganti[lb.bagian] = baru
        ganti = {**self._struktur, **ganti}
        if gaya.ubah:
            ganti[self._bagian["styles"]] = etree.tostring(
                gaya.root, xml_declaration=True, encoding="UTF-8", standalone=True
            )
        rantai = self._bagian.get("calcChain")
        if rantai is None:
            return self._zip.tulis(ganti, set())
        # The calculation chain lists formula cells; a stale one makes Excel "repair" the file.
        ganti[_RELS] = _tanpa(self._xml(_RELS), "Target", rantai.rsplit("/", 1)[-1])
        ganti[_JENIS] = _tanpa(self._xml(_JENIS), "PartName", "/" + rantai)
        return self._zip.tulis(ganti, {rantai})

    def tutup(self) -> None:
        """Release the workbook's bytes (nothing stays open on disk)."""
        self._zip.zip.close()
        self._kalamin = None
        self._baca.clear()


def _target(buku: BukuZip, bagian: str, jenis: str) -> list[str]:
    """The parts `bagian` relates to with relationship type `jenis` (by its .rels)."""
    import posixpath

    folder, nama = posixpath.split(bagian)
    rels = posixpath.join(folder, "_rels", nama + ".rels")
    if rels not in buku._daftar_bagian():
        return []
    hasil = []
    for rel in etree.fromstring(buku._xml(rels), _PARSER):
        if rel.get("Type", "").rsplit("/", 1)[-1] == jenis:
            target = rel.get("Target", "")
            hasil.append(
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
    return hasil


_RE_RUMUS = re.compile(rb"<(?:\w+:)?f[ >/]")
"""A formula element of a cell (`<f>`, `<f t=\"shared\" ...>`, `<x:f/>`)."""


def _bagian(target: str) -> str:
    """A relationship target of the workbook as a member name of the zip."""
    return target[1:] if target.startswith("/") else "xl/" + target


def _tanpa(xml: bytes, atribut: str, akhiran: str) -> bytes:
    """The XML without the children whose `atribut` ends with `akhiran`."""
    root = etree.fromstring(xml, _PARSER)
    for el in list(root):
        if el.get(atribut, "").endswith(akhiran):
            root.remove(el)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def periksa_tidak_dibuka(berkas: Path) -> None:
    """Refuse a master another program has open (its saved file would overwrite ours)."""
    dibuka = pemilik(berkas)
    if dibuka:
        program, nama = dibuka
        tombol = "Pakai tombol di sheet Kendali, atau tutup" if program == "Excel" else "Tutup"
        raise BukuTerkunci(
            f"Buku kerja {berkas.name} sedang dibuka di {program} oleh {nama}. {tombol} "
            f"{program} dahulu lalu ulangi perintah ini. Bila tidak ada yang membukanya "
            f"(program tertutup tidak wajar), hapus berkas {berkas_kunci(berkas, program).name} "
            "di folder itu."
        )


def periksa_bukan_hanya_baca(berkas: Path) -> None:
    """Refuse a master marked read-only: it would be replaced, not written, and the office's
    mark lost."""
    # no write bit at all: Windows' read-only attribute, or chmod a-w (which os.access
    # ignores for an administrator)
    if not os.access(berkas, os.W_OK) or not berkas.stat().st_mode & 0o222:
        raise BukuTerkunci(
            f"Buku kerja {berkas.name} ditandai hanya-baca (read-only), jadi tidak diubah. Bila "
            "memang boleh diubah: klik kanan berkasnya > Properties, hapus centang Read-only "
            "(atau minta hak tulis), lalu ulangi perintah ini."
        )


@contextlib.contextmanager
def buka(berkas: Path, hanya_baca: bool = False) -> Iterator[BukuZip]:
    """Open the master for one step: refuse when Excel has it open, hold the folder lock."""
    berkas = Path(berkas)
    if not berkas.exists():
        raise BukuError(
            f"Buku kerja {berkas} tidak ditemukan. Jalankan perintah dari folder kerja, "
            "sebutkan --workbook, atau buat folder kerja baru dengan: pyxl init FOLDER."
        )
    if not hanya_baca:
        periksa_tidak_dibuka(berkas)
    with contextlib.ExitStack() as tumpukan:
        if not hanya_baca:
            tumpukan.enter_context(kunci_folder(berkas.resolve().parent))
            periksa_bukan_hanya_baca(berkas)
        buku = BukuZip(berkas, hanya_baca=hanya_baca)
        try:
            yield buku
        finally:
            buku.tutup()
