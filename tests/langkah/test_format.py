"""Step 2 end to end: one protected, stamped format per Bagian, read back by real readers."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlsxwriter
from hypothesis import given
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from conftest import sidik_folder
from pyxl.cli import main
from pyxl.inti import stempel
from pyxl.inti.stempel import KOLOM_TERKUNCI, SHEET_FORMAT, SHEET_STEMPEL
from pyxl.kontrak import skema
from remote import aksi, buku_remote

PERSEN_TAMPIL = 'General" %"'
"""The number format of a percent indicator's cells: the number typed, then " %"."""
TAHUN = 2026


def _baris(berkas: Path, sheet: str) -> list[dict[str, Any]]:
    ws = openpyxl.load_workbook(berkas)[sheet]
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:] if any(v is not None for v in r)]


def _rahasia(master: Path) -> bytes:
    ws = openpyxl.load_workbook(master)[skema.SISTEM]
    assert ws.sheet_state == "veryHidden"
    [nilai] = [r[1] for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == "Rahasia Stempel"]
    assert isinstance(nilai, str) and len(nilai) == 64 and int(nilai, 16) >= 0
    return nilai.encode()


def _format(master: Path, kode: str) -> Path:
    return master.parent / skema.FOLDER_FORMAT / f"{kode}_Format_IKU_{TAHUN}.xlsx"


def _kode_bagian(master: Path) -> list[str]:
    return [r["Kode"] for r in _baris(master, skema.BAGIAN)]


def _jalan(master: Path, *opsi: str) -> int:
    return main(["format", "--workbook", str(master), *opsi])


def _cakup(dv: Any, sel: str) -> bool:
    return any(sel in rng for rng in dv.sqref.ranges)


