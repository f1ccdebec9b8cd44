"""pyxl.berkas.arsip_masuk: received originals kept as one zip per intake run."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from pyxl.berkas import arsip_masuk
from pyxl.berkas.arsip import BERUBAH, FOLDER_MASUK, OK, periksa
from pyxl.galat import LingkunganError

WAKTU = datetime(2027, 1, 20, 9, 30, 15)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _kiriman(*isi: bytes, nama: str = "HUKUM.xlsx") -> list[tuple[str, str, bytes, datetime]]:
    return [(_sha(d), nama, d, WAKTU) for d in isi]


def test_one_zip_per_run_each_original_found_by_its_hash(tmp_path: Path) -> None:
    folder = tmp_path / "arsip" / "masuk"
    isi = [b"PK format HUKUM", b"PK format KESRA", b"From: x\n\nsurel"]
    zip_ = arsip_masuk.simpan(folder, _kiriman(*isi[:2]) + _kiriman(isi[2], nama="balas.eml"))
    assert zip_ is not None and arsip_masuk.RE_ZIP.fullmatch(zip_.name)
    assert [p.name for p in folder.iterdir()] == [zip_.name], "one file for the whole run"
    assert not os.stat(zip_).st_mode & stat.S_IWUSR, "read-only once written"
    with zipfile.ZipFile(zip_) as z:  # a plain zip any program opens
        assert z.testzip() is None
        assert sorted(z.namelist()) == sorted(
            [f"{_sha(isi[0])}.xlsx", f"{_sha(isi[1])}.xlsx", f"{_sha(isi[2])}.eml"]
        )
        assert {i.compress_type for i in z.infolist()} == {zipfile.ZIP_STORED}
        assert z.infolist()[0].date_time == (2027, 1, 20, 9, 30, 14)  # 2-second resolution
    for data in isi:
        asli = arsip_masuk.cari(folder, _sha(data))
        assert asli is not None and asli.baca() == data
    assert arsip_masuk.cari(folder, _sha(b"tidak pernah diterima")) is None


def test_a_content_kept_before_is_never_stored_again(tmp_path: Path) -> None:
    folder = tmp_path / "masuk"
    pertama = arsip_masuk.simpan(folder, _kiriman(b"satu", b"dua", b"satu"))
    assert pertama is not None
    with zipfile.ZipFile(pertama) as z:
        assert len(z.namelist()) == 2, "the same bytes twice in one run: kept once"
    assert arsip_masuk.simpan(folder, _kiriman(b"dua", b"satu")) is None, "nothing new"
    (folder / f"{_sha(b'lama')}.xlsx").write_bytes(b"lama")  # a loose copy of an older release
    assert arsip_masuk.simpan(folder, _kiriman(b"lama")) is None
    kedua = arsip_masuk.simpan(folder, _kiriman(b"tiga", b"satu"))
    assert kedua is not None and kedua != pertama
    with zipfile.ZipFile(kedua) as z:
        assert z.namelist() == [f"{_sha(b'tiga')}.xlsx"]
    assert set(arsip_masuk.daftar(folder)) == {_sha(d) for d in (b"satu", b"dua", b"tiga", b"lama")}


def test_a_full_disk_leaves_no_zip_and_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "masuk"
    asli_open = open

    class Penuh:
        def __init__(self, f: object) -> None:
            self._f = f

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def __getattr__(self, nama: str) -> object:
            return getattr(self._f, nama)

        def __enter__(self) -> Penuh:
            return self

        def __exit__(self, *exc: object) -> None:
            self._f.close()  # type: ignore[attr-defined]

    def buka(berkas: object, mode: str = "r", *a: object, **k: object) -> object:
        f = asli_open(berkas, mode, *a, **k)  # type: ignore[call-overload]
        return Penuh(f) if "x" in mode else f

    monkeypatch.setattr("pyxl.berkas.arsip_masuk.open", buka, raising=False)
    with pytest.raises(LingkunganError) as galat:
        arsip_masuk.simpan(folder, _kiriman(b"satu", b"dua"))
    pesan = str(galat.value)
    assert "Salinan arsip 2 berkas kiriman" in pesan and "disk penuh" in pesan
    assert "folder masuk tetap utuh" in pesan and "ulangi" in pesan
    assert list(folder.iterdir()) == [], "no zip, no temporary file"
    monkeypatch.undo()
    assert arsip_masuk.simpan(folder, _kiriman(b"satu", b"dua")) is not None


def test_a_run_killed_while_writing_leaves_only_a_temporary_file(tmp_path: Path) -> None:
    """Killed halfway through the zip: no `Kiriman_*.zip` appears (the name is taken only when
    the whole file is on disk); the next run keeps everything."""
    folder = tmp_path / "masuk"
    kode = (
        "import os, sys, zipfile\n"
        "from datetime import datetime\n"
        "from pathlib import Path\n"
        "from pyxl.berkas import arsip_masuk\n"
        "asli = zipfile.ZipFile.writestr\n"
        "n = [0]\n"
        "def mati(self, *a, **k):\n"
        "    n[0] += 1\n"
        "    if n[0] == 2:\n"
        "        self.fp.flush()\n"
        "        os._exit(9)\n"
        "    return asli(self, *a, **k)\n"
        "zipfile.ZipFile.writestr = mati\n"
        "isi = [b'satu', b'dua', b'tiga']\n"
        "import hashlib\n"
        "arsip_masuk.simpan(Path(sys.argv[1]), "
        "[(hashlib.sha256(d).hexdigest(), 'x.xlsx', d, datetime.now()) for d in isi])\n"
    )
    p = subprocess.run([sys.executable, "-c", kode, str(folder)], check=False)
    assert p.returncode == 9
    sisa = [x.name for x in folder.iterdir()]
    assert len(sisa) == 1 and sisa[0].startswith(".Kiriman_") and sisa[0].endswith(".tmp"), sisa
    assert arsip_masuk.daftar(folder) == {}, "a half-written zip is no original"
    assert arsip_masuk.simpan(folder, _kiriman(b"satu", b"dua", b"tiga")) is not None
    assert len(arsip_masuk.daftar(folder)) == 3


def test_periksa_checks_every_member_of_a_run_zip(tmp_path: Path) -> None:
    kerja = tmp_path.resolve()
    akar = kerja / "arsip"
    folder = akar / FOLDER_MASUK
    zip_ = arsip_masuk.simpan(folder, _kiriman(b"satu", b"dua"))
    assert zip_ is not None
    laporan, baik = periksa(akar, {}, kerja)
    assert baik, laporan
    assert laporan[-1] == f"{OK:<17} 2 berkas kiriman balik di {FOLDER_MASUK}/ (nama = SHA-256)"

    # a member swapped for other bytes (the zip rewritten by hand) is reported by name
    os.chmod(zip_, 0o644)
    with zipfile.ZipFile(zip_, "w") as z:
        z.writestr(f"{_sha(b'satu')}.xlsx", b"satu")
        z.writestr(f"{_sha(b'dua')}.xlsx", b"DIUBAH")
    laporan, baik = periksa(akar, {}, kerja)
    assert not baik
    salah = [b for b in laporan if b.startswith(BERUBAH)]
    assert len(salah) == 1 and f"{_sha(b'dua')}.xlsx" in salah[0], laporan
    assert "tidak sesuai SHA-256" in salah[0]

    zip_.write_bytes(b"bukan zip")
    laporan, baik = periksa(akar, {}, kerja)
    assert not baik and any("zip tidak dapat dibuka" in b for b in laporan), laporan
