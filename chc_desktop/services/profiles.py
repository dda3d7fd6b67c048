"""Create, unlock and recover profiles (design.md §3).

The database key is random. One copy lives in the OS keyring, or, where no
usable keyring exists, in a file wrapped by the passphrase; a second copy is
wrapped by the recovery code inside profile.json. The passphrase itself is
kept only as a slow hash inside the encrypted store.
"""

from __future__ import annotations

import contextlib
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from chc_desktop.domain.roles import Action, Role
from chc_desktop.security import identity, secrets
from chc_desktop.security.keystore import KeyringUnavailable, KeyStore
from chc_desktop.services import audit, backups, failed_unlocks
from chc_desktop.services.audit import utc_now
from chc_desktop.services.context import Profile, User
from chc_desktop.services.errors import (
    InvalidInput,
    NeedsRecovery,
    StoreDamaged,
    Unavailable,
    WrongPassphrase,
)
from chc_desktop.services.profile_files import (
    PROFILE_FILE,
    PROFILE_FORMAT,
    PROFILE_VERSION,
    WRAPPED_KEY_FILE,
    ProfileLocation,
    new_folder,
    private_files,
    read_json,
    read_profile_doc,
    write_json_atomic,
)
from chc_desktop.store import migrate
from chc_desktop.store.engine import STORE_FILE, integrity_ok, open_engine
from chc_desktop.store.errors import StoreCorrupt, StoreError, WrongKey
from chc_desktop.store.models import ProfileUser, SigningIdentity

KEYRING = "keyring"
PASSPHRASE_FILE = "passphrase-file"
NO_KEYRING_NOTICE = (
    "No usable OS keyring was found on this machine, so the store's key is kept in "
    "{path}, encrypted with your passphrase. Keep your recovery code safe: it is the "
    "only other way in."
)


@dataclass(frozen=True, slots=True)
class Created:
    """Result of creating a profile; the recovery code is shown once and never stored."""

    location: ProfileLocation
    recovery_code: str
    key_storage: str
    notice: str | None


def create(
    location: ProfileLocation,
    *,
    name: str,
    roles: list[Role],
    profession: str | None,
    passphrase: str,
    keystore: KeyStore | None = None,
) -> Created:
    """Create the profile folder, key, store and first user; undo everything on failure."""
    problem = secrets.passphrase_problem(passphrase)
    if problem:
        raise InvalidInput(problem)
    if not name.strip() or not roles:
        raise InvalidInput("a profile needs a name and at least one role")
    new_folder(location)
    keystore = keystore or KeyStore()
    profile_id = str(uuid.uuid4())
    key = secrets.new_db_key()
    code = secrets.new_recovery_code()
    folder = location.folder
    created: list[Path] = []
    try:
        storage, notice = _store_key(
            keystore,
            profile_id=profile_id,
            key=key,
            passphrase=passphrase,
            folder=folder,
            created=created,
        )
        with private_files():  # SQLite gives -wal/-shm the same mode as the store
            engine = open_engine(folder / STORE_FILE, key, create=True)
        created.append(folder / STORE_FILE)
        try:
            migrate.upgrade(engine)
            _add_user(engine, name, roles, profession, passphrase)
        finally:
            engine.dispose()
        write_json_atomic(
            folder / PROFILE_FILE,
            {
                "format": PROFILE_FORMAT,
                "version": PROFILE_VERSION,
                "id": profile_id,
                "created": audit.utc_now(),
                "key_storage": storage,
                "keyring_backend": keystore.backend_name if storage == KEYRING else None,
                "recovery_wrap": secrets.wrap(
                    key, secrets.normalise_recovery_code(code), "recovery"
                ),
            },
        )
    except BaseException:
        _undo(created, folder, keystore, profile_id)
        raise
    return Created(location, code, storage, notice)


def _store_key(
    keystore: KeyStore,
    *,
    profile_id: str,
    key: bytes,
    passphrase: str,
    folder: Path,
    created: list[Path],
) -> tuple[str, str | None]:
    if keystore.usable():
        try:
            keystore.put(profile_id, key)
            return KEYRING, None
        except KeyringUnavailable:
            pass
    path = folder / WRAPPED_KEY_FILE
    write_json_atomic(path, secrets.wrap(key, passphrase, "db-key"))
    created.append(path)
    return PASSPHRASE_FILE, NO_KEYRING_NOTICE.format(path=path)


