"""A PDF of a Word document: through Word (docx2pdf) on Windows, else LibreOffice headless.

LibreOffice's plain `--convert-to pdf` prints fields as they were saved, so a table of contents
written by pyxl (which cannot know page numbers) would stay empty. The conversion therefore runs
a small Basic macro in a private LibreOffice profile: it opens the document, updates every index
(the table of contents gets its entries and page numbers) and exports the PDF. Should that
profile not take the macro (another LibreOffice layout), the plain conversion is used.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pyxl.berkas.tulis import galat_tulis

BATAS_WAKTU_PDF = 180
"""Seconds LibreOffice may take to convert the document."""

_MAKRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1"
 script:language="StarBasic">
Sub Ekspor(masuk As String, keluar As String)
  On Error Goto Gagal
  Dim buka(0) As New com.sun.star.beans.PropertyValue
  buka(0).Name = &quot;Hidden&quot;
  buka(0).Value = True
  doc = StarDesktop.loadComponentFromURL(masuk, &quot;_blank&quot;, 0, buka())
  daftar = doc.getDocumentIndexes()
  For i = 0 To daftar.getCount() - 1
    daftar.getByIndex(i).update()
  Next i
  Dim simpan(0) As New com.sun.star.beans.PropertyValue
  simpan(0).Name = &quot;FilterName&quot;
  simpan(0).Value = &quot;writer_pdf_Export&quot;
  doc.storeToURL(keluar, simpan())
Gagal:
  If Not IsNull(doc) And Not IsEmpty(doc) Then doc.close(True)
End Sub
</script:module>
"""
"""Basic module of the private profile: open hidden, update indexes, export PDF, close."""


def _jalankan(perintah: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        perintah, capture_output=True, text=True, timeout=BATAS_WAKTU_PDF, check=False
    )


def _dengan_makro(awal: list[str], profil: Path) -> bool:
    """Make the private profile and put `_MAKRO` in its Basic library; False when this
    LibreOffice does not lay its profile out as expected."""
    _jalankan([*awal, "--terminate_after_init"])
    modul = profil / "user" / "basic" / "Standard" / "Module1.xba"
    if not modul.is_file():
        return False
    modul.write_text(_MAKRO, encoding="utf-8")
    return True


def buat_pdf(docx: Path) -> tuple[Path | None, str]:
    """The PDF next to `docx` via Word (docx2pdf, Windows) or LibreOffice: (pdf, "") or
    (None, the reason in Indonesian)."""
    tujuan = docx.with_suffix(".pdf")
    if tujuan.exists():
        return None, f"{tujuan.name} sudah ada dan tidak ditimpa"
    if sys.platform == "win32":
        try:
            from docx2pdf import convert
        except ImportError:
            pass
        else:
            try:
                convert(str(docx), str(tujuan))
            except Exception as exc:  # Word's COM errors have no common base class
                return None, f"Microsoft Word gagal membuat PDF ({exc})"
            if tujuan.exists():
                return tujuan, ""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        return None, "Microsoft Word (docx2pdf) maupun LibreOffice (soffice) tidak ditemukan"
    with tempfile.TemporaryDirectory() as tmp:
        profil = Path(tmp) / "profil"  # private profile: no clash with an open LibreOffice
        awal = [exe, "--headless", "--norestore", f"-env:UserInstallation={profil.as_uri()}"]
        hasil = Path(tmp) / f"{docx.stem}.pdf"
        try:
            if _dengan_makro(awal, profil):
                masuk, keluar = docx.resolve().as_uri(), hasil.as_uri()
                proses = _jalankan(
                    [*awal, f'macro:///Standard.Module1.Ekspor("{masuk}","{keluar}")']
                )
            if not hasil.exists():
                proses = _jalankan([*awal, "--convert-to", "pdf", "--outdir", tmp, str(docx)])
        except subprocess.TimeoutExpired:
            return None, f"LibreOffice tidak selesai dalam {BATAS_WAKTU_PDF} detik"
        except OSError as exc:
            return None, f"LibreOffice tidak dapat dijalankan ({exc})"
        if not hasil.exists():
            pesan = (proses.stderr or proses.stdout).strip()[:200]
            return None, f"LibreOffice gagal membuat PDF ({pesan or f'kode {proses.returncode}'})"
        try:
            shutil.move(hasil, tujuan)
        except OSError as exc:  # a full disk is not "no converter": the approval stops
            tujuan.unlink(missing_ok=True)
            raise galat_tulis(exc, tujuan, "PDF") from exc
    return tujuan, ""
