"""Mode `draf` (the default): an .eml file marked `X-Unsent: 1` in `kirim/`.

Outlook or Thunderbird open it as an editable draft and a person presses Send; nothing leaves
the office by itself, so no journal is needed.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from pyxl.berkas.tulis import sebab, tulis_atomik
from pyxl.galat import LingkunganError
from pyxl.kontrak.keluaran import DRAF_SUREL
from pyxl.surel.pesan import Surel, Terkirim, buat_pesan


@dataclass
class PengirimDraf:
    folder: Path
    pengirim: tuple[str, str] = field(kw_only=True)
    mode: str = field(default="draf", init=False)

    def kirim(self, surel: Surel) -> Terkirim:
        msg = buat_pesan(surel, self.pengirim)
        msg["X-Unsent"] = "1"  # opened as an editable draft, not as a received mail
        waktu, mid = datetime.now(), str(msg["Message-ID"])
        tag = "-".join(re.findall(r"\[([^\]]+)\]", surel.perihal)) or surel.kepada[0][1]
        slug = re.sub(r"[^A-Za-z0-9]+", "-", tag).strip("-")[:40] or "surel"
        sidik = hashlib.sha256(mid.encode()).hexdigest()[:8]
        nama = DRAF_SUREL.nama(waktu=f"{waktu:%Y%m%d-%H%M%S}", slug=slug, sidik=sidik)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            berkas = _tulis_nama_bebas(self.folder, nama, msg.as_bytes())
        except OSError as exc:
            raise LingkunganError(
                f"Draf email {nama} tidak dapat ditulis di folder {self.folder}: "
                f"{sebab(exc)}. Periksa bahwa folder itu dapat ditulis dan disk tidak penuh."
            ) from exc
        return Terkirim(mid, self.mode, berkas, waktu)


def _tulis_nama_bebas(folder: Path, nama: str, data: bytes) -> Path:
    """`nama` (`<stem>.eml`), or `<stem>-2.eml`, … : a draft never overwrites another."""
    stem = Path(nama).stem
    ke = 1
    while True:
        tujuan = folder / (f"{stem}.eml" if ke == 1 else f"{stem}-{ke}.eml")
        ke += 1
        if tujuan.exists():
            continue
        try:
            return tulis_atomik(tujuan, data, timpa=False)
        except FileExistsError:
            continue
