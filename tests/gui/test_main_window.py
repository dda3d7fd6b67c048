"""The main window over a real encrypted profile, driven by keyboard and mouse."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from chc_desktop.gui import crash, dialogs
from chc_desktop.gui.case_model import Column
from chc_desktop.gui.main_window import MainWindow
from chc_desktop.gui.progress import ProgressBridge
from chc_desktop.gui.tasks import TaskRunner
from chc_desktop.services.context import Profile
from tests.helpers.data import TODAY, case_dicts, to_csv


@pytest.fixture
def window(qtbot: Any, runner: TaskRunner, filled: Profile) -> MainWindow:
    win = MainWindow(runner, today=TODAY)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.ready):
        win.attach(filled)
    win.show()
    return win


def shown_refs(win: MainWindow) -> list[str]:
    model = win.model
    return [model.data(model.index(r, Column.REF)) for r in range(model.rowCount())]


def test_loads_every_case_sorted_by_due_date(window: MainWindow) -> None:
    assert window.model.rowCount() == 300
    dues = [window.model.data(window.model.index(r, Column.DUE)) for r in range(300)]
    assert dues == sorted(dues)
    assert window.counts.text().startswith("300 cases · 300 shown · ")
    assert "overdue" in window.counts.text()


def test_title_never_shows_personal_data(window: MainWindow) -> None:
    assert window.windowTitle() == "CHC Desktop"


def test_typing_filters_and_escape_clears(qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.ui.filterEdit.hasFocus() or window.focusWidget() is window.ui.filterEdit
    qtbot.keyClicks(window.ui.filterEdit, "fakename29")
    assert sorted(shown_refs(window)) == [
        "TEST-000029",
        *[f"TEST-{i:06d}" for i in range(290, 300)],
    ]
    assert "11 shown" in window.counts.text()
    qtbot.keyClick(window.ui.filterEdit, Qt.Key.Key_Escape)
    assert window.model.rowCount() == 300


def test_keyboard_moves_into_list_and_detail_follows(qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClicks(window.ui.filterEdit, "TEST-000007")
    qtbot.keyClick(window.ui.filterEdit, Qt.Key.Key_Return)
    assert window.ui.caseTable.currentIndex().row() == 0
    assert window.detail.values["ref"].text() == "TEST-000007"
    assert window.detail.values["name"].text() == "Testy Fakename7"
    assert window.detail.values["dob"].text().startswith("1940-02-29 (age 86)")
    qtbot.keyClick(window.ui.filterEdit, Qt.Key.Key_Escape)
    # the selection survives clearing the filter
    assert window.detail.values["ref"].text() == "TEST-000007"
    row = window.ui.caseTable.currentIndex().row()
    assert window.model.data(window.model.index(row, Column.REF)) == "TEST-000007"


def test_header_click_sorts_through_the_service(qtbot: Any, window: MainWindow) -> None:
    header = window.ui.caseTable.horizontalHeader()
    header.setSortIndicator(Column.REF, Qt.SortOrder.DescendingOrder)
    refs = shown_refs(window)
    assert refs == sorted(refs, reverse=True)


def offer_file(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path, rows: list[dict[str, str]]
) -> None:
    """Write ``rows`` to ``path`` and make the import menu's file chooser pick it."""
    path.write_bytes(to_csv(rows))
    monkeypatch.setattr(window, "choose_import_file", lambda: path)


def test_import_from_the_menu(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offer_file(window, monkeypatch, tmp_path / "more.csv", case_dicts(5, seed=99, prefix="MORE"))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    window.ui.actionImport.trigger()
    assert "Imported 5 new case(s)" in shown[0]
    assert window.model.rowCount() == 305


def test_bad_import_explains_and_changes_nothing(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = case_dicts(3, seed=5, prefix="BAD")
    rows[2]["nhs_number"] = "123"
    offer_file(window, monkeypatch, tmp_path / "bad.csv", rows)
    boxes: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append(box) or 0)
    window.ui.actionImport.trigger()
    assert "Nothing was written" in boxes[0].text()
    assert "line 4, nhs_number" in boxes[0].detailedText()
    assert window.model.rowCount() == 300


def test_empty_profile_shows_an_empty_list(
    qtbot: Any, runner: TaskRunner, profile: Profile
) -> None:
    win = MainWindow(runner, today=TODAY)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.ready):
        win.attach(profile)
    assert win.model.rowCount() == 0
    assert win.counts.text() == "0 cases · 0 shown · 0 overdue"
    assert win.ui.detailPlaceholder.isVisibleTo(win)


def test_help_dialogs_open(qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: seen.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: seen.append(text))
    window.ui.actionAbout.trigger()
    window.ui.actionShortcuts.trigger()
    assert "never decides eligibility" in seen[0]
    assert all(key in seen[1] for key, _ in dialogs.SHORTCUTS)


def test_crash_report_is_written(tmp_path: Path) -> None:
    try:
        raise ValueError("boom")
    except ValueError as exc:
        path = crash.write_report(tmp_path, exc)
    assert "ValueError: boom" in path.read_text()


def test_import_can_be_cancelled_and_writes_nothing(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offer_file(window, monkeypatch, tmp_path / "many.csv", case_dicts(2000, seed=3, prefix="MANY"))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    original = ProgressBridge.__call__
    seen: list[str] = []

    def cancel_while_writing(bridge: ProgressBridge, stage: str, done: int, total: int) -> None:
        seen.append(stage)
        if stage == "writing cases":
            bridge.cancel()
        original(bridge, stage, done, total)

    monkeypatch.setattr(ProgressBridge, "__call__", cancel_while_writing)
    window.ui.actionImport.trigger()
    assert "writing people" in seen
    assert warnings == ["cancelled; nothing was written"]
    window.reload()
    assert window.model.rowCount() == 300


def test_open_case_starts_and_resumes_assessments(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chc_desktop.gui.workspace.case_dialog import CaseDialog
    from chc_desktop.gui.workspace.window import AssessmentWindow

    qtbot.keyClicks(window.ui.filterEdit, "TEST-000007")
    qtbot.keyClick(window.ui.filterEdit, Qt.Key.Key_Return)
    listed: list[int] = []

    def start_dst(dialog: CaseDialog) -> int:
        listed.append(dialog.list.count())
        dialog._choose_start("dst")
        return 1

    monkeypatch.setattr(CaseDialog, "exec", start_dst)
    qtbot.keyClick(window.ui.caseTable, Qt.Key.Key_Return)
    [workspace] = window.workspaces
    assert isinstance(workspace, AssessmentWindow)
    qtbot.addWidget(workspace)
    assert (workspace.info.case_ref, workspace.info.kind) == ("TEST-000007", "dst")

    def resume_first(dialog: CaseDialog) -> int:
        listed.append(dialog.list.count())
        dialog.list.itemActivated.emit(dialog.list.item(0))
        return 1

    monkeypatch.setattr(CaseDialog, "exec", resume_first)
    window.ui.actionOpenCase.trigger()
    assert listed == [1, 1]  # "none yet", then the DST just started
    assert window.workspaces[1].info.id == workspace.info.id
    qtbot.addWidget(window.workspaces[1])
