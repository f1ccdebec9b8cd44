"""The workbook port on the live workbook in Excel (buttons), through xlwings.

Every method is one bulk call per block: Excel round-trips cost about a millisecond each, so a
cell-by-cell loop would make a button take minutes on a large workbook.

Writes are held until `simpan` and then made in the order they came, as the file adapter does:
a step that fails leaves the open workbook as it was, and a read sees the step's own writes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pyxl.inti.sel import perlu_awalan_teks

_POLOS = (str, int, float, bool, datetime, date)


def _polos(v: Any) -> Any:
    """`v` as a plain Python value: None, str, int, float, bool, datetime or date.

    The buttons import xlwings without numpy and pandas (`pyxl.tombol`), so xlwings converts
    plain values only: a numpy number or a pandas timestamp from a step's computation, or a
    NaN it would once have blanked, becomes its plain equivalent here."""
    if v is None or type(v) in _POLOS:
        return None if type(v) is float and v != v else v
    if v != v:  # NaN of any type, pandas' NaT
        return None
    if hasattr(v, "to_pydatetime"):  # pandas Timestamp
        return v.to_pydatetime()
    if hasattr(v, "item"):  # numpy scalar
        return v.item()
    if isinstance(v, float):
        return float(v)
    return v


def _aman(v: Any) -> Any:
    """A plain value (`_polos`); text Excel would parse (formula, number, date) gets the
    apostrophe prefix: stays text.

    Excel takes a leading apostrophe as "this is text" and does not store it, so
    `=HYPERLINK(…)` from a returned format is written as the text it was, never a formula.
    Leading spaces do not hide a formula or a number."""
    v = _polos(v)
    if isinstance(v, str) and (perlu_awalan_teks(v) or perlu_awalan_teks(v.lstrip())):
        return "'" + v
    return v


class BukuExcel:
    """The caller's workbook (`xw.Book.caller()`), as a `pyxl.buku.port.Buku`."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self._tertunda: list[tuple[str, Any]] = []
        """Writes not made yet: ("tulis", (sheet, baris, kolom, blok, format)) or
        ("kosongkan", (sheet, dari_baris)), in order."""
        self._nama_excel: list[str] | None = None
        """The workbook's sheet names as Excel has them, read once until `simpan` changes
        them: a step asks for them once per Bagian, and each name is a call to Excel."""

    @property
    def folder(self) -> Path:
        return self.berkas.resolve().parent

    @property
    def berkas(self) -> Path:
        return Path(self.book.fullname)

    def nama_sheet(self) -> list[str]:
        if self._nama_excel is None:
            self._nama_excel = [s.name for s in self.book.sheets]
        nama = list(self._nama_excel)
        for jenis, isi in self._tertunda:  # sheet operations not made yet
            if jenis == "tambah":
                nama.insert(nama.index(isi[2]) + 1, isi[0])
            elif jenis == "ganti_nama":
                nama = [isi[1] if n == isi[0] else n for n in nama]
        return nama

    def ada_sheet(self, nama: str) -> bool:
        return nama in self.nama_sheet()  # a few dozen sheets; listed once per call

    def sel_persen(self, sheet: str, calon: Collection[str]) -> set[str]:
        """One call per candidate cell: the caller passes only the few numeric cells that
        could be a percentage typed with its sign."""
        from pyxl.inti.pindai import format_persen

        lembar = self.book.sheets[sheet]
        try:
            return {s for s in calon if format_persen(str(lembar.range(s).number_format or ""))}
        except NotImplementedError:  # an engine that cannot read formats (xlwings Server)
            return set()

    def tersembunyi(self) -> set[str]:
        hasil = {s.name for s in self.book.sheets if not s.visible}
        for jenis, isi in self._tertunda:
            if jenis == "ganti_nama" and isi[0] in hasil:
                hasil = (hasil - {isi[0]}) | {isi[1]}
            elif jenis == "sembunyikan":
                hasil = hasil | {isi[0]} if isi[1] else hasil - {isi[0]}
        return hasil

    def tambah_sheet(
        self, nama: str, contoh: str, sesudah: str, judul_cetak: str | None = None
    ) -> None:
        self._tertunda.append(("tambah", (nama, contoh, sesudah, judul_cetak)))

    def ganti_nama_sheet(self, lama: str, baru: str) -> None:
        self._tertunda.append(("ganti_nama", (lama, baru)))

    def sembunyikan_sheet(self, nama: str, sembunyi: bool = True) -> None:
        self._tertunda.append(("sembunyikan", (nama, sembunyi)))

    def atur_judul_cetak(self, sheet: str, judul: str) -> None:
        self._tertunda.append(("judul", (sheet, judul)))

    def atur_rentang_grafik(self, sheet: str, baris_akhir: int) -> None:
        self._tertunda.append(("grafik", (sheet, baris_akhir)))

    def _asal(self, sheet: str) -> tuple[str, list[list[Any]] | None]:
        """The sheet's name in Excel now, and its values when it is still to be made (a new
        sheet holds its example's first row)."""
        for jenis, isi in reversed(self._tertunda):
            if jenis == "ganti_nama" and isi[1] == sheet:
                return self._asal(isi[0])
            if jenis == "tambah" and isi[0] == sheet:
                return sheet, self._baca_excel(self._asal(isi[1])[0])[:1]
        return sheet, None

    def _tambah(self, nama: str, contoh: str, sesudah: str, judul_cetak: str | None) -> None:
        sumber, tempat = self.book.sheets[contoh], self.book.sheets[sesudah]
        baru = sumber.copy(after=tempat, name=nama)
        used = baru.used_range
        akhir = used.row + used.rows.count - 1
        if akhir >= 2:
            kanan = used.column + used.columns.count - 1
            baru.range((2, 1), (akhir, kanan)).clear_contents()
        if judul_cetak is not None:
            with contextlib.suppress(Exception):  # page setup is Windows/macOS Excel only
                baru.api.PageSetup.LeftHeader = judul_cetak.replace("&", "&&")

    def _grafik(self, sheet: str, baris_akhir: int) -> None:
        """Charts on `sheet` read down to `baris_akhir` (Excel's series formulas)."""
        import re

        for chart in self.book.sheets[sheet].charts:
            with contextlib.suppress(Exception):  # not every engine exposes series
                obj = chart.api[1] if isinstance(chart.api, tuple) else chart.api
                seri = obj.SeriesCollection()
                for i in range(1, seri.Count + 1):
                    s = seri.Item(i)
                    s.Formula = re.sub(
                        r"(:\$?[A-Z]{1,3}\$)(\d+)", rf"\g<1>{baris_akhir}", s.Formula
                    )

    def baca(self, sheet: str) -> list[list[Any]]:
        nama, baru = self._asal(sheet)
        rows = [list(r) for r in baru] if baru is not None else self._baca_excel(nama)
        for jenis, isi in self._tertunda:
            if jenis not in ("tulis", "kosongkan") or isi[0] != sheet:
                continue
            if jenis == "kosongkan":
                for r in rows[isi[1] - 1 :]:
                    r[:] = [None] * len(r)
            else:
                _, baris, kolom, blok, _fmt = isi
                for i, nilai in enumerate(blok):
                    rows.extend([] for _ in range(baris + i - len(rows)))
                    r = rows[baris + i - 1]
                    r.extend([None] * (kolom - 1 + len(nilai) - len(r)))
                    r[kolom - 1 : kolom - 1 + len(nilai)] = nilai
        while rows and all(v is None for v in rows[-1]):
            rows.pop()
        return rows

    def _baca_excel(self, sheet: str) -> list[list[Any]]:
        sht = self.book.sheets[sheet]
        used = sht.used_range
        nilai: list[list[Any]] = used.options(ndim=2).value or []
        # used_range may start below/right of A1: pad so rows and columns count from A1.
        r0, c0 = used.row - 1, used.column - 1
        kosong: list[list[Any]] = [[] for _ in range(r0)]
        rows = kosong + [[None] * c0 + list(r) for r in nilai]
        while rows and all(v is None for v in rows[-1]):
            rows.pop()
        return rows

    def tulis(
        self,
        sheet: str,
        baris: int,
        kolom: int,
        nilai: Sequence[Sequence[Any]],
        format_angka: Sequence[str | None] | None = None,
    ) -> None:
        if not nilai:
            return
        lebar = max(len(r) for r in nilai)
        blok = [list(r) + [None] * (lebar - len(r)) for r in nilai]
        self._tertunda.append(("tulis", (sheet, baris, kolom, blok, format_angka)))

    def _tulis(
        self,
        sheet: str,
        baris: int,
        kolom: int,
        blok: list[list[Any]],
        format_angka: Sequence[str | None] | None,
    ) -> None:
        sht = self.book.sheets[sheet]
        sht.range((baris, kolom)).value = [[_aman(v) for v in r] for r in blok]
        akhir = baris + len(blok) - 1
        for j, fmt in enumerate(format_angka or ()):
            if fmt:
                sht.range((baris, kolom + j), (akhir, kolom + j)).number_format = fmt

    def kosongkan(self, sheet: str, dari_baris: int) -> None:
        self._tertunda.append(("kosongkan", (sheet, dari_baris)))

    def _kosongkan(self, sheet: str, dari_baris: int) -> None:
        sht = self.book.sheets[sheet]
        used = sht.used_range
        akhir = used.row + used.rows.count - 1
        if akhir >= dari_baris:
            kanan = used.column + used.columns.count - 1
            sht.range((dari_baris, 1), (akhir, kanan)).clear_contents()

    def simpan(self) -> None:
        tertunda, self._tertunda = self._tertunda, []
        self._nama_excel = None
        for jenis, isi in tertunda:
            if jenis == "tulis":
                self._tulis(*isi)
            elif jenis == "kosongkan":
                self._kosongkan(*isi)
            elif jenis == "tambah":
                self._tambah(*isi)
            elif jenis == "ganti_nama":
                self.book.sheets[isi[0]].name = isi[1]
            elif jenis == "sembunyikan":
                self.book.sheets[isi[0]].visible = not isi[1]
            elif jenis == "judul":
                with contextlib.suppress(Exception):  # page setup is Windows/macOS Excel only
                    self.book.sheets[isi[0]].api.PageSetup.LeftHeader = isi[1].replace("&", "&&")
            else:
                self._grafik(*isi)
        # Letter numbers and the ledger must not vanish if staff close without saving.
        self.book.save()
