"""What comes in: received files from `masuk/`, attachments of .eml and Outlook .msg files
(`kiriman`), and a read-only IMAP mailbox (`imap`), each with its sender and date.

May import `pyxl.buku`, `pyxl.berkas`, `pyxl.inti`, `pyxl.kontrak` and `pyxl.galat`.
"""
