"""The stamp of an issued format (`pyxl.inti.stempel`): canonical cells, signatures, the stamp's
key/value form, and `verifikasi` on a real format issued from the sample master."""

from __future__ import annotations

import hashlib
import hmac
import io
import re
import shutil
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as strategi
from openpyxl.packaging.custom import CustomPropertyList

from conftest import ASING
from pyxl.alat.simulasi import isi_format, isian_contoh
from pyxl.bangun.kerja import buat_folder_kerja
from pyxl.buku.sistem import rahasia
from pyxl.buku.tabel import baca_tabel
from pyxl.buku.xlsm import buka
from pyxl.contoh.muat import TAHUN_CONTOH
from pyxl.galat import FormatRusak
from pyxl.inti import stempel
from pyxl.inti.sel import sebagai_teks
from pyxl.inti.stempel import (
    KOLOM_TERKUNCI,
    SHEET_FORMAT,
    SHEET_STEMPEL,
    TAK_TERBACA,
    TEMPLAT_ID,
    VERSI_TEMPLAT,
    Stempel,
    kanonik,
    nilai_kanonik,
    tanda_tangan,
    terbitkan,
    verifikasi,
)
from pyxl.jalan.konteks import Konteks
from pyxl.kontrak import skema
from pyxl.langkah import jalankan

RAHASIA = b"0123456789abcdef" * 4
WAKTU = datetime(2027, 1, 5, 9, 30, 15)


# --- nilai_kanonik / kanonik ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (1 / 3, 0.333333333333333),  # LibreOffice writes 15 significant digits
        (2 / 3, 0.666666666666667),
        (0.1 + 0.2, 0.3),
        (95, 95.0),
        (2026, "2026"),
        (-0.0, 0),
        (-0.0, 0.0),
        (1e20, 100_000_000_000_000_000_000),
    ],
)
def test_numbers_are_canonical_to_15_significant_digits(a: object, b: object) -> None:
    assert nilai_kanonik(a) == nilai_kanonik(b)


@pytest.mark.parametrize(
    ("nilai", "teks"),
    [
        (None, ""),
        (0, "0"),
        (-0.0, "0"),
        (95, "95"),
        (95.0, "95"),
        (97.3, "97.3"),
        (1 / 3, "0.333333333333333"),
        (-2.5, "-2.5"),
        (980_000_000.0, "980000000"),
        (1e20, "1e+20"),
        (True, "TRUE"),
        (False, "FALSE"),
        ("=TRUE()", "TRUE"),
        ("=FALSE()", "FALSE"),
        ("=true()", "TRUE"),
        ("  =TRUE()  ", "TRUE"),
        ("=1+1", "=1+1"),
        ("  Persentase  ", "Persentase"),
        ("baris satu\r\nbaris dua\rtiga", "baris satu\nbaris dua\ntiga"),
        ("\t\n", ""),
        (date(2026, 12, 31), "2026-12-31"),
        (datetime(2026, 12, 31), "2026-12-31"),
        (datetime(2026, 12, 31, 8, 5, 9, 123456), "2026-12-31T08:05:09"),
        (time(7, 30), "07:30:00"),
    ],
)
def test_nilai_kanonik(nilai: object, teks: str) -> None:
    assert nilai_kanonik(nilai) == teks


def test_angka_kanonik_writes_what_a_15_digit_reader_reads() -> None:
    assert stempel.angka_kanonik(1 / 3) == 0.333333333333333
    assert stempel.angka_kanonik(0.1 + 0.2) == 0.3
    assert stempel.angka_kanonik(95) == 95.0
    x = stempel.angka_kanonik(2 / 3)
    assert nilai_kanonik(x) == nilai_kanonik(2 / 3) and float(format(x, ".15g")) == x


def test_text_is_nfc_normalised() -> None:
    terurai = "Pe\u0301mbangunan Kampung"  # e + combining acute accent
    assert unicodedata.is_normalized("NFC", terurai) is False
    assert nilai_kanonik(terurai) == unicodedata.normalize("NFC", terurai)
    assert nilai_kanonik(terurai) == nilai_kanonik("P\u00e9mbangunan Kampung")
    assert nilai_kanonik(" \u00c5ngstr\u00f6m ") == "\u00c5ngstr\u00f6m"


