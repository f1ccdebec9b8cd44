"""contoh."""
