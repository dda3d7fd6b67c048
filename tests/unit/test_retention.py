"""Backup thinning keeps 12 daily, 10 weekly and 9 monthly backups."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from chc_desktop.domain.retention import keep

START = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def test_two_years_of_daily_backups_thin_to_the_policy() -> None:
    stamps = [START - timedelta(days=d) for d in range(730)]
    kept = sorted(keep(stamps), reverse=True)
    assert kept[:12] == stamps[:12]  # the last 12 days
    weeks = {s.isocalendar()[:2] for s in kept}
    months = {(s.year, s.month) for s in kept}
    assert len(weeks) >= 10 and len(months) == 9
    assert len(kept) <= 12 + 10 + 9
    assert min(kept) >= START - timedelta(days=9 * 31)


def test_several_a_day_keep_the_newest_of_the_day() -> None:
    stamps = [START - timedelta(hours=h) for h in range(0, 9, 2)]
    assert keep(stamps) == {START}


@given(
    st.lists(
        st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1)), max_size=200
    )
)
def test_the_newest_is_always_kept_and_never_more_than_31(stamps: list[datetime]) -> None:
    kept = keep(stamps)
    assert kept <= set(stamps)
    assert len(kept) <= 31
    if stamps:
        assert max(stamps) in kept
