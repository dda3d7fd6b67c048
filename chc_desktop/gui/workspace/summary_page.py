"""The summary grid: every domain's level, the pattern and its reasons (never a decision)."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.domain.assessment_doc import AssessmentDoc
from chc_desktop.domain.content import Content
from chc_desktop.domain.dst import DOMAINS, Level
from chc_desktop.domain.indication import Indication, indicate
from chc_desktop.gui.workspace import fields

HEADLINE = {
    Indication.CLEAR: "The levels show a pattern that clearly indicates a primary health need.",
    Indication.POSSIBLE: "The levels show a pattern that may indicate a primary health need.",
    Indication.NONE: "The levels alone show no pattern that usually indicates a primary health need.",
}
AGREED = {None: "not recorded", True: "agrees", False: "disagrees"}


def clip(text: str | None, width: int = 110) -> str:
    """One line of at most ``width`` characters."""
    flat = " ".join((text or "").split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


class SummaryPage(QWidget):
    """Read-only overview, refreshed after every saved level."""

    def __init__(self, content: Content, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content = content
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(DOMAINS), 4, self)
        self.table.setHorizontalHeaderLabels(("Domain", "Level", "Individual", "Evidence"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for col, mode in enumerate(
            (QHeaderView.ResizeMode.ResizeToContents,) * 3 + (QHeaderView.ResizeMode.Stretch,)
        ):
            header.setSectionResizeMode(col, mode)
        fields.name(self.table, "Summary of domain levels")
        layout.addWidget(self.table)
        self.headline = QLabel(self)
        font = QFont(self.headline.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.headline.setFont(font)
        self.headline.setWordWrap(True)
        fields.name(self.headline, "Pattern of needs")
        self.reasons = QLabel(self)
        self.reasons.setWordWrap(True)
        fields.name(self.reasons, "Reasons for the pattern")
        rules = QLabel("<br>".join(content.thresholds.explain()), self)
        rules.setWordWrap(True)
        rules.setStyleSheet("color: palette(placeholder-text);")
        fields.name(rules, "How the pattern is worked out")
        for widget in (self.headline, self.reasons, rules):
            layout.addWidget(widget)

    def refresh(self, doc: AssessmentDoc) -> None:
        """Redraw from the assessment as stored."""
        for row, code in enumerate(DOMAINS):
            record = doc.domains.get(code)
            level = Level(record.level).label if record and record.level else "—"
            cells = (
                self._content.domain(code).name, level,
                AGREED[record.agreed] if record else AGREED[None], clip(record.evidence if record else None),
            )  # fmt: skip
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        levels = {c: r.level for c, r in doc.domains.items() if r.level}
        result = indicate(levels, self._content.thresholds)
        self.headline.setText(HEADLINE[result.indication])
        lines = [f"• {reason}" for reason in result.reasons]
        if result.missing:
            lines.append(f"• not yet levelled: {', '.join(result.missing)}")
        lines.append("The MDT records its own recommendation on the next page.")
        self.reasons.setText("\n".join(lines))
