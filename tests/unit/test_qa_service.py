"""QA on stored assessments: check, acknowledge, the signing gate, local rules, and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chc_desktop.services import assessments, cases_import, qa
from chc_desktop.services.context import Profile
from chc_desktop.services.errors import InvalidInput
from tests.helpers import qa_docs
from tests.helpers.cli import Cli
from tests.helpers.data import TODAY, case_dicts, to_csv


@pytest.fixture
def stored(profile: Profile) -> tuple[Profile, str]:
    cases_import.import_cases(profile, to_csv(case_dicts(2)), "c.csv", today=TODAY)
    doc = qa_docs.clean_dst()
    doc["location"] = None  # one warning
    doc["recommendation"]["primary_health_need"] = None  # one blocking finding
    return profile, assessments.import_document(profile, doc).id


def test_check_acknowledge_and_gate(stored: tuple[Profile, str]) -> None:
    profile, aid = stored
    report = qa.check(profile, aid, TODAY)
    assert [f.rule for f in report.blocking] == ["REC-MISSING"]
    assert [f.rule for f in report.open_warnings] == ["LOCATION-MISSING"]
    with pytest.raises(InvalidInput, match="blocking: The MDT's recommendation is not recorded"):
        qa.gate(profile, aid)
    with pytest.raises(InvalidInput, match="only warnings"):
        qa.acknowledge(profile, aid, ["REC-MISSING"], "Panel will decide (test)")
    with pytest.raises(InvalidInput, match="a few words"):
        qa.acknowledge(profile, aid, ["LOCATION-MISSING"], "ok")
    assert qa.acknowledge(profile, aid, ["LOCATION-MISSING"], "Assessed by video call (test)") == 1
    assessments.update(profile, aid, "recommendation", "primary_health_need", True)
    report = qa.gate(profile, aid)
    assert (
        report.acknowledged[("LOCATION-MISSING", "assessment")].justification
        == "Assessed by video call (test)"
    )


def test_broken_local_rules_are_reported_and_built_ins_still_work(
    stored: tuple[Profile, str],
) -> None:
    profile, aid = stored
    (profile.location.folder / qa.LOCAL_RULES).write_text(
        'format = "chc-qa-rules"\nversion = 1\n[[rule]]\nid = "X"\n'
    )
    report = qa.check(profile, aid, TODAY)
    assert report.local_problem is not None and "qa-rules.toml:3" in report.local_problem
    assert "REC-MISSING" in [f.rule for f in report.findings]


def test_local_override_applies(stored: tuple[Profile, str]) -> None:
    profile, aid = stored
    (profile.location.folder / qa.LOCAL_RULES).write_text(
        'format = "chc-qa-rules"\nversion = 1\n[[override]]\nid = "LOCATION-MISSING"\nseverity = "blocking"\n'
    )
    assert {f.rule for f in qa.check(profile, aid, TODAY).blocking} == {
        "REC-MISSING",
        "LOCATION-MISSING",
    }


def test_cli_qa_check_and_acknowledge(tmp_path: Path) -> None:
    cli = Cli(tmp_path)
    cli.init()
    cases = tmp_path / "c.csv"
    cases.write_bytes(to_csv(case_dicts(2)))
    assert cli("cases", "import", str(cases)).code == 0
    doc = qa_docs.clean_dst() | {"location": None}
    path = tmp_path / "a.json"
    path.write_text(json.dumps(doc))
    aid = cli("assessment", "import", str(path)).out.strip()
    result = cli("qa", "check", aid, "--json")
    assert result.code == 0, result.err
    body = result.json()
    assert (body["blocking"], body["warnings"]) == (
        0,
        len([f for f in body["findings"] if f["severity"] == "warning"]),
    )
    assert {
        "rule": "LOCATION-MISSING",
        "severity": "warning",
        "target": "assessment",
    }.items() <= body["findings"][0].items()
    assert cli("qa", "acknowledge", aid, "--justification", "x").code == 2
    done = cli(
        "qa",
        "acknowledge",
        aid,
        "--all-warnings",
        "--justification",
        "Assessed by video call (test)",
    )
    assert done.code == 0, done.err
    again = cli("qa", "check", aid, "--json").json()
    assert again["unacknowledged_warnings"] == 0
    assert again["findings"][0]["justification"] == "Assessed by video call (test)"
    doc["case_ref"] = "TEST-000002"
    doc["recommendation"]["primary_health_need"] = None
    path.write_text(json.dumps(doc))
    other = cli("assessment", "import", str(path)).out.strip()
    blocked = cli("qa", "check", other)
    assert blocked.code == 1
    assert blocked.out.startswith("blocking REC-MISSING")
