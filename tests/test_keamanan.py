"""Security proofs (issue 8, "secrets and injection"), each attack tried where it can come in.

1. The stamp secret never leaves the master: every file pyxl writes outside the master and its
   backups, every member of every zip, every part of every e-mail (drafts and SMTP), every PDF
   stream is scanned for it in every encoding.
2. A format signed with another secret is refused, even when it carries a known format id.
3. Path traversal: Bagian codes, attachment names (.eml, .msg, IMAP) and folder settings can
   never make pyxl write outside the working folder.
4. Text from returns or settings never becomes a formula: in the master (file and live
   workbook), in the formats, in the ledger exports.
5. Text from cells and settings never adds an e-mail header.
6. Text is never template code or Word XML in a document; a staff-edited template cannot leave
   the Jinja sandbox.
7. XML: every parser pyxl uses refuses entities; hostile returned formats are refused or read
   without expansion, quickly, and never read a local file.
"""

from __future__ import annotations

import base64
import dataclasses
import io
import os
import re
import subprocess
import sys
import time
import tokenize
import zipfile
import zlib
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import dovecot
from conftest import sidik_folder
from pyxl.alat.simulasi import isi_format, isian_contoh
from pyxl.berkas.cfb import write_cfb
from pyxl.buku.tabel import baca_tabel
from pyxl.buku.xlsm import buka
from pyxl.cli import main
from pyxl.galat import IsianError
from pyxl.inti import stempel
from pyxl.kontrak import skema
from pyxl.kontrak.pengaturan import KUNCI_FOLDER, Pengaturan
from smtp_uji import baca_eml

AKAR = Path(__file__).resolve().parent.parent
BATAS = "--batas-waktu=20 Januari 2027"
BCC = "\r\nBcc: x@evil.example"
RUMUS = (
    '=HYPERLINK("http://contoh.example/x","klik")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(1)",
)
"""Texts a spreadsheet would take as a formula (DDE, hyperlink, arithmetic, implicit call)."""
_SAFE = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# --------------------------------------------------------------------------- helpers


def _master(kerja: Path) -> Path:
    return kerja / skema.NAMA_MASTER


def _pyxl(kerja: Path, perintah: str, *opsi: str) -> int:
    return main([perintah, "--workbook", str(_master(kerja)), *opsi])


def _atur(kerja: Path, sheet: str, nilai: dict[str, Any]) -> None:
    """Write cells through the workbook port: `Pengaturan` by key, other sheets by cell."""
    with buka(_master(kerja)) as buku:
        if sheet == skema.PENGATURAN:
            baris = {r["Kunci"]: r["_baris"] for r in baca_tabel(buku, skema.PENGATURAN)}
            for kunci, v in nilai.items():
                buku.tulis(sheet, baris[kunci], 2, [[v]])
        else:
            for sel, v in nilai.items():
                m = re.fullmatch(r"([A-Z]+)(\d+)", sel)
                assert m, sel
                kolom = sum((ord(h) - 64) * 26**i for i, h in enumerate(reversed(m[1])))
                buku.tulis(sheet, int(m[2]), kolom, [[v]])
        buku.simpan()


def _tabel(kerja: Path, sheet: str) -> list[dict[str, Any]]:
    with buka(_master(kerja), hanya_baca=True) as buku:
        return baca_tabel(buku, sheet, skema.TABEL.get(sheet, skema.KOLOM_INDIKATOR))


def _sel_pengaturan(kerja: Path, kunci: str) -> str:
    [r] = [r for r in _tabel(kerja, skema.PENGATURAN) if r["Kunci"] == kunci]
    return f"sheet Pengaturan sel B{r['_baris']}"


def _luar(sentinel: Path, kerja: Path) -> set[str]:
    """Every path under `sentinel` that is not inside the working folder."""
    return {
        p.relative_to(sentinel).as_posix()
        for p in sentinel.rglob("*")
        if p != kerja and not p.is_relative_to(kerja)
    }


def _terbit(kerja: Path) -> None:
    assert _pyxl(kerja, "format", BATAS) == 0


def _format(kerja: Path, kode: str) -> Path:
    return kerja / skema.FOLDER_FORMAT / f"{kode}_Format_IKU_2026.xlsx"


def _kembali_teks(asal: Path, tujuan: Path, isian: dict[int, dict[str, Any]]) -> Path:
    """A Bagian's return written as a spreadsheet program would: `isian` maps a row index to
    input-column values; a value `("rumus", "=...")` is a real formula, any other text is
    stored as text (whatever it starts with)."""
    import openpyxl

    st = stempel.baca_stempel(asal)
    assert st is not None
    wb = openpyxl.load_workbook(asal)
    ws = wb[stempel.SHEET_FORMAT]
    for i, nilai in isian.items():
        for kolom, v in nilai.items():
            c = ws.cell(st.baris_judul + 1 + i, skema.KOLOM_INDIKATOR.index(kolom) + 1)
            if isinstance(v, tuple):
                c.value = v[1]  # openpyxl stores text starting with "=" as a formula
            else:
                c.value = v
                if isinstance(v, str):
                    c.data_type = "s"
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    wb.save(tujuan)
    return tujuan


def _anggota(berkas: Path, nama: str) -> bytes:
    with zipfile.ZipFile(berkas) as z:
        return z.read(nama)


