"""Step 4 — invite the Kepala Bagian and the functional officials to the meeting.

One numbered letter (`undangan_rapat.docx`, number from `pyxl.surat.nomor`) addressed to all of
them, with the list of invitees attached, and one personal e-mail per Kepala Bagian with the
letter attached. The letter is signed "a.n. SEKRETARIS DAERAH" by the Kepala Bagian
Perencanaan dan Keuangan, who (per the SOP) invites and chairs the meeting; so the head of the
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
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pyxl.buku.daftar import baca_bagian
from pyxl.buku.port import Baris
from pyxl.buku.tabel import baca_tabel, tambah_baris
from pyxl.dokumen.word import cari_templat, tulis_dokumen
from pyxl.galat import IsianError, LingkunganError, PyxlError
from pyxl.inti import indo
from pyxl.inti.sel import huruf_kolom, sebagai_teks
from pyxl.jalan.konteks import Hasil, Konteks
from pyxl.kontrak import skema
from pyxl.kontrak.pengaturan import Pengaturan
from pyxl.surat.nomor import TERBIT, NomorSurat, nomor_surat
from pyxl.surel.mode import (
    Surel,
    catatan_kirim,
    pengirim_dari_pengaturan,
    periksa_alamat,
    periksa_header,
)

TEMPLAT = "undangan_rapat.docx"
KABAG = "Kepala Bagian Perencanaan dan Keuangan"
SIFAT = "Penting"
BARIS_PER_LEMBAR = 25
"""Invitees that fit on one attachment page (for 'Lampiran: n (…) lembar')."""
KUNCI_RAPAT = ("Tanggal Rapat", "Jam Rapat", "Tempat Rapat", "Acara Rapat")
OPSI_RAPAT = ("--tanggal-rapat", "--jam", "--tempat", "--acara")
_RE_JAM = re.compile(r"(\d{1,2})(?:[.:](\d{2}))?(?::\d{2})?")
_RE_FUNGSIONAL = re.compile(r"(.*?)\s*\(([^()]*)\)")


@dataclass(frozen=True)
class Rapat:
    tanggal: date
    jam: str
    """'09.00'"""
    tempat: str
    acara: str
    zona: str

    @property
    def waktu(self) -> str:
        return f"{self.jam} {self.zona} s.d. selesai"

    def konteks(self) -> dict[str, str]:
        return {
            "hari_tanggal": indo.hari_tanggal(self.tanggal),
            "waktu": self.waktu,
            "tempat": self.tempat,
            "acara": self.acara,
        }


@dataclass(frozen=True)
class Undangan:
    """One invitee."""

    nama: str
    jabatan: str
    kode: str = ""
    """Bagian code; empty for a functional official."""
    email: str = ""
    sel: str = ""
    """Where the address comes from, e.g. 'sheet Bagian sel G3'."""
    sel_nama: str = ""
    """Where the name comes from, e.g. 'sheet Bagian sel D3'."""


# --------------------------------------------------------------------------- shared with step 5


def baca_tanggal(teks: str, asal: str) -> date:
    """A date typed as text, or an Excel date cell read as '2027-01-18 00:00:00'."""
    teks = teks.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2} 00:00:00", teks):
        teks = teks[:10]
    try:
        return indo.parse_tanggal(teks)
    except ValueError as exc:
        raise IsianError(f"{asal}: {exc}") from exc


def baca_jam(teks: str, asal: str) -> str:
    """'09.00', '9.00', '9:00', '09:00:00' or '9' -> '09.00'."""
    m = _RE_JAM.fullmatch(teks.strip())
    if not m or int(m.group(1)) > 23 or int(m.group(2) or 0) > 59:
        raise IsianError(f"{asal} berisi '{teks}': tulis jam seperti 09.00 (jam.menit).")
    return f"{int(m.group(1)):02d}.{m.group(2) or '00'}"


def sel_pengaturan(ktx: Konteks, kunci: str) -> str:
    """'sheet Pengaturan sel B28' for a setting (or just the sheet when its row is missing)."""
    for r in baca_tabel(ktx.buku, skema.PENGATURAN):
        if sebagai_teks(r["Kunci"]) == kunci:
            return f"sheet {skema.PENGATURAN} sel B{r['_baris']}"
    return f"sheet {skema.PENGATURAN}"


def baca_rapat(ktx: Konteks, peng: Pengaturan, opsi: dict[str, str | None], saran: str) -> Rapat:
    """The meeting from `opsi` (keys of KUNCI_RAPAT, None = use the setting) or `Pengaturan`;
    `saran` ends the message when no date is known."""
    nilai = {k: (opsi.get(k) or peng[k]).strip() for k in KUNCI_RAPAT}
    for k in KUNCI_RAPAT:
        if not nilai[k]:
            raise IsianError(f"Pengaturan '{k}' masih kosong ({sel_pengaturan(ktx, k)}). {saran}")

    def asal(k: str) -> str:
        if opsi.get(k):
            return f"Opsi {OPSI_RAPAT[KUNCI_RAPAT.index(k)]}"
        return f"Pengaturan '{k}' ({sel_pengaturan(ktx, k)})"

    # The agenda goes into the invitation's e-mail subject: one line, checked before a letter
    # number is taken (a line break there could add e-mail headers).
    periksa_header(nilai["Acara Rapat"], asal("Acara Rapat"))
    return Rapat(
        tanggal=baca_tanggal(nilai["Tanggal Rapat"], asal("Tanggal Rapat")),
        jam=baca_jam(nilai["Jam Rapat"], asal("Jam Rapat")),
        tempat=nilai["Tempat Rapat"],
        acara=nilai["Acara Rapat"],
        zona=peng["Zona Waktu"],
    )


def kop(peng: Pengaturan) -> dict[str, str]:
    return {
        "pemda": f"PEMERINTAH {peng['Pemerintah Daerah'].upper()}",
        "unit": peng["Unit Kerja"].upper(),
        "alamat": peng["Alamat"],
        "kota": peng["Kota"],
    }


def pejabat(
    peng: Pengaturan, jabatan: str, tampil: str | None = None, wajib: bool = True
) -> dict[str, str]:
    """Signature data of the official whose settings are '<jabatan>', 'NIP <jabatan>' and
    'Pangkat <jabatan>'; `tampil` is the jabatan as printed (default `jabatan`). A name not
    `wajib` may be empty: a dotted line is printed to write it by hand."""
    nip = peng[f"NIP {jabatan}"]
    try:
        nip = indo.nip(nip) if nip else ""
    except ValueError as exc:
        raise IsianError(f"Pengaturan 'NIP {jabatan}': {exc}") from exc
    return {
        "jabatan": tampil or jabatan,
        "nama": peng.wajib(jabatan) if wajib else (peng[jabatan] or "." * 30),
        "pangkat": peng[f"Pangkat {jabatan}"],
        "nip": nip,
    }


def daftar_undangan(ktx: Konteks, peng: Pengaturan) -> list[Undangan]:
    """Every Kepala Bagian of the `Bagian` sheet but the inviter's own, then the functional
    officials of 'Pejabat Fungsional' ('Nama (Jabatan)' separated by ';')."""
    judul = [sebagai_teks(h) for h in ktx.buku.baca(skema.BAGIAN)[0]]
    kolom_email = huruf_kolom(judul.index("Email") + 1)
    kolom_nama = huruf_kolom(judul.index("Kepala Bagian") + 1)
    pelaksana = peng["Bagian Pelaksana"].strip().lower()
    hasil: list[Undangan] = []
    for b, r in zip(baca_bagian(ktx.buku), baca_tabel(ktx.buku, skema.BAGIAN), strict=True):
        if b.nama.strip().lower() != pelaksana:
            sel = f"sheet {skema.BAGIAN} sel {kolom_email}{r['_baris']}"
            sel_nama = f"sheet {skema.BAGIAN} sel {kolom_nama}{r['_baris']}"
            hasil.append(Undangan(b.kepala, f"Kepala {b.nama}", b.kode, b.email, sel, sel_nama))
    for teks in peng["Pejabat Fungsional"].split(";"):
        if teks.strip():
            m = _RE_FUNGSIONAL.fullmatch(teks.strip())
            nama, jabatan = (m.group(1), m.group(2)) if m else (teks.strip(), "Pejabat Fungsional")
            hasil.append(Undangan(nama, jabatan))
    if not hasil:
        raise IsianError(
            f"Tidak ada yang diundang: isi Kepala Bagian di sheet {skema.BAGIAN} atau "
            "Pengaturan 'Pejabat Fungsional'."
        )
    return hasil


class _Ketat(dict[str, Any]):
    """A template context in which a misspelt name (``{{ u.nomer }}``) fails the rendering
    instead of printing nothing."""

    def __getattr__(self, nama: str) -> Any:
        if nama in self:
            return self[nama]
        if nama.startswith("__"):
            raise AttributeError(nama)
        from jinja2 import StrictUndefined

        return StrictUndefined(hint=f"variabel '{nama}' tidak ada di konteks templat")


def ketat(nilai: Any) -> Any:
    if isinstance(nilai, dict):
        return _Ketat({k: ketat(v) for k, v in nilai.items()})
    if isinstance(nilai, list):
        return [ketat(v) for v in nilai]
    return nilai


def catat_pengaturan(ktx: Konteks, nilai: dict[str, str]) -> None:
    """Write settings back into the `Pengaturan` sheet (a missing key gets a new row)."""
    baris = {sebagai_teks(r["Kunci"]): r["_baris"] for r in baca_tabel(ktx.buku, skema.PENGATURAN)}
    baru = []
    for kunci, teks in nilai.items():
        if kunci in baris:
            ktx.buku.tulis(skema.PENGATURAN, baris[kunci], 2, [[teks]])
        else:
            baru.append({"Kunci": kunci, "Nilai": teks, "Kelompok": "Rapat"})
    tambah_baris(ktx.buku, skema.PENGATURAN, skema.KOLOM_PENGATURAN, baru)


# --------------------------------------------------------------------------- step 4


def _isi_surel(
    u: Undangan, rapat: Rapat, nomor: str, tgl: date, berkas: str, ttd: dict[str, str]
) -> str:
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
            "Hormat kami,",
            "a.n. Sekretaris Daerah",
            KABAG,
            "",
            ttd["nama"],
            f"NIP {ttd['nip']}" if ttd["nip"] else "",
        ]
    ).rstrip()


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
        ktx,
        peng,
        opsi,
        "Isi tanggal rapat (misalnya 20 Januari 2027) atau sebutkan --tanggal-rapat.",
    )
    tgl = baca_tanggal(tanggal, "Opsi --tanggal") if tanggal else ktx.jam().date()
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
    undangan = daftar_undangan(ktx, peng)
    ttd = pejabat(peng, KABAG, f"a.n. SEKRETARIS DAERAH\n{KABAG.upper()},")
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
            ktx,
            kode_klasifikasi=peng["Kode Klasifikasi Undangan"],
            kunci_klasifikasi="Kode Klasifikasi Undangan",
            tanggal=tgl,
            tujuan=f"{kepada} ({len(undangan)} undangan)",
            perihal=perihal,
            berkas=lambda urut: folder / f"undangan_rapat_{urut}_{tgl.year}.docx",
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
            tulis_dokumen(templat, ketat(konteks), ns.berkas)

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
                    isi=_isi_surel(u, rapat, ns.nomor, tgl, ns.berkas.name, ttd),
                    lampiran=[ns.berkas],
                )
                t = pengirim.kirim(surel)
            except LingkunganError as exc:
                if not any(r["Status"] == "Terkirim" for r in baris):
                    # nothing went out in this run: nothing half-done (a new letter is
                    # cancelled; the letter of a run that died stays issued)
                    raise
                terhenti = terhenti or str(exc)  # SMTP mails already out cannot be recalled
                baris.append(dict(rec, Status="Gagal", Catatan=str(exc)))
                temuan.append(f"{u.kode}: tidak terkirim — {exc}")
                continue
            except PyxlError as exc:
                baris.append(dict(rec, Status="Gagal", Catatan=str(exc)))
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
                ktx,
                {
                    "Tanggal Rapat": indo.tanggal(rapat.tanggal),
                    "Jam Rapat": rapat.jam,
                    "Tempat Rapat": rapat.tempat,
                    "Acara Rapat": rapat.acara,
                },
            )

    jadi = sum(r["Status"] != "Gagal" for r in baris)
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
