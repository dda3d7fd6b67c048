"""The ``chc-assessment`` JSON document (formats.md): parse with every problem's JSON path.

Pure: takes parsed JSON, returns a typed document or the list of problems.
Serialising back gives the canonical shape used for export and packs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from chc_desktop.domain.checklist import ANSWERS, CHECKLIST_DOMAINS
from chc_desktop.domain.dst import DOMAINS, InvalidLevel, check_level

FORMAT = "chc-assessment"
VERSION = 1
KINDS = ("checklist", "dst", "fast-track", "review")
MAX_TEXT = 20_000
RATIONALE = ("nature", "intensity", "complexity", "unpredictability")
DOMAIN_TEXT = ("evidence", "individual_view", "disagreement", "mdt_notes")


@dataclass(slots=True)
class Participant:
    """An MDT member or other person who took part."""

    name: str
    profession: str
    role: str
    present: bool = True


@dataclass(slots=True)
class DomainRecord:
    """What was recorded for one domain (a DST level, or a Checklist answer)."""

    level: str | None = None
    answer: str | None = None
    evidence: str | None = None
    sources: list[str] = field(default_factory=list)
    individual_view: str | None = None
    agreed: bool | None = None
    disagreement: str | None = None
    mdt_notes: str | None = None


@dataclass(slots=True)
class Recommendation:
    """The MDT's own recommendation and its rationale."""

    primary_health_need: bool | None = None
    nature: str | None = None
    intensity: str | None = None
    complexity: str | None = None
    unpredictability: str | None = None
    individual_view: str | None = None
    dissent: str | None = None


@dataclass(slots=True)
class AssessmentDoc:
    """A whole assessment as exchanged in files."""

    case_ref: str
    kind: str
    date: date | None = None
    location: str | None = None
    participants: list[Participant] = field(default_factory=list)
    individual_present: bool | None = None
    representative: str | None = None
    domains: dict[str, DomainRecord] = field(default_factory=dict)
    recommendation: Recommendation = field(default_factory=Recommendation)
    details: dict[str, str] = field(default_factory=dict)


Problem = tuple[str, str]  # (JSON path, message)


class _Reader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append((path, message))

    def keys(self, obj: Mapping[str, Any], path: str, allowed: tuple[str, ...]) -> None:
        for key in obj:
            if key not in allowed:
                self.fail(f"{path}.{key}" if path else key, "unknown key")

    def text(
        self, obj: Mapping[str, Any], key: str, path: str, required: bool = False
    ) -> str | None:
        value = obj.get(key)
        where = f"{path}.{key}" if path else key
        if value is None:
            if required:
                self.fail(where, "is required")
            return None
        if not isinstance(value, str):
            self.fail(where, "must be a string")
            return None
        if len(value) > MAX_TEXT:
            self.fail(where, f"is longer than {MAX_TEXT} characters")
            return None
        if required and not value.strip():
            self.fail(where, "is required")
        return value

    def flag(self, obj: Mapping[str, Any], key: str, path: str) -> bool | None:
        value = obj.get(key)
        if value is not None and not isinstance(value, bool):
            self.fail(f"{path}.{key}" if path else key, "must be true, false or null")
            return None
        return value

    def obj(self, value: Any, path: str) -> Mapping[str, Any] | None:
        if not isinstance(value, Mapping):
            self.fail(path, "must be an object")
            return None
        return value


_DOMAIN_KEYS = (
    "level",
    "answer",
    "evidence",
    "sources",
    "individual_view",
    "agreed",
    "disagreement",
    "mdt_notes",
)
_TOP_KEYS = (
    "format", "version", "case_ref", "kind", "date", "location", "participants",
    "individual_present", "representative", "domains", "recommendation", "details",
    # written by ``assessment show --json``; ignored on import
    "assessment_id", "status", "assessment_version",
)  # fmt: skip


