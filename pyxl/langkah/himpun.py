"""Step 6 — gather the returned formats: every file accounted for, nothing lost.

For each received file (see `pyxl.masuk.kiriman`, and `pyxl.masuk.imap` when a mailbox is
configured):

1. its bytes are kept unchanged in the archive before anything is checked, as
   `<sha256><ext>` in the run's zip in `arsip/masuk/` (`pyxl.berkas.arsip_masuk`);
2. a file already recorded (same name and SHA-256) is skipped; the same bytes under another
   name are `Duplikat`;
3. it is checked against the rules of a returned format (`pyxl.inti.kembalian`); any `Blokir`
   finding makes it `Ditolak`;
4. an accepted return is merged into its Bagian's sheet (`Realisasi`, `Realisasi Anggaran`,
   `Keterangan`, `Bukti`, matched on `Kode IKU`), or for a quarterly round (`--periode`) into
   sheet `Triwulan`; a format issued for another round is `Ditolak` (`PERIODE_SALAH`). Of two
   accepted returns of one Bagian in a round the one it saved last is used, whatever order
   they arrived in: a later one is `Menggantikan`, an earlier one `Usang` (nothing merged).

Evidence (data dukung) sent with the returns (`pyxl.masuk.kiriman.BuktiMasuk`: the other
attachments of the e-mail, files in `masuk/<KODE>/`, a zip beside the format) is kept the same
way, in the same run's zip, then checked (`pyxl.inti.bukti`, with the settings 'Jenis Berkas
Bukti' and 'Batas Ukuran Bukti (MB)'; an accepted zip's files are kept and listed one by one)
and listed in `Data Dukung`, one row per file (`Diterima`, or `Ditolak` with its `Blokir`
finding), with the indicators whose `Bukti` names it (`pyxl.masuk.dukung`, `pyxl.inti.dukung`).
Each indicator of an accepted return whose evidence is missing gets a `BUKTI_TIDAK_ADA`
warning.

Each file gets one row in `Penerimaan`, each finding one row in `Validasi`; an identical file
received again gets its own `Duplikat` row. A run with nothing new changes nothing. With
`ulang`, the files whose latest row is `Ditolak` are checked again (after the cause was fixed
in the master), each getting a new row. The master is backed up and saved atomically by the
runner.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pyxl.berkas import arsip_masuk
from pyxl.buku.daftar import baca_bagian, isi_indikator, kode_tertaut
from pyxl.buku.port import Baris
from pyxl.buku.sistem import rahasia as rahasia_stempel
from pyxl.buku.tabel import FORMAT_KOLOM, baca_tabel, tambah_baris, tulis_tabel
from pyxl.buku.triwulan import letak_baris
from pyxl.inti.bukti import aturan_bukti
from pyxl.inti.isian import tidak_digabung
from pyxl.inti.kembalian import Acuan, periksa, urutan_terbit
from pyxl.inti.sel import sebagai_teks
from pyxl.inti.temuan import Temuan, ditolak, peringatan, untuk
from pyxl.inti.triwulan import kunci
from pyxl.jalan import paralel
from pyxl.jalan.konteks import Hasil, Konteks
from pyxl.kontrak import skema
from pyxl.kontrak.masalah import PERINGATAN
from pyxl.kontrak.periode import TAHUNAN, periode_baris
from pyxl.kontrak.status import (
    BERLAKU,
    DIGABUNG,
    DITERIMA,
    DITOLAK,
    DUPLIKAT,
    MENGGANTIKAN,
    STATUS_PENERIMAAN,
    USANG,
)
from pyxl.masuk.dukung import BuktiBaru, data_dukung, kode_per_sumber, kunci_bukti, periksa_semua
from pyxl.masuk.kiriman import Kiriman, terima


@dataclass
class _Kembalian:
    """One accepted return waiting to be merged."""

    kode: str
    waktu: datetime
    berkas: str
    nilai: list[dict[str, Any]] = field(default_factory=list)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def jalankan(
    ktx: Konteks, *, imap: bool = True, ulang: bool = False, periode: str | None = None
) -> Hasil:
    peng = ktx.pengaturan()
    tahun = peng.tahun()
    putaran = ktx.periode(periode)
    kerja = ktx.buku.folder
    folder_masuk = peng.folder(kerja, "Folder Masuk")
    folder_arsip = peng.folder(kerja, "Folder Arsip") / "masuk"
    folder_masuk.mkdir(exist_ok=True)
    bagian = {b.kode: b for b in baca_bagian(ktx.buku)}
    tertaut = kode_tertaut(ktx.buku)
    kode_kini = {lama: kini for kini, semua in tertaut.items() for lama in semua}
    # a folder masuk/<KODE>/ or a zip HUKUM_….zip holds evidence: an earlier code counts too
    nama_kode = {k: k for k in bagian} | {a: k for a, k in kode_kini.items() if k in bagian}
    masukan = terima(folder_masuk, nama_kode)
    if imap and peng["IMAP Host"]:
        from pyxl.masuk.imap import ambil_imap_semua

        ktx.umpan.status(f"Mengambil email dari {peng['IMAP Host']} …")
        masukan += ambil_imap_semua(peng, tahun)
        masukan.urutkan()
    kiriman = masukan.kiriman

    penerimaan = baca_tabel(ktx.buku, skema.PENERIMAAN)
    terakhir = _status_terakhir(penerimaan)
    baru: list[tuple[Kiriman, str]] = []
    ulangi: set[tuple[str, str, str]] = set()
    for k in kiriman:
        sidik = sha256(k.data)
        kunci = _kunci(k.nama, sidik, k.sumber)
        lama = terakhir.get(kunci) or terakhir.get(_kunci(k.nama, sidik, ""))
        if lama is None:
            baru.append((k, sidik))
        elif ulang and sebagai_teks(lama["Status"]) == DITOLAK:
            baru.append((k, sidik))
            ulangi.add(kunci)
    dukung = baca_tabel(ktx.buku, skema.DATA_DUKUNG)
    bukti_lama = {kunci_bukti(r): r for r in dukung}  # the latest row of each evidence file
    bukti_baru: list[BuktiBaru] = []
    for b in masukan.bukti:
        sidik = sha256(b.data)
        lama = bukti_lama.get((b.nama, sidik, b.asal))
        if lama is None or (ulang and sebagai_teks(lama["Status"]) == DITOLAK):
            bukti_baru.append(BuktiBaru(b, sidik, diperiksa_ulang=lama is not None))
    if not baru and not bukti_baru:
        pesan = (
            f"Tidak ada kiriman yang ditolak di {folder_masuk.name}/ untuk diperiksa ulang."
            if ulang
            else f"Tidak ada berkas baru di {folder_masuk.name}/ "
            f"({len(kiriman) + len(masukan.bukti)} berkas sudah tercatat sebelumnya)."
        )
        return Hasil(f"{pesan} Tidak ada yang diubah.", ubah_buku=False)
    if bukti_baru:
        # an accepted zip's files are kept in the same run's zip as everything else, so the
        # evidence is checked first (in memory: nothing is written before the originals)
        jenis, batas = aturan_bukti(peng)
        bukti_baru = periksa_semua(bukti_baru, jenis, batas, bukti_lama)

    # every original is kept before anything is checked: a file that stops the run is kept too
    ktx.umpan.status(f"Menyimpan salinan {len(baru) + len(bukti_baru)} berkas ke arsip …")
    arsip_masuk.simpan(
        folder_arsip,
        [(sidik, k.nama, k.data, k.waktu) for k, sidik in baru]
        + [(x.sidik, x.bukti.nama, x.bukti.data, x.bukti.waktu) for x in bukti_baru],
    )

    # the row that decided each content (its latest check, a re-check included; one of this
    # run with the row it is written to, so that a copy in the same run names it too), and the
    # return in use per Bagian
    penentu: dict[str, Baris] = {}
    for r in penerimaan:
        if sebagai_teks(r["Status"]) != DUPLIKAT or sebagai_teks(r["SHA-256"]) not in penentu:
            penentu[sebagai_teks(r["SHA-256"])] = r
    baris_baru = max(len(ktx.buku.baca(skema.PENERIMAAN)), 1) + 1  # as `tambah_baris`
    dipakai: dict[str, tuple[datetime, datetime]] = {}  # this round's return in use
    for r in penerimaan:
        if sebagai_teks(r["Status"]) in DIGABUNG and periode_baris(r.get("Periode")) == putaran:
            kode = kode_kini.get(sebagai_teks(r["Kode Bagian"]), sebagai_teks(r["Kode Bagian"]))
            w = _urutan(r)
            if kode not in dipakai or w > dipakai[kode]:
                dipakai[kode] = w
    terbit = {sebagai_teks(r["ID Format"]): r for r in baca_tabel(ktx.buku, skema.FORMAT_TERBIT)}
    terbaru: dict[str, Baris] = {}  # per Bagian, its latest valid issue (for FORMAT_LAMA)
    for r in terbit.values():
        if sebagai_teks(r["Status"]) == BERLAKU and periode_baris(r.get("Periode")) == putaran:
            kode_r = sebagai_teks(r["Kode Bagian"])
            if kode_r not in terbaru or urutan_terbit(r) > urutan_terbit(terbaru[kode_r]):
                terbaru[kode_r] = r
    alamat = {b.email.strip().lower(): b.kode for b in bagian.values() if b.email.strip()}
    secret = rahasia_stempel(ktx.buku)

    # the checks are independent of each other and of the ledger: many are done on all cores
    # first (`pyxl.jalan.paralel`), the rest one by one below
    acuan = Acuan(tahun, terbit, terbaru, alamat, secret, frozenset(bagian), kode_kini, putaran)
    calon = [
        i
        for i, (k, sidik) in enumerate(baru)
        if sidik not in penentu or _kunci(k.nama, sidik, k.sumber) in ulangi
    ]
    dini: dict[int, tuple[str, list[Temuan], list[dict[str, Any]]]] = {}
    if len(calon) >= paralel.AMBANG:
        dini = dict(
            zip(
                calon,
                paralel.petakan(
                    periksa,
                    [(baru[i][0].nama, baru[i][0].data, baru[i][0].pengirim) for i in calon],
                    acuan,
                    kabar=lambda n: ktx.umpan.status(f"Memeriksa {n}/{len(calon)} berkas …"),
                ),
                strict=True,
            )
        )

    baris_terima: list[Baris] = []
    baris_temuan: list[Baris] = []
    gabung: dict[str, _Kembalian] = {}
    for i, (k, sidik) in enumerate(baru):
        if i not in dini:
            ktx.umpan.status(f"Memeriksa {i + 1}/{len(baru)}: {k.nama}")
        asal = f"email dari {k.pengirim} ({k.sumber})" if k.pengirim else f"masuk/{k.sumber}"
        diperiksa_ulang = _kunci(k.nama, sidik, k.sumber) in ulangi
        if sidik in penentu and not diperiksa_ulang:
            baris_terima.append(
                _baris(k, sidik, "", DUPLIKAT, f"{_duplikat(penentu[sidik])}; {asal}", putaran)
            )
            continue
        awal = _baris(k, sidik, "", "", "", putaran) | {"_baris": baris_baru + len(baris_terima)}
        penentu[sidik] = awal
        diperiksa = dini.pop(i, None)
        if diperiksa is None:
            diperiksa = periksa(acuan, (k.nama, k.data, k.pengirim))
        kode, temuan, nilai = diperiksa
        temuan = untuk(temuan, kode, k.nama)
        baris_temuan += [t.baris_validasi() for t in temuan]
        n_peringatan = sum(t.tingkat == PERINGATAN for t in temuan)
        ulang_teks = "diperiksa ulang; " if diperiksa_ulang else ""
        if ditolak(temuan):
            alasan = next(t for t in temuan if t.tingkat != PERINGATAN)
            awal |= {"Kode Bagian": kode, "Status": DITOLAK}
            awal["Catatan"] = f"{ulang_teks}{alasan.kode}: {asal}"
            baris_terima.append(awal)
            continue
        catatan = f"{ulang_teks}{n_peringatan} peringatan; " if n_peringatan else ulang_teks
        sebelumnya = dipakai.get(kode)
        if sebelumnya is not None and k.urutan <= sebelumnya:
            awal |= {"Kode Bagian": kode, "Status": USANG}
            awal["Catatan"] = (
                f"{catatan}disimpan Bagian {k.urutan[0]:%d/%m/%Y %H:%M:%S}, sebelum kiriman "
                f"yang dipakai ({sebelumnya[0]:%d/%m/%Y %H:%M:%S}); nilainya tidak dipakai. "
                f"{asal}"
            )
            baris_terima.append(awal)
            continue
        dipakai[kode] = k.urutan
        gabung[kode] = _Kembalian(kode, k.waktu, k.nama, nilai)
        status = MENGGANTIKAN if sebelumnya is not None else DITERIMA
        awal |= {"Kode Bagian": kode, "Status": status, "Catatan": f"{catatan}{asal}"}
        baris_terima.append(awal)

    if putaran == TAHUNAN:
        for kode, kembali in gabung.items():
            baris_temuan += [t.baris_validasi() for t in _gabungkan(ktx, bagian[kode], kembali)]
    elif gabung:
        baris_temuan += [t.baris_validasi() for t in _gabung_triwulan(ktx, bagian, gabung, putaran)]
    if baris_terima:
        tambah_baris(ktx.buku, skema.PENERIMAAN, skema.KOLOM_PENERIMAAN_LENGKAP, baris_terima)
    ringkas_bukti = ""
    if bukti_baru or gabung:
        rows, temuan_bukti, ringkas_bukti = data_dukung(
            ktx.buku,
            bukti_baru,
            {kode: kembali.berkas for kode, kembali in gabung.items()},
            dukung=dukung,
            bagian=bagian,
            asal_kode=kode_per_sumber([*penerimaan, *baris_terima], penentu, kode_kini),
            alamat=alamat,
            kode_kini=kode_kini,
            putaran=putaran,
            masuk=folder_masuk.name,
        )
        if rows:
            tambah_baris(ktx.buku, skema.DATA_DUKUNG, skema.KOLOM_DATA_DUKUNG, rows)
        baris_temuan += [t.baris_validasi() for t in temuan_bukti]
    if baris_temuan:
        tambah_baris(ktx.buku, skema.VALIDASI, skema.KOLOM_VALIDASI, baris_temuan)
    hitung = {s: sum(r["Status"] == s for r in baris_terima) for s in STATUS_PENERIMAAN}
    ringkas = ", ".join(f"{n} {s.lower()}" for s, n in hitung.items() if n)
    belum = [b for b in bagian if b not in dipakai]
    judul = "diperiksa ulang" if ulang else "baru diperiksa"
    tw = putaran != TAHUNAN
    ke = f" {skema.TRIWULAN} ({putaran}) untuk" if tw else ""
    return Hasil(
        f"{len(baru)} berkas {judul}{f' (putaran {putaran})' if tw else ''}"
        + (f": {ringkas}. " if ringkas else ". ")
        + f"Digabung ke sheet{ke}: {_daftar(list(gabung))}. "
        + ringkas_bukti
        + f"{len(baris_temuan)} temuan di sheet Validasi. "
        + (f"Belum mengirim: {_daftar(belum)}." if belum else "Semua Bagian sudah mengirim."),
        periode=putaran,
    )


def _kunci(nama: str, sidik: str, sumber: str) -> tuple[str, str, str]:
    """A received file's identity in the ledger: its name, its content and where it came from
    (an identical attachment in a new e-mail is a new receipt)."""
    return nama, sidik, sumber


def _status_terakhir(penerimaan: list[Baris]) -> dict[tuple[str, str, str], Baris]:
    """The latest `Penerimaan` row of each received file (rows written before `Sumber` was
    recorded stand for every source of that name and content)."""
    hasil: dict[tuple[str, str, str], Baris] = {}
    for r in penerimaan:
        sumber = sebagai_teks(r.get("Sumber"))
        hasil[_kunci(sebagai_teks(r["Berkas"]), sebagai_teks(r["SHA-256"]), sumber)] = r
    return hasil


def _urutan(r: Baris) -> tuple[datetime, datetime]:
    """A recorded return's place in time, as `Kiriman.urutan`: when the Bagian saved it
    (`Disimpan`; its receipt time in rows written before that was recorded), then when it
    arrived."""
    waktu = r.get("Waktu") if isinstance(r.get("Waktu"), datetime) else datetime.min
    disimpan = r.get("Disimpan") if isinstance(r.get("Disimpan"), datetime) else waktu
    return disimpan, waktu  # type: ignore[return-value]


def _duplikat(r: Baris) -> str:
    """The `Catatan` of a content received before: which row, its status, what to do."""
    status = sebagai_teks(r.get("Status"))
    teks = f"isi sama dengan {sebagai_teks(r.get('Berkas'))}"
    if r.get("_baris"):
        teks += f" (sheet {skema.PENERIMAAN} baris {r['_baris']}, {status or 'dicatat'})"
    if status == DITOLAK:
        return (
            f"{teks}; tidak digabung. Berkas yang sama ditolak sebelumnya: perbaiki penyebabnya "
            "(lihat sheet Validasi), lalu klik Periksa Ulang Kiriman Ditolak (pyxl himpun "
            "--ulang); atau minta Bagian mengirim berkas yang sudah diperbaiki"
        )
    return f"{teks}; tidak digabung"


def _daftar(kode: list[str], paling_banyak: int = 12) -> str:
    """Codes for a message box: all of them for a Setda, a count for a province."""
    if not kode:
        return "-"
    if len(kode) <= paling_banyak:
        return ", ".join(kode)
    return f"{', '.join(kode[:paling_banyak])} dan {len(kode) - paling_banyak} lainnya"


def _baris(k: Kiriman, sidik: str, kode: str, status: str, catatan: str, periode: str) -> Baris:
    return {
        "Periode": periode,
        "Waktu": k.waktu,
        "Berkas": k.nama,
        "SHA-256": sidik,
        "Kode Bagian": kode,
        "Status": status,
        "Catatan": catatan,
        "Sumber": k.sumber,
        "Disimpan": k.disimpan,
    }


def _gabungkan(ktx: Konteks, b: Any, kembali: _Kembalian) -> list[Temuan]:
    """Write a return's values into its Bagian sheet: one block per input column."""
    rows = isi_indikator(ktx.buku, b, ("Kode IKU", *skema.KOLOM_ISIAN))  # checks the sheet
    # One vector per input column from row 2 to the last indicator (empty rows stay empty).
    akhir = max((nomor for nomor, _ in rows), default=1)
    vektor: list[list[Any]] = [[None] * (akhir - 1) for _ in skema.KOLOM_ISIAN]
    letak: dict[str, int] = {}
    for nomor, (kode_iku, *isian) in rows:
        letak[sebagai_teks(kode_iku)] = nomor - 2
        for j, v in enumerate(isian):
            vektor[j][nomor - 2] = v
    kolom = dict(zip(skema.KOLOM_ISIAN, vektor, strict=True))
    temuan: list[Temuan] = []
    for n in kembali.nilai:
        i = letak.get(n["Kode IKU"])
        if i is None:
            temuan.append(_iku_hilang(n["Kode IKU"], kembali.berkas, b.kode))
            continue
        for k in skema.KOLOM_ISIAN:
            if not tidak_digabung(n[k]):
                kolom[k][i] = n[k]
    if rows:
        for k in skema.KOLOM_ISIAN:
            ktx.buku.tulis(
                b.kode,
                2,
                skema.KOLOM_INDIKATOR.index(k) + 1,
                [[v] for v in kolom[k]],
                [FORMAT_KOLOM.get(k)],
            )
    return untuk(temuan, b.kode, kembali.berkas)


