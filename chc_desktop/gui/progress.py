"""Progress and cancellation for long jobs running on the database worker."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from chc_desktop.services.errors import Cancelled


class ProgressBridge(QObject):
    """A ``(stage, done, total)`` callback for services that is safe to call from the worker.

    Each call is forwarded to the GUI thread by a queued signal; once the user
    cancels, the next call raises Cancelled so the job's transaction rolls back.
    """

    progressed = Signal(str, int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancelled = threading.Event()

    def __call__(self, stage: str, done: int, total: int) -> None:
        """Report progress; raise Cancelled if the user asked to stop."""
        if self._cancelled.is_set():
            raise Cancelled("cancelled; nothing was written")
        self.progressed.emit(stage, done, total)

    def cancel(self) -> None:
        """Ask the job to stop at its next report."""
        self._cancelled.set()


def finish(dialog: QProgressDialog) -> None:
    """Close for good: reset() also stops the timer that would show it after minimumDuration."""
    dialog.reset()
    dialog.hide()
    dialog.deleteLater()


def progress_dialog(parent: QWidget, title: str, bridge: ProgressBridge) -> QProgressDialog:
    """A window-modal dialog that follows ``bridge`` and cancels it."""
    dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)

    def update(stage: str, done: int, total: int) -> None:
        dialog.setLabelText(f"{title}: {stage} ({min(done, total):,} of {total:,})")
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, total))

    bridge.progressed.connect(update)
    dialog.canceled.connect(bridge.cancel)
    return dialog
