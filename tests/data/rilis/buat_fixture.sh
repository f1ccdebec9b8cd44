#!/usr/bin/env bash
# Build the fixture masters for `pyxl perbarui`: a master written by an earlier pyxl release,
# with data merged mid-cycle (SOP steps 1-6 run, 5 of 10 Bagian merged, 1 return refused).
#
# Usage:
#   buat_fixture.sh rilis REPO SHA OUT SCRATCH
#       Check out SHA of the git repository REPO in a detached worktree under SCRATCH, install it
#       into a throwaway venv under SCRATCH (pip install -e), run `langkah` into a working folder
#       under SCRATCH and copy the master (and masuk/ + format/) to OUT/<short sha>/.
#       The worktree is removed afterwards; SCRATCH/venv-<sha>, SCRATCH/kerja-<sha> and
#       SCRATCH/pip-freeze-<sha>.txt stay for inspection (delete SCRATCH when done).
#   buat_fixture.sh langkah PYTHON DIR
#       Run the SOP steps 1-6 into the new working folder DIR with the pyxl that PYTHON imports.
#
# Environment: PYTHON_BASE (interpreter for the venvs, default python3.11),
#              PIP_ARGS (extra arguments for pip install, e.g. a local wheel cache).
#
# Reproducibility: every command runs under libfaketime (Debian package `faketime`; required)
# with the clock frozen at a fixed moment of January 2027 (TZ=Asia/Jakarta), PYTHONHASHSEED=0,
# and through a small launcher that makes os.urandom, `random`, `secrets` and e-mail Message-IDs
# deterministic (stamp secret, format IDs, Message-IDs) and stamps zip entries written from
# temporary files with the (frozen) clock instead of the file's real mtime. The returns get
# fixed mtimes (the receipt time pyxl records). Same release + same library versions -> same
# files, byte for byte.
#
# Data (the same at every release; only CLI options and modules that exist since a97ff19 are
# used: pyxl.simulasi.isi_format/isian_contoh, pyxl.stempel.baca_stempel, pyxl.jalan.jalankan,
# with a fallback to their paths after the package split of e28f0bc, and pyxl.buku.xlsm.buka
# from 4b74669 on):
#   init --tahun 2026 --contoh            10 Bagian of the built-in sample
#   disposisi (5 Jan 2027), format (6 Jan, batas waktu 20 Jan), kirim --mode draf (6 Jan),
#   undangan --mode draf (7 Jan, rapat 14 Jan 09.00), rapat (14 Jan)
#   returns in masuk/ (15-16 Jan):
#     HUKUM.xlsx, KESRA.xlsx, EKON.xlsx, RENKEU.xlsx  sample values             -> Diterima
#     TAPEM.xlsx        sample values, first Realisasi left empty               -> Diterima + warning
#     salinan HUKUM.xlsx  byte copy of HUKUM.xlsx                               -> Duplikat
#     UMUM.xlsx         sample values but a locked Target cell changed          -> Ditolak
#   himpun --tanpa-imap (16 Jan 10:00), ingatkan --mode draf (17 Jan 08:00: reminders to the
#   5 Bagian without an accepted return: ADPEM, ORG, PBJ, PROKOPIM, UMUM), then the step behind
#   the Kendali button "Perbarui Status" (17 Jan 08:05; writes Kendali's status per Bagian)
set -euo pipefail

TAHUN=2026
export TZ=Asia/Jakarta PYTHONHASHSEED=0 PYXL_PENGGUNA=fixture NO_FAKE_STAT=1
unset PYXL_IMAP_PASSWORD PYXL_SMTP_PASSWORD

command -v faketime >/dev/null || { echo "faketime tidak ada (apt-get install faketime)" >&2; exit 1; }

PELUNCUR='
"""Run `python -m pyxl ARGS` (or `-c CODE ARGS`) deterministically (fixture builds only)."""
import hashlib, os, sys, time, zipfile

_benih = "pyxl-fixture-rilis"
_hitung = [0]

def _acak(n):
    keluar = b""
    while len(keluar) < n:
        _hitung[0] += 1
        keluar += hashlib.sha256(f"{_benih}:{_hitung[0]}".encode()).digest()
    return keluar[:n]

os.urandom = _acak
import random
random._urandom = _acak          # SystemRandom, hence secrets.token_hex
random.seed(_benih)
import email.utils

def _msgid(idstring=None, domain=None):
    waktu = int(time.time() * 100)
    tambahan = f".{idstring}" if idstring else ""
    ranah = domain or "localhost"
    return f"<{waktu}.{random.getrandbits(64)}{tambahan}@{ranah}>"

