"""inti."""
