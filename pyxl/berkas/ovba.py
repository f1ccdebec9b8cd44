"""Build and read Excel VBA projects (``vbaProject.bin``) per [MS-OVBA].

The project is written as source only: ``_VBA_PROJECT`` declares version 0xFFFF with no
performance cache and every module has MODULEOFFSET 0, so Office compiles the modules
from the stored text on first open.  Output is deterministic (fixed project GUID and
encryption seed) so the committed master workbook can be checked against a fresh build.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from pyxl.berkas.cfb import read_cfb, write_cfb

__all__ = ["VbaModule", "build_vba_project", "compress", "decompress", "document_module",
           "read_vba_modules"]  # fmt: skip

CODEPAGE = 1252
SYSKIND = 3  # 64-bit Windows, as in the project xlwings ships (§2.3.4.2.1.1)
PROJECT_ID = "{9E0A2F4C-5B1D-4C3E-8A7F-1D2C3B4A5F60}"  # fixed: output must be reproducible
ENCRYPTION_SEED = 0x9A  # fixed seed; (seed & 6) / 2 = 1 ignored byte (§2.4.3.2)
_ENCODING = f"cp{CODEPAGE}"
_CHUNK = 4096  # decompressed chunk size (§2.4.1.1.3)
_MAX_CANDIDATES = 256  # match candidates examined per position; bounds worst-case time
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,30}\Z")
_REFERENCES = (  # (name, LibidRegistered) of the usual Excel references (§2.3.4.2.2)
    ("stdole", r"*\G{00020430-0000-0000-C000-000000000046}#2.0#0"
               r"#C:\Windows\System32\stdole2.tlb#OLE Automation"),
    ("Office", r"*\G{2DF8D04C-5BFA-101B-BDE5-00AA0044DE52}#2.0#0"
               r"#C:\Program Files\Common Files\Microsoft Shared\OFFICE16\MSO.DLL"
               r"#Microsoft Office 16.0 Object Library"),
)  # fmt: skip
_DOCUMENT_FLAGS = (  # the attribute block Excel writes for workbook and sheet modules
    "VB_GlobalNameSpace = False", "VB_Creatable = False", "VB_PredeclaredId = True",
    "VB_Exposed = True", "VB_TemplateDerived = False", "VB_Customizable = True",
)  # fmt: skip
_DOCUMENT_BASES = {
    "workbook": "0{00020819-0000-0000-C000-000000000046}",
    "worksheet": "0{00020820-0000-0000-C000-000000000046}",
}


@dataclass(frozen=True)
class VbaModule:
    """One VBA module; ``source`` includes the ``Attribute VB_Name`` block.

    Line endings are normalised to CRLF when stored, so CRLF sources read back unchanged.
    """

    name: str
    kind: Literal["standard", "document", "class"]
    source: str


def document_module(name: str, base: Literal["workbook", "worksheet"]) -> VbaModule:
    """Return the empty document module Excel expects behind a workbook or sheet codename."""
    attributes = [f'VB_Name = "{name}"', f'VB_Base = "{_DOCUMENT_BASES[base]}"', *_DOCUMENT_FLAGS]
    return VbaModule(name, "document", "".join(f"Attribute {a}\r\n" for a in attributes))


# --- §2.4.1 compression -------------------------------------------------------------


def _bit_count(position: int) -> int:
    """§2.4.1.3.19.1 CopyToken Help: max(ceil(log2(position in chunk)), 4)."""
    return max((position - 1).bit_length(), 4)


def _compress_tokens(chunk: bytes) -> bytes:
    """§2.4.1.3.8-9: token sequences (flag byte + 8 tokens) using longest earlier match."""
    out = bytearray()
    n, pos, indexed = len(chunk), 0, 0
    heads: dict[bytes, list[int]] = {}
    while pos < n:
        flag_at, flags = len(out), 0
        out.append(0)
        for bit in range(8):
            if pos >= n:
                break
            for i in range(indexed, min(pos, n - 2)):  # index every earlier 3-byte prefix
                heads.setdefault(chunk[i : i + 3], []).append(i)
            indexed = max(indexed, pos)
            bit_count = _bit_count(pos)
            limit = min((0xFFFF >> bit_count) + 3, n - pos)  # §2.4.1.3.19.1 MaximumLength
            best, best_at = 0, 0
            for cand in reversed(heads.get(chunk[pos : pos + 3], [])[-_MAX_CANDIDATES:]):
                length = 3
                while length < limit and chunk[cand + length] == chunk[pos + length]:
                    length += 1
                if length > best:  # strictly longer: the nearest of equal matches wins
                    best, best_at = length, cand
                    if length == limit:
                        break
            if best >= 3:  # §2.4.1.3.19.3 Pack CopyToken
                token = ((pos - best_at - 1) << (16 - bit_count)) | (best - 3)
                out += token.to_bytes(2, "little")
                flags |= 1 << bit
                pos += best
            else:
                out.append(chunk[pos])
                pos += 1
        out[flag_at] = flags
    return bytes(out)


def _compress_chunk(chunk: bytes) -> bytes:
    body = _compress_tokens(chunk)
    if len(body) <= _CHUNK:  # header: size-3 in 12 bits, signature 0b011, flag 1 (§2.4.1.1.5)
        return (0xB000 | (len(body) - 1)).to_bytes(2, "little") + body
    if len(chunk) == _CHUNK:  # §2.4.1.3.10 raw chunk: flag 0, exactly 4096 bytes
        return b"\xff\x3f" + chunk
    # A short incompressible final chunk cannot be stored raw without zero padding that
    # would change the decompressed length, so split it into two compressed chunks.
    half = len(chunk) // 2
    return _compress_chunk(chunk[:half]) + _compress_chunk(chunk[half:])


def compress(data: bytes) -> bytes:
    """Compress per §2.4.1.3.6 into a CompressedContainer (signature byte 0x01 + chunks)."""
    data = bytes(data)
    chunks = (_compress_chunk(data[i : i + _CHUNK]) for i in range(0, len(data), _CHUNK))
    return b"\x01" + b"".join(chunks)


def decompress(data: bytes) -> bytes:
    """Decompress a §2.4.1 CompressedContainer; raises ValueError on malformed input."""
    if not data or data[0] != 0x01:
        raise ValueError("compressed container must start with signature byte 0x01")
    out = bytearray()
    pos = 1
    while pos < len(data):  # §2.4.1.3.1
        header = int.from_bytes(data[pos : pos + 2], "little")
        end = pos + (header & 0x0FFF) + 3
        if (header >> 12) & 0x7 != 0b011 or end > len(data):  # also a truncated header
            raise ValueError(f"bad or truncated compressed chunk at offset {pos}")
        pos += 2
        if not header & 0x8000:  # §2.4.1.3.3 raw chunk
            if end - pos != _CHUNK:
                raise ValueError("raw chunk must hold 4096 bytes")
            out += data[pos:end]
            pos = end
            continue
        start = len(out)  # §2.4.1.3.2 DecompressedChunkStart
        while pos < end:
            flags = data[pos]
            pos += 1
            for bit in range(8):
                if pos >= end:
                    break
                if not (flags >> bit) & 1:
                    out.append(data[pos])
                    pos += 1
                    continue
                if pos + 2 > end:
                    raise ValueError("truncated copy token")
                token = int.from_bytes(data[pos : pos + 2], "little")
                pos += 2
                bit_count = _bit_count(len(out) - start)  # §2.4.1.3.19.2 Unpack CopyToken
                length = (token & (0xFFFF >> bit_count)) + 3
                offset = (token >> (16 - bit_count)) + 1
                if offset > len(out) - start:
                    raise ValueError("copy token points before the chunk start")
                src = len(out) - offset
                if offset >= length:
                    out += out[src : src + length]
                else:  # overlapping copy repeats the last ``offset`` bytes
                    out += (out[src:] * (length // offset + 1))[:length]
    return bytes(out)


# --- §2.4.3 data encryption (PROJECT stream CMG/DPB/GC) ------------------------------


def _encrypt(data: bytes, seed: int = ENCRYPTION_SEED) -> str:
    """Obfuscate ``data`` per §2.4.3.2 and return it as upper-case hex."""
    version, key = 2, sum(PROJECT_ID.encode("ascii")) & 0xFF  # ProjKey: sum of the ID bytes
    out = [seed, seed ^ version, seed ^ key]
    unencrypted1, encrypted1, encrypted2 = key, out[2], out[1]
    ignored = [seed] * ((seed & 6) // 2)  # IgnoredEnc: "any value"; the seed keeps it fixed
    for byte in (*ignored, *len(data).to_bytes(4, "little"), *data):
        enc = byte ^ ((encrypted2 + unencrypted1) & 0xFF)
        out.append(enc)
        encrypted2, encrypted1, unencrypted1 = encrypted1, enc, byte
    return bytes(out).hex().upper()


# --- project streams ----------------------------------------------------------------


def _rec(record_id: int, payload: bytes = b"") -> bytes:
    """An Id/Size/Data record of the dir stream (§2.3.4.2)."""
    return struct.pack("<HI", record_id, len(payload)) + payload


def _names(record_id: int, unicode_id: int, text: str) -> bytes:
    """An MBCS record followed by its UTF-16 twin (whose id is the spec's 'Reserved')."""
    return _rec(record_id, text.encode(_ENCODING)) + _rec(unicode_id, text.encode("utf-16-le"))


def _dir_stream(modules: Sequence[VbaModule], project_name: str) -> bytes:
    parts = [  # §2.3.4.2.1 PROJECTINFORMATION
        _rec(0x0001, struct.pack("<I", SYSKIND)),
        _rec(0x0002, struct.pack("<I", 0x409)),  # PROJECTLCID
        _rec(0x0014, struct.pack("<I", 0x409)),  # PROJECTLCIDINVOKE
        _rec(0x0003, struct.pack("<H", CODEPAGE)),
        _rec(0x0004, project_name.encode(_ENCODING)),
        _names(0x0005, 0x0040, ""),  # PROJECTDOCSTRING
        _names(0x0006, 0x003D, ""),  # PROJECTHELPFILEPATH (both copies empty)
        _rec(0x0007, struct.pack("<I", 0)),  # PROJECTHELPCONTEXT
        _rec(0x0008, struct.pack("<I", 0)),  # PROJECTLIBFLAGS
        struct.pack("<HIIH", 0x0009, 4, 1, 0),  # PROJECTVERSION: Size says 4, 6 bytes follow
        _names(0x000C, 0x003C, ""),  # PROJECTCONSTANTS
    ]
    for name, libid in _REFERENCES:  # §2.3.4.2.2 REFERENCENAME + REFERENCEREGISTERED
        raw = libid.encode(_ENCODING)
        parts += [_names(0x0016, 0x003E, name), _rec(0x000D, struct.pack("<I", len(raw)) + raw
                                                       + struct.pack("<IH", 0, 0))]  # fmt: skip
    parts += [_rec(0x000F, struct.pack("<H", len(modules))), _rec(0x0013, b"\xff\xff")]
    for m in modules:  # §2.3.4.2.3.2 MODULE records
        parts += [
            _names(0x0019, 0x0047, m.name),  # MODULENAME + MODULENAMEUNICODE
            _names(0x001A, 0x0032, m.name),  # MODULESTREAMNAME
            _names(0x001C, 0x0048, ""),  # MODULEDOCSTRING
            _rec(0x0031, struct.pack("<I", 0)),  # MODULEOFFSET: no performance cache
            _rec(0x001E, struct.pack("<I", 0)),  # MODULEHELPCONTEXT
            _rec(0x002C, b"\xff\xff"),  # MODULECOOKIE
            _rec(0x0021 if m.kind == "standard" else 0x0022),  # MODULETYPE (Reserved = 0)
            _rec(0x002B),  # module terminator
        ]
    parts.append(_rec(0x0010))  # dir stream terminator
    return b"".join(parts)


def _project_stream(modules: Sequence[VbaModule], project_name: str) -> bytes:
    """§2.3.1 PROJECT stream: the textual project properties."""
    kinds = {"standard": "Module={}", "class": "Class={}", "document": "Document={}/&H00000000"}
    lines = [f'ID="{PROJECT_ID}"', *(kinds[m.kind].format(m.name) for m in modules)]
    lines += [
        f'Name="{project_name}"',
        'HelpContextID="0"',
        'VersionCompatible32="393222000"',
        f'CMG="{_encrypt(bytes(4))}"',  # §2.3.1.15 ProjectProtectionState: not protected
        f'DPB="{_encrypt(bytes(1))}"',  # §2.3.1.16 ProjectPassword: none
        f'GC="{_encrypt(bytes([0xFF]))}"',  # §2.3.1.17 ProjectVisibilityState: visible
        "",
        "[Host Extender Info]",
        "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000",
        "",
        "[Workspace]",
        *(f"{m.name}=0, 0, 0, 0, C" for m in modules),
    ]
    return "".join(line + "\r\n" for line in lines).encode(_ENCODING)


def _projectwm_stream(modules: Sequence[VbaModule]) -> bytes:
    """§2.3.3 PROJECTwm: each module name in MBCS and UTF-16, NUL-terminated."""
    return (
        b"".join(
            m.name.encode(_ENCODING) + b"\0" + (m.name + "\0").encode("utf-16-le") for m in modules
        )
        + b"\0\0"
    )


def _module_text(module: VbaModule) -> bytes:
    if not _IDENTIFIER.match(module.name):
        raise ValueError(f"invalid VBA module name {module.name!r}")
    if module.kind not in ("standard", "document", "class"):
        raise ValueError(f"module {module.name}: unknown kind {module.kind!r}")
    text = re.sub(r"\r\n|\r|\n", "\r\n", module.source)
    if not text.startswith(f'Attribute VB_Name = "{module.name}"\r\n'):
        raise ValueError(f'module {module.name}: source must start with Attribute VB_Name = "..."')
    try:
        return text.encode(_ENCODING)
    except UnicodeEncodeError as exc:
        raise ValueError(f"module {module.name}: not representable in {_ENCODING}: {exc}") from exc


def build_vba_project(modules: Sequence[VbaModule], project_name: str = "VBAProject") -> bytes:
    """Return a complete ``vbaProject.bin`` holding ``modules`` as uncompiled source."""
    if not _IDENTIFIER.match(project_name):
        raise ValueError(f"invalid VBA project name {project_name!r}")
    seen = [m.name.upper() for m in modules]
    if len(set(seen)) != len(seen):
        raise ValueError("module names must be unique (case-insensitively)")
    streams = {
        "VBA/_VBA_PROJECT": bytes.fromhex("CC61FFFF000100"),  # §2.3.4.1: version 0xFFFF
        "VBA/dir": compress(_dir_stream(modules, project_name)),
        **{f"VBA/{m.name}": compress(_module_text(m)) for m in modules},  # §2.3.4.3
        "PROJECT": _project_stream(modules, project_name),
        "PROJECTwm": _projectwm_stream(modules),
    }
    return write_cfb(streams)


def read_vba_modules(data: bytes) -> dict[str, str]:
    """Return ``{module name: source text}`` from a ``vbaProject.bin`` (or any VBA storage)."""
    streams = {path.upper(): blob for path, blob in read_cfb(data).items()}
    dir_path = next((p for p in streams if p == "VBA/DIR" or p.endswith("/VBA/DIR")), None)
    if dir_path is None:
        raise ValueError("no VBA/dir stream: not a VBA project")
    dir_data = decompress(streams[dir_path])
    encoding, rec, modules, pos = _ENCODING, dict[int, bytes](), dict[str, str](), 0
    while pos + 6 <= len(dir_data):  # §2.3.4.2: Id/Size/Data records (Unicode twins too)
        record_id, size = struct.unpack_from("<HI", dir_data, pos)
        size = 6 if record_id == 0x0009 else size  # PROJECTVERSION: Size reads 4, 6 follow
        rec[record_id] = dir_data[pos + 6 : pos + 6 + size]
        pos += 6 + size
        if record_id == 0x0003:  # PROJECTCODEPAGE
            codepage = struct.unpack("<H", rec[0x0003])[0]
            encoding = "mac_roman" if codepage == 10000 else f"cp{codepage}"
        elif record_id == 0x002B:  # end of a MODULE record (§2.3.4.2.3.2)
            utf16 = {k: v.decode("utf-16-le") for k, v in rec.items() if k in (0x0047, 0x0032)}
            name = utf16.get(0x0047) or rec[0x0019].decode(encoding)
            stream = utf16.get(0x0032) or rec[0x001A].decode(encoding)
            blob = streams.get(f"{dir_path[:-3]}{stream}".upper())
            if blob is None:
                raise ValueError(f"module stream {stream!r} is missing")
            offset = struct.unpack("<I", rec.get(0x0031, bytes(4)))[0]  # skip p-code cache
            modules[name] = decompress(blob[offset:]).decode(encoding)
            rec = {}
        elif record_id == 0x0010:  # dir stream terminator
            break
    return modules
