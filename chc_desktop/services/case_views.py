"""Read-only views of cases handed to the GUI and CLI (no ORM objects leave services)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from chc_desktop.domain.cases import CaseStatus, clock
from chc_desktop.domain.nhs_number import display


@dataclass(frozen=True, slots=True)
class CaseRow:
    """One case as the list shows it."""

    id: int
    case_ref: str
    name: str
    nhs_number: str
    case_type: str
    place: str
    referrer: str
    received: date
    due: date
    days_left: int | None
    status: str
    assigned_to: str | None

    @property
    def overdue(self) -> bool:
        """True when the decision is past its 28-day due date."""
        return self.days_left is not None and self.days_left < 0

    def as_json(self, with_identifiers: bool = False) -> dict[str, Any]:
        """The stable ``cases list --json`` shape; names and NHS numbers only on request."""
        out: dict[str, Any] = {
            "case_ref": self.case_ref,
            "case_type": self.case_type,
            "status": self.status,
            "place": self.place,
            "referrer": self.referrer,
            "received": self.received.isoformat(),
            "due": self.due.isoformat(),
            "days_left": self.days_left,
            "assigned_to": self.assigned_to,
        }
        if with_identifiers:
            out["name"] = self.name
            out["nhs_number"] = self.nhs_number
        return out


@dataclass(frozen=True, slots=True)
class CaseDetail:
    """Everything the detail pane shows for one case."""

    row: CaseRow
    given_name: str
    family_name: str
    date_of_birth: date
    setting: str
    created_at: str


def make_row(values: Sequence[Any], today: date) -> CaseRow:
    """Build a row from a query's columns, computing the 28-day clock for ``today``.

    ``values`` holds id, ref, given and family name, NHS number, type, place, referrer,
    received, status and assignee, in that order.
    """
    case_id, ref, given, family, nhs, case_type, place, referrer, received, status, assigned = (
        values[:11]
    )
    c = clock(received, CaseStatus(status), today)
    return CaseRow(
        id=case_id,
        case_ref=ref,
        name=f"{family}, {given}",
        nhs_number=display(nhs),
        case_type=case_type,
        place=place,
        referrer=referrer,
        received=received,
        due=c.due,
        days_left=c.days_left,
        status=status,
        assigned_to=assigned,
    )


@dataclass(frozen=True, slots=True)
class CaseIndex:
    """All case ids in one sort order, with a lower-case search key for each (same order).

    The key joins reference, name and NHS number digits, so the GUI can filter
    100,000 cases per keystroke in memory without a query.
    """

    ids: list[int]
    keys: list[str]
    overdue: int = 0


def filter_index(index: CaseIndex, text: str) -> list[int]:
    """Ids whose reference, name or NHS number contains ``text`` (case-insensitive), in order."""
    needle = text.strip().lower()
    if not needle:
        return index.ids
    compact = needle.replace(" ", "")
    if compact.isdigit():
        needle = compact
    return [i for i, key in zip(index.ids, index.keys, strict=True) if needle in key]
