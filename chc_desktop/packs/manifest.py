"""The review pack's entries and its manifest (formats.md, "Review pack")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from chc_desktop.domain.canonical import canonical_json, sha256_hex

FORMAT = "chc-review-pack"
VERSION = 1
MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
PDF, RECORD, AUDIT, SIGNER = "review.pdf", "assessment.json", "audit.jsonl", "signer.pem"
DIGESTED = (PDF, RECORD, AUDIT, SIGNER)
ENTRIES = (MANIFEST, SIGNATURE, *DIGESTED)
RECORD_TAG, HEAD_TAG = "chc-record-sha256:", "chc-audit-head:"  # in review.pdf's Keywords


@dataclass(frozen=True, slots=True)
class PackSigner:
    """Who signed, as the manifest names them."""

    name: str
    role: str
    profession: str | None
    certificate_sha256: str


@dataclass(frozen=True, slots=True)
class PackHeader:
    """Everything in the manifest apart from the file digests."""

    created: str
    app_version: str
    case_ref: str
    assessment_id: str
    assessment_version: int
    signer: PackSigner
    meaning: str
    record_sha256: str
    audit_head: str
    supersedes: str | None
    supersedes_record: str | None = None


def manifest_bytes(header: PackHeader, files: dict[str, bytes]) -> bytes:
    """The canonical manifest.json for ``files`` (which must be exactly the digested entries)."""
    if sorted(files) != sorted(DIGESTED):
        raise ValueError(f"a pack digests exactly {', '.join(DIGESTED)}")
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "created": header.created,
        "app_version": header.app_version,
        "case_ref": header.case_ref,
        "assessment_id": header.assessment_id,
        "assessment_version": header.assessment_version,
        "signer": {
            "name": header.signer.name,
            "role": header.signer.role,
            "profession": header.signer.profession,
            "certificate_sha256": header.signer.certificate_sha256,
        },
        "meaning": header.meaning,
        "files": {name: sha256_hex(files[name]) for name in DIGESTED},
        "record_sha256": header.record_sha256,
        "audit_head": header.audit_head,
        "supersedes": header.supersedes,
        "supersedes_record": header.supersedes_record,
    }
    return canonical_json(doc)


def audit_lines(events: list[dict[str, Any]]) -> bytes:
    """audit.jsonl: one canonical JSON event per line, in chain order."""
    return b"".join(canonical_json(e) + b"\n" for e in events)
