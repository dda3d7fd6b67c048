"""The chc-assessment document: every problem with its JSON path; round trip."""

from __future__ import annotations

import copy
from typing import Any

from chc_desktop.domain.assessment_doc import parse, to_document
from tests.helpers.assessments import checklist_doc, dst_doc


def test_valid_dst_round_trips() -> None:
    source = dst_doc(levels={"cognition": "severe"})
    parsed, problems = parse(source)
    assert problems == []
    assert parsed is not None
    assert parsed.domains["cognition"].level == "severe"
    again, _ = parse(to_document(parsed))
    assert again == parsed


def test_valid_checklist() -> None:
    parsed, problems = parse(checklist_doc({"behaviour": "A"}))
    assert problems == []
    assert parsed is not None and parsed.domains["behaviour"].answer == "A"


def test_every_problem_is_reported_with_its_path() -> None:
    bad: Any = copy.deepcopy(dst_doc())
    bad["domains"]["continence"]["level"] = "severe"
    bad["domains"]["hearing"] = {"level": "low"}
    bad["domains"]["skin"]["agreed"] = "yes"
    bad["domains"]["skin"]["sources"] = "notes"
    bad["participants"][1]["name"] = ""
    bad["participants"].append("Dr Who")
    bad["recommendation"]["rationale"]["colour"] = "blue"
    bad["date"] = "20/11/2026"
    bad["extra"] = 1
    parsed, problems = parse(bad)
    assert parsed is None
    paths = [p for p, _ in problems]
    assert set(paths) == {
        "domains.continence.level", "domains.hearing", "domains.skin.agreed", "domains.skin.sources",
        "participants[1].name", "participants[2]", "recommendation.rationale.colour", "date", "extra",
    }  # fmt: skip
    message = dict(problems)["domains.continence.level"]
    assert (
        message == "continence does not accept 'severe'; it accepts: no_needs, low, moderate, high"
    )


def test_wrong_format_or_version_stops_early() -> None:
    assert parse({"format": "x"})[1] == [("format", 'must be "chc-assessment"')]
    assert parse({"format": "chc-assessment", "version": 9})[1][0][0] == "version"
    assert parse([1, 2])[1] == [("$", "must be an object")]


def test_checklist_has_no_other_domain() -> None:
    doc = checklist_doc()
    doc["domains"]["other"] = {"answer": "A"}
    _, problems = parse(doc)
    assert problems[0][0] == "domains.other"
