"""Evidence (data dukung) against the `Bukti` column: which indicators a file supports, and
which indicators still lack theirs.

A Bagian names its evidence per indicator in the `Bukti` cell of its return ("SK.pdf;
foto.jpg"). A received file supports an indicator when that cell names it: the same name
ignoring case, any folder written before it, and — when the cell gives no extension — the
extension (`SK Bupati` names `SK Bupati.pdf`). Pure: the names come from the ledger
`Data Dukung` and the master's sheets (step 6).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from pyxl.inti.temuan import Temuan, peringatan, untuk


@dataclass(frozen=True)
class IndikatorBukti:
    """One indicator as evidence is matched against it, for one round."""

    kode_iku: str
    perlu: bool
    """`Perlu Bukti` is `Ya`: a realisation without evidence gets a `Peringatan`."""
    nama: tuple[str, ...]
    """The evidence file names its `Bukti` cell holds for the round."""
    sel: str
    """Where that cell is, as staff find it in the master ("HUKUM!V5", "Triwulan!H12")."""


def kunci_nama(nama: str) -> str:
    """A file name as it is compared: no folder, Unicode NFC, case-folded, stripped."""
    polos = nama.replace("\\", "/").rsplit("/", 1)[-1]
    return unicodedata.normalize("NFC", polos).strip().casefold()


def menyebut(tulisan: str, nama: str) -> bool:
    """Whether `tulisan` (one name written in a `Bukti` cell) refers to the file `nama`."""
    t, n = kunci_nama(tulisan), kunci_nama(nama)
    return bool(t) and (t == n or t == PurePosixPath(n).stem)


def indikator_untuk(nama: str, daftar: Iterable[IndikatorBukti]) -> list[str]:
    """`Kode IKU` of the indicators whose `Bukti` names the file `nama`, in sheet order."""
    return [i.kode_iku for i in daftar if any(menyebut(t, nama) for t in i.nama)]


def bukti_kurang(
    daftar: Iterable[IndikatorBukti],
    diterima: Collection[str],
    ditolak: Collection[str],
    kode_bagian: str,
    berkas: str,
    masuk: str = "masuk",
) -> list[Temuan]:
    """One `BUKTI_TIDAK_ADA` per indicator of an accepted return whose evidence is missing: it
    needs evidence and its `Bukti` names none, or its `Bukti` names files not received (neither
    in `diterima`, the names of the Bagian's accepted evidence of the round, nor only in
    `ditolak`, those refused). `berkas` is the return, `masuk` the intake folder's name."""
    daftar = list(daftar)
    cara = (
        f"(lampiran email yang sama dengan formatnya, folder {masuk}/{kode_bagian}/, atau .zip "
        f"berawalan {kode_bagian}_ di folder {masuk}/), lalu jalankan Himpun lagi"
    )
    lepas = [n for n in diterima if not any(menyebut(t, n) for i in daftar for t in i.nama)]
    hasil: list[Temuan] = []
    for i in daftar:
        if not i.nama:
            if not i.perlu:
                continue
            pesan = (
                f"{i.kode_iku} perlu data dukung (Perlu Bukti: Ya), tetapi kolom Bukti (sel "
                f"{i.sel}) kosong pada {berkas}. Minta Bagian {kode_bagian} menulis nama berkas "
                f"data dukungnya di kolom Bukti dan mengirim berkas itu {cara}."
            )
            if lepas:
                pesan += (
                    " Data dukung Bagian ini yang belum disebut di kolom Bukti mana pun: "
                    f"{_daftar(lepas)}."
                )
            hasil.append(peringatan("BUKTI_TIDAK_ADA", pesan, i.sel))
            continue
        belum = [t for t in i.nama if not any(menyebut(t, n) for n in diterima)]
        if not belum:
            continue
        tolak = [t for t in belum if any(menyebut(t, n) for n in ditolak)]
        pesan = (
            f"{i.kode_iku}: kolom Bukti (sel {i.sel}) menyebut {_daftar(belum)}, tetapi "
            f"{'berkas itu' if len(belum) == 1 else 'berkas-berkas itu'} belum diterima sebagai "
            "data dukung"
        )
        if tolak:
            pesan += f" ({_daftar(tolak)} ditolak: lihat sheet Data Dukung dan Validasi)"
        pesan += (
            f". Minta Bagian {kode_bagian} mengirim berkas dengan nama yang sama {cara}; atau "
            "betulkan nama berkas di kolom Bukti formatnya."
        )
        hasil.append(peringatan("BUKTI_TIDAK_ADA", pesan, i.sel))
    return untuk(hasil, kode_bagian, berkas)


def _daftar(nama: Collection[str], paling_banyak: int = 5) -> str:
    daftar = list(dict.fromkeys(nama))
    teks = ", ".join(daftar[:paling_banyak])
    return teks + (
        f" dan {len(daftar) - paling_banyak} lainnya" if len(daftar) > paling_banyak else ""
    )
