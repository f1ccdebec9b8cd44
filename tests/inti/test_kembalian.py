"""The rules a returned format must meet (`pyxl.inti.kembalian.periksa_kembalian`): one test per
finding it can produce, each on bytes built from a format really issued from the sample master,
against the year, ledger, addresses and secret read from that master as step 6 reads them."""

from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.packaging.custom import CustomPropertyList

from pyxl.alat.simulasi import isi_format, isian_contoh
from pyxl.bangun.kerja import buat_folder_kerja
from pyxl.buku.daftar import baca_bagian
from pyxl.buku.sistem import rahasia
from pyxl.buku.tabel import baca_tabel
from pyxl.buku.xlsm import buka
from pyxl.contoh.muat import TAHUN_CONTOH
from pyxl.inti.kembalian import KOLOM_FORMAT, periksa_kembalian, urutan_terbit
from pyxl.inti.sel import sebagai_teks
from pyxl.inti.stempel import SHEET_FORMAT, SHEET_STEMPEL, baca_stempel
from pyxl.inti.temuan import Temuan, ditolak
from pyxl.jalan.konteks import Konteks
from pyxl.kontrak import skema
from pyxl.kontrak.masalah import BLOKIR, PERINGATAN
from pyxl.kontrak.status import BERLAKU
from pyxl.langkah import jalankan

BATAS = "20 Januari 2027"


class _Diam:
    def status(self, pesan: str) -> None: ...
    def info(self, pesan: str) -> None: ...
    def galat(self, pesan: str) -> None: ...


@dataclass
class Meja:
    """What step 6 reads from the master before it checks a file, and the issued formats."""

    folder: Path
    tahun: int
    terbit: dict[str, Any]
    terbaru: dict[str, Any]
    alamat: dict[str, str]
    secret: bytes
    lama: Path
    """HUKUM's first format; a later issue of the same content followed it."""

    def format(self, kode: str) -> Path:
        return self.folder / skema.FOLDER_FORMAT / f"{kode}_Format_IKU_{self.tahun}.xlsx"

    def diisi(self, kode: str, asal: Path | None = None) -> bytes:
        """Bagian `kode`'s format filled with the sample values, as returned."""
        tujuan = self.folder / "diisi" / f"{kode}.xlsx"
        return isi_format(asal or self.format(kode), tujuan, isian_contoh(kode)).read_bytes()

    def periksa(
        self, data: bytes, nama: str = "HUKUM.xlsx", pengirim: str = "", **ganti: Any
    ) -> tuple[str, list[Temuan], list[dict[str, Any]]]:
        masukan: dict[str, Any] = {
            "tahun": self.tahun,
            "terbit": self.terbit,
            "terbaru": self.terbaru,
            "alamat": self.alamat,
            "secret": self.secret,
        } | ganti
        return periksa_kembalian(
            nama,
            data,
            pengirim,
            masukan["tahun"],
            masukan["terbit"],
            masukan["terbaru"],
            masukan["alamat"],
            masukan["secret"],
        )


def _baca_meja(folder: Path, lama: Path) -> Meja:
    """As `pyxl.langkah.himpun.jalankan` builds its inputs."""
    with buka(folder / skema.NAMA_MASTER, hanya_baca=True) as buku:
        tahun = Konteks(buku, _Diam()).pengaturan().tahun()
        terbit = {sebagai_teks(r["ID Format"]): r for r in baca_tabel(buku, skema.FORMAT_TERBIT)}
        terbaru: dict[str, Any] = {}
        for r in terbit.values():
            if sebagai_teks(r["Status"]) == BERLAKU:
                kode = sebagai_teks(r["Kode Bagian"])
                if kode not in terbaru or urutan_terbit(r) > urutan_terbit(terbaru[kode]):
                    terbaru[kode] = r
        bagian = {b.kode: b for b in baca_bagian(buku)}
        alamat = {b.email.strip().lower(): b.kode for b in bagian.values() if b.email.strip()}
        secret = rahasia(buku)
    return Meja(folder, tahun, terbit, terbaru, alamat, secret, lama)


