"""Validate one field edit of an assessment (the unit of autosave and of undo).

A target is ``assessment``, ``domain:<code>``, ``recommendation`` or ``details``.
Returns the value to store, or raises InvalidEdit with a message naming the field.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from chc_desktop.domain.assessment_doc import MAX_TEXT
from chc_desktop.domain.checklist import ANSWERS, CHECKLIST_DOMAINS
from chc_desktop.domain.dst import DOMAINS, InvalidLevel, check_level
from chc_desktop.domain.reviews import REVIEW_FIELDS_SPEC

EDITABLE_STATUSES = ("draft", "returned", "amended")
REVIEW_FIELDS = tuple(f.code for f in REVIEW_FIELDS_SPEC)
_TEXT = "text"
_FLAG = "flag"
ASSESSMENT_FIELDS = {
    "date": "date",
    "location": _TEXT,
    "individual_present": _FLAG,
    "representative": _TEXT,
}
DOMAIN_FIELDS = {
    "level": "level", "answer": "answer", "evidence": _TEXT, "sources": "sources",
    "individual_view": _TEXT, "agreed": _FLAG, "disagreement": _TEXT, "mdt_notes": _TEXT,
}  # fmt: skip
RECOMMENDATION_FIELDS = {
    "primary_health_need": _FLAG, "nature": _TEXT, "intensity": _TEXT, "complexity": _TEXT,
    "unpredictability": _TEXT, "individual_view": _TEXT, "dissent": _TEXT,
}  # fmt: skip


class InvalidEdit(ValueError):
    """The edit cannot be stored; nothing was written."""


def domains_for(kind: str) -> tuple[str, ...]:
    """Which domains an assessment of ``kind`` records."""
    return {"dst": DOMAINS, "checklist": CHECKLIST_DOMAINS}.get(kind, ())


def _coerce(kind_of_value: str, field: str, value: Any, domain: str | None) -> Any:  # noqa: PLR0911
    if value is None:
        return None
    match kind_of_value:
        case "text":
            if not isinstance(value, str) or len(value) > MAX_TEXT:
                raise InvalidEdit(f"{field} must be text of at most {MAX_TEXT} characters")
            return value
        case "flag":
            if not isinstance(value, bool):
                raise InvalidEdit(f"{field} must be yes, no or not recorded")
            return value
        case "date":
            try:
                return value if isinstance(value, date) else date.fromisoformat(str(value))
            except ValueError:
                raise InvalidEdit(f"{field} must be a date in YYYY-MM-DD form") from None
        case "sources":
            if (
                not isinstance(value, Sequence)
                or isinstance(value, str)
                or not all(isinstance(s, str) for s in value)
            ):
                raise InvalidEdit("sources must be a list of text")
            return [s.strip() for s in value if s.strip()]
        case "answer":
            if value not in ANSWERS:
                raise InvalidEdit(f"{domain} answer must be A, B or C")
            return value
    try:
        return check_level(str(domain), str(value)).value
    except InvalidLevel as exc:
        raise InvalidEdit(str(exc)) from None


def check_edit(kind: str, target: str, field: str, value: Any, details: Sequence[str] = ()) -> Any:
    """Validate setting ``field`` of ``target`` to ``value`` in an assessment of ``kind``."""
    if target == "assessment":
        table: dict[str, str] = ASSESSMENT_FIELDS
        domain = None
    elif target == "recommendation":
        if kind != "dst":
            raise InvalidEdit(f"a {kind} has no recommendation")
        table, domain = RECOMMENDATION_FIELDS, None
    elif target == "details":
        if field not in details:
            raise InvalidEdit(
                f"a {kind} has no field {field!r}; its fields are: {', '.join(details)}"
            )
        return _coerce(_TEXT, field, value, None)
    elif target.startswith("domain:"):
        domain = target.removeprefix("domain:")
        if domain not in domains_for(kind):
            allowed = ", ".join(domains_for(kind)) or "none"
            raise InvalidEdit(f"a {kind} has no domain {domain!r}; its domains are: {allowed}")
        table = DOMAIN_FIELDS
        if (field == "level" and kind != "dst") or (field == "answer" and kind != "checklist"):
            raise InvalidEdit(f"a {kind} records no {field}")
    else:
        raise InvalidEdit(f"unknown part of an assessment: {target!r}")
    if field not in table:
        raise InvalidEdit(f"{target} has no field {field!r}; its fields are: {', '.join(table)}")
    return _coerce(table[field], field, value, domain)
