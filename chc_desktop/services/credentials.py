"""Change the passphrase and rotate the recovery code of an open profile (design.md §3).

Changing the passphrase re-hashes it, re-encrypts every signing key and, where
the store key is kept in a passphrase-wrapped file, re-wraps that file. The new
file is written beside the old one first and swapped in after the store
commits; unlocking tries the new file if the old one no longer matches, so a
crash in between never locks anyone out.
"""

from __future__ import annotations

import os

from sqlalchemy import select

from chc_desktop.domain.roles import Action
from chc_desktop.security import identity, secrets
from chc_desktop.services.context import Profile
from chc_desktop.services.errors import InvalidInput
from chc_desktop.services.profile_files import (
    PROFILE_FILE,
    WRAPPED_KEY_FILE,
    read_profile_doc,
    write_json_atomic,
)
from chc_desktop.services.profiles import PASSPHRASE_FILE
from chc_desktop.store import models

PENDING_SUFFIX = ".new"


def _check(profile: Profile, passphrase: str) -> None:
    with profile.reading() as session:
        stored = session.scalars(select(models.ProfileUser.passphrase_hash)).one()
    if not secrets.verify_passphrase(passphrase, stored):
        with profile.writing() as session:
            profile.audit(
                session, "credentials.failed", "profile", role=profile.user.roles[0].value
            )
        raise InvalidInput("wrong passphrase; nothing was changed")


def change_passphrase(profile: Profile, old: str, new: str) -> None:
    """Replace the passphrase everywhere it is used."""
    role = profile.require(Action.CREDENTIALS_CHANGE)
    _check(profile, old)
    problem = secrets.passphrase_problem(new)
    if problem:
        raise InvalidInput(problem)
    wrapped = profile.location.folder / WRAPPED_KEY_FILE
    pending = wrapped.with_name(wrapped.name + PENDING_SUFFIX)
    if profile.key_storage == PASSPHRASE_FILE:
        write_json_atomic(pending, secrets.wrap(profile.key, new, "db-key"))
    with profile.writing() as session:
        user = session.scalars(select(models.ProfileUser)).one()
        user.passphrase_hash = secrets.hash_passphrase(new)
        for row in session.scalars(select(models.SigningIdentity)):
            found = identity.Identity(row.certificate_pem.encode(), row.encrypted_key_pem.encode())
            row.encrypted_key_pem = identity.reencrypt(found, old, new).encrypted_key_pem.decode()
        profile.audit(session, "profile.passphrase.change", "profile", role=role.value)
    if profile.key_storage == PASSPHRASE_FILE:
        os.replace(pending, wrapped)


def new_recovery_code(profile: Profile, passphrase: str) -> str:
    """A fresh recovery code; the old one stops working. Shown once, never stored in clear."""
    role = profile.require(Action.CREDENTIALS_CHANGE)
    _check(profile, passphrase)
    code = secrets.new_recovery_code()
    doc = read_profile_doc(profile.location)
    doc["recovery_wrap"] = secrets.wrap(
        profile.key, secrets.normalise_recovery_code(code), "recovery"
    )
    write_json_atomic(profile.location.folder / PROFILE_FILE, doc)
    with profile.writing() as session:
        profile.audit(session, "profile.recovery_code.rotate", "profile", role=role.value)
    return code


def reauthenticate(profile: Profile, passphrase: str) -> bool:
    """Unlock after an idle lock: True if the passphrase is right; every attempt is audited."""
    role = profile.require(Action.PROFILE_READ)
    with profile.reading() as session:
        stored = session.scalars(select(models.ProfileUser.passphrase_hash)).one()
    ok = secrets.verify_passphrase(passphrase, stored)
    with profile.writing() as session:
        action = "lock.unlock" if ok else "lock.unlock.failed"
        profile.audit(session, action, "profile", role=role.value)
    return ok


def retry_delay(failures: int) -> float:
    """Seconds to wait before the next attempt: none for the first two, then doubling to a minute."""
    return 0.0 if failures < 3 else float(min(60, 2 ** (failures - 2)))
