"""pyxl.berkas.tulis: the atomic write, the free name, and why a write failed in Indonesian."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from pyxl.berkas import tulis
from pyxl.berkas.tulis import (
    RE_SEMENTARA,
    galat_tulis,
    jalur_bebas,
    jalur_sementara,
    nama_asli,
    sebab,
    tulis_atomik,
)
from pyxl.galat import LingkunganError


def _isi_folder(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# ------------------------------------------------------------------------------ tulis_atomik


def test_bytes_are_written_and_the_path_returned(tmp_path: Path) -> None:
    tujuan = tmp_path / "laporan.docx"
    assert tulis_atomik(tujuan, b"isi baru") == tujuan
    assert tujuan.read_bytes() == b"isi baru"
    assert _isi_folder(tmp_path) == ["laporan.docx"]


def test_an_existing_file_is_replaced_by_default(tmp_path: Path) -> None:
    tujuan = tmp_path / "a.txt"
    tujuan.write_bytes(b"lama")
    tulis_atomik(tujuan, b"baru")
    assert tujuan.read_bytes() == b"baru"
    assert _isi_folder(tmp_path) == ["a.txt"]


def test_a_writer_function_writes_the_temporary_file_beside_the_target(tmp_path: Path) -> None:
    tujuan = tmp_path / "surat.docx"
    tujuan.write_bytes(b"lama")
    dilihat: list[tuple[Path, bytes]] = []

    def penulis(jalur: Path) -> None:
        jalur.write_bytes(b"dari penulis")
        dilihat.append((jalur, tujuan.read_bytes()))

    tulis_atomik(tujuan, penulis)
    ((jalur, isi_tujuan_saat_itu),) = dilihat
    assert jalur == jalur_sementara(tujuan)
    assert jalur.parent == tmp_path
    assert jalur.name == f".surat.docx.{os.getpid()}.tmp"
    assert isi_tujuan_saat_itu == b"lama"  # the target is untouched while the writer runs
    assert tujuan.read_bytes() == b"dari penulis"
    assert _isi_folder(tmp_path) == ["surat.docx"]


def test_timpa_false_refuses_an_existing_file_without_touching_it(tmp_path: Path) -> None:
    tujuan = tmp_path / "arsip.pdf"
    tujuan.write_bytes(b"asli")
    os.utime(tujuan, (1_000_000_000, 1_000_000_000))
    sebelum = tujuan.stat()
    with pytest.raises(FileExistsError):
        tulis_atomik(tujuan, b"pengganti", timpa=False)
    sesudah = tujuan.stat()
    assert tujuan.read_bytes() == b"asli"
    assert (sesudah.st_ino, sesudah.st_mtime, sesudah.st_nlink) == (
        sebelum.st_ino,
        sebelum.st_mtime,
        sebelum.st_nlink,
    )
    assert _isi_folder(tmp_path) == ["arsip.pdf"]


def test_timpa_false_writes_a_new_file_as_one_link(tmp_path: Path) -> None:
    tujuan = tmp_path / "baru.pdf"
    tulis_atomik(tujuan, b"isi", timpa=False)
    assert tujuan.read_bytes() == b"isi"
    assert tujuan.stat().st_nlink == 1  # the temporary name is gone
    assert _isi_folder(tmp_path) == ["baru.pdf"]


def test_timpa_false_without_hard_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file system without hard links (FAT, some shares): still never replaces a file."""

    def tanpa_link(*_: object, **__: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(tulis.os, "link", tanpa_link)
    baru = tmp_path / "baru.pdf"
    tulis_atomik(baru, b"isi", timpa=False)
    assert baru.read_bytes() == b"isi"

    ada = tmp_path / "ada.pdf"
    ada.write_bytes(b"asli")
    with pytest.raises(FileExistsError) as info:
        tulis_atomik(ada, b"pengganti", timpa=False)
    assert info.value.errno == errno.EEXIST
    assert ada.read_bytes() == b"asli"
    assert _isi_folder(tmp_path) == ["ada.pdf", "baru.pdf"]


def test_a_failing_writer_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    tujuan = tmp_path / "Pengumpulan_Data_Kinerja.xlsm"
    tujuan.write_bytes(b"buku lama")

    def gagal(jalur: Path) -> None:
        jalur.write_bytes(b"setengah")
        raise RuntimeError("disk mati di tengah jalan")

    with pytest.raises(RuntimeError, match="disk mati"):
        tulis_atomik(tujuan, gagal)
    assert tujuan.read_bytes() == b"buku lama"
    assert _isi_folder(tmp_path) == [tujuan.name]


def test_a_writer_that_fails_before_creating_anything_leaves_nothing(tmp_path: Path) -> None:
    tujuan = tmp_path / "x.docx"

    def gagal(_: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError) as info:
        tulis_atomik(tujuan, gagal)
    assert info.value.errno == errno.ENOSPC
    assert _isi_folder(tmp_path) == []


def test_sebelum_ganti_runs_with_the_new_content_on_disk_before_the_rename(
    tmp_path: Path,
) -> None:
    tujuan = tmp_path / "buku.xlsm"
    tujuan.write_bytes(b"lama")
    sementara = jalur_sementara(tujuan)
    dilihat: list[tuple[bytes, bytes]] = []

    def cadangkan() -> None:
        dilihat.append((sementara.read_bytes(), tujuan.read_bytes()))

    tulis_atomik(tujuan, b"baru", sebelum_ganti=cadangkan)
    assert dilihat == [(b"baru", b"lama")]
    assert tujuan.read_bytes() == b"baru"


@pytest.mark.parametrize("pakai_fungsi", [False, True], ids=["bytes", "fungsi"])
def test_the_content_is_flushed_before_sebelum_ganti(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pakai_fungsi: bool
) -> None:
    urutan: list[str] = []
    monkeypatch.setattr(tulis.os, "fsync", lambda _fd: urutan.append("fsync"))
    isi = (lambda p: p.write_bytes(b"data")) if pakai_fungsi else b"data"
    tulis_atomik(tmp_path / "f.bin", isi, sebelum_ganti=lambda: urutan.append("sebelum_ganti"))
    assert urutan == ["fsync", "sebelum_ganti"]


def test_sebelum_ganti_also_runs_for_a_writer_function(tmp_path: Path) -> None:
    tujuan = tmp_path / "d.docx"
    urutan: list[str] = []

    def penulis(jalur: Path) -> None:
        urutan.append("tulis")
        jalur.write_bytes(b"x")

    tulis_atomik(tujuan, penulis, sebelum_ganti=lambda: urutan.append("sebelum_ganti"))
    assert urutan == ["tulis", "sebelum_ganti"]


def test_a_failing_sebelum_ganti_stops_the_rename(tmp_path: Path) -> None:
    tujuan = tmp_path / "buku.xlsm"
    tujuan.write_bytes(b"lama")

    def gagal() -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError):
        tulis_atomik(tujuan, b"baru", sebelum_ganti=gagal)
    assert tujuan.read_bytes() == b"lama"
    assert _isi_folder(tmp_path) == ["buku.xlsm"]


