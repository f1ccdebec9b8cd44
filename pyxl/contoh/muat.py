"""Built-in sample data: Sekretariat Daerah Kabupaten Way Kanan, IKU / Perjanjian Kinerja 2026.

Used by `pyxl init --contoh` (which writes the rows through `tanpa_isian`, i.e. before any Bagian
has answered) and by `pyxl demo` (which simulates each Bagian's return with the `realisasi`,
`realisasi_anggaran` and `keterangan` given here). Every person, NIP, number and e-mail address
is fictional; the e-mail domain `setda.waykanan.example` is reserved and never delivers.
The period of the Renstra is 2021-2026, so `target_renstra` is the target of its last year.

Cases covered, so that every branch of the analysis shows up in the demo:

| Case                                          | kode_iku                                         |
|-----------------------------------------------|--------------------------------------------------|
| Positif, capaian above 100                    | IKU-KESRA-01, IKU-HUKUM-01, IKU-EKON-04,         |
|                                               | IKU-PBJ-01, IKU-UMUM-04, IKU-ORG-04,             |
|                                               | IKU-PROKOPIM-03, IKU-PROKOPIM-04                 |
| Positif, band Sangat Tinggi (>= 91)           | IKU-TAPEM-01, IKU-KESRA-02, IKU-KESRA-04,        |
|                                               | IKU-EKON-02, IKU-ADPEM-01, IKU-PBJ-04,           |
|                                               | IKU-UMUM-02, IKU-UMUM-03, IKU-ORG-03,            |
|                                               | IKU-PROKOPIM-02, IKU-RENKEU-04, IKU-RENKEU-05    |
|                                               | (and all above 100)                              |
| Positif, band Tinggi (76-91)                  | IKU-HUKUM-03, IKU-HUKUM-05, IKU-ADPEM-02         |
| Positif, band Sedang (66-76)                  | IKU-TAPEM-02, IKU-ADPEM-04                       |
| Positif, band Rendah (51-66)                  | IKU-EKON-03                                      |
| Positif, band Sangat Rendah (< 51)            | IKU-HUKUM-04                                     |
| Negatif, better than target                   | IKU-HUKUM-02, IKU-PBJ-02, IKU-RENKEU-06          |
| Negatif, worse than target                    | IKU-KESRA-03                                     |
| Range, realisation inside (Negatif 1,5-3,5 %) | IKU-EKON-01                                      |
| Range, realisation above (Negatif 25-30 hari) | IKU-PBJ-03                                       |
| Range, realisation above (Positif 90-95 %)    | IKU-RENKEU-03                                    |
| Range, realisation below (Positif 80-90 %)    | IKU-UMUM-01 (R = 70, capaian 87,5)               |
| Range, realisation below (Negatif 7-8 bulan)  | IKU-ADPEM-03 (R = 6,5, capaian 107,14)           |
| Target 0, Negatif, realisation 0              | IKU-RENKEU-02                                    |
| Target 0, Positif (manual entry)              | IKU-TAPEM-03                                     |
| Kualitatif, achieved (WTP / WTP)              | IKU-RENKEU-01                                    |
| Kualitatif, not achieved (BB / B)             | IKU-ORG-01                                       |
| Kualitatif, "Ya" realised "Tercapai"          | IKU-PROKOPIM-01                                  |
| Realisasi left empty ("belum ada data")       | IKU-TAPEM-04, IKU-ORG-02                         |
| Whole return left empty                       | IKU-ORG-02 (no realisasi, budget or remark)      |
"""

from __future__ import annotations

import dataclasses

from pyxl.kontrak.model import Bagian, Indikator
from pyxl.kontrak.setda import BAGIAN_BAWAAN

TAHUN_CONTOH = 2026
"""The year of the sample Perjanjian Kinerja."""

DOMAIN_EMAIL_CONTOH = "setda.waykanan.example"

_KEPALA_BAGIAN: dict[str, tuple[str, str, str]] = {
    # kode: (nama dengan gelar, NIP tanpa spasi, pangkat (golongan))
    "TAPEM": ("Drs. Ahmad Fauzan Hidayat, M.Si.", "197203141998031003", "Pembina Tk. I (IV/b)"),
    "KESRA": ("Hj. Nurhayati Rahmawati, S.Ag., M.Pd.I.", "197608212002122002", "Pembina (IV/a)"),
    "HUKUM": ("Andika Saputra Pratama, S.H., M.H.", "198011052005011004", "Pembina (IV/a)"),
    "EKON": ("Ir. Bambang Sutrisno Wibowo, M.P.", "197406302000041001", "Pembina Tk. I (IV/b)"),
    "ADPEM": ("Dedi Kurniawan Putra, S.T., M.T.", "197902172006031002", "Penata Tk. I (III/d)"),
    "PBJ": ("Yusnani Maharani, S.E., M.Ak.", "198209092008122001", "Penata Tk. I (III/d)"),
    "UMUM": ("Drs. Syahrial Effendi Nasution", "197001251995031002", "Pembina Tk. I (IV/b)"),
    "ORG": ("Fitri Handayani Lubis, S.Sos., M.A.P.", "198104122005122003", "Pembina (IV/a)"),
    "PROKOPIM": ("M. Rizal Aditya, S.STP., M.Si.", "198607192009041001", "Penata Tk. I (III/d)"),
    "RENKEU": ("Hendri Gunawan Saleh, S.E., M.M.", "197712032003011005", "Pembina (IV/a)"),
}


def bagian_contoh() -> list[Bagian]:
    """The ten default Bagian (same order, codes and names as `setda.BAGIAN_BAWAAN`) with heads."""
    hasil: list[Bagian] = []
    for bagian in BAGIAN_BAWAAN:
        kepala, nip, pangkat = _KEPALA_BAGIAN[bagian.kode]
        hasil.append(
            dataclasses.replace(
                bagian,
                kepala=kepala,
                nip=nip,
                pangkat=pangkat,
                email=f"{bagian.kode.lower()}@{DOMAIN_EMAIL_CONTOH}",
            )
        )
    return hasil


def pejabat_contoh() -> dict[str, str]:
    """Fictional officials for the `Pengaturan` sheet (signature blocks, letters, invitations)."""
    return {
        "Sekretaris Daerah": "Drs. Zulkarnain Yusuf Harahap, M.M.",
        "NIP Sekretaris Daerah": "196905111994031004",
        "Pangkat Sekretaris Daerah": "Pembina Utama Muda (IV/c)",
        "Asisten Administrasi Umum": "Drs. Mukhlis Ardiansyah, M.Si.",
        "NIP Asisten Administrasi Umum": "197109021997031002",
        "Pangkat Asisten Administrasi Umum": "Pembina Utama Muda (IV/c)",
        "Kepala Subbagian Perencanaan": "Eka Septiani Wulandari, S.E., M.Si.",
        "NIP Kepala Subbagian Perencanaan": "198709232015032001",
        "Pangkat Kepala Subbagian Perencanaan": "Penata (III/c)",
        "Pejabat Fungsional": "; ".join(
            (
                "Dwi Puspitasari, S.E. (Perencana Ahli Muda)",
                "Hendra Saputra Jaya, S.Kom. (Analis Kebijakan Ahli Pertama)",
                "Yuliana Safitri, S.Ak. (Analis Keuangan Pusat dan Daerah Ahli Pertama)",
            )
        ),
    }


