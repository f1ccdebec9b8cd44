"""Carrying a master's data into a freshly built master of the current structure.

`pyxl perbarui` upgrades a master written by any earlier release (or re-saved by another
spreadsheet program, which may have dropped its buttons): its data is read (`baca_isi`, from the
values of every sheet, whatever the structure), a new master is built by `bangun_master` with
the same Bagian, settings and indicators, and every value is written back into it
(`tulis_isi`): the ledgers and lists by column name (a column pyxl does not know is kept, after
pyxl's own), the settings by key (a key pyxl does not know is kept too), the status of each SOP
step on `Kendali`, the stamp secret, the Python interpreter of `xlwings.conf`, the hidden
sheets of retired Bagian, and any sheet staff added (as values). A cell that held a formula
keeps its value (the count is reported). The old file goes to `cadangan/` first.

`pyxl tahun-baru` reads a master the same way and builds next year's from it
(`pyxl.langkah.tahun_baru`).

Each release that changes the structure adds a step to `MIGRASI` when data must move, not just
be carried (a renamed column, a setting with a new meaning); columns and sheets that are only
added need none.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pyxl.bangun.kerja import siapkan_folder
from pyxl.bangun.master import bangun_master
from pyxl.bangun.periksa import periksa_berkas_master
from pyxl.buku.berkas import simpan_atomik
from pyxl.buku.kendali import segarkan_status_bagian
from pyxl.buku.port import Buku
from pyxl.buku.struktur import (
    dari_pyxl_lebih_baru,
    kekurangan,
    periksa_master,
    versi_struktur,
)
from pyxl.buku.xlsm import BukuZip, buka
from pyxl.galat import BukuError, IsianError
from pyxl.inti.sel import sebagai_teks
from pyxl.kontrak import kendali, skema, sop
from pyxl.kontrak.model import Bagian
from pyxl.kontrak.pengaturan import BAWAAN
from pyxl.kontrak.struktur import KUNCI_VERSI, VERSI_STRUKTUR

Baris = list[Any]


@dataclass
class IsiMaster:
    """Everything a master holds, as values, whatever its structure version."""

    versi: int
    nilai: dict[str, list[Baris]]
    """Every sheet's values, from A1."""
    urutan: list[str]
    tersembunyi: set[str]
    rumus: int = 0
    """Cells that held a formula (their values are carried)."""
    catatan: list[str] = field(default_factory=list)
    """What a migration changed, for the summary."""

    def tabel(self, sheet: str) -> tuple[list[str], list[Baris]]:
        """(header, rows below it) of a table sheet; empty when the sheet is not there."""
        isi = self.nilai.get(sheet) or []
        if not isi:
            return [], []
        judul = [sebagai_teks(h) for h in isi[0]]
        rows = [r for r in isi[1:] if any(_ada(v) for v in r)]
        return judul, rows

    def baris(self, sheet: str) -> list[dict[str, Any]]:
        """The rows of a table sheet as dicts keyed by header."""
        judul, rows = self.tabel(sheet)
        return [{h: (r[i] if i < len(r) else None) for i, h in enumerate(judul) if h} for r in rows]

    def pengaturan(self) -> dict[str, Any]:
        return {
            sebagai_teks(r.get("Kunci")): r.get("Nilai")
            for r in self.baris(skema.PENGATURAN)
            if sebagai_teks(r.get("Kunci"))
        }

    def bagian(self) -> list[Bagian]:
        """The Bagian list (codes are checked when the new master reads it)."""
        return [
            Bagian(*(sebagai_teks(r.get(k)) for k in skema.KOLOM_BAGIAN))
            for r in self.baris(skema.BAGIAN)
            if sebagai_teks(r.get("Kode"))
        ]

    def lembar_bagian(self) -> list[str]:
        """Sheets that are a Bagian's indicator table (a header with `Kode IKU`)."""
        return [s for s in self.urutan if s not in _DIKENAL and "Kode IKU" in self.tabel(s)[0]]


_DIKENAL = {skema.KENDALI, skema.XLWINGS_CONF, *skema.TABEL}


def _ada(v: Any) -> bool:
    return v is not None and not (isinstance(v, str) and not v.strip())


