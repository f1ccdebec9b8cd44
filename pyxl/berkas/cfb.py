"""Minimal [MS-CFB] Compound File Binary writer and reader.

Only what a ``vbaProject.bin`` needs: version 3 files (512-byte sectors), storages and
streams, the mini stream for small streams and DIFAT sectors for files beyond ~7 MB.
The writer is deterministic (no timestamps, no CLSIDs) so a rebuilt workbook is
byte-identical to the committed one; the reader is used for round-trip tests and for
extracting modules from existing VBA projects.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping

__all__ = ["read_cfb", "write_cfb"]

SECTOR_SIZE = 512  # version 3, sector shift 9 (§2.2)
MINI_SECTOR_SIZE = 64  # mini sector shift 6 (§2.2)
MINI_STREAM_CUTOFF = 4096  # streams smaller than this live in the mini stream (§2.2)

# Special sector numbers (§2.1).
DIFSECT, FATSECT, ENDOFCHAIN, FREESECT = 0xFFFFFFFC, 0xFFFFFFFD, 0xFFFFFFFE, 0xFFFFFFFF
NOSTREAM = 0xFFFFFFFF  # "no sibling/child" in directory entries (§2.6.1)

_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
_HEADER_DIFAT = 109  # FAT sector locations held by the header itself (§2.2)
_IDS_PER_SECTOR = SECTOR_SIZE // 4
_STORAGE, _STREAM, _ROOT = 1, 2, 5  # object types (§2.6.1)
_RED, _BLACK = 0, 1  # §2.6.1 colour flag
_DIRENTRY = struct.Struct("<64sHBBIII16sIQQIQ")  # 128 bytes (§2.6.1)


class _Entry:
    """One directory entry while writing; storages carry children, streams carry data."""

    def __init__(self, name: str, kind: int, data: bytes = b"") -> None:
        self.name, self.kind, self.data = name, kind, data
        self.key = (len(name.encode("utf-16-le")), name.upper())  # sibling order (§2.6.4)
        self.children: dict[str, _Entry] = {}
        self.sid = 0
        self.left = self.right = self.child = NOSTREAM
        self.color = _BLACK
        self.start, self.size = ENDOFCHAIN, 0


def _check_name(name: str) -> None:
    if not name or len(name.encode("utf-16-le")) > 62 or set("/\\:!") & set(name):
        raise ValueError(f"invalid compound file entry name {name!r} (1-31 chars, no /\\:!)")


def _build_tree(streams: Mapping[str, bytes]) -> _Entry:
    root = _Entry("Root Entry", _ROOT)
    for path, data in streams.items():
        *dirs, leaf = path.split("/")
        node = root
        for part in dirs:
            _check_name(part)
            node = node.children.setdefault(part.upper(), _Entry(part, _STORAGE))
            if node.kind != _STORAGE:
                raise ValueError(f"{path!r}: {part!r} is already a stream")
        _check_name(leaf)
        if leaf.upper() in node.children:
            raise ValueError(f"duplicate compound file entry {path!r}")
        node.children[leaf.upper()] = _Entry(leaf, _STREAM, bytes(data))
    return root


def _link_siblings(nodes: list[_Entry], depth: int, red_depth: int) -> int:
    """Link sorted siblings into a balanced binary tree and return its root's id.

    Splitting at the midpoint puts every empty leaf at depth ``red_depth`` or one below;
    colouring the nodes at ``red_depth`` red and all others black satisfies every
    red-black invariant of §2.6.4 (equal black height, no red node with a red child).
    """
    if not nodes:
        return NOSTREAM
    mid = len(nodes) // 2
    node = nodes[mid]
    node.color = _RED if depth == red_depth else _BLACK
    node.left = _link_siblings(nodes[:mid], depth + 1, red_depth)
    node.right = _link_siblings(nodes[mid + 1 :], depth + 1, red_depth)
    return node.sid


def _number(entry: _Entry, out: list[_Entry]) -> None:
    """Give entries ids depth-first, then link each storage's children as a tree."""
    entry.sid = len(out)
    out.append(entry)
    kids = sorted(entry.children.values(), key=lambda e: e.key)
    for kid in kids:
        _number(kid, out)
    red_depth = (len(kids) + 1).bit_length() - 1  # shallowest empty-leaf depth
    entry.child = _link_siblings(kids, 0, red_depth)


