"""kill -9 at random moments while a child saves (case imports and DST edits): afterwards the store passes its integrity
checks, the audit chain is intact, and every acknowledged save is there.

Rounds: CHC_KILL_ROUNDS (default 100; ``make soak`` runs more).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from chc_desktop.services import assessments, audit_verify, cases_import, profiles
from chc_desktop.services.profile_files import ProfileLocation
from chc_desktop.store.engine import integrity_ok
from chc_desktop.store.models import Case
from tests.conftest import PASSPHRASE
from tests.helpers.data import TODAY, case_dicts, to_csv
from tests.helpers.save_worker import EDITED, target

ROUNDS = int(os.environ.get("CHC_KILL_ROUNDS", "100"))
ROOT = Path(__file__).resolve().parents[2]


def _round(location: ProfileLocation, start: int, rng: random.Random, aid: str) -> list[int]:
    """Start a saver, kill -9 it at a random moment; return the saves it acknowledged."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.save_worker", str(location.home), location.name,
         str(start), aid],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    time.sleep(rng.uniform(0.0, 0.25))
    child.send_signal(signal.SIGKILL)
    out, _ = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL
    return [int(line.split()[1]) for line in out.splitlines() if line.startswith("ack ")]


def test_no_acknowledged_save_is_lost_to_kill_9(location: ProfileLocation) -> None:
    profile = profiles.unlock(location, PASSPHRASE)
    cases_import.import_cases(profile, to_csv(case_dicts(1)), "c.csv", today=TODAY)
    aid = assessments.new(profile, "TEST-000001", "dst").id
    profile.close()
    rng = random.Random(20261124)
    acked: list[int] = []
    start = 1
    for _ in range(ROUNDS):
        done = _round(location, start, rng, aid)
        acked += done
        start = (max(done) if done else start) + 2  # skip the one that may have been in flight
    profile = profiles.unlock(location, PASSPHRASE)
    try:
        assert integrity_ok(profile.engine)
        assert audit_verify.verify(profile).valid
        with profile.reading() as session:
            stored = set(session.scalars(select(Case.case_ref).where(Case.case_ref.like("KILL-%"))))
        evidence = {
            code: r.evidence for code, r in assessments.get(profile, aid).doc.domains.items()
        }
    finally:
        profile.close()
    missing = [n for n in acked if target(n) is None and f"KILL-{n:06d}" not in stored]
    assert missing == [], f"{len(missing)} acknowledged case imports lost"
    for domain in EDITED:  # an edit overwrites the last: the newest acknowledged one must be there
        last = max((n for n in acked if target(n) == domain), default=None)
        if last is not None:
            saved = int((evidence.get(domain) or "edit 0").split()[1])
            assert saved >= last, f"{domain}: acknowledged edit {last} lost (store has {saved})"
    assert len(acked) > ROUNDS  # the kills really landed mid-run, after some saves
    print(f"kill -9 rounds survived: {ROUNDS}; acknowledged saves checked: {len(acked)}")
