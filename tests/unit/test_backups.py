"""Backups: create/list/verify/restore, thinning, before migrations, and damaged stores."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sqlalchemy import select, text

from chc_desktop.services import backup_restore, backups, cases_query, profiles
from chc_desktop.services.context import Profile
from chc_desktop.services.errors import InvalidInput, Unavailable
from chc_desktop.services.profile_files import ProfileLocation
from chc_desktop.store.models import AuditEvent
from tests.conftest import PASSPHRASE
from tests.helpers.cli import Cli
from tests.helpers.signed import backed_up_signed_dst, signed_dst


def case_count(profile: Profile) -> int:
    return len(cases_query.case_index(profile).ids)


def test_backup_restores_exactly_what_was_there(location: ProfileLocation) -> None:
    profile = profiles.unlock(location, PASSPHRASE)
    signed_dst(profile)
    before = case_count(profile)
    info = backups.create(profile)
    assert info.verified and info.size > 0 and info.reason == "manual"
    assert [b.id for b in backups.listed(location)] == [info.id]
    assert backups.verify(location, profile.key) == [(info.id, True)]
    with profile.writing() as session:  # a later change the restore must undo
        session.execute(text("DELETE FROM recommendation"))
    profile.close()
    aside = backup_restore.restore(location, PASSPHRASE, info.id)
    assert aside is not None and aside.exists()
    restored = profiles.unlock(location, PASSPHRASE)
    try:
        assert case_count(restored) == before
        with restored.reading() as session:
            actions = session.scalars(select(AuditEvent.action)).all()
        assert "backup.restore" in actions
    finally:
        restored.close()
    assert not list(backups.folder(location).glob("*.part"))


def test_restore_needs_the_right_passphrase_and_a_real_backup(location: ProfileLocation) -> None:
    profile = profiles.unlock(location, PASSPHRASE)
    info = backups.create(profile)
    profile.close()
    with pytest.raises(Unavailable, match="wrong passphrase"):
        backup_restore.restore(location, "not the passphrase", info.id)
    with pytest.raises(InvalidInput, match="no backup"):
        backup_restore.restore(location, PASSPHRASE, "20200101T000000000000Z")
    with pytest.raises(InvalidInput, match="not a backup id"):
        backup_restore.restore(location, PASSPHRASE, "../store")


def _flip(path: Path, offset: int) -> None:
    with open(path, "r+b") as fh:
        fh.seek(offset)
        byte = fh.read(1)
        fh.seek(offset)
        fh.write(bytes([byte[0] ^ 0x01]))


@pytest.mark.parametrize("where", ["first page", "middle", "last page"])
def test_a_flipped_byte_in_the_store_is_caught_before_anything_is_shown(
    location: ProfileLocation, where: str
) -> None:
    info = backed_up_signed_dst(location)
    store = location.folder / "store.db"
    size = store.stat().st_size
    _flip(store, {"first page": 100, "middle": size // 2, "last page": size - 100}[where])
    with pytest.raises(Unavailable, match=f"damaged.*backup restore {info.id}"):
        profiles.unlock(location, PASSPHRASE)
    assert not store.exists()
    assert list(location.folder.glob("store.db.damaged-*"))
    backup_restore.restore(location, PASSPHRASE, info.id)
    profiles.unlock(location, PASSPHRASE).close()


def test_a_backup_is_made_before_a_migration(location: ProfileLocation) -> None:
    profile = profiles.unlock(location, PASSPHRASE)
    with profile.engine.begin() as conn:  # pretend the store predates the newest migration
        conn.execute(text("DROP TRIGGER audit_anchor_no_delete"))
        conn.execute(text("DROP TRIGGER audit_event_anchor"))
        conn.execute(text("DROP TABLE audit_anchor"))
        conn.execute(text("UPDATE alembic_version SET version_num = '0006'"))
    profile.close()
    profiles.unlock(location, PASSPHRASE).close()
    (made,) = backups.listed(location)
    assert made.reason == "before-migration"


def test_scheduled_backup_only_when_due(profile: Profile) -> None:
    assert backups.create_if_due(profile) is not None
    assert backups.create_if_due(profile) is None


def test_thinning_removes_what_the_policy_drops(profile: Profile) -> None:
    info = backups.create(profile)
    folder = backups.folder(profile.location)
    for n in range(1, 40):  # fake older backups, one a day
        old_id = f"2026{(n // 28) + 9:02}{(n % 28) + 1:02}T090000000000Z"
        for suffix in (".db", ".json"):
            src = folder / f"store-{info.id}{suffix}"
            data = src.read_bytes()
            if suffix == ".json":
                data = json.dumps(json.loads(data) | {"id": old_id}).encode()
            (folder / f"store-{old_id}{suffix}").write_bytes(data)
    removed = backups.thin(profile.location)
    left = backups.listed(profile.location)
    assert removed and len(left) <= 31 and left[0].id == info.id


def test_cli_backup_commands(tmp_path: Path) -> None:
    cli = Cli(tmp_path)
    cli.init()
    made = cli("backup", "create")
    assert made.code == 0, made.err
    backup_id = made.out.strip()
    listed = cli("backup", "list", "--json").json()["backups"]
    assert [b["id"] for b in listed] == [backup_id]
    assert set(listed[0]) >= {"id", "created", "size", "verified"}
    assert cli("backup", "verify").code == 0
    assert cli("backup", "verify", backup_id).code == 0
    db = next((cli.home / "default" / "backups").glob("*.db"))
    os.truncate(db, db.stat().st_size // 2)
    bad = cli("backup", "verify", backup_id)
    assert bad.code == 1 and "DAMAGED" in bad.out
    assert cli("backup", "restore", backup_id).code == 1  # a damaged backup is never restored
    good = cli("backup", "create").out.strip()
    res = cli("backup", "restore", good)
    assert res.code == 0, res.err
    assert "kept as store.db.before-restore-" in res.err
    assert cli("audit", "verify").code == 0


def test_byte_flips_anywhere_never_show_wrong_data(location: ProfileLocation) -> None:
    """A flipped byte at any of 16 places across the file is refused at unlock, every time."""
    from chc_desktop.services.errors import StoreDamaged

    profile = profiles.unlock(location, PASSPHRASE)
    signed_dst(profile)
    backups.create(profile)
    profile.close()
    store = location.folder / "store.db"
    original = store.read_bytes()
    caught = 0
    for at in range(37, len(original), len(original) // 16):
        damaged = bytearray(original)
        damaged[at] ^= 0x01
        store.write_bytes(bytes(damaged))
        with pytest.raises(StoreDamaged):
            profiles.unlock(location, PASSPHRASE)
        caught += 1
        for aside in location.folder.glob("store.db.damaged-*"):
            aside.unlink()
    assert caught >= 16
    store.write_bytes(original)
    profiles.unlock(location, PASSPHRASE).close()
