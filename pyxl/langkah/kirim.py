"""Step 3 — send every Bagian its format: one e-mail each, the format attached; and reminders.

The subject carries a tag (`[IKU-<Tahun>][<KODE>]`) and the header `X-Pyxl-Format-Id` the id of
the format sent, so a reply can be matched to it. A Bagian whose e-mail cell is unusable gets a
`Gagal` row naming the cell; the others are still sent. Every mail made is one row of
`Pengiriman`, all written in one block.

In SMTP mode the mails leave before the workbook is saved. Each one is journaled as it leaves
(`pyxl.surel.jurnal`); if the run dies or cannot save, the next run records them from the journal
(`pyxl.jalan.pemulihan.pulihkan`) and this step, run again, skips every Bagian whose current format
already went out in that run: the rest is sent, nothing twice.

Reminders (`pyxl ingatkan`, recorded under step 6) are the same mail again, to every Bagian that
has not returned its format yet: no accepted (`Diterima`/`Menggantikan`) row in `Penerimaan`.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from pyxl.buku.daftar import baca_bagian, pilih_bagian
from pyxl.buku.port import Baris
from pyxl.buku.tabel import baca_tabel, tambah_baris
from pyxl.galat import IsianError, LingkunganError, PyxlError
from pyxl.inti import indo
from pyxl.inti.sel import huruf_kolom, sebagai_teks
from pyxl.jalan.konteks import Hasil, Konteks
from pyxl.kontrak import skema, status
from pyxl.kontrak.model import Bagian
from pyxl.kontrak.pengaturan import KABAG, Pengaturan
from pyxl.kontrak.periode import TAHUNAN, akhiran, periode_baris, uraian
from pyxl.surel.pengirim import pengirim_dari_pengaturan
from pyxl.surel.pesan import Surel, catatan_kirim, periksa_alamat, periksa_header

JUDUL = "Format Pengumpulan Data Kinerja"


def _format_berlaku(ktx: Konteks, tahun: int, putaran: str) -> dict[str, Baris]:
    """Per Bagian code, its latest `Berlaku` format of this year and round (the ledger is
    append-only)."""
    hasil: dict[str, Baris] = {}
    for r in baca_tabel(ktx.buku, skema.FORMAT_TERBIT):
        if (
            sebagai_teks(r["Status"]) == status.BERLAKU
            and sebagai_teks(r["Tahun"]) == str(tahun)
            and periode_baris(r.get("Periode")) == putaran
        ):
            hasil[sebagai_teks(r["Kode Bagian"]).upper()] = r
    return hasil


def _sel_bagian(ktx: Konteks) -> dict[str, tuple[str, str]]:
    """Per Bagian code, the cells of its `Kepala Bagian` and `Email` (e.g. D5, G5)."""
    isi = ktx.buku.baca(skema.BAGIAN)
    judul = [sebagai_teks(h) for h in isi[0]]  # the columns were checked by pilih_bagian
    kode = judul.index("Kode")
    nama = huruf_kolom(judul.index("Kepala Bagian") + 1)
    email = huruf_kolom(judul.index("Email") + 1)
    return {
        sebagai_teks(r[kode]).upper(): (f"{nama}{n}", f"{email}{n}")
        for n, r in enumerate(isi[1:], start=2)
        if len(r) > kode
    }


def _batas_waktu(peng: Pengaturan) -> str:
    teks = peng.wajib("Batas Waktu Pengembalian")
    try:  # a date typed in Excel arrives as "2027-01-31 00:00:00"
        return indo.tanggal(indo.parse_tanggal(teks[:10] if teks[:4].isdigit() else teks))
    except ValueError as exc:
        raise IsianError(f"Pengaturan 'Batas Waktu Pengembalian': {exc}") from exc


def _isi(
    peng: Pengaturan,
    b: Bagian,
    tahun: int,
    batas: str,
    berkas: str,
    id_format: str,
    pengingat: bool = False,
    putaran: str = TAHUNAN,
) -> str:
    nip = peng[f"NIP {KABAG}"]
    with contextlib.suppress(ValueError):
        nip = indo.nip(nip) if nip else ""
    narahubung = peng["Narahubung"] or peng["Bagian Pelaksana"]
    unit = f"{peng['Unit Kerja']} {peng['Pemerintah Daerah']}"
    isian = ", ".join(skema.KOLOM_ISIAN[:-1]) + f" dan {skema.KOLOM_ISIAN[-1]}"
    masa = f"Tahun {tahun}" if putaran == TAHUNAN else uraian(putaran, tahun)
    bukti = (
        "5. lampirkan data dukung (bukti) setiap realisasi pada email yang sama, lalu tulis "
        "nama berkasnya di kolom Bukti; beberapa berkas boleh dijadikan satu .zip."
    )
    return "\n".join(
        [
            f"Yth. Kepala {b.nama}",
            unit,
            "di Tempat",
            "",
            "Dengan hormat,",
            "",
            (
                f"Menindaklanjuti email kami sebelumnya, sampai hari ini format pengumpulan data "
                f"kinerja {b.nama} {masa} belum kami terima. Bersama ini kami sampaikan "
                f"kembali formatnya (berkas terlampir: {berkas}). Mohon diisi dan dikirim "
                f"kembali paling lambat tanggal {batas}, dengan ketentuan sebagai berikut:"
                if pengingat
                else f"Dalam rangka pengumpulan data kinerja {unit} {masa} sesuai SOP "
                f"Pengumpulan Data Kinerja, bersama ini kami sampaikan format pengumpulan data "
                f"kinerja {b.nama} (berkas terlampir: {berkas}). Mohon format tersebut diisi dan "
                f"dikirim kembali paling lambat tanggal {batas}, dengan ketentuan sebagai berikut:"
            ),
            f"1. isi hanya sel berwarna kuning ({isian});",
            "2. jangan mengubah sel lain, judul kolom maupun nama sheet;",
            "3. simpan berkas dalam format Excel Workbook (.xlsx);",
            "4. kirim kembali dengan membalas email ini dan melampirkan berkas yang telah diisi, "
            "tanpa mengubah perihal email;"
            if putaran == TAHUNAN
            else "tanpa mengubah perihal "
            "email. Realisasi indikator Kumulatif diisi nilai sejak awal tahun;",
            bukti,
            "",
            f"Apabila terdapat pertanyaan, Bapak/Ibu dapat menghubungi {narahubung}.",
            "",
            "Atas perhatian dan kerja sama Bapak/Ibu, kami ucapkan terima kasih.",
            "",
            "Hormat kami,",
            KABAG,
            unit,
            "",
            peng[KABAG],
            f"NIP {nip}" if nip else "",
            "",
            f"ID Format: {id_format}",
        ]
    ).rstrip()


def jalankan(
    ktx: Konteks, *, bagian: str | None = None, mode: str | None = None, periode: str | None = None
) -> Hasil:
    return kirim_format(ktx, pilih_bagian(ktx.buku, bagian), mode, putaran=ktx.periode(periode))


def kirim_format(
    ktx: Konteks,
    daftar: list[Bagian],
    mode: str | None,
    pengingat: bool = False,
    putaran: str = TAHUNAN,
) -> Hasil:
    """Mail each Bagian of `daftar` its current format of round `putaran` (a reminder when
    `pengingat`)."""
    peng = ktx.pengaturan()
    tahun = peng.tahun()
    langkah = 6 if pengingat else 3
    judul = f"Pengingat: {JUDUL}" if pengingat else JUDUL
    if putaran != TAHUNAN:
        judul += f" {uraian(putaran, tahun).removesuffix(f' {tahun}')}"
    batas = _batas_waktu(peng)
    folder_format = peng.folder(ktx.buku.folder, "Folder Format") / akhiran(putaran)
    pengirim = pengirim_dari_pengaturan(peng, peng.folder(ktx.buku.folder, "Folder Kirim"), mode)
    formats = _format_berlaku(ktx, tahun, putaran)
    sel = _sel_bagian(ktx)
    sudah = {
        (sebagai_teks(r["Kode Bagian"]).upper(), sebagai_teks(r["ID Format"]))
        for r in ktx.pulihan.terkirim(langkah)
    }
    dilewati: list[str] = []

    baris: list[Baris] = []
    berkas: list[Path] = []
    temuan: list[str] = []
    terhenti = ""
    try:
        for no, b in enumerate(daftar, 1):
            ktx.umpan.status(f"Langkah {langkah}: email {b.kode} ({no}/{len(daftar)}) …")
            f = formats.get(b.kode.upper())
            lampiran = folder_format / Path(sebagai_teks(f["Berkas"])).name if f else None
            if f is None or lampiran is None or not lampiran.is_file():
                hilang = f" (berkas {lampiran.name} tidak ditemukan)" if lampiran else ""
                ada = f"{tahun}" if putaran == TAHUNAN else f"{putaran} {tahun}"
                temuan.append(
                    f"{b.kode}: format {ada} belum ada{hilang}, jalankan langkah 2 dahulu"
                    + (f" dengan Periode {putaran}." if putaran != TAHUNAN else ".")
                )
                continue
            id_f = sebagai_teks(f["ID Format"])
            if (b.kode.upper(), id_f) in sudah:  # went out in the run that died; recorded
                dilewati.append(b.kode)
                continue
            kepala = b.kepala or f"Kepala {b.nama}"
            kepada = f"{kepala} <{b.email}>"
            rec: Baris = {
                "Waktu": ktx.jam(),
                "Langkah": langkah,
                "Kode Bagian": b.kode,
                "Kepada": kepada if kepada.isprintable() else repr(kepada)[1:-1],
                "Perihal": f"[IKU-{tahun}][{b.kode}] {judul}",
                "ID Format": id_f,
                "Mode": pengirim.mode,
                "Periode": putaran,
            }
            sel_nama, sel_email = sel[b.kode.upper()]
            try:
                if terhenti:
                    raise LingkunganError(f"tidak dicoba: {terhenti}")
                periksa_header(kepala, f"sheet {skema.BAGIAN} sel {sel_nama}")
                periksa_alamat(kepala, b.email, f"sheet {skema.BAGIAN} sel {sel_email}")
                surel = Surel(
                    kepada=[(kepala, b.email)],
                    perihal=rec["Perihal"],
                    isi=_isi(peng, b, tahun, batas, lampiran.name, id_f, pengingat, putaran),
                    lampiran=[lampiran],
                    header_tambahan={"X-Pyxl-Format-Id": id_f},
                    baris=rec,
                )
                t = pengirim.kirim(surel)
            except PyxlError as exc:
                if isinstance(exc, LingkunganError) and not terhenti:
                    if not any(r["Status"] == status.TERKIRIM for r in baris):
                        raise  # nothing went out yet: the run stops and nothing changes
                    terhenti = str(exc)  # SMTP mails already out cannot be recalled: record
                temuan.append(f"{b.kode}: {exc}")
                baris.append(rec | {"Status": status.GAGAL, "Catatan": str(exc)})
                continue
            if t.berkas:
                berkas.append(t.berkas)
            baris.append(rec | catatan_kirim(t))
        tambah_baris(ktx.buku, skema.PENGIRIMAN, skema.KOLOM_PENGIRIMAN, baris)
    except BaseException:
        for p in berkas:  # the unsent drafts of an aborted run
            with contextlib.suppress(OSError):
                p.unlink()
        raise
    jumlah = sum(r["Status"] != status.GAGAL for r in baris)
    ringkasan = {
        "smtp": f"{jumlah} email {'pengingat' if pengingat else 'format'} terkirim melalui SMTP.",
        "draf": f"{jumlah} draf email dibuat di folder {peng['Folder Kirim']}: buka setiap berkas "
        ".eml, periksa, lalu tekan Kirim.",
        "outlook": f"{jumlah} draf email dibuat di Outlook: periksa, lalu tekan Kirim.",
    }[pengirim.mode]
    if dilewati:
        ringkasan += (
            f"\n{len(dilewati)} email sudah terkirim oleh proses sebelumnya yang terhenti (kini "
            f"dicatat di sheet {skema.PENGIRIMAN}), tidak dikirim ulang: {', '.join(dilewati)}."
        )
    if temuan:
        ringkasan += "\nTidak dikirim:\n" + "\n".join(f"- {t}" for t in temuan)
    return Hasil(ringkasan, berkas, periode=putaran)


def belum_kembali(ktx: Konteks, putaran: str = TAHUNAN) -> list[str]:
    """Codes of the Bagian without an accepted return in round `putaran`."""
    kembali = {
        sebagai_teks(r["Kode Bagian"])
        for r in baca_tabel(ktx.buku, skema.PENERIMAAN)
        if sebagai_teks(r["Status"]) in status.DIGABUNG
        and periode_baris(r.get("Periode")) == putaran
    }
    return [b.kode for b in baca_bagian(ktx.buku) if b.kode not in kembali]


def ingatkan(ktx: Konteks, *, mode: str | None = None, periode: str | None = None) -> Hasil:
    """`pyxl ingatkan`: the format of the round again to every Bagian that has not returned
    it."""
    putaran = ktx.periode(periode)
    belum = set(belum_kembali(ktx, putaran))
    daftar = [b for b in baca_bagian(ktx.buku) if b.kode in belum]
    if not daftar:
        return Hasil(
            f"Semua Bagian sudah mengembalikan format putaran {putaran}; tidak ada pengingat.",
            ubah_buku=False,
        )
    hasil = kirim_format(ktx, daftar, mode, pengingat=True, putaran=putaran)
    hasil.ringkasan = f"Pengingat untuk {', '.join(b.kode for b in daftar)}.\n{hasil.ringkasan}"
    return hasil
