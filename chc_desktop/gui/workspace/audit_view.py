"""The per-case audit view: who did what to each assessment version, and when (UTC)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from chc_desktop.services.audit_view import EventRow

COLUMNS = ("#", "When (UTC)", "Who", "Role", "Action", "Version", "Reason", "Details")


class AuditDialog(QDialog):
    """A read-only table of a case's audit events."""

    def __init__(
        self, case_ref: str, events: list[EventRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Audit trail: case {case_ref}")
        self.resize(1000, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                f"{len(events)} event(s), oldest first. Each is chained to the one before it; "
                "'audit verify' checks the whole chain."
            )
        )
        self.table = QTableWidget(len(events), len(COLUMNS), self)
        self.table.setAccessibleName("Audit events")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        for row, event in enumerate(events):
            values = (
                str(event.seq), event.at[:19].replace("T", " "), event.actor, event.role,
                event.action, f"v{event.version}" if event.version else "", event.reason or "",
                event.detail,
            )  # fmt: skip
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.table.setFocus()
