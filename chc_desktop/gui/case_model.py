"""The case list: a lazy QAbstractTableModel over case ids (style.md §11-12).

The model holds only ids in the current sort order plus one search key per
id. Rows are fetched a page at a time through the task runner and cached; a
cell whose page has not arrived shows a placeholder. Filtering runs in memory
over the search keys, so typing never waits for the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from chc_desktop.gui.tasks import TaskRunner
from chc_desktop.services.case_views import CaseIndex, CaseRow, filter_index

PAGE = 200
PLACEHOLDER = "…"
_Index = QModelIndex | QPersistentModelIndex
CaseIdRole = Qt.ItemDataRole.UserRole + 1
OverdueRole = Qt.ItemDataRole.UserRole + 2


class Column(IntEnum):
    """Columns in display order."""

    REF = 0
    NAME = 1
    NHS = 2
    DAYS_LEFT = 3
    DUE = 4
    STATUS = 5
    TYPE = 6
    PLACE = 7
    REFERRER = 8
    RECEIVED = 9
    ASSIGNED = 10


HEADERS = {
    Column.REF: "Reference",
    Column.NAME: "Name",
    Column.NHS: "NHS number",
    Column.TYPE: "Type",
    Column.PLACE: "Place",
    Column.REFERRER: "Referrer",
    Column.RECEIVED: "Received",
    Column.DUE: "Due",
    Column.DAYS_LEFT: "28-day clock",
    Column.STATUS: "Status",
    Column.ASSIGNED: "Assigned to",
}
SORT_NAMES = {
    Column.REF: "case_ref",
    Column.NAME: "name",
    Column.NHS: "nhs_number",
    Column.TYPE: "case_type",
    Column.PLACE: "place",
    Column.REFERRER: "referrer",
    Column.RECEIVED: "received",
    Column.DUE: "due",
    Column.DAYS_LEFT: "due",
    Column.STATUS: "status",
    Column.ASSIGNED: "assigned_to",
}
_OVERDUE_BG = QBrush(QColor("#f8d7da"))
_OVERDUE_FG = QBrush(QColor("#842029"))


def clock_text(days_left: int | None) -> str:
    """Words for the 28-day clock cell."""
    if days_left is None:
        return "stopped"
    if days_left < 0:
        return f"{-days_left} day{'s' if days_left != -1 else ''} overdue"
    if days_left == 0:
        return "due today"
    return f"{days_left} day{'s' if days_left != 1 else ''} left"


def cell_text(row: CaseRow, column: Column) -> str:  # noqa: PLR0911
    """Display text of one cell."""
    match column:
        case Column.REF:
            return row.case_ref
        case Column.NAME:
            return row.name
        case Column.NHS:
            return row.nhs_number
        case Column.TYPE:
            return row.case_type.replace("_", " ")
        case Column.PLACE:
            return row.place
        case Column.REFERRER:
            return row.referrer
        case Column.RECEIVED:
            return row.received.isoformat()
        case Column.DUE:
            return row.due.isoformat()
        case Column.DAYS_LEFT:
            return clock_text(row.days_left)
        case Column.STATUS:
            return row.status.replace("_", " ")
        case Column.ASSIGNED:
            return row.assigned_to or ""


class CaseTableModel(QAbstractTableModel):
    """Ids in sort order, filtered in memory; rows fetched lazily a page at a time."""

    def __init__(
        self,
        runner: TaskRunner,
        fetch_rows: Callable[[list[int]], dict[int, CaseRow]],
        request_sort: Callable[[str, bool], None],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._fetch_rows = fetch_rows
        self._request_sort = request_sort
        self._index = CaseIndex([], [])
        self._visible: list[int] = []
        self._filter = ""
        self._cache: dict[int, CaseRow] = {}
        self._pending: set[int] = set()
        self._in_data = False

    # -- data the controller hands in -------------------------------------------------
    def set_index(self, index: CaseIndex) -> None:
        """Replace the sorted ids (after load, sort or import) and re-apply the filter."""
        self.beginResetModel()
        self._index = index
        self._visible = filter_index(index, self._filter)
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Show only cases whose reference, name or NHS number contains ``text``."""
        self.beginResetModel()
        self._filter = text
        self._visible = filter_index(self._index, text)
        self.endResetModel()

    def invalidate(self) -> None:
        """Forget cached rows (after a change); they are fetched again when shown."""
        self._cache.clear()
        self._pending.clear()
        if self._visible:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._visible) - 1, len(Column) - 1)
            )

    @property
    def total(self) -> int:
        """Cases in the store."""
        return len(self._index.ids)

    def case_id(self, row: int) -> int | None:
        """Case id shown at ``row``."""
        return self._visible[row] if 0 <= row < len(self._visible) else None

    def row_of(self, case_id: int) -> int | None:
        """Row where ``case_id`` is shown, if visible."""
        try:
            return self._visible.index(case_id)
        except ValueError:
            return None

    # -- Qt model interface -----------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Visible cases; 0 under a valid parent (flat table)."""
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Fixed columns; 0 under a valid parent."""
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles; row numbers vertically."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return HEADERS[Column(section)] if 0 <= section < len(Column) else None
        return section + 1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: PLR0911
        """Cell text, overdue colours and the case id role."""
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        case_id = self._visible[index.row()]
        if role == CaseIdRole:
            return case_id
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.FontRole,
            OverdueRole,
        ):
            return None
        row = self._row(index.row(), case_id)
        if row is None:
            return PLACEHOLDER if role == Qt.ItemDataRole.DisplayRole else None
        column = Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cell_text(row, column)
        if role == OverdueRole:
            return row.overdue
        return self._overdue_style(row, column, role)

    @staticmethod
    def _overdue_style(row: CaseRow, column: Column, role: int) -> Any:
        if not row.overdue or column != Column.DAYS_LEFT:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return _OVERDUE_BG
        if role == Qt.ItemDataRole.ForegroundRole:
            return _OVERDUE_FG
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask the controller for ids in a new order (fetched off the GUI thread)."""
        self._request_sort(SORT_NAMES[Column(column)], order == Qt.SortOrder.DescendingOrder)

    # -- lazy row fetching ----------------------------------------------------------
    def _row(self, row: int, case_id: int) -> CaseRow | None:
        cached = self._cache.get(case_id)
        if cached is not None or case_id in self._pending:
            return cached
        start = row - row % PAGE
        page = [i for i in self._visible[start : start + PAGE] if i not in self._cache]
        self._pending.update(page)
        self._in_data = True
        try:
            self._runner.submit(lambda: self._fetch_rows(page), self._rows_arrived)
        finally:
            self._in_data = False
        return self._cache.get(case_id)

    def _rows_arrived(self, rows: dict[int, CaseRow]) -> None:
        self._cache.update(rows)
        self._pending.difference_update(rows)
        if self._in_data or not self._visible:
            return
        self._emit_changed(rows)

    def _emit_changed(self, ids: Iterable[int]) -> None:
        wanted = set(ids)
        hits = [r for r, i in enumerate(self._visible) if i in wanted] if wanted else []
        if hits:
            self.dataChanged.emit(self.index(min(hits), 0), self.index(max(hits), len(Column) - 1))
