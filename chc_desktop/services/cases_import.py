"""Import assigned cases from CSV or JSON: validate everything, then write all or nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from chc_desktop.domain import case_import
from chc_desktop.domain.canonical import sha256_hex
from chc_desktop.domain.case_fields import CaseRecord
from chc_desktop.domain.case_import import ImportProblem
from chc_desktop.domain.case_reconcile import reconcile
from chc_desktop.domain.cases import CaseStatus, CaseType, Setting, due_date
from chc_desktop.domain.roles import Action
from chc_desktop.services.audit import utc_now
from chc_desktop.services.context import Profile
from chc_desktop.store.models import Case, Person

Progress = Callable[[str, int, int], None]
_CHUNK = 500
_WRITE_BATCH = 5000


@dataclass(slots=True)
class ImportOutcome:
    """What the import did (or, with ``dry_run`` or errors, would have done)."""

    imported: int = 0
    unchanged: int = 0
    problems: list[ImportProblem] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        """True when nothing was wrong with the file."""
        return not self.problems


def import_cases(
    profile: Profile,
    data: bytes,
    filename: str,
    *,
    dry_run: bool = False,
    today: date | None = None,
    progress: Progress | None = None,
) -> ImportOutcome:
    """Validate ``data`` and, if everything is right, store its new cases in one transaction."""
    role = profile.require(Action.CASES_IMPORT)
    today = today or date.today()
    report = progress or (lambda stage, done, total: None)
    kind = case_import.detect_kind(filename, data)
    report("checking", 0, 1)
    parsed = case_import.parse(
        data, kind, today, lambda done, total: report("checking", done, total)
    )
    with profile.reading() as session:
        stored_cases = _stored_cases(session, [r.case_ref for r in parsed.records], report)
        stored_people = _stored_people(session, [r.nhs_number for r in parsed.records])
    plan = reconcile(parsed, stored_cases, stored_people)
    outcome = ImportOutcome(unchanged=plan.unchanged, problems=plan.problems, dry_run=dry_run)
    if plan.problems:
        return outcome
    if dry_run or not plan.new:
        outcome.imported = len(plan.new) if dry_run else 0
        return outcome
    with profile.writing() as session:
        _write(session, plan.new, stored_people, report)
        profile.audit(
            session,
            "cases.import",
            "cases",
            role=role.value,
            detail={
                "imported": len(plan.new),
                "unchanged": plan.unchanged,
                "file_sha256": sha256_hex(data),
            },
        )
    outcome.imported = len(plan.new)
    return outcome


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _stored_cases(session: Session, refs: list[str], report: Progress) -> dict[str, CaseRecord]:
    found: dict[str, CaseRecord] = {}
    for done, chunk in enumerate(_chunks(refs)):
        rows = session.execute(
            select(Case, Person).join(Person).where(Case.case_ref.in_(chunk))
        ).all()
        for case, person in rows:
            found[case.case_ref] = _record(case, person)
        report("checking", (done + 1) * _CHUNK, len(refs))
    return found


def _record(case: Case, person: Person) -> CaseRecord:
    return CaseRecord(
        case_ref=case.case_ref,
        nhs_number=person.nhs_number,
        given_name=person.given_name,
        family_name=person.family_name,
        date_of_birth=person.date_of_birth,
        place=case.place,
        setting=Setting(case.setting),
        referrer=case.referrer,
        case_type=CaseType(case.case_type),
        received=case.received,
        assigned_to=case.assigned_to,
    )


def _stored_people(session: Session, numbers: list[str]) -> dict[str, tuple[str, str, date]]:
    found: dict[str, tuple[str, str, date]] = {}
    for chunk in _chunks(sorted(set(numbers))):
        rows = session.execute(
            select(
                Person.nhs_number, Person.given_name, Person.family_name, Person.date_of_birth
            ).where(Person.nhs_number.in_(chunk))
        ).all()
        for nhs, given, family, dob in rows:
            found[nhs] = (given, family, dob)
    return found


def _write(
    session: Session,
    records: list[CaseRecord],
    stored_people: dict[str, tuple[str, str, date]],
    report: Progress,
    status: Callable[[CaseRecord], CaseStatus] = lambda r: CaseStatus.NEW,
) -> None:
    person_ids: dict[str, int] = {}
    for chunk in _chunks(sorted(stored_people)):
        person_ids.update(
            session.execute(
                select(Person.nhs_number, Person.id).where(Person.nhs_number.in_(chunk))
            ).all()
        )
    next_person = (session.scalar(select(func.max(Person.id))) or 0) + 1
    next_case = (session.scalar(select(func.max(Case.id))) or 0) + 1
    new_people: list[dict[str, object]] = []
    for record in records:
        if record.nhs_number not in person_ids:
            person_ids[record.nhs_number] = next_person
            new_people.append(
                {
                    "id": next_person,
                    "nhs_number": record.nhs_number,
                    "given_name": record.given_name,
                    "family_name": record.family_name,
                    "date_of_birth": record.date_of_birth,
                }
            )
            next_person += 1
    _insert_batches(session, Person, new_people, "writing people", report)
    now = utc_now()
    cases = [
        {
            "id": next_case + i,
            "case_ref": r.case_ref,
            "person_id": person_ids[r.nhs_number],
            "place": r.place,
            "setting": r.setting.value,
            "referrer": r.referrer,
            "case_type": r.case_type.value,
            "received": r.received,
            "due": due_date(r.received),
            "status": status(r).value,
            "assigned_to": r.assigned_to,
            "created_at": now,
        }
        for i, r in enumerate(records)
    ]
    _insert_batches(session, Case, cases, "writing cases", report)


def _insert_batches(
    session: Session,
    table: type[Person] | type[Case],
    rows: list[dict[str, object]],
    stage: str,
    report: Progress,
) -> None:
    for start in range(0, len(rows), _WRITE_BATCH):
        session.execute(insert(table), rows[start : start + _WRITE_BATCH])
        report(stage, min(start + _WRITE_BATCH, len(rows)), len(rows))


def store_records(
    profile: Profile, records: Iterable[tuple[CaseRecord, CaseStatus]], action: str
) -> int:
    """Store generated records with given statuses (demo data); returns how many were added."""
    role = profile.require(Action.CASES_IMPORT)
    items = list(records)
    statuses = {r.case_ref: s for r, s in items}
    with profile.writing() as session:
        _write(session, [r for r, _ in items], {}, lambda *a: None, lambda r: statuses[r.case_ref])
        profile.audit(session, action, "cases", role=role.value, detail={"imported": len(items)})
    return len(items)
