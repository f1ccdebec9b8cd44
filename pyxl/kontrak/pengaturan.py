"""Settings as data: every key of the `Pengaturan` sheet with its default and what it means.

A setting not listed here is not read by pyxl; `tests/test_pengaturan.py` checks that every
setting is documented in `docs/pengaturan.md`, which `python -m pyxl.kontrak.pengaturan`
regenerates.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from pyxl.galat import IsianError
from pyxl.kontrak import skema
from pyxl.kontrak.model import Setting

S = Setting

PENGATURAN: tuple[Setting, ...] = (
    # Identitas
    S(
        "Pemerintah Daerah",
        "Kabupaten Way Kanan",
        "Nama pemerintah daerah pada kop surat.",
        "Identitas",
    ),
    S("Unit Kerja", "Sekretariat Daerah", "Nama unit kerja pada kop surat.", "Identitas"),
    S(
        "Bagian Pelaksana",
        "Bagian Perencanaan dan Keuangan",
        "Bagian pemilik SOP Pengumpulan Data Kinerja.",
        "Identitas",
    ),
    S(
        "Alamat",
        "Jalan Jenderal Sudirman, Blambangan Umpu, Kabupaten Way Kanan, Lampung",
        "Alamat kantor pada kop surat.",
        "Identitas",
    ),
    S("Kode Pos", "", "Kode pos kantor, ditulis di kop surat setelah alamat.", "Identitas"),
    S("Telepon", "", "Nomor telepon kantor pada kop surat, misalnya (0723) 123456.", "Identitas"),
    S("Faksimile", "", "Nomor faksimile kantor pada kop surat (boleh kosong).", "Identitas"),
    S("Laman", "", "Alamat situs web kantor pada kop surat.", "Identitas"),
    S("Pos-el", "", "Alamat email kantor pada kop surat.", "Identitas"),
    S(
        "Kota",
        "Blambangan Umpu",
        "Tempat penandatanganan surat (ditulis sebelum tanggal).",
        "Identitas",
    ),
    S("Zona Waktu", "WIB", "Zona waktu yang ditulis di surat (WIB, WITA atau WIT).", "Identitas"),
    S("Tahun", "", "Tahun kinerja yang dikumpulkan (empat angka, misalnya 2026).", "Identitas"),
    S("Kode Unit", "I.10-WK", "Kode unit pengolah pada nomor surat.", "Identitas"),
    # Pejabat
    S(
        "Sekretaris Daerah",
        "",
        "Nama lengkap Sekretaris Daerah beserta gelar. Tanpa NIP dan pangkat: Sekretaris Daerah "
        "menandatangani tanpa keduanya (Permendagri 1/2023 Pasal 44 ayat 3).",
        "Pejabat",
    ),
    # No NIP or pangkat for the Sekda: Permendagri 1/2023 Pasal 44(3) prints them only for
    # officials other than the Kepala Daerah, Wakil Kepala Daerah and Sekretaris Daerah.
    S(
        "Kepala Bagian Perencanaan dan Keuangan",
        "",
        "Nama Kepala Bagian yang memberi disposisi dan menandatangani undangan.",
        "Pejabat",
    ),
    S("NIP Kepala Bagian Perencanaan dan Keuangan", "", "NIP Kepala Bagian (18 angka).", "Pejabat"),
    S(
        "Pangkat Kepala Bagian Perencanaan dan Keuangan",
        "",
        "Pangkat/golongan Kepala Bagian.",
        "Pejabat",
    ),
    S(
        "Kepala Subbagian Perencanaan",
        "",
        "Nama Kepala Subbagian yang menerima disposisi.",
        "Pejabat",
    ),
    S("NIP Kepala Subbagian Perencanaan", "", "NIP Kepala Subbagian (18 angka).", "Pejabat"),
    S("Pangkat Kepala Subbagian Perencanaan", "", "Pangkat/golongan Kepala Subbagian.", "Pejabat"),
    S(
        "Pejabat Fungsional",
        "",
        "Pejabat fungsional yang diundang rapat, dipisahkan titik koma (;).",
        "Pejabat",
    ),
    # Disposisi (langkah 1)
    S(
        "Disposisi Kepada",
        "Kepala Subbagian Perencanaan; Pejabat Fungsional Perencana",
        "Penerima disposisi bawaan, dipisahkan titik koma (;).",
        "Disposisi",
    ),
    S(
        "Isi Disposisi",
        "Mohon segera disiapkan pengumpulan data kinerja seluruh Bagian sesuai SOP Pengumpulan "
        "Data Kinerja, dan hasilnya dilaporkan.",
        "Isi disposisi bawaan bila baris baru di sheet Disposisi tidak diisi.",
        "Disposisi",
    ),
    S(
        "Sifat Disposisi",
        "Segera",
        "Sifat disposisi bawaan: Biasa, Segera, Penting, Rahasia.",
        "Disposisi",
    ),
    # Pengumpulan
    S(
        "Batas Waktu Pengembalian",
        "",
        "Tanggal terakhir Bagian mengembalikan format (misalnya 31 Januari 2026).",
        "Pengumpulan",
    ),
    S("Narahubung", "", "Nama dan nomor telepon yang dapat dihubungi Bagian.", "Pengumpulan"),
    S(
        "Jenis Berkas Bukti",
        "pdf, jpg, jpeg, png, xlsx, docx, pptx, csv, zip",
        "Jenis berkas data dukung yang diterima (ekstensi, dipisahkan koma). Berkas jenis lain "
        "tetap disimpan di arsip kiriman, tetapi ditolak sebagai data dukung (sheet Data "
        "Dukung dan Validasi). Program dan berkas bermakro (exe, bat, js, xlsm, …) tidak pernah "
        "diterima.",
        "Pengumpulan",
    ),
    S(
        "Batas Ukuran Bukti (MB)",
        "20",
        "Ukuran terbesar satu berkas data dukung dalam MB (juga setiap berkas di dalam .zip "
        "data dukung). Berkas yang lebih besar tetap disimpan di arsip kiriman, tetapi ditolak "
        "sebagai data dukung.",
        "Pengumpulan",
    ),
    # Rapat (langkah 4-5)
    S(
        "Tanggal Rapat",
        "",
        "Tanggal rapat pembahasan data kinerja (misalnya 20 Januari 2027).",
        "Rapat",
    ),
    S("Jam Rapat", "09.00", "Jam mulai rapat (format 09.00).", "Rapat"),
    S("Tempat Rapat", "Ruang Rapat Sekretariat Daerah", "Tempat rapat.", "Rapat"),
    S(
        "Acara Rapat",
        "Pembahasan Data dan Informasi Kinerja Sekretariat Daerah",
        "Acara rapat yang ditulis di undangan.",
        "Rapat",
    ),
    # Email
    S(
        "Mode Email",
        "draf",
        "draf = berkas .eml di folder kirim (dibuka dan dikirim manual); smtp = kirim langsung; "
        "outlook = draf di Outlook (Windows).",
        "Email",
    ),
    S(
        "Email Pengirim",
        "",
        "Alamat email pengirim (akun dinas Bagian Perencanaan dan Keuangan).",
        "Email",
    ),
    S("SMTP Host", "", "Alamat server SMTP (hanya untuk mode smtp).", "Email"),
    S("SMTP Port", "587", "Port server SMTP: 587 (STARTTLS) atau 465 (SSL).", "Email"),
    S(
        "SMTP Keamanan",
        "starttls",
        "starttls, ssl, atau tanpa (tanpa enkripsi, hanya untuk relay internal; login tidak "
        "diizinkan).",
        "Email",
    ),
    S(
        "SMTP Pengguna",
        "",
        "Nama pengguna SMTP. Kata sandi TIDAK disimpan di sini: isi variabel lingkungan "
        "PYXL_SMTP_PASSWORD atau simpan di keyring sistem (layanan pyxl-smtp).",
        "Email",
    ),
    S("IMAP Host", "", "Server IMAP untuk mengambil kiriman balik (boleh kosong).", "Email"),
    S(
        "IMAP Pengguna",
        "",
        "Nama pengguna IMAP; kata sandi di PYXL_IMAP_PASSWORD atau keyring.",
        "Email",
    ),
    S("IMAP Folder", "INBOX", "Folder kotak surat yang diperiksa.", "Email"),
    S(
        "IMAP Keamanan",
        "ssl",
        "ssl (port 993), starttls (port 143), atau tanpa (tanpa enkripsi: hanya untuk server "
        "di jaringan internal).",
        "Email",
    ),
    S(
        "IMAP Port",
        "",
        "Port server IMAP; kosong = 993 untuk ssl, 143 untuk starttls/tanpa.",
        "Email",
    ),
    # Analisis
    S(
        "Rumus Polaritas Negatif",
        "(2T-R)/T",
        "Rumus capaian indikator negatif: (2T-R)/T (bawaan PermenPAN-RB 6/2022) atau T/R.",
        "Analisis",
    ),
    S(
        "Label Kategori",
        "Bawaan",
        "Bawaan = Sangat Tinggi ... Sangat Rendah; Alternatif = Sangat Baik ... Sangat Kurang.",
        "Analisis",
    ),
    S("Batas Sangat Tinggi", "91", "Capaian minimal (%) kategori tertinggi.", "Analisis"),
    S("Batas Tinggi", "76", "Capaian minimal (%) kategori kedua.", "Analisis"),
    S("Batas Sedang", "66", "Capaian minimal (%) kategori ketiga.", "Analisis"),
    S(
        "Batas Rendah",
        "51",
        "Capaian minimal (%) kategori keempat; di bawahnya kategori terendah.",
        "Analisis",
    ),
    S(
        "Batas Bawah Capaian",
        "0",
        "Capaian (%) terendah yang dipakai untuk kategori dan rata-rata: capaian di bawahnya "
        "(mis. -331% indikator negatif yang realisasinya lebih dari 2 kali target) dinilai "
        "sebesar batas ini, agar satu indikator tidak menghapus capaian indikator lain. "
        "Capaian asli tetap tampil di kolom Capaian (%). Tulis 'tanpa' untuk tanpa batas.",
        "Analisis",
    ),
    S(
        "Batas Atas Capaian",
        "",
        "Capaian (%) tertinggi yang dipakai untuk kategori dan rata-rata, mis. 120. Kosong atau "
        "'tanpa' = tanpa batas: capaian di atas 100% dihitung apa adanya (seperti dalam LKjIP).",
        "Analisis",
    ),
    # Dokumen IKU
    S(
        "Tugas dan Fungsi",
        "Sekretariat Daerah mempunyai tugas membantu Bupati dalam penyusunan kebijakan dan "
        "pengoordinasian administratif terhadap pelaksanaan tugas Perangkat Daerah serta "
        "pelayanan administratif.",
        "Tugas unit kerja pada profil organisasi (Bab I Dokumen IKU).",
        "Dokumen IKU",
    ),
    S(
        "Isu Strategis",
        "",
        "Isu strategis unit kerja (Bab I Dokumen IKU), dipisahkan titik koma (;). Kosong: "
        "konsep menampilkan tempat isian yang ditandai.",
        "Dokumen IKU",
    ),
    S(
        "Tabel Triwulan",
        "Ya",
        "Ya = Dokumen IKU memuat tabel capaian per triwulan dan trennya untuk setiap indikator "
        "bila sheet Analisis Triwulan berisi data (Bab III); Tidak = tabel itu tidak dimuat.",
        "Dokumen IKU",
    ),
    # Laporan Pemantauan Triwulan
    S(
        "Ambang Capaian Triwulan (%)",
        "75",
        "Indikator dengan capaian triwulan di bawah angka ini (persen) tercantum di Laporan "
        "Pemantauan Triwulan sebagai indikator yang perlu perhatian.",
        "Laporan Triwulan",
    ),
    # Surat
    S(
        "Kode Klasifikasi Undangan",
        "000.8.6.3",
        "Kode klasifikasi arsip undangan rapat menurut pokok soalnya (Permendagri 83/2022): "
        "rapat tentang data kinerja = 000.8.6.3 Akuntabilitas Kinerja Instansi Pemerintah; "
        "000.1.5 hanya untuk rapat pimpinan.",
        "Surat",
    ),
    S(
        "Jabatan Penanda Tangan Undangan",
        "a.n. SEKRETARIS DAERAH / ASISTEN ADMINISTRASI UMUM / u.b. KEPALA BAGIAN PERENCANAAN "
        "DAN KEUANGAN",
        "Baris jabatan di atas tanda tangan undangan, dipisahkan garis miring (/). a.n. "
        "(atas nama) sampai satu tingkat di bawah pejabat yang berwenang, u.b. (untuk beliau) "
        "satu tingkat lagi: Kepala Bagian menandatangani a.n. Sekretaris Daerah u.b. Asisten.",
        "Surat",
    ),
    S(
        "Penanda Tangan Undangan",
        "Kepala Bagian Perencanaan dan Keuangan",
        "Pejabat yang nama (dan NIP serta pangkatnya) tertulis di bawah tanda tangan undangan: "
        "Kepala Bagian Perencanaan dan Keuangan atau Sekretaris Daerah (kunci pejabat di atas).",
        "Surat",
    ),
    S(
        "Lampiran Email Undangan",
        "pdf",
        "pdf = undangan dikirim sebagai PDF (dibuat dengan Word atau LibreOffice; .docx tetap "
        "disimpan untuk arsip); docx = berkas Word.",
        "Surat",
    ),
    S(
        "Kode Klasifikasi Pengantar",
        "000.8.6.3",
        "Kode klasifikasi surat pengantar Dokumen IKU (Akuntabilitas Kinerja Instansi Pemerintah).",
        "Surat",
    ),
    S(
        "Tujuan Pengantar",
        "Bupati Way Kanan",
        "Penerima surat pengantar Dokumen IKU (langkah 12).",
        "Surat",
    ),
    S("Alamat Tujuan Pengantar", "Blambangan Umpu", "Tempat penerima surat pengantar.", "Surat"),
    S(
        "Email Tujuan Pengantar",
        "",
        "Alamat email penerima surat pengantar (boleh kosong).",
        "Surat",
    ),
    # Halaman (setiap dokumen Word)
    S(
        "Ukuran Kertas",
        "A4",
        "Ukuran kertas setiap dokumen: A4 (210 x 297 mm) atau F4 (215 x 330 mm, Folio).",
        "Halaman",
    ),
    S(
        "Margin Kiri",
        "3",
        "Margin kiri dalam cm; paling sedikit 3 cm supaya naskah dapat dijilid.",
        "Halaman",
    ),
    S("Margin Kanan", "2", "Margin kanan dalam cm.", "Halaman"),
    S("Margin Atas", "2", "Margin atas dalam cm.", "Halaman"),
    S("Margin Bawah", "2,5", "Margin bawah dalam cm.", "Halaman"),
    # Folder
    S(
        "Folder Format",
        "format",
        "Folder format per Bagian, relatif terhadap folder kerja.",
        "Folder",
    ),
    S("Folder Kirim", "kirim", "Folder email keluar (draf .eml).", "Folder"),
    S("Folder Masuk", "masuk", "Folder tempat format kembalian diletakkan.", "Folder"),
    S("Folder Dokumen", "dokumen", "Folder dokumen Word yang dihasilkan.", "Folder"),
    S("Folder Arsip", "arsip", "Folder arsip (tidak pernah diubah setelah ditulis).", "Folder"),
)

BAWAAN: dict[str, str] = {s.kunci: s.bawaan for s in PENGATURAN}

KUNCI_FOLDER = ("Folder Format", "Folder Kirim", "Folder Masuk", "Folder Dokumen", "Folder Arsip")
"""Settings naming a subfolder of the working folder (see `Pengaturan.folder`)."""
_BAGIAN_FOLDER = re.compile(r"[^\W_](?:[\w .()-]*[\w)])?")
"""One part of a folder setting: letters, digits, space, `_ . ( ) -`; no leading dot, no
trailing dot or space (Windows drops them), no `:`, `~`, `$`, `%` or control character."""


SEKDA = "Sekretaris Daerah"
"""Key of the Sekda's name (the signer of the Dokumen IKU and the cover letter)."""
KABAG = "Kepala Bagian Perencanaan dan Keuangan"
"""Key of the Kepala Bagian who owns the SOP (disposisi, invitation, meeting); also
'NIP <KABAG>' and 'Pangkat <KABAG>'."""


