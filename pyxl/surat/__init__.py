"""Letters by the tata naskah rules: the letterhead and signature blocks (`kop`), the letter
register and its contiguous numbers (`nomor`), and the meeting an invitation announces
(`rapat`).

May import `pyxl.surel` and everything below it (`buku`, `berkas`, `inti`, `kontrak`, `galat`).
"""
