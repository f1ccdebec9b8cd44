"""The built-in sample data (`setda_way_kanan.toml`) and its loader (`muat`).

Used by `pyxl init --contoh`, `pyxl demo`, the benchmarks and the tests; may import only
`pyxl.kontrak`.
"""
