"""The profile's trusted root certificates, which decide whether a pack's signer is trusted."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from sqlalchemy import select

from chc_desktop.domain.roles import Action
from chc_desktop.packs.verify import load_certificates
from chc_desktop.services.audit import utc_now
from chc_desktop.services.context import Profile
from chc_desktop.services.errors import InvalidInput
from chc_desktop.store import models


@dataclass(frozen=True, slots=True)
class Root:
    """One trusted root as listed to the user."""

    fingerprint: str
    subject: str
    added_at: str


def fingerprint(cert: x509.Certificate) -> str:
    """SHA-256 of the certificate's DER encoding."""
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def pem_of(cert: x509.Certificate) -> bytes:
    """One certificate as PEM."""
    return cert.public_bytes(serialization.Encoding.PEM)


def roots(profile: Profile) -> list[x509.Certificate]:
    """Every root this profile trusts: the added roots and the tops of its own identities' chains."""
    profile.require(Action.PACK_VERIFY)
    with profile.reading() as session:
        pems = list(session.scalars(select(models.TrustedRoot.certificate_pem)))
        own = list(session.scalars(select(models.SigningIdentity.certificate_pem)))
    found = [c for pem in pems for c in load_certificates(pem.encode())]
    return found + [load_certificates(p.encode())[-1] for p in own]


def listed(profile: Profile) -> list[Root]:
    """The added roots, oldest first."""
    profile.require(Action.PACK_VERIFY)
    with profile.reading() as session:
        rows = session.scalars(select(models.TrustedRoot).order_by(models.TrustedRoot.id)).all()
        return [Root(r.fingerprint, r.subject, r.added_at) for r in rows]


def add(profile: Profile, pem: bytes, source: str) -> list[Root]:
    """Trust every certificate in ``pem``; already trusted ones are left as they are."""
    role = profile.require(Action.TRUST_MANAGE)
    try:
        certs = load_certificates(pem)
    except ValueError:
        raise InvalidInput(f"{source}: holds no PEM certificate") from None
    added: list[Root] = []
    with profile.writing() as session:
        known = set(session.scalars(select(models.TrustedRoot.fingerprint)))
        for cert in certs:
            digest = fingerprint(cert)
            if digest in known:
                continue
            known.add(digest)
            root = Root(digest, cert.subject.rfc4514_string(), utc_now())
            session.add(
                models.TrustedRoot(
                    fingerprint=root.fingerprint, subject=root.subject, added_at=root.added_at,
                    certificate_pem=pem_of(cert).decode(),
                )
            )  # fmt: skip
            profile.audit(session, "trust.add", f"root:{digest}", role=role.value, after=digest)
            added.append(root)
    return added
