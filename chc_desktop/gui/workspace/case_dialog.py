"""Open a case: resume one of its assessments or start a new Checklist, DST, Fast Track or review."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.gui.workspace import fields

if TYPE_CHECKING:
    from chc_desktop.services.assessments import AssessmentInfo

STARTS = (
    ("checklist", "Start &Checklist"),
    ("dst", "Start &DST"),
    ("fast-track", "Start &Fast Track"),
    ("review", "Start &review"),
)
KIND_NAMES = {
    "checklist": "Checklist",
    "dst": "DST",
    "fast-track": "Fast Track",
    "review": "Review",
}


class CaseDialog(QDialog):
    """The case's assessments with their signing and pack history.

    ``resume(id)`` or ``start(kind)`` is called on the user's choice.
    """

    def __init__(
        self,
        case_ref: str,
        existing: list[AssessmentInfo],
        history: dict[str, str],
        *,
        resume: Callable[[str], None],
        start: Callable[[str], None],
        show_audit: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Case {case_ref}")
        self._resume, self._start = resume, start
        layout = QVBoxLayout(self)
        caption = QLabel("&Assessments for this case (Enter resumes):", self)
        self.list = QListWidget(self)
        fields.name(self.list, "Assessments for this case")
        caption.setBuddy(self.list)
        for info in existing:
            text = f"{KIND_NAMES[info.kind]} v{info.version}: {info.status}, last saved {info.updated_at[:16].replace('T', ' ')} UTC"
            if history.get(info.id):
                text += f"\n    {history[info.id]}"
            item = QListWidgetItem(text)
            item.setData(256, info.id)
            self.list.addItem(item)
        if not existing:
            self.list.addItem(QListWidgetItem("None yet: start one below."))
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(self._resume_item)
        layout.addWidget(caption)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        for kind, text in STARTS:
            button = QPushButton(text, self)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, k=kind: self._choose_start(k))
            row.addWidget(button)
        layout.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        if show_audit is not None:
            audit = close.addButton("Audit &trail…", QDialogButtonBox.ButtonRole.ActionRole)
            audit.setToolTip("Every recorded action on this case's assessments")
            audit.clicked.connect(show_audit)
        layout.addWidget(close)

    def _resume_item(self, item: QListWidgetItem) -> None:
        assessment_id = item.data(256)
        if assessment_id:
            self.accept()
            self._resume(str(assessment_id))

    def _choose_start(self, kind: str) -> None:
        self.accept()
        self._start(kind)
