"""Sign an assessment version (freezing it) and amend a signed one into a new draft version.

Signing asks for the passphrase again, refuses while QA blocks, and stores an
ECDSA-SHA256 signature over the record digest (SHA-256 of the canonical
assessment JSON, the same bytes the review pack will carry).
"""

from __future__ import annotations

import base64
import uuid
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import select

from chc_desktop.domain.assessment_doc import to_document
from chc_desktop.domain.canonical import canonical_json, sha256_hex
from chc_desktop.domain.roles import Action
from chc_desktop.security import secrets
from chc_desktop.services import assessment_rows, assessments, qa, signing_identity
from chc_desktop.services.audit import utc_now
from chc_desktop.services.context import Profile
from chc_desktop.services.errors import InvalidInput
from chc_desktop.store import models

SIGNABLE = ("draft", "amended", "returned")


@dataclass(frozen=True, slots=True)
class Signed:
    """What signing produced."""

    assessment_id: str
    record_sha256: str
    signed_at: str
    certificate_sha256: str


def record_digest(profile: Profile, assessment_id: str) -> str:
    """SHA-256 of the assessment's canonical JSON."""
    return sha256_hex(canonical_json(assessments.export(profile, assessment_id)))


def sign(profile: Profile, assessment_id: str, meaning: str, passphrase: str) -> Signed:
    """Sign and freeze one version; refused with reasons while QA blocks or the passphrase is wrong."""
    role = profile.require(Action.ASSESSMENT_SIGN)
    if len(meaning.split()) < 2:
        raise InvalidInput('say what the signature means, e.g. "Assessed and recorded by me"')
    with profile.reading() as session:
        user = session.scalars(select(models.ProfileUser)).one()
        signer = signing_identity.current(session)
    if not secrets.verify_passphrase(passphrase, user.passphrase_hash):
        with profile.writing() as session:
            profile.audit(
                session, "assessment.sign.failed", f"assessment:{assessment_id}", role=role.value
            )
        raise InvalidInput("wrong passphrase; the assessment was not signed")
    qa.gate(profile, assessment_id)
    digest = record_digest(profile, assessment_id)
    signature = signer.private_key(passphrase).sign(
        bytes.fromhex(digest), ec.ECDSA(hashes.SHA256())
    )
    now = utc_now()
    with profile.writing() as session:
        row = session.get(models.Assessment, assessment_id)
        if row is None or row.status not in SIGNABLE:
            raise InvalidInput(f"assessment {assessment_id} cannot be signed in its current state")
        row.status, row.updated_at = "signed", now
        session.add(
            models.Signature(
                assessment_id=assessment_id,
                signer=user.name,
                role=role.value,
                profession=user.profession,
                meaning=meaning.strip(),
                signed_at=now,
                record_sha256=digest,
                certificate_sha256=signer.fingerprint,
                signature=base64.b64encode(signature).decode(),
            )
        )
        profile.audit(
            session, "assessment.sign", f"assessment:{assessment_id}", role=role.value,
            after=digest, reason=meaning.strip(),
        )  # fmt: skip
    return Signed(assessment_id, digest, now, signer.fingerprint)


def amend(profile: Profile, assessment_id: str, reason: str) -> assessments.AssessmentInfo:
    """A new editable version of a signed assessment; the signed one stays as it was."""
    role = profile.require(Action.ASSESSMENT_EDIT)
    if len(reason.split()) < 3:
        raise InvalidInput("say why the signed assessment is being amended")
    found = assessments.get(profile, assessment_id)
    if found.info.status not in ("signed", "returned"):
        raise InvalidInput(
            f"only a signed or returned assessment can be amended (this one is {found.info.status})"
        )
    with profile.writing() as session:
        old = session.get(models.Assessment, assessment_id)
        assert old is not None
        now = utc_now()
        new = models.Assessment(
            id=str(uuid.uuid4()), case_id=old.case_id, kind=old.kind, version=old.version + 1,
            status="amended", supersedes_id=old.id, amend_reason=reason.strip(), created_at=now, updated_at=now,
        )  # fmt: skip
        session.add(new)
        session.flush()
        assessment_rows.write_doc(session, new, found.doc)
        profile.audit(
            session, "assessment.amend", f"assessment:{new.id}", role=role.value,
            detail={"supersedes": old.id, "version": new.version}, reason=reason.strip(),
        )  # fmt: skip
        return assessments.AssessmentInfo(
            new.id, found.info.case_ref, new.kind, new.version, new.status, now
        )


def verify_record(profile: Profile, assessment_id: str) -> bool:
    """True if the stored record still matches its signature (digest and ECDSA both)."""
    with profile.reading() as session:
        sig = session.scalars(
            select(models.Signature).where(models.Signature.assessment_id == assessment_id)
        ).first()
        if sig is None:
            return False
        signer = signing_identity.current(session, sig.certificate_sha256)
    digest = sha256_hex(canonical_json(to_document(assessments.get(profile, assessment_id).doc)))
    public = signer.certificate.public_key()
    assert isinstance(public, ec.EllipticCurvePublicKey)
    try:
        public.verify(
            base64.b64decode(sig.signature), bytes.fromhex(digest), ec.ECDSA(hashes.SHA256())
        )
    except Exception:
        return False
    return digest == sig.record_sha256
