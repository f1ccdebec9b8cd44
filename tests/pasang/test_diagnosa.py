"""`pyxl cek` names each field failure of button workbooks with its own message and remedy.

The Windows side (registry, Mark of the Web) is an in-memory `WindowsTiruan` holding the same
keys and values Office, Group Policy and Defender write, so every failure runs on any machine.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from pyxl.buku.xlsm import buka
from pyxl.cli import main
from pyxl.kontrak import skema
from pyxl.pasang.diagnosa import (
    ASR_GUID,
    DILEWATI,
    GAGAL,
    OK,
    PERINGATAN,
    Temuan,
    _periksa_tepercaya,
    baca_conf_berkas,
    periksa,
)
from pyxl.pasang.pemasang import (
    HKCU,
    HKLM,
    KEAMANAN_EXCEL,
    KEAMANAN_EXCEL_KEBIJAKAN,
    TRUSTED,
    TRUSTED_KEBIJAKAN,
    WindowsTiruan,
    tulis_interpreter,
)

ASR_GPO = r"SOFTWARE\Policies\Microsoft\Windows Defender\Windows Defender Exploit Guard\ASR"
ASR_LOKAL = r"SOFTWARE\Microsoft\Windows Defender\Windows Defender Exploit Guard\ASR"
MDM = r"SOFTWARE\Microsoft\PolicyManager\current\device\Defender"


def _percaya(w: WindowsTiruan, folder: Path | str, n: int = 5, sub: bool = True) -> None:
    w.tulis_nilai(HKCU, rf"{TRUSTED}\Location{n}", "Path", f"{folder}\\")
    w.tulis_nilai(HKCU, rf"{TRUSTED}\Location{n}", "AllowSubfolders", int(sub))


@pytest.fixture
def siap(master: Path) -> Path:
    """The sample master with INTERPRETER_WIN pointing at a Python that exists."""
    tulis_interpreter(master, sys.executable)
    return master


@pytest.fixture
def sehat(siap: Path) -> WindowsTiruan:
    """A Windows on which the buttons work: the working folder is trusted, nothing else set."""
    w = WindowsTiruan()
    _percaya(w, siap.parent)
    return w


def _cek(master: Path, w: WindowsTiruan | None) -> dict[str, Temuan]:
    with buka(master, hanya_baca=True) as buku:
        return {t.hal: t for t in periksa(buku, master, sistem=w)}


def test_a_working_windows_passes_every_windows_check(siap: Path, sehat: WindowsTiruan) -> None:
    t = _cek(siap, sehat)
    for hal in (
        "Interpreter",
        "Trusted Location",
        "Makro Excel",
        "Mark of the Web",
        "Aturan ASR Defender",
    ):
        assert t[hal].tingkat == OK, t[hal]
    assert t["Interpreter"].pesan == f"{sys.executable}, dari sheet xlwings.conf"
    assert "tepercaya melalui" in t["Trusted Location"].pesan
    assert not [x for x in t.values() if x.tingkat == GAGAL]


def test_each_failure_has_its_own_message(siap: Path, sehat: WindowsTiruan, tmp_path: Path) -> None:
    """One simulated failure at a time; each is reported, and no two messages are alike."""
    hasil: dict[str, Temuan] = {}

    def kasus(nama: str, hal: str, w: WindowsTiruan, berkas: Path = siap) -> Temuan:
        hasil[nama] = _cek(berkas, w)[hal]
        assert hasil[nama].tingkat in (GAGAL, PERINGATAN), (nama, hasil[nama])
        return hasil[nama]

    def baru() -> WindowsTiruan:
        w = WindowsTiruan()
        _percaya(w, siap.parent)
        return w

    # the interpreter xlwings would start does not exist
    tulis_interpreter(siap, str(tmp_path / "tidak-ada" / "pythonw.exe"))
    t = kasus("interpreter hilang", "Interpreter", sehat)
    assert t.tingkat == GAGAL and "Could not find Interpreter" in t.pesan
    assert "sheet xlwings.conf" in t.pesan
    tulis_interpreter(siap, sys.executable)

    # not trusted
    t = kasus("tidak tepercaya", "Trusted Location", WindowsTiruan())
    assert t.tingkat == GAGAL and "bukan Trusted Location" in t.pesan and "Trust Center" in t.pesan
    # trusted through a parent that does not allow subfolders: still not trusted
    w = WindowsTiruan()
    _percaya(w, siap.parent.parent, sub=False)
    assert _cek(siap, w)["Trusted Location"].tingkat == GAGAL
    # all Trusted Locations switched off by policy
    w = baru()
    w.tulis_nilai(HKCU, TRUSTED_KEBIJAKAN, "AllLocationsDisabled", 1)
    t = kasus("semua lokasi dimatikan", "Trusted Location", w)
    assert t.tingkat == GAGAL and "AllLocationsDisabled" in t.pesan
    # user locations not accepted by policy
    w = baru()
    w.tulis_nilai(
        HKCU,
        r"Software\Policies\Microsoft\Office\16.0\Common\Security\Trusted Locations",
        "Allow User Locations",
        0,
    )
    t = kasus("lokasi pengguna ditolak", "Trusted Location", w)
    assert t.tingkat == GAGAL and "Kebijakan Grup" in t.pesan
    # ... but a location from policy is accepted
    w.tulis_nilai(HKCU, rf"{TRUSTED_KEBIJAKAN}\Location1", "Path", f"{siap.parent}\\")
    assert _cek(siap, w)["Trusted Location"].tingkat == OK

    # macros
    untrusted = WindowsTiruan()
    untrusted.tulis_nilai(HKCU, KEAMANAN_EXCEL, "VBAWarnings", 4)
    t = kasus("makro mati tanpa pemberitahuan", "Makro Excel", untrusted)
    assert t.tingkat == GAGAL and "VBAWarnings = 4" in t.pesan
    w = WindowsTiruan()
    w.tulis_nilai(HKCU, KEAMANAN_EXCEL, "VBAWarnings", 3)
    t = kasus("makro hanya bertanda tangan", "Makro Excel", w)
    assert t.tingkat == GAGAL and "tanda tangan digital" in t.pesan
    t = kasus("makro dengan pemberitahuan", "Makro Excel", WindowsTiruan())
    assert t.tingkat == PERINGATAN and "Enable Content" in t.pesan
    w = WindowsTiruan()
    w.tulis_nilai(HKCU, KEAMANAN_EXCEL, "VBAWarnings", 1)
    w.tulis_nilai(HKCU, KEAMANAN_EXCEL_KEBIJAKAN, "VBAWarnings", 4)
    t = kasus("makro mati oleh kebijakan", "Makro Excel", w)
    assert t.tingkat == GAGAL and "kebijakan IT" in t.pesan, "policy wins over the user"
    w = baru()
    w.tulis_nilai(HKCU, r"Software\Policies\Microsoft\Office\16.0\Common", "vbaoff", 1)
    t = kasus("VBA dimatikan", "Makro Excel", w)
    assert t.tingkat == GAGAL and "vbaoff" in t.pesan
    # in a Trusted Location, "disabled without notification" still runs the buttons
    w = baru()
    w.tulis_nilai(HKCU, KEAMANAN_EXCEL, "VBAWarnings", 4)
    assert _cek(siap, w)["Makro Excel"].tingkat == OK

    # Mark of the Web on the master
    w = WindowsTiruan()
    w.tandai_internet(siap)
    t = kasus("MOTW, tidak tepercaya", "Mark of the Web", w)
    assert t.tingkat == GAGAL and "ZoneId=3" in t.pesan and "Unblock-File" in t.pesan
    w = baru()
    w.tandai_internet(siap, zona=3)
    t = kasus("MOTW, tepercaya", "Mark of the Web", w)
    assert t.tingkat == PERINGATAN
    w = baru()
    w.tandai_internet(siap, zona=1)  # intranet: no block
    assert _cek(siap, w)["Mark of the Web"].tingkat == OK

    # Defender ASR rule: Office may not start programs
    w = baru()
    w.tulis_nilai(HKLM, rf"{ASR_GPO}\Rules", ASR_GUID.upper(), "1")
    t = kasus("ASR blokir (GPO)", "Aturan ASR Defender", w)
    assert t.tingkat == GAGAL and "Kebijakan Grup" in t.pesan
    assert f'-AttackSurfaceReductionOnlyExclusions "{sys.executable}"' in t.pesan
    assert ASR_GUID in t.pesan and "1121" in t.pesan
    w = baru()
    w.tulis_nilai(HKLM, rf"{ASR_LOKAL}\Rules", ASR_GUID, 1)
    t = kasus("ASR blokir (lokal)", "Aturan ASR Defender", w)
    assert t.tingkat == GAGAL and "Set-MpPreference" in t.pesan
    w = baru()
    w.tulis_nilai(HKLM, MDM, "AttackSurfaceReductionRules", f"aaaa=2|{ASR_GUID}=1")
    t = kasus("ASR blokir (Intune)", "Aturan ASR Defender", w)
    assert t.tingkat == GAGAL and "Intune" in t.pesan
    w = baru()
    w.tulis_nilai(HKLM, rf"{ASR_GPO}\Rules", ASR_GUID, "6")
    t = kasus("ASR warn", "Aturan ASR Defender", w)
    assert t.tingkat == PERINGATAN and "mode Warn" in t.pesan
    w = baru()
    w.tulis_nilai(HKLM, rf"{ASR_GPO}\Rules", ASR_GUID, "1")
    w.tulis_nilai(HKLM, rf"{ASR_GPO}\ASROnlyExclusions", str(Path(sys.executable).parent), "0")
    t = kasus("ASR blokir dengan pengecualian", "Aturan ASR Defender", w)
    assert t.tingkat == PERINGATAN and "pengecualian" in t.pesan
    w = baru()
    w.terlarang.add((HKLM, (rf"{ASR_GPO}\Rules").lower()))
    t = kasus("ASR tidak terbaca", "Aturan ASR Defender", w)
    assert "tidak dapat dibaca" in t.pesan
    w = baru()
    w.tulis_nilai(HKLM, rf"{ASR_GPO}\Rules", ASR_GUID, "2")
    t_audit = _cek(siap, w)["Aturan ASR Defender"]
    assert t_audit.tingkat == OK and "Audit" in t_audit.pesan

    pesan = [t.pesan for t in hasil.values()]
    assert len(set(pesan)) == len(pesan) == 17


def test_a_vba_module_of_another_xlwings_version_is_named(master: Path, tmp_path: Path) -> None:
    from pyxl.bangun.master import modul_vba
    from pyxl.berkas.ovba import VbaModule, build_vba_project

    mods = [
        VbaModule(m.name, m.kind, m.source.replace("'Version: 0.37.8", "'Version: 0.36.0"))
        for m in modul_vba(openpyxl.load_workbook(master, read_only=True).sheetnames)
    ]
    lama = master.with_name("lama.xlsm")
    with zipfile.ZipFile(master) as zin, zipfile.ZipFile(lama, "w") as zout:
        for item in zin.infolist():
            data = build_vba_project(mods) if item.filename == "xl/vbaProject.bin" else None
            zout.writestr(item, data or zin.read(item))
    t = _cek(lama, WindowsTiruan())["Modul VBA xlwings"]
    assert t.tingkat == GAGAL and "versi 0.36.0, paket Python 0.37.8" in t.pesan


def test_an_xlwings_conf_file_beside_the_workbook_is_read_as_xlwings_reads_it(
    siap: Path, sehat: WindowsTiruan
) -> None:
    berkas = siap.with_name("xlwings.conf")
    berkas.write_text('"INTERPRETER_WIN","C:\\lain\\pythonw.exe"\n', encoding="utf-8")
    assert baca_conf_berkas(berkas) == {"INTERPRETER_WIN": r"C:\lain\pythonw.exe"}
    t = _cek(siap, sehat)
    assert t["Berkas xlwings.conf"].tingkat == PERINGATAN
    assert "mengabaikannya" in t["Berkas xlwings.conf"].pesan
    assert t["Interpreter"].tingkat == OK, "the sheet's value is the one used"

    # an empty value on the sheet falls back to the old key INTERPRETER, from the file
    tulis_interpreter(siap, "")
    berkas.write_text(f'"INTERPRETER","{sys.executable}"\n', encoding="utf-8")
    t = _cek(siap, sehat)
    assert t["Interpreter"].tingkat == OK
    assert t["Interpreter"].pesan == f"{sys.executable}, dari berkas {berkas}"


def test_environment_variables_in_the_interpreter_path_are_expanded(
    siap: Path, sehat: WindowsTiruan, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYXLUJI", str(Path(sys.executable).parent))
    nilai = f"%pyxluji%/{Path(sys.executable).name}"
    tulis_interpreter(siap, nilai)
    t = _cek(siap, sehat)["Interpreter"]
    assert t.tingkat == OK and t.pesan.startswith(f"{nilai} (= {Path(sys.executable).parent}")


def test_a_network_folder_needs_network_locations_allowed() -> None:
    folder = Path(r"\\server\bersama\Kinerja")
    w = WindowsTiruan()
    _percaya(w, r"\\server\bersama")
    t, tepercaya = _periksa_tepercaya(w, folder)
    assert t.tingkat == GAGAL and "AllowNetworkLocations" in t.pesan and not tepercaya
    w.tulis_nilai(HKCU, TRUSTED, "AllowNetworkLocations", 1)
    t, tepercaya = _periksa_tepercaya(w, folder)
    assert t.tingkat == OK and tepercaya


def test_elsewhere_the_windows_checks_are_skipped_not_failed(
    master: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    t = _cek(master, None)
    for hal in ("Trusted Location", "Makro Excel", "Mark of the Web", "Aturan ASR Defender"):
        assert t[hal].tingkat == DILEWATI and "hanya diperiksa di Windows" in t[hal].pesan
    if sys.platform != "win32":
        assert main(["cek", "--workbook", str(master)]) == 0
        out = capsys.readouterr().out
        assert "[DILEWATI  ] Aturan ASR Defender: dilewati" in out


def test_without_a_workbook_the_machine_wide_windows_checks_still_run(tmp_path: Path) -> None:
    w = WindowsTiruan()
    w.tulis_nilai(HKLM, rf"{ASR_GPO}\Rules", ASR_GUID, "1")
    t = {x.hal: x for x in periksa(None, tmp_path / skema.NAMA_MASTER, sistem=w)}
    assert t["Buku kerja"].tingkat == GAGAL
    assert t["Aturan ASR Defender"].tingkat == GAGAL
    assert "Trusted Location" not in t