def test_a_format_per_bagian_as_the_contract_says(master: Path) -> None:
    assert _jalan(master) == 0
    secret = _rahasia(master)
    kode_semua = _kode_bagian(master)
    assert len(kode_semua) == 10
    assert sorted(p.name for p in (master.parent / "format").iterdir()) == sorted(
        f"{k}_Format_IKU_{TAHUN}.xlsx" for k in kode_semua
    )
    for kode in kode_semua:
        berkas = _format(master, kode)
        st_ = stempel.baca_stempel(berkas)
        assert st_ is not None and st_.kode_bagian == kode and st_.tahun == TAHUN
        assert st_.id_templat == "PYXL-FORMAT-IKU" and st_.versi_templat == 3
        judul = st_.baris_judul
        induk = _baris(master, kode)
        assert st_.jumlah_baris == len(induk) > 0

        wb = openpyxl.load_workbook(berkas)
        assert wb.sheetnames == [SHEET_FORMAT, SHEET_STEMPEL]
        assert [w.sheet_state for w in wb.worksheets] == ["visible", "hidden"]
        ws = wb[SHEET_FORMAT]
        teks_identitas = " ".join(str(c.value) for r in ws.iter_rows(max_row=judul - 1) for c in r)
        for harus in ("FORMAT PENGUMPULAN DATA KINERJA", kode, "31 Januari 2027", "(0723) 123456"):
            assert harus in teks_identitas
        assert "sel berwarna kuning" in teks_identitas and "jangan menambah" in teks_identitas
        header = [c.value for c in ws[judul]]
        assert header == list(skema.KOLOM_INDIKATOR)
        data = [[c.value for c in r] for r in ws.iter_rows(min_row=judul + 1)]
        assert data == [[r[k] for k in skema.KOLOM_INDIKATOR] for r in induk]
        # locking: only the input cells of the data rows are unlocked
        for r in ws.iter_rows(min_row=1, max_row=judul + len(induk), max_col=17):
            for c in r:
                isian = c.row > judul and header[c.column - 1] in skema.KOLOM_ISIAN
                assert c.protection.locked is not isian, c.coordinate
                assert (c.fill.fgColor.rgb == "FFFFFF99") is isian, c.coordinate
        assert ws.protection.sheet and ws.protection.password
        assert ws.protection.selectLockedCells is False  # False = not forbidden
        # data validation with Indonesian input and error messages on every input cell
        dvs = ws.data_validations.dataValidation
        for i, r in enumerate(induk, start=judul + 1):
            kualitatif = r["Polaritas"] == "Kualitatif"
            for kolom in skema.KOLOM_ISIAN:
                sel = f"{('J', 'N', 'Q', 'V')[skema.KOLOM_ISIAN.index(kolom)]}{i}"
                [dv] = [dv for dv in dvs if _cakup(dv, sel)]
                assert dv.showInputMessage and dv.promptTitle and dv.prompt, sel
                if kolom == "Realisasi" and kualitatif and r.get("Skala"):
                    # the scale's values as a dropdown, best first
                    assert dv.type == "list" and dv.formula1.startswith('"'), sel
                    assert r["Target"] in dv.formula1 and "terbaik" in dv.prompt
                elif kolom == "Realisasi" and kualitatif:
                    assert dv.type is None and f'"{r["Target"]}"' in dv.prompt
                elif kolom == "Realisasi":
                    assert dv.type == "decimal" and dv.showErrorMessage and dv.error
                    contoh = "92,86 untuk 92,86%" if r["Satuan"] == "%" else "1.250 atau 87,5"
                    assert contoh in dv.prompt, (sel, dv.prompt)
                    if r["Satuan"] == "%":  # the "%" shown, never a scaling percent format
                        assert ws[sel].number_format == PERSEN_TAMPIL
                elif kolom == "Realisasi Anggaran":
                    assert (dv.type, dv.operator) == ("decimal", "greaterThanOrEqual")
                    assert dv.formula1 == "0"
                    assert "rupiah" in dv.prompt and "misalnya 1.500.000" in dv.prompt and dv.error
        # print setup
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0
        # three pages wide at 8 pt or more (22 columns) rather than one at 4 pt, the code on
        # each page (the scale itself: tests/bangun/test_kendali_cetak.py)
        assert ws.page_setup.fitToWidth == 3 and ws.print_title_cols == "$A:$A"
        assert ws.print_title_rows == f"${judul}:${judul}" and ws.freeze_panes == f"A{judul + 1}"
        assert ws.column_dimensions["C"].width > 20
        # the stamp twice: hidden sheet and custom properties, the same values
        pasangan = dict(st_.pasangan())
        lembar = {r[0]: r[1] for r in wb[SHEET_STEMPEL].iter_rows(min_row=2, values_only=True)}
        assert lembar == pasangan == {p.name: p.value for p in wb.custom_doc_props}

        cal = CalamineWorkbook.from_path(str(berkas))
        assert [(m.name, str(m.visible)) for m in cal.sheets_metadata] == [
            (SHEET_FORMAT, "SheetVisibleEnum.Visible"),
            (SHEET_STEMPEL, "SheetVisibleEnum.Hidden"),
        ]
        nilai = cal.get_sheet_by_name(SHEET_FORMAT).to_python(skip_empty_area=False)
        assert nilai[judul - 1] == list(skema.KOLOM_INDIKATOR)
        isi = stempel.baca_isi_format(berkas, st_)
        assert [x["Kode IKU"] for x in isi] == [r["Kode IKU"] for r in induk]
        hasil = stempel.verifikasi(berkas, secret)
        assert hasil.sah, hasil.alasan
        assert hasil.sidik_konten == st_.sidik_konten

        # the secret is in the master only, never in a format
        with zipfile.ZipFile(berkas) as z:
            for nama in z.namelist():
                isi_zip = z.read(nama).lower()
                assert secret.lower() not in isi_zip, nama
                assert bytes.fromhex(secret.decode()) not in z.read(nama), nama

    terbit = _baris(master, skema.FORMAT_TERBIT)
    assert [r["No"] for r in terbit] == list(range(1, 11))
    assert [r["Kode Bagian"] for r in terbit] == kode_semua
    for r in terbit:
        st_ = stempel.baca_stempel(_format(master, r["Kode Bagian"]))
        assert st_ is not None
        assert (r["ID Format"], r["Tahun"], r["Versi Templat"], r["Status"]) == (
            st_.id_format,
            TAHUN,
            stempel.VERSI_TEMPLAT,
            "Berlaku",
        )
        assert r["Berkas"] == _format(master, r["Kode Bagian"]).name
        assert r["Sidik Konten"] == st_.sidik_konten != st_.tanda_tangan
    assert len({r["ID Format"] for r in terbit}) == 10
    [log] = _baris(master, skema.LOG_SOP)
    assert log["Langkah"] == 2 and "10 format" in log["Hasil"]


