"""A progress bar on stderr, shown only on a terminal (cli.md: not with --json)."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class TerminalProgress:
    """Callable ``(stage, done, total)`` that redraws a one-line bar at most 10 times a second."""

    WIDTH = 30

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self._stream = stream or sys.stderr
        self._enabled = self._stream.isatty() if enabled is None else enabled
        self._last = 0.0
        self._drawn = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        """Report that ``done`` of ``total`` items of ``stage`` are finished."""
        if not self._enabled:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and done < total:
            return
        self._last = now
        fraction = min(1.0, done / total) if total else 1.0
        filled = int(fraction * self.WIDTH)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self._stream.write(f"\r{stage:<16} [{bar}] {fraction:4.0%} {min(done, total)}/{total}  ")
        self._stream.flush()
        self._drawn = True

    def finish(self) -> None:
        """End the bar's line so later messages start clean."""
        if self._drawn:
            self._stream.write("\n")
            self._stream.flush()
            self._drawn = False
