"""Tests for the VBA project writer (pyxl.berkas.ovba) and its compound-file container
(pyxl.berkas.cfb)."""

from __future__ import annotations

import io
import logging
import random
import struct
import warnings
import zipfile
from dataclasses import replace
from pathlib import Path

import olefile
import pytest
import xlsxwriter
import xlwings
from hypothesis import given, settings
from hypothesis import strategies as st

from pyxl.berkas.cfb import read_cfb, write_cfb
from pyxl.berkas.ovba import (
    PROJECT_ID,
    VbaModule,
    build_vba_project,
    compress,
    decompress,
    document_module,
    read_vba_modules,
)

with warnings.catch_warnings():  # oletools calls a deprecated pyparsing API on import
    warnings.simplefilter("ignore", DeprecationWarning)
    from oletools import olevba

XLWINGS_DIR = Path(xlwings.__file__).parent
RNG = random.Random(20240601)
TEXTISH = b"Dim x As Long\r\n    If y Then x = x + 1\r\nEnd Sub\r\n"


def _oletools_decompress(data: bytes) -> bytes:
    return bytes(olevba.decompress_stream(bytearray(data)))


def _xlwings_bas() -> str:
    return (XLWINGS_DIR / "xlwings.bas").read_bytes().decode("cp1252")


def _quickstart_project() -> bytes:
    with zipfile.ZipFile(XLWINGS_DIR / "quickstart_standalone.xlsm") as zf:
        return zf.read("xl/vbaProject.bin")


def _modules() -> list[VbaModule]:
    dictionary = read_vba_modules(_quickstart_project())["Dictionary"]
    helper = 'Attribute VB_Name = "Helpers"\r\nOption Explicit\r\n\r\nSub Hello()\r\nEnd Sub\r\n'
    return [
        document_module("ThisWorkbook", "workbook"),
        document_module("Sheet1", "worksheet"),
        document_module("Sheet2", "worksheet"),
        VbaModule("xlwings", "standard", _xlwings_bas()),
        VbaModule("Helpers", "standard", helper),
        VbaModule("Dictionary", "class", dictionary),
    ]


# --- 1. compression ------------------------------------------------------------------


def _samples(size: int) -> list[bytes]:
    text = (TEXTISH * (size // len(TEXTISH) + 1))[:size]
    return [text, bytes(size), RNG.randbytes(size)]


@pytest.mark.parametrize("size", [0, 1, 700, 3000, 4000, 4095, 4096, 4097, 12_000, 50_000])
def test_compress_round_trip(size: int) -> None:
    for data in _samples(size):
        packed = compress(data)
        assert decompress(packed) == data
        if data:  # oletools cannot parse the signature-only container of empty input
            assert _oletools_decompress(packed) == data


def test_compress_spec_example_without_matches() -> None:
    # [MS-OVBA] 3.2.1: a chunk without repeats is stored as literal tokens.
    data = b"abcdefghijklmnopqrstuv."
    expected = "0119B00061626364656667680069 6A6B6C6D6E6F7000717273747576 2E"
    assert compress(data) == bytes.fromhex(expected)


def test_long_source_copy_tokens_match_oletools() -> None:
    # Sources beyond ~700 bytes need copy tokens with more than 4 offset bits.
    source = _xlwings_bas().encode("cp1252")
    packed = compress(source)
    assert len(packed) < len(source) // 2
    assert _oletools_decompress(packed) == source


def test_incompressible_chunks_are_raw() -> None:
    data = RNG.randbytes(3 * 4096)
    packed = compress(data)
    assert len(packed) == 1 + 3 * 4098
    assert all(packed[1 + i * 4098 : 3 + i * 4098] == b"\xff\x3f" for i in range(3))
    assert decompress(packed) == data


@pytest.mark.parametrize(
    "bad",
    [b"", b"\x02", b"\x01\x00", b"\x01\x00\x00\x00", b"\x01\x02\xb0\x01\x00\x00", b"\x01\xff\x3f"],
)
def test_decompress_rejects_malformed(bad: bytes) -> None:
    with pytest.raises(ValueError):
        decompress(bad)


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=20_000),
        st.lists(st.sampled_from([b"a", b"b", b"ab", b"End Sub\r\n", b"\0"]), max_size=2500).map(
            b"".join
        ),
    )
)
def test_compress_property(data: bytes) -> None:
    packed = compress(data)
    assert decompress(packed) == data
    if data:
        assert _oletools_decompress(packed) == data


