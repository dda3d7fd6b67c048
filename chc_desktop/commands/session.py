"""Getting the passphrase and opening the profile a command works on."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from chc_desktop import logging_setup
from chc_desktop.services.errors import InvalidInput, Unavailable
from chc_desktop.services.profile_files import (
    DEMO_PASSPHRASE,
    ProfileLocation,
    default_home,
    locate,
    read_profile_doc,
)

if TYPE_CHECKING:
    from chc_desktop.services.context import Profile

PASSPHRASE_ENV = "CHC_DESKTOP_PASSPHRASE"


def home(args: argparse.Namespace) -> Path:
    """The home folder from ``--home``, the environment or the platform default."""
    return Path(args.home) if args.home else default_home()


def ask_secret(prompt: str, env_name: str = PASSPHRASE_ENV) -> str:
    """A hidden prompt on the terminal; without one, say which variable to set."""
    if not sys.stdin.isatty():
        raise Unavailable(
            f"{prompt.rstrip(': ').lower()} needed: run in a terminal or set {env_name}"
        )
    return getpass.getpass(prompt)


def ask_passphrase(prompt: str = "Passphrase: ") -> str:
    """From CHC_DESKTOP_PASSPHRASE, else a hidden prompt on the terminal."""
    env = os.environ.get(PASSPHRASE_ENV)
    return env if env is not None else ask_secret(prompt)


def new_passphrase() -> str:
    """A new passphrase, asked twice unless it comes from the environment."""
    env = os.environ.get(PASSPHRASE_ENV)
    if env is not None:
        return env
    first = ask_passphrase("Choose a passphrase: ")
    if getpass.getpass("Type it again: ") != first:
        raise InvalidInput("the two passphrases differ; nothing was created")
    return first


def passphrase_for(location: ProfileLocation, prompt: str = "Passphrase: ") -> str:
    """The demo profile's passphrase is printed and known; others are asked for."""
    if os.environ.get(PASSPHRASE_ENV) is None and read_profile_doc(location).get("demo"):
        return DEMO_PASSPHRASE
    return ask_passphrase(prompt)


def signing_passphrase(profile: Profile) -> str:
    """The passphrase again, for a signature (design.md §3: asked at every signature)."""
    return passphrase_for(profile.location, "Passphrase to sign: ")


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Profile]:
    """The unlocked profile for the length of a command, closed afterwards."""
    profile = open_profile(args)
    try:
        yield profile
    finally:
        profile.close()


def open_profile(args: argparse.Namespace) -> Profile:
    """Locate and unlock the profile named by the global options."""
    from chc_desktop.services import profiles

    location = locate(home(args), args.profile)
    logging_setup.log_to_folder(location.logs)
    return profiles.unlock(location, passphrase_for(location))
