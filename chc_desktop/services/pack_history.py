"""The signing and pack history of a case's assessment versions, for the case view."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from chc_desktop.domain.roles import Action
from chc_desktop.services.context import Profile
from chc_desktop.store import models


@dataclass(frozen=True, slots=True)
class VersionHistory:
    """What happened to one version after editing: signature, amendment, exported packs."""

    signed_by: str | None
    signed_at: str | None
    amends_version: int | None
    amend_reason: str | None
    packs: tuple[tuple[str, str], ...]  # (created_at, manifest_sha256), oldest first

    def describe(self) -> str:
        """One plain line for the case view."""
        parts = []
        if self.signed_at:
            parts.append(f"signed by {self.signed_by} {self.signed_at[:16].replace('T', ' ')} UTC")
        if self.amends_version:
            parts.append(f"amends v{self.amends_version}: {self.amend_reason}")
        if self.packs:
            count = f"{len(self.packs)} pack{'s' if len(self.packs) > 1 else ''} exported"
            parts.append(f"{count}, latest manifest {self.packs[-1][1][:12]}…")
        elif self.signed_at:
            parts.append("no pack exported yet")
        return "; ".join(parts)


def for_case(profile: Profile, case_id: int) -> dict[str, VersionHistory]:
    """History per assessment id of the case."""
    profile.require(Action.ASSESSMENT_READ)
    with profile.reading() as session:
        rows = session.scalars(
            select(models.Assessment).where(models.Assessment.case_id == case_id)
        ).all()
        versions = {r.id: r.version for r in rows}
        ids = list(versions)
        signatures = {
            s.assessment_id: s
            for s in session.scalars(
                select(models.Signature).where(models.Signature.assessment_id.in_(ids))
            )
        }
        packs: dict[str, list[tuple[str, str]]] = {}
        for pack in session.scalars(
            select(models.ReviewPack)
            .where(models.ReviewPack.assessment_id.in_(ids))
            .order_by(models.ReviewPack.id)
        ):
            packs.setdefault(pack.assessment_id, []).append((pack.created_at, pack.manifest_sha256))
        found = {}
        for row in rows:
            sig = signatures.get(row.id)
            found[row.id] = VersionHistory(
                signed_by=sig.signer if sig else None,
                signed_at=sig.signed_at if sig else None,
                amends_version=versions.get(row.supersedes_id) if row.supersedes_id else None,
                amend_reason=row.amend_reason,
                packs=tuple(packs.get(row.id, ())),
            )
        return found
