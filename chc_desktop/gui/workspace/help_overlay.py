"""F1: the workspace's keyboard shortcuts, so the whole tool can be used without a mouse."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

SHORTCUTS = (
    ("Ctrl+PgDown / Ctrl+PgUp", "Next / previous step"),
    ("Ctrl+L", "Go to the step list (then Up/Down, Enter)"),
    ("Alt+1 … Alt+6", "Choose the 1st … 6th level on a domain page (lowest first)"),
    ("Alt+1 / Alt+2 / Alt+3", "Recommendation: recommended / not recommended / not decided"),
    ("Ctrl+N", "Add an MDT member (then type, Enter, Right arrow)"),
    ("Up / Down", "Move between levels once one has focus"),
    ("Tab / Shift+Tab", "Next / previous field (text boxes too)"),
    ("Alt + underlined letter", "Jump to that field"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo the last saved changes"),
    ("Ctrl+W", "Close (everything is already saved)"),
    ("F1", "This list"),
)


def text() -> str:
    """The shortcut table as rich text."""
    rows = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in SHORTCUTS)
    return f"<p>Every change is saved as you make it.</p><table cellspacing='6'>{rows}</table>"


def show(parent: QWidget) -> None:
    """Show the list over the workspace."""
    QMessageBox.information(parent, "Keyboard shortcuts", text())