class Pengaturan:
    """The settings as read from the workbook, falling back to the defaults above.

    `sel` maps a key to the cell holding its value ('B42'), for messages; `dari_tabel` builds
    both from the rows of the `Pengaturan` sheet."""

    def __init__(self, nilai: Mapping[str, object], sel: Mapping[str, str] | None = None) -> None:
        self._nilai = {k: "" if v is None else _teks(v) for k, v in nilai.items()}
        self._sel = dict(sel or {})

    @classmethod
    def dari_tabel(cls, rows: Iterable[Mapping[str, object]]) -> Pengaturan:
        """From `baca_tabel(buku, 'Pengaturan')` rows: values by key, and each value's cell."""
        rows = [r for r in rows if r.get("Kunci")]
        return cls(
            {str(r["Kunci"]).strip(): r.get("Nilai") for r in rows},
            {str(r["Kunci"]).strip(): f"B{r['_baris']}" for r in rows if r.get("_baris")},
        )

    def lokasi(self, kunci: str) -> str:
        """Where a setting lives, for messages: 'sheet Pengaturan sel B42' (or the sheet)."""
        sel = self._sel.get(kunci)
        return f"sheet Pengaturan sel {sel}" if sel else "sheet Pengaturan"

    def __getitem__(self, kunci: str) -> str:
        if kunci not in BAWAAN:
            raise KeyError(kunci)
        nilai = self._nilai.get(kunci, "").strip()
        return nilai or BAWAAN[kunci]

    def wajib(self, kunci: str) -> str:
        """A setting the step cannot do without; the message names the sheet and key."""
        nilai = self[kunci]
        if not nilai:
            raise IsianError(f"Pengaturan '{kunci}' masih kosong. Isi di {self.lokasi(kunci)}.")
        return nilai

    def tahun(self) -> int:
        teks = self.wajib("Tahun")
        if not (teks.isdigit() and len(teks) == 4 and 2000 <= int(teks) <= 2100):
            raise IsianError(
                f"Pengaturan 'Tahun' berisi '{teks}': harus tahun empat angka, misalnya 2026."
            )
        return int(teks)

    def folder(self, kerja: Path, kunci: str) -> Path:
        """A subfolder of the working folder from a folder setting (`KUNCI_FOLDER`).

        The rule: the value is a relative path of plain folder names (`_BAGIAN_FOLDER`,
        separated by / or \\), it resolves inside the working folder (a link leading out is
        refused), and it is neither the working folder, nor `cadangan/` or `templates/`, nor
        the master workbook, nor inside (or around) the folder of another folder setting.
        Anything else is an `IsianError` naming the setting and its cell."""
        nama = self[kunci]
        akar = kerja.resolve()
        hasil, alasan = _folder(nama, akar)
        for lain in KUNCI_FOLDER:
            if alasan or lain == kunci:
                continue
            jalur, salah = _folder(self[lain], akar)
            if not salah and (_di_dalam(jalur, hasil) or _di_dalam(hasil, jalur)):
                alasan = f"bertumpang tindih dengan Pengaturan '{lain}' ({self[lain]})"
        if alasan:
            raise IsianError(
                f"Pengaturan '{kunci}' berisi {nama!r} ({self.lokasi(kunci)}): harus nama folder "
                f"di dalam folder kerja — {alasan}. Tulis nama folder biasa, misalnya "
                f"'{BAWAAN.get(kunci) or 'format'}'."
            )
        return hasil


