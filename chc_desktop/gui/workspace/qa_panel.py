"""The live QA panel: findings grouped by severity and by domain, each one a link to its field.

A QTextBrowser: text wraps in a narrow column, Tab moves between links and
Enter follows one. Each warning also has an "acknowledge" link.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from chc_desktop.domain.qa.model import Finding, Severity
from chc_desktop.gui.workspace import fields
from chc_desktop.services.qa import Report

GROUPS = {
    Severity.BLOCKING: "Must fix before signing",
    Severity.WARNING: "Warnings: fix, or acknowledge with a reason",
    Severity.INFO: "Advice",
}
COLOURS = {Severity.BLOCKING: "#842029", Severity.WARNING: "#8a5a00", Severity.INFO: "#41464b"}
PLACES = {
    "participants": "MDT and participation", "assessment": "MDT and participation",
    "dates": "Dates", "recommendation": "Recommendation", "checklist": "Checklist",
    "details": "Form", "pattern": "Pattern of levels", "qa": "Quality checks",
}  # fmt: skip


class QAPanel(QWidget):
    """Shows a Report; emits ``jump(target, field)`` and ``acknowledge(finding)`` from its links."""

    jump = Signal(str, str)
    acknowledge = Signal(object)  # the Finding
    check_sign = Signal()
    export_pack = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        fields.name(self.summary, "QA summary")
        self.view = QTextBrowser(self)
        self.view.setOpenLinks(False)
        self.view.anchorClicked.connect(self._followed)
        fields.name(self.view, "QA findings", "Tab to a finding and press Enter to go to its field")
        self.sign_button = QPushButton("&Sign…", self)
        self.sign_button.setToolTip(
            "Sign and freeze this assessment; refused, with the reasons, while quality checks block it"
        )
        self.sign_button.clicked.connect(self.check_sign)
        self.export_button = QPushButton("E&xport review pack…", self)
        self.export_button.setToolTip(
            "Build the signed review pack (.chcpack) of this signed version to send on"
        )
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_pack)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.export_button)
        row.addWidget(self.sign_button)
        layout.addWidget(QLabel("<b>Quality checks</b>", self))
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.report: Report | None = None
        self._findings: list[Finding] = []

    def show_report(self, report: Report, names: dict[str, str]) -> None:
        """Redraw: severity, then the domain or part of the form, then each finding."""
        self.report = report
        self._findings = list(report.findings)
        parts: list[str] = []
        for severity, title in GROUPS.items():
            items = [(i, f) for i, f in enumerate(self._findings) if f.severity is severity]
            if not items:
                continue
            parts.append(f"<h4 style='color:{COLOURS[severity]}'>{title} ({len(items)})</h4>")
            places: dict[str, list[str]] = {}
            for index, finding in items:
                place = names.get(finding.target) or PLACES.get(finding.target, finding.target)
                text = escape(finding.message.removeprefix(f"{place}: "))
                line = f"<a href='jump:{index}'>{text}</a>"
                if report.is_acknowledged(finding):
                    line += " <i>(acknowledged)</i>"
                elif severity is Severity.WARNING:
                    line += f" · <a href='ack:{index}'>acknowledge…</a>"
                places.setdefault(place, []).append(f"<li>{line}</li>")
            for place, lines in places.items():
                parts.append(
                    f"<b>{escape(place)}</b><ul style='margin-top:0'>{''.join(lines)}</ul>"
                )
        self.view.setHtml("".join(parts) or "<p>No findings.</p>")
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

    def _followed(self, url: QUrl) -> None:
        action, _, number = url.toString().partition(":")
        if not number.isdigit() or int(number) >= len(self._findings):
            return
        finding = self._findings[int(number)]
        if action == "jump":
            self.jump.emit(finding.target, finding.field or "")
        elif action == "ack":
            self.acknowledge.emit(finding)
