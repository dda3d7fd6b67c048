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


def test_full_workflow_leaves_no_canary_outside_explicit_exports(tmp_path: Path) -> None:
    """Import, assess, QA, sign, export, verify, back up, audit; then scan every file written."""
    import json

    from tests.helpers import qa_docs
    from tests.helpers.cli import Cli

    private_tmp = tmp_path / "tmpdir"
    private_tmp.mkdir()
    cli = Cli(tmp_path)
    cli.env["TMPDIR"] = str(private_tmp)
    cli.init()
    rows = case_dicts(30)
    rows[7]["family_name"] = CANARY
    nhs = rows[7]["nhs_number"]
    (tmp_path / "cases.csv").write_bytes(to_csv(rows))
    doc = qa_docs.clean_dst()
    doc["case_ref"] = rows[7]["case_ref"]
    doc["domains"]["cognition"]["evidence"] += f" Seen by {CANARY} family (test)."
    (tmp_path / "dst.json").write_text(json.dumps(doc), encoding="utf-8")
    exports = tmp_path / "exports"
    exports.mkdir()
    steps = [
        ("cases", "import", str(tmp_path / "cases.csv")),
        ("cases", "list", "--search", CANARY, "--with-identifiers", "--json"),
    ]
    for step in steps:
        assert cli(*step).code == 0
    aid = cli("assessment", "import", str(tmp_path / "dst.json")).out.strip()
    for step in [
        ("qa", "check", aid),
        ("assessment", "sign", aid, "--meaning", "Assessed and recorded by me"),
        ("pack", "export", aid, "-o", str(exports / "case.chcpack")),
        ("pack", "verify", str(exports / "case.chcpack")),
        ("assessment", "export", aid, "-o", str(exports / "case.json")),
        ("backup", "create"),
        ("backup", "verify"),
        ("audit", "verify"),
    ]:
        res = cli(*step)
        assert res.code == 0, (step, res.err)
    (tmp_path / "cases.csv").unlink()  # the user's own input files are not the app's
    (tmp_path / "dst.json").unlink()
    needles = [*encodings(CANARY), nhs.encode()]
    written = [p for p in tmp_path.iterdir() if p != exports]
    assert sum(len(list(p.rglob("*"))) for p in written if p.is_dir()) > 5
    hits = [h for folder in written for h in scan(folder, needles)]
    assert hits == [], hits
    assert scan(exports, [CANARY.encode()]) != []  # control: the explicit export does hold it
