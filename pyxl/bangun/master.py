"""Build the master workbook `Pengumpulan_Data_Kinerja.xlsm` with XlsxWriter.

The VBA project is generated from the plain-text sources in `pyxl/bangun/vba/` by our
[MS-OVBA] writer (`pyxl.berkas.ovba`), plus xlwings' standalone module taken from the installed
xlwings package (so the workbook's VBA module and the Python package are always the same
version) and the `Dictionary` class module xlwings needs on macOS, taken from xlwings' own
standalone quickstart workbook. The build is deterministic: same inputs, same bytes.

    python -m pyxl.bangun.master [OUT.xlsm]   rebuilds workbook/Pengumpulan_Data_Kinerja.xlsm
"""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import astuple
from datetime import datetime
from pathlib import Path
from typing import Any

from pyxl.berkas.ovba import VbaModule, build_vba_project, document_module, read_vba_modules
from pyxl.buku.tabel import FORMAT_KOLOM
from pyxl.inti import cetak, skala
from pyxl.inti.sel import huruf_kolom
from pyxl.kontrak import kendali, skema, sop
from pyxl.kontrak.model import Bagian, Indikator
from pyxl.kontrak.pengaturan import PENGATURAN
from pyxl.kontrak.perintah import PERINTAH
from pyxl.kontrak.periode import CARA_TAHUNAN, PERIODE
from pyxl.kontrak.setda import BAGIAN_BAWAAN
from pyxl.kontrak.struktur import KUNCI_VERSI, VERSI_STRUKTUR

AKAR = Path(__file__).resolve().parents[2]
FOLDER_VBA = Path(__file__).resolve().parent / "vba"
MASTER_REPO = AKAR / "workbook" / skema.NAMA_MASTER
WAKTU_BANGUN = datetime(2026, 1, 1)
"""Fixed document timestamp: the committed workbook must be byte-identical to a rebuild."""

WARNA_JUDUL = "#1F4E78"
WARNA_HEADER = "#DDEBF7"

LEBAR_KOLOM: dict[str, float] = {
    "Kode IKU": 14,
    "Sasaran": 34,
    "Indikator Kinerja": 42,
    "Definisi Operasional": 40,
    "Formula": 36,
    "Satuan": 10,
    "Polaritas": 11,
    "Target": 11,
    "Target Atas": 11,
    "Realisasi": 11,
    "Realisasi Tahun Lalu": 12,
    "Target Akhir Renstra": 12,
    "Pagu Anggaran": 16,
    "Realisasi Anggaran": 16,
    "Sumber Data": 24,
    "Penanggung Jawab": 26,
    "Keterangan": 34,
    "Rumus Capaian": 14,
    "Skala": 20,
    "Kode": 11,
    "Nama Bagian": 40,
    "Asisten": 40,
    "Kepala Bagian": 30,
    "NIP": 21,
    "Pangkat": 24,
    "Email": 32,
    "Kunci": 40,
    "Nilai": 44,
    "Kelompok": 13,
    "Waktu": 19,
    "Berkas": 34,
    "SHA-256": 30,
    "Kode Bagian": 12,
    "Status": 14,
    "Catatan": 40,
    "Tingkat": 11,
    "Kode Masalah": 16,
    "Sel": 8,
    "Pesan": 70,
    "Kategori": 15,
    "Nomor Surat": 30,
    "Kode Klasifikasi": 16,
    "Tujuan": 30,
    "Perihal": 40,
    "Langkah": 9,
    "Uraian": 50,
    "Oleh": 20,
    "Mulai": 19,
    "Selesai": 19,
    "Waktu Baku": 11,
    "Sesuai Waktu Baku": 12,
    "Hasil": 50,
    "Dari": 30,
    "Kepada": 34,
    "Isi Disposisi": 50,
    "Sifat": 10,
    "Nomor Agenda": 14,
    "Dicatat": 17,
    "Tanggal": 12,
    "No": 5,
    "Penyebab": 60,
    "Solusi/Upaya": 60,
    "Sasaran Strategis": 44,
    "Indikator Kinerja Utama": 50,
    "Indikator Bagian": 40,
    "Cara Tahunan": 12,
    "Periode": 9,
    "Target Periode": 11,
    "Dasar Target": 38,
    "Tren": 8,
    **{k: 11 for k in skema.KOLOM_REKAP_TW},
}

