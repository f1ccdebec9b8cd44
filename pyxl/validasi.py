"""Validation of a returned format: findings as data, each with a stable code.

`Blokir` findings reject the file (nothing from it is merged); `Peringatan` findings accept it
with a flag. Every message is Indonesian, names the cell where there is one, and says what to
do. The checks here look only at bytes and values; the stamp and signature checks live in
`pyxl.stempel`, and `pyxl.langkah_himpun` puts them together.

Codes (stable: staff filter `Validasi` on them, tests assert them):

    Blokir      KOSONG, BUKAN_XLSX, BERMAKRO, TERENKRIPSI, RUSAK, TERLALU_BESAR, BOM_ZIP,
                TANPA_STEMPEL, ID_TIDAK_DIKENAL, TANDA_TANGAN_TIDAK_COCOK, TAHUN_SALAH,
                BAGIAN_SALAH, BARIS_BERUBAH
    Peringatan  ISIAN_KOSONG, BUKAN_ANGKA, NILAI_NEGATIF, NILAI_JANGGAL, TEKS_RUMUS, RUMUS,
                KUALITATIF_ANGKA, FORMAT_LAMA, IKU_TIDAK_ADA
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, replace
from typing import Any

from pyxl.buku import nama_sel

BLOKIR = "Blokir"
PERINGATAN = "Peringatan"

BATAS_UKURAN = 20 * 1024 * 1024
"""A returned format is tens of kilobytes; 20 MB is generous and keeps memory bounded."""
BATAS_UKURAN_ISI = 100 * 1024 * 1024
"""Uncompressed size of all zip members together."""
BATAS_RASIO = 200
"""Compression ratio above which a large member is treated as a zip bomb."""

AWALAN_RUMUS = ("=", "+", "-", "@")
FAKTOR_JANGGAL = 3.0


@dataclass(frozen=True)
class Temuan:
    """One row of `Validasi`."""

    tingkat: str
    kode: str
    pesan: str
    sel: str = ""
    kode_bagian: str = ""
    berkas: str = ""

    def baris(self) -> dict[str, str]:
        return {
            "Tingkat": self.tingkat,
            "Kode Masalah": self.kode,
            "Kode Bagian": self.kode_bagian,
            "Berkas": self.berkas,
            "Sel": self.sel,
            "Pesan": self.pesan,
        }


def blokir(kode: str, pesan: str, sel: str = "") -> Temuan:
    return Temuan(BLOKIR, kode, pesan, sel)


def peringatan(kode: str, pesan: str, sel: str = "") -> Temuan:
    return Temuan(PERINGATAN, kode, pesan, sel)


def ditolak(temuan: list[Temuan]) -> bool:
    return any(t.tingkat == BLOKIR for t in temuan)


def untuk(temuan: list[Temuan], kode_bagian: str, berkas: str) -> list[Temuan]:
    return [replace(t, kode_bagian=t.kode_bagian or kode_bagian, berkas=berkas) for t in temuan]


SIMPAN_XLSX = (
    "Buka berkas di Excel (atau LibreOffice), pilih Simpan Sebagai > 'Excel Workbook (.xlsx)', "
    "lalu kirim ulang."
)


def periksa_berkas(nama: str, data: bytes) -> list[Temuan]:
    """Is this an .xlsx we may open at all? Type, encryption, size and zip-bomb checks."""
    if not data:
        return [blokir("KOSONG", f"Berkas {nama} kosong (0 byte). Minta Bagian mengirim ulang.")]
    if len(data) > BATAS_UKURAN:
        mb = len(data) / 1024 / 1024
        return [
            blokir(
                "TERLALU_BESAR",
                f"Berkas {nama} berukuran {mb:.1f} MB, jauh di atas ukuran format (batas "
                f"{BATAS_UKURAN // 1024 // 1024} MB). Pastikan yang dikirim adalah format dari "
                "Bagian Perencanaan dan Keuangan.",
            )
        ]
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o" in data:
            return [
                blokir(
                    "TERENKRIPSI",
                    f"Berkas {nama} dilindungi kata sandi (terenkripsi). Buka di Excel, hapus "
                    "kata sandi (File > Info > Protect Workbook), simpan, lalu kirim ulang.",
                )
            ]
        return [
            blokir(
                "BUKAN_XLSX",
                f"Berkas {nama} berformat Excel 97-2003 (.xls) atau format lama lain, bukan "
                f".xlsx. {SIMPAN_XLSX}",
            )
        ]
    if not data.startswith(b"PK"):
        jenis = "CSV/teks" if nama.lower().endswith((".csv", ".txt")) else "bukan lembar kerja"
        return [blokir("BUKAN_XLSX", f"Berkas {nama} ({jenis}) bukan format .xlsx. {SIMPAN_XLSX}")]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            anggota = z.infolist()
            nama_anggota = {i.filename for i in anggota}
            mimetype = z.read("mimetype")[:80] if "mimetype" in nama_anggota else b""
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return [
            blokir(
                "RUSAK",
                f"Berkas {nama} rusak atau tidak lengkap (tidak dapat dibuka sebagai .xlsx). "
                "Minta Bagian menyimpan ulang dan mengirim kembali.",
            )
        ]
    if b"opendocument" in mimetype:
        return [
            blokir(
                "BUKAN_XLSX",
                f"Berkas {nama} berformat OpenDocument (.ods), bukan .xlsx. {SIMPAN_XLSX}",
            )
        ]
    if "xl/workbook.bin" in nama_anggota:
        return [blokir("BUKAN_XLSX", f"Berkas {nama} berformat Excel biner (.xlsb). {SIMPAN_XLSX}")]
    if "xl/workbook.xml" not in nama_anggota:
        return [
            blokir("BUKAN_XLSX", f"Berkas {nama} bukan buku kerja Excel (.xlsx). {SIMPAN_XLSX}")
        ]
    if "xl/vbaProject.bin" in nama_anggota:
        return [
            blokir(
                "BERMAKRO",
                f"Berkas {nama} berisi makro (.xlsm). Format dikirim tanpa makro; {SIMPAN_XLSX}",
            )
        ]
    total = sum(i.file_size for i in anggota)
    bom = any(
        i.file_size > 1024 * 1024 and i.file_size > BATAS_RASIO * max(i.compress_size, 1)
        for i in anggota
    )
    if total > BATAS_UKURAN_ISI or bom:
        return [
            blokir(
                "BOM_ZIP",
                f"Isi berkas {nama} membengkak menjadi {total // 1024 // 1024} MB saat dibuka "
                "(tidak wajar untuk sebuah format). Berkas tidak diproses; minta Bagian mengirim "
                "format asli yang diisi.",
            )
        ]
    if any(i.filename.startswith(("/", "\\")) or ".." in i.filename.split("/") for i in anggota):
        return [blokir("RUSAK", f"Berkas {nama} berisi nama bagian yang tidak sah.")]
    return []


_ANGKA_ID = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")


def angka(v: Any) -> float | None:
    """A number from a cell: numbers as they are, text in Indonesian (1.234,5) or plain (87.5).

    Returns None when the value is not a number (the caller reports it)."""
    if isinstance(v, bool):
        return None
    if isinstance(v, int | float):
        return float(v) if v == v and v not in (float("inf"), float("-inf")) else None
    if not isinstance(v, str):
        return None
    s = v.strip().replace(" ", "").replace("\u00a0", "")
    if s.endswith("%"):
        s = s[:-1]
    if _ANGKA_ID.match(s):
        return float(s.replace(".", "").replace(",", "."))
    try:
        x = float(s)
    except ValueError:
        return None
    return x if x == x and abs(x) != float("inf") else None


def periksa_isian(
    rows: list[dict[str, Any]],
    kolom_sheet: dict[str, int],
    baris_pertama: int,
    sel_rumus: frozenset[str] = frozenset(),
) -> tuple[list[dict[str, Any]], list[Temuan]]:
    """Check the cells a Bagian filled; returns the values to merge and the findings.

    `kolom_sheet` maps a column name to its column number in the format, `baris_pertama` is
    the sheet row of the first indicator, `sel_rumus` the input cells holding a formula (their
    cached value is used). A value that is not a number where one is needed is not merged.
    """
    hasil: list[dict[str, Any]] = []
    temuan: list[Temuan] = []
    for i, r in enumerate(rows):
        baris = baris_pertama + i
        kode = str(r.get("Kode IKU") or "").strip()
        kualitatif = str(r.get("Polaritas") or "").strip().lower() == "kualitatif"
        nilai: dict[str, Any] = {"Kode IKU": kode}

        def sel(k: str, baris: int = baris) -> str:
            return nama_sel(kolom_sheet[k], baris)

        for k in ("Realisasi", "Realisasi Anggaran", "Keterangan"):
            if sel(k) in sel_rumus:
                temuan.append(
                    peringatan(
                        "RUMUS",
                        f"Sel {sel(k)} ({k}, {kode}) berisi rumus; yang dipakai nilai hasilnya "
                        f"({r.get(k)!r}). Sebaiknya isi dengan angka/teks langsung.",
                        sel(k),
                    )
                )
            v = r.get(k)
            if isinstance(v, str) and v.strip().startswith(AWALAN_RUMUS) and angka(v) is None:
                temuan.append(
                    peringatan(
                        "TEKS_RUMUS",
                        f"Sel {sel(k)} ({k}, {kode}) diawali '{v.strip()[0]}': disimpan sebagai "
                        "teks, tidak pernah sebagai rumus. Periksa isinya.",
                        sel(k),
                    )
                )
        # Realisasi
        v = r.get("Realisasi")
        kosong = v is None or (isinstance(v, str) and not v.strip())
        if kosong:
            temuan.append(
                peringatan(
                    "ISIAN_KOSONG",
                    f"Sel {sel('Realisasi')} (Realisasi {kode}) kosong: indikator dicatat "
                    "'belum ada data'. Minta Bagian melengkapi bila datanya sudah ada.",
                    sel("Realisasi"),
                )
            )
            nilai["Realisasi"] = None
        elif kualitatif:
            if isinstance(v, int | float) and not isinstance(v, bool):
                temuan.append(
                    peringatan(
                        "KUALITATIF_ANGKA",
                        f"Sel {sel('Realisasi')} ({kode}) berisi angka {v}, padahal indikator "
                        f"kualitatif (target '{r.get('Target')}'). Periksa dengan Bagian.",
                        sel("Realisasi"),
                    )
                )
            nilai["Realisasi"] = v if isinstance(v, str) else _teks_angka(v)
        else:
            nilai["Realisasi"] = _angka_isian(
                v,
                kode,
                "Realisasi",
                sel("Realisasi"),
                temuan,
                r.get("Target"),
                r.get("Target Atas"),
            )
        # Realisasi Anggaran (optional)
        v = r.get("Realisasi Anggaran")
        if v is None or (isinstance(v, str) and not v.strip()):
            nilai["Realisasi Anggaran"] = None
        else:
            nilai["Realisasi Anggaran"] = _angka_isian(
                v,
                kode,
                "Realisasi Anggaran",
                sel("Realisasi Anggaran"),
                temuan,
                r.get("Pagu Anggaran"),
                None,
                faktor=1.0,
            )
        ket = r.get("Keterangan")
        nilai["Keterangan"] = "" if ket is None else str(ket).strip()
        hasil.append(nilai)
    return hasil, temuan


def _teks_angka(v: Any) -> str:
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)


_TIDAK_DIGABUNG = object()
"""Marks a cell whose value is not merged (the master keeps what it had)."""


def tidak_digabung(v: Any) -> bool:
    return v is _TIDAK_DIGABUNG


def _angka_isian(
    v: Any,
    kode: str,
    kolom: str,
    sel: str,
    temuan: list[Temuan],
    acuan: Any,
    acuan_atas: Any,
    faktor: float = FAKTOR_JANGGAL,
) -> Any:
    x = angka(v)
    if x is None:
        temuan.append(
            peringatan(
                "BUKAN_ANGKA",
                f"Sel {sel} ({kolom} {kode}) berisi '{v}', bukan angka; nilai ini tidak "
                "digabungkan. Minta Bagian mengisi angka saja (tanpa satuan).",
                sel,
            )
        )
        return _TIDAK_DIGABUNG
    if x < 0:
        temuan.append(
            peringatan(
                "NILAI_NEGATIF",
                f"Sel {sel} ({kolom} {kode}) bernilai negatif ({x:g}). Periksa dengan Bagian.",
                sel,
            )
        )
    batas = max((a for a in (angka(acuan), angka(acuan_atas)) if a is not None), default=None)
    if batas is not None and batas > 0 and x > faktor * batas:
        kata = "pagu" if kolom == "Realisasi Anggaran" else f"{faktor:g} kali target"
        temuan.append(
            peringatan(
                "NILAI_JANGGAL",
                f"Sel {sel} ({kolom} {kode}) bernilai {x:g}, melebihi {kata} ({batas:g}). "
                "Pastikan tidak salah ketik.",
                sel,
            )
        )
    return x
