"""The lazy case model, checked with qtmodeltester (style.md §13)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt

from chc_desktop.gui.case_model import PLACEHOLDER, CaseTableModel, Column, OverdueRole, clock_text
from chc_desktop.gui.tasks import TaskRunner
from chc_desktop.services.case_views import CaseIndex, CaseRow

TODAY = date(2026, 11, 24)


def rows(n: int) -> dict[int, CaseRow]:
    out = {}
    for i in range(1, n + 1):
        received = TODAY - timedelta(days=i)
        due = received + timedelta(days=28)
        out[i] = CaseRow(
            id=i, case_ref=f"R-{i:04d}", name=f"Fakename{i}, Testy", nhs_number="999 000 0018",
            case_type="checklist", place="P", referrer="Ref", received=received, due=due,
            days_left=(due - TODAY).days, status="new", assigned_to=None,
        )  # fmt: skip
    return out


def index_of(data: dict[int, CaseRow]) -> CaseIndex:
    ids = sorted(data)
    keys = [f"{data[i].case_ref}\t{data[i].name}".lower() for i in ids]
    return CaseIndex(ids, keys)


class QueueRunner(TaskRunner):
    """Holds jobs until ``drain`` so the placeholder path can be seen."""

    def __init__(self) -> None:
        super().__init__(synchronous=True)
        self.jobs: list[tuple[Callable[[], Any], Callable[[Any], None]]] = []

    def submit(self, fn: Any, on_done: Any, on_error: Any = None) -> None:
        self.jobs.append((fn, on_done))

    def drain(self) -> None:
        while self.jobs:
            fn, done = self.jobs.pop(0)
            done(fn())


def make(
    runner: TaskRunner, data: dict[int, CaseRow], sorts: list[tuple[str, bool]] | None = None
) -> CaseTableModel:
    calls = sorts if sorts is not None else []
    model = CaseTableModel(
        runner, lambda ids: {i: data[i] for i in ids}, lambda s, d: calls.append((s, d))
    )
    model.set_index(index_of(data))
    return model


def test_model_passes_qtmodeltester(qtmodeltester: Any, runner: TaskRunner) -> None:
    model = make(runner, rows(450))
    qtmodeltester.check(model)
    model.set_filter("r-01")
    qtmodeltester.check(model)


def test_empty_model(qtmodeltester: Any, runner: TaskRunner) -> None:
    model = make(runner, {})
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_cells_and_overdue_highlight(runner: TaskRunner) -> None:
    model = make(runner, rows(40))
    first = model.index(0, Column.REF)
    assert model.data(first) == "R-0001"
    clock_cell = model.index(39, Column.DAYS_LEFT)
    assert model.data(clock_cell) == "12 days overdue"
    assert model.data(clock_cell, OverdueRole) is True
    assert model.data(clock_cell, Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(0, Column.DAYS_LEFT), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(first, Qt.ItemDataRole.DecorationRole) is None


def test_filter_is_in_memory_and_case_insensitive(runner: TaskRunner) -> None:
    model = make(runner, rows(300))
    model.set_filter("FAKENAME12")
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == [
        "R-0012", *[f"R-{i:04d}" for i in range(120, 130)],
    ]  # fmt: skip
    model.set_filter("")
    assert model.rowCount() == 300


def test_rows_are_fetched_lazily_a_page_at_a_time(qtbot: Any) -> None:
    runner = QueueRunner()
    fetched: list[int] = []
    data = rows(1000)

    def fetch(ids: list[int]) -> dict[int, CaseRow]:
        fetched.extend(ids)
        return {i: data[i] for i in ids}

    model = CaseTableModel(runner, fetch, lambda s, d: None)
    model.set_index(index_of(data))
    cell = model.index(450, Column.REF)
    assert model.data(cell) == PLACEHOLDER
    with qtbot.waitSignal(model.dataChanged):
        runner.drain()
    assert model.data(cell) == "R-0451"
    assert fetched == list(range(401, 601))


def test_sort_asks_for_a_new_order(runner: TaskRunner) -> None:
    sorts: list[tuple[str, bool]] = []
    model = make(runner, rows(5), sorts)
    model.sort(Column.NAME, Qt.SortOrder.DescendingOrder)
    model.sort(Column.DAYS_LEFT)
    assert sorts == [("name", True), ("due", False)]


def test_clock_words() -> None:
    assert [clock_text(d) for d in (None, -1, -3, 0, 1, 9)] == [
        "stopped", "1 day overdue", "3 days overdue", "due today", "1 day left", "9 days left",
    ]  # fmt: skip
