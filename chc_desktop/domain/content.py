"""Typed, validated DST/Checklist/Fast Track content from parsed resource documents.

Pure: takes already-parsed JSON/TOML values and the file name, returns typed
content or raises ContentError naming the file and the key that is wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from chc_desktop.domain.checklist import ANSWERS, CHECKLIST_DOMAINS
from chc_desktop.domain.dst import DOMAINS, PRIORITY_DOMAINS, VALID_LEVELS
from chc_desktop.domain.fast_track import FastTrackField
from chc_desktop.domain.indication import Thresholds


class ContentError(ValueError):
    """A resource file is broken; the message names the file and the key."""

    def __init__(self, source: str, key: str, message: str) -> None:
        super().__init__(f"{source}: {key}: {message}")


@dataclass(frozen=True, slots=True)
class DomainContent:
    """One DST domain's name, codes, descriptors (our wording) and evidence prompts."""

    code: str
    iucds: str
    name: str
    descriptors: dict[str, str]
    prompts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ChecklistDomain:
    """One Checklist domain with its A/B/C descriptors."""

    code: str
    iucds: str
    name: str
    priority: bool
    answers: dict[str, str]


@dataclass(frozen=True, slots=True)
class Content:
    """Everything the walkthrough shows, validated."""

    domains: tuple[DomainContent, ...]
    checklist: tuple[ChecklistDomain, ...]
    fast_track: tuple[FastTrackField, ...]
    appropriate_clinicians: tuple[str, ...]
    thresholds: Thresholds

    def domain(self, code: str) -> DomainContent:
        """The content for one DST domain code."""
        return next(d for d in self.domains if d.code == code)


def _text(source: str, key: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ContentError(source, key, "must be a non-empty string")
    return value


def _header(source: str, doc: Any, fmt: str) -> Mapping[str, Any]:
    if not isinstance(doc, Mapping) or doc.get("format") != fmt:
        raise ContentError(source, "format", f"must be {fmt!r}")
    if doc.get("version") != 1:
        raise ContentError(source, "version", "must be 1")
    return doc


def dst_domains(source: str, doc: Any) -> tuple[DomainContent, ...]:
    """Validate domains.json: all 12 domains in DST order, exactly their valid levels."""
    items = _header(source, doc, "chc-dst-domains").get("domains")
    if not isinstance(items, list):
        raise ContentError(source, "domains", "must be a list")
    codes = [item.get("code") if isinstance(item, Mapping) else None for item in items]
    if codes != list(DOMAINS):
        raise ContentError(source, "domains", f"must list {', '.join(DOMAINS)} in that order")
    out = []
    for i, item in enumerate(items):
        key = f"domains[{i}]"
        code = item["code"]
        levels = item.get("levels")
        if not isinstance(levels, Mapping):
            raise ContentError(source, f"{key}.levels", "must be an object")
        expected = [lv.value for lv in VALID_LEVELS[code]]
        if list(levels) != expected:
            raise ContentError(
                source, f"{key}.levels", f"{code} must have exactly {', '.join(expected)}"
            )
        prompts = item.get("prompts", [])
        out.append(
            DomainContent(
                code=code,
                iucds=_text(source, f"{key}.iucds", item.get("iucds")),
                name=_text(source, f"{key}.name", item.get("name")),
                descriptors={
                    lv: _text(source, f"{key}.levels.{lv}", t) for lv, t in levels.items()
                },
                prompts=tuple(
                    _text(source, f"{key}.prompts[{j}]", p) for j, p in enumerate(prompts)
                ),
            )
        )
    return tuple(out)


def checklist_domains(source: str, doc: Any) -> tuple[ChecklistDomain, ...]:
    """Validate checklist.json: the 11 domains, A/B/C text, priority flags matching the DST."""
    items = _header(source, doc, "chc-checklist-domains").get("domains")
    if not isinstance(items, list) or [
        i.get("code") if isinstance(i, Mapping) else None for i in items
    ] != list(CHECKLIST_DOMAINS):
        raise ContentError(source, "domains", f"must list {', '.join(CHECKLIST_DOMAINS)} in order")
    out = []
    for i, item in enumerate(items):
        key = f"domains[{i}]"
        if item.get("priority") is not (item["code"] in PRIORITY_DOMAINS):
            raise ContentError(
                source, f"{key}.priority", "must be true exactly for the priority domains"
            )
        answers = item.get("answers")
        if not isinstance(answers, Mapping) or sorted(answers) != list(ANSWERS):
            raise ContentError(source, f"{key}.answers", "must have A, B and C")
        out.append(
            ChecklistDomain(
                code=item["code"],
                iucds=_text(source, f"{key}.iucds", item.get("iucds")),
                name=_text(source, f"{key}.name", item.get("name")),
                priority=bool(item["priority"]),
                answers={a: _text(source, f"{key}.answers.{a}", answers[a]) for a in ANSWERS},
            )
        )
    return tuple(out)


def fast_track_fields(source: str, doc: Any) -> tuple[tuple[FastTrackField, ...], tuple[str, ...]]:
    """Validate fast_track.json: the fields and the appropriate clinician codes."""
    body = _header(source, doc, "chc-fast-track-fields")
    clinicians = body.get("appropriate_clinicians")
    if not isinstance(clinicians, list) or not clinicians:
        raise ContentError(source, "appropriate_clinicians", "must be a non-empty list")
    fields = []
    for i, item in enumerate(body.get("fields") or []):
        key = f"fields[{i}]"
        if not isinstance(item, Mapping):
            raise ContentError(source, key, "must be an object")
        fields.append(
            FastTrackField(
                code=_text(source, f"{key}.code", item.get("code")),
                label=_text(source, f"{key}.label", item.get("label")),
                required=bool(item.get("required")),
                choices=tuple(item.get("choices") or ()),
            )
        )
    if not fields:
        raise ContentError(source, "fields", "must list the tool's fields")
    return tuple(fields), tuple(clinicians)


def thresholds(source: str, doc: Any) -> Thresholds:
    """Validate indication.toml: positive whole numbers for each "possible" pattern."""
    body = _header(source, doc, "chc-dst-indication").get("possible")
    if not isinstance(body, Mapping):
        raise ContentError(source, "possible", "must be a table")
    known = set(Thresholds.__dataclass_fields__)
    for name, value in body.items():
        if name not in known:
            raise ContentError(
                source, f"possible.{name}", f"unknown; expected {', '.join(sorted(known))}"
            )
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ContentError(source, f"possible.{name}", "must be a whole number of 1 or more")
    return Thresholds(**body)
