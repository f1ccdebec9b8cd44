"""Upgrading the master from a button: `pyxl perbarui` once Excel has closed it.

The open workbook cannot be replaced (Excel holds it), and a button's Python ends when the
button returns. So the button (`Perbarui Buku Kerja`, or any step refused on an outdated
master) starts `pyxl perbarui --setelah-ditutup` as a background process and asks the user to
save and close the workbook: the process waits until Excel's owner file is gone, upgrades the
saved file (backup first, every value kept), writes what it did to `pyxl-perbarui.log` in the
working folder and, on Windows, opens the upgraded workbook again (or shows why it could not).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import traceback
from datetime import datetime
from pathlib import Path

from pyxl.bangun.perbarui import perbarui
from pyxl.berkas.kunci import pemilik
from pyxl.galat import PyxlError

BATAS_TUNGGU = 30 * 60
"""Seconds the upgrade waits for the workbook to be closed before it gives up."""
BERKAS_LOG = "pyxl-perbarui.log"


def mulai(berkas: Path) -> subprocess.Popen[bytes]:
    """Start the upgrade of `berkas` in the background (it waits for the workbook to close)."""
    opsi: dict[str, object] = {
        "stdin": subprocess.DEVNULL,
        "stdout": subprocess.DEVNULL,
        "stderr": subprocess.DEVNULL,
        "cwd": str(berkas.parent),
        "close_fds": True,
    }
    if os.name == "nt":  # no console window, and not ended with Excel's RunPython call
        opsi["creationflags"] = (
            subprocess.DETACHED_PROCESS | subprocess.CREATE_NEW_PROCESS_GROUP  # type: ignore[attr-defined]
        )
    else:
        opsi["start_new_session"] = True
    perintah = [sys.executable, "-m", "pyxl", "perbarui", "--workbook", str(berkas)]
    return subprocess.Popen([*perintah, "--setelah-ditutup"], **opsi)  # type: ignore[call-overload]


def tunggu_tertutup(berkas: Path, batas: float = BATAS_TUNGGU, jeda: float = 1.0) -> bool:
    """Wait until no program has `berkas` open; False when `batas` seconds passed first."""
    akhir = time.monotonic() + batas
    while pemilik(berkas) is not None:
        if time.monotonic() >= akhir:
            return False
        time.sleep(jeda)
    return True


def setelah_ditutup(berkas: Path, batas: float = BATAS_TUNGGU, jeda: float = 1.0) -> int:
    """`pyxl perbarui --setelah-ditutup`: wait, upgrade, log, reopen; the exit code."""
    berkas = berkas.resolve()
    if not tunggu_tertutup(berkas, batas, jeda):
        return _akhiri(
            berkas,
            f"Pembaruan {berkas.name} dibatalkan: buku kerja masih terbuka setelah "
            f"{int(batas // 60)} menit. Simpan dan tutup buku kerja, lalu klik Perbarui Buku "
            "Kerja lagi (atau jalankan pyxl perbarui). Tidak ada yang diubah.",
            berhasil=False,
        )
    try:
        hasil = perbarui(berkas)
    except PyxlError as exc:
        return _akhiri(berkas, str(exc), berhasil=False)
    except Exception as exc:  # the details for IT; the file is untouched (atomic save)
        rincian = "".join(traceback.format_exception(exc))
        return _akhiri(
            berkas,
            f"Pembaruan {berkas.name} berhenti karena galat yang tidak terduga "
            f"({type(exc).__name__}); buku kerja tidak diubah. Kirim berkas {BERKAS_LOG} "
            f"kepada IT.\n{rincian}",
            berhasil=False,
        )
    return _akhiri(berkas, hasil.ringkasan, berhasil=True)


def _akhiri(berkas: Path, pesan: str, *, berhasil: bool) -> int:
    log = berkas.parent / BERKAS_LOG
    try:
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"--- {datetime.now():%Y-%m-%d %H:%M:%S}\n{pesan}\n")
    except OSError:
        pass  # the message box below still tells the user
    if os.name == "nt":
        if berhasil:
            os.startfile(berkas)  # type: ignore[attr-defined]
        else:
            _kotak_pesan(pesan.split("\n", 1)[0])
    else:
        print(pesan, file=sys.stdout if berhasil else sys.stderr)
    return 0 if berhasil else 1


def _kotak_pesan(pesan: str) -> None:
    """A Windows message box from a process without a console."""
    import ctypes

    ctypes.windll.user32.MessageBoxW(0, pesan, "Pengumpulan Data Kinerja", 0x10)  # type: ignore[attr-defined]
