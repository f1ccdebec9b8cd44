"""Step 2 — one protected, stamped format per Bagian: `format/<Kode>_Format_IKU_<Tahun>.xlsx`.

Each format is a macro-free workbook written with XlsxWriter from the Bagian's sheet: one
visible sheet `Format IKU` (identity block, then the indicator table with the contract's
columns, header in row `BARIS_JUDUL`) and the hidden sheet `Stempel` (see `pyxl.inti.stempel`).
Only `Realisasi`, `Realisasi Anggaran` and `Keterangan` are unlocked (yellow); the sheet is
protected with a well-known password — a guard rail only, the signature detects edits.

Every file is issued with a new id and recorded in `Format Terbit` (one block written). Earlier
issues of a re-issued Bagian stay `Berlaku` when their content digest (`Sidik Konten`, the HMAC
over the locked content without the id) equals the new one, else they become `Diganti`.
Files are built under temporary names, recorded, then moved into place all together, or not at
all; a format replaced stays beside the new one as `.~<name>.lama` until the runner has saved
the workbook (see `pyxl.jalan.proses` and `pyxl.jalan.pemulihan`), so a failed save or a
killed run puts it back.
"""

from __future__ import annotations

import contextlib
import errno
import math
import os
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pyxl.berkas.tulis import galat_tulis
from pyxl.buku.daftar import baca_indikator, baca_skala, pilih_bagian
from pyxl.buku.pengaturan import catat_pengaturan
from pyxl.buku.port import Baris, Buku
from pyxl.buku.sistem import rahasia as rahasia_stempel
from pyxl.buku.tabel import FORMAT_KOLOM, baca_tabel
from pyxl.galat import IsianError, PyxlError
from pyxl.inti import cetak, indo, stempel
from pyxl.inti.angka import satuan_persen
from pyxl.inti.sel import huruf_kolom, perlu_awalan_teks, sebagai_teks
from pyxl.inti.skala import SkalaUrut, normal
from pyxl.jalan.konteks import Hasil, Konteks
from pyxl.kontrak import keluaran, skema
from pyxl.kontrak.pengaturan import Pengaturan
from pyxl.kontrak.periode import akhiran, periode_baris, uraian
from pyxl.kontrak.status import BERLAKU, DIGANTI

SANDI = "pyxl"
"""Sheet protection password: well known on purpose (protection is a guard rail, not security)."""
BARIS_JUDUL = 8
"""1-based row of the table header on `Format IKU` (also written into the stamp)."""

KUNING = "#FFFF99"
RUPIAH = ("Pagu Anggaran", "Realisasi Anggaran")
LEBAR = (13, 22, 28, 30, 24, 9, 10, 9, 9, 11, 10, 10, 14, 14, 18, 16, 22, 11, 13, 11, 8, 24)
"""Column widths (characters), in the order of `skema.KOLOM_INDIKATOR`: A4 landscape."""
UJUNG_IDENTITAS = 5
"""The last column (0-based, F) of the identity block's values: within the first page."""
MARGIN_SISI = 0.4
"""Left and right print margins (inches)."""
ANGKA = {
    "umum": "General",
    "rupiah": "#,##0",
    "teks": "@",
    "tanggal": "dd/mm/yyyy",
    "persen": 'General" %"',
}
"""Number formats; Excel shows separators by the viewer's locale (1.500.000 in Indonesian).
`persen` shows a literal "%" after the number typed (92,86 shows "92,86 %") and stores what was
typed: "92,86%" typed there is stored 0,9286 and shows "0,93 %", so the mistake is seen while
typing."""
OPSI_BUKU = {
    "in_memory": True,
    "strings_to_numbers": False,
    "strings_to_formulas": False,
    "strings_to_urls": False,
}
"""Text stays text everywhere, even where XlsxWriter's generic `write` is used."""
PETUNJUK = (
    "Isi hanya sel berwarna kuning (Realisasi, Realisasi Anggaran, Keterangan dan Bukti). "
    "Jangan mengubah sel lain dan jangan menambah atau menghapus baris. Di kolom Bukti tulis "
    "nama berkas data dukung yang dilampirkan (pisahkan dengan ;). Simpan sebagai .xlsx dengan "
    "nama yang sama, lalu kirim kembali melalui email sebelum batas waktu."
)
PETUNJUK_TW = (
    "Isi realisasi {uraian} di sel berwarna kuning. Indikator dengan Cara Tahunan Kumulatif: "
    "isi nilai sejak awal tahun sampai akhir triwulan ini; yang lain: nilai triwulan ini saja. "
    "Realisasi Anggaran: sampai dengan triwulan ini. "
)
"""Put before `PETUNJUK` in a quarterly round's format."""