def test_booleans_equal_their_libreoffice_formulas() -> None:
    assert nilai_kanonik(True) == nilai_kanonik("=TRUE()")
    assert nilai_kanonik(False) == nilai_kanonik("=FALSE()")
    assert nilai_kanonik(True) != nilai_kanonik(1)


def test_canonical_text_is_never_repr() -> None:
    class Aneh:
        def __str__(self) -> str:
            return "  aneh  "

    assert nilai_kanonik(Aneh()) == "aneh"


def _baris(**ganti: object) -> dict[str, object]:
    dasar: dict[str, object] = dict.fromkeys(skema.KOLOM_INDIKATOR)
    dasar |= {
        "Kode IKU": "IKU-HUKUM-01",
        "Indikator Kinerja": "Persentase produk hukum tepat waktu",
        "Satuan": "%",
        "Polaritas": "Positif",
        "Target": 95,
        "Pagu Anggaran": 980_000_000,
    }
    return dasar | ganti


def test_kanonik_signs_only_locked_columns() -> None:
    assert set(KOLOM_TERKUNCI) == set(skema.KOLOM_INDIKATOR) - set(skema.KOLOM_ISIAN)
    dasar = kanonik([_baris()], "HUKUM", 2026, "IKU-2026-HUKUM-0A1B2C3D")
    diisi = kanonik(
        [_baris(Realisasi=97.3, **{"Realisasi Anggaran": 1.0, "Keterangan": "catatan"})],
        "HUKUM",
        2026,
        "IKU-2026-HUKUM-0A1B2C3D",
    )
    assert dasar == diisi, "the cells a Bagian fills are not signed"
    for kolom in KOLOM_TERKUNCI:
        ubah = kanonik([_baris(**{kolom: "lain"})], "HUKUM", 2026, "IKU-2026-HUKUM-0A1B2C3D")
        assert ubah != dasar, kolom


def test_kanonik_covers_code_year_id_and_row_order() -> None:
    rows = [_baris(), _baris(**{"Kode IKU": "IKU-HUKUM-02", "Target": 14})]
    dasar = kanonik(rows, "HUKUM", 2026, "X")
    assert kanonik(rows, "KESRA", 2026, "X") != dasar
    assert kanonik(rows, "HUKUM", 2027, "X") != dasar
    assert kanonik(rows, "HUKUM", 2026, "Y") != dasar
    assert kanonik(rows[::-1], "HUKUM", 2026, "X") != dasar
    assert kanonik(rows[:1], "HUKUM", 2026, "X") != dasar
    assert kanonik(rows, "HUKUM", "2026", "X") == dasar
    assert kanonik(rows, "HUKUM", 2026.0, "X") == dasar  # type: ignore[arg-type]


def test_kanonik_is_stable_across_rewriting_programs() -> None:
    asli = [_baris(Target=1 / 3, Sasaran="Pe\u0301mbangunan", Formula=True)]
    tulis_ulang = [
        _baris(Target=0.333333333333333, Sasaran=" P\u00e9mbangunan\r\n", Formula="=TRUE()")
    ]
    assert kanonik(asli, "HUKUM", 2026, "X") == kanonik(tulis_ulang, "HUKUM", 2026, "X")


def test_kanonik_is_utf8_json_without_escapes() -> None:
    data = kanonik([_baris(Sasaran="Peningkatan mutu — layanan")], "HUKUM", 2026, "X")
    teks = data.decode("utf-8")
    assert "—" in teks and "\\u" not in teks
    assert teks.startswith(f'["{TEMPLAT_ID}","{VERSI_TEMPLAT}","HUKUM","2026","X",')


# --- tanda_tangan / terbitkan -------------------------------------------------------------


