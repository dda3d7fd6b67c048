"""Idle lock: every window hides after the idle time; wrong passphrases are audited and slowed."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMainWindow
from sqlalchemy import select

from chc_desktop.gui.idle_lock import DEFAULT_MINUTES, IdleLock, minutes_for
from chc_desktop.gui.tasks import TaskRunner
from chc_desktop.services import credentials
from chc_desktop.services.context import Profile
from chc_desktop.store.models import AuditEvent
from tests.conftest import PASSPHRASE


def _actions(profile: Profile) -> list[str]:
    with profile.reading() as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))


def _attempt(lock: IdleLock, passphrase: str) -> None:
    assert lock.dialog is not None
    lock.dialog.passphrase.setText(passphrase)
    lock.dialog.buttons.accepted.emit()


def test_idle_lock_hides_everything_until_the_passphrase(
    qtbot: Any, runner: TaskRunner, profile: Profile
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    lock = IdleLock(runner, lambda: profile, minutes=0.002)  # about 0.1 s
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    assert not window.isVisible()
    assert lock.dialog is not None and lock.dialog.isVisible()
    lock.dialog.reject()  # Esc does not get you out
    assert lock.locked
    _attempt(lock, "not the passphrase")
    assert lock.locked and "not right" in lock.dialog.message.text()
    assert _actions(profile)[-1] == "lock.unlock.failed"
    _attempt(lock, PASSPHRASE)
    assert not lock.locked and window.isVisible()
    assert _actions(profile)[-1] == "lock.unlock"


def test_retry_delay_grows() -> None:
    delays = [credentials.retry_delay(n) for n in range(1, 10)]
    assert delays[:2] == [0.0, 0.0] and delays[2:5] == [2.0, 4.0, 8.0] and delays[-1] == 60.0


def test_setting_has_a_safe_default() -> None:
    assert minutes_for({}) == DEFAULT_MINUTES
    assert minutes_for({"idle_lock_minutes": 5}) == 5
    assert minutes_for({"idle_lock_minutes": 0}) == DEFAULT_MINUTES
    assert minutes_for({"idle_lock_minutes": "soon"}) == DEFAULT_MINUTES