def baca_isi(buku: Buku, rumus: int = 0) -> IsiMaster:
    """Every value of `buku` (any structure version)."""
    urutan = buku.nama_sheet()
    return IsiMaster(
        versi=versi_struktur(buku),
        nilai={s: buku.baca(s) for s in urutan},
        urutan=urutan,
        tersembunyi=buku.tersembunyi(),
        rumus=rumus,
    )


# --------------------------------------------------------------------------- migrations


def _ke_4(isi: IsiMaster) -> None:
    """Version 4 records retired Bagian in `Riwayat Bagian`: a Bagian sheet whose row is no
    longer in `Bagian` (removed by hand before) is recorded as retired, so it stays hidden."""
    aktif = {b.kode for b in isi.bagian()}
    for s in isi.lembar_bagian():
        if s not in aktif:
            isi.catatan.append(f"sheet {s} tanpa baris di sheet Bagian: disimpan tersembunyi")


KODE_UNDANGAN_LAMA = "000.1.5"
"""The invitation's classification code before version 6: Rapat Pimpinan, not its subject."""


def _ke_6(isi: IsiMaster) -> None:
    """Version 6 classifies the invitation by its subject, AKIP (000.8.6.3): a master still
    holding the old default 000.1.5 (rapat pimpinan) gets the new one, and a note says so."""
    kunci = "Kode Klasifikasi Undangan"
    judul, rows = isi.tabel(skema.PENGATURAN)
    if "Kunci" not in judul or "Nilai" not in judul:
        return
    k, n = judul.index("Kunci"), judul.index("Nilai")
    for r in rows:
        if len(r) > n and sebagai_teks(r[k]) == kunci and sebagai_teks(r[n]) == KODE_UNDANGAN_LAMA:
            r[n] = BAWAAN[kunci]
            isi.catatan.append(
                f"Pengaturan '{kunci}': {KODE_UNDANGAN_LAMA} (rapat pimpinan) diganti "
                f"{BAWAAN[kunci]} (Akuntabilitas Kinerja Instansi Pemerintah), kode pokok soal "
                "undangan rapat data kinerja"
            )


MIGRASI: dict[int, Callable[[IsiMaster], None]] = {4: _ke_4, 6: _ke_6}
"""Version -> what must move when a master reaches it from the version before."""


def migrasikan(isi: IsiMaster) -> None:
    for versi in range(isi.versi + 1, VERSI_STRUKTUR + 1):
        if versi in MIGRASI:
            MIGRASI[versi](isi)
    isi.versi = VERSI_STRUKTUR


# --------------------------------------------------------------------------- writing back


def _nonaktif(isi: IsiMaster, aktif: Sequence[Bagian]) -> list[Bagian]:
    """Retired Bagian: sheets of indicators whose code is not in the list; their details from
    their last `Hapus` row of `Riwayat Bagian` when there is one."""
    kode = {b.kode for b in aktif}
    riwayat = {
        sebagai_teks(r.get("Kode")): r
        for r in isi.baris(skema.RIWAYAT_BAGIAN)
        if sebagai_teks(r.get("Perubahan")) == "Hapus"
    }
    hasil = []
    for s in isi.lembar_bagian():
        if s in kode:
            continue
        r = riwayat.get(s, {})
        hasil.append(
            Bagian(
                s,
                sebagai_teks(r.get("Nama Bagian")) or s,
                sebagai_teks(r.get("Asisten")),
                sebagai_teks(r.get("Kepala Bagian")),
                email=sebagai_teks(r.get("Email")),
            )
        )
    return hasil


def _tabel(buku: Buku, sheet: str, judul_lama: Sequence[str], rows: Sequence[Baris]) -> None:
    """Write old rows under the new header by column name; old columns the new header lacks
    are added after it."""
    isi = buku.baca(sheet)
    judul = [sebagai_teks(h) for h in (isi[0] if isi else [])]
    tambahan = [h for h in judul_lama if h and h not in judul]
    if tambahan:
        buku.tulis(sheet, 1, len(judul) + 1, [tambahan])
        judul += tambahan
    posisi = {h: i for i, h in enumerate(judul_lama) if h}
    baru = [
        [r[posisi[h]] if h in posisi and posisi[h] < len(r) else None for h in judul] for r in rows
    ]
    buku.kosongkan(sheet, 2)
    if baru:
        buku.tulis(sheet, 2, 1, baru)


