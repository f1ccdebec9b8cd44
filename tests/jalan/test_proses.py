"""The runner (`pyxl.jalan.proses.jalankan`) with fake steps on a real master: it logs every SOP
step a command serves, saves, leaves a read-only run's workbook untouched, undoes a failed step
or a failed save, and keeps its journal only while the step runs."""

from __future__ import annotations

import errno
import gc
import hashlib
import os
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from conftest import sidik_folder
from pyxl.berkas.kunci import NAMA_JURNAL, Jurnal, jurnal_aktif
from pyxl.buku.tabel import baca_tabel
from pyxl.buku.xlsm import BukuZip, buka
from pyxl.galat import IsianError, LingkunganError
from pyxl.jalan.konteks import Hasil, Konteks
from pyxl.jalan.pemulihan import NAMA_LANJUTAN, ambil_lanjutan, simpan_lanjutan
from pyxl.jalan.proses import catat_langkah, jalankan, menulis
from pyxl.jalan.umpan import UmpanKonsol
from pyxl.kontrak import kendali, skema, sop, status
from pyxl.kontrak.perintah import PER_NAMA

JAM = datetime(2026, 3, 2, 10, 30, 0)


class Catatan:
    """An Umpan that records what the user would have been told."""

    def __init__(self) -> None:
        self.pesan: list[tuple[str, str]] = []

    def status(self, pesan: str) -> None:
        self.pesan.append(("status", pesan))

    def info(self, pesan: str) -> None:
        self.pesan.append(("info", pesan))

    def galat(self, pesan: str) -> None:
        self.pesan.append(("galat", pesan))


@pytest.fixture
def buku(master: Path) -> Iterator[BukuZip]:
    with buka(master) as b:
        yield b


def _ktx(buku: BukuZip, umpan: Any = None) -> Konteks:
    return Konteks(buku, umpan or UmpanKonsol(diam=True), pengguna="uji", jam=lambda: JAM)


def _tabel(master: Path, sheet: str) -> list[dict[str, Any]]:
    return baca_tabel(BukuZip(master, hanya_baca=True), sheet)


def _kendali(master: Path, no: int) -> list[Any]:
    """The status cells (Status .. Keterangan) of SOP step `no` on `Kendali`, as saved."""
    baris = BukuZip(master, hanya_baca=True).baca(skema.KENDALI)[kendali.baris_langkah(no) - 1]
    return baris[kendali.KOLOM_STATUS - 1 : kendali.KOLOM_STATUS + 4]


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _tetap(hasil: Hasil) -> Callable[..., Hasil]:
    def langkah(ktx: Konteks, **opsi: Any) -> Hasil:
        return hasil

    return langkah


# --------------------------------------------------------------------------- a step that succeeds


def test_a_step_is_logged_once_per_sop_step_its_command_serves(master: Path, buku: BukuZip) -> None:
    hasil = jalankan("dokumen", _tetap(Hasil("Dokumen IKU versi 1 dibuat.")), _ktx(buku))
    assert hasil.ringkasan == "Dokumen IKU versi 1 dibuat."
    log = _tabel(master, skema.LOG_SOP)
    assert [r["Langkah"] for r in log] == [8, 9]  # `dokumen` serves SOP steps 8 and 9
    for r in log:
        ls = sop.langkah(r["Langkah"])
        assert r["Uraian"] == ls.uraian
        assert r["Oleh"] == "uji"
        assert r["Mulai"] == JAM and r["Selesai"] == JAM
        assert r["Durasi (menit)"] == 0
        assert r["Waktu Baku"] == ls.waktu_baku_menit
        assert r["Sesuai Waktu Baku"] == "Ya"
        assert r["Hasil"] == "Dokumen IKU versi 1 dibuat."
    for no in (8, 9):
        assert _kendali(master, no) == [kendali.SELESAI, JAM, JAM, 0, "Dokumen IKU versi 1 dibuat."]
    assert _kendali(master, 10)[0] != kendali.SELESAI
    assert not (master.parent / NAMA_JURNAL).exists()


