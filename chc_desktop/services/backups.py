"""Backups of a profile's store: create, list, verify, restore, thin (design.md §3).

Backups live in ``HOME/NAME/backups/`` as encrypted copies (same key as the
store) with a small JSON sidecar each (no personal data). They are made on
request, on a schedule (when the newest is a day old) and before migrations,
and thinned to 12 daily, 10 weekly and 9 monthly.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from chc_desktop.domain.retention import keep
from chc_desktop.domain.roles import Action
from chc_desktop.services.context import Profile
from chc_desktop.services.errors import InvalidInput, Unavailable
from chc_desktop.services.profile_files import (
    ProfileLocation,
    private_files,
    read_json,
    write_json_atomic,
)
from chc_desktop.store import backup as store_backup
from chc_desktop.store.errors import StoreError

FOLDER = "backups"
STAMP = "%Y%m%dT%H%M%S%fZ"
DUE_AFTER = timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup as ``backup list --json`` shows it."""

    id: str
    created: str
    size: int
    verified: bool
    reason: str

    def as_json(self) -> dict[str, Any]:
        """formats.md: id, created, size, verified (reason added)."""
        return asdict(self)


def folder(location: ProfileLocation) -> Path:
    """Where the profile's backups are kept."""
    return location.folder / FOLDER


def _paths(location: ProfileLocation, backup_id: str) -> tuple[Path, Path]:
    if not backup_id.replace("T", "").replace("Z", "").isdigit():
        raise InvalidInput(f"{backup_id!r} is not a backup id; see 'backup list'")
    base = folder(location) / f"store-{backup_id}"
    return base.with_suffix(".db"), base.with_suffix(".json")


def write(location: ProfileLocation, engine: Engine, key: bytes, reason: str) -> BackupInfo:
    """Make, verify and record one backup, then thin the old ones."""
    now = datetime.now(UTC)
    backup_id = now.strftime(STAMP)
    with private_files():
        folder(location).mkdir(exist_ok=True)
        db, meta = _paths(location, backup_id)
        try:
            size = store_backup.write_backup(engine, key, db)
        except StoreError as exc:
            raise InvalidInput(str(exc)) from None
        info = BackupInfo(backup_id, now.strftime("%Y-%m-%dT%H:%M:%SZ"), size, True, reason)
        write_json_atomic(meta, info.as_json())
    thin(location)
    return info


def create(profile: Profile, reason: str = "manual") -> BackupInfo:
    """A backup of the open profile's store, audited."""
    role = profile.require(Action.BACKUP)
    info = write(profile.location, profile.engine, profile.key, reason)
    with profile.writing() as session:
        profile.audit(
            session, "backup.create", f"backup:{info.id}", role=role.value,
            detail={"size": info.size, "reason": reason},
        )  # fmt: skip
    return info


def create_if_due(profile: Profile) -> BackupInfo | None:
    """The scheduled backup: only when the newest is older than a day (or there is none)."""
    found = listed(profile.location)
    newest = datetime.strptime(found[0].id, STAMP).replace(tzinfo=UTC) if found else None
    if newest is not None and datetime.now(UTC) - newest < DUE_AFTER:
        return None
    return create(profile, "scheduled")


def listed(location: ProfileLocation) -> list[BackupInfo]:
    """Every recorded backup, newest first (a sidecar without its file is left out)."""
    found = []
    for meta in folder(location).glob("store-*.json"):
        if not meta.with_suffix(".db").exists():
            continue
        try:
            doc = read_json(meta)
            found.append(BackupInfo(**{k: doc[k] for k in BackupInfo.__slots__}))
        except (Unavailable, KeyError, TypeError):
            continue
    return sorted(found, key=lambda b: b.id, reverse=True)


def thin(location: ProfileLocation) -> list[str]:
    """Delete backups the retention policy no longer keeps; returns their ids."""
    found = listed(location)
    stamps = {datetime.strptime(b.id, STAMP): b.id for b in found}
    kept = {stamps[s] for s in keep(stamps)}
    removed = [b.id for b in found if b.id not in kept]
    for backup_id in removed:
        for path in _paths(location, backup_id):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
    return removed


def verify(
    location: ProfileLocation, key: bytes, backup_id: str | None = None
) -> list[tuple[str, bool]]:
    """Check one backup (or all) opens with the key and passes the integrity checks."""
    ids = [backup_id] if backup_id else [b.id for b in listed(location)]
    results = []
    for one in ids:
        db, meta = _paths(location, one)
        if not db.exists():
            raise InvalidInput(f"there is no backup {one}; see 'backup list'")
        ok = store_backup.is_sound(db, key)
        with contextlib.suppress(Unavailable):
            write_json_atomic(meta, read_json(meta) | {"verified": ok})
        results.append((one, ok))
    return results


def newest_good(location: ProfileLocation, key: bytes) -> str | None:
    """The newest backup that opens and passes its checks."""
    return next(
        (b.id for b in listed(location) if store_backup.is_sound(_paths(location, b.id)[0], key)),
        None,
    )


def restore_file(location: ProfileLocation, key: bytes, backup_id: str) -> Path | None:
    """Put a backup in place; the current store, if any, is kept aside. Returns where."""
    db, _meta = _paths(location, backup_id)
    if not db.exists():
        raise InvalidInput(f"there is no backup {backup_id}; see 'backup list'")
    aside = location.folder / f"store.db.before-restore-{datetime.now(UTC).strftime(STAMP)}"
    had_store = (location.folder / "store.db").exists()
    try:
        store_backup.restore_file(db, key, location.folder, aside)
    except StoreError as exc:
        raise InvalidInput(str(exc)) from None
    return aside if had_store else None