def test_tanda_tangan_is_hmac_sha256_hex() -> None:
    data = b"isi yang ditandatangani"
    ttd = tanda_tangan(RAHASIA, data)
    assert ttd == hmac.new(RAHASIA, data, hashlib.sha256).hexdigest()
    assert re.fullmatch(r"[0-9a-f]{64}", ttd)
    assert tanda_tangan(RAHASIA + b"x", data) != ttd
    assert tanda_tangan(RAHASIA, data + b"x") != ttd
    assert ttd != hashlib.sha256(data).hexdigest(), "keyed, not a plain digest"


def test_terbitkan_fills_every_field() -> None:
    rows = [_baris(), _baris(**{"Kode IKU": "IKU-HUKUM-02"})]
    st = terbitkan(rows, "HUKUM", 2026, RAHASIA, WAKTU.replace(microsecond=987), 8)
    assert re.fullmatch(r"IKU-2026-HUKUM-[0-9A-F]{8}", st.id_format)
    assert (st.id_templat, st.versi_templat) == (TEMPLAT_ID, VERSI_TEMPLAT)
    assert (st.kode_bagian, st.tahun, st.baris_judul, st.jumlah_baris) == ("HUKUM", 2026, 8, 2)
    assert st.waktu_terbit == "2027-01-05T09:30:15"
    assert st.tanda_tangan == tanda_tangan(RAHASIA, kanonik(rows, "HUKUM", 2026, st.id_format))
    assert st.sidik_konten == tanda_tangan(RAHASIA, kanonik(rows, "HUKUM", 2026, ""))
    assert st.sidik_konten != st.tanda_tangan


def test_terbitkan_gives_a_fresh_id_and_the_same_content_digest() -> None:
    rows = [_baris()]
    semua = [terbitkan(rows, "ORG_2", 2026, RAHASIA, WAKTU, 8) for _ in range(5)]
    assert len({s.id_format for s in semua}) == 5
    assert len({s.tanda_tangan for s in semua}) == 5
    assert len({s.sidik_konten for s in semua}) == 1, "sidik_konten does not depend on the id"
    assert all(s.id_format.startswith("IKU-2026-ORG_2-") for s in semua)
    lain = terbitkan([_baris(Target=90)], "ORG_2", 2026, RAHASIA, WAKTU, 8)
    assert lain.sidik_konten != semua[0].sidik_konten, "changed content, changed digest"
    kunci_lain = terbitkan(rows, "ORG_2", 2026, RAHASIA[::-1], WAKTU, 8)
    assert kunci_lain.sidik_konten != semua[0].sidik_konten


# --- Stempel as key/value pairs -----------------------------------------------------------


def _stempel() -> Stempel:
    return terbitkan([_baris()], "HUKUM", 2026, RAHASIA, WAKTU, 8)


def test_pasangan_lists_every_field_as_text_in_order() -> None:
    st = _stempel()
    pasangan = st.pasangan()
    assert [k for k, _ in pasangan] == [
        "ID Templat",
        "Versi Templat",
        "Kode Bagian",
        "Tahun",
        "ID Format",
        "Waktu Terbit",
        "Baris Judul",
        "Jumlah Baris",
        "Sidik Konten",
        "Tanda Tangan",
        "Periode",
    ]
    assert all(isinstance(v, str) for _, v in pasangan)
    assert dict(pasangan)["Tahun"] == "2026" and dict(pasangan)["ID Format"] == st.id_format


def test_dari_kamus_round_trip() -> None:
    st = _stempel()
    assert Stempel.dari_kamus(dict(st.pasangan())) == st


def test_dari_kamus_reads_numbers_as_a_spreadsheet_returns_them() -> None:
    st = _stempel()
    dibaca: dict[str, object] = dict(st.pasangan())
    dibaca |= {"Versi Templat": 3.0, "Tahun": 2026.0, "Baris Judul": 8.0, "Jumlah Baris": 1.0}
    dibaca["Kode Bagian"] = "  HUKUM "
    assert Stempel.dari_kamus(dibaca) == st


@pytest.mark.parametrize(
    "ganti",
    [
        {"Tahun": "dua ribu dua puluh enam"},
        {"Tahun": ""},
        {"Tahun": None},
        {"Jumlah Baris": "lima"},
        {"Jumlah Baris": -1},
        {"Baris Judul": 0},
        {"Baris Judul": "inf"},
        {"Versi Templat": "nan"},
        {"Versi Templat": float("inf")},
    ],
    ids=repr,
)
def test_dari_kamus_refuses_malformed_values(ganti: dict[str, object]) -> None:
    nilai: dict[str, object] = dict(_stempel().pasangan())
    assert Stempel.dari_kamus(nilai | ganti) is None


