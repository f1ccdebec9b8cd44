Attribute VB_Name = "Uji"
' Makro uji untuk pembaca independen (LibreOffice): menulis satu sel tanpa Python.
' Hanya ada pada varian uji buku kerja, tidak pada buku kerja yang dipakai staf.
Option Explicit

Sub TulisPenanda()
    ThisWorkbook.Worksheets("Kendali").Range("M1").Value = "Makro berjalan"
End Sub
