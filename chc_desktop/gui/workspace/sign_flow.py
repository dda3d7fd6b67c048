"""Signing and exporting the review pack from the workspace, step by step.

The QA gate runs first (no passphrase is asked while it blocks), then the meaning
and the passphrase, then the signature on the worker; the window turns read-only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from chc_desktop.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from chc_desktop.services.assessments import AssessmentInfo
    from chc_desktop.services.context import Profile

DEFAULT_MEANING = "Assessed and recorded by me"
TIMESTAMP_NOTES = {
    "added": "\n\nThe signature carries a timestamp from the timestamp authority.",
    "unreachable": "\n\nThe timestamp authority could not be reached, so the pack has no "
    "timestamp. Export it again when online to add one.",
}


def start(
    parent: QWidget,
    runner: TaskRunner,
    profile: Profile,
    assessment_id: str,
    done: Callable[[Any], None],
) -> None:
    """Run the gate; if it passes, ask and sign; ``done(signed)`` afterwards."""
    from chc_desktop.services import qa

    runner.submit(
        lambda: qa.gate(profile, assessment_id),
        lambda _report: _ask_and_sign(parent, runner, profile, assessment_id, done),
        lambda exc: QMessageBox.warning(parent, "Not ready to sign", str(exc)),
    )


def _ask_and_sign(
    parent: QWidget,
    runner: TaskRunner,
    profile: Profile,
    assessment_id: str,
    done: Callable[[Any], None],
) -> None:
    from chc_desktop.services import signing

    meaning, ok = QInputDialog.getText(
        parent, "Sign", "What does your signature mean?", text=DEFAULT_MEANING
    )
    if not ok:
        return
    passphrase, ok = QInputDialog.getText(
        parent, "Sign", "Your passphrase, to sign:", QLineEdit.EchoMode.Password
    )
    if not ok:
        return
    runner.submit(
        lambda: signing.sign(profile, assessment_id, meaning, passphrase),
        done,
        lambda exc: QMessageBox.warning(parent, "Not signed", str(exc)),
    )


def export_pack(
    parent: QWidget, runner: TaskRunner, profile: Profile, info: AssessmentInfo
) -> None:
    """Ask where to save and for the passphrase, then build and write the pack on the worker."""
    from chc_desktop.services import packs

    suggested = str(Path.home() / f"{info.case_ref}-{info.kind}-v{info.version}.chcpack")
    name, _ = QFileDialog.getSaveFileName(
        parent, "Export review pack", suggested, "Review packs (*.chcpack)"
    )
    if not name:
        return
    path = Path(name if name.endswith(".chcpack") else f"{name}.chcpack")
    passphrase, ok = QInputDialog.getText(
        parent,
        "Export review pack",
        "Your passphrase, to sign the pack:",
        QLineEdit.EchoMode.Password,
    )
    if not ok:
        return
    runner.submit(
        lambda: packs.export(profile, info.id, passphrase, path),
        lambda done: QMessageBox.information(
            parent,
            "Review pack exported",
            f"Saved {done.path.name}.\n\nAnyone can check it with File ▸ Verify review packs, "
            f"or 'chc-desktop pack verify {done.path.name}'."
            + TIMESTAMP_NOTES.get(done.timestamp, ""),
        ),
        lambda exc: QMessageBox.warning(parent, "Not exported", str(exc)),
    )
