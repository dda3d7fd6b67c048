"""Checklist thresholds at every boundary; Fast Track completeness; review scheduling."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chc_desktop.domain.checklist import CHECKLIST_DOMAINS, InvalidAnswer, evaluate
from chc_desktop.domain.fast_track import FastTrackField, problems
from chc_desktop.domain.reviews import add_months, next_review_due

NON_PRIORITY = [
    d
    for d in CHECKLIST_DOMAINS
    if d not in {"breathing", "behaviour", "drug_therapies", "altered_states"}
]


def answers(a: list[str] = (), b: list[str] = ()) -> dict[str, str]:  # type: ignore[assignment]
    out = dict.fromkeys(CHECKLIST_DOMAINS, "C")
    out.update(dict.fromkeys(b, "B"))
    out.update(dict.fromkeys(a, "A"))
    return out


@pytest.mark.parametrize(
    ("a", "b", "needed"),
    [
        ([], [], False),
        ([], NON_PRIORITY[:4], False),
        ([], NON_PRIORITY[:5], True),  # 5 B
        (NON_PRIORITY[:1], [], False),
        (NON_PRIORITY[:2], [], True),  # 2 A
        (NON_PRIORITY[:1], NON_PRIORITY[1:4], False),  # 1 A + 3 B
        (NON_PRIORITY[:1], NON_PRIORITY[1:5], True),  # 1 A + 4 B
        (["breathing"], [], True),  # A in a priority domain
        (["altered_states"], [], True),
        ([], ["breathing", "behaviour", "drug_therapies", "altered_states"], False),
    ],
)
def test_checklist_boundaries(a: list[str], b: list[str], needed: bool) -> None:
    result = evaluate(answers(a, b))
    assert result.full_assessment_needed is needed
    assert result.counts == {"A": len(a), "B": len(b), "C": 11 - len(a) - len(b)}
    assert result.reasons


def test_checklist_reasons_name_priority_domain() -> None:
    assert evaluate(answers(["behaviour"])).reasons == ["A in a priority domain: behaviour"]


def test_checklist_rejects_every_problem_at_once() -> None:
    bad = answers()
    bad["other"] = "A"
    bad["skin"] = "D"
    del bad["mobility"]
    with pytest.raises(InvalidAnswer) as err:
        evaluate(bad)
    message = str(err.value)
    assert "unknown domain 'other'" in message
    assert "mobility has no answer" in message
    assert "skin answer 'D'" in message


@given(
    st.dictionaries(st.sampled_from(CHECKLIST_DOMAINS), st.sampled_from("ABC")),
    st.sampled_from(CHECKLIST_DOMAINS),
)
def test_raising_an_answer_never_turns_positive_negative(
    partial: dict[str, str], domain: str
) -> None:
    full = dict.fromkeys(CHECKLIST_DOMAINS, "C") | partial
    up = {"C": "B", "B": "A", "A": "A"}[full[domain]]
    assert (
        evaluate({**full, domain: up}).full_assessment_needed
        >= evaluate(full).full_assessment_needed
    )


FIELDS = (
    FastTrackField("clinician_name", "Completed by", True),
    FastTrackField(
        "clinician_role",
        "Registration",
        True,
        ("registered_nurse", "registered_medical_practitioner", "other"),
    ),
    FastTrackField("reason", "Reason", True),
    FastTrackField("diagnosis", "Diagnosis", False),
)
CLINICIANS = ("registered_nurse", "registered_medical_practitioner")


def test_fast_track_complete_and_incomplete() -> None:
    good = {
        "clinician_name": "Dr Demo",
        "clinician_role": "registered_nurse",
        "reason": "Rapid decline",
    }
    assert problems(good, FIELDS, CLINICIANS) == []
    assert problems({**good, "reason": " "}, FIELDS, CLINICIANS) == ["Reason is not completed"]
    wrong = problems({**good, "clinician_role": "other"}, FIELDS, CLINICIANS)
    assert "appropriate clinician" in wrong[0]
    assert "not one of" in problems({**good, "clinician_role": "porter"}, FIELDS, CLINICIANS)[0]


@pytest.mark.parametrize(
    ("decision", "held", "due"),
    [
        (date(2026, 1, 10), [], date(2026, 4, 10)),
        (date(2026, 11, 30), [], date(2027, 2, 28)),
        (date(2026, 1, 10), [date(2026, 4, 1)], date(2027, 4, 1)),
        (date(2026, 1, 10), [date(2026, 4, 1), date(2027, 3, 1)], date(2028, 3, 1)),
        (date(2026, 1, 10), [date(2025, 6, 1)], date(2026, 4, 10)),  # a review before the decision
    ],
)
def test_review_schedule(decision: date, held: list[date], due: date) -> None:
    assert next_review_due(decision, held) == due


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 12, 15), 3) == date(2027, 3, 15)
