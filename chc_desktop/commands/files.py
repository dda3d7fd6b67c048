"""Read an input file named on the command line, turning every failure into a plain message."""

from __future__ import annotations

from pathlib import Path

from chc_desktop.services.errors import InvalidInput


def read_input(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; InvalidInput naming the file if it is missing, a folder, too big or unreadable."""
    try:
        if path.stat().st_size > max_bytes:
            raise InvalidInput(f"{path}: file is larger than {max_bytes // 2**20} MB")
        return path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InvalidInput(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise InvalidInput(f"{path}: cannot be read ({exc.strerror})") from None
