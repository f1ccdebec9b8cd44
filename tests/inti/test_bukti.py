"""pyxl.inti.bukti: evidence files pass hostile-input checks before they are listed."""

from __future__ import annotations

import io
import zipfile

import pytest
from PIL import Image

from bantu import zip_dari
from pyxl.inti.bukti import BATAS_ANGGOTA, Bukti, nama_sah, periksa_bukti

PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def _png() -> bytes:
    b = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(b, "PNG")
    return b.getvalue()


def _jpg() -> bytes:
    b = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(b, "JPEG")
    return b.getvalue()


def _docx(makro: bool = False) -> bytes:
    isi = {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}
    if makro:
        isi["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0"
    return zip_dari(isi)


def _kode(t: list) -> list[str]:  # type: ignore[type-arg]
    return [x.kode for x in t]


@pytest.mark.parametrize(
    ("nama", "data"),
    [
        ("SK Kepala Bagian.pdf", PDF),
        ("foto kegiatan.JPG", _jpg()),
        ("grafik.png", _png()),
        ("rekap.csv", b"No;Uraian;Jumlah\n1;Rapat;3\n"),
        ("notulen.docx", _docx()),
        ("bukti TW II.zip", zip_dari({"SK.pdf": PDF, "foto/1.png": _png()})),
    ],
)
def test_real_evidence_is_accepted(nama: str, data: bytes) -> None:
    assert periksa_bukti(Bukti(nama, data)) == []


@pytest.mark.parametrize(
    ("nama", "alasan"),
    [
        ("../../Pengumpulan_Data_Kinerja.xlsm", "jalur"),
        ("C:evil.pdf", "jalur"),
        ("sub\\x.pdf", "jalur"),
        ("CON.pdf", "perangkat"),
        ("nul", "perangkat"),
        ("com1.jpg", "perangkat"),
        ("laporan.pdf.", "titik"),
        (" spasi.pdf", "spasi"),
        ("tab\tdi.pdf", "karakter"),
        ("x" * 151 + ".pdf", "150"),
        ("", "kosong"),
    ],
)
def test_names_that_would_escape_or_break_windows(nama: str, alasan: str) -> None:
    teks = nama_sah(nama)
    assert teks is not None and alasan in teks
    assert _kode(periksa_bukti(Bukti(nama, PDF))) == ["BUKTI_NAMA"]


def test_type_allow_list_and_content_sniffing() -> None:
    [t] = periksa_bukti(Bukti("setup.exe", b"MZ\x90\x00"))
    assert t.kode == "BUKTI_JENIS" and ".exe" in t.pesan and "pdf" in t.pesan
    [t] = periksa_bukti(Bukti("SK.pdf", b"MZ\x90\x00 program"))  # a renamed program
    assert t.kode == "BUKTI_JENIS" and "ekstensinya diganti" in t.pesan
    [t] = periksa_bukti(Bukti("foto.png", _jpg()))
    assert t.kode == "BUKTI_JENIS"
    [t] = periksa_bukti(Bukti("data.csv", b"\x00\x01\x02binary"))
    assert t.kode == "BUKTI_JENIS"
    assert periksa_bukti(Bukti("SK.pdf", PDF), jenis={"jpg"})[0].kode == "BUKTI_JENIS"
    assert periksa_bukti(Bukti("peta.kml", b"<kml/>"), jenis={"kml"}) == []  # office's own type


def test_macros_and_encryption_in_office_files() -> None:
    [t] = periksa_bukti(Bukti("notulen.docx", _docx(makro=True)))
    assert t.kode == "BUKTI_JENIS" and "makro" in t.pesan
    data = bytearray(_docx())
    pusat = data.index(b"PK\x01\x02")  # the first central directory entry
    data[6] |= 0x1  # "encrypted" in the first local header ...
    data[pusat + 8] |= 0x1  # ... and in the central directory, which readers trust
    [t] = periksa_bukti(Bukti("rahasia.docx", bytes(data)))
    assert t.kode == "BUKTI_JENIS" and "terenkripsi" in t.pesan


def test_size_limit_and_empty_file() -> None:
    [t] = periksa_bukti(Bukti("scan.pdf", PDF + b"0" * 2048), batas=1024)
    assert t.kode == "BUKTI_TERLALU_BESAR" and "MB" in t.pesan
    assert _kode(periksa_bukti(Bukti("scan.pdf", b""))) == ["KOSONG"]


def test_zip_bombs_nesting_and_traversal_are_refused_unread() -> None:
    bom = zip_dari({"nol.csv": b"0" * (50 * 1024 * 1024)})  # 50 MB of zeros, ~50 kB packed
    assert len(bom) < 100_000
    assert _kode(periksa_bukti(Bukti("bukti.zip", bom))) == ["BUKTI_BOM_ZIP"]
    bersarang = zip_dari({"dalam.zip": zip_dari({"SK.pdf": PDF})})
    assert _kode(periksa_bukti(Bukti("bukti.zip", bersarang))) == ["BUKTI_BOM_ZIP"]
    banyak = zip_dari({f"{i}.csv": b"1" for i in range(BATAS_ANGGOTA + 1)}, zipfile.ZIP_STORED)
    assert _kode(periksa_bukti(Bukti("bukti.zip", banyak))) == ["BUKTI_BOM_ZIP"]
    for jahat in ("../../luar.pdf", "/etc/passwd.pdf", "C:/Windows/x.pdf"):
        [t] = periksa_bukti(Bukti("bukti.zip", zip_dari({jahat: PDF})))
        assert t.kode == "BUKTI_NAMA" and "keluar dari foldernya" in t.pesan


def test_every_member_of_a_zip_of_evidence_is_checked_like_a_file() -> None:
    [t] = periksa_bukti(Bukti("bukti.zip", zip_dari({"SK.pdf": PDF, "virus.exe": b"MZ"})))
    assert t.kode == "BUKTI_JENIS" and "virus.exe" in t.pesan
    [t] = periksa_bukti(Bukti("bukti.zip", zip_dari({"SK.pdf": b"MZ not a pdf"})))
    assert t.kode == "BUKTI_JENIS" and "SK.pdf" in t.pesan
    assert periksa_bukti(Bukti("bukti.zip", zip_dari({"notulen.docx": _docx(makro=True)})))
    assert _kode(periksa_bukti(Bukti("bukti.zip", b"PK\x03\x04 rusak"))) == ["BUKTI_JENIS"]


def test_settings_give_the_types_and_the_limit() -> None:
    from pyxl.inti.bukti import aturan_bukti
    from pyxl.kontrak.pengaturan import Pengaturan

    assert aturan_bukti(Pengaturan({})) == (
        frozenset({"pdf", "jpg", "jpeg", "png", "xlsx", "docx", "pptx", "csv", "zip"}),
        20 * 1024 * 1024,
    )
    peng = Pengaturan({"Jenis Berkas Bukti": " PDF; *.jpg, .Png ", "Batas Ukuran Bukti (MB)": 2.5})
    assert aturan_bukti(peng) == (frozenset({"pdf", "jpg", "png"}), int(2.5 * 1024 * 1024))
    assert aturan_bukti(Pengaturan({"Batas Ukuran Bukti (MB)": "0,5"}))[1] == 512 * 1024


@pytest.mark.parametrize(
    ("kunci", "nilai", "pesan"),
    [
        ("Jenis Berkas Bukti", "pdf, exe", "exe: program"),
        ("Jenis Berkas Bukti", "pdf docm", "docm: program"),
        ("Jenis Berkas Bukti", "pdf, ../x", "tulis ekstensi"),
        ("Jenis Berkas Bukti", ", ;", "tulis ekstensi"),
        ("Batas Ukuran Bukti (MB)", "0", "lebih dari 0"),
        ("Batas Ukuran Bukti (MB)", "-3", "lebih dari 0"),
        ("Batas Ukuran Bukti (MB)", "20 MB", "lebih dari 0"),
        ("Batas Ukuran Bukti (MB)", "1000", "paling banyak 200"),
        ("Batas Ukuran Bukti (MB)", "nan", "lebih dari 0"),
    ],
)
def test_a_setting_that_cannot_be_used_is_a_clear_error(kunci: str, nilai: str, pesan: str) -> None:
    from pyxl.galat import IsianError
    from pyxl.inti.bukti import aturan_bukti
    from pyxl.kontrak.pengaturan import Pengaturan

    peng = Pengaturan({kunci: nilai}, {kunci: "B40"})
    with pytest.raises(IsianError, match=pesan) as galat:
        aturan_bukti(peng)
    assert f"'{kunci}'" in str(galat.value) and "sheet Pengaturan sel B40" in str(galat.value)


def test_a_corrupt_member_refuses_the_zip_instead_of_crashing() -> None:
    """A deflate stream broken in transit raises zlib.error deep inside zipfile."""
    data = bytearray(zip_dari({"SK.pdf": PDF + bytes(range(256)) * 40}))
    awal = data.find(b"SK.pdf") + len("SK.pdf") + 10
    for i in range(awal, awal + 40):
        data[i] ^= 0x5A
    [t] = periksa_bukti(Bukti("bukti.zip", bytes(data)))
    assert t.kode == "BUKTI_JENIS" and "rusak" in t.pesan
