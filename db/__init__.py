"""Alembic migrations for the CHC Desktop store (shipped as chc_desktop.migrations)."""
