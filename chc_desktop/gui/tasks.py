"""Run service calls on one database worker thread; results come back by signal.

Style.md §3 and §22: every slow call goes through :class:`TaskRunner`. In unit
tests ``synchronous=True`` runs each job immediately on the calling thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger("chc.gui.tasks")


@dataclass(slots=True)
class _Job:
    fn: Callable[[], Any]
    on_done: Callable[[Any], object]
    on_error: Callable[[Exception], object] | None
    result: Any = None
    error: Exception | None = None


class _Worker(QObject):
    finished = Signal(object)

    @Slot(object)
    def run(self, job: _Job) -> None:
        try:
            job.result = job.fn()
        except Exception as exc:
            job.error = exc
        self.finished.emit(job)


class TaskRunner(QObject):
    """Serialises jobs on one worker thread and calls back on the GUI thread."""

    _submit = Signal(object)
    busy_changed = Signal(bool)

    def __init__(self, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending = 0
        self._worker = _Worker()
        self._thread: QThread | None = None
        if not synchronous:
            self._thread = QThread()
            self._thread.setObjectName("chc-db-worker")
            self._worker.moveToThread(self._thread)
            self._thread.start()
        self._submit.connect(self._worker.run)
        self._worker.finished.connect(self._finished)

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], object],
        on_error: Callable[[Exception], object] | None = None,
    ) -> None:
        """Run ``fn`` on the worker; then ``on_done(result)`` or ``on_error(exc)`` here."""
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._submit.emit(_Job(fn, on_done, on_error))

    @Slot(object)
    def _finished(self, job: _Job) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        if job.error is None:
            job.on_done(job.result)
        elif job.on_error is not None:
            job.on_error(job.error)
        else:
            raise job.error

    def shutdown(self) -> None:
        """Stop the worker thread after the jobs already queued."""
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread = None
