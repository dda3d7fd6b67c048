"""Restore from a backup in the GUI: from the File menu, and when the store is found damaged."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from chc_desktop.gui import restore
from chc_desktop.gui.tasks import TaskRunner
from chc_desktop.services import backups, cases_query, profiles
from chc_desktop.services.context import Profile
from chc_desktop.services.errors import StoreDamaged
from chc_desktop.services.profile_files import ProfileLocation
from tests.conftest import PASSPHRASE
from tests.helpers.signed import backed_up_signed_dst, signed_dst


def _answer(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    told: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (PASSPHRASE, True))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, title, _t: told.append(title))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return told


def test_two_clicks_from_the_menu(
    qapp: Any, runner: TaskRunner, location: ProfileLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = profiles.unlock(location, PASSPHRASE)
    signed_dst(profile)
    backups.create(profile)
    monkeypatch.setattr(restore.RestoreDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    told = _answer(monkeypatch)
    got: list[Profile] = []
    restore.choose_and_restore(None, runner, profile, got.append)  # type: ignore[arg-type]
    assert told == ["Restored"] and len(got) == 1
    assert len(cases_query.case_index(got[0]).ids) == 3
    got[0].close()


def test_damaged_store_offers_the_newest_good_backup(
    qapp: Any, runner: TaskRunner, location: ProfileLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = backed_up_signed_dst(location)
    store = location.folder / "store.db"
    data = bytearray(store.read_bytes())
    data[len(data) // 2] ^= 0x01
    store.write_bytes(bytes(data))
    with pytest.raises(StoreDamaged) as caught:
        profiles.unlock(location, PASSPHRASE)
    assert caught.value.good_backup == info.id
    _answer(monkeypatch)
    got: list[Profile] = []
    started = restore.offer_after_damage(
        None, runner, location, str(caught.value), backup_id=info.id, reopened=got.append
    )
    assert started and len(got) == 1
    got[0].close()
