"""Signed assessments and packs for tests (synthetic people only)."""

from __future__ import annotations

from chc_desktop.services import assessments, cases_import, packs, signing
from chc_desktop.services.context import Profile
from tests.helpers import qa_docs
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
