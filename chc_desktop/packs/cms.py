"""Detached CMS (PKCS#7) signatures over the exact bytes of a pack's manifest.

Signing uses cryptography's PKCS#7 builder (SHA-256, signed attributes, the
signer's certificate embedded). Verifying is done here with asn1crypto, so a
verifier needs no OpenSSL command line: the message-digest attribute must
equal the manifest's SHA-256, and the signature over the DER-encoded signed
attributes must verify with the public key of the certificate we were given.
"""

from __future__ import annotations

import hashlib

from asn1crypto import cms
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs7

_SET_TAG = 0x31


class BadSignature(ValueError):
    """The CMS signature does not hold; the message says why."""


def sign_detached(data: bytes, key: ec.EllipticCurvePrivateKey, cert: x509.Certificate) -> bytes:
    """DER-encoded detached CMS SignedData over ``data``."""
    return (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(data)
        .add_signer(cert, key, hashes.SHA256())
        .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature])
    )


def _signer_info(signature: bytes) -> tuple[cms.SignedData, cms.SignerInfo]:
    try:
        info = cms.ContentInfo.load(signature)
        if info["content_type"].native != "signed_data":
            raise BadSignature("manifest.sig is not a CMS SignedData")
        signed = info["content"]
        signers = signed["signer_infos"]
        if len(signers) != 1:
            raise BadSignature(f"manifest.sig has {len(signers)} signers; expected exactly one")
        signed.native  # noqa: B018 - parse everything now, so damage shows here
        return signed, signers[0]
    except BadSignature:
        raise
    except Exception as exc:  # asn1crypto raises many types on damaged DER
        raise BadSignature(f"manifest.sig cannot be parsed ({type(exc).__name__})") from None


def _message_digest(signer: cms.SignerInfo) -> bytes:
    attrs = signer["signed_attrs"]
    if not attrs:
        raise BadSignature("manifest.sig has no signed attributes")
    for attr in attrs:
        if attr["type"].native == "message_digest":
            return bytes(attr["values"][0].native)
    raise BadSignature("manifest.sig has no message-digest attribute")


def verify_detached(data: bytes, signature: bytes, cert: x509.Certificate) -> None:
    """Raise BadSignature unless ``signature`` is ``cert``'s CMS signature over ``data``."""
    signed, signer = _signer_info(signature)
    if signer["digest_algorithm"]["algorithm"].native != "sha256":
        raise BadSignature("manifest.sig does not use SHA-256")
    sid = signer["sid"]
    if sid.name != "issuer_and_serial_number" or sid.chosen["serial_number"].native != (
        cert.serial_number
    ):
        raise BadSignature("manifest.sig was made by a different certificate than signer.pem")
    if _message_digest(signer) != hashlib.sha256(data).digest():
        raise BadSignature("manifest.sig was made over different manifest bytes")
    signed_attrs = bytearray(signer["signed_attrs"].dump())
    signed_attrs[0] = _SET_TAG  # signed over as a SET, stored as [0] IMPLICIT
    raw = bytes(signer["signature"].native)
    public = cert.public_key()
    try:
        if isinstance(public, ec.EllipticCurvePublicKey):
            public.verify(raw, bytes(signed_attrs), ec.ECDSA(hashes.SHA256()))
        elif isinstance(public, rsa.RSAPublicKey):
            public.verify(raw, bytes(signed_attrs), padding.PKCS1v15(), hashes.SHA256())
        else:
            raise BadSignature("signer.pem holds a key type packs do not use")
    except InvalidSignature:
        raise BadSignature("manifest.sig does not verify with the key in signer.pem") from None
    embedded = [c.chosen.dump() for c in signed["certificates"] or []]
    if embedded and cert.public_bytes(serialization.Encoding.DER) not in embedded:
        raise BadSignature("manifest.sig embeds a different certificate than signer.pem")
