"""Guard against a Qt binding that over-releases None (PySide6 6.12.0 on Python 3.11).

Before Python 3.12, None is reference-counted like any object; a binding that
drops a reference on every void call makes a long session crash with
"deallocating None". The app makes such calls constantly, so pin it here.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtWidgets import QApplication, QLineEdit


def test_void_qt_calls_keep_none_alive(qapp: Any) -> None:
    edit = QLineEdit()
    before = sys.getrefcount(None)
    for i in range(2000):
        edit.setText(str(i))
        QApplication.processEvents()
    assert sys.getrefcount(None) - before > -100