def tulis_isi(buku: Buku, isi: IsiMaster, lewati: Iterable[str] = ()) -> None:
    """Write `isi`'s values into the freshly built master `buku` (see the module docstring);
    the sheets of `lewati` keep what the builder wrote."""
    lewat = set(lewati)
    ada = set(buku.nama_sheet())
    for sheet in [*skema.TABEL, *isi.lembar_bagian()]:
        if sheet in lewat or sheet not in ada or sheet not in isi.nilai:
            continue
        if sheet == skema.PENGATURAN:
            _pengaturan(buku, isi)
        elif sheet == skema.SISTEM:
            _sistem(buku, isi)
        else:
            _tabel(buku, sheet, *isi.tabel(sheet))
    if skema.KENDALI not in lewat:
        _kendali(buku, isi)
        # the builder wrote a status table of empty Bagian: recount it from the carried data
        segarkan_status_bagian(buku)
    if skema.XLWINGS_CONF not in lewat:
        _xlwings_conf(buku, isi)
    for sheet in isi.urutan:
        lain = sheet not in _DIKENAL and sheet not in isi.lembar_bagian()
        if lain and sheet in ada and sheet not in lewat and isi.nilai.get(sheet):
            buku.tulis(sheet, 1, 1, isi.nilai[sheet])


def _pengaturan(buku: Buku, isi: IsiMaster) -> None:
    lama = isi.pengaturan()
    rows = buku.baca(skema.PENGATURAN)
    judul = [sebagai_teks(h) for h in rows[0]]
    kunci, nilai = judul.index("Kunci"), judul.index("Nilai")
    dikenal = set()
    for no, r in enumerate(rows[1:], start=2):
        k = sebagai_teks(r[kunci]) if kunci < len(r) else ""
        dikenal.add(k)
        if k in lama:
            buku.tulis(skema.PENGATURAN, no, nilai + 1, [[lama[k]]])
    sisa = [r for r in isi.baris(skema.PENGATURAN) if sebagai_teks(r.get("Kunci")) not in dikenal]
    if sisa:
        awal = len(rows) + 1
        buku.tulis(
            skema.PENGATURAN,
            awal,
            1,
            [[r.get(k) for k in skema.KOLOM_PENGATURAN] for r in sisa],
        )


def _sistem(buku: Buku, isi: IsiMaster) -> None:
    rows = [
        [r.get("Kunci"), r.get("Nilai")]
        for r in isi.baris(skema.SISTEM)
        if sebagai_teks(r.get("Kunci")) != KUNCI_VERSI
    ]
    buku.kosongkan(skema.SISTEM, 2)
    buku.tulis(skema.SISTEM, 2, 1, [[KUNCI_VERSI, str(VERSI_STRUKTUR)], *rows])


def _kendali(buku: Buku, isi: IsiMaster) -> None:
    """The status of each SOP step (its row has been the same in every version)."""
    lama = isi.nilai.get(skema.KENDALI) or []
    mulai, akhir = kendali.KOLOM_STATUS - 1, len(kendali.KOLOM_LANGKAH)
    for ls in sop.LANGKAH:
        r = kendali.baris_langkah(ls.no)
        if r <= len(lama) and sebagai_teks(lama[r - 1][0] if lama[r - 1] else "") == str(ls.no):
            nilai = list(lama[r - 1][mulai:akhir])
            if any(_ada(v) for v in nilai[1:]):  # a step that ran
                buku.tulis(skema.KENDALI, r, mulai + 1, [nilai])


def _xlwings_conf(buku: Buku, isi: IsiMaster) -> None:
    lama = {
        sebagai_teks(r[0]): r[1]
        for r in isi.nilai.get(skema.XLWINGS_CONF) or []
        if len(r) > 1 and sebagai_teks(r[0]) and _ada(r[1])
    }
    for no, r in enumerate(buku.baca(skema.XLWINGS_CONF), start=1):
        k = sebagai_teks(r[0]) if r else ""
        if k in lama:
            buku.tulis(skema.XLWINGS_CONF, no, 2, [[lama[k]]])


