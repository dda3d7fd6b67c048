"""``profile init``, ``recover`` and ``show`` (identity and trust live in identity_cmd)."""

from __future__ import annotations

import argparse
import json
import os
import sys

from chc_desktop.commands import credentials_cmd, identity_cmd
from chc_desktop.commands.session import (
    ask_passphrase,
    ask_secret,
    home,
    new_passphrase,
    opened,
)
from chc_desktop.domain.roles import parse_roles
from chc_desktop.services.errors import InvalidInput
from chc_desktop.services.profile_files import DEFAULT_PROFILE, ProfileLocation, check_name, locate


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``profile`` and its subcommands."""
    parser = sub.add_parser("profile", help="create or show a profile")
    psub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    init = psub.add_parser("init", help="create a profile and print its recovery code once")
    init.add_argument("--name", required=True, help="your name as it appears on signatures")
    init.add_argument("--role", required=True, help="assessor, qa-lead, trainer (comma-separated)")
    init.add_argument("--profession", help="e.g. nurse, social_worker")
    init.set_defaults(func=run_init)
    recover = psub.add_parser(
        "recover", help="re-key the keyring from the recovery code (CHC_DESKTOP_RECOVERY_CODE)"
    )
    recover.set_defaults(func=run_recover)
    show = psub.add_parser("show", help="name, roles, store path, schema version")
    show.add_argument("--json", action="store_true", help="print JSON on stdout")
    show.set_defaults(func=run_show)
    identity_cmd.add_actions(psub)
    credentials_cmd.add_actions(psub)


def run_init(args: argparse.Namespace) -> int:
    from chc_desktop.services import profiles

    try:
        roles = parse_roles(args.role)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None
    location = ProfileLocation(home(args), check_name(args.profile or DEFAULT_PROFILE))
    created = profiles.create(
        location,
        name=args.name,
        roles=roles,
        profession=args.profession,
        passphrase=new_passphrase(),
    )
    if created.notice:
        print(f"Notice: {created.notice}", file=sys.stderr)
    print(f"Profile created in {location.folder}", file=sys.stderr)
    print("Recovery code (write it down now; it will not be shown again):", file=sys.stderr)
    print(created.recovery_code)
    return 0


def run_recover(args: argparse.Namespace) -> int:
    from chc_desktop.services import profiles

    location = locate(home(args), args.profile)
    code = os.environ.get("CHC_DESKTOP_RECOVERY_CODE") or ask_secret(
        "Recovery code: ", "CHC_DESKTOP_RECOVERY_CODE"
    )
    storage = profiles.recover(location, code, ask_passphrase())
    where = "the OS keyring" if storage == profiles.KEYRING else "a file wrapped by your passphrase"
    print(f"Recovered: the store's key is back in {where}.", file=sys.stderr)
    return 0


def run_show(args: argparse.Namespace) -> int:
    from chc_desktop.services import profiles

    with opened(args) as profile:
        info = {
            "name": profile.user.name,
            "roles": [r.value for r in profile.user.roles],
            "profession": profile.user.profession,
            "profile": profile.location.name,
            "store_path": str(profile.location.folder / "store.db"),
            "schema_version": profiles.schema_version(profile),
            "key_storage": profile.key_storage,
            "certificate_sha256": profiles.certificate_fingerprint(profile),
        }
    if args.json:
        print(json.dumps(info, indent=2))
    else:
        for key, value in info.items():
            print(f"{key:>18}: {value if value is not None else '-'}")
    return 0
