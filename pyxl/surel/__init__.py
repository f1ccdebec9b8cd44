"""E-mail out of pyxl: the message (`pesan`), the modes that hand it over (`draf`, `smtp`,
`outlook`, chosen by `pengirim`), and the journal of mails that cannot be taken back (`jurnal`).

May import `pyxl.berkas`, `pyxl.inti`, `pyxl.kontrak` and `pyxl.galat`.
"""
