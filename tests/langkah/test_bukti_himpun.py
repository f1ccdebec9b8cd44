"""Step 6 with evidence (data dukung): e-mail attachments, `masuk/<KODE>/`, zips beside the
format, each kept by SHA-256, listed in `Data Dukung` against the `Bukti` column; hostile
evidence refused with nothing lost; missing evidence warned; step 13 archives it."""

from __future__ import annotations

import hashlib
import imaplib
import io
import time
import zipfile
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

import dovecot
from bantu import atur, baris_sheet, zip_dari
from conftest import sidik_folder
from pyxl.alat.simulasi import isi_format, isian_contoh
from pyxl.berkas import arsip_masuk
from pyxl.buku.bukti import bukti_per_indikator
from pyxl.buku.xlsm import buka
from pyxl.cli import main
from pyxl.kontrak import skema

BATAS = "--batas-waktu=20 Januari 2027"
PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\0" * 64 + b"This program"
DOMAIN = "setda.waykanan.example"


def _jpg() -> bytes:
    b = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(b, "JPEG")
    return b.getvalue()


def _pdf(teks: str) -> bytes:
    return PDF + f"% {teks}\n".encode()


def _master(kerja: Path) -> Path:
    return kerja / skema.NAMA_MASTER


def _terbit(kerja: Path, *opsi: str) -> None:
    assert main(["format", "--workbook", str(_master(kerja)), BATAS, *opsi]) == 0


@pytest.fixture
def kerja_bukti(kerja: Path) -> Path:
    """The sample folder where IKU-HUKUM-01, IKU-HUKUM-02 and IKU-KESRA-01 need evidence
    (`Ya` typed in any case), formats issued."""
    master = _master(kerja)
    atur(master, "HUKUM", "IKU-HUKUM-01", {"Perlu Bukti": "Ya"})
    atur(master, "HUKUM", "IKU-HUKUM-02", {"Perlu Bukti": " ya "})
    atur(master, "KESRA", "IKU-KESRA-01", {"Perlu Bukti": "YA"})
    _terbit(kerja)
    return kerja


def _isi(kode: str, bukti: dict[int, str]) -> list[dict[str, Any]]:
    isian = isian_contoh(kode)
    for i, b in bukti.items():
        isian[i]["Bukti"] = b
    return isian


def _kembali(
    kerja: Path, kode: str, bukti: dict[int, str], nama: str | None = None, tw: str = ""
) -> Path:
    """Bagian `kode` fills its format (the sample values) naming evidence per row."""
    akhir = f"_{tw}" if tw else ""
    asal = kerja / "format" / tw / f"{kode}_Format_IKU_2026{akhir}.xlsx"
    tujuan = kerja / "masuk" / (nama or asal.name)
    return isi_format(asal, tujuan, _isi(kode, bukti))


def _eml(lampiran: dict[str, bytes], kode: str = "HUKUM", tahun: int = 2026) -> bytes:
    m = EmailMessage()
    m["From"] = f"Bagian {kode} <{kode.lower()}@{DOMAIN}>"
    m["To"] = f"renkeu@{DOMAIN}"
    m["Subject"] = f"Re: [IKU-{tahun}][{kode}] Format Pengumpulan Data Kinerja"
    m["Date"] = "Tue, 13 Jan 2027 10:15:00 +0700"
    m.set_content("Terlampir format yang sudah diisi beserta data dukungnya.")
    for nama, isi in lampiran.items():
        m.add_attachment(isi, maintype="application", subtype="octet-stream", filename=nama)
    return m.as_bytes()


def _himpun(kerja: Path, *opsi: str) -> int:
    return main(["himpun", "--workbook", str(_master(kerja)), "--tanpa-imap", *opsi])


def _dukung(kerja: Path) -> dict[str, dict[str, Any]]:
    """`Data Dukung` rows by file name (each name once in these tests)."""
    rows = baris_sheet(_master(kerja), skema.DATA_DUKUNG)
    hasil = {r["Berkas"]: r for r in rows}
    assert len(hasil) == len(rows), [r["Berkas"] for r in rows]
    return hasil


def _validasi(kerja: Path, kode: str | None = None) -> list[dict[str, Any]]:
    rows = baris_sheet(_master(kerja), skema.VALIDASI)
    return [r for r in rows if kode is None or r["Kode Masalah"] == kode]