def _aturan(judul: str, pesan: str, galat: str = "", **aturan: Any) -> dict[str, Any]:
    """A data-validation rule with its Indonesian input message (and error message)."""
    galat_ = {"error_title": "Isian tidak sah", "error_message": galat} if galat else {}
    return {"input_title": judul, "input_message": pesan, **galat_, **aturan}


def _validasi_angka(satuan: str, persen: bool) -> dict[str, Any]:
    """The rule of a numeric `Realisasi` cell, its message by the indicator's unit, with an
    example in Indonesian notation."""
    if persen:
        pesan = (
            "Ketik angka persennya saja, tanpa tanda %: misalnya 92,86 untuk 92,86% (tanda % "
            "sudah tampil sendiri). Jangan mengetik 0,9286."
        )
    else:
        pesan = (
            f"Ketik angka saja sesuai Satuan ({satuan[:40] or '-'}), tanpa satuan: misalnya "
            "1.250 atau 87,5."
        )
    return _aturan(
        "Realisasi (angka)",
        pesan,
        "Realisasi indikator ini berupa angka. Tulis angkanya saja, tanpa satuan, misalnya 87,5.",
        validate="decimal",
        criteria="between",
        minimum=-(10**15),
        maximum=10**15,
    )


VALIDASI_ANGGARAN = _aturan(
    "Realisasi Anggaran (Rp)",
    "Isi realisasi anggaran dalam rupiah, tanpa 'Rp' dan tanpa ',-', misalnya 1.500.000 "
    "(di Excel berbahasa Inggris: 1500000).",
    "Isi angka rupiah 0 atau lebih, tanpa 'Rp', misalnya 1.500.000.",
    validate="decimal",
    criteria=">=",
    value=0,
)
VALIDASI_KETERANGAN = _aturan(
    "Keterangan",
    "Penjelasan singkat: kendala, sumber data, atau alasan bila belum ada data.",
    validate="any",
)
VALIDASI_BUKTI = _aturan(
    "Bukti (data dukung)",
    "Nama berkas data dukung yang dilampirkan bersama format ini, misalnya SK_Tim.pdf; "
    "pisahkan beberapa berkas dengan titik koma (;).",
    validate="any",
)
VALIDASI_KOLOM = {
    "Realisasi Anggaran": VALIDASI_ANGGARAN,
    "Keterangan": VALIDASI_KETERANGAN,
    "Bukti": VALIDASI_BUKTI,
}
"""Rules over a whole input column (`Realisasi` depends on each row's polarity)."""


def _batas_waktu(peng: Pengaturan, opsi: str | None) -> str:
    kunci = "Batas Waktu Pengembalian"
    asal = f"Pengaturan '{kunci}'" if opsi is None else "Batas waktu (opsi --batas-waktu)"
    teks = peng.wajib(kunci).removesuffix(" 00:00:00") if opsi is None else opsi
    try:
        return indo.tanggal(indo.parse_tanggal(teks))
    except ValueError as exc:
        raise IsianError(f"{asal}: {exc}") from exc


