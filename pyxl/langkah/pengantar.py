"""Step 12 — the numbered cover letter (surat pengantar) that sends the approved Dokumen IKU.

The document sent is the latest `Dokumen` row with Status FINAL, and only while its file is
byte for byte the one approved: its SHA-256 must equal the one recorded at approval, so a
document edited after the Sekretaris Daerah signed is never sent. The letter takes its number
through `pyxl.surat.nomor` (one register and one running number with the invitation), names the
document (and its PDF when step 10–11 made one) in the table of a surat pengantar, and is
signed by the Sekretaris Daerah, with name only (no NIP, no pangkat: Permendagri 1/2023
Pasal 44(3)). An e-mail to 'Email Tujuan Pengantar' carries the letter and
the document(s); that address is checked before a number is taken, so a typo wastes no number.
An empty address means the letter is delivered by hand (step 13): no e-mail, a note says so.

If a run dies after the e-mail was handed to the server, the next run finds the letter in the
journal (`pyxl.jalan.pemulihan.pulihkan`): the number becomes `Terbit` and the mail is recorded.
This step, run again, then makes no second letter: it only says so, or — when the run died while the
mail was being sent, so it may not have arrived — sends that same letter again.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from pyxl.buku.port import Baris
from pyxl.buku.tabel import tambah_baris
from pyxl.dokumen.tercatat import dokumen_final, periksa_final
from pyxl.dokumen.word import cari_templat, ketat, tulis_surat
from pyxl.galat import IsianError, LingkunganError, PyxlError
from pyxl.inti import indo
from pyxl.inti.sel import sebagai_teks
from pyxl.jalan.konteks import Hasil, Konteks
from pyxl.kontrak import keluaran, skema, status
from pyxl.kontrak.pengaturan import SEKDA
from pyxl.kontrak.status import FINAL, TERBIT
from pyxl.surat.kop import kop, pejabat
from pyxl.surat.nomor import nomor_surat
from pyxl.surel.pengirim import pengirim_dari_pengaturan
from pyxl.surel.pesan import (
    Pengirim,
    Surel,
    Terkirim,
    catatan_kirim,
    periksa_alamat,
    periksa_header,
)

TEMPLAT = "surat_pengantar.docx"
KETERANGAN = "Disampaikan dengan hormat untuk dipergunakan sebagaimana mestinya"
SATU_BERKAS = f"1 ({indo.terbilang(1)}) berkas"
CARA = {"smtp": "terkirim melalui SMTP", "draf": "dibuat sebagai draf di folder {}"}


def _kirim(
    ktx: Konteks, pengirim: Pengirim, email: list[str], surat: dict[str, str], lampiran: list[Path]
) -> tuple[Baris, Terkirim | None]:
    """The e-mail and its `Pengiriman` row. A LingkunganError goes on (nothing went out: the
    letter is cancelled); any other refusal (the server refused the address) is recorded."""
    perihal = f"Surat Pengantar {surat['judul']} (Nomor {surat['nomor']})"
    rec: Baris = {"Waktu": ktx.jam(), "Langkah": 12, "Kode Bagian": "", "Perihal": perihal,
                  "Kepada": "; ".join(f"{surat['kepada']} <{a}>" for a in email),
                  "ID Format": "", "Mode": pengirim.mode}  # fmt: skip
    isi = [
        f"Yth. {surat['kepada']}\ndi {surat['tempat_tujuan']}\n\nDengan hormat,\n",
        f"Bersama ini kami sampaikan {surat['judul']} dengan Surat Pengantar Nomor "
        f"{surat['nomor']} tanggal {surat['tanggal']}. Berkas terlampir:",
        *(f"  {i}. {p.name}" for i, p in enumerate(lampiran, 1)),
        "\nDemikian disampaikan untuk dipergunakan sebagaimana mestinya. Atas perhatian "
        "Bapak/Ibu, kami ucapkan terima kasih.\n\nHormat kami,",
        f"{surat['jabatan']}\n\n{surat['nama']}\n{surat['nip']}".rstrip(),
    ]
    kepada = [(surat["kepada"], a) for a in email]
    try:
        t = pengirim.kirim(Surel(kepada, perihal, "\n".join(isi), lampiran, baris=rec))
    except LingkunganError:
        raise
    except PyxlError as exc:
        return dict(rec, Status=status.GAGAL, Catatan=str(exc)), None
    rec.update(catatan_kirim(t))
    return rec, t


def jalankan(
    ktx: Konteks, *, tanggal: str | None = None, kepada: str | None = None, mode: str | None = None
) -> Hasil:
    peng = ktx.pengaturan()
    kerja = ktx.buku.folder
    final = dokumen_final(ktx.buku, peng)
    if final is None:
        raise IsianError(
            f"Belum ada Dokumen IKU berstatus {FINAL} di sheet {skema.DOKUMEN}: jalankan "
            "langkah 10–11 (setujui) dahulu."
        )
    periksa_final(final, kerja)
    pdf = final.pdf if final.pdf and final.pdf.is_file() else None
    tgl = indo.baca_tanggal(tanggal, "Opsi --tanggal") if tanggal else ktx.jam().date()
    if final.disetujui and tgl < final.disetujui:
        raise IsianError(
            f"Tanggal surat {indo.tanggal(tgl)} sebelum tanggal persetujuan Dokumen IKU "
            f"{indo.tanggal(final.disetujui)} ({final.sel}): periksa --tanggal."
        )
    tujuan = (kepada or peng.wajib("Tujuan Pengantar")).strip()
    periksa_header(tujuan, "Opsi --kepada" if kepada else "Pengaturan 'Tujuan Pengantar'")
    email = [a.strip() for a in peng["Email Tujuan Pengantar"].split(";") if a.strip()]
    asal = f"Pengaturan 'Email Tujuan Pengantar' ({peng.lokasi('Email Tujuan Pengantar')})"
    for alamat in email:  # checked before a number is taken: a typo wastes no number
        periksa_alamat(tujuan, alamat, asal)
    folder_kirim = peng.folder(kerja, "Folder Kirim")
    pengirim = pengirim_dari_pengaturan(peng, folder_kirim, mode) if email else None
    instansi = f"{peng['Unit Kerja']} {peng['Pemerintah Daerah']}"
    judul = f"Dokumen Indikator Kinerja Utama (IKU) {instansi} Tahun {peng.tahun()}"
    ttd = pejabat(peng, SEKDA, f"{SEKDA.upper()}\n{peng['Pemerintah Daerah'].upper()},")
    tempat = peng.wajib("Alamat Tujuan Pengantar")
    naskah = [{"naskah": judul, "banyaknya": SATU_BERKAS, "keterangan": KETERANGAN}]
    if pdf:
        naskah.append({"naskah": f"{judul} (berkas PDF)", "banyaknya": SATU_BERKAS,
                       "keterangan": "Salinan elektronik naskah nomor 1"})  # fmt: skip
    templat = cari_templat(kerja, TEMPLAT)
    folder = peng.folder(kerja, "Folder Dokumen")
    rec: Baris = {}
    t: Terkirim | None = None

    def surat(nomor: str, tgl: date) -> dict[str, str]:
        return {"kepada": tujuan, "tempat_tujuan": tempat, "nomor": nomor,
                "tanggal": indo.tanggal(tgl), "judul": judul, "nama": ttd["nama"],
                "jabatan": f"{SEKDA} {peng['Pemerintah Daerah']}",
                "nip": f"NIP {ttd['nip']}" if ttd["nip"] else ""}  # fmt: skip

    terbit = [
        r
        for r in ktx.pulihan.surat
        if sebagai_teks(r["Status"]) == TERBIT
        and sebagai_teks(r["Berkas"]).startswith("surat_pengantar")
    ]
    if terbit:  # the letter of the run that died: finish it, never a second letter
        r = terbit[-1]
        nomor, berkas = sebagai_teks(r["Nomor Surat"]), folder / sebagai_teks(r["Berkas"])
        awal = (
            f"Surat pengantar Nomor {nomor} ({berkas.name}) sudah terbit oleh proses sebelumnya "
            f"yang terhenti; tidak dibuat surat baru."
        )
        if pengirim is None or any(
            nomor in sebagai_teks(b["Perihal"]) for b in ktx.pulihan.terkirim(12)
        ):
            return Hasil(
                f"{awal} Emailnya sudah terkirim dan kini dicatat di sheet {skema.PENGIRIMAN}."
            )
        tgl_surat = r["Tanggal"].date() if isinstance(r["Tanggal"], datetime) else tgl
        lampiran = [berkas, final.berkas, *([pdf] if pdf else [])]
        rec, t = _kirim(ktx, pengirim, email, surat(nomor, tgl_surat), lampiran)
        tambah_baris(ktx.buku, skema.PENGIRIMAN, skema.KOLOM_PENGIRIMAN, [rec])
        hasil = "dikirim ulang" if t else f"tidak terkirim: {rec['Catatan']}"
        return Hasil(
            f"{awal} Emailnya belum pasti terkirim saat proses itu terhenti: {hasil}.",
            [t.berkas] if t and t.berkas else [],
        )

    with nomor_surat(
        ktx.buku,
        kode_klasifikasi=peng["Kode Klasifikasi Pengantar"],
        kunci_klasifikasi="Kode Klasifikasi Pengantar",
        tanggal=tgl,
        tujuan=f"{tujuan} di {tempat}",
        perihal=f"Pengantar {judul}",
        berkas=lambda urut: folder / keluaran.PENGANTAR.nama(urut=urut, tahun=tgl.year),
    ) as ns:
        p = {"nomor": ns.nomor, "tanggal": indo.tanggal(tgl), "kepada": tujuan,
             "tempat_tujuan": tempat, "naskah": naskah}  # fmt: skip
        konteks = ketat({"kop": kop(peng), "p": p, "ttd": ttd})
        tulis_surat(templat, konteks, ns.berkas, peng, kerja, apa="Surat pengantar")
        if pengirim:
            lampiran = [ns.berkas, final.berkas, *([pdf] if pdf else [])]
            rec, t = _kirim(ktx, pengirim, email, surat(ns.nomor, tgl), lampiran)
            if t and t.berkas:
                ns.berkas_lain.append(t.berkas)
            tambah_baris(ktx.buku, skema.PENGIRIMAN, skema.KOLOM_PENGIRIMAN, [rec])

    if not pengirim:
        catatan = (
            "Pengaturan 'Email Tujuan Pengantar' kosong: tidak ada email. Serahkan surat dan "
            "dokumen kepada staf untuk diantar."
        )
    elif not t:
        catatan = f"Email tidak terkirim: {rec['Catatan']}"
    else:
        cara = CARA.get(t.mode, "dibuat sebagai draf di Outlook").format(peng["Folder Kirim"])
        catatan = f"Email ke {', '.join(email)} {cara}."
    dikirim = final.berkas.name + (f" dan {pdf.name}" if pdf else "")
    ringkasan = [
        f"Surat pengantar Nomor {ns.nomor} tanggal {indo.tanggal(tgl)} kepada {tujuan}: "
        f"{ns.berkas.relative_to(kerja).as_posix()} (Dokumen IKU versi {final.versi}: {dikirim}).",
        catatan,
    ]
    if final.pdf and not pdf:
        ringkasan.append(f"PDF {final.pdf.name} ({final.sel}) tidak ditemukan: tidak disertakan.")
    return Hasil("\n".join(ringkasan), [ns.berkas, *ns.berkas_lain])