_NAMA_PERANGKAT = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"{p}{i}" for p in ("COM", "LPT") for i in range(10)),
}
"""Windows device names: a folder so named is a device, not a folder."""


def _folder(nama: str, akar: Path) -> tuple[Path, str]:
    """The folder `nama` names under `akar` (resolved) and why it cannot be used ("" if it can)."""
    bagian = [b for b in nama.replace("\\", "/").split("/") if b]
    if nama.startswith(("/", "\\")) or nama[1:2] == ":":
        return akar, "jalur mutlak atau huruf drive tidak diizinkan"
    if not bagian:
        return akar, "nama folder kosong"
    for b in bagian:
        if not _BAGIAN_FOLDER.fullmatch(b):
            return akar, (
                f"bagian {b!r} tidak diizinkan (pakai huruf, angka, spasi, _ - . ( ); tanpa "
                "'..', ':', '~', '$', '%' atau karakter kontrol)"
            )
        if b.split(".")[0].strip().upper() in _NAMA_PERANGKAT:
            return akar, f"{b!r} adalah nama perangkat Windows"
    if sum(len(b) + 1 for b in bagian) > 120:
        return akar, "terlalu panjang (paling banyak 120 karakter)"
    try:
        hasil = (akar / "/".join(bagian)).resolve()
    except (OSError, ValueError) as exc:
        return akar, f"tidak dapat dipakai ({exc})"
    if not hasil.is_relative_to(akar):
        return akar, "menunjuk ke luar folder kerja (melalui tautan)"
    if hasil == akar:
        return akar, "sama dengan folder kerja"
    pertama = hasil.relative_to(akar).parts[0]
    if pertama.casefold() in (skema.FOLDER_CADANGAN, skema.FOLDER_TEMPLAT):
        return akar, f"folder {pertama}/ dipakai pyxl sendiri"
    if hasil.exists() and not hasil.is_dir():
        return akar, f"{hasil.relative_to(akar).as_posix()} adalah berkas, bukan folder"
    return hasil, ""


