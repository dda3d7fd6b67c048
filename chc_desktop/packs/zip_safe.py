"""Read a review pack's zip entirely in memory, refusing anything unsafe before decompressing.

Nothing is ever extracted to disk. Before any entry is inflated the reader
checks the entry count, names (no directories, links, absolute or ``..``
paths, duplicates), declared sizes and the compression ratio; while inflating
it stops at the declared size, so a lying header cannot blow up memory.
"""

from __future__ import annotations

import io
import stat
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass

MAX_ENTRIES = 16
MAX_ENTRY_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 128 * 1024 * 1024
MAX_RATIO = 100
CHUNK = 64 * 1024


class UnsafeZip(ValueError):
    """The file is not a zip we are willing to read; the message says why."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds applied before anything is decompressed."""

    entries: int = MAX_ENTRIES
    entry_bytes: int = MAX_ENTRY_BYTES
    total_bytes: int = MAX_TOTAL_BYTES
    ratio: int = MAX_RATIO


def _check_name(info: zipfile.ZipInfo) -> None:
    name = info.filename
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        raise UnsafeZip(f"entry {name!r} has an absolute path")
    if ".." in parts:
        raise UnsafeZip(f"entry {name!r} climbs out of the pack with '..'")
    if info.is_dir() or len(parts) > 1:
        raise UnsafeZip(f"entry {name!r} is in a folder; packs hold no folders")
    if stat.S_ISLNK(info.external_attr >> 16):
        raise UnsafeZip(f"entry {name!r} is a link; packs hold no links")


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits) -> bytes:
    out = bytearray()
    with archive.open(info) as stream:
        while chunk := stream.read(CHUNK):
            out += chunk
            if len(out) > min(info.file_size, limits.entry_bytes):
                raise UnsafeZip(f"entry {info.filename!r} is larger than its header says")
    return bytes(out)


def read_entries(data: bytes, limits: Limits = Limits()) -> Mapping[str, bytes]:
    """All entries by name; raises UnsafeZip with the first problem found."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnsafeZip(f"not a readable zip file ({exc})") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.entries:
            raise UnsafeZip(f"{len(infos)} entries; a pack holds at most {limits.entries}")
        seen: set[str] = set()
        total = 0
        for info in infos:
            _check_name(info)
            if info.filename in seen:
                raise UnsafeZip(f"entry {info.filename!r} appears twice")
            seen.add(info.filename)
            if info.flag_bits & 0x1:
                raise UnsafeZip(f"entry {info.filename!r} is encrypted")
            if info.file_size > limits.entry_bytes:
                raise UnsafeZip(f"entry {info.filename!r} would unpack to {info.file_size} bytes")
            if (
                info.file_size > limits.ratio * max(info.compress_size, 1)
                and info.file_size > CHUNK
            ):
                raise UnsafeZip(
                    f"entry {info.filename!r} is compressed more than {limits.ratio}:1 (a zip bomb?)"
                )
            total += info.file_size
            if total > limits.total_bytes:
                raise UnsafeZip(f"the entries would unpack to more than {limits.total_bytes} bytes")
        try:
            return {info.filename: _inflate(archive, info, limits) for info in infos}
        except (
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            EOFError,
            ValueError,
            NotImplementedError,
        ) as exc:
            raise UnsafeZip(f"an entry cannot be read ({exc})") from None


def write_entries(entries: Mapping[str, bytes]) -> bytes:
    """A deflated zip of ``entries`` in the given order (plain files, fixed timestamps)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            archive.writestr(info, content)
    return out.getvalue()
