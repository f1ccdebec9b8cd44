"""Building the master workbook: the builder (`master`, XlsxWriter, with the VBA project made
from the sources in `vba/` by `pyxl.berkas.ovba`), a new working folder (`kerja`, `pyxl init`),
checking a master file is whole (`periksa`) and carrying a master's data into a freshly built
one (`perbarui`: `pyxl perbarui`, and next year's master).

May import `pyxl.dokumen` and everything below it.
"""
