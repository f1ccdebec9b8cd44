"""The Word templates pyxl renders, installed as the data package `pyxl.templates` (README.md)."""
