"""The named checks a QA rule can run. Pure: each takes the input and the rule's params.

Each check yields a Hit for every place the rule should fire; no hit means the
rule is satisfied. Adding a check here makes it usable from any rules file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import date
from typing import Any

from chc_desktop.domain.assessment_doc import RATIONALE, DomainRecord
from chc_desktop.domain.assessment_edit import domains_for
from chc_desktop.domain.cases import due_date
from chc_desktop.domain.checklist import InvalidAnswer, evaluate
from chc_desktop.domain.dst import Level
from chc_desktop.domain.indication import Indication, indicate
from chc_desktop.domain.qa.model import Hit, QAInput
from chc_desktop.domain.qa.text import is_placeholder, mentions, substantial
from chc_desktop.domain.reviews import next_review_due

Params = Mapping[str, Any]
Check = Callable[[QAInput, Params], Iterator[Hit]]
CHECKS: dict[str, Check] = {}


def check(fn: Check) -> Check:
    """Register ``fn`` under its name."""
    CHECKS[fn.__name__] = fn
    return fn


def _rank(record: DomainRecord | None) -> int:
    return Level(record.level).rank if record and record.level else -1


def _domains(qa: QAInput, params: Params) -> Iterator[tuple[str, DomainRecord | None]]:
    """Each domain of the assessment, optionally only ``domains`` and those at or above ``min_level``."""
    floor = Level(params["min_level"]).rank if "min_level" in params else -1
    only = params.get("domains")
    for code in domains_for(qa.doc.kind):
        if only is not None and code not in only:
            continue
        record = qa.doc.domains.get(code)
        if floor < 0 or _rank(record) >= floor:
            yield code, record


def _hit(qa: QAInput, code: str, field: str, **values: Any) -> Hit:
    return Hit(f"domain:{code}", field, {"domain": qa.name(code), **values})


@check
def domain_field_missing(qa: QAInput, params: Params) -> Iterator[Hit]:
    """The domain's ``field`` (level, answer, evidence, individual_view…) is not recorded."""
    name = params["field"]
    for code, record in _domains(qa, params):
        value = getattr(record, name) if record else None
        if value is None or (isinstance(value, str) and not value.strip()) or value == []:
            yield _hit(qa, code, name)


@check
def domain_text_thin(qa: QAInput, params: Params) -> Iterator[Hit]:
    """Text is present but a placeholder or shorter than ``min_words``."""
    name, least = params["field"], int(params["min_words"])
    for code, record in _domains(qa, params):
        text = getattr(record, name) if record else None
        if text and text.strip() and not substantial(text, least):
            yield _hit(qa, code, name, min_words=least)


@check
def domain_text_lacks_terms(qa: QAInput, params: Params) -> Iterator[Hit]:
    """Recorded text does not mention any of ``terms`` (e.g. frequency words at High)."""
    name, terms = params["field"], params["terms"]
    for code, record in _domains(qa, params):
        text = getattr(record, name) if record else None
        if text and not is_placeholder(text) and not mentions(text, terms):
            yield _hit(
                qa, code, name, level=Level(record.level).label if record and record.level else ""
            )


@check
def domain_text_has_terms_at_low_level(qa: QAInput, params: Params) -> Iterator[Hit]:
    """Text says a need is managed (``terms``) but the level is at most ``max_level``."""
    ceiling = Level(params["max_level"]).rank
    for code, record in _domains(qa, {}):
        if record and 0 <= _rank(record) <= ceiling and mentions(record.evidence, params["terms"]):
            yield _hit(qa, code, "evidence")


@check
def disagreement_without_reason(qa: QAInput, params: Params) -> Iterator[Hit]:
    """The individual disagrees with a level but no reason is recorded."""
    for code, record in _domains(qa, params):
        if record and record.agreed is False and is_placeholder(record.disagreement):
            yield _hit(qa, code, "disagreement")


