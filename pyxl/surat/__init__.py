"""surat."""
