"""Build the demo profile: synthetic cases only, with a passphrase that is printed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from importlib import resources

from chc_desktop.domain.roles import Role
from chc_desktop.domain.synthetic import DemoParams, case_ref, generate
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
    example: tuple[str, str] | None = None  # (case_ref, assessment id) of the signed example


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
        example = None
        if added:
            ref = case_ref(load_params().ref_prefix, 1, added)
            example = (ref, add_finished_example(profile, passphrase, ref))
    finally:
        profile.close()
    return DemoResult(location, True, added, created.recovery_code, example)


def add_demo_cases(profile: Profile, count: int, today: date) -> int:
    """Store ``count`` generated cases in ``profile``."""
    generated = generate(load_params(), count, today)
    return cases_import.store_records(
        profile, ((c.record, c.status) for c in generated), "demo.generate"
    )


EXAMPLE_MEANING = "Assessed and recorded by me (demo example)"
EXAMPLE_JUSTIFICATION = "Demo example: the delay and setting were agreed with the family (demo)"


def add_finished_example(profile: Profile, passphrase: str, on_case: str) -> str:
    """A complete, QA-clean DST on the first demo case, signed so its pack can be exported."""
    from chc_desktop.services import assessments, qa, signing

    path = resources.files("chc_desktop.resources") / "demo" / "finished_dst.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    info = assessments.import_document(profile, doc, case_ref=on_case)
    if qa.check(profile, info.id).open_warnings:
        qa.acknowledge(profile, info.id, None, EXAMPLE_JUSTIFICATION)
    signing.sign(profile, info.id, EXAMPLE_MEANING, passphrase)
    return info.id
