"""Changing the Bagian list (`pyxl bagian tambah|ubah|hapus` and their Kendali buttons): every
place a Bagian lives follows the change, nothing recorded is lost, and a return from a Bagian
that left (or changed its code) is refused with what to do."""

from __future__ import annotations

import re
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from oletools.olevba import VBA_Parser

from bantu import baris_sheet
from conftest import sidik_folder, tombol_terhubung
from pyxl.alat.simulasi import isi_format, isian_contoh
from pyxl.buku.daftar import kode_tertaut
from pyxl.buku.xlsm import BukuZip
from pyxl.cli import main
from pyxl.kontrak import kendali, skema
from pyxl.kontrak.perintah import PERINTAH
from remote import klik, sama_dengan_perintah

BATAS = "--batas-waktu=20 Januari 2027"
SEPULUH = ["TAPEM", "KESRA", "HUKUM", "EKON", "ADPEM", "PBJ", "UMUM", "ORG", "PROKOPIM", "RENKEU"]
KERJASAMA = {
    "Kode": "KERJASAMA",
    "Nama Bagian": "Bagian Kerja Sama",
    "Asisten": "Asisten Administrasi Umum",
    "Kepala Bagian": "Rudi Hartono, S.IP., M.Si.",
    "NIP": "198203152006041002",
    "Pangkat": "Pembina (IV/a)",
    "Email": "kerjasama@setda.waykanan.example",
}
TAMBAH_KERJASAMA = [
    "bagian",
    "tambah",
    "KERJASAMA",
    "--nama",
    KERJASAMA["Nama Bagian"],
    "--email",
    KERJASAMA["Email"],
    "--kepala",
    KERJASAMA["Kepala Bagian"],
    "--nip",
    KERJASAMA["NIP"],
    "--pangkat",
    KERJASAMA["Pangkat"],
    "--asisten",
    KERJASAMA["Asisten"],
]
INDIKATOR_KERJASAMA = [
    {
        "Kode IKU": "IKU-KS-01",
        "Sasaran": "Meningkatnya kerja sama daerah",
        "Indikator Kinerja": "Jumlah perjanjian kerja sama daerah yang ditandatangani",
        "Definisi Operasional": "Perjanjian kerja sama dengan daerah lain dan pihak ketiga.",
        "Formula": "Jumlah PKS yang ditandatangani",
        "Satuan": "Dokumen",
        "Polaritas": "Positif",
        "Target": 10,
        "Realisasi Tahun Lalu": 8,
        "Target Akhir Renstra": 20,
        "Pagu Anggaran": 150_000_000,
        "Sumber Data": "Bagian Kerja Sama",
    },
    {
        "Kode IKU": "IKU-KS-02",
        "Sasaran": "Meningkatnya kerja sama daerah",
        "Indikator Kinerja": "Persentase kerja sama yang dievaluasi",
        "Definisi Operasional": "Kerja sama yang pelaksanaannya dievaluasi dalam tahun berjalan.",
        "Formula": "(Kerja sama dievaluasi / kerja sama berjalan) x 100%",
        "Satuan": "%",
        "Polaritas": "Positif",
        "Target": 80,
        "Realisasi Tahun Lalu": 70,
        "Target Akhir Renstra": 100,
        "Pagu Anggaran": 50_000_000,
        "Sumber Data": "Bagian Kerja Sama",
    },
]


# ------------------------------------------------------------------------------ helpers


def _pyxl(master: Path, *argumen: str) -> int:
    return main([*argumen, "--workbook", str(master)])


def _himpun(master: Path, *opsi: str) -> int:
    return _pyxl(master, "himpun", "--tanpa-imap", *opsi)


def _format(kerja: Path, kode: str) -> Path:
    return kerja / "format" / f"{kode}_Format_IKU_2026.xlsx"


def _kembali(
    kerja: Path, kode: str, nama: str | None = None, realisasi: Any = None, contoh: str = ""
) -> Path:
    """Bagian `kode` returns its format filled with the sample values of Bagian `contoh`
    (default: its own), the first row's `Realisasi` replaced when given."""
    isian = isian_contoh(contoh or kode)
    if realisasi is not None:
        isian[0]["Realisasi"] = realisasi
    return isi_format(_format(kerja, kode), kerja / "masuk" / (nama or f"{kode}.xlsx"), isian)


def _rentang_grafik(master: Path) -> list[str]:
    """The cell ranges the yearly Rekap chart reads; the quarters' chart beside it (the
    workbook's only other chart) is checked to read the same rows."""
    with zipfile.ZipFile(master) as z:
        grafik = {
            n: z.read(n).decode("utf-8")
            for n in z.namelist()
            if re.fullmatch(r"xl/charts/chart\d+\.xml", n)
        }
    rentang = {
        n: [f for f in re.findall(r"<c:f>([^<]*)</c:f>", x) if "!" in f] for n, x in grafik.items()
    }
    [tahunan] = [n for n, x in grafik.items() if "Rata-rata Capaian Kinerja per Bagian" in x]
    [triwulan] = [n for n in grafik if n != tahunan]
    akhir = rentang[tahunan][0].rsplit("$", 1)[1]
    assert [f.rsplit("$", 1)[1] for f in rentang[triwulan] if ":" in f] == [akhir] * 8
    return rentang[tahunan]