@pytest.fixture(scope="module")
def meja(tmp_path_factory: pytest.TempPathFactory) -> Meja:
    """The sample master with every format issued, then HUKUM's issued again (same content)."""
    akar = tmp_path_factory.mktemp("kembalian")
    folder = akar / "kerja"
    buat_folder_kerja(folder, TAHUN_CONTOH, contoh=True)
    master = folder / skema.NAMA_MASTER
    with buka(master) as buku:
        jalankan("format", Konteks(buku, _Diam(), pengguna="uji"), batas_waktu=BATAS)
    lama = shutil.copy(
        folder / skema.FOLDER_FORMAT / f"HUKUM_Format_IKU_{TAHUN_CONTOH}.xlsx",
        akar / "HUKUM_lama.xlsx",
    )
    with buka(master) as buku:
        jalankan(
            "format", Konteks(buku, _Diam(), pengguna="uji"), bagian="HUKUM", batas_waktu=BATAS
        )
    return _baca_meja(folder, Path(lama))


def _ubah(data: bytes, ubah: Callable[[Any], object]) -> bytes:
    """`data` opened and saved by openpyxl (as a spreadsheet program would) after `ubah`."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ubah(wb)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _ganti_teks(data: bytes, lama: str, baru: str) -> bytes:
    """Every occurrence of `lama` in the file's XML parts replaced (the stamp in the sheet and
    in the document properties alike)."""
    keluar = io.BytesIO()
    n = 0
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(keluar, "w") as z:
        for info in zin.infolist():
            isi = zin.read(info)
            n += isi.count(lama.encode())
            z.writestr(info, isi.replace(lama.encode(), baru.encode()))
    assert n >= 2, f"'{lama}' ada di sheet Stempel dan di properti dokumen"
    return keluar.getvalue()


def _kolom(kolom: str, baris: int, nilai: object) -> Callable[[Any], object]:
    def ubah(wb: Any) -> None:
        wb[SHEET_FORMAT].cell(row=baris, column=KOLOM_FORMAT[kolom]).value = nilai

    return ubah


def _satu_blokir(hasil: tuple[str, list[Temuan], list[dict[str, Any]]], kode: str) -> Temuan:
    """A rejection with exactly one finding, `kode`, and nothing to merge."""
    _, temuan, nilai = hasil
    assert [(t.tingkat, t.kode) for t in temuan] == [(BLOKIR, kode)], temuan
    assert nilai == [], "nothing of a rejected file is merged"
    assert ditolak(temuan)
    return temuan[0]


def _id(meja: Meja, kode: str) -> str:
    st = baca_stempel(meja.format(kode))
    assert st is not None
    return st.id_format


# --- accepted ------------------------------------------------------------------------------


def test_a_filled_return_is_accepted_with_its_values(meja: Meja) -> None:
    kode, temuan, nilai = meja.periksa(meja.diisi("HUKUM"))
    assert kode == "HUKUM"
    assert temuan == [], "the sample values need no warning; the latest issue is not flagged"
    harap = isian_contoh("HUKUM")
    assert [n["Kode IKU"] for n in nilai] == [f"IKU-HUKUM-0{i}" for i in range(1, 6)]
    assert [n["Realisasi"] for n in nilai] == [h["Realisasi"] for h in harap]
    assert [n["Realisasi Anggaran"] for n in nilai] == [h["Realisasi Anggaran"] for h in harap]


@pytest.mark.parametrize(
    "pengirim", ["", "hukum@setda.waykanan.example", "  HUKUM@Setda.WayKanan.example ", "x@y.id"]
)
def test_an_accepted_sender(meja: Meja, pengirim: str) -> None:
    """Dropped in masuk/ (no sender), from its own address in any case, or from an address
    that is no Bagian's (a staff member's own mailbox)."""
    kode, temuan, nilai = meja.periksa(meja.diisi("HUKUM"), pengirim=pengirim)
    assert (kode, ditolak(temuan), len(nilai)) == ("HUKUM", False, 5)


def test_an_older_issue_is_only_flagged(meja: Meja) -> None:
    st_lama, st_baru = baca_stempel(meja.lama), baca_stempel(meja.format("HUKUM"))
    assert st_lama is not None and st_baru is not None
    assert st_lama.id_format != st_baru.id_format
    assert st_lama.sidik_konten == st_baru.sidik_konten, "the same content issued twice"
    kode, temuan, nilai = meja.periksa(meja.diisi("HUKUM", meja.lama), nama="lama.xlsx")
    assert kode == "HUKUM" and not ditolak(temuan)
    [t] = temuan
    assert (t.tingkat, t.kode) == (PERINGATAN, "FORMAT_LAMA")
    assert st_lama.id_format in t.pesan and st_baru.id_format in t.pesan and "lama.xlsx" in t.pesan
    assert len(nilai) == 5, "the values of an older issue are still merged"


# --- rejected ------------------------------------------------------------------------------


def test_tanpa_stempel(meja: Meja) -> None:
    def buang(wb: Any) -> None:
        wb.remove(wb[SHEET_STEMPEL])
        wb.custom_doc_props = CustomPropertyList()

    hasil = meja.periksa(_ubah(meja.diisi("HUKUM"), buang), nama="salinan.xlsx")
    t = _satu_blokir(hasil, "TANPA_STEMPEL")
    assert hasil[0] == "", "no stamp, no Bagian"
    assert "salinan.xlsx" in t.pesan and "tidak berstempel" in t.pesan


def test_tahun_salah(meja: Meja) -> None:
    tahun = meja.tahun + 1
    hasil = meja.periksa(meja.diisi("HUKUM"), tahun=tahun)
    t = _satu_blokir(hasil, "TAHUN_SALAH")
    assert hasil[0] == "HUKUM"
    assert f"format tahun {meja.tahun}" in t.pesan and f"dihimpun tahun {tahun}" in t.pesan


def test_id_tidak_dikenal(meja: Meja) -> None:
    asli = _id(meja, "HUKUM")
    palsu = asli[:-8] + ("00000000" if not asli.endswith("00000000") else "11111111")
    assert palsu not in meja.terbit
    hasil = meja.periksa(_ganti_teks(meja.diisi("HUKUM"), asli, palsu))
    t = _satu_blokir(hasil, "ID_TIDAK_DIKENAL")
    assert hasil[0] == "HUKUM" and palsu in t.pesan


def test_id_of_a_master_that_never_issued_it(meja: Meja) -> None:
    """The same file against a ledger without its id (a format of another master)."""
    asli = _id(meja, "HUKUM")
    terbit = {k: v for k, v in meja.terbit.items() if k != asli}
    _satu_blokir(meja.periksa(meja.diisi("HUKUM"), terbit=terbit), "ID_TIDAK_DIKENAL")


def test_bagian_salah_issued_to_another_bagian(meja: Meja) -> None:
    """HUKUM's file carrying the id the ledger records for KESRA."""
    id_hukum, id_kesra = _id(meja, "HUKUM"), _id(meja, "KESRA")
    assert sebagai_teks(meja.terbit[id_kesra]["Kode Bagian"]) == "KESRA"
    hasil = meja.periksa(_ganti_teks(meja.diisi("HUKUM"), id_hukum, id_kesra))
    t = _satu_blokir(hasil, "BAGIAN_SALAH")
    assert hasil[0] == "HUKUM"
    assert f"Format {id_kesra} diterbitkan untuk KESRA, bukan HUKUM" in t.pesan