TEKS_PANJANG = ("Hasil", "Pesan", "Catatan", "Isi Disposisi", "Perihal")
"""Ledger columns of messages and notes: wrapped, so a long one is read whole, not cut."""

MARGIN_SISI = 0.5
"""Left and right print margins (inches)."""


def lebar_kolom(kolom: str) -> float:
    """A table column's width (characters): its `LEBAR_KOLOM`, widened for a date or time
    format so Excel never shows `###` instead of the date."""
    lebar = LEBAR_KOLOM.get(kolom, 14)
    fmt = FORMAT_KOLOM.get(kolom, "")
    if "yy" in fmt or "hh" in fmt:
        lebar = max(lebar, len(fmt) + 1)
    return lebar


XLWINGS_CONF: tuple[tuple[str, str, str], ...] = (
    (
        "INTERPRETER_WIN",
        "",
        "Windows: jalur lengkap python.exe lingkungan pyxl, misalnya "
        r"C:\pyxl\venv\Scripts\pythonw.exe. Kosong = python dari PATH.",
    ),
    ("INTERPRETER_MAC", "", "macOS: jalur lengkap python di lingkungan pyxl. Kosong = python."),
    ("PYTHONPATH", "", "Folder tambahan untuk Python; kosongkan bila pyxl sudah terpasang."),
    (
        "ADD_WORKBOOK_TO_PYTHONPATH",
        "False",
        "False: folder buku kerja tidak ditambahkan ke jalur Python (tidak ada kode di sana).",
    ),
    ("SHOW_ERROR_POPUPS", "True", "True: galat tak terduga ditampilkan sebagai jendela pesan."),
    ("USE UDF SERVER", "False", "Tidak dipakai pyxl (pyxl tidak memakai fungsi UDF)."),
)


def xlwings_folder() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("xlwings")
    if spec is None or spec.origin is None:
        raise RuntimeError("xlwings tidak terpasang")
    return Path(spec.origin).parent


def modul_vba(sheet_names: Sequence[str], dengan_xlwings: bool = True) -> list[VbaModule]:
    """Every VBA module of the workbook: document modules, our sources, xlwings' modules."""
    mods = [document_module("ThisWorkbook", "workbook")]
    mods += [document_module(f"Sheet{i}", "worksheet") for i in range(1, len(sheet_names) + 1)]
    mods.append(_modul_sumber(FOLDER_VBA / "Tombol.bas"))
    if dengan_xlwings:
        xw = xlwings_folder()
        mods.append(
            VbaModule(
                "xlwings", "standard", _crlf((xw / "xlwings.bas").read_text(encoding="cp1252"))
            )
        )
        with zipfile.ZipFile(xw / "quickstart_standalone.xlsm") as z:
            quick = read_vba_modules(z.read("xl/vbaProject.bin"))
        mods.append(VbaModule("Dictionary", "class", _crlf(quick["Dictionary"])))
    else:
        mods.append(_modul_sumber(FOLDER_VBA / "Uji.bas"))
    return mods


def _crlf(teks: str) -> str:
    return teks.replace("\r\n", "\n").replace("\n", "\r\n")


def _modul_sumber(berkas: Path) -> VbaModule:
    teks = _crlf(berkas.read_text(encoding="cp1252"))
    return VbaModule(berkas.stem, "standard", teks)