def _add_user(
    engine: Engine, name: str, roles: list[Role], profession: str | None, passphrase: str
) -> None:
    signer = identity.create(name.strip(), profession, passphrase)
    with Session(engine) as session, session.begin():
        session.add(
            SigningIdentity(
                id=1,
                certificate_pem=signer.certificate_pem.decode("ascii"),
                encrypted_key_pem=signer.encrypted_key_pem.decode("ascii"),
                fingerprint=signer.fingerprint,
                created_at=audit.utc_now(),
            )
        )
        session.add(
            ProfileUser(
                id=1,
                name=name.strip(),
                roles=",".join(r.value for r in roles),
                profession=profession,
                passphrase_hash=secrets.hash_passphrase(passphrase),
                created_at=audit.utc_now(),
            )
        )
        audit.append(
            session,
            actor=name.strip(),
            role=roles[0].value,
            action="profile.init",
            entity="profile",
        )


def _undo(created: list[Path], folder: Path, keystore: KeyStore, profile_id: str) -> None:
    for path in created:
        for extra in ("", "-wal", "-shm"):
            path.with_name(path.name + extra).unlink(missing_ok=True)
    with contextlib.suppress(KeyringUnavailable):
        keystore.delete(profile_id)
    for sub in ("logs", "backups", "outbox"):
        with contextlib.suppress(OSError):
            (folder / sub).rmdir()
    with contextlib.suppress(OSError):
        folder.rmdir()


def store_key(
    doc: dict[str, object], location: ProfileLocation, passphrase: str, keystore: KeyStore
) -> bytes:
    """The store's key from the keyring or the passphrase-wrapped file; Unavailable if not."""
    profile_id = str(doc.get("id"))
    if doc.get("key_storage") == PASSPHRASE_FILE:
        return _unwrap_file(location, passphrase)
    try:
        key = keystore.get(profile_id)
    except KeyringUnavailable as exc:
        raise NeedsRecovery(
            f"the OS keyring cannot be read ({exc}); unlock it, or run 'profile recover' "
            "with your recovery code"
        ) from None
    if key is None:
        raise NeedsRecovery(
            "the OS keyring has no key for this profile (it may have been reset, or this is "
            "another machine); run 'profile recover' with your recovery code"
        )
    return key


def _unwrap_file(location: ProfileLocation, passphrase: str) -> bytes:
    """The key from the passphrase-wrapped file, or from one left by an interrupted change."""
    path = location.folder / WRAPPED_KEY_FILE
    pending = path.with_name(path.name + ".new")
    try:
        return secrets.unwrap(read_json(path), passphrase, "db-key")
    except secrets.WrongSecret:
        if not pending.exists():
            raise WrongPassphrase from None
    try:
        return secrets.unwrap(read_json(pending), passphrase, "db-key")
    except secrets.WrongSecret:
        raise WrongPassphrase from None


def _settle_pending(location: ProfileLocation, passphrase: str) -> None:
    """After a good unlock: finish (or drop) a passphrase change interrupted by a crash."""
    path = location.folder / WRAPPED_KEY_FILE
    pending = path.with_name(path.name + ".new")
    if not pending.exists():
        return
    try:
        secrets.unwrap(read_json(pending), passphrase, "db-key")
    except (secrets.WrongSecret, Unavailable):
        pending.unlink()  # written for a change that never committed
        return
    pending.replace(path)  # the change had committed in the store


def unlock(location: ProfileLocation, passphrase: str, keystore: KeyStore | None = None) -> Profile:
    """Open and unlock an existing profile; every failure is Unavailable (exit 3)."""
    doc = read_profile_doc(location)
    keystore = keystore or KeyStore()
    try:
        key = store_key(doc, location, passphrase, keystore)
    except WrongPassphrase:  # the store cannot be written yet: note it for later
        failed_unlocks.note(location)
        raise
    engine = _open_sound(location, key)
    try:
        migrate.upgrade(
            engine, before=lambda: backups.write(location, engine, key, "before-migration")
        )
    except StoreError as exc:
        engine.dispose()
        raise Unavailable(str(exc)) from None
    with Session(engine) as session:
        row = session.scalars(select(ProfileUser)).one()
        user = User(row.name, tuple(Role(r) for r in row.roles.split(",")), row.profession)
        ok = secrets.verify_passphrase(passphrase, row.passphrase_hash)
    profile = Profile(location, str(doc["id"]), engine, user, str(doc["key_storage"]), key)
    with profile.writing() as session:
        for at in failed_unlocks.take(location):
            profile.audit(
                session, "unlock.failed", "profile", role=user.roles[0].value,
                detail={"at": at, "recorded": "before the store could be opened"},
            )  # fmt: skip
        action = "unlock" if ok else "unlock.failed"
        profile.audit(session, action, "profile", role=user.roles[0].value)
    if not ok:
        profile.close()
        raise WrongPassphrase
    if profile.key_storage == PASSPHRASE_FILE:
        _settle_pending(location, passphrase)
    return profile


