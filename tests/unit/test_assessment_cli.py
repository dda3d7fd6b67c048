"""``assessment new|import|set|show|export`` through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.assessments import dst_doc
from tests.helpers.cli import Cli
from tests.helpers.data import case_dicts, to_csv


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    runner = Cli(tmp_path)
    runner.init()
    path = tmp_path / "cases.csv"
    path.write_bytes(to_csv(case_dicts(3)))
    assert runner("cases", "import", str(path)).code == 0
    return runner


def test_new_set_show_export(cli: Cli, tmp_path: Path) -> None:
    made = cli("assessment", "new", "TEST-000001", "--kind", "dst", "--json")
    assert made.code == 0, made.err
    info = made.json()
    assert set(info) == {"assessment_id", "case_ref", "kind", "version"}
    assert (info["case_ref"], info["kind"], info["version"]) == ("TEST-000001", "dst", 1)
    aid = info["assessment_id"]
    assert (
        cli(
            "assessment",
            "set",
            aid,
            "--domain",
            "cognition",
            "--level",
            "severe",
            "--evidence",
            "Test evidence",
        ).code
        == 0
    )
    refused = cli("assessment", "set", aid, "--domain", "continence", "--level", "severe")
    assert refused.code == 1
    assert (
        "continence does not accept 'severe'; it accepts: no_needs, low, moderate, high"
        in refused.err
    )
    shown = cli("assessment", "show", aid, "--json").json()
    assert shown["domains"]["cognition"] == {
        "level": "severe", "evidence": "Test evidence", "sources": [], "individual_view": None,
        "agreed": None, "disagreement": None, "mdt_notes": None,
    }  # fmt: skip
    assert "continence" not in shown["domains"]
    assert (shown["assessment_id"], shown["status"]) == (aid, "draft")
    assert "pattern: none" in cli("assessment", "show", aid).out
    out = tmp_path / "out.json"
    assert cli("assessment", "export", aid, "-o", str(out)).code == 0
    exported = json.loads(out.read_text())
    assert exported["format"] == "chc-assessment"
    assert exported["domains"]["cognition"]["level"] == "severe"


def test_import_and_bad_import(cli: Cli, tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps(dst_doc("TEST-000002")))
    made = cli("assessment", "import", str(good), "--json")
    assert made.code == 0, made.err
    assert made.json()["case_ref"] == "TEST-000002"
    other = cli("assessment", "import", str(good), "--case", "TEST-000003", "--json").json()
    assert other["case_ref"] == "TEST-000003"
    doc = dst_doc("TEST-000001", {"continence": "severe"})
    doc["domains"]["skin"]["sources"] = "notes"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    result = cli("assessment", "import", str(bad))
    assert result.code == 1
    assert "bad.json: domains.continence.level:" in result.err
    assert "bad.json: domains.skin.sources: must be a list of strings" in result.err
    assert "nothing was imported" in result.err


def test_unknown_ids_and_kinds(cli: Cli) -> None:
    assert cli("assessment", "show", "nope").code == 1
    assert cli("assessment", "new", "TEST-000001", "--kind", "essay").code == 2
    assert cli("assessment", "new", "NOPE", "--kind", "dst").code == 1
