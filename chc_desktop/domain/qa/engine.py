"""Run QA rules over an assessment. A rule that raises becomes a finding, never a crash."""

from __future__ import annotations

from collections.abc import Iterable

from chc_desktop.domain.qa.checks import CHECKS
from chc_desktop.domain.qa.model import Finding, QAInput, Rule, Severity

INTERNAL = "QA-INTERNAL"


class _Values(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def evaluate(qa: QAInput, rules: Iterable[Rule]) -> list[Finding]:
    """Findings for the rules that apply to this kind, most severe first, then in target order."""
    found: list[Finding] = []
    for rule in rules:
        if qa.doc.kind not in rule.kinds:
            continue
        try:
            for hit in CHECKS[rule.check](qa, rule.params):
                message = rule.message.format_map(_Values(hit.values))
                found.append(Finding(rule.id, rule.severity, hit.target, message, hit.field))
        except Exception as exc:
            found.append(
                Finding(
                    INTERNAL,
                    Severity.WARNING,
                    "qa",
                    f"rule {rule.id} could not be checked ({type(exc).__name__}); tell your QA lead",
                )
            )
    return sorted(found, key=lambda f: f.severity.order)
