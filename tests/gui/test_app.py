"""Starting the app: unlock on the worker, the unlock dialog, and failures."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from chc_desktop.gui import app
from chc_desktop.gui.dialogs import UnlockDialog
from chc_desktop.services.profile_files import ProfileLocation
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def keep_excepthook() -> Iterator[None]:
    hook = sys.excepthook
    yield
    sys.excepthook = hook


def run_app(location: ProfileLocation, passphrase: str) -> subprocess.CompletedProcess[str]:
    """The real start-up path, in its own process (an in-process app.exec() upsets later tests)."""
    return subprocess.run(
        [sys.executable, "-m", "tests.helpers.run_app", str(location.home), location.name, passphrase, "ready"],
        capture_output=True, text=True, timeout=60, check=False, cwd=ROOT,
    )  # fmt: skip


def test_run_opens_window_and_quits_when_ready(location: ProfileLocation) -> None:
    result = run_app(location, PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert "chc-mark ready" in result.stderr
    assert (location.logs / "chc-desktop.log").exists()


def test_run_with_wrong_passphrase_exits_3(location: ProfileLocation) -> None:
    result = run_app(location, "not the passphrase")
    assert result.returncode == 3
    assert "dialog: CHC Desktop cannot open the profile: wrong passphrase" in result.stderr


def test_unlock_dialog_retries_until_right(
    qapp: Any, location: ProfileLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts = iter(["wrong one!", PASSPHRASE])
    errors: list[str] = []

    def fake_exec(dialog: UnlockDialog) -> int:
        dialog.passphrase.setText(next(attempts))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(UnlockDialog, "exec", fake_exec)
    monkeypatch.setattr(
        UnlockDialog, "show_error", lambda dialog, text, wait=0.0: errors.append(text)
    )
    profile = app.ask_passphrase(location)
    assert profile is not None
    profile.close()
    assert errors == ["That passphrase is not right. Try again."]


def test_cancelled_unlock_exits_3(
    qapp: Any, location: ProfileLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(UnlockDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert app.run(location, None, crash_dialog=False) == 3
