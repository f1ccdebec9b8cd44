"""pasang."""
