"""The parts every letter shares: the letterhead (kop), the page, and signature blocks.

The kop of a perangkat daerah carries the lambang daerah, PEMERINTAH KABUPATEN …, the unit's
name, and the address with kode pos, telepon, faksimile, laman and pos-el; parts left empty in
`Pengaturan` are left out. The lambang is an image file staff replace (`LAMBANG`, in the working
folder's `templates/`).

Signature blocks follow Permendagri 1/2023 Pasal 44(3): officials other than the Kepala
Daerah, the Wakil Kepala Daerah and the Sekretaris Daerah sign with their name, NIP and
pangkat/golongan; those three sign with their name only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pyxl.galat import IsianError
from pyxl.inti import indo
from pyxl.kontrak.pengaturan import KABAG, SEKDA, Pengaturan

LAMBANG = "lambang.png"
"""The lambang daerah of the kop, beside the Word templates."""

TANPA_NIP = (SEKDA,)
"""Officials (keys of `Pengaturan`) who sign without NIP and pangkat (Pasal 44(3)); the
Bupati and Wakil Bupati sign no letter of this SOP."""

PENANDA_TANGAN = (KABAG, SEKDA)
"""Who may sign the invitation ('Penanda Tangan Undangan')."""


def kop(peng: Pengaturan) -> dict[str, str]:
    """The letterhead's lines. `lambang` is empty here: the document writer puts the image in
    (`pyxl.dokumen.word.tulis_surat`)."""
    alamat = peng["Alamat"]
    if peng["Kode Pos"]:
        alamat = f"{alamat} {peng['Kode Pos']}"
    kontak = [
        f"{label} {peng[kunci]}"
        for kunci, label in (
            ("Telepon", "Telepon"),
            ("Faksimile", "Faksimile"),
            ("Laman", "Laman"),
            ("Pos-el", "Pos-el"),
        )
        if peng[kunci]
    ]
    return {
        "pemda": f"PEMERINTAH {peng['Pemerintah Daerah'].upper()}",
        "unit": peng["Unit Kerja"].upper(),
        "alamat": alamat,
        "kontak": ", ".join(kontak),
        "kota": peng["Kota"],
        "lambang": "",
    }


def pejabat(
    peng: Pengaturan, jabatan: str, tampil: str | None = None, wajib: bool = True
) -> dict[str, str]:
    """Signature data of the official whose settings are '<jabatan>', 'NIP <jabatan>' and
    'Pangkat <jabatan>'; `tampil` is the jabatan as printed (default `jabatan`). A name not
    `wajib` may be empty: a dotted line is printed to write it by hand. The officials of
    `TANPA_NIP` get neither NIP nor pangkat, whatever the settings hold."""
    nama = peng.wajib(jabatan) if wajib else (peng[jabatan] or "." * 30)
    if jabatan in TANPA_NIP:
        return {"jabatan": tampil or jabatan, "nama": nama, "pangkat": "", "nip": ""}
    nip = peng[f"NIP {jabatan}"]
    try:
        nip = indo.nip(nip) if nip else ""
    except ValueError as exc:
        raise IsianError(f"Pengaturan 'NIP {jabatan}': {exc}") from exc
    return {"jabatan": tampil or jabatan, "nama": nama, "pangkat": peng[f"Pangkat {jabatan}"],
            "nip": nip}  # fmt: skip


def penanda_tangan_undangan(peng: Pengaturan) -> dict[str, str]:
    """The invitation's signature block: the jabatan lines of 'Jabatan Penanda Tangan
    Undangan' (a.n. … / u.b. …, one per line, the last ending in a comma) over the official of
    'Penanda Tangan Undangan'."""
    kunci = "Penanda Tangan Undangan"
    siapa = peng[kunci].strip()
    cocok = {p.lower(): p for p in PENANDA_TANGAN}
    if siapa.lower() not in cocok:
        raise IsianError(
            f"Pengaturan '{kunci}' berisi '{siapa}' ({peng.lokasi(kunci)}): isi salah satu "
            f"dari: {'; '.join(PENANDA_TANGAN)}."
        )
    baris = [b.strip() for b in peng["Jabatan Penanda Tangan Undangan"].split("/") if b.strip()]
    if not baris:
        baris = [cocok[siapa.lower()].upper()]
    baris[-1] = baris[-1].rstrip(",") + ","
    return pejabat(peng, cocok[siapa.lower()], "\n".join(baris))


# --------------------------------------------------------------------------- the page

KERTAS = {"A4": (210.0, 297.0), "F4": (215.0, 330.0)}
"""Paper sizes offered, width × height in mm; F4 (Folio) is common in Pemda offices."""
_RE_CM = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:cm)?", re.IGNORECASE)


@dataclass(frozen=True)
class Halaman:
    """Paper and margins of every document pyxl writes, in mm (paper) and cm (margins)."""

    kertas: str
    lebar_mm: float
    tinggi_mm: float
    kiri_cm: float
    kanan_cm: float
    atas_cm: float
    bawah_cm: float


def halaman(peng: Pengaturan) -> Halaman:
    """The page of 'Ukuran Kertas' and 'Margin Kiri/Kanan/Atas/Bawah' (cm, '2,5' or '2.5')."""
    kertas = peng["Ukuran Kertas"].strip().upper().replace("FOLIO", "F4")
    if kertas not in KERTAS:
        raise IsianError(
            f"Pengaturan 'Ukuran Kertas' berisi '{peng['Ukuran Kertas']}' "
            f"({peng.lokasi('Ukuran Kertas')}): isi A4 atau F4."
        )
    margin = {}
    for sisi in ("Kiri", "Kanan", "Atas", "Bawah"):
        kunci = f"Margin {sisi}"
        m = _RE_CM.fullmatch(peng[kunci].strip())
        nilai = float(m.group(1).replace(",", ".")) if m else -1.0
        if not 0.5 <= nilai <= 6:
            raise IsianError(
                f"Pengaturan '{kunci}' berisi '{peng[kunci]}' ({peng.lokasi(kunci)}): isi "
                "ukuran dalam cm antara 0,5 dan 6, misalnya 3 atau 2,5."
            )
        margin[sisi] = nilai
    lebar, tinggi = KERTAS[kertas]
    return Halaman(kertas, lebar, tinggi, margin["Kiri"], margin["Kanan"], margin["Atas"],
                   margin["Bawah"])  # fmt: skip
