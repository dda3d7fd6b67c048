"""Every service action checks the role, for every role: allowed actions run, denied ones are
refused with NotPermitted before touching data, and each refusal is audited.

Hiding a button is not a permission check: these call the services directly.
"""

from __future__ import annotations

import ast
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from chc_desktop.domain.roles import PERMISSIONS, Action, Role
from chc_desktop.security.keystore import KeyStore
from chc_desktop.services import (
    assessments,
    audit_verify,
    backups,
    cases_import,
    cases_query,
    credentials,
    pack_verify,
    packs,
    profiles,
    qa,
    signing,
    signing_identity,
    trust,
)  # fmt: skip
from chc_desktop.services.context import Profile
from chc_desktop.services.errors import NotPermitted, ServiceError
from chc_desktop.services.profile_files import ProfileLocation
from chc_desktop.store.models import AuditEvent
from tests.conftest import PASSPHRASE
from tests.helpers.data import TODAY, case_dicts, to_csv
from tests.helpers.memory_keyring import MemoryKeyring

NOBODY = "00000000-0000-0000-0000-000000000000"
CALLS: dict[Action, Callable[[Profile], Any]] = {
    Action.CASES_IMPORT: lambda p: cases_import.import_cases(p, to_csv(case_dicts(1)), "c.csv", dry_run=True, today=TODAY),
    Action.CASES_READ: cases_query.case_index,
    Action.ASSESSMENT_EDIT: lambda p: assessments.new(p, "NO-SUCH-CASE", "dst"),
    Action.ASSESSMENT_READ: lambda p: assessments.get(p, NOBODY),
    Action.QA_ACKNOWLEDGE: lambda p: qa.acknowledge(p, NOBODY, None, "role matrix test (test)"),
    Action.ASSESSMENT_SIGN: lambda p: signing.sign(p, NOBODY, "Assessed and recorded by me", PASSPHRASE),
    Action.PROFILE_READ: profiles.certificate_fingerprint,
    Action.PACK_EXPORT: lambda p: packs.build(p, NOBODY, PASSPHRASE),
    Action.PACK_VERIFY: lambda p: pack_verify.record(p, []),
    Action.TRUST_MANAGE: lambda p: trust.add(p, b"not a certificate", "x.pem"),
    Action.IDENTITY_MANAGE: lambda p: signing_identity.import_pkcs12(p, b"", "", "wrong"),
    Action.AUDIT_VERIFY: audit_verify.verify,
    Action.BACKUP: backups.create,
    Action.CREDENTIALS_CHANGE: lambda p: credentials.new_recovery_code(p, "wrong passphrase"),
}  # fmt: skip


@pytest.fixture(scope="module")
def by_role(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[Role, ProfileLocation]]:
    broken = MemoryKeyring()
    broken.broken = True
    made = {}
    for role in Role:
        location = ProfileLocation(tmp_path_factory.mktemp(role.value), "default")
        profiles.create(location, name=f"Only {role.value}", roles=[role], profession=None,
                        passphrase=PASSPHRASE, keystore=KeyStore(broken))  # fmt: skip
        made[role] = location
    yield made


def test_every_action_is_in_the_matrix() -> None:
    assert set(CALLS) == set(Action) == set(PERMISSIONS)


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", list(Action))
def test_role_matrix(
    by_role: dict[Role, ProfileLocation], tmp_path: Path, role: Role, action: Action
) -> None:
    home = tmp_path / "home"
    shutil.copytree(by_role[role].home, home)
    profile = profiles.unlock(ProfileLocation(home, "default"), PASSPHRASE)
    try:
        allowed = role in PERMISSIONS[action]
        try:
            CALLS[action](profile)
            outcome: type[BaseException] | None = None
        except ServiceError as exc:
            outcome = type(exc)
        with profile.reading() as session:
            last = session.scalars(
                select(AuditEvent.action).order_by(AuditEvent.seq.desc())
            ).first()
        if allowed:
            assert outcome is not NotPermitted, f"{role} should be allowed {action}"
        else:
            assert outcome is NotPermitted, f"{role} must be refused {action}"
            assert last == f"denied:{action.value}"
    finally:
        profile.close()


SERVICES = Path(__file__).resolve().parents[2] / "chc_desktop" / "services"
PRE_AUTH = {
    "profiles.py",
    "demo.py",
    "context.py",
    "backups.py",
}  # unlock/create/restore come first


def test_every_service_that_writes_checks_a_role() -> None:
    """A static guard: a public service function that opens a write transaction names an Action."""
    missing = []
    for path in sorted(SERVICES.glob("*.py")):
        if path.name in PRE_AUTH:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                body = ast.unparse(node)
                if ".writing()" in body and ".require(" not in body:
                    missing.append(f"{path.name}:{node.name}")
    assert missing == []
