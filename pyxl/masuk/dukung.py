"""Evidence (data dukung) received in step 6: which files are new, their checks, the Bagian
and indicators each supports, and the `Data Dukung` rows and missing-evidence warnings.

`pyxl.langkah.himpun` archives every file first, then calls these; the rules of one file are
`pyxl.inti.bukti` (may it be kept) and `pyxl.inti.dukung` (which indicators it supports, what
is missing).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from pyxl.buku.bukti import PEMISAH_IKU, indikator_bukti
from pyxl.buku.port import Baris, Buku
from pyxl.buku.tabel import ganti_baris
from pyxl.inti.bukti import Bukti, periksa_bukti
from pyxl.inti.dukung import bukti_kurang, indikator_untuk
from pyxl.inti.sel import sebagai_teks
from pyxl.inti.temuan import Temuan, untuk
from pyxl.kontrak import skema
from pyxl.kontrak.masalah import PERINGATAN
from pyxl.kontrak.periode import periode_baris
from pyxl.kontrak.status import DIGABUNG, DITERIMA, DITOLAK, DUPLIKAT, USANG
from pyxl.masuk.kiriman import BuktiMasuk


@dataclass
class BuktiBaru:
    """An evidence file not listed yet (or, with `ulang`, listed as refused): its SHA-256 and,
    once checked, its findings."""

    bukti: BuktiMasuk
    sidik: str
    diperiksa_ulang: bool = False
    temuan: list[Temuan] = field(default_factory=list)


def kunci_bukti(r: Baris) -> tuple[str, str, str]:
    """An evidence file's identity in `Data Dukung`: its name, its content, where it came from."""
    return sebagai_teks(r["Berkas"]), sebagai_teks(r["SHA-256"]), sebagai_teks(r["Asal"])


def periksa_semua(
    bukti: list[BuktiBaru],
    jenis: frozenset[str],
    batas: int,
    lama: dict[tuple[str, str, str], Baris],
) -> list[BuktiBaru]:
    """Check each evidence file; an accepted zip is followed by its files, each checked as
    evidence in its own right (a file of it already listed is not listed again)."""
    hasil: list[BuktiBaru] = []
    for x in bukti:
        b = x.bukti
        x.temuan = periksa_bukti(Bukti(b.asli, b.data), jenis, batas, asal=b.asal)
        hasil.append(x)
        if x.temuan or not b.nama.lower().endswith(".zip"):
            continue
        for a in b.isi_zip():
            sidik = hashlib.sha256(a.data).hexdigest()
            if (a.nama, sidik, a.asal) in lama:
                continue
            temuan = periksa_bukti(Bukti(a.asli, a.data), jenis - {"zip"}, batas, asal=a.asal)
            hasil.append(BuktiBaru(a, sidik, temuan=temuan))
    return hasil


def kode_per_sumber(
    penerimaan: list[Baris], penentu: dict[str, Baris], kode_kini: dict[str, str]
) -> dict[str, str]:
    """The Bagian of each source of returns (an e-mail, a file in `masuk/`): that of its
    return in use, else of any of its returns whose Bagian is known (a refused one, a copy)."""
    terima: dict[str, str] = {}
    lain: dict[str, str] = {}
    for r in penerimaan:
        sumber = sebagai_teks(r.get("Sumber")) or sebagai_teks(r.get("Berkas"))
        status = sebagai_teks(r["Status"])
        kode = sebagai_teks(r["Kode Bagian"])
        if not kode and status == DUPLIKAT:
            kode = sebagai_teks((penentu.get(sebagai_teks(r["SHA-256"])) or {}).get("Kode Bagian"))
        if kode:
            kode = kode_kini.get(kode, kode)
            (terima if status in (*DIGABUNG, USANG) else lain)[sumber] = kode
    return lain | terima


