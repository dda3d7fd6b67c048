"""Assessments through services on a real store: validation, audit, refusal once signed."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, text

from chc_desktop.domain.assessment_doc import Participant
from chc_desktop.domain.roles import Role
from chc_desktop.services import assessments, cases_import
from chc_desktop.services.context import Profile, User
from chc_desktop.services.errors import InvalidInput, NotPermitted
from chc_desktop.store.models import AuditEvent, Case
from tests.helpers.assessments import checklist_doc, dst_doc
from tests.helpers.data import TODAY, case_dicts, to_csv


@pytest.fixture
def with_cases(profile: Profile) -> Profile:
    cases_import.import_cases(profile, to_csv(case_dicts(3)), "c.csv", today=TODAY)
    return profile


def last_actions(profile: Profile, n: int = 3) -> list[str]:
    with profile.reading() as s:
        return list(s.scalars(select(AuditEvent.action).order_by(AuditEvent.seq.desc()).limit(n)))


def test_new_assessment_starts_the_case_and_is_audited(with_cases: Profile) -> None:
    info = assessments.new(with_cases, "TEST-000001", "dst")
    assert (info.kind, info.version, info.status) == ("dst", 1, "draft")
    with with_cases.reading() as s:
        status = s.scalar(select(Case.status).where(Case.case_ref == "TEST-000001"))
    assert status == "in_progress"
    assert last_actions(with_cases, 1) == ["assessment.new"]
    with pytest.raises(InvalidInput, match="already has an unsigned dst"):
        assessments.new(with_cases, "TEST-000001", "dst")
    with pytest.raises(InvalidInput, match="no case"):
        assessments.new(with_cases, "NOPE", "dst")


def test_update_validates_and_audits_without_values(with_cases: Profile) -> None:
    info = assessments.new(with_cases, "TEST-000001", "dst")
    assert (
        assessments.update(with_cases, info.id, "domain:cognition", "level", "severe") == "severe"
    )
    assessments.update(
        with_cases, info.id, "domain:cognition", "evidence", "Wanders at night (test)"
    )
    assessments.update(
        with_cases, info.id, "domain:cognition", "sources", ["care notes", " ", "GP"]
    )
    assessments.update(with_cases, info.id, "assessment", "date", "2026-11-20")
    assessments.update(
        with_cases, info.id, "recommendation", "nature", "Skilled care needed (test)"
    )
    doc = assessments.get(with_cases, info.id).doc
    assert doc.domains["cognition"].level == "severe"
    assert doc.domains["cognition"].sources == ["care notes", "GP"]
    assert doc.date == date(2026, 11, 20)
    assert doc.recommendation.nature == "Skilled care needed (test)"
    with with_cases.reading() as s:
        event = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "assessment.update")
        ).first()
    assert event is not None and event.after_digest and "severe" not in (event.detail or "")


@pytest.mark.parametrize(
    ("target", "field", "value", "message"),
    [
        (
            "domain:continence",
            "level",
            "severe",
            "continence does not accept 'severe'; it accepts: no_needs, low, moderate, high",
        ),
        ("domain:hearing", "level", "low", "has no domain 'hearing'"),
        ("domain:skin", "answer", "A", "a dst records no answer"),
        ("domain:skin", "agreed", "yes", "agreed must be yes, no or not recorded"),
        ("assessment", "date", "20/11/2026", "date must be a date"),
        ("recommendation", "colour", "x", "has no field 'colour'"),
        ("details", "reason", "x", "a dst has no field 'reason'"),
        ("elsewhere", "x", "y", "unknown part"),
    ],
)
def test_invalid_edits_write_nothing(
    with_cases: Profile, target: str, field: str, value: object, message: str
) -> None:
    info = assessments.new(with_cases, "TEST-000001", "dst")
    before = last_actions(with_cases, 5)
    with pytest.raises(InvalidInput) as err:
        assessments.update(with_cases, info.id, target, field, value)
    assert message in str(err.value)
    assert last_actions(with_cases, 5) == before


def test_signed_assessment_refuses_every_edit(with_cases: Profile) -> None:
    info = assessments.new(with_cases, "TEST-000001", "dst")
    with with_cases.engine.begin() as conn:  # signing arrives with the packs issue
        conn.execute(
            text("UPDATE assessment SET status = 'signed' WHERE id = :id"), {"id": info.id}
        )
    with pytest.raises(InvalidInput, match="is signed; amend it"):
        assessments.update(with_cases, info.id, "domain:skin", "level", "low")
    with pytest.raises(InvalidInput, match="is signed"):
        assessments.set_domain(with_cases, info.id, "skin", "low")
    with pytest.raises(InvalidInput, match="is signed"):
        assessments.set_participants(with_cases, info.id, [])
    assert assessments.get(with_cases, info.id).doc.domains == {}


def test_import_round_trip_and_export(with_cases: Profile) -> None:
    source = dst_doc("TEST-000002", {"behaviour": "priority"})
    info = assessments.import_document(with_cases, source)
    exported = assessments.export(with_cases, info.id)
    assert exported["domains"]["behaviour"]["level"] == "priority"
    assert exported["participants"] == [dict(p, present=True) for p in source["participants"]]
    again = assessments.import_document(with_cases, exported, case_ref="TEST-000003")
    assert assessments.export(with_cases, again.id) | {"case_ref": "TEST-000002"} == exported


def test_bad_import_reports_every_path_and_writes_nothing(with_cases: Profile) -> None:
    bad = dst_doc("TEST-000001", {"continence": "severe"})
    bad["participants"][0]["name"] = ""
    with pytest.raises(InvalidInput) as err:
        assessments.import_document(with_cases, bad)
    assert "domains.continence.level" in str(err.value)
    assert "participants[0].name" in str(err.value)
    assert assessments.for_case(with_cases, 1) == []


def test_checklist_set_domain_uses_answers(with_cases: Profile) -> None:
    info = assessments.import_document(with_cases, checklist_doc())
    assessments.set_domain(with_cases, info.id, "behaviour", "A", "Hits out daily (test)")
    doc = assessments.get(with_cases, info.id).doc
    assert (doc.domains["behaviour"].answer, doc.domains["behaviour"].evidence) == (
        "A",
        "Hits out daily (test)",
    )
    with pytest.raises(InvalidInput, match="must be A, B or C"):
        assessments.set_domain(with_cases, info.id, "behaviour", "severe")


def test_fast_track_details_are_checked(with_cases: Profile) -> None:
    info = assessments.new(with_cases, "TEST-000001", "fast-track")
    assessments.update(with_cases, info.id, "details", "reason", "Rapid decline (test)")
    assert assessments.get(with_cases, info.id).doc.details == {"reason": "Rapid decline (test)"}
    with pytest.raises(InvalidInput, match="no field 'colour'"):
        assessments.update(with_cases, info.id, "details", "colour", "blue")


def test_participants_replace_and_validate(with_cases: Profile) -> None:
    info = assessments.new(with_cases, "TEST-000001", "dst")
    people = [
        Participant("Demo Nurse Ash", "nurse", "assessor"),
        Participant("Demo SW", "social_worker", "assessor", False),
    ]
    assessments.set_participants(with_cases, info.id, people)
    assert assessments.get(with_cases, info.id).doc.participants == people
    with pytest.raises(InvalidInput, match="participant 1 needs a name"):
        assessments.set_participants(with_cases, info.id, [Participant(" ", "nurse", "")])


def test_qa_lead_may_read_but_not_edit(with_cases: Profile) -> None:
    info = assessments.new(with_cases, "TEST-000001", "dst")
    with_cases.user = User("QA Lead", (Role.QA_LEAD,), None)
    assert assessments.get(with_cases, info.id).info.id == info.id
    with pytest.raises(NotPermitted):
        assessments.update(with_cases, info.id, "domain:skin", "level", "low")