class _Gaya:
    """The few cell formats the workbook uses, created once per build."""

    def __init__(self, wb: Any) -> None:
        self.judul = wb.add_format({"bold": True, "font_size": 16, "font_color": WARNA_JUDUL})
        self.subjudul = wb.add_format({"bold": True, "font_size": 12})
        self.teks = wb.add_format({"text_wrap": True, "valign": "top"})
        self.petunjuk = wb.add_format({"italic": True, "font_color": "#595959"})
        self.header = wb.add_format(
            {
                "bold": True,
                "font_color": "#FFFFFF",
                "bg_color": WARNA_JUDUL,
                "border": 1,
                "text_wrap": True,
                "valign": "vcenter",
                "align": "center",
            }
        )
        self.header_muda = wb.add_format(
            {
                "bold": True,
                "bg_color": WARNA_HEADER,
                "border": 1,
                "text_wrap": True,
                "valign": "vcenter",
            }
        )
        self.sel = wb.add_format({"border": 1, "valign": "top", "text_wrap": True})
        self.bungkus = wb.add_format({"text_wrap": True, "valign": "top"})
        self.isian = wb.add_format({"border": 1, "bg_color": "#FFFF99"})
        self.angka: dict[str, Any] = {}
        self._wb = wb

    def format_angka(self, fmt: str) -> Any:
        if fmt not in self.angka:
            self.angka[fmt] = self._wb.add_format({"num_format": fmt})
        return self.angka[fmt]


def _siapkan_tabel(
    ws: Any,
    gaya: _Gaya,
    kolom: Sequence[str],
    landscape: bool = True,
    lebar_lain: Mapping[str, float] | None = None,
) -> None:
    """Header in row 1, frozen, filterable, widths and number formats per column, print setup.
    `lebar_lain`: widths of this sheet that differ from `LEBAR_KOLOM`."""
    ws.write_row(0, 0, list(kolom), gaya.header)
    ws.set_row(0, 30)
    lebar = [(lebar_lain or {}).get(k) or lebar_kolom(k) for k in kolom]
    for j, k in enumerate(kolom):
        fmt = FORMAT_KOLOM.get(k)
        gaya_kolom = gaya.format_angka(fmt) if fmt else gaya.bungkus if k in TEKS_PANJANG else None
        ws.set_column(j, j, lebar[j], gaya_kolom)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, 0, len(kolom) - 1)
    _cetak(ws, lebar, landscape)
    ws.repeat_rows(0)


def _cetak(ws: Any, lebar: Sequence[float], landscape: bool = True, judul: int = 1) -> None:
    """A4, fitted to as many pages wide as keep the print at 8 pt or more
    (`pyxl.inti.cetak`), the first `judul` columns repeated on each page."""
    ws.set_paper(cetak.A4)
    if landscape:
        ws.set_landscape()
    kertas = cetak.LEBAR_KERTAS[cetak.A4] if landscape else 8.27
    halaman = cetak.halaman_lebar(lebar, judul, kertas - 2 * MARGIN_SISI)
    ws.fit_to_pages(halaman, 0)
    if halaman > 1:
        ws.repeat_columns(0, judul - 1)
    ws.set_margins(left=MARGIN_SISI, right=MARGIN_SISI, top=0.6, bottom=0.6)
    ws.set_footer("&L&F — &A&RHalaman &P dari &N")


def _tulis_baris(ws: Any, mulai: int, rows: Sequence[Sequence[Any]]) -> None:
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            if v is None or v == "":
                continue
            if isinstance(v, str):
                ws.write_string(mulai + i, j, v)
            else:
                ws.write(mulai + i, j, v)


