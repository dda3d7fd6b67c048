"""Build the demo profile: synthetic cases only, with a passphrase that is printed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from importlib import resources

from chc_desktop.domain.roles import Role
from chc_desktop.domain.synthetic import DemoParams, generate
from chc_desktop.services import cases_import, profiles
from chc_desktop.services.context import Profile
from chc_desktop.services.profile_files import (
    PROFILE_FILE,
    ProfileLocation,
    read_profile_doc,
    write_json_atomic,
)


def load_params() -> DemoParams:
    """Read resources/demo/params.json."""
    path = resources.files("chc_desktop.resources") / "demo" / "params.json"
    return DemoParams.from_json(json.loads(path.read_text(encoding="utf-8")))


@dataclass(frozen=True, slots=True)
class DemoResult:
    """What ``demo`` did."""

    location: ProfileLocation
    created: bool
    cases: int
    recovery_code: str | None


def ensure_demo(
    location: ProfileLocation, passphrase: str, cases: int, today: date | None = None
) -> DemoResult:
    """Create the demo profile with ``cases`` synthetic cases, unless it already exists."""
    if (location.folder / PROFILE_FILE).exists():
        return DemoResult(location, False, 0, None)
    created = profiles.create(
        location,
        name="Demo Assessor",
        roles=[Role.ASSESSOR, Role.QA_LEAD, Role.TRAINER],
        profession="nurse",
        passphrase=passphrase,
    )
    doc = read_profile_doc(location)
    doc["demo"] = True
    write_json_atomic(location.folder / PROFILE_FILE, doc)
    profile = profiles.unlock(location, passphrase)
    try:
        added = add_demo_cases(profile, cases, today or date.today())
    finally:
        profile.close()
    return DemoResult(location, True, added, created.recovery_code)


def add_demo_cases(profile: Profile, count: int, today: date) -> int:
    """Store ``count`` generated cases in ``profile``."""
    generated = generate(load_params(), count, today)
    return cases_import.store_records(
        profile, ((c.record, c.status) for c in generated), "demo.generate"
    )