@pytest.mark.parametrize("hilang", [k for k, _ in _stempel().pasangan() if k != "Periode"])
def test_dari_kamus_refuses_a_missing_key(hilang: str) -> None:
    nilai = dict(_stempel().pasangan())
    del nilai[hilang]
    assert Stempel.dari_kamus(nilai) is None


def test_a_stamp_of_an_earlier_release_has_no_period_and_belongs_to_the_year() -> None:
    nilai = dict(_stempel().pasangan())
    del nilai["Periode"]
    st = Stempel.dari_kamus(nilai)
    assert st is not None and st.periode == "Tahunan"


def test_a_quarterly_stamp_keeps_its_period() -> None:
    st = terbitkan([_baris()], "HUKUM", 2026, RAHASIA, WAKTU, 8, "TW III")
    assert dict(st.pasangan())["Periode"] == "TW III"
    assert Stempel.dari_kamus(dict(st.pasangan())) == st


def test_dari_kamus_zero_rows_is_allowed() -> None:
    nilai: dict[str, object] = dict(_stempel().pasangan())
    st = Stempel.dari_kamus(nilai | {"Jumlah Baris": 0})
    assert st is not None and st.jumlah_baris == 0


# --- verifikasi on a real issued format ---------------------------------------------------


class _Diam:
    def status(self, pesan: str) -> None: ...
    def info(self, pesan: str) -> None: ...
    def galat(self, pesan: str) -> None: ...


@dataclass(frozen=True)
class Terbit:
    folder: Path
    format: Path
    """HUKUM's issued format."""
    secret: bytes
    ledger: dict[str, Any]
    """HUKUM's row of `Format Terbit`."""


@pytest.fixture(scope="module")
def terbit(tmp_path_factory: pytest.TempPathFactory) -> Terbit:
    """A sample working folder whose formats have been issued (step 2), built once."""
    folder = tmp_path_factory.mktemp("stempel") / "kerja"
    buat_folder_kerja(folder, TAHUN_CONTOH, contoh=True)
    master = folder / skema.NAMA_MASTER
    with buka(master) as buku:
        jalankan("format", Konteks(buku, _Diam(), pengguna="uji"), batas_waktu="20 Januari 2027")
    with buka(master, hanya_baca=True) as buku:
        secret = rahasia(buku)
        [ledger] = [
            r
            for r in baca_tabel(buku, skema.FORMAT_TERBIT)
            if sebagai_teks(r["Kode Bagian"]) == "HUKUM"
        ]
    berkas = folder / skema.FOLDER_FORMAT / f"HUKUM_Format_IKU_{TAHUN_CONTOH}.xlsx"
    return Terbit(folder, berkas, secret, ledger)


def _ubah(asal: Path, ubah: Callable[[Any], object]) -> bytes:
    """`asal` opened and saved by openpyxl after `ubah(workbook)`, as bytes."""
    wb = openpyxl.load_workbook(asal)
    ubah(wb)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _sel(kolom: str, baris: int, nilai: object) -> Callable[[Any], object]:
    def ubah(wb: Any) -> None:
        wb[SHEET_FORMAT].cell(
            row=baris, column=skema.KOLOM_INDIKATOR.index(kolom) + 1
        ).value = nilai

    return ubah


def test_an_issued_format_is_valid(terbit: Terbit) -> None:
    st = stempel.baca_stempel(terbit.format)
    assert st is not None
    assert (st.kode_bagian, st.tahun, st.id_format) == (
        "HUKUM",
        TAHUN_CONTOH,
        terbit.ledger["ID Format"],
    )
    for sumber in (terbit.format, str(terbit.format), terbit.format.read_bytes()):
        v = verifikasi(sumber, terbit.secret)
        assert v.sah and v.alasan == "" and not v.rusak
        assert v.stempel == st
        assert len(v.isi) == st.jumlah_baris > 0
        assert [r["_baris"] for r in v.isi] == list(
            range(st.baris_judul + 1, st.baris_judul + 1 + st.jumlah_baris)
        )
        assert v.sidik_konten == st.sidik_konten == terbit.ledger["Sidik Konten"]