@check
def domain_pair(qa: QAInput, params: Params) -> Iterator[Hit]:
    """``first`` is at or above ``first_min`` while ``second`` is at or below ``second_max``."""
    first, second = qa.doc.domains.get(params["first"]), qa.doc.domains.get(params["second"])
    if (
        _rank(first) >= Level(params["first_min"]).rank
        and 0 <= _rank(second) <= Level(params["second_max"]).rank
    ):
        yield _hit(qa, params["second"], "level", other=qa.name(params["first"]))


@check
def professionals_too_few(qa: QAInput, params: Params) -> Iterator[Hit]:
    """Fewer than ``min_professions`` different professions among the members present."""
    present = {
        p.profession.strip().lower()
        for p in qa.doc.participants
        if p.present and p.profession.strip()
    }
    if len(present) < int(params["min_professions"]):
        yield Hit("participants", None, {"count": len(present)})


@check
def participants_without_role(qa: QAInput, params: Params) -> Iterator[Hit]:
    """A member has no role recorded."""
    for i, p in enumerate(qa.doc.participants):
        if not p.role.strip():
            yield Hit("participants", None, {"name": p.name or f"member {i + 1}"})


@check
def assessment_field_missing(qa: QAInput, params: Params) -> Iterator[Hit]:
    """An assessment-level field (date, location, individual_present…) is not recorded."""
    name = params["field"]
    value = getattr(qa.doc, name)
    if value is None or (isinstance(value, str) and not value.strip()):
        yield Hit("assessment", name, {})


@check
def date_in_future(qa: QAInput, params: Params) -> Iterator[Hit]:
    """The assessment is dated after today."""
    if qa.doc.date and qa.doc.date > qa.today:
        yield Hit("dates", "date", {"date": qa.doc.date.isoformat()})


@check
def absent_without_representative(qa: QAInput, params: Params) -> Iterator[Hit]:
    """The individual did not take part and no representative or reason is recorded."""
    if qa.doc.individual_present is False and is_placeholder(qa.doc.representative):
        yield Hit("assessment", "representative", {})


@check
def decision_late(qa: QAInput, params: Params) -> Iterator[Hit]:
    """Today is past the case's 28-day due date."""
    if qa.case_received is not None and qa.today > due_date(qa.case_received):
        due = due_date(qa.case_received)
        yield Hit("dates", None, {"due": due.isoformat(), "days": (qa.today - due).days})


@check
def decision_due_soon(qa: QAInput, params: Params) -> Iterator[Hit]:
    """The 28-day due date is today or within ``days`` days."""
    if qa.case_received is not None:
        due = due_date(qa.case_received)
        if 0 <= (due - qa.today).days <= int(params["days"]):
            yield Hit("dates", None, {"due": due.isoformat(), "days": (due - qa.today).days})


@check
def recommendation_missing(qa: QAInput, params: Params) -> Iterator[Hit]:
    """The MDT has not recorded whether it recommends a primary health need."""
    if qa.doc.recommendation.primary_health_need is None:
        yield Hit("recommendation", "primary_health_need", {})


@check
def rationale_thin(qa: QAInput, params: Params) -> Iterator[Hit]:
    """The rationale for ``characteristic`` is missing or under ``min_words``."""
    name = params["characteristic"]
    if not substantial(getattr(qa.doc.recommendation, name), int(params["min_words"])):
        yield Hit(
            "recommendation", name, {"characteristic": name, "min_words": params["min_words"]}
        )


@check
def rationale_names_no_domain(qa: QAInput, params: Params) -> Iterator[Hit]:
    """No rationale text names any domain recorded at ``min_level`` or above."""
    driving = [code for code, _ in _domains(qa, params)]
    text = " ".join(getattr(qa.doc.recommendation, k) or "" for k in RATIONALE)
    names = [qa.name(c) for c in driving] + [c.replace("_", " ") for c in driving]
    if driving and text.strip() and not mentions(text, names + [n.split(" ")[0] for n in names]):
        yield Hit("recommendation", "nature", {"domains": ", ".join(qa.name(c) for c in driving)})


