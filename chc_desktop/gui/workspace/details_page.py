"""Fast Track tool and review record: a form of labelled fields with a live completeness check."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from chc_desktop.domain.fast_track import FastTrackField
from chc_desktop.gui.workspace import fields
from chc_desktop.gui.workspace.autosave import Binding, Saver
from chc_desktop.gui.workspace.domain_page import text_box


class DetailsPage(QScrollArea):
    """One widget per field; ``check`` lists what is still missing."""

    def __init__(
        self,
        title: str,
        *,
        spec: Sequence[FastTrackField],
        saver: Saver,
        store: Callable[[str], fields.Store],
        check: Callable[[dict[str, str | None]], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self._check = check
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.addWidget(QLabel(f"<b>{title}</b>", body))
        form = QFormLayout()
        self.bindings: list[Binding] = []
        self._codes = [f.code for f in spec]
        for f in spec:
            label = QLabel(f.label + (" *" if f.required else ""), body)
            label.setWordWrap(True)
            widget: QWidget
            if f.choices:
                box = QComboBox(body)
                options: list[str | None] = [None, *f.choices]
                box.addItems(["choose…", *(c.replace("_", " ") for c in f.choices)])
                binding = fields.combo(saver, f.code, box, options, store(f.code))
                widget = box
            else:
                edit = text_box(body, f.label, "", 50)
                binding = fields.text(saver, f.code, edit, store(f.code))
                widget = edit
            fields.name(widget, f.label)
            label.setBuddy(widget)
            form.addRow(label, widget)
            self.bindings.append(binding)
        layout.addLayout(form)
        self.missing = QLabel(body)
        self.missing.setWordWrap(True)
        fields.name(self.missing, "What is still missing")
        layout.addWidget(self.missing)
        layout.addStretch(1)
        self.setWidget(body)

    def load(self, values: dict[str, str]) -> None:
        """Show stored values and what is missing."""
        for code, binding in zip(self._codes, self.bindings, strict=True):
            binding.load(values.get(code))
        self.refresh(values)

    def refresh(self, values: dict[str, str]) -> None:
        """Re-run the completeness check."""
        problems = self._check(dict(values))
        self.missing.setText(
            "Complete."
            if not problems
            else "Still to do:\n" + "\n".join(f"• {p}" for p in problems)
        )
