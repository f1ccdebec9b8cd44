"""Step 13 — archive the approved document, the letters and the ledgers, write-once.

Into `<Folder Arsip>/<Tahun>/<kode klasifikasi>/`:

    Dokumen IKU FINAL (+ PDF), surat pengantar    'Kode Klasifikasi Pengantar' (000.8.6.3)
    undangan (+ PDF), daftar hadir, notula        'Kode Klasifikasi Undangan' (000.8.6.3)
    lembar disposisi, ledgers                     'Kode Klasifikasi Pengantar': the order and
                                                  the working papers of the same IKU file

A numbered letter goes under the code printed in its number (its `Register Surat` row). The
ledgers are the sheets `Penerimaan`, `Validasi` and `Register Surat` (and `Data Dukung` once it
lists anything), each exported as a plain .xlsx (XlsxWriter with a fixed date, so an unchanged
sheet gives the same bytes). The accepted evidence (`Data Dukung` rows `Diterima`) is copied
from the originals kept by step 6 (`pyxl.berkas.arsip_masuk`, found by SHA-256) into
`<kode klasifikasi pengantar>/Data Dukung/<Tahunan|TW1..TW4>/<Kode Bagian>/`, a folder with its
own manifest like any other.

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

from pyxl.berkas import arsip, arsip_masuk
from pyxl.buku.port import Baris, Buku
from pyxl.buku.tabel import FORMAT_KOLOM, baca_tabel, tambah_baris
from pyxl.dokumen.tercatat import dokumen_final, jalur_tercatat, periksa_final
from pyxl.galat import IsianError
from pyxl.inti.bukti import nama_sah
from pyxl.inti.sel import sebagai_teks
from pyxl.jalan.konteks import Hasil, Konteks
from pyxl.kontrak import keluaran, skema
from pyxl.kontrak.pengaturan import Pengaturan
from pyxl.kontrak.periode import TAHUNAN, akhiran, periode_baris
from pyxl.kontrak.status import DITERIMA, TERBIT

LEDGER = (skema.PENERIMAAN, skema.VALIDASI, skema.REGISTER_SURAT)
RAPAT = {keluaran.DAFTAR_HADIR: "Daftar hadir rapat", keluaran.NOTULA: "Notula rapat"}
WAKTU_EKSPOR = datetime(2026, 1, 1)
"""Creation date written into every ledger export: same sheet, same bytes."""
_RE_KODE = re.compile(r"[0-9A-Za-z](?:[0-9A-Za-z.\-]*[0-9A-Za-z])?")


FOLDER_BUKTI = "Data Dukung"
_RE_BAGIAN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,30}")


@dataclass
class Item:
    """One file to archive: its bytes, or (evidence) the kept original they are read from
    only when copied, checked against its SHA-256."""

    nama: str
    data: bytes
    kode: str
    keterangan: str
    mtime: float | None = None
    sub: str = ""
    """A folder inside the classification's folder (evidence: `Data Dukung/TW2/HUKUM`)."""
    asli: arsip_masuk.Asli | None = None
    sidik: str = ""

    @property
    def sha(self) -> str:
        if not self.sidik:
            self.sidik = hashlib.sha256(self.data).hexdigest()
        return self.sidik

    def isi(self) -> bytes:
        if self.asli is None:
            return self.data
        data = self.asli.baca()
        if hashlib.sha256(data).hexdigest() != self.sidik:
            raise IsianError(
                f"Salinan asli data dukung {self.nama} di arsip {self.asli} tidak sesuai "
                "SHA-256 yang tercatat di sheet Data Dukung: arsip kiriman berubah. Jalankan "
                "pyxl arsip --periksa dan laporkan ke pengelola arsip."
            )
        return data


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
    for p in sorted(dok.iterdir()) if dok.is_dir() else ():
        if keluaran.LAPORAN_TRIWULAN.cocok(p.name):  # the year's monitoring, with its AKIP
            ambil(p, iku, "Laporan pemantauan triwulan", dok.name)
    dukung = baca_tabel(ktx.buku, skema.DATA_DUKUNG)
    for sheet in (*LEDGER, skema.DATA_DUKUNG) if dukung else LEDGER:
        nama = f"{sheet.replace(' ', '_')}_{tahun}.xlsx"
        items.append(Item(nama, ekspor_xlsx(ktx.buku, sheet), iku, f"Ekspor sheet {sheet}"))
    items += _bukti(peng, kerja, dukung, iku, catatan)
    return items, catatan


