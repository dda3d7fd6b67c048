"""Check the review PDF's PAdES signature with pyHanko, fully offline.

Reports separately whether the signature is intact and made by the pack's
signer, whether it covers the whole file with no later revisions, whether the
signer chains to a trusted root, and which record digest the PDF carries.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.generic import pdf_name
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from chc_desktop.packs.manifest import HEAD_TAG, RECORD_TAG

PADES = "/ETSI.CAdES.detached"

for _noisy in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_noisy).setLevel(logging.CRITICAL)


@dataclass(frozen=True, slots=True)
class PdfFindings:
    """What the PDF check found; ``None`` problems mean that part is fine."""

    signature_problem: str | None
    coverage_problem: str | None
    trusted: bool
    record_sha256: str | None
    audit_head: str | None
    timestamp: str | None = None  # UTC time from an intact TSA token in the signature, if any


def _tagged(reader: PdfFileReader, tag: str) -> str | None:
    """A value the review PDF writes into its Keywords as ``tag<hex>``."""
    info = reader.trailer_view.get("/Info")
    words = str(info.get_object().get("/Keywords", "")) if info is not None else ""
    return next((w[len(tag) :] for w in words.split() if w.startswith(tag)), None)


def check_pdf(
    pdf: bytes,
    signer: asn1_x509.Certificate,
    chain: list[asn1_x509.Certificate],
    roots: list[asn1_x509.Certificate],
) -> PdfFindings:
    """Validate the one PAdES signature in ``pdf`` against the pack's signer certificate."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        sigs = reader.embedded_regular_signatures
    except Exception as exc:  # a damaged PDF can fail in many ways inside the parser
        unreadable = f"review.pdf cannot be read as a PDF ({type(exc).__name__})"
        return PdfFindings(unreadable, unreadable, False, None, None)
    if len(sigs) != 1:
        count = f"review.pdf holds {len(sigs)} signatures; expected exactly one"
        return PdfFindings(count, count, False, None, None)
    sig = sigs[0]
    record, head = _tagged(reader, RECORD_TAG), _tagged(reader, HEAD_TAG)
    context = ValidationContext(trust_roots=roots, other_certs=chain, allow_fetching=False)
    try:
        status = validate_pdf_signature(sig, signer_validation_context=context)
    except Exception as exc:  # damaged signature dictionaries fail in many ways too
        failure = f"review.pdf's signature cannot be validated ({type(exc).__name__})"
        return PdfFindings(failure, failure, False, record, head)
    problem = None
    if sig.sig_object.get(pdf_name("/SubFilter")) != pdf_name(PADES):
        problem = "review.pdf is not signed with the PAdES sub-filter ETSI.CAdES.detached"
    elif not status.intact:
        problem = "review.pdf was changed after it was signed (its digest does not match)"
    elif not status.valid:
        problem = "review.pdf's signature value does not verify"
    elif status.signing_cert.dump() != signer.dump():
        problem = "review.pdf was signed by a different certificate than signer.pem"
    coverage = None
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        coverage = "review.pdf has content added after its signature (an incremental update)"
    token = status.timestamp_validity
    stamped = token.timestamp.isoformat() if token is not None and token.intact else None
    return PdfFindings(problem, coverage, bool(status.trusted), record, head, stamped)
