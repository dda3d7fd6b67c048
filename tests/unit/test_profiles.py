"""Creating and unlocking profiles: keys in the keyring or wrapped by the passphrase."""

from __future__ import annotations

import hashlib
import json
import stat
from pathlib import Path

import pytest
from sqlalchemy import select

from chc_desktop.domain.roles import Role
from chc_desktop.security.keystore import SERVICE, KeyStore
from chc_desktop.services import profiles
from chc_desktop.services.errors import InvalidInput, Unavailable
from chc_desktop.services.profile_files import ProfileLocation, locate
from chc_desktop.store.models import AuditEvent
from tests.conftest import PASSPHRASE
from tests.helpers.memory_keyring import MemoryKeyring


def make(tmp_path: Path, keyring: MemoryKeyring) -> profiles.Created:
    return profiles.create(
        ProfileLocation(tmp_path, "default"),
        name="Test Assessor",
        roles=[Role.ASSESSOR],
        profession="nurse",
        passphrase=PASSPHRASE,
        keystore=KeyStore(keyring),
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_key_goes_to_the_keyring_and_nowhere_in_the_clear(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    created = make(tmp_path, memory_keyring)
    assert created.key_storage == profiles.KEYRING
    [(service, _)] = memory_keyring.entries
    assert service == SERVICE
    key_hex = next(iter(memory_keyring.entries.values()))
    for path in created.location.folder.rglob("*"):
        if path.is_file():
            assert key_hex.encode() not in path.read_bytes()
            assert bytes.fromhex(key_hex) not in path.read_bytes()
    profile = profiles.unlock(created.location, PASSPHRASE)
    assert profile.user.roles == (Role.ASSESSOR,)
    profile.close()


def test_files_are_private(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    folder = make(tmp_path, memory_keyring).location.folder
    for name in ("store.db", "profile.json"):
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_without_a_keyring_the_key_is_wrapped_by_the_passphrase(tmp_path: Path) -> None:
    broken = MemoryKeyring()
    broken.broken = True
    created = make(tmp_path, broken)
    assert created.key_storage == profiles.PASSPHRASE_FILE
    assert created.notice and "No usable OS keyring" in created.notice
    profiles.unlock(created.location, PASSPHRASE, KeyStore(broken)).close()
    with pytest.raises(Unavailable, match="wrong passphrase"):
        profiles.unlock(created.location, "not the passphrase", KeyStore(broken))


def test_wrong_passphrase_is_refused_and_audited(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    location = make(tmp_path, memory_keyring).location
    with pytest.raises(Unavailable, match="wrong passphrase"):
        profiles.unlock(location, "not the passphrase")
    profile = profiles.unlock(location, PASSPHRASE)
    with profile.reading() as session:
        actions = session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)).all()
    profile.close()
    assert actions == ["profile.init", "unlock.failed", "unlock"]


def test_missing_keyring_entry_says_recover_and_creates_nothing(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    location = make(tmp_path, memory_keyring).location
    store = location.folder / "store.db"
    before = digest(store)
    memory_keyring.entries.clear()
    with pytest.raises(Unavailable, match="profile recover"):
        profiles.unlock(location, PASSPHRASE)
    assert digest(store) == before
    assert sorted(p.name for p in location.folder.iterdir()) == [
        "backups", "logs", "outbox", "profile.json", "store.db",
    ]  # fmt: skip


def test_wrong_key_in_keyring_is_unavailable(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    location = make(tmp_path, memory_keyring).location
    [entry] = memory_keyring.entries
    memory_keyring.entries[entry] = "ab" * 32
    with pytest.raises(Unavailable, match="does not open"):
        profiles.unlock(location, PASSPHRASE)


def test_locked_keyring_is_unavailable(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    location = make(tmp_path, memory_keyring).location
    memory_keyring.broken = True
    with pytest.raises(Unavailable, match="keyring cannot be read"):
        profiles.unlock(location, PASSPHRASE)


def test_deleted_store_is_not_recreated(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    location = make(tmp_path, memory_keyring).location
    (location.folder / "store.db").unlink()
    with pytest.raises(Unavailable, match="missing"):
        profiles.unlock(location, PASSPHRASE)
    assert not (location.folder / "store.db").exists()


def test_existing_profile_is_not_replaced(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    make(tmp_path, memory_keyring)
    before = digest(tmp_path / "default" / "store.db")
    with pytest.raises(InvalidInput, match="already exists"):
        make(tmp_path, memory_keyring)
    assert digest(tmp_path / "default" / "store.db") == before


def test_short_passphrase_creates_nothing(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(InvalidInput, match="at least"):
        profiles.create(
            ProfileLocation(tmp_path, "p"), name="X", roles=[Role.ASSESSOR], profession=None,
            passphrase="short",
        )  # fmt: skip
    assert not (tmp_path / "p").exists()
    assert memory_keyring.entries == {}


def test_failed_creation_leaves_nothing_behind(
    tmp_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(engine: object) -> str:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(profiles.migrate, "upgrade", explode)
    with pytest.raises(RuntimeError):
        make(tmp_path, memory_keyring)
    assert not (tmp_path / "default").exists()
    assert memory_keyring.entries == {}


def test_profile_json_holds_no_secrets_in_the_clear(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    created = make(tmp_path, memory_keyring)
    doc = json.loads((created.location.folder / "profile.json").read_text())
    assert set(doc) == {
        "format", "version", "id", "created", "key_storage", "keyring_backend", "recovery_wrap",
    }  # fmt: skip
    assert created.recovery_code not in json.dumps(doc)


def test_locate_rules(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(Unavailable, match="no profile"):
        locate(tmp_path, None)
    make(tmp_path, memory_keyring)
    assert locate(tmp_path, None).name == "default"
    with pytest.raises(Unavailable, match="no profile named"):
        locate(tmp_path, "other")


def test_recover_puts_the_key_back_and_loses_nothing(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    created = make(tmp_path, memory_keyring)
    memory_keyring.entries.clear()
    with pytest.raises(InvalidInput, match="wrong passphrase"):
        profiles.recover(created.location, created.recovery_code, "not the passphrase")
    assert memory_keyring.entries == {}
    assert profiles.recover(created.location, created.recovery_code, PASSPHRASE) == profiles.KEYRING
    profile = profiles.unlock(created.location, PASSPHRASE)
    with profile.reading() as session:
        actions = session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)).all()
    profile.close()
    # the same store, history intact, not a new one
    assert actions[0] == "profile.init"
    assert actions[-2:] == ["profile.recover", "unlock"]


def test_recover_without_keyring_rewraps_with_passphrase(tmp_path: Path) -> None:
    broken = MemoryKeyring()
    broken.broken = True
    created = make(tmp_path, broken)
    wrapped = created.location.folder / "key.wrapped.json"
    wrapped.unlink()
    with pytest.raises(Unavailable):
        profiles.unlock(created.location, PASSPHRASE, KeyStore(broken))
    storage = profiles.recover(
        created.location, created.recovery_code, PASSPHRASE, KeyStore(broken)
    )
    assert storage == profiles.PASSPHRASE_FILE
    profiles.unlock(created.location, PASSPHRASE, KeyStore(broken)).close()
