"""Changing the Bagian list: `pyxl bagian tambah|ubah|hapus` and the three Kendali buttons.

A Bagian is its row in `Bagian`, its sheet of indicators, its row in `Rekap` (and the chart
over it) and its row in Kendali's status table; every change keeps the four in step, and is
recorded in `Riwayat Bagian`, which is never cleared:

- `tambah` adds all four (the sheet laid out like the other Bagian sheets; a retired Bagian's
  hidden sheet is shown again, with its data);
- `ubah` edits the row; a new code renames the sheet, and the ledgers keep the rows written
  under the old code, linked to the new one through `Riwayat Bagian`
  (`pyxl.buku.daftar.kode_tertaut`);
- `hapus` retires the Bagian: its row leaves `Bagian` (so it gets no format, no reminder, no
  place in `Rekap`), its sheet and data stay, hidden; a late return from it is refused
  (`BAGIAN_TIDAK_ADA`).

From a button the options come from the input cells on `Kendali` (`pyxl.kontrak.kendali.ISIAN`),
which are cleared when the change is saved. Kendali's status table is rewritten by the runner
after every change (`Perintah.ubah_status_bagian`).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from pyxl.buku.daftar import baca_bagian, kode_tertaut, periksa_kode
from pyxl.buku.port import Buku
from pyxl.buku.tabel import baca_tabel, ganti_baris, tambah_baris
from pyxl.galat import IsianError
from pyxl.inti import indo
from pyxl.inti.sel import sebagai_teks
from pyxl.jalan.konteks import Hasil, Konteks
from pyxl.kontrak import kendali, skema
from pyxl.kontrak.model import Bagian

_OPSI = {
    "kode": "Kode Bagian",
    "kode_baru": "Kode Baru",
    "nama": "Nama Bagian",
    "asisten": "Asisten",
    "kepala": "Kepala Bagian",
    "nip": "NIP",
    "pangkat": "Pangkat",
    "email": "Email",
}
"""Option -> its input cell label on Kendali."""
_KOLOM = {
    "nama": "Nama Bagian",
    "asisten": "Asisten",
    "kepala": "Kepala Bagian",
    "nip": "NIP",
    "pangkat": "Pangkat",
    "email": "Email",
}
"""Option -> its column of the `Bagian` sheet."""


def _isian(ktx: Konteks, opsi: dict[str, str | None]) -> tuple[dict[str, str], bool]:
    """The options given (command line), else the Kendali input cells (button): (values,
    from the button)."""
    if opsi.get("kode"):
        return {k: v.strip() for k, v in opsi.items() if v is not None and v.strip()}, False
    isi = ktx.buku.baca(skema.KENDALI)
    hasil = {}
    for k, label in _OPSI.items():
        r = kendali.baris_isian(label)
        baris = isi[r - 1] if r <= len(isi) else []
        nilai = (
            baris[kendali.KOLOM_ISIAN_NILAI - 1]
            if len(baris) >= kendali.KOLOM_ISIAN_NILAI
            else None
        )
        if k == "nip" and isinstance(nilai, int | float):
            raise IsianError(
                f"NIP di sheet {skema.KENDALI} sel C{r} terbaca sebagai angka, dan Excel hanya "
                "menyimpan 15 angka pertama dari sebuah angka (NIP menjadi salah). Ketik ulang "
                "NIP diawali tanda petik, misalnya '198203152006041002, lalu klik tombolnya lagi."
            )
        if sebagai_teks(nilai):
            hasil[k] = sebagai_teks(nilai)
    if not hasil.get("kode"):
        raise IsianError(
            f"Isi 'Kode Bagian' di sheet {skema.KENDALI} sel "
            f"C{kendali.baris_isian('Kode Bagian')}, lalu klik tombolnya lagi."
        )
    return hasil, True


def _kosongkan_isian(buku: Buku) -> None:
    awal = kendali.baris_isian(_OPSI["kode"])
    buku.tulis(skema.KENDALI, awal, kendali.KOLOM_ISIAN_NILAI, [[None] for _ in range(len(_OPSI))])


def _cari(daftar: list[Bagian], kode: str) -> Bagian:
    for b in daftar:
        if b.kode.casefold() == kode.casefold():
            return b
    raise IsianError(
        f"Kode Bagian '{kode}' tidak ada di sheet {skema.BAGIAN}. Kode yang ada: "
        f"{', '.join(b.kode for b in daftar) or '(belum ada)'}."
    )


def _bukan_kode_lama(ktx: Konteks, kode: str, kecuali: str = "") -> None:
    """Refuse a code another Bagian had before it was renamed (`kecuali`: the Bagian being
    renamed, which may take back its own): the rows written under it are that Bagian's, and a
    new Bagian under it would be counted as having returned them."""
    for kini, dulu in kode_tertaut(ktx.buku).items():
        if kini.casefold() == kecuali.casefold():
            continue
        if kode.casefold() in {d.casefold() for d in dulu}:
            raise IsianError(
                f"Kode {kode} pernah dipakai Bagian {kini} sebelum berganti kode (lihat sheet "
                f"{skema.RIWAYAT_BAGIAN}); catatan lama berkode {kode} tertaut ke {kini}. Pilih "
                "kode lain. Tidak ada yang diubah."
            )


def _lembar_bagian(buku: Buku) -> list[str]:
    """Every sheet that is a Bagian's indicator table (active or retired), in sheet order."""
    hasil = []
    for s in buku.nama_sheet():
        if s in skema.TABEL or s in (skema.KENDALI, skema.XLWINGS_CONF):
            continue
        isi = buku.baca(s)[:1]
        if isi and "Kode IKU" in [sebagai_teks(h) for h in isi[0]]:
            hasil.append(s)
    return hasil


