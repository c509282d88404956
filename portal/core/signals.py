"""Signal wiring for the core app."""
