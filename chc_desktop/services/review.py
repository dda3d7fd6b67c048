"""Gather a signed assessment into a ReviewInput and render its review PDF."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import select

from chc_desktop.domain.dst import Level
from chc_desktop.domain.indication import indicate
from chc_desktop.domain.nhs_number import display
from chc_desktop.domain.roles import Action
from chc_desktop.packs import pades, review_pdf
from chc_desktop.packs.review_pdf import ReviewInput, SignatureLine, Slot
from chc_desktop.security import identity
from chc_desktop.services import assessments, qa, signing_identity
from chc_desktop.services.content import load
from chc_desktop.services.context import Profile
from chc_desktop.services.errors import InvalidInput
from chc_desktop.store import models


def review_input(profile: Profile, assessment_id: str) -> ReviewInput:
    """Everything the review PDF prints, for a signed version."""
    profile.require(Action.ASSESSMENT_READ)
    found = assessments.get(profile, assessment_id)
    with profile.reading() as session:
        sig = session.scalars(
            select(models.Signature).where(models.Signature.assessment_id == assessment_id)
        ).first()
        if sig is None:
            raise InvalidInput(f"assessment {assessment_id} is not signed; sign it first")
        person = session.execute(
            select(models.Person.given_name, models.Person.family_name, models.Person.nhs_number)
            .join(models.Case)
            .join(models.Assessment)
            .where(models.Assessment.id == assessment_id)
        ).one()
        head = session.scalar(
            select(models.AuditEvent.hash).where(
                models.AuditEvent.action == "assessment.sign",
                models.AuditEvent.entity == f"assessment:{assessment_id}",
            )
        )
    content = load()
    levels = {c: r.level for c, r in found.doc.domains.items() if r.level}
    pattern = indicate(levels, content.thresholds)
    report = qa.check(profile, assessment_id)
    findings = [
        (
            f.severity.value,
            f.message,
            a.justification if (a := report.acknowledged.get((f.rule, f.target))) else None,
        )
        for f in report.findings
    ]
    return ReviewInput(
        doc=found.doc,
        version=found.info.version,
        individual=f"{person[0]} {person[1]}",
        nhs_number=display(person[2]),
        domain_names={d.code: d.name for d in content.domains},
        levels={lv.value: lv.label for lv in Level},
        pattern=pattern.indication.value,
        pattern_reasons=pattern.reasons,
        findings=findings,
        signature=SignatureLine(
            sig.signer, sig.role, sig.profession, sig.meaning, sig.signed_at, sig.certificate_sha256
        ),
        record_sha256=sig.record_sha256,
        audit_head=head or "",
    )


def render(profile: Profile, assessment_id: str) -> tuple[bytes, Slot]:
    """The review PDF for a signed version, before its PAdES signature, and the field's place."""
    return review_pdf.render(review_input(profile, assessment_id))


def signed_pdf(profile: Profile, assessment_id: str, passphrase: str) -> bytes:
    """The review PDF with the signer's PAdES signature (the key needs the passphrase)."""
    with profile.reading() as session:
        fingerprint = session.scalar(
            select(models.Signature.certificate_sha256).where(
                models.Signature.assessment_id == assessment_id
            )
        )
    if fingerprint is None:
        raise InvalidInput(f"assessment {assessment_id} is not signed; sign it first")
    signer, key = signing_identity.unlocked(profile, passphrase, fingerprint)
    return sign_rendered(profile, assessment_id, signer, key)[0]


def sign_rendered(
    profile: Profile,
    assessment_id: str,
    signer: identity.Identity,
    key: ec.EllipticCurvePrivateKey,
    tsa_url: str | None = None,
) -> tuple[bytes, bool]:
    """Render the review PDF and PAdES-sign it with an already unlocked key (and a TSA, if set)."""
    data = review_input(profile, assessment_id)
    pdf, slot = review_pdf.render(data)
    return pades.sign_pdf(
        pdf,
        slot,
        pades.signer_for(key, signer.certificate, signer.chain),
        name=data.signature.name,
        reason=data.signature.meaning,
        tsa_url=tsa_url,
    )