def _tapem() -> list[Indikator]:
    sasaran_1 = "Meningkatnya kualitas penyelenggaraan pemerintahan kecamatan dan kampung"
    sasaran_2 = "Terwujudnya kepastian batas wilayah administrasi pemerintahan"
    return [
        Indikator(
            kode_iku="IKU-TAPEM-01",
            sasaran=sasaran_1,
            indikator=(
                "Persentase kecamatan yang menyampaikan Laporan Penyelenggaraan Pemerintahan "
                "Kecamatan (LPPK) tepat waktu"
            ),
            definisi=(
                "Kecamatan yang menyampaikan LPPK tahun sebelumnya kepada Bupati melalui Bagian "
                "Tata Pemerintahan paling lambat akhir Februari, dibandingkan seluruh 14 kecamatan."
            ),
            formula="(Jumlah kecamatan menyampaikan LPPK tepat waktu / 14 kecamatan) x 100%",
            satuan="%",
            polaritas="Positif",
            target=100.0,
            realisasi=92.86,
            realisasi_lalu=85.71,
            target_renstra=100.0,
            pagu=450_000_000.0,
            realisasi_anggaran=421_350_000.0,
            sumber_data="Register LPPK Bagian Tata Pemerintahan",
            penanggung_jawab="Kepala Subbagian Pemerintahan Umum",
            keterangan="13 dari 14 kecamatan; LPPK Kecamatan Negeri Besar terlambat 9 hari.",
        ),
        Indikator(
            kode_iku="IKU-TAPEM-02",
            sasaran=sasaran_2,
            indikator=(
                "Persentase kampung yang batas wilayahnya telah ditetapkan dengan Peraturan Bupati"
            ),
            definisi=(
                "Kampung dan kelurahan yang batas wilayahnya telah ditegaskan dan ditetapkan "
                "dengan Peraturan Bupati, dibandingkan seluruh kampung dan kelurahan."
            ),
            formula=(
                "(Jumlah kampung/kelurahan dengan Perbup batas wilayah / jumlah seluruh "
                "kampung/kelurahan) x 100%"
            ),
            satuan="%",
            polaritas="Positif",
            target=60.0,
            realisasi=42.0,
            realisasi_lalu=35.68,
            target_renstra=75.0,
            pagu=1_150_000_000.0,
            realisasi_anggaran=968_400_000.0,
            sumber_data="Berita acara penegasan batas kampung; Perbup penetapan batas",
            penanggung_jawab="Kepala Subbagian Otonomi Daerah",
            keterangan=(
                "Penegasan batas 11 kampung di Kecamatan Way Tuba dan Bahuga tertunda karena "
                "belum ada kesepakatan antarkampung."
            ),
        ),
        Indikator(
            kode_iku="IKU-TAPEM-03",
            sasaran=sasaran_2,
            indikator="Jumlah segmen batas daerah dengan kabupaten tetangga yang disepakati",
            definisi=(
                "Segmen batas antara Kabupaten Way Kanan dan kabupaten yang berbatasan yang "
                "berita acara kesepakatannya ditandatangani kedua pihak pada tahun berjalan."
            ),
            formula="Jumlah segmen batas daerah yang berita acara kesepakatannya ditandatangani",
            satuan="Segmen",
            polaritas="Positif",
            target=0.0,
            realisasi=1.0,
            realisasi_lalu=2.0,
            target_renstra=6.0,
            pagu=275_000_000.0,
            realisasi_anggaran=248_900_000.0,
            sumber_data="Berita acara kesepakatan batas daerah (fasilitasi Pemerintah Provinsi)",
            penanggung_jawab="Kepala Subbagian Otonomi Daerah",
            keterangan=(
                "Tidak ditargetkan dalam PK 2026; satu segmen disepakati atas fasilitasi "
                "Biro Pemerintahan Provinsi Lampung."
            ),
        ),
        Indikator(
            kode_iku="IKU-TAPEM-04",
            sasaran=sasaran_1,
            indikator=(
                "Nilai Evaluasi Kinerja Penyelenggaraan Pemerintahan Daerah (EKPPD) "
                "Kabupaten Way Kanan"
            ),
            definisi=(
                "Skor hasil evaluasi Kementerian Dalam Negeri atas Laporan Penyelenggaraan "
                "Pemerintahan Daerah (LPPD) dengan skala 0 sampai 4."
            ),
            formula="Skor EKPPD yang ditetapkan Kementerian Dalam Negeri (skala 0-4)",
            satuan="Nilai",
            polaritas="Positif",
            target=3.2,
            realisasi=None,
            realisasi_lalu=3.08,
            target_renstra=3.3,
            pagu=325_000_000.0,
            realisasi_anggaran=296_800_000.0,
            sumber_data="Keputusan Menteri Dalam Negeri tentang hasil EKPPD",
            penanggung_jawab="Kepala Subbagian Otonomi Daerah",
            keterangan="Hasil EKPPD atas LPPD Tahun 2025 belum diumumkan Kementerian Dalam Negeri.",
        ),
    ]


