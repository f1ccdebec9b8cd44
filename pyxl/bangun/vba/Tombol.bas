Attribute VB_Name = "Tombol"
' Tombol-tombol di sheet Kendali.
' Setiap Sub memanggil satu fungsi Python di modul pyxl.tombol melalui RunPython (xlwings).
' Fungsi Python yang sama dijalankan oleh perintah `pyxl <nama>` pada buku kerja tertutup.
' Interpreter Python diatur di sheet xlwings.conf (INTERPRETER_WIN / INTERPRETER_MAC).
Option Explicit
' Nama Sub diberi awalan agar tidak menutupi fungsi bawaan VBA (misalnya Format).

Sub Langkah1_Disposisi()
    RunPython "import pyxl.tombol; pyxl.tombol.disposisi()"
End Sub

Sub Langkah2_Format()
    RunPython "import pyxl.tombol; pyxl.tombol.format()"
End Sub

Sub Langkah3_Kirim()
    RunPython "import pyxl.tombol; pyxl.tombol.kirim()"
End Sub

Sub Langkah4_Undangan()
    RunPython "import pyxl.tombol; pyxl.tombol.undangan()"
End Sub

Sub Langkah5_Rapat()
    RunPython "import pyxl.tombol; pyxl.tombol.rapat()"
End Sub

Sub Langkah6_Himpun()
    RunPython "import pyxl.tombol; pyxl.tombol.himpun()"
End Sub

Sub Langkah7_Analisis()
    RunPython "import pyxl.tombol; pyxl.tombol.analisis()"
End Sub

Sub Langkah8_Dokumen()
    RunPython "import pyxl.tombol; pyxl.tombol.dokumen()"
End Sub

Sub Langkah10_Setujui()
    RunPython "import pyxl.tombol; pyxl.tombol.setujui()"
End Sub

Sub Langkah12_Pengantar()
    RunPython "import pyxl.tombol; pyxl.tombol.pengantar()"
End Sub

Sub Langkah13_Arsip()
    RunPython "import pyxl.tombol; pyxl.tombol.arsip()"
End Sub

Sub Alat_Ingatkan()
    RunPython "import pyxl.tombol; pyxl.tombol.ingatkan()"
End Sub

Sub Alat_Status()
    RunPython "import pyxl.tombol; pyxl.tombol.status()"
End Sub

Sub Alat_Laporan()
    RunPython "import pyxl.tombol; pyxl.tombol.laporan()"
End Sub

Sub Alat_Cek()
    RunPython "import pyxl.tombol; pyxl.tombol.cek()"
End Sub

Sub Alat_HimpunUlang()
    RunPython "import pyxl.tombol; pyxl.tombol.himpun_ulang()"
End Sub

Sub Alat_BagianTambah()
    RunPython "import pyxl.tombol; pyxl.tombol.bagian_tambah()"
End Sub

Sub Alat_BagianUbah()
    RunPython "import pyxl.tombol; pyxl.tombol.bagian_ubah()"
End Sub

Sub Alat_BagianHapus()
    RunPython "import pyxl.tombol; pyxl.tombol.bagian_hapus()"
End Sub

Sub Alat_Perbarui()
    RunPython "import pyxl.tombol; pyxl.tombol.perbarui()"
End Sub

Sub Alat_TahunBaru()
    RunPython "import pyxl.tombol; pyxl.tombol.tahun_baru()"
End Sub
