"""Installer of the offline Windows bundle (`pyxl paket`), and the Windows port `pyxl cek` uses.

Runs in two places:

* inside the bundle, started by `PASANG.bat` / `HAPUS.bat` with a Python found on the PC:
  `python pasang.py [--folder-kerja DIR] [--venv DIR] [--hapus]`. Only the standard library is
  used here, since pyxl is not installed yet;
* inside the installed pyxl, for its tests and for the few steps that need pyxl itself:
  `python -m pyxl.pasang.pemasang --tulis-interpreter BUKU NILAI` (run with the new environment's
  Python) writes INTERPRETER_WIN into the workbook's `xlwings.conf` sheet.

Installing: a private virtual environment (bawaan `%LOCALAPPDATA%\\pyxl\\venv`), pyxl and its
dependencies from the bundle's `wheelhouse/` without internet, the working folder (the master
workbook and templates that `pyxl init` made when the bundle was built; a master already there
is kept, and brought to this release's structure by `pyxl perbarui`), INTERPRETER_WIN in
the workbook, the working folder as an Excel Trusted Location of the current user (HKCU, no
administrator), the "downloaded from the internet" mark (Mark of the Web, the
`Zone.Identifier` stream) removed from the bundle's and the working folder's files, and
finally `pyxl cek`. Uninstalling (`--hapus`) removes the Trusted Location entries this
installer made (recognised by their Description) and the environment; the working folder is
data and stays.

Its exception, `PasangError`, is part of pyxl's one tree (`pyxl.galat`); the bundle carries
a copy of that module beside this script.

Everything Windows-only (registry, alternate data streams) goes through `SistemWindows`:
`WindowsAsli` on Windows, `WindowsTiruan` (in memory) in tests on any machine.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PureWindowsPath
from typing import Any, Protocol

try:
    from pyxl.galat import PasangError
except ImportError:  # inside the bundle, before pyxl is installed: the copy beside this script
    from galat import PasangError  # type: ignore[no-redef]

HKCU = "HKCU"
HKLM = "HKLM"

OFFICE = r"Software\Microsoft\Office\16.0"
KEAMANAN_EXCEL = OFFICE + r"\Excel\Security"
KEAMANAN_EXCEL_KEBIJAKAN = r"Software\Policies\Microsoft\Office\16.0\Excel\Security"
TRUSTED = KEAMANAN_EXCEL + r"\Trusted Locations"
TRUSTED_KEBIJAKAN = KEAMANAN_EXCEL_KEBIJAKAN + r"\Trusted Locations"
DESKRIPSI = "pyxl - folder kerja Pengumpulan Data Kinerja"
"""Description of the Trusted Location entries this installer writes: uninstall removes
exactly the entries carrying it, never one made by a person or by IT."""

NAMA_PENANDA = "pyxl-pasang.json"
"""Written into the environment folder: only a folder carrying it is ever deleted."""
NAMA_MANIFEST = "paket.json"
WHEELHOUSE = "wheelhouse"
FOLDER_AWAL = "folder-kerja-awal"
NAMA_MASTER = "Pengumpulan_Data_Kinerja.xlsm"


# --- the Windows port --------------------------------------------------------------------


Nilai = str | int


class SistemWindows(Protocol):
    """What pyxl reads and writes of Windows: registry values, the Mark of the Web."""

    def baca_nilai(self, hive: str, kunci: str, nama: str) -> Nilai | None:
        """A registry value, or None when the key or value is absent. PermissionError when
        the key exists but may not be read."""
        ...

    def daftar_nilai(self, hive: str, kunci: str) -> dict[str, Nilai]:
        """Every value of a key (empty when the key is absent)."""
        ...

    def daftar_subkunci(self, hive: str, kunci: str) -> list[str]:
        """Names of a key's subkeys (empty when the key is absent)."""
        ...

    def tulis_nilai(self, hive: str, kunci: str, nama: str, nilai: Nilai) -> None:
        """Create the key when needed; str is written as REG_SZ, int as REG_DWORD."""
        ...

    def hapus_kunci(self, hive: str, kunci: str) -> None:
        """Delete a key that has no subkeys."""
        ...

    def baca_motw(self, berkas: Path) -> str | None:
        """The text of the file's `Zone.Identifier` stream, None when it has none."""
        ...

    def buang_motw(self, berkas: Path) -> bool:
        """Remove the `Zone.Identifier` stream; True when there was one."""
        ...


