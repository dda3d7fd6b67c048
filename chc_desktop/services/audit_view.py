"""The audit trail of one case's assessments, for the per-case audit view (no personal data)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select

from chc_desktop.domain.roles import Action
from chc_desktop.services.context import Profile
from chc_desktop.store import models


@dataclass(frozen=True, slots=True)
class EventRow:
    """One audit event as the view lists it."""

    seq: int
    at: str
    actor: str
    role: str
    action: str
    version: int | None
    reason: str | None
    detail: str


def for_case(profile: Profile, case_id: int) -> list[EventRow]:
    """Every event about the case's assessment versions, oldest first."""
    profile.require(Action.ASSESSMENT_READ)
    with profile.reading() as session:
        versions = {
            f"assessment:{aid}": version
            for aid, version in session.execute(
                select(models.Assessment.id, models.Assessment.version).where(
                    models.Assessment.case_id == case_id
                )
            )
        }
        rows = session.scalars(
            select(models.AuditEvent)
            .where(models.AuditEvent.entity.in_(list(versions)))
            .order_by(models.AuditEvent.seq)
        ).all()
        return [
            EventRow(
                r.seq,
                r.at,
                r.actor,
                r.role,
                r.action,
                versions.get(r.entity),
                r.reason,
                _detail(r.detail),
            )
            for r in rows
        ]


def _detail(raw: str | None) -> str:
    if not raw:
        return ""
    value = json.loads(raw)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in sorted(value.items()))
    return str(value)
