"""Deterministic synthetic cases for the demo profile and benchmarks.

Names are obviously fake and NHS numbers come from the 999 test range, so no
generated record can be mistaken for a real person.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from chc_desktop.domain.case_fields import CaseRecord
from chc_desktop.domain.cases import CaseStatus, CaseType, Setting
from chc_desktop.domain.nhs_number import check_digit


@dataclass(frozen=True, slots=True)
class DemoParams:
    """Generator parameters (resources/demo/params.json)."""

    seed: int
    ref_prefix: str
    nhs_prefix: str
    places: Sequence[str]
    referrers: Sequence[str]
    assessors: Sequence[str]
    given_names: Sequence[str]
    family_names: Sequence[str]
    case_types: Mapping[str, int]
    settings: Mapping[str, int]
    received_within_days: int
    decided_share: float

    @classmethod
    def from_json(cls, doc: Mapping[str, Any]) -> DemoParams:
        """Build from the parsed JSON document; raises KeyError/ValueError if malformed."""
        params = cls(**{k: v for k, v in doc.items() if k not in ("format", "version")})
        for code in params.case_types:
            CaseType(code)
        for code in params.settings:
            Setting(code)
        return params


@dataclass(frozen=True, slots=True)
class DemoCase:
    """A generated case with the status the demo gives it."""

    record: CaseRecord
    status: CaseStatus


def fake_nhs_numbers(prefix: str, rng: random.Random) -> Iterator[str]:
    """Yield distinct Modulus-11-valid NHS numbers starting with ``prefix``."""
    seen: set[str] = set()
    free = 9 - len(prefix)
    while True:
        body = prefix + f"{rng.randrange(10**free):0{free}d}"
        digit = check_digit(body)
        if digit is None or body in seen:
            continue
        seen.add(body)
        yield body + str(digit)


def case_ref(prefix: str, index: int, count: int) -> str:
    """The reference of the ``index``-th of ``count`` demo cases (at least four digits)."""
    return f"{prefix}-{index:0{max(4, len(str(count)))}d}"


def generate(params: DemoParams, count: int, today: date) -> list[DemoCase]:
    """Generate ``count`` cases; the same inputs always give the same cases."""
    rng = random.Random(params.seed)
    numbers = fake_nhs_numbers(params.nhs_prefix, rng)
    types = [CaseType(c) for c in params.case_types]
    settings = [Setting(s) for s in params.settings]
    cases: list[DemoCase] = []
    for index in range(1, count + 1):
        received = today - timedelta(days=rng.randrange(params.received_within_days))
        age_days = rng.randrange(65 * 365, 100 * 365)
        decided = (today - received).days > 14 and rng.random() < params.decided_share
        record = CaseRecord(
            case_ref=case_ref(params.ref_prefix, index, count),
            nhs_number=next(numbers),
            given_name=rng.choice(params.given_names),
            family_name=rng.choice(params.family_names),
            date_of_birth=today - timedelta(days=age_days),
            place=rng.choice(params.places),
            setting=rng.choices(settings, weights=list(params.settings.values()))[0],
            referrer=rng.choice(params.referrers),
            case_type=rng.choices(types, weights=list(params.case_types.values()))[0],
            received=received,
            assigned_to=rng.choice(params.assessors),
        )
        status = (
            CaseStatus.DECIDED if decided else rng.choice((CaseStatus.NEW, CaseStatus.IN_PROGRESS))
        )
        cases.append(DemoCase(record, status))
    return cases