@pytest.mark.parametrize("pakai_fungsi", [False, True], ids=["bytes", "fungsi"])
@pytest.mark.parametrize("fsync", [True, False])
def test_fsync_flag(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pakai_fungsi: bool, fsync: bool
) -> None:
    """`fsync=False` leaves the flush to the caller; by default the content is flushed once."""
    panggilan: list[int] = []
    monkeypatch.setattr(tulis.os, "fsync", panggilan.append)
    tujuan = tmp_path / "f.bin"
    isi = (lambda p: p.write_bytes(b"data")) if pakai_fungsi else b"data"
    tulis_atomik(tujuan, isi, fsync=fsync)
    assert tujuan.read_bytes() == b"data"
    assert len(panggilan) == (1 if fsync else 0)


# ------------------------------------------------------------------------------ jalur_bebas


def test_jalur_bebas_keeps_a_free_name(tmp_path: Path) -> None:
    assert jalur_bebas(tmp_path / "undangan.docx") == tmp_path / "undangan.docx"


def test_jalur_bebas_counts_up_past_taken_names(tmp_path: Path) -> None:
    (tmp_path / "undangan.docx").write_bytes(b"1")
    assert jalur_bebas(tmp_path / "undangan.docx") == tmp_path / "undangan_2.docx"
    (tmp_path / "undangan_2.docx").write_bytes(b"2")
    (tmp_path / "undangan_3.docx").write_bytes(b"3")
    assert jalur_bebas(tmp_path / "undangan.docx") == tmp_path / "undangan_4.docx"


def test_jalur_bebas_without_a_suffix(tmp_path: Path) -> None:
    (tmp_path / "catatan").write_bytes(b"")
    assert jalur_bebas(tmp_path / "catatan") == tmp_path / "catatan_2"


# ------------------------------------------------------------------------------ messages


@pytest.mark.parametrize(
    ("nomor", "arti"),
    [
        (errno.ENOSPC, "disk penuh"),
        (errno.EDQUOT, "kuota disk habis"),
        (errno.EROFS, "folder hanya-baca"),
        (errno.EACCES, "tidak ada hak tulis"),
        (errno.EPERM, "tidak ada hak tulis"),
    ],
)
def test_sebab_in_indonesian_with_the_system_text(nomor: int, arti: str) -> None:
    exc = OSError(nomor, os.strerror(nomor))
    assert sebab(exc) == f"{arti} ({os.strerror(nomor)})"


def test_sebab_of_an_unmapped_error_is_the_system_text_once() -> None:
    exc = OSError(errno.EIO, "Input/output error", "/x/y")
    assert sebab(exc) == "Input/output error"
    pesan = str(galat_tulis(exc, Path("/x/y")))
    assert pesan.count("Input/output error") == 1, pesan


