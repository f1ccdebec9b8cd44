"""Numbers as Bagian type them, through a real spreadsheet program, into the master.

A return is filled in LibreOffice Calc and saved as a person saves it: a percentage typed with
its sign, a cell holding a percent number format, amounts written with "Rp" and ",-", and a
qualitative value chosen from the scale's dropdown. Step 6 merges the right numbers with a
`Peringatan` naming each guessed cell; step 7 measures the SAKIP grade on its scale.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from pyxl.cli import main
from pyxl.kontrak import skema

BATAS = "--batas-waktu=20 Januari 2027"


@pytest.fixture
def kerja(tmp_path: Path) -> Path:
    k = tmp_path / "kerja"
    assert main(["init", str(k), "--contoh"]) == 0
    assert main(["format", "--workbook", str(k / skema.NAMA_MASTER), BATAS]) == 0
    return k


def _sheet(kerja: Path, sheet: str) -> list[dict[str, Any]]:
    ws = openpyxl.load_workbook(kerja / skema.NAMA_MASTER, read_only=True)[sheet]
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:] if any(v is not None for v in r)]


def test_kiriman_diisi_di_libreoffice_digabung_dengan_angka_yang_benar(kerja: Path) -> None:
    from libreoffice import probe, ubah

    berkas = kerja / "format" / "ORG_Format_IKU_2026.xlsx"
    kiriman = kerja / "masuk" / "ORG_isi.xlsx"
    kiriman.write_bytes(berkas.read_bytes())
    f = "Format IKU"
    ubah(
        kiriman,
        [
            # IKU-ORG-01, Predikat SAKIP, target BB: "B" picked from the dropdown
            {"sheet": f, "cell": "J9", "nilai": "B"},
            {"sheet": f, "cell": "N9", "nilai": "Rp 548.000.000,-"},
            # IKU-ORG-02 (Nilai): the English decimal point of a web page
            {"sheet": f, "cell": "J10", "nilai": "71.5"},
            {"sheet": f, "cell": "N10", "nilai": "Rp.399.471.900"},
            # IKU-ORG-03 (%), target 80: a cell with a percent number format (pasted)
            {"sheet": f, "cell": "J11", "nilai": {"angka": 0.9286, "format": "0.00%"}},
            {"sheet": f, "cell": "N11", "nilai": "Rp. 222.275.313,-"},
            # IKU-ORG-04 (Indeks): a number with its unit, typed as text
            {"sheet": f, "cell": "J12", "nilai": "82,5 poin"},
            {"sheet": f, "cell": "N12", "nilai": 150_000_000},
        ],
    )
    dilihat = probe(kiriman, "--data", f)["data"][f]
    assert dilihat[10][9][3] == "0.00%", "LibreOffice saved the percent format"
    assert main(["himpun", "--workbook", str(kerja / skema.NAMA_MASTER), "--tanpa-imap"]) == 0

    status = {r["Berkas"]: r["Status"] for r in _sheet(kerja, skema.PENERIMAAN)}
    assert status == {"ORG_isi.xlsx": "Diterima"}
    org = {r["Kode IKU"]: r for r in _sheet(kerja, "ORG")}
    assert org["IKU-ORG-01"]["Realisasi"] == "B"
    assert org["IKU-ORG-02"]["Realisasi"] == pytest.approx(71.5)
    assert org["IKU-ORG-03"]["Realisasi"] == pytest.approx(92.86)
    assert org["IKU-ORG-04"]["Realisasi"] == pytest.approx(82.5)
    anggaran = [org[f"IKU-ORG-0{i}"]["Realisasi Anggaran"] for i in range(1, 5)]
    assert anggaran == [548_000_000, 399_471_900, 222_275_313, 150_000_000]

    temuan = {
        (r["Kode Masalah"], r["Sel"]): r["Pesan"]
        for r in _sheet(kerja, skema.VALIDASI)
        if r["Berkas"] == "ORG_isi.xlsx"
    }
    # IKU-ORG-01 needs evidence (the sample's `Perlu Bukti`) and the return names none
    assert set(temuan) == {
        ("ANGKA_DITEBAK", "J11"),
        ("ANGKA_DITEBAK", "J12"),
        ("BUKTI_TIDAK_ADA", "ORG!V2"),
    }, temuan
    assert "berformat persen" in temuan["ANGKA_DITEBAK", "J11"]
    assert "92,86" in temuan["ANGKA_DITEBAK", "J11"]
    assert "'poin' dianggap satuan" in temuan["ANGKA_DITEBAK", "J12"]

    assert main(["analisis", "--workbook", str(kerja / skema.NAMA_MASTER)]) == 0
    analisis = {
        r["Kode IKU"]: r for r in _sheet(kerja, skema.ANALISIS) if r["Kode Bagian"] == "ORG"
    }
    org1 = analisis["IKU-ORG-01"]
    assert org1["Capaian (%)"] == pytest.approx(80.0), "B against BB on the SAKIP scale: 4/5"
    assert org1["Kategori"] == "Tinggi"
    assert org1["Rumus Capaian"] == "Skala Predikat SAKIP (proporsional)"
    assert analisis["IKU-ORG-03"]["Capaian (%)"] == pytest.approx(92.86 / 80 * 100)
    assert analisis["IKU-ORG-03"]["Rumus Capaian"] == "R/T"


def test_persen_diketik_di_sel_format_persen_terlihat_dan_diperingatkan(kerja: Path) -> None:
    """ "92,86%" typed where the format shows its own "%" is stored 0,9286 and shows "0,9286 %"
    (LibreOffice keeps the format's number format): merged as shown, with a warning that says
    to type 92,86 — never silently."""
    from libreoffice import probe, ubah

    kiriman = kerja / "masuk" / "RENKEU.xlsx"
    kiriman.write_bytes((kerja / "format" / "RENKEU_Format_IKU_2026.xlsx").read_bytes())
    f = "Format IKU"
    ubah(kiriman, [{"sheet": f, "cell": "J12", "nilai": {"rumus": "92.86%"}}])  # RENKEU-04, %
    sel = probe(kiriman, "--data", f)["data"][f][11][9]
    assert sel[1] == pytest.approx(0.9286) and sel[3] == 'General" %"'
    assert main(["himpun", "--workbook", str(kerja / skema.NAMA_MASTER), "--tanpa-imap"]) == 0
    renkeu = {r["Kode IKU"]: r for r in _sheet(kerja, "RENKEU")}
    assert renkeu["IKU-RENKEU-04"]["Realisasi"] == pytest.approx(0.9286)
    pesan = [
        r["Pesan"]
        for r in _sheet(kerja, skema.VALIDASI)
        if r["Kode Masalah"] == "ANGKA_DITEBAK" and r["Sel"] == "J12"
    ]
    assert len(pesan) == 1 and "ketik 92,86" in pesan[0]
