"""No readable personal data anywhere in the profile folder (issue 3, design.md §3)."""

from __future__ import annotations

from pathlib import Path

from chc_desktop.services import cases_import, cases_query
from chc_desktop.services.context import Profile
from tests.helpers.data import TODAY, case_dicts, to_csv

CANARY = "Zqxcanaryvvq"


def encodings(text: str) -> list[bytes]:
    return [text.encode(), text.lower().encode(), text.upper().encode(), text.encode("utf-16-le")]


def scan(folder: Path, needles: list[bytes]) -> list[str]:
    hits = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            hits += [f"{path.name}: {n!r}" for n in needles if n in data]
    return hits


def test_scan_finds_a_plain_canary(tmp_path: Path) -> None:
    (tmp_path / "leak.txt").write_bytes(b"xx" + CANARY.upper().encode() + b"xx")
    assert scan(tmp_path, encodings(CANARY)) == [f"leak.txt: {CANARY.upper().encode()!r}"]


def test_canary_name_and_nhs_number_never_readable_on_disk(profile: Profile) -> None:
    rows = case_dicts(200)
    rows[123]["family_name"] = CANARY
    nhs = rows[123]["nhs_number"]
    folder = profile.location.folder
    held = profile.engine.connect()  # keeps the WAL file alive, as a running app does
    cases_import.import_cases(profile, to_csv(rows), "cases.csv", today=TODAY)
    found = cases_query.list_cases(profile, search=CANARY, today=TODAY)
    assert len(found) == 1
    cases_query.case_detail(profile, found[0].id, TODAY)
    assert (folder / "store.db-wal").stat().st_size > 0
    assert scan(folder, [*encodings(CANARY), nhs.encode()]) == []
    held.close()
    profile.close()
    assert scan(folder, [*encodings(CANARY), nhs.encode()]) == []
    assert scan(profile.location.home.parent, encodings(CANARY)) == []