def _riwayat(
    ktx: Konteks, perubahan: str, b: Bagian, kode_baru: str = "", catatan: str = ""
) -> None:
    tambah_baris(
        ktx.buku,
        skema.RIWAYAT_BAGIAN,
        skema.KOLOM_RIWAYAT_BAGIAN,
        [
            {
                "Waktu": ktx.jam(),
                "Perubahan": perubahan,
                "Kode": b.kode,
                "Kode Baru": kode_baru,
                "Nama Bagian": b.nama,
                "Asisten": b.asisten,
                "Kepala Bagian": b.kepala,
                "Email": b.email,
                "Oleh": ktx.pengguna,
                "Catatan": catatan,
            }
        ],
    )


def _rekap_ikuti(buku: Buku, daftar: list[Bagian], ganti: dict[str, str] | None = None) -> None:
    """`Rekap` holds one row per Bagian of `daftar`, in its order, then the Setda's; a row
    keeps its figures (a renamed Bagian's under its new code), a new one starts empty until
    the next analysis (step 7). The chart follows."""
    ganti = ganti or {}
    rows = baca_tabel(buku, skema.REKAP)
    if rows:
        per_kode = {ganti.get(k, k): r for r in rows if (k := sebagai_teks(r["Kode Bagian"]))}
        baru = []
        for b in daftar:
            r = dict(per_kode.get(b.kode) or {"Jumlah Indikator": None})
            baru.append(r | {"Kode Bagian": b.kode, "Nama Bagian": b.nama})
        setda = [r for r in rows if sebagai_teks(r["Kode Bagian"]) == "SETDA"]
        semua = baru + setda
        buku.kosongkan(skema.REKAP, 2)
        buku.tulis(skema.REKAP, 2, 1, [[r.get(k) for k in skema.KOLOM_REKAP] for r in semua])
    buku.atur_rentang_grafik(skema.REKAP, 1 + max(len(daftar), 1))


