"""Verify one review pack offline: every check in formats.md, each with a plain reason.

``valid`` means the pack is intact and signed by the key in its signer.pem;
``trusted`` additionally means that key chains to a root the verifier trusts.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from chc_desktop.domain.canonical import canonical_json, sha256_hex
from chc_desktop.packs import cms, manifest, pdf_check, zip_safe
from chc_desktop.security.audit_chain import event_hash

CHECKS = (
    "zip",
    "manifest_signature",
    "file_digests",
    "pdf_signature",
    "pdf_covers_whole_file",
    "record_digest",
    "audit_chain",
)
OK, FAILED, SKIPPED = "ok", "failed", "not checked"


@dataclass(slots=True)
class PackReport:
    """The verdict on one pack."""

    file: str
    checks: dict[str, str] = field(default_factory=lambda: dict.fromkeys(CHECKS, SKIPPED))
    errors: list[str] = field(default_factory=list)
    trusted: bool = False
    signer: dict[str, Any] = field(default_factory=dict)
    manifest: dict[str, Any] = field(default_factory=dict)
    file_sha256: str | None = None
    timestamp: str | None = None

    @property
    def valid(self) -> bool:
        """Intact and signed by the key in the pack."""
        return all(v == OK for v in self.checks.values())

    def set(self, check: str, problem: str | None) -> None:
        """Record one check's outcome."""
        self.checks[check] = OK if problem is None else FAILED
        if problem is not None:
            self.errors.append(problem)

    def as_json(self) -> dict[str, Any]:
        """The formats.md shape for ``pack verify --json``."""
        return {
            "file": self.file,
            "valid": self.valid,
            "trusted": self.trusted and self.valid,
            "signer": self.signer,
            "checks": dict(self.checks),
            "errors": list(self.errors),
            "timestamp": self.timestamp,
        }


def load_certificates(pem: bytes) -> list[x509.Certificate]:
    """Certificates in a PEM bundle, leaf first; raises ValueError if there are none."""
    certs = x509.load_pem_x509_certificates(pem)
    if not certs:
        raise ValueError("no certificate found")
    return certs


def _asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def _zip(report: PackReport, data: bytes) -> dict[str, bytes] | None:
    try:
        entries = dict(zip_safe.read_entries(data))
    except zip_safe.UnsafeZip as exc:
        report.set("zip", f"zip: {exc}")
        return None
    missing = [n for n in manifest.ENTRIES if n not in entries]
    extra = sorted(n for n in entries if n not in manifest.ENTRIES)
    problems = [f"entry {n!r} is missing" for n in missing]
    problems += [
        f"unexpected entry {n!r} (a pack holds only {', '.join(manifest.ENTRIES)})" for n in extra
    ]
    report.set("zip", "zip: " + "; ".join(problems) if problems else None)
    return None if problems else entries


def _manifest(report: PackReport, entries: dict[str, bytes]) -> list[x509.Certificate] | None:
    try:
        certs = load_certificates(entries[manifest.SIGNER])
    except ValueError:
        report.set(
            "manifest_signature", "manifest_signature: signer.pem holds no readable certificate"
        )
        return None
    try:
        doc = json.loads(entries[manifest.MANIFEST])
        if not isinstance(doc, dict) or doc.get("format") != manifest.FORMAT:
            raise ValueError
    except ValueError:
        report.set(
            "manifest_signature", "manifest_signature: manifest.json is not a review pack manifest"
        )
        return None
    report.manifest = doc
    signer = doc.get("signer")
    report.signer = signer if isinstance(signer, dict) else {}
    problem: str | None = None
    try:
        cms.verify_detached(entries[manifest.MANIFEST], entries[manifest.SIGNATURE], certs[0])
    except cms.BadSignature as exc:
        problem = f"manifest_signature: {exc}"
    fingerprint = hashlib.sha256(certs[0].public_bytes(serialization.Encoding.DER)).hexdigest()
    if problem is None and report.signer.get("certificate_sha256") != fingerprint:
        problem = (
            "manifest_signature: the manifest names a different signer certificate than signer.pem"
        )
    report.set("manifest_signature", problem)
    return certs