def _gaya(wb: Any) -> dict[str, Any]:
    """Every cell format of a format workbook, created once. Each has a twin `<name>_kutip`
    with Excel's quote prefix, for text that starts like a formula (`=`, `+`, `-`, `@`): it
    is shown as text, and stays text even when someone edits the cell and presses Enter
    (XlsxWriter writes only the formats cells use)."""
    dasar = {"border": 1, "valign": "top", "text_wrap": True, "font_size": 10}
    kepala = {**dasar, "bold": True, "align": "center", "valign": "vcenter"}
    sifat: dict[str, dict[str, Any]] = {
        "judul": {"bold": True, "font_size": 14},
        "label": {"bold": True, "valign": "top"},
        "nilai": {"valign": "top", "text_wrap": True},
        "kepala": {**kepala, "bg_color": "#D9D9D9"},
        "kepala_isian": {**kepala, "bg_color": "#FFD966"},
    }
    for jenis, angka in ANGKA.items():
        sifat[jenis] = {**dasar, "num_format": angka}
        sifat[f"isian_{jenis}"] = {
            **dasar,
            "num_format": angka,
            "bg_color": KUNING,
            "locked": False,
        }
    g = {nama: wb.add_format(f) for nama, f in sifat.items()}
    g |= {f"{nama}_kutip": wb.add_format({**f, "quote_prefix": True}) for nama, f in sifat.items()}
    return g


def _kutip(g: dict[str, Any], nama: str, teks: str) -> Any:
    """The format `nama`, with the quote prefix when `teks` would be taken as a formula."""
    return g[f"{nama}_kutip"] if perlu_awalan_teks(teks) else g[nama]


def _tinggi(teks: Sequence[str]) -> float:
    """Row height (points) for wrapped 10-pt text in the table's columns: set explicitly,
    since not every program fits rows to wrapped text when it opens a file."""
    baris = max(
        sum(math.ceil(len(p) / (lebar * 1.1)) or 1 for p in t.split("\n"))
        for t, lebar in zip(teks, LEBAR, strict=True)
    )
    return 13.5 * baris + 3


def _tinggi_teks(teks: str, lebar: float) -> float:
    """Row height (points) of wrapped 10-pt `teks` in a cell `lebar` characters wide."""
    return 13.5 * max(2, math.ceil(len(teks) / (lebar * 1.1))) + 3


def _sel(
    ws: Any, r: int, c: int, v: Any, kolom: str, g: dict[str, Any], persen: bool = False
) -> None:
    """One table cell: numbers as numbers (15 significant digits), text always as text."""
    jenis = "rupiah" if kolom in RUPIAH else "teks" if kolom in ("Keterangan", "Bukti") else "umum"
    if persen and kolom in ("Realisasi", "Target", "Target Atas", "Realisasi Tahun Lalu"):
        jenis = "persen"
    awal = "isian_" if kolom in skema.KOLOM_ISIAN else ""
    nama = awal + ("tanggal" if isinstance(v, date) else jenis)
    gaya = g[nama]
    if v is None:
        ws.write_blank(r, c, None, gaya)
    elif isinstance(v, bool):
        ws.write_boolean(r, c, v, gaya)
    elif isinstance(v, int | float):
        ws.write_number(r, c, stempel.angka_kanonik(v), gaya)
    elif isinstance(v, date):
        ws.write_datetime(r, c, v, gaya)
    else:
        teks = sebagai_teks(v)
        ws.write_string(r, c, teks, g[f"{nama}_kutip"] if perlu_awalan_teks(teks) else gaya)


