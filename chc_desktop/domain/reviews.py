"""Review scheduling: first review within 3 months of the decision, then at least yearly."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date

from chc_desktop.domain.fast_track import FastTrackField

FIRST_REVIEW_MONTHS = 3
LATER_REVIEW_MONTHS = 12


def add_months(day: date, months: int) -> date:
    """Same day ``months`` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_review_due(decision: date, reviews_done: Sequence[date] = ()) -> date:
    """When the next review is due, given the eligibility decision and reviews already held."""
    held = sorted(d for d in reviews_done if d >= decision)
    if not held:
        return add_months(decision, FIRST_REVIEW_MONTHS)
    return add_months(held[-1], LATER_REVIEW_MONTHS)


REVIEW_FIELDS_SPEC = (
    FastTrackField("decision_date", "Date of the eligibility decision (YYYY-MM-DD)", True),
    FastTrackField("review_date", "Date of this review (YYYY-MM-DD)", True),
    FastTrackField("package_meets_needs", "Does the care package meet the person's needs?", True),
    FastTrackField("changes_in_needs", "Changes in needs since the last assessment", True),
    FastTrackField("individual_view", "The individual's or representative's view", True),
    FastTrackField("outcome", "Outcome (e.g. continue, or a new DST because needs changed)", True),
)
