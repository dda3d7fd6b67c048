"""An opened, unlocked profile: the handle every service function takes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from chc_desktop.domain.roles import Action, Role, allowed
from chc_desktop.services import audit
from chc_desktop.services.errors import NotPermitted, Unavailable
from chc_desktop.services.profile_files import ProfileLocation
from chc_desktop.store.errors import describe_operational


@contextmanager
def _store_errors() -> Iterator[None]:
    """Disk full, I/O errors and locks become a plain Unavailable (exit 3); nothing was saved."""
    try:
        yield
    except OperationalError as exc:
        raise Unavailable(f"{describe_operational(str(exc.orig))}; nothing was saved") from None


@dataclass(frozen=True, slots=True)
class User:
    """The person who owns the profile."""

    name: str
    roles: tuple[Role, ...]
    profession: str | None

    def role_for(self, action: Action) -> Role | None:
        """The first of the user's roles that permits ``action``."""
        return next((r for r in self.roles if allowed([r], action)), None)


@dataclass(slots=True)
class Profile:
    """An unlocked profile: its folder, engine and user."""

    location: ProfileLocation
    profile_id: str
    engine: Engine
    user: User
    key_storage: str
    key: bytes = field(default=b"", repr=False)  # the store key, for backups only

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A short read-only session."""
        with _store_errors(), Session(self.engine) as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One write transaction (locks up front), committed on success, else rolled back."""
        with (
            _store_errors(),
            Session(self.engine.execution_options(write=True)) as session,
            session.begin(),
        ):
            yield session

    def require(self, action: Action) -> Role:
        """Check the user may perform ``action``; a refusal is audited and raised."""
        role = self.user.role_for(action)
        if role is None:
            with self.writing() as session:
                self.audit(session, f"denied:{action.value}", "profile", role="none")
            raise NotPermitted(
                f"your profile's roles ({', '.join(self.user.roles)}) do not allow {action.value}"
            )
        return role

    def audit(
        self, session: Session, action: str, entity: str, *, role: str, **fields: Any
    ) -> None:
        """Append an audit event as this profile's user."""
        audit.append(
            session, actor=self.user.name, role=role, action=action, entity=entity, **fields
        )

    def close(self) -> None:
        """Release the engine's connections."""
        self.engine.dispose()
