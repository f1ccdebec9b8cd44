"""Work spread over the machine's cores, where it pays.

Workers are started the way Windows starts them (spawned: each imports its modules again),
which costs about 0.1–0.2 s here, so a step uses them only from `AMBANG` tasks up; below that,
or on one core, or when workers cannot be started, the same function runs in this process.
The function must be a module-level one (it is sent to the workers by name) and pure: what
it returns depends on its arguments only. A worker imports the modules of the function and of
`umum` and nothing else: keep them out of a step's module (importing `pyxl.langkah` doubled a
worker's start-up).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")
H = TypeVar("H")

AMBANG = 300
"""Tasks (returns of about 10–40 rows, ~2 ms each) from which starting workers pays off."""
PALING_BANYAK = 8
"""Workers at most: beyond this the master's own work (merging, saving) dominates."""

_kerja: tuple[Callable[[Any, Any], Any], Any] | None = None


def _pasang(fungsi: Callable[[Any, Any], Any], umum: Any) -> None:
    global _kerja
    _kerja = (fungsi, umum)


def _jalankan(tugas: Any) -> Any:
    assert _kerja is not None
    fungsi, umum = _kerja
    return fungsi(umum, tugas)


def inti() -> int:
    """Cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # Windows, macOS
        return os.cpu_count() or 1


def petakan(
    fungsi: Callable[[Any, T], H],
    tugas: Sequence[T],
    umum: Any,
    *,
    kabar: Callable[[int], object] | None = None,
    ambang: int | None = None,
) -> list[H]:
    """`[fungsi(umum, t) for t in tugas]`, in order, on several cores when it pays; `umum`
    (the same for every task) is sent once per worker. `kabar(n)` after each result;
    `ambang`: `AMBANG` unless given."""
    pekerja = min(inti(), PALING_BANYAK)
    if len(tugas) >= (AMBANG if ambang is None else ambang) and pekerja >= 2:
        try:
            return _di_pekerja(fungsi, tugas, umum, pekerja, kabar)
        except (OSError, BrokenProcessPool):  # no processes here: do it in this one
            pass
    hasil = []
    for i, t in enumerate(tugas, 1):
        hasil.append(fungsi(umum, t))
        if kabar is not None:
            kabar(i)
    return hasil


def _di_pekerja(
    fungsi: Callable[[Any, T], H],
    tugas: Sequence[T],
    umum: Any,
    pekerja: int,
    kabar: Callable[[int], object] | None,
) -> list[H]:
    konteks = multiprocessing.get_context("spawn")
    potongan = max(1, len(tugas) // (pekerja * 8))
    hasil: list[H] = []
    with ProcessPoolExecutor(
        pekerja, mp_context=konteks, initializer=_pasang, initargs=(fungsi, umum)
    ) as ex:
        for h in ex.map(_jalankan, tugas, chunksize=potongan):
            hasil.append(h)
            if kabar is not None:
                kabar(len(hasil))
    return hasil
