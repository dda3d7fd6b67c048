"""The CLI contract (cli.md): commands, JSON shapes and exit codes, in real subprocesses."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers.cli import Cli
from tests.helpers.data import case_dicts, to_csv


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path)


def test_version_and_usage_errors(cli: Cli) -> None:
    assert cli("--version").out.startswith("chc-desktop ")
    assert cli("cases", "frobnicate").code == 2
    assert cli("cases", "list", "--status", "nonsense").code == 2


def test_no_profile_exits_3(cli: Cli) -> None:
    result = cli("cases", "list", "--json")
    assert result.code == 3
    assert "profile init" in result.err


def test_profile_init_prints_recovery_code_once_and_uses_keyring(cli: Cli) -> None:
    result = cli.init()
    assert re.fullmatch(r"([0-9A-Z]{5}-){5}[0-9A-Z]{5}\n", result.out)
    assert "write it down" in result.err
    assert cli.keyring_file.exists()
    show = cli("profile", "show", "--json")
    assert show.code == 0
    info = show.json()
    assert info["roles"] == ["assessor"]
    assert info["key_storage"] == "keyring"
    assert info["schema_version"] == "0007"
    assert result.out.strip() not in show.out


def test_init_refuses_bad_role_and_existing_profile(cli: Cli) -> None:
    assert cli("profile", "init", "--name", "X", "--role", "boss").code == 1
    cli.init()
    again = cli("profile", "init", "--name", "X", "--role", "assessor")
    assert again.code == 1
    assert "already exists" in again.err


def test_wrong_passphrase_exits_3(cli: Cli) -> None:
    cli.init()
    result = cli("cases", "list", env={"CHC_DESKTOP_PASSPHRASE": "wrong wrong wrong"})
    assert result.code == 3
    assert "wrong passphrase" in result.err


def test_no_passphrase_without_a_terminal_exits_3(cli: Cli) -> None:
    cli.init()
    result = cli("cases", "list", env={"CHC_DESKTOP_PASSPHRASE": "\0unset"})
    assert result.code == 3
    assert "CHC_DESKTOP_PASSPHRASE" in result.err


def test_missing_keyring_entry_exits_3_and_keeps_the_store(cli: Cli) -> None:
    cli.init()
    store = cli.home / "default" / "store.db"
    before = store.read_bytes()
    cli.keyring_file.unlink()
    result = cli("cases", "list")
    assert result.code == 3
    assert "profile recover" in result.err
    assert store.read_bytes() == before


def test_read_only_profile_folder_exits_3(cli: Cli) -> None:
    if (
        shutil.which("unshare") is None
        or subprocess.run(["unshare", "-rm", "true"], check=False).returncode
    ):
        pytest.skip("user namespaces are not available here")
    cli.init()
    folder = cli.home / "default"
    shell = f'mount --bind -o ro {folder} {folder} && exec "$@"'
    result = cli("cases", "list", prefix=("unshare", "-rm", "sh", "-c", shell, "sh"))
    assert result.code == 3, result.err
    assert "read-only" in result.err or "cannot be opened" in result.err


def test_import_list_and_json_shapes(cli: Cli, tmp_path: Path) -> None:
    cli.init()
    path = tmp_path / "cases.csv"
    path.write_bytes(to_csv(case_dicts(25)))
    dry = cli("cases", "import", str(path), "--dry-run", "--json")
    assert (dry.code, dry.json()["imported"]) == (0, 25)
    assert cli("cases", "list", "--json").json()["total"] == 0
    first = cli("cases", "import", str(path), "--json")
    assert first.code == 0
    assert first.json() == {"imported": 25, "unchanged": 0, "errors": [], "dry_run": False}
    second = cli("cases", "import", str(path), "--json").json()
    assert (second["imported"], second["unchanged"]) == (0, 25)
    listed = cli("cases", "list", "--json").json()
    assert listed["total"] == 25
    case = listed["cases"][0]
    assert set(case) == {
        "case_ref", "case_type", "status", "place", "referrer", "received", "due", "days_left",
        "assigned_to",
    }  # fmt: skip
    with_ids = cli("cases", "list", "--json", "--with-identifiers").json()["cases"][0]
    assert {"name", "nhs_number"} <= set(with_ids)
    human = cli("cases", "list", "--search", "fakename3")
    assert "TEST-000003" in human.out


def test_bad_import_exits_1_with_every_error_and_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    cli.init()
    rows = case_dicts(5)
    rows[1]["nhs_number"] = "9434765918"
    rows[3]["given_name"] = "=cmd|' /C calc'!A0"
    path = tmp_path / "bad.csv"
    path.write_bytes(to_csv(rows))
    result = cli("cases", "import", str(path), "--json")
    assert result.code == 1
    errors = result.json()["errors"]
    assert [(e["line"], e["field"]) for e in errors] == [(3, "nhs_number"), (5, "given_name")]
    human = cli("cases", "import", str(path))
    assert "bad.csv: line 3, nhs_number:" in human.err
    assert "nothing was imported" in human.err
    assert cli("cases", "list", "--json").json()["total"] == 0


def test_missing_and_unreadable_files_exit_1(cli: Cli, tmp_path: Path) -> None:
    cli.init()
    assert "no such file" in cli("cases", "import", str(tmp_path / "nope.csv")).err
    assert cli("cases", "import", str(tmp_path)).code == 1


def test_demo_then_list_without_a_passphrase(cli: Cli) -> None:
    env = {"CHC_DESKTOP_PASSPHRASE": "\0unset"}
    made = cli("demo", "--no-gui", "--cases", "120", env=env)
    assert made.code == 0, made.err
    assert "demo-only-not-secret" in made.err
    listed = cli("cases", "list", "--json", env=env)
    assert listed.code == 0, listed.err
    doc = listed.json()
    assert doc["total"] == 120
    assert any(c["days_left"] is not None and c["days_left"] < 0 for c in doc["cases"])
    again = cli("demo", "--no-gui", env=env)
    assert (again.code, "already exists" in again.err) == (0, True)


def test_recover_after_keyring_reset(cli: Cli) -> None:
    code = cli.init().out.strip()
    cli.keyring_file.unlink()
    assert cli("cases", "list").code == 3
    wrong = cli("profile", "recover", env={"CHC_DESKTOP_RECOVERY_CODE": "AAAAA-" * 5 + "AAAAA"})
    assert (wrong.code, "does not open" in wrong.err) == (1, True)
    typed = code.lower().replace("-", " ")
    fixed = cli("profile", "recover", env={"CHC_DESKTOP_RECOVERY_CODE": typed})
    assert fixed.code == 0, fixed.err
    assert cli("cases", "list", "--json").json()["total"] == 0
