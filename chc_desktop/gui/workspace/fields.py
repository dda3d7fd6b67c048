"""Bind common widgets to stored values (see autosave.Binding)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QButtonGroup, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from chc_desktop.gui.workspace.autosave import TEXT_PAUSE_MS, Binding, Saver

Store = Callable[[Any], Any]


class _SaveOnFocusOut(QObject):
    def __init__(self, binding: Binding, parent: QObject) -> None:
        super().__init__(parent)
        self._binding = binding

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self._binding.commit()
        return False


def text(saver: Saver, key: str, widget: QPlainTextEdit | QLineEdit, store: Store) -> Binding:
    """Free text; empty means not recorded (None). Saved after a pause or on leaving the field."""

    def read() -> str | None:
        value = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
        return value if value.strip() else None

    def show(value: Any) -> None:
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value or "")
        else:
            widget.setText(value or "")

    binding = Binding(saver, key, read=read, show=show, store=store, pause_ms=TEXT_PAUSE_MS)
    widget.textChanged.connect(binding.changed)
    widget.installEventFilter(_SaveOnFocusOut(binding, widget))
    return binding


def listed(saver: Saver, key: str, widget: QLineEdit, store: Store) -> Binding:
    """A comma-separated list of short texts (sources)."""

    def read() -> list[str]:
        return [part.strip() for part in widget.text().split(",") if part.strip()]

    binding = Binding(
        saver,
        key,
        read=read,
        show=lambda v: widget.setText(", ".join(v or [])),
        store=store,
        pause_ms=TEXT_PAUSE_MS,
    )
    widget.textChanged.connect(binding.changed)
    widget.installEventFilter(_SaveOnFocusOut(binding, widget))
    return binding


def choice(
    saver: Saver, key: str, group: QButtonGroup, codes: Sequence[Any], store: Store
) -> Binding:
    """One of several buttons (ids are indexes into ``codes``); none checked means None."""

    def read() -> Any:
        index = group.checkedId()
        return codes[index] if 0 <= index < len(codes) else None

    def show(value: Any) -> None:
        target = codes.index(value) if value in codes else -1
        group.setExclusive(False)
        for button in group.buttons():
            button.setChecked(group.id(button) == target)
        group.setExclusive(True)

    binding = Binding(saver, key, read=read, show=show, store=store)

    def toggled(_id: int, checked: bool) -> None:
        if checked:
            binding.changed()

    group.idToggled.connect(toggled)
    return binding


def combo(
    saver: Saver, key: str, widget: QComboBox, values: Sequence[Any], store: Store
) -> Binding:
    """A drop-down whose items stand for ``values`` in order."""
    binding = Binding(
        saver,
        key,
        read=lambda: values[widget.currentIndex()],
        show=lambda v: widget.setCurrentIndex(values.index(v) if v in values else 0),
        store=store,
    )
    widget.currentIndexChanged.connect(binding.changed)
    return binding


def name(widget: QWidget, accessible: str, tip: str | None = None) -> QWidget:
    """Give a control its accessible name (and a tooltip), returning it."""
    widget.setAccessibleName(accessible)
    if tip:
        widget.setToolTip(tip)
    return widget
