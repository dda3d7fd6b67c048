"""Checklist screening: whether a full assessment is needed (dst-reference.md §3).

The thresholds are the national ones; a practitioner may still refer for a
full assessment when the result is negative.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from chc_desktop.domain.dst import DOMAINS, PRIORITY_DOMAINS

CHECKLIST_DOMAINS: tuple[str, ...] = tuple(d for d in DOMAINS if d != "other")
ANSWERS = ("A", "B", "C")


class InvalidAnswer(ValueError):
    """An unknown domain, a missing domain, or an answer other than A, B or C."""


@dataclass(frozen=True, slots=True)
class ChecklistResult:
    """Whether a full assessment is needed, why, and the count of each answer."""

    full_assessment_needed: bool
    reasons: list[str]
    counts: dict[str, int]

    def as_json(self) -> dict[str, object]:
        """Shape of ``checklist evaluate --json`` (formats.md)."""
        return {
            "full_assessment_needed": self.full_assessment_needed,
            "reasons": self.reasons,
            "counts": self.counts,
        }


def check_answers(answers: Mapping[str, str]) -> dict[str, str]:
    """Validate every domain's answer; raises InvalidAnswer listing every problem."""
    problems = [f"unknown domain {d!r}" for d in answers if d not in CHECKLIST_DOMAINS]
    problems += [f"{d} has no answer" for d in CHECKLIST_DOMAINS if d not in answers]
    problems += [
        f"{d} answer {a!r} must be A, B or C"
        for d, a in answers.items()
        if d in CHECKLIST_DOMAINS and a not in ANSWERS
    ]
    if problems:
        raise InvalidAnswer("; ".join(problems))
    return dict(answers)


def evaluate(answers: Mapping[str, str]) -> ChecklistResult:
    """Apply the national thresholds to a complete set of answers."""
    checked = check_answers(answers)
    counts = {a: sum(1 for v in checked.values() if v == a) for a in ANSWERS}
    a_domains = [d for d in CHECKLIST_DOMAINS if checked[d] == "A"]
    priority_a = [d for d in a_domains if d in PRIORITY_DOMAINS]
    reasons = []
    if priority_a:
        reasons.append(f"A in a priority domain: {', '.join(priority_a)}")
    if counts["A"] >= 2:
        reasons.append(f"{counts['A']} domains at A")
    if counts["B"] >= 5:
        reasons.append(f"{counts['B']} domains at B")
    if counts["A"] == 1 and counts["B"] >= 4:
        reasons.append(f"one A with {counts['B']} domains at B")
    if reasons:
        return ChecklistResult(True, reasons, counts)
    return ChecklistResult(
        False,
        [f"{counts['A']} A and {counts['B']} B, below every threshold; no A in a priority domain"],
        counts,
    )