class WindowsAsli:
    """The real thing: `winreg` and NTFS alternate data streams (Windows only)."""

    def __init__(self) -> None:
        import winreg

        # typed as Any: the stubs describe winreg only when type-checking for win32
        self._w: Any = winreg

    def _hive(self, hive: str) -> int:
        return {HKCU: self._w.HKEY_CURRENT_USER, HKLM: self._w.HKEY_LOCAL_MACHINE}[hive]

    def _buka(self, hive: str, kunci: str) -> Any:
        akses = self._w.KEY_READ | self._w.KEY_WOW64_64KEY
        return self._w.OpenKey(self._hive(hive), kunci, 0, akses)

    def baca_nilai(self, hive: str, kunci: str, nama: str) -> Nilai | None:
        try:
            with self._buka(hive, kunci) as k:
                nilai, _jenis = self._w.QueryValueEx(k, nama)
        except FileNotFoundError:
            return None
        return nilai if isinstance(nilai, int) else str(nilai)

    def daftar_nilai(self, hive: str, kunci: str) -> dict[str, Nilai]:
        hasil: dict[str, Nilai] = {}
        try:
            with self._buka(hive, kunci) as k:
                i = 0
                while True:
                    try:
                        nama, nilai, _jenis = self._w.EnumValue(k, i)
                    except OSError:
                        break
                    hasil[nama] = nilai if isinstance(nilai, int) else str(nilai)
                    i += 1
        except FileNotFoundError:
            pass
        return hasil

    def daftar_subkunci(self, hive: str, kunci: str) -> list[str]:
        nama: list[str] = []
        try:
            with self._buka(hive, kunci) as k:
                i = 0
                while True:
                    try:
                        nama.append(self._w.EnumKey(k, i))
                    except OSError:
                        break
                    i += 1
        except FileNotFoundError:
            pass
        return nama

    def tulis_nilai(self, hive: str, kunci: str, nama: str, nilai: Nilai) -> None:
        jenis = self._w.REG_DWORD if isinstance(nilai, int) else self._w.REG_SZ
        with self._w.CreateKeyEx(self._hive(hive), kunci, 0, self._w.KEY_WRITE) as k:
            self._w.SetValueEx(k, nama, 0, jenis, nilai)

    def hapus_kunci(self, hive: str, kunci: str) -> None:
        self._w.DeleteKey(self._hive(hive), kunci)

    def baca_motw(self, berkas: Path) -> str | None:
        try:
            with open(f"{berkas}:Zone.Identifier", encoding="utf-8", errors="replace") as f:
                return f.read()
        except OSError:
            return None

    def buang_motw(self, berkas: Path) -> bool:
        try:
            os.remove(f"{berkas}:Zone.Identifier")
        except OSError:  # none, or not ours to change: `pyxl cek` still reports the master's
            return False
        return True