def test_bagian_salah_sent_from_another_bagians_address(meja: Meja) -> None:
    hasil = meja.periksa(
        meja.diisi("KESRA"), nama="KESRA.xlsx", pengirim="Hukum@setda.waykanan.example"
    )
    t = _satu_blokir(hasil, "BAGIAN_SALAH")
    assert hasil[0] == "KESRA"
    assert "Hukum@setda.waykanan.example" in t.pesan
    assert "(Bagian HUKUM)" in t.pesan and "format Bagian KESRA" in t.pesan


@pytest.mark.parametrize("ubah", ["tambah", "hapus"])
def test_baris_berubah(meja: Meja, ubah: str) -> None:
    st = baca_stempel(meja.format("HUKUM"))
    assert st is not None
    if ubah == "tambah":
        baru = st.baris_judul + st.jumlah_baris + 1
        data = _ubah(meja.diisi("HUKUM"), _kolom("Kode IKU", baru, "IKU-HUKUM-99"))
    else:
        data = _ubah(
            meja.diisi("HUKUM"), lambda wb: wb[SHEET_FORMAT].delete_rows(st.baris_judul + 3)
        )
    t = _satu_blokir(meja.periksa(data, nama=f"{ubah}.xlsx"), "BARIS_BERUBAH")
    assert f"{ubah}.xlsx" in t.pesan and "Jangan menambah atau menghapus baris" in t.pesan


def test_every_row_deleted_is_baris_berubah(meja: Meja) -> None:
    """Deleting all indicator rows is a changed table, not an edited locked cell."""
    st = baca_stempel(meja.format("HUKUM"))
    assert st is not None
    data = _ubah(
        meja.diisi("HUKUM"),
        lambda wb: wb[SHEET_FORMAT].delete_rows(st.baris_judul + 1, st.jumlah_baris),
    )
    t = _satu_blokir(meja.periksa(data, nama="kosong.xlsx"), "BARIS_BERUBAH")
    assert "jumlah baris indikator 0" in t.pesan


