"""Installing on Windows: the offline bundle (`paket`), its installer (`pemasang`, standard
library only, also the Windows registry port) and the diagnosis of what stops buttons in the
field (`diagnosa`, `pyxl cek`).

May import `pyxl.jalan` and everything below it.
"""
