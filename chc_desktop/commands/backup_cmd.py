"""``backup create|list|verify|restore``."""

from __future__ import annotations

import argparse
import json
import sys

from chc_desktop.commands.session import home, opened, passphrase_for
from chc_desktop.services.profile_files import locate


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``backup`` and its subcommands."""
    parser = sub.add_parser("backup", help="encrypted backups of the profile's store")
    bsub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    bsub.add_parser("create", help="make and verify a backup now").set_defaults(func=run_create)
    lst = bsub.add_parser("list", help="backups, newest first")
    lst.add_argument("--json", action="store_true", help="print JSON on stdout")
    lst.set_defaults(func=run_list)
    ver = bsub.add_parser("verify", help="check one backup (or all); exit 1 if any is bad")
    ver.add_argument("id", nargs="?")
    ver.set_defaults(func=run_verify)
    res = bsub.add_parser("restore", help="put a backup in place; the current store is kept aside")
    res.add_argument("id")
    res.set_defaults(func=run_restore)


def run_create(args: argparse.Namespace) -> int:
    from chc_desktop.services import backups

    with opened(args) as profile:
        info = backups.create(profile)
    print(f"backup {info.id} written and verified ({info.size:,} bytes)", file=sys.stderr)
    print(info.id)
    return 0


def run_list(args: argparse.Namespace) -> int:
    from chc_desktop.services import backups

    found = backups.listed(locate(home(args), args.profile))
    if args.json:
        print(json.dumps({"backups": [b.as_json() for b in found]}, indent=2))
    else:
        for b in found:
            mark = "verified" if b.verified else "NOT VERIFIED"
            print(f"{b.id}  {b.created}  {b.size:>12,} bytes  {mark}  ({b.reason})")
        print(f"{len(found)} backup(s)", file=sys.stderr)
    return 0


def run_verify(args: argparse.Namespace) -> int:
    from chc_desktop.services import backups

    with opened(args) as profile:
        results = backups.verify(profile.location, profile.key, args.id)
    for backup_id, ok in results:
        print(f"{backup_id}: {'ok' if ok else 'DAMAGED (does not pass its integrity check)'}")
    return 0 if all(ok for _id, ok in results) else 1


def run_restore(args: argparse.Namespace) -> int:
    from chc_desktop.services import backup_restore

    location = locate(home(args), args.profile)
    aside = backup_restore.restore(location, passphrase_for(location), args.id)
    kept = f"; the previous store was kept as {aside.name}" if aside else ""
    print(f"restored backup {args.id}{kept}", file=sys.stderr)
    return 0
