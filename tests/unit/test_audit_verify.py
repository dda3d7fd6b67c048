"""audit verify finds the first broken event after each kind of tampering (done with raw SQL,
as someone holding the store key would, after dropping the append-only triggers)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from chc_desktop.services import audit_verify
from chc_desktop.services.context import Profile
from tests.helpers.cli import Cli
from tests.helpers.signed import signed_dst

UNGUARD = (
    "DROP TRIGGER audit_event_no_update",
    "DROP TRIGGER audit_event_no_delete",
)


def tamper(profile: Profile, *statements: str) -> None:
    with profile.engine.begin() as conn:
        for sql in (*UNGUARD, *statements):
            conn.execute(text(sql))


def _columns(seq: int) -> str:
    return (
        "seq, at, actor, role, action, entity, before_digest, after_digest, reason, detail, "
        f"prev_hash, hash FROM audit_event WHERE seq = {seq}"
    )


CASES: dict[str, tuple[Callable[[int], tuple[str, ...]], Callable[[int], int], str]] = {
    "bit flip": (
        lambda n: (f"UPDATE audit_event SET action = action || 'x' WHERE seq = {n // 2}",),
        lambda n: n // 2, "contents no longer match",
    ),
    "deletion": (
        lambda n: (f"DELETE FROM audit_event WHERE seq = {n // 2}",),
        lambda n: n // 2, "is missing",
    ),
    "insertion": (
        lambda n: (
            f"UPDATE audit_event SET seq = seq + 1000 WHERE seq > {n // 2}",
            f"INSERT INTO audit_event SELECT {n // 2 + 1}, at, actor, role, 'assessment.sign', entity, "
            f"before_digest, after_digest, reason, detail, hash, hash FROM audit_event WHERE seq = {n // 2}",
            f"UPDATE audit_event SET seq = seq - 999 WHERE seq > {n // 2 + 1000}",
        ),
        lambda n: n // 2 + 1, "no longer match",
    ),
    "reordering": (
        lambda n: (
            f"UPDATE audit_event SET seq = -1 WHERE seq = {n // 2}",
            f"UPDATE audit_event SET seq = {n // 2} WHERE seq = {n // 2 + 1}",
            f"UPDATE audit_event SET seq = {n // 2 + 1} WHERE seq = -1",
        ),
        lambda n: n // 2, "does not link",
    ),
    "truncation": (
        lambda n: (f"DELETE FROM audit_event WHERE seq > {n - 3}",),
        lambda n: n - 2, "truncated",
    ),
}  # fmt: skip


def test_an_untouched_chain_is_valid(profile: Profile) -> None:
    signed_dst(profile)
    report = audit_verify.verify(profile)
    assert report.valid and report.events >= 5
    assert report.as_json() == {"valid": True, "events": report.events, "first_bad": None}


@pytest.mark.parametrize("case", sorted(CASES))
def test_tampering_is_found_at_the_first_bad_event(profile: Profile, case: str) -> None:
    signed_dst(profile)
    n = audit_verify.verify(profile).events
    statements, expected_seq, words = CASES[case]
    tamper(profile, *statements(n))
    report = audit_verify.verify(profile)
    assert not report.valid
    assert report.first_bad is not None
    assert report.first_bad[0] == expected_seq(n), report.first_bad
    assert words in report.first_bad[1]


def test_events_added_at_the_end_outside_the_app(profile: Profile) -> None:
    signed_dst(profile)
    n = audit_verify.verify(profile).events
    tamper(
        profile,
        "DROP TRIGGER audit_event_anchor",
        f"INSERT INTO audit_event SELECT {n + 1}, at, actor, role, action, entity, before_digest, "
        f"after_digest, reason, detail, hash, hash FROM audit_event WHERE seq = {n}",
    )
    report = audit_verify.verify(profile)
    assert report.first_bad is not None and report.first_bad[0] == n + 1


def test_cli_audit_verify(tmp_path: Path) -> None:
    cli = Cli(tmp_path)
    cli.init()
    res = cli("audit", "verify", "--json")
    assert res.code == 0, res.err
    assert res.json()["valid"] is True and res.json()["first_bad"] is None
    assert "audit chain intact" in cli("audit", "verify").err
