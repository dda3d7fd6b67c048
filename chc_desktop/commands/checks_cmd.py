"""``dst indicators`` and ``checklist evaluate``: pure checks of a file, no profile needed."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from chc_desktop.commands.files import read_input
from chc_desktop.services.errors import InvalidInput

MAX_BYTES = 5 * 1024 * 1024


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``dst`` and ``checklist``."""
    dst = sub.add_parser("dst", help="pure checks of a DST's levels")
    dsub = dst.add_subparsers(dest="action", required=True, metavar="ACTION")
    ind = dsub.add_parser("indicators", help="clear / possible / none, with the reasons")
    ind.add_argument("file", type=Path)
    ind.add_argument("--json", action="store_true", help="print JSON on stdout")
    ind.set_defaults(func=run_indicators)
    chk = sub.add_parser("checklist", help="pure checks of a Checklist")
    csub = chk.add_subparsers(dest="action", required=True, metavar="ACTION")
    ev = csub.add_parser("evaluate", help="whether a full assessment is needed, and why")
    ev.add_argument("file", type=Path)
    ev.add_argument("--json", action="store_true", help="print JSON on stdout")
    ev.set_defaults(func=run_evaluate)


def read_json(path: Path) -> Any:
    """Parse a JSON file, turning every failure into InvalidInput naming the file."""
    data = read_input(path, MAX_BYTES)
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise InvalidInput(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{path}: line {exc.lineno}: not valid JSON ({exc.msg})") from None
    except RecursionError:
        raise InvalidInput(f"{path}: nested too deeply to be an assessment") from None


def refuse(path: Path, problems: list[tuple[str, str]]) -> None:
    """Raise InvalidInput listing every problem with its JSON path."""
    if problems:
        lines = [f"{path}: {where}: {message}" for where, message in problems]
        raise InvalidInput("\n".join(lines))


def run_indicators(args: argparse.Namespace) -> int:
    from chc_desktop.domain.assessment_doc import levels_of
    from chc_desktop.domain.indication import indicate
    from chc_desktop.services.content import load

    levels, problems = levels_of(read_json(args.file))
    refuse(args.file, problems)
    result = indicate(levels, load().thresholds)
    if args.json:
        print(json.dumps(result.as_json(), indent=2))
        return 0
    print(f"Indication: {result.indication.value}")
    for reason in result.reasons:
        print(f"  - {reason}")
    print("Levels: " + ", ".join(f"{k} {v}" for k, v in result.counts.items()))
    if result.missing:
        print(f"No level yet: {', '.join(result.missing)}", file=sys.stderr)
    print("This is a pattern for discussion; the MDT makes the recommendation.", file=sys.stderr)
    return 0


def run_evaluate(args: argparse.Namespace) -> int:
    from chc_desktop.domain.assessment_doc import answers_of
    from chc_desktop.domain.checklist import InvalidAnswer, evaluate

    answers, problems = answers_of(read_json(args.file))
    refuse(args.file, problems)
    try:
        result = evaluate(answers)
    except InvalidAnswer as exc:
        raise InvalidInput(f"{args.file}: {exc}") from None
    if args.json:
        print(json.dumps(result.as_json(), indent=2))
        return 0
    verdict = "needed" if result.full_assessment_needed else "not indicated"
    print(f"Full assessment: {verdict}")
    for reason in result.reasons:
        print(f"  - {reason}")
    print("Answers: " + ", ".join(f"{k} {v}" for k, v in result.counts.items()))
    return 0
