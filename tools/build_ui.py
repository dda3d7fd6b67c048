"""Compile ui/*.ui into chc_desktop/gui/forms/ui_*.py with pyside6-uic (``make ui``).

``--check`` compiles into memory and exits 1 if any generated file is stale.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "ui"
TARGET = ROOT / "chc_desktop" / "gui" / "forms"
HEADER = (
    "# Generated from ui/{name} by `make ui` (pyside6-uic). Do not edit: change the .ui file.\n"
)


def uic() -> str:
    exe = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which(
        "pyside6-uic"
    )
    if exe is None:
        raise SystemExit("pyside6-uic not found; run 'make setup' first")
    return exe


def compile_one(source: Path) -> str:
    out = subprocess.run(
        [uic(), "--no-autoconnection", str(source)], check=True, capture_output=True, text=True
    ).stdout
    return HEADER.format(name=source.name) + out


def targets() -> dict[Path, str]:
    return {TARGET / f"ui_{src.stem}.py": compile_one(src) for src in sorted(SOURCES.glob("*.ui"))}


def main(argv: list[str]) -> int:
    stale = []
    for path, text in targets().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if "--check" in argv:
            stale.append(path.relative_to(ROOT))
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print("stale generated forms (run 'make ui'): " + ", ".join(map(str, stale)))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
