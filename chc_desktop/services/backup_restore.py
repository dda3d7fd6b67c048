"""Restore a profile's store from one of its backups (design.md §3).

Works when the store is missing or damaged too: the key comes from the
keyring or the wrapped file, and the passphrase must match the one recorded
inside the backup. The current store is kept aside, never deleted.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from chc_desktop.domain.roles import Action
from chc_desktop.security import secrets
from chc_desktop.security.keystore import KeyStore
from chc_desktop.services import backups, profiles
from chc_desktop.services.errors import InvalidInput, Unavailable
from chc_desktop.services.profile_files import ProfileLocation, read_profile_doc
from chc_desktop.store import backup as store_backup
from chc_desktop.store.engine import open_engine
from chc_desktop.store.models import ProfileUser


def restore(
    location: ProfileLocation, passphrase: str, backup_id: str, keystore: KeyStore | None = None
) -> Path | None:
    """Replace the store with a backup (the current one is kept aside), then audit it.

    Works when the store is missing or damaged too; the passphrase must match
    the one recorded in the backup.
    """
    key = profiles.store_key(
        read_profile_doc(location), location, passphrase, keystore or KeyStore()
    )
    db = backups.folder(location) / f"store-{backup_id}.db"
    if db.exists():
        if not store_backup.is_sound(db, key):
            raise InvalidInput(
                f"backup {backup_id} is damaged or not from this profile; choose another "
                "('backup list')"
            )
        engine = open_engine(db, key)
        try:
            with Session(engine) as session:
                stored = session.scalars(select(ProfileUser.passphrase_hash)).one()
        finally:
            engine.dispose()
        if not secrets.verify_passphrase(passphrase, stored):
            raise Unavailable("wrong passphrase; nothing was restored")
    aside = backups.restore_file(location, key, backup_id)
    profile = profiles.unlock(location, passphrase, keystore)
    try:
        role = profile.require(Action.BACKUP)
        with profile.writing() as session:
            profile.audit(
                session, "backup.restore", f"backup:{backup_id}", role=role.value,
                detail={"kept_aside": aside.name if aside else None},
            )  # fmt: skip
    finally:
        profile.close()
    return aside