def test_full_collections_are_held_off_for_the_step_and_its_save_then_restored(
    buku: BukuZip, monkeypatch: pytest.MonkeyPatch
) -> None:
    dilihat: list[tuple[str, tuple[int, int, int], bool]] = []

    def langkah(ktx: Konteks, **opsi: Any) -> Hasil:
        dilihat.append(("langkah", gc.get_threshold(), gc.isenabled()))
        return Hasil("ok")

    simpan = buku.simpan

    def simpan_dilihat() -> None:
        dilihat.append(("simpan", gc.get_threshold(), gc.isenabled()))
        simpan()

    monkeypatch.setattr(buku, "simpan", simpan_dilihat)
    semula = gc.get_threshold()
    muda, tengah, _ = semula
    jalankan("disposisi", langkah, _ktx(buku))
    # young passes as before (short-lived cycles still freed), no full pass
    assert dilihat == [
        ("langkah", (muda, tengah, 2**31 - 1), True),
        ("simpan", (muda, tengah, 2**31 - 1), True),
    ]
    assert gc.get_threshold() == semula

    def gagal(ktx: Konteks, **opsi: Any) -> Hasil:
        raise IsianError("Isian salah.")

    with pytest.raises(IsianError):
        jalankan("disposisi", gagal, _ktx(buku))
    assert gc.get_threshold() == semula  # restored after a failed step too

    gc.set_threshold(500, 5, 20)  # a caller's own setting is given back as it was
    try:
        jalankan("disposisi", _tetap(Hasil("ok")), _ktx(buku))
        assert gc.get_threshold() == (500, 5, 20)
    finally:
        gc.set_threshold(*semula)


def test_hasil_langkah_limits_the_logged_sop_steps(master: Path, buku: BukuZip) -> None:
    jalankan("dokumen", _tetap(Hasil("Hanya telaah.", langkah=(9,))), _ktx(buku))
    assert [r["Langkah"] for r in _tabel(master, skema.LOG_SOP)] == [9]
    assert _kendali(master, 8)[0] != kendali.SELESAI
    assert _kendali(master, 9)[0] == kendali.SELESAI


def test_the_user_sees_progress_then_the_result(buku: BukuZip) -> None:
    umpan = Catatan()
    jalankan("disposisi", _tetap(Hasil("Lembar disposisi dibuat.")), _ktx(buku, umpan))
    assert umpan.pesan == [
        ("status", f"{PER_NAMA['disposisi'].judul}: berjalan …"),
        ("info", "Lembar disposisi dibuat."),
    ]


def test_a_failed_check_is_reported_as_a_problem_and_still_logged(
    master: Path, buku: BukuZip
) -> None:
    umpan = Catatan()
    jalankan("disposisi", _tetap(Hasil("Ada yang salah.", gagal=True)), _ktx(buku, umpan))
    assert umpan.pesan[-1] == ("galat", "Ada yang salah.")
    assert [r["Langkah"] for r in _tabel(master, skema.LOG_SOP)] == [1]


def test_the_steps_options_reach_the_step(buku: BukuZip) -> None:
    dapat: dict[str, Any] = {}

    def langkah(ktx: Konteks, **opsi: Any) -> Hasil:
        dapat.update(opsi)
        return Hasil("ok", ubah_buku=False)

    jalankan("undangan", langkah, _ktx(buku), tanggal="12 Januari 2027", kirim=False)
    assert dapat == {"tanggal": "12 Januari 2027", "kirim": False}


def test_catat_langkah_flags_a_step_over_its_standard_time(master: Path, buku: BukuZip) -> None:
    waktu_baku = sop.langkah(1).waktu_baku_menit
    ktx = Konteks(
        buku,
        UmpanKonsol(diam=True),
        pengguna="uji",
        jam=lambda: JAM + timedelta(minutes=waktu_baku + 1),
    )
    catat_langkah(ktx, 1, JAM, "Terlambat.")
    buku.simpan()
    [r] = _tabel(master, skema.LOG_SOP)
    assert r["Sesuai Waktu Baku"] == "Tidak"
    assert r["Durasi (menit)"] == waktu_baku + 1
    assert _kendali(master, 1)[0] == kendali.LEWAT_WAKTU


# --------------------------------------------------------------------------- read-only results


def test_a_read_only_result_writes_nothing(master: Path, buku: BukuZip) -> None:
    kerja = master.parent
    sebelum = sidik_folder(kerja)
    umpan = Catatan()
    hasil = jalankan(
        "disposisi", _tetap(Hasil("Hanya dilihat.", ubah_buku=False)), _ktx(buku, umpan)
    )
    assert hasil.ubah_buku is False
    assert sidik_folder(kerja) == sebelum  # the master byte for byte, and no new file
    assert not (kerja / skema.FOLDER_CADANGAN).exists()  # not even a backup
    assert ("info", "Hanya dilihat.") in umpan.pesan


