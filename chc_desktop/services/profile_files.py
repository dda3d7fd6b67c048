"""Where profiles live and the ``profile.json`` file (no personal data, no clear secrets)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from chc_desktop.services.errors import InvalidInput, Unavailable, UsageProblem

PROFILE_FILE = "profile.json"
WRAPPED_KEY_FILE = "key.wrapped.json"
PROFILE_FORMAT = "chc-profile"
PROFILE_VERSION = 1
DEFAULT_PROFILE = "default"
# The demo profile holds synthetic data only; its passphrase is printed and known.
DEMO_PASSPHRASE = "demo-only-not-secret"
_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")


def default_home() -> Path:
    """``CHC_DESKTOP_HOME`` or the platform's per-user data folder."""
    env = os.environ.get("CHC_DESKTOP_HOME")
    return Path(env) if env else platformdirs.user_data_path("chc-desktop", appauthor=False)


@dataclass(frozen=True, slots=True)
class ProfileLocation:
    """A profile folder inside a home: ``HOME/NAME``."""

    home: Path
    name: str

    @property
    def folder(self) -> Path:
        """The profile folder itself."""
        return self.home / self.name

    @property
    def logs(self) -> Path:
        """Rotating logs (no personal data)."""
        return self.folder / "logs"


def check_name(name: str) -> str:
    """Validate a profile name (lower-case letters, digits, - and _)."""
    if not _NAME.fullmatch(name):
        raise UsageProblem(
            f"profile name {name!r} must be 1-40 lower-case letters, digits, '-' or '_'"
        )
    return name


def profiles_in(home: Path) -> list[str]:
    """Names of the profiles in ``home``."""
    if not home.is_dir():
        return []
    return sorted(p.parent.name for p in home.glob(f"*/{PROFILE_FILE}"))


def locate(home: Path, name: str | None) -> ProfileLocation:
    """Find an existing profile; without a name, the home must hold exactly one."""
    if name is not None:
        location = ProfileLocation(home, check_name(name))
        if not (location.folder / PROFILE_FILE).is_file():
            raise Unavailable(
                f"no profile named {name!r} in {home}; create one with 'profile init' or 'demo'"
            )
        return location
    names = profiles_in(home)
    if not names:
        raise Unavailable(f"no profile in {home}; create one with 'profile init' or 'demo'")
    if len(names) > 1:
        raise UsageProblem(
            f"{home} holds several profiles ({', '.join(names)}); pass --profile NAME"
        )
    return ProfileLocation(home, names[0])


@contextmanager
def private_files() -> Iterator[None]:
    """Create files readable by the owner only (style.md §8)."""
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)


def write_json_atomic(path: Path, doc: dict[str, Any]) -> None:
    """Write to a temp name, fsync, then rename over ``path``."""
    tmp = path.with_name(path.name + ".tmp")
    with private_files(), open(tmp, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, indent=2, sort_keys=True)
        fh.write("\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def read_json(path: Path) -> dict[str, Any]:
    """Read a profile JSON file; a missing or unreadable one is Unavailable."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise Unavailable(f"{path.name} is missing from {path.parent}") from None
    except (OSError, ValueError) as exc:
        raise Unavailable(f"{path} cannot be read ({type(exc).__name__})") from None
    if not isinstance(doc, dict):
        raise Unavailable(f"{path} is not a CHC Desktop profile file")
    return doc


def read_profile_doc(location: ProfileLocation) -> dict[str, Any]:
    """Read and check ``profile.json``."""
    doc = read_json(location.folder / PROFILE_FILE)
    if doc.get("format") != PROFILE_FORMAT:
        raise Unavailable(f"{location.folder / PROFILE_FILE} is not a CHC Desktop profile file")
    if doc.get("version") != PROFILE_VERSION:
        raise Unavailable(
            f"profile format version {doc.get('version')!r} is newer than this app understands"
        )
    return doc


def new_folder(location: ProfileLocation) -> None:
    """Create an empty private profile folder; refuse one that already holds a profile."""
    if (location.folder / PROFILE_FILE).exists() or (location.folder / "store.db").exists():
        raise InvalidInput(f"a profile already exists in {location.folder}; nothing was changed")
    with private_files():
        for sub in ("logs", "backups", "outbox"):
            (location.folder / sub).mkdir(parents=True, exist_ok=True)
