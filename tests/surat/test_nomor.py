"""Letter numbers: contiguous per year, recorded before the document, never handed out twice."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from bantu import baris_sheet
from conftest import AKAR
from pyxl.berkas.kunci import kunci_folder
from pyxl.buku.xlsm import BukuZip, buka
from pyxl.cli import main
from pyxl.kontrak import skema
from pyxl.surat import nomor as penomoran

RAPAT = ["--tanggal-rapat", "18 Januari 2027"]


def _undangan(master: Path, tanggal: str = "12 Januari 2027", rapat: str = "") -> int:
    rapat_opsi = ["--tanggal-rapat", rapat] if rapat else RAPAT
    return main(["undangan", "--workbook", str(master), "--tanggal", tanggal, *rapat_opsi])


def _register(master: Path) -> list[tuple[str, str]]:
    return [(r["Nomor Surat"], r["Status"]) for r in baris_sheet(master, skema.REGISTER_SURAT)]


def test_next_number_counts_the_year_of_every_row_whatever_its_kind_or_status() -> None:
    rows = [
        {"Nomor Surat": "000.1.5/7/I.10-WK/2027", "Status": "Batal"},
        {"Nomor Surat": "000.8.6.3/8/I.10-WK/2027", "Status": "Dicadangkan"},
        {"Nomor Surat": "000.8.6.3/41/I.10-WK/2026", "Status": "Terbit"},
        {"No": 9, "Tanggal": datetime(2027, 3, 1), "Nomor Surat": "dicatat manual"},
        {"No": 50, "Tanggal": "bukan tanggal", "Nomor Surat": None},
    ]
    assert penomoran.nomor_berikut(rows, 2027) == 10
    assert penomoran.nomor_berikut(rows, 2026) == 42
    assert penomoran.nomor_berikut(rows, 2028) == 1
    assert penomoran.susun_nomor("000.1.5", 3, "I.10-WK", 2027) == "000.1.5/3/I.10-WK/2027"


def test_numbers_are_consecutive_and_never_overwrite(master: Path) -> None:
    assert _undangan(master) == 0
    assert _undangan(master) == 0
    assert _register(master) == [
        ("000.8.6.3/1/I.10-WK/2027", "Terbit"),
        ("000.8.6.3/2/I.10-WK/2027", "Terbit"),
    ]
    dokumen = master.parent / "dokumen"
    assert sorted(p.name for p in dokumen.iterdir()) == [
        "undangan_rapat_1_2027.docx",
        "undangan_rapat_1_2027.pdf",  # what the invitees received
        "undangan_rapat_2_2027.docx",
        "undangan_rapat_2_2027.pdf",
    ]


def test_other_letter_kinds_share_the_running_number(master: Path) -> None:
    assert _undangan(master) == 0
    with buka(master) as buku:
        tujuan = buku.folder / "dokumen" / "pengantar.docx"
        with penomoran.nomor_surat(
            buku,
            kode_klasifikasi="000.8.6.3",
            tanggal=date(2027, 2, 3),
            tujuan="Bupati Way Kanan",
            perihal="Penyampaian Dokumen IKU",
            berkas=lambda urut: tujuan,
        ) as ns:
            assert (ns.nomor, ns.urut, ns.berkas) == ("000.8.6.3/2/I.10-WK/2027", 2, tujuan)
            tujuan.write_bytes(b"isi")
        buku.simpan()
    assert _undangan(master) == 0
    assert [n for n, _ in _register(master)] == [
        "000.8.6.3/1/I.10-WK/2027",
        "000.8.6.3/2/I.10-WK/2027",
        "000.8.6.3/3/I.10-WK/2027",
    ]


def test_the_year_rolls_over_on_the_letters_date(master: Path) -> None:
    assert _undangan(master, "30 Desember 2027", "4 Januari 2028") == 0
    assert _undangan(master, "31 Desember 2027", "4 Januari 2028") == 0
    assert _undangan(master, "2 Januari 2028", "4 Januari 2028") == 0
    assert [n for n, _ in _register(master)] == [
        "000.8.6.3/1/I.10-WK/2027",
        "000.8.6.3/2/I.10-WK/2027",
        "000.8.6.3/1/I.10-WK/2028",
    ]
    assert (master.parent / "dokumen" / "undangan_rapat_1_2028.docx").exists()
    assert (master.parent / "dokumen" / "undangan_rapat_1_2027.docx").exists()


def test_a_failure_while_writing_cancels_the_number_and_leaves_nothing(
    master: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyxl.langkah.undangan

    asli = pyxl.langkah.undangan.tulis_surat

    def rusak(templat: Path, konteks: object, tujuan: Path, *_: object) -> Path:
        tujuan.write_bytes(b"setengah")  # half a document on disk, then the crash
        raise RuntimeError("disk penuh")

    monkeypatch.setattr(pyxl.langkah.undangan, "tulis_surat", rusak)
    with pytest.raises(RuntimeError, match="disk penuh"):
        _undangan(master)
    # saved by the failing run itself: the register keeps the number, cancelled
    assert _register(master) == [("000.8.6.3/1/I.10-WK/2027", "Batal")]
    assert not list((master.parent / "dokumen").iterdir())
    assert not list((master.parent / "kirim").iterdir())
    assert not baris_sheet(master, skema.LOG_SOP)

    monkeypatch.setattr(pyxl.langkah.undangan, "tulis_surat", asli)
    assert _undangan(master) == 0
    assert _register(master) == [
        ("000.8.6.3/1/I.10-WK/2027", "Batal"),
        ("000.8.6.3/2/I.10-WK/2027", "Terbit"),
    ]
    assert sorted(p.name for p in (master.parent / "dokumen").iterdir()) == [
        "undangan_rapat_2_2027.docx",
        "undangan_rapat_2_2027.pdf",
    ]


def test_a_crash_after_the_document_never_reissues_its_number(
    master: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The final save fails (the document is removed again): the reservation was saved."""
    asli = BukuZip.simpan
    panggilan = []

    def simpan(self: BukuZip) -> None:
        panggilan.append(1)
        if len(panggilan) == 2:
            raise OSError("listrik padam")
        asli(self)

    monkeypatch.setattr(BukuZip, "simpan", simpan)
    with pytest.raises(OSError, match="listrik padam"):
        _undangan(master)
    assert _register(master) == [("000.8.6.3/1/I.10-WK/2027", "Dicadangkan")]
    assert not list((master.parent / "dokumen").iterdir())
    assert not list((master.parent / "kirim").iterdir())
    assert _undangan(master) == 0
    assert [n for n, _ in _register(master)][-1] == "000.8.6.3/2/I.10-WK/2027"