def _digests(report: PackReport, entries: dict[str, bytes]) -> None:
    files = report.manifest.get("files")
    files = files if isinstance(files, dict) else {}
    bad = [n for n in manifest.DIGESTED if files.get(n) != sha256_hex(entries[n])]
    report.set(
        "file_digests",
        f"file_digests: {', '.join(bad)} {'differs' if len(bad) == 1 else 'differ'} from the manifest's digests"
        if bad
        else None,
    )


def _record(report: PackReport, entries: dict[str, bytes], pdf_record: str | None) -> None:
    record = entries[manifest.RECORD]
    expected = report.manifest.get("record_sha256")
    problem = None
    try:
        doc = json.loads(record)
    except ValueError:
        doc = None
    if doc is None or canonical_json(doc) != record:
        problem = "record_digest: assessment.json is not canonical JSON"
    elif sha256_hex(record) != expected:
        problem = "record_digest: assessment.json does not match the manifest's record_sha256"
    elif pdf_record != expected:
        problem = "record_digest: review.pdf does not carry the manifest's record_sha256"
    elif doc.get("case_ref") != report.manifest.get("case_ref"):
        problem = "record_digest: assessment.json is for a different case than the manifest"
    report.set("record_digest", problem)


def _audit(report: PackReport, lines: bytes, pdf_head: str | None) -> None:
    head = report.manifest.get("audit_head")
    entity = f"assessment:{report.manifest.get('assessment_id')}"
    previous: dict[str, Any] | None = None
    problem = None
    try:
        events = [json.loads(line) for line in lines.splitlines()]
    except ValueError:
        events, problem = [], "audit_chain: audit.jsonl has a line that is not JSON"
    for n, event in enumerate(events, start=1):
        if problem:
            break
        if not isinstance(event, dict) or not isinstance(event.get("prev_hash"), str):
            problem = f"audit_chain: event {n} is not an audit event"
            continue
        fields = {k: v for k, v in event.items() if k not in ("prev_hash", "hash")}
        if event_hash(event["prev_hash"], fields) != event.get("hash"):
            problem = f"audit_chain: event {n} (seq {event.get('seq')}) does not match its hash"
        elif event.get("entity") != entity:
            problem = f"audit_chain: event {n} is about another record ({event.get('entity')})"
        elif previous is not None and not _follows(previous, event):
            problem = f"audit_chain: event {n} (seq {event.get('seq')}) is out of order or unlinked"
        previous = event
    if problem is None:
        if previous is None:
            problem = "audit_chain: audit.jsonl holds no events"
        elif previous.get("hash") != head or previous.get("action") != "assessment.sign":
            problem = (
                "audit_chain: the events do not end at the manifest's audit_head (the signing)"
            )
        elif pdf_head != head:
            problem = "audit_chain: review.pdf does not carry the manifest's audit_head"
    report.set("audit_chain", problem)


def _follows(previous: dict[str, Any], event: dict[str, Any]) -> bool:
    before, after = previous.get("seq"), event.get("seq")
    if not isinstance(before, int) or not isinstance(after, int) or after <= before:
        return False
    return after != before + 1 or event["prev_hash"] == previous.get("hash")


def verify_pack(name: str, data: bytes, roots: Sequence[x509.Certificate] = ()) -> PackReport:
    """Run every check on the bytes of one .chcpack; never raises on bad input."""
    report = PackReport(name, file_sha256=sha256_hex(data))
    entries = _zip(report, data)
    if entries is None:
        return report
    certs = _manifest(report, entries)
    if certs is None:
        return report
    _digests(report, entries)
    found = pdf_check.check_pdf(
        entries[manifest.PDF],
        _asn1(certs[0]),
        [_asn1(c) for c in certs[1:]],
        [_asn1(c) for c in roots],
    )
    report.set(
        "pdf_signature", found.signature_problem and f"pdf_signature: {found.signature_problem}"
    )
    report.set(
        "pdf_covers_whole_file",
        found.coverage_problem and f"pdf_covers_whole_file: {found.coverage_problem}",
    )
    report.trusted, report.timestamp = found.trusted, found.timestamp
    _record(report, entries, found.record_sha256)
    _audit(report, entries[manifest.AUDIT], found.audit_head)
    return report