def tulis_format(
    tujuan: Path,
    rows: Sequence[Mapping[str, Any]],
    st: stempel.Stempel,
    identitas: Sequence[tuple[str, str]],
    skala_urut: Mapping[str, SkalaUrut] | None = None,
) -> None:
    """Write one format: `identitas` are the (label, value) lines under the title;
    `skala_urut` the ordered scales (by normalised name) whose values a qualitative
    `Realisasi` offers as a dropdown."""
    import xlsxwriter
    from xlsxwriter.utility import xl_rowcol_to_cell

    wb = xlsxwriter.Workbook(str(tujuan), OPSI_BUKU)
    tw = akhiran(st.periode)
    judul_buku = f"Format IKU {st.kode_bagian} {st.tahun}" + (f" {tw}" if tw else "")
    waktu = datetime.fromisoformat(st.waktu_terbit)
    wb.set_properties({"title": judul_buku, "keywords": st.id_templat, "created": waktu})
    for kunci, nilai in st.pasangan():
        wb.set_custom_property(kunci, nilai)
    g = _gaya(wb)
    ws = wb.add_worksheet(stempel.SHEET_FORMAT)
    kanan = len(skema.KOLOM_INDIKATOR) - 1
    judul = "FORMAT PENGUMPULAN DATA KINERJA"
    petunjuk = PETUNJUK
    if tw:
        judul += f" {uraian(st.periode, st.tahun).upper()}"
        petunjuk = PETUNJUK_TW.format(uraian=uraian(st.periode, st.tahun)) + PETUNJUK
    ws.merge_range(0, 0, 0, kanan, judul, g["judul"])
    for i, (label, nilai) in enumerate([*identitas, ("Petunjuk", petunjuk)], start=1):
        ws.merge_range(i, 0, i, 1, label, g["label"])
        # every value within the first printed page's columns (a merge across all of them
        # would print the instructions split over the pages)
        ws.merge_range(i, 2, i, UJUNG_IDENTITAS, "", _kutip(g, "nilai", nilai))
        ws.write_string(i, 2, nilai, _kutip(g, "nilai", nilai))  # text, whatever it starts with
    lebar_petunjuk = sum(LEBAR[2 : UJUNG_IDENTITAS + 1])
    ws.set_row(len(identitas) + 1, _tinggi_teks(petunjuk, lebar_petunjuk))
    j = BARIS_JUDUL - 1
    ws.set_row(j, _tinggi(skema.KOLOM_INDIKATOR))
    for c, (kolom, lebar) in enumerate(zip(skema.KOLOM_INDIKATOR, LEBAR, strict=True)):
        ws.set_column(c, c, lebar)
        ws.write_string(j, c, kolom, g["kepala_isian" if kolom in skema.KOLOM_ISIAN else "kepala"])
    ke = {k: c for c, k in enumerate(skema.KOLOM_INDIKATOR)}
    daftar_skala = skala_urut if skala_urut is not None else {}
    angka: dict[tuple[str, bool], list[str]] = {}
    for r, row in enumerate(rows, start=BARIS_JUDUL):
        ws.set_row(r, _tinggi([sebagai_teks(row.get(k)) for k in skema.KOLOM_INDIKATOR]))
        satuan = sebagai_teks(row.get("Satuan"))
        persen = satuan_persen(satuan)
        kualitatif = sebagai_teks(row.get("Polaritas")).lower() == "kualitatif"
        for c, kolom in enumerate(skema.KOLOM_INDIKATOR):
            _sel(ws, r, c, row.get(kolom), kolom, g, persen and not kualitatif)
        sel = xl_rowcol_to_cell(r, ke["Realisasi"])
        if kualitatif:
            target = sebagai_teks(row.get("Target"))[:60] or "target"
            sk = daftar_skala.get(normal(row.get("Skala")))
            ws.data_validation(sel, _validasi_teks(target, sk))
        else:
            angka.setdefault((satuan, persen), []).append(sel)
    awal, akhir = BARIS_JUDUL, BARIS_JUDUL + len(rows) - 1
    for (satuan, persen), sel_angka in angka.items():
        aturan = _validasi_angka(satuan, persen)
        ws.data_validation(sel_angka[0], {**aturan, "multi_range": " ".join(sel_angka)})
    for kolom, aturan in VALIDASI_KOLOM.items():
        ws.data_validation(awal, ke[kolom], akhir, ke[kolom], aturan)
    ws.freeze_panes(BARIS_JUDUL, 0)
    ws.set_selection(awal, ke["Realisasi"], awal, ke["Realisasi"])
    # A4 landscape at 8 pt or more: as many pages wide as that takes, the indicator code
    # repeated on each page (one page wide would print the 19 columns at 5 pt)
    ws.set_landscape()
    ws.set_paper(cetak.A4)
    ws.set_margins(left=MARGIN_SISI, right=MARGIN_SISI, top=0.5, bottom=0.6)
    halaman = cetak.halaman_lebar(LEBAR, 1, cetak.LEBAR_KERTAS[cetak.A4] - 2 * MARGIN_SISI)
    ws.fit_to_pages(halaman, 0)
    ws.repeat_rows(j)
    ws.repeat_columns(0)
    ws.print_area(0, 0, akhir, kanan)
    ws.set_footer(f"&L{judul_buku}&RHalaman &P dari &N")
    ws.protect(SANDI, {"format_columns": True, "format_rows": True})
    lembar = wb.add_worksheet(stempel.SHEET_STEMPEL)
    for r, pasangan in enumerate([("Kunci", "Nilai"), *st.pasangan()]):
        lembar.write_row(r, 0, pasangan)
    lembar.set_column(0, 1, 24)
    lembar.hide()
    lembar.protect(SANDI)
    wb.close()


