"""The files steps write for staff: each kind of output named once, with its folder.

A step names a file through its `Keluaran` (`DISPOSISI.nama(tahun=2026, no=1)`), and recovery
(`pyxl.jalan.pemulihan`) moves aside only files that match one of these names: a new output
document is added here, and recovery knows it. Each field of a name matches only what the step
puts there (`_MEDAN`), and a name may end with the suffix a step adds to keep an older file
(`_2`, `-2`), so a file staff put in the folder is never taken for an output.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

_MEDAN = {
    "tahun": r"\d{4}",
    "no": r"\d+",
    "urut": r"\d+",
    "versi": r"\d+",
    "akhiran": r"(?:_final)?",
    "kode": r"[A-Za-z0-9][A-Za-z0-9_-]*",
    "waktu": r"\d{8}-\d{6}",
    "slug": r"[A-Za-z0-9-]+",
    "sidik": r"[0-9a-f]{8}",
    "tw": r"TW[1-4]",
}
"""What each field of a name may be."""
_TAMBAHAN = r"(?:[_-]\d+)?"
"""The suffix that keeps an older file (`jalur_bebas`, a second draft of the same second)."""


@dataclass(frozen=True)
class Keluaran:
    jenis: str
    folder: str
    """The `Pengaturan` key of the folder it is written to."""
    pola: tuple[str, ...]
    """Its names as format strings; the first is the one `nama` fills."""
    _re: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        bagian = []
        for pola in self.pola:
            inti, titik, akhiran = pola.rpartition(".")
            teks = "".join(
                re.escape(literal) + (_MEDAN[nama] if nama is not None else "")
                for literal, nama, _, _ in string.Formatter().parse(inti)
            )
            bagian.append(f"{teks}{_TAMBAHAN}{re.escape(titik + akhiran)}")
        object.__setattr__(self, "_re", re.compile("|".join(f"(?:{b})" for b in bagian)))

    def nama(self, **isi: object) -> str:
        return self.pola[0].format(**isi)

    def cocok(self, nama: str) -> bool:
        return self._re.fullmatch(nama) is not None


DOKUMEN, KIRIM, FORMAT = "Folder Dokumen", "Folder Kirim", "Folder Format"

DISPOSISI = Keluaran("lembar disposisi", DOKUMEN, ("disposisi_{tahun}_{no:03d}.docx",))
UNDANGAN = Keluaran(
    "undangan rapat",
    DOKUMEN,
    ("undangan_rapat_{urut}_{tahun}.docx", "undangan_rapat_{urut}_{tahun}.pdf"),
)
DAFTAR_HADIR = Keluaran("daftar hadir", DOKUMEN, ("daftar_hadir_rapat_{tahun}.docx",))
NOTULA = Keluaran("notula rapat", DOKUMEN, ("notula_rapat_{tahun}.docx",))
PENGANTAR = Keluaran("surat pengantar", DOKUMEN, ("surat_pengantar_{urut}_{tahun}.docx",))
DOKUMEN_IKU = Keluaran(
    "Dokumen IKU",
    DOKUMEN,
    ("Dokumen_IKU_{tahun}_v{versi}{akhiran}.docx", "Dokumen_IKU_{tahun}_v{versi}{akhiran}.pdf"),
)
LAPORAN_TRIWULAN = Keluaran(
    "laporan pemantauan triwulan", DOKUMEN, ("Laporan_Pemantauan_{tw}_{tahun}.docx",)
)
DRAF_SUREL = Keluaran("draf email", KIRIM, ("{waktu}_{slug}_{sidik}.eml",))
FORMAT_IKU = Keluaran("format IKU", FORMAT, ("{kode}_Format_IKU_{tahun}.xlsx",))

KELUARAN = (
    DISPOSISI,
    UNDANGAN,
    DAFTAR_HADIR,
    NOTULA,
    PENGANTAR,
    DOKUMEN_IKU,
    LAPORAN_TRIWULAN,
    DRAF_SUREL,
    FORMAT_IKU,
)


def keluaran(folder: str, nama: str) -> Keluaran | None:
    """The kind of output a file named `nama` in the folder of setting `folder` is, if any."""
    return next((k for k in KELUARAN if k.folder == folder and k.cocok(nama)), None)
