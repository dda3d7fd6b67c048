"""Lock the app after a spell without input: every window is hidden until the passphrase is given.

Hiding the windows (not covering them) guarantees no personal data stays on
screen, in task-bar previews or in screenshots. Wrong passphrases are audited
and each one after the second doubles the wait before the next try.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from chc_desktop.services.context import Profile

DEFAULT_MINUTES = 15
SETTING = "idle_lock_minutes"  # in profile.json
ACTIVITY = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin,
}  # fmt: skip


def minutes_for(profile_doc: dict[str, object]) -> float:
    """The profile's idle-lock setting, or the default; nonsense values fall back to it."""
    value = profile_doc.get(SETTING, DEFAULT_MINUTES)
    return float(value) if isinstance(value, int | float) and 1 <= value <= 240 else DEFAULT_MINUTES


class LockDialog(QDialog):
    """The only window shown while locked."""

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.WindowStaysOnTopHint)
        self.setWindowTitle("CHC Desktop is locked")
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel("Locked after a period without use. Enter your passphrase to go on.")
        )
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Passphrase")
        self.message = QLabel(self)
        self.message.setAccessibleName("Unlock message")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Unlock")
        for widget in (self.passphrase, self.message, self.buttons):
            layout.addWidget(widget)

    def reject(self) -> None:
        """Esc and the close button do nothing: the only way out is the passphrase."""


class IdleLock(QObject):
    """Watches input app-wide; locks after ``minutes`` without any."""

    def __init__(
        self,
        runner: TaskRunner,
        profile: Callable[[], Profile | None],
        minutes: float = DEFAULT_MINUTES,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner, self._profile = runner, profile
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(minutes * 60_000))
        self._timer.timeout.connect(self.lock)
        self._hidden: list[QWidget] = []
        self._failures = 0
        self.dialog: LockDialog | None = None
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self._timer.start()

    @property
    def locked(self) -> bool:
        """True while every window is hidden."""
        return self.dialog is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Any input restarts the countdown (not while locked)."""
        if event.type() in ACTIVITY and not self.locked:
            self._timer.start()
        return False

    def lock(self) -> None:
        """Hide every visible window and ask for the passphrase."""
        if self.locked or self._profile() is None:
            return
        self._hidden = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        for window in self._hidden:
            window.hide()
        self.dialog = LockDialog()
        self.dialog.buttons.accepted.connect(self._try)
        self.dialog.show()
        self.dialog.passphrase.setFocus()

    def _try(self) -> None:
        from chc_desktop.services import credentials

        profile = self._profile()
        assert self.dialog is not None and profile is not None
        passphrase = self.dialog.passphrase.text()
        self.dialog.passphrase.clear()
        self.dialog.buttons.setEnabled(False)
        self._runner.submit(
            lambda: credentials.reauthenticate(profile, passphrase), self._answered, self._error
        )

    def _answered(self, ok: bool) -> None:
        from chc_desktop.services import credentials

        assert self.dialog is not None
        if ok:
            self._failures = 0
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
            for window in self._hidden:
                window.show()
            self._hidden = []
            self._timer.start()
            return
        self._failures += 1
        wait = credentials.retry_delay(self._failures)
        self.dialog.message.setText(
            "That passphrase is not right." + (f" Try again in {wait:.0f} s." if wait else "")
        )
        QTimer.singleShot(int(wait * 1000), self._allow_retry)

    def _allow_retry(self) -> None:
        if self.dialog is not None:
            self.dialog.buttons.setEnabled(True)

    def _error(self, exc: Exception) -> None:
        assert self.dialog is not None
        self.dialog.message.setText(f"Could not check the passphrase: {exc}")
        self.dialog.buttons.setEnabled(True)
