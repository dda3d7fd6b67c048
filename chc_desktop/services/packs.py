"""Export a signed assessment version as a review pack (.chcpack), and record it.

The pack is built wholly in memory, then written atomically: the final path
holds the complete pack or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from chc_desktop import __version__
from chc_desktop.domain.assessment_doc import to_document
from chc_desktop.domain.canonical import canonical_json, sha256_hex
from chc_desktop.domain.roles import Action
from chc_desktop.packs import cms, manifest, zip_safe
from chc_desktop.services import assessments, review, signing_identity
from chc_desktop.services.audit import utc_now
from chc_desktop.services.context import Profile
from chc_desktop.services.errors import InvalidInput
from chc_desktop.services.file_output import write_atomic
from chc_desktop.services.profile_files import read_profile_doc
from chc_desktop.store import models

TSA_SETTING = "tsa_url"  # in profile.json
AUDIT_FIELDS = (
    "seq", "at", "actor", "role", "action", "entity",
    "before_digest", "after_digest", "reason", "detail", "prev_hash", "hash",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Exported:
    """What ``export`` wrote."""

    path: Path
    manifest_sha256: str
    pack_sha256: str
    supersedes: str | None
    timestamp: str = "not configured"


def _signature(session: Session, assessment_id: str) -> models.Signature:
    sig = session.scalars(
        select(models.Signature).where(models.Signature.assessment_id == assessment_id)
    ).first()
    if sig is None:
        raise InvalidInput(f"assessment {assessment_id} is not signed; sign it before exporting")
    return sig


def _audit_events(session: Session, assessment_id: str) -> list[dict[str, Any]]:
    """The record's events up to and including its signing, in chain order."""
    rows = session.scalars(
        select(models.AuditEvent)
        .where(models.AuditEvent.entity == f"assessment:{assessment_id}")
        .order_by(models.AuditEvent.seq)
    ).all()
    events: list[dict[str, Any]] = []
    for row in rows:
        events.append({name: getattr(row, name) for name in AUDIT_FIELDS})
        if row.action == "assessment.sign":
            return events
    raise InvalidInput(f"the audit trail of assessment {assessment_id} has no signing event")


def _earlier(session: Session, assessment_id: str) -> tuple[str | None, str | None]:
    """The superseded version's latest pack digest and its record digest, if any."""
    row = session.get(models.Assessment, assessment_id)
    if row is None or row.supersedes_id is None:
        return None, None
    pack = session.scalar(
        select(models.ReviewPack.manifest_sha256)
        .where(models.ReviewPack.assessment_id == row.supersedes_id)
        .order_by(models.ReviewPack.id.desc())
    )
    earlier = _signature(session, row.supersedes_id)
    return pack, earlier.record_sha256


class Built(NamedTuple):
    """A pack built in memory."""

    data: bytes
    manifest_sha256: str
    supersedes: str | None
    timestamp: str  # "added", "unreachable" or "not configured"


def tsa_url_for(profile: Profile) -> str | None:
    """The timestamp authority set in profile.json (``tsa_url``), if any."""
    value = read_profile_doc(profile.location).get(TSA_SETTING)
    return value if isinstance(value, str) and value.startswith(("http://", "https://")) else None


def build(
    profile: Profile, assessment_id: str, passphrase: str, tsa_url: str | None = None
) -> Built:
    """The pack's bytes and manifest digest, the earlier pack it supersedes, the timestamp outcome."""
    profile.require(Action.PACK_EXPORT)
    with profile.reading() as session:
        sig = _signature(session, assessment_id)
        events = _audit_events(session, assessment_id)
        supersedes, supersedes_record = _earlier(session, assessment_id)
    signer, key = signing_identity.unlocked(profile, passphrase, sig.certificate_sha256)
    found = assessments.get(profile, assessment_id)
    record = canonical_json(to_document(found.doc))
    if sha256_hex(record) != sig.record_sha256:
        raise InvalidInput(
            f"assessment {assessment_id} no longer matches what was signed; nothing was exported"
        )
    pdf, stamped = review.sign_rendered(profile, assessment_id, signer, key, tsa_url)
    files = {
        manifest.PDF: pdf,
        manifest.RECORD: record,
        manifest.AUDIT: manifest.audit_lines(events),
        manifest.SIGNER: signer.certificate_pem,
    }
    header = manifest.PackHeader(
        created=utc_now(),
        app_version=__version__,
        case_ref=found.info.case_ref,
        assessment_id=assessment_id,
        assessment_version=found.info.version,
        signer=manifest.PackSigner(sig.signer, sig.role, sig.profession, sig.certificate_sha256),
        meaning=sig.meaning,
        record_sha256=sig.record_sha256,
        audit_head=events[-1]["hash"],
        supersedes=supersedes,
        supersedes_record=supersedes_record,
    )
    body = manifest.manifest_bytes(header, files)
    entries = {
        manifest.MANIFEST: body,
        manifest.SIGNATURE: cms.sign_detached(body, key, signer.certificate),
        **files,
    }
    timestamp = ("added" if stamped else "unreachable") if tsa_url else "not configured"
    return Built(zip_safe.write_entries(entries), sha256_hex(body), supersedes, timestamp)


def export(
    profile: Profile, assessment_id: str, passphrase: str, path: Path, tsa_url: str | None = None
) -> Exported:
    """Build the pack, write it atomically to ``path`` and record the export.

    ``tsa_url`` (else the profile's ``tsa_url`` setting) names a timestamp authority.
    """
    role = profile.require(Action.PACK_EXPORT)
    data, manifest_digest, supersedes, timestamp = build(
        profile, assessment_id, passphrase, tsa_url or tsa_url_for(profile)
    )
    write_atomic(path, data)
    pack_digest = sha256_hex(data)
    with profile.writing() as session:
        session.add(
            models.ReviewPack(
                assessment_id=assessment_id, manifest_sha256=manifest_digest,
                pack_sha256=pack_digest, supersedes=supersedes, created_at=utc_now(),
            )
        )  # fmt: skip
        profile.audit(
            session, "pack.export", f"assessment:{assessment_id}", role=role.value, after=manifest_digest,
            detail={"pack_sha256": pack_digest, "timestamp": timestamp},
        )  # fmt: skip
    return Exported(path, manifest_digest, pack_digest, supersedes, timestamp)