def test_the_signature_is_over_the_cells_as_read_back(terbit: Terbit) -> None:
    v = verifikasi(terbit.format, terbit.secret)
    assert v.stempel is not None
    data = kanonik(v.isi, "HUKUM", TAHUN_CONTOH, v.stempel.id_format)
    assert tanda_tangan(terbit.secret, data) == v.stempel.tanda_tangan


def test_a_filled_format_stays_valid(terbit: Terbit, tmp_path: Path) -> None:
    diisi = isi_format(terbit.format, tmp_path / "HUKUM.xlsx", isian_contoh("HUKUM"))
    v = verifikasi(diisi, terbit.secret)
    assert v.sah, v.alasan
    assert v.isi[0]["Realisasi"] == isian_contoh("HUKUM")[0]["Realisasi"]
    assert v.sidik_konten == terbit.ledger["Sidik Konten"]


@pytest.mark.parametrize(
    ("kolom", "nilai"),
    [("Target", 1.0), ("Kode IKU", "IKU-HUKUM-99"), ("Polaritas", "Negatif"), ("Satuan", "")],
)
def test_a_changed_locked_cell_is_invalid(terbit: Terbit, kolom: str, nilai: object) -> None:
    v = verifikasi(_ubah(terbit.format, _sel(kolom, 9, nilai)), terbit.secret)
    assert not v.sah and not v.rusak
    assert "tanda tangan tidak cocok" in v.alasan
    assert v.stempel is not None and len(v.isi) == v.stempel.jumlah_baris
    assert v.sidik_konten != terbit.ledger["Sidik Konten"], "the content digest sees the edit"


def test_an_added_row_is_reported(terbit: Terbit) -> None:
    st = stempel.baca_stempel(terbit.format)
    assert st is not None
    baris_baru = st.baris_judul + st.jumlah_baris + 1
    v = verifikasi(
        _ubah(terbit.format, _sel("Kode IKU", baris_baru, "IKU-HUKUM-99")), terbit.secret
    )
    assert not v.sah and not v.rusak
    assert len(v.isi) == st.jumlah_baris + 1
    assert v.isi[-1]["Kode IKU"] == "IKU-HUKUM-99" and v.isi[-1]["_baris"] == baris_baru
    assert f"jumlah baris indikator {st.jumlah_baris + 1}" in v.alasan
    assert f"dengan {st.jumlah_baris} baris" in v.alasan


def test_a_deleted_row_is_reported(terbit: Terbit) -> None:
    st = stempel.baca_stempel(terbit.format)
    assert st is not None
    data = _ubah(terbit.format, lambda wb: wb[SHEET_FORMAT].delete_rows(st.baris_judul + 2))
    v = verifikasi(data, terbit.secret)
    assert not v.sah and len(v.isi) == st.jumlah_baris - 1
    assert "ditambah atau dihapus" in v.alasan


def test_a_wrong_secret_is_invalid(terbit: Terbit) -> None:
    v = verifikasi(terbit.format, terbit.secret[::-1])
    assert not v.sah and not v.rusak
    assert "tanda tangan tidak cocok" in v.alasan
    assert v.stempel == stempel.baca_stempel(terbit.format), "the stamp itself is still read"
    assert v.sidik_konten != terbit.ledger["Sidik Konten"]


def test_a_changed_header_is_reported(terbit: Terbit) -> None:
    v = verifikasi(_ubah(terbit.format, _sel("Sasaran", 8, "Tujuan")), terbit.secret)
    assert not v.sah and not v.rusak and v.stempel is not None
    assert v.alasan.startswith("tabel format tidak dapat dibaca")
    assert "Judul kolom di baris 8" in v.alasan


