"""The MDT's own recommendation, with a rationale for each key characteristic."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.domain.assessment_doc import RATIONALE, Recommendation
from chc_desktop.gui.workspace import fields
from chc_desktop.gui.workspace.autosave import Binding, Saver
from chc_desktop.gui.workspace.domain_page import text_box

CHOICES = (True, False, None)
CHOICE_TEXT = ("Primary health need &recommended", "N&ot recommended", "Not &decided yet")
PROMPTS = {
    "nature": "What kind of needs, and what kind of help do they call for?",
    "intensity": "How much help, how often, and how sustained?",
    "complexity": "How do the needs and conditions interact, and what skill does that call for?",
    "unpredictability": "How much do needs change without warning, and what is the risk if help is late?",
}


class RecommendationPage(QScrollArea):
    """Recommendation, rationale on nature/intensity/complexity/unpredictability, views, dissent."""

    def __init__(
        self, saver: Saver, store: Callable[[str], fields.Store], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        note = QLabel(
            "The MDT makes this recommendation. CHC Desktop only shows the pattern of needs; "
            "it never decides eligibility.",
            body,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        row = QHBoxLayout()
        self.group = QButtonGroup(body)
        self.buttons: list[QRadioButton] = []
        for i, text in enumerate(CHOICE_TEXT):
            button = QRadioButton(text, body)
            fields.name(button, text.replace("&", ""), f"Alt+{i + 1}")
            self.buttons.append(button)
            self.group.addButton(button, i)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        form = QFormLayout()
        self.boxes = {k: text_box(body, f"Rationale: {k}", PROMPTS[k], 60) for k in RATIONALE}
        self.view = text_box(
            body, "Individual's view of the recommendation", "Do they agree? In their words.", 50
        )
        self.dissent = text_box(body, "Dissent", "Any professional who disagrees, and why", 50)
        for label, widget in (
            *((f"&{k.capitalize()}:", self.boxes[k]) for k in RATIONALE),
            ("Individual's &view:", self.view),
            ("Di&ssent:", self.dissent),
        ):
            caption = QLabel(label, body)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
        layout.addLayout(form)
        layout.addStretch(1)
        self.setWidget(body)
        self.bindings: list[Binding] = [
            fields.choice(
                saver, "primary_health_need", self.group, CHOICES, store("primary_health_need")
            ),
            *(fields.text(saver, k, self.boxes[k], store(k)) for k in RATIONALE),
            fields.text(saver, "rec.individual_view", self.view, store("individual_view")),
            fields.text(saver, "dissent", self.dissent, store("dissent")),
        ]

    def choose(self, index: int) -> None:
        """Alt+1 recommended, Alt+2 not recommended, Alt+3 not decided."""
        if 0 <= index < len(self.buttons):
            self.buttons[index].setChecked(True)
            self.buttons[index].setFocus()

    def load(self, rec: Recommendation) -> None:
        """Show what is stored."""
        values = (
            rec.primary_health_need, *(getattr(rec, k) for k in RATIONALE), rec.individual_view, rec.dissent,
        )  # fmt: skip
        for binding, value in zip(self.bindings, values, strict=True):
            binding.load(value)
