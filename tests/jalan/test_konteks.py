"""What a step gets and gives (`pyxl.jalan.konteks`): the recovered work a step reads
(`Pulihan`), its summary for the user, and who is running the step."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest

from pyxl.buku.xlsm import BukuZip
from pyxl.jalan.konteks import Hasil, Konteks, Pulihan, pengguna_sekarang
from pyxl.jalan.umpan import UmpanKonsol
from pyxl.kontrak import skema, status
from pyxl.kontrak.pengaturan import PENGATURAN


def _surel(langkah: int, kode: str, st: str) -> dict[str, object]:
    return {"Langkah": langkah, "Kode Bagian": kode, "Status": st, "Message-ID": f"<{kode}@uji>"}


def test_terkirim_keeps_the_mails_of_one_step_that_certainly_left() -> None:
    p = Pulihan(
        surel=[
            _surel(3, "TAPEM", status.TERKIRIM),
            _surel(3, "KESRA", status.GAGAL),  # uncertain: sent again
            _surel(4, "HUKUM", status.TERKIRIM),
            _surel(3, "EKON", status.TERKIRIM),
        ]
    )
    assert [r["Kode Bagian"] for r in p.terkirim(3)] == ["TAPEM", "EKON"]
    assert [r["Kode Bagian"] for r in p.terkirim(4)] == ["HUKUM"]
    assert p.terkirim(12) == []


def test_nothing_recovered_says_nothing(tmp_path: Path) -> None:
    assert Pulihan().ringkasan(tmp_path) == ""


def test_ringkasan_counts_mails_and_the_uncertain_ones(tmp_path: Path) -> None:
    pasti = Pulihan(baris=[_surel(3, "TAPEM", status.TERKIRIM)])
    assert pasti.ringkasan(tmp_path) == (
        f"Pemulihan: 1 email dari proses yang terhenti dicatat di sheet {skema.PENGIRIMAN}."
    )
    campur = Pulihan(
        baris=[
            _surel(3, "TAPEM", status.TERKIRIM),
            _surel(3, "KESRA", status.GAGAL),
            _surel(3, "HUKUM", status.GAGAL),
        ]
    )
    assert campur.ringkasan(tmp_path) == (
        f"Pemulihan: 3 email dari proses yang terhenti dicatat di sheet {skema.PENGIRIMAN} "
        "(2 tidak pasti terkirim, dikirim ulang)."
    )


def test_ringkasan_names_letters_and_moved_files(tmp_path: Path) -> None:
    sisih = tmp_path / "cadangan" / "terhenti-20260302-103000"
    dipindah = [sisih / "dokumen" / f"disposisi_2026_{i:03d}.docx" for i in range(1, 8)]
    p = Pulihan(
        surat=[
            {"Nomor Surat": "000.1.5/1/I.10-WK/2026", "Status": status.BATAL},
            {"Nomor Surat": "000.8.6.3/2/I.10-WK/2026", "Status": status.TERBIT},
        ],
        dipindah=dipindah,
    )
    assert p.ringkasan(tmp_path) == (
        "Pemulihan: Surat nomor 000.1.5/1/I.10-WK/2026 dari proses yang terhenti: Batal. "
        "Surat nomor 000.8.6.3/2/I.10-WK/2026 dari proses yang terhenti: Terbit. "
        "7 berkas dari proses yang terhenti (buku kerja tidak tersimpan) dipindahkan ke "
        "cadangan/terhenti-20260302-103000/: disposisi_2026_001.docx, disposisi_2026_002.docx, "
        "disposisi_2026_003.docx, disposisi_2026_004.docx, disposisi_2026_005.docx "
        "dan 2 lainnya."
    )
    satu = Pulihan(dipindah=dipindah[:1])
    assert satu.ringkasan(tmp_path).endswith(
        "dipindahkan ke cadangan/terhenti-20260302-103000/: disposisi_2026_001.docx."
    )


def test_pengguna_prefers_pyxl_pengguna(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYXL_PENGGUNA", "Eka (Subbag Perencanaan)")
    monkeypatch.setenv("USERNAME", "eka.windows")
    monkeypatch.setenv("USER", "eka")
    assert pengguna_sekarang() == "Eka (Subbag Perencanaan)"
    monkeypatch.setenv("PYXL_PENGGUNA", "")  # empty: not set
    assert pengguna_sekarang() == "eka.windows"
    monkeypatch.delenv("USERNAME")
    assert pengguna_sekarang() == "eka"


def test_pengguna_without_any_name_is_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("PYXL_PENGGUNA", "USERNAME", "USER"):
        monkeypatch.delenv(var, raising=False)

    def tanpa_nama() -> str:
        raise OSError("no user name")

    monkeypatch.setattr(getpass, "getuser", tanpa_nama)
    assert pengguna_sekarang() == "tidak diketahui"
    monkeypatch.setattr(getpass, "getuser", lambda: "dari-sistem")
    assert pengguna_sekarang() == "dari-sistem"


def test_konteks_defaults_and_settings(master: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYXL_PENGGUNA", "penguji")
    ktx = Konteks(BukuZip(master, hanya_baca=True), UmpanKonsol(diam=True))
    assert ktx.pengguna == "penguji"
    assert ktx.pulihan == Pulihan()
    peng = ktx.pengaturan()
    assert peng.tahun() == 2026
    baris = [s.kunci for s in PENGATURAN].index("Tahun") + 2  # header in row 1
    assert peng.lokasi("Tahun") == f"sheet Pengaturan sel B{baris}"


def test_hasil_defaults() -> None:
    h = Hasil("Selesai.")
    assert (h.berkas, h.ubah_buku, h.langkah, h.gagal) == ([], True, None, False)
