"""Step 13 — archive the approved document, the letters and the ledgers, write-once.

Into `<Folder Arsip>/<Tahun>/<kode klasifikasi>/`:

    Dokumen IKU FINAL (+ PDF), surat pengantar    'Kode Klasifikasi Pengantar' (000.8.6.3)
    undangan (+ PDF), daftar hadir, notula        'Kode Klasifikasi Undangan' (000.8.6.3)
    lembar disposisi, ledgers                     'Kode Klasifikasi Pengantar': the order and
                                                  the working papers of the same IKU file

A numbered letter goes under the code printed in its number (its `Register Surat` row). The
ledgers are the sheets `Penerimaan`, `Validasi` and `Register Surat`, each exported as a plain
.xlsx (XlsxWriter with a fixed date, so an unchanged sheet gives the same bytes).

Nothing archived is ever replaced: a content (SHA-256) already in the folder's manifest is
skipped ("sudah diarsipkan"); a new content under a name already used is stored as
`<stem>_2<ext>`, `_3`, …; copies are written under a temporary name, linked into place (an
existing name is refused) and made read-only. `MANIFEST.sha256` (the `sha256sum` format, so
`sha256sum -c MANIFEST.sha256` checks a folder) only grows: it is rewritten atomically with every
old line kept and a `#` line saying who added what when. Each copy gets a `Register Arsip` row.
If the workbook then cannot be saved the copies stay (an archive is never rolled back): the
next run finds them in the manifest and records the missing rows. A run killed between a copy
and the manifest leaves a complete copy (it was linked into place whole) that no manifest
lists: the next run adopts it — a file of that folder outside the manifest whose content is the
item being archived — instead of storing a second copy beside it. A run with nothing new
changes nothing and saves nothing. `periksa=True` only checks the archive (`pyxl.berkas.arsip`).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pyxl.berkas import arsip
from pyxl.buku.port import Baris, Buku
from pyxl.buku.tabel import FORMAT_KOLOM, baca_tabel, tambah_baris
from pyxl.dokumen.tercatat import dokumen_final, jalur_tercatat, periksa_final
from pyxl.galat import IsianError
from pyxl.inti.sel import sebagai_teks
from pyxl.jalan.konteks import Hasil, Konteks
from pyxl.kontrak import keluaran, skema
from pyxl.kontrak.pengaturan import Pengaturan
from pyxl.kontrak.status import TERBIT

LEDGER = (skema.PENERIMAAN, skema.VALIDASI, skema.REGISTER_SURAT)
RAPAT = {keluaran.DAFTAR_HADIR: "Daftar hadir rapat", keluaran.NOTULA: "Notula rapat"}
WAKTU_EKSPOR = datetime(2026, 1, 1)
"""Creation date written into every ledger export: same sheet, same bytes."""
_RE_KODE = re.compile(r"[0-9A-Za-z](?:[0-9A-Za-z.\-]*[0-9A-Za-z])?")


@dataclass
class Item:
    """One file to archive."""

    nama: str
    data: bytes
    kode: str
    keterangan: str
    mtime: float | None = None


def kode_folder(peng: Pengaturan, kunci: str) -> str:
    teks = peng[kunci].strip()
    if not _RE_KODE.fullmatch(teks):
        raise IsianError(
            f"Pengaturan '{kunci}' berisi '{teks}': kode klasifikasi menjadi nama folder arsip, "
            "tulis seperti 000.8.6.3 (angka, huruf, titik, tanda hubung)."
        )
    return teks


def ekspor_xlsx(buku: Buku, sheet: str) -> bytes:
    """A sheet's values as a plain .xlsx (text stays text, numbers and dates keep their type)."""
    import xlsxwriter

    isi = buku.baca(sheet)
    keluar = io.BytesIO()
    wb = xlsxwriter.Workbook(keluar, {"in_memory": True, "nan_inf_to_errors": True})
    wb.set_properties({"created": WAKTU_EKSPOR, "title": f"Ekspor sheet {sheet}"})
    ws = wb.add_worksheet(sheet[:31])
    judul = [sebagai_teks(h) for h in (isi[0] if isi else [])]
    ws.write_row(0, 0, judul, wb.add_format({"bold": True}))  # header cells are text
    format_: dict[str, Any] = {}
    for i, baris in enumerate(isi[1:], 1):
        for j, v in enumerate(baris):
            kolom = judul[j] if j < len(judul) else ""
            if isinstance(v, int | float | date):
                angka = FORMAT_KOLOM.get(kolom) or ("dd/mm/yyyy hh:mm:ss" * isinstance(v, date))
                fmt = format_.setdefault(angka, wb.add_format({"num_format": angka}))
                (ws.write_datetime if isinstance(v, date) else ws.write_number)(i, j, v, fmt)
            elif v is not None:
                ws.write_string(i, j, str(v))  # never a formula, whatever it starts with
    ws.set_column(0, max(len(judul), 1) - 1, 20)
    ws.freeze_panes(1, 0)
    wb.close()
    return keluar.getvalue()


