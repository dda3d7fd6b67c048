"""Render the app's main screens on a throwaway demo profile into docs/screenshots/.

Usage: xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshot.py HOME
(HOME must hold a demo profile: chc-desktop --home HOME demo --no-gui)
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication, QWidget

from chc_desktop.gui.idle_lock import LockDialog
from chc_desktop.gui.main_window import MainWindow
from chc_desktop.gui.tasks import TaskRunner
from chc_desktop.gui.verify_dialog import VerifyDialog, verify_with_profile
from chc_desktop.gui.workspace.audit_view import AuditDialog
from chc_desktop.gui.workspace.window import AssessmentWindow
from chc_desktop.packs import zip_safe
from chc_desktop.services import assessments, audit_view, content, packs, profiles
from chc_desktop.services.context import Profile
from chc_desktop.services.demo import EXAMPLE_MEANING
from chc_desktop.services.profile_files import DEMO_PASSPHRASE, locate
from chc_desktop.store import models

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
SIZE = (1366, 768)
LEVELS = {"cognition": "severe", "behaviour": "high", "mobility": "high", "continence": "moderate",
          "communication": "moderate", "psychological": "low", "nutrition": "low"}  # fmt: skip
EVIDENCE = "Observed daily by care staff over four weeks; care plan and charts reviewed (demo)."


def save(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    widget.grab().save(str(OUT / name))
    print(f"wrote docs/screenshots/{name}")


def case_list(profile: Profile, runner: TaskRunner) -> None:
    window = MainWindow(runner, today=date.today())
    window.resize(*SIZE)
    window.show()
    window.attach(profile)
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    window.ui.caseTable.selectionModel().setCurrentIndex(window.model.index(2, 0), flags)
    save(window, "main-window.png")
    window.close()


def workspace(profile: Profile, runner: TaskRunner, case_ref: str, kind: str) -> AssessmentWindow:
    info = assessments.new(profile, case_ref, kind)
    window = AssessmentWindow(profile, runner, content.load(), assessments.get(profile, info.id))
    window.resize(*SIZE)
    window.show()
    return window


def dst(profile: Profile, runner: TaskRunner) -> None:
    window = workspace(profile, runner, "DEMO-0002", "dst")
    for code, level in LEVELS.items():
        window.domain_pages[code].choose(
            [lv.value for lv in window.domain_pages[code].levels].index(level)
        )
        window.domain_pages[code].evidence.setPlainText(EVIDENCE)
        window.domain_pages[code].bindings[1].commit()
    window.steps.setCurrentRow(8)
    save(window, "dst-domain.png")
    window.steps.setCurrentRow(5)
    save(window, "qa-panel.png")
    window.steps.setCurrentRow(13)
    save(window, "dst-summary.png")
    window.close()


def checklist(profile: Profile, runner: TaskRunner) -> None:
    window = workspace(profile, runner, "DEMO-0003", "checklist")
    for i, group in enumerate(window.checklist.groups.values()):
        group.button((0, 1, 2, 1, 2)[i % 5]).setChecked(True)
    window.steps.setCurrentRow(1)
    save(window, "checklist.png")
    window.close()


def verify(profile: Profile, runner: TaskRunner) -> None:
    """The verify dialog with the demo's signed example, intact and with one level edited."""
    with profile.reading() as session:
        aid = (
            session.query(models.Signature.assessment_id)
            .filter_by(meaning=EXAMPLE_MEANING)
            .scalar()
        )
    with tempfile.TemporaryDirectory() as tmp:
        good = Path(tmp) / "DEMO-0001-dst-v1.chcpack"
        packs.export(profile, aid, DEMO_PASSPHRASE, good)
        entries = dict(zip_safe.read_entries(good.read_bytes()))  # someone edits a level
        entries["assessment.json"] = entries["assessment.json"].replace(b'"high"', b'"severe"', 1)
        bad = Path(tmp) / "DEMO-0001-dst-v1-edited.chcpack"
        bad.write_bytes(zip_safe.write_entries(entries))
        dialog = VerifyDialog(runner, verify_with_profile(profile))
        dialog.resize(900, 560)
        dialog.show()
        dialog.verify([str(good), str(bad)])
        dialog.results.expandAll()
        save(dialog, "verify-dialog.png")
        dialog.close()


def audit_and_lock(profile: Profile, runner: TaskRunner) -> None:
    """The per-case audit view of the signed example, and the idle-lock screen."""
    with profile.reading() as session:
        case_id = (
            session.query(models.Assessment.case_id)
            .join(models.Signature, models.Signature.assessment_id == models.Assessment.id)
            .filter(models.Signature.meaning == EXAMPLE_MEANING)
            .scalar()
        )
    dialog = AuditDialog("DEMO-0001", audit_view.for_case(profile, case_id))
    dialog.resize(1100, 420)
    dialog.show()
    save(dialog, "audit-view.png")
    dialog.close()
    lock = LockDialog()
    lock.message.setText("That passphrase is not right.")
    lock.resize(520, 160)
    lock.show()
    save(lock, "idle-lock.png")
    lock.close()


def main(home: str) -> int:
    app = QApplication(sys.argv[:1])
    profile = profiles.unlock(locate(Path(home), "demo"), DEMO_PASSPHRASE)
    runner = TaskRunner(synchronous=True)
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        case_list(profile, runner)
        dst(profile, runner)
        checklist(profile, runner)
        verify(profile, runner)
        audit_and_lock(profile, runner)
    finally:
        runner.shutdown()
        profile.close()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
