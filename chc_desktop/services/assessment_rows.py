"""Map between stored assessment rows and the pure AssessmentDoc (no logic, no checks)."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from chc_desktop.domain.assessment_doc import (
    AssessmentDoc,
    DomainRecord,
    Participant,
    Recommendation,
)
from chc_desktop.store import models

DOMAIN_FIELDS = (
    "level", "answer", "evidence", "sources", "individual_view", "agreed", "disagreement", "mdt_notes",
)  # fmt: skip
RECOMMENDATION_FIELDS = (
    "primary_health_need", "nature", "intensity", "complexity", "unpredictability",
    "individual_view", "dissent",
)  # fmt: skip
ASSESSMENT_FIELDS = ("date", "location", "individual_present", "representative")


def to_doc(session: Session, row: models.Assessment, case_ref: str) -> AssessmentDoc:
    """Read one assessment with its domains, participants and recommendation."""
    doc = AssessmentDoc(
        case_ref=case_ref,
        kind=row.kind,
        date=row.assess_date,
        location=row.location,
        individual_present=row.individual_present,
        representative=row.representative,
        details=json.loads(row.details) if row.details else {},
    )
    entries = session.scalars(
        select(models.DomainEntry).where(models.DomainEntry.assessment_id == row.id)
    )
    for e in entries:
        doc.domains[e.domain] = DomainRecord(
            level=e.level, answer=e.answer, evidence=e.evidence,
            sources=json.loads(e.sources) if e.sources else [], individual_view=e.individual_view,
            agreed=e.agreed, disagreement=e.disagreement, mdt_notes=e.mdt_notes,
        )  # fmt: skip
    people = session.scalars(
        select(models.Participant)
        .where(models.Participant.assessment_id == row.id)
        .order_by(models.Participant.id)
    )
    doc.participants = [Participant(p.name, p.profession, p.role, p.present) for p in people]
    rec = session.get(models.Recommendation, row.id)
    if rec is not None:
        doc.recommendation = Recommendation(**{f: getattr(rec, f) for f in RECOMMENDATION_FIELDS})
    return doc


def entry(session: Session, assessment_id: str, domain: str) -> models.DomainEntry:
    """The domain's row, created empty if it does not exist yet."""
    found = session.scalars(
        select(models.DomainEntry).where(
            models.DomainEntry.assessment_id == assessment_id, models.DomainEntry.domain == domain
        )
    ).first()
    if found is None:
        found = models.DomainEntry(assessment_id=assessment_id, domain=domain)
        session.add(found)
    return found


def recommendation(session: Session, assessment_id: str) -> models.Recommendation:
    """The recommendation row, created empty if it does not exist yet."""
    found = session.get(models.Recommendation, assessment_id)
    if found is None:
        found = models.Recommendation(assessment_id=assessment_id)
        session.add(found)
    return found


def write_doc(session: Session, row: models.Assessment, doc: AssessmentDoc) -> None:
    """Store every part of ``doc`` under the (new, empty) assessment ``row``."""
    row.assess_date, row.location = doc.date, doc.location
    row.individual_present, row.representative = doc.individual_present, doc.representative
    row.details = json.dumps(doc.details, sort_keys=True) if doc.details else None
    for code, record in doc.domains.items():
        e = entry(session, row.id, code)
        for f in DOMAIN_FIELDS:
            value = getattr(record, f)
            setattr(e, f, json.dumps(value) if f == "sources" else value)
    for p in doc.participants:
        session.add(
            models.Participant(
                assessment_id=row.id,
                name=p.name,
                profession=p.profession,
                role=p.role,
                present=p.present,
            )
        )
    rec = recommendation(session, row.id)
    for f in RECOMMENDATION_FIELDS:
        setattr(rec, f, getattr(doc.recommendation, f))
