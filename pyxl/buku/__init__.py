"""buku."""
