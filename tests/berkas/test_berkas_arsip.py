"""pyxl.berkas.arsip: the write-once archive, its `MANIFEST.sha256` files, and the check.

(Named test_berkas_arsip.py: tests/langkah/test_arsip.py tests step 13 through the CLI.)
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path

import pytest

from pyxl.berkas.arsip import (
    BELUM_DI_REGISTER,
    BERUBAH,
    FOLDER_MASUK,
    HILANG,
    MANIFEST,
    OK,
    TIDAK_DI_MANIFEST,
    TIDAK_TERCATAT,
    baca_manifest,
    jalur_register,
    nama_bebas,
    periksa,
    sha256_berkas,
    simpan_sekali,
    tambah_manifest,
    tanpa_catatan,
)
from pyxl.galat import LingkunganError


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


# ------------------------------------------------------------------------------ sha256_berkas


@pytest.mark.parametrize("ukuran", [0, 1, 65_536, 300_001])
def test_sha256_berkas_matches_hashlib(tmp_path: Path, ukuran: int) -> None:
    data = bytes(i % 251 for i in range(ukuran))
    p = tmp_path / "f.bin"
    p.write_bytes(data)
    assert sha256_berkas(p) == _sha(data)


# ------------------------------------------------------------------------------ simpan_sekali


def test_simpan_sekali_writes_the_file_read_only(tmp_path: Path) -> None:
    p = tmp_path / "surat_pengantar.pdf"
    simpan_sekali(p, b"%PDF-1.7 isi")
    assert p.read_bytes() == b"%PDF-1.7 isi"
    assert _mode(p) == 0o444
    assert sorted(x.name for x in tmp_path.iterdir()) == ["surat_pengantar.pdf"]


def test_simpan_sekali_keeps_the_given_modification_time(tmp_path: Path) -> None:
    p = tmp_path / "a.docx"
    simpan_sekali(p, b"isi", mtime=1_700_000_000.0)
    assert p.stat().st_mtime == 1_700_000_000.0


def test_simpan_sekali_never_replaces_a_file(tmp_path: Path) -> None:
    p = tmp_path / "a.docx"
    simpan_sekali(p, b"pertama")
    with pytest.raises(LingkunganError) as info:
        simpan_sekali(p, b"kedua")
    assert p.read_bytes() == b"pertama"
    assert _mode(p) == 0o444
    assert sorted(x.name for x in tmp_path.iterdir()) == ["a.docx"]  # no temporary file left
    pesan = str(info.value)
    assert pesan.startswith(f"Arsip a.docx sudah ada di {tmp_path} dan tidak ditimpa.")
    assert "Errno" not in pesan and ".tmp" not in pesan


def test_simpan_sekali_into_a_missing_folder_is_an_indonesian_error(tmp_path: Path) -> None:
    with pytest.raises(LingkunganError, match=r"^Arsip a\.pdf tidak dapat ditulis di "):
        simpan_sekali(tmp_path / "tidak-ada" / "a.pdf", b"x")


# ------------------------------------------------------------------------------ the manifest


def test_a_first_manifest_has_a_header_the_title_and_the_lines(tmp_path: Path) -> None:
    baris = [f"{_sha(b'a')}  a.docx", f"{_sha(b'b')}  b.pdf"]
    tambah_manifest(tmp_path, b"", baris, "Arsip 12/01/2026 oleh langkah 13")
    teks = (tmp_path / MANIFEST).read_text(encoding="utf-8")
    assert teks == (
        f"# Manifest arsip pyxl. Periksa dengan: sha256sum -c {MANIFEST}\n"
        "# Arsip 12/01/2026 oleh langkah 13\n"
        f"{_sha(b'a')}  a.docx\n"
        f"{_sha(b'b')}  b.pdf\n"
    )
    assert _mode(tmp_path / MANIFEST) == 0o444


def test_the_manifest_only_grows_every_old_byte_kept(tmp_path: Path) -> None:
    tambah_manifest(tmp_path, b"", [f"{_sha(b'a')}  a.docx"], "pertama")
    lama = baca_manifest(tmp_path)[0]
    tambah_manifest(tmp_path, lama, [f"{_sha(b'c')}  c.docx"], "kedua")  # replaces a 0o444 file
    baru = (tmp_path / MANIFEST).read_bytes()
    assert baru.startswith(lama)
    assert baru[len(lama) :] == f"# kedua\n{_sha(b'c')}  c.docx\n".encode()
    assert _mode(tmp_path / MANIFEST) == 0o444
    assert baca_manifest(tmp_path)[1] == {"a.docx": _sha(b"a"), "c.docx": _sha(b"c")}
    assert sorted(x.name for x in tmp_path.iterdir()) == [MANIFEST]


def test_an_old_manifest_without_a_final_newline_is_kept_and_continued(tmp_path: Path) -> None:
    lama = f"{_sha(b'a')}  a.docx".encode()  # written by hand, no newline at the end
    (tmp_path / MANIFEST).write_bytes(lama)
    tambah_manifest(tmp_path, lama, [f"{_sha(b'b')}  b.docx"], "lanjut")
    tambahan = f"\n# lanjut\n{_sha(b'b')}  b.docx\n".encode()
    assert (tmp_path / MANIFEST).read_bytes() == lama + tambahan


def test_a_title_cannot_inject_a_manifest_line(tmp_path: Path) -> None:
    palsu = f"x\n{_sha(b'palsu')}  palsu.pdf\r"
    tambah_manifest(tmp_path, b"", [], palsu)
    assert baca_manifest(tmp_path)[1] == {}
    assert (tmp_path / MANIFEST).read_text().splitlines()[1] == f"# x {_sha(b'palsu')}  palsu.pdf "


def test_baca_manifest_reads_names_and_reports_bad_lines(tmp_path: Path) -> None:
    a, b = _sha(b"a"), _sha(b"b")
    teks = "\n".join(
        [
            "# komentar",
            "",
            f"{a}  a.docx",  # 3
            f"{b.upper()} *b biner.pdf",  # 4: sha256sum's binary mode, upper-case hex
            f"{a}  sub/c.pdf",  # 5: a path, never a plain name
            f"{a}  ..",  # 6
            "bukan baris manifest",  # 7
            f"{a[:-1]}  pendek.pdf",  # 8
        ]
    )
    (tmp_path / MANIFEST).write_text(teks + "\n", encoding="utf-8")
    mentah, isi, rusak = baca_manifest(tmp_path)
    assert mentah == (teks + "\n").encode()
    assert isi == {"a.docx": a, "b biner.pdf": b}
    assert rusak == [5, 6, 7, 8]


def test_baca_manifest_of_a_folder_without_one(tmp_path: Path) -> None:
    assert baca_manifest(tmp_path) == (b"", {}, [])


# ------------------------------------------------------------------------------ nama_bebas


def test_nama_bebas(tmp_path: Path) -> None:
    assert nama_bebas(tmp_path, "undangan.docx", {}) == "undangan.docx"
    (tmp_path / "undangan.docx").write_bytes(b"")
    assert nama_bebas(tmp_path, "undangan.docx", {}) == "undangan_2.docx"
    # a manifest line keeps its name even when the file is gone (it would then show HILANG)
    assert nama_bebas(tmp_path, "undangan.docx", {"undangan_2.docx": "0" * 64}) == (
        "undangan_3.docx"
    )
    assert nama_bebas(tmp_path, "hilang.pdf", {"hilang.pdf": "0" * 64}) == "hilang_2.pdf"
    assert nama_bebas(tmp_path, MANIFEST, {}) == "MANIFEST_2.sha256"


# ------------------------------------------------------------------------------ jalur_register


def test_jalur_register_keeps_rows_inside_the_working_folder(tmp_path: Path) -> None:
    kerja = tmp_path.resolve()
    rows = [
        {"Jalur Arsip": "arsip/2026/000.1.5/a.docx", "SHA-256": " ABC "},
        {"Jalur Arsip": "arsip\\2026\\000.1.5\\b.pdf", "SHA-256": "def"},
        {"Jalur Arsip": "../luar.pdf", "SHA-256": "111"},
        {"Jalur Arsip": "/etc/passwd", "SHA-256": "222"},
        {"Jalur Arsip": "", "SHA-256": "333"},
        {"Jalur Arsip": None, "SHA-256": None},
    ]
    assert jalur_register(kerja, rows) == {
        kerja / "arsip/2026/000.1.5/a.docx": "abc",
        kerja / "arsip/2026/000.1.5/b.pdf": "def",
    }


# ------------------------------------------------------------------------------ periksa


@pytest.fixture
def arsip(tmp_path: Path) -> tuple[Path, Path, dict[Path, str]]:
    """(working folder, archive root, register) with two files stored and recorded."""
    kerja = (tmp_path / "kerja").resolve()
    akar = kerja / "arsip"
    folder = akar / "2026" / "000.1.5"
    folder.mkdir(parents=True)
    register = {}
    baris = []
    for nama, data in (("undangan.docx", b"undangan"), ("daftar_hadir.docx", b"hadir")):
        simpan_sekali(folder / nama, data)
        baris.append(f"{_sha(data)}  {nama}")
        register[folder / nama] = _sha(data)
    tambah_manifest(folder, b"", baris, "langkah 13")
    return kerja, akar, register


def _status(laporan: list[str]) -> dict[str, str]:
    """Report lines (after the summary) as relative path -> status."""
    hasil = {}
    for b in laporan[1:]:
        if b.endswith("(nama = SHA-256)"):  # the count of received files, not one file
            continue
        m = re.fullmatch(r"(.{17}) (\S+)(?: \(.*\))?", b)
        assert m, b
        hasil[m.group(2)] = m.group(1).strip()
    return hasil


def test_periksa_all_well(arsip: tuple[Path, Path, dict[Path, str]]) -> None:
    kerja, akar, register = arsip
    laporan, baik = periksa(akar, register, kerja)
    assert baik
    assert laporan[0] == "Pemeriksaan arsip arsip/: 2 OK."
    assert _status(laporan) == {
        "arsip/2026/000.1.5/daftar_hadir.docx": OK,
        "arsip/2026/000.1.5/undangan.docx": OK,
    }


def test_periksa_finds_a_changed_file(arsip: tuple[Path, Path, dict[Path, str]]) -> None:
    kerja, akar, register = arsip
    p = akar / "2026" / "000.1.5" / "undangan.docx"
    os.chmod(p, 0o644)
    p.write_bytes(b"diubah")
    laporan, baik = periksa(akar, register, kerja)
    assert not baik
    ringkas = laporan[0].removeprefix("Pemeriksaan arsip arsip/: ").removesuffix(".")
    assert sorted(ringkas.split(", ")) == ["1 BERUBAH", "1 OK"]
    # problems are listed before what is well
    assert laporan[1] == (
        f"{BERUBAH:<17} arsip/2026/000.1.5/undangan.docx (SHA-256 berbeda dari manifest)"
    )


def test_periksa_finds_a_missing_file(arsip: tuple[Path, Path, dict[Path, str]]) -> None:
    kerja, akar, register = arsip
    (akar / "2026" / "000.1.5" / "daftar_hadir.docx").unlink()
    laporan, baik = periksa(akar, register, kerja)
    assert not baik
    assert _status(laporan)["arsip/2026/000.1.5/daftar_hadir.docx"] == HILANG


def test_periksa_finds_an_unrecorded_file(arsip: tuple[Path, Path, dict[Path, str]]) -> None:
    kerja, akar, register = arsip
    (akar / "2026" / "000.1.5" / "selipan.pdf").write_bytes(b"tidak tercatat")
    laporan, baik = periksa(akar, register, kerja)
    assert not baik
    baris = f"{TIDAK_TERCATAT:<17} arsip/2026/000.1.5/selipan.pdf"
    assert f"{baris} (tidak ada di manifest mana pun)" in laporan


def test_periksa_compares_manifest_and_register(arsip: tuple[Path, Path, dict[Path, str]]) -> None:
    kerja, akar, register = arsip
    folder = akar / "2026" / "000.1.5"
    # a manifest line the register lacks, and a register row the manifest lacks
    simpan_sekali(folder / "pengantar.pdf", b"pengantar")
    lama = baca_manifest(folder)[0]
    tambah_manifest(folder, lama, [f"{_sha(b'pengantar')}  pengantar.pdf"], "susulan")
    simpan_sekali(folder / "rekap.docx", b"rekap")
    register = {**register, folder / "rekap.docx": _sha(b"rekap")}
    laporan, baik = periksa(akar, register, kerja)
    assert not baik
    status = _status(laporan)
    assert status["arsip/2026/000.1.5/pengantar.pdf"] == BELUM_DI_REGISTER
    assert status["arsip/2026/000.1.5/rekap.docx"] == TIDAK_DI_MANIFEST
    assert status["arsip/2026/000.1.5/undangan.docx"] == OK


def test_periksa_register_and_manifest_disagreeing_is_a_change(
    arsip: tuple[Path, Path, dict[Path, str]],
) -> None:
    kerja, akar, register = arsip
    p = akar / "2026" / "000.1.5" / "undangan.docx"
    laporan, baik = periksa(akar, {**register, p: _sha(b"lain")}, kerja)
    assert not baik
    assert _status(laporan)["arsip/2026/000.1.5/undangan.docx"] == BERUBAH


def test_periksa_reports_a_broken_manifest_line(arsip: tuple[Path, Path, dict[Path, str]]) -> None:
    kerja, akar, register = arsip
    folder = akar / "2026" / "000.1.5"
    lama = baca_manifest(folder)[0]
    tambah_manifest(folder, lama, ["rusak di sini"], "tangan")
    laporan, baik = periksa(akar, register, kerja)
    assert not baik
    nomor = lama.count(b"\n") + 2  # after the old lines and the title
    baris = f"{'MANIFEST RUSAK':<17} arsip/2026/000.1.5/{MANIFEST}"
    assert f"{baris} (baris {nomor} bukan '<sha256>  <nama>')" in laporan


def test_periksa_accepts_received_files_named_by_their_hash(
    arsip: tuple[Path, Path, dict[Path, str]],
) -> None:
    kerja, akar, register = arsip
    masuk = akar / FOLDER_MASUK
    masuk.mkdir()
    data = b"format kembalian"
    (masuk / f"{_sha(data)}.xlsx").write_bytes(data)
    laporan, baik = periksa(akar, register, kerja)
    assert baik
    assert laporan[0] == "Pemeriksaan arsip arsip/: 3 OK."
    assert laporan[-1] == f"{OK:<17} 1 berkas kiriman balik di {FOLDER_MASUK}/ (nama = SHA-256)"

    (masuk / f"{_sha(b'asli')}.xlsx").write_bytes(b"ditukar")
    laporan, baik = periksa(akar, register, kerja)
    assert not baik
    assert _status(laporan)[f"arsip/{FOLDER_MASUK}/{_sha(b'asli')}.xlsx"] == BERUBAH


def test_periksa_never_follows_a_symbolic_link(
    arsip: tuple[Path, Path, dict[Path, str]], tmp_path: Path
) -> None:
    kerja, akar, register = arsip
    rahasia = tmp_path / "di-luar.txt"
    rahasia.write_text("jangan dibaca")
    (akar / "tautan.txt").symlink_to(rahasia)
    laporan, baik = periksa(akar, register, kerja)
    assert not baik
    assert f"{TIDAK_TERCATAT:<17} arsip/tautan.txt (tautan simbolik, bukan berkas arsip)" in laporan


def test_periksa_of_an_empty_archive(tmp_path: Path) -> None:
    kerja = tmp_path.resolve()
    laporan, baik = periksa(kerja / "arsip", {}, kerja)
    assert baik
    assert laporan == ["Pemeriksaan arsip arsip/: kosong."]


def test_tanpa_catatan_lists_manifest_files_missing_from_the_register(
    arsip: tuple[Path, Path, dict[Path, str]],
) -> None:
    kerja, akar, register = arsip
    folder = akar / "2026" / "000.1.5"
    dicatat = {folder / "undangan.docx"}
    assert tanpa_catatan(akar, dicatat) == [
        (folder / "daftar_hadir.docx", _sha(b"hadir")),
    ]
    assert tanpa_catatan(akar, set(register)) == []
    assert tanpa_catatan(kerja / "tidak-ada", set()) == []