@pytest.mark.parametrize(("nama", "opsi"), [("status", {}), ("arsip", {"periksa": True})])
def test_read_only_commands_keep_no_journal(buku: BukuZip, nama: str, opsi: dict[str, Any]) -> None:
    assert not menulis(nama, opsi)
    dilihat: list[bool] = []

    def langkah(ktx: Konteks, **o: Any) -> Hasil:
        dilihat.append((ktx.buku.folder / NAMA_JURNAL).exists() or jurnal_aktif() is not None)
        return Hasil("ok", ubah_buku=False)

    jalankan(nama, langkah, _ktx(buku), **opsi)
    assert dilihat == [False]


def test_writing_commands_are_journaled() -> None:
    assert menulis("arsip", {})
    assert menulis("arsip", {"periksa": False})
    assert all(menulis(n, {}) for n in ("disposisi", "format", "kirim", "himpun", "ingatkan"))
    assert not menulis("cek", {})


# --------------------------------------------------------------------------- the journal


def test_the_journal_exists_during_the_step_and_is_gone_after(buku: BukuZip) -> None:
    kerja = buku.folder
    (kerja / "dokumen" / "disposisi_2026_001.docx").write_bytes(b"sudah ada")
    dilihat: dict[str, Any] = {}

    def langkah(ktx: Konteks, **opsi: Any) -> Hasil:
        jurnal = jurnal_aktif()
        assert jurnal is not None
        dilihat["jalur"] = jurnal.jalur
        dilihat["entri"] = Jurnal(kerja).baca()
        return Hasil("ok")

    jalankan("format", langkah, _ktx(buku))
    assert dilihat["jalur"] == kerja / NAMA_JURNAL
    [mulai] = dilihat["entri"]
    assert mulai["jenis"] == "mulai" and mulai["perintah"] == "format"
    # which output files already existed: the next run must not take them for this run's work
    assert mulai["berkas"]["Folder Dokumen"] == ["disposisi_2026_001.docx"]
    assert mulai["berkas"]["Folder Format"] == []
    assert not (kerja / NAMA_JURNAL).exists()
    assert jurnal_aktif() is None


def test_the_journal_is_gone_after_a_read_only_result(buku: BukuZip) -> None:
    ada: list[bool] = []

    def langkah(ktx: Konteks, **opsi: Any) -> Hasil:
        ada.append((ktx.buku.folder / NAMA_JURNAL).exists())
        return Hasil("ok", ubah_buku=False)

    jalankan("himpun", langkah, _ktx(buku))
    assert ada == [True]
    assert not (buku.folder / NAMA_JURNAL).exists()


# --------------------------------------------------------------------------- a step that fails


def test_a_step_that_raises_changes_nothing(master: Path, buku: BukuZip) -> None:
    sebelum = _sha(master)
    galat = RuntimeError("bug uji")

    def langkah(ktx: Konteks, **opsi: Any) -> Hasil:
        from pyxl.buku.tabel import tambah_baris

        tambah_baris(ktx.buku, skema.LOG_SOP, skema.KOLOM_LOG, [{"Langkah": 1, "Hasil": "x"}])
        raise galat

    with pytest.raises(RuntimeError) as info:
        jalankan("disposisi", langkah, _ktx(buku))
    assert info.value is galat  # an unexpected error keeps its traceback, unchanged
    assert _sha(master) == sebelum
    assert not (master.parent / NAMA_JURNAL).exists()
    assert not (master.parent / skema.FOLDER_CADANGAN).exists()
    assert _tabel(master, skema.LOG_SOP) == []


def test_an_expected_error_goes_to_the_caller_unchanged(master: Path, buku: BukuZip) -> None:
    galat = IsianError("Pengaturan 'Tahun' masih kosong.")

    def langkah(ktx: Konteks, **opsi: Any) -> Hasil:
        raise galat

    with pytest.raises(IsianError) as info:
        jalankan("disposisi", langkah, _ktx(buku))
    assert info.value is galat
    assert str(info.value) == "Pengaturan 'Tahun' masih kosong."
    assert not (master.parent / NAMA_JURNAL).exists()


