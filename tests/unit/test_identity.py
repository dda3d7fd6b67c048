"""The signing identity: a self-signed certificate and a passphrase-encrypted key in the store."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import select

from chc_desktop.security import identity
from chc_desktop.services import profiles
from chc_desktop.services.context import Profile
from chc_desktop.store.models import SigningIdentity
from tests.conftest import PASSPHRASE
from tests.helpers.cli import Cli


def test_certificate_and_key() -> None:
    made = identity.create("Demo Nurse Ash", "nurse", "a long passphrase")
    cert = made.certificate
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "Demo Nurse Ash"
    assert cert.issuer == cert.subject
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment
    assert (
        made.fingerprint
        == hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()
    )
    assert made.encrypted_key_pem.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    key = made.private_key("a long passphrase")
    signature = key.sign(b"record", ec.ECDSA(hashes.SHA256()))
    public = cert.public_key()
    assert isinstance(public, ec.EllipticCurvePublicKey)
    public.verify(signature, b"record", ec.ECDSA(hashes.SHA256()))
    with pytest.raises(identity.WrongPassphrase):
        made.private_key("not the passphrase")


def test_profile_gets_an_identity_and_no_plain_key_on_disk(profile: Profile) -> None:
    with profile.reading() as session:
        stored = session.scalars(select(SigningIdentity)).one()
    made = identity.Identity(stored.certificate_pem.encode(), stored.encrypted_key_pem.encode())
    key = made.private_key(PASSPHRASE)
    plain = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    secret = key.private_numbers().private_value.to_bytes(32, "big")
    for path in Path(profile.location.folder).rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert plain not in data and secret not in data and b"PRIVATE KEY" not in data
    assert profiles.certificate_fingerprint(profile) == made.fingerprint


def test_profile_show_reports_the_fingerprint(tmp_path: Path) -> None:
    cli = Cli(tmp_path)
    cli.init()
    info = cli("profile", "show", "--json").json()
    assert re.fullmatch(r"[0-9a-f]{64}", info["certificate_sha256"])