def data_dukung(
    buku: Buku,
    bukti: list[BuktiBaru],
    gabung: dict[str, str],
    *,
    dukung: list[Baris],
    bagian: dict[str, Any],
    asal_kode: dict[str, str],
    alamat: dict[str, str],
    kode_kini: dict[str, str],
    putaran: str,
    masuk: str,
) -> tuple[list[Baris], list[Temuan], str]:
    """The new `Data Dukung` rows of `bukti`, their findings and the missing-evidence warnings
    of the returns accepted in this run (`gabung`: Bagian -> its file), and a sentence for the
    summary. An evidence file's Bagian
    is where it lay, else that of the return it came with (`asal_kode`: per source), else its
    sender's (`alamat`); `masuk` is the intake folder's name, for the messages. Rows already
    listed (`dukung`) for a Bagian whose return of this round was just accepted get their
    `Kode IKU` again from its `Bukti`."""
    kode_bukti = []
    for x in bukti:
        b = x.bukti
        kode = b.kode or asal_kode.get(b.ikut, "") or alamat.get(b.pengirim.strip().lower(), "")
        kode_bukti.append(kode_kini.get(kode, kode))
    perlu = [bagian[k] for k in dict.fromkeys([*gabung, *kode_bukti]) if k in bagian]
    indikator = indikator_bukti(buku, perlu, putaran)

    def iku(nama: str, kode: str) -> str:
        return PEMISAH_IKU.join(indikator_untuk(nama, indikator.get(kode, ())))

    # names received for each Bagian this round, earlier rows first
    nama_terima: dict[str, list[str]] = {}
    nama_tolak: dict[str, list[str]] = {}
    for lama in dukung:
        if periode_baris(lama["Periode"]) != putaran:
            continue
        kode = sebagai_teks(lama["Kode Bagian"])
        kode = kode_kini.get(kode, kode)
        diterima = sebagai_teks(lama["Status"]) == DITERIMA
        (nama_terima if diterima else nama_tolak).setdefault(kode, []).append(
            sebagai_teks(lama["Berkas"])
        )
        if kode in gabung and diterima:
            kini = iku(sebagai_teks(lama["Berkas"]), kode)
            if kini != sebagai_teks(lama["Kode IKU"]):
                lama["Kode IKU"] = kini
                ganti_baris(buku, skema.DATA_DUKUNG, skema.KOLOM_DATA_DUKUNG, lama["_baris"], lama)

    rows: list[Baris] = []
    temuan: list[Temuan] = []
    for x, kode in zip(bukti, kode_bukti, strict=True):
        b = x.bukti
        awal = "diperiksa ulang; " if x.diperiksa_ulang else ""
        r: Baris = {
            "Waktu": b.waktu,
            "Berkas": b.nama,
            "SHA-256": x.sidik,
            "Ukuran (KB)": round(len(b.data) / 1024, 1),
            "Kode Bagian": kode,
            "Kode IKU": "",
            "Periode": putaran,
            "Asal": b.asal,
        }
        if x.temuan:
            t = next(t for t in x.temuan if t.tingkat != PERINGATAN)
            r |= {"Status": DITOLAK, "Catatan": f"{awal}{t.kode}: {t.pesan}"}
            temuan += untuk(x.temuan, kode, b.nama)
            nama_tolak.setdefault(kode, []).append(b.nama)
        else:
            r |= {"Status": DITERIMA, "Kode IKU": iku(b.nama, kode)}
            if not kode:
                r["Catatan"] = (
                    f"{awal}Bagian pengirim tidak dikenali (format yang dikirim bersamanya "
                    "ditolak atau tidak berstempel): isi Kode Bagian bila diketahui."
                )
            elif not r["Kode IKU"]:
                r["Catatan"] = (
                    f"{awal}belum disebut di kolom Bukti indikator mana pun: minta Bagian "
                    f"{kode} menulis nama berkas ini di kolom Bukti indikator yang didukungnya."
                )
            else:
                r["Catatan"] = awal.removesuffix("; ")
            nama_terima.setdefault(kode, []).append(b.nama)
        rows.append(r)

    kurang: list[Temuan] = []
    for kode, berkas in gabung.items():
        kurang += bukti_kurang(
            indikator.get(kode, ()),
            nama_terima.get(kode, []),
            nama_tolak.get(kode, []),
            kode,
            berkas,
            masuk,
        )
    ringkas = ""
    if rows:
        n_terima = sum(r["Status"] == DITERIMA for r in rows)
        ringkas = (
            f"Data dukung: {len(rows)} berkas baru ({n_terima} diterima, "
            f"{len(rows) - n_terima} ditolak), lihat sheet {skema.DATA_DUKUNG}. "
        )
    if kurang:
        ringkas += f"{len(kurang)} indikator belum lengkap data dukungnya (BUKTI_TIDAK_ADA). "
    return rows, temuan + kurang, ringkas
