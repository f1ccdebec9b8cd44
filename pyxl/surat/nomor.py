"""Letter numbers: `<kode klasifikasi>/<nomor urut>/<kode unit>/<tahun>`, one register.

Every outgoing letter (the invitation of step 4, the cover letter of step 12, …) takes its number
through `nomor_surat`, which records it in `Register Surat` and saves the workbook *before* the
document is written:

    with nomor_surat(buku, kode_klasifikasi=..., tanggal=..., tujuan=..., perihal=...,
                     berkas=lambda urut: folder / f"undangan_rapat_{urut}_{tahun}.docx") as ns:
        tulis_dokumen(templat, {... ns.nomor ...}, ns.berkas)

The running number (nomor urut) counts per calendar year of the letter's date, across every kind
of letter: the next one is the highest of that year in the register, whatever its status, plus
one. So a number is never handed out twice and never skipped. `Status` of a register row:

    Dicadangkan   reserved and saved; its document is being written (or the run died)
    Terbit        the document was written
    Batal         the document failed; the row stays, the number is never used again

Two runs cannot take the same number: the working folder's lock (`pyxl.berkas.kunci`), held by every
command and button for the whole run, serializes them.

A row still `Dicadangkan` when a run starts belongs to a run that died or could not save;
`selesaikan_cadangan` settles it: `Terbit` when its document went out attached to an e-mail the
server accepted (the run's journal says so, see `pyxl.surel.jurnal`), else `Batal` (its document, if
any, is moved aside). The same holds inside a run: a block that fails after the letter was
mailed leaves it `Terbit`, not `Batal`, and keeps its document.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from pyxl.berkas.kunci import jurnal_aktif
from pyxl.berkas.tulis import jalur_bebas
from pyxl.buku.pengaturan import baca_pengaturan
from pyxl.buku.port import Baris, Buku
from pyxl.buku.sistem import baca_sistem
from pyxl.buku.tabel import baca_tabel, ganti_baris, tambah_baris
from pyxl.galat import IsianError
from pyxl.inti.sel import sebagai_teks
from pyxl.kontrak import skema
from pyxl.kontrak.status import BATAL, DICADANGKAN, TERBIT
from pyxl.surel.jurnal import lampiran_keluar

_RE_NOMOR = re.compile(r"/(\d+)/[^/]*/(\d{4})$")
"""The end of a letter number: /<nomor urut>/<kode unit>/<tahun>."""


@dataclass
class NomorSurat:
    """A number taken from the register for one letter."""

    nomor: str
    """The full number, e.g. 000.1.5/3/I.10-WK/2027."""
    urut: int
    tahun: int
    berkas: Path
    baris: int
    """Its row in `Register Surat`."""
    berkas_lain: list[Path] = field(default_factory=list)
    """Further files written under this number (e-mail drafts): removed if the letter fails."""


def susun_nomor(kode_klasifikasi: str, urut: int, kode_unit: str, tahun: int) -> str:
    return f"{kode_klasifikasi}/{urut}/{kode_unit}/{tahun}"


def _urut_tahun(r: Baris) -> tuple[int, int] | None:
    """(nomor urut, tahun) of a register row: from its number, else from `No` and `Tanggal`
    (a row staff typed by hand)."""
    if m := _RE_NOMOR.search(sebagai_teks(r.get("Nomor Surat"))):
        return int(m.group(1)), int(m.group(2))
    no, tgl = r.get("No"), r.get("Tanggal")
    if isinstance(no, int | float) and isinstance(tgl, date):
        return int(no), tgl.year
    return None


def nomor_berikut(rows: list[Baris], tahun: int) -> int:
    """The next running number of `tahun` in the register `rows`."""
    dipakai = [ut[0] for r in rows if (ut := _urut_tahun(r)) and ut[1] == tahun]
    return max(dipakai, default=0) + 1


AWALAN_TERAKHIR = "Nomor Surat Terakhir "
"""The start of a `kunci_terakhir` key; the calendar year follows."""


def kunci_terakhir(tahun: int) -> str:
    """The `Sistem` key holding the highest number of calendar year `tahun` that an earlier
    master used: `pyxl tahun-baru` starts the register empty, but last year's round numbered
    its letters in January of this one, so the new master goes on from there."""
    return f"{AWALAN_TERAKHIR}{tahun}"


def terakhir_per_tahun(rows: list[Baris], sistem: dict[str, str]) -> dict[int, int]:
    """The highest number of each calendar year in the register `rows` and in the
    `kunci_terakhir` keys of `sistem` (key -> value): what a new master must not hand out."""
    hasil: dict[int, int] = {}
    for kunci, nilai in sistem.items():
        tahun = kunci.removeprefix(AWALAN_TERAKHIR)
        if kunci.startswith(AWALAN_TERAKHIR) and tahun.isdigit() and nilai.isdigit():
            hasil[int(tahun)] = max(hasil.get(int(tahun), 0), int(nilai))
    for r in rows:
        if ut := _urut_tahun(r):
            hasil[ut[1]] = max(hasil.get(ut[1], 0), ut[0])
    return hasil


def _kode(teks: str, kunci: str) -> str:
    teks = teks.strip()
    if not teks or "/" in teks or not teks.isprintable():
        raise IsianError(
            f"Pengaturan '{kunci}' berisi '{teks}': isi kode tanpa garis miring, misalnya "
            + ("I.10-WK." if kunci == "Kode Unit" else "000.1.5.")
        )
    return teks


@contextlib.contextmanager
def nomor_surat(
    buku: Buku,
    *,
    kode_klasifikasi: str,
    tanggal: date,
    tujuan: str,
    perihal: str,
    berkas: Callable[[int], Path],
    kunci_klasifikasi: str = "Kode Klasifikasi",
) -> Iterator[NomorSurat]:
    """Take the next number of `tanggal.year`, record it (`Dicadangkan`) and save the workbook,
    then run the block, which writes the document to `NomorSurat.berkas`.

    `berkas(urut)` names the document (made free with `jalur_bebas`). When the block ends the
    row becomes `Terbit` (the runner saves at the end of the step). When it raises, the row
    becomes `Batal` and is saved, the files written under the number are removed, and the
    exception goes on. `kunci_klasifikasi` names the setting the code came from, for messages.
    """
    kode = _kode(kode_klasifikasi, kunci_klasifikasi)
    unit = _kode(baca_pengaturan(buku)["Kode Unit"], "Kode Unit")
    urut = nomor_berikut(baca_tabel(buku, skema.REGISTER_SURAT), tanggal.year)
    lalu = baca_sistem(buku, kunci_terakhir(tanggal.year))
    urut = max(urut, int(lalu) + 1) if lalu.isdigit() else urut
    ns = NomorSurat(susun_nomor(kode, urut, unit, tanggal.year), urut, tanggal.year, Path(), 0)
    ns.berkas = jalur_bebas(berkas(urut))
    rec: Baris = {
        "No": urut,
        "Tanggal": datetime.combine(tanggal, datetime.min.time()),
        "Nomor Surat": ns.nomor,
        "Kode Klasifikasi": kode,
        "Tujuan": tujuan,
        "Perihal": perihal,
        "Berkas": ns.berkas.name,
        "Status": DICADANGKAN,
    }
    ns.baris = tambah_baris(buku, skema.REGISTER_SURAT, skema.KOLOM_REGISTER, [rec])
    buku.simpan()  # the number is taken for good before any document exists
    try:
        yield ns
    except BaseException:
        jurnal = jurnal_aktif()
        if jurnal and ns.berkas.resolve() in lampiran_keluar(jurnal.baca(hanya_ini=True)):
            # The letter already went out by e-mail: it is issued, whatever failed after.
            rec["Status"] = TERBIT
            ganti_baris(buku, skema.REGISTER_SURAT, skema.KOLOM_REGISTER, ns.baris, rec)
            with contextlib.suppress(Exception):
                buku.simpan()
            raise
        for f in (ns.berkas, *ns.berkas_lain):
            with contextlib.suppress(OSError):
                f.unlink()
        rec["Status"] = BATAL
        ganti_baris(buku, skema.REGISTER_SURAT, skema.KOLOM_REGISTER, ns.baris, rec)
        # If even this save fails the row stays `Dicadangkan`: still never handed out again.
        with contextlib.suppress(Exception):
            buku.simpan()
        raise
    rec["Status"] = TERBIT
    rec["Berkas"] = ns.berkas.name
    ganti_baris(buku, skema.REGISTER_SURAT, skema.KOLOM_REGISTER, ns.baris, rec)


def selesaikan_cadangan(
    buku: Buku, folder_dokumen: Path, keluar: set[Path], sisihkan: Callable[[Path], None]
) -> list[Baris]:
    """Settle the `Dicadangkan` rows a dead run left (see the module docstring): `Terbit` when
    the document is among `keluar` (attached to a mail that left, or may have) and exists, else
    `Batal`, its document handed to `sisihkan`. Returns the settled rows and the `Terbit` rows
    whose document is among `keluar` (with `_baris`)."""
    hasil = []
    for r in baca_tabel(buku, skema.REGISTER_SURAT):
        status = sebagai_teks(r["Status"])
        nama = sebagai_teks(r["Berkas"])
        dok = (folder_dokumen / nama).resolve() if nama and "/" not in nama else None
        dikirim = dok is not None and dok in keluar and dok.is_file()
        if status == TERBIT and dikirim:
            hasil.append(r)
        if status != DICADANGKAN:
            continue
        if dikirim:
            r["Status"] = TERBIT
        else:
            r["Status"] = BATAL
            if dok is not None and dok.is_file():
                sisihkan(dok)
        ganti_baris(buku, skema.REGISTER_SURAT, skema.KOLOM_REGISTER, r["_baris"], r)
        hasil.append(r)
    return hasil