def _status(kerja: Path) -> dict[str, str]:
    return {r["Berkas"]: r["Status"] for r in baris_sheet(_master(kerja), skema.PENERIMAAN)}


def _asli(kerja: Path, sha: str) -> bytes:
    asli = arsip_masuk.cari(kerja / "arsip" / "masuk", sha)
    assert asli is not None, sha
    return asli.baca()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_email_attachments_become_evidence_of_the_indicators_naming_them(
    kerja_bukti: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kerja = kerja_bukti
    jpg = _jpg()
    sk = _pdf("SK Tim Penyusun Produk Hukum")
    ret = _kembali(kerja, "HUKUM", {0: "SK Tim.pdf; foto rapat.JPG", 1: "sk tim.PDF"}, "h.xlsx")
    lampiran = {"HUKUM_Format_IKU_2026.xlsx": ret.read_bytes(), "SK Tim.pdf": sk}
    lampiran["foto rapat.jpg"] = jpg
    ret.unlink()
    (kerja / "masuk" / "balasan hukum.eml").write_bytes(_eml(lampiran))
    capsys.readouterr()
    assert _himpun(kerja) == 0
    keluar = capsys.readouterr().out
    assert "Data dukung: 2 berkas baru (2 diterima, 0 ditolak)" in keluar

    assert _status(kerja) == {"HUKUM_Format_IKU_2026.xlsx": "Diterima"}, "evidence is no return"
    dukung = _dukung(kerja)
    assert set(dukung) == {"SK Tim.pdf", "foto rapat.jpg"}
    r = dukung["SK Tim.pdf"]
    assert r["Kode IKU"] == "IKU-HUKUM-01; IKU-HUKUM-02", "named in two rows, any case"
    assert dukung["foto rapat.jpg"]["Kode IKU"] == "IKU-HUKUM-01"
    assert (r["Kode Bagian"], r["Periode"], r["Status"]) == ("HUKUM", "Tahunan", "Diterima")
    assert r["Asal"] == f"lampiran email dari hukum@{DOMAIN} (balasan hukum.eml)"
    assert r["SHA-256"] == _sha(sk) and r["Ukuran (KB)"] == round(len(sk) / 1024, 1)
    assert r["Waktu"].year == 2027, "the e-mail's date"
    assert _asli(kerja, r["SHA-256"]) == sk
    assert _asli(kerja, dukung["foto rapat.jpg"]["SHA-256"]) == jpg
    zips = list((kerja / "arsip" / "masuk").glob("Kiriman_*.zip"))
    assert len(zips) == 1, "returns and evidence in the same run's zip"
    hukum = {r["Kode IKU"]: r for r in baris_sheet(_master(kerja), "HUKUM")}
    assert hukum["IKU-HUKUM-01"]["Bukti"] == "SK Tim.pdf; foto rapat.JPG"
    assert not _validasi(kerja, "BUKTI_TIDAK_ADA"), "every named file arrived"
    with buka(_master(kerja)) as buku:
        assert bukti_per_indikator(buku, "Tahunan") == {
            ("HUKUM", "IKU-HUKUM-01"): ["SK Tim.pdf", "foto rapat.jpg"],
            ("HUKUM", "IKU-HUKUM-02"): ["SK Tim.pdf"],
        }
        assert bukti_per_indikator(buku, "TW II") == {}

    # nothing new: nothing changes
    sebelum = sidik_folder(kerja)
    assert _himpun(kerja) == 0
    assert "Tidak ada berkas baru di masuk/ (3 berkas sudah tercatat" in capsys.readouterr().out
    assert sidik_folder(kerja) == sebelum


def test_a_bagian_folder_and_zips_beside_the_format(kerja_bukti: Path) -> None:
    kerja = kerja_bukti
    masuk = kerja / "masuk"
    _kembali(kerja, "HUKUM", {0: "SK Tim.pdf", 1: "notulen.docx", 2: "lampiran.zip"})
    (masuk / "hukum").mkdir()  # the folder's name in any case
    (masuk / "hukum" / "SK Tim.pdf").write_bytes(_pdf("hukum"))
    docx = zip_dari({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
    isi_hukum = {"notulen.docx": docx, "foto/rapat.jpg": _jpg()}
    (masuk / "HUKUM_Format_IKU_2026_bukti.zip").write_bytes(zip_dari(isi_hukum))
    (masuk / "lampiran.zip").write_bytes(zip_dari({"x.pdf": _pdf("x")}))  # no Bagian: as before
    # KESRA's return under a name of its own, its evidence zipped beside it under the same stem
    _kembali(kerja, "KESRA", {0: "rekap.csv"}, "Laporan Kinerja.xlsx")
    (masuk / "laporan kinerja.zip").write_bytes(zip_dari({"rekap.csv": b"No;Uraian\n1;Rapat\n"}))
    assert _himpun(kerja) == 0

    assert _status(kerja) == {
        "HUKUM_Format_IKU_2026.xlsx": "Diterima",
        "Laporan Kinerja.xlsx": "Diterima",
        "lampiran.zip": "Ditolak",  # a zip of nobody's: a received file that is no return
    }
    dukung = _dukung(kerja)
    assert {n: (r["Kode Bagian"], r["Kode IKU"], r["Status"]) for n, r in dukung.items()} == {
        "SK Tim.pdf": ("HUKUM", "IKU-HUKUM-01", "Diterima"),
        "HUKUM_Format_IKU_2026_bukti.zip": ("HUKUM", None, "Diterima"),
        "notulen.docx": ("HUKUM", "IKU-HUKUM-02", "Diterima"),
        "rapat.jpg": ("HUKUM", None, "Diterima"),
        "laporan kinerja.zip": ("KESRA", None, "Diterima"),
        "rekap.csv": ("KESRA", "IKU-KESRA-01", "Diterima"),
    }
    assert dukung["SK Tim.pdf"]["Asal"] == "masuk/hukum/SK Tim.pdf"
    assert dukung["rapat.jpg"]["Asal"] == (
        "isi HUKUM_Format_IKU_2026_bukti.zip, masuk/HUKUM_Format_IKU_2026_bukti.zip"
    )
    assert "belum disebut di kolom Bukti" in dukung["rapat.jpg"]["Catatan"]
    for r in dukung.values():  # the zip and each of its files, all kept
        assert _sha(_asli(kerja, r["SHA-256"])) == r["SHA-256"]
    assert _asli(kerja, dukung["rapat.jpg"]["SHA-256"]) == isi_hukum["foto/rapat.jpg"]
    # IKU-HUKUM-03 names lampiran.zip, which is nobody's evidence
    [kurang] = _validasi(kerja, "BUKTI_TIDAK_ADA")
    assert kurang["Kode Bagian"] == "HUKUM" and kurang["Sel"] == "HUKUM!V4"
    assert "IKU-HUKUM-03" in kurang["Pesan"] and "lampiran.zip" in kurang["Pesan"]


def _bom() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("scan.pdf", PDF + b"\0" * (60 * 1024 * 1024))
    return buf.getvalue()


def _zip_liar(nama: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo(nama), _pdf(nama))
    return buf.getvalue()


def _zip_rusak() -> bytes:
    """A zip whose deflate stream was damaged in transit."""
    data = bytearray(zip_dari({"scan.pdf": PDF + bytes(range(256)) * 40}))
    awal = data.find(b"scan.pdf") + len("scan.pdf") + 10
    for i in range(awal, awal + 40):
        data[i] ^= 0x5A
    return bytes(data)


def test_hostile_evidence_is_refused_and_kept_the_return_merged(kerja_bukti: Path) -> None:
    kerja = kerja_bukti
    master = _master(kerja)
    atur(master, skema.PENGATURAN, "Batas Ukuran Bukti (MB)", {"Nilai": "1"})
    ret = _kembali(kerja, "HUKUM", {0: "SK.pdf", 1: "program.pdf"}, "h.xlsx")
    besar = _pdf("besar") + b"0" * (1536 * 1024)
    jahat = {
        "HUKUM_Format_IKU_2026.xlsx": ret.read_bytes(),
        "SK.pdf": _pdf("sah"),
        "program.pdf": EXE,  # a program renamed .pdf
        "pindaian.pdf": besar,  # over the 1 MB of the setting
        "bom.zip": _bom(),
        "naik.zip": _zip_liar("../x.pdf"),
        "mutlak.zip": _zip_liar("/etc/x.pdf"),
        "windows.zip": _zip_liar("C:\\Windows\\x.pdf"),
        "rusak.zip": _zip_rusak(),
        "CON.pdf": _pdf("perangkat"),
    }
    ret.unlink()
    (kerja / "masuk" / "balasan.eml").write_bytes(_eml(jahat))
    (kerja / "masuk" / "HUKUM").mkdir()
    (kerja / "masuk" / "HUKUM" / "skrip.js").write_bytes(b"alert(1)")
    luar = sidik_folder(kerja.parent)
    assert _himpun(kerja) == 0

    harap = {
        "program.pdf": "BUKTI_JENIS",
        "pindaian.pdf": "BUKTI_TERLALU_BESAR",
        "bom.zip": "BUKTI_BOM_ZIP",
        "naik.zip": "BUKTI_NAMA",
        "mutlak.zip": "BUKTI_NAMA",
        "windows.zip": "BUKTI_NAMA",
        "rusak.zip": "BUKTI_JENIS",
        "CON.pdf": "BUKTI_NAMA",
        "skrip.js": "BUKTI_JENIS",
    }
    dukung = _dukung(kerja)
    assert set(dukung) == {*harap, "SK.pdf"}, "a refused zip is not unpacked"
    validasi = _validasi(kerja)
    for nama, kode in harap.items():
        r = dukung[nama]
        assert (r["Status"], r["Kode Bagian"]) == ("Ditolak", "HUKUM"), nama
        assert r["Catatan"].startswith(f"{kode}: "), r["Catatan"]
        [v] = [v for v in validasi if v["Berkas"] == nama]
        assert (v["Tingkat"], v["Kode Masalah"], v["Kode Bagian"]) == ("Blokir", kode, "HUKUM")
        assert repr(nama) in v["Pesan"], "the message names the file"
        asli = _asli(kerja, r["SHA-256"])  # nothing lost
        assert _sha(asli) == r["SHA-256"]
    assert _asli(kerja, dukung["pindaian.pdf"]["SHA-256"]) == besar
    assert dukung["SK.pdf"]["Status"] == "Diterima"
    # the return itself is accepted and merged
    assert _status(kerja) == {"HUKUM_Format_IKU_2026.xlsx": "Diterima"}
    hukum = {r["Kode IKU"]: r for r in baris_sheet(master, "HUKUM")}
    assert hukum["IKU-HUKUM-01"]["Realisasi"] == isian_contoh("HUKUM")[0]["Realisasi"]
    # IKU-HUKUM-02 names the refused program: warned, and told why
    [kurang] = _validasi(kerja, "BUKTI_TIDAK_ADA")
    assert "IKU-HUKUM-02" in kurang["Pesan"] and "program.pdf ditolak" in kurang["Pesan"]
    # nothing was unpacked anywhere, nothing named after a member exists
    assert not [p for p in kerja.parent.rglob("x.pdf")]
    assert {k: v for k, v in sidik_folder(kerja.parent).items() if not k.startswith("kerja/")} == {
        k: v for k, v in luar.items() if not k.startswith("kerja/")
    }


def test_missing_evidence_is_a_warning_naming_indicator_cell_and_what_to_do(
    kerja_bukti: Path,
) -> None:
    kerja = kerja_bukti
    # HUKUM: IKU-01 needs evidence, names none; IKU-02 needs it, names a file that never came;
    # IKU-03 does not need it but names a file that never came
    _kembali(kerja, "HUKUM", {1: "SK.pdf", 2: "foto.jpg"})
    # KESRA sent its evidence first, alone; its return then names it: no warning
    (kerja / "masuk" / "KESRA").mkdir()
    (kerja / "masuk" / "KESRA" / "rekap.pdf").write_bytes(_pdf("kesra"))
    assert _himpun(kerja) == 0
    assert _dukung(kerja)["rekap.pdf"]["Kode IKU"] is None, "no return names it yet"
    kurang = {r["Sel"]: r for r in _validasi(kerja, "BUKTI_TIDAK_ADA")}
    assert set(kurang) == {"HUKUM!V2", "HUKUM!V3", "HUKUM!V4"}
    for r in kurang.values():
        assert (r["Tingkat"], r["Kode Bagian"]) == ("Peringatan", "HUKUM")
        assert r["Berkas"] == "HUKUM_Format_IKU_2026.xlsx"
        assert "masuk/HUKUM/" in r["Pesan"] and "Himpun lagi" in r["Pesan"]
    assert "IKU-HUKUM-01 perlu data dukung" in kurang["HUKUM!V2"]["Pesan"]
    assert "kosong" in kurang["HUKUM!V2"]["Pesan"]
    assert "IKU-HUKUM-02" in kurang["HUKUM!V3"]["Pesan"] and "SK.pdf" in kurang["HUKUM!V3"]["Pesan"]
    assert "foto.jpg" in kurang["HUKUM!V4"]["Pesan"]

    _kembali(kerja, "KESRA", {0: "Rekap"})  # without the extension
    assert _himpun(kerja) == 0
    assert _dukung(kerja)["rekap.pdf"]["Kode IKU"] == "IKU-KESRA-01", "the return names it now"
    assert not [r for r in _validasi(kerja, "BUKTI_TIDAK_ADA") if r["Kode Bagian"] == "KESRA"]

    # HUKUM sends the missing files later: a corrected return finds them in Data Dukung
    (kerja / "masuk" / "HUKUM_bukti.zip").write_bytes(
        zip_dari({"SK.pdf": _pdf("hukum"), "foto.jpg": _jpg()})
    )
    assert _himpun(kerja) == 0
    assert len(_validasi(kerja, "BUKTI_TIDAK_ADA")) == 3, "no new warning without a new return"
    _kembali(kerja, "HUKUM", {0: "HUKUM_bukti.zip", 1: "SK.pdf", 2: "foto.jpg"}, "HUKUM v2.xlsx")
    assert _himpun(kerja) == 0
    assert len(_validasi(kerja, "BUKTI_TIDAK_ADA")) == 3, "everything named has arrived"
    dukung = _dukung(kerja)
    assert dukung["HUKUM_bukti.zip"]["Kode IKU"] == "IKU-HUKUM-01"
    assert dukung["SK.pdf"]["Kode IKU"] == "IKU-HUKUM-02"


def test_settings_choose_the_types_and_a_recheck_lists_what_they_now_allow(
    kerja_bukti: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kerja = kerja_bukti
    master = _master(kerja)
    atur(master, skema.PENGATURAN, "Jenis Berkas Bukti", {"Nilai": "pdf; .PNG"})
    _kembali(kerja, "HUKUM", {0: "foto.jpg"})
    (kerja / "masuk" / "HUKUM").mkdir()
    (kerja / "masuk" / "HUKUM" / "foto.jpg").write_bytes(_jpg())
    assert _himpun(kerja) == 0
    assert _dukung(kerja)["foto.jpg"]["Status"] == "Ditolak"
    assert "Kirim sebagai pdf, png" in _dukung(kerja)["foto.jpg"]["Catatan"]

    for nilai, salah in (("pdf, exe", "exe"), ("pdf, *.xlsm", "xlsm"), ("pdf, ../x", "../x")):
        atur(master, skema.PENGATURAN, "Jenis Berkas Bukti", {"Nilai": nilai})
        (kerja / "masuk" / "HUKUM" / "lagi.pdf").write_bytes(_pdf(nilai))
        sebelum = sidik_folder(kerja)
        capsys.readouterr()
        assert _himpun(kerja) == 1
        galat = capsys.readouterr()
        assert "Jenis Berkas Bukti" in galat.err + galat.out and salah in galat.err + galat.out
        assert "Traceback" not in galat.err
        assert sidik_folder(kerja) == sebelum, "nothing changed"
        (kerja / "masuk" / "HUKUM" / "lagi.pdf").unlink()
    atur(master, skema.PENGATURAN, "Jenis Berkas Bukti", {"Nilai": "pdf, jpg"})
    atur(master, skema.PENGATURAN, "Batas Ukuran Bukti (MB)", {"Nilai": "nol"})
    assert _himpun(kerja, "--ulang") == 1
    atur(master, skema.PENGATURAN, "Batas Ukuran Bukti (MB)", {"Nilai": "2,5"})
    assert _himpun(kerja, "--ulang") == 0
    rows = [r for r in baris_sheet(master, skema.DATA_DUKUNG) if r["Berkas"] == "foto.jpg"]
    assert [r["Status"] for r in rows] == ["Ditolak", "Diterima"], "the earlier row stays"
    assert rows[1]["Kode IKU"] == "IKU-HUKUM-01" and rows[1]["Catatan"] == "diperiksa ulang"
    assert _himpun(kerja, "--ulang") == 0
    assert "Tidak ada kiriman yang ditolak" in capsys.readouterr().out


def test_a_quarterly_round_lists_its_evidence_apart(kerja_bukti: Path) -> None:
    kerja = kerja_bukti
    _terbit(kerja, "--periode", "TW II")
    _kembali(kerja, "HUKUM", {0: "SK TW2.pdf"}, tw="TW2")
    (kerja / "masuk" / "HUKUM_TW2.zip").write_bytes(zip_dari({"SK TW2.pdf": _pdf("tw2")}))
    assert _himpun(kerja, "--periode", "TW II") == 0
    dukung = _dukung(kerja)
    assert dukung["SK TW2.pdf"]["Periode"] == "TW II"
    assert dukung["SK TW2.pdf"]["Kode IKU"] == "IKU-HUKUM-01"
    triwulan = baris_sheet(_master(kerja), skema.TRIWULAN)
    [r] = [r for r in triwulan if r["Kode IKU"] == "IKU-HUKUM-01"]
    assert r["Bukti"] == "SK TW2.pdf"
    kurang = {r["Sel"].split("!")[0] for r in _validasi(kerja, "BUKTI_TIDAK_ADA")}
    assert kurang == {skema.TRIWULAN}, "IKU-HUKUM-02 of TW II: its cell is in sheet Triwulan"
    with buka(_master(kerja)) as buku:
        assert bukti_per_indikator(buku, "TW II") == {("HUKUM", "IKU-HUKUM-01"): ["SK TW2.pdf"]}
        assert bukti_per_indikator(buku, "Tahunan") == {}
    assert [r["Bukti"] for r in baris_sheet(_master(kerja), "HUKUM")] == [None] * 5, (
        "the yearly columns are not touched"
    )


def test_the_archive_step_copies_evidence_and_checks_it(
    kerja_bukti: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kerja = kerja_bukti
    master = _master(kerja)
    sk, jpg = _pdf("arsip"), _jpg()
    _kembali(kerja, "HUKUM", {0: "SK.pdf; foto.jpg"})
    (kerja / "masuk" / "HUKUM").mkdir()
    (kerja / "masuk" / "HUKUM" / "SK.pdf").write_bytes(sk)
    (kerja / "masuk" / "HUKUM" / "foto.jpg").write_bytes(jpg)
    (kerja / "masuk" / "HUKUM" / "virus.pdf").write_bytes(EXE)  # refused: never archived
    assert _himpun(kerja) == 0
    for p in (kerja / "masuk" / "HUKUM").iterdir():  # the archive reads the kept originals
        p.unlink()
    capsys.readouterr()
    assert main(["arsip", "--workbook", str(master)]) == 0
    assert "2 berkas data dukung di 000.8.6.3/Data Dukung/" in capsys.readouterr().out
    folder = kerja / "arsip" / "2026" / "000.8.6.3" / "Data Dukung" / "Tahunan" / "HUKUM"
    assert (folder / "SK.pdf").read_bytes() == sk and (folder / "foto.jpg").read_bytes() == jpg
    assert not (folder / "virus.pdf").exists()
    manifest = (folder / "MANIFEST.sha256").read_text(encoding="utf-8")
    assert f"{_sha(sk)}  SK.pdf" in manifest and f"{_sha(jpg)}  foto.jpg" in manifest
    register = {r["Berkas"]: r for r in baris_sheet(master, skema.REGISTER_ARSIP)}
    assert register["SK.pdf"]["Jalur Arsip"] == (
        "arsip/2026/000.8.6.3/Data Dukung/Tahunan/HUKUM/SK.pdf"
    )
    assert "IKU-HUKUM-01" in register["SK.pdf"]["Keterangan"]
    assert "Data_Dukung_2026.xlsx" in register, "the ledger itself is archived too"
    assert main(["arsip", "--workbook", str(master), "--periksa"]) == 0
    assert "Data Dukung/Tahunan/HUKUM/SK.pdf" in capsys.readouterr().out
    sebelum = sidik_folder(kerja)
    assert main(["arsip", "--workbook", str(master)]) == 0
    assert sidik_folder(kerja) == sebelum, "archived once"
    # a changed copy is caught
    (folder / "SK.pdf").chmod(0o644)
    (folder / "SK.pdf").write_bytes(sk + b"diubah")
    capsys.readouterr()
    assert main(["arsip", "--workbook", str(master), "--periksa"]) == 1
    laporan = capsys.readouterr()
    [berubah] = [b for b in (laporan.out + laporan.err).splitlines() if b.startswith("BERUBAH")]
    assert berubah.endswith("Data Dukung/Tahunan/HUKUM/SK.pdf (SHA-256 berbeda dari manifest)")


def test_evidence_through_a_real_imap_mailbox(
    kerja_bukti: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kerja = kerja_bukti
    master = _master(kerja)
    sk = _pdf("imap")
    ret = _kembali(kerja, "KESRA", {0: "SK Kesra.pdf"}, "k.xlsx")
    pesan = _eml({"KESRA_Format_IKU_2026.xlsx": ret.read_bytes(), "SK Kesra.pdf": sk}, "KESRA")
    ret.unlink()
    with dovecot.jalankan() as server:
        with server.sambung() as imap:
            status, _ = imap.append("INBOX", None, imaplib.Time2Internaldate(time.time()), pesan)
            assert status == "OK"
        for kunci, nilai in {
            "IMAP Host": server.host,
            "IMAP Pengguna": server.pengguna,
            "IMAP Port": str(server.port),
            "IMAP Keamanan": "tanpa",
        }.items():
            atur(master, skema.PENGATURAN, kunci, {"Nilai": nilai})
        monkeypatch.setenv("PYXL_IMAP_PASSWORD", server.sandi)
        assert main(["himpun", "--workbook", str(master)]) == 0
        sebelum = sidik_folder(kerja)
        assert main(["himpun", "--workbook", str(master)]) == 0
        assert sidik_folder(kerja) == sebelum, "read again from the mailbox: nothing new"
    assert _status(kerja) == {"KESRA_Format_IKU_2026.xlsx": "Diterima"}
    [r] = _dukung(kerja).values()
    assert (r["Berkas"], r["Kode Bagian"], r["Kode IKU"]) == (
        "SK Kesra.pdf",
        "KESRA",
        "IKU-KESRA-01",
    )
    assert r["Asal"].startswith(f"lampiran email dari kesra@{DOMAIN} (imap:INBOX/")
    assert _asli(kerja, r["SHA-256"]) == sk
    assert not _validasi(kerja, "BUKTI_TIDAK_ADA")


def test_an_identical_file_in_a_new_email_is_a_new_receipt(kerja_bukti: Path) -> None:
    """Same name and content from another source: listed again (where it came from differs);
    the same file seen again in the same place: never."""
    kerja = kerja_bukti
    sk = _pdf("sama")
    ret = _kembali(kerja, "HUKUM", {0: "SK.pdf"}, "h.xlsx").read_bytes()
    (kerja / "masuk" / "h.xlsx").unlink()
    (kerja / "masuk" / "pertama.eml").write_bytes(_eml({"HUKUM.xlsx": ret, "SK.pdf": sk}))
    assert _himpun(kerja) == 0
    (kerja / "masuk" / "kedua.eml").write_bytes(_eml({"HUKUM.xlsx": ret, "SK.pdf": sk}))
    assert _himpun(kerja) == 0
    rows = baris_sheet(_master(kerja), skema.DATA_DUKUNG)
    assert [(r["Berkas"], r["Kode Bagian"], r["Status"]) for r in rows] == [
        ("SK.pdf", "HUKUM", "Diterima"),
        ("SK.pdf", "HUKUM", "Diterima"),
    ], "the identical return in the second e-mail is Duplikat: its Bagian still known"
    assert [r["Asal"].rsplit("(", 1)[1] for r in rows] == ["pertama.eml)", "kedua.eml)"]
    penerimaan = baris_sheet(_master(kerja), skema.PENERIMAAN)
    assert [r["Status"] for r in penerimaan] == ["Diterima", "Duplikat"]
