"""Verify many review packs offline, on every core, with progress; no profile needed.

A profile, when one is open, adds its trusted roots and records each
verification in its audit trail.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from chc_desktop.domain.roles import Action
from chc_desktop.packs import zip_safe
from chc_desktop.packs.verify import CHECKS, FAILED, PackReport, load_certificates, verify_pack
from chc_desktop.services.context import Profile
from chc_desktop.services.errors import InvalidInput

Progress = Callable[[str, int, int], None]
MAX_PACK_BYTES = zip_safe.MAX_TOTAL_BYTES
IN_PROCESS_BELOW = 16  # starting worker processes costs more than a handful of packs


def read_roots(paths: Sequence[Path]) -> list[x509.Certificate]:
    """Certificates from ``--trust`` files; a bad file is InvalidInput naming it."""
    roots: list[x509.Certificate] = []
    for path in paths:
        try:
            roots += load_certificates(path.read_bytes())
        except OSError as exc:
            raise InvalidInput(f"{path}: cannot be read ({exc.strerror})") from None
        except ValueError:
            raise InvalidInput(f"{path}: holds no PEM certificate") from None
    return roots


def _unreadable(path: str, reason: str) -> PackReport:
    report = PackReport(path)
    report.set("zip", f"zip: {reason}")
    return report


def verify_path(path: str, roots_pem: bytes = b"") -> PackReport:
    """Verify one file; unreadable or oversized files fail the zip check with the reason."""
    try:
        size = os.stat(path).st_size
        if size > MAX_PACK_BYTES:
            return _unreadable(
                path, f"the file is {size} bytes; packs are at most {MAX_PACK_BYTES}"
            )
        with open(path, "rb") as fh:
            data = fh.read(MAX_PACK_BYTES + 1)
    except OSError as exc:
        return _unreadable(path, f"the file cannot be read ({exc.strerror})")
    roots = load_certificates(roots_pem) if roots_pem else []
    return verify_pack(path, data, roots)


def verify_paths(
    paths: Sequence[str],
    roots: Sequence[x509.Certificate] = (),
    progress: Progress | None = None,
    workers: int | None = None,
    start_method: str | None = None,
) -> list[PackReport]:
    """Reports in the order of ``paths``; uses every core for more than a few packs.

    ``start_method="spawn"`` gives clean worker processes; the GUI needs it,
    because forking a process that runs Qt threads is unsafe.
    """
    pem = b"".join(c.public_bytes(serialization.Encoding.PEM) for c in roots)
    done: list[PackReport] = []
    workers = workers or os.cpu_count() or 1
    if len(paths) < IN_PROCESS_BELOW or workers == 1:
        for path in paths:
            done.append(verify_path(path, pem))
            if progress:
                progress("verifying", len(done), len(paths))
        return done
    chunk = max(1, min(32, len(paths) // (workers * 8)))
    context = multiprocessing.get_context(start_method)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for report in pool.map(verify_path, paths, [pem] * len(paths), chunksize=chunk):
            done.append(report)
            if progress:
                progress("verifying", len(done), len(paths))
    return done


def record(profile: Profile, reports: Sequence[PackReport]) -> None:
    """Add each verification to the profile's audit trail (no personal data: digests only)."""
    role = profile.require(Action.PACK_VERIFY)
    with profile.writing() as session:
        for report in reports:
            failed = [c for c in CHECKS if report.checks[c] == FAILED]
            digest = report.manifest.get("record_sha256")
            profile.audit(
                session, "pack.verify", f"assessment:{report.manifest.get('assessment_id')}",
                role=role.value, after=digest if isinstance(digest, str) else None,
                detail={"valid": report.valid, "trusted": report.trusted, "failed": failed,
                        "file_sha256": report.file_sha256},
            )  # fmt: skip
