from datetime import date

import pytest

from chc_desktop.domain.cases import CaseStatus, clock, due_date


def test_due_is_28_days_after_received() -> None:
    assert due_date(date(2026, 2, 1)) == date(2026, 3, 1)


@pytest.mark.parametrize(
    ("today", "days_left", "overdue"),
    [
        (date(2026, 11, 1), 28, False),
        (date(2026, 11, 29), 0, False),
        (date(2026, 11, 30), -1, True),
    ],
)
def test_clock_counts_down_and_goes_overdue(today: date, days_left: int, overdue: bool) -> None:
    c = clock(date(2026, 11, 1), CaseStatus.NEW, today)
    assert (c.days_left, c.overdue) == (days_left, overdue)


@pytest.mark.parametrize("status", [CaseStatus.DECIDED, CaseStatus.CLOSED])
def test_clock_stops_once_decided(status: CaseStatus) -> None:
    c = clock(date(2026, 1, 1), status, date(2026, 11, 1))
    assert c.days_left is None
    assert not c.overdue
