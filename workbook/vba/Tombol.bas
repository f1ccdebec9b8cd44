Attribute VB_Name = "Tombol"
' Tombol-tombol di sheet Kendali.
' Setiap Sub memanggil satu fungsi Python di modul pyxl.tombol melalui RunPython (xlwings).
' Fungsi Python yang sama dijalankan oleh perintah `pyxl <nama>` pada buku kerja tertutup.
' Interpreter Python diatur di sheet xlwings.conf (INTERPRETER_WIN / INTERPRETER_MAC).
Option Explicit

Sub Disposisi()
    RunPython "import pyxl.tombol; pyxl.tombol.disposisi()"
End Sub

Sub Status()
    RunPython "import pyxl.tombol; pyxl.tombol.status()"
End Sub

Sub Cek()
    RunPython "import pyxl.tombol; pyxl.tombol.cek()"
End Sub
