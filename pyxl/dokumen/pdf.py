"""A PDF of a Word document: through Word (docx2pdf) on Windows, else LibreOffice headless."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pyxl.berkas.tulis import galat_tulis

BATAS_WAKTU_PDF = 180
"""Seconds LibreOffice may take to convert the document."""


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
        profil = (Path(tmp) / "profil").as_uri()  # private profile: no clash with an open LO
        perintah = [exe, "--headless", "--norestore", f"-env:UserInstallation={profil}"]
        perintah += ["--convert-to", "pdf", "--outdir", tmp, str(docx)]
        try:
            proses = subprocess.run(
                perintah, capture_output=True, text=True, timeout=BATAS_WAKTU_PDF, check=False
            )
        except subprocess.TimeoutExpired:
            return None, f"LibreOffice tidak selesai dalam {BATAS_WAKTU_PDF} detik"
        except OSError as exc:
            return None, f"LibreOffice tidak dapat dijalankan ({exc})"
        hasil = Path(tmp) / f"{docx.stem}.pdf"
        if not hasil.exists():
            pesan = (proses.stderr or proses.stdout).strip()[:200]
            return None, f"LibreOffice gagal membuat PDF ({pesan or f'kode {proses.returncode}'})"
        try:
            shutil.move(hasil, tujuan)
        except OSError as exc:  # a full disk is not "no converter": the approval stops
            tujuan.unlink(missing_ok=True)
            raise galat_tulis(exc, tujuan, "PDF") from exc
    return tujuan, ""