def _proses(master: Path, tunggu: float) -> subprocess.Popen[str]:
    kode = (
        "import sys; import pyxl.berkas.kunci as k; k.TUNGGU_DETIK = float(sys.argv[1]); "
        "from pyxl.cli import main; sys.exit(main(sys.argv[2:]))"
    )
    perintah = ["undangan", "--workbook", str(master), "--tanggal", "12 Januari 2027", *RAPAT]
    env = dict(os.environ, PYTHONPATH=str(AKAR))
    return subprocess.Popen(
        [sys.executable, "-c", kode, str(tunggu), *perintah],
        cwd=master.parent,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_concurrent_runs_get_unique_consecutive_numbers(master: Path) -> None:
    with kunci_folder(master.parent):  # all start while another run holds the folder
        antre = [_proses(master, 120) for _ in range(4)]
        tidak_sabar = _proses(master, 0.5)
        out, err = tidak_sabar.communicate(timeout=120)
        assert tidak_sabar.returncode == 1, out + err
        assert "sedang dipakai proses pyxl lain" in err
        assert _register(master) == []  # the one that gave up took no number
    hasil = [p.communicate(timeout=240) for p in antre]
    assert [p.returncode for p in antre] == [0] * 4, hasil
    register = baris_sheet(master, skema.REGISTER_SURAT)
    assert sorted(r["No"] for r in register) == [1, 2, 3, 4]
    assert {r["Status"] for r in register} == {"Terbit"}
    dicetak = sorted(m for out, _ in hasil for m in re.findall(r"Undangan Nomor (\S+)", out))
    assert dicetak == sorted(r["Nomor Surat"] for r in register)
    for r in register:
        assert (master.parent / "dokumen" / f"undangan_rapat_{r['No']}_2027.docx").exists()
    assert len(baris_sheet(master, skema.LOG_SOP)) == 4
    assert len(baris_sheet(master, skema.PENGIRIMAN)) == 4 * 9
