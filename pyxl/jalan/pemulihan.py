"""Recovery: completing or undoing what a run that died left behind.

A run that dies (killed, power cut) cannot clean up after itself, so every writing run keeps a
journal (`pyxl.berkas.kunci.Jurnal`): which output files existed when it started, that it is
about to save (with the workbook file's identity then), and the e-mails that left
(`pyxl.surel.jurnal`). The journal is removed after the run's save. A journal found by the next
run (under the same folder lock) is completed by `pulihkan` before that run's step:

- e-mails the server accepted get their `Pengiriman` rows (the step then does not send them
  again); a mail the run was sending when it died is recorded as uncertain and sent again;
- a letter number still `Dicadangkan` becomes `Terbit` if its letter went out, else `Batal`;
- if the dead run never saved, the output files it made (documents, drafts, formats — only
  names pyxl writes) are moved to `cadangan/terhenti-<waktu>/`: its work is undone, as for a
  failed save, and running the step again redoes it; a file a step set aside as `.~<name>.lama`
  is put back;
- temporary files of any dead run (`.<name>.<pid>.tmp`) are removed.
The recovered rows are saved at once, before the step runs. What the dead run's command must not
do again when it runs next (the mails that left, the letter it issued) is kept in
`.pyxl-lanjutan.json` until that command has run and saved, whatever runs in between: `kirim`
and `ingatkan` then skip those Bagian, `pengantar` finishes that letter instead of a new one.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from pyxl.berkas.kunci import Jurnal
from pyxl.berkas.tulis import RE_SEMENTARA, tulis_atomik
from pyxl.buku.tabel import baca_tabel, tambah_baris
from pyxl.galat import IsianError, PyxlError
from pyxl.inti.sel import sebagai_teks
from pyxl.jalan.konteks import Konteks, Pulihan
from pyxl.kontrak import skema, sop, status
from pyxl.kontrak.keluaran import KELUARAN, keluaran

CATATAN_PULIH = "dicatat dari jurnal: proses sebelumnya terhenti sebelum buku kerja tersimpan"
"""`Catatan` of a `Pengiriman` row recorded by `pulihkan`."""
CATATAN_TIDAK_PASTI = (
    "TIDAK PASTI: proses terhenti ketika email ini sedang dikirim; server mungkin sudah "
    "menerimanya. Email dikirim ulang bila langkah dijalankan lagi"
)
FOLDER_KELUARAN = tuple(dict.fromkeys(k.folder for k in KELUARAN))
"""Folders whose new files a dead run leaves behind (the archive and `masuk/` are never
touched: what is there stays); only the outputs named in `pyxl.kontrak.keluaran` are ever
moved aside."""
RE_LAMA = re.compile(r"\.~(.+)\.lama")
"""A file a step set aside while replacing it (`.~<name>.lama`), until the save."""


def lampiran_keluar_jurnal(jurnal: Jurnal | None) -> set[Path]:
    """Letters of this run that went out by e-mail (they stay even if the save fails)."""
    from pyxl.surel.jurnal import lampiran_keluar

    return lampiran_keluar(jurnal.baca(hanya_ini=True)) if jurnal and jurnal.ada() else set()


def stand(berkas: Path) -> list[int]:
    """The workbook file's identity: a save renames a new file over it, so it changes."""
    try:
        st = os.stat(berkas)
    except OSError:
        return []
    return [st.st_ino, st.st_size, st.st_mtime_ns]


def _folder_keluaran(ktx: Konteks) -> dict[str, Path]:
    """The output folders (setting -> folder); a broken setting is left to the step."""
    peng = ktx.pengaturan()
    hasil = {}
    for kunci in FOLDER_KELUARAN:
        with contextlib.suppress(IsianError):
            hasil[kunci] = peng.folder(ktx.buku.folder, kunci)
    return hasil


def isi_keluaran(ktx: Konteks) -> dict[str, list[str]]:
    """What is in each output folder now (for the journal's `mulai` line)."""
    return {
        kunci: sorted(p.name for p in folder.iterdir() if p.is_file())
        for kunci, folder in _folder_keluaran(ktx).items()
        if folder.is_dir()
    }


def _sapu_sementara(kerja: Path, folder: Iterable[Path]) -> None:
    """Remove the temporary files of runs that died (the lock says none is running)."""
    calon = [kerja, kerja / skema.FOLDER_CADANGAN, *folder]
    arsip = [p for p in calon if p.name == skema.FOLDER_ARSIP]
    ditemukan = [
        *(p for f in calon if f.is_dir() for p in f.glob(".*")),
        *(p for a in arsip if a.is_dir() for p in a.rglob(".*.tmp")),  # per-year subfolders
    ]
    for p in ditemukan:
        if RE_SEMENTARA.fullmatch(p.name) and p.is_file():
            with contextlib.suppress(OSError):
                p.unlink()