def _kesra() -> list[Indikator]:
    sasaran_1 = "Meningkatnya kualitas kehidupan beragama masyarakat Kabupaten Way Kanan"
    sasaran_2 = "Meningkatnya kualitas pelayanan kesejahteraan sosial kemasyarakatan"
    return [
        Indikator(
            kode_iku="IKU-KESRA-01",
            sasaran=sasaran_1,
            indikator=(
                "Persentase lembaga keagamaan penerima hibah yang difasilitasi pencairannya "
                "tepat waktu"
            ),
            definisi=(
                "Lembaga keagamaan penerima hibah yang dananya dicairkan paling lambat triwulan "
                "III, dibandingkan seluruh lembaga keagamaan penerima hibah."
            ),
            formula=(
                "(Jumlah lembaga keagamaan yang hibahnya cair tepat waktu / jumlah lembaga "
                "keagamaan penerima hibah) x 100%"
            ),
            satuan="%",
            polaritas="Positif",
            target=90.0,
            realisasi=95.5,
            realisasi_lalu=88.2,
            target_renstra=95.0,
            pagu=2_750_000_000.0,
            realisasi_anggaran=2_612_500_000.0,
            sumber_data="Naskah Perjanjian Hibah Daerah dan SP2D hibah",
            penanggung_jawab="Kepala Subbagian Bina Mental Spiritual",
            keterangan="191 dari 200 lembaga; 9 lembaga terlambat melengkapi proposal.",
        ),
        Indikator(
            kode_iku="IKU-KESRA-02",
            sasaran=sasaran_2,
            indikator=(
                "Persentase jemaah haji Kabupaten Way Kanan yang difasilitasi pemberangkatan "
                "dan pemulangannya"
            ),
            definisi=(
                "Jemaah haji asal Kabupaten Way Kanan yang diberangkatkan dan dipulangkan dengan "
                "fasilitasi transportasi daerah dari dan ke Blambangan Umpu."
            ),
            formula="(Jumlah jemaah yang difasilitasi / jumlah jemaah haji berangkat) x 100%",
            satuan="%",
            polaritas="Positif",
            target=100.0,
            realisasi=100.0,
            realisasi_lalu=100.0,
            target_renstra=100.0,
            pagu=1_200_000_000.0,
            realisasi_anggaran=1_138_750_000.0,
            sumber_data="Data jemaah haji Kantor Kementerian Agama Kabupaten Way Kanan",
            penanggung_jawab="Kepala Subbagian Kesejahteraan Masyarakat",
        ),
        Indikator(
            kode_iku="IKU-KESRA-03",
            sasaran=sasaran_1,
            indikator="Peringkat Kabupaten Way Kanan pada MTQ tingkat Provinsi Lampung",
            definisi=(
                "Peringkat umum kafilah Kabupaten Way Kanan pada Musabaqah Tilawatil Qur'an "
                "tingkat Provinsi Lampung; semakin kecil angka peringkat semakin baik."
            ),
            formula="Peringkat umum yang ditetapkan Dewan Hakim MTQ tingkat provinsi",
            satuan="Peringkat",
            polaritas="Negatif",
            target=5.0,
            realisasi=7.0,
            realisasi_lalu=6.0,
            target_renstra=3.0,
            pagu=850_000_000.0,
            realisasi_anggaran=812_300_000.0,
            sumber_data="Keputusan Dewan Hakim MTQ tingkat Provinsi Lampung",
            penanggung_jawab="Kepala Subbagian Bina Mental Spiritual",
            keterangan="Pembinaan kafilah hanya 2 bulan karena seleksi MTQ kabupaten mundur.",
        ),
        Indikator(
            kode_iku="IKU-KESRA-04",
            sasaran=sasaran_1,
            indikator=(
                "Persentase lembaga pendidikan keagamaan (pondok pesantren dan TPA) yang dibina"
            ),
            definisi=(
                "Pondok pesantren dan Taman Pendidikan Al-Qur'an terdaftar yang menerima "
                "pembinaan atau bantuan operasional dari Pemerintah Kabupaten pada tahun berjalan."
            ),
            formula="(Jumlah lembaga yang dibina / jumlah lembaga terdaftar) x 100%",
            satuan="%",
            polaritas="Positif",
            target=60.0,
            realisasi=58.0,
            realisasi_lalu=52.5,
            target_renstra=65.0,
            pagu=600_000_000.0,
            realisasi_anggaran=571_200_000.0,
            sumber_data="Data EMIS Kantor Kementerian Agama; daftar penerima pembinaan",
            penanggung_jawab="Kepala Subbagian Bina Mental Spiritual",
        ),
    ]


def _hukum() -> list[Indikator]:
    sasaran_1 = "Meningkatnya kualitas dan ketepatan waktu produk hukum daerah"
    sasaran_2 = "Meningkatnya kesadaran dan perlindungan hukum"
    return [
        Indikator(
            kode_iku="IKU-HUKUM-01",
            sasaran=sasaran_1,
            indikator="Persentase produk hukum daerah yang diundangkan tepat waktu",
            definisi=(
                "Peraturan Daerah dan Peraturan Bupati yang diundangkan dalam Lembaran atau "
                "Berita Daerah paling lambat 7 hari kerja setelah ditandatangani Bupati."
            ),
            formula=(
                "(Jumlah produk hukum diundangkan tepat waktu / jumlah produk hukum yang "
                "diajukan) x 100%"
            ),
            satuan="%",
            polaritas="Positif",
            target=95.0,
            realisasi=97.3,
            realisasi_lalu=93.1,
            target_renstra=100.0,
            pagu=980_000_000.0,
            realisasi_anggaran=917_600_000.0,
            sumber_data="Register Lembaran Daerah dan Berita Daerah Kabupaten Way Kanan",
            penanggung_jawab="Kepala Subbagian Perundang-undangan",
            keterangan="72 dari 74 produk hukum; 2 Perbup menunggu nomor register provinsi.",
        ),
        Indikator(
            kode_iku="IKU-HUKUM-02",
            sasaran=sasaran_1,
            indikator="Rata-rata waktu penyelesaian harmonisasi rancangan Peraturan Bupati",
            definisi=(
                "Rata-rata hari kerja sejak rancangan Peraturan Bupati diterima lengkap dari "
                "perangkat daerah sampai berita acara harmonisasi ditandatangani."
            ),
            formula="Jumlah hari kerja penyelesaian seluruh rancangan / jumlah rancangan",
            satuan="Hari",
            polaritas="Negatif",
            target=14.0,
            realisasi=10.0,
            realisasi_lalu=15.0,
            target_renstra=10.0,
            pagu=350_000_000.0,
            realisasi_anggaran=327_450_000.0,
            sumber_data="Buku kendali harmonisasi rancangan produk hukum",
            penanggung_jawab="Kepala Subbagian Perundang-undangan",
        ),
        Indikator(
            kode_iku="IKU-HUKUM-03",
            sasaran=sasaran_2,
            indikator=(
                "Persentase perkara Pemerintah Daerah yang diputus berkekuatan hukum tetap "
                "dengan hasil menang"
            ),
            definisi=(
                "Perkara perdata dan tata usaha negara yang melibatkan Pemerintah Kabupaten dan "
                "telah berkekuatan hukum tetap dengan putusan yang memenangkan Pemerintah Daerah."
            ),
            formula="(Jumlah perkara dimenangkan / jumlah perkara berkekuatan hukum tetap) x 100%",
            satuan="%",
            polaritas="Positif",
            target=80.0,
            realisasi=66.67,
            realisasi_lalu=75.0,
            target_renstra=85.0,
            pagu=420_000_000.0,
            realisasi_anggaran=366_800_000.0,
            sumber_data="Salinan putusan pengadilan; register perkara Bagian Hukum",
            penanggung_jawab="Kepala Subbagian Bantuan Hukum",
            keterangan="2 dari 3 perkara inkracht dimenangkan; 1 sengketa lahan kalah di PTUN.",
        ),
        Indikator(
            kode_iku="IKU-HUKUM-04",
            sasaran=sasaran_2,
            indikator="Persentase kampung yang ditetapkan sebagai Kampung/Kelurahan Sadar Hukum",
            definisi=(
                "Kampung dan kelurahan yang telah ditetapkan sebagai Kampung/Kelurahan Sadar "
                "Hukum, dibandingkan 227 kampung dan kelurahan di Kabupaten Way Kanan."
            ),
            formula="(Jumlah kampung/kelurahan sadar hukum / 227) x 100%",
            satuan="%",
            polaritas="Positif",
            target=20.0,
            realisasi=8.37,
            realisasi_lalu=6.17,
            target_renstra=25.0,
            pagu=250_000_000.0,
            realisasi_anggaran=203_500_000.0,
            sumber_data="Keputusan penetapan Kampung/Kelurahan Sadar Hukum",
            penanggung_jawab="Kepala Subbagian Bantuan Hukum",
            keterangan=(
                "Penilaian oleh Kantor Wilayah Kementerian Hukum Lampung hanya menjangkau "
                "19 kampung usulan."
            ),
        ),
        Indikator(
            kode_iku="IKU-HUKUM-05",
            sasaran=sasaran_1,
            indikator=(
                "Persentase produk hukum daerah yang dipublikasikan dalam Jaringan Dokumentasi "
                "dan Informasi Hukum (JDIH)"
            ),
            definisi=(
                "Produk hukum daerah tahun berjalan yang dapat diakses publik pada laman JDIH "
                "Kabupaten Way Kanan, dibandingkan seluruh produk hukum yang diundangkan."
            ),
            formula="(Jumlah produk hukum di JDIH / jumlah produk hukum diundangkan) x 100%",
            satuan="%",
            polaritas="Positif",
            target=100.0,
            realisasi=88.0,
            realisasi_lalu=81.5,
            target_renstra=100.0,
            pagu=180_000_000.0,
            realisasi_anggaran=171_900_000.0,
            sumber_data="Laman JDIH Kabupaten Way Kanan",
            penanggung_jawab="Kepala Subbagian Dokumentasi dan Informasi Hukum",
        ),
    ]


