"""Settings as data: every key of the `Pengaturan` sheet with its default and what it means.

A setting not listed here is not read by pyxl; `tests/test_pengaturan.py` checks that every
setting is documented in `docs/pengaturan.md`, which `python -m pyxl.pengaturan` regenerates.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

from pyxl.galat import IsianError
from pyxl.model import Setting

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
    S("Sekretaris Daerah", "", "Nama lengkap Sekretaris Daerah beserta gelar.", "Pejabat"),
    S("NIP Sekretaris Daerah", "", "NIP Sekretaris Daerah (18 angka).", "Pejabat"),
    S(
        "Pangkat Sekretaris Daerah",
        "",
        "Pangkat/golongan, misalnya Pembina Utama Muda (IV/c).",
        "Pejabat",
    ),
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
    # Surat
    S(
        "Kode Klasifikasi Undangan",
        "000.1.5",
        "Kode klasifikasi arsip undangan rapat (Permendagri 83/2022).",
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


class Pengaturan:
    """The settings as read from the workbook, falling back to the defaults above."""

    def __init__(self, nilai: Mapping[str, object]) -> None:
        self._nilai = {k: "" if v is None else _teks(v) for k, v in nilai.items()}

    def __getitem__(self, kunci: str) -> str:
        if kunci not in BAWAAN:
            raise KeyError(kunci)
        nilai = self._nilai.get(kunci, "").strip()
        return nilai or BAWAAN[kunci]

    def wajib(self, kunci: str) -> str:
        """A setting the step cannot do without; the message names the sheet and key."""
        nilai = self[kunci]
        if not nilai:
            raise IsianError(f"Pengaturan '{kunci}' masih kosong. Isi di sheet Pengaturan.")
        return nilai

    def tahun(self) -> int:
        teks = self.wajib("Tahun")
        if not (teks.isdigit() and len(teks) == 4 and 2000 <= int(teks) <= 2100):
            raise IsianError(
                f"Pengaturan 'Tahun' berisi '{teks}': harus tahun empat angka, misalnya 2026."
            )
        return int(teks)

    def folder(self, kerja: Path, kunci: str) -> Path:
        """A working-folder subfolder from a setting; never a path outside the working folder."""
        nama = self[kunci]
        akar = kerja.resolve()
        hasil = (akar / nama).resolve()
        if not hasil.is_relative_to(akar) or hasil == akar:
            raise IsianError(
                f"Pengaturan '{kunci}' berisi '{nama}': harus nama folder di dalam folder kerja."
            )
        return hasil


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
        "Berkas ini dibuat oleh `python -m pyxl.pengaturan`.",
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
