"""``pack export`` and ``pack verify``."""

from __future__ import annotations

import argparse
import glob
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from chc_desktop.commands.progress import TerminalProgress
from chc_desktop.commands.session import open_profile, opened, signing_passphrase
from chc_desktop.services.errors import InvalidInput, ServiceError

if TYPE_CHECKING:
    from chc_desktop.packs.verify import PackReport
    from chc_desktop.services.context import Profile


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``pack`` and its subcommands."""
    parser = sub.add_parser("pack", help="signed review packs")
    psub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    exp = psub.add_parser("export", help="build and sign the review pack of a signed version")
    exp.add_argument("id")
    exp.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.chcpack")
    exp.add_argument(
        "--tsa", metavar="URL", help="timestamp authority to use (default: tsa_url in profile.json)"
    )
    exp.set_defaults(func=run_export)
    ver = psub.add_parser("verify", help="verify packs offline; exit 1 if any is invalid")
    ver.add_argument(
        "files", nargs="+", metavar="FILE",
        help="packs, folders (every .chcpack inside) or patterns like *.chcpack",
    )  # fmt: skip
    ver.add_argument(
        "--trust", action="append", type=Path, default=[], metavar="CERT.pem",
        help="trust signers chaining to this certificate (repeatable)",
    )  # fmt: skip
    ver.add_argument("--json", action="store_true", help="print JSON on stdout")
    ver.set_defaults(func=run_verify)


def run_export(args: argparse.Namespace) -> int:
    from chc_desktop.services import packs

    with opened(args) as profile:
        done = packs.export(profile, args.id, signing_passphrase(profile), args.output, args.tsa)
    print(f"wrote {done.path} (manifest sha256 {done.manifest_sha256})", file=sys.stderr)
    if done.timestamp == "added":
        print("the PDF signature carries a timestamp from the timestamp authority", file=sys.stderr)
    elif done.timestamp == "unreachable":
        print(
            "warning: the timestamp authority could not be reached; the pack was signed without "
            "a timestamp. Export it again when online to add one.",
            file=sys.stderr,
        )
    if done.supersedes:
        print(f"it supersedes the pack with manifest sha256 {done.supersedes}", file=sys.stderr)
    return 0


def _profile_or_none(args: argparse.Namespace) -> Profile | None:
    """The profile, when one can be opened; verifying never needs one."""
    try:
        return open_profile(args)
    except ServiceError as exc:
        if args.home or args.profile:
            print(f"note: verifying without a profile ({exc})", file=sys.stderr)
        return None


def _describe(report: PackReport) -> str:
    if report.valid:
        verdict = "VALID, trusted signer" if report.trusted else "VALID, signer not trusted"
    else:
        verdict = "INVALID"
    who = report.signer.get("name") if report.valid else None
    lines = [f"{report.file}: {verdict}" + (f" (signed by {who})" if who else "")]
    lines += [f"  - {problem}" for problem in report.errors]
    return "\n".join(lines)


def expand(names: list[str]) -> list[str]:
    """Folders become the packs inside them; patterns are expanded here, as Windows shells do not."""
    found: list[str] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            found += sorted(str(p) for p in path.glob("*.chcpack"))
        elif not path.exists() and any(c in name for c in "*?["):
            found += sorted(glob.glob(name)) or [name]
        else:
            found.append(name)
    return found


def run_verify(args: argparse.Namespace) -> int:
    from chc_desktop.services import pack_verify, trust

    args.files = expand(args.files)
    if not args.files:
        raise InvalidInput("no packs found to verify")
    roots = pack_verify.read_roots(args.trust)
    profile = _profile_or_none(args)
    try:
        if profile is not None:
            roots += trust.roots(profile)
        bar = TerminalProgress(enabled=None if not args.json else False)
        reports = pack_verify.verify_paths(args.files, roots, progress=bar)
        bar.finish()
        if profile is not None:
            pack_verify.record(profile, reports)
    finally:
        if profile is not None:
            profile.close()
    if args.json:
        print(json.dumps({"packs": [r.as_json() for r in reports]}, indent=2))
    else:
        for report in reports:
            print(_describe(report))
    bad = sum(not r.valid for r in reports)
    print(f"{len(reports) - bad} valid, {bad} invalid", file=sys.stderr)
    return 1 if bad else 0
