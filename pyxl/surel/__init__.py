"""surel."""
