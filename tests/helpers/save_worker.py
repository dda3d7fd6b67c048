"""Child process for the kill -9 test: saves edits one by one and reports each acknowledged save.

Usage: python -m tests.helpers.save_worker HOME PROFILE START ASSESSMENT_ID
Prints "ready" once unlocked. Then, alternately, it imports case KILL-N or writes
"edit N" as the evidence of one DST domain (round robin), printing "ack N" after
each save has returned from the service (committed). Runs until killed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from chc_desktop.domain.dst import DOMAINS
from chc_desktop.services import assessments, cases_import, profiles
from chc_desktop.services.profile_files import ProfileLocation
from tests.helpers.data import TODAY, case_dicts, to_csv

PASSPHRASE = "correct horse battery"
EDITED = ("breathing", "nutrition", "continence", "skin")


def target(n: int) -> str | None:
    """Which domain save ``n`` edits (odd saves), or None for a case import (even saves)."""
    return EDITED[(n // 2) % len(EDITED)] if n % 2 else None


def main(home: str, name: str, start: int, assessment_id: str) -> None:
    profile = profiles.unlock(ProfileLocation(Path(home), name), PASSPHRASE)
    template = case_dicts(1)[0]
    print("ready", flush=True)
    n = start
    while True:
        domain = target(n)
        if domain is None:
            row = dict(template, case_ref=f"KILL-{n:06d}")  # a new case for the same person
            cases_import.import_cases(profile, to_csv([row]), "k.csv", today=TODAY)
        else:
            assert domain in DOMAINS
            assessments.set_domain(profile, assessment_id, domain, "low", f"edit {n}")
        print(f"ack {n}", flush=True)
        n += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4])
