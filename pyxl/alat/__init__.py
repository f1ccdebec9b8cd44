"""alat."""