def _ekon() -> list[Indikator]:
    sasaran_1 = "Terkendalinya stabilitas harga dan ketersediaan bahan pokok"
    sasaran_2 = "Meningkatnya kualitas kebijakan perekonomian dan pengelolaan sumber daya alam"
    return [
        Indikator(
            kode_iku="IKU-EKON-01",
            sasaran=sasaran_1,
            indikator=(
                "Tingkat inflasi tahunan (year on year) Provinsi Lampung sebagai acuan "
                "pengendalian inflasi daerah"
            ),
            definisi=(
                "Inflasi tahunan bulan Desember yang dirilis BPS, dijaga Tim Pengendalian "
                "Inflasi Daerah (TPID) dalam rentang sasaran inflasi nasional 2,5 ± 1 persen."
            ),
            formula="Inflasi yoy Desember menurut rilis BPS Provinsi Lampung",
            satuan="%",
            polaritas="Negatif",
            target=1.5,
            target_atas=3.5,
            realisasi=2.41,
            realisasi_lalu=1.68,
            target_renstra=3.0,
            pagu=700_000_000.0,
            realisasi_anggaran=655_900_000.0,
            sumber_data="Berita Resmi Statistik BPS Provinsi Lampung",
            penanggung_jawab="Kepala Subbagian Perekonomian",
        ),
        Indikator(
            kode_iku="IKU-EKON-02",
            sasaran=sasaran_2,
            indikator=(
                "Persentase BUMD yang menyampaikan laporan keuangan dan kinerja tepat waktu"
            ),
            definisi=(
                "Badan Usaha Milik Daerah yang menyampaikan laporan keuangan dan laporan "
                "kinerja tahunan kepada Bupati paling lambat akhir April."
            ),
            formula="(Jumlah BUMD melapor tepat waktu / jumlah BUMD) x 100%",
            satuan="%",
            polaritas="Positif",
            target=100.0,
            realisasi=100.0,
            realisasi_lalu=66.67,
            target_renstra=100.0,
            pagu=300_000_000.0,
            realisasi_anggaran=281_250_000.0,
            sumber_data="Laporan tahunan BUMD",
            penanggung_jawab="Kepala Subbagian BUMD dan BLUD",
        ),
        Indikator(
            kode_iku="IKU-EKON-03",
            sasaran=sasaran_1,
            indikator="Jumlah kegiatan gerakan pangan murah yang difasilitasi",
            definisi=(
                "Kegiatan gerakan pangan murah dan operasi pasar di kecamatan yang difasilitasi "
                "Bagian Perekonomian bersama TPID dan distributor."
            ),
            formula="Jumlah kegiatan gerakan pangan murah yang terlaksana dalam satu tahun",
            satuan="Kegiatan",
            polaritas="Positif",
            target=24.0,
            realisasi=15.0,
            realisasi_lalu=18.0,
            target_renstra=28.0,
            pagu=540_000_000.0,
            realisasi_anggaran=437_850_000.0,
            sumber_data="Laporan pelaksanaan gerakan pangan murah",
            penanggung_jawab="Kepala Subbagian Perekonomian",
            keterangan=(
                "Kegiatan di 6 kecamatan (antara lain Kasui dan Rebang Tangkas) ditunda karena "
                "penyesuaian anggaran."
            ),
        ),
        Indikator(
            kode_iku="IKU-EKON-04",
            sasaran=sasaran_2,
            indikator=("Jumlah rekomendasi kebijakan sektor sumber daya alam yang ditindaklanjuti"),
            definisi=(
                "Telaahan dan rekomendasi kebijakan perkebunan, kehutanan dan pertambangan yang "
                "ditindaklanjuti Bupati dengan keputusan, surat edaran atau disposisi."
            ),
            formula="Jumlah rekomendasi kebijakan SDA yang ditindaklanjuti",
            satuan="Dokumen",
            polaritas="Positif",
            target=4.0,
            realisasi=5.0,
            realisasi_lalu=4.0,
            target_renstra=5.0,
            pagu=260_000_000.0,
            realisasi_anggaran=243_600_000.0,
            sumber_data="Arsip telaahan staf Bagian Perekonomian dan SDA",
            penanggung_jawab="Kepala Subbagian Sumber Daya Alam",
            keterangan="Tambahan satu rekomendasi penanganan konflik lahan perkebunan di Banjit.",
        ),
    ]


