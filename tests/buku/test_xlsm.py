"""The zip adapter: what it writes is read back alike by openpyxl, calamine and LibreOffice, and
everything it did not change — VBA project, buttons, chart — comes out byte-identical."""

from __future__ import annotations

import io
import shutil
import struct
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlsxwriter
from oletools.olevba import VBA_Parser
from openpyxl.utils.escape import unescape
from python_calamine import CalamineWorkbook

from conftest import tombol_terhubung
from libreoffice import probe
from pyxl.bangun.kerja import data_contoh
from pyxl.bangun.master import bangun_master
from pyxl.buku.kendali import tandai_langkah, tulis_status_bagian
from pyxl.buku.tabel import FORMAT_KOLOM, baca_tabel, tambah_baris, tulis_tabel
from pyxl.buku.xlsm import BukuZip, buka
from pyxl.galat import BukuError
from pyxl.kontrak import kendali, skema
from pyxl.kontrak.perintah import PERINTAH

MULAI = datetime(2026, 1, 12, 8, 30, 15)
TEKS_RUMUS = ("=SUM(A1)", "+62 812", "-", "@x")
"""Text Excel would take as a formula or number if typed: must stay text."""


# ------------------------------------------------------------------------------ helpers


def _baca_openpyxl(berkas: Path, sheet: str) -> list[list[Any]]:
    """What the former openpyxl adapter's `baca` returned (formula cells give their formula).

    openpyxl leaves OOXML's `_xHHHH_` escapes in text; Excel and calamine decode them: so here.
    """
    ws = openpyxl.load_workbook(berkas, keep_vba=True)[sheet]
    rows = [
        [unescape(v) if isinstance(v, str) else v for v in r]
        for r in ws.iter_rows(values_only=True)
    ]
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    return rows


def _rata(rows: list[list[Any]], lebar: int) -> list[list[Any]]:
    """Rows padded to a width, trailing empty columns cut, dates as datetimes."""
    hasil = []
    for r in rows:
        r = (list(r) + [None] * lebar)[:lebar]
        hasil.append([datetime(v.year, v.month, v.day) if type(v) is date else v for v in r])
    return hasil


def _sel_sama(a: Any, b: Any) -> bool:
    """Equal cells; times within a millisecond (a serial number on an exact half millisecond,
    such as .429500, is rounded up by one reader and down by the other)."""
    if isinstance(a, datetime) and isinstance(b, datetime):
        return abs(a - b) <= timedelta(milliseconds=1)
    return bool(a == b)


def _sama(a: list[list[Any]], b: list[list[Any]]) -> bool:
    lebar = max((len(r) for r in a + b), default=0)
    ra, rb = _rata(a, lebar), _rata(b, lebar)
    return len(ra) == len(rb) and all(
        _sel_sama(x, y) for p, q in zip(ra, rb, strict=True) for x, y in zip(p, q, strict=True)
    )


def _mentah(data: bytes, info: zipfile.ZipInfo) -> bytes:
    """A member's compressed bytes as stored in the zip."""
    nlen, xlen = struct.unpack("<HH", data[info.header_offset + 26 : info.header_offset + 30])
    mulai = info.header_offset + 30 + nlen + xlen
    return data[mulai : mulai + info.compress_size]


def _modul_vba(berkas: Path) -> dict[str, str]:
    parser = VBA_Parser(str(berkas))
    try:
        return {n.rsplit(".", 1)[0]: kode for _f, _s, n, kode in parser.extract_all_macros()}
    finally:
        parser.close()


def _serial(v: date) -> float:
    d = (v if isinstance(v, datetime) else datetime(v.year, v.month, v.day)) - datetime(
        1899, 12, 30
    )
    return d.days + d.seconds / 86400


# ------------------------------------------------------------------------------ the round trip


@pytest.fixture(scope="module")
def asli(tmp_path_factory: pytest.TempPathFactory) -> Path:
    berkas = tmp_path_factory.mktemp("asli") / skema.NAMA_MASTER
    bangun_master(berkas, tahun=2026, **data_contoh(2026))
    return berkas


@pytest.fixture
def salinan(asli: Path, tmp_path: Path) -> Path:
    tujuan = tmp_path / asli.name
    shutil.copy(asli, tujuan)
    return tujuan


LOG = [
    {
        "Langkah": 1,
        "Uraian": TEKS_RUMUS[0],
        "Oleh": TEKS_RUMUS[1],
        "Mulai": MULAI,
        "Selesai": MULAI + timedelta(minutes=7, seconds=30),
        "Durasi (menit)": 7.5,
        "Waktu Baku": 1_500_000,
        "Sesuai Waktu Baku": TEKS_RUMUS[2],
        "Hasil": "Séna\nbaris kedua",
    },
    {
        "Langkah": 2,
        "Uraian": TEKS_RUMUS[3],
        "Oleh": "a\x00b\x07c\x1fd",
        "Mulai": date(2026, 2, 3),
        "Selesai": None,
        "Durasi (menit)": 1 / 3,
        "Waktu Baku": 0.1,
        "Sesuai Waktu Baku": True,
        "Hasil": "_x0041_ tetap tertulis",
    },
]
DIUBAH = (skema.LOG_SOP, "HUKUM", skema.KENDALI, skema.VALIDASI, skema.REKAP)


