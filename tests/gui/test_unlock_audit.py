"""Failed unlocks are on record even when the store cannot be opened yet; a missing key asks for
recovery (GUI and CLI) and never replaces the store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox
from sqlalchemy import select

from chc_desktop.domain.roles import Role
from chc_desktop.gui import recovery
from chc_desktop.services import profiles
from chc_desktop.services.errors import NeedsRecovery, Unavailable
from chc_desktop.services.profile_files import ProfileLocation
from chc_desktop.store.models import AuditEvent
from tests.conftest import PASSPHRASE
from tests.helpers.memory_keyring import MemoryKeyring


def test_failed_unlocks_before_the_store_opens_are_audited_later(location: ProfileLocation) -> None:
    for _ in range(3):
        with pytest.raises(Unavailable, match="wrong passphrase"):
            profiles.unlock(location, "not the passphrase")
    profile = profiles.unlock(location, PASSPHRASE)
    try:
        with profile.reading() as session:
            actions = list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))
    finally:
        profile.close()
    assert actions[-4:] == ["unlock.failed"] * 3 + ["unlock"]
    assert not (location.folder / "failed-unlocks.json").exists()


@pytest.fixture
def keyring_profile(tmp_path: Path, memory_keyring: MemoryKeyring) -> tuple[ProfileLocation, str]:
    location = ProfileLocation(tmp_path / "home", "default")
    created = profiles.create(
        location,
        name="Test Assessor",
        roles=[Role.ASSESSOR],
        profession=None,
        passphrase=PASSPHRASE,
    )
    return location, created.recovery_code


def test_reset_keyring_asks_for_recovery_in_the_gui(
    qapp: Any, keyring_profile: tuple[ProfileLocation, str], memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    location, code = keyring_profile
    memory_keyring.entries.clear()  # the keyring was reset
    size = (location.folder / "store.db").stat().st_size
    with pytest.raises(NeedsRecovery, match="recover"):
        profiles.unlock(location, PASSPHRASE)
    answers = iter([("WRONG-CODE", True), (code, True)])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    profile = recovery.offer(None, location, PASSPHRASE, "the keyring has no key")
    assert profile is not None
    profile.close()
    assert (location.folder / "store.db").stat().st_size >= size  # the same store, not a new one