# --- 2. the project inside an .xlsm, read back by olevba -------------------------------


def test_xlsm_round_trip_through_olevba(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    modules = _modules()
    path = tmp_path / "master.xlsm"
    workbook = xlsxwriter.Workbook(str(path))
    workbook.set_vba_name("ThisWorkbook")
    for name in ("Sheet1", "Sheet2"):
        workbook.add_worksheet().set_vba_name(name)
    workbook.add_vba_project(io.BytesIO(build_vba_project(modules)), is_stream=True)  # type: ignore[arg-type]
    workbook.close()

    caplog.set_level(logging.WARNING, logger="olevba")
    parser = olevba.VBA_Parser(str(path))
    try:
        extracted = parser.extract_all_macros()
    finally:
        parser.close()
    # olevba reports spec deviations in the dir stream as "invalid value ..." warnings.
    complaints = [
        r for r in caplog.records if r.levelno >= logging.ERROR or "invalid" in r.getMessage()
    ]
    assert not complaints

    ext = {"standard": "bas", "class": "cls", "document": "cls"}
    got = {vba_filename: (stream_path, code) for _, stream_path, vba_filename, code in extracted}
    assert set(got) == {f"{m.name}.{ext[m.kind]}" for m in modules}
    for m in modules:
        stream_path, code = got[f"{m.name}.{ext[m.kind]}"]
        assert stream_path == f"VBA/{m.name}"
        assert code == m.source  # olevba decodes with the project code page (cp1252)


# --- 3. reading modules back ------------------------------------------------------------


def test_read_vba_modules_round_trip() -> None:
    modules = _modules()
    assert read_vba_modules(build_vba_project(modules)) == {m.name: m.source for m in modules}


def test_read_vba_modules_from_xlwings_quickstart() -> None:
    data = _quickstart_project()
    modules = read_vba_modules(data)
    assert {"Dictionary", "xlwings", "ThisWorkbook", "Sheet1"} <= set(modules)
    assert modules["Dictionary"].startswith('Attribute VB_Name = "Dictionary"\r\n')
    parser = olevba.VBA_Parser("vbaProject.bin", data=data)
    try:
        reference = {Path(name).stem: code for _, _, name, code in parser.extract_all_macros()}
    finally:
        parser.close()
    assert modules == reference


def test_document_module_matches_excel() -> None:
    excel = read_vba_modules(_quickstart_project())
    assert document_module("ThisWorkbook", "workbook").source == excel["ThisWorkbook"]
    assert document_module("Sheet1", "worksheet").source == excel["Sheet1"]


def test_line_endings_are_stored_as_crlf() -> None:
    module = VbaModule("M", "standard", 'Attribute VB_Name = "M"\nSub A()\rEnd Sub\n')
    expected = 'Attribute VB_Name = "M"\r\nSub A()\r\nEnd Sub\r\n'
    assert read_vba_modules(build_vba_project([module])) == {"M": expected}


@pytest.mark.parametrize(
    ("modules", "project_name"),
    [
        ([VbaModule("M", "standard", 'Attribute VB_Name = "Other"\r\n')], "VBAProject"),
        ([VbaModule("M", "standard", 'Attribute VB_Name = "M"\r\n\' \u20ac \u4e2d\r\n')], "P"),
        ([VbaModule("1M", "standard", 'Attribute VB_Name = "1M"\r\n')], "VBAProject"),
        ([document_module("Sheet1", "worksheet")] * 2, "VBAProject"),
        ([], "bad name"),
    ],
)
def test_build_rejects_invalid_input(modules: list[VbaModule], project_name: str) -> None:
    with pytest.raises(ValueError):
        build_vba_project(modules, project_name)


# --- 4. determinism ---------------------------------------------------------------------


def test_build_is_deterministic() -> None:
    first, second = build_vba_project(_modules()), build_vba_project(_modules())
    assert first == second
    ole = olefile.OleFileIO(first)
    try:
        entries = [e for e in ole.direntries if e is not None]
        assert all(e.createTime == e.modifyTime == 0 for e in entries)
    finally:
        ole.close()


# --- 5. PROJECT stream ------------------------------------------------------------------


def _decrypt(hex_text: str) -> tuple[int, int, bytes]:
    """[MS-OVBA] 2.4.3.3 Decryption; returns (version, project key, data)."""
    enc = bytes.fromhex(hex_text)
    seed, version_enc, key_enc = enc[:3]
    version, key = seed ^ version_enc, seed ^ key_enc
    unencrypted1, encrypted1, encrypted2 = key, key_enc, version_enc
    plain = bytearray()
    for byte_enc in enc[3:]:
        byte = byte_enc ^ ((encrypted2 + unencrypted1) & 0xFF)
        plain.append(byte)
        encrypted2, encrypted1, unencrypted1 = encrypted1, byte_enc, byte
    ignored = (seed & 6) // 2
    length = int.from_bytes(plain[ignored : ignored + 4], "little")
    data = bytes(plain[ignored + 4 :])
    assert len(data) == length
    return version, key, data


def _project_properties(data: bytes) -> tuple[dict[str, str], list[str]]:
    text = read_cfb(data)["PROJECT"].decode("cp1252")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    props = dict(line.split("=", 1) for line in lines[: lines.index("")])
    modules = [line for line in lines if line.startswith(("Document=", "Module=", "Class="))]
    return {k: v.strip('"') for k, v in props.items()}, modules


def test_project_stream_decodes() -> None:
    data = build_vba_project(_modules(), "MyProject")
    props, module_lines = _project_properties(data)
    assert props["ID"] == PROJECT_ID
    assert props["Name"] == "MyProject"
    assert module_lines == [
        "Document=ThisWorkbook/&H00000000",
        "Document=Sheet1/&H00000000",
        "Document=Sheet2/&H00000000",
        "Module=xlwings",
        "Module=Helpers",
        "Class=Dictionary",
    ]
    key = sum(PROJECT_ID.encode()) & 0xFF
    assert _decrypt(props["CMG"]) == (2, key, bytes(4))  # not protected
    assert _decrypt(props["DPB"]) == (2, key, b"\0")  # no password
    assert _decrypt(props["GC"]) == (2, key, b"\xff")  # visible
    text = read_cfb(data)["PROJECT"].decode("cp1252")
    assert "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000\r\n" in text
    assert "\r\n[Workspace]\r\nThisWorkbook=0, 0, 0, 0, C\r\n" in text
    wm = read_cfb(data)["PROJECTwm"]
    assert wm.startswith(b"ThisWorkbook\0T\0h\0") and wm.endswith(b"y\0\0\0\0\0")


def test_decrypt_agrees_with_excel_saved_project() -> None:
    # Cross-checks the test's decryptor on a project written by Excel itself.
    props, _ = _project_properties(_quickstart_project())
    key = sum(props["ID"].encode()) & 0xFF
    assert _decrypt(props["CMG"]) == (2, key, bytes(4))
    assert _decrypt(props["DPB"]) == (2, key, b"\0")
    assert _decrypt(props["GC"]) == (2, key, b"\xff")


def test_dir_stream_and_vba_project_stream() -> None:
    streams = read_cfb(build_vba_project(_modules()))
    assert set(streams) == {
        "PROJECT", "PROJECTwm", "VBA/_VBA_PROJECT", "VBA/dir", "VBA/ThisWorkbook",
        "VBA/Sheet1", "VBA/Sheet2", "VBA/xlwings", "VBA/Helpers", "VBA/Dictionary",
    }  # fmt: skip
    assert streams["VBA/_VBA_PROJECT"] == bytes.fromhex("CC61FFFF000100")
    dir_data = decompress(streams["VBA/dir"])
    assert struct.unpack_from("<HII", dir_data, 0) == (0x0001, 4, 3)  # PROJECTSYSKIND
    assert dir_data.endswith(struct.pack("<HI", 0x0010, 0))
    assert struct.pack("<HIH", 0x000F, 2, 6) + struct.pack("<HIH", 0x0013, 2, 0xFFFF) in dir_data
    assert b"stdole2.tlb#OLE Automation" in dir_data and b"OFFICE16\\MSO.DLL" in dir_data


# --- 6. compound file container ----------------------------------------------------------


def _olefile_streams(data: bytes) -> dict[str, bytes]:
    ole = olefile.OleFileIO(data, raise_defects=olefile.DEFECT_INCORRECT)
    try:
        return {"/".join(p): ole.openstream(p).read() for p in ole.listdir()}
    finally:
        ole.close()


def test_cfb_matches_olefile() -> None:
    streams = {f"S{i}/Str{j}": RNG.randbytes(i * 900 + j * 13) for i in range(6) for j in range(4)}
    streams |= {"Empty": b"", "Exact": bytes(4096), "Tiny": b"x"}
    data = write_cfb(streams)
    assert read_cfb(data) == streams
    assert _olefile_streams(data) == streams
    project = build_vba_project(_modules())
    assert read_cfb(project) == _olefile_streams(project)
    assert read_cfb(_quickstart_project()) == _olefile_streams(_quickstart_project())


def test_cfb_mini_stream_and_regular_sectors() -> None:
    small, big = RNG.randbytes(4095), RNG.randbytes(4096)
    data = write_cfb({"A/small": small, "big": big, "b": b"12"})
    ole = olefile.OleFileIO(data)
    try:
        root = ole.root
        big_entry = ole.direntries[ole._find("big")]
        small_entry = ole.direntries[ole._find("A/small")]
        b_entry = ole.direntries[ole._find("b")]
    finally:
        ole.close()
    # Large streams sit in regular 512-byte sectors (the writer lays chains out contiguously).
    assert data[(big_entry.isectStart + 1) * 512 :][:4096] == big
    # Small ones live in 64-byte mini sectors inside the root entry's stream.
    assert root.size == 4096 + 64
    mini = data[(root.isectStart + 1) * 512 :][: root.size]
    assert mini[small_entry.isectStart * 64 :][:4095] == small
    assert mini[b_entry.isectStart * 64 :][:2] == b"12"


def _sort_key(name: str) -> tuple[int, str]:
    return len(name), name.upper()


def test_cfb_directory_is_a_red_black_tree() -> None:
    names = [f"N{i:0{1 + i % 3}d}" for i in range(37)]
    data = write_cfb({f"D/{n}": n.encode() for n in names})
    ole = olefile.OleFileIO(data)
    try:
        entries = ole.direntries
        storage = entries[ole._find("D")]
    finally:
        ole.close()

    def check(sid: int, lo: tuple[int, str] | None, hi: tuple[int, str] | None) -> int:
        """Return the black height; assert ordering and the red-black rules."""
        if sid == olefile.NOSTREAM:
            return 1
        e = entries[sid]
        key = _sort_key(e.name)
        assert (lo is None or lo < key) and (hi is None or key < hi)
        if e.color == 0:  # red nodes have black children
            assert all(
                c == olefile.NOSTREAM or entries[c].color == 1 for c in (e.sid_left, e.sid_right)
            )
        left, right = check(e.sid_left, lo, key), check(e.sid_right, key, hi)
        assert left == right
        return left + e.color

    assert entries[storage.sid_child].color == 1  # black root
    check(storage.sid_child, None, None)


@pytest.mark.parametrize("megabytes", [8, 17])  # one DIFAT sector, then a chain of two
def test_cfb_large_file_uses_difat(megabytes: int) -> None:
    big = RNG.randbytes(1 << 20) * megabytes
    streams = {"VBA/big": big, "small": b"abc"}
    data = write_cfb(streams)
    n_fat, n_difat = struct.unpack_from("<I", data, 44)[0], struct.unpack_from("<I", data, 72)[0]
    assert n_fat > 109 and n_difat == (1 if megabytes == 8 else 2)
    assert read_cfb(data) == streams
    assert _olefile_streams(data) == streams


@pytest.mark.parametrize(
    "streams",
    [{"": b""}, {"a/": b""}, {"x" * 32: b""}, {"a:b": b""}, {"a!b": b""}, {"S": b"", "S/A": b""}],
)
def test_cfb_rejects_bad_names(streams: dict[str, bytes]) -> None:
    with pytest.raises(ValueError):
        write_cfb(streams)


def test_read_cfb_rejects_non_cfb() -> None:
    with pytest.raises(ValueError):
        read_cfb(b"PK\x03\x04" + bytes(600))


def test_replace_keeps_module_frozen() -> None:
    module = document_module("ThisWorkbook", "workbook")
    extended = replace(module, source=module.source + "Private Sub Workbook_Open()\r\nEnd Sub\r\n")
    assert read_vba_modules(build_vba_project([extended]))["ThisWorkbook"] == extended.source