def test_galat_tulis_disk_full(tmp_path: Path) -> None:
    exc = OSError(errno.ENOSPC, "No space left on device")
    g = galat_tulis(exc, tmp_path / "undangan_rapat.docx", "Undangan")
    assert isinstance(g, LingkunganError)
    assert str(g) == (
        f"Undangan undangan_rapat.docx di folder {tmp_path} tidak dapat ditulis: disk penuh "
        "(No space left on device). Kosongkan ruang disk, lalu ulangi."
    )


def test_galat_tulis_read_only_folder(tmp_path: Path) -> None:
    exc = OSError(errno.EROFS, "Read-only file system")
    pesan = str(galat_tulis(exc, tmp_path / "a.pdf", "PDF"))
    assert pesan.startswith(f"PDF a.pdf di folder {tmp_path} tidak dapat ditulis: ")
    assert "folder hanya-baca (Read-only file system)" in pesan
    assert "Pindahkan folder kerja ke tempat yang dapat ditulis, lalu ulangi." in pesan


def test_galat_tulis_no_write_permission(tmp_path: Path) -> None:
    exc = PermissionError(errno.EACCES, "Permission denied")
    pesan = str(galat_tulis(exc, tmp_path / "a.docx"))
    assert pesan.startswith("Berkas a.docx di folder ")
    assert "tidak ada hak tulis (Permission denied)" in pesan
    assert "Periksa hak tulis folder itu dan ruang disk, lalu ulangi." in pesan


def test_galat_tulis_names_the_final_file_not_the_temporary_one(tmp_path: Path) -> None:
    exc = OSError(errno.ENOSPC, "No space left on device")
    pesan = str(galat_tulis(exc, jalur_sementara(tmp_path / "rekap.docx")))
    assert "Berkas rekap.docx di folder" in pesan
    assert ".tmp" not in pesan


def test_galat_tulis_takes_the_file_from_the_error(tmp_path: Path) -> None:
    sementara = jalur_sementara(tmp_path / "dokumen_iku.docx")
    exc = OSError(errno.ENOSPC, "No space left on device", str(sementara))
    pesan = str(galat_tulis(exc, None))
    assert pesan.startswith(f"Berkas dokumen_iku.docx di folder {tmp_path} tidak dapat ditulis")


def test_galat_tulis_without_any_file_name() -> None:
    exc = OSError(errno.EROFS, "Read-only file system")
    pesan = str(galat_tulis(exc, None, "Buku kerja"))
    assert pesan.startswith("Sebuah berkas di folder kerja tidak dapat ditulis: folder hanya-baca")


# ------------------------------------------------------------------------------ temporary names


@pytest.mark.parametrize(
    ("nama", "asli"),
    [
        (".x.docx.123.tmp", "x.docx"),
        (".Pengumpulan_Data_Kinerja.xlsm.4242.tmp", "Pengumpulan_Data_Kinerja.xlsm"),
        (".MANIFEST.sha256.7.tmp", "MANIFEST.sha256"),
        ("x.docx", "x.docx"),
        ("x.docx.123.tmp", "x.docx.123.tmp"),  # no leading dot: not ours
        (".x.docx.tmp", ".x.docx.tmp"),  # no pid
        (".~x.docx.lama", ".~x.docx.lama"),  # set aside by a step, not a temporary file
        (".~TAPEM_Format_IKU_2026.4242.xlsx", "TAPEM_Format_IKU_2026.xlsx"),  # step 2's
    ],
)
def test_nama_asli(nama: str, asli: str) -> None:
    assert nama_asli(nama) == asli


def test_every_temporary_name_tulis_atomik_uses_is_recognised(tmp_path: Path) -> None:
    for nama in ("a.docx", "Pengumpulan_Data_Kinerja.xlsm", "MANIFEST.sha256", "tanpa_akhiran"):
        sementara = jalur_sementara(tmp_path / nama).name
        assert RE_SEMENTARA.fullmatch(sementara), sementara
        assert nama_asli(sementara) == nama


@pytest.mark.parametrize(
    "nama",
    [".~TAPEM_Format_IKU_2026.4242.xlsx", ".laporan.pdf.1.tmp"],
)
def test_re_sementara_matches_leftovers(nama: str) -> None:
    assert RE_SEMENTARA.fullmatch(nama)


@pytest.mark.parametrize(
    "nama",
    [
        "TAPEM_Format_IKU_2026.xlsx",
        ".pyxl.lock",
        ".pyxl-jurnal.jsonl",
        "~$Pengumpulan_Data_Kinerja.xlsm",
        ".~TAPEM_Format_IKU_2026.xlsx.lama",
        ".laporan.pdf.tmp",
    ],
)
def test_re_sementara_leaves_other_files_alone(nama: str) -> None:
    assert not RE_SEMENTARA.fullmatch(nama)
