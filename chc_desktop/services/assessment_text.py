"""A plain-text summary of an assessment for ``assessment show``."""

from __future__ import annotations

from chc_desktop.domain.assessment_edit import domains_for
from chc_desktop.domain.checklist import InvalidAnswer, evaluate
from chc_desktop.domain.indication import indicate
from chc_desktop.services.assessments import Assessment
from chc_desktop.services.content import load


def _clip(text: str | None, width: int = 60) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def describe(found: Assessment) -> str:
    """Header, participants, each domain and the pattern (never an eligibility decision)."""
    info, doc = found.info, found.doc
    lines = [
        f"{info.kind} v{info.version} for {info.case_ref} ({info.status})  id {info.id}",
        f"date {doc.date or '-'}  location {doc.location or '-'}",
        "participants: "
        + ("; ".join(f"{p.name} ({p.profession})" for p in doc.participants) or "none yet"),
    ]
    for code in domains_for(doc.kind):
        record = doc.domains.get(code)
        value = (record.answer if doc.kind == "checklist" else record.level) if record else None
        lines.append(
            f"  {code:<16} {value or '-':<10} {_clip(record.evidence if record else None)}"
        )
    if doc.kind == "dst":
        levels = {c: r.level for c, r in doc.domains.items() if r.level}
        result = indicate(levels, load().thresholds)
        lines.append(f"pattern: {result.indication.value} - " + "; ".join(result.reasons))
    elif doc.kind == "checklist":
        try:
            checked = evaluate({c: str(r.answer) for c, r in doc.domains.items() if r.answer})
            verdict = "needed" if checked.full_assessment_needed else "not indicated"
            lines.append(f"full assessment: {verdict} - " + "; ".join(checked.reasons))
        except InvalidAnswer:
            lines.append("full assessment: not all domains answered yet")
    for key, value in doc.details.items():
        lines.append(f"  {key}: {_clip(value)}")
    return "\n".join(lines)
