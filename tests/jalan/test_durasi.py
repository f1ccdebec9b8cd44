"""The duration `Log SOP` and `Kendali` record: a step's working time from when it became
possible (the previous step's end) to when it was done, compared with the SOP's standard time.
The clock is fake, so the test says exactly which minutes count."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from pyxl.buku.tabel import baca_tabel
from pyxl.buku.xlsm import BukuZip, buka
from pyxl.inti.jam_kerja import menit_kerja
from pyxl.jalan.konteks import Hasil, Konteks
from pyxl.jalan.proses import catat_langkah, jalankan
from pyxl.jalan.umpan import UmpanKonsol
from pyxl.kontrak import kendali, skema, sop

JUMAT_SIANG = datetime(2026, 3, 6, 14, 0)  # a Friday
SENIN_PAGI = datetime(2026, 3, 9, 8, 0)


class Jam:
    """A clock that says what the test sets."""

    def __init__(self, waktu: datetime) -> None:
        self.waktu = waktu

    def __call__(self) -> datetime:
        return self.waktu


def _ktx(buku: BukuZip, jam: Jam) -> Konteks:
    return Konteks(buku, UmpanKonsol(diam=True), pengguna="uji", jam=jam)


def _log(master: Path) -> list[dict[str, Any]]:
    return baca_tabel(BukuZip(master, hanya_baca=True), skema.LOG_SOP)


def _kendali(master: Path, no: int) -> list[Any]:
    rows = BukuZip(master, hanya_baca=True).baca(skema.KENDALI)
    r = rows[kendali.baris_langkah(no) - 1]
    return r[kendali.KOLOM_STATUS - 1 : len(kendali.KOLOM_LANGKAH)]


@pytest.mark.parametrize(
    ("dari", "sampai", "menit"),
    [
        (datetime(2026, 3, 9, 8, 0), datetime(2026, 3, 9, 9, 30), 90),  # within a day
        (datetime(2026, 3, 9, 6, 0), datetime(2026, 3, 9, 7, 45), 15),  # before 07.30
        (datetime(2026, 3, 9, 14, 30), datetime(2026, 3, 9, 20, 0), 30),  # after 15.00
        (JUMAT_SIANG, SENIN_PAGI, 60 + 30),  # Fri 14-15, Mon 07.30-08.00; the weekend is off
        (datetime(2026, 3, 7, 9, 0), datetime(2026, 3, 8, 12, 0), 0),  # Saturday to Sunday
        (datetime(2026, 3, 9, 7, 30), datetime(2026, 3, 13, 15, 0), 5 * 450),  # a working week
        (SENIN_PAGI, JUMAT_SIANG, 0),  # the end before the start
    ],
)
def test_menit_kerja_counts_the_sops_working_hours(
    dari: datetime, sampai: datetime, menit: float
) -> None:
    assert menit_kerja(dari, sampai) == menit


def test_a_working_day_is_the_sops_hari() -> None:
    senin = datetime(2026, 3, 9)
    assert menit_kerja(senin, senin.replace(hour=23)) == sop.MENIT_PER_HARI_KERJA


def test_a_step_is_measured_from_the_previous_steps_end(master: Path) -> None:
    """Step 1 done Friday 13.50; step 2 run Monday 08.00–08.05: it became possible on Friday,
    so it took 70 + 35 working minutes of its 120."""
    jam = Jam(datetime(2026, 3, 6, 13, 50))
    with buka(master) as buku:
        jalankan("disposisi", lambda ktx: Hasil("Disposisi dicatat."), _ktx(buku, jam))
    jam.waktu = SENIN_PAGI
    with buka(master) as buku:

        def format_(ktx: Konteks) -> Hasil:
            jam.waktu = datetime(2026, 3, 9, 8, 5)  # the run itself takes five minutes
            return Hasil("10 format dibuat.")

        jalankan("format", format_, _ktx(buku, jam))
    satu, dua = _log(master)
    assert dua["Langkah"] == 2
    assert dua["Mulai"] == satu["Selesai"] == datetime(2026, 3, 6, 13, 50)
    assert dua["Selesai"] == datetime(2026, 3, 9, 8, 5)
    assert dua["Durasi (menit)"] == 70 + 35
    assert dua["Waktu Baku"] == 120 and dua["Sesuai Waktu Baku"] == "Ya"
    status, mulai, selesai, durasi, _ = _kendali(master, 2)
    assert (status, mulai, selesai, durasi) == (kendali.SELESAI, dua["Mulai"], dua["Selesai"], 105)


def test_a_step_over_its_standard_working_time_is_flagged(master: Path) -> None:
    """Step 3 (standard 1 hour) done the next working day: 'Tidak', 'Melebihi waktu baku'."""
    jam = Jam(JUMAT_SIANG)
    with buka(master) as buku:
        catat_langkah(_ktx(buku, jam), 2, JUMAT_SIANG, "Format dibuat.")
        buku.simpan()
    jam.waktu = datetime(2026, 3, 9, 9, 0)
    with buka(master) as buku:
        catat_langkah(_ktx(buku, jam), 3, datetime(2026, 3, 9, 8, 59), "Format dikirim.")
        buku.simpan()
    tiga = _log(master)[-1]
    assert tiga["Mulai"] == JUMAT_SIANG
    assert tiga["Durasi (menit)"] == 60 + 90
    assert tiga["Sesuai Waktu Baku"] == "Tidak"
    assert _kendali(master, 3)[0] == kendali.LEWAT_WAKTU


def test_the_first_step_and_a_repeat_are_measured_from_their_own_start(master: Path) -> None:
    """Step 1 has no step before it: its run's own start. A repeat of a step is measured from
    the step's last end when that is later than the previous step's."""
    jam = Jam(datetime(2026, 3, 9, 9, 0))
    with buka(master) as buku:
        catat_langkah(_ktx(buku, jam), 1, datetime(2026, 3, 9, 8, 40), "Disposisi.")
        buku.simpan()
    jam.waktu = datetime(2026, 3, 9, 10, 0)
    with buka(master) as buku:
        catat_langkah(_ktx(buku, jam), 2, datetime(2026, 3, 9, 9, 50), "Format.")
        buku.simpan()
    jam.waktu = datetime(2026, 3, 10, 8, 0)
    with buka(master) as buku:
        catat_langkah(_ktx(buku, jam), 2, datetime(2026, 3, 10, 7, 55), "Format lagi.")
        buku.simpan()
    satu, dua, ulang = _log(master)
    assert (satu["Mulai"], satu["Durasi (menit)"]) == (datetime(2026, 3, 9, 8, 40), 20)
    assert (dua["Mulai"], dua["Durasi (menit)"]) == (datetime(2026, 3, 9, 9, 0), 60)
    assert ulang["Mulai"] == datetime(2026, 3, 9, 10, 0)
    assert ulang["Durasi (menit)"] == 5 * 60 + 30  # 10.00–15.00 and 07.30–08.00


def test_two_sop_steps_of_one_command_follow_each_other(master: Path) -> None:
    """`setujui` serves steps 10 and 11: step 11 became possible when step 10 was done."""
    jam = Jam(datetime(2026, 3, 9, 8, 0))
    with buka(master) as buku:
        catat_langkah(_ktx(buku, jam), 9, jam.waktu, "Koreksi selesai.")
        buku.simpan()
    jam.waktu = datetime(2026, 3, 9, 9, 0)
    with buka(master) as buku:
        jalankan("setujui", lambda ktx: Hasil("Disetujui."), _ktx(buku, jam))
    *_, sepuluh, sebelas = _log(master)
    assert (sepuluh["Langkah"], sepuluh["Durasi (menit)"]) == (10, 60)
    assert (sebelas["Langkah"], sebelas["Durasi (menit)"]) == (11, 0)
    assert sebelas["Mulai"] == sepuluh["Selesai"]
