"""`pyxl tahun-baru DIR --dari MASTER` and the Tahun Baru button: next year's working folder.

The new master is built fresh (the current structure, whatever release wrote the old one) and
takes from the old one (`pyxl.bangun.perbarui.baca_isi`, which reads any earlier structure):

- `Pengaturan`, with `Tahun` replaced; the per-round dates (meeting, return deadline) start
  empty, since they belong to last year's round;
- the `Bagian` list, `Riwayat Bagian`, retired Bagian's hidden sheets, and every indicator's
  defining columns; last year's `Realisasi` becomes `Realisasi Tahun Lalu` (its year goes to
  `Sistem`, for the documents that compare with it; an indicator reported only by quarters
  gets the year made from them by its `Cara Tahunan`), and `Realisasi`, `Realisasi Anggaran`,
  `Keterangan` and `Bukti` start empty;
- `Target` from the column `Target <year>` of the Renstra's yearly targets when the Bagian
  sheet has it (and `Target Atas` from `Target Atas <year>`); without it the target starts
  empty, the indicator is listed in the message, and `pyxl format` refuses to issue a format
  until it is filled;
- the Python interpreter of `xlwings.conf` and any sheet staff added; the Word templates of the
  old folder, as staff edited them.

Every ledger, register and log starts empty (`Disposisi` … `Register Arsip`, `Analisis`,
`Rekap`, the SOP steps on `Kendali`), and the new master gets a new stamp secret. Letter
numbers run per calendar year and last year's round numbered its letters early in this one, so
the highest number of each calendar year of the old register goes to `Sistem`
(`pyxl.surat.nomor.kunci_terakhir`) and the new register goes on from it. Nothing of
the old master or folder changes (the step only reads it). On Windows the new folder becomes an
Excel Trusted Location, as the installer made the first one.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from pyxl.bangun.kerja import siapkan_folder
from pyxl.bangun.perbarui import IsiMaster, baca_isi, bangun_dari, lengkapi
from pyxl.berkas.tulis import BATAS_JALUR_WINDOWS, JALUR_RELATIF_TERPANJANG, tulis_atomik
from pyxl.buku.daftar import kode_kini, tautan_kode
from pyxl.buku.kendali import baca_isian
from pyxl.buku.sistem import KUNCI_TAHUN_DATA, KUNCI_TAHUN_LALU
from pyxl.galat import IsianError, LingkunganError
from pyxl.inti.sel import nama_sel, sebagai_teks
from pyxl.inti.stempel import KUNCI_RAHASIA
from pyxl.inti.triwulan import kunci, realisasi_tahunan
from pyxl.jalan.konteks import Hasil, Konteks
from pyxl.kontrak import skema
from pyxl.kontrak.periode import CARA_BAWAAN, baca_cara, nomor_tw, periode_baris
from pyxl.surat.nomor import kunci_terakhir, terakhir_per_tahun

LEDGER = tuple(
    s
    for s in skema.TABEL
    if s not in (skema.PENGATURAN, skema.BAGIAN, skema.SISTEM, skema.RIWAYAT_BAGIAN, skema.SKALA)
    and s != skema.IKU_SETDA
)
"""The sheets that start empty in the new year (`Analisis Naratif` too: causes and solutions
are written per year). The scales of `Skala` and the Setda's IKU of `IKU Setda` (set for the
Renstra period) carry over."""
KUNCI_PUTARAN = ("Tanggal Rapat", "Batas Waktu Pengembalian")
"""Settings of last year's round that do not carry over."""
KOSONG_TAHUN_BARU = ("Realisasi", "Realisasi Anggaran", "Keterangan", "Bukti")


def _isian(ktx: Konteks, label: str) -> str:
    return sebagai_teks(baca_isian(ktx.buku, label)[0])


def _folder_bawaan(lama: Path, tahun_lama: int, tahun: int) -> Path:
    """Beside the old folder: its name with the year replaced, or with the year added."""
    nama = lama.name
    if str(tahun_lama) in nama:
        return lama.with_name(nama.replace(str(tahun_lama), str(tahun)))
    return lama.with_name(f"{nama} {tahun}")


def _triwulan(isi: IsiMaster) -> dict[tuple[str, str], list[Any]]:
    """Last year's quarterly realisations by indicator (`pyxl.inti.triwulan.kunci`), TW I
    first (None where a quarter was not reported); rows of a Bagian renamed since under its
    current code, as step 7 finds them (`pyxl.buku.triwulan.baca_triwulan`)."""
    kini = kode_kini(tautan_kode(isi.baris(skema.RIWAYAT_BAGIAN)))
    hasil: dict[tuple[str, str], list[Any]] = {}
    for r in isi.baris(skema.TRIWULAN) if isi.nilai.get(skema.TRIWULAN) else ():
        n = nomor_tw(periode_baris(r.get("Periode")))
        bagian = sebagai_teks(r.get("Kode Bagian"))
        if n is not None:
            k = kunci(kini.get(bagian.upper(), bagian), sebagai_teks(r.get("Kode IKU")))
            hasil.setdefault(k, [None] * 4)[n - 1] = r.get("Realisasi")
    return hasil


