"""Failed unlocks that happen before the store can be opened (the key itself needs the passphrase).

They are noted in a small private file (times only) and appended to the audit
chain at the next successful unlock, so every failed attempt is on record.
"""

from __future__ import annotations

import contextlib
import json

from chc_desktop.services.audit import utc_now
from chc_desktop.services.profile_files import ProfileLocation, write_json_atomic

FILE = "failed-unlocks.json"
KEEP = 1000  # bounded, so repeated guessing cannot fill the disk


def note(location: ProfileLocation) -> None:
    """Record one failed attempt now."""
    path = location.folder / FILE
    times = _read(location)
    write_json_atomic(path, {"failed": [*times, utc_now()][-KEEP:]})


def take(location: ProfileLocation) -> list[str]:
    """The recorded times, oldest first; the file is removed."""
    times = _read(location)
    with contextlib.suppress(FileNotFoundError):
        (location.folder / FILE).unlink()
    return times


def _read(location: ProfileLocation) -> list[str]:
    try:
        doc = json.loads((location.folder / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    failed = doc.get("failed") if isinstance(doc, dict) else None
    return [t for t in failed if isinstance(t, str)] if isinstance(failed, list) else []
