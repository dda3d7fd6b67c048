"""MDT and participation: date, place, who took part, and the individual's involvement."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.domain.assessment_doc import AssessmentDoc, Participant
from chc_desktop.gui.workspace import fields
from chc_desktop.gui.workspace.autosave import Binding, Saver

PRESENT = (None, True, False)
PRESENT_TEXT = ("Not recorded yet", "Yes, took part", "No (say why under representative)")
COLUMNS = ("Name", "Profession", "Role", "Present")


class ParticipantsPage(QWidget):
    """Editable MDT list (saved as a whole) plus the assessment's own fields."""

    def __init__(
        self,
        saver: Saver,
        store: Callable[[str], fields.Store],
        store_people: fields.Store,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        meeting = QGroupBox("Meeting", self)
        form = QFormLayout(meeting)
        self.when = QDateEdit(meeting)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd")
        self.when.setSpecialValueText("not recorded")
        self.when.setMinimumDate(QDate(2000, 1, 1))
        fields.name(self.when, "Assessment date")
        self.location = QLineEdit(meeting)
        fields.name(self.location, "Location")
        self.present = QComboBox(meeting)
        self.present.addItems(PRESENT_TEXT)
        fields.name(self.present, "Did the individual take part")
        self.representative = QLineEdit(meeting)
        self.representative.setPlaceholderText(
            "Name and relationship, or why the individual could not take part"
        )
        fields.name(self.representative, "Representative")
        today = QPushButton("&Today", meeting)
        today.clicked.connect(lambda: self.when.setDate(QDate.currentDate()))
        when_row = QHBoxLayout()
        when_row.addWidget(self.when, 1)
        when_row.addWidget(today)
        date_caption = QLabel("&Date:", meeting)
        date_caption.setBuddy(self.when)
        form.addRow(date_caption, when_row)
        for text, widget in ( ("&Location:", self.location),
            ("Individual &took part:", self.present), ("&Representative:", self.representative),
        ):  # fmt: skip
            caption = QLabel(text, meeting)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
        layout.addWidget(meeting)
        layout.addWidget(self._people_box())
        self.bindings: list[Binding] = [
            self._date_binding(saver, store("date")),
            fields.text(saver, "location", self.location, store("location")),
            fields.combo(
                saver, "individual_present", self.present, PRESENT, store("individual_present")
            ),
            fields.text(saver, "representative", self.representative, store("representative")),
            Binding(
                saver,
                "participants",
                read=self.people,
                show=self.show_people,
                store=store_people,
                pause_ms=600,
            ),
        ]
        self.table.itemChanged.connect(self.bindings[-1].changed)

    def _people_box(self) -> QGroupBox:
        box = QGroupBox(
            "MDT members (at least two professionals from different professions; "
            "a row is saved once it has a name and a profession)",
            self,
        )
        layout = QVBoxLayout(box)
        self.table = QTableWidget(0, len(COLUMNS), box)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setTabKeyNavigation(False)
        fields.name(self.table, "MDT members", "Type in the cells; Space ticks Present")
        layout.addWidget(self.table)
        row = QHBoxLayout()
        add = QPushButton("&Add member", box)
        add.setToolTip("Add a member (Ctrl+N)")
        shortcut = QShortcut(QKeySequence("Ctrl+N"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.add_row)
        remove = QPushButton("Re&move member", box)
        add.clicked.connect(self.add_row)
        remove.clicked.connect(self.remove_row)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    def _date_binding(self, saver: Saver, store: fields.Store) -> Binding:
        def read() -> str | None:
            value = self.when.date()
            return None if value == self.when.minimumDate() else value.toString("yyyy-MM-dd")

        def show(value: str | date | None) -> None:
            if value is None:
                self.when.setDate(self.when.minimumDate())
            else:
                self.when.setDate(QDate.fromString(str(value), "yyyy-MM-dd"))

        binding = Binding(saver, "date", read=read, show=show, store=store)
        self.when.dateChanged.connect(binding.changed)
        return binding

    def add_row(self, person: Participant | None = None) -> None:
        """Append a member (blank to fill in)."""
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        p = person or Participant("", "", "")
        for col, value in enumerate((p.name, p.profession, p.role)):
            self.table.setItem(row, col, QTableWidgetItem(value))
        tick = QTableWidgetItem()
        tick.setFlags(
            Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
        )
        tick.setCheckState(Qt.CheckState.Checked if p.present else Qt.CheckState.Unchecked)
        self.table.setItem(row, 3, tick)
        self.table.blockSignals(False)
        if person is None:
            self.table.setCurrentCell(row, 0)
            self.table.setFocus()

    def remove_row(self) -> None:
        """Remove the selected member and save."""
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.bindings[-1].commit()

    def people(self) -> list[Participant]:
        """Members with both a name and a profession; rows still being typed are not saved yet."""
        out = []
        for row in range(self.table.rowCount()):
            texts = [self._cell(row, c) for c in range(3)]
            tick = self.table.item(row, 3)
            present = tick is not None and tick.checkState() == Qt.CheckState.Checked
            if texts[0] and texts[1]:
                out.append(Participant(texts[0], texts[1], texts[2], present))
        return out

    def _cell(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text().strip() if item is not None else ""

    def show_people(self, people: list[Participant] | None) -> None:
        """Replace the table's rows (closing any open cell editor first)."""
        if self.table.state() == QAbstractItemView.State.EditingState:
            self.table.closePersistentEditor(self.table.currentItem())
        self.table.setRowCount(0)
        for person in people or []:
            self.add_row(person)

    def load(self, doc: AssessmentDoc) -> None:
        """Show what is stored."""
        values = (
            doc.date,
            doc.location,
            doc.individual_present,
            doc.representative,
            doc.participants,
        )
        for binding, value in zip(self.bindings, values, strict=True):
            binding.load(value)
