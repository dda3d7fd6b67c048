"""Roles a profile can hold and which actions each may perform."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """Roles from design.md §1."""

    ASSESSOR = "assessor"
    QA_LEAD = "qa-lead"
    TRAINER = "trainer"


class Action(StrEnum):
    """Service actions subject to a permission check."""

    CASES_IMPORT = "cases.import"
    CASES_READ = "cases.read"
    ASSESSMENT_EDIT = "assessment.edit"
    ASSESSMENT_READ = "assessment.read"
    QA_ACKNOWLEDGE = "qa.acknowledge"
    ASSESSMENT_SIGN = "assessment.sign"
    PROFILE_READ = "profile.read"
    PACK_EXPORT = "pack.export"
    PACK_VERIFY = "pack.verify"
    TRUST_MANAGE = "trust.manage"
    IDENTITY_MANAGE = "identity.manage"
    AUDIT_VERIFY = "audit.verify"
    BACKUP = "backup"
    CREDENTIALS_CHANGE = "credentials.change"


PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.CASES_IMPORT: frozenset({Role.ASSESSOR, Role.QA_LEAD}),
    Action.CASES_READ: frozenset({Role.ASSESSOR, Role.QA_LEAD}),
    Action.ASSESSMENT_EDIT: frozenset({Role.ASSESSOR}),
    Action.ASSESSMENT_READ: frozenset({Role.ASSESSOR, Role.QA_LEAD}),
    Action.QA_ACKNOWLEDGE: frozenset({Role.ASSESSOR}),
    Action.ASSESSMENT_SIGN: frozenset({Role.ASSESSOR}),
    Action.PROFILE_READ: frozenset(Role),
    Action.PACK_EXPORT: frozenset({Role.ASSESSOR}),
    Action.PACK_VERIFY: frozenset(Role),
    Action.TRUST_MANAGE: frozenset({Role.ASSESSOR, Role.QA_LEAD}),
    Action.IDENTITY_MANAGE: frozenset(Role),
    Action.AUDIT_VERIFY: frozenset(Role),
    Action.BACKUP: frozenset(Role),
    Action.CREDENTIALS_CHANGE: frozenset(Role),
}


def parse_roles(text: str) -> list[Role]:
    """Parse ``assessor,qa-lead`` into roles; raises ValueError naming the bad one."""
    roles: list[Role] = []
    for part in text.split(","):
        name = part.strip()
        try:
            role = Role(name)
        except ValueError:
            allowed = ", ".join(r.value for r in Role)
            raise ValueError(f"unknown role {name!r}; choose from {allowed}") from None
        if role not in roles:
            roles.append(role)
    return roles


def allowed(roles: list[Role], action: Action) -> bool:
    """True if any of ``roles`` may perform ``action``."""
    return any(r in PERMISSIONS[action] for r in roles)