def _sheet_xml(berkas: Path) -> dict[str, Any]:
    """Sheet name -> parsed sheet XML (safe parser) of an .xlsx/.xlsm."""
    wb = etree.fromstring(_anggota(berkas, "xl/workbook.xml"), _SAFE)
    rels = etree.fromstring(_anggota(berkas, "xl/_rels/workbook.xml.rels"), _SAFE)
    target = {r.get("Id"): r.get("Target") for r in rels}
    hasil = {}
    for s in wb.iterfind("m:sheets/m:sheet", _NS):
        t = target[s.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")]
        bagian = t.lstrip("/") if t.startswith("/") else f"xl/{t}"
        hasil[s.get("name")] = etree.fromstring(_anggota(berkas, bagian), _SAFE)
    return hasil


def _sel_teks(berkas: Path) -> Iterator[tuple[str, str, Any]]:
    """(sheet, text, cell element) of every text cell (shared or inline) of a workbook."""
    try:
        sst = etree.fromstring(_anggota(berkas, "xl/sharedStrings.xml"), _SAFE)
        bersama = ["".join(si.itertext()) for si in sst.iterfind("m:si", _NS)]
    except KeyError:
        bersama = []
    for nama, root in _sheet_xml(berkas).items():
        for c in root.iterfind(".//m:sheetData/m:row/m:c", _NS):
            if c.get("t") == "s":
                yield nama, bersama[int(c.findtext("m:v", namespaces=_NS))], c
            elif c.get("t") == "inlineStr":
                yield nama, "".join(c.find("m:is", _NS).itertext()), c
            elif c.get("t") == "str" or c.find("m:f", _NS) is not None:
                yield nama, c.findtext("m:v", default="", namespaces=_NS), c


def _kutip(berkas: Path) -> list[bool]:
    """Per cell style index: whether it has Excel's quote prefix (text stays text on edit)."""
    gaya = etree.fromstring(_anggota(berkas, "xl/styles.xml"), _SAFE)
    return [xf.get("quotePrefix") in ("1", "true") for xf in gaya.iterfind("m:cellXfs/m:xf", _NS)]


# --------------------------------------------------------------------------- 1. the secret


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """`pyxl demo` (all 13 steps) into a fresh folder, and everything it printed."""
    from pyxl.alat.demo import demo as jalankan_demo
    from pyxl.jalan.umpan import UmpanKonsol

    folder = tmp_path_factory.mktemp("demo") / "kerja"
    keluar = io.StringIO()
    jalankan_demo(folder, UmpanKonsol(keluar, keluar))
    return folder, keluar.getvalue()


def _rahasia(kerja: Path) -> str:
    [r] = [r for r in _tabel(kerja, skema.SISTEM) if r["Kunci"] == stempel.KUNCI_RAHASIA]
    teks = str(r["Nilai"])
    assert re.fullmatch(r"[0-9a-f]{64}", teks), "the secret is 64 hex digits"
    return teks


def _pola(rahasia: str) -> dict[str, bytes]:
    """The secret as it could appear in a file: hex text (either case), its 32 bytes, UTF-16
    (both byte orders), base64 at each alignment (the part no neighbour byte changes)."""
    teks = rahasia.encode()
    pola = {
        "teks hex": teks,
        "teks HEX": rahasia.upper().encode(),
        "32 byte": bytes.fromhex(rahasia),
        "UTF-16LE": rahasia.encode("utf-16-le"),
        "UTF-16LE HEX": rahasia.upper().encode("utf-16-le"),
        "UTF-16BE": rahasia.encode("utf-16-be"),
    }
    for k in range(3):
        pola[f"base64+{k}"] = base64.b64encode(b"\0" * k + teks)[4:-4]
    return pola


@dataclasses.dataclass
class Pindai:
    """What a scan looked at, so a test can prove it looked at something."""

    pola: dict[str, bytes]
    temuan: list[str] = dataclasses.field(default_factory=list)
    berkas: int = 0
    anggota_zip: int = 0
    bagian_surel: int = 0
    aliran_pdf: int = 0

    def periksa(self, nama: str, data: bytes, surel: bool = False) -> None:
        self.berkas += 1
        self.temuan += [f"{nama}: {k}" for k, p in self.pola.items() if p in data]
        if data[:4] == b"PK\x03\x04":
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                for info in z.infolist():
                    self.anggota_zip += 1
                    self.periksa(f"{nama}!{info.filename}", z.read(info))
        elif surel or nama.endswith(".eml"):
            msg = baca_eml(data)
            kepala = "\n".join(f"{k}: {v}" for k, v in msg.items()).encode()
            self.periksa(f"{nama} (header)", kepala)
            for i, bagian in enumerate(msg.walk()):
                isi = bagian.get_payload(decode=True)
                if isinstance(isi, bytes):
                    self.bagian_surel += 1
                    self.periksa(f"{nama}#{bagian.get_filename() or i}", isi)
        elif data.startswith(b"%PDF"):
            for m in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
                try:
                    isi = zlib.decompressobj().decompress(m[1])
                except zlib.error:
                    continue
                self.aliran_pdf += 1
                self.periksa(f"{nama} (aliran PDF)", isi)


def test_the_secret_is_in_the_master_only(demo: tuple[Path, str]) -> None:
    kerja, cetak = demo
    rahasia = _rahasia(kerja)
    pindai = Pindai(_pola(rahasia))
    pindai.periksa("master", _master(kerja).read_bytes())
    assert pindai.temuan, "the scan finds the secret where it is (the scan works)"

    pindai = Pindai(_pola(rahasia) | {"kunci": stempel.KUNCI_RAHASIA.encode()})
    dilihat = []
    for p in sorted(kerja.rglob("*")):
        relatif = p.relative_to(kerja)
        if p.is_file() and p != _master(kerja) and relatif.parts[0] != skema.FOLDER_CADANGAN:
            pindai.periksa(relatif.as_posix(), p.read_bytes())
            dilihat.append(relatif)
    assert pindai.temuan == []
    assert rahasia not in cetak, "nor in what the demo printed"
    folder = {p.parts[0] for p in dilihat}
    assert {"format", "kirim", "dokumen", "arsip", "masuk"} <= folder
    assert sum(p.suffix == ".eml" for p in dilihat) >= 19  # 10 formats, 9 invitations
    assert pindai.anggota_zip > 200 and pindai.bagian_surel >= 38
    if any(p.suffix == ".pdf" for p in dilihat):  # made where LibreOffice is installed
        assert pindai.aliran_pdf >= 1

    for p in sorted((kerja / skema.FOLDER_FORMAT).glob("*.xlsx")):
        assert list(_sheet_xml(p)) == [stempel.SHEET_FORMAT, stempel.SHEET_STEMPEL], p.name
    for p in (p for p in kerja.rglob("*.xlsx") if skema.FOLDER_CADANGAN not in p.parts):
        assert skema.SISTEM not in _sheet_xml(p), p


def test_mails_sent_over_smtp_carry_no_secret(
    demo: tuple[Path, str], tmp_path: Path, jalankan_server: Any
) -> None:
    import shutil

    kerja = tmp_path / "kerja"
    shutil.copytree(demo[0], kerja)
    srv = jalankan_server("tanpa")
    _atur(
        kerja,
        skema.PENGATURAN,
        {
            "SMTP Host": "127.0.0.1",
            "SMTP Port": str(srv.port),
            "SMTP Keamanan": "tanpa",
            "Email Tujuan Pengantar": "bupati@waykanan.example",
        },
    )
    assert _pyxl(kerja, "kirim", "--mode", "smtp") == 0
    rapat = ("--tanggal", "8 Januari 2027", "--tanggal-rapat", "15 Januari 2027")
    assert _pyxl(kerja, "undangan", *rapat, "--mode", "smtp") == 0
    assert _pyxl(kerja, "pengantar", "--tanggal", "4 Februari 2027", "--mode", "smtp") == 0
    pindai = Pindai(_pola(_rahasia(kerja)))
    for i, amplop in enumerate(srv.penampung.amplop):
        pindai.periksa(f"smtp-{i}", amplop.content, surel=True)
    assert len(srv.penampung.amplop) == 10 + 9 + 1
    assert pindai.temuan == []
    assert pindai.anggota_zip > 100, "formats and documents were attached and looked into"


@pytest.mark.parametrize(
    "berkas",
    [f"./{skema.NAMA_MASTER}", f"{skema.FOLDER_CADANGAN}/salinan.docx", "dokumen/../x.xlsm"],
)
def test_the_archive_never_copies_the_master(
    demo: tuple[Path, str], tmp_path: Path, berkas: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A register row naming the master, a file under cadangan/ (the master's backups live
    there) or anything not a document: reported, never copied into arsip/."""
    import shutil

    kerja = tmp_path / "kerja"
    shutil.copytree(demo[0], kerja)
    for salinan in (kerja / skema.FOLDER_CADANGAN / "salinan.docx", kerja / "x.xlsm"):
        salinan.parent.mkdir(exist_ok=True)
        shutil.copyfile(_master(kerja), salinan)  # the master's bytes under another name
    rows = _tabel(kerja, skema.REGISTER_SURAT)
    baru = len(rows) + 2
    _atur(
        kerja,
        skema.REGISTER_SURAT,
        {f"C{baru}": "000.1.5/99/I.10-WK/2027", f"G{baru}": berkas}
        | {f"H{baru}": "Terbit", f"D{baru}": "000.1.5"},
    )
    capsys.readouterr()
    assert _pyxl(kerja, "arsip") == 0
    assert f"'{berkas}' tidak dapat dipakai" in capsys.readouterr().out
    pindai = Pindai(_pola(_rahasia(kerja)))
    for p in (kerja / skema.FOLDER_ARSIP).rglob("*"):
        if p.is_file():
            pindai.periksa(p.name, p.read_bytes())
    assert pindai.temuan == []


# --------------------------------------------------------------------------- 2. other secret


def test_a_format_re_signed_with_another_secret_is_refused(kerja: Path, tmp_path: Path) -> None:
    """The forger knows the format id (it is in the file) but not the master's secret.
    `test_himpun.test_every_blocking_code` covers a format of another master (unknown id)."""
    from pyxl.langkah.format import tulis_format

    _terbit(kerja)
    asli = _format(kerja, "HUKUM")
    st = stempel.baca_stempel(asli)
    assert st is not None
    isi = stempel.baca_isi_format(asli, st)
    lain = os.urandom(32).hex().encode()
    identitas = [("Bagian", "Bagian Hukum"), ("Kode Bagian", "HUKUM")]
    for nama, ubah in (("sama.xlsx", None), ("target.xlsx", 1.0)):
        rows = [dict(r) for r in isi]
        if ubah is not None:
            rows[0]["Target"] = ubah
        kanonik = stempel.kanonik(rows, st.kode_bagian, st.tahun, st.id_format)
        palsu = dataclasses.replace(st, tanda_tangan=stempel.tanda_tangan(lain, kanonik))
        tulis_format(kerja / "masuk" / nama, rows, palsu, identitas)
        assert stempel.baca_stempel(kerja / "masuk" / nama) == palsu
    sebelum = _tabel(kerja, "HUKUM")
    assert _pyxl(kerja, "himpun", "--tanpa-imap") == 0
    status = {r["Berkas"]: r["Status"] for r in _tabel(kerja, skema.PENERIMAAN)}
    assert status == {"sama.xlsx": "Ditolak", "target.xlsx": "Ditolak"}
    kode = {(r["Berkas"], r["Kode Masalah"]) for r in _tabel(kerja, skema.VALIDASI)}
    assert kode == {
        ("sama.xlsx", "TANDA_TANGAN_TIDAK_COCOK"),
        ("target.xlsx", "TANDA_TANGAN_TIDAK_COCOK"),
    }
    assert _tabel(kerja, "HUKUM") == sebelum
    # control: the same writer with the master's own secret makes a return that is accepted
    rahasia = _rahasia(kerja).encode()
    kanonik = stempel.kanonik(isi, st.kode_bagian, st.tahun, st.id_format)
    sah = dataclasses.replace(st, tanda_tangan=stempel.tanda_tangan(rahasia, kanonik))
    tulis_format(kerja / "masuk" / "kontrol.xlsx", isi, sah, identitas)
    assert _pyxl(kerja, "himpun", "--tanpa-imap") == 0
    status = {r["Berkas"]: r["Status"] for r in _tabel(kerja, skema.PENERIMAAN)}
    assert status["kontrol.xlsx"] == "Diterima"


# --------------------------------------------------------------------------- 3. traversal


KODE_JAHAT = [
    "../../x",
    "..\\x",
    "C:\\x",
    "/etc/x",
    "x:y",
    "a\x00b",
    "a b",
    "a\tb",
    ".",
    "..",
    "~x",
    "$x",
    "%x%",
    "-x",
    "_x",
    "A" * 32,
    "Ω",
    "kendali",
    "History",
    "xlwings.conf",
    "Bagian.xlsx",
    "",
]


@dataclasses.dataclass
class BukuMemori:
    """The workbook port over plain lists (for checks that need no file)."""

    sheet: dict[str, list[list[Any]]]
    folder: Path = Path("kerja")
    berkas: Path = Path("kerja") / skema.NAMA_MASTER

    def nama_sheet(self) -> list[str]:
        return list(self.sheet)

    def baca(self, sheet: str) -> list[list[Any]]:
        return self.sheet[sheet]


@pytest.mark.parametrize("kode", KODE_JAHAT)
def test_a_bad_bagian_code_is_refused_naming_its_cell(kode: str) -> None:
    from pyxl.buku.daftar import baca_bagian

    bagian = [list(skema.KOLOM_BAGIAN), ["HUKUM", "Bagian Hukum"], [kode, "Bagian X"]]
    with pytest.raises(IsianError) as e:
        baca_bagian(BukuMemori({skema.BAGIAN: bagian}))  # type: ignore[arg-type]
    assert f"Kode Bagian {kode.strip()!r} (sheet Bagian sel A3) tidak dapat dipakai" in str(e.value)


@pytest.mark.parametrize("kode", ["../../x", "..\\x", "C:\\x", "/etc/x"])
def test_a_bagian_code_never_becomes_a_path(
    kerja: Path, tmp_path: Path, kode: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _atur(kerja, skema.BAGIAN, {"A2": kode})
    luar, sebelum = _luar(tmp_path, kerja), sidik_folder(kerja)
    capsys.readouterr()
    assert _pyxl(kerja, "format", BATAS) == 1
    assert "(sheet Bagian sel A2) tidak dapat dipakai" in capsys.readouterr().err
    assert _luar(tmp_path, kerja) == luar
    assert sidik_folder(kerja) == sebelum


def test_bagian_codes_differing_only_in_case_are_one_code(
    kerja: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Excel sheet names and Windows file names ignore case: 'hukum' and 'HUKUM' would share
    one sheet and one format file."""
    _atur(kerja, skema.BAGIAN, {"A2": "hukum"})
    sebelum = sidik_folder(kerja)
    assert _pyxl(kerja, "format", BATAS) == 1
    err = capsys.readouterr().err
    assert "Kode Bagian 'HUKUM' (sheet Bagian sel A4) ganda dengan 'hukum' (sel A2)" in err
    assert sidik_folder(kerja) == sebelum


def test_a_nul_in_a_code_from_the_live_workbook_is_refused(
    master: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cell of a live workbook can hold characters no .xlsx file can (NUL)."""
    import xlwings as xw

    import pyxl.tombol
    from remote import aksi, payload

    data = payload(master.resolve())
    [bagian] = [s for s in data["sheets"] if s["name"] == skema.BAGIAN]
    bagian["values"][1][0] = "HUK\x00/../UM"
    book = xw.Book(json=data)
    book.set_mock_caller()
    monkeypatch.chdir(master.parent)
    sebelum = sidik_folder(master.parent.parent)
    pyxl.tombol.format()
    pesan = [a["args"][0] for a in aksi(book) if a["func"] == "alert"]
    assert any("(sheet Bagian sel A2) tidak dapat dipakai" in p and "\\x00" in p for p in pesan)
    assert not [a for a in aksi(book) if a["func"] == "setValues"]
    assert sidik_folder(master.parent.parent) == sebelum


def _lampiran_jahat(sentinel: Path, data: bytes) -> dict[str, bytes]:
    """Attachment names trying to climb out, each with different bytes (no Duplikat)."""
    nama = [
        "../../evil1.xlsx",
        "..\\..\\evil2.xlsx",
        f"{sentinel.as_posix()}/evil3.xlsx",
        "C:\\Windows\\evil4.xlsx",
        "masuk/../../evil5.xlsx",
    ]
    return {n: data + n.encode() for n in nama}


def _eml(lampiran: dict[str, bytes], perihal: str = "Re: [IKU-2026][HUKUM] Format") -> bytes:
    m = EmailMessage()
    m["From"] = "Bagian Hukum <hukum@setda.waykanan.example>"
    m["To"] = "renkeu@setda.waykanan.example"
    m["Subject"] = perihal
    m["Date"] = "Tue, 12 Jan 2027 10:15:00 +0700"
    m.set_content("Terlampir.")
    for nama, isi in lampiran.items():
        m.add_attachment(isi, maintype="application", subtype="octet-stream", filename=nama)
    return m.as_bytes(policy=policy.SMTP)


def _msg(lampiran: dict[str, bytes]) -> bytes:
    def utf16(s: str) -> bytes:
        return s.encode("utf-16-le") + b"\0\0"

    aliran = {"__substg1.0_0037001F": utf16("Re: [IKU-2026][HUKUM] Format")}
    for i, (nama, isi) in enumerate(lampiran.items()):
        a = f"__attach_version1.0_#{i:08X}"
        aliran[f"{a}/__substg1.0_3707001F"] = utf16(nama)
        aliran[f"{a}/__substg1.0_37010102"] = isi
    return write_cfb(aliran)


def _periksa_lampiran(kerja: Path, sentinel: Path, luar: set[str], jumlah: int) -> None:
    assert _luar(sentinel, kerja) == luar
    assert not [p for p in kerja.rglob("*evil*")], "no file is named after an attachment"
    rows = [r for r in _tabel(kerja, skema.PENERIMAAN) if "evil" in str(r["Berkas"])]
    assert len(rows) == jumlah, "every attachment is accounted for"
    assert all("/" not in r["Berkas"] for r in rows), "a bare name, never a path"


def test_attachment_names_never_become_paths(kerja: Path, tmp_path: Path) -> None:
    _terbit(kerja)
    data = isi_format(_format(kerja, "HUKUM"), tmp_path / "h.xlsx", isian_contoh("HUKUM"))
    lampiran = _lampiran_jahat(tmp_path, data.read_bytes())
    data.unlink()
    (kerja / "masuk" / "balasan.eml").write_bytes(_eml(lampiran))
    (kerja / "masuk" / "balasan.msg").write_bytes(
        _msg({f"x/{n}": d + b"msg" for n, d in lampiran.items()})
    )
    luar = _luar(tmp_path, kerja)
    assert _pyxl(kerja, "himpun", "--tanpa-imap") == 0
    _periksa_lampiran(kerja, tmp_path, luar, 2 * len(lampiran))


def test_imap_attachment_names_never_become_paths(
    kerja: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import imaplib

    _terbit(kerja)
    data = isi_format(_format(kerja, "HUKUM"), tmp_path / "h.xlsx", isian_contoh("HUKUM"))
    lampiran = _lampiran_jahat(tmp_path, data.read_bytes())
    data.unlink()
    with dovecot.jalankan() as server:
        with server.sambung() as imap:
            status, _ = imap.append(
                "INBOX",
                None,
                imaplib.Time2Internaldate(time.time()),
                _eml(lampiran, "Re: [IKU-2026][HUKUM] Format"),
            )
            assert status == "OK"
        setelan = {"IMAP Host": server.host, "IMAP Pengguna": server.pengguna}
        setelan |= {"IMAP Port": str(server.port), "IMAP Keamanan": "tanpa"}
        _atur(kerja, skema.PENGATURAN, setelan)
        monkeypatch.setenv("PYXL_IMAP_PASSWORD", server.sandi)
        luar = _luar(tmp_path, kerja)
        assert _pyxl(kerja, "himpun") == 0
    _periksa_lampiran(kerja, tmp_path, luar, len(lampiran))


FOLDER_JAHAT = [
    "..",
    "../luar",
    "format/../../luar",
    "/etc",
    "/tmp/pyxl-luar",
    "C:\\luar",
    "C:luar",
    "\\\\server\\share\\luar",
    "~/luar",
    "$HOME/luar",
    "%TEMP%",
    "a\x00b",
    "a\x01b",
    "a:b",
    ".",
    "NUL",
    "cadangan",
    "templates",
    skema.NAMA_MASTER,
    "a" * 200,
]


@pytest.mark.parametrize("kunci", KUNCI_FOLDER)
def test_folder_settings_stay_inside_the_working_folder(tmp_path: Path, kunci: str) -> None:
    kerja = tmp_path / "kerja"
    kerja.mkdir()
    (kerja / skema.NAMA_MASTER).write_bytes(b"")
    (kerja / "tautan").symlink_to(tmp_path, target_is_directory=True)
    bawaan = Pengaturan({}).folder(kerja, kunci)
    assert bawaan.parent == kerja.resolve()
    lain = [k for k in KUNCI_FOLDER if k != kunci]
    jahat = [*FOLDER_JAHAT, "tautan/luar", Pengaturan({})[lain[0]], f"{Pengaturan({})[lain[1]]}/x"]
    for nama in jahat:
        peng = Pengaturan({kunci: nama}, {kunci: "B60"})
        with pytest.raises(IsianError) as e:
            peng.folder(kerja, kunci)
        pesan = str(e.value)
        assert pesan.startswith(f"Pengaturan '{kunci}' berisi {nama!r} (sheet Pengaturan sel B60)")
        assert "harus nama folder di dalam folder kerja" in pesan
    assert [p.name for p in tmp_path.iterdir()] == ["kerja"], "nothing created by checking"
    for baik in ("Format 2026", "data/Arsip (lama)", "sub\\folder"):
        hasil = Pengaturan({kunci: baik}).folder(kerja, kunci)
        assert hasil.is_relative_to(kerja.resolve()) and hasil != kerja.resolve()


@pytest.mark.parametrize(
    ("kunci", "perintah", "jahat"),
    [
        ("Folder Format", ["format", BATAS], "../luar"),
        ("Folder Format", ["format", BATAS], "ABS"),
        ("Folder Format", ["format", BATAS], "tautan/luar"),
        ("Folder Kirim", ["kirim"], "../luar"),
        ("Folder Masuk", ["himpun", "--tanpa-imap"], "ABS"),
        ("Folder Arsip", ["himpun", "--tanpa-imap"], "../luar"),
        ("Folder Arsip", ["arsip"], "tautan/luar"),
        ("Folder Dokumen", ["disposisi", "--tanggal", "5 Januari 2027"], "../luar"),
    ],
)
def test_a_step_with_a_bad_folder_setting_writes_nothing(
    kerja: Path,
    tmp_path: Path,
    kunci: str,
    perintah: list[str],
    jahat: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if perintah[0] == "kirim":
        _terbit(kerja)
    (kerja / "tautan").symlink_to(tmp_path, target_is_directory=True)
    nilai = str(tmp_path / "luar") if jahat == "ABS" else jahat
    _atur(kerja, skema.PENGATURAN, {kunci: nilai})
    luar, sebelum = _luar(tmp_path, kerja), sidik_folder(kerja)
    capsys.readouterr()
    assert _pyxl(kerja, *perintah) == 1
    err = capsys.readouterr().err
    assert f"Pengaturan '{kunci}' berisi {nilai!r}" in err and "sheet Pengaturan" in err
    assert _luar(tmp_path, kerja) == luar
    assert sidik_folder(kerja) == sebelum


def test_a_bad_folder_setting_names_its_cell(kerja: Path) -> None:
    _atur(kerja, skema.PENGATURAN, {"Folder Arsip": "../luar"})
    peng = Pengaturan.dari_tabel(_tabel(kerja, skema.PENGATURAN))
    with pytest.raises(IsianError, match=re.escape(_sel_pengaturan(kerja, "Folder Arsip"))):
        peng.folder(kerja, "Folder Arsip")


def test_a_step_names_the_cell_of_a_bad_folder_setting(
    kerja: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _atur(kerja, skema.PENGATURAN, {"Folder Format": "../luar"})
    assert _pyxl(kerja, "format", BATAS) == 1
    assert _sel_pengaturan(kerja, "Folder Format") in capsys.readouterr().err


def test_sheet_cells_never_lead_the_archive_outside(
    demo: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Step 13 takes folder names from `Kode Klasifikasi` and file names from `Berkas` cells:
    a hostile register row stays inside `arsip/` or is reported, never followed out."""
    import shutil

    kerja = tmp_path / "kerja"
    shutil.copytree(demo[0], kerja)
    (kerja / "dokumen" / "surat_lain.docx").write_bytes(b"surat lain")
    (tmp_path / "luar.docx").write_bytes(b"di luar folder kerja")
    baru = len(_tabel(kerja, skema.REGISTER_SURAT)) + 2
    baris = {"../../luar": "surat_lain.docx", "000.1.5": "../luar.docx"}
    nilai: dict[str, Any] = {}
    for i, (kode, berkas) in enumerate(baris.items()):
        nilai |= {f"C{baru + i}": f"{kode}/9{i}/I.10-WK/2027", f"D{baru + i}": kode}
        nilai |= {f"G{baru + i}": berkas, f"H{baru + i}": "Terbit"}
    _atur(kerja, skema.REGISTER_SURAT, nilai)
    luar = _luar(tmp_path, kerja)
    capsys.readouterr()
    assert _pyxl(kerja, "arsip") == 0
    assert "'../luar.docx' bukan nama berkas di dalam folder kerja" in capsys.readouterr().out
    assert _luar(tmp_path, kerja) == luar
    salinan = [p for p in (kerja / skema.FOLDER_ARSIP).rglob("surat_lain*")]
    # a code that is not a folder name: filed under the undangan's code (AKIP, 000.8.6.3)
    assert [p.relative_to(kerja).parts[:3] for p in salinan] == [("arsip", "2026", "000.8.6.3")]
    _atur(kerja, skema.PENGATURAN, {"Kode Klasifikasi Pengantar": "../../luar"})
    assert _pyxl(kerja, "arsip") == 1
    assert _luar(tmp_path, kerja) == luar


# --------------------------------------------------------------------------- 4. formulas


NAMA_RUMUS = ["=SUM(1)+1.xlsx", "+1+1.xlsx", "-2+3.xlsx", "@SUM(1).xlsx"]


def _kembalian_rumus(kerja: Path, tmp_path: Path) -> None:
    """RENKEU returns its format with formula-like text in every Keterangan, as qualitative
    Realisasi, and two real formulas; under file names that look like formulas."""
    isian: dict[int, dict[str, Any]] = {i: {"Keterangan": v} for i, v in enumerate(RUMUS)}
    isian[0]["Realisasi"] = RUMUS[0]  # IKU-RENKEU-01 is qualitative
    isian[5] = {"Realisasi": ("rumus", "=2+0.5"), "Keterangan": ("rumus", RUMUS[1])}
    asal = _kembali_teks(_format(kerja, "RENKEU"), tmp_path / "r.xlsx", isian)
    data = asal.read_bytes()
    for i, nama in enumerate(NAMA_RUMUS):
        (kerja / "masuk" / nama).write_bytes(data + b"\0" * i)  # same values, other bytes


def test_returned_text_never_becomes_a_formula_in_the_master(kerja: Path, tmp_path: Path) -> None:
    _terbit(kerja)
    _kembalian_rumus(kerja, tmp_path)
    assert _pyxl(kerja, "himpun", "--tanpa-imap") == 0
    assert _pyxl(kerja, "analisis") == 0
    assert _pyxl(kerja, "arsip") == 0
    master = _master(kerja)
    lembar = _sheet_xml(master)
    diperiksa = ("RENKEU", skema.PENERIMAAN, skema.VALIDASI, skema.ANALISIS, skema.REKAP)
    for nama in diperiksa:
        assert lembar[nama].find(".//m:f", _NS) is None, f"a formula in sheet {nama}"
    kutip = _kutip(master)
    ketemu: dict[str, set[str]] = {}
    for sheet, teks, c in _sel_teks(master):
        if sheet in diperiksa and teks[:1] in "=+-@":
            assert c.get("t") in ("inlineStr", "s") and c.find("m:f", _NS) is None
            assert kutip[int(c.get("s", "0"))], f"{sheet}!{c.get('r')} {teks!r} has no quote"
            ketemu.setdefault(sheet, set()).add(teks)
    assert set(RUMUS) <= ketemu["RENKEU"]
    assert RUMUS[0] in ketemu[skema.ANALISIS]
    assert set(NAMA_RUMUS) <= ketemu[skema.PENERIMAAN]
    status = [r["Status"] for r in _tabel(kerja, skema.PENERIMAAN)]
    assert sorted(status) == ["Diterima"] + ["Menggantikan"] * 3, "accepted: merged as text"
    kode = {r["Kode Masalah"] for r in _tabel(kerja, skema.VALIDASI)}
    assert {"TEKS_RUMUS", "RUMUS"} <= kode
    ekspor = list((kerja / skema.FOLDER_ARSIP).rglob("*.xlsx"))
    assert {p.name for p in ekspor} >= {"Penerimaan_2026.xlsx", "Validasi_2026.xlsx"}
    for p in ekspor:
        if p.parent.name != "masuk":
            for nama, root in _sheet_xml(p).items():
                assert root.find(".//m:f", _NS) is None, f"a formula in {p.name}!{nama}"


def test_the_live_workbook_gets_formula_like_text_as_text(
    kerja: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the button (xlwings' remote engine): every formula-like text is written with
    Excel's leading apostrophe, which makes Excel store it as text, never evaluate it."""
    import pyxl.tombol
    from pyxl.buku.excel import BukuExcel
    from remote import aksi, buku_remote

    _terbit(kerja)
    _kembalian_rumus(kerja, tmp_path)
    monkeypatch.chdir(kerja)
    book = buku_remote(_master(kerja).resolve())
    pyxl.tombol.himpun()
    ditulis = [
        v
        for a in aksi(book)
        if a["func"] == "setValues"
        for r in a["values"]
        for v in r
        if isinstance(v, str)
    ]
    seperti_rumus = [v for v in ditulis if v.lstrip("'").lstrip()[:1] in ("=", "+", "-", "@")]
    assert all(v.startswith("'") for v in seperti_rumus), seperti_rumus
    assert {f"'{v}" for v in RUMUS} | {f"'{n}" for n in NAMA_RUMUS} <= set(seperti_rumus)

    book = buku_remote(_master(kerja).resolve())
    nilai = [" =1+1", "\t@SUM(1)", "=cmd|' /C calc'!A0", "-2+3", "teks", 5]
    langsung = BukuExcel(book)
    langsung.tulis(skema.VALIDASI, 40, 1, [nilai])
    langsung.simpan()  # the live adapter writes into Excel only when the step saves
    [aksi_tulis] = [a for a in aksi(book) if a["func"] == "setValues"]
    assert aksi_tulis["values"] == [
        ["' =1+1", "'\t@SUM(1)", "'=cmd|' /C calc'!A0", "'-2+3", "teks", 5]
    ]


def test_formats_hold_formula_like_text_as_quoted_text(kerja: Path) -> None:
    nama = RUMUS[0]
    _atur(kerja, skema.BAGIAN, {"B2": nama})
    _atur(kerja, skema.PENGATURAN, {"Narahubung": RUMUS[1]})
    _atur(kerja, "TAPEM", {"C2": RUMUS[2], "B2": RUMUS[3], "Q2": RUMUS[4], "O2": "=1+1"})
    assert _pyxl(kerja, "format", "--bagian", "TAPEM", BATAS) == 0
    berkas = _format(kerja, "TAPEM")
    lembar = _sheet_xml(berkas)
    assert all(root.find(".//m:f", _NS) is None for root in lembar.values())
    kutip = _kutip(berkas)
    ketemu = set()
    for sheet, teks, c in _sel_teks(berkas):
        if teks[:1] in "=+-@":
            assert c.get("t") == "s" and kutip[int(c.get("s", "0"))], (sheet, teks)
            ketemu.add(teks)
    assert {*RUMUS, "=1+1"} <= ketemu
    v = stempel.verifikasi(berkas, _rahasia(kerja).encode())
    assert v.sah and v.isi[0]["Indikator Kinerja"] == RUMUS[2], "still signed, same text"


# --------------------------------------------------------------------------- 5. mail headers


def test_an_agenda_with_a_line_break_takes_no_number(
    kerja: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rapat = ["--tanggal", "7 Januari 2027", "--tanggal-rapat", "14 Januari 2027"]
    _atur(kerja, skema.PENGATURAN, {"Acara Rapat": "Rapat" + BCC})
    sebelum = sidik_folder(kerja)
    assert _pyxl(kerja, "undangan", *rapat) == 1
    err = capsys.readouterr().err
    assert f"Pengaturan 'Acara Rapat' ({_sel_pengaturan(kerja, 'Acara Rapat')})" in err
    assert "baris baru" in err
    assert sidik_folder(kerja) == sebelum
    _atur(kerja, skema.PENGATURAN, {"Acara Rapat": "Rapat Kinerja"})
    sebelum = sidik_folder(kerja)
    assert _pyxl(kerja, "undangan", *rapat, "--acara", "Rapat" + BCC) == 1
    assert "Opsi --acara" in capsys.readouterr().err
    assert sidik_folder(kerja) == sebelum


def _draf(kerja: Path) -> list[EmailMessage]:
    return [baca_eml(p.read_bytes()) for p in sorted((kerja / "kirim").glob("*.eml"))]


def test_a_kepala_bagian_name_with_a_bcc_fails_alone_in_invitations(kerja: Path) -> None:
    _atur(kerja, skema.BAGIAN, {"D4": "Budi" + BCC})
    rapat = ["--tanggal", "7 Januari 2027", "--tanggal-rapat", "14 Januari 2027"]
    assert _pyxl(kerja, "undangan", *rapat) == 0
    gagal = [r for r in _tabel(kerja, skema.PENGIRIMAN) if r["Status"] == "Gagal"]
    assert [r["Kode Bagian"] for r in gagal] == ["HUKUM"]
    assert gagal[0]["Catatan"].startswith("sheet Bagian sel D4: teks 'Budi\\r\\nBcc")
    draf = _draf(kerja)
    assert len(draf) == 8 and all("Bcc" not in m and "evil" not in str(m) for m in draf)


def test_a_reminder_to_a_name_with_a_bcc_fails_alone(kerja: Path) -> None:
    _terbit(kerja)
    _atur(kerja, skema.BAGIAN, {"D4": "Budi" + BCC})
    assert _pyxl(kerja, "ingatkan", "--mode", "draf") == 0
    rows = _tabel(kerja, skema.PENGIRIMAN)
    gagal = [r for r in rows if r["Status"] == "Gagal"]
    assert [r["Kode Bagian"] for r in gagal] == ["HUKUM"] and len(rows) == 10
    assert gagal[0]["Catatan"].startswith("sheet Bagian sel D4:")
    assert all(r["Langkah"] == 6 for r in rows)
    assert all("evil" not in m.as_string() for m in _draf(kerja))


@pytest.mark.parametrize("kunci", ["Bagian Pelaksana", "Unit Kerja", "Pemerintah Daerah"])
def test_a_sender_name_setting_with_a_bcc_stops_the_step(
    kerja: Path, kunci: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _terbit(kerja)
    _atur(kerja, skema.PENGATURAN, {kunci: "Setda" + BCC})
    sebelum = sidik_folder(kerja)
    assert _pyxl(kerja, "kirim", "--mode", "draf") == 1
    assert "baris baru" in capsys.readouterr().err
    assert sidik_folder(kerja) == sebelum


def test_a_sender_name_setting_with_a_bcc_is_named(
    kerja: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _terbit(kerja)
    _atur(kerja, skema.PENGATURAN, {"Pemerintah Daerah": "Way Kanan" + BCC})
    assert _pyxl(kerja, "kirim", "--mode", "draf") == 1
    assert "Pengaturan 'Pemerintah Daerah'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("kunci", "nilai", "pesan"),
    [
        ("Tujuan Pengantar", "Bupati" + BCC, "Pengaturan 'Tujuan Pengantar'"),
        ("Email Tujuan Pengantar", "bupati@waykanan.example" + BCC, "sheet Pengaturan sel B"),
    ],
)
def test_cover_letter_settings_with_a_bcc_take_no_number(
    demo: tuple[Path, str],
    tmp_path: Path,
    kunci: str,
    nilai: str,
    pesan: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import shutil

    kerja = tmp_path / "kerja"
    shutil.copytree(demo[0], kerja)
    _atur(kerja, skema.PENGATURAN, {kunci: nilai})
    sebelum = sidik_folder(kerja)
    assert _pyxl(kerja, "pengantar", "--tanggal", "4 Februari 2027") == 1
    err = capsys.readouterr().err
    assert pesan in err and "baris baru" in err
    assert sidik_folder(kerja) == sebelum


# --------------------------------------------------------------------------- 6. templates


NAMA_BAGIAN = 'Bagian {{ 7*7 }} & <w:p><w:r><w:t>SUSUP</w:t></w:r></w:p> < > =HYPERLINK("x")'
INDIKATOR = "{% for x in ().__class__.__base__.__subclasses__() %}X{% endfor %} {{ cycler }}"
KEPALA = "{{ 7*7 }} <w:br/> &amp; {% raw %}"
REALISASI = "{{ 7*7 }}<w:t>&"


def _teks_docx(berkas: Path) -> tuple[str, Any]:
    """All text of a document's body (every w:t joined) and the parsed body."""
    root = etree.fromstring(_anggota(berkas, "word/document.xml"), _SAFE)
    return "".join(t.text or "" for t in root.iter(f"{_W}t")), root


def test_cell_text_is_literal_in_documents(kerja: Path, tmp_path: Path) -> None:
    _atur(kerja, skema.BAGIAN, {"B2": NAMA_BAGIAN, "D2": KEPALA})
    _atur(kerja, "TAPEM", {"C2": INDIKATOR})
    _terbit(kerja)
    for f in sorted((kerja / skema.FOLDER_FORMAT).glob("*.xlsx")):
        kode = f.name.split("_")[0]
        isian = isian_contoh(kode)
        if kode == "RENKEU":
            isian[0]["Realisasi"] = REALISASI  # qualitative: the text itself is printed
        isi_format(f, kerja / "masuk" / f.name, isian)
    assert _pyxl(kerja, "himpun", "--tanpa-imap") == 0
    assert _pyxl(kerja, "analisis") == 0
    assert _pyxl(kerja, "dokumen", "--tanggal", "28 Januari 2027") == 0
    rapat = ["--tanggal", "7 Januari 2027", "--tanggal-rapat", "14 Januari 2027"]
    assert _pyxl(kerja, "undangan", *rapat) == 0
    harap = {
        "Dokumen_IKU_2026_v1.docx": [NAMA_BAGIAN, INDIKATOR, REALISASI],
        "undangan_rapat_1_2027.docx": [NAMA_BAGIAN, KEPALA],
    }
    for nama, teks_harap in harap.items():
        teks, root = _teks_docx(kerja / "dokumen" / nama)
        for t in teks_harap:
            assert t in teks, (nama, t)
        assert "Bagian 49" not in teks and "<class" not in teks
        assert not [t for t in root.iter(f"{_W}t") if t.text == "SUSUP"], "no injected run"
        assert not list(root.iter(f"{_W}fldSimple")), "no field"
        perintah = "".join(t.text or "" for t in root.iter(f"{_W}instrText"))
        assert "HYPERLINK" not in perintah and "7*7" not in perintah


@pytest.mark.parametrize(
    "ekspresi",
    [
        "{{ ''.__class__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{% for x in ().__class__.__base__.__subclasses__() %}{{ x }}{% endfor %}",
        "{{ lipsum.__globals__['os'].system('id') }}",
    ],
)
def test_a_staff_template_cannot_leave_the_sandbox(
    kerja: Path, ekspresi: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from pyxl.dokumen.templat import contoh_konteks
    from pyxl.dokumen.word import periksa_templat

    templat = kerja / skema.FOLDER_TEMPLAT / "lembar_disposisi.docx"
    with zipfile.ZipFile(templat) as z:
        isi = {i.filename: z.read(i) for i in z.infolist()}
    xml = isi["word/document.xml"].decode()
    awal = xml.index("{{ d.perihal }}")
    ekspresi_xml = ekspresi.replace("&", "&amp;").replace("<", "&lt;")
    isi["word/document.xml"] = (xml[:awal] + ekspresi_xml + xml[awal:]).encode()
    with zipfile.ZipFile(templat, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in isi.items():
            z.writestr(n, d)
    masalah = periksa_templat(templat, contoh_konteks("lembar_disposisi.docx"))
    assert len(masalah) == 1 and "tidak diizinkan" in masalah[0], masalah
    sebelum = sidik_folder(kerja)
    assert _pyxl(kerja, "disposisi", "--tanggal", "5 Januari 2027") == 1
    err = capsys.readouterr().err
    assert "Templat lembar_disposisi.docx memakai ekspresi yang tidak diizinkan" in err
    assert "Traceback" not in err
    assert sidik_folder(kerja) == sebelum


# --------------------------------------------------------------------------- 7. XML


PARSER_DIIZINKAN = {
    ("buku/lembar_zip.py", r"fromlxmlimportetree"): "lxml, only through PARSER below",
    (
        "buku/lembar_zip.py",
        r"PARSER=etree\.XMLParser\(resolve_entities=False,no_network=True,huge_tree=False\)",
    ): "the master's parser: no entity, no network, no huge tree",
    ("buku/lembar_zip.py", r"returnetree\.fromstring\(data,PARSER\)"): "sheet operations",
    ("buku/xlsm.py", r"fromlxmlimportetree"): "lxml, only through lembar_zip.PARSER",
    ("buku/xlsm.py", r".*etree\.fromstring\(.*,_PARSER\).*"): "every parse of the master",
    ("bangun/periksa.py", r"fromdefusedxml\.ElementTreeimportfromstring"): "the master's "
    "workbook, rels and Kendali sheet, read to check its buttons",
    ("bangun/periksa.py", r".*fromstring\(z\.read\(.*\)\).*"): "defusedxml's, imported above",
    ("masuk/kiriman.py", r"fromdefusedxml\.ElementTreeimportfromstring"): "core.xml of "
    "received files (their saved time)",
    ("masuk/kiriman.py", r"teks=\(fromstring\(isi\)\.findtext\(.*"): "defusedxml's, above",
    ("inti/stempel.py", r"fromdefusedxml\.ElementTreeimportfromstring"): "custom.xml of returns",
    ("inti/stempel.py", r"akar=fromstring\(mentah\)"): "defusedxml's, imported above",
    ("dokumen/word.py", r"fromdocx\.oxml\.parserimportparse_xml"): "python-docx's parser "
    "(resolve_entities=False)",
    ("dokumen/word.py", r"baru=parse_xml\(.*\)"): "the XML docxtpl just rendered from the "
    "template (values autoescaped, no DTD)",
    ("dokumen/word.py", r"fromlxmlimportetree"): "serialisation, and the check below",
    (
        "dokumen/word.py",
        r"returnetree\.XMLParser\(target=_Periksa\(\),resolve_entities=False,no_network=True\)",
    ): "well-formedness of the rendered body: builds nothing, no entity, no network",
    ("dokumen/word.py", r"etree\.fromstring\(blob,_parser_periksa\(\)\)"): "the "
    "check's parser, above",
}
"""Every line of pyxl that parses XML or imports a parser (comments and strings ignored, as
a whitespace-free regular expression), with why it is safe. Returned formats are read by
python-calamine (Rust, quick-xml: no DTD, no entity expansion) apart from docProps/custom.xml, which
goes through defusedxml; the pre-scan (`pyxl.inti.pindai.pindai_berkas`) looks at the sheet XML
with a regular expression, parsing nothing. Third-party parsers pyxl calls: python-docx
(resolve_entities=False) for templates, docxtpl's `XMLParser(recover=True)` on the body it rendered
itself (serialised without a DTD), openpyxl (uses defusedxml when installed) only in
`simulasi` on pyxl's own formats."""
_RE_XML = re.compile(
    r"ElementTree|minidom|xml\.dom|pulldom|xml\.sax|expat|XMLParser|iterparse|objectify"
    r"|etree\.(?:fromstring|parse|XML|HTML|fromstringlist)\(|parse_xml|defusedxml|fromstring\("
    r"|importlxml|fromlxml|lxml\.|importxml|fromxml"
)


def _kode(berkas: Path) -> Iterator[tuple[int, str]]:
    """(line, code without whitespace) of a Python file; comments and strings left out."""
    baris: dict[int, list[str]] = {}
    with berkas.open("rb") as f:
        for tok in tokenize.tokenize(f.readline):
            if tok.type in (tokenize.NAME, tokenize.OP, tokenize.NUMBER):
                baris.setdefault(tok.start[0], []).append(tok.string)
    for no, toks in sorted(baris.items()):
        yield no, "".join(toks)


def test_every_xml_parser_in_pyxl_is_a_safe_one() -> None:
    dipakai: set[tuple[str, str]] = set()
    asing = []
    for berkas in sorted((AKAR / "pyxl").rglob("*.py")):
        nama = berkas.relative_to(AKAR / "pyxl").as_posix()
        for no, kode in _kode(berkas):
            if not _RE_XML.search(kode):
                continue
            cocok = [
                (f, pola) for f, pola in PARSER_DIIZINKAN if f == nama and re.fullmatch(pola, kode)
            ]
            if cocok:
                dipakai.update(cocok)
            else:
                asing.append(f"{nama}:{no}: {kode}")
    assert asing == [], "a new XML parse: use defusedxml or buku.xlsm._PARSER, then list it"
    assert dipakai == set(PARSER_DIIZINKAN), "stale entries"


def _xxe(penanda: Path) -> bytes:
    return (
        f'<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">'
        f'<!ENTITY y SYSTEM "{penanda.as_uri()}">]><r>&x;&y;</r>'
    ).encode()


BOM_TAWA = (
    '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + "]><r>&j;</r>"
).encode()
"""Billion laughs: &j; is 10^10 characters when expanded."""


def test_the_parsers_themselves_expand_nothing(tmp_path: Path) -> None:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring
    from docx.oxml.parser import parse_xml

    from pyxl.buku.xlsm import _PARSER

    penanda = tmp_path / "rahasia.txt"
    penanda.write_text("PENANDA-XXE-91")
    for doc in (_xxe(penanda), BOM_TAWA):
        with pytest.raises(DefusedXmlException):
            fromstring(doc)
        for parse in (lambda d: etree.fromstring(d, _PARSER), parse_xml):
            mulai = time.perf_counter()
            try:
                teks = etree.tostring(parse(doc))
            except etree.XMLSyntaxError:
                teks = b""
            assert b"PENANDA" not in teks and b"root:" not in teks and b"aaaa" not in teks
            assert time.perf_counter() - mulai < 2


def _sisip(xml: str, dtd: str, ganti: tuple[str, str]) -> str:
    m = re.match(r"<\?xml[^>]*\?>\s*", xml)
    awal = m.end() if m else 0
    isi = xml[awal:]
    assert ganti[0] in isi, ganti
    return xml[:awal] + dtd + isi.replace(ganti[0], ganti[1], 1)


def test_hostile_xml_in_returned_formats(kerja: Path, tmp_path: Path) -> None:
    """Entities in docProps/custom.xml, the sheet XML and sharedStrings.xml of a returned
    format: refused or read unexpanded, in seconds, and no local file is read."""
    _terbit(kerja)
    penanda = tmp_path / "rahasia.txt"
    penanda.write_text("PENANDA-XXE-91")
    xxe = _xxe(penanda).decode().removesuffix("<r>&x;&y;</r>")
    tawa = BOM_TAWA.decode().removesuffix("<r>&j;</r>")
    baris = '<row r="300"><c r="A300" t="inlineStr"><is><t>{}</t></is></c></row></sheetData>'
    kasus = {
        "custom_xxe.xlsx": ("docProps/custom.xml", xxe, (">HUKUM<", ">&x;&y;<")),
        "custom_tawa.xlsx": ("docProps/custom.xml", tawa, (">HUKUM<", ">&j;<")),
        "sheet_xxe.xlsx": (
            "xl/worksheets/sheet1.xml",
            xxe,
            ("</sheetData>", baris.format("&x;&y;")),
        ),
        "sheet_tawa.xlsx": (
            "xl/worksheets/sheet1.xml",
            tawa,
            ("</sheetData>", baris.format("&j;")),
        ),
        "ss_xxe.xlsx": ("xl/sharedStrings.xml", xxe, ("<t>Narahubung</t>", "<t>&x;&y;</t>")),
        "ss_tawa.xlsx": ("xl/sharedStrings.xml", tawa, ("<t>Narahubung</t>", "<t>&j;</t>")),
        "dtd_saja.xlsx": ("xl/sharedStrings.xml", xxe, ("<t>Narahubung</t>", "<t>Narahubung</t>")),
    }
    asal = _format(kerja, "HUKUM")
    for nama, (anggota, dtd, ganti) in kasus.items():
        with zipfile.ZipFile(asal) as zin, zipfile.ZipFile(kerja / "masuk" / nama, "w") as zout:
            for info in zin.infolist():
                data = zin.read(info)
                if info.filename == anggota:
                    data = _sisip(data.decode(), dtd, ganti).encode()
                zout.writestr(info, data, zipfile.ZIP_DEFLATED)
    mulai = time.perf_counter()
    proses = subprocess.run(
        [sys.executable, "-m", "pyxl", "himpun", "--workbook", str(_master(kerja)), "--tanpa-imap"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert proses.returncode == 0, proses.stderr
    assert time.perf_counter() - mulai < 30
    status = {r["Berkas"]: r["Status"] for r in _tabel(kerja, skema.PENERIMAAN)}
    assert set(status) == set(kasus)
    assert all(status[n] == "Ditolak" for n in kasus if n != "dtd_saja.xlsx")
    rahasia_lokal = [b"PENANDA-XXE-91"]
    if Path("/etc/passwd").is_file():
        rahasia_lokal += [b for b in Path("/etc/passwd").read_bytes().splitlines()[:3] if b]
    with zipfile.ZipFile(_master(kerja)) as z:
        for info in z.infolist():
            isi = z.read(info)
            assert not [r for r in rahasia_lokal if r in isi], info.filename
            if info.filename.endswith(".xml"):
                assert b"aaaaaaaaaaaaaaaaaaaa" not in isi, info.filename
    keluaran = (proses.stdout + proses.stderr).encode()
    assert not [r for r in rahasia_lokal if r in keluaran]