@check
def recommendation_differs_from_pattern(qa: QAInput, params: Params) -> Iterator[Hit]:
    """Recommended against a clear pattern, or for it with no pattern at all."""
    phn = qa.doc.recommendation.primary_health_need
    levels = {c: r.level for c, r in qa.doc.domains.items() if r.level}
    if phn is None or not levels:
        return
    pattern = indicate(levels, qa.thresholds).indication
    if (pattern is Indication.CLEAR and phn is False) or (
        pattern is Indication.NONE and phn is True
    ):
        yield Hit("recommendation", "primary_health_need", {"pattern": pattern.value})


@check
def recommendation_field_missing(qa: QAInput, params: Params) -> Iterator[Hit]:
    """A recommendation field (individual_view…) is not recorded."""
    if is_placeholder(getattr(qa.doc.recommendation, params["field"])):
        yield Hit("recommendation", params["field"], {})


@check
def checklist_incomplete(qa: QAInput, params: Params) -> Iterator[Hit]:
    """Not every Checklist domain has an A, B or C."""
    missing = [
        qa.name(c)
        for c in domains_for("checklist")
        if not (qa.doc.domains.get(c) and qa.doc.domains[c].answer)
    ]
    if missing:
        yield Hit("checklist", None, {"domains": ", ".join(missing)})


@check
def checklist_answer_without_evidence(qa: QAInput, params: Params) -> Iterator[Hit]:
    """An A or B answer has no evidence note."""
    for code, record in _domains(qa, params):
        if record and record.answer in ("A", "B") and is_placeholder(record.evidence):
            yield _hit(qa, code, "evidence", answer=record.answer)


@check
def checklist_negative(qa: QAInput, params: Params) -> Iterator[Hit]:
    """A complete Checklist that does not indicate a full assessment."""
    answers = {c: str(r.answer) for c, r in qa.doc.domains.items() if r.answer}
    try:
        result = evaluate(answers)
    except InvalidAnswer:
        return
    if not result.full_assessment_needed:
        yield Hit("checklist", None, {})


@check
def details_missing(qa: QAInput, params: Params) -> Iterator[Hit]:
    """Each of ``fields`` in the kind's details is empty."""
    for name in params["fields"]:
        if is_placeholder(qa.doc.details.get(name)):
            yield Hit("details", name, {"field": name.replace("_", " ")})


@check
def details_thin(qa: QAInput, params: Params) -> Iterator[Hit]:
    """A details field is present but under ``min_words``."""
    text = qa.doc.details.get(params["field"])
    if text and not is_placeholder(text) and not substantial(text, int(params["min_words"])):
        yield Hit("details", params["field"], {"min_words": params["min_words"]})


@check
def details_mentions(qa: QAInput, params: Params) -> Iterator[Hit]:
    """A details field mentions any of ``terms`` (e.g. a time-limited prognosis)."""
    if any(mentions(qa.doc.details.get(f), params["terms"]) for f in params["fields"]):
        yield Hit("details", params["fields"][0], {})


@check
def clinician_not_appropriate(qa: QAInput, params: Params) -> Iterator[Hit]:
    """The Fast Track tool was completed by someone who is not an appropriate clinician."""
    role = (qa.doc.details.get("clinician_role") or "").strip()
    if role and role not in qa.appropriate_clinicians:
        yield Hit("details", "clinician_role", {"role": role.replace("_", " ")})


def _iso(text: str | None) -> date | None:
    try:
        return date.fromisoformat((text or "").strip())
    except ValueError:
        return None


@check
def review_dates_invalid(qa: QAInput, params: Params) -> Iterator[Hit]:
    """A review date field is not a YYYY-MM-DD date."""
    for name in ("decision_date", "review_date"):
        if qa.doc.details.get(name) and _iso(qa.doc.details.get(name)) is None:
            yield Hit("details", name, {"field": name.replace("_", " ")})


@check
def review_late(qa: QAInput, params: Params) -> Iterator[Hit]:
    """The review was held (or is still open) after it was due."""
    decision = _iso(qa.doc.details.get("decision_date"))
    if decision is None:
        return
    due = next_review_due(decision)
    held = _iso(qa.doc.details.get("review_date")) or qa.today
    if held > due:
        yield Hit("dates", "review_date", {"due": due.isoformat()})
