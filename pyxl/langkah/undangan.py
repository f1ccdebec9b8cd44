"""Step 4 — invite the Kepala Bagian and the functional officials to the meeting.

One numbered letter (`undangan_rapat.docx`, number from `pyxl.surat.nomor`) addressed to all of
them, with the list of invitees attached, and one personal e-mail per Kepala Bagian with the
letter attached as a PDF (made by Word or LibreOffice; the .docx stays in `dokumen/` for the
archive). Without a converter, or with 'Lampiran Email Undangan' = docx, the .docx goes and the
message says why. The letter is signed by the official of 'Penanda Tangan Undangan' (the Kepala
Bagian Perencanaan dan Keuangan, who per the SOP invites and chairs the meeting) under the
jabatan lines of 'Jabatan Penanda Tangan Undangan' (a.n. SEKRETARIS DAERAH / ASISTEN … / u.b.
KEPALA BAGIAN …: a.n. reaches one level below the Sekda, u.b. the next); so the head of the
'Bagian Pelaksana' is not among the invitees. Functional officials have no address in the
workbook: they get the letter by hand.

Meeting details come from the options or from `Pengaturan` ('Tanggal Rapat', 'Jam Rapat',
'Tempat Rapat', 'Acara Rapat'); details given as options are written back to `Pengaturan`, so
step 5 (`pyxl rapat`) and staff see the meeting that was announced.

If a run dies after some invitations went out by e-mail, the next run finds the letter in the
journal (`pyxl.jalan.pemulihan.pulihkan`): its number becomes `Terbit` and the mails are recorded.
This step, run again, then takes no new number and writes no new letter: it sends that same letter
to the Kepala Bagian whose mail did not certainly leave.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from pyxl.buku.daftar import baca_bagian
from pyxl.buku.pengaturan import catat_pengaturan
from pyxl.buku.port import Baris
from pyxl.buku.tabel import tambah_baris
from pyxl.dokumen.pdf import buat_pdf
from pyxl.dokumen.word import cari_templat, ketat, tulis_surat
from pyxl.galat import IsianError, LingkunganError, PyxlError
from pyxl.inti import indo
from pyxl.inti.sel import sebagai_teks
from pyxl.jalan.konteks import Hasil, Konteks
from pyxl.kontrak import keluaran, skema, status
from pyxl.kontrak.status import TERBIT
from pyxl.surat.kop import kop, penanda_tangan_undangan
from pyxl.surat.nomor import NomorSurat, nomor_surat
from pyxl.surat.rapat import KUNCI_RAPAT, Rapat, Undangan, baca_rapat, daftar_undangan
from pyxl.surel.pengirim import pengirim_dari_pengaturan
from pyxl.surel.pesan import Surel, catatan_kirim, periksa_alamat, periksa_header

TEMPLAT = "undangan_rapat.docx"
SIFAT = "Penting"
BARIS_PER_LEMBAR = 25
"""Invitees that fit on one attachment page (for 'Lampiran: n (…) lembar')."""


def _isi_surel(
    u: Undangan, rapat: Rapat, nomor: str, tgl: date, berkas: str, ttd: dict[str, str],
    tanpa_pdf: str,
) -> str:  # fmt: skip
    catatan = (
        f"Catatan: undangan terlampir berupa berkas Word karena PDF tidak dapat dibuat "
        f"({tanpa_pdf}); isinya sama dengan surat yang ditandatangani."
    )
    return "\n".join(
        [
            f"Yth. {u.nama or u.jabatan}",
            u.jabatan,
            "di tempat",
            "",
            "Dengan hormat,",
            "",
            f"Bersama ini kami sampaikan undangan Nomor {nomor} tanggal {indo.tanggal(tgl)} "
            f"(berkas terlampir: {berkas}). Kami mengundang Bapak/Ibu untuk menghadiri rapat "
            "pada:",
            f"  Hari/Tanggal : {indo.hari_tanggal(rapat.tanggal)}",
            f"  Waktu        : {rapat.waktu}",
            f"  Tempat       : {rapat.tempat}",
            f"  Acara        : {rapat.acara}",
            "",
            "Mengingat pentingnya acara tersebut, dimohon kehadiran Bapak/Ibu tepat pada "
            "waktunya dengan membawa draf usulan data kinerja Bagian masing-masing.",
            "",
            "Atas perhatian dan kehadiran Bapak/Ibu, kami ucapkan terima kasih.",
            "",
            *([catatan, ""] if tanpa_pdf else []),
            "Hormat kami,",
            ttd["jabatan"],
            "",
            ttd["nama"],
            *([ttd["pangkat"]] if ttd["pangkat"] else []),
            *([f"NIP {ttd['nip']}"] if ttd["nip"] else []),
        ]
    )


def _lampiran(ns: NomorSurat, mode: str, lanjut: bool) -> tuple[Path, str]:
    """The file the invitees receive, and why it is not a PDF ("" when it is, or when
    'Lampiran Email Undangan' asks for the .docx).

    A PDF cannot be changed by mistake and opens the same everywhere; the .docx of the letter
    stays in the documents folder for the archive."""
    pdf = ns.berkas.with_suffix(".pdf")
    if mode == "docx":
        return ns.berkas, ""
    if lanjut and pdf.is_file():  # made by the run that died: the same letter
        return pdf, ""
    dibuat, alasan = buat_pdf(ns.berkas)
    if dibuat is not None:
        ns.berkas_lain.append(dibuat)
        return dibuat, ""
    return ns.berkas, alasan


def jalankan(
    ktx: Konteks,
    *,
    tanggal: str | None = None,
    tanggal_rapat: str | None = None,
    jam: str | None = None,
    tempat: str | None = None,
    acara: str | None = None,
    mode: str | None = None,
) -> Hasil:
    peng = ktx.pengaturan()
    tahun = peng.tahun()
    opsi = dict(zip(KUNCI_RAPAT, (tanggal_rapat, jam, tempat, acara), strict=True))
    rapat = baca_rapat(
        peng,
        opsi,
        "Isi tanggal rapat (misalnya 20 Januari 2027) atau sebutkan --tanggal-rapat.",
    )
    tgl = indo.baca_tanggal(tanggal, "Opsi --tanggal") if tanggal else ktx.jam().date()
    folder = peng.folder(ktx.buku.folder, "Folder Dokumen")
    lanjut = surat_terhenti(ktx)
    nomor_lanjut, berkas_lanjut = "", folder
    sudah: set[str] = set()  # Bagian whose mail of that letter certainly left
    if lanjut is not None:  # the letter of the run that died: finish it, never a second one
        if isinstance(t := lanjut["Tanggal"], datetime):
            tgl = t.date()
        elif isinstance(t, date):
            tgl = t
        nomor_lanjut = sebagai_teks(lanjut["Nomor Surat"])
        berkas_lanjut = folder / sebagai_teks(lanjut["Berkas"])
        if not berkas_lanjut.is_file():
            relatif = folder.relative_to(ktx.buku.folder.resolve()).as_posix()
            raise IsianError(
                f"Undangan Nomor {nomor_lanjut} sudah terbit dan dikirim oleh proses sebelumnya "
                f"yang terhenti, tetapi berkasnya {berkas_lanjut.name} tidak ada di folder "
                f"{relatif}/. Kembalikan berkas itu, lalu ulangi: undangan itu dikirim ke "
                "Bagian yang belum menerimanya (tidak dibuat nomor baru)."
            )
        sudah = {
            sebagai_teks(r["Kode Bagian"])
            for r in ktx.pulihan.terkirim(4)
            if nomor_lanjut in sebagai_teks(r["Perihal"])
        }
    if rapat.tanggal < tgl:
        raise IsianError(
            f"Tanggal rapat {indo.tanggal(rapat.tanggal)} sebelum tanggal surat "
            f"{indo.tanggal(tgl)}: periksa 'Tanggal Rapat' atau --tanggal."
        )
    undangan = daftar_undangan(ktx.buku, peng)
    ttd = penanda_tangan_undangan(peng)
    mode_lampiran = peng["Lampiran Email Undangan"].strip().lower()
    if mode_lampiran not in ("pdf", "docx"):
        raise IsianError(
            f"Pengaturan 'Lampiran Email Undangan' berisi '{mode_lampiran}' "
            f"({peng.lokasi('Lampiran Email Undangan')}): isi pdf atau docx."
        )
    pengirim = pengirim_dari_pengaturan(peng, peng.folder(ktx.buku.folder, "Folder Kirim"), mode)
    templat = cari_templat(ktx.buku.folder, TEMPLAT)
    instansi = f"{peng['Unit Kerja']} {peng['Pemerintah Daerah']}"
    ada_fungsional = any(not u.kode for u in undangan)
    kepada = (
        f"Para Kepala Bagian{' dan Pejabat Fungsional' if ada_fungsional else ''} di "
        f"Lingkungan {instansi}"
    )
    pelaksana = peng["Bagian Pelaksana"].strip().lower()
    asisten = [b.asisten for b in baca_bagian(ktx.buku) if b.nama.strip().lower() == pelaksana]
    tembusan = [f"Sekretaris Daerah {peng['Pemerintah Daerah']} (sebagai laporan)"]
    tembusan += [a for a in asisten[:1] if a]
    lembar = math.ceil(len(undangan) / BARIS_PER_LEMBAR)
    perihal = f"Undangan Rapat {rapat.acara}, {indo.hari_tanggal(rapat.tanggal)}"

    nomor: contextlib.AbstractContextManager[NomorSurat]
    if lanjut is not None:
        nomor = _lanjutkan(NomorSurat(nomor_lanjut, 0, tgl.year, berkas_lanjut, 0))
    else:
        nomor = nomor_surat(
            ktx.buku,
            kode_klasifikasi=peng["Kode Klasifikasi Undangan"],
            kunci_klasifikasi="Kode Klasifikasi Undangan",
            tanggal=tgl,
            tujuan=f"{kepada} ({len(undangan)} undangan)",
            perihal=perihal,
            berkas=lambda urut: folder / keluaran.UNDANGAN.nama(urut=urut, tahun=tgl.year),
        )
    with nomor as ns:
        konteks = {
            "kop": kop(peng),
            "u": {
                "nomor": ns.nomor,
                "tanggal": indo.tanggal(tgl),
                "sifat": SIFAT,
                "lampiran": f"{lembar} ({indo.terbilang(lembar)}) lembar",
                "hal": "Undangan",
                "kepada": f"{kepada} (daftar terlampir)",
                "tempat_tujuan": peng["Kota"],
                "instansi": instansi,
                "tahun_kinerja": str(tahun),
                **rapat.konteks(),
                "tembusan": tembusan,
                "undangan": [{"nama": u.nama or "-", "jabatan": u.jabatan} for u in undangan],
            },
            "ttd": ttd,
        }
        if lanjut is None:
            tulis_surat(templat, ketat(konteks), ns.berkas, peng, ktx.buku.folder)
        lampiran, tanpa_pdf = _lampiran(ns, mode_lampiran, lanjut is not None)

        baris: list[Baris] = []
        temuan: list[str] = []
        terhenti = ""
        for u in (u for u in undangan if u.kode and u.kode not in sudah):
            ktx.umpan.status(f"Langkah 4: email undangan {u.kode} …")
            rec: Baris = {
                "Waktu": ktx.jam(),
                "Langkah": 4,
                "Kode Bagian": u.kode,
                "Kepada": f"{u.nama or u.jabatan} <{u.email}>",
                "Perihal": f"Undangan Rapat: {rapat.acara} (Nomor {ns.nomor})",
                "ID Format": "",
                "Mode": pengirim.mode,
            }
            if not rec["Kepada"].isprintable():
                rec["Kepada"] = repr(rec["Kepada"])[1:-1]
            try:
                if terhenti:
                    raise LingkunganError(f"tidak dicoba: {terhenti}")
                periksa_header(u.nama, u.sel_nama)
                periksa_alamat(u.nama or u.jabatan, u.email, u.sel)
                surel = Surel(
                    kepada=[(u.nama or u.jabatan, u.email)],
                    perihal=rec["Perihal"],
                    isi=_isi_surel(u, rapat, ns.nomor, tgl, lampiran.name, ttd, tanpa_pdf),
                    lampiran=[lampiran],
                )
                t = pengirim.kirim(surel)
            except LingkunganError as exc:
                if not any(r["Status"] == status.TERKIRIM for r in baris):
                    # nothing went out in this run: nothing half-done (a new letter is
                    # cancelled; the letter of a run that died stays issued)
                    raise
                terhenti = terhenti or str(exc)  # SMTP mails already out cannot be recalled
                baris.append(dict(rec, Status=status.GAGAL, Catatan=str(exc)))
                temuan.append(f"{u.kode}: tidak terkirim — {exc}")
                continue
            except PyxlError as exc:
                baris.append(dict(rec, Status=status.GAGAL, Catatan=str(exc)))
                temuan.append(f"{u.kode}: {exc}")
                continue
            if t.berkas:
                ns.berkas_lain.append(t.berkas)
            rec.update(catatan_kirim(t))
            baris.append(rec)

        tambah_baris(ktx.buku, skema.PENGIRIMAN, skema.KOLOM_PENGIRIMAN, baris)
        diberikan = {k: v for k, v in opsi.items() if v}
        if diberikan:
            catat_pengaturan(
                ktx.buku,
                {
                    "Tanggal Rapat": indo.tanggal(rapat.tanggal),
                    "Jam Rapat": rapat.jam,
                    "Tempat Rapat": rapat.tempat,
                    "Acara Rapat": rapat.acara,
                },
            )

    jadi = sum(r["Status"] != status.GAGAL for r in baris)
    cara = {
        "smtp": "terkirim melalui SMTP",
        "draf": f"dibuat sebagai draf di folder {peng['Folder Kirim']}",
    }
    ringkasan = [
        f"Undangan Nomor {ns.nomor} untuk rapat {indo.hari_tanggal(rapat.tanggal)} "
        f"{rapat.waktu}: {ns.berkas.relative_to(ktx.buku.folder).as_posix()} "
        f"({len(undangan)} undangan).",
        f"{jadi} email undangan {cara.get(pengirim.mode, 'dibuat sebagai draf di Outlook')}.",
    ]
    if tanpa_pdf:
        ringkasan.append(
            f"PDF undangan tidak dapat dibuat ({tanpa_pdf}): email melampirkan berkas Word "
            f"{ns.berkas.name}. Pasang LibreOffice, atau kirim PDF-nya sendiri."
        )
    elif lampiran != ns.berkas:
        ringkasan.append(f"Lampiran email: {lampiran.name}; {ns.berkas.name} disimpan untuk arsip.")
    if lanjut is not None:
        ringkasan[0] += (
            " Undangan ini sudah terbit oleh proses sebelumnya yang terhenti; tidak dibuat "
            f"surat baru. {len(sudah)} Bagian sudah menerima emailnya dan tidak dikirimi lagi."
        )
    tanpa = [u for u in undangan if not u.kode]
    if tanpa:
        ringkasan.append(
            f"{len(tanpa)} pejabat fungsional tanpa alamat email: sampaikan undangan langsung."
        )
    if temuan:
        ringkasan.append("Tidak dikirim:\n" + "\n".join(f"- {t}" for t in temuan))
    # A letter of the run that died stays whatever happens to this run's save.
    return Hasil("\n".join(ringkasan), [*([] if lanjut else [ns.berkas]), *ns.berkas_lain])


@contextlib.contextmanager
def _lanjutkan(ns: NomorSurat) -> Iterator[NomorSurat]:
    """The block of a letter already issued (no number taken, nothing to cancel): if it
    fails, the drafts written under it are removed, as `nomor_surat` does; the letter stays."""
    try:
        yield ns
    except BaseException:
        for f in ns.berkas_lain:
            with contextlib.suppress(OSError):
                f.unlink()
        raise


def surat_terhenti(ktx: Konteks) -> Baris | None:
    """The invitation a run that died issued (and mailed), which this run finishes instead of
    taking a new number: from `ktx.pulihan` (see `pyxl.jalan.pemulihan`), None when there is
    none."""
    return next(
        (
            r
            for r in reversed(ktx.pulihan.surat)
            if sebagai_teks(r["Status"]) == TERBIT
            and sebagai_teks(r["Berkas"]).startswith("undangan_rapat_")
        ),
        None,
    )
