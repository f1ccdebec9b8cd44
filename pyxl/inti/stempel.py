"""The stamp of an issued format: what it holds, how it is signed, how a file is checked.

Every format of step 2 carries the same `Stempel` twice: as key/value rows of the hidden sheet
`Stempel` and as custom document properties (both survive a re-save by Excel or LibreOffice).
The signature is an HMAC-SHA256 keyed by a secret that lives only in the master (very hidden
sheet `Sistem`, key `Rahasia Stempel`) over the *locked* content: per indicator row every
column a Bagian does not fill (`KOLOM_TERKUNCI`), plus template id and version, Bagian code,
year and format id. Two digests are made with `kanonik`/`tanda_tangan`:

- `tanda_tangan` (per issue, id included): proves this very file was issued and not edited;
- `sidik_konten` (same content, id left empty): equal for two issues with the same content, so
  the ledger `Format Terbit` can tell whether a later issue changed what a Bagian was sent.

Cells are canonicalised so that a re-save by another program keeps the signature valid
(LibreOffice writes 15 significant digits, moves strings around, saves booleans as formulas):
numbers as `format(float(x), ".15g")` with -0 as 0, text stripped and NFC-normalised with
line ends unified, empty as "", dates in ISO form. Step 6 (`himpun`) uses `verifikasi`.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import io
import json
import re
import secrets
import unicodedata
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from pyxl.galat import FormatRusak
from pyxl.inti.pindai import PROPERTI
from pyxl.inti.sel import kutip, sebagai_teks
from pyxl.kontrak import skema
from pyxl.kontrak.periode import TAHUNAN

TEMPLAT_ID = "PYXL-FORMAT-IKU"
VERSI_TEMPLAT = 3
KOLOM_VERSI = {
    1: skema.KOLOM_INDIKATOR_V1,
    2: skema.KOLOM_INDIKATOR_V2,
    3: skema.KOLOM_INDIKATOR,
}
"""The table columns of each template version: a format issued by an earlier release (before
`Rumus Capaian` and `Skala`, or before `Cara Tahunan`, `Perlu Bukti` and `Bukti`) is still
read and verified as it was signed."""
SHEET_FORMAT = "Format IKU"
SHEET_STEMPEL = "Stempel"
KUNCI_RAHASIA = "Rahasia Stempel"
TERKUNCI_VERSI = {
    v: tuple(k for k in kolom if k not in skema.KOLOM_ISIAN) for v, kolom in KOLOM_VERSI.items()
}
KOLOM_TERKUNCI = TERKUNCI_VERSI[VERSI_TEMPLAT]
"""The signed columns of a row: every column a Bagian does not fill."""
BATAS_XML = 1_000_000
"""docProps/custom.xml larger than this is not ours (and not read)."""


_BENAR_SALAH = {"=TRUE()": "TRUE", "=FALSE()": "FALSE"}
"""Booleans as LibreOffice saves them, read by a reader in formula mode."""


def nilai_kanonik(v: object) -> str:
    """One cell as canonical text (see the module docstring); never `repr()`."""
    if v is None:
        return ""
    if isinstance(v, str):  # the common case first: most cells are text
        teks = v if v.isascii() else unicodedata.normalize("NFC", v)
        teks = teks.replace("\r\n", "\n").replace("\r", "\n").strip()
        return _BENAR_SALAH.get(teks.upper(), teks) if teks.startswith("=") else teks
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, int | float):
        teks = format(float(v), ".15g")
        return "0" if teks == "-0" else teks
    if isinstance(v, datetime):
        return v.date().isoformat() if v.time() == time() else v.isoformat(timespec="seconds")
    if isinstance(v, date | time):
        return v.isoformat()
    return nilai_kanonik(str(v))


def angka_kanonik(x: float) -> float:
    """A number as it is written into a format: rounded to 15 significant digits, so every
    later reader (and LibreOffice's 15-digit writer) sees exactly the same value."""
    return float(nilai_kanonik(x))


def kanonik(
    rows: Iterable[Mapping[str, object]],
    kode: str,
    tahun: int | str,
    id_format: str,
    versi: int = VERSI_TEMPLAT,
) -> bytes:
    """The signed bytes: template, Bagian code, year, format id and each row's locked cells
    (the columns of template version `versi`)."""
    return _kanonik(_sel_terkunci(rows, versi), kode, tahun, id_format, versi)


def sidik_per_versi(
    rows: Sequence[Mapping[str, object]], kode: str, tahun: int | str, secret: bytes
) -> dict[int, str]:
    """The content digest of `rows` as each template version signs it: a format issued by an
    earlier release still holds the same content when its version's digest is unchanged."""
    return {v: tanda_tangan(secret, kanonik(rows, kode, tahun, "", v)) for v in KOLOM_VERSI}


def _sel_terkunci(
    rows: Iterable[Mapping[str, object]], versi: int = VERSI_TEMPLAT
) -> list[list[str]]:
    return [[nilai_kanonik(r.get(k)) for k in TERKUNCI_VERSI[versi]] for r in rows]


def _kanonik(
    isi: list[list[str]],
    kode: str,
    tahun: int | str,
    id_format: str,
    versi: int = VERSI_TEMPLAT,
) -> bytes:
    kepala = [TEMPLAT_ID, str(versi), nilai_kanonik(kode), nilai_kanonik(tahun)]
    data = [*kepala, nilai_kanonik(id_format), list(TERKUNCI_VERSI[versi]), isi]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def tanda_tangan(secret: bytes, data: bytes) -> str:
    """HMAC-SHA256 of `data` keyed by `secret`, as 64 hex digits."""
    return hmac.new(secret, data, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Stempel:
    """What every issued format carries; `label` of each field is its key in the file."""

    id_templat: str = field(metadata={"label": "ID Templat"})
    versi_templat: int = field(metadata={"label": "Versi Templat"})
    kode_bagian: str = field(metadata={"label": "Kode Bagian"})
    tahun: int = field(metadata={"label": "Tahun"})
    id_format: str = field(metadata={"label": "ID Format"})
    waktu_terbit: str = field(metadata={"label": "Waktu Terbit"})
    """ISO time of issue (local time of the master's machine)."""
    baris_judul: int = field(metadata={"label": "Baris Judul"})
    """1-based row of the table header on `Format IKU`; data rows follow it."""
    jumlah_baris: int = field(metadata={"label": "Jumlah Baris"})
    sidik_konten: str = field(metadata={"label": "Sidik Konten"})
    """HMAC over the locked content without the id (also in the ledger `Format Terbit`)."""
    tanda_tangan: str = field(metadata={"label": "Tanda Tangan"})
    """HMAC over the locked content with the id."""
    periode: str = field(default=TAHUNAN, metadata={"label": "Periode"})
    """The round it was issued for; absent in stamps of earlier releases (`Tahunan`). Step 6
    goes by the ledger's `Periode` of the (signed) id, this copy is for people and tools."""

    def pasangan(self) -> list[tuple[str, str]]:
        """(key, value) pairs as written into the sheet and the document properties."""
        return [(f.metadata["label"], str(getattr(self, f.name))) for f in fields(self)]

    @classmethod
    def dari_kamus(cls, nilai: Mapping[str, object]) -> Stempel | None:
        """From key/value pairs as read back; None when a key is missing or malformed."""
        hasil: dict[str, Any] = {}
        try:
            for nama, label, bulat in _MEDAN:
                if label not in nilai and label in _MEDAN_PILIHAN:
                    continue
                teks = nilai_kanonik(nilai[label])
                hasil[nama] = int(float(teks)) if bulat else teks
        except (KeyError, ValueError, OverflowError):
            return None
        return cls(**hasil) if hasil["baris_judul"] >= 1 and hasil["jumlah_baris"] >= 0 else None


_MEDAN = [(f.name, f.metadata["label"], f.type == "int") for f in fields(Stempel)]
"""(attribute, key in the file, is a number) of each stamp field, in order."""
_MEDAN_PILIHAN = frozenset({"Periode"})
"""Keys a stamp of an earlier release does not have."""


def terbitkan(
    rows: Sequence[Mapping[str, object]],
    kode: str,
    tahun: int,
    secret: bytes,
    waktu: datetime,
    baris_judul: int,
    periode: str = TAHUNAN,
) -> Stempel:
    """A new stamp for `rows` issued for round `periode`: a fresh id
    `IKU-<tahun>-<KODE>-<8 hex>`, both digests."""
    id_format = f"IKU-{tahun}-{kode}-{secrets.token_hex(4).upper()}"
    sidik = tanda_tangan(secret, kanonik(rows, kode, tahun, ""))
    ttd = tanda_tangan(secret, kanonik(rows, kode, tahun, id_format))
    iso = waktu.isoformat(timespec="seconds")
    return Stempel(
        TEMPLAT_ID,
        VERSI_TEMPLAT,
        kode,
        tahun,
        id_format,
        iso,
        baris_judul,
        len(rows),
        sidik,
        ttd,
        periode,
    )


@dataclass
class HasilVerifikasi:
    """Outcome of `verifikasi`: `sah` only when stamp, table shape and signature all hold."""

    sah: bool
    alasan: str = ""
    """Why not (Indonesian, for `Validasi` messages); "" when valid."""
    stempel: Stempel | None = None
    isi: list[dict[str, object]] = field(default_factory=list)
    """The table rows as read (see `baca_isi_format`), when readable."""
    sidik_konten: str = ""
    """The content digest recomputed from the file (compare with `Format Terbit`)."""
    rusak: bool = False
    """The file or its table could not be read at all (a corrupt file, not an edited one)."""
    baris_berubah: bool = False
    """Rows were added to or deleted from the table (all of them, possibly)."""


Sumber = Path | bytes
"""A file on disk, or its bytes already in memory (step 6 reads each return once)."""


def _buka(sumber: Sumber) -> Any:
    from python_calamine import CalamineWorkbook

    if isinstance(sumber, bytes):
        return CalamineWorkbook.from_filelike(io.BytesIO(sumber))
    return CalamineWorkbook.from_path(str(sumber))


def _stempel_sheet(wb: Any) -> dict[str, object] | None:
    if SHEET_STEMPEL not in wb.sheet_names:
        return None
    rows = wb.get_sheet_by_name(SHEET_STEMPEL).to_python(skip_empty_area=False)
    return {sebagai_teks(r[0]): r[1] for r in rows if len(r) >= 2 and sebagai_teks(r[0])}


class _Belum(enum.Enum):
    BACA = 0


BACA_SENDIRI = _Belum.BACA
"""`verifikasi` reads the document properties from the file itself."""


def _stempel_properti(
    sumber: Sumber, mentah: bytes | _Belum | None = BACA_SENDIRI
) -> dict[str, object] | None:
    """Custom document properties (docProps/custom.xml, or `mentah` when the caller already
    read it from the zip: None when the file has none), parsed with defusedxml."""
    from defusedxml.ElementTree import fromstring

    if mentah is BACA_SENDIRI:
        with zipfile.ZipFile(io.BytesIO(sumber) if isinstance(sumber, bytes) else sumber) as z:
            try:
                info = z.getinfo(PROPERTI)
            except KeyError:
                return None
            if info.file_size > BATAS_XML:
                return None
            mentah = z.read(info)
    if mentah is None or len(mentah) > BATAS_XML:
        return None
    if (biasa := _properti_biasa(mentah)) is not None:
        return biasa
    akar = fromstring(mentah)
    return {p.get("name", ""): "".join(p.itertext()) for p in akar if p.get("name")}


_NS_PROPERTI = b"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_NS_VT = b' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"'
_AKAR_PROPERTI = re.compile(
    rb'(?:<\?xml version="1\.0"(?: encoding="UTF-8")?(?: standalone="yes")?\?>[ \t\r\n]*)?'
    rb'<Properties xmlns="' + re.escape(_NS_PROPERTI) + rb'"(' + re.escape(_NS_VT) + rb")?>"
)
_SATU_PROPERTI = re.compile(
    rb'<property((?: [a-zA-Z]+="[\x20\x21\x23-\x25\x27-\x3b\x3d\x3f-\x7e]*")+)>'
    rb"<vt:lpwstr(" + re.escape(_NS_VT) + rb")?>([\x20-\x25\x27-\x3b\x3d-\x5c\x5e-\x7e]*)"
    rb"</vt:lpwstr></property>"
)
_ATRIBUT_PROPERTI = re.compile(rb' ([a-zA-Z]+)="([^"]*)"')


def _properti_biasa(mentah: bytes) -> dict[str, object] | None:
    """The properties of a part in the form pyxl, Excel and LibreOffice write it (names and
    values printable ASCII without `&`, `<`, `>` or `]`: every field of a stamp), read with
    three patterns; None for any other form, which the XML parser reads (it took 0.09 ms of
    the 0.64 ms a return's stamp check costs)."""
    mentah = mentah.rstrip(b" \t\r\n")
    akar = _AKAR_PROPERTI.match(mentah)
    if akar is None or not mentah.endswith(b"</Properties>"):
        return None
    akhir = len(mentah) - len(b"</Properties>")
    vt_di_akar = akar[1] is not None
    hasil: dict[str, object] = {}
    ujung = akar.end()
    for m in _SATU_PROPERTI.finditer(mentah, ujung, akhir):
        if m.start() != ujung or not (vt_di_akar or m[2]):
            return None  # something between two properties, or an undeclared prefix
        atribut = _ATRIBUT_PROPERTI.findall(m[1])
        nama = [v for k, v in atribut if k == b"name"]
        if len({k for k, _ in atribut}) != len(atribut) or len(nama) != 1:
            return None  # an attribute twice (not well-formed), or no name
        if nama[0]:
            hasil[nama[0].decode("ascii")] = m[3].decode("ascii")
        ujung = m.end()
    return hasil if ujung == akhir else None


def bertanda(data: bytes) -> bool:
    """Whether `data` carries a format stamp of pyxl in its document properties: a quick look
    (the properties part only) that tells a returned format from another spreadsheet sent with
    it as evidence. Never raises; whether the stamp is valid is `verifikasi`'s to say."""
    if not data.startswith(b"PK"):
        return False
    try:
        properti = _stempel_properti(data)
    except BaseException as exc:  # not a zip, hostile XML, …
        if not galat_pembaca(exc):
            raise
        return False
    return properti is not None and nilai_kanonik(properti.get("ID Templat")) == TEMPLAT_ID


def galat_pembaca(exc: BaseException) -> bool:
    """Whether `exc` is a reader failing on a file: any Exception, or a panic of the native
    reader (pyo3's PanicException derives from BaseException, so `except Exception` misses
    it: e.g. a date cell far beyond the year 9999 panics python-calamine's conversion)."""
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"


TAK_TERBACA = "berkas tidak dapat dibaca sebagai buku kerja .xlsx"


def _baca_stempel(
    sumber: Sumber, wb: Any = None, properti_mentah: bytes | _Belum | None = BACA_SENDIRI
) -> tuple[Stempel | None, str, bool]:
    """The stamp and, when there is none, why (Indonesian) and whether the file could not be
    read at all. Never raises on foreign files."""
    try:
        lembar = _stempel_sheet(wb if wb is not None else _buka(sumber))
        properti = _stempel_properti(sumber, properti_mentah)
    except BaseException as exc:  # unreadable (not a zip, encrypted, corrupt or hostile XML)
        if not galat_pembaca(exc):
            raise
        return None, TAK_TERBACA, True
    dari_lembar = Stempel.dari_kamus(lembar) if lembar else None
    dari_properti = Stempel.dari_kamus(properti) if properti else None
    if dari_lembar and dari_properti and dari_lembar != dari_properti:
        return None, "stempel di sheet Stempel berbeda dengan properti dokumen (diubah)", False
    stempel = dari_lembar or dari_properti
    if stempel is None:
        return None, "berkas tidak berstempel: bukan format yang diterbitkan pyxl", False
    if stempel.id_templat != TEMPLAT_ID:
        return None, f"ID templat '{kutip(stempel.id_templat)}' bukan {TEMPLAT_ID}", False
    return stempel, "", False


def baca_stempel(path: Path) -> Stempel | None:
    """The stamp of a file (hidden sheet, cross-checked with the document properties), or None
    for anything that is not a readable, consistently stamped format."""
    return _baca_stempel(Path(path))[0]


def _isi(wb: Any, stempel: Stempel) -> list[dict[str, object]]:
    if SHEET_FORMAT not in wb.sheet_names:
        raise FormatRusak(f"Sheet '{SHEET_FORMAT}' tidak ada.")
    rows = wb.get_sheet_by_name(SHEET_FORMAT).to_python(skip_empty_area=False)
    kolom = KOLOM_VERSI.get(stempel.versi_templat, skema.KOLOM_INDIKATOR)
    n = len(kolom)
    judul = stempel.baris_judul
    header = [sebagai_teks(v) for v in (rows[judul - 1] if len(rows) >= judul else [])][:n]
    if header != list(kolom):
        raise FormatRusak(
            f"Judul kolom di baris {judul} sheet '{SHEET_FORMAT}' tidak sesuai templat "
            "(kolom diubah, disisipkan atau dihapus)."
        )
    data = [(list(r[:n]) + [""] * n)[:n] for r in rows[judul:]]
    while data and all(v == "" for v in data[-1]):
        data.pop()
    hasil: list[dict[str, object]] = []
    for i, r in enumerate(data, start=judul + 1):
        hasil.append({k: None if v == "" else v for k, v in zip(kolom, r, strict=True)})
        hasil[-1]["_baris"] = i
    return hasil


def baca_isi_format(path: Path, stempel: Stempel) -> list[dict[str, object]]:
    """The table rows of `Format IKU` below the stamp's header row, keyed by the contract
    columns (empty cells None, formulas as their cached value) plus `_baris`, the sheet row.
    Every row down to the last non-empty one is returned, so added rows show up.
    Raises `FormatRusak` when the sheet or its header is not the template's."""
    return _isi(_buka(Path(path)), stempel)


def verifikasi(
    sumber: Sumber | str,
    secret: bytes,
    *,
    properti: bytes | _Belum | None = BACA_SENDIRI,
    sidik_konten: bool = True,
) -> HasilVerifikasi:
    """Check a (returned) format, given as a path or its bytes: stamp present and consistent,
    header and row count as issued, and the signature valid over the locked content re-read
    from the file. `properti`: its `docProps/custom.xml` when the caller already read the zip
    (None: it has none). `sidik_konten=False` skips `HasilVerifikasi.sidik_konten` (a second
    signature that only issuing a format needs)."""
    sumber = sumber if isinstance(sumber, bytes) else Path(sumber)
    try:
        wb = _buka(sumber)
    except BaseException as exc:
        if not galat_pembaca(exc):
            raise
        return HasilVerifikasi(False, TAK_TERBACA, rusak=True)
    stempel, alasan, rusak = _baca_stempel(sumber, wb, properti)
    if stempel is None:
        return HasilVerifikasi(False, alasan, rusak=rusak)
    if stempel.versi_templat not in KOLOM_VERSI:
        return HasilVerifikasi(False, f"versi templat {stempel.versi_templat} tidak dikenal")
    try:
        isi = _isi(wb, stempel)
    except FormatRusak as exc:  # the template's layout was changed
        return HasilVerifikasi(False, f"tabel format tidak dapat dibaca: {exc}", stempel)
    except BaseException as exc:  # a sheet the reader cannot parse (its message may quote it)
        if not galat_pembaca(exc):
            raise
        alasan = f"tabel format tidak dapat dibaca ({kutip(exc, 120)})"
        return HasilVerifikasi(False, alasan, stempel, rusak=True)
    hasil = HasilVerifikasi(False, "", stempel, isi)
    versi = stempel.versi_templat
    terkunci = _sel_terkunci(isi, versi)
    if sidik_konten:
        hasil.sidik_konten = tanda_tangan(
            secret, _kanonik(terkunci, stempel.kode_bagian, stempel.tahun, "", versi)
        )
    if len(isi) != stempel.jumlah_baris:
        hasil.baris_berubah = True
        hasil.alasan = (
            f"jumlah baris indikator {len(isi)}, padahal format diterbitkan dengan "
            f"{stempel.jumlah_baris} baris (baris ditambah atau dihapus)"
        )
        return hasil
    data = _kanonik(terkunci, stempel.kode_bagian, stempel.tahun, stempel.id_format, versi)
    if not hmac.compare_digest(tanda_tangan(secret, data), stempel.tanda_tangan):
        hasil.alasan = (
            "tanda tangan tidak cocok: isi sel terkunci diubah, atau format tidak diterbitkan "
            "dari buku kerja master ini"
        )
        return hasil
    hasil.sah = True
    return hasil