def _adpem() -> list[Indikator]:
    sasaran_1 = "Meningkatnya efektivitas pengendalian pelaksanaan pembangunan daerah"
    sasaran_2 = "Meningkatnya kualitas evaluasi dan pelaporan pembangunan"
    return [
        Indikator(
            kode_iku="IKU-ADPEM-01",
            sasaran=sasaran_1,
            indikator="Persentase realisasi fisik kegiatan pembangunan APBD sampai akhir tahun",
            definisi=(
                "Rata-rata tertimbang capaian fisik seluruh kegiatan belanja modal APBD "
                "Kabupaten Way Kanan per 31 Desember."
            ),
            formula="Σ (bobot pagu kegiatan x realisasi fisik kegiatan)",
            satuan="%",
            polaritas="Positif",
            target=95.0,
            realisasi=91.3,
            realisasi_lalu=89.7,
            target_renstra=97.0,
            pagu=650_000_000.0,
            realisasi_anggaran=602_150_000.0,
            sumber_data="Aplikasi monitoring dan evaluasi pembangunan (e-Monev)",
            penanggung_jawab="Kepala Subbagian Pengendalian Administrasi Pembangunan",
        ),
        Indikator(
            kode_iku="IKU-ADPEM-02",
            sasaran=sasaran_2,
            indikator=(
                "Persentase perangkat daerah yang menyampaikan laporan pengendalian "
                "pembangunan tepat waktu"
            ),
            definisi=(
                "Perangkat daerah yang mengisi laporan realisasi fisik dan keuangan triwulanan "
                "pada e-Monev paling lambat tanggal 10 bulan berikutnya."
            ),
            formula="(Jumlah perangkat daerah melapor tepat waktu / 32 perangkat daerah) x 100%",
            satuan="%",
            polaritas="Positif",
            target=100.0,
            realisasi=84.38,
            realisasi_lalu=78.13,
            target_renstra=100.0,
            pagu=310_000_000.0,
            realisasi_anggaran=289_700_000.0,
            sumber_data="Aplikasi e-Monev; rekap laporan triwulanan",
            penanggung_jawab="Kepala Subbagian Evaluasi dan Pelaporan Pembangunan",
            keterangan="27 dari 32 perangkat daerah tepat waktu pada keempat triwulan.",
        ),
        Indikator(
            kode_iku="IKU-ADPEM-03",
            sasaran=sasaran_1,
            indikator=(
                "Rata-rata waktu penyelesaian pekerjaan konstruksi strategis sejak kontrak "
                "sampai serah terima pertama (PHO)"
            ),
            definisi=(
                "Rata-rata bulan kalender sejak penandatanganan kontrak sampai berita acara "
                "serah terima pertama untuk paket konstruksi bernilai di atas Rp2,5 miliar."
            ),
            formula="Jumlah bulan pelaksanaan seluruh paket strategis / jumlah paket strategis",
            satuan="Bulan",
            polaritas="Negatif",
            target=7.0,
            target_atas=8.0,
            realisasi=6.5,
            realisasi_lalu=8.4,
            target_renstra=7.0,
            pagu=480_000_000.0,
            realisasi_anggaran=446_400_000.0,
            sumber_data="Kontrak dan berita acara PHO paket konstruksi",
            penanggung_jawab="Kepala Subbagian Pengendalian Administrasi Pembangunan",
            keterangan="Musim kemarau panjang mempercepat pekerjaan jalan di Pakuan Ratu.",
        ),
        Indikator(
            kode_iku="IKU-ADPEM-04",
            sasaran=sasaran_2,
            indikator=(
                "Persentase rekomendasi hasil monitoring dan evaluasi pembangunan yang "
                "ditindaklanjuti perangkat daerah"
            ),
            definisi=(
                "Rekomendasi monitoring dan evaluasi lapangan yang telah ditindaklanjuti "
                "perangkat daerah dengan bukti, dibandingkan seluruh rekomendasi yang diterbitkan."
            ),
            formula="(Jumlah rekomendasi ditindaklanjuti / jumlah rekomendasi) x 100%",
            satuan="%",
            polaritas="Positif",
            target=80.0,
            realisasi=60.0,
            realisasi_lalu=55.0,
            target_renstra=85.0,
            pagu=220_000_000.0,
            realisasi_anggaran=187_000_000.0,
            sumber_data="Register rekomendasi monev Bagian Administrasi Pembangunan",
            penanggung_jawab="Kepala Subbagian Evaluasi dan Pelaporan Pembangunan",
            keterangan="Tindak lanjut di Dinas PUPR belum disertai bukti foto dan dokumen.",
        ),
    ]


def _pbj() -> list[Indikator]:
    sasaran_1 = "Meningkatnya kualitas layanan pengadaan barang/jasa pemerintah"
    sasaran_2 = "Meningkatnya tata kelola pengadaan barang/jasa yang transparan dan akuntabel"
    return [
        Indikator(
            kode_iku="IKU-PBJ-01",
            sasaran=sasaran_1,
            indikator=(
                "Persentase paket tender/seleksi yang selesai sesuai jadwal rencana pengadaan"
            ),
            definisi=(
                "Paket tender atau seleksi yang penetapan pemenangnya tidak melewati jadwal "
                "dalam Rencana Umum Pengadaan (SiRUP), dibandingkan seluruh paket yang diproses."
            ),
            formula="(Jumlah paket selesai sesuai jadwal / jumlah paket diproses) x 100%",
            satuan="%",
            polaritas="Positif",
            target=90.0,
            realisasi=93.5,
            realisasi_lalu=87.2,
            target_renstra=95.0,
            pagu=1_350_000_000.0,
            realisasi_anggaran=1_262_250_000.0,
            sumber_data="Aplikasi SPSE LPSE Kabupaten Way Kanan; SiRUP",
            penanggung_jawab="Kepala Subbagian Pengelolaan Pengadaan Barang/Jasa",
        ),
        Indikator(
            kode_iku="IKU-PBJ-02",
            sasaran=sasaran_2,
            indikator="Persentase paket tender yang gagal dan harus diulang",
            definisi=(
                "Paket tender yang dinyatakan gagal oleh Pokja Pemilihan dan diulang, "
                "dibandingkan seluruh paket tender yang diumumkan."
            ),
            formula="(Jumlah paket tender gagal / jumlah paket tender diumumkan) x 100%",
            satuan="%",
            polaritas="Negatif",
            target=5.0,
            realisasi=3.8,
            realisasi_lalu=6.1,
            target_renstra=3.0,
            pagu=400_000_000.0,
            realisasi_anggaran=366_000_000.0,
            sumber_data="Aplikasi SPSE LPSE Kabupaten Way Kanan",
            penanggung_jawab="Kepala Subbagian Pembinaan dan Advokasi Pengadaan Barang/Jasa",
            keterangan="6 dari 158 paket tender gagal, seluruhnya karena tidak ada penawaran.",
        ),
        Indikator(
            kode_iku="IKU-PBJ-03",
            sasaran=sasaran_1,
            indikator=(
                "Rata-rata waktu proses tender pekerjaan konstruksi sejak pengumuman sampai "
                "penetapan pemenang"
            ),
            definisi=(
                "Rata-rata hari kalender sejak pengumuman tender pekerjaan konstruksi di SPSE "
                "sampai penetapan pemenang oleh Pokja Pemilihan."
            ),
            formula="Jumlah hari proses seluruh tender konstruksi / jumlah tender konstruksi",
            satuan="Hari",
            polaritas="Negatif",
            target=25.0,
            target_atas=30.0,
            realisasi=33.0,
            realisasi_lalu=36.0,
            target_renstra=25.0,
            pagu=520_000_000.0,
            realisasi_anggaran=475_800_000.0,
            sumber_data="Aplikasi SPSE LPSE Kabupaten Way Kanan",
            penanggung_jawab="Kepala Subbagian Pengelolaan Pengadaan Barang/Jasa",
            keterangan="Banyak sanggah pada paket jalan kabupaten memperpanjang proses.",
        ),
        Indikator(
            kode_iku="IKU-PBJ-04",
            sasaran=sasaran_2,
            indikator="Nilai Indeks Tata Kelola Pengadaan (ITKP) Kabupaten Way Kanan",
            definisi=(
                "Nilai ITKP hasil penilaian Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah "
                "(LKPP) dengan skala 0 sampai 100."
            ),
            formula="Nilai ITKP yang ditetapkan LKPP",
            satuan="Indeks",
            polaritas="Positif",
            target=85.0,
            realisasi=78.5,
            realisasi_lalu=74.2,
            target_renstra=88.0,
            pagu=230_000_000.0,
            realisasi_anggaran=212_750_000.0,
            sumber_data="Dasbor ITKP LKPP",
            penanggung_jawab="Kepala Subbagian Pengelolaan LPSE",
        ),
    ]


