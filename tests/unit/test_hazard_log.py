"""The hazard log names only tests that exist, and every hazard has at least one."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOG = ROOT / "docs" / "safety" / "hazard-log.md"
TEST_ID = re.compile(r"`(tests/[\w/]+\.py)::(\w+)`")


def _defined(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}


def test_every_named_test_exists() -> None:
    text = LOG.read_text(encoding="utf-8")
    named = TEST_ID.findall(text)
    assert len(named) >= 20
    missing = [
        f"{f}::{t}" for f, t in named if not (ROOT / f).is_file() or t not in _defined(ROOT / f)
    ]
    assert missing == []


def test_every_hazard_has_a_control_with_tests() -> None:
    text = LOG.read_text(encoding="utf-8")
    hazards = set(re.findall(r"^\| (H\d\d) \| [^|]+ \| [^|]+ \| [^|]+ \|$", text, re.MULTILINE))
    controlled = {
        m.group(1) for m in re.finditer(r"^\| (H\d\d) \| .*`tests/.*$", text, re.MULTILINE)
    }
    assert len(hazards) >= 15 and hazards == controlled
