"""pyxl — otomasi SOP Pengumpulan Data Kinerja Sekretariat Daerah Kabupaten Way Kanan.

The buttons on the master workbook's `Kendali` sheet (through xlwings) and the `pyxl` commands
run the same core functions. Keep this module free of imports: every button click starts a
fresh Python, and whatever is imported here is paid on every click.
"""

__version__ = "0.1.0"
