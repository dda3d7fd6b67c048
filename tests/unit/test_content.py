"""Shipped content is valid, in our own words, and broken content names file and key."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from chc_desktop.domain import content
from chc_desktop.domain.dst import DOMAINS
from chc_desktop.services.content import load

DST = Path(__file__).resolve().parents[2] / "resources" / "dst"


def doc(name: str) -> Any:
    return json.loads((DST / name).read_text())


def test_shipped_content_loads() -> None:
    loaded = load()
    assert [d.code for d in loaded.domains] == list(DOMAINS)
    assert loaded.domain("altered_states").iucds == "DSTCONS"
    assert "severe" not in loaded.domain("altered_states").descriptors
    assert sum(d.priority for d in loaded.checklist) == 4


@pytest.mark.parametrize(
    ("mutate", "key"),
    [
        (lambda d: d["domains"].pop(), "domains"),
        (lambda d: d["domains"][2]["levels"].update(severe="x"), "domains[2].levels"),
        (lambda d: d["domains"][0]["levels"].update(low=""), "domains[0].levels.low"),
        (lambda d: d.update(version=2), "version"),
    ],
)
def test_broken_domains_name_the_key(mutate: Any, key: str) -> None:
    broken = copy.deepcopy(doc("domains.json"))
    mutate(broken)
    with pytest.raises(
        content.ContentError, match="^" + re.escape(f"resources/dst/domains.json: {key}:")
    ):
        content.dst_domains("resources/dst/domains.json", broken)


def test_broken_checklist_and_thresholds() -> None:
    broken = copy.deepcopy(doc("checklist.json"))
    broken["domains"][0]["priority"] = False
    with pytest.raises(content.ContentError, match=r"domains\[0\]\.priority"):
        content.checklist_domains("checklist.json", broken)
    with pytest.raises(content.ContentError, match=r"possible\.high_domains"):
        content.thresholds(
            "t.toml",
            {"format": "chc-dst-indication", "version": 1, "possible": {"high_domains": 0}},
        )
    with pytest.raises(content.ContentError, match=r"possible\.colour"):
        content.thresholds(
            "t.toml", {"format": "chc-dst-indication", "version": 1, "possible": {"colour": 1}}
        )


# A few phrases that open the official descriptors; our wording must not reuse them.
OFFICIAL_OPENINGS = (
    "normal breathing, no issues with shortness of breath",
    "able to take adequate food and drink by mouth to meet all nutritional requirements",
)


def test_descriptors_are_our_own_words() -> None:
    text = json.dumps([doc("domains.json"), doc("checklist.json")]).lower()
    for phrase in OFFICIAL_OPENINGS:
        assert phrase not in text
