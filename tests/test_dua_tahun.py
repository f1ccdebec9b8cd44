"""Two years of the SOP in one office: the 2026 round (the demo), a reorganisation (ORG renamed
ORTALA, PBJ retired, KS added and its indicators typed in), the Renstra's 2027 targets typed as
`Target 2027` columns in LibreOffice, `pyxl tahun-baru`, then the 2027 round on the new
folder, with 2026's figures as last year's."""

from __future__ import annotations

import hashlib
import math
import re
import shutil
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

import libreoffice
from bantu import baris_sheet
from conftest import sidik_folder
from pyxl.alat.demo import demo
from pyxl.alat.simulasi import isi_format
from pyxl.berkas import arsip_masuk
from pyxl.cli import main
from pyxl.inti.sel import huruf_kolom
from pyxl.inti.stempel import SHEET_FORMAT, baca_stempel
from pyxl.jalan.umpan import UmpanKonsol
from pyxl.kontrak import skema

KOLOM = {k: i + 1 for i, k in enumerate(skema.KOLOM_INDIKATOR)}
KS = [
    {
        "Kode IKU": "IKU-KS-01",
        "Sasaran": "Meningkatnya kerja sama daerah yang memberi manfaat",
        "Indikator Kinerja": "Jumlah naskah kerja sama daerah yang ditandatangani",
        "Definisi Operasional": "Naskah kesepakatan bersama dan perjanjian kerja sama yang "
        "ditandatangani Bupati dalam tahun berjalan.",
        "Formula": "Jumlah naskah kerja sama yang ditandatangani",
        "Satuan": "Dokumen",
        "Polaritas": "Positif",
        "Target Akhir Renstra": 30,
        "Pagu Anggaran": 150000000,
        "Sumber Data": "Register naskah kerja sama",
        "Penanggung Jawab": "Kepala Subbagian Kerja Sama",
    },
    {
        "Kode IKU": "IKU-KS-02",
        "Sasaran": "Meningkatnya kerja sama daerah yang memberi manfaat",
        "Indikator Kinerja": "Persentase kerja sama daerah yang dievaluasi",
        "Definisi Operasional": "Kerja sama yang dievaluasi pelaksanaannya dibanding seluruh "
        "kerja sama yang berlaku.",
        "Formula": "(Kerja sama dievaluasi / kerja sama berlaku) x 100%",
        "Satuan": "%",
        "Polaritas": "Positif",
        "Target Akhir Renstra": 100,
        "Pagu Anggaran": 90000000,
        "Sumber Data": "Laporan evaluasi kerja sama",
        "Penanggung Jawab": "Kepala Subbagian Kerja Sama",
    },
]
"""The new Bagian's indicators, typed into its sheet after `pyxl bagian tambah KS`."""
TARGET_KS = {"IKU-KS-01": 6, "IKU-KS-02": 80}


def _indikator(master: Path, sheet: str) -> list[dict[str, Any]]:
    return [r for r in baris_sheet(master, sheet) if r.get("Kode IKU")]


def _aktif(master: Path) -> list[str]:
    return [r["Kode"] for r in baris_sheet(master, skema.BAGIAN)]


