"""What a step gets (`Konteks`) and what it gives back (`Hasil`)."""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pyxl.buku.pengaturan import baca_pengaturan
from pyxl.buku.port import Buku
from pyxl.inti.sel import sebagai_teks
from pyxl.jalan.umpan import Umpan
from pyxl.kontrak import skema, status
from pyxl.kontrak.pengaturan import Pengaturan
from pyxl.kontrak.periode import baca_periode


@dataclass
class Konteks:
    """What a step gets: the workbook, a way to talk to the user, who runs it, a clock."""

    buku: Buku
    umpan: Umpan
    pengguna: str = field(default_factory=lambda: pengguna_sekarang())
    jam: Callable[[], datetime] = datetime.now
    pulihan: Pulihan = field(default_factory=lambda: Pulihan())
    """What `pulihkan` completed from a dead run just before this step."""

    def pengaturan(self) -> Pengaturan:
        """The settings, each with its cell (messages name 'sheet Pengaturan sel B42')."""
        return baca_pengaturan(self.buku)

    def periode(self, pilihan: str | None) -> str:
        """The round a step works on: the command's `--periode` when given, else the
        `Periode` input cell of `Kendali` (what a button reads), else `Tahunan`. A value that
        is not a period is an `IsianError` naming where it was typed."""
        if pilihan is not None:
            return baca_periode(pilihan, "Periode (opsi --periode)")
        from pyxl.buku.kendali import baca_isian

        nilai, sel = baca_isian(self.buku, "Periode")
        return baca_periode(nilai, f"Periode di sheet {skema.KENDALI} sel {sel}")


@dataclass
class Hasil:
    """What a step reports back."""

    ringkasan: str
    berkas: list[Path] = field(default_factory=list)
    """Files written by this run (removed again if the workbook cannot be saved)."""
    ubah_buku: bool = True
    """False for read-only steps: no log line, no save."""
    langkah: tuple[int, ...] | None = None
    """SOP steps to log; None = every step the command serves (e.g. 8 and 9 for dokumen)."""
    gagal: bool = False
    """A check step found a failure (the CLI exits 1)."""
    periode: str | None = None
    """The round the step worked on (Kendali's status table shows it); None: Kendali's own
    `Periode` input."""


def pengguna_sekarang() -> str:
    for var in ("PYXL_PENGGUNA", "USERNAME", "USER"):
        if os.environ.get(var):
            return os.environ[var]
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "tidak diketahui"


@dataclass
class Pulihan:
    """What the start of a run recovered from a run that died (see the module docstring)."""

    baris: list[dict[str, Any]] = field(default_factory=list)
    """`Pengiriman` rows recorded from the journal now."""
    surel: list[dict[str, Any]] = field(default_factory=list)
    """The `Pengiriman` rows of every mail of the dead run that left (or may have), recorded
    now or by the dead run itself before it died."""
    surat: list[dict[str, Any]] = field(default_factory=list)
    """`Register Surat` rows of the dead run's letters: settled now (`Terbit` or `Batal`), or
    already `Terbit` and mailed by it."""
    dipindah: list[Path] = field(default_factory=list)
    """Output files of the dead run moved to `cadangan/terhenti-…/`."""

    def terkirim(self, langkah: int) -> list[dict[str, Any]]:
        """Rows of SOP step `langkah` whose mail certainly left in the dead run."""
        return [r for r in self.surel if r["Langkah"] == langkah and r["Status"] == status.TERKIRIM]

    def ringkasan(self, kerja: Path) -> str:
        teks = []
        if self.baris:
            tidak_pasti = sum(r["Status"] != status.TERKIRIM for r in self.baris)
            teks.append(
                f"{len(self.baris)} email dari proses yang terhenti dicatat di sheet "
                f"{skema.PENGIRIMAN}"
                + (f" ({tidak_pasti} tidak pasti terkirim, dikirim ulang)" if tidak_pasti else "")
                + "."
            )
        for r in self.surat:
            teks.append(
                f"Surat nomor {sebagai_teks(r['Nomor Surat'])} dari proses yang terhenti: "
                f"{sebagai_teks(r['Status'])}."
            )
        if self.dipindah:
            tujuan = self.dipindah[0].parent.parent.relative_to(kerja).as_posix()
            nama = [p.name for p in self.dipindah]
            lain = f" dan {len(nama) - 5} lainnya" if len(nama) > 5 else ""
            teks.append(
                f"{len(nama)} berkas dari proses yang terhenti (buku kerja tidak tersimpan) "
                f"dipindahkan ke {tujuan}/: {', '.join(nama[:5])}{lain}."
            )
        return ("Pemulihan: " + " ".join(teks)) if teks else ""