def test_a_failed_step_puts_back_the_file_it_set_aside(buku: BukuZip) -> None:
    dokumen = buku.folder / "dokumen"
    asli = dokumen / "Dokumen_IKU_2026_v1.docx"
    asli.write_bytes(b"versi yang disetujui")
    lama = dokumen / f".~{asli.name}.lama"

    def langkah(ktx: Konteks, **opsi: Any) -> Hasil:
        os.replace(asli, lama)
        asli.write_bytes(b"setengah jadi")
        raise RuntimeError("gagal di tengah")

    with pytest.raises(RuntimeError):
        jalankan("setujui", langkah, _ktx(buku))
    assert asli.read_bytes() == b"versi yang disetujui"
    assert not lama.exists()


def test_disk_full_in_the_step_is_an_indonesian_message(master: Path, buku: BukuZip) -> None:
    sasaran = master.parent / "dokumen" / "disposisi_2026_001.docx"
    penuh = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(sasaran))

    def langkah(ktx: Konteks, **opsi: Any) -> Hasil:
        raise penuh

    with pytest.raises(LingkunganError) as info:
        jalankan("disposisi", langkah, _ktx(buku))
    pesan = str(info.value)
    assert "disposisi_2026_001.docx" in pesan
    assert "tidak dapat ditulis: disk penuh" in pesan
    assert "Kosongkan ruang disk" in pesan
    assert info.value.__cause__ is penuh
    assert not (master.parent / NAMA_JURNAL).exists()


def test_an_oserror_without_errno_is_not_dressed_up(buku: BukuZip) -> None:
    galat = OSError("bukan dari sistem berkas")

    def langkah(ktx: Konteks, **opsi: Any) -> Hasil:
        raise galat

    with pytest.raises(OSError) as info:
        jalankan("disposisi", langkah, _ktx(buku))
    assert info.value is galat


# --------------------------------------------------------------------------- a save that fails


def _simpan_gagal(buku: BukuZip, monkeypatch: pytest.MonkeyPatch) -> None:
    def simpan() -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(buku.berkas))

    monkeypatch.setattr(buku, "simpan", simpan)


def test_files_of_a_step_are_removed_when_the_save_fails(
    master: Path, buku: BukuZip, monkeypatch: pytest.MonkeyPatch
) -> None:
    sebelum = _sha(master)
    dokumen = master.parent / "dokumen"
    baru = dokumen / "disposisi_2026_001.docx"
    diganti = dokumen / "Dokumen_IKU_2026_v1.docx"
    diganti.write_bytes(b"lama")
    lama = dokumen / f".~{diganti.name}.lama"
    staf = dokumen / "catatan staf.docx"
    staf.write_bytes(b"milik staf")

    def langkah(ktx: Konteks, **opsi: Any) -> Hasil:
        baru.write_bytes(b"dokumen baru")
        os.replace(diganti, lama)
        diganti.write_bytes(b"pengganti")
        return Hasil("Dibuat.", berkas=[baru, diganti])

    _simpan_gagal(buku, monkeypatch)
    with pytest.raises(LingkunganError) as info:
        jalankan("disposisi", langkah, _ktx(buku))
    assert "disk penuh" in str(info.value)
    assert buku.berkas.name in str(info.value)
    assert not baru.exists()
    assert diganti.read_bytes() == b"lama"  # the file it replaced is back
    assert not lama.exists()
    assert staf.read_bytes() == b"milik staf"
    assert _sha(master) == sebelum
    assert not (master.parent / NAMA_JURNAL).exists()


def test_after_a_save_the_set_aside_file_is_dropped(master: Path, buku: BukuZip) -> None:
    dokumen = master.parent / "dokumen"
    diganti = dokumen / "Dokumen_IKU_2026_v1.docx"
    diganti.write_bytes(b"lama")
    lama = dokumen / f".~{diganti.name}.lama"

    def langkah(ktx: Konteks, **opsi: Any) -> Hasil:
        os.replace(diganti, lama)
        diganti.write_bytes(b"pengganti")
        return Hasil("Diganti.", berkas=[diganti])

    jalankan("dokumen", langkah, _ktx(buku))
    assert diganti.read_bytes() == b"pengganti"
    assert not lama.exists()


