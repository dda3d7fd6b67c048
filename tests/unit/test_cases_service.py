"""Importing and reading cases through services, on a real encrypted store."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from chc_desktop.domain.roles import Role
from chc_desktop.services import cases_import, cases_query
from chc_desktop.services.case_views import CaseIndex, filter_index
from chc_desktop.services.context import Profile, User
from chc_desktop.services.errors import NotPermitted
from chc_desktop.store.models import AuditEvent, Case, Person
from tests.helpers.data import TODAY, case_dicts, to_csv, to_json


def counts(profile: Profile) -> tuple[int, int, int]:
    with profile.reading() as s:
        return (
            s.scalar(select(func.count(Case.id))) or 0,
            s.scalar(select(func.count(Person.id))) or 0,
            s.scalar(select(func.count(AuditEvent.seq))) or 0,
        )


def run(
    profile: Profile, data: bytes, name: str = "cases.csv", **kw: object
) -> cases_import.ImportOutcome:
    return cases_import.import_cases(profile, data, name, today=TODAY, **kw)  # type: ignore[arg-type]


def test_import_then_same_file_again_changes_nothing(profile: Profile) -> None:
    data = to_csv(case_dicts(20))
    first = run(profile, data)
    assert (first.imported, first.unchanged, first.problems) == (20, 0, [])
    after_first = counts(profile)
    second = run(profile, data)
    assert (second.imported, second.unchanged) == (0, 20)
    assert counts(profile) == after_first


def test_json_and_csv_of_the_same_cases_agree(profile: Profile) -> None:
    run(profile, to_csv(case_dicts(5)))
    outcome = run(profile, to_json(case_dicts(5)), "cases.json")
    assert (outcome.imported, outcome.unchanged) == (0, 5)


def test_dry_run_writes_nothing(profile: Profile) -> None:
    before = counts(profile)
    outcome = run(profile, to_csv(case_dicts(10)), dry_run=True)
    assert (outcome.imported, outcome.dry_run) == (10, True)
    assert counts(profile) == before


def test_one_bad_row_means_nothing_is_written(profile: Profile) -> None:
    rows = case_dicts(50)
    rows[49]["nhs_number"] = "1234567890"
    before = counts(profile)
    outcome = run(profile, to_csv(rows))
    assert outcome.imported == 0
    assert [(p.line, p.field) for p in outcome.problems] == [(51, "nhs_number")]
    assert counts(profile) == before


def test_conflicts_with_stored_cases_are_errors(profile: Profile) -> None:
    run(profile, to_csv(case_dicts(3)))
    rows = case_dicts(4)
    rows[0]["place"] = "Somewhere else"
    rows[3]["nhs_number"] = rows[1]["nhs_number"]
    rows[3]["case_ref"] = "NEW-1"
    outcome = run(profile, to_csv(rows))
    assert [(p.line, p.field) for p in outcome.problems] == [(2, "case_ref"), (5, "nhs_number")]
    assert counts(profile)[0] == 3


def test_new_case_for_a_stored_person_reuses_the_person(profile: Profile) -> None:
    rows = case_dicts(2)
    run(profile, to_csv(rows[:1]))
    rows[1].update({k: rows[0][k] for k in ("nhs_number", "given_name", "family_name")})
    assert run(profile, to_csv(rows)).imported == 1
    assert counts(profile)[:2] == (2, 1)


def test_import_is_audited_without_personal_data(profile: Profile) -> None:
    run(profile, to_csv(case_dicts(3)))
    with profile.reading() as s:
        event = s.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
    assert event is not None
    assert event.action == "cases.import"
    assert "Fakename" not in (event.detail or "")
    assert '"imported": 3' in (event.detail or "")


def test_roles_without_permission_are_refused_and_audited(profile: Profile) -> None:
    profile.user = User("Trainer", (Role.TRAINER,), None)
    with pytest.raises(NotPermitted, match=r"cases\.import"):
        run(profile, to_csv(case_dicts(1)))
    with profile.reading() as s:
        last = s.scalars(select(AuditEvent.action).order_by(AuditEvent.seq.desc())).first()
    assert last == "denied:cases.import"


def test_list_search_and_detail(profile: Profile) -> None:
    rows = case_dicts(30)
    run(profile, to_csv(rows))
    everything = cases_query.list_cases(profile, today=TODAY)
    assert len(everything) == 30
    assert [r.due for r in everything] == sorted(r.due for r in everything)
    assert [
        r.case_ref for r in cases_query.list_cases(profile, search="fakename17", today=TODAY)
    ] == ["TEST-000017"]
    nhs = rows[4]["nhs_number"]
    spaced = f"{nhs[:3]} {nhs[3:6]} {nhs[6:]}"
    assert [r.case_ref for r in cases_query.list_cases(profile, search=spaced, today=TODAY)] == [
        "TEST-000005"
    ]
    assert cases_query.list_cases(profile, status="decided", today=TODAY) == []
    detail = cases_query.case_detail(profile, everything[0].id, TODAY)
    assert detail is not None
    assert detail.given_name == "Testy"
    assert cases_query.case_detail(profile, 99999, TODAY) is None


def test_index_sorts_and_counts_overdue(profile: Profile) -> None:
    run(profile, to_csv(case_dicts(40)))
    index = cases_query.case_index(profile, "case_ref", descending=True, today=TODAY)
    rows = cases_query.case_rows(profile, index.ids, TODAY)
    refs = [rows[i].case_ref for i in index.ids]
    assert refs == sorted(refs, reverse=True)
    assert index.overdue == sum(1 for r in rows.values() if r.overdue) > 0


def test_filter_index_matches_ref_name_and_nhs_digits() -> None:
    index = CaseIndex(
        [1, 2, 3],
        ["a-1\ttesty one\tone, testy\t9990000018", "b-2\tx y\ty, x\t9991234567", "c-3\tz\tz\t1"],
    )
    assert filter_index(index, "") == [1, 2, 3]
    assert filter_index(index, "B-2") == [2]
    assert filter_index(index, "TESTY") == [1]
    assert filter_index(index, "999 123") == [2]
    assert filter_index(index, "one, te") == [1]


def test_large_import_is_all_or_nothing_and_idempotent(profile: Profile, tmp_path: Path) -> None:
    data = to_csv(case_dicts(5000))
    stages: list[str] = []
    outcome = run(profile, data, progress=lambda stage, done, total: stages.append(stage))
    assert outcome.imported == 5000
    assert {"checking", "writing people", "writing cases"} <= set(stages)
    assert run(profile, data).unchanged == 5000