def parse(doc: Any) -> tuple[AssessmentDoc | None, list[Problem]]:
    """Check a parsed ``chc-assessment`` document; returns it, or None with every problem."""
    r = _Reader()
    top = r.obj(doc, "$")
    if top is None:
        return None, r.problems
    if top.get("format") != FORMAT:
        r.fail("format", f'must be "{FORMAT}"')
        return None, r.problems
    if top.get("version") != VERSION:
        r.fail("version", f"unsupported version {top.get('version')!r}; this app reads {VERSION}")
        return None, r.problems
    r.keys(top, "", _TOP_KEYS)
    kind = top.get("kind")
    if kind not in KINDS:
        r.fail("kind", f"must be one of {', '.join(KINDS)}")
    result = AssessmentDoc(
        case_ref=r.text(top, "case_ref", "", required=True) or "", kind=str(kind)
    )
    result.date = _date(r, top.get("date"))
    result.location = r.text(top, "location", "")
    result.individual_present = r.flag(top, "individual_present", "")
    result.representative = _representative(r, top.get("representative"))
    result.participants = _participants(r, top.get("participants", []))
    result.domains = _domains(r, top.get("domains", {}), str(kind))
    result.recommendation = _recommendation(r, top.get("recommendation"))
    result.details = _details(r, top.get("details", {}))
    return (None, r.problems) if r.problems else (result, [])