def _validasi_teks(target: str, sk: SkalaUrut | None) -> dict[str, Any]:
    """A qualitative `Realisasi`: the scale's values as a dropdown when the indicator names a
    scale (best first), else free text like the target."""
    pilihan = ",".join(sk.nilai) if sk is not None else ""
    if sk is None or len(pilihan) > 255 or any("," in v or '"' in v for v in sk.nilai):
        pesan = f'Isi teks seperti target, misalnya "{target}", atau Ya/Tercapai.'
        return _aturan("Realisasi (teks)", pesan, validate="any")
    pesan = f"Pilih dari daftar ({sk.nama}, urut dari yang terbaik): {sk.daftar()}. "
    pesan += f"Target: {target}."
    return _aturan(
        "Realisasi (pilih)",
        pesan[:255],
        f"Pilih salah satu nilai skala {sk.nama}: {sk.daftar()}."[:255],
        validate="list",
        source=list(sk.nilai),
        error_type="warning",
    )


def _pasang(berkas: Sequence[tuple[Path, Path]]) -> None:
    """Move every (temporary, final) file into place: all or nothing (a final file held by
    another program, e.g. open in Excel, leaves every earlier format as it was).

    A format replaced is set aside as `.~<name>.lama`, and stays there: the runner
    (`pyxl.jalan.proses`) removes it once the workbook is saved, and puts it back when the step or
    the save fails, or (`pulihkan`) when the run died before its save. An OSError is a
    `galat_tulis` message naming the format."""
    lama: dict[Path, Path] = {}
    dipasang: list[Path] = []
    akhir = berkas[0][1] if berkas else Path()
    try:
        for _, akhir in berkas:
            if akhir.is_file():
                os.replace(akhir, cadangan := akhir.with_name(f".~{akhir.name}.lama"))
                lama[akhir] = cadangan
        for sementara, akhir in berkas:
            os.replace(sementara, akhir)
            dipasang.append(akhir)
    except OSError as exc:
        for f in dipasang:
            with contextlib.suppress(OSError):
                f.unlink()
        for f, cadangan in lama.items():
            with contextlib.suppress(OSError):
                os.replace(cadangan, f)
        raise _galat_format(exc, akhir) from exc


def _galat_format(exc: OSError, akhir: Path) -> PyxlError:
    """The message of a format that could not be written or moved into place."""
    g = galat_tulis(exc, akhir, "Format")
    excel = exc.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EROFS)
    saran = " Bila format itu sedang dibuka di Excel, tutup dahulu." if excel else ""
    return type(g)(f"{g}{saran} Tidak ada yang diubah.")


def nama_format(kode: str, tahun: int, putaran: str) -> str:
    """`<Kode>_Format_IKU_<Tahun>.xlsx` (the contract's name), with `_TW2` for a quarterly
    round."""
    nama = keluaran.FORMAT_IKU.nama(kode=kode, tahun=tahun)
    tw = akhiran(putaran)
    return nama.replace(".xlsx", f"_{tw}.xlsx") if tw else nama


