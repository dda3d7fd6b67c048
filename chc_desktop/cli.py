"""Command-line interface (cli.md): a thin layer over services.

Exit codes: 0 success; 1 the answer is no; 2 usage error; 3 the store cannot
be opened; 4 unexpected internal error (the traceback goes to a log file).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Sequence

from chc_desktop import __version__, logging_setup
from chc_desktop.commands import (
    assessment_cmd,
    audit_cmd,
    backup_cmd,
    cases_cmd,
    checks_cmd,
    demo_cmd,
    pack_cmd,
    profile_cmd,
    qa_cmd,
)
from chc_desktop.services.errors import ServiceError

log = logging.getLogger("chc.cli")


def build_parser() -> argparse.ArgumentParser:
    """The whole command tree."""
    parser = argparse.ArgumentParser(
        prog="chc-desktop",
        description="CHC Desktop: offline NHS Continuing Healthcare assessments.",
    )
    parser.add_argument(
        "--home", metavar="DIR", help="folder holding profiles (env CHC_DESKTOP_HOME)"
    )
    parser.add_argument(
        "--profile", metavar="NAME", help="which profile, when the home holds several"
    )
    parser.add_argument("--version", action="version", version=f"chc-desktop {__version__}")
    parser.add_argument("--verbose", action="store_true", help="log to stderr too")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo_cmd.add_parser(sub)
    profile_cmd.add_parser(sub)
    cases_cmd.add_parser(sub)
    checks_cmd.add_parser(sub)
    assessment_cmd.add_parser(sub)
    qa_cmd.add_parser(sub)
    pack_cmd.add_parser(sub)
    audit_cmd.add_parser(sub)
    backup_cmd.add_parser(sub)
    demo_cmd.add_gui_options(parser)
    parser.set_defaults(func=demo_cmd.run_gui)
    return parser


def _internal_error(exc: BaseException) -> int:
    folder = logging_setup.fallback_log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "crash.log"
        with open(path, "a", encoding="utf-8") as fh:
            fh.write("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
        where = f"; details in {path}"
    except OSError:
        where = ""
    log.error("internal error: %s", type(exc).__name__)
    print(f"chc-desktop: internal error ({type(exc).__name__}){where}", file=sys.stderr)
    return 4


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging_setup.configure(args.verbose)
    try:
        return int(args.func(args))
    except ServiceError as exc:
        print(f"chc-desktop: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        # The reader went away (e.g. piped into head); say nothing more.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print("chc-desktop: cancelled; nothing more was written", file=sys.stderr)
        return 1
    except Exception as exc:
        return _internal_error(exc)