def _status_kendali(master: Path) -> list[tuple[Any, ...]]:
    """Kendali's per-Bagian status table, below its header, down to its first empty row."""
    ws = openpyxl.load_workbook(master)[skema.KENDALI]
    lebar = len(kendali.KOLOM_STATUS_BAGIAN)
    judul = next(ws.iter_rows(min_row=kendali.BARIS_HEADER_BAGIAN, max_col=lebar, values_only=True))
    assert judul == kendali.KOLOM_STATUS_BAGIAN
    rows = []
    for r in ws.iter_rows(min_row=kendali.BARIS_BAGIAN_1, max_col=lebar, values_only=True):
        if r[0] is None:
            break
        rows.append(r)
    assert all(
        v is None
        for r in ws.iter_rows(min_row=kendali.BARIS_BAGIAN_1 + len(rows), values_only=True)
        for v in r
    ), "nothing left below the table"
    return rows


def _tata_letak(ws: Any) -> dict[str, Any]:
    """What makes a Bagian sheet look and behave like the others, as openpyxl sees it."""
    return {
        "judul": [
            (
                c.value,
                c.font.b,
                c.font.color.rgb if c.font.color is not None else None,
                c.fill.fgColor.rgb,
                c.alignment.wrap_text,
                c.alignment.vertical,
                c.border.bottom.style,
                c.number_format,
                c.protection.locked,
            )
            for c in ws[1]
        ],
        "tinggi_judul": ws.row_dimensions[1].height,
        "kolom": {
            k: (d.width, d.hidden, d.number_format, d.protection.locked, d.alignment.wrap_text)
            for k, d in ws.column_dimensions.items()
        },
        "validasi": sorted(
            (str(v.sqref), v.type, v.formula1, v.allow_blank, v.prompt, v.error)
            for v in ws.data_validations.dataValidation
        ),
        "proteksi": (ws.protection.sheet, ws.protection.password, ws.protection.autoFilter),
        "beku": ws.freeze_panes,
        "filter": ws.auto_filter.ref,
        "judul_cetak": ws.print_title_rows,
        "halaman": (
            ws.page_setup.orientation,
            ws.page_setup.paperSize,
            ws.page_setup.fitToWidth,
            ws.page_setup.fitToHeight,
        ),
        "kaki": ws.oddFooter.center.text,
        "bersyarat": sorted(
            (str(f.sqref), r.type, tuple(r.formula))
            for f in ws.conditional_formatting
            for r in f.rules
        ),
    }


def _modul_vba(berkas: Path) -> set[str]:
    parser = VBA_Parser(str(berkas))
    try:
        return {n.rsplit(".", 1)[0] for _f, _s, n, _k in parser.extract_all_macros()}
    finally:
        parser.close()


def _tempat_cetak(wb: Any) -> dict[str, tuple[Any, Any]]:
    return {ws.title: (ws.print_title_rows, ws.auto_filter.ref) for ws in wb.worksheets}


@pytest.fixture
def kerja_jalan(kerja: Path) -> Path:
    """Formats issued, HUKUM's, ORG's and KESRA's returns merged, and analysed: every sheet a
    change of the list touches holds data."""
    master = kerja / skema.NAMA_MASTER
    assert _pyxl(master, "format", BATAS) == 0
    for kode in ("HUKUM", "ORG", "KESRA"):
        _kembali(kerja, kode)
    assert _himpun(master) == 0
    assert _pyxl(master, "analisis") == 0
    return kerja


# ------------------------------------------------------------------------------ tambah