class WindowsTiruan:
    """An in-memory Windows for tests: keys compare case-insensitively, as in the registry."""

    def __init__(self) -> None:
        self._kunci: dict[tuple[str, str], tuple[str, dict[str, Nilai]]] = {}
        self.motw: dict[str, str] = {}
        self.terlarang: set[tuple[str, str]] = set()
        """Keys whose reading raises PermissionError (as HKLM keys can for a plain user)."""

    @staticmethod
    def _id(hive: str, kunci: str) -> tuple[str, str]:
        return hive, kunci.strip("\\").lower()

    def _ambil(self, hive: str, kunci: str) -> dict[str, Nilai] | None:
        if self._id(hive, kunci) in self.terlarang:
            raise PermissionError(f"Akses ditolak: {hive}\\{kunci}")
        ada = self._kunci.get(self._id(hive, kunci))
        return None if ada is None else ada[1]

    def baca_nilai(self, hive: str, kunci: str, nama: str) -> Nilai | None:
        nilai = self._ambil(hive, kunci) or {}
        return next((v for k, v in nilai.items() if k.lower() == nama.lower()), None)

    def daftar_nilai(self, hive: str, kunci: str) -> dict[str, Nilai]:
        return dict(self._ambil(hive, kunci) or {})

    def daftar_subkunci(self, hive: str, kunci: str) -> list[str]:
        induk = self._id(hive, kunci)[1] + "\\"
        return sorted(
            asli.rsplit("\\", 1)[-1]
            for (h, k), (asli, _) in self._kunci.items()
            if h == hive and k.startswith(induk) and "\\" not in k[len(induk) :]
        )

    def tulis_nilai(self, hive: str, kunci: str, nama: str, nilai: Nilai) -> None:
        bagian = kunci.strip("\\").split("\\")
        for i in range(1, len(bagian) + 1):  # like CreateKeyEx: every parent exists after
            sub = "\\".join(bagian[:i])
            self._kunci.setdefault(self._id(hive, sub), (sub, {}))
        isi = self._kunci[self._id(hive, kunci)][1]
        for k in [k for k in isi if k.lower() == nama.lower()]:
            del isi[k]
        isi[nama] = nilai

    def hapus_kunci(self, hive: str, kunci: str) -> None:
        if self.daftar_subkunci(hive, kunci):
            raise PermissionError(f"{kunci} masih mempunyai subkunci")
        if self._kunci.pop(self._id(hive, kunci), None) is None:
            raise FileNotFoundError(kunci)

    def baca_motw(self, berkas: Path) -> str | None:
        return self.motw.get(str(berkas))

    def buang_motw(self, berkas: Path) -> bool:
        return self.motw.pop(str(berkas), None) is not None

    def tandai_internet(self, berkas: Path, zona: int = 3) -> None:
        """Mark a file as downloaded, as a browser or Outlook does."""
        self.motw[str(berkas)] = f"[ZoneTransfer]\r\nZoneId={zona}\r\n"

    def potret(self) -> dict[tuple[str, str], dict[str, Nilai]]:
        """The whole registry as plain data, to compare before and after."""
        return {(h, asli): dict(isi) for (h, _), (asli, isi) in self._kunci.items()}


def sistem_ini() -> SistemWindows | None:
    """The real Windows port on Windows, None elsewhere (Windows-only checks are skipped)."""
    return WindowsAsli() if os.name == "nt" else None


# --- Trusted Locations and the Mark of the Web -------------------------------------------


@dataclass(frozen=True)
class LokasiTepercaya:
    hive: str
    kunci: str
    path: str
    subfolder: bool
    deskripsi: str
    kebijakan: bool


def luaskan(teks: str, env: Mapping[str, str] | None = None) -> str:
    """Expand `%NAME%` as Windows (and xlwings' ExpandEnvironmentStrings) does."""
    env = os.environ if env is None else env
    lower = {k.lower(): v for k, v in env.items()}
    return re.sub(r"%([^%]+)%", lambda m: lower.get(m.group(1).lower(), m.group(0)), teks)


def _norm(jalur: str | Path) -> str:
    return luaskan(str(jalur)).replace("/", "\\").rstrip("\\").lower()


def lokasi_tepercaya(sistem: SistemWindows) -> list[LokasiTepercaya]:
    """Every Excel 16.0 Trusted Location of the current user, from policy and from Excel."""
    hasil = []
    for hive, induk, kebijakan in (
        (HKCU, TRUSTED_KEBIJAKAN, True),
        (HKLM, TRUSTED_KEBIJAKAN, True),
        (HKCU, TRUSTED, False),
    ):
        for sub in sistem.daftar_subkunci(hive, induk):
            nilai = sistem.daftar_nilai(hive, f"{induk}\\{sub}")
            path = nilai.get("Path")
            if isinstance(path, str) and path.strip():
                hasil.append(
                    LokasiTepercaya(
                        hive,
                        f"{induk}\\{sub}",
                        path,
                        nilai.get("AllowSubfolders") in (1, "1"),
                        str(nilai.get("Description", "")),
                        kebijakan,
                    )
                )
    return hasil


def cari_lokasi(sistem: SistemWindows, folder: Path | str) -> LokasiTepercaya | None:
    """The Trusted Location that covers `folder` (itself, or a parent with AllowSubfolders)."""
    f = _norm(folder)
    for lok in lokasi_tepercaya(sistem):
        p = _norm(lok.path)
        if f == p or (lok.subfolder and f.startswith(p + "\\")):
            return lok
    return None