def _kendali(
    ws: Any,
    wb: Any,
    gaya: _Gaya,
    bagian: Sequence[Bagian],
    indikator: Mapping[str, Sequence[Indikator]],
    tahun: int | None,
) -> None:
    # column A also holds the Bagian codes of the status table below (PROKOPIM, RENKEU)
    lebar = (10, 58, 22, 11, 22, 30, 20, 17, 17, 10, kendali.LEBAR_KETERANGAN)
    for j, w in enumerate(lebar):
        ws.set_column(j, j, w)
    ws.write_string(0, 0, "PENGUMPULAN DATA KINERJA — SEKRETARIAT DAERAH", gaya.judul)
    ws.write_formula(
        1,
        0,
        '="Tahun kinerja: "&IFERROR(VLOOKUP("Tahun",Pengaturan!A:B,2,FALSE),"")',
        gaya.subjudul,
        f"Tahun kinerja: {tahun or ''}",
    )
    ws.write_string(
        2,
        0,
        "Klik tombol sesuai urutan langkah SOP. Isian diatur di sheet Pengaturan; setiap "
        "langkah tercatat di sheet Log SOP. Tutup berkas Word hasil sebelum menjalankan ulang.",
        gaya.petunjuk,
    )
    h = kendali.BARIS_JUDUL_LANGKAH - 1
    ws.write_row(h, 0, list(kendali.KOLOM_LANGKAH), gaya.header)
    ws.set_row(h, 30)  # two-line headers ("Durasi (menit)") shown whole
    tombol_langkah = {p.langkah: p for p in PERINTAH if p.langkah is not None}
    for ls in sop.LANGKAH:
        r = kendali.baris_langkah(ls.no) - 1
        ws.set_row(r, kendali.TINGGI_BARIS_LANGKAH)
        p = tombol_langkah.get(ls.no)
        status = kendali.BELUM if ls.perintah else kendali.MANUAL
        ws.write_row(
            r,
            0,
            [
                ls.no,
                ls.uraian,
                ls.pelaksana,
                ls.waktu_baku_teks,
                ls.output,
                kendali.teks_tombol(ls.no),
                status,
            ],
            gaya.sel,
        )
        for c in range(7, len(kendali.KOLOM_LANGKAH)):
            ws.write_blank(r, c, None, gaya.sel)
        if p:
            _tombol(ws, r, p.sub, p.judul)
    r = kendali.BARIS_ALAT - 1
    ws.write_string(r - 1, 1, "Alat bantu", gaya.subjudul)
    for i, p in enumerate(x for x in PERINTAH if x.langkah is None):
        ws.set_row(r + i, 30)
        ws.write_string(r + i, 1, p.keterangan, gaya.teks)
        _tombol(ws, r + i, p.sub, p.judul)
    r = kendali.BARIS_JUDUL_ISIAN - 1
    ws.write_string(r, 1, "Isian tombol Bagian, Tahun Baru dan Periode", gaya.subjudul)
    ws.write_string(
        r,
        kendali.KOLOM_ISIAN_NILAI - 1,
        "Isi yang perlu saja, lalu klik tombolnya; isian dikosongkan setelah berhasil.",
        gaya.petunjuk,
    )
    for label in kendali.ISIAN:
        b = kendali.baris_isian(label) - 1
        ws.write_string(b, kendali.KOLOM_ISIAN_LABEL - 1, label, gaya.header_muda)
        ws.write_blank(b, kendali.KOLOM_ISIAN_NILAI - 1, None, gaya.isian)
    b = kendali.baris_isian("Periode") - 1
    ws.data_validation(
        b,
        kendali.KOLOM_ISIAN_NILAI - 1,
        b,
        kendali.KOLOM_ISIAN_NILAI - 1,
        {
            "validate": "list",
            "source": list(PERIODE),
            "input_title": "Periode putaran",
            "input_message": "Putaran yang dikerjakan tombol Buat Format, Kirim, Himpun, "
            "Ingatkan, Status dan Analisis: TW I-IV untuk pemantauan triwulan. Kosong: "
            "Tahunan. Isian ini tidak dikosongkan.",
            "error_title": "Periode tidak dikenal",
            "error_message": "Pilih TW I, TW II, TW III, TW IV atau Tahunan.",
        },
    )
    ws.write_string(kendali.BARIS_JUDUL_BAGIAN - 1, 0, "Status per Bagian", gaya.subjudul)
    ws.write_row(kendali.BARIS_HEADER_BAGIAN - 1, 0, list(kendali.KOLOM_STATUS_BAGIAN), gaya.header)
    ws.set_row(kendali.BARIS_HEADER_BAGIAN - 1, 30)
    rows = [
        [b.kode, b.nama, len(indikator.get(b.kode, ())), 0, "", "", "", kendali.BELUM, ""]
        for b in bagian
    ]
    _tulis_baris(ws, kendali.BARIS_BAGIAN_1 - 1, rows)
    ws.freeze_panes(kendali.BARIS_JUDUL_LANGKAH, 0)
    _cetak(ws, lebar)
    ws.activate()


