"""Fuzzing of step 6's intake: generated hostile returns, none may break `pyxl himpun`.

Every case starts from a real format issued by `pyxl format` in a fresh working folder and
filled by `simulasi.isi_format` (built once per module), and is changed at the byte, XML or zip
level. Strategies:

- ``isian``     random values of every type in every input cell (Realisasi, Realisasi Anggaran,
                Keterangan): numbers (huge, tiny, -0, NaN/inf as text), booleans, dates, error
                values (#DIV/0!), formulas with cached values, inline/shared/formula strings,
                very long text, control characters, RTL/emoji/combining text, leading = + - @;
- ``terkunci``  edits to locked cells, the header, added rows, the stamp sheet and the document
                properties;
- ``zip``       bit flips, truncation, removed and duplicated members, wrong CRC, wrong
                compression method, lying sizes, zip-slip member names (../, absolute,
                backslashes), garbage before/after the archive;
- ``xml``       entity expansion ("billion laughs") and external entities
                (``SYSTEM "file:///etc/passwd"``) in sheets, sharedStrings, workbook.xml,
                custom.xml, core.xml and the rest; deeply nested XML; far-away cells
                (XFD1048576); huge shared-string tables; odd relationship ids and prefixes;
- plain tests: a file of exactly `pyxl.inti.pindai.BATAS_UKURAN` bytes and one byte more,
  zip bombs (one member, many members, overlapping members, lying sizes, a sheet of empty
  rows), and one regression test per crash, hang or wrong outcome the fuzzing found;
- ``ukur_lembar``: the size guard never measures less than the grid calamine really builds.

Outcome per case: accepted (maybe with `Peringatan` findings) or rejected with a `Blokir` code;
never an unhandled exception, never more than `BATAS_DETIK` seconds for one file (SIGALRM, and
faulthandler ends the run if native code never returns), never a change to the Bagian sheets
from a rejected file, never a file written outside the working folder. Besides: values a
spreadsheet program could have written are always accepted; an accepted file never has a
signed cell that an independent read sees changed; only the input cells of the file's own
Bagian change; no message is longer than 2000 characters; nothing of /etc/passwd shows up.

Two layers: `Meja.periksa` runs the real checks of step 6 on bytes
(`pyxl.inti.kembalian.periksa`, then `_gabungkan` into the master opened read-only and never
saved), so thousands of cases run in seconds; `test_ujung_ke_ujung` runs `pyxl himpun` on the
working folder (the master saved) and reads `Penerimaan`, `Validasi` and the Bagian sheets back.

Sample size: the default profile (``pyxl-fuzz-ci``, 250 derandomised cases per strategy, 20
end-to-end batches) keeps this file well under two minutes. The large run (profile
``pyxl-fuzz-banyak``, 3000 cases per strategy and 250 end-to-end batches by default):

    PYXL_FUZZ=banyak python -m pytest tests/test_fuzz_himpun.py

``PYXL_FUZZ_CONTOH=N`` sets the number of cases per strategy of that run. A table of outcomes
per strategy is printed when the module ends and written to ``keluaran-uji/fuzz_himpun.md``.
"""

from __future__ import annotations

import contextlib
import faulthandler
import hashlib
import io
import os
import re
import shutil
import signal
import struct
import time
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import FlakyStrategyDefinition

from conftest import KELUARAN
from pyxl.alat.simulasi import isi_format, isian_contoh
from pyxl.berkas import arsip_masuk
from pyxl.buku.daftar import baca_bagian
from pyxl.buku.sistem import rahasia as rahasia_stempel
from pyxl.buku.tabel import baca_tabel
from pyxl.buku.xlsm import BukuZip
from pyxl.cli import main
from pyxl.inti import isian, kembalian, pindai, stempel
from pyxl.inti.sel import sebagai_teks
from pyxl.inti.temuan import Temuan, ditolak, untuk
from pyxl.jalan.konteks import Konteks
from pyxl.kontrak import masalah, skema
from pyxl.kontrak.status import DITERIMA, DITOLAK, MENGGANTIKAN, STATUS_PENERIMAAN
from pyxl.langkah import himpun as lh
from pyxl.masuk.kiriman import Kiriman

pytestmark = pytest.mark.skipif(
    not hasattr(signal, "setitimer"), reason="the per-file time limit needs SIGALRM (POSIX)"
)

BATAS_DETIK = 5.0
"""Longest time one file may take through the checks (the issue's limit)."""
BATAS_KERAS = 60
"""If native code never gives control back, faulthandler dumps the stacks and ends the run."""

