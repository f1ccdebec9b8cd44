"""Running a step: what it gets and gives (`konteks`), the runner that logs, saves and undoes a
failed step (`proses`), recovery of a run that died (`pemulihan`), and telling the user
(`umpan`: console or Excel).

May import `pyxl.bangun` and everything below it; it never imports a step (steps are handed to
the runner by `pyxl.langkah`).
"""
