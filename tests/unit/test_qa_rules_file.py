"""Rules files: clear errors with file and line; overrides; a faulty rule never crashes."""

from __future__ import annotations

from datetime import date

import pytest

from chc_desktop.domain.assessment_doc import parse as parse_doc
from chc_desktop.domain.qa import checks
from chc_desktop.domain.qa.engine import INTERNAL, evaluate
from chc_desktop.domain.qa.model import QAInput, Severity
from chc_desktop.domain.qa.rules_file import RulesError, combine, parse
from chc_desktop.services.qa import built_in_files
from tests.helpers import qa_docs

HEAD = 'format = "chc-qa-rules"\nversion = 1\n'
LOCAL_RULE = """
[[rule]]
id = "LOCAL-LOCATION"
severity = "warning"
kinds = ["dst"]
target = "assessment"
check = "assessment_field_missing"
params = { field = "location" }
message = "Local: say where"
why = "Our panel asks for it."
"""


def local(text: str) -> list[str]:
    rules = combine(built_in_files(), parse(HEAD + text, "qa-rules.toml"))
    doc, _ = parse_doc(qa_docs.clean_dst() | {"location": None})
    assert doc is not None
    return [
        f"{f.rule}:{f.severity.value}" for f in evaluate(QAInput(doc, date(2026, 11, 24)), rules)
    ]


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("x = [", r"^f.toml:1: not valid TOML"),
        ('format = "other"\nversion = 1\n', r"^f.toml:1: must start with format"),
        (HEAD + "\n[[rule]]\nid = 'X-1'\n", r"^f.toml:4: missing severity"),
        (
            HEAD + LOCAL_RULE.replace('"assessment"', '"elsewhere"'),
            r"^f.toml:4: unknown target 'elsewhere'",
        ),
        (
            HEAD + LOCAL_RULE.replace('severity = "warning"', 'severity = "fatal"'),
            r"^f.toml:4: unknown severity 'fatal'",
        ),
        (
            HEAD + LOCAL_RULE.replace("assessment_field_missing", "read_minds"),
            r"^f.toml:4: unknown check 'read_minds'",
        ),
        (
            HEAD + LOCAL_RULE.replace('kinds = ["dst"]', 'kinds = ["essay"]'),
            r"^f.toml:4: kinds must be",
        ),
        (
            HEAD + LOCAL_RULE.replace('message = "Local: say where"', 'message = "Local {oops"'),
            r"^f.toml:4: message is not a valid template",
        ),
        (HEAD + "\n[[override]]\nseverity = 'info'\n", r"^f.toml:4: an override needs the id"),
        (
            HEAD + "\n[[override]]\nid = 'X'\ncolour = 'red'\n",
            r"^f.toml:4: an override may set only",
        ),
        (HEAD + "[colours]\nred = 1\n", r"^f.toml:1: unknown table or key 'colours'"),
    ],
)
def test_broken_files_name_file_and_line(text: str, error: str) -> None:
    with pytest.raises(RulesError, match=error):
        parse(text, "f.toml")


def test_local_rule_is_added() -> None:
    assert local(LOCAL_RULE) == ["LOCATION-MISSING:warning", "LOCAL-LOCATION:warning"]


def test_override_changes_severity_or_switches_off() -> None:
    assert local("[[override]]\nid = 'LOCATION-MISSING'\nseverity = 'blocking'\n") == [
        "LOCATION-MISSING:blocking"
    ]
    assert local("[[override]]\nid = 'LOCATION-MISSING'\nenabled = false\n") == []


def test_override_of_unknown_rule_and_duplicate_ids_are_errors() -> None:
    with pytest.raises(RulesError, match=r"qa-rules\.toml:3: override names unknown rule NOPE"):
        local("[[override]]\nid = 'NOPE'\nseverity = 'info'\n")
    with pytest.raises(RulesError, match="defined twice"):
        local(LOCAL_RULE.replace("LOCAL-LOCATION", "LOCATION-MISSING"))


def test_a_rule_that_raises_becomes_an_internal_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(qa: object, params: object) -> None:
        raise ZeroDivisionError

    monkeypatch.setitem(checks.CHECKS, "assessment_field_missing", broken)
    found = local("")
    assert f"{INTERNAL}:{Severity.WARNING.value}" in found