def _chain(fat: list[int], first: int, count: int) -> None:
    """Mark ``count`` consecutive sectors from ``first`` as one FAT chain."""
    if count:
        fat[first : first + count] = [*range(first + 1, first + count), ENDOFCHAIN]


def _ceil(n: int, d: int) -> int:
    return -(-n // d)


def _pad(data: bytes, size: int) -> bytes:
    return data + b"\0" * (-len(data) % size)


def write_cfb(streams: Mapping[str, bytes]) -> bytes:
    """Serialise ``{"Storage/Stream": data}`` into a version 3 compound file.

    Storages are implied by the paths.  Layout: FAT, DIFAT, directory, mini FAT, mini
    stream, then each large stream, every region contiguous so each chain is a run.
    """
    root = _build_tree(streams)
    entries: list[_Entry] = []
    _number(root, entries)
    files = [e for e in entries if e.kind == _STREAM]

    # §2.5: streams under the cutoff are stored in 64-byte mini sectors.
    mini = bytearray()
    minifat: list[int] = []
    for e in files:
        e.size = len(e.data)
        if 0 < e.size < MINI_STREAM_CUTOFF:
            e.start = len(minifat)
            count = _ceil(e.size, MINI_SECTOR_SIZE)
            minifat.extend([FREESECT] * count)
            _chain(minifat, e.start, count)
            mini += _pad(e.data, MINI_SECTOR_SIZE)
    big = [e for e in files if e.size >= MINI_STREAM_CUTOFF]

    # Regions in file order: directory, mini FAT, mini stream, then each large stream.
    counts = [_ceil(len(entries), 4), _ceil(len(minifat), _IDS_PER_SECTOR)]
    counts += [_ceil(len(mini), SECTOR_SIZE), *(_ceil(e.size, SECTOR_SIZE) for e in big)]
    n_fat = n_difat = 0
    while True:  # FAT and DIFAT sectors must also be covered by the FAT (§2.3, §2.5)
        need_fat = _ceil(sum(counts) + n_fat + n_difat, _IDS_PER_SECTOR)
        need_difat = _ceil(max(need_fat - _HEADER_DIFAT, 0), _IDS_PER_SECTOR - 1)
        if (need_fat, need_difat) == (n_fat, n_difat):
            break
        n_fat, n_difat = need_fat, need_difat

    fat = [FATSECT] * n_fat + [DIFSECT] * n_difat
    fat += [FREESECT] * (n_fat * _IDS_PER_SECTOR - len(fat))
    starts, cursor = [], n_fat + n_difat
    for count in counts:  # every region is one contiguous chain
        _chain(fat, cursor, count)
        starts.append(cursor if count else ENDOFCHAIN)
        cursor += count
    dir_start, minifat_start, mini_start, *big_starts = starts
    if mini:  # the root entry owns the mini stream (§2.6.2)
        root.start, root.size = mini_start, len(mini)
    for e, start in zip(big, big_starts, strict=True):
        e.start = start
    body = [_pad(bytes(mini), SECTOR_SIZE), *(_pad(e.data, SECTOR_SIZE) for e in big)]

    # DIFAT: first 109 FAT locations in the header, the rest in chained sectors (§2.5).
    slots = [*range(n_fat), *[FREESECT] * (_HEADER_DIFAT + 127 * n_difat - n_fat)]
    difat = bytearray()
    for i in range(n_difat):  # 127 FAT locations, then the next DIFAT sector
        nxt = n_fat + i + 1 if i + 1 < n_difat else ENDOFCHAIN
        difat += struct.pack("<128I", *slots[_HEADER_DIFAT + 127 * i :][:127], nxt)

    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII109I",
        _SIGNATURE, b"", 0x003E, 0x0003, 0xFFFE, 9, 6, b"",  # §2.2: minor, major, byte order
        0, n_fat, dir_start, 0, MINI_STREAM_CUTOFF,  # no directory-sector count in v3
        minifat_start, counts[1], n_fat if n_difat else ENDOFCHAIN, n_difat,
        *slots[:_HEADER_DIFAT],
    )  # fmt: skip
    directory = bytearray()
    for e in entries:
        name = (e.name + "\0").encode("utf-16-le")
        directory += _DIRENTRY.pack(
            name, len(name), e.kind, e.color, e.left, e.right, e.child,
            b"", 0, 0, 0,  # CLSID, state bits, creation/modified time: zero for determinism
            e.start if e.kind != _STORAGE else 0, e.size,
        )  # fmt: skip
    free = _DIRENTRY.pack(b"", 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM, b"", 0, 0, 0, 0, 0)
    directory += free * (-len(entries) % 4)  # unused entries (§2.6.3)
    minifat_bytes = struct.pack(f"<{len(minifat)}I", *minifat)
    minifat_bytes += b"\xff" * (-len(minifat_bytes) % SECTOR_SIZE)
    return b"".join(
        [header, struct.pack(f"<{len(fat)}I", *fat), difat, directory, minifat_bytes, *body]
    )


