"""Word documents: the templates (`templat`, the .docx files of `templates/`), rendering them
(`word`), the Dokumen IKU's content (`iku`) and its ledger (`tercatat`), its chart (`grafik`),
the quarterly monitoring report's content (`laporan`) and PDF conversion (`pdf`).

May import `pyxl.surat` and everything below it.
"""
