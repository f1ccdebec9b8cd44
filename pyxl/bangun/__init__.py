"""bangun."""