def test_a_replaced_format_is_refused_not_merged(meja: Meja) -> None:
    """An issue whose locked content changed later (`Diganti` in Format Terbit): its values
    belong to indicators or targets the master no longer has."""
    st_lama = baca_stempel(meja.lama)
    assert st_lama is not None
    terbit = {k: dict(r) for k, r in meja.terbit.items()}
    terbit[st_lama.id_format]["Status"] = "Diganti"
    hasil = meja.periksa(meja.diisi("HUKUM", meja.lama), nama="lama.xlsx", terbit=terbit)
    t = _satu_blokir(hasil, "FORMAT_DIGANTI")
    assert st_lama.id_format in t.pesan and "Isi format terbaru" in t.pesan
    assert hasil[2] == [], "nothing of it is merged"


def test_tanda_tangan_tidak_cocok_locked_cell(meja: Meja) -> None:
    data = _ubah(meja.diisi("HUKUM"), _kolom("Target", 9, 1.0))
    t = _satu_blokir(meja.periksa(data, nama="target.xlsx"), "TANDA_TANGAN_TIDAK_COCOK")
    assert "target.xlsx" in t.pesan and "Sel terkunci" in t.pesan


def test_tanda_tangan_tidak_cocok_other_secret(meja: Meja) -> None:
    hasil = meja.periksa(meja.diisi("HUKUM"), secret=meja.secret[::-1])
    _satu_blokir(hasil, "TANDA_TANGAN_TIDAK_COCOK")
    assert hasil[0] == "HUKUM"


def test_rusak_before_the_stamp(meja: Meja) -> None:
    hasil = meja.periksa(meja.diisi("HUKUM")[:3000], nama="potong.xlsx")
    t = _satu_blokir(hasil, "RUSAK")
    assert hasil[0] == "" and "potong.xlsx" in t.pesan


def test_rusak_table_the_reader_cannot_convert(meja: Meja) -> None:
    """A stamped file whose table the reader cannot read (a duration far out of range in an
    input cell: python-calamine panics on it) is corrupt, not edited."""

    def durasi(wb: Any) -> None:
        sel = wb[SHEET_FORMAT].cell(row=10, column=KOLOM_FORMAT["Realisasi Anggaran"])
        sel.value = -3.548909775942785e16
        sel.number_format = "[h]:mm:ss"

    hasil = meja.periksa(_ubah(meja.diisi("HUKUM"), durasi), nama="durasi.xlsx")
    t = _satu_blokir(hasil, "RUSAK")
    assert hasil[0] == "HUKUM", "the stamp was read: the finding belongs to its Bagian"
    assert "durasi.xlsx" in t.pesan and "tidak dapat dibaca" in t.pesan


def test_file_checks_come_first(meja: Meja) -> None:
    """A failing file check is returned as is, before the stamp is looked at."""
    kode, temuan, nilai = meja.periksa(b"", nama="kosong.xlsx", tahun=1)
    assert (kode, [t.kode for t in temuan], nilai) == ("", ["KOSONG"], [])


def test_the_order_of_the_identity_checks(meja: Meja) -> None:
    """Year before id, id before Bagian, the issue's Bagian before the sender's address."""
    data = meja.diisi("HUKUM")
    kesra = "kesra@setda.waykanan.example"
    assert meja.periksa(data, pengirim=kesra, tahun=1, terbit={})[1][0].kode == "TAHUN_SALAH"
    assert meja.periksa(data, pengirim=kesra, terbit={})[1][0].kode == "ID_TIDAK_DIKENAL"
    salah = _ganti_teks(data, _id(meja, "HUKUM"), _id(meja, "KESRA"))
    [t] = meja.periksa(salah, pengirim=kesra)[1]
    assert "diterbitkan untuk KESRA" in t.pesan, "the ledger is checked before the address"


# --- urutan_terbit -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rec", "urutan"),
    [({"No": 3}, 3.0), ({"No": 12.0}, 12.0), ({"No": "7"}, 0.0), ({"No": None}, 0.0), ({}, 0.0)],
)
def test_urutan_terbit(rec: dict[str, Any], urutan: float) -> None:
    assert urutan_terbit(rec) == urutan


def test_urutan_terbit_follows_the_ledger(meja: Meja) -> None:
    nomor = [urutan_terbit(r) for r in meja.terbit.values()]
    assert nomor == sorted(nomor) and len(set(nomor)) == len(nomor) == 11
    assert meja.terbaru["HUKUM"]["ID Format"] == _id(meja, "HUKUM")
    assert set(meja.terbaru) == {sebagai_teks(r["Kode Bagian"]) for r in meja.terbit.values()}