def _bukti(
    peng: Pengaturan, kerja: Path, dukung: list[Baris], kode: str, catatan: list[str]
) -> list[Item]:
    """The accepted evidence, read from the originals step 6 kept (each once per folder)."""
    terima = [r for r in dukung if sebagai_teks(r["Status"]) == DITERIMA]
    if not terima:
        return []
    asli = arsip_masuk.daftar(peng.folder(kerja, "Folder Arsip") / arsip.FOLDER_MASUK)
    items: list[Item] = []
    for r in terima:
        nama, sha = sebagai_teks(r["Berkas"]), sebagai_teks(r["SHA-256"]).lower()
        asal = f"sheet {skema.DATA_DUKUNG} baris {r['_baris']}"
        if alasan := nama_sah(nama):  # the cell may have been edited since step 6
            catatan.append(f"{asal}: nama berkas {nama!r} tidak dapat diarsipkan ({alasan}).")
            continue
        if (kept := asli.get(sha)) is None:
            catatan.append(
                f"{asal}: salinan asli {nama} (SHA-256 {sha[:12]}…) tidak ada di arsip kiriman "
                f"{arsip.FOLDER_MASUK}/; data dukung ini belum diarsipkan."
            )
            continue
        bagian = sebagai_teks(r["Kode Bagian"])
        periode = periode_baris(r["Periode"])
        folder = bagian if _RE_BAGIAN.fullmatch(bagian) else "Tanpa Bagian"
        ket = f"Data dukung {bagian or '(Bagian tidak dikenali)'} {periode}"
        if iku := sebagai_teks(r["Kode IKU"]):
            ket += f" untuk {iku}"
        if isinstance(r["Waktu"], datetime):
            ket += f", diterima {r['Waktu']:%d/%m/%Y}"
        sub = f"{FOLDER_BUKTI}/{akhiran(periode) or TAHUNAN}/{folder}"
        items.append(Item(nama, b"", kode, ket, sub=sub, asli=kept, sidik=sha))
    return items


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
    for kode, sub in dict.fromkeys((it.kode, it.sub) for it in items):
        folder = folder_tahun / kode / sub if sub else folder_tahun / kode
        if not folder.resolve().is_relative_to(akar):  # e.g. a link to elsewhere
            raise IsianError(f"Folder arsip {folder} menunjuk ke luar folder {akar.name}/.")
        folder.mkdir(parents=True, exist_ok=True)
        lama, isi, _ = arsip.baca_manifest(folder)
        yatim = _yatim(folder, isi)
        tambahan: list[str] = []
        try:
            for it in (i for i in items if (i.kode, i.sub) == (kode, sub)):
                sha = it.sha
                if sha in isi.values():
                    sudah += 1
                    continue
                if sha in yatim:  # copied by a run killed before its manifest line
                    nama = yatim.pop(sha)
                    with contextlib.suppress(OSError):
                        (folder / nama).chmod(0o444)
                else:
                    nama = arsip.nama_bebas(folder, it.nama, isi)
                    arsip.simpan_sekali(folder / nama, it.isi(), it.mtime)
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
    per_sha = {it.sha: it for it in items}
    for p, sha in arsip.tanpa_catatan(akar, dicatat):
        ket = "dicatat dari manifest (catatan sebelumnya tidak tersimpan)"
        dalam = p.parent.relative_to(folder_tahun).parts if p.is_relative_to(folder_tahun) else ()
        kode = dalam[0] if dalam else p.parent.name
        asal = per_sha.get(sha)
        if asal is not None and asal.kode == kode:
            ket += f"; {asal.keterangan}"
        baru.append(_baris(waktu, p.name, p.relative_to(kerja).as_posix(), sha, kode, ket))

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
        letak = [Path(r["Jalur Arsip"]) for r in baru if r["Kode Klasifikasi"] == kode]
        daftar = [p.name for p in letak if FOLDER_BUKTI not in p.parts]
        if n_bukti := len(letak) - len(daftar):
            daftar.append(f"{n_bukti} berkas data dukung di {kode}/{FOLDER_BUKTI}/")
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
