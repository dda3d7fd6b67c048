"""Typed SQLAlchemy models for the data outline in design.md §4.

Later issues fill in assessments, QA findings and signatures; the tables are
created now so the first migration already has the full shape.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    """Declarative base for all tables."""

    type_annotation_map = {str: String(200), date: Date}  # noqa: RUF012 - SQLAlchemy idiom


class ProfileUser(Base):
    """The one person who owns this profile: name, roles and passphrase hash."""

    __tablename__ = "profile_user"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    profession: Mapped[str | None]
    roles: Mapped[str]  # comma-separated role codes
    passphrase_hash: Mapped[str]
    created_at: Mapped[str] = mapped_column(String(32))


class SigningIdentity(Base):
    """The profile's certificate and its private key, encrypted with the passphrase."""

    __tablename__ = "signing_identity"
    id: Mapped[int] = mapped_column(primary_key=True)
    certificate_pem: Mapped[str] = mapped_column(Text)
    encrypted_key_pem: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[str] = mapped_column(String(32))


class Person(Base):
    """An individual being assessed."""

    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    nhs_number: Mapped[str] = mapped_column(String(10), unique=True)
    given_name: Mapped[str]
    family_name: Mapped[str]
    date_of_birth: Mapped[date]
    cases: Mapped[list[Case]] = relationship(back_populates="person")


class Case(Base):
    """One referral for an individual, with its 28-day clock."""

    __tablename__ = "case"
    __table_args__ = (
        Index("ix_case_status", "status"),
        Index("ix_case_received", "received"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    case_ref: Mapped[str] = mapped_column(String(40), unique=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    place: Mapped[str]
    setting: Mapped[str] = mapped_column(String(20))
    referrer: Mapped[str]
    case_type: Mapped[str] = mapped_column(String(20))
    received: Mapped[date]
    due: Mapped[date]
    status: Mapped[str] = mapped_column(String(20))
    assigned_to: Mapped[str | None]
    created_at: Mapped[str] = mapped_column(String(32))
    person: Mapped[Person] = relationship(back_populates="cases")


class Assessment(Base):
    """One version of a Checklist, DST, Fast Track or review for a case."""

    __tablename__ = "assessment"
    __table_args__ = (UniqueConstraint("case_id", "kind", "version"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(20))
    supersedes_id: Mapped[str | None] = mapped_column(ForeignKey("assessment.id"))
    amend_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(32))
    updated_at: Mapped[str] = mapped_column(String(32))
    assess_date: Mapped[date | None]
    location: Mapped[str | None]
    individual_present: Mapped[bool | None] = mapped_column(Boolean)
    representative: Mapped[str | None] = mapped_column(Text)
    details: Mapped[str | None] = mapped_column(Text)  # JSON object of kind-specific fields


class DomainEntry(Base):
    """The level and evidence recorded for one care domain of an assessment."""

    __tablename__ = "domain_entry"
    __table_args__ = (UniqueConstraint("assessment_id", "domain"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    domain: Mapped[str] = mapped_column(String(30))
    level: Mapped[str | None] = mapped_column(String(20))
    evidence: Mapped[str | None] = mapped_column(Text)
    sources: Mapped[str | None] = mapped_column(Text)  # JSON list
    individual_view: Mapped[str | None] = mapped_column(Text)
    mdt_notes: Mapped[str | None] = mapped_column(Text)
    agreed: Mapped[bool | None] = mapped_column(Boolean)
    disagreement: Mapped[str | None] = mapped_column(Text)
    answer: Mapped[str | None] = mapped_column(String(1))  # Checklist A/B/C


class Recommendation(Base):
    """The MDT's recommendation and its rationale for one assessment version."""

    __tablename__ = "recommendation"
    assessment_id: Mapped[str] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), primary_key=True
    )
    primary_health_need: Mapped[bool | None] = mapped_column(Boolean)
    nature: Mapped[str | None] = mapped_column(Text)
    intensity: Mapped[str | None] = mapped_column(Text)
    complexity: Mapped[str | None] = mapped_column(Text)
    unpredictability: Mapped[str | None] = mapped_column(Text)
    individual_view: Mapped[str | None] = mapped_column(Text)
    dissent: Mapped[str | None] = mapped_column(Text)


class QAAcknowledgement(Base):
    """A QA warning accepted for one assessment version, with the reason why."""

    __tablename__ = "qa_acknowledgement"
    __table_args__ = (UniqueConstraint("assessment_id", "rule", "target"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    rule: Mapped[str] = mapped_column(String(80))
    target: Mapped[str] = mapped_column(String(80))
    justification: Mapped[str] = mapped_column(Text)
    actor: Mapped[str]
    at: Mapped[str] = mapped_column(String(32))


class Signature(Base):
    """A signature on one assessment version: who, in what capacity, meaning what, and over what."""

    __tablename__ = "signature"
    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessment.id", ondelete="RESTRICT"))
    signer: Mapped[str]
    role: Mapped[str] = mapped_column(String(40))
    profession: Mapped[str | None]
    meaning: Mapped[str] = mapped_column(Text)
    signed_at: Mapped[str] = mapped_column(String(32))
    record_sha256: Mapped[str] = mapped_column(String(64))
    certificate_sha256: Mapped[str] = mapped_column(String(64))
    signature: Mapped[str] = mapped_column(Text)  # base64 ECDSA-SHA256 over record_sha256


class AuditAnchor(Base):
    """The last audit event's seq and hash (one row, kept by a trigger) to detect truncation."""

    __tablename__ = "audit_anchor"
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int]
    hash: Mapped[str] = mapped_column(String(64))


class ReviewPack(Base):
    """One exported review pack of a signed version (the file itself lives wherever it was saved)."""

    __tablename__ = "review_pack"
    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[str] = mapped_column(
        ForeignKey("assessment.id", ondelete="RESTRICT"), index=True
    )
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    pack_sha256: Mapped[str] = mapped_column(String(64))
    supersedes: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[str] = mapped_column(String(32))


class TrustedRoot(Base):
    """A certificate this profile trusts as the root of pack signers' chains."""

    __tablename__ = "trusted_root"
    id: Mapped[int] = mapped_column(primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    subject: Mapped[str] = mapped_column(Text)
    certificate_pem: Mapped[str] = mapped_column(Text)
    added_at: Mapped[str] = mapped_column(String(32))


class Participant(Base):
    """A member of the multidisciplinary team at an assessment."""

    __tablename__ = "participant"
    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    name: Mapped[str]
    profession: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(40))
    present: Mapped[bool] = mapped_column(Boolean, default=True)


class AuditEvent(Base):
    """An append-only, hash-chained record of one action (triggers refuse UPDATE/DELETE)."""

    __tablename__ = "audit_event"
    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str]
    role: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str]
    before_digest: Mapped[str | None] = mapped_column(String(64))
    after_digest: Mapped[str | None] = mapped_column(String(64))
    reason: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[str | None] = mapped_column(Text)  # JSON, never personal data
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