def kembalikan_lama(berkas: Iterable[Path]) -> None:
    """The save failed: put back the `.~<name>.lama` files a step set aside."""
    for f in berkas:
        lama = f.with_name(f".~{f.name}.lama")
        if lama.exists():
            with contextlib.suppress(OSError):
                os.replace(lama, f)


def kembalikan_semua_lama(ktx: Konteks) -> None:
    """A step failed: every `.~<name>.lama` it set aside in an output folder goes back."""
    with contextlib.suppress(OSError, PyxlError):
        for folder in _folder_keluaran(ktx).values():
            lama = [
                folder / m.group(1)
                for p in folder.glob(".~*.lama")
                if (m := RE_LAMA.fullmatch(p.name))
            ]
            kembalikan_lama(lama)


def buang_lama(berkas: Iterable[Path]) -> None:
    """The run saved: the `.~<name>.lama` files its steps set aside are no longer needed."""
    for f in berkas:
        with contextlib.suppress(OSError):
            f.with_name(f".~{f.name}.lama").unlink()


def pulihkan(ktx: Konteks, jurnal: Jurnal) -> Pulihan:
    """Complete or undo what a dead run left (see the module docstring); saves if needed."""
    from pyxl.surat.nomor import selesaikan_cadangan
    from pyxl.surel.jurnal import lampiran_keluar, surel_jurnal

    kerja = ktx.buku.folder
    entri = jurnal.baca()
    ada_cadangan = any(
        sebagai_teks(r.get("Status")) == status.DICADANGKAN
        for r in baca_tabel(ktx.buku, skema.REGISTER_SURAT)
    )
    if not entri and not ada_cadangan:
        if jurnal.ada():  # empty, or a first line cut short: nothing was done yet
            jurnal.hapus()
        return Pulihan()
    folder = _folder_keluaran(ktx)
    arsip: list[Path] = []
    with contextlib.suppress(IsianError):
        arsip.append(ktx.pengaturan().folder(kerja, "Folder Arsip"))
    _sapu_sementara(kerja, [*folder.values(), *arsip])
    hasil = Pulihan()
    sisih = kerja / skema.FOLDER_CADANGAN / f"terhenti-{ktx.jam():%Y%m%d-%H%M%S}"

    def sisihkan(p: Path) -> None:
        tujuan = sisih / p.parent.name / p.name
        tujuan.parent.mkdir(parents=True, exist_ok=True)
        os.replace(p, tujuan)
        hasil.dipindah.append(tujuan)

    keluar = lampiran_keluar(entri)
    mulai = next((e for e in entri if e.get("jenis") == "mulai"), None)
    simpan = [e for e in entri if e.get("jenis") == "simpan"]
    tersimpan = bool(simpan) and simpan[-1].get("stand") != stand(ktx.buku.berkas)
    if mulai is not None and not tersimpan:
        ada: dict[str, list[str]] = mulai.get("berkas") or {}
        for kunci, f in folder.items():
            sebelum = set(ada.get(kunci, []))
            for p in sorted(f.iterdir()) if f.is_dir() else ():
                if m := RE_LAMA.fullmatch(p.name):  # set aside by the dead run: put back
                    os.replace(p, p.with_name(m.group(1)))
                elif (
                    p.is_file()
                    and p.name not in sebelum
                    and keluaran(kunci, p.name) is not None
                    and p.resolve() not in keluar
                ):
                    sisihkan(p)
    elif tersimpan:
        for f in folder.values():
            for p in f.glob(".~*.lama") if f.is_dir() else ():
                with contextlib.suppress(OSError):
                    p.unlink()
    if (ada_cadangan or keluar) and "Folder Dokumen" in folder:
        hasil.surat = selesaikan_cadangan(ktx.buku, folder["Folder Dokumen"], keluar, sisihkan)
    hasil.surel, hasil.baris = _baris_surel(
        ktx, [s for s in surel_jurnal(entri) if s.keluar], entri
    )
    if hasil.baris:
        tambah_baris(ktx.buku, skema.PENGIRIMAN, skema.KOLOM_PENGIRIMAN, hasil.baris)
    if hasil.baris or ada_cadangan:
        ktx.buku.simpan()
    perintah = mulai.get("perintah") if mulai else None
    terbit = [r for r in hasil.surat if sebagai_teks(r["Status"]) == status.TERBIT]
    if isinstance(perintah, str) and (hasil.surel or terbit):
        simpan_lanjutan(kerja, perintah, hasil.surel, terbit)
    jurnal.hapus()
    return hasil


# ------------------------------------------------------------- completing the interrupted step