email.utils.make_msgid = _msgid
_asli_from_file = zipfile.ZipInfo.from_file.__func__

def _dari_berkas(cls, *args, **kwargs):
    # openpyxl (the file adapter before 84e8724, and the simulated returns) zips worksheets
    # from temporary files: their real mtime would leak into the zip entries. XlsxWriter
    # stamps its temporary files with a fixed 1980 date on purpose: that stays.
    info = _asli_from_file(cls, *args, **kwargs)
    if info.date_time[0] >= 2000:
        info.date_time = time.localtime(time.time())[:6]
    return info

zipfile.ZipInfo.from_file = classmethod(_dari_berkas)
if sys.argv[1:2] == ["-c"]:
    kode = sys.argv[2]
    sys.argv = ["-c", *sys.argv[3:]]
    exec(compile(kode, "<simulasi>", "exec"), {"__name__": "__main__"})
else:
    import runpy
    sys.argv[0] = "pyxl"
    runpy.run_module("pyxl", run_name="__main__", alter_sys=True)
'

SIMULASI='
"""Fill returns the way the tests do (pyxl.simulasi), with fixed mtimes."""
import os, shutil, sys
from datetime import datetime
from pathlib import Path

import openpyxl

try:  # module paths up to 44bbac6
    from pyxl import skema
    from pyxl.simulasi import isi_format, isian_contoh
    from pyxl.stempel import SHEET_FORMAT, baca_stempel
except ImportError:  # packages by layer (e28f0bc on)
    from pyxl.alat.simulasi import isi_format, isian_contoh
    from pyxl.inti.stempel import SHEET_FORMAT, baca_stempel
    from pyxl.kontrak import skema

kerja, tahun = Path(sys.argv[1]), int(sys.argv[2])
fmt = lambda kode: kerja / skema.FOLDER_FORMAT / f"{kode}_Format_IKU_{tahun}.xlsx"
masuk = kerja / skema.FOLDER_MASUK
masuk.mkdir(exist_ok=True)

def waktu(p, teks):
    t = datetime.strptime(teks, "%Y-%m-%d %H:%M").timestamp()
    os.utime(p, (t, t))

jam = {"HUKUM": "15 08:10", "KESRA": "15 09:20", "EKON": "15 10:30", "RENKEU": "15 13:40"}
for kode, j in jam.items():
    waktu(isi_format(fmt(kode), masuk / f"{kode}.xlsx", isian_contoh(kode)), f"{tahun + 1}-01-{j}")

isian = isian_contoh("TAPEM")
isian[0]["Realisasi"] = None
waktu(isi_format(fmt("TAPEM"), masuk / "TAPEM.xlsx", isian), f"{tahun + 1}-01-15 14:50")

salinan = masuk / "salinan HUKUM.xlsx"
shutil.copyfile(masuk / "HUKUM.xlsx", salinan)
waktu(salinan, f"{tahun + 1}-01-16 07:30")

umum = isi_format(fmt("UMUM"), masuk / "UMUM.xlsx", isian_contoh("UMUM"))
stempel = baca_stempel(fmt("UMUM"))
wb = openpyxl.load_workbook(umum)
sel = wb[SHEET_FORMAT].cell(row=stempel.baris_judul + 1, column=skema.KOLOM_INDIKATOR.index("Target") + 1)
sel.value = 1.0 if sel.value != 1.0 else 2.0
wb.save(umum)
waktu(umum, f"{tahun + 1}-01-16 08:45")
'

STATUS='
"""What the Kendali button "Perbarui Status" does (the CLI `pyxl status` only reads)."""
import sys
from pathlib import Path

try:  # module paths up to 44bbac6
    from pyxl.buku_berkas import buka
    from pyxl.jalan import Konteks, jalankan
    from pyxl.umpan import UmpanKonsol
except ImportError:  # packages by layer (e28f0bc on)
    try:
        from pyxl.buku.berkas import buka
    except ImportError:  # buka beside BukuZip (4b74669 on)
        from pyxl.buku.xlsm import buka
    from pyxl.jalan.konteks import Konteks
    from pyxl.jalan.umpan import UmpanKonsol
    from pyxl.langkah import jalankan

with buka(Path(sys.argv[1])) as buku:
    jalankan("status", Konteks(buku, UmpanKonsol(), pengguna="fixture"))
'

