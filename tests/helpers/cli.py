"""Run the real ``chc-desktop`` CLI in a subprocess with a private keyring and home."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PASSPHRASE = "correct horse battery"


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


class Cli:
    """``cli("cases", "list")`` runs ``python -m chc_desktop --home HOME cases list``."""

    def __init__(self, tmp: Path) -> None:
        self.home = tmp / "home"
        self.env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("CHC_DESKTOP_", "PYTHON_KEYRING"))
        }
        self.env.update(
            {
                "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
                "XDG_DATA_HOME": str(tmp / "xdg-data"),
                "XDG_STATE_HOME": str(tmp / "xdg-state"),
                "CHC_DESKTOP_PASSPHRASE": PASSPHRASE,
            }
        )

    @property
    def keyring_file(self) -> Path:
        return Path(self.env["XDG_DATA_HOME"]) / "python_keyring" / "keyring_pass.cfg"

    def __call__(
        self,
        *args: str,
        env: dict[str, str] | None = None,
        prefix: tuple[str, ...] = (),
        cwd: Path | None = None,
    ) -> Result:
        full_env = {**self.env, **(env or {})}
        full_env = {k: v for k, v in full_env.items() if v is not None and v != "\0unset"}
        proc = subprocess.run(
            [*prefix, sys.executable, "-m", "chc_desktop", "--home", str(self.home), *args],
            capture_output=True,
            text=True,
            env=full_env,
            stdin=subprocess.DEVNULL,
            timeout=120,
            check=False,
            cwd=cwd,
        )
        return Result(proc.returncode, proc.stdout, proc.stderr)

    def init(self, role: str = "assessor") -> Result:
        result = self("profile", "init", "--name", "Test Assessor", "--role", role)
        assert result.code == 0, result.err
        return result
