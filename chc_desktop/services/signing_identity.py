"""The profile's signing identities: the one it signs with now, and earlier ones kept for checks.

A profile starts with a self-signed identity; importing a PKCS#12 issued by an
organisation CA adds a newer one. Earlier identities stay, so signatures made
with them can still be checked.
"""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import select
from sqlalchemy.orm import Session

from chc_desktop.domain.roles import Action
from chc_desktop.security import identity, secrets
from chc_desktop.services import trust
from chc_desktop.services.audit import utc_now
from chc_desktop.services.context import Profile
from chc_desktop.services.errors import InvalidInput
from chc_desktop.store import models


def current(session: Session, fingerprint: str | None = None) -> identity.Identity:
    """The newest identity, or the one with ``fingerprint``."""
    query = select(models.SigningIdentity).order_by(models.SigningIdentity.id.desc())
    if fingerprint is not None:
        query = query.where(models.SigningIdentity.fingerprint == fingerprint)
    row = session.scalars(query).first()
    if row is None:
        raise InvalidInput("this profile has no signing identity; create a new profile to sign")
    return identity.Identity(row.certificate_pem.encode(), row.encrypted_key_pem.encode())


def unlocked(
    profile: Profile, passphrase: str, fingerprint: str | None = None
) -> tuple[identity.Identity, ec.EllipticCurvePrivateKey]:
    """An identity and its decrypted key; a wrong passphrase is InvalidInput."""
    with profile.reading() as session:
        signer = current(session, fingerprint)
    try:
        return signer, signer.private_key(passphrase)
    except identity.WrongPassphrase:
        raise InvalidInput("wrong passphrase; nothing was signed") from None


def import_pkcs12(
    profile: Profile, data: bytes, password: str, passphrase: str
) -> identity.Identity:
    """Sign from now on with an organisation-issued identity; its root becomes trusted."""
    role = profile.require(Action.IDENTITY_MANAGE)
    with profile.reading() as session:
        user = session.scalars(select(models.ProfileUser)).one()
    if not secrets.verify_passphrase(passphrase, user.passphrase_hash):
        raise InvalidInput("wrong passphrase; nothing was imported")
    try:
        found = identity.from_pkcs12(data, password, passphrase)
    except identity.BadBundle as exc:
        raise InvalidInput(f"{exc}; nothing was imported") from None
    with profile.writing() as session:
        session.add(
            models.SigningIdentity(
                certificate_pem=found.certificate_pem.decode(), encrypted_key_pem=found.encrypted_key_pem.decode(),
                fingerprint=found.fingerprint, created_at=utc_now(),
            )
        )  # fmt: skip
        profile.audit(
            session, "identity.import", f"certificate:{found.fingerprint}", role=role.value,
            after=found.fingerprint,
        )  # fmt: skip
    chain = [found.certificate, *found.chain]
    top = chain[-1]
    if len(chain) > 1 and top.issuer == top.subject:
        trust.add(profile, trust.pem_of(top), "the imported bundle's root")
    return found
