"""GUI fixtures: a synchronous task runner, a profile with synthetic cases, no stray dialogs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from chc_desktop.gui.tasks import TaskRunner
from chc_desktop.services import cases_import
from chc_desktop.services.context import Profile
from tests.helpers.data import TODAY, case_dicts, to_csv


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """A modal box would block a headless run forever: record it instead and fail the test.

    Tests that expect a dialog patch QMessageBox themselves (their patch wins).
    """
    seen: list[str] = []

    def record(*args: Any, **_kw: Any) -> int:
        seen.append(" | ".join(str(a) for a in args if isinstance(a, str)))
        return 0

    for name in ("warning", "critical", "information", "question", "about"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: record(box.text()))
    for name in ("getText", "getMultiLineText", "getItem", "getInt"):
        monkeypatch.setattr(QInputDialog, name, staticmethod(lambda *a, **k: (record(*a), False)))
    yield seen
    assert seen == [], f"unexpected dialog(s): {seen}"


@pytest.fixture
def runner(qapp: object) -> Iterator[TaskRunner]:
    sync = TaskRunner(synchronous=True)
    yield sync
    sync.shutdown()


@pytest.fixture
def filled(profile: Profile) -> Profile:
    outcome = cases_import.import_cases(profile, to_csv(case_dicts(300)), "c.csv", today=TODAY)
    assert outcome.imported == 300
    return profile
