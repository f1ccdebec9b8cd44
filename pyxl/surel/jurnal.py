"""Nothing lost, nothing sent twice: the journal lines of mails that cannot be taken back.

A mail accepted by the SMTP server (or saved in Outlook) cannot be taken back, but its
`Pengiriman` row only reaches disk when the step saves the workbook at its end. So inside a run
(`pyxl.jalan.proses.jalankan`) every such mail is journaled in the run's journal
(`pyxl.berkas.kunci.Jurnal`, fsynced): a `coba` line before the message is handed to the server
(if it cannot be written, nothing is sent), a `terkirim` line right after the server accepted
it, a `gagal` line when it refused. If the run dies or its save fails, the next run records
from the journal every `terkirim` mail as a `Terkirim` row, keeps the letters they carried,
and the step (kirim, ingatkan, pengantar) does not send them again. A `coba` line without an
outcome is the mail the run was sending when it died: the server may or may not have it. It is
recorded as `Gagal` with a note saying so, and sent again (at least once, never silently lost;
at most that one mail twice). Drafts (.eml) need no journal: they never left, and the next run
moves the drafts of a run that did not save out of `kirim/` (see `pyxl.jalan.pemulihan`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pyxl.berkas.kunci import jurnal_aktif
from pyxl.berkas.tulis import sebab
from pyxl.galat import LingkunganError
from pyxl.surel.pesan import Surel, Terkirim


def catat_jurnal(
    tahap: str, surel: Surel, message_id: str, mode: str, t: Terkirim | None = None
) -> None:
    """One journal line for a mail that cannot be taken back (no-op outside a run).

    `coba`: it is about to be handed over (an OSError here becomes a LingkunganError: nothing
    is sent); `terkirim`: accepted; `gagal`: refused."""
    jurnal = jurnal_aktif()
    if jurnal is None:
        return
    try:
        jurnal.catat(
            "surel",
            tahap=tahap,
            id=message_id,
            mode=mode,
            waktu=(t.waktu if t else datetime.now()).isoformat(),
            perihal=surel.perihal,
            kepada=[list(k) for k in surel.kepada],
            header=dict(surel.header_tambahan),
            lampiran=[str(p.resolve()) for p in surel.lampiran],
            ditolak=list(t.ditolak) if t else [],
            baris={k: v for k, v in surel.baris.items() if isinstance(v, str | int | float)},
        )
    except OSError as exc:
        if tahap != "coba":
            raise
        raise LingkunganError(
            f"Jurnal pengiriman {jurnal.jalur.name} di folder {jurnal.jalur.parent} tidak dapat "
            f"ditulis: {sebab(exc)}; email '{surel.perihal}' tidak dikirim. Periksa ruang "
            "disk dan hak tulis folder kerja, lalu ulangi."
        ) from exc


@dataclass(frozen=True)
class SurelJurnal:
    """A journaled mail with its last known outcome."""

    id: str
    tahap: str
    """`terkirim`, `gagal`, or `coba` (the run died while sending it)."""
    isi: dict[str, Any]
    """Its last journal line."""

    @property
    def keluar(self) -> bool:
        """Accepted by the server, or possibly (the run died while sending it)."""
        return self.tahap in ("terkirim", "coba")

    @property
    def lampiran(self) -> set[Path]:
        return {Path(p) for p in self.isi.get("lampiran", [])}


def surel_jurnal(entri: Sequence[Mapping[str, Any]]) -> list[SurelJurnal]:
    """The mails of journal lines `entri`, in the order they were first tried."""
    hasil: dict[str, SurelJurnal] = {}
    for e in entri:
        if e.get("jenis") == "surel" and isinstance(e.get("id"), str):
            hasil[e["id"]] = SurelJurnal(e["id"], str(e.get("tahap")), dict(e))
    return list(hasil.values())


def lampiran_keluar(entri: Sequence[Mapping[str, Any]]) -> set[Path]:
    """Files attached to a mail of `entri` that left (or may have): never to be removed. A PDF
    that left keeps the Word document it was made from (same name, .docx): that is the letter
    of record (the invitation is mailed as the PDF of its .docx)."""
    keluar = {p for s in surel_jurnal(entri) if s.keluar for p in s.lampiran}
    return keluar | {p.with_suffix(".docx") for p in keluar if p.suffix.lower() == ".pdf"}
