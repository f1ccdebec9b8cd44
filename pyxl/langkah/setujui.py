"""Steps 10–11 — approval by the Sekretaris Daerah: the final Dokumen IKU, without KONSEP.

Takes the latest KONSEP version in `Dokumen`, checks that the data is still what that draft was
written from (`Sidik Data`), renders the same version again without the mark as
`dokumen/Dokumen_IKU_<Tahun>_v<N>_final.docx`, converts it to PDF when Word (docx2pdf, Windows)
or LibreOffice is present, and records a FINAL row (approver, time, SHA-256, PDF). Without a
converter the approval is still recorded and the message says how to make the PDF by hand.
`persetujuan_basi` tells `pyxl status` when the data changed after the approval.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from pyxl.berkas.tulis import galat_tulis
from pyxl.buku.port import Baris
from pyxl.buku.tabel import baca_tabel, tambah_baris
from pyxl.galat import IsianError, PyxlError
from pyxl.inti import indo
from pyxl.inti.sel import sebagai_teks
from pyxl.jalan.konteks import Hasil, Konteks
from pyxl.kontrak import skema

KEDALUWARSA = "Kedaluwarsa"
"""Status of step 10 on `Kendali` when the data changed after the approval."""
BATAS_WAKTU_PDF = 180
"""Seconds LibreOffice may take to convert the document."""


def _versi(r: Baris) -> int:
    teks = sebagai_teks(r["Versi"])
    return int(teks) if teks.isdigit() else 0


def _terakhir(rows: list[Baris], status: str) -> Baris | None:
    cocok = [r for r in rows if sebagai_teks(r["Status"]).upper() == status]
    return max(cocok, key=lambda r: (_versi(r), r["_baris"])) if cocok else None


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


def persetujuan_basi(ktx: Konteks) -> str | None:
    """None while the latest approval still matches the data, else the reason (Indonesian)."""
    from pyxl.langkah.dokumen import FINAL, sidik_data

    if skema.DOKUMEN not in ktx.buku.nama_sheet():
        return None
    final = _terakhir(baca_tabel(ktx.buku, skema.DOKUMEN), FINAL)
    if final is None:
        return None
    try:
        if sidik_data(ktx) == sebagai_teks(final["Sidik Data"]):
            return None
    except PyxlError as exc:
        return f"data yang disetujui tidak dapat diperiksa: {exc}"
    return (
        f"Data kinerja berubah setelah Dokumen IKU versi {_versi(final)} disetujui "
        f"({sebagai_teks(final['Waktu Persetujuan'])}): persetujuan kedaluwarsa. Buat konsep baru "
        "(langkah 8–9, pyxl dokumen) lalu mintakan persetujuan lagi."
    )


def jalankan(ktx: Konteks, *, oleh: str | None = None, tanggal: str | None = None) -> Hasil:
    from pyxl.dokumen.word import cari_templat
    from pyxl.langkah import dokumen as dok
    from pyxl.langkah.undangan import baca_tanggal, sel_pengaturan

    peng = ktx.pengaturan()
    tahun = peng.tahun()
    penyetuju = (oleh or peng[dok.SEKDA]).strip()
    if not penyetuju:
        raise IsianError(
            f"Pengaturan '{dok.SEKDA}' masih kosong ({sel_pengaturan(ktx, dok.SEKDA)}): isi nama "
            "Sekretaris Daerah, atau sebutkan yang menyetujui dengan --oleh NAMA."
        )
    rows = baca_tabel(ktx.buku, skema.DOKUMEN)
    konsep = _terakhir(rows, dok.KONSEP)
    if konsep is None:
        raise IsianError(
            "Belum ada konsep Dokumen IKU di sheet Dokumen: jalankan langkah 8 (pyxl dokumen) "
            "dahulu."
        )
    versi = _versi(konsep)
    sudah = [
        r for r in rows if sebagai_teks(r["Status"]).upper() == dok.FINAL and _versi(r) == versi
    ]
    if sudah:
        raise IsianError(
            f"Konsep v{versi} sudah disetujui ({sebagai_teks(sudah[-1]['Berkas'])}). Untuk "
            "perubahan, buat versi baru dengan pyxl dokumen lalu setujui lagi."
        )
    sidik = dok.sidik_data(ktx)
    if sidik != sebagai_teks(konsep["Sidik Data"]):
        raise IsianError(
            f"Data berubah sejak konsep v{versi}; jalankan pyxl dokumen dahulu (langkah 8–9), "
            "periksa versi barunya, lalu setujui."
        )
    sekarang = ktx.jam()
    waktu = (
        datetime.combine(baca_tanggal(tanggal, "Opsi --tanggal"), sekarang.time())
        if tanggal
        else sekarang
    )
    folder = peng.folder(ktx.buku.folder, "Folder Dokumen")
    templat = cari_templat(ktx.buku.folder, dok.TEMPLAT)
    ktx.umpan.status(f"Langkah 10–11: menulis Dokumen IKU versi {versi} final …")
    konteks, png = dok.susun_konteks(ktx, peng, versi=versi, tanggal=waktu.date(), konsep=False)
    berkas = dok.tulis(templat, konteks, png, folder / dok.nama_berkas(tahun, versi, final=True))
    pdf: Path | None = None
    try:
        ktx.umpan.status("Langkah 10–11: membuat PDF …")
        pdf, alasan = buat_pdf(berkas)
        catatan = f"Dari konsep v{versi} ({sebagai_teks(konsep['Berkas'])})."
        rec = {"Versi": versi, "Waktu": sekarang, "Berkas": berkas.name, "Status": dok.FINAL}
        rec |= {"SHA-256": dok.sha256(berkas), "Sidik Data": sidik, "Disetujui Oleh": penyetuju}
        rec |= {"Waktu Persetujuan": waktu, "PDF": pdf.name if pdf else ""}
        rec["Catatan"] = catatan + (f" PDF tidak dibuat: {alasan}." if alasan else "")
        tambah_baris(ktx.buku, skema.DOKUMEN, skema.KOLOM_DOKUMEN, [rec])
    except BaseException:
        for f in (berkas, pdf):
            if f is not None:
                f.unlink(missing_ok=True)
        raise

    def relatif(p: Path) -> str:
        return p.relative_to(ktx.buku.folder).as_posix()

    teks = [
        f"Dokumen IKU versi {versi} disetujui oleh {penyetuju} pada {indo.tanggal(waktu)} "
        f"{indo.waktu(waktu.time(), peng['Zona Waktu'])}.",
        f"Dokumen final (tanpa tanda KONSEP): {relatif(berkas)}",
    ]
    if pdf:
        teks.append(f"PDF: {relatif(pdf)}")
    else:
        teks.append(
            f"PDF tidak dibuat: {alasan}. Persetujuan tetap dicatat. Untuk membuat PDF, buka "
            f"{berkas.name} di Microsoft Word lalu pilih File > Save As > PDF, atau pasang "
            f"LibreOffice dan jalankan: soffice --headless --convert-to pdf {berkas.name}"
        )
    berkas_konsep = folder / sebagai_teks(konsep["Berkas"])
    if berkas_konsep.is_file() and dok.sha256(berkas_konsep) != sebagai_teks(konsep["SHA-256"]):
        teks.append(
            f"Perhatian: {berkas_konsep.name} diubah di luar pyxl setelah dibuat; perubahan itu "
            "tidak ikut ke versi final (ubah datanya atau templatnya, lalu buat versi baru)."
        )
    terbuka = len(dok.baca_koreksi(ktx)[1])
    if terbuka:
        teks.append(f"Perhatian: {terbuka} koreksi di sheet Koreksi belum ditandai selesai.")
    teks.append("Lanjutkan dengan surat pengantar (langkah 12, pyxl pengantar).")
    return Hasil("\n".join(teks), [berkas, *([pdf] if pdf else [])], langkah=(10, 11))
