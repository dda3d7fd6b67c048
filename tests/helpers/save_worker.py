"""Child process for the kill -9 test: saves edits one by one and reports each acknowledged save.

Usage: python -m tests.helpers.save_worker HOME PROFILE START
Prints "ready" once unlocked, then "ack N" after each save of case KILL-N has
returned from the service (committed). Runs until killed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from chc_desktop.services import cases_import, profiles
from chc_desktop.services.profile_files import ProfileLocation
from tests.helpers.data import TODAY, case_dicts, to_csv

PASSPHRASE = "correct horse battery"


def main(home: str, name: str, start: int) -> None:
    profile = profiles.unlock(ProfileLocation(Path(home), name), PASSPHRASE)
    template = case_dicts(1)[0]
    print("ready", flush=True)
    n = start
    while True:
        row = dict(template, case_ref=f"KILL-{n:06d}")  # a new case for the same person
        cases_import.import_cases(profile, to_csv([row]), "k.csv", today=TODAY)
        print(f"ack {n}", flush=True)
        n += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
