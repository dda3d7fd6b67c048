"""Changing the passphrase and rotating the recovery code lose nothing and lock nobody out."""

from __future__ import annotations

from pathlib import Path

import pytest

from chc_desktop.security import secrets
from chc_desktop.services import credentials, packs, profiles, signing
from chc_desktop.services.errors import InvalidInput, Unavailable
from chc_desktop.services.profile_files import (
    WRAPPED_KEY_FILE,
    ProfileLocation,
    read_json,
    write_json_atomic,
)
from tests.conftest import PASSPHRASE
from tests.helpers.cli import Cli
from tests.helpers.signed import MEANING, ready_dst, signed_dst

NEW = "a brand new passphrase"


def test_change_passphrase_keeps_everything(location: ProfileLocation) -> None:
    profile = profiles.unlock(location, PASSPHRASE)
    old_signed = signed_dst(profile)
    with pytest.raises(InvalidInput, match="wrong passphrase"):
        credentials.change_passphrase(profile, "not it", NEW)
    with pytest.raises(InvalidInput):
        credentials.change_passphrase(profile, PASSPHRASE, "short")
    credentials.change_passphrase(profile, PASSPHRASE, NEW)
    profile.close()
    with pytest.raises(Unavailable, match="wrong passphrase"):
        profiles.unlock(location, PASSPHRASE)
    profile = profiles.unlock(location, NEW)
    assert signing.verify_record(profile, old_signed)
    fresh = ready_dst(profile, "TEST-000002")
    with pytest.raises(InvalidInput, match="wrong passphrase"):
        signing.sign(profile, fresh, MEANING, PASSPHRASE)
    signing.sign(profile, fresh, MEANING, NEW)
    assert packs.build(profile, old_signed, NEW)[0]  # the old identity's key moved over too
    profile.close()


def test_a_change_interrupted_after_commit_still_unlocks(location: ProfileLocation) -> None:
    wrapped = location.folder / WRAPPED_KEY_FILE
    old_blob = read_json(wrapped)
    profile = profiles.unlock(location, PASSPHRASE)
    credentials.change_passphrase(profile, PASSPHRASE, NEW)
    profile.close()
    # simulate the crash: the store committed, but the rename of the new key file never happened
    (wrapped.with_name(wrapped.name + ".new")).write_bytes(wrapped.read_bytes())
    write_json_atomic(wrapped, old_blob)
    profiles.unlock(location, NEW).close()
    assert secrets.unwrap(read_json(wrapped), NEW, "db-key")
    assert not wrapped.with_name(wrapped.name + ".new").exists()


def test_new_recovery_code_replaces_the_old(location: ProfileLocation) -> None:
    profile = profiles.unlock(location, PASSPHRASE)
    code = credentials.new_recovery_code(profile, PASSPHRASE)
    profile.close()
    profiles.recover(location, code, PASSPHRASE)
    with pytest.raises(InvalidInput, match="does not open"):
        profiles.recover(location, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", PASSPHRASE)


def test_cli_change_passphrase_and_new_code(tmp_path: Path) -> None:
    cli = Cli(tmp_path)
    cli.init()
    res = cli("profile", "change-passphrase", env={"CHC_DESKTOP_NEW_PASSPHRASE": NEW})
    assert res.code == 0, res.err
    assert cli("cases", "list").code == 3
    assert cli("cases", "list", env={"CHC_DESKTOP_PASSPHRASE": NEW}).code == 0
    rotated = cli("profile", "new-recovery-code", env={"CHC_DESKTOP_PASSPHRASE": NEW})
    assert rotated.code == 0 and len(rotated.out.strip()) > 20
