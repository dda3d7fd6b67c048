"""``cases import`` and ``cases list``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from chc_desktop.commands.files import read_input
from chc_desktop.commands.progress import TerminalProgress
from chc_desktop.commands.session import opened
from chc_desktop.domain.cases import CaseStatus

if TYPE_CHECKING:
    from chc_desktop.services.cases_import import ImportOutcome

_SHOWN_ERRORS = 200


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``cases`` and its subcommands."""
    parser = sub.add_parser("cases", help="import and list assigned cases")
    csub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    imp = csub.add_parser("import", help="import cases from CSV or JSON (all or nothing)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    imp.add_argument("--json", action="store_true", help="print JSON on stdout")
    imp.set_defaults(func=run_import)
    lst = csub.add_parser("list", help="list cases with due dates and status")
    lst.add_argument("--status", choices=[s.value for s in CaseStatus])
    lst.add_argument("--search", help="text in reference, name or NHS number")
    lst.add_argument(
        "--with-identifiers", action="store_true", help="include names and NHS numbers"
    )
    lst.add_argument("--json", action="store_true", help="print JSON on stdout")
    lst.set_defaults(func=run_list)


def _read(path: Path) -> bytes:
    from chc_desktop.domain.case_import import MAX_FILE_BYTES

    return read_input(path, MAX_FILE_BYTES)


def run_import(args: argparse.Namespace) -> int:
    from chc_desktop.services import cases_import

    data = _read(args.file)
    bar = TerminalProgress(enabled=False if args.json else None)
    with opened(args) as profile:
        try:
            outcome = cases_import.import_cases(
                profile, data, args.file.name, dry_run=args.dry_run, progress=bar
            )
        finally:
            bar.finish()
    if args.json:
        doc = {
            "imported": outcome.imported,
            "unchanged": outcome.unchanged,
            "errors": [p.as_dict() for p in outcome.problems],
            "dry_run": outcome.dry_run,
        }
        print(json.dumps(doc, indent=2))
    else:
        _report(args.file, outcome)
    return 0 if outcome.ok else 1


def _report(path: Path, outcome: ImportOutcome) -> None:
    if outcome.problems:
        for problem in outcome.problems[:_SHOWN_ERRORS]:
            print(f"{path}: {problem.where()}: {problem.message}", file=sys.stderr)
        extra = len(outcome.problems) - _SHOWN_ERRORS
        if extra > 0:
            print(f"... and {extra} more (use --json for all)", file=sys.stderr)
        print(
            f"{len(outcome.problems)} problem(s); nothing was imported. Fix the file and retry.",
            file=sys.stderr,
        )
        return
    verb = "would import" if outcome.dry_run else "imported"
    print(
        f"{verb} {outcome.imported} case(s); {outcome.unchanged} already stored unchanged",
        file=sys.stderr,
    )


def run_list(args: argparse.Namespace) -> int:
    from chc_desktop.services import cases_query

    with opened(args) as profile:
        rows = cases_query.list_cases(profile, status=args.status, search=args.search)
    if args.json:
        doc = {"total": len(rows), "cases": [r.as_json(args.with_identifiers) for r in rows]}
        print(json.dumps(doc, indent=2))
        return 0
    header = f"{'REF':<16} {'TYPE':<16} {'STATUS':<12} {'DUE':<10} {'LEFT':>5}  PLACE"
    print(header)
    for r in rows:
        left = "-" if r.days_left is None else str(r.days_left)
        line = f"{r.case_ref:<16} {r.case_type:<16} {r.status:<12} {r.due.isoformat():<10} {left:>5}  {r.place}"
        if args.with_identifiers:
            line += f"  {r.name}  {r.nhs_number}"
        print(line)
    print(f"{len(rows)} case(s)", file=sys.stderr)
    return 0
