"""Files on disk: atomic writes and the Indonesian reason a write failed (`tulis`), the
working folder's lock and the run journal (`kunci`), the write-once archive with its manifest
(`arsip`), the compound-file format under VBA projects and Outlook .msg (`cfb`), and VBA
projects themselves (`ovba`, [MS-OVBA]).

May import only `pyxl.galat` (and `pyxl.kontrak`).
"""