MODE = os.environ.get("PYXL_FUZZ", "ci")
_CONTOH = int(os.environ.get("PYXL_FUZZ_CONTOH", "0") or 0)
_UMUM: dict[str, Any] = {
    "deadline": None,
    "suppress_health_check": list(HealthCheck),
    "print_blob": True,
}
settings.register_profile("pyxl-fuzz-ci", max_examples=250, derandomize=True, **_UMUM)
settings.register_profile("pyxl-fuzz-banyak", max_examples=_CONTOH or 3000, **_UMUM)
PROFIL = settings.get_profile("pyxl-fuzz-banyak" if MODE == "banyak" else "pyxl-fuzz-ci")
PROFIL_E2E = settings(PROFIL, max_examples=max(20, PROFIL.max_examples // 12))
"""End-to-end examples (each a batch of up to four files through `pyxl himpun`)."""

WAKTU = datetime(2027, 1, 10, 9, 0)
KODE = "HUKUM"
PASSWD = "root:x:0:0"
"""What /etc/passwd starts with: must never show up in a value or a message."""


def _kode(tingkat: str) -> frozenset[str]:
    """The declared codes of step 6 (the received file and its cells) for one level."""
    return frozenset(
        k.kode for k in masalah.KODE.values() if k.tingkat == tingkat and k.asal != "analisis"
    )


KODE_BLOKIR = _kode(masalah.BLOKIR)
KODE_PERINGATAN = _kode(masalah.PERINGATAN)
STATUS = set(STATUS_PENERIMAAN)

HITUNG: Counter[tuple[str, str]] = Counter()
"""(strategy, outcome) -> cases, for the table at the end."""
TERLAMA: dict[str, float] = {}
"""strategy -> seconds of its slowest file."""


# --- time limit -------------------------------------------------------------------------------


class Macet(BaseException):
    """One file took longer than BATAS_DETIK (a BaseException: the product may not swallow it)."""


@contextlib.contextmanager
def batas_waktu(detik: float = BATAS_DETIK) -> Iterator[None]:
    def bunyi(_sig: int, _frame: object) -> None:
        raise Macet(f"satu berkas diperiksa lebih dari {detik} detik")

    lama = signal.signal(signal.SIGALRM, bunyi)
    signal.setitimer(signal.ITIMER_REAL, detik)
    faulthandler.dump_traceback_later(BATAS_KERAS, exit=True)
    mulai = time.perf_counter()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, lama)
        faulthandler.cancel_dump_traceback_later()
    lama_detik = time.perf_counter() - mulai
    if lama_detik > detik:  # native code that held on past the signal
        raise Macet(f"satu berkas diperiksa {lama_detik:.1f} detik (batas {detik})")


@pytest.fixture(scope="module", autouse=True)
def _batas_memori() -> Iterator[None]:
    """A native reader that tries to allocate gigabytes fails at once instead of swapping."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not on Windows
        yield
        return
    lunak, keras = resource.getrlimit(resource.RLIMIT_AS)
    with open("/proc/self/statm") as f:
        dipakai = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    batas = dipakai + 4 * 1024**3
    if keras != resource.RLIM_INFINITY:
        batas = min(batas, keras)
    resource.setrlimit(resource.RLIMIT_AS, (batas, keras))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (lunak, keras))


# --- a zip writer with every knob -------------------------------------------------------------


@dataclass
class Anggota:
    """One member as it will be written; the knobs let it lie about itself."""

    nama: str
    isi: bytes
    metode: int = zipfile.ZIP_DEFLATED
    """The method written in the headers (data is deflated only when this is 8)."""
    crc: int | None = None
    ukuran: int | None = None
    """Declared uncompressed size (None: the real one)."""
    nama_lokal: str | None = None
    flag: int = 0
    mentah: bytes | None = None
    """The stored bytes as they are (overrides compressing `isi`)."""


def tulis_zip(anggota: list[Anggota], komentar: bytes = b"", ekstra_pusat: bytes = b"") -> bytes:
    keluar, pusat = bytearray(), bytearray()
    for a in anggota:
        if a.mentah is not None:
            mentah = a.mentah
        elif a.metode == zipfile.ZIP_DEFLATED:
            z = zlib.compressobj(6, zlib.DEFLATED, -15)
            mentah = z.compress(a.isi) + z.flush()
        else:
            mentah = a.isi
        crc = zlib.crc32(a.isi) if a.crc is None else a.crc
        ukuran = len(a.isi) if a.ukuran is None else a.ukuran
        nama = a.nama.encode("utf-8", "surrogatepass")
        lokal = (a.nama if a.nama_lokal is None else a.nama_lokal).encode("utf-8", "surrogatepass")
        flag = a.flag | (0x800 if not a.nama.isascii() else 0)
        pos = len(keluar)
        keluar += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, flag, a.metode & 0xFFFF, 0, 0x21, crc & 0xFFFFFFFF,
            len(mentah) & 0xFFFFFFFF, ukuran & 0xFFFFFFFF, len(lokal) & 0xFFFF, 0,
        )  # fmt: skip
        keluar += lokal + mentah
        pusat += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flag, a.metode & 0xFFFF, 0, 0x21,
            crc & 0xFFFFFFFF, len(mentah) & 0xFFFFFFFF, ukuran & 0xFFFFFFFF, len(nama) & 0xFFFF,
            len(ekstra_pusat), 0, 0, 0, 0, pos,
        )  # fmt: skip
        pusat += nama + ekstra_pusat
    akhir = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(anggota) & 0xFFFF, len(anggota) & 0xFFFF,
        len(pusat), len(keluar), len(komentar),
    )  # fmt: skip
    return bytes(keluar + pusat + akhir + komentar)


# --- the issued, filled format and what the master knows about it ------------------------------


@dataclass
class Dasar:
    """The filled return every case is built from."""

    data: bytes
    anggota: dict[str, bytes]
    """Members in archive order."""
    baris_judul: int
    jumlah_baris: int
    sheet: str = "xl/worksheets/sheet1.xml"
    sheet_stempel: str = "xl/worksheets/sheet2.xml"

    def baris_data(self) -> range:
        return range(self.baris_judul + 1, self.baris_judul + 1 + self.jumlah_baris)

    def susun(self, ganti: dict[str, bytes | None] | None = None, **knob: Any) -> bytes:
        """The return with some members replaced (None: removed), rewritten as a zip."""
        ganti = ganti or {}
        isi = {n: ganti.get(n, d) for n, d in self.anggota.items()}
        isi.update({n: d for n, d in ganti.items() if n not in isi})
        return tulis_zip([Anggota(n, d) for n, d in isi.items() if d is not None], **knob)


HURUF_ISIAN = {k: chr(64 + validasi_kol) for k, validasi_kol in kembalian.KOLOM_FORMAT.items()}
"""Column letter of each contract column on the format sheet (all within A..Q)."""
KOLOM_ISIAN = [HURUF_ISIAN[k] for k in skema.KOLOM_ISIAN]
KOLOM_TERKUNCI = [HURUF_ISIAN[k] for k in stempel.KOLOM_TERKUNCI]
FORMAT_TANGGAL = {"tanggal": 14, "waktu": 22, "jam": 21, "durasi": 46}
"""Built-in number formats of dates and times; the base file gets one style for each."""
GAYA_TANGGAL: dict[str, int] = {}
"""Style index of each date/time format in the base file (set by `_dasar`)."""


def _dasar(berkas: Path) -> Dasar:
    data = berkas.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        anggota = {i.filename: z.read(i) for i in z.infolist()}
    # date and time styles for cells that hold dates (the styles are not signed)
    gaya = anggota["xl/styles.xml"]
    tambahan = b"".join(
        b'<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>' % n
        for n in FORMAT_TANGGAL.values()
    )
    jumlah = int(re.search(rb'<cellXfs count="(\d+)"', gaya)[1])  # type: ignore[index]
    assert gaya.count(b"<xf ", gaya.index(b"<cellXfs")) == jumlah, "count is the number of xf"
    GAYA_TANGGAL.update({k: jumlah + i for i, k in enumerate(FORMAT_TANGGAL)})
    gaya = gaya.replace(b"</cellXfs>", tambahan + b"</cellXfs>")
    anggota["xl/styles.xml"] = gaya.replace(
        b'<cellXfs count="%d"' % jumlah, b'<cellXfs count="%d"' % (jumlah + 4)
    )
    st_ = stempel.baca_stempel(berkas)
    assert st_ is not None
    dasar = Dasar(data, anggota, st_.baris_judul, st_.jumlah_baris)
    dasar.data = dasar.susun()
    return dasar


@dataclass
class Putusan:
    """What step 6 decided for one file."""

    status: str
    kode: str
    """The first Blokir code (rejected) or "" (accepted)."""
    temuan: list[Temuan]
    nilai: list[dict[str, Any]] = field(default_factory=list)
    detik: float = 0.0

    def label(self) -> str:
        if self.status == DITOLAK:
            return f"Ditolak {self.kode}"
        n = sum(t.tingkat == masalah.PERINGATAN for t in self.temuan)
        return "Diterima" + (" + peringatan" if n else "")


@dataclass
class Meja:
    """Step 6's checks for one file at a time, with the master's knowledge loaded once."""

    kerja: Path
    dasar: Dasar
    tahun: int
    terbit: dict[str, Any]
    terbaru: dict[str, Any]
    alamat: dict[str, str]
    secret: bytes
    bagian: dict[str, Any]
    isi_bagian: dict[str, list[list[Any]]]

    @property
    def master(self) -> Path:
        return self.kerja / skema.NAMA_MASTER

    def periksa(self, data: bytes, nama: str = "HUKUM.xlsx", pengirim: str = "") -> Putusan:
        k = Kiriman(nama, data, WAKTU, nama, pengirim)
        mulai = time.perf_counter()
        with batas_waktu():
            kode, temuan, nilai = kembalian.periksa_kembalian(
                k.nama,
                k.data,
                k.pengirim,
                self.tahun,
                self.terbit,
                self.terbaru,
                self.alamat,
                self.secret,
            )
            temuan = untuk(temuan, kode, nama)
            if ditolak(temuan):
                putusan = Putusan(DITOLAK, _blokir_pertama(temuan), temuan)
            else:
                putusan = Putusan(DITERIMA, "", temuan, nilai)
                buku = BukuZip(self.master, hanya_baca=True)
                try:
                    ktx = Konteks(buku, _Diam(), pengguna="fuzz")
                    kembali = lh._Kembalian(kode, WAKTU, nama, nilai)
                    putusan.temuan += lh._gabungkan(ktx, self.bagian[kode], kembali)
                    _cek_gabung(self, buku, kode)
                finally:
                    buku.tutup()
        putusan.detik = time.perf_counter() - mulai
        _cek_putusan(putusan, nama)
        return putusan


class _Diam:
    def status(self, pesan: str) -> None: ...
    def info(self, pesan: str) -> None: ...
    def galat(self, pesan: str) -> None: ...


def _blokir_pertama(temuan: list[Temuan]) -> str:
    return next(t.kode for t in temuan if t.tingkat == masalah.BLOKIR)


def _cek_putusan(p: Putusan, nama: str) -> None:
    """Every finding is a known code with a message; a rejection names a Blokir code."""
    for t in p.temuan:
        assert t.tingkat in (masalah.BLOKIR, masalah.PERINGATAN), t
        daftar = KODE_BLOKIR if t.tingkat == masalah.BLOKIR else KODE_PERINGATAN
        assert t.kode in daftar, f"kode {t.kode} tidak ada di daftar kode pyxl.kontrak.masalah"
        assert isinstance(t.pesan, str) and t.pesan.strip(), t
        assert t.berkas == nama
        assert PASSWD not in t.pesan, "isi /etc/passwd bocor ke pesan"
        assert len(t.pesan) <= 2000, f"pesan {t.kode} terlalu panjang ({len(t.pesan)})"
    if p.status == DITOLAK:
        assert p.kode in KODE_BLOKIR
    for n in p.nilai:
        for k in skema.KOLOM_ISIAN:
            v = n[k]
            if isian.tidak_digabung(v) or v is None:
                continue
            assert type(v) in (str, float, int), (k, type(v))
            if isinstance(v, str):
                assert PASSWD not in v, "isi /etc/passwd bocor ke nilai"
                assert len(v) <= 32767, "melebihi batas isi sel Excel"
            else:
                assert v == v and abs(v) != float("inf"), (k, v)


def _cek_gabung(meja: Meja, buku: BukuZip, kode: str) -> None:
    """An accepted file changes only its own Bagian's input cells of indicator rows."""
    for nama, sebelum in meja.isi_bagian.items():
        sesudah = buku.baca(nama)
        if nama != kode:
            assert sesudah == sebelum, f"sheet {nama} berubah oleh berkas Bagian {kode}"
            continue
        assert len(sesudah) == len(sebelum)
        for r0, r1 in zip(sebelum, sesudah, strict=True):
            for i, (a, b) in enumerate(zip(r0, r1, strict=False)):
                if skema.KOLOM_INDIKATOR[i] not in skema.KOLOM_ISIAN:
                    assert a == b, f"sel terkunci {nama}!{skema.KOLOM_INDIKATOR[i]} berubah"


def _meja(kerja: Path, dasar: Dasar) -> Meja:
    """What `pyxl.langkah.himpun.jalankan` reads from the master before it checks files."""
    buku = BukuZip(kerja / skema.NAMA_MASTER, hanya_baca=True)
    try:
        ktx = Konteks(buku, _Diam(), pengguna="fuzz")
        tahun = ktx.pengaturan().tahun()
        terbit = {sebagai_teks(r["ID Format"]): r for r in baca_tabel(buku, skema.FORMAT_TERBIT)}
        terbaru: dict[str, Any] = {}
        for r in terbit.values():
            if sebagai_teks(r["Status"]) == "Berlaku":
                k = sebagai_teks(r["Kode Bagian"])
                if k not in terbaru or kembalian.urutan_terbit(r) > kembalian.urutan_terbit(
                    terbaru[k]
                ):
                    terbaru[k] = r
        bagian = {b.kode: b for b in baca_bagian(buku)}
        alamat = {b.email.strip().lower(): b.kode for b in bagian.values() if b.email.strip()}
        secret = rahasia_stempel(buku)
        isi = {k: buku.baca(k) for k in bagian}
    finally:
        buku.tutup()
    return Meja(kerja, dasar, tahun, terbit, terbaru, alamat, secret, bagian, isi)


@pytest.fixture(scope="module")
def meja(_kerja_contoh_asli: Path, tmp_path_factory: pytest.TempPathFactory) -> Meja:
    """A fresh working folder whose formats are issued, and HUKUM's return filled."""
    wadah = tmp_path_factory.mktemp("fuzz")
    kerja = wadah / "kerja"
    shutil.copytree(_kerja_contoh_asli, kerja)
    (wadah / "luar").mkdir()
    master = kerja / skema.NAMA_MASTER
    assert main(["format", "--workbook", str(master), "--batas-waktu=20 Januari 2027"]) == 0
    format_ = kerja / skema.FOLDER_FORMAT / f"{KODE}_Format_IKU_2026.xlsx"
    diisi = isi_format(format_, wadah / f"{KODE}.xlsx", isian_contoh(KODE))
    m = _meja(kerja, _dasar(diisi))
    asli = m.periksa(m.dasar.data)
    assert asli.status == DITERIMA and not asli.temuan, asli.temuan
    return m


@pytest.fixture(scope="module", autouse=True)
def _tabel_hasil(request: pytest.FixtureRequest) -> Iterator[None]:
    """After the module: cases per strategy and outcome, on the terminal and in a file."""
    yield
    if not HITUNG:
        return
    strategi = sorted({s for s, _ in HITUNG})
    baris = ["| strategi | hasil | kasus |", "|---|---|---:|"]
    for s in strategi:
        for (s2, hasil), n in sorted(HITUNG.items()):
            if s2 == s:
                baris.append(f"| {s} | {hasil} | {n} |")
        jumlah = sum(n for (s2, _), n in HITUNG.items() if s2 == s)
        baris.append(f"| {s} | **jumlah** | **{jumlah}** |")
        if s in TERLAMA:
            satu = "satu run `pyxl himpun`" if s == "ujung-ke-ujung" else "satu berkas"
            baris.append(f"| {s} | terlama ({satu}) | {TERLAMA[s]:.2f} detik |")
    teks = f"Fuzzing himpun (profil {PROFIL.max_examples} contoh per strategi, mode {MODE})\n\n"
    teks += "\n".join(baris) + "\n"
    KELUARAN.mkdir(exist_ok=True)
    (KELUARAN / "fuzz_himpun.md").write_text(teks, encoding="utf-8")
    tangkap = request.config.pluginmanager.getplugin("capturemanager")
    with tangkap.global_and_fixture_disabled() if tangkap else contextlib.nullcontext():
        print("\n" + teks)


def catat(strategi: str, p: Putusan) -> None:
    HITUNG[(strategi, p.label())] += 1
    TERLAMA[strategi] = max(TERLAMA.get(strategi, 0.0), p.detik)


# --- cell values ------------------------------------------------------------------------------


def esc(t: str, kutip: bool = False) -> str:
    t = t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return t.replace('"', "&quot;") if kutip else t


def utf8(t: str) -> bytes:
    return t.encode("utf-8", "surrogatepass")


def _excel_escape(t: str) -> str:
    """Characters XML 1.0 cannot hold written as Excel writes them (_xHHHH_)."""
    return re.sub(
        "[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]",
        lambda m: f"_x{ord(m[0]):04X}_",
        t,
    )


KHUSUS = [
    "",
    " ",
    "\t",
    "=1+1",
    '=HYPERLINK("http://contoh.invalid","klik")',
    "=cmd|' /C calc'!A0",
    "+62 812-7000-1234",
    "-",
    "--1",
    "@SUM(A1:A9)",
    "'=1",
    "مرحبا بالعالم",
    "\u202eexe.xlsx",
    "\u200f95\u200f",
    "👩‍👩‍👧‍👦🇮🇩",
    "e\u0301\u0301\u0301\u0301",
    "Z̸̢̛̗͎͉̖a̷l̸g̵o",
    "١٢٣٫٥",
    "１２３",
    "1.234,5",
    "87,5",
    "95%",
    "1.500",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "-0",
    "-0.0",
    "1e309",
    "-1e309",
    "1e-400",
    "0x1F",
    "1_000",
    "TRUE",
    "#DIV/0!",
    "#N/A",
    "_x0001_",
    "_x005F_x0041_",
    "_xD800_",
    "\x00",
    "\x01\x02\x1f",
    "a\r\nb\rc\n",
    "\ufeffBOM",
    "\ufffe\uffff",
    "<![CDATA[x]]>",
    "&lol9;",
    "]]>",
    "\u2028\u2029",
]


def _teks_panjang(pola: str, n: int) -> str:
    return pola * n


TEKS = st.one_of(
    st.sampled_from(KHUSUS),
    st.text(max_size=40),
    st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=20),
    st.text(
        alphabet=st.characters(categories=["Mn", "Me", "Cf", "Co", "Zl", "Zp", "Cc"]), max_size=20
    ),
    st.builds(
        _teks_panjang,
        st.sampled_from(["ab", "مرحبا ", "👩‍👩‍👧", "e\u0301", "=", "9"]),
        st.integers(1, 40_000),
    ),
    st.builds(
        lambda p, t: p + t, st.sampled_from(["=", "+", "-", "@", " =", "\t="]), st.text(max_size=20)
    ),
)
ANGKA_TEKS = st.one_of(
    st.floats().map(repr),
    st.integers(-(10**30), 10**30).map(str),
    st.sampled_from(["1e309", "-1e309", "1e-400", "NaN", "inf", "-inf", "Infinity", "-0", "0x10",
                     "1_000", " 5", "5 ", "+5", "--5", ".5", "5.", "1,5", "", "1e", "E5", "٣",
                     "4.9e-324", "1.7976931348623157e308", "9" * 400]),
)  # fmt: skip
ANGKA_WAJAR = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.integers(-(10**15), 10**15).map(str),
)
"""Numbers as a spreadsheet program writes them."""
GALAT = ["#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#GETTING_DATA",
         "#SPILL!", "#CALC!", "", "DIV/0", "#div/0!"]  # fmt: skip


