"""``profile change-passphrase`` and ``profile new-recovery-code``."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from chc_desktop.commands.session import ask_secret, opened, passphrase_for
from chc_desktop.services.errors import InvalidInput

NEW_PASSPHRASE_ENV = "CHC_DESKTOP_NEW_PASSPHRASE"


def add_actions(psub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the subcommands under ``profile``."""
    psub.add_parser(
        "change-passphrase",
        help=f"choose a new passphrase (asked twice, or {NEW_PASSPHRASE_ENV})",
    ).set_defaults(func=run_change)
    psub.add_parser(
        "new-recovery-code", help="replace the recovery code; prints the new one once"
    ).set_defaults(func=run_rotate)


def _new_passphrase() -> str:
    env = os.environ.get(NEW_PASSPHRASE_ENV)
    if env is not None:
        return env
    first = ask_secret("New passphrase: ", NEW_PASSPHRASE_ENV)
    if getpass.getpass("Type it again: ") != first:
        raise InvalidInput("the two passphrases differ; nothing was changed")
    return first


def run_change(args: argparse.Namespace) -> int:
    from chc_desktop.services import credentials

    with opened(args) as profile:
        credentials.change_passphrase(profile, passphrase_for(profile.location), _new_passphrase())
    print("passphrase changed; use the new one from now on", file=sys.stderr)
    return 0


def run_rotate(args: argparse.Namespace) -> int:
    from chc_desktop.services import credentials

    with opened(args) as profile:
        code = credentials.new_recovery_code(profile, passphrase_for(profile.location))
    print("New recovery code (write it down now; the old one no longer works):", file=sys.stderr)
    print(code)
    return 0