def test_a_letter_that_went_out_stays_when_the_save_fails(
    master: Path, buku: BukuZip, monkeypatch: pytest.MonkeyPatch
) -> None:
    kerja = master.parent
    surat = kerja / "dokumen" / "surat_pengantar_1_2026.docx"
    lain = kerja / "kirim" / "catatan.eml"

    def langkah(ktx: Konteks, **opsi: Any) -> Hasil:
        surat.write_bytes(b"surat")
        lain.write_bytes(b"draf")
        jurnal = jurnal_aktif()
        assert jurnal is not None
        jurnal.catat(
            "surel",
            tahap="terkirim",
            id="<pengantar-1@uji>",
            mode="smtp",
            waktu=JAM.isoformat(),
            perihal="Surat Pengantar Dokumen IKU",
            kepada=[["Bupati", "bupati@waykanan.example"]],
            lampiran=[str(surat.resolve())],
        )
        return Hasil("Terkirim.", berkas=[surat, lain])

    _simpan_gagal(buku, monkeypatch)
    with pytest.raises(LingkunganError) as info:
        jalankan("pengantar", langkah, _ktx(buku))
    assert surat.read_bytes() == b"surat"  # it left: it cannot be taken back
    assert not lain.exists()
    pesan = str(info.value)
    assert "1 email sudah terkirim sebelum kegagalan ini" in pesan
    assert NAMA_JURNAL in pesan
    # the journal stays, so that the next run records the mail
    assert [e["id"] for e in Jurnal(kerja).baca() if e["jenis"] == "surel"] == ["<pengantar-1@uji>"]


# --------------------------------------------------------------------------- after a dead run


def test_what_a_dead_run_left_is_recovered_first_and_reported(master: Path, buku: BukuZip) -> None:
    kerja = master.parent
    mati = Jurnal(kerja, jalan="mati")
    mati.catat("mulai", perintah="kirim", berkas={})
    mati.catat(
        "surel",
        tahap="terkirim",
        id="<format-tapem@uji>",
        mode="smtp",
        waktu="2026-03-01T09:15:00",
        perihal="Format IKU 2026",
        kepada=[["Kepala Bagian", "tapem@setda.waykanan.example"]],
    )
    umpan = Catatan()
    dilihat: list[Any] = []

    def langkah(ktx: Konteks, **opsi: Any) -> Hasil:
        dilihat.append(list(ktx.pulihan.baris))
        return Hasil("Disposisi dibuat.")

    jalankan("disposisi", langkah, _ktx(buku, umpan))
    [baris] = dilihat[0]
    assert baris["Message-ID"] == "<format-tapem@uji>"
    [(jenis, pulih), *_] = umpan.pesan
    assert jenis == "info" and pulih.startswith("Pemulihan: 1 email dari proses yang terhenti")
    [log] = _tabel(master, skema.LOG_SOP)
    assert log["Hasil"] == f"Disposisi dibuat.\n{pulih}"
    [kirim] = _tabel(master, skema.PENGIRIMAN)
    assert kirim["Message-ID"] == "<format-tapem@uji>" and kirim["Status"] == status.TERKIRIM
    # the interrupted command (kirim) still has to learn what left; disposisi does not take it
    lanjut = ambil_lanjutan(kerja, "kirim")
    assert lanjut is not None
    assert [r["Message-ID"] for r in lanjut[0]] == ["<format-tapem@uji>"]


def test_the_interrupted_command_gets_what_its_dead_run_did(buku: BukuZip) -> None:
    kerja = buku.folder
    terkirim = {
        "Langkah": 3,
        "Kode Bagian": "TAPEM",
        "ID Format": "F-1",
        "Perihal": "Format IKU",
        "Message-ID": "<m1@uji>",
        "Status": status.TERKIRIM,
    }
    simpan_lanjutan(kerja, "kirim", [terkirim], [])
    dilihat: list[Any] = []

    def langkah(ktx: Konteks, **opsi: Any) -> Hasil:
        dilihat.append(ktx.pulihan.surel)
        return Hasil("Format dikirim.")

    jalankan("kirim", langkah, _ktx(buku))
    assert dilihat == [[terkirim]]
    assert ambil_lanjutan(kerja, "kirim") is None  # done once the command saved
    assert not (kerja / NAMA_LANJUTAN).exists()