@pytest.mark.parametrize(
    ("sel", "nilai", "alasan"),
    [
        ("H9", 99, "tanda tangan"),  # a Target
        ("A9", "IKU-LAIN-01", "tanda tangan"),  # a Kode IKU
        ("C10", "Indikator lain", "tanda tangan"),
        ("A30", "IKU-TAMBAHAN", "jumlah baris"),  # a row added below the table
        ("H8", "Sasaran Kinerja", "Judul kolom"),  # a header renamed
    ],
)
def test_tampering_with_locked_content_is_detected(
    master: Path, sel: str, nilai: object, alasan: str
) -> None:
    assert _jalan(master, "--bagian", "TAPEM") == 0
    berkas, secret = _format(master, "TAPEM"), _rahasia(master)
    wb = openpyxl.load_workbook(berkas)
    ws = wb[SHEET_FORMAT]
    ws["J9"], ws["N9"], ws["Q9"] = 97.5, 1500000, "diisi Bagian"  # allowed edits
    wb.save(berkas)
    hasil = stempel.verifikasi(berkas, secret)
    assert hasil.sah, hasil.alasan  # filling the yellow cells keeps the format valid
    assert (hasil.isi[0]["Realisasi"], hasil.isi[0]["Keterangan"]) == (97.5, "diisi Bagian")
    ws[sel] = nilai
    wb.save(berkas)
    hasil = stempel.verifikasi(berkas, secret)
    assert not hasil.sah and alasan in hasil.alasan


def test_a_format_signed_with_another_secret_is_invalid(
    master: Path, _kerja_contoh_asli: Path, tmp_path: Path
) -> None:
    lain = tmp_path / "lain"
    shutil.copytree(_kerja_contoh_asli, lain)
    assert _jalan(master, "--bagian", "HUKUM") == 0
    assert _jalan(lain / skema.NAMA_MASTER, "--bagian", "HUKUM") == 0
    asing = _format(lain / skema.NAMA_MASTER, "HUKUM")
    assert stempel.verifikasi(asing, _rahasia(lain / skema.NAMA_MASTER)).sah
    hasil = stempel.verifikasi(asing, _rahasia(master))
    assert not hasil.sah and "tanda tangan" in hasil.alasan
    assert stempel.verifikasi(_format(master, "HUKUM"), _rahasia(master)).sah


def test_rerun_keeps_ids_until_the_content_changes(master: Path) -> None:
    assert _jalan(master) == 0
    pertama = _baris(master, skema.FORMAT_TERBIT)
    assert _jalan(master) == 0
    kedua = _baris(master, skema.FORMAT_TERBIT)
    assert len(kedua) == 20 and [r["No"] for r in kedua] == list(range(1, 21))
    assert all(r["Status"] == "Berlaku" for r in kedua)
    assert len({r["ID Format"] for r in kedua}) == 20
    assert [r["Sidik Konten"] for r in kedua[10:]] == [r["Sidik Konten"] for r in pertama]
    st_ = stempel.baca_stempel(_format(master, "TAPEM"))
    assert st_ is not None and st_.id_format == kedua[10]["ID Format"]  # the file was replaced

    wb = openpyxl.load_workbook(master, keep_vba=True)
    assert wb["TAPEM"]["H1"].value == "Target"
    wb["TAPEM"]["H2"] = 95
    wb.save(master)
    assert _jalan(master) == 0
    ketiga = _baris(master, skema.FORMAT_TERBIT)
    assert len(ketiga) == 30
    status = {(r["No"], r["Kode Bagian"]): r["Status"] for r in ketiga}
    for (no, kode), s in status.items():
        harus = "Diganti" if kode == "TAPEM" and no <= 20 else "Berlaku"
        assert s == harus, (no, kode)
    assert stempel.verifikasi(_format(master, "TAPEM"), _rahasia(master)).sah
    assert "2 format terbitan lama ditandai Diganti" in _baris(master, skema.LOG_SOP)[-1]["Hasil"]