langkah() {
    local py=$1 dir=$2 th=$((TAHUN + 1))
    local m="$dir/Pengumpulan_Data_Kinerja.xlsm"
    [ ! -e "$dir" ] || { echo "$dir sudah ada" >&2; exit 1; }
    local peluncur
    peluncur=$(mktemp --suffix=.py)
    printf '%s' "$PELUNCUR" >"$peluncur"
    pada() {  # pada "YYYY-MM-DD HH:MM:SS" pyxl-args...
        local saat=$1
        shift
        echo "+ [$saat] pyxl $*"
        timeout 900 faketime -f "$saat" "$py" "$peluncur" "$@"
    }
    "$py" -c 'import pyxl, sys; print("pyxl dari", pyxl.__file__, file=sys.stderr)'
    pada "$th-01-05 08:00:00" init "$dir" --tahun "$TAHUN" --contoh
    pada "$th-01-05 09:00:00" disposisi --workbook "$m" --tanggal "5 Januari $th" \
        --surat-dari "Sekretaris Daerah" --nomor-surat "000.7.5/012/I.10-WK/$th" \
        --tanggal-surat "2 Januari $th" --perihal "Penyusunan Laporan Kinerja Tahun $TAHUN"
    pada "$th-01-06 09:00:00" format --workbook "$m" --batas-waktu "20 Januari $th"
    pada "$th-01-06 10:00:00" kirim --workbook "$m" --mode draf
    pada "$th-01-07 09:00:00" undangan --workbook "$m" --tanggal "7 Januari $th" \
        --tanggal-rapat "14 Januari $th" --jam 09.00 --mode draf
    pada "$th-01-14 11:00:00" rapat --workbook "$m"
    echo "+ [$th-01-16 09:00:00] simulasi kiriman balik ke masuk/"
    timeout 900 faketime -f "$th-01-16 09:00:00" "$py" "$peluncur" -c "$SIMULASI" "$dir" "$TAHUN"
    pada "$th-01-16 10:00:00" himpun --workbook "$m" --tanpa-imap
    pada "$th-01-17 08:00:00" ingatkan --workbook "$m" --mode draf
    echo "+ [$th-01-17 08:05:00] tombol Perbarui Status (langkah status, menulis Kendali)"
    timeout 900 faketime -f "$th-01-17 08:05:00" "$py" "$peluncur" -c "$STATUS" "$m"
    rm -f "$peluncur"
}

rilis() {
    local repo=$1 sha=$2 out=$3 scratch=$4
    local penuh pendek
    penuh=$(git -C "$repo" rev-parse --verify "$sha^{commit}")
    pendek=${penuh:0:7}
    mkdir -p "$scratch" "$out"
    scratch=$(cd "$scratch" && pwd)
    local wt="$scratch/wt-$pendek" venv="$scratch/venv-$pendek" kerja="$scratch/kerja-$pendek"
    rm -rf "$venv" "$kerja"
    git -C "$repo" worktree add --detach "$wt" "$penuh" >/dev/null
    WT_HAPUS=("$repo" "$wt")
    trap 'git -C "${WT_HAPUS[0]}" worktree remove --force "${WT_HAPUS[1]}"' EXIT
    "${PYTHON_BASE:-python3.11}" -m venv "$venv"
    # shellcheck disable=SC2086
    "$venv/bin/pip" install -q ${PIP_ARGS:-} -e "$wt"
    "$venv/bin/pip" freeze --exclude-editable >"$scratch/pip-freeze-$pendek.txt"
    langkah "$venv/bin/python" "$kerja"
    local tujuan="$out/$pendek"
    rm -rf "$tujuan"
    mkdir -p "$tujuan"
    cp "$kerja/Pengumpulan_Data_Kinerja.xlsm" "$tujuan/"
    local ukuran
    ukuran=$(du -cb "$kerja/masuk" "$kerja/format" | tail -1 | cut -f1)
    if [ "$ukuran" -lt 307200 ]; then
        cp -r "$kerja/masuk" "$kerja/format" "$tujuan/"
    else
        echo "masuk/ + format/ = $ukuran bytes: tidak disalin" >&2
    fi
    echo "fixture: $tujuan ($penuh)"
}

case "${1:-}" in
    langkah) shift; [ $# -eq 2 ] || { sed -n 2,16p "$0"; exit 2; }; langkah "$@" ;;
    rilis) shift; [ $# -eq 4 ] || { sed -n 2,16p "$0"; exit 2; }; rilis "$@" ;;
    *) sed -n 2,16p "$0"; exit 2 ;;
esac
