"""The parts every letter shares: the letterhead (kop) and an official's signature block."""

from __future__ import annotations

from pyxl.galat import IsianError
from pyxl.inti import indo
from pyxl.kontrak.pengaturan import Pengaturan


def kop(peng: Pengaturan) -> dict[str, str]:
    return {
        "pemda": f"PEMERINTAH {peng['Pemerintah Daerah'].upper()}",
        "unit": peng["Unit Kerja"].upper(),
        "alamat": peng["Alamat"],
        "kota": peng["Kota"],
    }


def pejabat(
    peng: Pengaturan, jabatan: str, tampil: str | None = None, wajib: bool = True
) -> dict[str, str]:
    """Signature data of the official whose settings are '<jabatan>', 'NIP <jabatan>' and
    'Pangkat <jabatan>'; `tampil` is the jabatan as printed (default `jabatan`). A name not
    `wajib` may be empty: a dotted line is printed to write it by hand."""
    nip = peng[f"NIP {jabatan}"]
    try:
        nip = indo.nip(nip) if nip else ""
    except ValueError as exc:
        raise IsianError(f"Pengaturan 'NIP {jabatan}': {exc}") from exc
    return {
        "jabatan": tampil or jabatan,
        "nama": peng.wajib(jabatan) if wajib else (peng[jabatan] or "." * 30),
        "pangkat": peng[f"Pangkat {jabatan}"],
        "nip": nip,
    }
