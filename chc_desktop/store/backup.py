"""Encrypted backups of the store with SQLite's online backup API, verified before use.

A backup is written to a temporary name beside its final path, checked (it opens
with the key and passes SQLite's and SQLCipher's integrity checks), fsynced and
only then renamed into place, so a final path always holds a good backup.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine

from chc_desktop.store.engine import STORE_FILE, _connect
from chc_desktop.store.errors import StoreError, describe_operational

SIDE_FILES = ("-wal", "-shm")


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not possible on every platform
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def is_sound(path: Path, key: bytes) -> bool:
    """True if ``path`` opens with ``key`` and passes both integrity checks."""
    try:
        conn = _connect(path, key, create=False)
    except StoreError:
        return False
    try:
        quick = conn.execute("PRAGMA quick_check").fetchone()[0]
        cipher = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        return bool(quick == "ok" and not cipher)
    except Exception:  # a damaged page raises from deep inside SQLite
        return False
    finally:
        conn.close()


def _tidy(path: Path) -> None:
    for suffix in ("", *SIDE_FILES):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")


def write_backup(engine: Engine, key: bytes, target: Path) -> int:
    """Copy the live store into ``target`` (same key); returns its size in bytes."""
    part = target.with_name(target.name + ".part")
    _tidy(part)
    try:
        dst = _connect(part, key, create=True)
        try:
            with engine.connect() as conn:
                source = conn.connection.driver_connection
                assert source is not None
                source.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE").fetchone()  # one self-contained file
        finally:
            dst.close()
        if not is_sound(part, key):
            raise StoreError("the new backup failed its integrity check; nothing was kept")
        _fsync_file(part)
        os.replace(part, target)
        _fsync_folder(target.parent)
    except (OSError, sqlcipher3.dbapi2.Error) as exc:
        _tidy(part)
        reason = exc.strerror if isinstance(exc, OSError) else describe_operational(str(exc))
        raise StoreError(f"the backup could not be written ({reason}); nothing was kept") from None
    except BaseException:
        _tidy(part)
        raise
    return target.stat().st_size


def restore_file(backup: Path, key: bytes, folder: Path, aside: Path | None) -> None:
    """Put ``backup`` in place as the store; the current store (if any) is moved to ``aside``."""
    if not is_sound(backup, key):
        raise StoreError(f"{backup.name} does not pass its integrity check; choose another backup")
    store = folder / STORE_FILE
    part = folder / (STORE_FILE + ".restoring")
    _tidy(part)
    try:
        shutil.copyfile(backup, part)
        _fsync_file(part)
        if aside is not None and store.exists():
            for suffix in ("", *SIDE_FILES):
                if Path(f"{store}{suffix}").exists():
                    os.replace(f"{store}{suffix}", f"{aside}{suffix}")
        os.replace(part, store)
        _fsync_folder(folder)
    except OSError as exc:
        _tidy(part)
        raise StoreError(
            f"the backup could not be restored ({exc.strerror}); the store is unchanged"
        ) from None