def _iku_hilang(kode_iku: str, berkas: str, sheet: str) -> Temuan:
    """A returned indicator no longer on its Bagian's sheet: its values are not merged."""
    return peringatan(
        "IKU_TIDAK_ADA",
        f"{kode_iku} dari {berkas} tidak ada lagi di sheet {sheet}; nilainya tidak digabung.",
    )


def _gabung_triwulan(
    ktx: Konteks, bagian: dict[str, Any], gabung: dict[str, _Kembalian], putaran: str
) -> list[Temuan]:
    """Write a quarterly round's returns into sheet `Triwulan`: one row per Bagian, indicator
    and quarter, updated in place (a quarter's `Target` typed by staff kept) or added in the
    order of the Bagian sheet. The yearly columns of the Bagian sheets are not touched."""
    rows = baca_tabel(ktx.buku, skema.TRIWULAN)
    letak = letak_baris(ktx.buku, rows)  # as step 7 finds them: "hukum" is HUKUM's row
    temuan: list[Temuan] = []
    for kode, kembali in gabung.items():
        ada = {sebagai_teks(v[0]) for _, v in isi_indikator(ktx.buku, bagian[kode], ("Kode IKU",))}
        hilang: list[Temuan] = []
        for n in kembali.nilai:
            if n["Kode IKU"] not in ada:
                hilang.append(_iku_hilang(n["Kode IKU"], kembali.berkas, kode))
                continue
            r = letak.get((kunci(kode, n["Kode IKU"]), putaran))
            if r is None:
                r = {"Kode Bagian": kode, "Kode IKU": n["Kode IKU"], "Periode": putaran}
                letak[(kunci(kode, n["Kode IKU"]), putaran)] = r
                rows.append(r)
            for k in skema.KOLOM_ISIAN:
                if not tidak_digabung(n[k]):
                    r[k] = n[k]
            r["Berkas"] = kembali.berkas
            r["Diperbarui"] = kembali.waktu
        temuan += untuk(hilang, kode, kembali.berkas)
    tulis_tabel(ktx.buku, skema.TRIWULAN, skema.KOLOM_TRIWULAN, rows)
    return temuan
