"""Tools around the steps: `pyxl demo` (`demo`) and the simulated returns of the sample
Bagian it and the tests use (`simulasi`).

May import `pyxl.langkah` and everything below it.
"""
