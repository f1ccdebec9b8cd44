"""The letterhead and signature blocks every letter shares (`pyxl.surat.kop`)."""

from __future__ import annotations

import pytest

from pyxl.galat import IsianError
from pyxl.kontrak.pengaturan import Pengaturan
from pyxl.surat.kop import kop, pejabat

SEKDA = "Sekretaris Daerah"
KASUBAG = "Kepala Subbagian Perencanaan"


def _peng(**nilai: str) -> Pengaturan:
    dasar = {
        "Pemerintah Daerah": "Kabupaten Way Kanan",
        "Unit Kerja": "Sekretariat Daerah",
        "Alamat": "Jalan Jenderal Sudirman, Blambangan Umpu",
        "Kota": "Blambangan Umpu",
        SEKDA: "Drs. Zulkarnain Yusuf Harahap, M.M.",
        f"NIP {SEKDA}": "196905111994031004",
        f"Pangkat {SEKDA}": "Pembina Utama Muda (IV/c)",
    }
    return Pengaturan(dasar | nilai, {k: f"B{i}" for i, k in enumerate([*dasar, *nilai], 2)})


def test_kop_upper_cases_the_pemda_and_the_unit() -> None:
    assert kop(_peng()) == {
        "pemda": "PEMERINTAH KABUPATEN WAY KANAN",
        "unit": "SEKRETARIAT DAERAH",
        "alamat": "Jalan Jenderal Sudirman, Blambangan Umpu",  # as written
        "kota": "Blambangan Umpu",
    }
    lain = kop(_peng(**{"Pemerintah Daerah": "Kota Metro", "Unit Kerja": "Dinas Kominfo"}))
    assert (lain["pemda"], lain["unit"]) == ("PEMERINTAH KOTA METRO", "DINAS KOMINFO")


def test_pejabat_groups_the_nip_8_6_1_3() -> None:
    assert pejabat(_peng(), SEKDA) == {
        "jabatan": SEKDA,
        "nama": "Drs. Zulkarnain Yusuf Harahap, M.M.",
        "pangkat": "Pembina Utama Muda (IV/c)",
        "nip": "19690511 199403 1 004",
    }


@pytest.mark.parametrize(
    "nip", ["19690511 199403 1 004", "NIP. 19690511.199403.1.004", "19690511-199403-1-004"]
)
def test_pejabat_accepts_a_nip_already_written_by_hand(nip: str) -> None:
    assert pejabat(_peng(**{f"NIP {SEKDA}": nip}), SEKDA)["nip"] == "19690511 199403 1 004"


def test_pejabat_prints_the_jabatan_as_asked() -> None:
    ttd = pejabat(_peng(), SEKDA, tampil="SEKRETARIS DAERAH KABUPATEN WAY KANAN")
    assert ttd["jabatan"] == "SEKRETARIS DAERAH KABUPATEN WAY KANAN"


@pytest.mark.parametrize("nip", ["19690511199403100", "1969051119940310045", "19690511A99403100X"])
def test_pejabat_refuses_a_malformed_nip_naming_the_setting(nip: str) -> None:
    with pytest.raises(IsianError) as info:
        pejabat(_peng(**{f"NIP {SEKDA}": nip}), SEKDA)
    pesan = str(info.value)
    assert pesan.startswith(f"Pengaturan 'NIP {SEKDA}': ")
    assert "18 angka" in pesan
    assert nip in pesan


def test_an_empty_nip_prints_nothing() -> None:
    assert pejabat(_peng(**{f"NIP {SEKDA}": ""}), SEKDA)["nip"] == ""


def test_a_mandatory_name_must_be_filled() -> None:
    with pytest.raises(IsianError) as info:
        pejabat(_peng(**{SEKDA: ""}), SEKDA)
    assert f"Pengaturan '{SEKDA}' masih kosong" in str(info.value)
    assert "sheet Pengaturan sel B" in str(info.value)


def test_a_name_not_mandatory_may_be_written_by_hand() -> None:
    ttd = pejabat(_peng(), KASUBAG, wajib=False)
    assert ttd["nama"] == "." * 30
    assert (ttd["nip"], ttd["pangkat"]) == ("", "")
    diisi = pejabat(_peng(**{KASUBAG: "Eka Septiani Wulandari, S.E."}), KASUBAG, wajib=False)
    assert diisi["nama"] == "Eka Septiani Wulandari, S.E."
