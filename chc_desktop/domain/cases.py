"""Case types, statuses and the 28-day decision clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

DECISION_STANDARD_DAYS = 28


class CaseType(StrEnum):
    """Kinds of case an assessor is assigned (formats.md codes)."""

    CHECKLIST = "checklist"
    FULL_ASSESSMENT = "full_assessment"
    FAST_TRACK = "fast_track"
    REVIEW_3_MONTH = "review_3_month"
    REVIEW_ANNUAL = "review_annual"


class CaseStatus(StrEnum):
    """Where a case is in its life; the 28-day clock runs until a decision."""

    NEW = "new"
    IN_PROGRESS = "in_progress"
    DECIDED = "decided"
    CLOSED = "closed"

    @property
    def clock_running(self) -> bool:
        """True while the case still awaits an eligibility decision."""
        return self in (CaseStatus.NEW, CaseStatus.IN_PROGRESS)


class Setting(StrEnum):
    """Where the individual is when the case is referred."""

    HOSPITAL = "hospital"
    HOME = "home"
    CARE_HOME = "care_home"
    COMMUNITY = "community"


def due_date(received: date) -> date:
    """Date by which a decision should normally be made."""
    return received + timedelta(days=DECISION_STANDARD_DAYS)


@dataclass(frozen=True, slots=True)
class Clock:
    """The 28-day clock for one case on a given day."""

    due: date
    days_left: int | None  # None when the clock has stopped (decided or closed)

    @property
    def overdue(self) -> bool:
        """True when the decision is late."""
        return self.days_left is not None and self.days_left < 0


def clock(received: date, status: CaseStatus, today: date) -> Clock:
    """Compute the clock for a case received on ``received``."""
    due = due_date(received)
    days_left = (due - today).days if status.clock_running else None
    return Clock(due=due, days_left=days_left)