def kumpulkan(ktx: Konteks, peng: Pengaturan) -> tuple[list[Item], list[str]]:
    """Every file step 13 archives, read into memory, and notes on what is missing."""
    kerja, tahun = ktx.buku.folder, peng.tahun()
    iku = kode_folder(peng, "Kode Klasifikasi Pengantar")
    und = kode_folder(peng, "Kode Klasifikasi Undangan")
    dok = peng.folder(kerja, "Folder Dokumen")
    items: list[Item] = []
    catatan: list[str] = []

    def ambil(jalur: Path | str, kode: str, ket: str, asal: str) -> None:
        """A file (or a file named in a sheet cell) joins the archive when it exists."""
        try:
            if isinstance(jalur, str):
                jalur = jalur_tercatat(ktx.buku, peng, jalur, asal)
        except IsianError as exc:
            catatan.append(str(exc))
            return
        if not jalur.name.isprintable() or "\\" in jalur.name:  # unfit for a manifest line
            catatan.append(f"{asal}: nama berkas {jalur.name!r} tidak dapat diarsipkan.")
        elif jalur.is_file():
            items.append(Item(jalur.name, jalur.read_bytes(), kode, ket, jalur.stat().st_mtime))
        else:
            catatan.append(f"{asal}: {jalur.relative_to(kerja).as_posix()} tidak ditemukan.")

    final = dokumen_final(ktx.buku, peng)
    if final is None:
        catatan.append("Belum ada Dokumen IKU FINAL (langkah 10–11): belum diarsipkan.")
    else:
        folder = peng.folder(kerja, "Folder Arsip") / str(tahun) / iku
        try:
            periksa_final(final, kerja)  # never archive a document changed after approval
        except IsianError as exc:
            if final.sha256 not in arsip.baca_manifest(folder)[1].values():
                raise
            catatan.append(f"{exc} Arsip tetap menyimpan versi yang disetujui.")
        else:
            ambil(final.berkas, iku, f"Dokumen IKU versi {final.versi} (FINAL)", final.sel)
        if final.pdf:
            ambil(final.pdf, iku, f"PDF Dokumen IKU versi {final.versi}", final.sel)
    for r in baca_tabel(ktx.buku, skema.REGISTER_SURAT):
        if sebagai_teks(r["Status"]) == TERBIT and (berkas := sebagai_teks(r["Berkas"])):
            kode = sebagai_teks(r["Kode Klasifikasi"])  # the code printed in its number
            if not _RE_KODE.fullmatch(kode):
                kode = iku if berkas.startswith("surat_pengantar") else und
            ket = f"{sebagai_teks(r['Perihal'])} (Nomor {sebagai_teks(r['Nomor Surat'])})"
            ambil(berkas, kode, ket, f"sheet {skema.REGISTER_SURAT} baris {r['_baris']}")
            pdf = Path(berkas).with_suffix(".pdf").name  # the PDF the invitees received
            if keluaran.UNDANGAN.cocok(berkas) and (dok / pdf).is_file():
                ambil(dok / pdf, kode, f"{ket}, PDF yang dikirim", dok.name)
    for r in baca_tabel(ktx.buku, skema.DISPOSISI):
        if berkas := sebagai_teks(r["Berkas"]):
            ket = f"Lembar disposisi nomor {sebagai_teks(r['No'])}"
            ambil(berkas, iku, ket, f"sheet {skema.DISPOSISI} baris {r['_baris']}")
    for jenis, ket in RAPAT.items():
        for p in sorted(dok.iterdir()) if dok.is_dir() else ():
            if jenis.cocok(p.name):
                ambil(p, und, ket, dok.name)
    for sheet in LEDGER:
        nama = f"{sheet.replace(' ', '_')}_{tahun}.xlsx"
        items.append(Item(nama, ekspor_xlsx(ktx.buku, sheet), iku, f"Ekspor sheet {sheet}"))
    return items, catatan


