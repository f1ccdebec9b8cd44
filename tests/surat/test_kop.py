"""The letterhead, the page and signature blocks every letter shares (`pyxl.surat.kop`)."""

from __future__ import annotations

import pytest

from pyxl.galat import IsianError
from pyxl.kontrak.pengaturan import Pengaturan
from pyxl.surat.kop import halaman, kop, pejabat, penanda_tangan_undangan

SEKDA = "Sekretaris Daerah"
KABAG = "Kepala Bagian Perencanaan dan Keuangan"
KASUBAG = "Kepala Subbagian Perencanaan"


def _peng(**nilai: str) -> Pengaturan:
    dasar = {
        "Pemerintah Daerah": "Kabupaten Way Kanan",
        "Unit Kerja": "Sekretariat Daerah",
        "Alamat": "Jalan Jenderal Sudirman, Blambangan Umpu",
        "Kota": "Blambangan Umpu",
        SEKDA: "Drs. Zulkarnain Yusuf Harahap, M.M.",
        KABAG: "Hendri Gunawan Saleh, S.E., M.M.",
        f"NIP {KABAG}": "197712032003011005",
        f"Pangkat {KABAG}": "Pembina (IV/a)",
    }
    return Pengaturan(dasar | nilai, {k: f"B{i}" for i, k in enumerate([*dasar, *nilai], 2)})


def test_kop_upper_cases_the_pemda_and_the_unit() -> None:
    assert kop(_peng()) == {
        "pemda": "PEMERINTAH KABUPATEN WAY KANAN",
        "unit": "SEKRETARIAT DAERAH",
        "alamat": "Jalan Jenderal Sudirman, Blambangan Umpu",  # as written
        "kontak": "",  # no telepon, faksimile, laman or pos-el set: the line stays empty
        "kota": "Blambangan Umpu",
        "lambang": "",  # the image goes in when the document is written
    }
    lain = kop(_peng(**{"Pemerintah Daerah": "Kota Metro", "Unit Kerja": "Dinas Kominfo"}))
    assert (lain["pemda"], lain["unit"]) == ("PEMERINTAH KOTA METRO", "DINAS KOMINFO")


def test_kop_carries_kode_pos_and_every_contact_set() -> None:
    isi = kop(
        _peng(
            **{
                "Kode Pos": "34763",
                "Telepon": "(0723) 123456",
                "Faksimile": "(0723) 123457",
                "Laman": "setda.waykanan.example",
                "Pos-el": "setda@setda.waykanan.example",
            }
        )
    )
    assert isi["alamat"] == "Jalan Jenderal Sudirman, Blambangan Umpu 34763"
    assert isi["kontak"] == (
        "Telepon (0723) 123456, Faksimile (0723) 123457, Laman setda.waykanan.example, "
        "Pos-el setda@setda.waykanan.example"
    )
    assert kop(_peng(**{"Laman": "setda.waykanan.example"}))["kontak"] == (
        "Laman setda.waykanan.example"
    )


def test_pejabat_groups_the_nip_8_6_1_3() -> None:
    assert pejabat(_peng(), KABAG) == {
        "jabatan": KABAG,
        "nama": "Hendri Gunawan Saleh, S.E., M.M.",
        "pangkat": "Pembina (IV/a)",
        "nip": "19771203 200301 1 005",
    }


def test_the_sekda_signs_without_nip_and_pangkat() -> None:
    """Permendagri 1/2023 Pasal 44 ayat (3): "Penulisan nama penanda tangan untuk pejabat
    selain Kepala Daerah, Wakil Kepala Daerah, dan Sekretaris Daerah menggunakan gelar, nomor
    induk pegawai dan pangkat/golongan" (text of the regulation as published on pasal.id). So
    the Sekda's block has the name with its degrees only, whatever a workbook still holds."""
    lama = _peng(**{f"NIP {SEKDA}": "196905111994031004", f"Pangkat {SEKDA}": "Pembina"})
    for peng in (_peng(), lama):
        assert pejabat(peng, SEKDA) == {
            "jabatan": SEKDA,
            "nama": "Drs. Zulkarnain Yusuf Harahap, M.M.",
            "pangkat": "",
            "nip": "",
        }


@pytest.mark.parametrize(
    "nip", ["19690511 199403 1 004", "NIP. 19690511.199403.1.004", "19690511-199403-1-004"]
)
def test_pejabat_accepts_a_nip_already_written_by_hand(nip: str) -> None:
    assert pejabat(_peng(**{f"NIP {KABAG}": nip}), KABAG)["nip"] == "19690511 199403 1 004"


