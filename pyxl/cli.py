"""The `pyxl` command: every button's step on a closed workbook, plus init, demo and check.

Exit status: 0 the step ran (rejected inputs are reported, not fatal); 1 it could not run
(the message says why, nothing changed); 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pyxl import __version__
from pyxl.galat import PyxlError
from pyxl.jalan.umpan import UmpanKonsol
from pyxl.kontrak import skema
from pyxl.kontrak.perintah import PER_NAMA


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="pyxl",
        description="Otomasi SOP Pengumpulan Data Kinerja (Setda Kabupaten Way Kanan).",
    )
    ap.add_argument("--version", action="version", version=f"pyxl {__version__}")
    sub = ap.add_subparsers(dest="perintah", required=True, metavar="PERINTAH")

    p = sub.add_parser("init", help="membuat folder kerja baru dengan buku kerja master")
    p.add_argument("folder", type=Path)
    p.add_argument("--tahun", type=int, help="tahun kinerja (bawaan: tahun ini)")
    p.add_argument("--contoh", action="store_true", help="isi dengan data contoh 10 Bagian")

    p = sub.add_parser("demo", help="menjalankan seluruh SOP pada data contoh ke folder baru")
    p.add_argument("folder", type=Path)
    p.add_argument(
        "--sampai",
        type=int,
        default=13,
        choices=range(1, 14),
        metavar="LANGKAH",
        help="berhenti setelah langkah SOP ini (1-13; bawaan 13)",
    )

    p = sub.add_parser(
        "paket", help="membuat paket pemasangan luring untuk PC Windows (perlu internet)"
    )
    p.add_argument("folder", type=Path)
    p.add_argument(
        "--python",
        nargs="+",
        default=["3.11", "3.12", "3.13"],
        metavar="VERSI",
        help="versi Python Windows yang didukung paket (bawaan: 3.11 3.12 3.13)",
    )
    p.add_argument("--tahun", type=int, help="tahun kinerja buku kerja master (bawaan: tahun ini)")

    def dengan_buku(nama: str, bantuan: str) -> argparse.ArgumentParser:
        q = sub.add_parser(nama, help=bantuan, description=bantuan)
        q.add_argument(
            "--workbook",
            type=Path,
            default=Path(skema.NAMA_MASTER),
            help=f"buku kerja master (bawaan: ./{skema.NAMA_MASTER})",
        )
        return q

    def dengan_periode(q: argparse.ArgumentParser) -> argparse.ArgumentParser:
        q.add_argument(
            "--periode",
            help="putaran pengumpulan: TW I, TW II, TW III, TW IV atau Tahunan (bawaan: isian "
            "Periode di sheet Kendali; kosong berarti Tahunan)",
        )
        return q

    p = dengan_buku("disposisi", PER_NAMA["disposisi"].keterangan)
    p.add_argument("--tanggal", help="tanggal disposisi, misalnya 12 Januari 2026")
    p.add_argument("--dari", help="pemberi disposisi (jabatan)")
    p.add_argument("--kepada", help="penerima, dipisahkan titik koma")
    p.add_argument("--isi", help="isi disposisi")
    p.add_argument("--sifat", help="Biasa, Segera, Sangat Segera, Penting atau Rahasia")
    p.add_argument("--surat-dari", dest="surat_dari", help="asal surat yang didisposisikan")
    p.add_argument("--nomor-surat", dest="nomor_surat")
    p.add_argument("--tanggal-surat", dest="tanggal_surat")
    p.add_argument("--perihal")
    p.add_argument("--nomor-agenda", dest="nomor_agenda")

    p = dengan_periode(dengan_buku("format", PER_NAMA["format"].keterangan))
    p.add_argument("--bagian", help="hanya Bagian dengan kode ini")
    p.add_argument(
        "--batas-waktu", dest="batas_waktu", help="batas waktu pengembalian (bawaan: Pengaturan)"
    )

    p = dengan_periode(dengan_buku("kirim", PER_NAMA["kirim"].keterangan))
    p.add_argument("--bagian", help="hanya Bagian dengan kode ini")
    p.add_argument(
        "--mode",
        choices=("draf", "smtp", "outlook"),
        help="cara mengirim (bawaan: Pengaturan 'Mode Email')",
    )

    p = dengan_buku("undangan", PER_NAMA["undangan"].keterangan)
    p.add_argument("--tanggal", help="tanggal surat (bawaan: hari ini)")
    p.add_argument("--tanggal-rapat", dest="tanggal_rapat", help="bawaan: Pengaturan")
    p.add_argument("--jam", help="jam mulai rapat, misalnya 09.00 (bawaan: Pengaturan)")
    p.add_argument("--tempat", help="tempat rapat (bawaan: Pengaturan)")
    p.add_argument("--acara", help="acara rapat (bawaan: Pengaturan)")
    p.add_argument(
        "--mode",
        choices=("draf", "smtp", "outlook"),
        help="cara mengirim email undangan (bawaan: Pengaturan 'Mode Email')",
    )

    dengan_buku("rapat", PER_NAMA["rapat"].keterangan)

    p = dengan_periode(dengan_buku("himpun", PER_NAMA["himpun"].keterangan))
    p.add_argument(
        "--tanpa-imap",
        dest="imap",
        action="store_false",
        help="jangan mengambil dari kotak surat IMAP walaupun diatur",
    )
    p.add_argument(
        "--ulang",
        action="store_true",
        help=PER_NAMA["himpun_ulang"].keterangan,
    )

    dengan_periode(dengan_buku("analisis", PER_NAMA["analisis"].keterangan))

    p = dengan_buku("dokumen", PER_NAMA["dokumen"].keterangan)
    p.add_argument("--tanggal", help="tanggal dokumen (bawaan: hari ini)")

    p = dengan_buku("setujui", PER_NAMA["setujui"].keterangan)
    p.add_argument("--oleh", help="nama yang menyetujui (bawaan: Sekretaris Daerah di Pengaturan)")
    p.add_argument("--tanggal", help="tanggal persetujuan (bawaan: hari ini)")

    p = dengan_buku("pengantar", PER_NAMA["pengantar"].keterangan)
    p.add_argument("--tanggal", help="tanggal surat (bawaan: hari ini)")
    p.add_argument("--kepada", help="penerima (bawaan: Pengaturan 'Tujuan Pengantar')")
    p.add_argument(
        "--mode",
        choices=("draf", "smtp", "outlook"),
        help="cara mengirim email (bawaan: Pengaturan 'Mode Email')",
    )

    p = dengan_buku("arsip", PER_NAMA["arsip"].keterangan)
    p.add_argument(
        "--periksa",
        action="store_true",
        help="hanya memeriksa setiap berkas arsip terhadap manifestnya",
    )

    p = dengan_periode(dengan_buku("ingatkan", PER_NAMA["ingatkan"].keterangan))
    p.add_argument(
        "--mode",
        choices=("draf", "smtp", "outlook"),
        help="cara mengirim (bawaan: Pengaturan 'Mode Email')",
    )

    p = dengan_periode(
        dengan_buku("status", "menampilkan kemajuan SOP dan Bagian yang belum mengirim data")
    )
    p.add_argument("--bagian", help="hanya Bagian dengan kode ini")

    dengan_buku("cek", PER_NAMA["cek"].keterangan)

    p = dengan_periode(dengan_buku("laporan", PER_NAMA["laporan"].keterangan))
    p.add_argument("--tanggal", help="tanggal laporan (bawaan: hari ini)")

    p = dengan_buku(
        "perbarui",
        "memperbarui buku kerja master buatan pyxl versi lama (atau yang disimpan ulang program "
        "lain) ke struktur versi ini; semua isian tetap, cadangan dibuat dahulu",
    )
    p.add_argument(
        "--setelah-ditutup",
        action="store_true",
        help="menunggu sampai buku kerja ditutup di Excel, lalu memperbarui dan membukanya lagi "
        "(dipakai tombol Perbarui Buku Kerja)",
    )

    p = sub.add_parser(
        "tahun-baru",
        help=PER_NAMA["tahun_baru"].keterangan,
        description=PER_NAMA["tahun_baru"].keterangan,
    )
    p.add_argument("folder", type=Path, help="folder kerja baru untuk tahun berikutnya")
    p.add_argument(
        "--dari",
        type=Path,
        default=Path(skema.NAMA_MASTER),
        help=f"buku kerja master tahun sebelumnya (bawaan: ./{skema.NAMA_MASTER})",
    )
    p.add_argument("--tahun", type=int, help="tahun baru (bawaan: tahun buku kerja lama + 1)")

    p = sub.add_parser("bagian", help="menambah, mengubah atau menonaktifkan Bagian")
    aksi = p.add_subparsers(dest="aksi", required=True, metavar="AKSI")
    for nama, bantuan in (
        ("tambah", PER_NAMA["bagian_tambah"].keterangan),
        ("ubah", PER_NAMA["bagian_ubah"].keterangan),
        ("hapus", PER_NAMA["bagian_hapus"].keterangan),
    ):
        q = aksi.add_parser(nama, help=bantuan, description=bantuan)
        q.add_argument("kode", metavar="KODE", help="kode Bagian, misalnya HUKUM")
        q.add_argument(
            "--workbook",
            type=Path,
            default=Path(skema.NAMA_MASTER),
            help=f"buku kerja master (bawaan: ./{skema.NAMA_MASTER})",
        )
        if nama == "hapus":
            continue
        if nama == "ubah":
            q.add_argument("--kode-baru", dest="kode_baru", help="kode baru Bagian ini")
        # checked by the step, which says in Indonesian what to type (as for the button)
        q.add_argument("--nama", help="nama Bagian" + (" (wajib)" if nama == "tambah" else ""))
        q.add_argument("--asisten", help="Asisten yang membawahi")
        q.add_argument("--kepala", help="nama Kepala Bagian")
        q.add_argument("--nip", help="NIP Kepala Bagian")
        q.add_argument("--pangkat", help="pangkat/golongan Kepala Bagian")
        q.add_argument("--email", help="alamat email Bagian")
    return ap


def _opsi(args: argparse.Namespace) -> dict[str, Any]:
    lewati = {"perintah", "workbook", "aksi", "dari"}
    return {k: v for k, v in vars(args).items() if k not in lewati}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    umpan = UmpanKonsol()
    try:
        return _jalankan(args, umpan)
    except PyxlError as exc:
        umpan.galat(str(exc))
        return 1
    except KeyboardInterrupt:
        umpan.galat("Dibatalkan.")
        return 1


def _jalankan(args: argparse.Namespace, umpan: UmpanKonsol) -> int:
    if args.perintah == "init":
        from pyxl.bangun.kerja import buat_folder_kerja

        berkas = buat_folder_kerja(args.folder, args.tahun, args.contoh)
        umpan.info(f"Folder kerja siap: {args.folder}\nBuku kerja master: {berkas}")
        return 0
    if args.perintah == "demo":
        from pyxl.alat.demo import demo

        demo(args.folder, umpan, args.sampai)
        return 0
    if args.perintah == "paket":
        from pyxl.pasang.paket import buat_paket

        buat_paket(args.folder, tuple(args.python), tahun=args.tahun, lapor=umpan.status)
        return 0

    if args.perintah == "perbarui":
        if args.setelah_ditutup:
            from pyxl.alat.perbarui_latar import setelah_ditutup

            return setelah_ditutup(args.workbook)
        from pyxl.bangun.perbarui import perbarui

        umpan.info(perbarui(args.workbook).ringkasan)
        return 0

    from pyxl.buku.xlsm import buka
    from pyxl.jalan.konteks import Konteks
    from pyxl.langkah import jalankan

    if args.perintah == "tahun-baru":
        with buka(args.dari, hanya_baca=True) as buku:
            jalankan("tahun_baru", Konteks(buku, umpan), **_opsi(args))
        return 0
    if args.perintah == "bagian":
        with buka(args.workbook) as buku:
            jalankan(f"bagian_{args.aksi}", Konteks(buku, umpan), **_opsi(args))
        return 0

    if args.perintah == "cek" and not args.workbook.exists():
        from pyxl.pasang.diagnosa import GAGAL, laporan, periksa

        temuan = periksa(None, args.workbook)
        umpan.info(laporan(temuan))
        return 1 if any(t.tingkat == GAGAL for t in temuan) else 0
    hanya_baca = args.perintah in ("status", "cek") or (args.perintah == "arsip" and args.periksa)
    opsi = _opsi(args)
    if args.perintah == "status":
        opsi["tulis"] = False
    with buka(args.workbook, hanya_baca=hanya_baca) as buku:
        hasil = jalankan(args.perintah, Konteks(buku, umpan), **opsi)
    return 1 if hasil.gagal else 0


if __name__ == "__main__":
    sys.exit(main())
