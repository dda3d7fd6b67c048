"""One DST domain: its valid levels as large choices with our descriptors, and the evidence."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.domain.assessment_doc import DomainRecord
from chc_desktop.domain.content import DomainContent
from chc_desktop.domain.dst import VALID_LEVELS, Level
from chc_desktop.gui.workspace import fields
from chc_desktop.gui.workspace.autosave import Binding, Saver

AGREEMENT = (None, True, False)
AGREEMENT_TEXT = ("Not recorded yet", "Agrees with this level", "Disagrees with this level")


def text_box(parent: QWidget, accessible: str, placeholder: str, height: int) -> QPlainTextEdit:
    """A plain-text box that Tab leaves (so the page is keyboard-only friendly)."""
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(height)
    fields.name(box, accessible)
    return box


class DomainPage(QScrollArea):
    """The page for one domain; ``bindings`` save each control through ``store(field)``."""

    def __init__(
        self,
        number: int,
        content: DomainContent,
        saver: Saver,
        store: Callable[[str], fields.Store],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.code = content.code
        self.levels: tuple[Level, ...] = VALID_LEVELS[content.code]
        self.setWidgetResizable(True)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        title = QLabel(f"{number}. {content.name}", body)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        look_for = QLabel("Evidence to look for: " + "; ".join(content.prompts), body)
        look_for.setWordWrap(True)
        fields.name(look_for, f"{content.name}: evidence to look for")
        layout.addWidget(look_for)
        layout.addWidget(self._levels_box(content, body))
        form_box = QGroupBox("Evidence and views", body)
        form = QFormLayout(form_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        prompts = "; ".join(content.prompts)
        self.evidence = text_box(body, f"{content.name} evidence", f"Look for: {prompts}", 110)
        self.sources = fields.name(QLineEdit(body), f"{content.name} sources")
        assert isinstance(self.sources, QLineEdit)
        self.sources.setPlaceholderText("Where the evidence comes from, separated by commas")
        self.view = text_box(
            body, f"{content.name}: individual's view", "In their own words, where possible", 50
        )
        self.agreement = QComboBox(body)
        self.agreement.addItems(AGREEMENT_TEXT)
        fields.name(self.agreement, f"{content.name}: does the individual agree")
        self.disagreement = text_box(
            body,
            f"{content.name}: reason for disagreement",
            "Why, and what level they think applies",
            50,
        )
        self.notes = text_box(
            body,
            f"{content.name}: MDT notes",
            "Differing professional views and how they were resolved",
            50,
        )
        for label, widget in (
            ("&Evidence:", self.evidence), ("&Sources:", self.sources),
            ("Individual's &view:", self.view), ("A&greement:", self.agreement),
            ("&Reason for disagreement:", self.disagreement), ("MDT &notes:", self.notes),
        ):  # fmt: skip
            caption = QLabel(label, form_box)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
        layout.addWidget(form_box)
        layout.addStretch(1)
        self.setWidget(body)
        self.bindings: list[Binding] = [
            fields.choice(
                saver,
                f"{self.code}.level",
                self.group,
                [lv.value for lv in self.levels],
                store("level"),
            ),
            fields.text(saver, f"{self.code}.evidence", self.evidence, store("evidence")),
            fields.listed(saver, f"{self.code}.sources", self.sources, store("sources")),
            fields.text(saver, f"{self.code}.individual_view", self.view, store("individual_view")),
            fields.combo(saver, f"{self.code}.agreed", self.agreement, AGREEMENT, store("agreed")),
            fields.text(
                saver, f"{self.code}.disagreement", self.disagreement, store("disagreement")
            ),
            fields.text(saver, f"{self.code}.mdt_notes", self.notes, store("mdt_notes")),
        ]
        self.agreement.currentIndexChanged.connect(self._agreement_changed)
        self._agreement_changed()

    def _levels_box(self, content: DomainContent, parent: QWidget) -> QGroupBox:
        box = QGroupBox(f"Level of need (Alt+1 … Alt+{len(self.levels)})", parent)
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        self.group = QButtonGroup(box)
        self.buttons: list[QRadioButton] = []
        for i, level in enumerate(self.levels):
            button = QRadioButton(f"{level.label}", box)
            button.setMinimumHeight(30)
            bold = QFont(button.font())
            bold.setBold(True)
            button.setFont(bold)
            descriptor = QLabel(content.descriptors[level.value], box)
            descriptor.setWordWrap(True)
            descriptor.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            fields.name(
                button,
                f"{content.name}: {level.label}",
                f"Alt+{i + 1}: {content.descriptors[level.value]}",
            )
            button.setAccessibleDescription(content.descriptors[level.value])
            self.group.addButton(button, i)
            self.buttons.append(button)
            grid.addWidget(button, i, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(descriptor, i, 1)
        return box

    def _agreement_changed(self) -> None:
        self.disagreement.setEnabled(self.agreement.currentIndex() == 2)

    def choose(self, index: int) -> None:
        """Pick the index-th valid level (Alt+1 is the lowest)."""
        if 0 <= index < len(self.buttons):
            self.buttons[index].setChecked(True)
            self.buttons[index].setFocus()

    def load(self, record: DomainRecord | None) -> None:
        """Show what is stored for this domain."""
        record = record or DomainRecord()
        values: list[Any] = [
            record.level, record.evidence, record.sources, record.individual_view,
            record.agreed, record.disagreement, record.mdt_notes,
        ]  # fmt: skip
        for binding, value in zip(self.bindings, values, strict=True):
            binding.load(value)
        self._agreement_changed()