def daftarkan_lokasi(sistem: SistemWindows, folder: Path, sekarang: datetime) -> str | None:
    """Register `folder` for the current user; the new key, or None when already trusted."""
    if cari_lokasi(sistem, folder):
        return None
    nomor = [
        int(m.group(1))
        for s in sistem.daftar_subkunci(HKCU, TRUSTED)
        if (m := re.fullmatch(r"Location(\d+)", s, re.I))
    ]
    kunci = f"{TRUSTED}\\Location{max(nomor, default=-1) + 1}"
    sistem.tulis_nilai(HKCU, kunci, "Path", str(folder).rstrip("\\/") + "\\")
    sistem.tulis_nilai(HKCU, kunci, "AllowSubfolders", 1)
    sistem.tulis_nilai(HKCU, kunci, "Description", DESKRIPSI)
    sistem.tulis_nilai(HKCU, kunci, "Date", sekarang.strftime("%d/%m/%Y %H:%M"))
    return kunci


def hapus_lokasi_pyxl(sistem: SistemWindows) -> list[str]:
    """Delete the Trusted Location entries this installer made; the deleted keys."""
    hapus = [
        lok.kunci
        for lok in lokasi_tepercaya(sistem)
        if not lok.kebijakan and lok.deskripsi == DESKRIPSI
    ]
    for kunci in hapus:
        sistem.hapus_kunci(HKCU, kunci)
    return hapus


def zona(teks: str | None) -> int | None:
    """ZoneId of a `Zone.Identifier` stream: 3 internet, 4 restricted; None when absent."""
    if not teks:
        return None
    m = re.search(r"^\s*ZoneId\s*=\s*(\d+)", teks, re.M | re.I)
    return int(m.group(1)) if m else None


def buang_motw_folder(sistem: SistemWindows, folder: Path) -> int:
    """Remove the Mark of the Web from every file under `folder`; how many had one."""
    return sum(sistem.buang_motw(f) for f in sorted(folder.rglob("*")) if f.is_file())


# --- paths ----------------------------------------------------------------------------------


def venv_bawaan(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    akar = env.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    return Path(akar) / "pyxl" / "venv"


def folder_kerja_bawaan(env: Mapping[str, str] | None = None) -> Path:
    # Not Documents: OneDrive often redirects it, and xlwings then sees a web address.
    env = os.environ if env is None else env
    return Path(env.get("USERPROFILE") or str(Path.home())) / "Kinerja"


def python_venv(venv: Path, jendela: bool | None = None, berjendela: bool = False) -> Path:
    """The environment's interpreter; `berjendela` = pythonw.exe (no console window)."""
    jendela = os.name == "nt" if jendela is None else jendela
    if jendela:
        return venv / "Scripts" / ("pythonw.exe" if berjendela else "python.exe")
    return venv / "bin" / "python"


def nilai_interpreter(
    venv: Path, env: Mapping[str, str] | None = None, jendela: bool | None = None
) -> str:
    """What goes into INTERPRETER_WIN: pythonw.exe of the environment. Under the default
    %LOCALAPPDATA% it is written with the variable (xlwings expands it), so a working folder
    shared by several staff works for each of them once each has run PASANG.bat."""
    env = os.environ if env is None else env
    jendela = os.name == "nt" if jendela is None else jendela
    exe = python_venv(venv, jendela, berjendela=True)
    lokal = env.get("LOCALAPPDATA")
    if jendela and lokal:
        with contextlib.suppress(ValueError):
            sisa = PureWindowsPath(str(exe)).relative_to(PureWindowsPath(lokal))
            return f"%LOCALAPPDATA%\\{sisa}"
    return str(exe)


# --- installing -----------------------------------------------------------------------------


Pelaksana = Callable[[Sequence[str]], int]
"""Runs one command, its output going to the console; returns the exit status."""


def env_pip() -> dict[str, str]:
    """The environment for pip: no pip settings of this PC (a configured index, a constraint
    file) may change an offline installation."""
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("PIP_")}
    env["PIP_CONFIG_FILE"] = os.devnull
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def jalankan_perintah(perintah: Sequence[str]) -> int:
    return subprocess.run(list(perintah), env=env_pip(), check=False).returncode


def _daftar(man: Mapping[str, object], kunci: str) -> list[str]:
    nilai = man.get(kunci)
    return [str(v) for v in nilai] if isinstance(nilai, list) else []