def read_cfb(data: bytes) -> dict[str, bytes]:
    """Return every stream of a compound file as ``{"Storage/Stream": data}``."""
    if data[:8] != _SIGNATURE or len(data) < 512:
        raise ValueError("not a compound file (bad signature)")
    (major, sector_shift, mini_shift, n_fat, dir_start, cutoff, minifat_start, _, difat_start,
     n_difat) = struct.unpack_from("<2xH2xHH6x4xII4xIIIII", data, 24)  # fmt: skip
    ssize, msize = 1 << sector_shift, 1 << mini_shift
    ids = f"<{ssize // 4}I"

    def sector(sid: int) -> bytes:  # sector 0 follows the header's sector-sized slot
        if (sid + 1) * ssize >= len(data):
            raise ValueError(f"sector {sid} beyond end of file")
        return data[(sid + 1) * ssize : (sid + 2) * ssize]

    def walk(table: list[int], sid: int) -> list[int]:
        chain: list[int] = []
        while sid not in (ENDOFCHAIN, FREESECT):
            if sid >= len(table) or len(chain) > len(table):
                raise ValueError("corrupt sector chain")
            chain.append(sid)
            sid = table[sid]
        return chain

    def read_chain(sid: int) -> bytes:
        return b"".join(map(sector, walk(fat, sid)))

    fat_ids, sid = list(struct.unpack_from("<109I", data, 76)), difat_start
    for _ in range(n_difat):  # DIFAT sectors: FAT locations, last id links the next (§2.5)
        *more, sid = struct.unpack(ids, sector(sid))
        fat_ids += more
    fat = [i for fid in fat_ids[:n_fat] for i in struct.unpack(ids, sector(fid))]
    directory = read_chain(dir_start)
    raw = [_DIRENTRY.unpack_from(directory, off) for off in range(0, len(directory), 128)]
    minifat_bytes = read_chain(minifat_start)
    minifat = list(struct.unpack(f"<{len(minifat_bytes) // 4}I", minifat_bytes))
    ministream = read_chain(raw[0][11])
    out: dict[str, bytes] = {}

    def visit(sid: int, prefix: str, depth: int) -> None:
        if sid == NOSTREAM:
            return
        if sid >= len(raw) or depth > len(raw):
            raise ValueError("corrupt directory tree")
        raw_name, name_len, kind, _, left, right, child, *_, start, size = raw[sid]
        name = prefix + raw_name[: max(name_len - 2, 0)].decode("utf-16-le")
        size = size & 0xFFFFFFFF if major == 3 else size  # v3: high half may be garbage
        visit(left, prefix, depth + 1)
        if kind == _STORAGE:
            visit(child, name + "/", depth + 1)
        elif kind == _STREAM and size < cutoff:  # mini stream (§2.5)
            chunks = (ministream[s * msize : (s + 1) * msize] for s in walk(minifat, start))
            out[name] = b"".join(chunks)[:size]
        elif kind == _STREAM:
            out[name] = read_chain(start)[:size]
        visit(right, prefix, depth + 1)

    visit(raw[0][6], "", 0)
    return out
