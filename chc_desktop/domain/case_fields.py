"""Field-level validation of one imported case row (formats.md, case import)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from chc_desktop.domain import nhs_number
from chc_desktop.domain.cases import CaseType, Setting

REQUIRED_FIELDS = (
    "case_ref",
    "nhs_number",
    "given_name",
    "family_name",
    "date_of_birth",
    "place",
    "setting",
    "referrer",
    "case_type",
    "received",
)
OPTIONAL_FIELDS = ("assigned_to",)
ALL_FIELDS = REQUIRED_FIELDS + OPTIONAL_FIELDS

MAX_TEXT = 200
_CASE_REF = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,39}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Characters that make spreadsheet programs evaluate a cell as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
EARLIEST_BIRTH = date(1900, 1, 1)
_E = TypeVar("_E", CaseType, Setting)


@dataclass(frozen=True, slots=True)
class CaseRecord:
    """One validated case as it will be stored."""

    case_ref: str
    nhs_number: str
    given_name: str
    family_name: str
    date_of_birth: date
    place: str
    setting: Setting
    referrer: str
    case_type: CaseType
    received: date
    assigned_to: str | None

    def person_key(self) -> tuple[str, str, date]:
        """The identifying details that must agree for one NHS number."""
        return (self.given_name, self.family_name, self.date_of_birth)


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """A problem with one field of one row."""

    field: str
    message: str


def _text(value: str, field: str, problems: list[FieldProblem]) -> str:
    text = value.strip()
    if len(text) > MAX_TEXT:
        problems.append(FieldProblem(field, f"is longer than {MAX_TEXT} characters"))
    elif text.startswith(_FORMULA_START):
        problems.append(
            FieldProblem(
                field,
                f"starts with {text[0]!r}, which spreadsheets run as a formula; remove it",
            )
        )
    elif any(ord(c) < 32 for c in text):
        problems.append(FieldProblem(field, "contains control characters"))
    return text


def _date(value: str, field: str, problems: list[FieldProblem]) -> date | None:
    text = value.strip()
    if not _ISO_DATE.fullmatch(text):
        problems.append(FieldProblem(field, f"{text[:20]!r} is not a date in YYYY-MM-DD form"))
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        problems.append(FieldProblem(field, f"{text!r} is not a real calendar date"))
        return None


def _choice(value: str, field: str, kind: type[_E], problems: list[FieldProblem]) -> _E | None:
    code = value.strip().lower().replace(" ", "_")
    try:
        return kind(code)
    except ValueError:
        allowed = ", ".join(m.value for m in kind)
        problems.append(FieldProblem(field, f"{value[:30]!r} is not one of: {allowed}"))
        return None


def validate_row(
    row: Mapping[str, str | None], today: date
) -> tuple[CaseRecord | None, list[FieldProblem]]:
    """Check one row's fields; return the record, or None with every problem found."""
    problems: list[FieldProblem] = []
    for field in REQUIRED_FIELDS:
        if not (row.get(field) or "").strip():
            problems.append(FieldProblem(field, "is required"))
    if problems:
        return None, problems

    def get(field: str) -> str:
        return row.get(field) or ""

    ref = get("case_ref").strip()
    if not _CASE_REF.fullmatch(ref):
        problems.append(
            FieldProblem(
                "case_ref",
                "must be 1-40 letters, digits or . _ / - and start with a letter or digit",
            )
        )
    nhs_problem = nhs_number.problem(get("nhs_number"))
    if nhs_problem:
        problems.append(FieldProblem("nhs_number", nhs_problem))
    given = _text(get("given_name"), "given_name", problems)
    family = _text(get("family_name"), "family_name", problems)
    place = _text(get("place"), "place", problems)
    referrer = _text(get("referrer"), "referrer", problems)
    assigned = _text(get("assigned_to"), "assigned_to", problems) or None
    dob = _date(get("date_of_birth"), "date_of_birth", problems)
    received = _date(get("received"), "received", problems)
    setting = _choice(get("setting"), "setting", Setting, problems)
    case_type = _choice(get("case_type"), "case_type", CaseType, problems)
    if dob and not EARLIEST_BIRTH <= dob <= today:
        problems.append(FieldProblem("date_of_birth", "must be between 1900-01-01 and today"))
    if received and received > today:
        problems.append(FieldProblem("received", "is in the future"))
    if dob and received and received < dob:
        problems.append(FieldProblem("received", "is before the date of birth"))
    if problems or dob is None or received is None or setting is None or case_type is None:
        return None, problems
    record = CaseRecord(
        case_ref=ref,
        nhs_number=nhs_number.normalise(get("nhs_number")),
        given_name=given,
        family_name=family,
        date_of_birth=dob,
        place=place,
        setting=setting,
        referrer=referrer,
        case_type=case_type,
        received=received,
        assigned_to=assigned,
    )
    return record, []