def lengkapi(data: bytes, isi: IsiMaster, sementara: Path) -> bytes:
    """The master `data` (from `bangun_dari`) with `isi`'s values written in (`tulis_isi`),
    through the temporary file `sementara`, which is removed whatever happens."""
    try:
        sementara.write_bytes(data)
        baru = BukuZip(sementara)
        try:
            tulis_isi(baru, isi)
            return baru.isi_baru()
        finally:
            baru.tutup()
    finally:
        with contextlib.suppress(OSError):
            sementara.unlink()


def bangun_dari(isi: IsiMaster, *, tahun: int | None = None) -> bytes:
    """A master of the current structure holding `isi`'s values (`isi` migrated first)."""
    migrasikan(isi)
    bagian = isi.bagian()
    for no, b in enumerate(bagian, start=2):
        if not skema.kode_sheet_valid(b.kode):
            raise IsianError(
                f"Kode Bagian '{b.kode}' (sheet {skema.BAGIAN} baris {no}) tidak dapat dipakai "
                "sebagai nama sheet: gunakan huruf/angka tanpa spasi (boleh _ dan -), paling "
                "banyak 31 karakter. Perbaiki kodenya, lalu ulangi."
            )
    nonaktif = _nonaktif(isi, bagian)
    lain = [s for s in isi.urutan if s not in _DIKENAL and s not in isi.lembar_bagian()]
    mentah = io.BytesIO()
    peng = {k: sebagai_teks(v) for k, v in isi.pengaturan().items()}
    if tahun is not None:
        peng["Tahun"] = str(tahun)
    bangun_master(
        mentah,
        tahun=int(peng["Tahun"]) if peng.get("Tahun", "").isdigit() else None,
        pengaturan=peng,
        bagian=bagian,
        bagian_nonaktif=nonaktif,
        lembar_lain=lain,
    )
    return mentah.getvalue()


@dataclass
class Hasil:
    ringkasan: str
    diubah: bool


def perbarui(berkas: Path) -> Hasil:
    """`pyxl perbarui`: bring the closed master `berkas` to the current structure (see the
    module docstring). Nothing is written when it is current and intact; the working folder's
    subfolders and templates missing beside it are made."""
    with buka(berkas) as buku:
        periksa_master(buku)
        if dari_pyxl_lebih_baru(buku):
            raise BukuError(
                f"Buku kerja {buku.berkas.name} dibuat pyxl yang lebih baru (struktur versi "
                f"{versi_struktur(buku)}; pyxl ini versi {VERSI_STRUKTUR}), jadi tidak diperbarui "
                "oleh pyxl ini. Pasang pyxl terbaru (paket pyxl yang sama dengan yang membuat "
                "buku kerja ini), lalu ulangi. Tidak ada yang diubah."
            )
        siapkan_folder(buku.berkas.resolve().parent)
        kurang = kekurangan(buku) + periksa_berkas_master(buku.berkas)
        if not kurang:
            return Hasil(
                f"Buku kerja {buku.berkas.name} sudah sesuai pyxl ini (struktur versi "
                f"{VERSI_STRUKTUR}): tidak ada yang diubah.",
                False,
            )
        isi = baca_isi(buku, rumus=buku.jumlah_rumus(kecuali=[skema.KENDALI]))
        versi_lama = isi.versi
        sementara = berkas.with_name(f".{berkas.name}.perbarui.xlsm")
        hasil = lengkapi(bangun_dari(isi), isi, sementara)
        simpan_atomik(hasil, buku.berkas)  # the old one goes to cadangan/ first
    teks = [
        f"Buku kerja {berkas.name} diperbarui dari struktur versi {versi_lama} ke versi "
        f"{VERSI_STRUKTUR}: " + "; ".join(kurang[:3]) + (" …" if len(kurang) > 3 else "") + ".",
        f"Semua isian dibawa; salinan buku kerja lama ada di folder {skema.FOLDER_CADANGAN}/.",
    ]
    if isi.rumus:
        teks.append(
            f"{isi.rumus} sel berisi rumus disalin sebagai nilainya (buku kerja baru tidak "
            "memuat rumus di tabel pyxl)."
        )
    teks += [f"Catatan: {c}." for c in isi.catatan]
    return Hasil("\n".join(teks), True)