def test_tambah_puts_the_bagian_everywhere_it_lives(
    kerja_jalan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    master = kerja_jalan / skema.NAMA_MASTER
    wb0 = openpyxl.load_workbook(master, keep_vba=True)
    cetak0 = _tempat_cetak(wb0)
    rekap0 = baris_sheet(master, skema.REKAP)
    status0 = _status_kendali(master)
    assert _rentang_grafik(master) == ["Rekap!$A$2:$A$11", "Rekap!$F$2:$F$11"]
    capsys.readouterr()

    assert _pyxl(master, *TAMBAH_KERJASAMA) == 0
    assert "pyxl format --bagian KERJASAMA" in capsys.readouterr().out

    bagian = baris_sheet(master, skema.BAGIAN)
    assert [b["Kode"] for b in bagian] == [*SEPULUH, "KERJASAMA"]
    assert bagian[-1] == KERJASAMA
    wb = openpyxl.load_workbook(master, keep_vba=True)
    assert wb.sheetnames.index("KERJASAMA") == wb.sheetnames.index("RENKEU") + 1
    baru = wb["KERJASAMA"]
    assert baru.sheet_state == "visible"
    assert baru.max_row == 1, "the header only: no indicator of another Bagian copied"
    for contoh in ("RENKEU", "TAPEM"):
        assert _tata_letak(baru) == _tata_letak(wb[contoh]), contoh
    assert baru.oddHeader.left.text == "Bagian Kerja Sama"
    # a code name of its own with its VBA document module: Excel never repairs the project
    kode_vba = [ws.sheet_properties.codeName for ws in wb.worksheets]
    assert len(set(kode_vba)) == len(kode_vba)
    assert baru.sheet_properties.codeName in _modul_vba(master)
    # print titles and filters are sheet-local names: every earlier sheet keeps its own
    cetak = _tempat_cetak(wb)
    assert cetak.pop("KERJASAMA") == cetak0["RENKEU"]
    assert cetak == cetak0

    rekap = baris_sheet(master, skema.REKAP)
    assert [r["Kode Bagian"] for r in rekap] == [*SEPULUH, "KERJASAMA", "SETDA"]
    assert rekap[:10] == rekap0[:10] and rekap[-1] == rekap0[-1], "figures kept"
    assert rekap[10]["Nama Bagian"] == "Bagian Kerja Sama"
    assert all(rekap[10][k] is None for k in skema.KOLOM_REKAP[2:]), "until the next analysis"
    assert _rentang_grafik(master) == ["Rekap!$A$2:$A$12", "Rekap!$F$2:$F$12"]

    status = _status_kendali(master)
    assert status[:10] == status0
    assert status[10][:4] == ("KERJASAMA", "Bagian Kerja Sama", 0, 0)

    [riwayat] = baris_sheet(master, skema.RIWAYAT_BAGIAN)
    assert isinstance(riwayat["Waktu"], datetime)
    assert (riwayat["Perubahan"], riwayat["Kode"], riwayat["Kode Baru"]) == (
        "Tambah",
        "KERJASAMA",
        None,
    )
    assert riwayat["Nama Bagian"] == "Bagian Kerja Sama"
    assert riwayat["Email"] == KERJASAMA["Email"]
    tombol_terhubung(master)

    # nothing to issue until its indicators are typed in; then the command says where
    capsys.readouterr()
    assert _pyxl(master, "format", "--bagian", "KERJASAMA", BATAS) == 1
    assert "sheet KERJASAMA" in capsys.readouterr().err


@pytest.mark.libreoffice
def test_new_bagian_typed_in_a_spreadsheet_program_gets_a_format_and_an_analysis(
    kerja_jalan: Path,
) -> None:
    from libreoffice import probe, ubah

    master = kerja_jalan / skema.NAMA_MASTER
    assert _pyxl(master, *TAMBAH_KERJASAMA) == 0
    lo = probe(master, "--seri-grafik")
    assert "KERJASAMA" in lo["sheets"] and "KERJASAMA" not in lo["hidden"]
    assert len(lo["buttons"]) == len(PERINTAH)
    [[seri]] = [g for g in lo["series"][skema.REKAP] if len(g) == 1]
    [triwulan] = [g for g in lo["series"][skema.REKAP] if len(g) == 4]
    assert [s["nilai"]["rentang"] for s in triwulan] == [
        f"$Rekap.${k}$2:${k}$12" for k in "MNOP"
    ], "the quarters' chart follows too"
    assert seri["kategori"]["rentang"] == "$Rekap.$A$2:$A$12"
    assert seri["nilai"]["rentang"] == "$Rekap.$F$2:$F$12"
    assert seri["kategori"]["isi"] == [*SEPULUH, "KERJASAMA"], "11 Bagian drawn, not SETDA"

    # staff type the new Bagian's indicators in the sheet, as in any spreadsheet program
    kolom = {
        k: openpyxl.utils.get_column_letter(i + 1) for i, k in enumerate(skema.KOLOM_INDIKATOR)
    }
    ubah(
        master,
        [
            {"sheet": "KERJASAMA", "cell": f"{kolom[k]}{r}", "nilai": v}
            for r, ind in enumerate(INDIKATOR_KERJASAMA, start=2)
            for k, v in ind.items()
        ],
    )
    assert _pyxl(master, "format", "--bagian", "KERJASAMA", BATAS) == 0
    isi_format(
        _format(kerja_jalan, "KERJASAMA"),
        kerja_jalan / "masuk" / "KERJASAMA.xlsx",
        [
            {"Realisasi": 9, "Realisasi Anggaran": 140_000_000},
            {"Realisasi": 85, "Realisasi Anggaran": 45_000_000},
        ],
    )
    assert _himpun(master) == 0
    [terima] = [r for r in baris_sheet(master, skema.PENERIMAAN) if r["Kode Bagian"] == "KERJASAMA"]
    assert terima["Status"] == "Diterima"
    assert _pyxl(master, "analisis") == 0
    analisis = {
        r["Kode IKU"]: r
        for r in baris_sheet(master, skema.ANALISIS)
        if r["Kode Bagian"] == "KERJASAMA"
    }
    assert set(analisis) == {"IKU-KS-01", "IKU-KS-02"}
    assert analisis["IKU-KS-01"]["Capaian (%)"] == pytest.approx(90.0)
    assert analisis["IKU-KS-02"]["Capaian (%)"] == pytest.approx(106.25)
    rekap = {r["Kode Bagian"]: r for r in baris_sheet(master, skema.REKAP)}
    assert rekap["KERJASAMA"]["Jumlah Indikator"] == 2
    assert rekap["KERJASAMA"]["Rata-rata Capaian (%)"] == pytest.approx(98.125)
    assert [k for k in rekap][-2:] == ["KERJASAMA", "SETDA"]
    [status] = [r for r in _status_kendali(master) if r[0] == "KERJASAMA"]
    assert status[2:4] == (2, 2) and status[7] == "Lengkap"


def test_the_status_table_and_chart_follow_a_longer_list(
    kerja_jalan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    master = kerja_jalan / skema.NAMA_MASTER
    baru = ["KERJASAMA", "PERBATASAN", "SANDI", "LITBANG"]
    for kode in baru:
        assert _pyxl(master, "bagian", "tambah", kode, "--nama", f"Bagian {kode.title()}") == 0
    semua = [*SEPULUH, *baru]
    assert [r[0] for r in _status_kendali(master)] == semua
    assert _rentang_grafik(master) == ["Rekap!$A$2:$A$15", "Rekap!$F$2:$F$15"]
    wb = openpyxl.load_workbook(master)
    assert wb.sheetnames[3:17] == semua, "the Bagian sheets together, in the list's order"
    assert _pyxl(master, "analisis") == 0
    assert [r["Kode Bagian"] for r in baris_sheet(master, skema.REKAP)] == [*semua, "SETDA"]
    capsys.readouterr()
    assert _pyxl(master, "status") == 0
    out = capsys.readouterr().out
    for kode in baru:
        assert re.search(rf"^\s+{kode}\s+0\s+0\s+Belum ada data$", out, re.M), kode
    tombol_terhubung(master)


# ------------------------------------------------------------------------------ ubah


def test_ubah_renames_and_keeps_the_earlier_rows_linked(
    kerja_jalan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    master = kerja_jalan / skema.NAMA_MASTER
    nama0 = openpyxl.load_workbook(master).sheetnames
    org0 = baris_sheet(master, "ORG")
    terima0 = baris_sheet(master, skema.PENERIMAAN)
    [org_terima] = [r for r in terima0 if r["Kode Bagian"] == "ORG"]
    rekap0 = {r["Kode Bagian"]: r for r in baris_sheet(master, skema.REKAP)}
    [status0] = [r for r in _status_kendali(master) if r[0] == "ORG"]

    capsys.readouterr()
    assert (
        _pyxl(
            master,
            "bagian",
            "ubah",
            "ORG",
            "--kode-baru",
            "ORTALA",
            "--nama",
            "Bagian Organisasi dan Tata Laksana",
        )
        == 0
    )
    assert "pyxl format --bagian ORTALA" in capsys.readouterr().out
    nama = openpyxl.load_workbook(master).sheetnames
    assert nama == [("ORTALA" if n == "ORG" else n) for n in nama0], "renamed in its place"
    assert baris_sheet(master, "ORTALA") == org0, "its data kept"
    halaman = openpyxl.load_workbook(master)["ORTALA"].oddHeader.left.text
    assert halaman == "Bagian Organisasi dan Tata Laksana", "its printed pages say the new name"
    assert baris_sheet(master, skema.PENERIMAAN) == terima0, "earlier rows keep ORG"
    bagian = {b["Kode"]: b for b in baris_sheet(master, skema.BAGIAN)}
    assert "ORG" not in bagian
    assert bagian["ORTALA"]["Nama Bagian"] == "Bagian Organisasi dan Tata Laksana"
    assert bagian["ORTALA"]["Email"] == "org@setda.waykanan.example", "what was not given stays"
    assert kode_tertaut(BukuZip(master, hanya_baca=True)) == {"ORTALA": {"ORG"}}
    [riwayat] = baris_sheet(master, skema.RIWAYAT_BAGIAN)
    assert (riwayat["Perubahan"], riwayat["Kode"], riwayat["Kode Baru"]) == (
        "Ubah",
        "ORG",
        "ORTALA",
    )
    assert "Bagian Organisasi dan Tata Laksana" in riwayat["Catatan"]

    # the status counts ORG's earlier return and format for ORTALA
    [status] = [r for r in _status_kendali(master) if r[0] == "ORTALA"]
    assert status[1] == "Bagian Organisasi dan Tata Laksana"
    assert status[2:] == status0[2:]
    assert status[6] == org_terima["Waktu"].strftime("%d/%m/%Y %H:%M")
    assert status[7] == "Diterima, sebagian kosong"
    rekap = {r["Kode Bagian"]: r for r in baris_sheet(master, skema.REKAP)}
    assert "ORG" not in rekap
    assert rekap["ORTALA"] == rekap0["ORG"] | {
        "Kode Bagian": "ORTALA",
        "Nama Bagian": "Bagian Organisasi dan Tata Laksana",
    }
    assert list(rekap)[7] == "ORTALA"

    # a late return still stamped ORG is refused and says what to do; the run goes on
    _kembali(kerja_jalan, "ORG", "ORG_revisi.xlsx", realisasi="A")
    _kembali(kerja_jalan, "UMUM")
    capsys.readouterr()
    assert _himpun(master) == 0
    out = capsys.readouterr().out
    status_terima = {r["Berkas"]: r for r in baris_sheet(master, skema.PENERIMAAN)}
    assert status_terima["ORG_revisi.xlsx"]["Status"] == "Ditolak"
    assert status_terima["ORG_revisi.xlsx"]["Kode Bagian"] == "ORG"
    assert status_terima["UMUM.xlsx"]["Status"] == "Diterima"
    [pesan] = [
        r["Pesan"]
        for r in baris_sheet(master, skema.VALIDASI)
        if r["Berkas"] == "ORG_revisi.xlsx" and r["Kode Masalah"] == "BAGIAN_TIDAK_ADA"
    ]
    assert "ORTALA" in pesan and "pyxl format" in pesan
    assert baris_sheet(master, "ORTALA") == org0, "nothing merged from the refused file"
    assert [r["Realisasi"] for r in baris_sheet(master, "UMUM")] == [
        h["Realisasi"] for h in isian_contoh("UMUM")
    ]
    assert "ORTALA" not in out.split("Belum mengirim:")[-1], "ORG's return counts for ORTALA"

    # ORTALA's own format: its return replaces ORG's earlier one
    assert _pyxl(master, "format", "--bagian", "ORTALA", BATAS) == 0
    _kembali(kerja_jalan, "ORTALA", realisasi="A", contoh="ORG")
    assert _himpun(master) == 0
    assert {r["Berkas"]: r["Status"] for r in baris_sheet(master, skema.PENERIMAAN)}[
        "ORTALA.xlsx"
    ] == "Menggantikan"
    assert baris_sheet(master, "ORTALA")[0]["Realisasi"] == "A"


def test_an_earlier_code_of_a_renamed_bagian_is_not_given_to_another(
    kerja_jalan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ORG's return is ORTALA's: a new Bagian under the code ORG would be counted as having
    returned it."""
    master = kerja_jalan / skema.NAMA_MASTER
    assert _pyxl(master, "bagian", "ubah", "ORG", "--kode-baru", "ORTALA") == 0
    sebelum = sidik_folder(kerja_jalan)
    for argumen in (
        ["tambah", "ORG", "--nama", "Bagian Organisasi Baru"],
        ["ubah", "HUKUM", "--kode-baru", "org"],
    ):
        capsys.readouterr()
        assert _pyxl(master, "bagian", *argumen) == 1, argumen
        err = capsys.readouterr().err
        assert "tertaut ke ORTALA" in err and "Pilih kode lain" in err
    assert sidik_folder(kerja_jalan) == sebelum
    # the renamed Bagian itself may take its code back; its rows stay its own
    assert _pyxl(master, "bagian", "ubah", "ORTALA", "--kode-baru", "ORG") == 0
    assert kode_tertaut(BukuZip(master, hanya_baca=True)) == {"ORG": {"ORTALA"}}
    [org] = [r for r in _status_kendali(master) if r[0] == "ORG"]
    assert org[7] == "Diterima, sebagian kosong"


# ------------------------------------------------------------------------------ hapus


def test_hapus_retires_the_bagian_and_tambah_brings_it_back(
    kerja_jalan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    master = kerja_jalan / skema.NAMA_MASTER
    pbj0 = baris_sheet(master, "PBJ")
    assert len(pbj0) == 4
    terbit0 = baris_sheet(master, skema.FORMAT_TERBIT)
    format_pbj = _format(kerja_jalan, "PBJ").read_bytes()

    capsys.readouterr()
    assert _pyxl(master, "bagian", "hapus", "PBJ") == 0
    assert "pyxl bagian tambah PBJ" in capsys.readouterr().out
    wb = openpyxl.load_workbook(master)
    assert wb["PBJ"].sheet_state == "hidden", "hidden, never deleted"
    assert baris_sheet(master, "PBJ") == pbj0
    sembilan = [k for k in SEPULUH if k != "PBJ"]
    assert [b["Kode"] for b in baris_sheet(master, skema.BAGIAN)] == sembilan
    assert [r["Kode Bagian"] for r in baris_sheet(master, skema.REKAP)] == [*sembilan, "SETDA"]
    assert _rentang_grafik(master) == ["Rekap!$A$2:$A$10", "Rekap!$F$2:$F$10"], "SETDA not drawn"
    assert [r[0] for r in _status_kendali(master)] == sembilan
    [riwayat] = baris_sheet(master, skema.RIWAYAT_BAGIAN)
    assert (riwayat["Perubahan"], riwayat["Kode"]) == ("Hapus", "PBJ")
    tombol_terhubung(master)

    # no format, e-mail or reminder for it any more
    assert _pyxl(master, "format", BATAS) == 0
    terbit = baris_sheet(master, skema.FORMAT_TERBIT)
    baru = terbit[len(terbit0) :]
    assert sorted(r["Kode Bagian"] for r in baru) == sorted(sembilan)
    assert _format(kerja_jalan, "PBJ").read_bytes() == format_pbj
    assert _pyxl(master, "kirim", "--mode", "draf") == 0
    assert _pyxl(master, "ingatkan", "--mode", "draf") == 0
    kirim = baris_sheet(master, skema.PENGIRIMAN)
    assert kirim and "PBJ" not in {r["Kode Bagian"] for r in kirim}
    assert not [p for p in (kerja_jalan / "kirim").iterdir() if "PBJ" in p.name]

    # its late return is refused, naming how to bring it back
    _kembali(kerja_jalan, "PBJ")
    assert _himpun(master) == 0
    [ditolak] = [r for r in baris_sheet(master, skema.PENERIMAAN) if r["Berkas"] == "PBJ.xlsx"]
    assert (ditolak["Status"], ditolak["Kode Bagian"]) == ("Ditolak", "PBJ")
    [pesan] = [r["Pesan"] for r in baris_sheet(master, skema.VALIDASI) if r["Berkas"] == "PBJ.xlsx"]
    assert "BAGIAN_TIDAK_ADA" in ditolak["Catatan"]
    assert "pyxl bagian tambah PBJ" in pesan and "pyxl himpun --ulang" in pesan
    assert baris_sheet(master, "PBJ") == pbj0

    # back again: the same sheet with its old data, then the refused return is accepted
    assert (
        _pyxl(master, "bagian", "tambah", "PBJ", "--nama", "Bagian Pengadaan Barang dan Jasa") == 0
    )
    wb = openpyxl.load_workbook(master)
    assert wb["PBJ"].sheet_state == "visible"
    assert wb.sheetnames.count("PBJ") == 1 and "PBJ (2)" not in wb.sheetnames
    assert baris_sheet(master, "PBJ") == pbj0
    assert [b["Kode"] for b in baris_sheet(master, skema.BAGIAN)] == [*sembilan, "PBJ"]
    assert [r[0] for r in _status_kendali(master)] == [*sembilan, "PBJ"]
    assert _rentang_grafik(master) == ["Rekap!$A$2:$A$11", "Rekap!$F$2:$F$11"]
    riwayat = baris_sheet(master, skema.RIWAYAT_BAGIAN)
    assert [r["Perubahan"] for r in riwayat] == ["Hapus", "Tambah"]
    assert "diaktifkan kembali" in riwayat[-1]["Catatan"]

    capsys.readouterr()
    sebelum = sidik_folder(kerja_jalan)
    assert _himpun(master) == 0
    assert "Tidak ada berkas baru" in capsys.readouterr().out
    assert sidik_folder(kerja_jalan) == sebelum
    assert _himpun(master, "--ulang") == 0
    baris = [r for r in baris_sheet(master, skema.PENERIMAAN) if r["Berkas"] == "PBJ.xlsx"]
    assert [r["Status"] for r in baris] == ["Ditolak", "Diterima"], "the earlier row stays"
    assert baris[1]["Catatan"].startswith("diperiksa ulang")
    assert [r["Realisasi"] for r in baris_sheet(master, "PBJ")] == [
        h["Realisasi"] for h in isian_contoh("PBJ")
    ]


@pytest.mark.libreoffice
def test_libreoffice_sees_the_retired_sheet_hidden_and_nine_bars(kerja_jalan: Path) -> None:
    from libreoffice import probe

    master = kerja_jalan / skema.NAMA_MASTER
    assert _pyxl(master, "bagian", "hapus", "PBJ") == 0
    lo = probe(master, "--seri-grafik", "--data", "PBJ")
    assert "PBJ" in lo["sheets"] and "PBJ" in lo["hidden"]
    assert [r[0][2] for r in lo["data"]["PBJ"]][1:] == [
        r["Kode IKU"] for r in baris_sheet(master, "PBJ")
    ]
    [[seri]] = [g for g in lo["series"][skema.REKAP] if len(g) == 1]
    sembilan = [k for k in SEPULUH if k != "PBJ"]
    assert seri["kategori"]["isi"] == sembilan, "SETDA's total is not a bar"
    rekap = {r["Kode Bagian"]: r for r in baris_sheet(master, skema.REKAP)}
    assert seri["nilai"]["isi"] == [rekap[k]["Rata-rata Capaian (%)"] for k in sembilan]
    assert len(lo["buttons"]) == len(PERINTAH)


# ------------------------------------------------------------------------------ refusals


@pytest.mark.parametrize(
    ("argumen", "pesan"),
    [
        (["tambah", "KERJA SAMA", "--nama", "Bagian Kerja Sama"], "'KERJA SAMA'"),
        (["tambah", "K" * 32, "--nama", "Bagian Kerja Sama"], "paling banyak 31"),
        (["tambah", "Penerimaan", "--nama", "Bagian Kerja Sama"], "bukan nama sheet lain"),
        (["tambah", "HUKUM", "--nama", "Bagian Hukum"], "sudah ada"),
        (["tambah", "hukum", "--nama", "Bagian Hukum"], "sudah ada"),
        (["tambah", "KERJASAMA"], "--nama"),
        (["tambah", "KERJASAMA", "--nama", "  "], "--nama"),
        (
            ["tambah", "KERJASAMA", "--nama", "Bagian Kerja Sama", "--nip", "1982"],
            "'1982' tidak sah",
        ),
        (["ubah", "KERJASAMA", "--nama", "Bagian Kerja Sama"], "Kode yang ada: TAPEM"),
        (["ubah", "ORG", "--kode-baru", "HUKUM"], "sudah dipakai"),
        (["ubah", "ORG", "--kode-baru", "ORG TALA"], "tanpa spasi"),
        (["ubah", "ORG", "--nip", "19810412200512200"], "opsi --nip"),
        (["ubah", "ORG", "--nama", "Bagian Organisasi"], "Tidak ada yang diubah"),
        (["hapus", "KERJASAMA"], "Kode yang ada: TAPEM"),
    ],
)
def test_a_wrong_change_is_refused_and_changes_nothing(
    kerja_jalan: Path, capsys: pytest.CaptureFixture[str], argumen: list[str], pesan: str
) -> None:
    master = kerja_jalan / skema.NAMA_MASTER
    sebelum = sidik_folder(kerja_jalan)
    capsys.readouterr()
    assert _pyxl(master, "bagian", *argumen) == 1
    err = capsys.readouterr().err
    assert pesan in err
    assert "Traceback" not in err and "error:" not in err
    assert sidik_folder(kerja_jalan) == sebelum


# ------------------------------------------------------------------------------ the buttons

STEMPEL = {(skema.RIWAYAT_BAGIAN, "Waktu")}
"""The one time a Bagian button writes that is the time of the run itself."""
ISIAN_TOMBOL = kendali.ISIAN[: kendali.ISIAN.index("Email") + 1]
"""The Kendali input cells the Bagian buttons read (and clear)."""


def _isi_kendali(master: Path, isian: dict[str, Any]) -> None:
    """Type the button's inputs into Kendali (label in column B, value in column C)."""
    wb = openpyxl.load_workbook(master, keep_vba=True)
    ws = wb[skema.KENDALI]
    for label, nilai in isian.items():
        baris = kendali.baris_isian(label)
        assert ws.cell(baris, kendali.KOLOM_ISIAN_LABEL).value == label
        ws.cell(baris, kendali.KOLOM_ISIAN_NILAI).value = nilai
    wb.save(master)


@pytest.mark.parametrize(
    ("tombol", "isian", "perintah"),
    [
        (
            "bagian_tambah",
            {
                "Kode Bagian": KERJASAMA["Kode"],
                "Nama Bagian": KERJASAMA["Nama Bagian"],
                "Asisten": KERJASAMA["Asisten"],
                "Kepala Bagian": KERJASAMA["Kepala Bagian"],
                "NIP": KERJASAMA["NIP"],
                "Pangkat": KERJASAMA["Pangkat"],
                "Email": KERJASAMA["Email"],
            },
            TAMBAH_KERJASAMA,
        ),
        (
            "bagian_ubah",
            {"Kode Bagian": "ORG", "Kode Baru": "ORTALA", "Nama Bagian": "Bagian Ortala"},
            ["bagian", "ubah", "ORG", "--kode-baru", "ORTALA", "--nama", "Bagian Ortala"],
        ),
        (
            "bagian_ubah",
            {"Kode Bagian": "HUKUM", "Email": "hukum.baru@setda.waykanan.example"},
            ["bagian", "ubah", "HUKUM", "--email", "hukum.baru@setda.waykanan.example"],
        ),
        ("bagian_hapus", {"Kode Bagian": "PBJ"}, ["bagian", "hapus", "PBJ"]),
    ],
    ids=["tambah", "ubah-kode", "ubah-email", "hapus"],
)
def test_each_bagian_button_makes_the_change_its_command_makes(
    kerja_jalan: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    tombol: str,
    isian: dict[str, str],
    perintah: list[str],
) -> None:
    import shutil

    monkeypatch.setenv("PYXL_PENGGUNA", "uji")
    cli = tmp_path / "cli"
    shutil.copytree(kerja_jalan, cli)
    master = kerja_jalan / skema.NAMA_MASTER
    _isi_kendali(master, isian)
    sebelum = master.read_bytes()

    actions = klik(master, tombol, monkeypatch)
    assert master.read_bytes() == sebelum, "the live workbook is Excel's to save"
    assert [a["func"] for a in actions][-2:] == ["save", "alert"]
    assert actions[-1]["args"][3] == "info", actions[-1]["args"][0]
    nama = openpyxl.load_workbook(master, read_only=True).sheetnames
    [kosong] = [
        a
        for a in actions
        if a["func"] == "setValues"
        and a["sheet_position"] == nama.index(skema.KENDALI)
        and a["start_column"] == kendali.KOLOM_ISIAN_NILAI - 1
    ]
    assert kosong["start_row"] == kendali.baris_isian("Kode Bagian") - 1
    assert kosong["values"] == [[""]] * len(ISIAN_TOMBOL), "every input cleared"
    assert not [a for a in actions if "chart" in a["func"].lower()], (
        "the remote engine has no chart series: the range follows in Excel only"
    )
    if tombol == "bagian_tambah":
        [salin] = [a for a in actions if a["func"] == "copySheet"]
        assert nama[salin["sheet_position"]] == "TAPEM"
        assert salin["args"][:2] == ["After", nama.index("RENKEU")]

    assert _pyxl(cli / skema.NAMA_MASTER, *perintah) == 0
    sama_dengan_perintah(master, actions, cli / skema.NAMA_MASTER, stempel=STEMPEL)


def test_the_tambah_button_brings_a_retired_bagian_back(
    kerja_jalan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    monkeypatch.setenv("PYXL_PENGGUNA", "uji")
    master = kerja_jalan / skema.NAMA_MASTER
    assert _pyxl(master, "bagian", "hapus", "PBJ") == 0
    cli = tmp_path / "cli"
    shutil.copytree(kerja_jalan, cli)
    _isi_kendali(master, {"Kode Bagian": "PBJ", "Nama Bagian": "Bagian Pengadaan Barang dan Jasa"})
    actions = klik(master, "bagian_tambah", monkeypatch)
    nama = openpyxl.load_workbook(master, read_only=True).sheetnames
    [tampak] = [a for a in actions if a["func"] == "setSheetVisibility"]
    assert (nama[tampak["sheet_position"]], tampak["args"]) == ("PBJ", ["Visible"])
    assert not [a for a in actions if a["func"] in ("copySheet", "setSheetName")]
    assert (
        _pyxl(
            cli / skema.NAMA_MASTER,
            "bagian",
            "tambah",
            "PBJ",
            "--nama",
            "Bagian Pengadaan Barang dan Jasa",
        )
        == 0
    )
    sama_dengan_perintah(master, actions, cli / skema.NAMA_MASTER, stempel=STEMPEL)


@pytest.mark.parametrize("tombol", ["bagian_tambah", "bagian_ubah", "bagian_hapus"])
def test_a_bagian_button_without_a_code_names_the_cell_to_fill(
    master: Path, monkeypatch: pytest.MonkeyPatch, tombol: str
) -> None:
    _isi_kendali(master, {"Nama Bagian": "Bagian Kerja Sama"})
    actions = klik(master, tombol, monkeypatch)
    assert [a["func"] for a in actions] == ["alert"], "nothing written, nothing saved"
    pesan, _judul, _tombol, mode, _ = actions[0]["args"]
    assert mode == "critical"
    assert f"'Kode Bagian' di sheet Kendali sel C{kendali.baris_isian('Kode Bagian')}" in pesan


def test_a_nip_typed_as_a_number_is_refused_not_cut(
    master: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Excel keeps 15 digits of a number: an 18-digit NIP typed without the apostrophe comes
    to Python as 198203152006040992 (a float), never to be saved as a NIP."""
    _isi_kendali(
        master, {"Kode Bagian": "ORG", "NIP": 198203152006041002, "Pangkat": "Pembina (IV/a)"}
    )
    actions = klik(master, "bagian_ubah", monkeypatch)
    assert [a["func"] for a in actions] == ["alert"], "nothing written, nothing saved"
    pesan, _judul, _tombol, mode, _ = actions[0]["args"]
    assert mode == "critical"
    assert f"sel C{kendali.baris_isian('NIP')}" in pesan and "tanda petik" in pesan
    assert "198203152006040992" not in pesan


def test_an_unexpected_error_in_a_button_is_logged_and_nothing_is_written(
    kerja_jalan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyxl.tombol
    from pyxl.langkah import bagian

    def rusak(*a: object, **k: object) -> None:
        raise ZeroDivisionError("pembagian dengan nol (simulasi)")

    monkeypatch.setattr(bagian, "_rekap_ikuti", rusak)
    master = kerja_jalan / skema.NAMA_MASTER
    _isi_kendali(master, {"Kode Bagian": "KERJASAMA", "Nama Bagian": "Bagian Kerja Sama"})
    sebelum = sidik_folder(kerja_jalan)
    actions = klik(master, "bagian_tambah", monkeypatch)
    assert [a["func"] for a in actions] == ["alert"], "no write, no save on the workbook"
    pesan, _judul, _tombol, mode, _ = actions[0]["args"]
    assert mode == "critical"
    assert pyxl.tombol.BERKAS_GALAT in pesan and "tidak terduga" in pesan
    assert "Buku kerja tidak diubah" in pesan and "Traceback" not in pesan
    log = kerja_jalan / pyxl.tombol.BERKAS_GALAT
    teks = log.read_text(encoding="utf-8")
    assert "Traceback" in teks and "ZeroDivisionError: pembagian dengan nol" in teks
    assert "tombol bagian_tambah" in teks
    sesudah = sidik_folder(kerja_jalan)
    assert sesudah.pop(pyxl.tombol.BERKAS_GALAT)
    assert sesudah == sebelum, "nothing else in the working folder changed"
