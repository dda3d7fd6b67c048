"""Synthetic assessment documents (formats.md) for tests."""

from __future__ import annotations

from typing import Any

from chc_desktop.domain.checklist import CHECKLIST_DOMAINS
from chc_desktop.domain.dst import DOMAINS, VALID_LEVELS


def dst_doc(case_ref: str = "TEST-000001", levels: dict[str, str] | None = None) -> dict[str, Any]:
    """A complete DST: every domain at its lowest level unless given."""
    chosen = {d: VALID_LEVELS[d][0].value for d in DOMAINS} | (levels or {})
    return {
        "format": "chc-assessment",
        "version": 1,
        "case_ref": case_ref,
        "kind": "dst",
        "date": "2026-11-20",
        "location": "Ward 7 (test)",
        "participants": [
            {"name": "Demo Nurse Ash", "profession": "nurse", "role": "assessor"},
            {"name": "Demo Social Worker Cedar", "profession": "social_worker", "role": "assessor"},
        ],
        "individual_present": True,
        "representative": None,
        "domains": {
            d: {
                "level": level,
                "evidence": f"Care notes for {d} reviewed over four weeks (test).",
                "sources": ["care notes"],
                "individual_view": "Agrees (test).",
                "agreed": True,
                "disagreement": None,
            }
            for d, level in chosen.items()
        },
        "recommendation": {
            "primary_health_need": None,
            "rationale": dict.fromkeys(
                ("nature", "intensity", "complexity", "unpredictability"), "Test rationale."
            ),
            "individual_view": None,
            "dissent": None,
        },
    }


def checklist_doc(answers: dict[str, str] | None = None) -> dict[str, Any]:
    chosen = dict.fromkeys(CHECKLIST_DOMAINS, "C") | (answers or {})
    return {
        "format": "chc-assessment",
        "version": 1,
        "case_ref": "TEST-000001",
        "kind": "checklist",
        "domains": {d: {"answer": a} for d, a in chosen.items()},
    }
