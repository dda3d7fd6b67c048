"""Shared helpers for the benchmarks: environment, timing, and one-line reports."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PASSPHRASE = "benchmark passphrase"


def env(tmp: Path) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if not k.startswith("CHC_DESKTOP_")}
    out.update(
        CHC_DESKTOP_PASSPHRASE=PASSPHRASE,
        PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring",
        XDG_DATA_HOME=str(tmp / "xdg"),
        XDG_STATE_HOME=str(tmp / "xdg-state"),
    )
    return out


def until_mark(cmd: list[str], environ: dict[str, str], runs: int) -> float:
    """Median time from spawning ``cmd`` to its ``chc-mark`` line (after one warm-up run)."""
    times = []
    for i in range(runs + 1):
        start = time.time()
        proc = subprocess.run(cmd, env=environ, check=True, capture_output=True, text=True)
        mark = next(ln for ln in proc.stderr.splitlines() if ln.startswith("chc-mark"))
        if i:
            times.append(float(mark.split()[2]) - start)
    return statistics.median(times)


def line(label: str, ours: float, base: float, unit: str = "s", goal: str = "") -> None:
    scale = 1000 if unit == "ms" else 1
    unit_fmt = "9.1f" if unit == "ms" else "9.3f"
    print(
        f"  {label:<44} {ours * scale:{unit_fmt}} {unit}  baseline {base * scale:{unit_fmt}} {unit}"
        f"  ratio {ours / base:6.2f}x  {goal}"
    )


def timed(fn: Callable[[], None]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start
