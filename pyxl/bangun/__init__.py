"""Building the master workbook: the builder (`master`, XlsxWriter), the VBA project from the
sources in `vba/` (`ovba`, on `pyxl.berkas.cfb`) and a new working folder (`kerja`, `pyxl
init`).

May import `pyxl.dokumen` and everything below it.
"""
