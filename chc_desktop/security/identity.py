"""A profile's signing identity: an EC P-256 key pair and an X.509 certificate.

The private key never touches a plain file: it is serialised as PKCS#8,
encrypted with the person's passphrase, and kept inside the encrypted store,
so signing needs the passphrase again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

VALID_YEARS = 5


class WrongPassphrase(Exception):
    """The passphrase does not decrypt the signing key."""


@dataclass(frozen=True, slots=True)
class Identity:
    """The certificate (public) and the passphrase-encrypted private key."""

    certificate_pem: bytes
    encrypted_key_pem: bytes

    @property
    def certificate(self) -> x509.Certificate:
        """The parsed certificate."""
        return x509.load_pem_x509_certificate(self.certificate_pem)

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the certificate's DER encoding, lower-case hex."""
        return hashlib.sha256(self.certificate.public_bytes(serialization.Encoding.DER)).hexdigest()

    def private_key(self, passphrase: str) -> ec.EllipticCurvePrivateKey:
        """Decrypt the signing key; raises WrongPassphrase."""
        try:
            key = serialization.load_pem_private_key(
                self.encrypted_key_pem, passphrase.encode("utf-8")
            )
        except (ValueError, TypeError):
            raise WrongPassphrase("the passphrase does not unlock the signing key") from None
        if not isinstance(key, ec.EllipticCurvePrivateKey):
            raise WrongPassphrase("the stored signing key is not an EC key")
        return key


def create(
    name: str, profession: str | None, passphrase: str, now: datetime | None = None
) -> Identity:
    """A new key pair and a self-signed certificate naming the person (no patient data)."""
    key = ec.generate_private_key(ec.SECP256R1())
    start = (now or datetime.now(UTC)) - timedelta(minutes=5)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "CHC Desktop profile"),
            *([x509.NameAttribute(NameOID.TITLE, profession)] if profession else []),
        ]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=365 * VALID_YEARS))
        # self-signed, so it is its own root: CA and keyCertSign let validators accept it as one
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return Identity(
        certificate.public_bytes(serialization.Encoding.PEM),
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
        ),
    )