def _date(r: _Reader, value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    r.fail("date", "must be a date in YYYY-MM-DD form")
    return None


def _representative(r: _Reader, value: Any) -> str | None:
    if isinstance(value, Mapping):  # {"name": ..., "relationship": ...} is accepted too
        parts = [str(value.get(k) or "").strip() for k in ("name", "relationship")]
        return " - ".join(p for p in parts if p) or None
    return r.text({"representative": value}, "representative", "")


def _participants(r: _Reader, value: Any) -> list[Participant]:
    if not isinstance(value, list):
        r.fail("participants", "must be a list")
        return []
    out = []
    for i, item in enumerate(value):
        path = f"participants[{i}]"
        obj = r.obj(item, path)
        if obj is None:
            continue
        r.keys(obj, path, ("name", "profession", "role", "present"))
        present = r.flag(obj, "present", path)
        out.append(
            Participant(
                name=r.text(obj, "name", path, required=True) or "",
                profession=r.text(obj, "profession", path, required=True) or "",
                role=r.text(obj, "role", path) or "",
                present=True if present is None else present,
            )
        )
    return out


def _domains(r: _Reader, value: Any, kind: str) -> dict[str, DomainRecord]:
    obj = r.obj(value, "domains")
    if obj is None:
        return {}
    allowed = CHECKLIST_DOMAINS if kind == "checklist" else DOMAINS
    out = {}
    for code, item in obj.items():
        path = f"domains.{code}"
        if code not in allowed:
            r.fail(path, f"unknown domain for a {kind}; domains are: {', '.join(allowed)}")
            continue
        entry = r.obj(item, path)
        if entry is None:
            continue
        r.keys(entry, path, _DOMAIN_KEYS)
        record = DomainRecord(
            evidence=r.text(entry, "evidence", path),
            individual_view=r.text(entry, "individual_view", path),
            disagreement=r.text(entry, "disagreement", path),
            mdt_notes=r.text(entry, "mdt_notes", path),
        )
        record.agreed = r.flag(entry, "agreed", path)
        record.sources = _sources(r, entry.get("sources", []), f"{path}.sources")
        record.level = _level(r, code, entry.get("level"), f"{path}.level")
        record.answer = entry.get("answer")
        if record.answer is not None and record.answer not in ANSWERS:
            r.fail(f"{path}.answer", "must be A, B or C")
        out[code] = record
    return out


def _level(r: _Reader, code: str, value: Any, path: str) -> str | None:
    if value is None:
        return None
    try:
        return check_level(code, value if isinstance(value, str) else repr(value)).value
    except InvalidLevel as exc:
        r.fail(path, str(exc))
        return None


def _sources(r: _Reader, value: Any, path: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
        r.fail(path, "must be a list of strings")
        return []
    return [s.strip() for s in value if s.strip()]


def _recommendation(r: _Reader, value: Any) -> Recommendation:
    if value is None:
        return Recommendation()
    obj = r.obj(value, "recommendation")
    if obj is None:
        return Recommendation()
    r.keys(
        obj, "recommendation", ("primary_health_need", "rationale", "individual_view", "dissent")
    )
    rationale = r.obj(obj.get("rationale", {}), "recommendation.rationale") or {}
    r.keys(rationale, "recommendation.rationale", RATIONALE)
    return Recommendation(
        primary_health_need=r.flag(obj, "primary_health_need", "recommendation"),
        individual_view=r.text(obj, "individual_view", "recommendation"),
        dissent=r.text(obj, "dissent", "recommendation"),
        **{k: r.text(rationale, k, "recommendation.rationale") for k in RATIONALE},
    )


def _details(r: _Reader, value: Any) -> dict[str, str]:
    obj = r.obj(value, "details")
    if obj is None:
        return {}
    return {k: v for k in obj if (v := r.text(obj, k, "details")) is not None}


def to_document(a: AssessmentDoc) -> dict[str, Any]:
    """The formats.md shape, ready for canonical JSON."""
    domains: dict[str, Any] = {}
    for code, d in a.domains.items():
        entry: dict[str, Any] = {k: getattr(d, k) for k in DOMAIN_TEXT}
        entry.update(sources=d.sources, agreed=d.agreed)
        entry["answer" if a.kind == "checklist" else "level"] = (
            d.answer if a.kind == "checklist" else d.level
        )
        domains[code] = entry
    rec = a.recommendation
    return {
        "format": FORMAT,
        "version": VERSION,
        "case_ref": a.case_ref,
        "kind": a.kind,
        "date": a.date.isoformat() if a.date else None,
        "location": a.location,
        "participants": [
            {"name": p.name, "profession": p.profession, "role": p.role, "present": p.present}
            for p in a.participants
        ],
        "individual_present": a.individual_present,
        "representative": a.representative,
        "domains": domains,
        "recommendation": {
            "primary_health_need": rec.primary_health_need,
            "rationale": {k: getattr(rec, k) for k in RATIONALE},
            "individual_view": rec.individual_view,
            "dissent": rec.dissent,
        },
        "details": dict(a.details),
    }


def levels_of(doc: Any) -> tuple[dict[str, str], list[Problem]]:
    """Only ``domains.*.level`` from a (possibly partial) document, for ``dst indicators``."""
    r = _Reader()
    top = r.obj(doc, "$")
    domains = r.obj(top.get("domains"), "domains") if top is not None else None
    levels: dict[str, str] = {}
    for code, item in (domains or {}).items():
        path = f"domains.{code}"
        if code not in DOMAINS:
            r.fail(path, f"unknown domain; domains are: {', '.join(DOMAINS)}")
        elif (entry := r.obj(item, path)) is not None and (
            level := _level(r, code, entry.get("level"), f"{path}.level")
        ):
            levels[code] = level
    return levels, r.problems


def answers_of(doc: Any) -> tuple[dict[str, str], list[Problem]]:
    """Only ``domains.*.answer`` from a Checklist document, for ``checklist evaluate``."""
    r = _Reader()
    top = r.obj(doc, "$")
    if top is not None and top.get("kind", "checklist") != "checklist":
        r.fail("kind", "must be checklist")
    domains = r.obj(top.get("domains"), "domains") if top is not None else None
    answers: dict[str, str] = {}
    for code, item in (domains or {}).items():
        entry = r.obj(item, f"domains.{code}")
        if entry is not None:
            answers[code] = str(entry.get("answer"))
    return answers, r.problems
