"""Steps 8–9 — the Dokumen IKU: a new draft version, marked KONSEP, on every run.

Figures come from the `Analisis` and `Rekap` sheets (what staff reviewed after step 7), the
Sasaran of each indicator from its Bagian sheet. Each run writes
`dokumen/Dokumen_IKU_<Tahun>_v<N>.docx`, N one above every version recorded in `Dokumen` or
present in the folder (nothing is overwritten), and a `Dokumen` row with the file's SHA-256 and
`Sidik Data`: a digest of every Bagian sheet and of `Analisis`, so step 10 approves only what the
data still says. Corrections in `Koreksi` marked done are listed in the new version's appendix
and stamped with its number. Version 1 is SOP step 8, later versions step 9.
"""

from __future__ import annotations

from pyxl.berkas.arsip import sha256_berkas
from pyxl.buku.tabel import tambah_baris
from pyxl.dokumen.iku import TEMPLAT, baca_koreksi, susun_konteks, tulis
from pyxl.dokumen.tercatat import nama_berkas, sidik_data, versi_terakhir
from pyxl.dokumen.word import cari_templat
from pyxl.inti import indo
from pyxl.inti.sel import sebagai_teks
from pyxl.jalan.konteks import Hasil, Konteks
from pyxl.kontrak import skema
from pyxl.kontrak.status import KONSEP


def _tandai_koreksi(ktx: Konteks, baris: list[int], versi: int) -> None:
    """Write `versi` into 'Ditangani di Versi' of `baris`: one block, other cells unchanged."""
    isi = ktx.buku.baca(skema.KOREKSI)
    kolom = [sebagai_teks(h) for h in isi[0]].index("Ditangani di Versi")
    nilai = [[r[kolom] if kolom < len(r) else None] for r in isi[1 : max(baris)]]
    for b in baris:
        nilai[b - 2] = [versi]
    ktx.buku.tulis(skema.KOREKSI, 2, kolom + 1, nilai)


# --------------------------------------------------------------------------- the context


# --------------------------------------------------------------------------- step 8-9


def jalankan(ktx: Konteks, *, tanggal: str | None = None) -> Hasil:
    peng = ktx.pengaturan()
    tahun = peng.tahun()
    tgl = indo.baca_tanggal(tanggal, "Opsi --tanggal") if tanggal else ktx.jam().date()
    folder = peng.folder(ktx.buku.folder, "Folder Dokumen")
    templat = cari_templat(ktx.buku.folder, TEMPLAT)
    versi = versi_terakhir(ktx.buku, folder, tahun) + 1
    selesai, terbuka, baris = baca_koreksi(ktx.buku)
    ktx.umpan.status(f"Langkah 8–9: menyusun Dokumen IKU versi {versi} …")
    konteks, png = susun_konteks(
        ktx.buku, peng, versi=versi, tanggal=tgl, konsep=True, koreksi=(selesai, terbuka)
    )
    # the data fingerprint is read while the document's XML is checked (lxml's work, in a
    # thread)
    sidik: list[str] = []
    berkas = tulis(
        templat,
        konteks,
        png,
        folder / nama_berkas(tahun, versi),
        selagi=lambda: sidik.append(sidik_data(ktx.buku)),
    )
    try:
        catatan = f"Tanggal dokumen {indo.tanggal(tgl)}; koreksi ditangani {len(selesai)}, "
        rec = {"Versi": versi, "Waktu": ktx.jam(), "Berkas": berkas.name, "Status": KONSEP}
        rec |= {"SHA-256": sha256_berkas(berkas), "Sidik Data": sidik[0]}
        rec["Catatan"] = catatan + f"belum ditangani {len(terbuka)}."
        tambah_baris(ktx.buku, skema.DOKUMEN, skema.KOLOM_DOKUMEN, [rec])
        if baris:
            _tandai_koreksi(ktx, baris, versi)
    except BaseException:
        berkas.unlink(missing_ok=True)
        raise
    d = konteks["d"]
    teks = [
        f"Dokumen IKU versi {versi} (KONSEP): {berkas.relative_to(ktx.buku.folder).as_posix()} "
        f"— {d['jumlah_indikator']} indikator dari {d['jumlah_bagian']} Bagian, rata-rata "
        f"capaian {d['rata']} ({d['kategori_setda']})."
    ]
    if selesai:
        teks.append(f"{len(selesai)} koreksi ditangani di versi ini (sheet Koreksi diperbarui).")
    if terbuka:
        teks.append(f"{len(terbuka)} koreksi belum ditangani (tercantum di lampiran dokumen).")
    if d["isian_kosong"] != "0":
        teks.append(
            f"{d['isian_kosong']} isian naratif masih kosong dan tampil sebagai [diisi: …]: "
            "penyebab dan solusi per indikator di sheet Analisis Naratif, isu strategis di "
            "Pengaturan, IKU Sekretariat Daerah di sheet IKU Setda."
        )
    teks.append(
        "Periksa dokumen dan catat koreksi di sheet Koreksi, lalu jalankan langkah ini lagi; "
        "bila sudah benar, mintakan persetujuan (langkah 10, pyxl setujui)."
    )
    return Hasil("\n".join(teks), [berkas], langkah=(8,) if versi == 1 else (9,))


# --------------------------------------------------------------------------- speed
