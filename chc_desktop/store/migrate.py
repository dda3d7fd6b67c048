"""Bring a store's schema to the version this app knows, through Alembic only.

Opening a store that is already current reads one row and imports nothing
heavy; Alembic is loaded only when a migration is actually needed.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from chc_desktop.store.errors import SchemaTooNew

# The newest migration in db/versions; a test keeps this equal to Alembic's head.
SCHEMA_HEAD = "0007"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007")


def current_revision(engine: Engine) -> str | None:
    """The store's schema revision, or None for an empty database."""
    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except OperationalError:
            return None


def upgrade(engine: Engine, before: Callable[[], object] | None = None) -> str:
    """Migrate to SCHEMA_HEAD if needed (calling ``before`` first); refuse a newer store."""
    revision = current_revision(engine)
    if revision == SCHEMA_HEAD:
        return revision
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise SchemaTooNew(
            f"the store has schema {revision}, newer than this app understands; "
            "install the newer CHC Desktop"
        )
    if revision is not None and before is not None:
        before()  # e.g. a backup of the store as it was
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("chc_desktop.migrations")))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return SCHEMA_HEAD
