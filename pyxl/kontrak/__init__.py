"""kontrak."""
