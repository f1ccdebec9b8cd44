"""The workbook port and its two adapters, and what every step reads and writes through it.

`port` is the interface (read a sheet, write a block); `xlsm` the closed-file adapter (opened
with `buka`, saved by `berkas`, atomically and with a backup) and `excel` the live adapter for
the buttons (it never imports xlwings: it is handed the book). On top of the port: table sheets
(`tabel`), settings (`pengaturan`), the Bagian list and indicators (`daftar`), `Kendali`
(`kendali`) and the very hidden `Sistem` sheet (`sistem`). May import `pyxl.berkas`,
`pyxl.inti`, `pyxl.contoh`, `pyxl.kontrak` and `pyxl.galat`.
"""
