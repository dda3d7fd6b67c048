"""Signing freezes a version behind the QA gate; amending makes a new version; CLI exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from chc_desktop.services import assessments, cases_import, signing
from chc_desktop.services.context import Profile
from chc_desktop.services.errors import InvalidInput
from chc_desktop.store.models import AuditEvent
from tests.conftest import PASSPHRASE
from tests.helpers import qa_docs
from tests.helpers.cli import Cli
from tests.helpers.data import TODAY, case_dicts, to_csv

MEANING = "Assessed and recorded by me"


@pytest.fixture
def ready(profile: Profile) -> tuple[Profile, str]:
    cases_import.import_cases(profile, to_csv(case_dicts(2)), "c.csv", today=TODAY)
    return profile, assessments.import_document(profile, qa_docs.clean_dst()).id


def test_sign_freezes_and_verifies(ready: tuple[Profile, str]) -> None:
    profile, aid = ready
    signed = signing.sign(profile, aid, MEANING, PASSPHRASE)
    assert signed.record_sha256 == signing.record_digest(profile, aid)
    assert assessments.get(profile, aid).info.status == "signed"
    assert signing.verify_record(profile, aid)
    with pytest.raises(InvalidInput, match="is signed; amend it"):
        assessments.update(profile, aid, "domain:skin", "level", "moderate")
    with pytest.raises(InvalidInput, match="cannot be signed"):
        signing.sign(profile, aid, MEANING, PASSPHRASE)


def test_sign_refused_with_wrong_passphrase_or_blocking_findings(
    ready: tuple[Profile, str],
) -> None:
    profile, aid = ready
    with pytest.raises(InvalidInput, match="wrong passphrase"):
        signing.sign(profile, aid, MEANING, "not the passphrase")
    with profile.reading() as session:
        last = session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq.desc())).first()
    assert last == "assessment.sign.failed"
    assessments.update(profile, aid, "recommendation", "primary_health_need", None)
    with pytest.raises(InvalidInput, match="cannot sign yet"):
        signing.sign(profile, aid, MEANING, PASSPHRASE)
    assert assessments.get(profile, aid).info.status == "draft"


def test_amend_makes_a_new_version_and_keeps_the_signed_one(ready: tuple[Profile, str]) -> None:
    profile, aid = ready
    signing.sign(profile, aid, MEANING, PASSPHRASE)
    with pytest.raises(InvalidInput, match="say why"):
        signing.amend(profile, aid, "typo")
    new = signing.amend(profile, aid, "Skin level corrected after new wound chart (test)")
    assert (new.version, new.status) == (2, "amended")
    assessments.update(profile, new.id, "domain:skin", "level", "moderate")
    assert assessments.get(profile, aid).doc.domains["skin"].level == "low"
    assert signing.verify_record(profile, aid)
    signing.sign(profile, new.id, MEANING, PASSPHRASE)
    assert [i.version for i in assessments.for_case(profile, 1)] == [2, 1]


def test_cli_sign_and_amend(tmp_path: Path) -> None:
    cli = Cli(tmp_path)
    cli.init()
    cases = tmp_path / "c.csv"
    cases.write_bytes(to_csv(case_dicts(2)))
    cli("cases", "import", str(cases))
    path = tmp_path / "a.json"
    doc = qa_docs.clean_dst()
    doc["recommendation"]["primary_health_need"] = None
    path.write_text(json.dumps(doc))
    aid = cli("assessment", "import", str(path)).out.strip()
    blocked = cli("assessment", "sign", aid, "--meaning", MEANING)
    assert blocked.code == 1
    assert "cannot sign yet" in blocked.err and "recommendation is not recorded" in blocked.err
    doc["recommendation"]["primary_health_need"] = True
    doc["case_ref"] = "TEST-000002"
    path.write_text(json.dumps(doc))
    good = cli("assessment", "import", str(path)).out.strip()
    assert cli("assessment", "sign", good, "--meaning", MEANING).code == 0
    assert cli("assessment", "set", good, "--domain", "skin", "--level", "moderate").code == 1
    amended = cli(
        "assessment", "amend", good, "--reason", "New wound chart received (test)", "--json"
    )
    assert amended.code == 0, amended.err
    assert amended.json()["version"] == 2
