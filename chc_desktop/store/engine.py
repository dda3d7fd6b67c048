"""Open the encrypted store: SQLCipher 4 with a raw 256-bit key (design.md §3).

Every connection sets the key before anything else, proves it by reading the
schema, then sets WAL, synchronous=FULL, foreign keys and secure_delete. An
existing store is opened with ``mode=rw`` so a missing file is never replaced
by a new empty one. This module holds the only SQLite-specific SQL.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import SingletonThreadPool

from chc_desktop.store.errors import StoreCorrupt, StoreError, WrongKey, describe_operational

STORE_FILE = "store.db"


def _connect(path: Path, key: bytes, create: bool) -> Any:
    mode = "rwc" if create else "rw"
    try:
        conn = sqlcipher3.connect(
            f"file:{path}?mode={mode}", uri=True, check_same_thread=False, isolation_level=None
        )
    except sqlcipher3.dbapi2.OperationalError as exc:
        raise StoreError(describe_operational(str(exc))) from None
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
    except sqlcipher3.dbapi2.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc):
            raise WrongKey("the key does not open this store") from None
        if any(word in str(exc).lower() for word in ("malformed", "corrupt")):
            raise StoreCorrupt(describe_operational(str(exc))) from None
        raise StoreError(describe_operational(str(exc))) from None
    return conn


def open_engine(path: Path, key: bytes, *, create: bool = False) -> Engine:
    """Return an engine over the store at ``path``; connects once to prove the key."""
    if create and path.exists():
        raise StoreError(f"{path.name} already exists; refusing to overwrite it")
    if not create and not path.exists():
        raise StoreError(
            f"{path.name} is missing from the profile folder; restore it from a backup"
        )
    first = {"create": create}

    def creator() -> Any:
        conn = _connect(path, key, first["create"])
        first["create"] = False  # only the very first connection may create the file
        return conn

    engine = create_engine(
        "sqlite://",
        creator=creator,
        module=sqlcipher3.dbapi2,
        poolclass=SingletonThreadPool,
        hide_parameters=True,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # Write transactions take the lock up front so the audit chain's
        # read-then-append cannot interleave with another process.
        kind = "IMMEDIATE" if conn.get_execution_options().get("write") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {kind}")

    with engine.connect():
        pass
    return engine


def integrity_ok(engine: Engine) -> bool:
    """True if SQLite's and SQLCipher's integrity checks both pass."""
    try:
        with engine.connect() as conn:
            quick = conn.exec_driver_sql("PRAGMA quick_check").scalar()
            cipher = conn.exec_driver_sql("PRAGMA cipher_integrity_check").fetchall()
    except DBAPIError:  # a damaged page can make the check itself fail
        return False
    return quick == "ok" and not cipher
