"""Write a file the user asked for, atomically: all of it at the final path, or nothing."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from chc_desktop.services.errors import InvalidInput


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temp file beside ``path``, fsync, rename into place; tidy up on failure."""
    folder = path.parent
    if not folder.is_dir():
        raise InvalidInput(f"{path}: the folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise InvalidInput(f"{path}: cannot be written ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise InvalidInput(
            f"{path}: cannot be written ({exc.strerror}); nothing was saved"
        ) from None
    with contextlib.suppress(OSError):  # make the rename itself durable where the OS allows
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