@st.composite
def teks_xml(draw: st.DrawFn, liar: bool = True) -> bytes:
    """Any text as it may sit in an XML text node: escaped, Excel-escaped (`_x0001_`),
    character references, or (`liar`) raw or in CDATA."""
    t = draw(TEKS) if liar else draw(TEKS)[:2000]  # typed text, not a 32767-character cell
    cara = draw(st.sampled_from(["esc", "excel", "mentah", "cdata", "entitas"][: 5 if liar else 2]))
    if cara == "esc":
        return utf8(esc(t))
    if cara == "excel":
        return utf8(esc(_excel_escape(t)))
    if cara == "cdata":
        return b"<![CDATA[" + utf8(t) + b"]]>"
    if cara == "entitas":
        return utf8("".join(f"&#{ord(c)};" if c.isprintable() else f"&#x{ord(c):x};" for c in t))
    return utf8(t)


JENIS_SEL = [
    *["angka"] * 6, *["inline"] * 4, *["bersama"] * 2, "str", "bool", "tanggal", "tanggal_iso",
    "galat", *["rumus"] * 2, "rumus_bersama", *["kosong"] * 2, "ss_salah", "mentah", "tanpa_r",
    "ruang_nama",
]  # fmt: skip
"""Cell kinds, the common ones more often (a rare kind makes most readers refuse the file)."""
JENIS_WAJAR = ["angka", "inline", "bersama", "str", "bool", "tanggal_wajar", "rumus", "kosong"]
"""Cell kinds a spreadsheet program writes."""


@st.composite
def sel_xml(draw: st.DrawFn, ref: str, gaya: str, sst: int, liar: bool = True) -> bytes:
    """One cell `<c>` of any type, or (`liar`) something only looking like one; without
    `liar`, what Excel or LibreOffice could write (values of any type, any text)."""
    jenis = draw(st.sampled_from(JENIS_SEL if liar else JENIS_WAJAR))
    s = draw(st.sampled_from([gaya, gaya, "0", "999999", "-1", "abc", ""] if liar else [gaya]))
    atr = f' s="{s}"' if s != "" else ""
    r = f' r="{ref}"'
    if jenis == "angka":
        t = draw(st.sampled_from(["", ' t="n"']))
        v = draw(ANGKA_TEKS if liar else ANGKA_WAJAR)
        return utf8(f"<c{r}{atr}{t}><v>") + utf8(esc(v)) + b"</v></c>"
    if jenis == "inline":
        isi = draw(teks_xml(liar))
        tp = draw(st.sampled_from(["", ' xml:space="preserve"']))
        if draw(st.booleans()):  # rich text runs
            isi = b"<r><t>" + isi + b"</t></r><r><rPr><b/></rPr><t" + utf8(tp) + b">x</t></r>"
            return utf8(f'<c{r}{atr} t="inlineStr"><is>') + isi + b"</is></c>"
        return utf8(f'<c{r}{atr} t="inlineStr"><is><t{tp}>') + isi + b"</t></is></c>"
    if jenis == "bersama" and (sst or liar):
        i = draw(st.integers(0, max(sst - 1, 0)))
        return utf8(f'<c{r}{atr} t="s"><v>{i}</v></c>')
    if jenis == "ss_salah":
        v = draw(
            st.sampled_from(["-1", "abc", "", "99999999", "1e3", str(sst), "18446744073709551616"])
        )
        return utf8(f'<c{r}{atr} t="s"><v>{v}</v></c>')
    if jenis in ("str", "bersama"):
        return utf8(f'<c{r}{atr} t="str"><v>') + draw(teks_xml(liar)) + b"</v></c>"
    if jenis == "bool":
        v = draw(st.sampled_from(["0", "1", "true", "2", "", "-1", "FALSE"][: 7 if liar else 2]))
        return utf8(f'<c{r}{atr} t="b"><v>{v}</v></c>')
    if jenis == "tanggal_wajar":  # 1900-01-01 .. 9999-12-31, as Excel allows
        g = GAYA_TANGGAL[draw(st.sampled_from(list(GAYA_TANGGAL)))]
        return utf8(f'<c{r} s="{g}"><v>{draw(st.floats(0, 2958465.99))!r}</v></c>')
    if jenis == "tanggal":
        g = GAYA_TANGGAL[draw(st.sampled_from(list(GAYA_TANGGAL)))]
        v = draw(st.one_of(st.floats(-1e6, 1e7).map(repr), ANGKA_TEKS))
        return utf8(f'<c{r} s="{g}"><v>{esc(v)}</v></c>')
    if jenis == "tanggal_iso":
        aneh = ["2026-02-30", "9999-12-31T23:59:59", "0000-00-00", "2026-13-01T25:61:61", "P1D"]
        v = draw(
            st.one_of(
                st.datetimes().map(datetime.isoformat), st.text(max_size=30), st.sampled_from(aneh)
            )
        )
        return utf8(f'<c{r}{atr} t="d"><v>{esc(v)}</v></c>')
    if jenis == "galat":
        v = draw(
            st.one_of(st.sampled_from(GALAT[:7]), st.sampled_from(GALAT), st.text(max_size=10))
        )
        return utf8(f'<c{r}{atr} t="e"><v>{esc(v)}</v></c>')
    if jenis in ("rumus", "rumus_bersama"):
        rumus = draw(st.sampled_from(["1/0", "SUM(A1:A9)", "NOW()", "J9*2", 'HYPERLINK("x")', ""]))
        t = draw(st.sampled_from(["", ' t="str"', ' t="b"', ' t="e"', ' t="n"']))
        if liar:
            v = draw(st.one_of(st.none(), ANGKA_TEKS, st.sampled_from(GALAT), TEKS))
        else:  # the cached value of the formula's type
            v = draw(
                {
                    "": ANGKA_WAJAR,
                    ' t="n"': ANGKA_WAJAR,
                    ' t="str"': TEKS.map(_excel_escape),
                    ' t="b"': st.sampled_from(["0", "1"]),
                    ' t="e"': st.sampled_from(GALAT[:7]),
                }[t]
            )
        fa = ""
        if jenis == "rumus_bersama":
            ref_f = draw(st.sampled_from([f"{ref}:{ref}", "A1:XFD1048576", "J9:J13", "x", ""]))
            si = draw(st.sampled_from(["0", "1", "-1", "99999999", "x"]))
            fa = f' t="shared" si="{si}" ref="{ref_f}"'
        nilai = b"" if v is None else b"<v>" + utf8(esc(v)) + b"</v>"
        return utf8(f"<c{r}{atr}{t}><f{fa}>{esc(rumus)}</f>") + nilai + b"</c>"
    if jenis == "kosong":
        return draw(st.sampled_from([utf8(f"<c{r}{atr}/>"), utf8(f"<c{r}{atr}></c>"),
                                     utf8(f"<c{r}{atr}><v></v></c>"), b""]))  # fmt: skip
    if jenis == "tanpa_r":
        return utf8(f"<c{atr}><v>") + utf8(esc(draw(ANGKA_TEKS))) + b"</v></c>"
    if jenis == "ruang_nama":
        return utf8(
            f'<x:c xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"{r}><x:v>7</x:v></x:c>'
        )
    # raw XML fragments that are not a well-formed cell
    return draw(
        st.sampled_from(
            [
                utf8(f"<c{r}><v>1</v><v>2</v></c>"),
                utf8(f"<c{r}><x/></c>"),
                utf8(f"<c{r}><v>1</v>"),
                utf8(f"<c{r}><v>1</c>"),
                utf8(f"<c{r}><is><t>a</is></c>"),
                utf8(f'<c{r} t="inlineStr"><is><t>a</t><t>b</t></is></c>'),
                utf8(f'<c{r} t="zz"><v>1</v></c>'),
                utf8(f'<c r="{ref}" r="{ref}"><v>1</v></c>'),
                utf8(f"<c{r}><v>1</v></c><c{r}><v>2</v></c>"),
                b"<c r='" + utf8(ref) + b"'><v>3</v></c>",
                b"\xff\xfe<c>",
                utf8(f"<c{r}><v>&#0;</v></c>"),
                utf8(f"<c{r}><v>&undefined;</v></c>"),
            ]
        )
    )


