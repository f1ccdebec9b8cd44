"""The rules a returned format must meet, in the order they are checked.

1. the file itself (`pyxl.inti.pindai`): an .xlsx that may be opened at all;
2. its stamp and signature (`pyxl.inti.stempel`): a format this master issued, unedited where
   it is locked;
3. its identity against the master: this year, an id in `Format Terbit`, issued to this Bagian,
   sent from this Bagian's address (when it came by e-mail); an older issue is only flagged;
4. the cells the Bagian filled (`pyxl.inti.isian`).

A `Blokir` finding at any rule rejects the file; step 6 (`pyxl.langkah.himpun`) archives and
records every file and merges the values of the accepted ones.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pyxl.inti import stempel
from pyxl.inti.isian import periksa_isian
from pyxl.inti.pindai import pindai_berkas
from pyxl.inti.sel import huruf_kolom, sebagai_teks
from pyxl.inti.temuan import Temuan, blokir, peringatan
from pyxl.kontrak import skema
from pyxl.kontrak.periode import TAHUNAN, periode_baris
from pyxl.kontrak.status import DIGANTI

KOLOM_FORMAT = {k: i + 1 for i, k in enumerate(skema.KOLOM_INDIKATOR)}
"""Column number of each contract column on the format's sheet (the table starts in A)."""


def _berumus(rumus: frozenset[str], kolom: Iterable[str]) -> frozenset[str]:
    """The formula cells (from `pyxl.inti.pindai.pindai_berkas`, which step 6 runs anyway)
    that lie in the given columns of the format."""
    huruf = {huruf_kolom(KOLOM_FORMAT[k]) for k in kolom}
    return frozenset(s for s in rumus if s.rstrip("0123456789") in huruf)


def urutan_terbit(r: Mapping[str, Any]) -> float:
    """Issue order in `Format Terbit` (its running `No`)."""
    v = r.get("No")
    return float(v) if isinstance(v, int | float) else 0.0


@dataclass(frozen=True)
class Acuan:
    """What every return of a round is checked against, read once from the master: the
    arguments of `periksa_kembalian` after the file's own. Step 6 sends it once to each worker
    process, which imports this module and no step (`pyxl.jalan.paralel`)."""

    tahun: int
    terbit: Mapping[str, Mapping[str, Any]]
    terbaru: Mapping[str, Mapping[str, Any]]
    alamat: Mapping[str, str]
    secret: bytes
    bagian_aktif: frozenset[str]
    kode_kini: Mapping[str, str]
    periode: str


def periksa(
    acuan: Acuan, kiriman: tuple[str, bytes, str]
) -> tuple[str, list[Temuan], list[dict[str, Any]]]:
    """`periksa_kembalian` of one received file (name, bytes, sender) against `acuan`."""
    nama, data, pengirim = kiriman
    return periksa_kembalian(
        nama,
        data,
        pengirim,
        acuan.tahun,
        acuan.terbit,
        acuan.terbaru,
        acuan.alamat,
        acuan.secret,
        bagian_aktif=acuan.bagian_aktif,
        kode_kini=acuan.kode_kini,
        periode=acuan.periode,
    )


