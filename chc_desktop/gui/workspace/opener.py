"""Open the workspace for a case: choose an assessment, load it on the worker, show its window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from chc_desktop.gui.tasks import TaskRunner
from chc_desktop.gui.workspace.audit_view import AuditDialog
from chc_desktop.gui.workspace.case_dialog import CaseDialog

if TYPE_CHECKING:
    from chc_desktop.services.assessments import Assessment, AssessmentInfo
    from chc_desktop.services.context import Profile
    from chc_desktop.services.pack_history import VersionHistory


def _warn(parent: QWidget, exc: Exception) -> None:
    QMessageBox.warning(parent, "CHC Desktop", str(exc))


def open_case(
    parent: QWidget,
    profile: Profile,
    runner: TaskRunner,
    case: tuple[int, str],
    windows: list[QWidget],
) -> None:
    """Show the case dialog; then open the chosen or new assessment."""
    from chc_desktop.services import assessments, audit_view, pack_history

    case_id, case_ref = case

    def listed(found: tuple[list[AssessmentInfo], dict[str, VersionHistory]]) -> None:
        existing, history = found
        dialog = CaseDialog(
            case_ref,
            existing,
            {aid: h.describe() for aid, h in history.items()},
            resume=lambda aid: open_assessment(parent, profile, runner, aid, windows),
            start=lambda kind: runner.submit(
                lambda: assessments.new(profile, case_ref, kind),
                lambda info: open_assessment(parent, profile, runner, info.id, windows),
                lambda exc: _warn(parent, exc),
            ),
            show_audit=lambda: runner.submit(
                lambda: audit_view.for_case(profile, case_id),
                lambda events: AuditDialog(case_ref, events, parent).exec(),
                lambda exc: _warn(parent, exc),
            ),
            parent=parent,
        )
        dialog.exec()

    runner.submit(
        lambda: (
            assessments.for_case(profile, case_id),
            pack_history.for_case(profile, case_id),
        ),
        listed,
        lambda exc: _warn(parent, exc),
    )


def open_assessment(
    parent: QWidget,
    profile: Profile,
    runner: TaskRunner,
    assessment_id: str,
    windows: list[QWidget],
) -> None:
    """Load the assessment and its content on the worker, then show the workspace."""
    from chc_desktop.services import assessments, content

    def loaded(found: Assessment) -> None:
        from chc_desktop.gui.workspace.window import AssessmentWindow

        window = AssessmentWindow(profile, runner, content.load(), found)
        windows.append(window)
        window.show()

    runner.submit(
        lambda: assessments.get(profile, assessment_id), loaded, lambda exc: _warn(parent, exc)
    )