@pytest.fixture(scope="module")
def hasil(asli: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The sample master after writes into table, Bagian and Kendali sheets, saved once."""
    berkas = tmp_path_factory.mktemp("hasil") / asli.name
    shutil.copy(asli, berkas)
    buku = BukuZip(berkas)
    tambah_baris(buku, skema.LOG_SOP, skema.KOLOM_LOG, LOG)
    realisasi = skema.KOLOM_INDIKATOR.index("Realisasi") + 1
    buku.tulis("HUKUM", 2, realisasi, [[85.5], [100.0], [None]])
    buku.tulis("HUKUM", 2, 1, [["=HUKUM!A1 bukan rumus"]])
    buku.tulis(skema.KENDALI, 2, 1, [["Tahun kinerja: ditimpa"]])  # a cell with a formula
    tandai_langkah(buku, 1, "Selesai", MULAI, MULAI + timedelta(minutes=3), 3.0, "ok")
    tulis_status_bagian(buku, [["HUKUM", "Bagian Hukum", 3, 1, "x", "", "", "-", ""]])
    validasi = [{"Tingkat": "Blokir", "Pesan": f"baris {i}"} for i in range(4)]
    tulis_tabel(buku, skema.VALIDASI, skema.KOLOM_VALIDASI, validasi)
    tulis_tabel(buku, skema.VALIDASI, skema.KOLOM_VALIDASI, validasi[:1])  # 3 rows cleared
    rekap = [{"Kode Bagian": "HUKUM", "Rata-rata Capaian (%)": 93.25}]
    tulis_tabel(buku, skema.REKAP, skema.KOLOM_REKAP, rekap)
    sesi = {s: buku.baca(s) for s in DIUBAH}
    buku.simpan()
    buku.tutup()
    return {"berkas": berkas, "sesi": sesi}


def test_values_read_back_alike_in_session_openpyxl_and_calamine(hasil: dict[str, Any]) -> None:
    berkas, sesi = hasil["berkas"], hasil["sesi"]
    baru = BukuZip(berkas, hanya_baca=True)
    for sheet in DIUBAH:
        assert _sama(baru.baca(sheet), sesi[sheet]), sheet
        assert _sama(_baca_openpyxl(berkas, sheet), sesi[sheet]), sheet
    log = baca_tabel(baru, skema.LOG_SOP)
    assert [r["Uraian"] for r in log] == [TEKS_RUMUS[0], TEKS_RUMUS[3]]
    assert log[0]["Hasil"] == "Séna\nbaris kedua" and log[0]["Mulai"] == MULAI
    assert log[1]["Oleh"] == "abcd", "characters XML cannot hold are dropped"
    assert log[1]["Hasil"] == "_x0041_ tetap tertulis"
    assert log[1]["Durasi (menit)"] == 1 / 3 and log[1]["Waktu Baku"] == 0.1
    assert log[1]["Mulai"] == datetime(2026, 2, 3) and log[1]["Sesuai Waktu Baku"] is True
    assert [r["Pesan"] for r in baca_tabel(baru, skema.VALIDASI)] == ["baris 0"]
    ken = baru.baca(skema.KENDALI)
    assert ken[1][0] == "Tahun kinerja: ditimpa"
    assert ken[kendali.baris_langkah(1) - 1][kendali.KOLOM_STATUS - 1 :][:3] == [
        "Selesai",
        MULAI,
        MULAI + timedelta(minutes=3),
    ]
    assert ken[kendali.BARIS_BAGIAN_1 :] == [], "status rows below the new one cleared"
    cal = CalamineWorkbook.from_path(str(berkas)).get_sheet_by_name("HUKUM").to_python()
    assert cal[1][skema.KOLOM_INDIKATOR.index("Realisasi")] == 85.5


def test_openpyxl_sees_text_formats_and_quote_prefix(hasil: dict[str, Any]) -> None:
    wb = openpyxl.load_workbook(hasil["berkas"])
    ws = wb[skema.LOG_SOP]
    kol = {k: i + 1 for i, k in enumerate(skema.KOLOM_LOG)}
    for teks in TEKS_RUMUS:
        [sel] = [c for row in ws.iter_rows(min_row=2) for c in row if c.value == teks]
        assert sel.data_type == "s" and sel.quotePrefix, teks
    assert not ws.cell(2, kol["Hasil"]).quotePrefix
    for k in ("Mulai", "Durasi (menit)", "Waktu Baku"):
        assert ws.cell(2, kol[k]).number_format == FORMAT_KOLOM[k], k
    assert isinstance(ws.cell(2, kol["Durasi (menit)"]).value, float)
    assert ws.cell(3, kol["Mulai"]).value == datetime(2026, 2, 3)
    ken = wb[skema.KENDALI]
    assert ken["A2"].data_type == "s" and ken["A2"].value == "Tahun kinerja: ditimpa"
    assert ken.cell(kendali.baris_langkah(1), kendali.KOLOM_STATUS + 1).number_format == (
        "dd/mm/yyyy hh:mm"
    )
    assert ken.cell(kendali.baris_langkah(1), 1).border.left.style == "thin", "style kept"
    assert ken.cell(kendali.baris_langkah(1), kendali.KOLOM_STATUS + 1).border.left.style == "thin"
    hukum = wb["HUKUM"]
    pagu = skema.KOLOM_INDIKATOR.index("Pagu Anggaran") + 1
    assert hukum.cell(2, pagu).number_format == "#,##0"
    assert hukum["A2"].quotePrefix and hukum["A2"].data_type == "s"


def test_every_unchanged_member_is_byte_identical(asli: Path, hasil: dict[str, Any]) -> None:
    data_lama, data_baru = asli.read_bytes(), hasil["berkas"].read_bytes()
    lama = {i.filename: i for i in zipfile.ZipFile(io.BytesIO(data_lama)).infolist()}
    baru = {i.filename: i for i in zipfile.ZipFile(io.BytesIO(data_baru)).infolist()}
    assert list(baru) == list(lama), "same members, same order"
    ws = openpyxl.load_workbook(asli, read_only=True).sheetnames
    diubah = {f"xl/worksheets/sheet{ws.index(s) + 1}.xml" for s in DIUBAH} | {"xl/styles.xml"}
    for nama, info in lama.items():
        if nama in diubah:
            continue
        assert baru[nama].compress_type == info.compress_type, nama
        assert _mentah(data_baru, baru[nama]) == _mentah(data_lama, info), nama
    assert zipfile.ZipFile(io.BytesIO(data_baru)).testzip() is None


def test_vba_buttons_and_chart_survive(asli: Path, hasil: dict[str, Any]) -> None:
    berkas = hasil["berkas"]
    assert _modul_vba(berkas) == _modul_vba(asli)
    with zipfile.ZipFile(berkas) as z, zipfile.ZipFile(asli) as a:
        for nama in ("xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/vbaProject.bin"):
            assert z.read(nama) == a.read(nama), nama
        n = openpyxl.load_workbook(berkas, read_only=True).sheetnames.index(skema.REKAP) + 1
        rekap = z.read(f"xl/worksheets/_rels/sheet{n}.xml.rels")  # the builder's part names
        assert b"drawing1.xml" in rekap and b"<drawing r:id=" in z.read(
            f"xl/worksheets/sheet{n}.xml"
        )
    tombol_terhubung(berkas)


@pytest.mark.libreoffice
def test_libreoffice_reads_the_same_and_keeps_buttons_and_chart(hasil: dict[str, Any]) -> None:
    argumen = [a for s in DIUBAH for a in ("--data", s)]
    lo = probe(hasil["berkas"], "--grafik", *argumen)
    macro = "vnd.sun.star.script:VBAProject.Tombol.{}?language=Basic&location=document"
    assert [(b["label"], b["macro"]) for b in lo["buttons"]] == [
        (p.judul, macro.format(p.sub)) for p in PERINTAH
    ]
    assert lo["charts"][skema.REKAP] == 2  # the yearly capaian per Bagian, and the quarters
    for sheet in DIUBAH:
        harapan = hasil["sesi"][sheet]
        for r, row in enumerate(harapan):
            for k, v in enumerate(row):
                jenis, angka, teks, _fmt = lo["data"][sheet][r][k]
                sel = f"{sheet}!{r + 1},{k + 1}"
                if v is None:
                    assert jenis == "EMPTY", sel
                elif isinstance(v, bool):  # LibreOffice reads booleans as a TRUE() formula
                    assert angka == float(v), sel
                elif isinstance(v, str):
                    assert (jenis, teks) == ("TEXT", v), sel
                elif isinstance(v, datetime | date):
                    assert jenis == "VALUE" and angka == pytest.approx(_serial(v), abs=1e-9), sel
                else:
                    assert (jenis, angka) == ("VALUE", v), sel
    log = lo["data"][skema.LOG_SOP]
    kol = {k: i for i, k in enumerate(skema.KOLOM_LOG)}
    assert log[1][kol["Mulai"]][3].lower() == FORMAT_KOLOM["Mulai"]
    assert log[1][kol["Mulai"]][2] == "12/01/2026 08:30:15"


# ------------------------------------------------------------------------------ reading


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pyxl.cli import main

    folder = tmp_path_factory.mktemp("demo") / "d"
    assert main(["demo", str(folder)]) == 0
    return folder / skema.NAMA_MASTER


@pytest.mark.parametrize("sumber", ["asli", "demo"])
def test_reads_match_the_former_openpyxl_adapter(
    sumber: str, request: pytest.FixtureRequest
) -> None:
    """Every sheet of a fresh master and of one after the whole demo (every command ran)."""
    berkas: Path = request.getfixturevalue(sumber)
    buku = BukuZip(berkas, hanya_baca=True)
    wb = openpyxl.load_workbook(berkas, keep_vba=True)
    assert buku.nama_sheet() == wb.sheetnames
    for sheet in wb.sheetnames:
        ws = wb[sheet]
        lama = [list(r) for r in ws.iter_rows(values_only=True)]
        for row in ws.iter_rows():  # formula cells: openpyxl gave the formula, we the result
            for c in row:
                if c.data_type == "f":
                    lama[c.row - 1][c.column - 1] = buku.baca(sheet)[c.row - 1][c.column - 1]
        while lama and all(v is None for v in lama[-1]):
            lama.pop()
        assert _sama(buku.baca(sheet), lama), sheet


def test_reads_see_pending_writes(salinan: Path) -> None:
    with buka(salinan) as buku:
        assert tambah_baris(buku, skema.LOG_SOP, skema.KOLOM_LOG, LOG[:1]) == 2
        assert tambah_baris(buku, skema.LOG_SOP, skema.KOLOM_LOG, LOG[:1]) == 3
        buku.tulis(skema.LOG_SOP, 3, 2, [["", None, 5]])
        assert buku.baca(skema.LOG_SOP)[2][1:4] == [None, None, 5]
        buku.kosongkan(skema.LOG_SOP, 3)
        assert len(buku.baca(skema.LOG_SOP)) == 2
        buku.simpan()
    assert len(BukuZip(salinan).baca(skema.LOG_SOP)) == 2
    assert len(list((salinan.parent / skema.FOLDER_CADANGAN).iterdir())) == 1


def test_saving_twice_in_one_session_keeps_both(salinan: Path) -> None:
    buku = BukuZip(salinan)
    buku.tulis(skema.VALIDASI, 2, 1, [["pertama"]])
    buku.simpan()
    buku.tulis(skema.VALIDASI, 3, 1, [["kedua"]], ["0.00"])
    buku.simpan()
    assert [r[0] for r in BukuZip(salinan).baca(skema.VALIDASI)[1:]] == ["pertama", "kedua"]
    assert len(list((salinan.parent / skema.FOLDER_CADANGAN).iterdir())) == 2


# ------------------------------------------------------------------------------ cell encoding


def test_numbers_and_dates_are_exact(salinan: Path) -> None:
    angka = [0.1, 1 / 3, 1e-7, 123456789.12345679, 2.0**53, -0.0, 1e300, 7, -12]
    tanggal = [
        date(1900, 1, 1),
        date(1900, 2, 28),
        date(1900, 3, 1),
        datetime(2026, 1, 12, 8, 30, 15, 250000),
        time(12, 30),
    ]
    buku = BukuZip(salinan)
    buku.tulis(skema.VALIDASI, 2, 1, [[v] for v in angka])
    buku.tulis(skema.VALIDASI, 2, 2, [[v] for v in tanggal])
    buku.tulis(skema.VALIDASI, 2, 3, [[float("nan")], [float("inf")]])
    buku.simpan()
    with zipfile.ZipFile(salinan) as z:
        xml = z.read("xl/worksheets/sheet16.xml").decode()
    assert '<c r="B2" s="' in xml and "<v>1</v>" in xml and "<v>59</v>" in xml
    assert "<v>61</v>" in xml, "1 March 1900 is 61: Excel counts 29 February 1900"
    ws = openpyxl.load_workbook(salinan)[skema.VALIDASI]
    assert [ws.cell(2 + i, 1).value for i in range(len(angka))] == angka
    assert [ws.cell(2 + i, 2).value for i in range(3)] == [
        datetime(1900, 1, 1),
        datetime(1900, 2, 28),
        datetime(1900, 3, 1),
    ]
    assert ws["B5"].value == datetime(2026, 1, 12, 8, 30, 15, 250000)
    assert ws["B6"].value == time(12, 30) and ws["B5"].number_format == "dd/mm/yyyy hh:mm:ss"
    assert ws["C2"].value is None and ws["C3"].value is None, "Excel has no NaN or infinity"
    cal = BukuZip(salinan).baca(skema.VALIDASI)
    assert [r[0] for r in cal[1 : 1 + len(angka)]] == angka
    assert cal[4][1] == datetime(2026, 1, 12, 8, 30, 15, 250000)


def test_formats_reuse_cell_styles(salinan: Path) -> None:
    def jumlah_xf() -> tuple[int, int]:
        with zipfile.ZipFile(salinan) as z:
            gaya = z.read("xl/styles.xml").decode()
        return gaya.count("<xf "), gaya.count("<numFmt ")

    xf0, nf0 = jumlah_xf()
    buku = BukuZip(salinan)
    buku.tulis(skema.VALIDASI, 2, 1, [[1500] for _ in range(50)], ["#,##0"])  # exists already
    buku.simpan()
    assert jumlah_xf() == (xf0, nf0)
    buku.tulis(skema.VALIDASI, 2, 2, [[1.25] for _ in range(50)], ["0.000"])
    buku.tulis(skema.VALIDASI, 2, 3, [["=A1"] for _ in range(50)])
    buku.simpan()
    assert jumlah_xf() == (xf0 + 2, nf0 + 1), "one new format, one quote-prefix style"
    ws = openpyxl.load_workbook(salinan)[skema.VALIDASI]
    assert ws["B51"].number_format == "0.000" and ws["A51"].number_format == "#,##0"
    assert ws["C51"].quotePrefix and ws["C51"].value == "=A1"


def test_a_new_cell_takes_its_column_format(salinan: Path) -> None:
    buku = BukuZip(salinan)
    mulai = skema.KOLOM_LOG.index("Mulai") + 1
    buku.tulis(skema.LOG_SOP, 40, mulai, [[MULAI, MULAI.date()]])  # no format given
    buku.tulis(skema.LOG_SOP, 41, skema.KOLOM_LOG.index("Hasil") + 1, [[MULAI]])
    buku.simpan()
    ws = openpyxl.load_workbook(salinan)[skema.LOG_SOP]
    assert ws.cell(40, mulai).number_format == FORMAT_KOLOM["Mulai"]
    assert ws.cell(40, mulai + 1).number_format == FORMAT_KOLOM["Selesai"]
    assert ws.cell(41, len(skema.KOLOM_LOG)).value == MULAI, "a date in a General column"
    assert ws.cell(41, len(skema.KOLOM_LOG)).number_format == "dd/mm/yyyy hh:mm:ss"


# ------------------------------------------------------------------------------ other workbooks


def _buku_kecil(berkas: Path, ubah: dict[str, bytes] | None = None) -> Path:
    """A one-sheet workbook (A1:A3 = 1, 2, 3), with some parts replaced."""
    wb = xlsxwriter.Workbook(berkas)
    ws = wb.add_worksheet("Data")
    for i in range(3):
        ws.write_number(i, 0, i + 1)
    wb.close()
    if ubah:
        with zipfile.ZipFile(berkas) as z:
            isi = {i.filename: z.read(i) for i in z.infolist()}
        isi.update(ubah)
        with zipfile.ZipFile(berkas, "w", zipfile.ZIP_DEFLATED) as z:
            for nama, data in isi.items():
                z.writestr(nama, data)
    return berkas


def _lembar(sel: str, dimensi: str = "A1:B3", doctype: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="{dimensi}"/><sheetData>{sel}</sheetData></worksheet>'
    ).encode()


def test_clearing_a_shared_formula_master_keeps_the_others(tmp_path: Path) -> None:
    # rows 2 and 3 leave their positions implicit, as the format allows
    sel = "".join(
        f"<row{r}><c{a}><v>{n}</v></c><c{b}>{f}<v>{2 * n}</v></c></row>"
        for n, r, a, b, f in (
            (1, ' r="1"', ' r="A1"', ' r="B1"', '<f t="shared" ref="B1:B3" si="0">A1*2</f>'),
            (2, "", "", "", '<f t="shared" si="0"/>'),
            (3, "", "", "", '<f t="shared" si="0"/>'),
        )
    )
    berkas = _buku_kecil(tmp_path / "b.xlsx", {"xl/worksheets/sheet1.xml": _lembar(sel)})
    buku = BukuZip(berkas)
    buku.tulis("Data", 1, 2, [["judul"]])
    buku.tulis("Data", 4, 1, [[4]])
    buku.simpan()
    ws = openpyxl.load_workbook(berkas)["Data"]
    assert [[c.value for c in r] for r in ws.iter_rows()] == [
        [1, "judul"],
        [2, "=A2*2"],
        [3, "=A3*2"],
        [4, None],
    ]


def _dengan_rantai(berkas: Path, doctype: str = "", tambahan: str = "") -> Path:
    """The small workbook with a calculation chain, as Excel saves one with formulas."""
    _buku_kecil(berkas)
    with zipfile.ZipFile(berkas) as z:
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
        jenis = z.read("[Content_Types].xml").decode()
    rel = (
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/calcChain" Target="calcChain.xml"/>'
    )
    override = (
        '<Override PartName="/xl/calcChain.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>'
    )
    jenis = jenis.replace("</Types>", override + tambahan + "</Types>")
    return _buku_kecil(
        berkas,
        {
            "xl/_rels/workbook.xml.rels": rels.replace(
                "</Relationships>", rel + "</Relationships>"
            ),
            "[Content_Types].xml": jenis.replace("?>", "?>" + doctype, 1),
            "xl/calcChain.xml": b'<calcChain xmlns="x"><c r="B1" i="1"/></calcChain>',
        },
    )


def test_calculation_chain_is_dropped(tmp_path: Path) -> None:
    berkas = _dengan_rantai(tmp_path / "b.xlsx")
    buku = BukuZip(berkas)
    buku.tulis("Data", 1, 1, [[10]])
    buku.simpan()
    with zipfile.ZipFile(berkas) as z:
        assert "xl/calcChain.xml" not in z.namelist()
        assert b"calcChain" not in z.read("xl/_rels/workbook.xml.rels")
        assert b"calcChain" not in z.read("[Content_Types].xml")
    assert openpyxl.load_workbook(berkas)["Data"]["A1"].value == 10


def test_entities_in_a_file_are_never_expanded(tmp_path: Path) -> None:
    rahasia = tmp_path / "rahasia.txt"
    rahasia.write_text("JANGAN-BOCOR")
    doctype = f'<!DOCTYPE x [<!ENTITY x SYSTEM "{rahasia.as_uri()}">]>'
    sel = '<row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row>'
    lembar = {"xl/worksheets/sheet1.xml": _lembar(sel, "A1", doctype)}
    with pytest.raises(BukuError, match="tidak dapat dibaca") as galat:
        BukuZip(_buku_kecil(tmp_path / "a.xlsx", lembar)).baca("Data")
    assert "JANGAN-BOCOR" not in str(galat.value)
    # a part only this adapter parses: rewritten with the entity reference left as it was
    tambahan = '<Override PartName="/lain.xml" ContentType="text/plain">&x;</Override>'
    berkas = _dengan_rantai(tmp_path / "b.xlsx", doctype, tambahan)
    buku = BukuZip(berkas)
    buku.tulis("Data", 1, 1, [[10]])
    buku.simpan()
    with zipfile.ZipFile(berkas) as z:
        jenis = z.read("[Content_Types].xml")
    assert b"&x;" in jenis and b"JANGAN-BOCOR" not in jenis and b"calcChain" not in jenis


class _Aliran(io.RawIOBase):
    """A stream that cannot seek: zipfile then writes data descriptors, as Excel does."""

    def __init__(self) -> None:
        self.isi = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.isi += data
        return len(data)


def test_a_zip_with_data_descriptors_and_a_comment_is_copied_intact(
    asli: Path, tmp_path: Path
) -> None:
    aliran = _Aliran()
    with zipfile.ZipFile(asli) as a, zipfile.ZipFile(aliran, "w", zipfile.ZIP_DEFLATED) as z:
        z.comment = b"dibuat tanpa seek"
        for info in a.infolist():
            with z.open(info.filename, "w") as f:
                f.write(a.read(info))
    berkas = tmp_path / asli.name
    berkas.write_bytes(bytes(aliran.isi))
    assert all(i.flag_bits & 0x08 for i in zipfile.ZipFile(berkas).infolist())
    buku = BukuZip(berkas)
    buku.tulis(skema.VALIDASI, 2, 1, [["x"]])
    buku.simpan()
    with zipfile.ZipFile(berkas) as z, zipfile.ZipFile(asli) as a:
        assert z.testzip() is None and z.comment == b"dibuat tanpa seek"
        assert z.read("xl/vbaProject.bin") == a.read("xl/vbaProject.bin")
    assert openpyxl.load_workbook(berkas)[skema.VALIDASI]["A2"].value == "x"


@pytest.mark.parametrize("isi", [b"bukan zip", None])
def test_a_broken_workbook_is_refused_with_the_usual_message(
    tmp_path: Path, isi: bytes | None
) -> None:
    berkas = tmp_path / skema.NAMA_MASTER
    if isi is None:  # a zip, but no workbook in it
        with zipfile.ZipFile(berkas, "w") as z:
            z.writestr("lain.txt", "x")
    else:
        berkas.write_bytes(isi)
    with pytest.raises(BukuError, match=f"tidak dapat dibaca.*{skema.FOLDER_CADANGAN}/"):
        BukuZip(berkas)


def test_misuse_is_refused(salinan: Path) -> None:
    buku = BukuZip(salinan, hanya_baca=True)
    with pytest.raises(BukuError, match="hanya-baca"):
        buku.simpan()
    with pytest.raises(BukuError, match="Sheet 'Tidak Ada'"):
        buku.baca("Tidak Ada")
    with pytest.raises(TypeError, match="tidak dapat ditulis"):
        buku.tulis(skema.VALIDASI, 2, 1, [[object()]])
    with pytest.raises(BukuError, match="tidak ditemukan"):
        BukuZip(salinan.with_name("hilang.xlsm"))


# ------------------------------------------- rows written as blocks, cells as _isi makes them

_NS_UTAMA = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_GAYA_KECIL = (
    f'<styleSheet xmlns="{_NS_UTAMA}"><numFmts count="1"><numFmt numFmtId="164" '
    'formatCode="0.0"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/>'
    '<xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>'
).encode()
_LEMBAR_CAMPUR = (
    f'<worksheet xmlns="{_NS_UTAMA}" xmlns:x14ac="urn:x14ac"><dimension ref="A1:F9"/>'
    '<cols><col min="3" max="3" style="2"/></cols><sheetData>'
    '<row r="1" spans="1:6"><c r="A1" s="1"><v>45000</v></c><c r="B1" t="inlineStr"><is><t>'
    'lama</t></is></c><c r="D1" s="2"><f>A1*2</f><v>90000</v></c><c r="F1" t="b"><v>1</v></c>'
    '</row><row r="3" s="2" customFormat="1"><c r="B3" s="0" t="s" cm="1"><v>0</v></c>'
    '<c r="C3" ph="1"><v>3</v></c><c s="2" r="E3"><v>5</v></c></row>'
    '<row r="4"><c r="A4"><f t="shared" ref="A4:A6" si="0">B4+1</f><v>1</v></c></row>'
    '<row r="5"><c r="A5"><f t="shared" si="0"/><v>2</v></c></row>'
    '<row r="6"><c r="A6"><f t="shared" si="0"/><v>3</v></c>'
    '<c r="B6"><v>1</v><extLst><ext uri="x"/></extLst></c></row>'
    '<row r="7" spans="1:8" ht="20" customHeight="1"><c r="A7" s="0"><v>1</v></c><c r="B7" '
    't="inlineStr"><is><t>x</t></is></c></row><row r="8" spans="2:3"><c r="B8"><v>1</v></c>'
    '<c r="C8" s="2" t="str"><v>y</v></c></row>'
    '<row r="9"><c r="A9"><v>9</v></c></row></sheetData>'
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
    "</worksheet>"
).encode()


@pytest.mark.parametrize("kosong_dari", [None, 4])
def test_block_writes_give_the_xml_of_cell_by_cell_writes(kosong_dari: int | None) -> None:
    """Rows new, old and rewritten whole, cells new, plain, with a formula, a shared
    formula's master, an extension, extra attributes or no reference first; text that needs
    escaping, dates, booleans, formats, empties: the sheet and styles come out byte for byte
    as writing each cell on its own (`_Bedah._isi`) made them."""
    from pyxl.buku import xlsm

    tulis: dict[tuple[int, int], tuple[Any, str | None]] = {}
    nilai = [
        "a & b < c > d\r\n\te",
        "=SUM(A1)",
        "_x0041_ teks",
        1.5,
        -2,
        True,
        False,
        None,
        date(2026, 3, 1),
        datetime(2026, 3, 1, 8, 30),
        time(7, 15),
        1e-300,
        12345678901234567890,
    ]
    for r in (1, 2, 3, 4, 5, 6, 7, 8, 10, 12):
        for k in (1, 2, 3, 4, 5, 6, 8) if r != 8 else (2, 3):
            v = nilai[(r * 7 + k) % len(nilai)]
            tulis[(r, k)] = (v, "0.00" if k == 8 else ("0.0" if (r + k) % 5 == 0 else None))

    def bedah(per_sel: bool) -> tuple[bytes, bytes]:
        gaya = xlsm._Gaya(_GAYA_KECIL)
        b = xlsm._Bedah(_LEMBAR_CAMPUR, gaya, tahun1904=False)
        if per_sel:
            b._isi_blok = lambda daftar: [b._isi(r, k, v, f) for (r, k), (v, f) in daftar]  # type: ignore[method-assign]
        lembar = xlsm._Lembar("xl/worksheets/sheet1.xml", [], dict(tulis), kosong_dari)
        return b.jalankan(lembar), etree.tostring(gaya.root)

    from lxml import etree

    blok, per_sel = bedah(False), bedah(True)
    assert blok == per_sel
    assert b'<c r="H12" s="' in blok[0] and b"&amp; b &lt; c &gt; d&#13;" in blok[0]


# ------------------------------------- a table body replaced whole: its rows spliced as text

_LEMBAR_TABEL = (
    f'<worksheet xmlns="{_NS_UTAMA}" xmlns:x14ac="urn:x14ac"><dimension ref="A1:F9"/>'
    '<cols><col min="3" max="3" style="2"/></cols><sheetData>'
    '<row r="1" spans="1:6" ht="30" customHeight="1"><c r="A1" s="1" t="s"><v>0</v></c>'
    '<c r="B1" s="1" t="inlineStr"><is><t>judul</t></is></c></row>'
    '<row r="2" spans="1:6" x14ac:dyDescent="0.25"><c r="A2" s="1"><v>45000</v></c>'
    '<c r="B2" t="inlineStr"><is><t xml:space="preserve">lama </t></is></c>'
    '<c r="D2" s="2" t="b" cm="1"><v>1</v></c></row>'
    '<row r="3" s="2" customFormat="1"><c r="B3" s="0" t="s" vm="1"><v>0</v></c>'
    '<c r="E3"><v>5</v></c></row>'
    '<row r="5" ht="20" customHeight="1"/>'
    '<row r="6" spans="1:8"><c r="A6" s="0"><v>1</v></c><c r="B6" t="inlineStr"><is><r><t>x'
    '</t></r></is></c><c r="F6"/></row>'
    '<row r="9"><c r="A9"><v>9</v></c><c r="G9" s="2"><v>7</v></c></row></sheetData>'
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
    "</worksheet>"
).encode()
"""A table sheet as Excel or an earlier run left it: header, body rows with Excel's row
attributes, a row with its own format, an empty formatted row, cells of every plain kind."""


def _bedah_dua_jalan(
    xml: bytes, tulis: dict[tuple[int, int], tuple[Any, str | None]], kosong_dari: int
) -> tuple[tuple[bytes, bytes] | None, tuple[bytes, bytes]]:
    """(sheet, styles) by splicing the rows as text (None: not taken), and by the tree."""
    from lxml import etree

    from pyxl.buku import xlsm

    hasil = []
    for sisip in (True, False):
        gaya = xlsm._Gaya(_GAYA_KECIL)
        b = xlsm._Bedah(xml, gaya, tahun1904=False)
        lembar = xlsm._Lembar("xl/worksheets/sheet1.xml", [], dict(tulis), kosong_dari)
        isi = b._sisip_ekor(lembar) if sisip else b._jalankan_pohon(lembar)
        hasil.append(None if isi is None else (isi, etree.tostring(gaya.root)))
    assert hasil[1] is not None
    return hasil[0], hasil[1]


_NILAI_CAMPUR = [
    "a & b < c > d\r\n\te \"kutip\" 'satu'",
    "=SUM(A1)",
    "_x0041_ teks ü — 漢字",
    1.5,
    -2,
    True,
    False,
    None,
    date(2026, 3, 1),
    datetime(2026, 3, 1, 8, 30),
    time(7, 15),
    1e-300,
    12345678901234567890,
    "",
]


@pytest.mark.parametrize("kosong_dari", [2, 3, 4, 7, 20])
@pytest.mark.parametrize("baris_akhir", [1, 3, 6, 12])
def test_a_replaced_table_body_spliced_as_text_is_byte_identical(
    kosong_dari: int, baris_akhir: int
) -> None:
    """Body shorter, as long or longer than before, old rows partly or wholly rewritten, new
    cells in old rows (their `spans` dropped), cells in a formatted row or column, header
    cells rewritten above: the same sheet and styles, byte for byte, as through the tree."""
    tulis: dict[tuple[int, int], tuple[Any, str | None]] = {}
    for r in range(1, baris_akhir + 1):
        for k in (1, 2, 3, 4, 5, 6, 8) if r % 4 else (2, 3):
            v = _NILAI_CAMPUR[(r * 7 + k) % len(_NILAI_CAMPUR)]
            tulis[(r, k)] = (v, "0.00" if k == 8 else ("0.0" if (r + k) % 5 == 0 else None))
    for (r, k), (_v, fmt) in list(tulis.items()):  # what `kosongkan` leaves before the write
        if r >= kosong_dari and (r + k) % 3 == 0:
            tulis[(r, k)] = (None, fmt)
    sisip, pohon = _bedah_dua_jalan(_LEMBAR_TABEL, tulis, kosong_dari)
    assert sisip is not None
    assert sisip == pohon


def test_an_emptied_table_body_spliced_as_text_is_byte_identical() -> None:
    sisip, pohon = _bedah_dua_jalan(_LEMBAR_TABEL, {}, 2)
    assert sisip == pohon
    assert b'<row r="5" ht="20" customHeight="1"/>' in pohon[0]


@pytest.mark.parametrize(
    "ganti",
    [
        ('<c r="E3"><v>5</v></c>', '<c r="E3"><f>1+1</f><v>2</v></c>'),  # a formula
        ('<c r="E3"><v>5</v></c>', '<c r="E3"><v>5</v><extLst><ext uri="x"/></extLst></c>'),
        ('<c r="E3"><v>5</v></c>', '<c s="0" r="E3"><v>5</v></c>'),  # reference not first
        ('<c r="E3"><v>5</v></c>', '<c r="E3" ph="1"><v>5</v></c>'),  # another attribute
        ('<row r="5" ht="20"', '<row r="5" ht="a&amp;b"'),  # a value lxml escapes
        ('<row r="5" ht="20"', '<row xmlns:y="urn:y" r="5" ht="20"'),  # a declaration
        ('<row r="5" ht="20"', '<row r="5" xml:lang="id" ht="20"'),  # an unknown prefix
        ('</row><row r="9">', '</row>\n<row r="9">'),  # whitespace between rows
        ('<c r="F6"/>', '<c r="F6"/><c r="C6"/>'),  # cells out of order
    ],
)
def test_rows_not_plain_enough_keep_the_tree(ganti: tuple[str, str]) -> None:
    """A body row the text could not reproduce exactly is left to the tree (same result)."""
    from pyxl.buku import xlsm

    xml = _LEMBAR_TABEL.replace(ganti[0].encode(), ganti[1].encode())
    assert xml != _LEMBAR_TABEL
    tulis = {(r, k): (f"n{r}{k}", None) for r in range(2, 8) for k in (1, 2, 5)}
    sisip, pohon = _bedah_dua_jalan(xml, tulis, 2)
    assert sisip is None
    lembar = xlsm._Lembar("xl/worksheets/sheet1.xml", [], tulis, 2)
    assert xlsm._Bedah(xml, xlsm._Gaya(_GAYA_KECIL), False).jalankan(lembar) == pohon[0]


def test_tables_written_twice_save_the_same_as_through_the_tree(
    salinan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the master: Analisis, Rekap and Validasi written, saved, written again shorter and
    longer: every member of the saved zip as the tree-only writer makes it."""
    from lxml import etree

    from pyxl.buku import xlsm

    def tulis_dua_kali(berkas: Path) -> list[bytes]:
        keluar = []
        for n in (40, 7, 60):
            with buka(berkas) as buku:
                for sheet in (skema.ANALISIS, skema.REKAP, skema.VALIDASI):
                    kolom = skema.TABEL[sheet]
                    nilai = _NILAI_CAMPUR
                    rows = [
                        {k: nilai[(i * 5 + j) % len(nilai)] for j, k in enumerate(kolom)}
                        for i in range(n)
                    ]
                    tulis_tabel(buku, sheet, kolom, rows)
                buku.simpan()
            keluar.append(berkas.read_bytes())
        return keluar

    kedua = salinan.with_name("kedua.xlsm")
    shutil.copy(salinan, kedua)
    dengan_sisip = tulis_dua_kali(salinan)
    dipakai = []
    asli_sisip = xlsm._Bedah._sisip_ekor

    def catat(self: Any, lembar: Any) -> Any:
        gaya = xlsm._Gaya(etree.tostring(self.gaya.root))
        dipakai.append(asli_sisip(xlsm._Bedah(self.xml, gaya, False), lembar) is not None)
        return None

    monkeypatch.setattr(xlsm._Bedah, "_sisip_ekor", catat)
    tanpa_sisip = tulis_dua_kali(kedua)
    assert dipakai and all(dipakai)
    for a, b in zip(dengan_sisip, tanpa_sisip, strict=True):
        za, zb = zipfile.ZipFile(io.BytesIO(a)), zipfile.ZipFile(io.BytesIO(b))
        assert za.namelist() == zb.namelist()
        for nama in za.namelist():
            assert za.read(nama) == zb.read(nama), nama


# ------------------------------------------- cells filled in existing rows: written as text

_DEKLARASI = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
"""How lxml starts a saved sheet: with it, an lxml-written sheet is what the tree writes."""
_LEMBAR_SEL = _DEKLARASI + _LEMBAR_TABEL.replace(b'ref="A1:F9"', b'ref="A1:G9"')
"""`_LEMBAR_TABEL` as lxml saved it, its `<dimension>` right (the tree would correct a
stale one; the text leaves it: only a hint to readers)."""


def _dua_jalan_sel(
    xml: bytes, tulis: dict[tuple[int, int], tuple[Any, str | None]]
) -> tuple[tuple[bytes, bytes] | None, tuple[bytes, bytes]]:
    """(sheet, styles) with the cells written in the text (None: not taken), and by the
    tree."""
    from lxml import etree

    from pyxl.buku import xlsm

    lembar = xlsm._Lembar("xl/worksheets/sheet1.xml", [], dict(tulis))
    gaya = xlsm._Gaya(_GAYA_KECIL)
    teks = xlsm._ganti_sel(xml, lembar, gaya, False)
    sisip = None if teks is None else (teks, etree.tostring(gaya.root))
    gaya = xlsm._Gaya(_GAYA_KECIL)
    pohon = xlsm._Bedah(xml, gaya, False).jalankan(lembar)
    return sisip, (pohon, etree.tostring(gaya.root))


@pytest.mark.parametrize("nilai", range(len(_NILAI_CAMPUR)))
@pytest.mark.parametrize(
    "sel",
    [
        [(2, 1), (2, 2)],  # plain cells rewritten, one a shared string's
        [(2, 3)],  # a new cell in a column with its own format
        [(2, 5), (2, 6)],  # new cells after the last, in a row with `spans`
        [(3, 5), (3, 1), (3, 6)],  # a cell rewritten and two new in a formatted row
        [(6, 1), (6, 3), (6, 6)],  # around a rich text cell left alone
        [(9, 1), (1, 3), (2, 2), (6, 6)],  # several rows, header too
        [(2, 8), (9, 2)],  # beyond `<dimension>`: widened
        [(10, 1), (10, 3), (12, 2), (13, 9)],  # rows added below the last, a column format
        [(2, 2), (11, 1), (11, 2)],  # a cell rewritten, a row added
    ],
)
def test_cells_filled_in_existing_rows_as_text_are_what_the_tree_writes(
    sel: list[tuple[int, int]], nilai: int
) -> None:
    """Every kind of value, with and without a number format, into plain cells, new cells of
    existing rows and rows added below the last: the same sheet and styles, byte for byte,
    as through the tree."""
    tulis: dict[tuple[int, int], tuple[Any, str | None]] = {}
    for i, (r, k) in enumerate(sel):
        tulis[(r, k)] = (_NILAI_CAMPUR[(nilai + i) % len(_NILAI_CAMPUR)], "0.00" if i else None)
    sisip, pohon = _dua_jalan_sel(_LEMBAR_SEL, tulis)
    assert sisip is not None
    assert sisip == pohon


@pytest.mark.parametrize(
    ("ganti", "sel"),
    [
        (("", ""), (4, 1)),  # a row that does not exist
        (("", ""), (5, 1)),  # an empty row written as `<row …/>`
        (('<dimension ref="A1:G9"/>', '<dimension ref="A1"/>'), (10, 1)),  # not a range
        (('<row r="9">', '<row ht="9" r="9">'), (10, 1)),  # a row's reference not first
        (("", ""), (3, 2)),  # a cell with an attribute more (`vm`)
        (("", ""), (6, 2)),  # rich text
        (('<c r="E3"><v>5</v></c>', '<c r="E3"><f>1+1</f><v>2</v></c>'), (3, 5)),  # formula
        (('<c r="E3"><v>5</v></c>', '<c s="0" r="E3"><v>5</v></c>'), (3, 5)),  # order
        (('<c r="A9"><v>9</v></c>', "<c><v>9</v></c>"), (9, 2)),  # no reference
        (('<c r="F6"/>', '<c r="F6"/><c r="C6"/>'), (6, 4)),  # cells out of order
        (('<row r="2" spans', '<row r="2" xmlns:y="urn:y" spans'), (2, 1)),  # a declaration
        (('<c r="E3"><v>5</v></c>', '<x:c xmlns:x="urn:x" r="E3"><x:v>5</x:v></x:c>'), (3, 5)),
        (('<row r="9">', '<!-- <row r="7"> --><row r="9">'), (7, 1)),  # a comment
        (('<row r="9">', '<?pi <row r="12"> ?><row r="9">'), (12, 1)),  # an instruction
        (('<row r="9">', '<y:row xmlns:y="urn:y" r="10"/><row r="9">'), (11, 1)),  # a prefix
        (('<c r="G9"', '\n  <c r="G9"'), (9, 1)),  # blank text between cells (the tree drops it)
        (('<row r="9">', '<row r="9">\r\n'), (9, 1)),  # blank text before the first cell
        (('<c r="G9" s="2"><v>7</v></c>', '<c r="G9" s="2"><v>7</v></c><extLst/>'), (9, 2)),
        (('<c r="A9"', '<c r="A7"'), (9, 1)),  # a cell of another row inside this one
        (('</row><row r="9"><c r="A9"><v>9</v></c>', '</row ><row r="9">'), (6, 8)),  # `</row >`
        (("<dimension", "<!-- <col min='3' max='3' style='1'/> --><dimension"), (2, 3)),
        (("<dimension", '<x:dimension xmlns:x="urn:x" ref="A1:G9"/><y'), (10, 1)),
        (('<dimension ref="A1:G9"/>', '<dimension ref="G9:A1"/>'), (10, 1)),  # reversed
        (('<row r="3" s="2"', '<row r="2"><c r="A2"/></row><row r="3" s="2"'), (2, 1)),  # twice
    ],
)
def test_cells_the_text_cannot_take_keep_the_tree(
    ganti: tuple[str, str], sel: tuple[int, int]
) -> None:
    from pyxl.buku import xlsm

    xml = _LEMBAR_SEL.replace(ganti[0].encode(), ganti[1].encode())
    sisip, pohon = _dua_jalan_sel(xml, {sel: ("baru", None)})
    assert sisip is None
    lembar = xlsm._Lembar("xl/worksheets/sheet1.xml", [], {sel: ("baru", None)})
    simpan = xlsm._Bedah(xml, xlsm._Gaya(_GAYA_KECIL), False).jalankan(lembar)
    assert simpan == pohon[0] and b"baru" in simpan


def test_a_sheet_declared_in_another_encoding_keeps_the_tree() -> None:
    xml = _LEMBAR_SEL.replace(b"encoding='UTF-8'", b"encoding='ISO-8859-1'")
    sisip, _pohon = _dua_jalan_sel(xml, {(2, 1): ("ü — 漢", None)})
    assert sisip is None


@pytest.mark.parametrize(
    "ganti",
    [
        ('<row r="2" spans="1:6"', '<row r="2" x14ac:s="2" x14ac:customFormat="1" spans="1:6"'),
        ('<row r="2" spans="1:6"', '<row r="2" ht="12" spans="1:6" x14ac:note="a spans=b"'),
        ("</worksheet>", '<extLst><ext uri="u"><sheetData><row r="2"/></sheetData></ext></extLst>'
         "</worksheet>"),
    ],
)  # fmt: skip
def test_odd_but_valid_rows_written_as_text_are_what_the_tree_writes(
    ganti: tuple[str, str],
) -> None:
    """Prefixed attributes are not the plain ones (`x14ac:s` is no row style), a value holding
    `spans=` stays whole when the hint goes, a `sheetData` inside an extension is not the
    sheet's: new cells in row 2 come out as the tree writes them."""
    xml = _LEMBAR_SEL.replace(ganti[0].encode(), ganti[1].encode())
    assert xml != _LEMBAR_SEL
    sisip, pohon = _dua_jalan_sel(xml, {(2, 3): ("baru", None), (2, 5): (5, "0.00")})
    assert sisip is not None
    assert sisip == pohon


RILIS = sorted((Path(__file__).parents[1] / "data" / "rilis").glob("*/*.xlsm"))


@pytest.mark.parametrize("berkas", RILIS, ids=lambda p: p.parent.name)
def test_bagian_sheets_of_every_release_filled_as_text_read_as_through_the_tree(
    berkas: Path,
) -> None:
    """Masters saved by earlier releases (by openpyxl, then lxml): random writes into each
    Bagian sheet give, when the text takes them, the tree's sheet (canonical XML: the text
    keeps the original's spelling of what it does not touch)."""
    import random

    from lxml import etree

    from pyxl.buku import xlsm

    acak = random.Random(berkas.parent.name)
    diambil = 0
    with buka(berkas, hanya_baca=True) as buku:
        gaya_xml = buku._xml(buku._bagian["styles"])
        for kode in ("HUKUM", "UMUM", "ORG", "PBJ"):
            xml, tinggi = buku._xml(buku._sheet[kode]), len(buku._nilai(kode))
            for _ in range(25):
                tulis = {
                    (acak.randint(1, tinggi + 3), acak.randint(1, 22)): (
                        xlsm._nilai_tulis(acak.choice(_NILAI_CAMPUR)),
                        acak.choice([None, "0.00"]),
                    )
                    for _ in range(acak.randint(1, 8))
                }
                lembar = xlsm._Lembar(buku._sheet[kode], [], tulis)
                g1, g2 = xlsm._Gaya(gaya_xml), xlsm._Gaya(gaya_xml)
                teks = xlsm._ganti_sel(xml, lembar, g1, buku._1904)
                if teks is None:
                    continue
                pohon = xlsm._Bedah(xml, g2, buku._1904).jalankan(lembar)
                kanon = [etree.tostring(etree.fromstring(x), method="c14n") for x in (teks, pohon)]
                assert kanon[0] == kanon[1]
                assert etree.tostring(g1.root) == etree.tostring(g2.root)
                diambil += 1
    assert diambil >= 25  # the text took many (older layouts have fewer columns)


def test_step_6s_writes_into_bagian_sheets_are_made_in_the_text(
    salinan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The input columns of every Bagian sheet of a fresh master filled as step 6 fills them:
    no Bagian sheet is parsed into a tree to save them, and every reader sees the values."""
    from pyxl.buku import xlsm
    from pyxl.buku.daftar import baca_bagian

    pohon: list[str] = []
    asli_jalankan = xlsm._Bedah.jalankan

    def catat(self: Any, lembar: Any) -> bytes:
        pohon.append(lembar.bagian)
        return asli_jalankan(self, lembar)

    monkeypatch.setattr(xlsm._Bedah, "jalankan", catat)
    kolom = [skema.KOLOM_INDIKATOR.index(k) + 1 for k in skema.KOLOM_ISIAN]
    with buka(salinan) as buku:
        kode = [b.kode for b in baca_bagian(buku)]
        bagian_xml = {buku._sheet[k] for k in kode}
        tinggi = {k: len(buku.baca(k)) for k in kode}
        for k in kode:
            for i, c in enumerate(kolom):
                nilai = [[f"{k}-{r}" if i >= 2 else r * 1.5] for r in range(2, tinggi[k] + 1)]
                buku.tulis(k, 2, c, nilai)
        buku.simpan()
    assert not bagian_xml & set(pohon)
    wb = openpyxl.load_workbook(salinan)
    for k in kode:
        rows = list(wb[k].iter_rows(min_row=2, max_row=tinggi[k], values_only=True))
        assert [r[kolom[0] - 1] for r in rows] == [r * 1.5 for r in range(2, tinggi[k] + 1)]
        assert [r[kolom[-1] - 1] for r in rows] == [f"{k}-{r}" for r in range(2, tinggi[k] + 1)]
    cal = CalamineWorkbook.from_path(str(salinan)).get_sheet_by_name(kode[0]).to_python()
    assert cal[1][kolom[-1] - 1] == f"{kode[0]}-2"


def test_text_shaped_like_overlapping_escapes_reads_back_as_typed(salinan: Path) -> None:
    """`_x005F_x0041_` holds two escapes sharing an underscore: each is escaped, so Excel's
    readers (calamine here; openpyxl leaves escapes, `_baca_openpyxl` undoes them) read back
    what was typed, by the text writer and by the tree."""
    teks = ["_x005F_x0041_", "_x0041_x0042_", "a_x0041_b_x", "__x0041__"]
    with buka(salinan) as buku:
        buku.tulis("HUKUM", 2, 1, [[t] for t in teks])  # existing cells: the text writer
        buku.tulis(skema.VALIDASI, 2, 1, [[t] for t in teks])  # new rows of a table
        buku.simpan()
    for sheet in ("HUKUM", skema.VALIDASI):
        cal = CalamineWorkbook.from_path(str(salinan)).get_sheet_by_name(sheet).to_python()
        assert [r[0] for r in cal[1:5]] == teks, sheet
        assert [r[0] for r in _baca_openpyxl(salinan, sheet)[1:5]] == teks, sheet
