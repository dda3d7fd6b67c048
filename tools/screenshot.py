"""Render the main window on the demo profile to docs/screenshots/ (run under xvfb-run).

Usage: xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshot.py HOME
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QTimer
from PySide6.QtWidgets import QApplication

from chc_desktop.gui.main_window import MainWindow
from chc_desktop.gui.tasks import TaskRunner
from chc_desktop.services import profiles
from chc_desktop.services.profile_files import DEMO_PASSPHRASE, locate

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def main(home: str) -> int:
    app = QApplication(sys.argv[:1])
    profile = profiles.unlock(locate(Path(home), "demo"), DEMO_PASSPHRASE)
    runner = TaskRunner(synchronous=True)
    window = MainWindow(runner, today=date.today())
    window.resize(1366, 768)
    window.show()
    window.attach(profile)
    table = window.ui.caseTable
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    table.selectionModel().setCurrentIndex(window.model.index(2, 0), flags)
    OUT.mkdir(parents=True, exist_ok=True)

    def shoot() -> None:
        window.grab().save(str(OUT / "main-window.png"))
        window.ui.filterEdit.setText("fakename")
        QTimer.singleShot(300, lambda: (window.grab().save(str(OUT / "filtered.png")), app.quit()))

    QTimer.singleShot(500, shoot)
    app.exec()
    runner.shutdown()
    profile.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
