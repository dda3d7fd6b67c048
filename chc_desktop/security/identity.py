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
from cryptography.hazmat.primitives.serialization import pkcs12
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
    def chain(self) -> list[x509.Certificate]:
        """Issuing certificates after the signer's own (empty when self-signed)."""
        return x509.load_pem_x509_certificates(self.certificate_pem)[1:]

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
        _encrypted(key, passphrase),
    )


class BadBundle(ValueError):
    """The PKCS#12 file cannot be used as a signing identity; the message says why."""


def from_pkcs12(
    data: bytes, password: str, passphrase: str, now: datetime | None = None
) -> Identity:
    """An identity issued by an organisation CA: the key re-encrypted with our passphrase.

    The certificate PEM holds the signer's certificate first, then the chain, so
    a pack's signer.pem lets a verifier build the path to the organisation root.
    """
    try:
        key, cert, chain = pkcs12.load_key_and_certificates(data, password.encode("utf-8"))
    except ValueError:
        raise BadBundle("the file is not a PKCS#12 bundle, or the password is wrong") from None
    if key is None or cert is None:
        raise BadBundle("the bundle must hold a private key and its certificate")
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise BadBundle(
            "only elliptic-curve (EC) signing keys are supported; ask for an EC certificate"
        )
    if key.public_key().public_numbers() != cert.public_key().public_numbers():  # type: ignore[union-attr]
        raise BadBundle("the bundle's key does not belong to its certificate")
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        for_signing = usage.content_commitment
    except x509.ExtensionNotFound:
        for_signing = False
    if not for_signing:
        raise BadBundle(
            "the certificate is not for signatures (it lacks the non-repudiation key usage)"
        )
    moment = now or datetime.now(UTC)
    if not cert.not_valid_before_utc <= moment <= cert.not_valid_after_utc:
        raise BadBundle(
            f"the certificate is not valid now (valid {cert.not_valid_before_utc:%Y-%m-%d} to {cert.not_valid_after_utc:%Y-%m-%d})"
        )
    pem = b"".join(c.public_bytes(serialization.Encoding.PEM) for c in (cert, *chain))
    return Identity(
        pem,
        _encrypted(key, passphrase),
    )


def _encrypted(key: ec.EllipticCurvePrivateKey, passphrase: str) -> bytes:
    """PKCS#8 PEM encrypted with the passphrase."""
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )


def reencrypt(found: Identity, old: str, new: str) -> Identity:
    """The same identity with its key encrypted under a new passphrase."""
    return Identity(found.certificate_pem, _encrypted(found.private_key(old), new))
