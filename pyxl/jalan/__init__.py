"""jalan."""
