"""Steps 10–11 — approval by the Sekretaris Daerah: the final Dokumen IKU, without KONSEP.

Takes the latest KONSEP version in `Dokumen`, checks that the data is still what that draft was
written from (`Sidik Data`), renders the same version again without the mark as
`dokumen/Dokumen_IKU_<Tahun>_v<N>_final.docx`, converts it to PDF when Word (docx2pdf, Windows)
or LibreOffice is present, and records a FINAL row (approver, time, SHA-256, PDF). Without a
converter the approval is still recorded and the message says how to make the PDF by hand.
`persetujuan_basi` tells `pyxl status` when the data changed after the approval.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pyxl.berkas.arsip import sha256_berkas
from pyxl.buku.tabel import baca_tabel, tambah_baris
from pyxl.dokumen.iku import TEMPLAT, baca_koreksi, susun_konteks, tulis
from pyxl.dokumen.pdf import buat_pdf
from pyxl.dokumen.tercatat import (
    nama_berkas,
    sidik_data,
    terakhir,
    versi_baris,
)
from pyxl.dokumen.word import cari_templat
from pyxl.galat import IsianError
from pyxl.inti import indo
from pyxl.inti.sel import sebagai_teks
from pyxl.jalan.konteks import Hasil, Konteks
from pyxl.kontrak import skema
from pyxl.kontrak.pengaturan import SEKDA
from pyxl.kontrak.status import FINAL, KONSEP


def jalankan(ktx: Konteks, *, oleh: str | None = None, tanggal: str | None = None) -> Hasil:
    peng = ktx.pengaturan()
    tahun = peng.tahun()
    penyetuju = (oleh or peng[SEKDA]).strip()
    if not penyetuju:
        raise IsianError(
            f"Pengaturan '{SEKDA}' masih kosong ({peng.lokasi(SEKDA)}): isi nama "
            "Sekretaris Daerah, atau sebutkan yang menyetujui dengan --oleh NAMA."
        )
    rows = baca_tabel(ktx.buku, skema.DOKUMEN)
    konsep = terakhir(rows, KONSEP)
    if konsep is None:
        raise IsianError(
            "Belum ada konsep Dokumen IKU di sheet Dokumen: jalankan langkah 8 (pyxl dokumen) "
            "dahulu."
        )
    versi = versi_baris(konsep)
    sudah = [
        r for r in rows if sebagai_teks(r["Status"]).upper() == FINAL and versi_baris(r) == versi
    ]
    if sudah:
        raise IsianError(
            f"Konsep v{versi} sudah disetujui ({sebagai_teks(sudah[-1]['Berkas'])}). Untuk "
            "perubahan, buat versi baru dengan pyxl dokumen lalu setujui lagi."
        )
    sidik = sidik_data(ktx.buku)
    if sidik != sebagai_teks(konsep["Sidik Data"]):
        raise IsianError(
            f"Data berubah sejak konsep v{versi}; jalankan pyxl dokumen dahulu (langkah 8–9), "
            "periksa versi barunya, lalu setujui."
        )
    sekarang = ktx.jam()
    waktu = (
        datetime.combine(indo.baca_tanggal(tanggal, "Opsi --tanggal"), sekarang.time())
        if tanggal
        else sekarang
    )
    folder = peng.folder(ktx.buku.folder, "Folder Dokumen")
    templat = cari_templat(ktx.buku.folder, TEMPLAT)
    ktx.umpan.status(f"Langkah 10–11: menulis Dokumen IKU versi {versi} final …")
    konteks, png = susun_konteks(ktx.buku, peng, versi=versi, tanggal=waktu.date(), konsep=False)
    berkas = tulis(templat, konteks, png, folder / nama_berkas(tahun, versi, final=True))
    pdf: Path | None = None
    try:
        ktx.umpan.status("Langkah 10–11: membuat PDF …")
        pdf, alasan = buat_pdf(berkas)
        catatan = f"Dari konsep v{versi} ({sebagai_teks(konsep['Berkas'])})."
        rec = {"Versi": versi, "Waktu": sekarang, "Berkas": berkas.name, "Status": FINAL}
        rec |= {"SHA-256": sha256_berkas(berkas), "Sidik Data": sidik, "Disetujui Oleh": penyetuju}
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
    if berkas_konsep.is_file() and sha256_berkas(berkas_konsep) != sebagai_teks(konsep["SHA-256"]):
        teks.append(
            f"Perhatian: {berkas_konsep.name} diubah di luar pyxl setelah dibuat; perubahan itu "
            "tidak ikut ke versi final (ubah datanya atau templatnya, lalu buat versi baru)."
        )
    if konteks["d"]["isian_kosong"] != "0":
        teks.append(
            f"Perhatian: {konteks['d']['isian_kosong']} isian naratif (penyebab, solusi, isu "
            "strategis atau IKU Setda) masih kosong dan tampil di dokumen sebagai [diisi: …]."
        )
    terbuka = len(baca_koreksi(ktx.buku)[1])
    if terbuka:
        teks.append(f"Perhatian: {terbuka} koreksi di sheet Koreksi belum ditandai selesai.")
    teks.append("Lanjutkan dengan surat pengantar (langkah 12, pyxl pengantar).")
    return Hasil("\n".join(teks), [berkas, *([pdf] if pdf else [])], langkah=(10, 11))
