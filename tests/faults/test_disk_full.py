"""Disk full (a file-size limit, like ``ulimit -f``) during save, export and backup: a clear
error, nothing half-written at any final path, the store unchanged, and the next save works."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.cli import Cli, Result
from tests.helpers.data import case_dicts, to_csv
from tests.helpers.signed import signed_by_cli

MEANING = "Assessed and recorded by me"


def limited(cli: Cli, kib: int, *args: str) -> Result:
    """Run the CLI with every file it writes capped at ``kib`` KiB (SIGXFSZ is ignored by Python)."""
    return cli(*args, prefix=("bash", "-c", 'ulimit -f "$0" && exec "$@"', str(kib)))


@pytest.fixture
def ready(tmp_path: Path) -> tuple[Cli, str]:
    cli = Cli(tmp_path)
    return cli, signed_by_cli(cli, tmp_path, cases=20)


def store_state(cli: Cli) -> tuple[int, int]:
    listed = cli("cases", "list", "--json")
    assert listed.code == 0, listed.err
    audit = cli("audit", "verify", "--json")
    assert audit.code == 0, audit.err
    return listed.json()["total"], audit.json()["events"]


def store_kib(cli: Cli) -> int:
    folder = cli.home / "default"
    return max(p.stat().st_size for p in folder.glob("store.db*")) // 1024


def test_disk_full_during_a_save(ready: tuple[Cli, str], tmp_path: Path) -> None:
    cli, _aid = ready
    before = store_state(cli)
    big = tmp_path / "big.csv"
    big.write_bytes(to_csv(case_dicts(3000, prefix="BIG")))
    res = limited(cli, store_kib(cli) + 8, "cases", "import", str(big))
    assert res.code in (1, 3), res.err
    assert "disk" in res.err.lower() and "Traceback" not in res.err
    # only the unlocks were audited: the failed import, then the two checking commands
    assert store_state(cli) == (before[0], before[1] + 3)
    ok = cli("cases", "import", str(big))
    assert ok.code == 0, ok.err
    assert store_state(cli)[0] == before[0] + 3000


def test_disk_full_during_export(ready: tuple[Cli, str], tmp_path: Path) -> None:
    cli, aid = ready
    out = tmp_path / "exports"
    out.mkdir()
    res = limited(cli, 32, "pack", "export", aid, "-o", str(out / "p.chcpack"))  # a pack is ~60 KiB
    assert res.code == 1, res.err
    assert "cannot be written" in res.err and "nothing was saved" in res.err
    assert list(out.iterdir()) == []
    assert cli("pack", "export", aid, "-o", str(out / "p.chcpack")).code == 0
    assert cli("pack", "verify", str(out / "p.chcpack")).code == 0


def test_disk_full_during_backup(ready: tuple[Cli, str]) -> None:
    cli, _aid = ready
    res = limited(cli, store_kib(cli) // 2, "backup", "create")
    assert res.code == 1, res.err
    assert "nothing was kept" in res.err
    folder = cli.home / "default" / "backups"
    assert [p for p in folder.iterdir() if p.suffix in (".db", ".part")] == []
    assert cli("backup", "create").code == 0
    assert cli("backup", "verify").code == 0