def _open_sound(location: ProfileLocation, key: bytes) -> Engine:
    """The store's engine, after SQLite's and SQLCipher's integrity checks pass.

    A damaged store is moved aside (never deleted or overwritten) and the newest
    good backup is named, so nothing wrong is ever shown as a record.
    """
    store = location.folder / STORE_FILE
    try:
        engine = open_engine(store, key)
    except WrongKey:
        if backups.newest_good(location, key) is None:
            raise NeedsRecovery(
                "the key for this profile does not open its store; run 'profile recover' with "
                "your recovery code"
            ) from None
        engine = None  # the key opens a backup, so it is right and the store is damaged
    except StoreCorrupt:
        engine = None
    except StoreError as exc:
        raise Unavailable(str(exc)) from None
    if engine is not None and integrity_ok(engine):
        return engine
    if engine is not None:
        engine.dispose()
    aside = store.with_name(f"{STORE_FILE}.damaged-{utc_now().replace(':', '')}")
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{store}{suffix}").exists():
            Path(f"{store}{suffix}").rename(f"{aside}{suffix}")
    good = backups.newest_good(location, key)
    hint = (
        f"restore the newest good backup with 'backup restore {good}'"
        if good
        else "no good backup was found; contact your IT service desk"
    )
    raise StoreDamaged(f"the store is damaged and was moved aside to {aside.name}; {hint}", good)


def schema_version(profile: Profile) -> str | None:
    """The store's schema revision (for ``profile show``)."""
    return migrate.current_revision(profile.engine)


def recover(
    location: ProfileLocation, code: str, passphrase: str, keystore: KeyStore | None = None
) -> str:
    """Re-key from the recovery code after the keyring lost the key; returns the key storage.

    The code unwraps the copy of the key in profile.json; the passphrase must
    still match the one inside the store. Nothing else changes.
    """
    doc = read_profile_doc(location)
    keystore = keystore or KeyStore()
    try:
        key = secrets.unwrap(
            doc["recovery_wrap"], secrets.normalise_recovery_code(code), "recovery"
        )
    except (secrets.WrongSecret, KeyError):
        raise InvalidInput(
            "that recovery code does not open this profile; nothing was changed"
        ) from None
    try:
        engine = open_engine(location.folder / STORE_FILE, key)
    except StoreError as exc:
        raise Unavailable(str(exc)) from None
    try:
        with Session(engine) as session:
            row = session.scalars(select(ProfileUser)).one()
        if not secrets.verify_passphrase(passphrase, row.passphrase_hash):
            raise InvalidInput("wrong passphrase; nothing was changed")
        created: list[Path] = []
        storage, _ = _store_key(
            keystore, profile_id=str(doc["id"]), key=key, passphrase=passphrase,
            folder=location.folder, created=created,
        )  # fmt: skip
        if storage == KEYRING:
            (location.folder / WRAPPED_KEY_FILE).unlink(missing_ok=True)
        doc["key_storage"] = storage
        doc["keyring_backend"] = keystore.backend_name if storage == KEYRING else None
        write_json_atomic(location.folder / PROFILE_FILE, doc)
        with Session(engine.execution_options(write=True)) as session, session.begin():
            audit.append(
                session, actor=row.name, role=row.roles.split(",")[0], action="profile.recover",
                entity="profile", detail={"key_storage": storage},
            )  # fmt: skip
    finally:
        engine.dispose()
    return storage


def certificate_fingerprint(profile: Profile) -> str | None:
    """SHA-256 of the profile's signing certificate (for ``profile show``)."""
    profile.require(Action.PROFILE_READ)
    with profile.reading() as session:
        return session.scalar(
            select(SigningIdentity.fingerprint).order_by(SigningIdentity.id.desc()).limit(1)
        )