def _catat_terbit(
    buku: Buku, baru: list[Baris], sidik: Mapping[tuple[str, str, str], Mapping[int, str]]
) -> tuple[int, Callable[[], None]]:
    """Append the new issues and mark superseded ones `Diganti`, as one written block (from
    the first changed row down); `sidik` holds the new content's digest per template version
    for each (Kode Bagian, Tahun, Periode): a round's formats are superseded only by a later
    issue of the same round. Returns how many earlier issues became `Diganti`, and the
    function that writes the sheet back as it was (when the formats cannot be put in place)."""
    lama = baca_tabel(buku, skema.FORMAT_TERBIT)  # checks the header
    isi = buku.baca(skema.FORMAT_TERBIT)
    header = [sebagai_teks(h) for h in isi[0]]

    def berubah(r: Baris) -> bool:
        """An earlier issue whose locked content (as its template version signs it) differs
        from the new issue's."""
        kunci = (sebagai_teks(r["Kode Bagian"]), sebagai_teks(r["Tahun"]))
        per_versi = sidik.get((*kunci, periode_baris(r.get("Periode"))))
        if per_versi is None:
            return False
        versi = int(r["Versi Templat"]) if isinstance(r["Versi Templat"], int | float) else 0
        return per_versi.get(versi) != sebagai_teks(r["Sidik Konten"])

    ganti = [r["_baris"] for r in lama if sebagai_teks(r["Status"]) == BERLAKU and berubah(r)]
    no = max((int(r["No"]) for r in lama if isinstance(r["No"], int | float)), default=0)
    for i, r in enumerate(baru, start=no + 1):
        r["No"] = i
    mulai = min(ganti, default=len(isi) + 1)
    blok = [list(r) + [None] * (len(header) - len(r)) for r in isi[mulai - 1 :]]
    for b in ganti:
        blok[b - mulai][header.index("Status")] = DIGANTI
    blok += [[r.get(h) for h in header] for r in baru]
    format_angka = [FORMAT_KOLOM.get(h) for h in header]
    buku.tulis(skema.FORMAT_TERBIT, mulai, 1, blok, format_angka)
    semula = [list(r) + [None] * (len(header) - len(r)) for r in isi[mulai - 1 :]]

    def batal() -> None:
        if semula:
            buku.tulis(skema.FORMAT_TERBIT, mulai, 1, semula, format_angka)
        buku.kosongkan(skema.FORMAT_TERBIT, len(isi) + 1)

    return len(ganti), batal


def _wajib_target(isi: Mapping[str, Sequence[Baris]], paling_banyak: int = 15) -> None:
    """A format is never issued with an empty `Target`: the Bagian could not be measured
    against it (after `pyxl tahun-baru`, an indicator without a `Target <tahun>` column)."""
    huruf = huruf_kolom(skema.KOLOM_INDIKATOR.index("Target") + 1)
    sel = [
        f"{kode}!{huruf}{r['_baris']}"
        for kode, rows in isi.items()
        for r in rows
        if not sebagai_teks(r.get("Target"))
    ]
    if sel:
        lain = f" dan {len(sel) - paling_banyak} sel lainnya" if len(sel) > paling_banyak else ""
        raise IsianError(
            f"Target belum diisi di sel {', '.join(sel[:paling_banyak])}{lain}. Isi Target "
            "tahun ini untuk setiap indikator di sheet Bagian-nya, lalu buat format lagi. "
            "Tidak ada format yang dibuat."
        )


