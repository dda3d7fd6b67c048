"""Run the QA checklist for an assessment: built-in rules plus the profile's own rules file."""

from __future__ import annotations

from functools import cache
from importlib import resources

from chc_desktop.domain.qa.model import Rule
from chc_desktop.domain.qa.rules_file import RulesFile, combine, parse

QA_FOLDER = "qa"
LOCAL_RULES = "qa-rules.toml"


@cache
def built_in_files() -> tuple[RulesFile, ...]:
    """The shipped rules files, parsed once."""
    folder = resources.files("chc_desktop.resources") / QA_FOLDER
    return tuple(
        parse(path.read_text(encoding="utf-8"), f"resources/{QA_FOLDER}/{path.name}")
        for path in sorted(folder.iterdir(), key=lambda p: p.name)
        if path.name.endswith(".toml")
    )


def built_in_rules() -> list[Rule]:
    """Every shipped rule."""
    return combine(built_in_files(), None)