NAMA_LANJUTAN = ".pyxl-lanjutan.json"
"""What the next run of an interrupted command must not do again (mails that left, letters
issued), kept until that command runs and saves, whatever ran in between."""
_KOLOM_LANJUTAN = {
    "surel": ("Langkah", "Kode Bagian", "ID Format", "Perihal", "Message-ID", "Status"),
    "surat": ("Nomor Surat", "Berkas", "Status", "Tanggal"),
}


def _baca_lanjutan(kerja: Path) -> dict[str, Any]:
    try:
        isi = json.loads((kerja / NAMA_LANJUTAN).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return isi if isinstance(isi, dict) else {}


def _tulis_lanjutan(kerja: Path, isi: dict[str, Any]) -> None:
    berkas = kerja / NAMA_LANJUTAN
    if not isi:
        berkas.unlink(missing_ok=True)
        return
    tulis_atomik(berkas, json.dumps(isi, ensure_ascii=False).encode("utf-8"))


def simpan_lanjutan(
    kerja: Path, perintah: str, surel: list[dict[str, Any]], surat: list[dict[str, Any]]
) -> None:
    """Remember for the next run of `perintah` what its interrupted run already did."""

    def teks(v: Any) -> Any:
        return v.isoformat() if isinstance(v, datetime) else v

    isi = _baca_lanjutan(kerja)
    lama = isi.setdefault(perintah, {"surel": [], "surat": []})
    for jenis, rows in (("surel", surel), ("surat", surat)):
        lama.setdefault(jenis, []).extend(
            {k: teks(r.get(k)) for k in _KOLOM_LANJUTAN[jenis]} for r in rows
        )
    _tulis_lanjutan(kerja, isi)


def ambil_lanjutan(kerja: Path, perintah: str) -> tuple[list[Any], list[Any]] | None:
    """(mails, letters) the interrupted run of `perintah` left for this run, if any."""
    lanjut = _baca_lanjutan(kerja).get(perintah)
    if not isinstance(lanjut, dict):
        return None
    surat = []
    for r in lanjut.get("surat", []):
        with contextlib.suppress(TypeError, ValueError):
            r = dict(r, Tanggal=datetime.fromisoformat(r["Tanggal"]))
        surat.append(r)
    return list(lanjut.get("surel", [])), surat


def selesai_lanjutan(kerja: Path, perintah: str) -> None:
    isi = _baca_lanjutan(kerja)
    if isi.pop(perintah, None) is not None:
        _tulis_lanjutan(kerja, isi)


def _baris_surel(
    ktx: Konteks, surel: list[Any], entri: list[dict[str, Any]]
) -> tuple[list[Any], list[Any]]:
    """`Pengiriman` rows of journaled mails that left: (all of them, those not recorded yet)."""
    if not surel:
        return [], []
    from pyxl.buku.daftar import baca_bagian

    tercatat = {sebagai_teks(r["Message-ID"]): r for r in baca_tabel(ktx.buku, skema.PENGIRIMAN)}
    perintah = next((e.get("perintah") for e in entri if e.get("jenis") == "mulai"), "")
    langkah = next((ls.no for ls in sop.LANGKAH if ls.perintah == perintah), None)
    kode: dict[str, str] = {}
    with contextlib.suppress(PyxlError):
        kode = {b.email.strip().lower(): b.kode for b in baca_bagian(ktx.buku) if b.email}
    semua, baru = [], []
    for s in surel:
        if s.id in tercatat:
            semua.append(tercatat[s.id])
            continue
        isi = s.isi
        kepada = [tuple(k) for k in isi.get("kepada", [])]
        dasar = {
            "Langkah": langkah,
            "Kode Bagian": kode.get(kepada[0][1].lower(), "") if len(kepada) == 1 else "",
            "Kepada": "; ".join(f"{n} <{a}>" for n, a in kepada),
            "Perihal": isi.get("perihal", ""),
            "ID Format": isi.get("header", {}).get("X-Pyxl-Format-Id", ""),
        }
        catatan = [CATATAN_PULIH if s.tahap == "terkirim" else CATATAN_TIDAK_PASTI]
        if isi.get("ditolak"):
            catatan.insert(0, f"Ditolak server: {', '.join(isi['ditolak'])}")
        try:
            waktu = datetime.fromisoformat(isi.get("waktu", ""))
        except ValueError:
            waktu = ktx.jam()
        baru.append(
            dasar
            | dict(isi.get("baris") or {})
            | {
                "Waktu": waktu,
                "Message-ID": s.id,
                "Mode": isi.get("mode", ""),
                "Berkas": "",
                "Status": status.TERKIRIM if s.tahap == "terkirim" else status.GAGAL,
                "Catatan": "; ".join(catatan),
            }
        )
        semua.append(baru[-1])
    return semua, baru