def jalankan(
    ktx: Konteks,
    *,
    bagian: str | None = None,
    batas_waktu: str | None = None,
    periode: str | None = None,
) -> Hasil:
    peng = ktx.pengaturan()
    tahun = peng.tahun()
    putaran = ktx.periode(periode)
    daftar = pilih_bagian(ktx.buku, bagian)
    batas = _batas_waktu(peng, batas_waktu)
    # a quarterly round's formats apart (format/TW2/), so format/ keeps the year's
    folder = peng.folder(ktx.buku.folder, "Folder Format") / akhiran(putaran)
    isi = {b.kode: baca_indikator(ktx.buku, b) for b in daftar}
    siap = [b for b in daftar if isi[b.kode]]
    kosong = [b.kode for b in daftar if not isi[b.kode]]
    if not siap:
        raise IsianError(
            f"Belum ada indikator di sheet {', '.join(kosong)}: tidak ada format yang dibuat. "
            "Isi indikator setiap Bagian di sheet bernama kode Bagian tersebut."
        )
    _wajib_target(isi)
    skala_urut = baca_skala(ktx.buku)
    secret = rahasia_stempel(ktx.buku)
    waktu = ktx.jam().replace(microsecond=0)
    folder.mkdir(parents=True, exist_ok=True)
    berkas: list[tuple[Path, Path]] = []
    catatan: list[Baris] = []
    sidik: dict[tuple[str, str, str], dict[int, str]] = {}
    akhir = folder
    try:
        for i, b in enumerate(siap, start=1):
            ktx.umpan.status(f"Membuat format {i}/{len(siap)}: {b.kode} …")
            st = stempel.terbitkan(isi[b.kode], b.kode, tahun, secret, waktu, BARIS_JUDUL, putaran)
            sidik[(b.kode, str(tahun), putaran)] = stempel.sidik_per_versi(
                isi[b.kode], b.kode, tahun, secret
            )
            akhir = folder / nama_format(b.kode, tahun, putaran)
            berkas.append((folder / f".~{akhir.stem}.{os.getpid()}.xlsx", akhir))
            identitas = [
                ("Bagian", b.nama),
                ("Kode Bagian", b.kode),
                ("Tahun", str(tahun)),
                ("Batas Waktu Pengembalian", batas),
                ("Narahubung", peng["Narahubung"] or "-"),
            ]
            tulis_format(berkas[-1][0], isi[b.kode], st, identitas, skala_urut)
            catatan.append(
                {
                    "ID Format": st.id_format,
                    "Kode Bagian": b.kode,
                    "Tahun": tahun,
                    "Waktu Terbit": waktu,
                    "Berkas": akhir.name,
                    "Versi Templat": st.versi_templat,
                    "Sidik Konten": st.sidik_konten,
                    "Status": BERLAKU,
                    "Periode": putaran,
                }
            )
        # Recorded before the files are moved into place: a failure while recording leaves
        # format/ untouched, and the formats in place are always ones `Format Terbit` knows.
        diganti, batal_catat = _catat_terbit(ktx.buku, catatan, sidik)
        try:
            _pasang(berkas)
        except BaseException:
            with contextlib.suppress(Exception):  # the failure's own message goes on
                batal_catat()  # the live workbook in Excel shows no issue without its file
            raise
    except OSError as exc:
        raise _galat_format(exc, akhir) from exc
    finally:
        for sementara, _ in berkas:
            with contextlib.suppress(OSError):
                sementara.unlink()
    if batas_waktu is not None:  # the e-mails (step 3) and reminders state the same date
        catat_pengaturan(ktx.buku, {"Batas Waktu Pengembalian": batas})
    relatif = folder.relative_to(ktx.buku.folder.resolve()).as_posix()
    ringkasan = (
        f"{len(berkas)} format IKU {uraian(putaran, tahun)} dibuat di folder {relatif}/ "
        f"({', '.join(b.kode for b in siap)}), batas waktu pengembalian {batas}."
    )
    if kosong:
        ringkasan += f" Dilewati karena belum ada indikator: {', '.join(kosong)}."
    if diganti:
        ringkasan += f" {diganti} format terbitan lama ditandai {DIGANTI} karena isinya berubah."
    return Hasil(ringkasan, [akhir for _, akhir in berkas], periode=putaran)