def _isi_stempel(wb: Any, kunci: str, nilai: str) -> None:
    ws = wb[SHEET_STEMPEL]
    [sel] = [r[1] for r in ws.iter_rows(min_col=1, max_col=2) if r[0].value == kunci]
    sel.value = nilai


def test_sheet_and_properties_that_disagree_are_invalid(terbit: Terbit) -> None:
    data = _ubah(terbit.format, lambda wb: _isi_stempel(wb, "Jumlah Baris", "6"))
    v = verifikasi(data, terbit.secret)
    assert not v.sah and v.stempel is None and not v.rusak
    assert "berbeda dengan properti dokumen" in v.alasan


def test_an_unknown_template_version_is_refused(terbit: Terbit) -> None:
    def versi_9(wb: Any) -> None:
        _isi_stempel(wb, "Versi Templat", "9")
        wb.custom_doc_props["Versi Templat"].value = "9"

    v = verifikasi(_ubah(terbit.format, versi_9), terbit.secret)
    assert not v.sah and v.alasan == "versi templat 9 tidak dikenal"


def test_a_foreign_template_id_is_refused(terbit: Terbit) -> None:
    def templat_lain(wb: Any) -> None:
        _isi_stempel(wb, "ID Templat", "TEMPLAT-LAIN")
        wb.custom_doc_props["ID Templat"].value = "TEMPLAT-LAIN"

    v = verifikasi(_ubah(terbit.format, templat_lain), terbit.secret)
    assert not v.sah and v.stempel is None
    assert "TEMPLAT-LAIN" in v.alasan and TEMPLAT_ID in v.alasan


@pytest.mark.parametrize("hilang", ["sheet", "properti"])
def test_either_copy_of_the_stamp_is_enough(terbit: Terbit, hilang: str) -> None:
    def buang(wb: Any) -> None:
        if hilang == "sheet":
            wb.remove(wb[SHEET_STEMPEL])
        else:
            wb.custom_doc_props = CustomPropertyList()

    v = verifikasi(_ubah(terbit.format, buang), terbit.secret)
    assert v.sah, v.alasan


def test_a_format_without_its_stamp_is_not_a_format(terbit: Terbit) -> None:
    def buang(wb: Any) -> None:
        wb.remove(wb[SHEET_STEMPEL])
        wb.custom_doc_props = CustomPropertyList()

    v = verifikasi(_ubah(terbit.format, buang), terbit.secret)
    assert not v.sah and v.stempel is None and not v.rusak
    assert "tidak berstempel" in v.alasan


def test_a_spreadsheet_that_is_not_a_format(terbit: Terbit, tmp_path: Path) -> None:
    asing = shutil.copy(ASING / "dft_master.xlsx", tmp_path / "lain.xlsx")
    assert stempel.baca_stempel(asing) is None
    v = verifikasi(asing, terbit.secret)
    assert not v.sah and v.stempel is None and not v.rusak and v.isi == []
    assert "tidak berstempel" in v.alasan


@pytest.mark.parametrize(
    "data", [b"", b"bukan buku kerja", b"PK\x03\x04" + b"\0" * 50], ids=["kosong", "teks", "zip"]
)
def test_an_unreadable_file_is_corrupt_not_edited(terbit: Terbit, data: bytes) -> None:
    v = verifikasi(data, terbit.secret)
    assert not v.sah and v.rusak and v.stempel is None
    assert v.alasan == TAK_TERBACA


def test_a_truncated_format_is_corrupt(terbit: Terbit, tmp_path: Path) -> None:
    potong = tmp_path / "potong.xlsx"
    potong.write_bytes(terbit.format.read_bytes()[:3000])
    assert stempel.baca_stempel(potong) is None
    v = verifikasi(potong, terbit.secret)
    assert not v.sah and v.rusak


def test_baca_isi_format_reads_the_table_and_refuses_a_changed_header(
    terbit: Terbit, tmp_path: Path
) -> None:
    st = stempel.baca_stempel(terbit.format)
    assert st is not None
    isi = stempel.baca_isi_format(terbit.format, st)
    assert isi == verifikasi(terbit.format, terbit.secret).isi
    assert isi[0]["Kode IKU"] == "IKU-HUKUM-01" and isi[0]["Realisasi"] is None
    ubah = tmp_path / "judul.xlsx"
    ubah.write_bytes(_ubah(terbit.format, _sel("Target", st.baris_judul, "Sasaran Target")))
    with pytest.raises(FormatRusak, match="Judul kolom"):
        stempel.baca_isi_format(ubah, st)


