"""Is the master file whole? Its buttons, their macros, its VBA project and the hidden `Sistem`.

What another program's re-save can break without touching a value: LibreOffice keeps the
buttons on its first save and loses them on its second, and turns the very hidden `Sistem`
sheet (the stamp secret) into an ordinary hidden one. `pyxl cek` reports each problem (the fix
is `pyxl perbarui`, which rebuilds the file keeping every value), and `perbarui` uses the same
list to tell whether there is anything to do. Reads the file on disk (the saved workbook).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

from defusedxml.ElementTree import fromstring

from pyxl.kontrak import skema
from pyxl.kontrak.perintah import PERINTAH

_M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_SUB = re.compile(
    r"^[ \t]*(?:Public[ \t]+)?Sub[ \t]+(\w+)\(\)(.*?)^[ \t]*End[ \t]+Sub", re.M | re.S
)
_MAKRO = re.compile(r"<x:FmlaMacro>(?:\[0\]!)?(?:Tombol\.)?(\w+)</x:FmlaMacro>")


def _rels(z: zipfile.ZipFile, bagian: str) -> dict[str, str]:
    d, nama = posixpath.split(bagian)
    jalur = posixpath.join(d, "_rels", nama + ".rels")
    if jalur not in z.namelist():
        return {}
    hasil = {}
    for r in fromstring(z.read(jalur)).iter(f"{_REL}Relationship"):
        target = r.get("Target", "")
        hasil[r.get("Id", "")] = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(d, target))
        )
    return hasil


def periksa_berkas_master(berkas: Path) -> list[str]:
    """The problems of the master file (Indonesian, one each); empty when it is whole."""
    from pyxl.berkas.ovba import read_vba_modules

    try:
        z = zipfile.ZipFile(berkas)
    except (OSError, zipfile.BadZipFile) as exc:
        return [f"berkas tidak dapat dibaca ({exc})"]
    with z:
        wb = fromstring(z.read("xl/workbook.xml"))
        rels = _rels(z, "xl/workbook.xml")
        lembar = {
            s.get("name", ""): (rels.get(s.get(f"{_R}id", ""), ""), s.get("state", "visible"))
            for s in wb.iter(f"{_M}sheet")
        }
        masalah = []
        sistem = lembar.get(skema.SISTEM)
        if sistem is not None and sistem[1] != "veryHidden":
            masalah.append(
                f"sheet {skema.SISTEM} (rahasia stempel) tidak lagi sangat tersembunyi "
                "(disimpan ulang oleh program lain)"
            )
        if "xl/vbaProject.bin" not in z.namelist():
            return [*masalah, "proyek VBA (makro tombol) tidak ada"]
        try:
            modul = read_vba_modules(z.read("xl/vbaProject.bin"))
        except (ValueError, KeyError) as exc:
            return [*masalah, f"proyek VBA tidak dapat dibaca ({exc})"]
        sub = {m[1]: m[2] for m in _SUB.finditer(modul.get("Tombol", ""))}
        if not any(
            "Function RunPython" in kode or "Sub RunPython" in kode for kode in modul.values()
        ):
            masalah.append("modul xlwings (RunPython) tidak ada di proyek VBA")
        kurang_sub = [
            p.sub for p in PERINTAH if f"pyxl.tombol.{p.nama}()" not in sub.get(p.sub, "")
        ]
        if kurang_sub:
            masalah.append(f"makro {', '.join(kurang_sub)} tidak ada di modul VBA Tombol")
        tombol: set[str] = set()
        kendali, _ = lembar.get(skema.KENDALI, ("", ""))
        if kendali:
            akar = fromstring(z.read(kendali))
            for lg in akar.iter(f"{_M}legacyDrawing"):
                vml = _rels(z, kendali).get(lg.get(f"{_R}id", ""), "")
                if vml in z.namelist():
                    tombol |= set(_MAKRO.findall(z.read(vml).decode("utf-8", "replace")))
        kurang = [p.judul for p in PERINTAH if p.sub not in tombol]
        if kurang:
            masalah.append(
                f"{len(kurang)} tombol di sheet {skema.KENDALI} hilang atau tidak terhubung ke "
                f"makronya ({', '.join(kurang[:4])}{' …' if len(kurang) > 4 else ''})"
            )
        return masalah
