"""GUI fixtures: a synchronous task runner and a profile with synthetic cases."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from chc_desktop.gui.tasks import TaskRunner
from chc_desktop.services import cases_import
from chc_desktop.services.context import Profile
from tests.helpers.data import TODAY, case_dicts, to_csv


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
