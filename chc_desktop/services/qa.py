"""Run the QA checklist for an assessment: built-in rules plus the profile's own rules file."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from sqlalchemy import select

from chc_desktop.domain.assessment_doc import AssessmentDoc
from chc_desktop.domain.qa.engine import evaluate
from chc_desktop.domain.qa.model import Finding, QAInput, Rule, Severity
from chc_desktop.domain.qa.rules_file import RulesError, RulesFile, combine, parse
from chc_desktop.domain.roles import Action
from chc_desktop.services import assessments
from chc_desktop.services.audit import utc_now
from chc_desktop.services.content import load
from chc_desktop.services.context import Profile
from chc_desktop.services.errors import InvalidInput
from chc_desktop.services.profile_files import ProfileLocation
from chc_desktop.store import models

log = logging.getLogger("chc.services.qa")

QA_FOLDER = "qa"
LOCAL_RULES = "qa-rules.toml"


@cache
def built_in_files() -> tuple[RulesFile, ...]:
    """The shipped rules files, parsed once."""
    folder = resources.files("chc_desktop.resources") / QA_FOLDER
    return tuple(
        parse(path.read_text(encoding="utf-8"), f"resources/{QA_FOLDER}/{path.name}")
        for path in sorted(folder.iterdir(), key=lambda p: p.name)
        if path.name.endswith(".toml")
    )


def built_in_rules() -> list[Rule]:
    """Every shipped rule."""
    return combine(built_in_files(), None)


@dataclass(frozen=True, slots=True)
class Acknowledged:
    """A warning accepted with a reason."""

    justification: str
    actor: str
    at: str


@dataclass(slots=True)
class Report:
    """Findings for one assessment, with acknowledgements and any problem with the local rules."""

    findings: list[Finding]
    acknowledged: dict[tuple[str, str], Acknowledged] = field(default_factory=dict)
    local_problem: str | None = None

    def is_acknowledged(self, finding: Finding) -> bool:
        """True for a warning accepted with a justification."""
        return (finding.rule, finding.target) in self.acknowledged

    @property
    def blocking(self) -> list[Finding]:
        """Findings that stop signing."""
        return [f for f in self.findings if f.severity is Severity.BLOCKING]

    @property
    def open_warnings(self) -> list[Finding]:
        """Warnings still needing a justification."""
        return [
            f
            for f in self.findings
            if f.severity is Severity.WARNING and not self.is_acknowledged(f)
        ]

    def as_json(self) -> dict[str, Any]:
        """``qa check --json`` (formats.md), plus acknowledgement details."""
        items = []
        for f in self.findings:
            entry = f.as_json()
            ack = self.acknowledged.get((f.rule, f.target))
            entry["acknowledged"] = ack is not None
            if ack is not None:
                entry["justification"] = ack.justification
            items.append(entry)
        warnings = [f for f in self.findings if f.severity is Severity.WARNING]
        return {
            "blocking": len(self.blocking),
            "warnings": len(warnings),
            "unacknowledged_warnings": len(self.open_warnings),
            "findings": items,
            "local_rules_problem": self.local_problem,
        }


def rules_for(location: ProfileLocation) -> tuple[list[Rule], str | None]:
    """Built-in rules plus the profile's ``qa-rules.toml``; a broken local file is reported, not fatal."""
    path = location.folder / LOCAL_RULES
    if not path.exists():
        return built_in_rules(), None
    try:
        local = parse(path.read_text(encoding="utf-8"), str(path))
        return combine(built_in_files(), local), None
    except (RulesError, OSError, UnicodeDecodeError) as exc:
        log.warning("local QA rules ignored: %s", type(exc).__name__)
        return built_in_rules(), f"{exc}; the built-in rules still apply"


@dataclass(frozen=True, slots=True)
class Prepared:
    """What QA needs besides the assessment itself, loaded once per workspace."""

    rules: list[Rule]
    received: date | None
    acknowledged: dict[tuple[str, str], Acknowledged]
    local_problem: str | None

    def evaluate(self, doc: AssessmentDoc, today: date | None = None) -> Report:
        """Run the rules over ``doc`` (pure and fast: the live panel calls it on every edit)."""
        loaded = load()
        qa = QAInput(
            doc, today or date.today(), self.received,
            {d.code: d.name for d in loaded.domains}, loaded.thresholds, loaded.appropriate_clinicians,
        )  # fmt: skip
        return Report(evaluate(qa, self.rules), dict(self.acknowledged), self.local_problem)


def prepare(profile: Profile, assessment_id: str) -> Prepared:
    """Rules, the case's received date and the acknowledgements for one assessment."""
    profile.require(Action.ASSESSMENT_READ)
    with profile.reading() as session:
        received = session.scalar(
            select(models.Case.received)
            .join(models.Assessment)
            .where(models.Assessment.id == assessment_id)
        )
        acks = session.scalars(
            select(models.QAAcknowledgement).where(
                models.QAAcknowledgement.assessment_id == assessment_id
            )
        ).all()
    rules, problem = rules_for(profile.location)
    return Prepared(
        rules,
        received,
        {(a.rule, a.target): Acknowledged(a.justification, a.actor, a.at) for a in acks},
        problem,
    )


def check(profile: Profile, assessment_id: str, today: date | None = None) -> Report:
    """Run every applicable rule over the stored assessment."""
    found = assessments.get(profile, assessment_id)
    return prepare(profile, assessment_id).evaluate(found.doc, today)


def acknowledge(
    profile: Profile, assessment_id: str, rules: list[str] | None, justification: str
) -> int:
    """Accept current warnings (those of ``rules``, or all) with a justification; returns how many."""
    role = profile.require(Action.QA_ACKNOWLEDGE)
    if len(justification.split()) < 3:
        raise InvalidInput("a justification needs a few words saying why the warning is accepted")
    report = check(profile, assessment_id)
    chosen = [f for f in report.open_warnings if rules is None or f.rule in rules]
    unknown = sorted(set(rules or ()) - {f.rule for f in report.findings})
    if unknown:
        raise InvalidInput(f"no current finding for rule(s) {', '.join(unknown)}")
    if rules is not None and not chosen:
        raise InvalidInput("only warnings can be acknowledged; blocking findings must be fixed")
    with profile.writing() as session:
        for f in chosen:
            session.add(
                models.QAAcknowledgement(
                    assessment_id=assessment_id,
                    rule=f.rule,
                    target=f.target,
                    justification=justification.strip(),
                    actor=profile.user.name,
                    at=utc_now(),
                )
            )
            profile.audit(
                session, "qa.acknowledge", f"assessment:{assessment_id}", role=role.value,
                detail={"rule": f.rule, "target": f.target}, reason=justification.strip(),
            )  # fmt: skip
    return len(chosen)


def gate(profile: Profile, assessment_id: str) -> Report:
    """Refuse (InvalidInput, exit 1) while blocking findings or unjustified warnings remain."""
    report = check(profile, assessment_id)
    reasons = [f"blocking: {f.message}" for f in report.blocking]
    reasons += [f"warning not yet acknowledged: {f.message}" for f in report.open_warnings]
    if reasons:
        raise InvalidInput("cannot sign yet:\n" + "\n".join(f"  - {r}" for r in reasons))
    return report
