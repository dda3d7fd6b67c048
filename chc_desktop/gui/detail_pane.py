"""The detail pane: every field of the selected case, as selectable text."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from chc_desktop.gui.case_model import clock_text
from chc_desktop.services.case_views import CaseDetail

FIELDS = (
    ("ref", "Reference"),
    ("name", "Name"),
    ("nhs", "NHS number"),
    ("dob", "Date of birth"),
    ("type", "Case type"),
    ("status", "Status"),
    ("setting", "Setting"),
    ("place", "Place"),
    ("referrer", "Referrer"),
    ("received", "Received"),
    ("due", "Decision due"),
    ("clock", "28-day clock"),
    ("assigned", "Assigned to"),
)


def age_on(born: date, today: date) -> int:
    """Whole years between ``born`` and ``today``."""
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def detail_values(detail: CaseDetail, today: date) -> dict[str, str]:
    """Text for each field of the pane."""
    row = detail.row
    return {
        "ref": row.case_ref,
        "name": f"{detail.given_name} {detail.family_name}",
        "nhs": row.nhs_number,
        "dob": f"{detail.date_of_birth.isoformat()} (age {age_on(detail.date_of_birth, today)})",
        "type": row.case_type.replace("_", " "),
        "status": row.status.replace("_", " "),
        "setting": detail.setting.replace("_", " "),
        "place": row.place,
        "referrer": row.referrer,
        "received": row.received.isoformat(),
        "due": row.due.isoformat(),
        "clock": clock_text(row.days_left),
        "assigned": row.assigned_to or "unassigned",
    }


class DetailPane:
    """Fills the form layout from the .ui with one label per field."""

    def __init__(self, form: QFormLayout, placeholder: QLabel, parent: QWidget) -> None:
        self._placeholder = placeholder
        self.values: dict[str, QLabel] = {}
        for key, title in FIELDS:
            value = QLabel(parent)
            value.setObjectName(f"detail_{key}")
            value.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByKeyboard
                | Qt.TextInteractionFlag.TextSelectableByMouse
            )
            value.setWordWrap(True)
            value.setAccessibleName(title)
            form.addRow(f"{title}:", value)
            self.values[key] = value
        self.show(None, date.today())

    def show(self, detail: CaseDetail | None, today: date) -> None:
        """Show ``detail``, or the placeholder when nothing is selected."""
        self._placeholder.setVisible(detail is None)
        texts = detail_values(detail, today) if detail else dict.fromkeys(self.values, "")
        for key, label in self.values.items():
            label.setText(texts[key])
        overdue = detail is not None and detail.row.overdue
        self.values["clock"].setStyleSheet("color: #842029; font-weight: bold;" if overdue else "")