def tambah(ktx: Konteks, **opsi: str | None) -> Hasil:
    isi, dari_tombol = _isian(ktx, opsi)
    kode = isi["kode"]
    periksa_kode(kode, "kode Bagian baru")
    _bukan_kode_lama(ktx, kode)
    if not isi.get("nama"):
        raise IsianError(
            f"Nama Bagian untuk {kode} belum diisi (opsi --nama, atau isian 'Nama Bagian' di "
            f"sheet {skema.KENDALI}), misalnya: Bagian Kerja Sama."
        )
    daftar = baca_bagian(ktx.buku)
    if any(b.kode.casefold() == kode.casefold() for b in daftar):
        raise IsianError(f"Bagian {kode} sudah ada di sheet {skema.BAGIAN}. Tidak ada yang diubah.")
    lembar = _lembar_bagian(ktx.buku)
    sama = [s for s in ktx.buku.nama_sheet() if s.casefold() == kode.casefold()]
    catatan = ""
    if sama and sama[0] not in lembar:
        raise IsianError(
            f"Sudah ada sheet bernama '{sama[0]}' yang bukan sheet Bagian; pilih kode lain."
        )
    if sama:  # a retired Bagian comes back, with its sheet and data
        kode = sama[0]
        ktx.buku.sembunyikan_sheet(kode, False)
        catatan = "diaktifkan kembali; sheet dan datanya yang lama dipakai lagi"
    else:
        aktif = [s for s in lembar if s in {b.kode for b in daftar}]
        if not lembar:
            raise IsianError(
                "Tidak ada sheet Bagian yang dapat dijadikan contoh. Perbarui buku kerja dengan "
                "pyxl perbarui, lalu ulangi."
            )
        ktx.buku.tambah_sheet(
            kode,
            contoh=(aktif or lembar)[0],
            sesudah=(aktif or [skema.BAGIAN])[-1],
            judul_cetak=isi["nama"],
        )
    b = Bagian(kode, *(isi.get(k, "") for k in _KOLOM))
    if b.nip:
        _periksa_nip(b.nip)
    tambah_baris(ktx.buku, skema.BAGIAN, skema.KOLOM_BAGIAN, [_baris(b)])
    _riwayat(ktx, "Tambah", b, catatan=catatan)
    daftar.append(b)
    _rekap_ikuti(ktx.buku, daftar)
    if dari_tombol:
        _kosongkan_isian(ktx.buku)
    kembali = " (diaktifkan kembali dengan datanya yang lama)" if catatan else ""
    return Hasil(
        f"Bagian {kode} ({b.nama}) ditambahkan{kembali}: barisnya di sheet {skema.BAGIAN}, "
        f"sheet {kode}, tempatnya di Rekap dan di status per Bagian. Isi indikatornya di sheet "
        f"{kode}, lalu buat formatnya (langkah 2; pyxl format --bagian {kode}); rata-rata di "
        "Rekap ikut dihitung pada analisis berikutnya (langkah 7)."
    )