def _tombol(ws: Any, r: int, sub: str, judul: str) -> None:
    ws.insert_button(
        r,
        kendali.KOLOM_TOMBOL - 1,
        {
            "macro": f"Tombol.{sub}",
            "caption": judul,
            "width": 205,
            "height": 36,
            "x_offset": 4,
            "y_offset": 2,
        },
    )


def _pengaturan(ws: Any, gaya: _Gaya, nilai: Mapping[str, str]) -> None:
    _siapkan_tabel(ws, gaya, skema.KOLOM_PENGATURAN, landscape=False, lebar_lain={"Keterangan": 80})
    rows = [[s.kunci, nilai.get(s.kunci, s.bawaan), s.keterangan, s.kelompok] for s in PENGATURAN]
    _tulis_baris(ws, 1, rows)


def _lembar_bagian(ws: Any, wb: Any, gaya: _Gaya, b: Bagian, rows: Sequence[Indikator]) -> None:
    _siapkan_tabel(ws, gaya, skema.KOLOM_INDIKATOR)
    ws.set_header(f"&L{b.nama}&RIndikator Kinerja Utama")
    _tulis_baris(ws, 1, [astuple(i) for i in rows])
    pol = skema.KOLOM_INDIKATOR.index("Polaritas")
    ws.data_validation(
        1,
        pol,
        1000,
        pol,
        {
            "validate": "list",
            "source": ["Positif", "Negatif", "Kualitatif"],
            "input_title": "Polaritas",
            "input_message": "Positif: makin tinggi makin baik. "
            "Negatif: makin rendah makin baik. Kualitatif: target berupa teks.",
            "error_title": "Polaritas tidak dikenal",
            "error_message": "Pilih Positif, Negatif atau Kualitatif.",
        },
    )
    rumus = skema.KOLOM_INDIKATOR.index("Rumus Capaian")
    ws.data_validation(
        1,
        rumus,
        1000,
        rumus,
        {
            "validate": "list",
            "source": list(skema.RUMUS_CAPAIAN),
            "input_title": "Rumus Capaian",
            "input_message": "Kosongkan untuk rumus bawaan (Positif R/T; Negatif sesuai "
            "Pengaturan 'Rumus Polaritas Negatif'). Negatif: (2T-R)/T atau T/R.",
            "error_title": "Rumus tidak dikenal",
            "error_message": "Pilih R/T, (2T-R)/T atau T/R, atau kosongkan.",
        },
    )
    cara = skema.KOLOM_INDIKATOR.index("Cara Tahunan")
    ws.data_validation(
        1,
        cara,
        1000,
        cara,
        {
            "validate": "list",
            "source": list(CARA_TAHUNAN),
            "input_title": "Cara Tahunan",
            "input_message": "Bagaimana realisasi triwulan menjadi realisasi tahun: Jumlah "
            "(dijumlah), Kumulatif (nilai s.d. triwulan), Rata-rata, atau Terakhir (nilai "
            "terakhir). Kosong: Terakhir.",
            "error_title": "Cara Tahunan tidak dikenal",
            "error_message": "Pilih Jumlah, Kumulatif, Rata-rata atau Terakhir, atau kosongkan.",
        },
    )
    perlu = skema.KOLOM_INDIKATOR.index("Perlu Bukti")
    ws.data_validation(
        1,
        perlu,
        1000,
        perlu,
        {
            "validate": "list",
            "source": [skema.YA],
            "input_title": "Perlu Bukti",
            "input_message": "Ya: setiap realisasi indikator ini wajib disertai data dukung; "
            "tanpa bukti, himpun memberi Peringatan. Kosong: tidak wajib.",
            "error_type": "warning",
            "error_title": "Perlu Bukti",
            "error_message": "Isi Ya, atau kosongkan.",
        },
    )
    kolom_skala = skema.KOLOM_INDIKATOR.index("Skala")
    ws.data_validation(
        1,
        kolom_skala,
        1000,
        kolom_skala,
        {
            "validate": "list",
            "source": [s.nama for s in skala.BAWAAN],
            "input_title": "Skala (indikator Kualitatif)",
            "input_message": "Skala berurutan untuk target dan realisasi teks, mis. Predikat "
            "SAKIP (AA > A > BB > ...). Skala lain dapat ditambahkan di sheet Skala.",
            "error_type": "warning",
            "error_title": "Skala",
            "error_message": "Nama ini tidak ada di daftar bawaan. Pastikan skalanya ada di "
            "sheet Skala.",
        },
    )


