"""Assessment documents that pass every built-in QA rule, to mutate one rule at a time."""

from __future__ import annotations

from typing import Any

from chc_desktop.domain.checklist import CHECKLIST_DOMAINS
from chc_desktop.domain.dst import DOMAINS

EVIDENCE = "Care staff record this need daily in the notes; reviewed over four weeks with the family (test)."
HIGH_EVIDENCE = (
    "Needs a skilled response several times daily; risk of harm recorded in charts (test)."
)
RATIONALE = "Cognition and behaviour needs interact and need skilled staff day and night (test)."
LEVELS = dict.fromkeys(DOMAINS, "low") | {
    "cognition": "high",
    "behaviour": "high",
    "other": "no_needs",
}


def _common(kind: str) -> dict[str, Any]:
    return {
        "format": "chc-assessment", "version": 1, "case_ref": "TEST-000001", "kind": kind,
        "date": "2026-11-20", "location": "Care home lounge (test)", "individual_present": True,
        "representative": None,
        "participants": [
            {"name": "Demo Nurse Ash", "profession": "nurse", "role": "assessor", "present": True},
            {"name": "Demo Social Worker Cedar", "profession": "social_worker", "role": "co-ordinator", "present": True},
        ],
    }  # fmt: skip


def clean_dst() -> dict[str, Any]:
    doc = _common("dst")
    doc["domains"] = {
        code: {
            "level": level,
            "evidence": HIGH_EVIDENCE if level == "high" else EVIDENCE,
            "sources": ["care notes"],
            "individual_view": "Agrees with this level (test).",
            "agreed": True,
            "disagreement": None,
        }
        for code, level in LEVELS.items()
    }
    doc["recommendation"] = {
        "primary_health_need": True,
        "rationale": dict.fromkeys(
            ("nature", "intensity", "complexity", "unpredictability"), RATIONALE
        ),
        "individual_view": "The family agree with the recommendation (test).",
        "dissent": None,
    }
    return doc


def clean_checklist() -> dict[str, Any]:
    doc = _common("checklist")
    doc["domains"] = {c: {"answer": "C"} for c in CHECKLIST_DOMAINS}
    doc["domains"]["behaviour"] = {"answer": "A", "evidence": "Hits out at staff daily (test)."}
    return doc


def clean_fast_track() -> dict[str, Any]:
    doc = _common("fast-track")
    doc["details"] = {
        "clinician_name": "Demo Nurse Ash",
        "clinician_role": "registered_nurse",
        "organisation": "Demo Hospice (test)",
        "reason": "Rapid decline over two weeks with reduced intake, increasing weakness and new symptoms needing daily review (test).",
        "needs_summary": "Two carers for all care, syringe driver checks (test).",
        "individual_view": "Wishes to be cared for at home (test).",
    }
    return doc


def clean_review() -> dict[str, Any]:
    doc = _common("review")
    doc["details"] = {
        "decision_date": "2026-09-01",
        "review_date": "2026-11-20",
        "package_meets_needs": "Yes, needs are met (test).",
        "changes_in_needs": "None significant (test).",
        "individual_view": "Content with the care (test).",
        "outcome": "Continue; next review in 12 months (test).",
    }
    return doc
