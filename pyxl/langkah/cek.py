"""`pyxl cek` (button 'Cek Lingkungan'): the environment check, on the open workbook.

Read only: it reports (`pyxl.pasang.diagnosa`) and changes nothing; any GAGAL makes the command
exit 1.
"""

from __future__ import annotations

from pyxl.jalan.konteks import Hasil, Konteks
from pyxl.pasang.diagnosa import GAGAL, laporan, periksa


def jalankan(ktx: Konteks) -> Hasil:
    temuan = periksa(ktx.buku, ktx.buku.berkas)
    return Hasil(laporan(temuan), ubah_buku=False, gagal=any(x.tingkat == GAGAL for x in temuan))