def _umum() -> list[Indikator]:
    sasaran_1 = "Meningkatnya kualitas layanan ketatausahaan dan kerumahtanggaan Setda"
    sasaran_2 = "Tertibnya pengelolaan barang milik daerah di lingkungan Sekretariat Daerah"
    return [
        Indikator(
            kode_iku="IKU-UMUM-01",
            sasaran=sasaran_1,
            indikator=(
                "Persentase pegawai yang puas terhadap layanan ketatausahaan dan "
                "kerumahtanggaan Sekretariat Daerah"
            ),
            definisi=(
                "Responden survei kepuasan pegawai Setda yang memberi nilai puas atau sangat "
                "puas, dari seluruh responden survei akhir tahun."
            ),
            formula="(Jumlah responden puas dan sangat puas / jumlah responden) x 100%",
            satuan="%",
            polaritas="Positif",
            target=80.0,
            target_atas=90.0,
            realisasi=70.0,
            realisasi_lalu=72.5,
            target_renstra=85.0,
            pagu=3_450_000_000.0,
            realisasi_anggaran=3_201_600_000.0,
            sumber_data="Survei kepuasan pegawai Sekretariat Daerah",
            penanggung_jawab="Kepala Subbagian Rumah Tangga",
            keterangan="Keluhan utama: daya listrik dan air bersih di kompleks Kantor Bupati.",
        ),
        Indikator(
            kode_iku="IKU-UMUM-02",
            sasaran=sasaran_2,
            indikator=(
                "Persentase barang milik daerah Sekretariat Daerah yang terinventarisasi dan "
                "berlabel"
            ),
            definisi=(
                "Barang milik daerah dalam penguasaan Setda yang tercatat dalam Kartu Inventaris "
                "Barang dan telah diberi label kode barang."
            ),
            formula="(Jumlah BMD terinventarisasi dan berlabel / jumlah BMD tercatat) x 100%",
            satuan="%",
            polaritas="Positif",
            target=100.0,
            realisasi=96.5,
            realisasi_lalu=90.4,
            target_renstra=100.0,
            pagu=380_000_000.0,
            realisasi_anggaran=352_900_000.0,
            sumber_data="Kartu Inventaris Barang Sekretariat Daerah",
            penanggung_jawab="Kepala Subbagian Perlengkapan",
        ),
        Indikator(
            kode_iku="IKU-UMUM-03",
            sasaran=sasaran_2,
            indikator="Persentase kendaraan dinas Sekretariat Daerah dalam kondisi laik jalan",
            definisi=(
                "Kendaraan dinas roda dua dan roda empat Setda yang lulus pemeriksaan kondisi "
                "akhir tahun, dibandingkan seluruh kendaraan dinas Setda."
            ),
            formula="(Jumlah kendaraan laik jalan / jumlah kendaraan dinas) x 100%",
            satuan="%",
            polaritas="Positif",
            target=90.0,
            realisasi=86.0,
            realisasi_lalu=84.0,
            target_renstra=92.0,
            pagu=1_850_000_000.0,
            realisasi_anggaran=1_746_300_000.0,
            sumber_data="Berita acara pemeriksaan kendaraan dinas",
            penanggung_jawab="Kepala Subbagian Perlengkapan",
        ),
        Indikator(
            kode_iku="IKU-UMUM-04",
            sasaran=sasaran_1,
            indikator=(
                "Persentase naskah dinas masuk yang diagendakan dan didistribusikan paling "
                "lambat 1 hari kerja"
            ),
            definisi=(
                "Naskah dinas masuk ke Sekretariat Daerah yang dicatat dalam agenda dan "
                "diteruskan kepada pejabat tujuan paling lambat 1 hari kerja sejak diterima."
            ),
            formula="(Jumlah naskah didistribusikan ≤ 1 hari kerja / jumlah naskah masuk) x 100%",
            satuan="%",
            polaritas="Positif",
            target=95.0,
            realisasi=98.0,
            realisasi_lalu=94.6,
            target_renstra=98.0,
            pagu=290_000_000.0,
            realisasi_anggaran=276_100_000.0,
            sumber_data="Buku agenda surat masuk; aplikasi tata naskah dinas elektronik",
            penanggung_jawab="Kepala Subbagian Tata Usaha Pimpinan, Staf Ahli dan Kepegawaian",
        ),
    ]


