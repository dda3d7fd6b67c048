"""The live QA panel: findings grouped by severity, each one a link to its field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.domain.qa.model import Finding, Severity
from chc_desktop.gui.workspace import fields
from chc_desktop.services.qa import Report

GROUPS = {
    Severity.BLOCKING: "Must fix before signing",
    Severity.WARNING: "Warnings (fix, or acknowledge with a reason)",
    Severity.INFO: "Advice",
}
COLOURS = {Severity.BLOCKING: "#842029", Severity.WARNING: "#8a5a00", Severity.INFO: "#41464b"}
FindingRole = Qt.ItemDataRole.UserRole + 1


class QAPanel(QWidget):
    """Shows a Report; ``jump(target, field)`` when a finding is activated."""

    jump = Signal(str, str)
    acknowledge = Signal(object)  # the Finding
    check_sign = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        fields.name(self.summary, "QA summary")
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        fields.name(self.tree, "QA findings", "Enter or double-click jumps to the field")
        self.tree.itemActivated.connect(self._activated)
        buttons = QHBoxLayout()
        self.ack_button = QPushButton("Ac&knowledge…", self)
        self.ack_button.setToolTip("Accept the selected warning with a justification")
        self.ack_button.clicked.connect(self._acknowledge)
        self.sign_button = QPushButton("Check &before signing", self)
        self.sign_button.setToolTip("Lists anything that would stop this assessment being signed")
        self.sign_button.clicked.connect(self.check_sign)
        buttons.addWidget(self.ack_button)
        buttons.addWidget(self.sign_button)
        layout.addWidget(QLabel("<b>Quality checks</b>", self))
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.report: Report | None = None

    def show_report(self, report: Report, names: dict[str, str]) -> None:
        """Redraw, keeping groups expanded."""
        self.report = report
        self.tree.clear()
        for severity, title in GROUPS.items():
            items = [f for f in report.findings if f.severity is severity]
            if not items:
                continue
            group = QTreeWidgetItem(self.tree, [f"{title} ({len(items)})"])
            group.setForeground(0, QBrush(QColor(COLOURS[severity])))
            for finding in items:
                text = finding.message
                if report.is_acknowledged(finding):
                    text += "  [acknowledged]"
                child = QTreeWidgetItem(group, [text])
                child.setData(0, FindingRole, finding)
                child.setToolTip(
                    0, f"{finding.rule} on {names.get(finding.target, finding.target)}"
                )
            group.setExpanded(True)
        blocking, open_warnings = len(report.blocking), len(report.open_warnings)
        self.summary.setText(
            "No findings."
            if not report.findings
            else f"{blocking} blocking, {open_warnings} warning(s) to resolve."
        )
        if report.local_problem:
            self.summary.setText(
                self.summary.text() + f"\nLocal rules ignored: {report.local_problem}"
            )

    def _selected(self) -> Finding | None:
        item = self.tree.currentItem()
        finding = item.data(0, FindingRole) if item else None
        return finding if isinstance(finding, Finding) else None

    def _activated(self, item: QTreeWidgetItem) -> None:
        finding = item.data(0, FindingRole)
        if isinstance(finding, Finding):
            self.jump.emit(finding.target, finding.field or "")

    def _acknowledge(self) -> None:
        finding = self._selected()
        if finding is not None:
            self.acknowledge.emit(finding)
