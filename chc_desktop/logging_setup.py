"""One named logger per subsystem under ``chc``; a rotating file per profile (style.md §15).

Log messages must never contain personal data: log ids, counts and error
classes, never names, NHS numbers, free text or SQL parameters.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import platformdirs

LOG_FILE = "chc-desktop.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def fallback_log_dir() -> Path:
    """Where logs go before a profile is known."""
    return platformdirs.user_log_path("chc-desktop", appauthor=False)


def configure(verbose: bool = False) -> None:
    """Set up the ``chc`` logger: stderr only when asked (flag or CHC_DESKTOP_LOG_STDERR)."""
    root = logging.getLogger("chc")
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    root.propagate = False
    if verbose or os.environ.get("CHC_DESKTOP_LOG_STDERR"):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter(_FORMAT))
        root.addHandler(handler)


def log_to_folder(folder: Path) -> Path | None:
    """Add (once) a rotating file handler in ``folder``; returns the log path.

    A folder that cannot be written (read-only disk) leaves file logging off;
    logging must never be the reason the app cannot start.
    """
    import logging.handlers  # only needed once a profile folder is known

    root = logging.getLogger("chc")
    path = folder / LOG_FILE
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            if Path(handler.baseFilename) == path:
                return path
            root.removeHandler(handler)
            handler.close()
    old = os.umask(0o077)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError as exc:
        root.warning("cannot write logs in the profile folder (%s)", exc.strerror)
        return None
    finally:
        os.umask(old)
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    return path