def _org() -> list[Indikator]:
    sasaran_1 = "Meningkatnya akuntabilitas kinerja dan reformasi birokrasi pemerintah daerah"
    sasaran_2 = "Meningkatnya kualitas kelembagaan, tata laksana dan pelayanan publik"
    return [
        Indikator(
            kode_iku="IKU-ORG-01",
            sasaran=sasaran_1,
            indikator="Predikat SAKIP Pemerintah Kabupaten Way Kanan",
            definisi=(
                "Predikat hasil evaluasi Sistem Akuntabilitas Kinerja Instansi Pemerintah oleh "
                "Kementerian PANRB (AA, A, BB, B, CC, C, D)."
            ),
            formula="Predikat yang tercantum dalam Laporan Hasil Evaluasi SAKIP Kementerian PANRB",
            satuan="Predikat",
            polaritas="Kualitatif",
            target="BB",
            realisasi="B",
            realisasi_lalu="B",
            target_renstra="BB",
            pagu=560_000_000.0,
            realisasi_anggaran=514_100_000.0,
            sumber_data="Laporan Hasil Evaluasi SAKIP Kementerian PANRB",
            penanggung_jawab="Kepala Subbagian Reformasi Birokrasi dan Akuntabilitas Kinerja",
            keterangan=(
                "Nilai naik 2,14 poin tetapi belum mencapai batas BB; cascading kinerja sampai "
                "kampung belum lengkap."
            ),
        ),
        Indikator(
            kode_iku="IKU-ORG-02",
            sasaran=sasaran_1,
            indikator="Nilai Indeks Reformasi Birokrasi Pemerintah Kabupaten Way Kanan",
            definisi=(
                "Nilai hasil evaluasi pelaksanaan reformasi birokrasi oleh Kementerian PANRB "
                "dengan skala 0 sampai 100."
            ),
            formula="Nilai Indeks RB yang ditetapkan Kementerian PANRB",
            satuan="Nilai",
            polaritas="Positif",
            target=65.0,
            realisasi=None,
            realisasi_lalu=61.42,
            target_renstra=70.0,
            pagu=410_000_000.0,
            realisasi_anggaran=None,
            sumber_data="Laporan Hasil Evaluasi Reformasi Birokrasi Kementerian PANRB",
            penanggung_jawab="Kepala Subbagian Reformasi Birokrasi dan Akuntabilitas Kinerja",
        ),
        Indikator(
            kode_iku="IKU-ORG-03",
            sasaran=sasaran_2,
            indikator=(
                "Persentase perangkat daerah yang memiliki SOP administrasi pemerintahan yang "
                "telah dimutakhirkan"
            ),
            definisi=(
                "Perangkat daerah yang SOP administrasi pemerintahannya telah direviu dan "
                "ditetapkan ulang sesuai struktur organisasi yang berlaku."
            ),
            formula="(Jumlah perangkat daerah dengan SOP mutakhir / 32 perangkat daerah) x 100%",
            satuan="%",
            polaritas="Positif",
            target=80.0,
            realisasi=75.0,
            realisasi_lalu=62.5,
            target_renstra=100.0,
            pagu=240_000_000.0,
            realisasi_anggaran=228_600_000.0,
            sumber_data="Keputusan kepala perangkat daerah tentang SOP; register Bagian Organisasi",
            penanggung_jawab="Kepala Subbagian Pelayanan Publik dan Tata Laksana",
        ),
        Indikator(
            kode_iku="IKU-ORG-04",
            sasaran=sasaran_2,
            indikator="Indeks Kepuasan Masyarakat (IKM) unit pelayanan publik",
            definisi=(
                "Rata-rata Indeks Kepuasan Masyarakat seluruh unit pelayanan publik yang "
                "melaksanakan survei sesuai PermenPAN-RB Nomor 14 Tahun 2017."
            ),
            formula="Σ IKM unit pelayanan publik / jumlah unit pelayanan yang disurvei",
            satuan="Indeks",
            polaritas="Positif",
            target=82.0,
            realisasi=84.1,
            realisasi_lalu=81.3,
            target_renstra=85.0,
            pagu=190_000_000.0,
            realisasi_anggaran=176_700_000.0,
            sumber_data="Laporan survei kepuasan masyarakat unit pelayanan publik",
            penanggung_jawab="Kepala Subbagian Pelayanan Publik dan Tata Laksana",
        ),
    ]


def _prokopim() -> list[Indikator]:
    sasaran_1 = "Meningkatnya kualitas pelayanan keprotokolan pimpinan daerah"
    sasaran_2 = "Meningkatnya kualitas komunikasi dan publikasi kegiatan pimpinan daerah"
    return [
        Indikator(
            kode_iku="IKU-PROKOPIM-01",
            sasaran=sasaran_1,
            indikator=(
                "Terselenggaranya upacara Hari Ulang Tahun Kabupaten Way Kanan sesuai standar "
                "keprotokolan"
            ),
            definisi=(
                "Upacara dan rapat paripurna istimewa Hari Ulang Tahun Kabupaten Way Kanan di "
                "Blambangan Umpu terlaksana sesuai tata upacara dan tata tempat."
            ),
            formula="Ya apabila terselenggara sesuai standar keprotokolan; Tidak apabila tidak",
            satuan="Ya/Tidak",
            polaritas="Kualitatif",
            target="Ya",
            realisasi="Tercapai",
            realisasi_lalu="Ya",
            target_renstra="Ya",
            pagu=1_650_000_000.0,
            realisasi_anggaran=1_583_400_000.0,
            sumber_data="Laporan pelaksanaan kegiatan Hari Ulang Tahun Kabupaten",
            penanggung_jawab="Kepala Subbagian Protokol",
        ),
        Indikator(
            kode_iku="IKU-PROKOPIM-02",
            sasaran=sasaran_1,
            indikator=(
                "Persentase agenda pimpinan daerah yang terlaksana sesuai standar keprotokolan"
            ),
            definisi=(
                "Agenda Bupati dan Wakil Bupati yang terlaksana tanpa kendala tata acara, tata "
                "tempat dan tata penghormatan, dari seluruh agenda yang didampingi protokol."
            ),
            formula="(Jumlah agenda sesuai standar / jumlah agenda yang didampingi) x 100%",
            satuan="%",
            polaritas="Positif",
            target=95.0,
            realisasi=97.2,
            realisasi_lalu=95.8,
            target_renstra=98.0,
            pagu=1_100_000_000.0,
            realisasi_anggaran=1_049_800_000.0,
            sumber_data="Buku agenda pimpinan; laporan pendampingan protokol",
            penanggung_jawab="Kepala Subbagian Protokol",
        ),
        Indikator(
            kode_iku="IKU-PROKOPIM-03",
            sasaran=sasaran_2,
            indikator=(
                "Persentase kegiatan pimpinan daerah yang dipublikasikan melalui kanal resmi "
                "Pemerintah Kabupaten"
            ),
            definisi=(
                "Kegiatan pimpinan daerah yang diberitakan pada laman resmi dan media sosial "
                "Pemerintah Kabupaten Way Kanan paling lambat 1 x 24 jam."
            ),
            formula="(Jumlah kegiatan dipublikasikan / jumlah kegiatan pimpinan) x 100%",
            satuan="%",
            polaritas="Positif",
            target=90.0,
            realisasi=100.0,
            realisasi_lalu=92.0,
            target_renstra=100.0,
            pagu=720_000_000.0,
            realisasi_anggaran=690_500_000.0,
            sumber_data="Laman resmi dan akun media sosial Pemerintah Kabupaten Way Kanan",
            penanggung_jawab="Kepala Subbagian Komunikasi Pimpinan",
        ),
        Indikator(
            kode_iku="IKU-PROKOPIM-04",
            sasaran=sasaran_2,
            indikator="Jumlah rilis berita kegiatan pimpinan yang dimuat media massa",
            definisi=(
                "Rilis berita kegiatan pimpinan daerah yang disiarkan ulang oleh media cetak, "
                "daring, radio dan televisi yang terverifikasi Dewan Pers."
            ),
            formula="Jumlah rilis berita yang dimuat media massa dalam satu tahun",
            satuan="Rilis",
            polaritas="Positif",
            target=240.0,
            realisasi=265.0,
            realisasi_lalu=231.0,
            target_renstra=260.0,
            pagu=850_000_000.0,
            realisasi_anggaran=804_150_000.0,
            sumber_data="Kliping media Bagian Protokol dan Komunikasi Pimpinan",
            penanggung_jawab="Kepala Subbagian Dokumentasi Pimpinan",
        ),
    ]


