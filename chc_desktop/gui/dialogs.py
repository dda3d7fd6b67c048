"""Small dialogs: About, keyboard shortcuts, import results, unlock."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from chc_desktop import APP_NAME, __version__

if TYPE_CHECKING:
    from chc_desktop.services.cases_import import ImportOutcome

SHORTCUTS = (
    ("Ctrl+F", "Find cases by reference, name or NHS number"),
    ("Esc", "Clear the find box"),
    ("Enter / Down", "Move from the find box into the case list"),
    ("Up / Down", "Move through the list; the detail pane follows"),
    ("Enter / Ctrl+O", "Open the selected case: resume or start an assessment"),
    ("Ctrl+I", "Import cases from a CSV or JSON file"),
    ("Ctrl+Shift+V", "Verify review packs (drop files on the dialog, or Ctrl+O in it)"),
    ("F5", "Reload the case list"),
    ("F1", "This list"),
    ("Ctrl+Q", "Quit"),
)
_SHOWN_ERRORS = 50


def about(parent: QWidget) -> None:
    """Version, purpose and the statement that the tool never decides eligibility."""
    QMessageBox.about(
        parent,
        f"About {APP_NAME}",
        f"<h3>{APP_NAME} {__version__}</h3>"
        "<p>Offline support for NHS Continuing Healthcare assessors: an encrypted local case "
        "store, the Checklist and Decision Support Tool, live quality checks and signed "
        "review packs.</p>"
        "<p>It supports professional judgement. It never decides eligibility: the "
        "multidisciplinary team does.</p>"
        f"<p>Qt for Python {pyside_version}. All data in this profile is encrypted on disk.</p>",
    )


def shortcuts(parent: QWidget) -> None:
    """The keyboard shortcut list (F1)."""
    rows = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in SHORTCUTS)
    QMessageBox.information(parent, "Keyboard shortcuts", f"<table cellspacing='6'>{rows}</table>")


def import_result(parent: QWidget, name: str, outcome: ImportOutcome) -> None:
    """Summarise an import; list every problem in the details when it was refused."""
    box = QMessageBox(parent)
    box.setWindowTitle("Import cases")
    if outcome.problems:
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(
            f"{name} was not imported: {len(outcome.problems)} problem(s) were found. "
            "Nothing was written. Fix the file and import it again."
        )
        lines = [f"{p.where()}: {p.message}" for p in outcome.problems[:_SHOWN_ERRORS]]
        if len(outcome.problems) > _SHOWN_ERRORS:
            lines.append(f"… and {len(outcome.problems) - _SHOWN_ERRORS} more")
        box.setDetailedText("\n".join(lines))
    else:
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(
            f"Imported {outcome.imported} new case(s) from {name}; "
            f"{outcome.unchanged} were already stored."
        )
    box.exec()


class UnlockDialog(QDialog):
    """Asks for the passphrase; ``try_unlock`` decides whether it is right."""

    def __init__(self, profile_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Unlock {APP_NAME}")
        layout = QVBoxLayout(self)
        prompt = QLabel(f"Enter the passphrase for profile “{profile_name}”.", self)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Passphrase")
        prompt.setBuddy(self.passphrase)
        self.error = QLabel("", self)
        self.error.setStyleSheet("color: #842029;")
        self.error.setAccessibleName("Unlock error")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Unlock")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for widget in (prompt, self.passphrase, self.error, buttons):
            layout.addWidget(widget)

    def show_error(self, message: str, wait: float = 0.0) -> None:
        """Show why the last attempt failed, clear the field, and hold Unlock for ``wait`` s."""
        self.error.setText(message + (f" Wait {wait:.0f} s before trying again." if wait else ""))
        self.passphrase.clear()
        self.passphrase.setFocus()
        if wait:
            self.ok.setEnabled(False)
            QTimer.singleShot(int(wait * 1000), lambda: self.ok.setEnabled(True))
