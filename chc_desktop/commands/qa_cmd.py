"""``qa check`` and ``qa acknowledge``."""

from __future__ import annotations

import argparse
import json
import sys

from chc_desktop.commands.session import opened
from chc_desktop.services.errors import UsageProblem


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``qa`` and its subcommands."""
    parser = sub.add_parser("qa", help="the built-in QA checklist")
    qsub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    chk = qsub.add_parser("check", help="list findings; exit 1 if any is blocking")
    chk.add_argument("id")
    chk.add_argument("--json", action="store_true", help="print JSON on stdout")
    chk.set_defaults(func=run_check)
    ack = qsub.add_parser("acknowledge", help="accept warnings with a justification")
    ack.add_argument("id")
    ack.add_argument("rules", nargs="*", metavar="RULE")
    ack.add_argument("--all-warnings", action="store_true", help="every open warning")
    ack.add_argument("--justification", required=True, help="why the warnings are accepted")
    ack.set_defaults(func=run_acknowledge)


def run_check(args: argparse.Namespace) -> int:
    from chc_desktop.services import qa

    with opened(args) as profile:
        report = qa.check(profile, args.id)
    if report.local_problem:
        print(f"warning: {report.local_problem}", file=sys.stderr)
    if args.json:
        print(json.dumps(report.as_json(), indent=2))
    else:
        for f in report.findings:
            mark = " (acknowledged)" if report.is_acknowledged(f) else ""
            print(f"{f.severity.value:<8} {f.rule:<32} {f.target:<24} {f.message}{mark}")
        print(
            f"{len(report.blocking)} blocking, {len(report.open_warnings)} warning(s) to acknowledge",
            file=sys.stderr,
        )
    return 1 if report.blocking else 0


def run_acknowledge(args: argparse.Namespace) -> int:
    from chc_desktop.services import qa

    if bool(args.rules) == bool(args.all_warnings):
        raise UsageProblem("name the RULE(s) to acknowledge, or pass --all-warnings (not both)")
    with opened(args) as profile:
        count = qa.acknowledge(
            profile, args.id, None if args.all_warnings else args.rules, args.justification
        )
    print(f"acknowledged {count} warning(s)", file=sys.stderr)
    return 0
