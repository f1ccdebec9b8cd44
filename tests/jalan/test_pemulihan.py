"""Recovery (`pyxl.jalan.pemulihan.pulihkan`) from journals written by hand as a dead run leaves
them: its unsaved outputs go to `cadangan/terhenti-*/`, what staff put there stays, set-aside
files come back, temporary files go, its mails and letter numbers are recorded, and what its
command must not redo is kept in the lanjutan file."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from pyxl.berkas.kunci import NAMA_JURNAL, Jurnal
from pyxl.buku.tabel import baca_tabel, tambah_baris
from pyxl.buku.xlsm import BukuZip, buka
from pyxl.jalan.konteks import Konteks, Pulihan
from pyxl.jalan.pemulihan import (
    CATATAN_PULIH,
    CATATAN_TIDAK_PASTI,
    NAMA_LANJUTAN,
    ambil_lanjutan,
    isi_keluaran,
    pulihkan,
    selesai_lanjutan,
    simpan_lanjutan,
    stand,
)
from pyxl.jalan.umpan import UmpanKonsol
from pyxl.kontrak import skema, status

JAM = datetime(2026, 3, 2, 10, 30, 0)
TERHENTI = f"terhenti-{JAM:%Y%m%d-%H%M%S}"
TAPEM = "tapem@setda.waykanan.example"


@pytest.fixture
def buku(master: Path) -> Iterator[BukuZip]:
    with buka(master) as b:
        yield b


def _ktx(buku: BukuZip) -> Konteks:
    return Konteks(buku, UmpanKonsol(diam=True), pengguna="uji", jam=lambda: JAM)


def _mati(ktx: Konteks, perintah: str) -> Jurnal:
    """The journal of a run that started `perintah` now and then died."""
    jurnal = Jurnal(ktx.buku.folder, jalan="mati")
    jurnal.catat("mulai", perintah=perintah, berkas=isi_keluaran(ktx))
    return jurnal


def _surel(jurnal: Jurnal, tahap: str, mid: str, **isi: Any) -> None:
    baris: dict[str, Any] = {
        "tahap": tahap,
        "id": mid,
        "mode": "smtp",
        "waktu": "2026-03-01T09:15:00",
        "perihal": "Format Pengumpulan Data Kinerja 2026",
        "kepada": [["Kepala Bagian Tata Pemerintahan", TAPEM.upper()]],
        "header": {"X-Pyxl-Format-Id": "FMT-TAPEM-1"},
        "lampiran": [],
        "ditolak": [],
        "baris": {},
    }
    jurnal.catat("surel", **(baris | isi))


def _tabel(master: Path, sheet: str) -> list[dict[str, Any]]:
    return baca_tabel(BukuZip(master, hanya_baca=True), sheet)


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


# --------------------------------------------------------------------------- output files


def test_unsaved_outputs_are_moved_aside_and_staff_files_stay(master: Path, buku: BukuZip) -> None:
    kerja = master.parent
    ktx = _ktx(buku)
    dokumen, fmt, kirim = kerja / "dokumen", kerja / "format", kerja / "kirim"
    sudah = dokumen / "disposisi_2026_001.docx"
    sudah.write_bytes(b"dari proses yang tersimpan")
    _mati(ktx, "disposisi")
    # what the dead run wrote after its start
    baru = [
        dokumen / "disposisi_2026_002.docx",
        fmt / "TAPEM_Format_IKU_2026.xlsx",
        kirim / "20260302-102900_format-iku_0123abcd.eml",
    ]
    for p in baru:
        p.write_bytes(b"tidak tersimpan")
    # what staff put there meanwhile: never taken for pyxl's output
    staf = [
        dokumen / "catatan rapat.docx",
        dokumen / "disposisi_2026_002 (salinan).docx",
        fmt / "TAPEM_Format_IKU_2026_revisi pak kabag.xlsx",
        kirim / "balasan.eml",
    ]
    for p in staf:
        p.write_bytes(b"milik staf")
    sebelum = _sha(master)

    hasil = pulihkan(ktx, Jurnal(kerja))

    sisih = kerja / skema.FOLDER_CADANGAN / TERHENTI
    assert sorted(hasil.dipindah) == sorted(sisih / p.parent.name / p.name for p in baru)
    for p in baru:
        assert not p.exists()
        assert (sisih / p.parent.name / p.name).read_bytes() == b"tidak tersimpan"
    for p in staf:
        assert p.read_bytes() == b"milik staf"
    assert sudah.read_bytes() == b"dari proses yang tersimpan"
    assert not (kerja / NAMA_JURNAL).exists()
    assert _sha(master) == sebelum  # nothing to record: the workbook is not saved
    ringkasan = hasil.ringkasan(kerja)
    assert "3 berkas dari proses yang terhenti" in ringkasan
    assert f"dipindahkan ke {skema.FOLDER_CADANGAN}/{TERHENTI}/" in ringkasan


def test_outputs_of_a_run_that_saved_stay(master: Path, buku: BukuZip) -> None:
    kerja = master.parent
    ktx = _ktx(buku)
    jurnal = _mati(ktx, "disposisi")
    jurnal.catat("simpan", stand=stand(master))
    baru = kerja / "dokumen" / "disposisi_2026_001.docx"
    baru.write_bytes(b"tersimpan")
    lama = kerja / "dokumen" / ".~Dokumen_IKU_2026_v1.docx.lama"
    lama.write_bytes(b"tidak diperlukan lagi")
    buku.simpan()  # the dead run's save went through: the file's identity changed

    hasil = pulihkan(ktx, Jurnal(kerja))

    assert hasil.dipindah == []
    assert baru.read_bytes() == b"tersimpan"
    assert not lama.exists()  # the save made it obsolete
    assert not (kerja / skema.FOLDER_CADANGAN / TERHENTI).exists()
    assert not (kerja / NAMA_JURNAL).exists()


def test_a_run_that_died_before_its_save_completed_is_undone(master: Path, buku: BukuZip) -> None:
    kerja = master.parent
    ktx = _ktx(buku)
    jurnal = _mati(ktx, "disposisi")
    jurnal.catat("simpan", stand=stand(master))  # about to save, and died: same file
    baru = kerja / "dokumen" / "disposisi_2026_001.docx"
    baru.write_bytes(b"x")

    hasil = pulihkan(ktx, Jurnal(kerja))

    assert hasil.dipindah == [kerja / skema.FOLDER_CADANGAN / TERHENTI / "dokumen" / baru.name]
    assert not baru.exists()


def test_a_set_aside_file_is_put_back(master: Path, buku: BukuZip) -> None:
    kerja = master.parent
    ktx = _ktx(buku)
    asli = kerja / "dokumen" / "Dokumen_IKU_2026_v1.docx"
    asli.write_bytes(b"versi yang disetujui")
    _mati(ktx, "setujui")
    lama = asli.with_name(f".~{asli.name}.lama")
    asli.rename(lama)
    asli.write_bytes(b"setengah jadi")

    hasil = pulihkan(ktx, Jurnal(kerja))

    assert asli.read_bytes() == b"versi yang disetujui"
    assert not lama.exists()
    assert hasil.dipindah == []


def test_temporary_files_of_dead_runs_are_swept(master: Path, buku: BukuZip) -> None:
    kerja = master.parent
    ktx = _ktx(buku)
    _mati(ktx, "himpun")
    (kerja / skema.FOLDER_CADANGAN).mkdir()
    (kerja / "arsip" / "2026").mkdir()
    sementara = [
        kerja / f".{skema.NAMA_MASTER}.4242.tmp",
        kerja / skema.FOLDER_CADANGAN / ".Pengumpulan_Data_Kinerja_20260302.xlsm.4242.tmp",
        kerja / "dokumen" / ".disposisi_2026_001.docx.77.tmp",
        kerja / "format" / ".~TAPEM_Format_IKU_2026.77.xlsx",
        kerja / "kirim" / ".20260302-102900_format-iku_0123abcd.eml.77.tmp",
        kerja / "arsip" / "2026" / ".TAPEM_Format_IKU_2026.xlsx.5.tmp",
    ]
    tetap = [
        kerja / ".tersembunyi.tmp",
        kerja / "dokumen" / ".catatan.txt",
        kerja / "masuk" / ".TAPEM_Format_IKU_2026.xlsx.5.tmp",  # masuk/ is never touched
    ]
    for p in (*sementara, *tetap):
        p.write_bytes(b"x")

    pulihkan(ktx, Jurnal(kerja))

    assert [p for p in sementara if p.exists()] == []
    assert [p for p in tetap if not p.exists()] == []


# --------------------------------------------------------------------------- mails


def test_journaled_mails_become_pengiriman_rows(master: Path, buku: BukuZip) -> None:
    kerja = master.parent
    ktx = _ktx(buku)
    jurnal = _mati(ktx, "kirim")
    _surel(jurnal, "coba", "<terkirim@uji>")
    _surel(jurnal, "terkirim", "<terkirim@uji>")
    _surel(jurnal, "coba", "<ditolak@uji>", kepada=[["X", "x@contoh.example"]])
    _surel(jurnal, "gagal", "<ditolak@uji>", kepada=[["X", "x@contoh.example"]])
    _surel(jurnal, "coba", "<entah@uji>", header={"X-Pyxl-Format-Id": "FMT-KESRA-1"})

    hasil = pulihkan(ktx, Jurnal(kerja))

    rows = _tabel(master, skema.PENGIRIMAN)
    assert [r["Message-ID"] for r in rows] == ["<terkirim@uji>", "<entah@uji>"]
    terkirim, entah = rows
    assert terkirim["Status"] == status.TERKIRIM
    assert terkirim["Catatan"] == CATATAN_PULIH
    assert terkirim["Langkah"] == 3  # the SOP step of the dead run's command
    assert terkirim["Kode Bagian"] == "TAPEM"  # from the Bagian sheet, ignoring case
    assert terkirim["Kepada"] == f"Kepala Bagian Tata Pemerintahan <{TAPEM.upper()}>"
    assert terkirim["ID Format"] == "FMT-TAPEM-1"
    assert terkirim["Mode"] == "smtp"
    assert terkirim["Waktu"] == datetime(2026, 3, 1, 9, 15)
    assert entah["Status"] == status.GAGAL
    assert entah["Catatan"] == CATATAN_TIDAK_PASTI
    assert entah["Catatan"].startswith("TIDAK PASTI")
    assert entah["ID Format"] == "FMT-KESRA-1"

    assert [r["Message-ID"] for r in hasil.baris] == ["<terkirim@uji>", "<entah@uji>"]
    assert [r["Message-ID"] for r in hasil.terkirim(3)] == ["<terkirim@uji>"]
    assert hasil.terkirim(4) == []
    assert hasil.ringkasan(kerja) == (
        "Pemulihan: 2 email dari proses yang terhenti dicatat di sheet Pengiriman "
        "(1 tidak pasti terkirim, dikirim ulang)."
    )
    lanjut = ambil_lanjutan(kerja, "kirim")
    assert lanjut is not None
    assert [(r["Message-ID"], r["Status"]) for r in lanjut[0]] == [
        ("<terkirim@uji>", status.TERKIRIM),
        ("<entah@uji>", status.GAGAL),
    ]
    assert not (kerja / NAMA_JURNAL).exists()


def test_a_partly_refused_mail_says_so(master: Path, buku: BukuZip) -> None:
    ktx = _ktx(buku)
    jurnal = _mati(ktx, "kirim")
    _surel(jurnal, "terkirim", "<sebagian@uji>", ditolak=["salah@contoh.example"])
    pulihkan(ktx, Jurnal(master.parent))
    [r] = _tabel(master, skema.PENGIRIMAN)
    assert r["Catatan"] == f"Ditolak server: salah@contoh.example; {CATATAN_PULIH}"


def test_a_mail_the_dead_run_recorded_is_not_recorded_twice(master: Path, buku: BukuZip) -> None:
    kerja = master.parent
    ktx = _ktx(buku)
    tercatat = {
        "Waktu": datetime(2026, 3, 1, 9, 0),
        "Langkah": 3,
        "Kode Bagian": "TAPEM",
        "Message-ID": "<lama@uji>",
        "Status": status.TERKIRIM,
    }
    tambah_baris(buku, skema.PENGIRIMAN, skema.KOLOM_PENGIRIMAN, [tercatat])
    buku.simpan()
    jurnal = _mati(ktx, "kirim")
    _surel(jurnal, "terkirim", "<lama@uji>")
    _surel(jurnal, "terkirim", "<baru@uji>")

    hasil = pulihkan(ktx, Jurnal(kerja))

    assert [r["Message-ID"] for r in _tabel(master, skema.PENGIRIMAN)] == [
        "<lama@uji>",
        "<baru@uji>",
    ]
    assert [r["Message-ID"] for r in hasil.baris] == ["<baru@uji>"]
    assert [r["Message-ID"] for r in hasil.surel] == ["<lama@uji>", "<baru@uji>"]
    assert "1 email dari proses yang terhenti" in hasil.ringkasan(kerja)


# --------------------------------------------------------------------------- letter numbers


def _cadangkan_nomor(buku: BukuZip, berkas: str) -> str:
    nomor = "000.1.5/1/I.10-WK/2026"
    rec = {
        "No": 1,
        "Tanggal": datetime(2026, 3, 2),
        "Nomor Surat": nomor,
        "Kode Klasifikasi": "000.1.5",
        "Tujuan": "Kepala Bagian",
        "Perihal": "Undangan Rapat",
        "Berkas": berkas,
        "Status": status.DICADANGKAN,
    }
    tambah_baris(buku, skema.REGISTER_SURAT, skema.KOLOM_REGISTER, [rec])
    buku.simpan()
    return nomor


def test_a_reserved_number_whose_letter_never_left_is_cancelled(
    master: Path, buku: BukuZip
) -> None:
    kerja = master.parent
    ktx = _ktx(buku)
    nama = "undangan_rapat_1_2026.docx"
    nomor = _cadangkan_nomor(buku, nama)
    dok = kerja / "dokumen" / nama
    dok.write_bytes(b"undangan")
    # No journal at all: the run died between the number's save and its next line.
    assert not (kerja / NAMA_JURNAL).exists()

    hasil = pulihkan(ktx, Jurnal(kerja))

    [r] = _tabel(master, skema.REGISTER_SURAT)
    assert (r["Nomor Surat"], r["Status"]) == (nomor, status.BATAL)
    assert not dok.exists()
    assert hasil.dipindah == [kerja / skema.FOLDER_CADANGAN / TERHENTI / "dokumen" / nama]
    assert [x["Status"] for x in hasil.surat] == [status.BATAL]
    assert f"Surat nomor {nomor} dari proses yang terhenti: Batal." in hasil.ringkasan(kerja)
    assert ambil_lanjutan(kerja, "undangan") is None  # nothing issued: nothing to finish


def test_a_reserved_number_whose_letter_was_mailed_is_issued(master: Path, buku: BukuZip) -> None:
    kerja = master.parent
    ktx = _ktx(buku)
    nama = "undangan_rapat_1_2026.docx"
    nomor = _cadangkan_nomor(buku, nama)
    jurnal = _mati(ktx, "undangan")
    dok = kerja / "dokumen" / nama
    dok.write_bytes(b"undangan")
    _surel(jurnal, "terkirim", "<undangan@uji>", lampiran=[str(dok.resolve())])

    hasil = pulihkan(ktx, Jurnal(kerja))

    [r] = _tabel(master, skema.REGISTER_SURAT)
    assert (r["Nomor Surat"], r["Status"]) == (nomor, status.TERBIT)
    assert dok.read_bytes() == b"undangan"  # it went out: it stays
    assert hasil.dipindah == []
    assert f"Surat nomor {nomor} dari proses yang terhenti: Terbit." in hasil.ringkasan(kerja)
    lanjut = ambil_lanjutan(kerja, "undangan")
    assert lanjut is not None
    surel, surat = lanjut
    assert [r["Message-ID"] for r in surel] == ["<undangan@uji>"]
    assert [(s["Nomor Surat"], s["Berkas"], s["Status"]) for s in surat] == [
        (nomor, nama, status.TERBIT)
    ]
    assert surat[0]["Tanggal"] == datetime(2026, 3, 2)


# --------------------------------------------------------------------------- the lanjutan file


def test_lanjutan_round_trip(tmp_path: Path) -> None:
    surel = {
        "Langkah": 3,
        "Kode Bagian": "TAPEM",
        "ID Format": "F-1",
        "Perihal": "Format IKU",
        "Message-ID": "<m1@uji>",
        "Status": status.TERKIRIM,
        "Waktu": datetime(2026, 3, 1, 9, 0),  # not kept: only what the next run needs
    }
    surat = {
        "Nomor Surat": "000.8.6.3/4/I.10-WK/2026",
        "Berkas": "surat_pengantar_4_2026.docx",
        "Status": status.TERBIT,
        "Tanggal": datetime(2026, 3, 2),
        "_baris": 5,
    }
    assert ambil_lanjutan(tmp_path, "pengantar") is None
    simpan_lanjutan(tmp_path, "pengantar", [surel], [surat])
    simpan_lanjutan(tmp_path, "kirim", [surel], [])
    simpan_lanjutan(tmp_path, "kirim", [dict(surel, **{"Message-ID": "<m2@uji>"})], [])

    isi = json.loads((tmp_path / NAMA_LANJUTAN).read_text(encoding="utf-8"))
    assert sorted(isi) == ["kirim", "pengantar"]
    assert ambil_lanjutan(tmp_path, "pengantar") == (
        [{k: v for k, v in surel.items() if k != "Waktu"}],
        [{k: v for k, v in surat.items() if k != "_baris"}],  # Tanggal read back as datetime
    )
    lanjut = ambil_lanjutan(tmp_path, "kirim")
    assert lanjut is not None
    assert [r["Message-ID"] for r in lanjut[0]] == ["<m1@uji>", "<m2@uji>"]
    assert ambil_lanjutan(tmp_path, "undangan") is None

    selesai_lanjutan(tmp_path, "pengantar")
    assert ambil_lanjutan(tmp_path, "pengantar") is None
    assert ambil_lanjutan(tmp_path, "kirim") is not None
    selesai_lanjutan(tmp_path, "undangan")  # nothing kept for it: no change
    assert ambil_lanjutan(tmp_path, "kirim") is not None
    selesai_lanjutan(tmp_path, "kirim")
    assert not (tmp_path / NAMA_LANJUTAN).exists()  # empty: the file goes


def test_an_unreadable_lanjutan_file_is_ignored(tmp_path: Path) -> None:
    (tmp_path / NAMA_LANJUTAN).write_text("{rusak", encoding="utf-8")
    assert ambil_lanjutan(tmp_path, "kirim") is None
    (tmp_path / NAMA_LANJUTAN).write_text('["bukan objek"]', encoding="utf-8")
    assert ambil_lanjutan(tmp_path, "kirim") is None


# --------------------------------------------------------------------------- nothing to do


@pytest.mark.parametrize(
    "isi", [b"", b'{"jalan": "mati", "jenis": "mu'], ids=["kosong", "terpotong"]
)
def test_an_empty_journal_is_simply_removed(master: Path, buku: BukuZip, isi: bytes) -> None:
    kerja = master.parent
    (kerja / NAMA_JURNAL).write_bytes(isi)
    sebelum = _sha(master)

    hasil = pulihkan(_ktx(buku), Jurnal(kerja))

    assert hasil == Pulihan()
    assert hasil.ringkasan(kerja) == ""
    assert not (kerja / NAMA_JURNAL).exists()
    assert _sha(master) == sebelum
    assert not (kerja / skema.FOLDER_CADANGAN).exists()