def _dari_triwulan(
    per_tw: dict[tuple[str, str], list[Any]],
    kode: str,
    kode_iku: Any,
    r: list[Any],
    kolom: dict[str, int],
) -> Any:
    """The year's realisation made from its quarters by the indicator's `Cara Tahunan`, as
    step 7 makes it (`pyxl.inti.triwulan.realisasi_tahunan`); None without quarters, or with
    a `Cara Tahunan` that is not one."""
    nilai = per_tw.get(kunci(kode, sebagai_teks(kode_iku)))
    if nilai is None:
        return None
    try:
        cara = baca_cara(r[kolom["Cara Tahunan"]] if "Cara Tahunan" in kolom else None)
    except IsianError:
        return None
    return realisasi_tahunan(nilai, cara or CARA_BAWAAN).nilai


def siapkan_isi(isi: IsiMaster, tahun: int, tahun_lama: int | None = None) -> list[str]:
    """Turn last year's data into next year's (see the module docstring); returns the cells
    of indicators whose target must still be filled ('HUKUM!H3')."""
    sistem_lama = {
        sebagai_teks(r.get("Kunci")): sebagai_teks(r.get("Nilai")) for r in isi.baris(skema.SISTEM)
    }
    nomor = terakhir_per_tahun(isi.baris(skema.REGISTER_SURAT), sistem_lama)
    per_tw = _triwulan(isi)  # read before the ledgers (sheet Triwulan among them) empty
    for sheet in LEDGER:
        if isi.nilai.get(sheet):
            isi.nilai[sheet] = isi.nilai[sheet][:1]
    peng = isi.nilai.get(skema.PENGATURAN) or []
    if peng:
        judul = [sebagai_teks(h) for h in peng[0]]
        k, v = judul.index("Kunci"), judul.index("Nilai")
        for r in peng[1:]:
            kunci = sebagai_teks(r[k]) if k < len(r) else ""
            if kunci == "Tahun" and v < len(r):
                r[v] = str(tahun)
            elif kunci in KUNCI_PUTARAN and v < len(r):
                r[v] = None
    sistem = isi.nilai.get(skema.SISTEM) or [["Kunci", "Nilai"]]
    buang = {KUNCI_RAHASIA, KUNCI_TAHUN_DATA, KUNCI_TAHUN_LALU}
    buang |= {kunci_terakhir(t) for t in nomor}
    isi.nilai[skema.SISTEM] = [
        sistem[0],
        *(r for r in sistem[1:] if r and sebagai_teks(r[0]) not in buang),
        [KUNCI_TAHUN_DATA, str(tahun)],
        [KUNCI_TAHUN_LALU, str(tahun_lama or tahun - 1)],
        *([kunci_terakhir(t), str(n)] for t, n in sorted(nomor.items())),
    ]
    kendali_lama = isi.nilai.get(skema.KENDALI)
    if kendali_lama:
        isi.nilai[skema.KENDALI] = []  # no step has run in the new year
    kosong: list[str] = []
    aktif = {b.kode for b in isi.bagian()}
    for sheet in isi.lembar_bagian():
        rows = isi.nilai[sheet]
        judul = [sebagai_teks(h) for h in rows[0]]
        kolom = {h: i for i, h in enumerate(judul)}
        for no, r in enumerate(rows[1:], start=2):
            if not any(v not in (None, "") for v in r):
                continue
            r.extend([None] * (len(judul) - len(r)))
            if "Realisasi Tahun Lalu" in kolom and "Realisasi" in kolom:
                lalu = r[kolom["Realisasi"]]
                if sebagai_teks(lalu) == "" and "Kode IKU" in kolom:  # only quarters came in
                    lalu = _dari_triwulan(per_tw, sheet, r[kolom["Kode IKU"]], r, kolom)
                r[kolom["Realisasi Tahun Lalu"]] = lalu
            for h in KOSONG_TAHUN_BARU:
                if h in kolom:
                    r[kolom[h]] = None
            for h in ("Target", "Target Atas"):
                if h in kolom:
                    r[kolom[h]] = r[kolom[f"{h} {tahun}"]] if f"{h} {tahun}" in kolom else None
            target = r[kolom["Target"]] if "Target" in kolom else None
            if sheet in aktif and sebagai_teks(target) == "" and "Target" in kolom:
                kosong.append(f"{sheet}!{nama_sel(kolom['Target'] + 1, no)}")
    return kosong


