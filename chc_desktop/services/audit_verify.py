"""Check the audit hash chain from the first event to the anchor; report the first broken event."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from chc_desktop.domain.roles import Action
from chc_desktop.security.audit_chain import GENESIS, event_hash
from chc_desktop.services.context import Profile
from chc_desktop.store import models

FIELDS = (
    "seq", "at", "actor", "role", "action", "entity",
    "before_digest", "after_digest", "reason", "detail",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class AuditReport:
    """The verdict: how many events were checked and the first bad one, if any."""

    events: int
    first_bad: tuple[int, str] | None

    @property
    def valid(self) -> bool:
        """No broken event, nothing missing."""
        return self.first_bad is None

    def as_json(self) -> dict[str, Any]:
        """The formats.md shape for ``audit verify --json``."""
        bad = {"seq": self.first_bad[0], "reason": self.first_bad[1]} if self.first_bad else None
        return {"valid": self.valid, "events": self.events, "first_bad": bad}


def _problem(row: Any, expected_seq: int, prev: str) -> str | None:
    if row.seq != expected_seq:
        return (
            f"event {expected_seq} is missing (the chain jumps to {row.seq})"
            if row.seq > expected_seq
            else f"event {row.seq} appears out of order"
        )
    if row.prev_hash != prev:
        return "it does not link to the event before it (an event was removed, added or reordered)"
    fields = {name: getattr(row, name) for name in FIELDS}
    if event_hash(row.prev_hash, fields) != row.hash:
        return "its contents no longer match its hash (the event was changed)"
    return None


def verify(profile: Profile) -> AuditReport:
    """Walk every event in order; the first problem found is reported with its seq."""
    profile.require(Action.AUDIT_VERIFY)
    count, prev, expected = 0, GENESIS, 1
    with profile.reading() as session:
        anchor = session.get(models.AuditAnchor, 1)
        rows = session.execute(
            select(*(getattr(models.AuditEvent, n) for n in (*FIELDS, "prev_hash", "hash")))
            .order_by(models.AuditEvent.seq)
            .execution_options(yield_per=2000)
        )
        for row in rows:
            problem = _problem(row, expected, prev)
            if problem:
                return AuditReport(count, (min(row.seq, expected), problem))
            count, prev, expected = count + 1, row.hash, expected + 1
    if anchor is None:
        return AuditReport(count, (expected, "the chain's anchor is missing"))
    if anchor.seq > count:
        reason = f"the chain ends at event {count} but event {anchor.seq} was recorded (truncated)"
        return AuditReport(count, (expected, reason))
    if anchor.seq < count or (count and anchor.hash != prev):
        reason = f"events after {anchor.seq} were added outside the app"
        return AuditReport(count, (anchor.seq + 1, reason))
    return AuditReport(count, None)
