"""Every built-in QA rule fires on a case made to break it and stays quiet on a clean one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from chc_desktop.domain.assessment_doc import parse
from chc_desktop.domain.qa.engine import evaluate
from chc_desktop.domain.qa.model import QAInput
from chc_desktop.services.qa import built_in_rules
from tests.helpers import qa_docs

TODAY = date(2026, 11, 24)
RECEIVED = date(2026, 11, 10)
CLEAN = {
    "dst": qa_docs.clean_dst, "checklist": qa_docs.clean_checklist,
    "fast-track": qa_docs.clean_fast_track, "review": qa_docs.clean_review,
}  # fmt: skip


def findings(doc: dict[str, Any], **overrides: Any) -> list[str]:
    parsed, problems = parse(doc)
    assert parsed is not None, problems
    qa = QAInput(parsed, overrides.get("today", TODAY), overrides.get("received", RECEIVED))
    return [f.rule for f in evaluate(qa, built_in_rules())]


def dom(code: str, **values: Any) -> Callable[[dict[str, Any]], None]:
    return lambda d: d["domains"][code].update(values)


def rec(**values: Any) -> Callable[[dict[str, Any]], None]:
    return lambda d: d["recommendation"].update(values)


def rationale(name: str, text: str | None) -> Callable[[dict[str, Any]], None]:
    return lambda d: d["recommendation"]["rationale"].update({name: text})


def top(**values: Any) -> Callable[[dict[str, Any]], None]:
    return lambda d: d.update(values)


def detail(**values: Any) -> Callable[[dict[str, Any]], None]:
    return lambda d: d["details"].update(values)


# rule id -> (kind, how to break it, extra input)
CASES: dict[str, tuple[str, Callable[[dict[str, Any]], None], dict[str, Any]]] = {
    "DST-LEVEL-MISSING": ("dst", dom("skin", level=None), {}),
    "DST-EVIDENCE-MISSING": ("dst", dom("skin", evidence=None), {}),
    "DST-EVIDENCE-THIN": ("dst", dom("skin", evidence="See notes"), {}),
    "DST-SOURCES-MISSING": ("dst", dom("skin", sources=[]), {}),
    "DST-VIEW-MISSING": ("dst", dom("skin", individual_view=None), {}),
    "DST-DISAGREEMENT-REASON": ("dst", dom("skin", agreed=False), {}),
    "DST-HIGH-FREQUENCY": (
        "dst",
        dom(
            "cognition",
            evidence="Needs help with most things, staff report it in the notes (test).",
        ),
        {},
    ),
    "DST-PRIORITY-RISK": (
        "dst",
        dom(
            "behaviour",
            level="priority",
            evidence="Needs two staff at all times, several times daily (test).",
        ),
        {},
    ),
    "DST-WELL-MANAGED": (
        "dst",
        dom(
            "skin",
            evidence="Pressure areas well managed by two-hourly turns recorded in charts (test).",
        ),
        {},
    ),
    "DST-OTHER-EXPLAINED": (
        "dst",
        dom("other", level="moderate", evidence="Extra needs recorded daily in notes (test)."),
        {},
    ),
    "MDT-TWO-PROFESSIONS": ("dst", lambda d: d["participants"][1].update(profession="nurse"), {}),
    "MDT-ROLE-MISSING": ("dst", lambda d: d["participants"][0].update(role=""), {}),
    "DATE-MISSING": ("dst", top(date=None), {}),
    "DATE-IN-FUTURE": ("dst", top(date="2026-12-01"), {}),
    "LOCATION-MISSING": ("dst", top(location=None), {}),
    "PARTICIPATION-MISSING": ("dst", top(individual_present=None), {}),
    "PARTICIPATION-NO-REPRESENTATIVE": ("dst", top(individual_present=False), {}),
    "CLOCK-LATE": ("dst", top(), {"received": date(2026, 10, 1)}),
    "CLOCK-DUE-SOON": ("dst", top(), {"received": date(2026, 10, 29)}),
    "REC-MISSING": ("dst", rec(primary_health_need=None), {}),
    "REC-NATURE": ("dst", rationale("nature", "Skilled."), {}),
    "REC-INTENSITY": ("dst", rationale("intensity", None), {}),
    "REC-COMPLEXITY": ("dst", rationale("complexity", "TBC"), {}),
    "REC-UNPREDICTABILITY": ("dst", rationale("unpredictability", "N/A"), {}),
    "REC-NAMES-DOMAINS": (
        "dst",
        lambda d: d["recommendation"].update(
            rationale=dict.fromkeys(
                ("nature", "intensity", "complexity", "unpredictability"),
                "Needs are many and interact, so skilled staff are needed day and night (test).",
            )
        ),
        {},
    ),
    "REC-DIFFERS-FROM-PATTERN": (
        "dst",
        lambda d: [d["domains"][c].update(level="low") for c in ("cognition", "behaviour")],
        {},
    ),
    "REC-VIEW-MISSING": ("dst", rec(individual_view=None), {}),
    "CROSS-COGNITION-COMMUNICATION": ("dst", dom("cognition", level="severe"), {}),
    "CROSS-MOBILITY-SKIN": (
        "dst",
        lambda d: (dom("mobility", level="severe")(d), dom("skin", level="no_needs")(d)),
        {},
    ),
    "CROSS-BEHAVIOUR-PSYCHOLOGICAL": ("dst", dom("psychological", level="no_needs"), {}),
    "CROSS-ASC-MEDICATION": (
        "dst",
        lambda d: (
            dom("altered_states", level="high")(d),
            dom("drug_therapies", level="no_needs")(d),
        ),
        {},
    ),
    "CHK-INCOMPLETE": ("checklist", lambda d: d["domains"].pop("skin"), {}),
    "CHK-EVIDENCE": ("checklist", dom("mobility", answer="B"), {}),
    "CHK-NEGATIVE": ("checklist", dom("behaviour", answer="C"), {}),
    "FT-INCOMPLETE": ("fast-track", detail(organisation=""), {}),
    "FT-CLINICIAN": ("fast-track", detail(clinician_role="other"), {}),
    "FT-REASON-THIN": ("fast-track", detail(reason="Getting worse quickly (test)."), {}),
    "FT-TIME-LIMIT": ("fast-track", detail(diagnosis="Prognosis of weeks to live (test)."), {}),
    "REVIEW-INCOMPLETE": ("review", detail(outcome=""), {}),
    "REVIEW-DATES": ("review", detail(review_date="20/11/2026"), {}),
    "REVIEW-LATE": ("review", detail(decision_date="2026-06-01"), {}),
}


def test_every_rule_has_a_case_and_there_are_at_least_30() -> None:
    ids = {r.id for r in built_in_rules()}
    assert len(ids) >= 30
    assert ids == set(CASES)


@pytest.mark.parametrize("kind", sorted(CLEAN))
def test_clean_assessments_have_no_findings(kind: str) -> None:
    assert findings(CLEAN[kind]()) == []


@pytest.mark.parametrize("rule_id", sorted(r for r, case in CASES.items() if case[2]))
def test_rules_driven_by_the_clock_are_quiet_on_time(rule_id: str) -> None:
    kind, _, _ = CASES[rule_id]
    assert rule_id not in findings(CLEAN[kind]())


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_fires_when_broken(rule_id: str) -> None:
    kind, breaks, extra = CASES[rule_id]
    doc = CLEAN[kind]()
    breaks(doc)
    assert rule_id in findings(doc, **extra)
