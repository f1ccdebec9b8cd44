"""The pure domain: numbers, capaian, findings, the stamp, and the rules a return must meet.

Functions over plain values and bytes (`angka` the one number reader, `capaian` the analysis,
`kategori` its rating scale (without pandas, for the documents), `temuan` findings, `stempel`
the stamp and its signature, `pindai`/`isian`/`kembalian` the rules of a returned format,
`indo` Indonesian formats, `sel` cells as staff read them). No workbook, no file system, no
clock: it may import only `pyxl.kontrak` and `pyxl.galat`.
"""
