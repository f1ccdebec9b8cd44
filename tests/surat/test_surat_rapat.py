"""The meeting an invitation announces (`pyxl.surat.rapat`): its time, its details from the
options or the settings, and who is invited."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pyxl.buku.pengaturan import baca_pengaturan
from pyxl.buku.xlsm import BukuZip
from pyxl.galat import IsianError
from pyxl.kontrak import skema
from pyxl.kontrak.pengaturan import Pengaturan
from pyxl.surat.rapat import Undangan, baca_jam, baca_rapat, daftar_undangan

ASAL = "Opsi --jam"
SARAN = "Isi tanggal rapat atau pakai --tanggal-rapat."


@pytest.mark.parametrize(
    ("teks", "jam"),
    [
        ("09.00", "09.00"),
        ("9.00", "09.00"),
        ("9:00", "09.00"),
        ("09:00:00", "09.00"),
        ("9", "09.00"),
        ("13.30", "13.30"),
        (" 8.15 ", "08.15"),
        ("0.00", "00.00"),
        ("23.59", "23.59"),
    ],
)
def test_baca_jam_accepts_how_staff_write_a_time(teks: str, jam: str) -> None:
    assert baca_jam(teks, ASAL) == jam


@pytest.mark.parametrize("teks", ["24.00", "9.60", "9.5", "jam 9", "09,00", "", "9.00 WIB", "123"])
def test_baca_jam_refuses_anything_else(teks: str) -> None:
    with pytest.raises(IsianError) as info:
        baca_jam(teks, ASAL)
    assert str(info.value) == (f"{ASAL} berisi '{teks}': tulis jam seperti 09.00 (jam.menit).")


def _peng(**nilai: str) -> Pengaturan:
    dasar = {
        "Tanggal Rapat": "20 Januari 2027",
        "Jam Rapat": "09.00",
        "Tempat Rapat": "Ruang Rapat Sekretariat Daerah",
        "Acara Rapat": "Pembahasan Data Kinerja",
        "Zona Waktu": "WIB",
    }
    kunci = [*dasar, *(k for k in nilai if k not in dasar)]
    return Pengaturan(dasar | nilai, {k: f"B{i}" for i, k in enumerate(kunci, 30)})


def _opsi(**nilai: str | None) -> dict[str, str | None]:
    nama = {"tanggal": "Tanggal Rapat", "jam": "Jam Rapat", "tempat": "Tempat Rapat"}
    nama |= {"acara": "Acara Rapat"}
    return {nama[k]: v for k, v in nilai.items()}


def test_baca_rapat_from_the_settings() -> None:
    rapat = baca_rapat(_peng(**{"Jam Rapat": "9:30"}), {}, SARAN)
    assert rapat.tanggal == date(2027, 1, 20)
    assert rapat.jam == "09.30"
    assert rapat.tempat == "Ruang Rapat Sekretariat Daerah"
    assert rapat.acara == "Pembahasan Data Kinerja"
    assert rapat.waktu == "09.30 WIB s.d. selesai"
    assert rapat.konteks() == {
        "hari_tanggal": "Rabu, 20 Januari 2027",
        "waktu": "09.30 WIB s.d. selesai",
        "tempat": "Ruang Rapat Sekretariat Daerah",
        "acara": "Pembahasan Data Kinerja",
    }


def test_options_win_over_the_settings_and_none_falls_back() -> None:
    opsi = _opsi(tanggal="2027-01-21", jam="13", tempat=" Aula Utama ", acara=None)
    rapat = baca_rapat(_peng(**{"Zona Waktu": "WITA"}), opsi, SARAN)
    assert rapat.tanggal == date(2027, 1, 21)
    assert rapat.jam == "13.00"
    assert rapat.tempat == "Aula Utama"
    assert rapat.acara == "Pembahasan Data Kinerja"
    assert rapat.zona == "WITA"


def test_an_empty_date_names_the_setting_and_ends_with_the_advice() -> None:
    with pytest.raises(IsianError) as info:
        baca_rapat(_peng(**{"Tanggal Rapat": ""}), {}, SARAN)
    assert str(info.value) == (
        f"Pengaturan 'Tanggal Rapat' masih kosong (sheet Pengaturan sel B30). {SARAN}"
    )


def test_a_bad_option_names_the_option() -> None:
    with pytest.raises(IsianError) as info:
        baca_rapat(_peng(), _opsi(tanggal="32 Januari 2027"), SARAN)
    assert str(info.value).startswith("Opsi --tanggal-rapat: ")
    with pytest.raises(IsianError) as info:
        baca_rapat(_peng(), _opsi(jam="25.00"), SARAN)
    assert str(info.value).startswith("Opsi --jam berisi '25.00'")


def test_a_bad_setting_names_its_cell() -> None:
    with pytest.raises(IsianError) as info:
        baca_rapat(_peng(**{"Jam Rapat": "9.75"}), {}, SARAN)
    assert str(info.value).startswith(
        "Pengaturan 'Jam Rapat' (sheet Pengaturan sel B31) berisi '9.75'"
    )
    with pytest.raises(IsianError) as info:
        baca_rapat(_peng(**{"Tanggal Rapat": "besok"}), {}, SARAN)
    assert str(info.value).startswith("Pengaturan 'Tanggal Rapat' (sheet Pengaturan sel B30): ")


@pytest.mark.parametrize("acara", ["Rapat\nBcc: semua@contoh.example", "Rapat\rX", "Rapat\x00"])
def test_a_line_break_in_the_agenda_is_refused(acara: str) -> None:
    with pytest.raises(IsianError) as info:
        baca_rapat(_peng(**{"Acara Rapat": acara}), {}, SARAN)
    pesan = str(info.value)
    assert pesan.startswith("Pengaturan 'Acara Rapat' (sheet Pengaturan sel B33): ")
    assert "baris baru" in pesan
    with pytest.raises(IsianError) as info:
        baca_rapat(_peng(), _opsi(acara=acara), SARAN)
    assert str(info.value).startswith("Opsi --acara: ")


# --------------------------------------------------------------------------- who is invited


@pytest.fixture
def buku(master: Path) -> BukuZip:
    return BukuZip(master, hanya_baca=True)


def test_every_kepala_bagian_but_the_inviters_own_then_the_officials(buku: BukuZip) -> None:
    peng = baca_pengaturan(buku)
    undangan = daftar_undangan(buku, peng)
    bagian = [u for u in undangan if u.kode]
    assert [u.kode for u in bagian] == [
        "TAPEM",
        "KESRA",
        "HUKUM",
        "EKON",
        "ADPEM",
        "PBJ",
        "UMUM",
        "ORG",
        "PROKOPIM",
    ]  # RENKEU, the Bagian Pelaksana, invites
    assert bagian[0] == Undangan(
        "Drs. Ahmad Fauzan Hidayat, M.Si.",
        "Kepala Bagian Tata Pemerintahan",
        "TAPEM",
        "tapem@setda.waykanan.example",
        f"sheet {skema.BAGIAN} sel G2",
        f"sheet {skema.BAGIAN} sel D2",
    )
    assert [(u.nama, u.jabatan, u.kode, u.email) for u in undangan if not u.kode] == [
        ("Dwi Puspitasari, S.E.", "Perencana Ahli Muda", "", ""),
        ("Hendra Saputra Jaya, S.Kom.", "Analis Kebijakan Ahli Pertama", "", ""),
        ("Yuliana Safitri, S.Ak.", "Analis Keuangan Pusat dan Daerah Ahli Pertama", "", ""),
    ]


def test_the_inviters_bagian_is_matched_ignoring_case_and_officials_parsed(
    buku: BukuZip,
) -> None:
    peng = Pengaturan(
        {
            "Bagian Pelaksana": "  bagian hukum ",
            "Pejabat Fungsional": "Ani, S.H. (Analis Hukum Ahli Muda);; Budi Santoso ; ",
        }
    )
    undangan = daftar_undangan(buku, peng)
    kode = [u.kode for u in undangan if u.kode]
    assert "HUKUM" not in kode and "RENKEU" in kode and len(kode) == 9
    assert [(u.nama, u.jabatan) for u in undangan if not u.kode] == [
        ("Ani, S.H.", "Analis Hukum Ahli Muda"),
        ("Budi Santoso", "Pejabat Fungsional"),
    ]


class _BukuTanpaBagian:
    """A workbook whose `Bagian` sheet has its header only."""

    folder = Path("kerja")
    berkas = Path("kerja") / skema.NAMA_MASTER

    def nama_sheet(self) -> list[str]:
        return [skema.BAGIAN]

    def baca(self, sheet: str) -> list[list[object]]:
        assert sheet == skema.BAGIAN
        return [list(skema.KOLOM_BAGIAN)]


def test_nobody_to_invite_is_refused() -> None:
    with pytest.raises(IsianError) as info:
        daftar_undangan(_BukuTanpaBagian(), Pengaturan({"Pejabat Fungsional": " ; "}))
    assert "Tidak ada yang diundang" in str(info.value)
    assert "Pejabat Fungsional" in str(info.value)
    [u] = daftar_undangan(_BukuTanpaBagian(), Pengaturan({"Pejabat Fungsional": "Ani (Perencana)"}))
    assert (u.nama, u.jabatan) == ("Ani", "Perencana")