def test_unknown_bagian_changes_nothing(master: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sebelum = sidik_folder(master.parent)
    assert _jalan(master, "--bagian", "XYZ") == 1
    err = capsys.readouterr().err
    assert "Kode Bagian 'XYZ'" in err and "TAPEM" in err and "RENKEU" in err
    assert _jalan(master, "--batas-waktu", "31/02/2027") == 1
    assert "tidak ada di kalender" in capsys.readouterr().err
    assert sidik_folder(master.parent) == sebelum


def test_one_bagian_with_its_own_deadline_into_the_configured_folder(master: Path) -> None:
    wb = openpyxl.load_workbook(master, keep_vba=True)
    [sel] = [r[1] for r in wb[skema.PENGATURAN].iter_rows() if r[0].value == "Folder Format"]
    sel.value = "format 2026"
    wb.save(master)
    assert _jalan(master, "--bagian", "renkeu", "--batas-waktu", "2027-02-15") == 0
    assert not list((master.parent / "format").iterdir())
    berkas = master.parent / "format 2026" / f"RENKEU_Format_IKU_{TAHUN}.xlsx"
    assert [p.name for p in berkas.parent.iterdir()] == [berkas.name]
    ws = openpyxl.load_workbook(berkas)[SHEET_FORMAT]
    assert "15 Februari 2027" in [c.value for r in ws.iter_rows(max_row=7) for c in r]
    [r] = _baris(master, skema.FORMAT_TERBIT)
    assert r["Kode Bagian"] == "RENKEU"


def test_the_deadline_given_is_the_one_the_emails_state(master: Path) -> None:
    """A deadline typed on the command line is recorded in Pengaturan, so step 3's e-mails
    and the reminders state the date printed on the formats."""
    import email

    assert _jalan(master, "--batas-waktu", "18 Januari 2027") == 0
    [r] = [r for r in _baris(master, skema.PENGATURAN) if r["Kunci"] == "Batas Waktu Pengembalian"]
    assert r["Nilai"] == "18 Januari 2027"
    assert main(["kirim", "--workbook", str(master), "--mode", "draf"]) == 0
    draf = sorted((master.parent / skema.FOLDER_KIRIM).glob("*.eml"))
    assert draf
    for berkas in draf:
        pesan = email.message_from_bytes(berkas.read_bytes(), policy=email.policy.default)
        teks = pesan.get_body(("plain",)).get_content()  # type: ignore[union-attr]
        assert "18 Januari 2027" in teks, berkas.name


def test_a_bagian_without_indicators_is_skipped(
    master: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wb = openpyxl.load_workbook(master, keep_vba=True)
    wb["ORG"].delete_rows(2, 50)
    wb.save(master)
    assert _jalan(master) == 0
    out = capsys.readouterr().out
    assert "9 format IKU" in out and "Dilewati karena belum ada indikator: ORG" in out
    assert not _format(master, "ORG").exists() and _format(master, "UMUM").exists()
    assert len(_baris(master, skema.FORMAT_TERBIT)) == 9
    assert _jalan(master, "--bagian", "ORG") == 1
    assert "Belum ada indikator" in capsys.readouterr().err


def test_a_file_that_cannot_be_replaced_leaves_every_format_as_it_was(
    master: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _jalan(master) == 0
    sesudah_pertama = _baris(master, skema.FORMAT_TERBIT)
    # a folder where PBJ's file should go: moving the new file there fails (like a file held open)
    _format(master, "PBJ").unlink()
    (_format(master, "PBJ") / "isi.txt").parent.mkdir()
    (_format(master, "PBJ") / "isi.txt").write_text("x", encoding="utf-8")
    sebelum = sidik_folder(master.parent)
    assert _jalan(master) == 1
    assert "Tidak ada yang diubah" in capsys.readouterr().err
    assert sidik_folder(master.parent) == sebelum  # earlier formats, master: all unchanged
    assert _baris(master, skema.FORMAT_TERBIT) == sesudah_pertama


@pytest.mark.libreoffice
def test_a_format_resaved_by_libreoffice_still_verifies(master: Path, tmp_path: Path) -> None:
    from libreoffice import konversi

    assert _jalan(master, "--bagian", "RENKEU") == 0
    berkas, secret = _format(master, "RENKEU"), _rahasia(master)
    wb = openpyxl.load_workbook(berkas)
    ws = wb[SHEET_FORMAT]
    ws["J9"], ws["J10"], ws["J11"], ws["N11"] = "WTP", 1, 1 / 3, 415000000
    wb.save(berkas)
    keluar = tmp_path / "lo"
    keluar.mkdir()
    hasil_lo = konversi(berkas, "xlsx", keluar)
    assert zipfile.ZipFile(hasil_lo).read("xl/styles.xml") != zipfile.ZipFile(berkas).read(
        "xl/styles.xml"
    )  # really rewritten by another program
    hasil = stempel.verifikasi(hasil_lo, secret)
    assert hasil.sah, hasil.alasan
    assert [r["Realisasi"] for r in hasil.isi[:3]] == ["WTP", 1, pytest.approx(1 / 3)]
    assert hasil.isi[2]["Realisasi Anggaran"] == 415000000
    ws = openpyxl.load_workbook(hasil_lo)[SHEET_FORMAT]
    assert ws.protection.sheet and ws["J9"].protection.locked is False
    assert ws["H9"].protection.locked is True


def _tombol(master: Path, nama: str, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    import pyxl.tombol

    monkeypatch.chdir(master.parent)
    book = buku_remote(master.resolve())
    getattr(pyxl.tombol, nama)()
    return aksi(book)


def test_button_writes_the_ledger_in_one_block(
    master: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    actions = _tombol(master, "format", monkeypatch)
    sheets = openpyxl.load_workbook(master, read_only=True).sheetnames
    tulis = [a for a in actions if a["func"] == "setValues"]
    per_sheet: dict[str, list[dict[str, Any]]] = {}
    for a in tulis:
        per_sheet.setdefault(sheets[a["sheet_position"]], []).append(a)
    [blok] = per_sheet[skema.FORMAT_TERBIT]
    assert (blok["start_row"], blok["row_count"]) == (1, 10)
    [sistem] = [a for a in per_sheet[skema.SISTEM] if a["values"][0][0] == "Rahasia Stempel"]
    secret = str(sistem["values"][0][1]).lstrip("'").encode()
    assert [a["func"] for a in actions][-2:] == ["save", "alert"]
    assert "10 format IKU" in actions[-1]["args"][0]
    for rec in blok["values"]:
        r = dict(zip(skema.KOLOM_FORMAT_TERBIT, rec, strict=True))
        hasil = stempel.verifikasi(master.parent / "format" / r["Berkas"], secret)
        assert hasil.sah, hasil.alasan
        assert hasil.stempel is not None and hasil.stempel.id_format == r["ID Format"]
        assert str(r["Sidik Konten"]).lstrip("'") == hasil.sidik_konten


def test_button_rerun_rewrites_the_ledger_in_one_block(
    master: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _jalan(master) == 0
    wb = openpyxl.load_workbook(master, keep_vba=True)
    wb["KESRA"]["H3"] = 1234  # a Target of KESRA, second indicator
    wb.save(master)
    actions = _tombol(master, "format", monkeypatch)
    sheets = openpyxl.load_workbook(master, read_only=True).sheetnames
    tulis = [a for a in actions if a["func"] == "setValues"]
    [blok] = [a for a in tulis if sheets[a["sheet_position"]] == skema.FORMAT_TERBIT]
    assert not [a for a in tulis if sheets[a["sheet_position"]] == skema.SISTEM]  # secret kept
    # from KESRA's first issue (row 3) down to the 10 new rows
    assert (blok["start_row"], blok["row_count"]) == (2, 9 + 10)
    status = [(r[2], r[8]) for r in blok["values"]]
    assert status[0] == ("KESRA", "Diganti")
    assert all(s == "Berlaku" for k, s in status[1:])
    secret = _rahasia(master)
    assert stempel.verifikasi(_format(master, "KESRA"), secret).sah


def test_foreign_files_have_no_stamp(tmp_path: Path, master: Path) -> None:
    kosong = tmp_path / "kosong.xlsx"
    kosong.write_bytes(b"")
    teks = tmp_path / "teks.xlsx"
    teks.write_text("bukan buku kerja", encoding="utf-8")
    polos = tmp_path / "polos.xlsx"
    wb = xlsxwriter.Workbook(str(polos))
    wb.add_worksheet(SHEET_STEMPEL).write_row(0, 0, ["ID Templat", "PYXL-FORMAT-IKU"])
    wb.close()
    for berkas in (kosong, teks, polos, master):
        assert stempel.baca_stempel(berkas) is None
        hasil = stempel.verifikasi(berkas, b"x")
        assert not hasil.sah and hasil.alasan


def test_stamp_sheet_and_properties_must_agree(master: Path) -> None:
    assert _jalan(master, "--bagian", "PBJ") == 0
    berkas = _format(master, "PBJ")
    wb = openpyxl.load_workbook(berkas)
    ws = wb[SHEET_STEMPEL]
    [sel] = [r[1] for r in ws.iter_rows(min_row=2) if r[0].value == "ID Format"]
    sel.value = "IKU-2026-PBJ-00000000"
    wb.save(berkas)
    assert stempel.baca_stempel(berkas) is None
    hasil = stempel.verifikasi(berkas, _rahasia(master))
    assert not hasil.sah and "properti dokumen" in hasil.alasan


def test_canonical_form_survives_what_libreoffice_does() -> None:
    def sama(a: list[object], b: list[object]) -> bool:
        ra = [dict(zip(KOLOM_TERKUNCI, a, strict=False))]
        rb = [dict(zip(KOLOM_TERKUNCI, b, strict=False))]
        return stempel.kanonik(ra, "A", 2026, "x") == stempel.kanonik(rb, "A", "2026", "x")

    assert sama([1 / 3, 2**53, -0.0, 100], [0.333333333333333, 9007199254740990, 0, 100.0])
    assert sama([" Caf\u0065\u0301\r\nx ", True, None], ["Caf\u00e9\nx", "=TRUE()", ""])
    assert not sama([100], [101])
    assert not sama(["a", "b"], ["b", "a"])
    rows = [dict.fromkeys(KOLOM_TERKUNCI, "v")]
    assert stempel.kanonik(rows, "A", 2026, "x") != stempel.kanonik(rows, "B", 2026, "x")
    assert stempel.kanonik(rows, "A", 2026, "x") != stempel.kanonik(rows, "A", 2026, "y")
    assert stempel.tanda_tangan(b"k", b"d") != stempel.tanda_tangan(b"l", b"d")


@given(st.floats(-1e300, 1e300) | st.integers(-(2**63), 2**63))
def test_written_numbers_read_back_to_the_same_canonical_text(x: float) -> None:
    # (Excel's own limit is 9.99e307: a 15-digit rounding of the largest doubles overflows)
    tertulis = stempel.angka_kanonik(x)
    assert stempel.nilai_kanonik(tertulis) == stempel.nilai_kanonik(x)
    # LibreOffice writes 15 significant digits of what it read
    assert stempel.nilai_kanonik(float(f"{tertulis:.15g}")) == stempel.nilai_kanonik(x)
