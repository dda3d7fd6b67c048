"""``demo`` and ``gui``: the commands that may open the window."""

from __future__ import annotations

import argparse
import os
import sys

from chc_desktop.commands.session import PASSPHRASE_ENV, home, passphrase_for
from chc_desktop.services.errors import UsageProblem
from chc_desktop.services.profile_files import DEMO_PASSPHRASE, ProfileLocation, check_name, locate

DEFAULT_CASES = 500
DEMO_PROFILE = "demo"


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``demo`` and ``gui``."""
    dem = sub.add_parser("demo", help="create a demo profile with synthetic cases, then open it")
    dem.add_argument("--no-gui", action="store_true", help="only create the profile")
    dem.add_argument("--cases", type=int, default=DEFAULT_CASES, help="how many cases")
    dem.set_defaults(func=run_demo)
    gui = sub.add_parser("gui", help="open the desktop app (the default)")
    add_gui_options(gui)
    gui.set_defaults(func=run_gui)


def add_gui_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by every command that opens the window."""
    parser.add_argument("--no-crash-dialog", action="store_true", help=argparse.SUPPRESS)
    # benchmarks: quit once the window is shown, or once the case list is filled
    parser.add_argument("--quit-when", choices=("shown", "ready"), help=argparse.SUPPRESS)


def run_demo(args: argparse.Namespace) -> int:
    from chc_desktop.services import demo

    if not 0 <= args.cases <= 1_000_000:
        raise UsageProblem("--cases must be between 0 and 1,000,000")
    location = ProfileLocation(home(args), check_name(args.profile or DEMO_PROFILE))
    passphrase = os.environ.get(PASSPHRASE_ENV) or DEMO_PASSPHRASE
    result = demo.ensure_demo(location, passphrase, args.cases)
    if result.created:
        print(
            f"Demo profile created in {location.folder} with {result.cases} synthetic cases.",
            file=sys.stderr,
        )
        if passphrase == DEMO_PASSPHRASE:
            print(f"Demo passphrase: {DEMO_PASSPHRASE}", file=sys.stderr)
        if result.example:
            ref, aid = result.example
            print(
                f"A finished, signed example DST is on case {ref} (assessment {aid}).\n"
                f"Export its review pack with: chc-desktop --home {location.home} "
                f"pack export {aid} -o example.chcpack",
                file=sys.stderr,
            )
    else:
        print(f"Demo profile already exists in {location.folder}; opening it.", file=sys.stderr)
    if args.no_gui:
        return 0
    from chc_desktop.gui.app import run

    return int(run(location, passphrase))


def run_gui(args: argparse.Namespace) -> int:
    location = locate(home(args), args.profile)
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase is None and location.name == DEMO_PROFILE:
        passphrase = passphrase_for(location)
    from chc_desktop.gui.app import run

    return int(
        run(
            location,
            passphrase,
            crash_dialog=not args.no_crash_dialog,
            quit_when=args.quit_when,
        )
    )
