"""``dst indicators`` and ``checklist evaluate``: pure, no profile, JSON per formats.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.assessments import checklist_doc, dst_doc
from tests.helpers.cli import Cli


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path)


def write(tmp_path: Path, doc: object, name: str = "a.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(doc))
    return str(path)


def test_dst_indicators_json(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, dst_doc(levels={"cognition": "severe", "behaviour": "severe"}))
    result = cli("dst", "indicators", path, "--json")
    assert result.code == 0, result.err
    doc = result.json()
    assert doc["indication"] == "clear"
    assert doc["reasons"] == ["2 domains at severe or above: cognition, behaviour"]
    assert doc["counts"] == {
        "priority": 0,
        "severe": 2,
        "high": 0,
        "moderate": 0,
        "low": 0,
        "no_needs": 10,
    }


def test_dst_indicators_needs_only_levels(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, {"domains": {"mobility": {"level": "high"}, "skin": {"level": "high"}}})
    doc = cli("dst", "indicators", path, "--json").json()
    assert doc["indication"] == "possible"
    human = cli("dst", "indicators", path)
    assert "Indication: possible" in human.out


def test_dst_indicators_refuses_invalid_level(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, dst_doc(levels={"continence": "severe"}))
    result = cli("dst", "indicators", path, "--json")
    assert result.code == 1
    assert result.out == ""
    assert "domains.continence.level: continence does not accept 'severe'" in result.err


def test_checklist_evaluate(cli: Cli, tmp_path: Path) -> None:
    result = cli(
        "checklist", "evaluate", write(tmp_path, checklist_doc({"breathing": "A"})), "--json"
    )
    assert result.code == 0, result.err
    assert result.json() == {
        "full_assessment_needed": True,
        "reasons": ["A in a priority domain: breathing"],
        "counts": {"A": 1, "B": 0, "C": 10},
    }
    negative = cli(
        "checklist", "evaluate", write(tmp_path, checklist_doc(), "b.json"), "--json"
    ).json()
    assert negative["full_assessment_needed"] is False


def test_checklist_evaluate_bad_inputs(cli: Cli, tmp_path: Path) -> None:
    doc = checklist_doc()
    del doc["domains"]["skin"]
    assert "skin has no answer" in cli("checklist", "evaluate", write(tmp_path, doc)).err
    (tmp_path / "broken.json").write_text("{")
    broken = cli("checklist", "evaluate", str(tmp_path / "broken.json"))
    assert (broken.code, "not valid JSON" in broken.err) == (1, True)
    assert cli("checklist", "evaluate", str(tmp_path / "missing.json")).code == 1