def periksa_kembalian(
    nama: str,
    data: bytes,
    pengirim: str,
    tahun: int,
    terbit: Mapping[str, Mapping[str, Any]],
    terbaru: Mapping[str, Mapping[str, Any]],
    alamat: Mapping[str, str],
    secret: bytes,
    *,
    bagian_aktif: Collection[str] | None = None,
    kode_kini: Mapping[str, str] | None = None,
    periode: str = TAHUNAN,
) -> tuple[str, list[Temuan], list[dict[str, Any]]]:
    """Kode Bagian, findings and values to merge of the received file `nama` (`data`, sent
    from address `pengirim`, empty for a file dropped in `masuk/`), against the year, the
    ledger of issued formats (`terbit` by id, `terbaru` per Bagian), the Bagian's addresses and
    the stamp secret. `bagian_aktif` are the codes in the `Bagian` list (None: not checked),
    `kode_kini` the current code of each renamed one; `periode` the round being gathered (a
    format issued for another round is refused: the ledger's `Periode` of its signed id
    decides)."""
    pindaian = pindai_berkas(nama, data)
    if pindaian.temuan:
        return "", pindaian.temuan, []
    v = stempel.verifikasi(data, secret, properti=pindaian.properti, sidik_konten=False)
    st = v.stempel
    if st is None and v.rusak:
        return "", [_rusak(nama, v.alasan)], []
    if st is None:
        return (
            "",
            [
                blokir(
                    "TANPA_STEMPEL",
                    f"Berkas {nama}: {v.alasan}. Bagian harus mengisi "
                    "format yang dikirim Bagian Perencanaan dan Keuangan.",
                )
            ],
            [],
        )
    kode = st.kode_bagian
    if st.tahun != tahun:
        return (
            kode,
            [
                blokir(
                    "TAHUN_SALAH",
                    f"Berkas {nama} adalah format tahun {st.tahun}, "
                    f"sedangkan yang dihimpun tahun {tahun}. Kirim ulang format "
                    f"tahun {tahun}.",
                )
            ],
            [],
        )
    if bagian_aktif is not None and kode not in bagian_aktif:
        return kode, [_bukan_bagian(nama, kode, (kode_kini or {}).get(kode))], []
    rec = terbit.get(st.id_format)
    if rec is None:
        return (
            kode,
            [
                blokir(
                    "ID_TIDAK_DIKENAL",
                    f"ID format {st.id_format} pada {nama} tidak "
                    "pernah diterbitkan dari buku kerja ini (lihat sheet Format "
                    "Terbit). Kirim ulang format yang benar.",
                )
            ],
            [],
        )
    if sebagai_teks(rec["Kode Bagian"]) != kode:
        return (
            kode,
            [
                blokir(
                    "BAGIAN_SALAH",
                    f"Format {st.id_format} diterbitkan untuk "
                    f"{sebagai_teks(rec['Kode Bagian'])}, bukan {kode}.",
                )
            ],
            [],
        )
    terbit_untuk = periode_baris(rec.get("Periode"))
    if terbit_untuk != periode:
        return kode, [_periode_salah(nama, st.id_format, terbit_untuk, periode)], []
    dari = alamat.get(pengirim.strip().lower())
    if dari and dari != kode:
        return (
            kode,
            [
                blokir(
                    "BAGIAN_SALAH",
                    f"{nama} dikirim dari alamat {pengirim} "
                    f"(Bagian {dari}), tetapi berisi format Bagian {kode}. Pastikan "
                    "setiap Bagian mengisi formatnya sendiri.",
                )
            ],
            [],
        )
    if not v.sah:
        if v.rusak:
            return kode, [_rusak(nama, v.alasan)], []
        if v.baris_berubah:
            return (
                kode,
                [
                    blokir(
                        "BARIS_BERUBAH",
                        f"Berkas {nama}: {v.alasan}. Jangan "
                        "menambah atau menghapus baris; isi ulang format asli.",
                    )
                ],
                [],
            )
        return (
            kode,
            [
                blokir(
                    "TANDA_TANGAN_TIDAK_COCOK",
                    f"Berkas {nama}: {v.alasan}. Sel "
                    "terkunci (kode, indikator, target, polaritas) tidak boleh diubah; "
                    "minta Bagian mengisi ulang format asli.",
                )
            ],
            [],
        )
    baru = terbaru.get(kode)
    if sebagai_teks(rec.get("Status")) == DIGANTI:
        pengganti = f" {sebagai_teks(baru['ID Format'])}" if baru is not None else ""
        return (
            kode,
            [
                blokir(
                    "FORMAT_DIGANTI",
                    f"{nama} memakai format {st.id_format}, yang sudah diganti format baru"
                    f"{pengganti} karena indikator atau targetnya berubah sejak dikirim. Isi "
                    "format terbaru, lalu kirim ulang.",
                )
            ],
            [],
        )
    temuan = []
    if baru is not None and urutan_terbit(baru) > urutan_terbit(rec):
        temuan.append(
            peringatan(
                "FORMAT_LAMA",
                f"{nama} memakai format {st.id_format}, "
                f"padahal sudah terbit format lebih baru "
                f"{sebagai_teks(baru['ID Format'])}. Data tetap "
                "digabung; isinya sama.",
            )
        )
    lembar = pindaian.lembar.get(stempel.SHEET_FORMAT)
    rumus = _berumus(lembar.rumus if lembar else frozenset(), skema.KOLOM_ISIAN)
    persen = lembar.persen if lembar else frozenset()
    nilai, temuan_isian = periksa_isian(v.isi, KOLOM_FORMAT, st.baris_judul + 1, rumus, persen)
    return kode, temuan + temuan_isian, nilai


def _periode_salah(nama: str, id_format: str, terbit_untuk: str, periode: str) -> Temuan:
    return blokir(
        "PERIODE_SALAH",
        f"Berkas {nama} adalah format {terbit_untuk} ({id_format}), sedangkan yang dihimpun "
        f"sekarang putaran {periode}. Bila berkas ini memang untuk {terbit_untuk}, himpun dengan "
        f"Periode {terbit_untuk} (isian Periode di sheet Kendali, atau pyxl himpun --periode "
        f'"{terbit_untuk}" --ulang); bila tidak, minta Bagian mengisi format {periode}.',
    )


def _bukan_bagian(nama: str, kode: str, kini: str | None) -> Temuan:
    if kini:
        sebab = (
            f"Bagian {kode} sudah berganti kode menjadi {kini}. Terbitkan format untuk {kini} "
            f"(tombol Buat Format / pyxl format), lalu minta Bagian {kini} mengisinya"
        )
    else:
        sebab = (
            f"Bagian {kode} tidak ada (lagi) di sheet Bagian. Bila Bagian ini masih ada, "
            f"tambahkan kembali (pyxl bagian tambah {kode}) lalu klik Periksa Ulang Kiriman "
            "Ditolak (pyxl himpun --ulang)"
        )
    return blokir("BAGIAN_TIDAK_ADA", f"Berkas {nama} adalah format Bagian {kode}. {sebab}.")


def _rusak(nama: str, alasan: str) -> Temuan:
    return blokir(
        "RUSAK",
        f"Berkas {nama} rusak: {alasan}. Minta Bagian membuka format di Excel, menyimpannya "
        "ulang sebagai .xlsx, lalu mengirim kembali.",
    )