BARIS_ANALISIS_MAKS = 20_000
"""Rows covered by the category colouring (far beyond any Setda's indicator count)."""

WARNA_KATEGORI = (
    ("Batas Sangat Tinggi", "#63BE7B"),
    ("Batas Tinggi", "#B5D99C"),
    ("Batas Sedang", "#FFEB84"),
    ("Batas Rendah", "#FBAA77"),
    (None, "#F8696B"),
)
"""Band colours, best first; the last band is everything below `Batas Rendah`."""


def _warna_kategori(
    wb: Any, ws: Any, kolom: Sequence[str], sasaran: str, nilai: str | None = None
) -> None:
    """Colour `sasaran` by the band of the row's capaian (column `nilai`; by default the
    table's capaian), with thresholds read live from `Pengaturan`: a conditional format, so
    it stays right when staff edit a value."""
    if nilai is None:
        nilai = "Rata-rata Capaian (%)" if "Rata-rata Capaian (%)" in kolom else "Capaian (%)"
    c = huruf_kolom(kolom.index(nilai) + 1)
    j = kolom.index(sasaran)
    for kunci, warna in WARNA_KATEGORI:
        syarat = f'--VLOOKUP("{kunci}",Pengaturan!$A:$B,2,FALSE)' if kunci else "-1E+300"
        ws.conditional_format(
            1,
            j,
            BARIS_ANALISIS_MAKS,
            j,
            {
                "type": "formula",
                "criteria": f"=AND(ISNUMBER(${c}2),${c}2>={syarat})",
                "format": wb.add_format({"bg_color": warna}),
                "stop_if_true": True,
            },
        )


def _grafik_rekap(wb: Any, ws: Any, jumlah: int) -> None:
    """A native bar chart of mean capaian per Bagian, over the rows `analisis` writes."""
    if not jumlah:
        return
    kode = skema.KOLOM_REKAP.index("Kode Bagian")
    nilai = skema.KOLOM_REKAP.index("Rata-rata Capaian (%)")
    grafik = wb.add_chart({"type": "column"})
    grafik.add_series(
        {
            "name": "Rata-rata capaian (%)",
            "categories": [skema.REKAP, 1, kode, jumlah, kode],
            "values": [skema.REKAP, 1, nilai, jumlah, nilai],
            "fill": {"color": WARNA_JUDUL},
            "data_labels": {"value": True, "num_format": "0.0"},
        }
    )
    grafik.set_title({"name": "Rata-rata Capaian Kinerja per Bagian"})
    grafik.set_y_axis({"name": "Capaian (%)", "min": 0})
    grafik.set_legend({"none": True})
    grafik.set_size({"width": 820, "height": 360})
    ws.insert_chart(jumlah + 4, 1, grafik)


WARNA_TRIWULAN = ("#9DC3E6", "#5B9BD5", "#2E75B6", WARNA_JUDUL)
"""TW I … TW IV: one hue, darker as the year goes on (readable in grey print too)."""


def _grafik_triwulan(wb: Any, ws: Any, jumlah: int) -> None:
    """A native clustered column chart of each quarter's mean capaian per Bagian (the
    `Capaian TW … (%)` columns), below the yearly one: the quarters side by side."""
    if not jumlah:
        return
    kode = skema.KOLOM_REKAP.index("Kode Bagian")
    grafik = wb.add_chart({"type": "column"})
    for kolom, warna in zip(skema.KOLOM_REKAP_TW, WARNA_TRIWULAN, strict=True):
        j = skema.KOLOM_REKAP.index(kolom)
        grafik.add_series(
            {
                "name": [skema.REKAP, 0, j],
                "categories": [skema.REKAP, 1, kode, jumlah, kode],
                "values": [skema.REKAP, 1, j, jumlah, j],
                "fill": {"color": warna},
                "gap": 80,
            }
        )
    grafik.set_title({"name": "Capaian Kinerja per Triwulan per Bagian"})
    grafik.set_y_axis({"name": "Capaian (%)", "min": 0})
    grafik.set_legend({"position": "bottom"})
    grafik.set_size({"width": 820, "height": 360})
    ws.insert_chart(jumlah + 4 + BARIS_GRAFIK, 1, grafik)


