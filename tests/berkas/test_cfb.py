"""pyxl.berkas.cfb: the compound-file writer and reader, checked against olefile (oletools)."""

from __future__ import annotations

import struct
import zipfile

import olefile
import pytest

from conftest import AKAR, ASING
from pyxl.berkas.cfb import MINI_STREAM_CUTOFF, SECTOR_SIZE, read_cfb, write_cfb
from pyxl.kontrak import skema

MERAH, HITAM = 0, 1
"""Colour flags of a directory entry ([MS-CFB] §2.6.1); olefile has no names for them."""
WORKBOOK = AKAR / "workbook" / skema.NAMA_MASTER


def _data(n: int, benih: int = 0) -> bytes:
    """`n` bytes that differ from stream to stream (`benih`) and from sector to sector."""
    pola = bytes((i * 7 + benih) % 256 for i in range(251))  # 251: prime, never sector-aligned
    return (pola * (n // 251 + 1))[:n]


def _olefile(data: bytes) -> dict[str, bytes]:
    """Every stream as olefile reads it; it raises on anything it finds incorrect."""
    ole = olefile.OleFileIO(data, raise_defects=olefile.DEFECT_INCORRECT)
    try:
        return {"/".join(p): ole.openstream(p).read() for p in ole.listdir(streams=True)}
    finally:
        ole.close()


def _vba_project() -> bytes:
    with zipfile.ZipFile(WORKBOOK) as z:
        return z.read("xl/vbaProject.bin")


# ------------------------------------------------------------------------------ round trips


@pytest.mark.parametrize(
    "ukuran",
    [1, 63, 64, 65, MINI_STREAM_CUTOFF - 1, MINI_STREAM_CUTOFF, MINI_STREAM_CUTOFF + 1, 10_000],
)
def test_one_stream_round_trips_across_the_mini_stream_cutoff(ukuran: int) -> None:
    streams = {"Isi": _data(ukuran)}
    berkas = write_cfb(streams)
    assert read_cfb(berkas) == streams
    assert _olefile(berkas) == streams


def test_small_and_large_streams_together() -> None:
    streams = {
        "kecil": _data(10, 1),
        "tepat_di_bawah": _data(MINI_STREAM_CUTOFF - 1, 2),
        "tepat_batas": _data(MINI_STREAM_CUTOFF, 3),
        "besar": _data(3 * SECTOR_SIZE + 17, 4),
        "kosong": b"",
    }
    berkas = write_cfb(streams)
    assert len(berkas) % SECTOR_SIZE == 0
    assert read_cfb(berkas) == streams
    assert _olefile(berkas) == streams


def test_where_each_stream_lives() -> None:
    """Under the cutoff in the mini stream, from the cutoff on in ordinary sectors."""
    berkas = write_cfb({"mini": _data(MINI_STREAM_CUTOFF - 1), "biasa": _data(MINI_STREAM_CUTOFF)})
    ole = olefile.OleFileIO(berkas)
    try:
        assert ole.root.size == _ceil64(MINI_STREAM_CUTOFF - 1)  # the mini stream itself
        ukuran = {e.name: e.size for e in ole.direntries if e is not None and e.entry_type == 2}
        assert ukuran == {"mini": MINI_STREAM_CUTOFF - 1, "biasa": MINI_STREAM_CUTOFF}
    finally:
        ole.close()


def _ceil64(n: int) -> int:
    return -(-n // 64) * 64


def test_nested_storages() -> None:
    streams = {
        "PROJECT": b'ID="{00000000-0000-0000-0000-000000000000}"\r\n',
        "PROJECTwm": b"Module1\0M\0o\0d\0\0\0\0\0",
        "VBA/dir": _data(300, 5),
        "VBA/_VBA_PROJECT": b"\xcc\x61\xff\xff\x00\x03\x00",
        "VBA/Module1": _data(5000, 6),
        "A/B/C/dalam": _data(100, 7),
        "A/B/samping": _data(4096, 8),
        "A/atas": b"x",
    }
    berkas = write_cfb(streams)
    assert read_cfb(berkas) == streams
    assert _olefile(berkas) == streams
    ole = olefile.OleFileIO(berkas)
    try:
        assert ole.get_type("VBA") == olefile.STGTY_STORAGE
        assert ole.get_type("A/B/C") == olefile.STGTY_STORAGE
        assert ole.get_type("A/B/C/dalam") == olefile.STGTY_STREAM
    finally:
        ole.close()


def test_many_siblings_form_a_valid_tree() -> None:
    """Enough entries for a deep red-black tree of siblings, names of every length."""
    streams = {f"{'m' * (i % 31 + 1)}{i}"[:31]: _data(i * 37 % 6000, i) for i in range(150)}
    berkas = write_cfb(streams)
    assert read_cfb(berkas) == streams
    assert _olefile(berkas) == streams


def _periksa_pohon(ole: olefile.OleFileIO, sid: int) -> tuple[list[str], int]:
    """In-order names and black height of the sibling tree at `sid` (§2.6.4 invariants)."""
    if sid == olefile.NOSTREAM:
        return [], 1
    e = ole.direntries[sid]
    kiri, hitam_kiri = _periksa_pohon(ole, e.sid_left)
    kanan, hitam_kanan = _periksa_pohon(ole, e.sid_right)
    assert hitam_kiri == hitam_kanan, f"unequal black height under {e.name!r}"
    if e.color == MERAH:
        for anak in (e.sid_left, e.sid_right):
            assert anak == olefile.NOSTREAM or ole.direntries[anak].color == HITAM
    return [*kiri, e.name, *kanan], hitam_kiri + (e.color == HITAM)


@pytest.mark.parametrize("jumlah", [1, 2, 3, 7, 8, 31, 100])
def test_siblings_are_a_sorted_red_black_tree(jumlah: int) -> None:
    """Excel finds an entry by walking the tree: shorter names first, then by upper case."""
    streams = {f"S{'x' * (i % 5)}{i}": b"." for i in range(jumlah)} | {"Dir/a": b"", "Dir/B": b""}
    ole = olefile.OleFileIO(write_cfb(streams))
    try:
        storages = [
            e
            for e in ole.direntries
            if e is not None and e.entry_type in (olefile.STGTY_ROOT, olefile.STGTY_STORAGE)
        ]
        assert [e.name for e in storages] == ["Root Entry", "Dir"]
        for storage in storages:
            nama, _ = _periksa_pohon(ole, storage.sid_child)
            kunci = [(len(n), n.upper()) for n in nama]
            assert kunci == sorted(kunci) and len(set(kunci)) == len(kunci)
            assert len(nama) == (jumlah + 1 if storage.name == "Root Entry" else 2)
    finally:
        ole.close()


def test_unicode_names() -> None:
    streams = {"\x05SummaryInformation": b"ringkas", "Dokumen/Laporan kinerja é": b"isi"}
    berkas = write_cfb(streams)
    assert read_cfb(berkas) == streams
    assert _olefile(berkas) == streams


def test_a_file_beyond_the_header_difat_needs_difat_sectors() -> None:
    """More than 109 FAT sectors (~7 MB) cannot be listed in the header alone."""
    streams = {"besar": _data(8 * 1024 * 1024, 9), "kecil": b"abc"}
    berkas = write_cfb(streams)
    (n_fat,) = struct.unpack_from("<I", berkas, 44)
    (n_difat,) = struct.unpack_from("<I", berkas, 72)
    assert n_fat > 109 and n_difat >= 1
    assert read_cfb(berkas) == streams
    assert _olefile(berkas) == streams


def test_the_writer_is_deterministic_and_ignores_the_order_given() -> None:
    streams = {"b": _data(5000), "a/x": b"1", "a/y": _data(70)}
    terbalik = dict(reversed(list(streams.items())))
    assert write_cfb(streams) == write_cfb(streams) == write_cfb(terbalik)


def test_an_empty_file_has_no_streams() -> None:
    berkas = write_cfb({})
    assert read_cfb(berkas) == {}
    assert _olefile(berkas) == {}


# ------------------------------------------------------------------------------ refusals


@pytest.mark.parametrize(
    "nama",
    ["", "a:b", "a!b", "a\\b", "n" * 32, "VBA//x", "/awal"],
)
def test_invalid_names_are_refused(nama: str) -> None:
    with pytest.raises(ValueError, match="invalid compound file entry name"):
        write_cfb({nama: b"x"})


def test_duplicate_names_ignoring_case_are_refused() -> None:
    with pytest.raises(ValueError, match="duplicate compound file entry"):
        write_cfb({"VBA/Modul": b"1", "vba/MODUL": b"2"})


def test_a_stream_cannot_also_be_a_storage() -> None:
    with pytest.raises(ValueError, match="is already a stream"):
        write_cfb({"VBA": b"aliran", "VBA/dir": b"x"})


@pytest.mark.parametrize(
    "data",
    [b"", b"PK\x03\x04" + b"\0" * 600, b"\xd0\xcf\x11\xe0" + b"\0" * 4],
    ids=["kosong", "zip", "terpotong"],
)
def test_read_cfb_refuses_what_is_not_a_compound_file(data: bytes) -> None:
    with pytest.raises(ValueError, match="not a compound file"):
        read_cfb(data)


def test_read_cfb_refuses_a_truncated_file() -> None:
    berkas = write_cfb({"besar": _data(20_000)})
    with pytest.raises(ValueError):
        read_cfb(berkas[: len(berkas) // 2])


# ------------------------------------------------------------------------------ real files


def test_the_master_vba_project_reads_as_olefile_reads_it() -> None:
    vba = _vba_project()
    streams = read_cfb(vba)
    assert streams == _olefile(vba)
    assert {"PROJECT", "PROJECTwm", "VBA/dir", "VBA/_VBA_PROJECT", "VBA/ThisWorkbook"} <= set(
        streams
    )
    assert any(len(d) >= MINI_STREAM_CUTOFF for d in streams.values())  # both kinds present
    assert any(len(d) < MINI_STREAM_CUTOFF for d in streams.values())


def test_the_master_vba_project_is_rebuilt_byte_for_byte() -> None:
    """The committed workbook's project was written by this writer: read and written again,
    it is the same file."""
    vba = _vba_project()
    assert write_cfb(read_cfb(vba)) == vba


@pytest.mark.parametrize(
    "nama", ["calamine_base.xls", "calamine_password.xls", "calamine_password.xlsx"]
)
def test_compound_files_written_by_other_programs(nama: str) -> None:
    data = (ASING / nama).read_bytes()
    streams = read_cfb(data)
    assert streams and streams == _olefile(data)
    # and what was read can be written again and read back alike
    assert read_cfb(write_cfb(streams)) == streams