def jalankan(ktx: Konteks, *, periksa: bool = False) -> Hasil:
    peng = ktx.pengaturan()
    kerja = ktx.buku.folder.resolve()
    akar = peng.folder(kerja, "Folder Arsip")
    register = arsip.jalur_register(kerja, baca_tabel(ktx.buku, skema.REGISTER_ARSIP))
    if periksa:
        laporan, baik = arsip.periksa(akar, register, kerja)
        return Hasil("\n".join(laporan), ubah_buku=False, gagal=not baik)

    items, catatan = kumpulkan(ktx, peng)
    folder_tahun = akar / str(peng.tahun())
    waktu = ktx.jam()
    judul = f"{waktu:%Y-%m-%d %H:%M:%S} oleh {ktx.pengguna} (pyxl arsip, langkah 13)"
    baru: list[Baris] = []
    sudah = 0
    for kode in dict.fromkeys(it.kode for it in items):
        folder = folder_tahun / kode
        if not folder.resolve().is_relative_to(akar):  # e.g. a link to elsewhere
            raise IsianError(f"Folder arsip {folder} menunjuk ke luar folder {akar.name}/.")
        folder.mkdir(parents=True, exist_ok=True)
        lama, isi, _ = arsip.baca_manifest(folder)
        yatim = _yatim(folder, isi)
        tambahan: list[str] = []
        try:
            for it in (i for i in items if i.kode == kode):
                sha = hashlib.sha256(it.data).hexdigest()
                if sha in isi.values():
                    sudah += 1
                    continue
                if sha in yatim:  # copied by a run killed before its manifest line
                    nama = yatim.pop(sha)
                    with contextlib.suppress(OSError):
                        (folder / nama).chmod(0o444)
                else:
                    nama = arsip.nama_bebas(folder, it.nama, isi)
                    arsip.simpan_sekali(folder / nama, it.data, it.mtime)
                isi[nama] = sha
                tambahan.append(f"{sha}  {nama}")
                if nama != it.nama:
                    it.keterangan += f"; nama {it.nama} sudah dipakai isi lain di arsip"
                jalur = (folder / nama).relative_to(kerja).as_posix()
                baru.append(_baris(waktu, it.nama, jalur, sha, kode, it.keterangan))
        finally:  # what was copied is in the manifest, even when a later copy failed
            if tambahan:
                arsip.tambah_manifest(folder, lama, tambahan, judul)
    # Copies whose register rows were lost (the workbook could not be saved) are recorded now.
    dicatat = set(register) | {(kerja / r["Jalur Arsip"]).resolve() for r in baru}
    per_sha = {hashlib.sha256(it.data).hexdigest(): it for it in items}
    for p, sha in arsip.tanpa_catatan(akar, dicatat):
        ket = "dicatat dari manifest (catatan sebelumnya tidak tersimpan)"
        asal = per_sha.get(sha)
        if asal is not None and asal.kode == p.parent.name:
            ket += f"; {asal.keterangan}"
        baru.append(_baris(waktu, p.name, p.relative_to(kerja).as_posix(), sha, p.parent.name, ket))

    catatan = [f"- {c}" for c in catatan]
    if not baru:
        teks = f"Tidak ada berkas baru: {sudah} berkas sudah diarsipkan di {akar.name}/."
        return Hasil("\n".join([teks, *catatan]), ubah_buku=False)
    rows = baca_tabel(ktx.buku, skema.REGISTER_ARSIP)
    no = max((int(r["No"]) for r in rows if isinstance(r["No"], int | float)), default=0)
    for i, r in enumerate(baru, no + 1):
        r["No"] = i
    tambah_baris(ktx.buku, skema.REGISTER_ARSIP, skema.KOLOM_REGISTER_ARSIP, baru)
    ringkasan = [
        f"Arsip {folder_tahun.relative_to(kerja).as_posix()}/: {len(baru)} berkas baru "
        f"diarsipkan, {sudah} sudah diarsipkan sebelumnya (daftar sidik: {arsip.MANIFEST})."
    ]
    for kode in dict.fromkeys(r["Kode Klasifikasi"] for r in baru):
        daftar = [Path(r["Jalur Arsip"]).name for r in baru if r["Kode Klasifikasi"] == kode]
        ringkasan.append(f"{kode}: {', '.join(daftar)}")
    return Hasil("\n".join(ringkasan + catatan))


def _yatim(folder: Path, isi: dict[str, str]) -> dict[str, str]:
    """SHA-256 -> name of the files in `folder` no manifest line lists (hidden ones aside)."""
    hasil: dict[str, str] = {}
    for p in sorted(folder.iterdir()):
        lain = p.name not in isi and p.name != arsip.MANIFEST and not p.name.startswith(".")
        if lain and p.is_file() and not p.is_symlink():
            hasil.setdefault(arsip.sha256_berkas(p), p.name)
    return hasil


def _baris(waktu: datetime, berkas: str, jalur: str, sha: str, kode: str, ket: str) -> Baris:
    return {"Waktu": waktu, "Berkas": berkas, "Jalur Arsip": jalur, "SHA-256": sha,
            "Kode Klasifikasi": kode, "Keterangan": ket}  # fmt: skip
