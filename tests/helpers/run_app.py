"""Run the real app entry point in its own process for tests: message boxes print instead of blocking.

Usage: python -m tests.helpers.run_app HOME PROFILE PASSPHRASE QUIT_WHEN
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QMessageBox

from chc_desktop.gui import app
from chc_desktop.services.profile_files import ProfileLocation


def _print_box(_parent: object, title: str, text: str, *_rest: object) -> int:
    print(f"dialog: {title}: {text}", file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    QMessageBox.critical = _print_box  # type: ignore[method-assign,assignment]
    home, profile, passphrase, quit_when = sys.argv[1:5]
    sys.exit(
        app.run(
            ProfileLocation(Path(home), profile),
            passphrase,
            crash_dialog=False,
            quit_when=quit_when,
        )
    )