BARIS_GRAFIK = 20
"""Rows a Rekap chart takes (360 pixels at Excel's 20-pixel rows), so the next one sits below."""


def _tautan_bukti(ws: Any, gaya: _Gaya) -> None:
    """The `Bukti` header of sheet `Analisis Triwulan` opens sheet `Data Dukung`: the cells
    below hold how many files came (values, not formulas), the list is one click away."""
    j = skema.KOLOM_ANALISIS_TRIWULAN.index("Bukti")
    ws.write_url(
        0,
        j,
        f"internal:'{skema.DATA_DUKUNG}'!A1",
        gaya.header,
        string="Bukti",
        tip=f"Jumlah berkas bukti yang diterima. Klik untuk membuka sheet {skema.DATA_DUKUNG}.",
    )


def _xlwings_conf(ws: Any, gaya: _Gaya) -> None:
    # xlwings reads keys from A1 downwards until the first empty cell, values from column B:
    # no header row here; explanations live in column D where xlwings does not look.
    for i, (k, v, ket) in enumerate(XLWINGS_CONF):
        ws.write_string(i, 0, k)
        if v:
            ws.write_string(i, 1, v)
        ws.write_string(i, 3, ket, gaya.petunjuk)
    ws.write_string(
        len(XLWINGS_CONF) + 1,
        3,
        "Sheet ini dibaca oleh xlwings setiap kali tombol di Kendali diklik. "
        "Jangan mengganti nama sheet atau menyisipkan baris kosong di kolom A.",
        gaya.petunjuk,
    )
    ws.set_column(0, 0, 30)
    ws.set_column(1, 1, 50)
    ws.set_column(3, 3, 90)
    # Settings for the program, not a record to file: printing the whole workbook gives this
    # sheet one small page of keys and values, not four pages of explanations.
    ws.print_area(0, 0, len(XLWINGS_CONF) - 1, 1)
    ws.fit_to_pages(1, 1)
    ws.set_paper(cetak.A4)


def urutan_sheet(bagian: Sequence[Bagian]) -> list[str]:
    return [
        skema.KENDALI,
        skema.PENGATURAN,
        skema.BAGIAN,
        *[b.kode for b in bagian],
        skema.DISPOSISI,
        skema.PENERIMAAN,
        skema.VALIDASI,
        skema.ANALISIS,
        skema.ANALISIS_NARATIF,
        skema.REKAP,
        skema.TRIWULAN,
        skema.ANALISIS_TRIWULAN,
        skema.DATA_DUKUNG,
        skema.IKU_SETDA,
        skema.REGISTER_SURAT,
        skema.LOG_SOP,
        skema.FORMAT_TERBIT,
        skema.PENGIRIMAN,
        skema.KOREKSI,
        skema.DOKUMEN,
        skema.REGISTER_ARSIP,
        skema.RIWAYAT_BAGIAN,
        skema.SKALA,
        skema.XLWINGS_CONF,
        skema.SISTEM,
    ]