def ganti_sel(xml: bytes, ref: str, baru: bytes) -> bytes:
    """Replace cell `ref` of a (benign, base) sheet; the cell exists in the base."""
    pola = re.compile(rb'<c r="' + ref.encode() + rb'"[^>]*?(?:/>|>.*?</c>)', re.S)
    hasil, n = pola.subn(lambda _m: baru, xml, count=1)
    if n:
        return hasil
    baris = int(re.sub(r"[A-Z]", "", ref))
    m = re.search(rb'<row r="%d"[^>]*>' % baris, xml)
    if m:  # a row without that cell: the cell goes first (order is not checked by readers)
        return xml[: m.end()] + baru + xml[m.end() :]
    return xml.replace(b"</sheetData>", b'<row r="%d">' % baris + baru + b"</row></sheetData>")


def gaya_sel(xml: bytes, ref: str) -> str:
    m = re.search(rb'<c r="' + ref.encode() + rb'"[^>]*?\ss="(\d+)"', xml)
    return m[1].decode() if m else "0"


def sst_xml(isi: list[bytes], count: str | None) -> bytes:
    c = f' count="{count}" uniqueCount="{count}"' if count is not None else ""
    si = b"".join(b"<si><t>" + t + b"</t></si>" for t in isi)
    return (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        + utf8(c)
        + b">"
        + si
        + b"</sst>"
    )


@dataclass
class Kasus:
    """One generated file and how it was made (shown when a case fails)."""

    strategi: str
    data: bytes
    uraian: str

    def __repr__(self) -> str:
        return f"Kasus({self.strategi}: {self.uraian[:300]!r}, {len(self.data)} byte)"


def _sel_sst(draw: st.DrawFn, liar: bool = True) -> tuple[list[bytes], bytes | None]:
    teks = draw(st.lists(teks_xml(liar), max_size=6))
    if not teks and draw(st.booleans()):
        return [], None
    jumlah = [None, str(len(teks)), "0", "4294967295", "-1", "x"]
    count = draw(st.sampled_from(jumlah if liar else jumlah[:2]))
    return teks, sst_xml(teks, count)


@st.composite
def kasus_isian(draw: st.DrawFn, dasar: Dasar) -> Kasus:
    """Random values in the input cells (Realisasi, Realisasi Anggaran, Keterangan)."""
    liar = draw(st.booleans())
    teks, sst = _sel_sst(draw, liar)
    xml = dasar.anggota[dasar.sheet]
    sel = [f"{k}{b}" for b in dasar.baris_data() for k in KOLOM_ISIAN]
    pilih = draw(st.lists(st.sampled_from(sel), min_size=1, max_size=len(sel), unique=True))
    uraian = ["liar" if liar else "wajar"]
    for ref in pilih:
        c = draw(sel_xml(ref, gaya_sel(xml, ref), len(teks), liar))
        xml = ganti_sel(xml, ref, c)
        uraian.append(repr(c[:120]))
    ganti: dict[str, bytes | None] = {dasar.sheet: xml}
    if sst is not None:
        ganti["xl/sharedStrings.xml"] = sst
    return Kasus("isian", dasar.susun(ganti), repr(uraian))


@st.composite
def kasus_terkunci(draw: st.DrawFn, dasar: Dasar) -> Kasus:
    """Edits where a Bagian may not write: locked cells, header, new rows, the stamp."""
    teks, sst = _sel_sst(draw)
    ganti: dict[str, bytes | None] = {}
    if sst is not None:
        ganti["xl/sharedStrings.xml"] = sst
    tempat = draw(
        st.sampled_from(["terkunci", "judul", "atas", "baris_baru", "kanan", "stempel", "properti"])
    )
    xml = dasar.anggota[dasar.sheet]
    if tempat == "stempel":
        xml2 = dasar.anggota[dasar.sheet_stempel]
        ref = f"{draw(st.sampled_from('AB'))}{draw(st.integers(1, 13))}"
        c = draw(sel_xml(ref, "0", len(teks)))
        ganti[dasar.sheet_stempel] = ganti_sel(xml2, ref, c)
        return Kasus("terkunci", dasar.susun(ganti), f"stempel {ref}: {c[:200]!r}")
    if tempat == "properti":
        custom = dasar.anggota["docProps/custom.xml"]
        nilai = re.findall(rb"<vt:lpwstr[^>]*>(.*?)</vt:lpwstr>", custom)
        lama = draw(st.sampled_from(nilai))
        baru = draw(teks_xml())
        ganti["docProps/custom.xml"] = custom.replace(b">" + lama + b"<", b">" + baru + b"<", 1)
        return Kasus("terkunci", dasar.susun(ganti), f"properti {lama!r} -> {baru[:200]!r}")
    if tempat == "terkunci":
        ref = f"{draw(st.sampled_from(KOLOM_TERKUNCI))}{draw(st.sampled_from(dasar.baris_data()))}"
    elif tempat == "judul":
        ref = f"{draw(st.sampled_from('ABCDEFGHIJKLMNOPQ'))}{dasar.baris_judul}"
    elif tempat == "atas":
        ref = f"{draw(st.sampled_from('ABC'))}{draw(st.integers(1, dasar.baris_judul - 1))}"
    elif tempat == "baris_baru":
        baris = dasar.baris_judul + dasar.jumlah_baris + draw(st.integers(1, 50))
        ref = f"{draw(st.sampled_from('ABJNQ'))}{baris}"
    else:
        ref = f"{draw(st.sampled_from(['R', 'Z', 'AA', 'XFD']))}{draw(st.integers(1, 20))}"
    c = draw(sel_xml(ref, gaya_sel(xml, ref), len(teks)))
    ganti[dasar.sheet] = ganti_sel(xml, ref, c)
    return Kasus("terkunci", dasar.susun(ganti), f"{tempat} {ref}: {c[:200]!r}")


