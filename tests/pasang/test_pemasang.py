"""The bundle's installer (`pyxl/pasang/pemasang.py`) against an in-memory Windows registry.

Everything but pip runs for real: the virtual environment is created (seeing this machine's
packages instead of installing them), the workbook's `xlwings.conf` sheet is written by the
environment's Python, and `pyxl cek` runs there. The pip command is recorded and checked.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path, PureWindowsPath

import openpyxl
import pytest

from conftest import AKAR, sidik_folder
from pyxl import __version__
from pyxl.dokumen.templat import NAMA_TEMPLAT
from pyxl.kontrak import skema
from pyxl.pasang.pemasang import (
    DESKRIPSI,
    HKCU,
    NAMA_PENANDA,
    TRUSTED,
    PasangError,
    Pemasang,
    WindowsTiruan,
    cari_lokasi,
    main,
    nilai_interpreter,
    python_venv,
    tulis_interpreter,
)

WAKTU = datetime(2026, 11, 24, 9, 30)
VERSI_INI = f"{sys.version_info.major}.{sys.version_info.minor}"


@pytest.fixture
def paket(kerja: Path, tmp_path: Path) -> Path:
    """A small bundle: the manifest, a wheelhouse with pyxl's name, the starting folder."""
    p = tmp_path / "PaketPyxl"
    (p / "wheelhouse").mkdir(parents=True)
    (p / "wheelhouse" / f"pyxl-{__version__}-py3-none-any.whl").write_bytes(b"roda")
    awal = p / "folder-kerja-awal"
    (awal / "templates").mkdir(parents=True)
    shutil.copy2(kerja / skema.NAMA_MASTER, awal / skema.NAMA_MASTER)
    for t in (kerja / "templates").iterdir():
        shutil.copy2(t, awal / "templates" / t.name)
    shutil.copy2(AKAR / "pyxl" / "pasang" / "pemasang.py", p / "pasang.py")
    shutil.copy2(AKAR / "pyxl" / "galat.py", p / "galat.py")
    manifest = {
        "pyxl": __version__,
        "python": ["3.11", "3.12", "3.13"],
        "master": skema.NAMA_MASTER,
        "folder": [*skema.FOLDERS, skema.FOLDER_TEMPLAT, skema.FOLDER_CADANGAN],
    }
    (p / "paket.json").write_text(json.dumps(manifest), encoding="utf-8")
    return p


@pytest.fixture
def windows(paket: Path) -> WindowsTiruan:
    """A user's registry as Office leaves it, and a bundle that came from the internet."""
    w = WindowsTiruan()
    startup = rf"{TRUSTED}\Location0"
    w.tulis_nilai(
        HKCU, startup, "Path", "C:\\Program Files\\Microsoft Office\\Root\\Office16\\XLSTART\\"
    )
    w.tulis_nilai(HKCU, startup, "Description", "Excel default location: Excel StartUp")
    w.tulis_nilai(HKCU, rf"{TRUSTED}\Location1", "Path", "D:\\Laporan\\")
    w.tulis_nilai(HKCU, rf"{TRUSTED}\Location1", "AllowSubfolders", 1)
    for f in paket.rglob("*"):
        if f.is_file():
            w.tandai_internet(f)
    return w


class Perintah:
    """Runs commands for real, except pip install, which is only recorded."""

    def __init__(self) -> None:
        self.dicatat: list[list[str]] = []

    def __call__(self, perintah: Sequence[str]) -> int:
        self.dicatat.append(list(perintah))
        if perintah[1:4] == ["-m", "pip", "install"]:
            return 0
        return subprocess.run(list(perintah), check=False).returncode