def jalankan(
    ktx: Konteks, *, folder: str | Path | None = None, tahun: int | str | None = None
) -> Hasil:
    lama = ktx.buku.berkas.resolve()
    isi = baca_isi(ktx.buku)
    peng = isi.pengaturan()
    tahun_lama_teks = sebagai_teks(peng.get("Tahun"))
    if not tahun_lama_teks.isdigit():
        raise IsianError(
            f"Pengaturan 'Tahun' di {lama.name} tidak berisi tahun; isi dahulu tahun kinerja "
            "buku kerja ini."
        )
    tahun_lama = int(tahun_lama_teks)
    teks_tahun = sebagai_teks(tahun) or _isian(ktx, "Tahun Baru")
    if teks_tahun and not (teks_tahun.isdigit() and 2000 <= int(teks_tahun) <= 2100):
        raise IsianError(f"Tahun baru '{teks_tahun}' bukan tahun empat angka, misalnya 2027.")
    baru = int(teks_tahun) if teks_tahun else tahun_lama + 1
    if baru <= tahun_lama:
        raise IsianError(
            f"Tahun baru {baru} tidak sesudah tahun buku kerja ini ({tahun_lama}). Sebutkan "
            f"tahun sesudahnya, misalnya {tahun_lama + 1}."
        )
    teks_folder = sebagai_teks(folder) or _isian(ktx, "Folder Tahun Baru")
    tujuan = Path(teks_folder) if teks_folder else _folder_bawaan(lama.parent, tahun_lama, baru)
    if not tujuan.is_absolute():  # a command's path is the shell's; a button's sits beside
        tujuan = tujuan.resolve() if folder else lama.parent.parent / tujuan
    berkas = tujuan / skema.NAMA_MASTER
    if berkas.exists():
        raise IsianError(
            f"{berkas} sudah ada dan tidak akan ditimpa. Pilih folder lain untuk tahun {baru}."
        )
    if tujuan.resolve() == lama.parent:
        raise IsianError("Folder tahun baru harus berbeda dari folder kerja buku kerja ini.")
    if len(str(tujuan.resolve())) + JALUR_RELATIF_TERPANJANG > BATAS_JALUR_WINDOWS:
        raise LingkunganError(
            f"Jalur folder {tujuan} terlalu panjang untuk Windows; pilih folder yang lebih "
            "pendek, misalnya C:\\Kinerja\\" + str(baru) + "."
        )
    ktx.umpan.status(f"Tahun baru {baru}: menyusun buku kerja dari {lama.name} …")
    kosong = siapkan_isi(isi, baru, tahun_lama)
    data = bangun_dari(isi, tahun=baru)
    siapkan_folder(tujuan, templat_dari=lama.parent / skema.FOLDER_TEMPLAT)
    hasil = lengkapi(data, isi, tujuan / f".{skema.NAMA_MASTER}.tahun-baru.xlsm")
    tulis_atomik(berkas, hasil, timpa=False)
    tepercaya = _tepercaya(tujuan)
    teks = [
        f"Folder kerja tahun {baru} siap: {tujuan}",
        f"Buku kerja master {berkas.name} dibuat dari {lama.name} (tahun {tahun_lama}, tidak "
        "diubah): Pengaturan, daftar Bagian dan indikatornya dibawa, Realisasi tahun "
        f"{tahun_lama} menjadi 'Realisasi Tahun Lalu', semua register dan log dimulai kosong.",
    ]
    if kosong:
        contoh = ", ".join(kosong[:8]) + (
            f" dan {len(kosong) - 8} lainnya" if len(kosong) > 8 else ""
        )
        teks.append(
            f"{len(kosong)} indikator belum punya target tahun {baru}: {contoh}. Isi kolom "
            f"Target di sheet Bagian (atau kolom 'Target {baru}' sebelum tahun baru dibuat), "
            "karena format tidak diterbitkan dengan target kosong."
        )
    if tepercaya:
        teks.append(tepercaya)
    teks.append(f"Tutup buku kerja ini, lalu buka {berkas}.")
    return Hasil("\n".join(teks), ubah_buku=False)


def _tepercaya(folder: Path) -> str:
    """On Windows, make the new folder an Excel Trusted Location (as the installer did for the
    first); elsewhere nothing."""
    from pyxl.pasang.pemasang import cari_lokasi, daftarkan_lokasi, sistem_ini

    sistem = sistem_ini()
    if sistem is None or cari_lokasi(sistem, folder) is not None:
        return ""
    try:
        daftarkan_lokasi(sistem, folder, datetime.now())
    except OSError as exc:
        return (
            f"Folder {folder} belum dapat dijadikan Trusted Location Excel ({exc}); minta IT "
            "menambahkannya, atau tombol di buku kerja barunya tidak berjalan."
        )
    return f"Folder {folder} dijadikan Trusted Location Excel (makro tombolnya diizinkan)."