def ubah(ktx: Konteks, **opsi: str | None) -> Hasil:
    isi, dari_tombol = _isian(ktx, opsi)
    daftar = baca_bagian(ktx.buku)
    lama = _cari(daftar, isi["kode"])
    kode_baru = isi.get("kode_baru", "")
    if kode_baru == lama.kode:
        kode_baru = ""
    perubahan = {k: isi[k] for k in _KOLOM if k in isi and isi[k] != getattr(lama, k)}
    if not kode_baru and not perubahan:
        raise IsianError(
            f"Tidak ada yang diubah untuk Bagian {lama.kode}: sebutkan kode baru atau data yang "
            "berubah (nama, asisten, kepala, NIP, pangkat, email)."
        )
    if kode_baru:
        periksa_kode(kode_baru, "kode Bagian baru")
        _bukan_kode_lama(ktx, kode_baru, kecuali=lama.kode)
        dipakai = [s for s in ktx.buku.nama_sheet() if s.casefold() == kode_baru.casefold()]
        lain = [b for b in daftar if b.kode.casefold() == kode_baru.casefold() and b is not lama]
        if lain or (dipakai and dipakai[0].casefold() != lama.kode.casefold()):
            raise IsianError(
                f"Kode {kode_baru} sudah dipakai (Bagian lain, atau sheet Bagian yang sudah "
                "dihapus); pilih kode lain."
            )
    if "nip" in perubahan:
        _periksa_nip(perubahan["nip"])
    baru = Bagian(**(asdict(lama) | perubahan | ({"kode": kode_baru} if kode_baru else {})))
    baris = next(
        r["_baris"]
        for r in baca_tabel(ktx.buku, skema.BAGIAN)
        if sebagai_teks(r["Kode"]).casefold() == lama.kode.casefold()
    )
    ganti_baris(ktx.buku, skema.BAGIAN, skema.KOLOM_BAGIAN, baris, _baris(baru))
    if kode_baru:
        ktx.buku.ganti_nama_sheet(lama.kode, kode_baru)
    if "nama" in perubahan:  # the sheet's printed pages carry the Bagian's name
        ktx.buku.atur_judul_cetak(baru.kode, baru.nama)
    catatan = "; ".join(
        f"{_KOLOM[k]}: {getattr(lama, k) or '-'} → {v}" for k, v in perubahan.items()
    )
    _riwayat(ktx, "Ubah", lama, kode_baru or lama.kode, catatan)
    daftar = [baru if b is lama else b for b in daftar]
    _rekap_ikuti(ktx.buku, daftar, {lama.kode: baru.kode})
    if dari_tombol:
        _kosongkan_isian(ktx.buku)
    teks = [f"Bagian {lama.kode} diubah"]
    if kode_baru:
        teks.append(
            f"kodenya kini {kode_baru} (sheet {kode_baru}; catatan lama tetap berkode "
            f"{lama.kode} dan tertaut ke {kode_baru} lewat sheet {skema.RIWAYAT_BAGIAN}); "
            f"terbitkan format barunya (pyxl format --bagian {kode_baru})"
        )
    if catatan:
        teks.append(catatan)
    return Hasil(": ".join([teks[0], "; ".join(teks[1:])]) + ".")


def hapus(ktx: Konteks, **opsi: str | None) -> Hasil:
    isi, dari_tombol = _isian(ktx, opsi)
    daftar = baca_bagian(ktx.buku)
    b = _cari(daftar, isi["kode"])
    semua = ktx.buku.baca(skema.BAGIAN)
    judul = [sebagai_teks(h) for h in semua[0]]
    tetap = [
        r for r in semua[1:] if sebagai_teks(r[judul.index("Kode")]).casefold() != b.kode.casefold()
    ]
    ktx.buku.kosongkan(skema.BAGIAN, 2)
    if tetap:
        ktx.buku.tulis(skema.BAGIAN, 2, 1, tetap)
    ktx.buku.sembunyikan_sheet(b.kode)
    _riwayat(ktx, "Hapus", b, catatan="sheet dan datanya disimpan tersembunyi")
    daftar = [x for x in daftar if x is not b]
    _rekap_ikuti(ktx.buku, daftar)
    if dari_tombol:
        _kosongkan_isian(ktx.buku)
    return Hasil(
        f"Bagian {b.kode} ({b.nama}) dinonaktifkan: keluar dari sheet {skema.BAGIAN}, Rekap dan "
        f"status; sheet {b.kode} dan datanya disimpan tersembunyi (tidak dihapus), tercatat di "
        f"sheet {skema.RIWAYAT_BAGIAN}. Kiriman yang masih datang darinya ditolak "
        "(BAGIAN_TIDAK_ADA); untuk mengaktifkannya lagi: pyxl bagian tambah "
        f'{b.kode} --nama "{b.nama}".'
    )


def _baris(b: Bagian) -> dict[str, Any]:
    return dict(zip(skema.KOLOM_BAGIAN, (b.kode, *(getattr(b, k) for k in _KOLOM)), strict=True))


def _periksa_nip(nip: str) -> None:
    try:
        indo.nip(nip)
    except ValueError as exc:
        raise IsianError(
            f"{exc} Perbaiki NIP Kepala Bagian (opsi --nip, atau isian 'NIP' di sheet "
            f"{skema.KENDALI}), lalu ulangi."
        ) from exc
