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


_SHA256 = {"algorithm": "sha256", "parameters": None}
_SIGNATURE_ALGORITHMS = ("sha256_ecdsa", "sha256_rsa", "rsassa_pkcs1v15")


def _expect(condition: bool, problem: str) -> None:
    if not condition:
        raise BadSignature(f"manifest.sig {problem}")


def _signer_info(signature: bytes) -> tuple[cms.SignedData, cms.SignerInfo]:
    """Parse strictly: a pack's CMS has exactly the shape we write, and nothing else."""
    try:
        info = cms.ContentInfo.load(signature, strict=True)
        _expect(info["content_type"].native == "signed_data", "is not a CMS SignedData")
        signed = info["content"]
        native = signed.native  # parse everything now, so damage shows here
        signers = signed["signer_infos"]
    except BadSignature:
        raise
    except Exception as exc:  # asn1crypto raises many types on damaged DER
        raise BadSignature(f"manifest.sig cannot be parsed ({type(exc).__name__})") from None
    _expect(len(signers) == 1, f"has {len(signers)} signers; expected exactly one")
    _expect(native["version"] == "v1", "has an unexpected version")
    _expect([dict(a) for a in native["digest_algorithms"]] == [_SHA256], "does not use SHA-256")
    encap = native["encap_content_info"]
    _expect(encap["content_type"] == "data" and encap["content"] is None, "is not detached")
    _expect(native["crls"] is None, "carries unexpected revocation data")
    signer = signers[0]
    sn = signer.native
    _expect(
        sn["version"] == "v1" and dict(sn["digest_algorithm"]) == _SHA256, "does not use SHA-256"
    )
    _expect(
        sn["signature_algorithm"]["algorithm"] in _SIGNATURE_ALGORITHMS,
        "uses an unexpected algorithm",
    )
    _expect(sn["unsigned_attrs"] is None, "carries unsigned attributes")
    return signed, signer


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
    sid = signer["sid"]
    named = sid.name == "issuer_and_serial_number" and (
        sid.chosen["serial_number"].native == cert.serial_number
        and sid.chosen["issuer"].dump() == cert.issuer.public_bytes()
    )
    if not named:
        raise BadSignature("manifest.sig was made by a different certificate than signer.pem")
    if _message_digest(signer) != hashlib.sha256(data).digest():
        raise BadSignature("manifest.sig was made over different manifest bytes")
    signed_attrs = bytearray(signer["signed_attrs"].dump())
    signed_attrs[0] = _SET_TAG  # signed over as a SET, stored as [0] IMPLICIT
    raw = bytes(signer["signature"].native)
    try:
        public = cert.public_key()
    except Exception:  # a damaged certificate can name an unknown or broken key
        raise BadSignature("signer.pem's public key cannot be read") from None
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
    if embedded != [cert.public_bytes(serialization.Encoding.DER)]:
        raise BadSignature("manifest.sig embeds a different certificate than signer.pem")