def _angka(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _target_baru(t: Any) -> Any:
    """The Renstra's 2027 target from 2026's: numbers a little higher, texts the same."""
    return round(t * 1.05, 2) if _angka(t) and t > 0 else t


def _realisasi_2027(lalu: Any, target: Any, polaritas: str) -> Any:
    """What a Bagian reports for 2027."""
    if polaritas == "Kualitatif":
        return target
    dasar = lalu if _angka(lalu) else target
    return round(dasar * 1.1, 2) if dasar else 1


def _indo(x: float) -> str:
    """A number as the document writes it: at most two decimals, Indonesian separators."""
    teks = f"{x:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return teks.rstrip("0").rstrip(",")


def _status(keluar: str) -> dict[int, str]:
    return {int(m[1]): m[2] for m in re.finditer(r"^\s*(\d+)\. (\S+)", keluar, re.M)}


def _teks_docx(berkas: Path) -> tuple[str, list[list[str]]]:
    d = docx.Document(str(berkas))
    tabel = [[c.text for c in r.cells] for t in d.tables for r in t.rows]
    return "\n".join(p.text for p in d.paragraphs), tabel


def _sha(folder: Path) -> set[str]:
    return {
        hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file() and p.name != "MANIFEST.sha256"
    }


def test_two_years_with_a_reorganisation_in_between(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # ------------------------------------------------------------------ 2026
    k26 = tmp_path / "Kinerja 2026"
    m26 = demo(k26, UmpanKonsol(diam=True))
    realisasi26 = {
        r["Kode IKU"]: r["Realisasi"] for kode in _aktif(m26) for r in _indikator(m26, kode)
    }
    analisis26 = baris_sheet(m26, skema.ANALISIS)
    assert {r["Kode IKU"]: r["Realisasi"] for r in analisis26} == realisasi26
    org26 = {k: v for k, v in realisasi26.items() if k.startswith("IKU-ORG-")}
    assert len(org26) == 4 and sum(v is not None for v in org26.values()) >= 3

    # ------------------------------------------------------------------ the reorganisation
    w26 = ["--workbook", str(m26)]
    assert main(["bagian", "ubah", "ORG", "--kode-baru", "ORTALA", *w26]) == 0
    assert main(["bagian", "hapus", "PBJ", *w26]) == 0
    assert (
        main(
            [
                "bagian",
                "tambah",
                "KS",
                "--nama",
                "Bagian Kerja Sama",
                "--asisten",
                "Asisten Pemerintahan dan Kesejahteraan Rakyat",
                "--kepala",
                "Rahmat Hidayat, S.IP., M.Si.",
                "--nip",
                "198203152006041002",
                "--pangkat",
                "Pembina (IV/a)",
                "--email",
                "ks@setda.waykanan.example",
                *w26,
            ]
        )
        == 0
    )
    aktif = _aktif(m26)
    assert "ORTALA" in aktif and "KS" in aktif and "PBJ" not in aktif and "ORG" not in aktif

    # KS's indicators, and the Renstra's 2027 targets as `Target 2027` (and `Target Atas
    # 2027` where a target is a range) in the first free columns, typed in LibreOffice
    wb = openpyxl.load_workbook(m26)
    ubahan: list[dict[str, Any]] = []
    for no, r in enumerate(KS, start=2):
        for k, v in r.items():
            ubahan.append({"sheet": "KS", "cell": f"{huruf_kolom(KOLOM[k])}{no}", "nilai": v})
    target27: dict[str, Any] = {}
    atas27: dict[str, Any] = {}
    for kode in aktif:
        ws = wb[kode]
        ada_atas = any(ws.cell(r, KOLOM["Target Atas"]).value for r in range(2, ws.max_row + 1))
        kolom_t = len(skema.KOLOM_INDIKATOR) + 1
        ubahan.append({"sheet": kode, "cell": f"{huruf_kolom(kolom_t)}1", "nilai": "Target 2027"})
        if ada_atas:
            ubahan.append(
                {"sheet": kode, "cell": f"{huruf_kolom(kolom_t + 1)}1", "nilai": "Target Atas 2027"}
            )
        baris = [(i, r["Kode IKU"]) for i, r in enumerate(KS, 2)] if kode == "KS" else []
        baris = baris or [
            (r, ws.cell(r, 1).value) for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value
        ]
        for no, iku in baris:
            t = TARGET_KS[iku] if kode == "KS" else _target_baru(ws.cell(no, KOLOM["Target"]).value)
            target27[iku] = t
            ubahan.append({"sheet": kode, "cell": f"{huruf_kolom(kolom_t)}{no}", "nilai": t})
            atas = ws.cell(no, KOLOM["Target Atas"]).value if kode != "KS" else None
            if atas is not None:
                atas27[iku] = _target_baru(atas)
                ubahan.append(
                    {"sheet": kode, "cell": f"{huruf_kolom(kolom_t + 1)}{no}", "nilai": atas27[iku]}
                )
    assert atas27, "the sample has range targets"
    libreoffice.ubah(m26, ubahan)
    sebelum = sidik_folder(k26)

    # ------------------------------------------------------------------ the new year
    k27 = tmp_path / "Kinerja 2027"
    capsys.readouterr()
    assert main(["tahun-baru", str(k27), "--dari", str(m26)]) == 0
    keluar = capsys.readouterr().out
    assert "belum punya target" not in keluar
    assert sidik_folder(k26) == sebelum
    m27 = k27 / skema.NAMA_MASTER
    w = ["--workbook", str(m27)]
    assert _aktif(m27) == aktif
    wb27 = openpyxl.load_workbook(m27)
    assert wb27["PBJ"].sheet_state == "hidden"  # retired: kept, hidden
    for kode in aktif:
        for r in _indikator(m27, kode):
            assert r["Target"] == target27[r["Kode IKU"]], r["Kode IKU"]
            assert r["Target Atas"] == atas27.get(r["Kode IKU"]), r["Kode IKU"]
            assert r["Realisasi Tahun Lalu"] == realisasi26.get(r["Kode IKU"]), r["Kode IKU"]
            assert r["Realisasi"] is None

    # the 2027 status before any step: nothing done, nobody has returned anything
    assert main(["status", *w]) == 0
    keluar = capsys.readouterr().out
    assert set(_status(keluar).values()) == {"Belum"} and len(_status(keluar)) == 13
    assert f"Belum mengirim data: {', '.join(aktif)}" in keluar

    # ------------------------------------------------------------------ the 2027 round
    assert main(["disposisi", *w, "--tanggal", "5 Januari 2028"]) == 0
    assert main(["format", *w, "--batas-waktu", "20 Januari 2028"]) == 0
    formats = sorted(p.name for p in (k27 / skema.FOLDER_FORMAT).iterdir())
    assert formats == sorted(f"{k}_Format_IKU_2027.xlsx" for k in aktif)
    assert not [f for f in formats if f.startswith(("PBJ_", "ORG_"))]
    capsys.readouterr()
    assert main(["status", *w]) == 0
    langkah = _status(capsys.readouterr().out)
    assert langkah[1] == langkah[2] == "Selesai"
    assert {langkah[n] for n in range(3, 14)} == {"Belum"}
    undangan = [
        "undangan",
        *w,
        "--tanggal",
        "7 Januari 2028",
        "--tanggal-rapat",
        "14 Januari 2028",
        "--jam",
        "09.00",
        "--mode",
        "draf",
    ]
    assert main(undangan) == 0
    assert main(["rapat", *w]) == 0

    # the returns: 2027 figures; KS fills its format in LibreOffice
    polaritas = {r["Kode IKU"]: r["Polaritas"] for k in aktif for r in _indikator(m27, k)}
    real27: dict[str, Any] = {}
    for f in sorted((k27 / skema.FOLDER_FORMAT).iterdir()):
        kode = f.name.split("_Format_IKU_")[0]
        st = baca_stempel(f)
        assert st is not None and st.tahun == 2027
        ws = openpyxl.load_workbook(f)[SHEET_FORMAT]
        iku = [
            ws.cell(st.baris_judul + i, 1).value
            for i in range(1, 20)
            if ws.cell(st.baris_judul + i, 1).value
        ]
        isian = []
        for k in iku:
            real27[k] = _realisasi_2027(realisasi26.get(k), target27[k], polaritas[k])
            isian.append({"Realisasi": real27[k], "Realisasi Anggaran": 1_000_000})
        tujuan = k27 / skema.FOLDER_MASUK / f.name
        if kode == "KS":
            shutil.copy2(f, tujuan)
            libreoffice.ubah(
                tujuan,
                [
                    {
                        "sheet": SHEET_FORMAT,
                        "cell": f"{huruf_kolom(KOLOM['Realisasi'])}{st.baris_judul + i}",
                        "nilai": real27[k],
                    }
                    for i, k in enumerate(iku, start=1)
                ],
            )
        else:
            isi_format(f, tujuan, isian)
    assert main(["himpun", *w, "--tanpa-imap"]) == 0
    terima = baris_sheet(m27, skema.PENERIMAAN)
    assert sorted(r["Kode Bagian"] for r in terima) == sorted(aktif)
    assert {r["Status"] for r in terima} == {"Diterima"}
    assert [r["Realisasi"] for r in _indikator(m27, "KS")] == [real27[k] for k in TARGET_KS]

    # analysis: last year's figures are 2026's (ORTALA's are ORG's)
    assert main(["analisis", *w]) == 0
    analisis = baris_sheet(m27, skema.ANALISIS)
    assert sorted({r["Kode Bagian"] for r in analisis}) == sorted(aktif)
    assert len(analisis) == len(real27)
    ortala = [r for r in analisis if r["Kode Bagian"] == "ORTALA"]
    assert {r["Kode IKU"] for r in ortala} == set(org26)
    for r in analisis:
        k, lalu, kini = r["Kode IKU"], realisasi26.get(r["Kode IKU"]), real27[r["Kode IKU"]]
        if _angka(lalu):
            assert r["Realisasi Tahun Lalu"] == pytest.approx(lalu), k
        else:
            assert r["Realisasi Tahun Lalu"] == lalu, k
        if r["Polaritas"] == "Kualitatif" or not _angka(lalu):
            assert r["Perubahan"] is None and r["Arah"] is None, k
            continue
        assert r["Perubahan"] == pytest.approx(kini - lalu), k
        naik = kini > lalu
        arah = (
            "Tetap"
            if kini == lalu
            else ("Membaik" if naik != (r["Polaritas"] == "Negatif") else "Memburuk")
        )
        assert r["Arah"] == arah, k
    assert sum(r["Arah"] == "Membaik" for r in analisis) >= 10
    assert sum(r["Arah"] == "Memburuk" for r in analisis) >= 3  # the negative indicators
    for r in ortala:
        lalu = org26[r["Kode IKU"]]
        assert r["Realisasi Tahun Lalu"] == (pytest.approx(lalu) if _angka(lalu) else lalu)
    assert [
        r["Kode Bagian"] for r in baris_sheet(m27, skema.REKAP) if r["Kode Bagian"] != "SETDA"
    ] == aktif

    # the Dokumen IKU: the year is 2027, 2026's figures are last year's
    assert main(["dokumen", *w, "--tanggal", "28 Januari 2028"]) == 0
    dok = k27 / skema.FOLDER_DOKUMEN / "Dokumen_IKU_2027_v1.docx"
    assert dok.is_file()
    assert not list((k27 / skema.FOLDER_DOKUMEN).glob("Dokumen_IKU_2027_v2*"))
    [versi] = baris_sheet(m27, skema.DOKUMEN)
    assert versi["Versi"] == 1 and versi["Berkas"] == dok.name
    teks, tabel = _teks_docx(dok)
    assert "LAPORAN CAPAIAN KINERJA TAHUN 2027" in teks
    assert "membandingkan realisasi Tahun 2027 dengan realisasi Tahun 2026" in teks
    # a Setda IKU supported by the retired PBJ counts without it, and says so
    pbj = [c for r in tabel for c in r if "IKU-PBJ-01 (Bagian sudah dihapus, tidak dihitung)" in c]
    assert pbj, "the retired Bagian's indicator is named, not silently dropped"
    judul = ["No", "Indikator Kinerja", "Realisasi 2026", "Realisasi 2027", "Perubahan"]
    awal = next(i for i, r in enumerate(tabel) if r[:5] == judul)
    baris_dok = {}
    for r in tabel[awal + 1 :]:
        if r[0].isdigit():
            baris_dok[r[1]] = r
        elif len(set(r)) != 1:  # a Bagian's heading spans the row; anything else ends it
            break
    nama = {r["Indikator Kinerja"]: r["Kode IKU"] for r in analisis}
    assert set(baris_dok) == set(nama)
    for indikator, r in baris_dok.items():
        k = nama[indikator]
        lalu, kini = realisasi26.get(k), real27[k]
        assert r[2] == (_indo(lalu) if _angka(lalu) else (lalu or "-")), (k, r)
        assert r[3] == (_indo(kini) if _angka(kini) else kini), (k, r)

    # approval, cover letter, archive: the 2027 archive holds nothing of 2026
    assert main(["setujui", *w, "--tanggal", "30 Januari 2028"]) == 0
    assert main(["pengantar", *w, "--tanggal", "3 Februari 2028", "--mode", "draf"]) == 0
    assert main(["arsip", *w]) == 0
    arsip27 = sorted(p.name for p in (k27 / skema.FOLDER_ARSIP).rglob("*") if p.is_file())
    arsip26 = sorted(p.name for p in (k26 / skema.FOLDER_ARSIP).rglob("*") if p.is_file())
    assert "Dokumen_IKU_2027_v1_final.docx" in arsip27
    surat27 = [
        n for n in arsip27 if n.startswith(("undangan_rapat", "surat_pengantar", "disposisi"))
    ]
    assert sorted(surat27) == [
        "disposisi_2027_001.docx",
        "surat_pengantar_2_2028.docx",
        "undangan_rapat_1_2028.docx",
        "undangan_rapat_1_2028.pdf",  # as e-mailed
    ]
    surat26 = [
        n for n in arsip26 if n.startswith(("undangan_rapat", "surat_pengantar", "disposisi"))
    ]
    assert len(surat26) == 4 and not set(surat26) & set(arsip27)
    assert not [n for n in arsip27 if "2026" in n and not arsip_masuk.RE_ZIP.fullmatch(n)]
    assert not _sha(k27 / skema.FOLDER_ARSIP) & _sha(k26 / skema.FOLDER_ARSIP)
    register = baris_sheet(m27, skema.REGISTER_SURAT)
    assert [r["Nomor Surat"].split("/", 1)[1] for r in register] == [
        "1/I.10-WK/2028",
        "2/I.10-WK/2028",
    ]
    capsys.readouterr()
    assert main(["status", *w]) == 0
    langkah = _status(capsys.readouterr().out)
    assert langkah[3] == langkah[9] == "Belum"  # e-mails not sent, no correction round
    assert {langkah[n] for n in (1, 2, 4, 5, 6, 7, 8, 10, 11, 12, 13)} == {"Selesai"}
    assert math.isfinite(float(baris_sheet(m27, skema.REKAP)[-1]["Rata-rata Capaian (%)"]))
