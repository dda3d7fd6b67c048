"""The Checklist: A/B/C for each of the 11 domains, with the screening result updated live."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.domain.assessment_doc import AssessmentDoc
from chc_desktop.domain.checklist import ANSWERS, InvalidAnswer, evaluate
from chc_desktop.domain.content import ChecklistDomain
from chc_desktop.gui.workspace import fields
from chc_desktop.gui.workspace.autosave import Binding, Saver


class ChecklistPage(QScrollArea):
    """One row per domain: name (priority marked *), A/B/C, short evidence."""

    def __init__(
        self,
        domains: tuple[ChecklistDomain, ...],
        saver: Saver,
        store: Callable[[str, str], fields.Store],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        grid = QGridLayout()
        grid.setColumnStretch(4, 1)
        for col, text in enumerate(("Domain", "A", "B", "C", "Evidence")):
            header = QLabel(f"<b>{text}</b>", body)
            grid.addWidget(header, 0, col)
        self.bindings: list[Binding] = []
        self.groups: dict[str, QButtonGroup] = {}
        self._codes = [d.code for d in domains]
        for row, domain in enumerate(domains, start=1):
            mark = " *" if domain.priority else ""
            name = QLabel(f"{domain.name}{mark}", body)
            grid.addWidget(name, row, 0)
            group = QButtonGroup(body)
            for col, answer in enumerate(ANSWERS):
                button = QRadioButton(answer, body)
                fields.name(button, f"{domain.name}: {answer}", domain.answers[answer])
                group.addButton(button, col)
                grid.addWidget(button, row, col + 1)
            evidence = QLineEdit(body)
            evidence.setPlaceholderText("Brief evidence")
            fields.name(evidence, f"{domain.name} evidence")
            grid.addWidget(evidence, row, 4)
            self.groups[domain.code] = group
            self.bindings += [
                fields.choice(
                    saver, f"{domain.code}.answer", group, ANSWERS, store(domain.code, "answer")
                ),
                fields.text(
                    saver, f"{domain.code}.evidence", evidence, store(domain.code, "evidence")
                ),
            ]
        layout.addLayout(grid)
        layout.addWidget(
            QLabel("* A in a domain marked * is enough on its own to need a full assessment.", body)
        )
        self.result = QLabel(body)
        font = QFont(self.result.font())
        font.setBold(True)
        self.result.setFont(font)
        self.result.setWordWrap(True)
        fields.name(self.result, "Checklist result")
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.setWidget(body)

    def load(self, doc: AssessmentDoc) -> None:
        """Show stored answers and the result."""
        for i, code in enumerate(self._codes):
            record = doc.domains.get(code)
            self.bindings[2 * i].load(record.answer if record else None)
            self.bindings[2 * i + 1].load(record.evidence if record else None)
        self.refresh(doc)

    def refresh(self, doc: AssessmentDoc) -> None:
        """Recompute the screening result from stored answers."""
        answers = {c: str(r.answer) for c, r in doc.domains.items() if r.answer}
        try:
            result = evaluate(answers)
        except InvalidAnswer:
            done = len(answers)
            self.result.setText(f"{done} of {len(self._codes)} domains answered.")
            return
        verdict = (
            "A full assessment is needed"
            if result.full_assessment_needed
            else "No full assessment indicated"
        )
        self.result.setText(
            f"{verdict}: {'; '.join(result.reasons)}. A practitioner may still refer."
        )
