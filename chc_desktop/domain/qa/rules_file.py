"""Parse and validate QA rules files, reporting problems with file and line.

A file holds ``[[rule]]`` tables (new rules) and ``[[override]]`` tables (change
the severity of an existing rule, or switch it off with ``enabled = false``).
Pure: takes the text and a name; reading files is the caller's job.
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from chc_desktop.domain.qa.checks import CHECKS
from chc_desktop.domain.qa.model import KINDS, TARGETS, Rule, Severity

FORMAT = "chc-qa-rules"
_ID = re.compile(r"[A-Z][A-Z0-9-]{2,60}")
_RULE_KEYS = {"id", "severity", "kinds", "target", "check", "params", "message", "why"}


class RulesError(ValueError):
    """A rules file is broken; the message starts ``file:line:``."""


@dataclass(slots=True)
class RulesFile:
    """What one file contributes."""

    rules: list[Rule] = field(default_factory=list)
    overrides: dict[str, Mapping[str, Any]] = field(default_factory=dict)


def _lines_of(text: str, header: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), start=1) if line.strip() == header]


def parse(text: str, source: str) -> RulesFile:
    """Validate one rules file; raises RulesError naming the file and line of the first problem."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        raise RulesError(
            f"{source}:{line.group(1) if line else 1}: not valid TOML ({exc})"
        ) from None
    if doc.get("format") != FORMAT or doc.get("version") != 1:
        raise RulesError(f'{source}:1: must start with format = "{FORMAT}" and version = 1')
    extra = set(doc) - {"format", "version", "rule", "override"}
    if extra:
        raise RulesError(f"{source}:1: unknown table or key {sorted(extra)[0]!r}")
    out = RulesFile()
    for number, table in zip(_lines_of(text, "[[rule]]"), doc.get("rule", []), strict=False):
        out.rules.append(_rule(table, f"{source}:{number}", source))
    for number, table in zip(
        _lines_of(text, "[[override]]"), doc.get("override", []), strict=False
    ):
        where = f"{source}:{number}"
        rule_id = table.get("id")
        if not isinstance(rule_id, str):
            raise RulesError(f"{where}: an override needs the id of the rule it changes")
        if set(table) - {"id", "severity", "enabled"}:
            raise RulesError(f"{where}: an override may set only severity and enabled")
        if "severity" in table:
            _severity(table["severity"], where)
        out.overrides[rule_id] = {**table, "where": where}
    return out


def _severity(value: Any, where: str) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise RulesError(
            f"{where}: unknown severity {value!r}; use blocking, warning or info"
        ) from None


def _rule(table: Mapping[str, Any], where: str, source: str) -> Rule:
    unknown = set(table) - _RULE_KEYS
    if unknown:
        raise RulesError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    missing = [
        k
        for k in ("id", "severity", "kinds", "target", "check", "message", "why")
        if k not in table
    ]
    if missing:
        raise RulesError(f"{where}: missing {', '.join(missing)}")
    if not _ID.fullmatch(str(table["id"])):
        raise RulesError(f"{where}: id must be upper-case letters, digits and dashes")
    kinds = table["kinds"]
    if not isinstance(kinds, list) or not kinds or any(k not in KINDS for k in kinds):
        raise RulesError(f"{where}: kinds must be a list drawn from {', '.join(KINDS)}")
    if table["target"] not in TARGETS:
        raise RulesError(
            f"{where}: unknown target {table['target']!r}; targets are {', '.join(TARGETS)}"
        )
    if table["check"] not in CHECKS:
        raise RulesError(f"{where}: unknown check {table['check']!r}")
    params = table.get("params", {})
    if not isinstance(params, Mapping):
        raise RulesError(f"{where}: params must be a table")
    for key in ("message", "why"):
        if not isinstance(table[key], str) or not table[key].strip():
            raise RulesError(f"{where}: {key} must be text")
    _check_placeholders(str(table["message"]), where)
    return Rule(
        id=str(table["id"]),
        severity=_severity(table["severity"], where),
        kinds=tuple(kinds),
        target=str(table["target"]),
        check=str(table["check"]),
        message=str(table["message"]),
        why=str(table["why"]),
        params=dict(params),
        source=source,
    )


def _check_placeholders(message: str, where: str) -> None:
    try:
        list(string.Formatter().parse(message))
    except ValueError as exc:
        raise RulesError(f"{where}: message is not a valid template ({exc})") from None


def combine(built_in: Iterable[RulesFile], local: RulesFile | None) -> list[Rule]:
    """Built-in rules, plus local rules, with local overrides applied; ids must be unique."""
    rules: dict[str, Rule] = {}
    for part in [*built_in, *([local] if local else [])]:
        for rule in part.rules:
            if rule.id in rules:
                raise RulesError(f"{rule.source}: rule {rule.id} is defined twice")
            rules[rule.id] = rule
    for rule_id, change in (local.overrides if local else {}).items():
        if rule_id not in rules:
            raise RulesError(f"{change['where']}: override names unknown rule {rule_id}")
        if change.get("enabled") is False:
            del rules[rule_id]
        elif "severity" in change:
            old = rules[rule_id]
            rules[rule_id] = Rule(
                **{
                    **{f: getattr(old, f) for f in old.__dataclass_fields__},
                    "severity": Severity(change["severity"]),
                }
            )
    return list(rules.values())
