"""Project rules that keep the architecture honest: layering, generated forms, packaging."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "chc_desktop"


def imports_of(folder: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in folder.rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
        found[str(path.relative_to(ROOT))] = names
    return found


@pytest.mark.parametrize(
    ("layer", "forbidden"),
    [
        (
            "domain",
            (
                "PySide6",
                "sqlalchemy",
                "alembic",
                "sqlcipher3",
                "keyring",
                "chc_desktop.store",
                "chc_desktop.services",
                "chc_desktop.gui",
            ),
        ),
        ("store", ("PySide6", "chc_desktop.services", "chc_desktop.gui")),
        ("security", ("PySide6", "chc_desktop.services", "chc_desktop.gui")),
        ("services", ("PySide6", "chc_desktop.gui")),
        ("gui", ("chc_desktop.store", "sqlalchemy")),
        ("commands", ("PySide6", "chc_desktop.store", "sqlalchemy")),
    ],
)
def test_layers_import_only_downwards(layer: str, forbidden: tuple[str, ...]) -> None:
    bad = {
        path: sorted(n for n in names if n.startswith(forbidden))
        for path, names in imports_of(PACKAGE / layer).items()
    }
    assert {p: n for p, n in bad.items() if n} == {}


@pytest.mark.parametrize("tool", ["build_ui.py", "qa_rules_doc.py"])
def test_generated_files_are_current(tool: str) -> None:
    """Compiled forms and docs/qa-rules.md match their sources (``make ui``, ``make docs``)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / tool), "--check"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_forms_say_do_not_edit() -> None:
    for path in (PACKAGE / "gui" / "forms").glob("ui_*.py"):
        assert "Do not edit" in path.read_text().splitlines()[0]


def test_every_package_is_listed_for_the_wheel() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in PACKAGE.rglob("__init__.py")} | {
        "chc_desktop.migrations",
        "chc_desktop.migrations.versions",
        "chc_desktop.resources",
    }
    assert listed == on_disk


def test_ci_runs_make_test() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text()