def _renkeu() -> list[Indikator]:
    sasaran_1 = "Meningkatnya akuntabilitas pengelolaan keuangan Sekretariat Daerah"
    sasaran_2 = "Meningkatnya kualitas perencanaan dan pelaporan kinerja Sekretariat Daerah"
    return [
        Indikator(
            kode_iku="IKU-RENKEU-01",
            sasaran=sasaran_1,
            indikator="Opini BPK atas Laporan Keuangan Pemerintah Daerah (LKPD)",
            definisi=(
                "Opini Badan Pemeriksa Keuangan atas LKPD Kabupaten Way Kanan, yang didukung "
                "laporan keuangan Sekretariat Daerah sebagai entitas akuntansi."
            ),
            formula="Opini yang tercantum dalam Laporan Hasil Pemeriksaan BPK atas LKPD",
            satuan="Predikat",
            polaritas="Kualitatif",
            target="WTP",
            realisasi="WTP",
            realisasi_lalu="WTP",
            target_renstra="WTP",
            pagu=640_000_000.0,
            realisasi_anggaran=598_300_000.0,
            sumber_data="LHP BPK RI Perwakilan Provinsi Lampung atas LKPD",
            penanggung_jawab="Kepala Subbagian Keuangan",
        ),
        Indikator(
            kode_iku="IKU-RENKEU-02",
            sasaran=sasaran_1,
            indikator="Jumlah temuan BPK berulang atas pengelolaan keuangan Sekretariat Daerah",
            definisi=(
                "Temuan pemeriksaan BPK pada Sekretariat Daerah yang jenis permasalahannya "
                "sama dengan temuan tahun sebelumnya."
            ),
            formula="Jumlah temuan berulang dalam LHP BPK tahun berjalan",
            satuan="Temuan",
            polaritas="Negatif",
            target=0.0,
            realisasi=0.0,
            realisasi_lalu=1.0,
            target_renstra=0.0,
            pagu=180_000_000.0,
            realisasi_anggaran=166_500_000.0,
            sumber_data="LHP BPK RI Perwakilan Provinsi Lampung; matriks tindak lanjut",
            penanggung_jawab="Kepala Subbagian Verifikasi dan Pelaporan",
        ),
        Indikator(
            kode_iku="IKU-RENKEU-03",
            sasaran=sasaran_1,
            indikator="Persentase serapan anggaran belanja Sekretariat Daerah",
            definisi=(
                "Realisasi belanja Sekretariat Daerah per 31 Desember dibandingkan pagu "
                "anggaran dalam DPA perubahan."
            ),
            formula="(Realisasi belanja / pagu belanja DPA perubahan) x 100%",
            satuan="%",
            polaritas="Positif",
            target=90.0,
            target_atas=95.0,
            realisasi=97.2,
            realisasi_lalu=93.4,
            target_renstra=95.0,
            pagu=420_000_000.0,
            realisasi_anggaran=401_900_000.0,
            sumber_data="Laporan realisasi anggaran (SIPD) Sekretariat Daerah",
            penanggung_jawab="Kepala Subbagian Keuangan",
            keterangan="Pembayaran belanja hibah dan perjalanan dinas terselesaikan Desember.",
        ),
        Indikator(
            kode_iku="IKU-RENKEU-04",
            sasaran=sasaran_2,
            indikator=(
                "Persentase dokumen perencanaan dan laporan kinerja Sekretariat Daerah yang "
                "disampaikan tepat waktu"
            ),
            definisi=(
                "Renja, RKA, DPA, Perjanjian Kinerja, IKU dan LKjIP Sekretariat Daerah yang "
                "disampaikan sesuai batas waktu peraturan, dari seluruh dokumen wajib."
            ),
            formula="(Jumlah dokumen tepat waktu / jumlah dokumen wajib) x 100%",
            satuan="%",
            polaritas="Positif",
            target=100.0,
            realisasi=100.0,
            realisasi_lalu=83.33,
            target_renstra=100.0,
            pagu=520_000_000.0,
            realisasi_anggaran=489_750_000.0,
            sumber_data="Tanda terima dokumen pada Bappeda dan Bagian Organisasi",
            penanggung_jawab="Kepala Subbagian Perencanaan",
        ),
        Indikator(
            kode_iku="IKU-RENKEU-05",
            sasaran=sasaran_2,
            indikator="Nilai hasil evaluasi AKIP Sekretariat Daerah",
            definisi=(
                "Nilai evaluasi akuntabilitas kinerja Sekretariat Daerah oleh Inspektorat "
                "Kabupaten Way Kanan dengan skala 0 sampai 100."
            ),
            formula="Nilai evaluasi AKIP yang tercantum dalam laporan hasil evaluasi Inspektorat",
            satuan="Nilai",
            polaritas="Positif",
            target=70.0,
            realisasi=68.2,
            realisasi_lalu=65.75,
            target_renstra=75.0,
            pagu=260_000_000.0,
            realisasi_anggaran=243_900_000.0,
            sumber_data="Laporan Hasil Evaluasi AKIP Inspektorat Kabupaten Way Kanan",
            penanggung_jawab="Kepala Subbagian Perencanaan",
        ),
        Indikator(
            kode_iku="IKU-RENKEU-06",
            sasaran=sasaran_1,
            indikator="Rata-rata waktu verifikasi surat pertanggungjawaban (SPJ) belanja",
            definisi=(
                "Rata-rata hari kerja sejak SPJ diterima lengkap dari bagian sampai selesai "
                "diverifikasi dan diajukan penerbitan SP2D."
            ),
            formula="Jumlah hari verifikasi seluruh SPJ / jumlah SPJ",
            satuan="Hari",
            polaritas="Negatif",
            target=3.0,
            realisasi=2.5,
            realisasi_lalu=3.4,
            target_renstra=2.0,
            pagu=150_000_000.0,
            realisasi_anggaran=139_200_000.0,
            sumber_data="Buku register verifikasi SPJ; SIPD penatausahaan",
            penanggung_jawab="Kepala Subbagian Verifikasi dan Pelaporan",
        ),
    ]


def indikator_contoh() -> dict[str, list[Indikator]]:
    """Kode Bagian -> its sample IKU rows, with the values each Bagian returns (fresh copies)."""
    return {
        "TAPEM": _tapem(),
        "KESRA": _kesra(),
        "HUKUM": _hukum(),
        "EKON": _ekon(),
        "ADPEM": _adpem(),
        "PBJ": _pbj(),
        "UMUM": _umum(),
        "ORG": _org(),
        "PROKOPIM": _prokopim(),
        "RENKEU": _renkeu(),
    }


def tanpa_isian(rows: list[Indikator]) -> list[Indikator]:
    """Copies of `rows` with the Bagian's input cleared: what `init --contoh` writes."""
    return [
        dataclasses.replace(row, realisasi=None, realisasi_anggaran=None, keterangan="")
        for row in rows
    ]