def bangun_master(
    tujuan: Path | io.BytesIO,
    *,
    tahun: int | None,
    pengaturan: Mapping[str, str] | None = None,
    bagian: Sequence[Bagian] = BAGIAN_BAWAAN,
    indikator: Mapping[str, Sequence[Indikator]] | None = None,
    bagian_nonaktif: Sequence[Bagian] = (),
    lembar_lain: Sequence[str] = (),
    iku_setda: Sequence[Sequence[str]] = (),
    dengan_xlwings: bool = True,
) -> None:
    """Write the master workbook.

    `bagian_nonaktif` are retired Bagian: their sheets are made (hidden) after the active ones,
    for `pyxl perbarui` to carry their data. `lembar_lain` are sheets staff added, made empty
    after every sheet of pyxl, for the same reason. `iku_setda` are rows of sheet `IKU Setda`
    (the sample's). `dengan_xlwings=False` builds the test
    variant for LibreOffice (which cannot compile xlwings' module): same sheets and buttons,
    plus a module `Uji` with a plain macro.
    """
    import xlsxwriter

    indikator = indikator or {}
    nilai = dict(pengaturan or {})
    if tahun is not None:
        nilai["Tahun"] = str(tahun)
    nama = urutan_sheet([*bagian, *bagian_nonaktif])
    nama += [n for n in lembar_lain if n not in nama]
    wb = xlsxwriter.Workbook(
        tujuan,
        {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False},
    )
    wb.set_properties(
        {
            "title": "Pengumpulan Data Kinerja",
            "subject": "SOP Pengumpulan Data Kinerja",
            "author": "Bagian Perencanaan dan Keuangan",
            "company": "Sekretariat Daerah",
            "created": WAKTU_BANGUN,
            "comments": "Dibuat dengan pyxl",
        }
    )
    wb.set_vba_name("ThisWorkbook")
    gaya = _Gaya(wb)
    lembar = {}
    for i, n in enumerate(nama, start=1):
        ws = wb.add_worksheet(n)
        ws.set_vba_name(f"Sheet{i}")
        lembar[n] = ws
    _kendali(lembar[skema.KENDALI], wb, gaya, bagian, indikator, tahun)
    _pengaturan(lembar[skema.PENGATURAN], gaya, nilai)
    _siapkan_tabel(lembar[skema.BAGIAN], gaya, skema.KOLOM_BAGIAN)
    _tulis_baris(lembar[skema.BAGIAN], 1, [astuple(b) for b in bagian])
    for b in bagian:
        _lembar_bagian(lembar[b.kode], wb, gaya, b, indikator.get(b.kode, ()))
    for b in bagian_nonaktif:
        _lembar_bagian(lembar[b.kode], wb, gaya, b, ())
        lembar[b.kode].hide()
    for sheet, kolom in skema.TABEL.items():
        if sheet not in (skema.PENGATURAN, skema.BAGIAN):
            _siapkan_tabel(lembar[sheet], gaya, kolom)
    _tulis_baris(
        lembar[skema.SKALA],
        1,
        [[r[k] for k in skema.KOLOM_SKALA] for r in skala.sebagai_baris(skala.BAWAAN)],
    )
    _tulis_baris(lembar[skema.IKU_SETDA], 1, [list(r) for r in iku_setda])
    _warna_kategori(wb, lembar[skema.ANALISIS], skema.KOLOM_ANALISIS_LENGKAP, "Kategori")
    _warna_kategori(wb, lembar[skema.REKAP], skema.KOLOM_REKAP, "Rata-rata Capaian (%)")
    for per_tw in skema.KOLOM_REKAP_TW:
        _warna_kategori(wb, lembar[skema.REKAP], skema.KOLOM_REKAP, per_tw, per_tw)
    tw = lembar[skema.ANALISIS_TRIWULAN]
    _warna_kategori(wb, tw, skema.KOLOM_ANALISIS_TRIWULAN, "Kategori")
    _tautan_bukti(tw, gaya)
    _grafik_rekap(wb, lembar[skema.REKAP], len(bagian))
    _grafik_triwulan(wb, lembar[skema.REKAP], len(bagian))
    _xlwings_conf(lembar[skema.XLWINGS_CONF], gaya)
    _tulis_baris(lembar[skema.SISTEM], 1, [[KUNCI_VERSI, str(VERSI_STRUKTUR)]])
    lembar[skema.SISTEM].very_hidden()
    proyek = build_vba_project(modul_vba(nama, dengan_xlwings))
    wb.add_vba_project(io.BytesIO(proyek), is_stream=True)
    wb.close()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    tujuan = Path(args[0]) if args else MASTER_REPO
    bangun_master(tujuan, tahun=None)
    print(f"Buku kerja dibangun: {tujuan}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
