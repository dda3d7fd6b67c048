"""``audit verify``: check the audit hash chain."""

from __future__ import annotations

import argparse
import json
import sys

from chc_desktop.commands.session import opened


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``audit`` and its subcommands."""
    parser = sub.add_parser("audit", help="the audit trail")
    asub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    ver = asub.add_parser("verify", help="check the hash chain; exit 1 with the first bad event")
    ver.add_argument("--json", action="store_true", help="print JSON on stdout")
    ver.set_defaults(func=run_verify)


def run_verify(args: argparse.Namespace) -> int:
    from chc_desktop.services import audit_verify

    with opened(args) as profile:
        report = audit_verify.verify(profile)
    if args.json:
        print(json.dumps(report.as_json(), indent=2))
    elif report.first_bad is None:
        print(f"audit chain intact: {report.events} events", file=sys.stderr)
    else:
        seq, reason = report.first_bad
        print(f"audit chain BROKEN at event {seq}: {reason}", file=sys.stderr)
        print(f"{report.events} events before it check out", file=sys.stderr)
    return 0 if report.valid else 1
