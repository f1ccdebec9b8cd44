"""Working time between two moments, in the unit the SOP's standard times are planned in.

A step's duration is compared with its standard time (`pyxl.kontrak.sop`), which counts working
days of 07.30–15.00, Monday to Friday. So the measured duration counts only those hours: a
step that became possible on Friday afternoon and was done on Monday morning took the working
minutes in between, not three calendar days. Public holidays are not known here and count as
working days (a step across one looks slower than it was, never faster).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pyxl.kontrak.sop import HARI_KERJA, JAM_MASUK, JAM_PULANG


def menit_kerja(dari: datetime, sampai: datetime) -> float:
    """Working minutes from `dari` to `sampai` (0 when `sampai` is not later)."""
    total = 0.0
    hari = dari.date()
    while hari <= sampai.date():
        if hari.weekday() in HARI_KERJA:
            masuk = datetime.combine(hari, JAM_MASUK, dari.tzinfo)
            pulang = datetime.combine(hari, JAM_PULANG, dari.tzinfo)
            awal, akhir = max(dari, masuk), min(sampai, pulang)
            if akhir > awal:
                total += (akhir - awal).total_seconds() / 60
        hari += timedelta(days=1)
    return total
