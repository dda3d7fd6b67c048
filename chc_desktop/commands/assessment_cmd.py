"""``assessment new|import|set|show|export``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from chc_desktop.commands.checks_cmd import read_json
from chc_desktop.commands.session import opened, signing_passphrase
from chc_desktop.services.errors import InvalidInput

if TYPE_CHECKING:
    from chc_desktop.services.assessments import Assessment

KINDS = ("checklist", "dst", "fast-track", "review")


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``assessment`` and its subcommands."""
    parser = sub.add_parser("assessment", help="start, import, edit and read assessments")
    asub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    new = asub.add_parser("new", help="start an assessment for a case; prints its id")
    new.add_argument("case_ref")
    new.add_argument("--kind", required=True, choices=KINDS)
    new.add_argument("--json", action="store_true", help="print JSON on stdout")
    new.set_defaults(func=run_new)
    imp = asub.add_parser("import", help="load a whole assessment file as a draft (all or nothing)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--case", dest="case_ref", help="attach to this case instead of the file's")
    imp.add_argument("--json", action="store_true", help="print JSON on stdout")
    imp.set_defaults(func=run_import)
    put = asub.add_parser("set", help="set one domain's level (or Checklist answer) and evidence")
    put.add_argument("id")
    put.add_argument("--domain", required=True)
    put.add_argument("--level", required=True, help="a level code, or A/B/C for a Checklist")
    put.add_argument("--evidence")
    put.set_defaults(func=run_set)
    show = asub.add_parser("show", help="print an assessment")
    show.add_argument("id")
    show.add_argument("--json", action="store_true", help="print JSON on stdout")
    show.set_defaults(func=run_show)
    sign = asub.add_parser("sign", help="sign and freeze an assessment (asks the passphrase again)")
    sign.add_argument("id")
    sign.add_argument("--meaning", required=True, help='e.g. "Assessed and recorded by me"')
    sign.set_defaults(func=run_sign)
    amend = asub.add_parser("amend", help="new draft version of a signed assessment")
    amend.add_argument("id")
    amend.add_argument("--reason", required=True)
    amend.add_argument("--json", action="store_true", help="print JSON on stdout")
    amend.set_defaults(func=run_amend)
    exp = asub.add_parser("export", help="write an assessment as chc-assessment JSON")
    exp.add_argument("id")
    exp.add_argument("-o", "--output", required=True, type=Path)
    exp.set_defaults(func=run_export)


def run_new(args: argparse.Namespace) -> int:
    from chc_desktop.services import assessments

    with opened(args) as profile:
        info = assessments.new(profile, args.case_ref, args.kind)
    print(json.dumps(info.as_json(), indent=2) if args.json else info.id)
    return 0


def run_import(args: argparse.Namespace) -> int:
    from chc_desktop.services import assessments

    doc = read_json(args.file)
    with opened(args) as profile:
        try:
            info = assessments.import_document(profile, doc, args.case_ref)
        except InvalidInput as exc:
            lines = "\n".join(f"{args.file}: {line}" for line in str(exc).splitlines())
            raise InvalidInput(f"{lines}\nnothing was imported") from None
    print(json.dumps(info.as_json(), indent=2) if args.json else info.id)
    return 0


def run_set(args: argparse.Namespace) -> int:
    from chc_desktop.services import assessments

    with opened(args) as profile:
        assessments.set_domain(profile, args.id, args.domain, args.level, args.evidence)
    print(f"saved {args.domain} = {args.level}", file=sys.stderr)
    return 0


def _read(args: argparse.Namespace) -> Assessment:
    from chc_desktop.services import assessments

    with opened(args) as profile:
        return assessments.get(profile, args.id)


def run_show(args: argparse.Namespace) -> int:
    from chc_desktop.domain.assessment_doc import to_document
    from chc_desktop.services.assessment_text import describe

    found = _read(args)
    if args.json:
        info = found.info
        doc = to_document(found.doc) | {
            "assessment_id": info.id, "status": info.status, "assessment_version": info.version,
        }  # fmt: skip
        print(json.dumps(doc, indent=2))
    else:
        print(describe(found))
    return 0


def run_export(args: argparse.Namespace) -> int:
    from chc_desktop.domain.assessment_doc import to_document
    from chc_desktop.services.file_output import write_atomic

    found = _read(args)
    text = json.dumps(to_document(found.doc), indent=2, sort_keys=True) + "\n"
    write_atomic(args.output, text.encode("utf-8"))
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def run_sign(args: argparse.Namespace) -> int:
    from chc_desktop.services import signing

    with opened(args) as profile:
        signed = signing.sign(profile, args.id, args.meaning, signing_passphrase(profile))
    print(f"signed at {signed.signed_at}; record sha256 {signed.record_sha256}", file=sys.stderr)
    return 0


def run_amend(args: argparse.Namespace) -> int:
    from chc_desktop.services import signing

    with opened(args) as profile:
        info = signing.amend(profile, args.id, args.reason)
    print(json.dumps(info.as_json(), indent=2) if args.json else info.id)
    return 0