@st.composite
def kasus_zip(draw: st.DrawFn, dasar: Dasar) -> Kasus:
    """The container mangled: bits, lengths, members, headers, names."""
    anggota = [Anggota(n, d) for n, d in dasar.anggota.items()]
    nama = [a.nama for a in anggota]
    langkah = draw(st.lists(st.sampled_from(
        ["balik_bit", "potong", "hapus", "ganda", "ganda_huruf", "crc", "metode", "ukuran",
         "nama_slip", "tambah_slip", "sampah_depan", "sampah_belakang", "simpan", "flag",
         "nama_lokal", "komentar", "ekstra"]), min_size=1, max_size=3))  # fmt: skip
    uraian: list[str] = []
    knob: dict[str, Any] = {}
    byte_ops: list[Callable[[bytes], bytes]] = []
    for lk in langkah:
        i = draw(st.integers(0, len(anggota) - 1))
        a = anggota[i]
        if lk == "hapus" and len(anggota) > 1:
            anggota.pop(i)
        elif lk in ("ganda", "ganda_huruf"):
            isi = draw(st.sampled_from([a.isi, b"", a.isi[: len(a.isi) // 2], b"<x/>"]))
            n = a.nama if lk == "ganda" else a.nama.upper()
            anggota.insert(draw(st.integers(0, len(anggota))), Anggota(n, isi))
        elif lk == "crc":
            a.crc = draw(st.integers(0, 2**32 - 1))
        elif lk == "metode":
            a.metode = draw(st.sampled_from([0, 1, 6, 9, 12, 14, 93, 95, 98, 99, 0xFFFF]))
        elif lk == "simpan":
            a.metode = zipfile.ZIP_STORED
        elif lk == "ukuran":
            a.ukuran = draw(
                st.sampled_from([0, 1, len(a.isi) - 1, len(a.isi) + 1, 2**31, 2**32 - 1])
            )
        elif lk == "flag":
            a.flag = draw(st.sampled_from([1, 8, 0x40, 0x2000, 0xFFFF & ~0x800]))
        elif lk == "nama_slip":
            a.nama = draw(NAMA_SLIP).replace("{}", a.nama)
        elif lk == "tambah_slip":
            anggota.append(Anggota(draw(NAMA_SLIP).replace("{}", "x.txt"), b"luar"))
        elif lk == "nama_lokal":
            a.nama_lokal = draw(st.sampled_from(["", "../../x", nama[0], "a" * 300]))
        elif lk == "komentar":
            knob["komentar"] = draw(
                st.sampled_from([b"x", b"PK\x05\x06" + b"\0" * 18, b"\0" * 65535])
            )
        elif lk == "ekstra":
            knob["ekstra_pusat"] = draw(
                st.sampled_from([b"\x01\x00\x08\x00" + b"\xff" * 8, b"\x01\x00", b"\xff" * 40])
            )
        elif lk == "balik_bit":
            posisi = draw(st.lists(st.integers(0, 10**9), min_size=1, max_size=8))
            byte_ops.append(lambda d, p=posisi: _balik(d, p))
        elif lk == "potong":
            frac = draw(st.floats(0, 1, exclude_max=True))
            byte_ops.append(lambda d, f=frac: d[: int(len(d) * f)])
        elif lk == "sampah_depan":
            sampah = draw(st.sampled_from([b"\0" * 100, b"PK\x03\x04", os.urandom(0) + b"MZ" * 50]))
            byte_ops.append(lambda d, s=sampah: s + d)
        elif lk == "sampah_belakang":
            sampah = draw(st.sampled_from([b"\0" * 100, b"PK\x05\x06" + b"\xff" * 18, b"x" * 5000]))
            byte_ops.append(lambda d, s=sampah: d + s)
        uraian.append(f"{lk}@{a.nama}")
    data = tulis_zip(anggota, **knob)
    for op in byte_ops:
        data = op(data)
    return Kasus("zip", data, ", ".join(uraian))


NAMA_SLIP = st.sampled_from(
    ["../../{}", "/{}", "\\{}", "..\\..\\{}", "C:\\{}", "C:/{}", "xl/../../{}", "./{}",
     "xl\\worksheets\\..\\..\\..\\{}", "{}/", "{}\x00.txt", "//server/share/{}", "~/{}"]
)  # fmt: skip


def _balik(data: bytes, posisi: list[int]) -> bytes:
    b = bytearray(data)
    for p in posisi:
        if b:
            b[p % len(b)] ^= 1 << (p % 8)
    return bytes(b)


BAGIAN_XML = ["sheet", "stempel", "xl/sharedStrings.xml", "xl/workbook.xml",
              "docProps/custom.xml", "docProps/core.xml", "xl/styles.xml",
              "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "_rels/.rels"]  # fmt: skip


def _laughs(dalam: int, lebar: int) -> tuple[bytes, bytes]:
    """A DOCTYPE whose last entity expands to lebar**dalam copies, and a reference to it."""
    ent = [b'<!ENTITY lol0 "lol">']
    for i in range(1, dalam + 1):
        ent.append(b'<!ENTITY lol%d "' % i + (b"&lol%d;" % (i - 1)) * lebar + b'">')
    return b"<!DOCTYPE x [" + b"".join(ent) + b"]>", b"&lol%d;" % dalam


@st.composite
def kasus_xml(draw: st.DrawFn, dasar: Dasar) -> Kasus:
    """Hostile XML in the parts readers parse."""
    bagian = draw(st.sampled_from(BAGIAN_XML))
    nama = {"sheet": dasar.sheet, "stempel": dasar.sheet_stempel}.get(bagian, bagian)
    asli = dasar.anggota.get(nama, sst_xml([b"x"], "1"))
    serangan = draw(st.sampled_from(
        ["laughs", "luar", "luar_parameter", "dalam", "atribut", "sel_jauh", "baris_jauh",
         "dimensi", "gabung", "sst_besar", "rid", "awalan", "pengodean", "potong_xml",
         "sampah", "komentar_sel", "angka_besar"]))  # fmt: skip
    uraian = f"{serangan} di {nama}"
    xml = asli
    akar = re.search(rb"<([A-Za-z_][\w:.-]*)[\s>]", asli.split(b"?>")[-1])
    if serangan in ("laughs", "luar", "luar_parameter"):
        if serangan == "laughs":
            doctype, ref = _laughs(draw(st.integers(1, 12)), draw(st.integers(2, 10)))
        elif serangan == "luar":
            doctype = b'<!DOCTYPE x [<!ENTITY lol9 SYSTEM "file:///etc/passwd">]>'
            ref = b"&lol9;"
        else:
            doctype = (
                b'<!DOCTYPE x [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;<!ENTITY lol9 "x">]>'
            )
            ref = b"&lol9;"
        xml = _sisip_doctype(asli, doctype)
        # the reference in a text node, an attribute, or the Keterangan/stamp value
        tempat = draw(st.sampled_from(["teks", "atribut", "akhir"]))
        if tempat == "teks" and b"<t>" in xml:
            xml = xml.replace(b"<t>", b"<t>" + ref, 1)
        elif tempat == "teks" and b"<vt:lpwstr" in xml:
            xml = re.sub(rb"(<vt:lpwstr[^>]*>)", lambda m: m[1] + ref, xml, count=1)
        elif tempat == "atribut" and akar:
            xml = xml.replace(b"<" + akar[1], b"<" + akar[1] + b' lol="' + ref + b'"', 1)
        elif akar:
            xml = xml.replace(b"</" + akar[1] + b">", ref + b"</" + akar[1] + b">")
        if nama == dasar.sheet:  # and into an input cell (Keterangan of the first row)
            ref_q = f"{KOLOM_ISIAN[-1]}{dasar.baris_judul + 1}"
            c = utf8(f'<c r="{ref_q}" t="inlineStr"><is><t>') + ref + b"</t></is></c>"
            xml = ganti_sel(xml, ref_q, c)
    elif serangan == "dalam":
        n = draw(st.sampled_from([100, 1000, 10_000, 100_000, 300_000]))
        tag = draw(st.sampled_from([b"a", b"c", b"row", b"is", b"t", b"x:a"]))
        sarang = b"<" + tag + b">" * 1
        isi = sarang * n + (b"</" + tag + b">") * n
        xml = _sisip_akhir(asli, isi, draw(st.booleans()))
    elif serangan == "atribut":
        n = draw(st.sampled_from([10, 10_000, 100_000]))
        isi = b"<x " + b" ".join(b'a%d="%d"' % (i, i) for i in range(n)) + b"/>"
        if draw(st.booleans()):
            isi = b'<x a="' + b"A" * (n * 100) + b'"/>'
        xml = _sisip_akhir(asli, isi, draw(st.booleans()))
    elif serangan in ("sel_jauh", "baris_jauh", "komentar_sel"):
        kol = draw(st.sampled_from(["A", "Q", "R", "AMJ", "XFD", "XFE", "ZZZZ", "xfd", "a"]))
        baris = draw(st.sampled_from([1, 14, 65536, 1048576, 1048577, 4294967296, 99999999999]))
        if serangan == "baris_jauh":
            isi = utf8(f'<row r="{baris}"><c><v>1</v></c></row>')
        elif serangan == "komentar_sel":
            isi = utf8(f'<!-- <c r="{kol}{baris}"><v>1</v></c> -->')
        else:
            isi = utf8(f'<row r="{baris}"><c r="{kol}{baris}"><v>1</v></c></row>')
            if draw(st.booleans()):  # cells without r after a far one
                isi = (
                    utf8(f'<row r="{baris}"><c r="{kol}{baris}"/>')
                    + b"<c><v>2</v></c>" * 3
                    + b"</row>"
                )
        xml = (
            asli.replace(b"</sheetData>", isi + b"</sheetData>")
            if b"</sheetData>" in asli
            else asli + isi
        )
    elif serangan == "angka_besar":  # every number in an attribute (counts, sizes, ids, refs)
        besar = draw(st.sampled_from([b"4294967295", b"18446744073709551616", b"-1", b"99999999"]))
        xml = re.sub(rb'="\d+"', b'="' + besar + b'"', asli)
    elif serangan == "dimensi":
        xml = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', asli)
    elif serangan == "gabung":
        xml = asli.replace(
            b"</worksheet>",
            b'<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>',
        )
    elif serangan == "sst_besar":
        nama = "xl/sharedStrings.xml"
        n = draw(st.sampled_from([1000, 100_000, 1_000_000]))
        pola = draw(st.sampled_from([b"", b"x", b"abcdefghij" * 10]))
        xml = sst_xml(
            [pola + b"%d" % i for i in range(n)], draw(st.sampled_from([None, "4294967295"]))
        )
        uraian = f"sst_besar {n} di {nama}"
    elif serangan == "rid":
        rid = draw(
            st.sampled_from(["rId1(", "rId1[", "(a*)*b", ".*", "rId1\\", 'x"y', "rId1'", "", "ä"])
        )
        wb = dasar.anggota["xl/workbook.xml"].replace(
            b'r:id="rId1"', b'r:id="' + utf8(esc(rid, True)) + b'"'
        )
        rels = dasar.anggota["xl/_rels/workbook.xml.rels"].replace(
            b'Id="rId1"', b'Id="' + utf8(esc(rid, True)) + b'"'
        )
        return Kasus(
            "xml",
            dasar.susun({"xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": rels}),
            f"rid {rid!r}",
        )
    elif serangan == "awalan":
        # the sheet written with a namespace prefix on every element
        x = re.sub(rb"<(/?)([A-Za-z])", rb"<\1x:\2", asli)
        xml = x.replace(b"<x:worksheet xmlns=", b"<x:worksheet xmlns:x=", 1)
        if nama != dasar.sheet:
            xml = asli
    elif serangan == "pengodean":
        enc = draw(st.sampled_from(["utf-16", "utf-16-le", "latin-1", "ebcdic", "utf-7", "x"]))
        decl = utf8(f'<?xml version="1.0" encoding="{enc}"?>')
        try:
            badan = asli.decode("utf-8").encode(enc if enc not in ("ebcdic", "x") else "utf-8")
        except (LookupError, UnicodeError):
            badan = asli
        xml = decl + badan
    elif serangan == "potong_xml":
        xml = asli[: draw(st.integers(0, max(len(asli) - 1, 0)))]
    else:  # sampah
        xml = (
            draw(st.binary(max_size=200)) + asli
            if draw(st.booleans())
            else asli + draw(st.binary(max_size=200))
        )
    return Kasus("xml", dasar.susun({nama: xml}), uraian)


def _sisip_doctype(xml: bytes, doctype: bytes) -> bytes:
    if xml.startswith(b"<?xml"):
        i = xml.index(b"?>") + 2
        return xml[:i] + doctype + xml[i:]
    return doctype + xml


def _sisip_akhir(xml: bytes, isi: bytes, di_sel: bool) -> bytes:
    """Content near the end of the root, or inside the first text node."""
    if di_sel and b"<t>" in xml:
        return xml.replace(b"<t>", b"<t>" + isi, 1)
    i = xml.rfind(b"</")
    return xml[:i] + isi + xml[i:] if i > 0 else xml + isi


# --- the fast per-file properties -------------------------------------------------------------

_dasar_strategi: dict[str, Callable[[Dasar], st.SearchStrategy[Kasus]]] = {
    "isian": kasus_isian,
    "terkunci": kasus_terkunci,
    "zip": kasus_zip,
    "xml": kasus_xml,
}


def _jalankan_kasus(meja: Meja, kasus: Kasus) -> Putusan:
    p = meja.periksa(kasus.data)
    catat(kasus.strategi, p)
    return p


def terkunci_terbaca(data: bytes, dasar: Dasar) -> list[list[str]] | None:
    """The signed cells of the indicator rows as an independent read (calamine, canonical
    text) sees them; None when the table cannot be read."""
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
        rows = wb.get_sheet_by_name(stempel.SHEET_FORMAT).to_python(skip_empty_area=False)
    except BaseException as exc:
        if not stempel.galat_pembaca(exc):
            raise
        return None
    kolom = [skema.KOLOM_INDIKATOR.index(k) for k in stempel.KOLOM_TERKUNCI]
    isi = rows[dasar.baris_judul : dasar.baris_judul + dasar.jumlah_baris]
    return [[stempel.nilai_kanonik(r[i] if i < len(r) else None) for i in kolom] for r in isi]


@pytest.mark.xfail(
    raises=FlakyStrategyDefinition,
    strict=False,
    reason="Hypothesis reports inconsistent data generation for this strategy when the whole "
    "suite runs (not alone); the cause is not found yet. Only that report is tolerated: any "
    "failing case (an assertion, a crash of step 6) still fails the test.",
)
@PROFIL
@given(data=st.data())
def test_isian_acak(meja: Meja, data: st.DataObject) -> None:
    """Values of any type in the input cells: accepted with findings, or rejected with a code.
    Values a spreadsheet program could have written are always accepted."""
    kasus = data.draw(kasus_isian(meja.dasar))
    p = _jalankan_kasus(meja, kasus)
    if p.status == DITERIMA:
        assert len(p.nilai) == meja.dasar.jumlah_baris
    elif kasus.uraian.startswith("['wajar'"):
        raise AssertionError(f"isian yang wajar ditolak: {p.temuan}")


@PROFIL
@given(data=st.data())
def test_sel_terkunci_acak(meja: Meja, data: st.DataObject) -> None:
    """Edits where a Bagian may not write. Whenever an independent read sees a signed cell
    changed, the file is rejected."""
    kasus = data.draw(kasus_terkunci(meja.dasar))
    p = _jalankan_kasus(meja, kasus)
    if p.status == DITERIMA:
        asli = terkunci_terbaca(meja.dasar.data, meja.dasar)
        assert terkunci_terbaca(kasus.data, meja.dasar) == asli, "sel terkunci berubah, diterima"


@PROFIL
@given(data=st.data())
def test_zip_rusak_acak(meja: Meja, data: st.DataObject) -> None:
    kasus = data.draw(kasus_zip(meja.dasar))
    _jalankan_kasus(meja, kasus)


@PROFIL
@given(data=st.data())
def test_xml_jahat_acak(meja: Meja, data: st.DataObject) -> None:
    kasus = data.draw(kasus_xml(meja.dasar))
    _jalankan_kasus(meja, kasus)


# --- end to end: `pyxl himpun` on a working folder, the master saved --------------------------


@dataclass
class UjungKeUjung:
    """A working folder of its own (a copy of the fast harness's: same secret, same formats)."""

    wadah: Path
    kerja: Path
    luar: Path
    """The current directory while `pyxl himpun` runs: must stay empty."""
    dasar: Dasar
    asli: bytes = b""
    """The master before any run: every example starts from it, so a failing example replays
    the same way while hypothesis shrinks it."""

    @property
    def master(self) -> Path:
        return self.kerja / skema.NAMA_MASTER

    def pulihkan(self) -> None:
        self.master.write_bytes(self.asli)
        for folder in (self.kerja / skema.FOLDER_ARSIP, self.kerja / skema.FOLDER_CADANGAN):
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()


@pytest.fixture(scope="module")
def ujung(meja: Meja, tmp_path_factory: pytest.TempPathFactory) -> UjungKeUjung:
    wadah = tmp_path_factory.mktemp("fuzz_e2e")
    shutil.copytree(meja.kerja, wadah / "kerja")
    (wadah / "luar").mkdir()
    u = UjungKeUjung(wadah, wadah / "kerja", wadah / "luar", meja.dasar)
    u.asli = u.master.read_bytes()
    return u


NAMA_LAMPIRAN = st.one_of(
    st.sampled_from(
        ["../../luar.xlsx", "..\\..\\luar.xlsx", "/etc/passwd.xlsx", "C:\\Windows\\x.xlsx",
         "a\x00b.xlsx", "\u202excod.xlsx", "laporan\r\nBcc: x@contoh.invalid.xlsx",
         "=HYPERLINK(\"x\").xlsx", "~$HUKUM.xlsx", ".tersembunyi.xlsx", "CON.xlsx",
         "x" * 300 + ".xlsx",
         "مرحبا.xlsx", "👩‍👩‍👧.xlsx", "HUKUM.XLSX", "HUKUM.xlsm", "HUKUM.ods", "HUKUM.csv"]
    ),
    st.text(max_size=30).map(lambda t: t + ".xlsx"),
)  # fmt: skip
PENGIRIM = st.sampled_from(
    ["hukum@setda.waykanan.example", "kesra@setda.waykanan.example", "x\r\nBcc: y@z.invalid",
     "\u202eevil@contoh.invalid", "", "tanpa-at", "a" * 500 + "@contoh.invalid"]
)  # fmt: skip


def _eml(nama: str, data: bytes, pengirim: str) -> bytes:
    """An e-mail carrying `data`; a name or sender the e-mail library refuses is written into
    the raw message instead (RFC 2231 for the name): a hostile mailer does not ask."""
    from urllib.parse import quote

    m = EmailMessage()
    try:
        m["From"] = pengirim
        dari = None
    except (ValueError, TypeError):
        m["From"] = "hukum@setda.waykanan.example"
        dari = pengirim
    m["To"] = "renkeu@setda.waykanan.example"
    m["Subject"] = "Re: [IKU-2026][HUKUM] Format"
    m["Date"] = "Tue, 12 Jan 2027 10:00:00 +0700"
    m.set_content("terlampir")
    try:
        m.add_attachment(data, maintype="application", subtype="octet-stream", filename=nama)
        mentah = m.as_bytes()
    except (ValueError, TypeError):
        m.clear_content()
        m.set_content("terlampir")
        m.add_attachment(data, maintype="application", subtype="octet-stream", filename="x.xlsx")
        asli = quote(nama.encode("utf-8", "surrogatepass"), safe="").encode()
        mentah = m.as_bytes().replace(b'filename="x.xlsx"', b"filename*=utf-8''" + asli, 1)
    if dari is not None:
        mentah = mentah.replace(
            b"From: hukum@setda.waykanan.example", b"From: " + dari.encode("utf-8", "replace"), 1
        )
    return mentah


def _sidik(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _baca(master: Path) -> dict[str, list[list[Any]]]:
    buku = BukuZip(master, hanya_baca=True)
    try:
        return {s: buku.baca(s) for s in buku.nama_sheet()}
    finally:
        buku.tutup()


def _tabel(isi: list[list[Any]]) -> list[dict[str, Any]]:
    kepala = [str(h) for h in isi[0]]
    return [dict(zip(kepala, r, strict=False)) for r in isi[1:] if any(v is not None for v in r)]


def jalankan_himpun(u: UjungKeUjung, kiriman: dict[str, bytes]) -> dict[str, Any]:
    """Drop files into masuk/, run `pyxl himpun`, check every promise; returns the new rows."""
    masuk = u.kerja / skema.FOLDER_MASUK
    for n, d in kiriman.items():
        (masuk / n).write_bytes(d)
    try:
        return _himpun_dan_periksa(u, masuk)
    finally:
        for n in kiriman:
            (masuk / n).unlink()


def _himpun_dan_periksa(u: UjungKeUjung, masuk: Path) -> dict[str, Any]:
    from pyxl.masuk.kiriman import kumpulkan

    sebelum = _baca(u.master)
    tercatat = {
        (sebagai_teks(r["Berkas"]), sebagai_teks(r["SHA-256"]))
        for r in _tabel(sebelum[skema.PENERIMAAN])
    }
    harap = [
        (k.nama, hashlib.sha256(k.data).hexdigest()) for k in kumpulkan(masuk)
    ]  # what intake will see (attachments of e-mails included)
    harap = [h for h in harap if h not in tercatat]
    folder_sebelum = _sidik(u.kerja)
    luar_sebelum = sorted(p.name for p in u.wadah.iterdir())
    cwd = Path.cwd()
    os.chdir(u.luar)
    try:
        mulai = time.perf_counter()
        with batas_waktu(BATAS_DETIK * max(len(harap), 1) + 10):
            kode_keluar = main(["himpun", "--workbook", str(u.master), "--tanpa-imap"])
        lama = time.perf_counter() - mulai
        TERLAMA["ujung-ke-ujung"] = max(TERLAMA.get("ujung-ke-ujung", 0.0), lama)
    finally:
        os.chdir(cwd)
    assert kode_keluar == 0, "berkas yang ditolak dilaporkan, tidak menggagalkan langkah"
    # nothing written outside the working folder; inside, only the archive, backups, master
    assert list(u.luar.iterdir()) == [], "berkas tertulis di direktori kerja proses"
    assert sorted(p.name for p in u.wadah.iterdir()) == luar_sebelum
    folder_sesudah = _sidik(u.kerja)
    for path, sidik in folder_sesudah.items():
        if folder_sebelum.get(path) == sidik:
            continue
        assert path == skema.NAMA_MASTER or path.startswith(
            (f"{skema.FOLDER_ARSIP}/masuk/", f"{skema.FOLDER_CADANGAN}/")
        ), f"berkas tak terduga ditulis: {path}"
    assert set(folder_sebelum) <= set(folder_sesudah), "ada berkas yang hilang"
    sesudah = _baca(u.master)
    terima = _tabel(sesudah[skema.PENERIMAAN])[len(_tabel(sebelum[skema.PENERIMAAN])) :]
    temuan = _tabel(sesudah[skema.VALIDASI])[len(_tabel(sebelum[skema.VALIDASI])) :]
    baru = sorted((sebagai_teks(r["Berkas"]), sebagai_teks(r["SHA-256"])) for r in terima)
    assert baru == sorted(harap), "setiap berkas baru tepat satu baris di Penerimaan"
    asli = arsip_masuk.daftar(u.kerja / skema.FOLDER_ARSIP / "masuk")
    for r in terima:
        assert r["Status"] in STATUS, r
        salinan = asli.get(sebagai_teks(r["SHA-256"]))
        assert salinan is not None, f"salinan arsip untuk {r['Berkas']!r}"
        assert hashlib.sha256(salinan.baca()).hexdigest() == r["SHA-256"]
        if r["Status"] == DITOLAK:
            kode = sebagai_teks(r["Catatan"]).split(":", 1)[0]
            assert kode in KODE_BLOKIR, r
            assert any(
                t["Berkas"] == r["Berkas"] and t["Tingkat"] == masalah.BLOKIR
                and t["Kode Masalah"] == kode
                for t in temuan
            ), f"baris Validasi Blokir {kode} untuk {r['Berkas']}"  # fmt: skip
    for t in temuan:
        daftar = KODE_BLOKIR if t["Tingkat"] == masalah.BLOKIR else KODE_PERINGATAN
        assert t["Kode Masalah"] in daftar, t
    for lembar, isi in sesudah.items():
        for baris in isi:
            for v in baris:
                assert not (isinstance(v, str) and PASSWD in v), f"/etc/passwd di {lembar}"
    digabung = {
        sebagai_teks(r["Kode Bagian"]) for r in terima if r["Status"] in (DITERIMA, MENGGANTIKAN)
    }
    for b in _tabel(sesudah[skema.BAGIAN]):
        kode_b = sebagai_teks(b["Kode"])
        if kode_b not in digabung:
            assert sesudah[kode_b] == sebelum[kode_b], f"sheet {kode_b} berubah tanpa kiriman sah"
            continue
        for r0, r1 in zip(sebelum[kode_b], sesudah[kode_b], strict=True):
            for i, (a, b2) in enumerate(zip(r0, r1, strict=False)):
                if skema.KOLOM_INDIKATOR[i] not in skema.KOLOM_ISIAN:
                    assert a == b2, f"sel terkunci {kode_b} berubah"
    return {"terima": terima, "temuan": temuan}


@PROFIL_E2E
@given(data=st.data())
def test_ujung_ke_ujung(ujung: UjungKeUjung, data: st.DataObject) -> None:
    """A batch of generated files (some inside e-mails with odd names and senders) through
    `pyxl himpun`: one ledger row each, a Blokir row for each rejection, the Bagian sheets
    changed only by accepted files, nothing written outside the working folder."""
    strategi = st.one_of(*(f(ujung.dasar) for f in _dasar_strategi.values()))
    surel = st.one_of(st.none(), st.tuples(NAMA_LAMPIRAN, PENGIRIM))
    kasus = data.draw(st.lists(st.tuples(strategi, surel), min_size=1, max_size=4))
    ujung.pulihkan()
    kiriman: dict[str, bytes] = {}
    for i, (k, lewat_surel) in enumerate(kasus):
        if lewat_surel is not None:
            kiriman[f"{i}.eml"] = _eml(lewat_surel[0], k.data, lewat_surel[1])
        else:
            kiriman[f"{i}_{k.strategi}.xlsx"] = k.data
    hasil = jalankan_himpun(ujung, kiriman)
    for r in hasil["terima"]:
        HITUNG[("ujung-ke-ujung", str(r["Status"]))] += 1


# --- sizes and bombs (plain tests) ------------------------------------------------------------


def _isi_acak(n: int) -> bytes:
    import random

    return random.Random(n).randbytes(n)


def _dengan_media(dasar: Dasar, ukuran_total: int) -> bytes:
    """The base return plus a stored (incompressible) picture, `ukuran_total` bytes in all."""
    tanpa = dasar.susun()
    pas = ukuran_total - len(tanpa) - (30 + 46 + 2 * len("xl/media/image1.png"))
    anggota = [Anggota(n, d) for n, d in dasar.anggota.items()]
    anggota.append(Anggota("xl/media/image1.png", _isi_acak(pas), metode=zipfile.ZIP_STORED))
    data = tulis_zip(anggota)
    assert len(data) == ukuran_total, (len(data), ukuran_total)
    return data


def test_berkas_tepat_di_batas_dan_lewat_batas_ukuran(ujung: UjungKeUjung) -> None:
    """A real return padded to exactly `BATAS_UKURAN` is read (quickly) and accepted; one
    byte more is refused unread, end to end."""
    pas = _dengan_media(ujung.dasar, pindai.BATAS_UKURAN)
    lewat = _dengan_media(ujung.dasar, pindai.BATAS_UKURAN + 1)
    ujung.pulihkan()
    hasil = jalankan_himpun(ujung, {"pas.xlsx": pas, "lewat.xlsx": lewat})
    status = {r["Berkas"]: (r["Status"], r["Catatan"]) for r in hasil["terima"]}
    assert status["pas.xlsx"][0] == DITERIMA
    assert status["lewat.xlsx"][0] == DITOLAK
    assert status["lewat.xlsx"][1].startswith("TERLALU_BESAR")


def test_berkas_besar_diperiksa_cepat(meja: Meja) -> None:
    p = meja.periksa(_dengan_media(meja.dasar, pindai.BATAS_UKURAN - 1))
    assert p.status == DITERIMA and p.detik < BATAS_DETIK


def _bom_overlap(n: int, ukuran: int) -> bytes:
    """n central-directory entries all pointing at one deflated member (overlapping bomb)."""
    isi = b"\0" * ukuran
    z = zlib.compressobj(9, zlib.DEFLATED, -15)
    mentah = z.compress(isi) + z.flush()
    crc = zlib.crc32(isi)
    lokal = struct.pack(
        "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(mentah), ukuran, 5, 0
    ) + b"a.xml" + mentah  # fmt: skip
    pusat = b""
    nama = ["[Content_Types].xml", "xl/workbook.xml"] + [f"xl/b{i}.xml" for i in range(n)]
    for nm in nama:
        nb = nm.encode()
        pusat += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(mentah), ukuran,
            len(nb), 0, 0, 0, 0, 0, 0,
        ) + nb  # fmt: skip
    akhir = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(nama), len(nama), len(pusat), len(lokal), 0
    )
    return lokal + pusat + akhir


@pytest.mark.parametrize(
    ("jenis", "kode"),
    [
        ("satu_anggota", {"BOM_ZIP"}),
        ("banyak_anggota", {"BOM_ZIP"}),
        ("tumpang_tindih", {"BOM_ZIP", "RUSAK"}),
        ("ukuran_bohong", {"RUSAK"}),
        ("sel_bersarang", {"BOM_ZIP"}),
    ],
)
def test_bom_zip_ditolak_tanpa_dibuka(meja: Meja, jenis: str, kode: set[str]) -> None:
    d = meja.dasar
    if jenis == "satu_anggota":
        data = d.susun({"xl/media/bom.bin": b"\0" * (150 * 1024 * 1024)})
    elif jenis == "banyak_anggota":  # each under the ratio check, together over the total
        pola = _isi_acak(10_000) * 100  # ~1 MB, compresses about 100:1
        data = d.susun({f"xl/media/m{i}.bin": pola for i in range(110)})
    elif jenis == "tumpang_tindih":
        data = _bom_overlap(300, 1024 * 1024)
    elif jenis == "ukuran_bohong":  # declares 1 KB, inflates to 50 MB
        besar = b"<x/>" * (12 * 1024 * 1024)
        z = zlib.compressobj(9, zlib.DEFLATED, -15)
        anggota = [Anggota(n, isi) for n, isi in d.anggota.items()]
        anggota.append(
            Anggota(
                "xl/sharedStrings.xml",
                besar,
                ukuran=1024,
                mentah=z.compress(besar) + z.flush(),
            )
        )
        data = tulis_zip(anggota)
    else:  # the sheet itself a bomb: 120 MB of empty rows in a few hundred KB
        baris = b"<row/>" * (20 * 1024 * 1024)
        data = d.susun(
            {d.sheet: d.anggota[d.sheet].replace(b"<sheetData>", b"<sheetData>" + baris)}
        )
    assert len(data) < pindai.BATAS_UKURAN
    p = meja.periksa(data)
    catat("bom", p)
    assert p.status == DITOLAK and p.kode in kode, (p.kode, p.temuan)
    assert p.detik < BATAS_DETIK


# --- regressions: each crash, hang or wrong outcome the fuzzing found -------------------------


def _sheet_dengan(dasar: Dasar, *sel: tuple[str, bytes], akhir: bytes = b"") -> bytes:
    """The base sheet with some cells replaced and rows appended."""
    xml = dasar.anggota[dasar.sheet]
    for ref, c in sel:
        xml = ganti_sel(xml, ref, c)
    return xml.replace(b"</sheetData>", akhir + b"</sheetData>")


@pytest.mark.parametrize(
    ("tempat", "baris"),
    [
        ("sheet", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'),  # OOM abort
        ("stempel", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'),  # OOM abort
        ("sheet", b'<row r="20000"><c r="XFD20000"><v>1</v></c></row>'),  # 10 GB, abort
        ("sheet", b'<row r="1048576"><c r="A1048576"><v>1</v></c></row>'),  # 11 s, 1 GB
        ("sheet", b'<row r="1048576"><c r="Z1048576"><v>1</v></c></row>'),  # 6 s, 1 GB
        ("sheet", b'<row r="99999999999"><c r="A99999999999"><v>1</v></c></row>'),  # abort
        (
            "sheet",
            b'<row r="20"><c r="xfd20"><v>1</v></c></row>' * 1
            + b'<row r="900000"><c r="A900000"><v>1</v></c></row>',
        ),  # lowercase
        ("sheet", b'<row r="1048576"><c r="XFD1048576"/><c><v>1</v></c></row>'),  # no r after
        ("sheet", b'<row r="1048576"><c><v>1</v></c></row>' + b"<c/>" * 20),  # rows without r
        ("sheet", b'<row r="1048576"><c foo=">" r="XFD1048576"><v>1</v></c></row>'),
        ("sheet", b'<row r="1048576"><x:c xmlns:x="u" r=\'XFD1048576\'><x:v>1</x:v></x:c></row>'),
        ("lain", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'),  # a third sheet
    ],
    ids=[
        "XFD1048576",
        "stempel-XFD1048576",
        "XFD20000",
        "A1048576",
        "Z1048576",
        "A99999999999",
        "huruf-kecil",
        "tanpa-r-sesudah",
        "baris-tanpa-r",
        "atribut-berisi->",
        "berawalan",
        "sheet-ketiga",
    ],
)
def test_sel_jauh_ditolak_sebelum_pembaca_membangun_grid(
    meja: Meja, tempat: str, baris: bytes
) -> None:
    """A single far cell made calamine allocate rows x columns cells: a process abort (out of
    memory) for XFD1048576, seconds and a gigabyte for A1048576. Now refused unread."""
    d = meja.dasar
    if tempat == "lain":
        wb = d.anggota["xl/workbook.xml"].replace(
            b"</sheets>", b'<sheet name="Catatan" sheetId="9" r:id="rId99" '
            b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>'
            b"</sheets>",
        )  # fmt: skip
        rels = d.anggota["xl/_rels/workbook.xml.rels"].replace(
            b"</Relationships>",
            b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/'
            b'2006/relationships/worksheet" Target="/docProps/catatan.xml"/></Relationships>',
        )
        lembar = d.anggota[d.sheet_stempel].replace(b"</sheetData>", baris + b"</sheetData>")
        data = d.susun(
            {
                "xl/workbook.xml": wb,
                "xl/_rels/workbook.xml.rels": rels,
                "docProps/catatan.xml": lembar,
            }
        )
    else:
        nama = d.sheet if tempat == "sheet" else d.sheet_stempel
        data = d.susun({nama: d.anggota[nama].replace(b"</sheetData>", baris + b"</sheetData>")})
    p = meja.periksa(data)
    assert (p.status, p.kode) == (DITOLAK, "LEMBAR_TERLALU_BESAR"), p.temuan
    assert p.detik < 1


def test_catatan_di_luar_tabel_yang_wajar_tetap_diterima(meja: Meja) -> None:
    """The guard is about absurd grids: a note in Z500 (500 x 26 cells) is fine."""
    d = meja.dasar
    sheet = _sheet_dengan(
        d, akhir=b'<row r="500"><c r="Z500" t="inlineStr"><is><t>cek</t></is></c></row>'
    )
    p = meja.periksa(d.susun({d.sheet: sheet}))
    assert p.status == DITERIMA, p.temuan


@pytest.mark.parametrize(
    "sst",
    [
        b'<sst xmlns="u" uniqueCount="4294967295"><si><t>a</t></si></sst>',
        b"<x:sst xmlns:x=\"u\" uniqueCount='4294967295'><x:si><x:t>a</x:t></x:si></x:sst>",
        b"<!--" + b"-" * 100_000 + b'--><sst xmlns="u" uniqueCount="+99999999"><si/></sst>',
    ],
    ids=["4294967295", "berawalan", "prolog-panjang"],
)
def test_tabel_teks_bersama_yang_membesar_besarkan_jumlahnya(meja: Meja, sst: bytes) -> None:
    """calamine reserves `uniqueCount` entries before reading one: 4294967295 asked for 100 GB
    and aborted the process. Now refused unread."""
    d = meja.dasar
    p = meja.periksa(d.susun({"xl/sharedStrings.xml": sst}))
    assert (p.status, p.kode) == (DITOLAK, "RUSAK"), p.temuan


def test_tabel_teks_bersama_yang_jujur_tetap_dibaca(meja: Meja) -> None:
    d = meja.dasar
    sst = sst_xml([b"teks %d" % i for i in range(150_000)], "150000")
    sheet = _sheet_dengan(d, ("Q9", b'<c r="Q9" t="s"><v>149999</v></c>'))
    p = meja.periksa(d.susun({"xl/sharedStrings.xml": sst, d.sheet: sheet}))
    assert p.status == DITERIMA, p.temuan
    assert p.nilai[0]["Keterangan"] == "teks 149999"


def test_tanggal_di_luar_jangkauan_tidak_lolos_sebagai_panic(meja: Meja) -> None:
    """A date-formatted cell far beyond the year 9999 makes python-calamine panic; the panic
    is a BaseException that escaped `except Exception` and stopped the whole step."""
    d = meja.dasar
    g = GAYA_TANGGAL["durasi"]
    sheet = _sheet_dengan(d, ("N10", b'<c r="N10" s="%d"><v>-3.548909775942785e+16</v></c>' % g))
    p = meja.periksa(d.susun({d.sheet: sheet}))
    assert (p.status, p.kode) == (DITOLAK, "RUSAK"), p.temuan
    assert "tidak dapat dibaca" in p.temuan[0].pesan


def test_angka_ratusan_digit_bukan_tak_hingga(meja: Meja) -> None:
    """'999…9' (400 digits) read as infinity and was merged (the cell silently emptied)."""
    d = meja.dasar
    sheet = _sheet_dengan(
        d, ("J9", b'<c r="J9" t="inlineStr"><is><t>' + b"9" * 400 + b"</t></is></c>")
    )
    p = meja.periksa(d.susun({d.sheet: sheet}))
    assert p.status == DITERIMA
    assert isian.tidak_digabung(p.nilai[0]["Realisasi"])
    [t] = [t for t in p.temuan if t.sel == "J9"]
    assert t.kode == "BUKAN_ANGKA" and len(t.pesan) < 400


def test_pesan_tidak_memuat_isi_sel_yang_panjang(meja: Meja) -> None:
    """An error value of 100 000 characters went whole into the Validasi message."""
    d = meja.dasar
    panjang = "مرحبا " * 20_000
    sheet = _sheet_dengan(d, ("J9", utf8(f'<c r="J9" t="e"><v>{panjang}</v></c>')))
    p = meja.periksa(d.susun({d.sheet: sheet}))
    assert p.status == DITOLAK
    assert all(len(t.pesan) < 600 for t in p.temuan)
    sheet = _sheet_dengan(d, ("J9", utf8(f'<c r="J9" t="inlineStr"><is><t>{panjang}</t></is></c>')))
    p = meja.periksa(d.susun({d.sheet: sheet}))
    assert p.status == DITERIMA and all(len(t.pesan) < 600 for t in p.temuan)


RUMUS_J9 = b'<c r="J9" s="7"><f>95+2.3</f><v>97.3</v></c>'


def test_id_relasi_dengan_karakter_pola(meja: Meja) -> None:
    """r:id="rId1(" went unescaped into a regular expression: re.error stopped the step."""
    d = meja.dasar
    for rid in (b"rId1(", b"(a*)*b", b"rId1["):
        wb = d.anggota["xl/workbook.xml"].replace(b'r:id="rId1"', b'r:id="' + rid + b'"')
        rels = d.anggota["xl/_rels/workbook.xml.rels"].replace(b'Id="rId1"', b'Id="' + rid + b'"')
        sheet = _sheet_dengan(d, ("J9", RUMUS_J9))
        p = meja.periksa(
            d.susun({"xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": rels, d.sheet: sheet})
        )
        assert p.status == DITERIMA, p.temuan
        assert ("RUMUS", "J9") in {(t.kode, t.sel) for t in p.temuan}


def test_sel_bertutup_berawalan_tidak_membuat_pemeriksaan_rumus_kuadratik(meja: Meja) -> None:
    """Cells closed by `</x:c>` (readers accept it) left the formula pattern searching to the
    end of the sheet for every cell: 20 000 such cells took over 100 seconds."""
    d = meja.dasar
    sel = b"".join(b'<c r="Z%d"><v>1</v></x:c>' % i for i in range(20, 20_020))
    sheet = _sheet_dengan(d, ("J9", RUMUS_J9), akhir=b'<row r="20">' + sel + b"</row>")
    p = meja.periksa(d.susun({d.sheet: sheet}))
    assert p.status == DITERIMA, p.temuan
    assert ("RUMUS", "J9") in {(t.kode, t.sel) for t in p.temuan}
    assert p.detik < 1


@pytest.mark.parametrize(
    "ganda",
    ["xl/worksheets/sheet1.xml", "XL/WORKSHEETS/SHEET1.XML", "xl\\worksheets\\sheet1.xml"],
)
def test_nama_anggota_ganda_ditolak(meja: Meja, ganda: str) -> None:
    """Two members one name (or one name up to case): Python reads the last, calamine the first
    it finds ignoring case, so the checks and the values could come from different sheets."""
    d = meja.dasar
    palsu = _sheet_dengan(d, ("H9", b'<c r="H9"><v>1</v></c>'))
    anggota = [Anggota(n, isi) for n, isi in d.anggota.items()] + [Anggota(ganda, palsu)]
    p = meja.periksa(tulis_zip(anggota))
    assert (p.status, p.kode) == (DITOLAK, "RUSAK"), p.temuan


@pytest.mark.parametrize(
    "nama", ["..\\..\\luar.txt", "C:\\luar.txt", "c:/luar.txt", "xl\\..\\..\\luar.txt", "/luar.txt"]
)
def test_nama_anggota_keluar_arsip_ditolak(meja: Meja, nama: str) -> None:
    p = meja.periksa(meja.dasar.susun({nama: b"luar"}))
    assert (p.status, p.kode) == (DITOLAK, "RUSAK"), p.temuan


def test_anggota_terenkripsi_ditolak(meja: Meja) -> None:
    anggota = [Anggota(n, isi) for n, isi in meja.dasar.anggota.items()]
    anggota[0].flag = 1
    p = meja.periksa(tulis_zip(anggota))
    assert (p.status, p.kode) == (DITOLAK, "RUSAK"), p.temuan


@pytest.mark.parametrize(
    "lampiran",
    ["\x1b.xlsx", " HUKUM.xlsx ", "a\r\nb.xlsx", "x" * 40_000 + ".xlsx", "\t.xlsx"],
    ids=["escape", "spasi", "crlf", "panjang", "tab"],
)
def test_nama_lampiran_aneh_tercatat_sekali(ujung: UjungKeUjung, lampiran: str) -> None:
    """An attachment named with a control character (or spaces around, or longer than a cell)
    was recorded under a name the ledger gives back changed: every later run saw it as new
    and added another row."""
    ujung.pulihkan()
    masuk = ujung.kerja / skema.FOLDER_MASUK
    (masuk / "1.eml").write_bytes(_eml(lampiran, ujung.dasar.data, "hukum@setda.waykanan.example"))
    try:
        assert main(["himpun", "--workbook", str(ujung.master), "--tanpa-imap"]) == 0
        pertama = _tabel(_baca(ujung.master)[skema.PENERIMAAN])
        assert [r["Status"] for r in pertama] == [DITERIMA]
        sebelum = _sidik(ujung.kerja)
        assert main(["himpun", "--workbook", str(ujung.master), "--tanpa-imap"]) == 0
        assert _sidik(ujung.kerja) == sebelum, "run kedua tanpa berkas baru tidak mengubah apa pun"
    finally:
        (masuk / "1.eml").unlink()


# --- the guard measures at least what the reader builds ---------------------------------------


@st.composite
def lembar_acak(draw: st.DrawFn) -> bytes:
    """A small sheet in any of the forms a reader accepts: references or not, lowercase,
    prefixes, self-closing cells, rows without numbers, cells outside rows."""
    bagian = [b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"']
    bagian.append(b' xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
    bagian.append(b"<sheetData>")
    for _ in range(draw(st.integers(0, 6))):
        r = draw(st.one_of(st.none(), st.integers(1, 200)))
        bagian.append(b"<row>" if r is None else b'<row r="%d">' % r)
        for _ in range(draw(st.integers(0, 5))):
            ref = draw(
                st.one_of(
                    st.none(),
                    st.tuples(st.sampled_from(["A", "b", "Q", "AA", "zz"]), st.integers(1, 200)),
                )
            )
            atr = b"" if ref is None else utf8(f' r="{ref[0]}{ref[1]}"')
            awal = draw(st.sampled_from([b"c", b"x:c"]))
            if draw(st.booleans()):
                bagian.append(b"<" + awal + atr + b' s="0"/>')
            else:
                bagian.append(b"<" + awal + atr + b"><v>1</v></" + awal + b">")
        bagian.append(b"</row>")
    bagian.append(b"</sheetData></worksheet>")
    return b"".join(bagian)


@settings(PROFIL, max_examples=max(50, PROFIL.max_examples // 5))
@given(xml=lembar_acak())
def test_ukuran_lembar_tidak_pernah_di_bawah_yang_dibangun_pembaca(meja: Meja, xml: bytes) -> None:
    """`pyxl.inti.pindai.ukur_lembar` is an upper bound of the grid calamine builds for the
    sheet (rows and columns from A1), in the usual form and in every other one."""
    from python_calamine import CalamineWorkbook

    d = meja.dasar
    data = d.susun({d.sheet_stempel: xml})
    ukuran = pindai.ukur_lembar(xml)
    try:
        akhir = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name("Stempel").end
    except Exception:  # the reader refuses the sheet: nothing is built
        return
    if akhir is not None:  # the last cell, 0-based: the grid from A1 is one more each way
        tinggi, lebar = akhir[0] + 1, akhir[1] + 1
        assert ukuran.tinggi >= tinggi and ukuran.lebar >= lebar, (ukuran, tinggi, lebar)
        HITUNG[("ukur_lembar", "terbaca, batas atas benar")] += 1
