"""Starting the app: unlock on the worker, the unlock dialog, and failures."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from chc_desktop.gui import app
from chc_desktop.gui.dialogs import UnlockDialog
from chc_desktop.services.profile_files import ProfileLocation
from tests.conftest import PASSPHRASE


@pytest.fixture(autouse=True)
def keep_excepthook() -> Iterator[None]:
    hook = sys.excepthook
    yield
    sys.excepthook = hook


def test_run_opens_window_and_quits_when_ready(qapp: Any, location: ProfileLocation) -> None:
    assert app.run(location, PASSPHRASE, crash_dialog=False, quit_when="ready") == 0
    assert (location.logs / "chc-desktop.log").exists()


def test_run_with_wrong_passphrase_exits_3(
    qapp: Any, location: ProfileLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: messages.append(text))
    assert app.run(location, "not the passphrase", crash_dialog=False) == 3
    assert messages == ["wrong passphrase"]


def test_unlock_dialog_retries_until_right(
    qapp: Any, location: ProfileLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts = iter(["wrong one!", PASSPHRASE])
    errors: list[str] = []

    def fake_exec(dialog: UnlockDialog) -> int:
        dialog.passphrase.setText(next(attempts))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(UnlockDialog, "exec", fake_exec)
    monkeypatch.setattr(UnlockDialog, "show_error", lambda dialog, text: errors.append(text))
    profile = app.ask_passphrase(location)
    assert profile is not None
    profile.close()
    assert errors == ["That passphrase is not right. Try again."]


def test_cancelled_unlock_exits_3(
    qapp: Any, location: ProfileLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(UnlockDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert app.run(location, None, crash_dialog=False) == 3
