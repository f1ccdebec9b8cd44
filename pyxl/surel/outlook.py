"""Mode `outlook`: a draft in classic Outlook on Windows (pywin32); a person presses Send."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from datetime import datetime

from pyxl.galat import LingkunganError
from pyxl.surel.jurnal import catat_jurnal
from pyxl.surel.pesan import Surel, Terkirim, periksa_surel


@dataclass
class PengirimOutlook:
    """A draft in classic Outlook (Windows, pywin32); a person presses Send."""

    mode: str = field(default="outlook", init=False)

    def kirim(self, surel: Surel) -> Terkirim:
        try:
            import win32com.client
        except ImportError as exc:
            raise LingkunganError(
                "Mode outlook hanya di Windows dengan Outlook klasik terpasang; pakai mode draf."
            ) from exc
        periksa_surel(surel)
        item = win32com.client.Dispatch("Outlook.Application").CreateItem(0)
        item.To = "; ".join(a for _, a in surel.kepada)
        item.CC = "; ".join(a for _, a in surel.tembusan)
        item.Subject, item.Body = surel.perihal, surel.isi
        for p in surel.lampiran:
            item.Attachments.Add(str(p))
        item.Save()  # in Outlook now: pyxl cannot take it back, so it is journaled
        t = Terkirim(str(item.EntryID), self.mode, None, datetime.now())
        with contextlib.suppress(OSError):
            catat_jurnal("terkirim", surel, t.message_id, self.mode, t)
        return t