class PemasangUji(Pemasang):
    """The installer, with a private environment that sees this test run's packages (pip
    install is only recorded here, so pyxl's dependencies come from the running environment,
    never from whatever the base interpreter happens to have)."""

    def _buat_venv(self) -> None:
        super()._buat_venv()
        situs = [p for p in sys.path if p.endswith("site-packages")]
        tujuan = Path(
            sysconfig.get_paths(vars={"base": str(self.venv), "platbase": str(self.venv)})[
                "purelib"
            ]
        )
        (tujuan / "_lingkungan_uji.pth").write_text(
            "".join(f"import site; site.addsitedir({s!r})\n" for s in situs), encoding="utf-8"
        )


def _pemasang(paket: Path, windows: WindowsTiruan, tmp_path: Path, **ubah: object) -> Pemasang:
    p = PemasangUji(
        paket=paket,
        sistem=windows,
        venv=tmp_path / "AppData" / "Local" / "pyxl" / "venv",
        folder_kerja=tmp_path / "Kinerja",
        lapor=lambda _pesan: None,
        jalankan=Perintah(),
        sekarang=lambda: WAKTU,
        venv_sistem=False,
        dengan_pip=False,
    )
    for k, v in ubah.items():
        setattr(p, k, v)
    return p


def _conf(master: Path) -> dict[str, str | None]:
    wb = openpyxl.load_workbook(master, read_only=True)
    rows = wb[skema.XLWINGS_CONF].iter_rows(max_col=2, values_only=True)
    hasil = {str(k): v for k, v in rows if k}
    wb.close()
    return hasil


