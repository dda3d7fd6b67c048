"""Append hash-chained audit events inside the caller's transaction."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from chc_desktop.security.audit_chain import GENESIS, event_hash
from chc_desktop.store.models import AuditEvent


def utc_now() -> str:
    """Current UTC time as ISO 8601 with ``Z``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def append(
    session: Session,
    *,
    actor: str,
    role: str,
    action: str,
    entity: str,
    detail: dict[str, Any] | None = None,
    before: str | None = None,
    after: str | None = None,
    reason: str | None = None,
) -> None:
    """Add one event chained to the last; ``detail`` must hold no personal data."""
    last = session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    fields: dict[str, Any] = {
        "seq": seq,
        "at": utc_now(),
        "actor": actor,
        "role": role,
        "action": action,
        "entity": entity,
        "before_digest": before,
        "after_digest": after,
        "reason": reason,
        "detail": json.dumps(detail, sort_keys=True) if detail is not None else None,
    }
    # Core insert: this runs on every autosave, and the ORM's unit of work is not needed here
    session.execute(
        insert(AuditEvent).values(**fields, prev_hash=prev, hash=event_hash(prev, fields))
    )
