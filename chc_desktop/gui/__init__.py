"""PySide6 user interface: a thin layer over services (never store/ directly)."""