def test_install_makes_the_folder_ready_and_uninstall_undoes_it(
    paket: Path, windows: WindowsTiruan, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    sebelum = windows.potret()
    p = _pemasang(paket, windows, tmp_path)
    assert p.pasang() == 0, capfd.readouterr()
    out = capfd.readouterr().out

    # every step reported, in order
    assert [s.split("]")[0] for s in p.langkah] == [f"[{i}/9" for i in range(1, 10)]
    # pip: offline, from the bundle's wheelhouse, exactly this pyxl, wheels only
    jalankan = p.jalankan
    assert isinstance(jalankan, Perintah)
    [pip] = [c for c in jalankan.dicatat if c[1:3] == ["-m", "pip"]]
    assert pip[0] == str(python_venv(p.venv))
    assert pip[3:] == [
        "install",
        "--no-index",
        "--find-links",
        str(paket / "wheelhouse"),
        "--only-binary=:all:",
        "--no-warn-script-location",
        f"pyxl=={__version__}",
    ]
    # the master is brought to this release's structure before anything writes into it
    master = p.folder_kerja / skema.NAMA_MASTER
    [perbarui] = [c for c in jalankan.dicatat if c[1:4] == ["-m", "pyxl", "perbarui"]]
    assert perbarui[4:] == ["--workbook", str(master)]
    assert jalankan.dicatat.index(perbarui) < next(
        i for i, c in enumerate(jalankan.dicatat) if "--tulis-interpreter" in c
    )
    # a real environment, marked as ours
    assert python_venv(p.venv).exists()
    penanda = json.loads((p.venv / NAMA_PENANDA).read_text())
    assert penanda["folder_kerja"] == str(p.folder_kerja)
    assert penanda["trusted_location"] == rf"{TRUSTED}\Location2"
    # the working folder: master, templates, every folder
    master = p.folder_kerja / skema.NAMA_MASTER
    for nama in (*skema.FOLDERS, skema.FOLDER_TEMPLAT):
        assert (p.folder_kerja / nama).is_dir()
    templat = {f.name for f in (p.folder_kerja / "templates").glob("*.docx")}
    assert templat == set(NAMA_TEMPLAT) and "laporan_triwulan.docx" in templat
    # the interpreter, written into the sheet by the environment's Python
    assert _conf(master)["INTERPRETER_WIN"] == str(python_venv(p.venv))
    # one new Trusted Location, the ones before untouched
    baru = windows.potret()
    tambah = {k: v for k, v in baru.items() if k not in sebelum}
    assert tambah == {
        (HKCU, rf"{TRUSTED}\Location2"): {
            "Path": str(p.folder_kerja) + "\\",
            "AllowSubfolders": 1,
            "Description": DESKRIPSI,
            "Date": "24/11/2026 09:30",
        }
    }
    assert all(baru[k] == v for k, v in sebelum.items())
    # no file of the bundle or the working folder is marked as from the internet any more
    assert windows.motw == {}
    # pyxl cek ran in the environment and its report was shown
    assert "Semua pemeriksaan lulus." in out

    # the checks that failed before now pass on this Windows
    from pyxl.buku.xlsm import buka
    from pyxl.pasang.diagnosa import OK, periksa

    with buka(master, hanya_baca=True) as buku:
        temuan = {t.hal: t for t in periksa(buku, master, sistem=windows)}
    for hal in ("Trusted Location", "Mark of the Web", "Interpreter", "Aturan ASR Defender"):
        assert temuan[hal].tingkat == OK, temuan[hal]

    sidik = sidik_folder(p.folder_kerja)
    assert p.hapus() == 0
    assert windows.potret() == sebelum, "the registry is as it was before"
    assert not p.venv.exists()
    assert sidik_folder(p.folder_kerja) == sidik, "the working folder (data) is kept"
    assert "TIDAK dihapus" in p.langkah[-1] and str(p.folder_kerja) in p.langkah[-1]


def test_installing_again_keeps_the_workbook_and_adds_no_second_location(
    paket: Path, windows: WindowsTiruan, tmp_path: Path
) -> None:
    from pyxl.buku.xlsm import buka

    p = _pemasang(paket, windows, tmp_path)
    assert p.pasang() == 0
    master = p.folder_kerja / skema.NAMA_MASTER
    with buka(master) as buku:
        buku.tulis(skema.PENGATURAN, 40, 1, [["Catatan uji", "data staf"]])
        buku.simpan()
    lokasi = windows.daftar_subkunci(HKCU, TRUSTED)

    p2 = _pemasang(paket, windows, tmp_path)
    assert p2.pasang() == 0
    assert any("sudah tepercaya" in s for s in p2.langkah)
    assert windows.daftar_subkunci(HKCU, TRUSTED) == lokasi
    wb = openpyxl.load_workbook(master, read_only=True)
    assert wb[skema.PENGATURAN]["B40"].value == "data staf", "the staff's workbook is kept"
    wb.close()
    assert p2.hapus() == 0
    assert windows.daftar_subkunci(HKCU, TRUSTED) == ["Location0", "Location1"]


def test_a_folder_already_trusted_through_a_parent_is_left_alone(
    paket: Path, windows: WindowsTiruan, tmp_path: Path
) -> None:
    induk = rf"{TRUSTED}\Location7"
    windows.tulis_nilai(HKCU, induk, "Path", str(tmp_path) + "\\")
    windows.tulis_nilai(HKCU, induk, "AllowSubfolders", 1)
    windows.tulis_nilai(HKCU, induk, "Description", "dibuat IT")
    sebelum = windows.potret()
    p = _pemasang(paket, windows, tmp_path)
    assert p.pasang() == 0
    assert "sudah tepercaya" in p.langkah[7] and str(tmp_path) in p.langkah[7]
    assert p.hapus() == 0
    assert windows.potret() == sebelum
    lok = cari_lokasi(windows, tmp_path / "Kinerja")
    assert lok is not None and lok.deskripsi == "dibuat IT"


def test_a_parent_without_subfolders_does_not_trust_the_folder() -> None:
    w = WindowsTiruan()
    w.tulis_nilai(HKCU, rf"{TRUSTED}\Location3", "Path", "C:\\Data\\")
    assert cari_lokasi(w, r"C:\Data") is not None
    assert cari_lokasi(w, r"C:\data\Kinerja") is None
    w.tulis_nilai(HKCU, rf"{TRUSTED}\Location3", "AllowSubfolders", 1)
    assert cari_lokasi(w, r"C:\data\Kinerja") is not None
    assert cari_lokasi(w, r"C:\DataLain") is None


def test_a_foreign_folder_at_the_environment_path_is_never_deleted(
    paket: Path, windows: WindowsTiruan, tmp_path: Path
) -> None:
    p = _pemasang(paket, windows, tmp_path)
    p.venv.mkdir(parents=True)
    (p.venv / "milik-orang-lain.txt").write_text("jangan dihapus")
    with pytest.raises(PasangError, match="bukan buatan pemasang pyxl"):
        p.pasang()
    assert p.hapus() == 0
    assert (p.venv / "milik-orang-lain.txt").exists()
    assert "dibiarkan" in p.langkah[-2]


def test_an_unsupported_python_is_refused_before_anything_changes(
    paket: Path, windows: WindowsTiruan, tmp_path: Path
) -> None:
    man = json.loads((paket / "paket.json").read_text())
    man["python"] = ["3.99"]
    (paket / "paket.json").write_text(json.dumps(man))
    sebelum = windows.potret()
    p = _pemasang(paket, windows, tmp_path)
    with pytest.raises(PasangError, match=rf"Python {VERSI_INI} .* tidak didukung paket ini"):
        p.pasang()
    assert windows.potret() == sebelum and not p.venv.exists()
    assert not p.folder_kerja.exists()


def test_a_failing_pip_stops_the_installation_with_a_message(
    paket: Path, windows: WindowsTiruan, tmp_path: Path
) -> None:
    p = _pemasang(paket, windows, tmp_path, jalankan=lambda perintah: 1)
    with pytest.raises(PasangError, match="pip gagal memasang pyxl"):
        p.pasang()
    assert windows.daftar_subkunci(HKCU, TRUSTED) == ["Location0", "Location1"]
    assert (p.venv / NAMA_PENANDA).exists(), "HAPUS.bat can still remove the environment"


def test_the_interpreter_path_for_windows_uses_localappdata_when_it_can() -> None:
    env = {"LOCALAPPDATA": r"C:\Users\budi\AppData\Local"}
    venv = Path(r"C:\Users\budi\AppData\Local\pyxl\venv")
    assert (
        nilai_interpreter(venv, env, jendela=True)
        == r"%LOCALAPPDATA%\pyxl\venv\Scripts\pythonw.exe"
    )
    lain = Path(r"D:\pyxl\venv")
    assert PureWindowsPath(nilai_interpreter(lain, env, jendela=True)) == PureWindowsPath(
        r"D:\pyxl\venv\Scripts\pythonw.exe"
    )


def test_tulis_interpreter_adds_the_key_when_the_sheet_lacks_it(master: Path) -> None:
    from pyxl.buku.xlsm import buka

    with buka(master) as buku:
        n = len(buku.baca(skema.XLWINGS_CONF))
        buku.kosongkan(skema.XLWINGS_CONF, 1)
        buku.tulis(skema.XLWINGS_CONF, 1, 1, [["PYTHONPATH", ""], ["SHOW_ERROR_POPUPS", "True"]])
        buku.simpan()
    assert n >= 6
    tulis_interpreter(master, r"C:\py\pythonw.exe")
    conf = _conf(master)
    assert conf["INTERPRETER_WIN"] == r"C:\py\pythonw.exe"
    assert list(conf)[:3] == ["PYTHONPATH", "SHOW_ERROR_POPUPS", "INTERPRETER_WIN"]


def test_the_bundle_script_needs_only_the_standard_library(paket: Path, tmp_path: Path) -> None:
    # -S: no site-packages at all, as on a PC where pyxl is not installed yet
    bantuan = subprocess.run(
        [sys.executable, "-S", str(paket / "pasang.py"), "--help"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert bantuan.returncode == 0 and "--folder-kerja" in bantuan.stdout
    if sys.platform != "win32":
        hasil = subprocess.run(
            [sys.executable, "-S", str(paket / "pasang.py")],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            check=False,
        )
        assert hasil.returncode == 1 and "untuk Windows" in hasil.stderr


def test_uninstall_from_the_command_line_removes_only_pyxl_entries(
    windows: WindowsTiruan, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    windows.tulis_nilai(HKCU, rf"{TRUSTED}\Location4", "Path", "C:\\Kinerja\\")
    windows.tulis_nilai(HKCU, rf"{TRUSTED}\Location4", "Description", DESKRIPSI)
    venv = tmp_path / "venv"
    kode = main(["--hapus", "--venv", str(venv), "--folder-kerja", str(tmp_path)], sistem=windows)
    assert kode == 0
    out = capsys.readouterr().out
    assert rf"HKCU\{TRUSTED}\Location4" in out and "memang tidak ada" in out
    assert windows.daftar_subkunci(HKCU, TRUSTED) == ["Location0", "Location1"]


def test_installing_over_a_master_of_an_earlier_release_upgrades_it(
    paket: Path, windows: WindowsTiruan, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    from conftest import tombol_terhubung
    from pyxl.bangun.periksa import periksa_berkas_master
    from pyxl.buku.struktur import kekurangan, versi_struktur
    from pyxl.buku.xlsm import buka
    from pyxl.kontrak.struktur import VERSI_STRUKTUR
    from pyxl.pasang.diagnosa import GAGAL, periksa

    p = _pemasang(paket, windows, tmp_path)
    # the working folder of a release before structure versions (tests/data/rilis)
    shutil.copytree(AKAR / "tests" / "data" / "rilis" / "a97ff19", p.folder_kerja)
    master = p.folder_kerja / skema.NAMA_MASTER
    asli = master.read_bytes()
    wb = openpyxl.load_workbook(master)
    lama = {s: [list(r) for r in wb[s].iter_rows(values_only=True)] for s in wb.sheetnames}
    wb.close()
    with buka(master, hanya_baca=True) as buku:
        assert versi_struktur(buku) == 1

    assert p.pasang() == 0, capfd.readouterr()
    out = capfd.readouterr().out
    assert "diperbarui dari struktur versi 1" in out
    assert "Semua pemeriksaan lulus." in out

    # the structure is current and the file whole
    with buka(master, hanya_baca=True) as buku:
        assert versi_struktur(buku) == VERSI_STRUKTUR
        assert kekurangan(buku) == []
        temuan = periksa(buku, master, sistem=windows)
    assert [t for t in temuan if t.tingkat == GAGAL] == []
    assert periksa_berkas_master(master) == []
    tombol_terhubung(master)
    assert _conf(master)["INTERPRETER_WIN"] == str(python_venv(p.venv))
    # the data is kept (the old file is the first backup in cadangan/, before the interpreter's)
    cadangan = sorted((p.folder_kerja / skema.FOLDER_CADANGAN).iterdir())
    assert cadangan[0].read_bytes() == asli
    wb = openpyxl.load_workbook(master)
    for sheet in (skema.PENERIMAAN, skema.FORMAT_TERBIT, skema.PENGIRIMAN, "HUKUM", "RENKEU"):
        judul = lama[sheet][0]
        baru = list(wb[sheet].iter_rows(values_only=True))
        posisi = {h: i for i, h in enumerate(baru[0]) if h}
        isi_lama = [r for r in lama[sheet][1:] if any(v is not None for v in r)]
        isi_baru = [r for r in baru[1:] if any(v is not None for v in r)]
        assert len(isi_baru) == len(isi_lama) > 0, sheet
        for r_lama, r_baru in zip(isi_lama, isi_baru, strict=True):
            assert [r_baru[posisi[h]] for h in judul if h] == [
                v for h, v in zip(judul, r_lama, strict=True) if h
            ], sheet
    rahasia = {r[0]: r[1] for r in lama[skema.SISTEM][1:]}["Rahasia Stempel"]
    sistem = {r[0]: r[1] for r in wb[skema.SISTEM].iter_rows(min_row=2, values_only=True)}
    assert sistem["Rahasia Stempel"] == rahasia
    assert wb[skema.SISTEM].sheet_state == "veryHidden"
    wb.close()
