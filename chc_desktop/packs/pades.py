"""PAdES-sign a PDF with pyHanko: sub-filter ETSI.CAdES.detached, a visible field, SHA-256.

The visible field repeats the printed signature block's essentials (name and
UTC time). With a configured timestamp authority (TSA) the signature also
carries its timestamp token; when the TSA is unreachable the PDF is signed
without one and the next export of the same version tries again.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.timestamps import HTTPTimeStamper
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator.registry import SimpleCertificateStore

from chc_desktop.packs.review_pdf import Slot

FIELD = "CHCSignature"
TSA_TIMEOUT = 5  # seconds; a slow TSA must not hold up an export for long
log = logging.getLogger("chc.packs.pades")


def _asn1(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


def signer_for(
    key: ec.EllipticCurvePrivateKey,
    certificate: x509.Certificate,
    chain: Sequence[x509.Certificate] = (),
) -> signers.SimpleSigner:
    """A pyHanko signer from our decrypted key and certificates (nothing written to disk)."""
    cert = _asn1(certificate)
    der = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return signers.SimpleSigner(
        signing_cert=cert,
        signing_key=asn1_keys.PrivateKeyInfo.load(der),
        cert_registry=SimpleCertificateStore.from_certs([cert, *map(_asn1, chain)]),  # type: ignore[no-untyped-call]
    )


def _box(slot: Slot) -> tuple[int, int, int, int]:
    x1, y1, x2, y2 = (round(v) for v in slot.box)
    return x1, y1, x2, y2


def sign_pdf(
    pdf: bytes,
    slot: Slot,
    signer: signers.SimpleSigner,
    *,
    name: str,
    reason: str,
    tsa_url: str | None = None,
) -> tuple[bytes, bool]:
    """``pdf`` with an incremental PAdES signature in a visible field at ``slot``.

    With ``tsa_url``, the signature carries a timestamp token from that TSA; if
    the TSA cannot be reached the PDF is signed without one. Returns the PDF and
    whether it was timestamped.
    """
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD,
        subfilter=SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        name=name,
        reason=reason,
    )
    if tsa_url:
        try:
            return _sign(
                pdf, slot, signer, meta, HTTPTimeStamper(tsa_url, timeout=TSA_TIMEOUT)
            ), True
        except Exception as exc:  # network, HTTP and TSA failures all mean "no timestamp this time"
            log.warning(
                "timestamp authority not reachable (%s); signing without a timestamp",
                type(exc).__name__,
            )
    return _sign(pdf, slot, signer, meta, None), False


def _sign(
    pdf: bytes,
    slot: Slot,
    signer: signers.SimpleSigner,
    meta: signers.PdfSignatureMetadata,
    timestamper: HTTPTimeStamper | None,
) -> bytes:
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    fields.append_signature_field(
        writer, fields.SigFieldSpec(FIELD, on_page=slot.page, box=_box(slot))
    )
    style = TextStampStyle(
        stamp_text="Digitally signed by %(signer)s\nPDF signed (UTC): %(ts)s", border_width=0
    )
    pdf_signer = signers.PdfSigner(meta, signer=signer, stamp_style=style, timestamper=timestamper)
    return bytes(pdf_signer.sign_pdf(writer).getvalue())
