"""Read cases for the list, the detail pane and ``cases list`` (permission-checked)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select

from chc_desktop.domain.cases import CaseStatus
from chc_desktop.domain.roles import Action
from chc_desktop.services.case_views import CaseDetail, CaseIndex, CaseRow, make_row
from chc_desktop.services.context import Profile
from chc_desktop.store.models import Case, Person

SORT_KEYS: dict[str, tuple[Any, ...]] = {
    "case_ref": (Case.case_ref,),
    "name": (Person.family_name, Person.given_name),
    "nhs_number": (Person.nhs_number,),
    "case_type": (Case.case_type,),
    "place": (Case.place,),
    "referrer": (Case.referrer,),
    "received": (Case.received,),
    "due": (Case.due,),
    "status": (Case.status,),
    "assigned_to": (Case.assigned_to,),
}
_ROW_COLUMNS = (
    Case.id,
    Case.case_ref,
    Person.given_name,
    Person.family_name,
    Person.nhs_number,
    Case.case_type,
    Case.place,
    Case.referrer,
    Case.received,
    Case.status,
    Case.assigned_to,
)


def case_index(
    profile: Profile, sort: str = "due", descending: bool = False, today: date | None = None
) -> CaseIndex:
    """Ids and search keys for every case, sorted by ``sort`` (a SORT_KEYS name)."""
    profile.require(Action.CASES_READ)
    today = today or date.today()
    late = select(func.count(Case.id)).where(
        Case.status.in_([s.value for s in CaseStatus if s.clock_running]), Case.due < today
    )
    columns = SORT_KEYS[sort]
    order = [c.desc() if descending else c.asc() for c in columns]
    stmt = (
        select(Case.id, Case.case_ref, Person.given_name, Person.family_name, Person.nhs_number)
        .join(Person)
        .order_by(*order, Case.id)
    )
    ids: list[int] = []
    keys: list[str] = []
    with profile.reading() as session:
        for case_id, ref, given, family, nhs in session.execute(stmt):
            ids.append(case_id)
            keys.append(f"{ref}\t{given} {family}\t{family}, {given}\t{nhs}".lower())
        overdue = session.scalar(late) or 0
    return CaseIndex(ids, keys, overdue)


def case_rows(
    profile: Profile, ids: Iterable[int], today: date | None = None
) -> dict[int, CaseRow]:
    """Rows for the given ids (for a page of the list)."""
    profile.require(Action.CASES_READ)
    today = today or date.today()
    stmt = select(*_ROW_COLUMNS).join(Person).where(Case.id.in_(list(ids)))
    with profile.reading() as session:
        return {row[0]: make_row(row, today) for row in session.execute(stmt)}


def case_detail(profile: Profile, case_id: int, today: date | None = None) -> CaseDetail | None:
    """Everything about one case, or None if it no longer exists."""
    profile.require(Action.CASES_READ)
    today = today or date.today()
    with profile.reading() as session:
        found = session.execute(
            select(*_ROW_COLUMNS, Person.date_of_birth, Case.setting, Case.created_at)
            .join(Person)
            .where(Case.id == case_id)
        ).first()
    if found is None:
        return None
    row = make_row(found, today)
    return CaseDetail(row, found[2], found[3], found[11], found[12], found[13])


def list_cases(
    profile: Profile,
    *,
    status: str | None = None,
    search: str | None = None,
    today: date | None = None,
) -> list[CaseRow]:
    """Cases in due-date order, optionally filtered by status and by a search text."""
    profile.require(Action.CASES_READ)
    today = today or date.today()
    stmt = select(*_ROW_COLUMNS).join(Person).order_by(Case.due, Case.id)
    if status:
        stmt = stmt.where(Case.status == status)
    if search:
        like = f"%{search.strip().lower()}%"
        digits = search.replace(" ", "")
        stmt = stmt.where(
            or_(
                func.lower(Case.case_ref).like(like),
                func.lower(Person.given_name + " " + Person.family_name).like(like),
                func.lower(Person.family_name + ", " + Person.given_name).like(like),
                Person.nhs_number.like(f"%{digits}%" if digits.isdigit() else "-"),
            )
        )
    with profile.reading() as session:
        return [make_row(row, today) for row in session.execute(stmt)]


def count_cases(profile: Profile) -> int:
    """How many cases the store holds."""
    profile.require(Action.CASES_READ)
    with profile.reading() as session:
        return session.scalar(select(func.count(Case.id))) or 0
