"""Start, import, edit and read assessments; every edit validated, audited and refused once signed."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy import update as update_sql
from sqlalchemy.orm import Session

from chc_desktop.domain import assessment_doc
from chc_desktop.domain.assessment_doc import AssessmentDoc, parse, to_document
from chc_desktop.domain.assessment_edit import (
    EDITABLE_STATUSES,
    REVIEW_FIELDS,
    InvalidEdit,
    check_edit,
)
from chc_desktop.domain.canonical import canonical_json, sha256_hex
from chc_desktop.domain.cases import CaseStatus
from chc_desktop.domain.roles import Action
from chc_desktop.services import assessment_rows as rows
from chc_desktop.services.audit import utc_now
from chc_desktop.services.content import load
from chc_desktop.services.context import Profile
from chc_desktop.services.errors import InvalidInput
from chc_desktop.store import models


@dataclass(frozen=True, slots=True)
class AssessmentInfo:
    """Identity and state of one assessment version."""

    id: str
    case_ref: str
    kind: str
    version: int
    status: str
    updated_at: str

    def as_json(self) -> dict[str, Any]:
        """Shape of ``assessment new|import --json``."""
        return {
            "assessment_id": self.id,
            "case_ref": self.case_ref,
            "kind": self.kind,
            "version": self.version,
        }


@dataclass(frozen=True, slots=True)
class Assessment:
    """An assessment as the workspace and ``assessment show`` see it."""

    info: AssessmentInfo
    doc: AssessmentDoc


def detail_fields(kind: str) -> tuple[str, ...]:
    """The kind-specific fields kept in ``details`` (Fast Track tool, review record)."""
    if kind == "fast-track":
        return tuple(f.code for f in load().fast_track)
    return REVIEW_FIELDS if kind == "review" else ()


def _info(row: models.Assessment, case_ref: str) -> AssessmentInfo:
    return AssessmentInfo(row.id, case_ref, row.kind, row.version, row.status, row.updated_at)


def _case(session: Session, case_ref: str) -> models.Case:
    case = session.scalars(select(models.Case).where(models.Case.case_ref == case_ref)).first()
    if case is None:
        raise InvalidInput(f"no case with reference {case_ref!r}; import it first")
    return case


def _check_kind(kind: str) -> None:
    if kind not in assessment_doc.KINDS:
        raise InvalidInput(f"kind must be one of {', '.join(assessment_doc.KINDS)}")


def _create(
    session: Session, profile: Profile, case: models.Case, kind: str, role: str
) -> models.Assessment:
    open_draft = session.scalars(
        select(models.Assessment.id).where(
            models.Assessment.case_id == case.id,
            models.Assessment.kind == kind,
            models.Assessment.status.in_(EDITABLE_STATUSES),
        )
    ).first()
    if open_draft is not None:
        raise InvalidInput(
            f"{case.case_ref} already has an unsigned {kind} ({open_draft}); resume that one"
        )
    version = (
        session.scalar(
            select(func.max(models.Assessment.version)).where(
                models.Assessment.case_id == case.id, models.Assessment.kind == kind
            )
        )
        or 0
    ) + 1
    now = utc_now()
    row = models.Assessment(
        id=str(uuid.uuid4()), case_id=case.id, kind=kind, version=version, status="draft",
        created_at=now, updated_at=now,
    )  # fmt: skip
    session.add(row)
    if case.status == CaseStatus.NEW.value:
        case.status = CaseStatus.IN_PROGRESS.value
    session.flush()
    profile.audit(
        session,
        "assessment.new",
        f"assessment:{row.id}",
        role=role,
        detail={"kind": kind, "version": version},
    )
    return row


def new(profile: Profile, case_ref: str, kind: str) -> AssessmentInfo:
    """Start an empty assessment of ``kind`` for a case."""
    role = profile.require(Action.ASSESSMENT_EDIT)
    _check_kind(kind)
    with profile.writing() as session:
        case = _case(session, case_ref)
        return _info(_create(session, profile, case, kind, role.value), case.case_ref)


def import_document(profile: Profile, doc: Any, case_ref: str | None = None) -> AssessmentInfo:
    """Store a whole ``chc-assessment`` document as a new draft; all or nothing."""
    role = profile.require(Action.ASSESSMENT_EDIT)
    parsed, problems = parse(doc)
    if parsed is None:
        raise InvalidInput("\n".join(f"{path}: {message}" for path, message in problems))
    unknown = [k for k in parsed.details if k not in detail_fields(parsed.kind)]
    if unknown:
        raise InvalidInput(f"details: {parsed.kind} has no field(s) {', '.join(unknown)}")
    with profile.writing() as session:
        case = _case(session, case_ref or parsed.case_ref)
        row = _create(session, profile, case, parsed.kind, role.value)
        rows.write_doc(session, row, parsed)
        return _info(row, case.case_ref)


def _load(session: Session, assessment_id: str) -> tuple[models.Assessment, str]:
    row = session.get(models.Assessment, assessment_id)
    if row is None:
        raise InvalidInput(f"no assessment with id {assessment_id!r}")
    case_ref = session.scalar(select(models.Case.case_ref).where(models.Case.id == row.case_id))
    return row, str(case_ref)


def get(profile: Profile, assessment_id: str) -> Assessment:
    """The whole assessment."""
    profile.require(Action.ASSESSMENT_READ)
    with profile.reading() as session:
        row, case_ref = _load(session, assessment_id)
        return Assessment(_info(row, case_ref), rows.to_doc(session, row, case_ref))


def for_case(profile: Profile, case_id: int) -> list[AssessmentInfo]:
    """Every assessment version of a case, newest first."""
    profile.require(Action.ASSESSMENT_READ)
    with profile.reading() as session:
        case_ref = session.scalar(select(models.Case.case_ref).where(models.Case.id == case_id))
        found = session.scalars(
            select(models.Assessment)
            .where(models.Assessment.case_id == case_id)
            .order_by(models.Assessment.created_at.desc())
        )
        return [_info(r, str(case_ref)) for r in found]


def export(profile: Profile, assessment_id: str) -> dict[str, Any]:
    """The formats.md document for one assessment."""
    return to_document(get(profile, assessment_id).doc)


_COLUMN = {"date": "assess_date"}
_TABLES: dict[str, Any] = {
    "assessment": models.Assessment.__table__,
    "recommendation": models.Recommendation.__table__,
}


def _upsert(session: Session, table: Any, key: dict[str, Any], column: str, value: Any) -> Any:
    """Set one column of the row identified by ``key`` (creating the row); returns the old value."""
    where = [table.c[k] == v for k, v in key.items()]
    before = session.execute(select(table.c[column]).where(*where)).first()
    if before is None:
        session.execute(insert(table).values(**key, **{column: value}))
        return None
    session.execute(update_sql(table).where(*where).values(**{column: value}))
    return before[0]


def _apply(
    session: Session, assessment_id: str, target: str, field: str, value: Any
) -> tuple[Any, Any]:
    """Validate and store one field of an editable assessment; returns (before, stored).

    Core statements, not the ORM: this is the autosave path, run on every edit.
    """
    table: Any = models.Assessment.__table__
    found = session.execute(
        select(table.c.status, table.c.kind, table.c.details).where(table.c.id == assessment_id)
    ).first()
    if found is None:
        raise InvalidInput(f"no assessment with id {assessment_id!r}")
    status, kind, details_json = found
    if status not in EDITABLE_STATUSES:
        raise InvalidInput(f"assessment {assessment_id} is {status}; amend it to make changes")
    try:
        stored = check_edit(kind, target, field, value, detail_fields(kind))
    except InvalidEdit as exc:
        raise InvalidInput(str(exc)) from None
    changes: dict[str, Any] = {"updated_at": utc_now()}
    if target == "details":
        details = json.loads(details_json) if details_json else {}
        before = details.get(field)
        details[field] = stored
        changes["details"] = json.dumps(details, sort_keys=True)
    elif target == "assessment":
        column = _COLUMN.get(field, field)
        before = session.execute(
            select(table.c[column]).where(table.c.id == assessment_id)
        ).scalar()
        changes[column] = stored
    else:
        key = {"assessment_id": assessment_id}
        entries = _TABLES.get(target)
        if entries is None:
            entries = models.DomainEntry.__table__
            key["domain"] = target.removeprefix("domain:")
        column_value = json.dumps(stored) if field == "sources" else stored
        before = _upsert(session, entries, key, field, column_value)
        if field == "sources" and before:
            before = json.loads(before)
    session.execute(update_sql(table).where(table.c.id == assessment_id).values(**changes))
    return before, stored


def _audit_edit(
    session: Session,
    profile: Profile,
    role: str,
    assessment_id: str,
    *,
    target: str,
    field: str,
    change: tuple[Any, Any],
) -> None:
    profile.audit(
        session,
        "assessment.update",
        f"assessment:{assessment_id}",
        role=role,
        detail={"target": target, "field": field},
        before=_digest(change[0]),
        after=_digest(change[1]),
    )


def update(profile: Profile, assessment_id: str, target: str, field: str, value: Any) -> Any:
    """Save one field (autosave); returns the stored value. Refused once the version is signed."""
    role = profile.require(Action.ASSESSMENT_EDIT)
    with profile.writing() as session:
        change = _apply(session, assessment_id, target, field, value)
        _audit_edit(
            session, profile, role.value, assessment_id, target=target, field=field, change=change
        )
    return change[1]


def set_domain(
    profile: Profile, assessment_id: str, domain: str, level: str, evidence: str | None = None
) -> None:
    """Set a domain's level (a Checklist's A/B/C answer) and evidence in one transaction."""
    role = profile.require(Action.ASSESSMENT_EDIT)
    with profile.writing() as session:
        kind = session.scalar(
            select(models.Assessment.kind).where(models.Assessment.id == assessment_id)
        )
        if kind is None:
            raise InvalidInput(f"no assessment with id {assessment_id!r}")
        target = f"domain:{domain}"
        edits = [("answer" if kind == "checklist" else "level", level)]
        if evidence is not None:
            edits.append(("evidence", evidence))
        for field, value in edits:
            change = _apply(session, assessment_id, target, field, value)
            _audit_edit(
                session,
                profile,
                role.value,
                assessment_id,
                target=target,
                field=field,
                change=change,
            )


def set_participants(
    profile: Profile, assessment_id: str, people: list[assessment_doc.Participant]
) -> None:
    """Replace the MDT list (names and professions are checked)."""
    role = profile.require(Action.ASSESSMENT_EDIT)
    for i, p in enumerate(people):
        if not p.name.strip() or not p.profession.strip():
            raise InvalidInput(f"participant {i + 1} needs a name and a profession")
    with profile.writing() as session:
        row, _ = _load(session, assessment_id)
        if row.status not in EDITABLE_STATUSES:
            raise InvalidInput(
                f"assessment {assessment_id} is {row.status}; amend it to make changes"
            )
        for old in session.scalars(
            select(models.Participant).where(models.Participant.assessment_id == row.id)
        ):
            session.delete(old)
        for p in people:
            session.add(
                models.Participant(
                    assessment_id=row.id,
                    name=p.name.strip(),
                    profession=p.profession.strip(),
                    role=p.role.strip(),
                    present=p.present,
                )
            )
        row.updated_at = utc_now()
        profile.audit(
            session, "assessment.participants", f"assessment:{assessment_id}", role=role.value,
            detail={"count": len(people)},
        )  # fmt: skip


def _digest(value: Any) -> str | None:
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    return sha256_hex(canonical_json(value))
