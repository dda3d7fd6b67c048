"""Autosave with undo: every edit is saved as it happens, through services, on the worker.

A :class:`Binding` ties one widget to one stored value. Text is saved after a
short pause in typing (or when focus leaves); choices are saved at once. Each
saved change goes on a QUndoStack; undoing puts the old value back in the
widget and saves it again, so the store always matches the screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from chc_desktop.gui.tasks import TaskRunner

log = logging.getLogger("chc.gui.autosave")
TEXT_PAUSE_MS = 600


class Binding(QObject):
    """One widget's value and the service call that stores it."""

    def __init__(
        self,
        saver: Saver,
        key: str,
        *,
        read: Callable[[], Any],
        show: Callable[[Any], None],
        store: Callable[[Any], Any],
        pause_ms: int = 0,
    ) -> None:
        super().__init__(saver)
        self.key = key
        self._saver = saver
        self._read = read
        self._show = show
        self._store = store
        self.saved: Any = read()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(pause_ms)
        self._timer.timeout.connect(self.commit)
        self._pause = pause_ms > 0
        # what the value is, for the live QA panel ("domain:skin", "evidence")
        self.target: str | None = getattr(store, "target", None)
        self.field: str | None = getattr(store, "field", None)

    def changed(self, *_args: Any) -> None:
        """Connect the widget's change signal here."""
        if self._saver.applying:
            return
        self._saver.edited.emit()
        if self._pause:
            self._timer.start()
        else:
            self.commit()

    def current(self) -> Any:
        """The widget's value now (saved or not)."""
        return self._read()

    def commit(self) -> None:
        """Save now if the widget differs from what is stored (also on focus-out)."""
        self._timer.stop()
        value = self._read()
        if value != self.saved:
            self._saver.save(self, self.saved, value, record=True)

    def load(self, value: Any) -> None:
        """Show a stored value without saving it."""
        self._saver.applying = True
        try:
            self._show(value)
        finally:
            self._saver.applying = False
        # remember the widget's own reading (a date as text, say), so an untouched field never saves
        self.saved = self._read()

    def store(self, value: Any) -> Any:
        """Run the service call (on the worker)."""
        return self._store(value)


class _Edit(QUndoCommand):
    def __init__(self, saver: Saver, binding: Binding, old: Any, new: Any) -> None:
        super().__init__(f"change {binding.key}")
        self._saver, self._binding, self._old, self._new = saver, binding, old, new
        self._first = True

    def redo(self) -> None:
        if self._first:  # already saved when the edit was made
            self._first = False
            return
        self._saver.restore(self._binding, self._new)

    def undo(self) -> None:
        self._saver.restore(self._binding, self._old)


class Saver(QObject):
    """Queues saves on the worker, keeps the undo stack and reports what happened."""

    saved = Signal(str, object)  # binding key, stored value
    failed = Signal(str, str)  # binding key, message
    status = Signal(str)
    edited = Signal()  # a widget changed (before it is saved)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(50)
        self.applying = False
        self.pending = 0

    def save(self, binding: Binding, old: Any, new: Any, record: bool) -> None:
        """Store ``new``; on success remember it (and make it undoable if ``record``)."""
        self.pending += 1
        self.status.emit("Saving…")

        def done(stored: Any) -> None:
            self.pending -= 1
            binding.saved = new  # the widget's form of the value (a date as text, say)
            if record:
                self.undo_stack.push(_Edit(self, binding, old, new))
            self.status.emit(f"Saved {datetime.now():%H:%M:%S}")
            self.saved.emit(binding.key, stored)

        def failed(exc: Exception) -> None:
            self.pending -= 1
            log.info("save refused: %s", type(exc).__name__)
            binding.load(binding.saved)  # put back what is really stored
            self.status.emit("Not saved")
            self.failed.emit(binding.key, str(exc))

        self._runner.submit(lambda: binding.store(new), done, failed)

    def restore(self, binding: Binding, value: Any) -> None:
        """Show ``value`` and store it (undo/redo)."""
        old = binding.saved
        binding.load(value)
        binding.saved = old
        self.save(binding, old, value, record=False)

    def flush(self, bindings: list[Binding]) -> None:
        """Save every pending text edit now (before closing or switching page)."""
        for binding in bindings:
            binding.commit()