def test_pejabat_prints_the_jabatan_as_asked() -> None:
    ttd = pejabat(_peng(), SEKDA, tampil="SEKRETARIS DAERAH KABUPATEN WAY KANAN")
    assert ttd["jabatan"] == "SEKRETARIS DAERAH KABUPATEN WAY KANAN"


@pytest.mark.parametrize("nip", ["19690511199403100", "1969051119940310045", "19690511A99403100X"])
def test_pejabat_refuses_a_malformed_nip_naming_the_setting(nip: str) -> None:
    with pytest.raises(IsianError) as info:
        pejabat(_peng(**{f"NIP {KABAG}": nip}), KABAG)
    pesan = str(info.value)
    assert pesan.startswith(f"Pengaturan 'NIP {KABAG}': ")
    assert "18 angka" in pesan
    assert nip in pesan


def test_an_empty_nip_prints_nothing() -> None:
    assert pejabat(_peng(**{f"NIP {KABAG}": ""}), KABAG)["nip"] == ""


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


def test_the_invitation_is_signed_a_n_sekda_u_b_asisten_by_the_kepala_bagian() -> None:
    """a.n. (atas nama) reaches the official one level below the one in charge, u.b. (untuk
    beliau) one level more (tata naskah dinas guides; Pergub Bali 5/2011 Pasal 21): a Kepala
    Bagian signs for the Sekda through the Asisten. The chain is the setting 'Jabatan Penanda
    Tangan Undangan'; the Kepala Bagian's block carries his NIP and pangkat."""
    ttd = penanda_tangan_undangan(_peng())
    assert ttd == {
        "jabatan": "a.n. SEKRETARIS DAERAH\nASISTEN ADMINISTRASI UMUM\n"
        "u.b. KEPALA BAGIAN PERENCANAAN DAN KEUANGAN,",
        "nama": "Hendri Gunawan Saleh, S.E., M.M.",
        "pangkat": "Pembina (IV/a)",
        "nip": "19771203 200301 1 005",
    }
    sendiri = _peng(
        **{
            "Penanda Tangan Undangan": "sekretaris daerah",
            "Jabatan Penanda Tangan Undangan": "SEKRETARIS DAERAH",
        }
    )
    assert penanda_tangan_undangan(sendiri) == {
        "jabatan": "SEKRETARIS DAERAH,",
        "nama": "Drs. Zulkarnain Yusuf Harahap, M.M.",
        "pangkat": "",
        "nip": "",
    }
    with pytest.raises(IsianError) as info:
        penanda_tangan_undangan(_peng(**{"Penanda Tangan Undangan": "Asisten"}))
    assert "Pengaturan 'Penanda Tangan Undangan' berisi 'Asisten'" in str(info.value)


def test_the_page_by_default_is_a4_with_3_cm_on_the_left_for_binding() -> None:
    h = halaman(_peng())
    assert (h.kertas, h.lebar_mm, h.tinggi_mm) == ("A4", 210, 297)
    assert (h.kiri_cm, h.kanan_cm, h.atas_cm, h.bawah_cm) == (3, 2, 2, 2.5)
    assert h.kiri_cm >= 3
    f4 = halaman(_peng(**{"Ukuran Kertas": "f4", "Margin Kiri": "3,5 cm", "Margin Atas": "2.5"}))
    assert (f4.kertas, f4.lebar_mm, f4.tinggi_mm) == ("F4", 215, 330)
    assert (f4.kiri_cm, f4.atas_cm) == (3.5, 2.5)


@pytest.mark.parametrize(
    ("kunci", "nilai", "pesan"),
    [
        ("Ukuran Kertas", "Letter", "isi A4 atau F4"),
        ("Margin Kiri", "30", "antara 0,5 dan 6"),
        ("Margin Bawah", "dua", "antara 0,5 dan 6"),
    ],
)
def test_a_bad_page_setting_names_its_cell(kunci: str, nilai: str, pesan: str) -> None:
    with pytest.raises(IsianError) as info:
        halaman(_peng(**{kunci: nilai}))
    assert f"Pengaturan '{kunci}' berisi '{nilai}' (sheet Pengaturan sel B" in str(info.value)
    assert pesan in str(info.value)
