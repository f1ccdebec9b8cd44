"""berkas."""