def _di_dalam(a: Path, b: Path) -> bool:
    """Whether folder `a` is `b` or inside it, ignoring case (as Windows and macOS do)."""
    pa, pb = [x.casefold() for x in a.parts], [x.casefold() for x in b.parts]
    return pa[: len(pb)] == pb


def _teks(v: object) -> str:
    """A cell value as setting text: whole numbers without '.0' (Excel stores 2026 as 2026.0)."""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def dokumentasi() -> str:
    """docs/pengaturan.md, generated from the data above."""
    baris = [
        "# Pengaturan",
        "",
        "Kunci pada sheet `Pengaturan` (kolom A), nilai bawaan dan artinya. "
        "Berkas ini dibuat oleh `python -m pyxl.kontrak.pengaturan`.",
    ]
    kelompok = ""
    for s in PENGATURAN:
        if s.kelompok != kelompok:
            kelompok = s.kelompok
            baris += ["", f"## {kelompok}", "", "| Kunci | Bawaan | Keterangan |", "|---|---|---|"]
        baris.append(f"| {s.kunci} | {s.bawaan or '—'} | {s.keterangan} |")
    return "\n".join(baris) + "\n"


if __name__ == "__main__":
    tujuan = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/pengaturan.md")
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    tujuan.write_text(dokumentasi(), encoding="utf-8")
