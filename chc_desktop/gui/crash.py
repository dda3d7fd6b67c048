"""Crash handler, installed first thing (style.md §16).

An uncaught exception is logged (type only), its traceback written to
``crash-<time>.log`` in the log folder, and shown in a dialog with the path.
``faulthandler`` writes hard crashes to ``faulthandler.log``. Tracebacks hold
code locations, not field values; SQL parameters are hidden by the engine.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import IO

log = logging.getLogger("chc.gui.crash")
_fault_file: IO[str] | None = None


def write_report(folder: Path, exc: BaseException) -> Path:
    """Write the traceback to a new file in ``folder``; returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    path = folder / f"crash-{stamp}.log"
    path.write_text(
        "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)), encoding="utf-8"
    )
    return path


def install(folder: Path, show_dialog: bool = True) -> None:
    """Replace ``sys.excepthook`` and enable faulthandler into ``folder``."""
    global _fault_file  # noqa: PLW0603 - one process-wide handle, kept open for faulthandler
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        from chc_desktop.logging_setup import fallback_log_dir

        folder = fallback_log_dir()
        folder.mkdir(parents=True, exist_ok=True)
    if _fault_file is None:
        _fault_file = open(folder / "faulthandler.log", "a", encoding="utf-8")  # noqa: SIM115
        faulthandler.enable(file=_fault_file)

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        path = write_report(folder, exc)
        log.error("uncaught %s; report in %s", kind.__name__, path.name)
        if show_dialog:
            _show(exc, path)

    sys.excepthook = hook


def _show(exc: BaseException, path: Path) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None:
        return
    box = QMessageBox(QMessageBox.Icon.Critical, "CHC Desktop: unexpected error", "")
    box.setText(
        "Something went wrong inside CHC Desktop. Your saved work is safe.\n\n"
        f"A report was written to:\n{path}\n\nPlease send it to your support team."
    )
    box.setDetailedText("".join(traceback.format_exception_only(type(exc), exc)))
    box.exec()
