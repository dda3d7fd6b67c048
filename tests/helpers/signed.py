"""Signed assessments and packs for tests (synthetic people only)."""

from __future__ import annotations

import json
from pathlib import Path

from chc_desktop.services import assessments, backups, cases_import, packs, profiles, signing
from chc_desktop.services.context import Profile
from chc_desktop.services.profile_files import ProfileLocation
from tests.helpers import qa_docs
from tests.helpers.cli import Cli
from tests.helpers.data import TODAY, case_dicts, to_csv

PASSPHRASE = "correct horse battery"
MEANING = "Assessed and recorded by me"


def ready_dst(profile: Profile, case_ref: str = "TEST-000001") -> str:
    """A DST that passes QA, on a freshly imported case; returns its id."""
    cases_import.import_cases(profile, to_csv(case_dicts(3)), "c.csv", today=TODAY)
    return assessments.import_document(profile, qa_docs.clean_dst(), case_ref=case_ref).id


def signed_dst(profile: Profile, case_ref: str = "TEST-000001") -> str:
    """A signed DST; returns its id."""
    aid = ready_dst(profile, case_ref)
    signing.sign(profile, aid, MEANING, PASSPHRASE)
    return aid


def pack_of(profile: Profile, assessment_id: str) -> bytes:
    """A review pack's bytes, built in memory."""
    return packs.build(profile, assessment_id, PASSPHRASE)[0]


def signed_by_cli(cli: Cli, tmp_path: Path, cases: int = 2) -> str:
    """A new CLI profile with ``cases`` cases and a signed DST on the first; returns its id."""
    cli.init()
    csv = tmp_path / "c.csv"
    csv.write_bytes(to_csv(case_dicts(cases)))
    assert cli("cases", "import", str(csv)).code == 0
    doc = tmp_path / "a.json"
    doc.write_text(json.dumps(qa_docs.clean_dst()), encoding="utf-8")
    aid = cli("assessment", "import", str(doc)).out.strip()
    assert cli("assessment", "sign", aid, "--meaning", MEANING).code == 0
    return aid


def backed_up_signed_dst(location: ProfileLocation) -> backups.BackupInfo:
    """Unlock, sign a DST, take a backup, close; returns the backup."""
    profile = profiles.unlock(location, PASSPHRASE)
    try:
        signed_dst(profile)
        return backups.create(profile)
    finally:
        profile.close()
