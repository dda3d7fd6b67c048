"""Hash chaining of audit events: each event's hash covers the previous one's."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chc_desktop.domain.canonical import canonical_json, sha256_hex

GENESIS = "0" * 64


def event_hash(prev_hash: str, fields: Mapping[str, Any]) -> str:
    """Hash of one event: SHA-256 over the previous hash and the event's canonical JSON."""
    return sha256_hex(prev_hash.encode("ascii") + b"\n" + canonical_json(dict(fields)))