# --- document properties read by patterns ---------------------------------------------------

_NS = (
    'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"',
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"',
)
_BAKU = (  # as LibreOffice 7 and Excel write it (the namespace of the values on the root)
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f"<Properties {_NS[0]} {_NS[1]}>"
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="ID Templat">'
    "<vt:lpwstr>PYXL-FORMAT-IKU</vt:lpwstr></property>"
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Tahun">'
    "<vt:lpwstr>2026</vt:lpwstr></property></Properties>"
).encode()


def _properti_xml(mentah: bytes) -> dict[str, object] | None:
    from defusedxml.ElementTree import fromstring

    try:
        akar = fromstring(mentah)
    except Exception:
        return None
    return {p.get("name", ""): "".join(p.itertext()) for p in akar if p.get("name")}


def test_the_properties_of_an_issued_format_are_read_by_patterns(terbit: Terbit) -> None:
    import zipfile

    with zipfile.ZipFile(terbit.format) as z:
        mentah = z.read("docProps/custom.xml")
    for bentuk in (mentah, _BAKU):
        biasa = stempel._properti_biasa(bentuk)
        assert biasa is not None and biasa == _properti_xml(bentuk)
    assert stempel._properti_biasa(mentah)["ID Templat"] == TEMPLAT_ID  # type: ignore[index]


@pytest.mark.parametrize(
    "ubah",
    [
        lambda x: x.replace(b"2026<", b"2026&amp;<"),  # an entity: the parser expands it
        lambda x: x.replace(b" " + _NS[1].encode(), b""),  # the prefix `vt` undeclared
        lambda x: x.replace(b'pid="2"', b'pid="2" pid="9"'),  # an attribute twice
        lambda x: x.replace(b"</property><property", b"</property>\n<property"),
        lambda x: x.replace(b"<vt:lpwstr>2026", b"<vt:lpwstr>20\r\n26"),  # a line end
        lambda x: x.replace(b"</Properties>", b"<x/></Properties>"),
        lambda x: x.replace(b"lpwstr>2026</vt:lpwstr>", b"i4>2026</vt:i4>"),
        lambda x: x.replace(b'<?xml version="1.0"', b'<!DOCTYPE p [<!ENTITY e "1">]><?xml'),
        # a namespace changed where the patterns hold a dot (a dot matches any character)
        lambda x: x.replace(
            b"formats.org/officeDocument/2006/docP", b"formats_org/officeDocument/2006/docP"
        ),
        lambda x: x.replace(
            b"formats.org/officeDocument/2006/custom", b"formats_org/officeDocument/2006/custom"
        ),
    ],
    ids=[
        "entitas",
        "awalan",
        "atribut_ganda",
        "spasi",
        "baris",
        "unsur_lain",
        "i4",
        "dtd",
        "ns_nilai",
        "ns_akar",
    ],
)
def test_any_other_form_of_the_properties_is_left_to_the_parser(
    ubah: Callable[[bytes], bytes],
) -> None:
    assert stempel._properti_biasa(ubah(_BAKU)) is None


@settings(max_examples=300, deadline=None)
@example(_BAKU.index(b"formats.org") + len(b"formats"), 1, b"\x00")  # found in CI: a dot
@given(strategi.integers(0, len(_BAKU)), strategi.integers(0, 12), strategi.binary(max_size=6))
def test_the_patterns_never_read_what_the_parser_reads_otherwise(
    awal: int, panjang: int, sisip: bytes
) -> None:
    """Any part changed at a random place: whatever the patterns accept, the XML parser reads
    to the same properties (what they do not accept is the parser's to read)."""
    mentah = _BAKU[:awal] + sisip + _BAKU[awal + panjang :]
    biasa = stempel._properti_biasa(mentah)
    if biasa is not None:
        assert biasa == _properti_xml(mentah)
