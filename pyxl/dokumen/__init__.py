"""dokumen."""