@dataclass
class Pemasang:
    """One installation or removal; every Windows call goes through `sistem`."""

    paket: Path
    sistem: SistemWindows
    venv: Path
    folder_kerja: Path
    lapor: Callable[[str], None] = print
    jalankan: Pelaksana = jalankan_perintah
    sekarang: Callable[[], datetime] = datetime.now
    venv_sistem: bool = False
    """Tests only: let the environment see this machine's packages (no download, no build)."""
    dengan_pip: bool = True
    langkah: list[str] = field(default_factory=list)

    def _lapor(self, nomor: int, dari: int, pesan: str) -> None:
        teks = f"[{nomor}/{dari}] {pesan}"
        self.langkah.append(teks)
        self.lapor(teks)

    def manifest(self) -> dict[str, object]:
        berkas = self.paket / NAMA_MANIFEST
        try:
            data: dict[str, object] = json.loads(berkas.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise PasangError(
                f"{berkas} tidak ada atau rusak: paket tidak lengkap. Salin ulang seluruh "
                "folder paket (buat dengan: pyxl paket FOLDER)."
            ) from exc
        return data

    def pasang(self) -> int:
        n = 9
        man = self.manifest()
        versi_py = f"{sys.version_info.major}.{sys.version_info.minor}"
        didukung = _daftar(man, "python")
        self._lapor(1, n, f"Memeriksa paket pyxl {man.get('pyxl')} untuk Python {versi_py}")
        if versi_py not in didukung:
            raise PasangError(
                f"Python {versi_py} ({sys.executable}) tidak didukung paket ini "
                f"(hanya Python {', '.join(didukung)}). Pasang salah satunya dari python.org "
                "lalu jalankan PASANG.bat lagi."
            )
        wheelhouse = self.paket / WHEELHOUSE
        if not any(wheelhouse.glob("pyxl-*.whl")):
            raise PasangError(f"{wheelhouse} tidak berisi roda pyxl: paket tidak lengkap.")

        jumlah = buang_motw_folder(self.sistem, self.paket)
        self._lapor(
            2,
            n,
            f'Tanda "berasal dari internet" dihapus dari {jumlah} berkas paket di {self.paket}',
        )

        self._lapor(3, n, f"Membuat lingkungan Python pribadi di {self.venv}")
        self._buat_venv()
        py = python_venv(self.venv)

        self._lapor(4, n, f"Memasang pyxl dan pustakanya dari {wheelhouse} (tanpa internet)")
        kode = self.jalankan(
            [
                str(py),
                "-m",
                "pip",
                "install",
                "--no-index",
                "--find-links",
                str(wheelhouse),
                "--only-binary=:all:",
                "--no-warn-script-location",
                f"pyxl=={man.get('pyxl')}",
            ]
        )
        if kode != 0:
            raise PasangError(
                f"pip gagal memasang pyxl (kode {kode}); lihat pesan di atas. Paket mungkin "
                "dibuat untuk versi Python lain: buat ulang dengan pyxl paket."
            )

        master = self._folder_kerja(man)
        self._lapor(5, n, f"Folder kerja siap: {self.folder_kerja}")

        # A master kept from an earlier release is brought to this one's structure and buttons
        # (a current one is left untouched), before anything else writes into it.
        self._lapor(6, n, f"Memeriksa struktur {master.name} (pyxl perbarui)")
        kode = self.jalankan([str(py), "-m", "pyxl", "perbarui", "--workbook", str(master)])
        if kode != 0:
            raise PasangError(
                f"{master} tidak dapat diperbarui (kode {kode}); lihat pesan di atas. Tutup buku "
                "kerja itu di Excel lalu jalankan PASANG.bat lagi."
            )

        nilai = nilai_interpreter(self.venv)
        self._lapor(7, n, f"INTERPRETER_WIN di sheet xlwings.conf diisi: {nilai}")
        kode = self.jalankan(
            [str(py), "-m", "pyxl.pasang.pemasang", "--tulis-interpreter", str(master), nilai]
        )
        if kode != 0:
            raise PasangError(
                f"Jalur Python tidak dapat ditulis ke {master} (kode {kode}). Tutup buku kerja "
                "itu di Excel lalu jalankan PASANG.bat lagi."
            )

        kunci = daftarkan_lokasi(self.sistem, self.folder_kerja, self.sekarang())
        lok = cari_lokasi(self.sistem, self.folder_kerja)
        self._lapor(
            8,
            n,
            f"Folder kerja didaftarkan sebagai Trusted Location Excel (HKCU\\{kunci})"
            if kunci
            else f"Folder kerja sudah tepercaya di Excel ({lok.path if lok else '?'}); "
            "tidak ada yang ditambahkan",
        )
        self._tulis_penanda(kunci)

        jumlah = buang_motw_folder(self.sistem, self.folder_kerja)
        self._lapor(
            9, n, f'Tanda "berasal dari internet" dihapus dari {jumlah} berkas folder kerja'
        )

        self.lapor("")
        self.lapor("Pemeriksaan akhir (pyxl cek):")
        kode = self.jalankan([str(py), "-m", "pyxl", "cek", "--workbook", str(master)])
        self.lapor("")
        if kode == 0:
            self.lapor(
                f"Pemasangan selesai. Buka {master} di Excel lalu klik tombol di sheet Kendali."
            )
        else:
            self.lapor(
                "Pemasangan selesai, tetapi pyxl cek menemukan masalah di atas. Perbaiki sesuai "
                "pesannya (bagian untuk IT menyebut apa yang harus diubah), lalu jalankan "
                "PASANG.bat lagi."
            )
        return 0 if kode == 0 else 1

    def _buat_venv(self) -> None:
        if self.venv.exists():
            if not (self.venv / NAMA_PENANDA).exists():
                raise PasangError(
                    f"Folder {self.venv} sudah ada tetapi bukan buatan pemasang pyxl; tidak "
                    "akan ditimpa. Pilih folder lain dengan --venv."
                )
            try:
                shutil.rmtree(self.venv)
            except OSError as exc:
                raise PasangError(
                    f"Lingkungan lama {self.venv} tidak dapat dihapus ({exc}). Tutup Excel "
                    "(tombol pyxl mungkin sedang berjalan) lalu ulangi."
                ) from exc
        import venv

        self.venv.parent.mkdir(parents=True, exist_ok=True)
        venv.EnvBuilder(
            with_pip=self.dengan_pip, system_site_packages=self.venv_sistem, clear=True
        ).create(self.venv)
        # mark it at once: a failed installation can still be removed with HAPUS.bat
        self._tulis_penanda(None)

    def _tulis_penanda(self, kunci: str | None) -> None:
        data = {
            "folder_kerja": str(self.folder_kerja),
            "trusted_location": kunci,
            "python": sys.executable,
            "dipasang": self.sekarang().isoformat(timespec="seconds"),
        }
        (self.venv / NAMA_PENANDA).write_text(json.dumps(data, indent=2), encoding="utf-8")

    def _folder_kerja(self, man: Mapping[str, object]) -> Path:
        awal = self.paket / FOLDER_AWAL
        nama_master = str(man.get("master", NAMA_MASTER))
        master = self.folder_kerja / nama_master
        self.folder_kerja.mkdir(parents=True, exist_ok=True)
        for nama in _daftar(man, "folder"):
            (self.folder_kerja / nama).mkdir(exist_ok=True)
        for sumber in sorted(awal.rglob("*")):
            tujuan = self.folder_kerja / sumber.relative_to(awal)
            if sumber.is_dir():
                tujuan.mkdir(exist_ok=True)
            elif tujuan.exists():
                if tujuan == master:
                    self.lapor(f"      {master.name} sudah ada: dipakai apa adanya, tidak ditimpa.")
            else:
                sementara = tujuan.with_name(f".{tujuan.name}.pasang.tmp")
                shutil.copyfile(sumber, sementara)
                os.replace(sementara, tujuan)
        if not master.exists():
            raise PasangError(f"{awal / nama_master} tidak ada di paket: paket tidak lengkap.")
        return master

    def hapus(self) -> int:
        n = 3
        dihapus = hapus_lokasi_pyxl(self.sistem)
        self._lapor(
            1,
            n,
            "Trusted Location buatan pyxl dihapus: " + ", ".join(f"HKCU\\{k}" for k in dihapus)
            if dihapus
            else "Tidak ada Trusted Location buatan pyxl",
        )
        penanda = self.venv / NAMA_PENANDA
        folder_kerja = self.folder_kerja
        if penanda.exists():
            with contextlib.suppress(OSError, ValueError):
                folder_kerja = Path(json.loads(penanda.read_text(encoding="utf-8"))["folder_kerja"])
            try:
                shutil.rmtree(self.venv)
            except OSError as exc:
                raise PasangError(
                    f"{self.venv} tidak dapat dihapus ({exc}). Tutup Excel lalu ulangi HAPUS.bat."
                ) from exc
            self._lapor(2, n, f"Lingkungan Python {self.venv} dihapus")
        elif self.venv.exists():
            self._lapor(
                2, n, f"{self.venv} bukan buatan pemasang pyxl (tanpa {NAMA_PENANDA}): dibiarkan"
            )
        else:
            self._lapor(2, n, f"Lingkungan Python {self.venv} memang tidak ada")
        self._lapor(
            3,
            n,
            f"Folder kerja {folder_kerja} TIDAK dihapus: berisi data kinerja dan arsip. "
            "Hapus sendiri bila sudah tidak diperlukan (setelah diarsipkan).",
        )
        return 0


def tulis_interpreter(master: Path, nilai: str) -> None:
    """INTERPRETER_WIN in the workbook's `xlwings.conf` sheet (keys in A from A1, values in B).

    The sheet wins over an `xlwings.conf` file beside the workbook: xlwings takes a key that
    exists on the sheet even when its value is empty, so the sheet is where the path belongs.
    Needs pyxl (run with the environment's Python)."""
    from pyxl.buku.xlsm import buka
    from pyxl.galat import BukuError
    from pyxl.inti.sel import sebagai_teks
    from pyxl.kontrak import skema

    with buka(master) as buku:
        if skema.XLWINGS_CONF not in buku.nama_sheet():
            raise BukuError(f"{master} tidak mempunyai sheet {skema.XLWINGS_CONF}.")
        baris = buku.baca(skema.XLWINGS_CONF)
        kunci = [sebagai_teks(r[0]).upper() if r else "" for r in baris]
        nomor = kunci.index("INTERPRETER_WIN") + 1 if "INTERPRETER_WIN" in kunci else None
        if nomor is None:  # after the last key: xlwings stops reading at the first empty cell
            nomor = next((i + 1 for i, k in enumerate(kunci) if not k), len(kunci) + 1)
            buku.tulis(skema.XLWINGS_CONF, nomor, 1, [["INTERPRETER_WIN", nilai]])
        else:
            buku.tulis(skema.XLWINGS_CONF, nomor, 2, [[nilai]])
        buku.simpan()


# --- command line ---------------------------------------------------------------------------


@contextlib.contextmanager
def _pesan_galat() -> Iterator[None]:
    try:
        yield
    except PasangError as exc:
        print(f"\nGAGAL: {exc}", file=sys.stderr)
        raise SystemExit(1) from None


def main(argv: Sequence[str] | None = None, sistem: SistemWindows | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(
        prog="pasang.py",
        description="Memasang (atau menghapus) pyxl dari paket luring untuk Windows.",
    )
    ap.add_argument("--folder-kerja", type=Path, help="bawaan: %%USERPROFILE%%\\Kinerja")
    ap.add_argument("--venv", type=Path, help="bawaan: %%LOCALAPPDATA%%\\pyxl\\venv")
    ap.add_argument("--hapus", action="store_true", help="menghapus pemasangan (data tetap)")
    ap.add_argument("--tulis-interpreter", nargs=2, metavar=("BUKU", "NILAI"), help="internal")
    args = ap.parse_args(argv)
    if args.tulis_interpreter:
        from pyxl.galat import PyxlError

        try:
            tulis_interpreter(Path(args.tulis_interpreter[0]), args.tulis_interpreter[1])
        except PyxlError as exc:
            print(f"GAGAL: {exc}", file=sys.stderr)
            return 1
        return 0
    sistem = sistem or sistem_ini()
    if sistem is None:
        print("GAGAL: pemasang ini untuk Windows.", file=sys.stderr)
        return 1
    pemasang = Pemasang(
        paket=Path(__file__).resolve().parent,
        sistem=sistem,
        venv=args.venv or venv_bawaan(),
        folder_kerja=(args.folder_kerja or folder_kerja_bawaan()).resolve(),
    )
    with _pesan_galat():
        return pemasang.hapus() if args.hapus else pemasang.pasang()


if __name__ == "__main__":
    sys.exit(main())
