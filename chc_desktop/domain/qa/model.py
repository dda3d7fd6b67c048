"""QA rules, findings and what a check is given."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from chc_desktop.domain.assessment_doc import AssessmentDoc
from chc_desktop.domain.indication import Thresholds


class Severity(StrEnum):
    """How much a finding matters: blocking stops signing; warnings need a justification."""

    BLOCKING = "blocking"
    WARNING = "warning"
    INFO = "info"

    @property
    def order(self) -> int:
        """0 for blocking, 1 for warning, 2 for info."""
        return list(Severity).index(self)


TARGETS = (
    "domain",
    "participants",
    "recommendation",
    "assessment",
    "dates",
    "details",
    "checklist",
    "pattern",
)
KINDS = ("checklist", "dst", "fast-track", "review")


@dataclass(frozen=True, slots=True)
class Rule:
    """One QA rule: which check it runs, on what, how severe, and what to tell the assessor."""

    id: str
    severity: Severity
    kinds: tuple[str, ...]
    target: str
    check: str
    message: str
    why: str
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    source: str = "built-in"


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a QA lead or appeal panel would pick on."""

    rule: str
    severity: Severity
    target: str  # "domain:cognition", "participants", "recommendation", …
    message: str
    field: str | None = None  # the field to jump to, when there is one

    def as_json(self) -> dict[str, Any]:
        """Shape of one ``qa check --json`` finding (formats.md)."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "target": self.target,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class QAInput:
    """Everything a check may look at."""

    doc: AssessmentDoc
    today: date
    case_received: date | None = None
    domain_names: Mapping[str, str] = dataclasses.field(default_factory=dict)
    thresholds: Thresholds = dataclasses.field(default_factory=Thresholds)
    appropriate_clinicians: tuple[str, ...] = (
        "registered_nurse",
        "registered_medical_practitioner",
    )

    def name(self, code: str) -> str:
        """Display name of a domain code."""
        return self.domain_names.get(code, code.replace("_", " "))


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check reports: where, which field, and values for the rule's message."""

    target: str
    field: str | None = None
    values: Mapping[str, Any] = dataclasses.field(default_factory=dict)
