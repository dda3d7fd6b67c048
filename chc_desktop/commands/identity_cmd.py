"""``profile import-identity`` and ``profile trust``: signing certificates and trusted roots."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from chc_desktop.commands.session import ask_secret, opened, signing_passphrase
from chc_desktop.services.errors import InvalidInput

P12_PASSWORD_ENV = "CHC_DESKTOP_P12_PASSWORD"


def add_actions(psub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the subcommands under ``profile``."""
    imp = psub.add_parser(
        "import-identity",
        help=f"sign with a PKCS#12 issued by your organisation's CA (password: prompt or {P12_PASSWORD_ENV})",
    )
    imp.add_argument("file", type=Path, metavar="FILE.p12")
    imp.set_defaults(func=run_import)
    trust = psub.add_parser(
        "trust", help="trust pack signers chaining to these certificates; lists them"
    )
    trust.add_argument("files", nargs="*", type=Path, metavar="CERT.pem")
    trust.add_argument("--json", action="store_true", help="print JSON on stdout")
    trust.set_defaults(func=run_trust)


def run_import(args: argparse.Namespace) -> int:
    from chc_desktop.services import signing_identity

    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"{args.file}: cannot be read ({exc.strerror})") from None
    password = os.environ.get(P12_PASSWORD_ENV)
    if password is None:
        password = ask_secret("Password of the PKCS#12 file: ", P12_PASSWORD_ENV)
    with opened(args) as profile:
        found = signing_identity.import_pkcs12(profile, data, password, signing_passphrase(profile))
    subject = found.certificate.subject.rfc4514_string()
    print(f"now signing as {subject} (certificate sha256 {found.fingerprint})", file=sys.stderr)
    return 0


def run_trust(args: argparse.Namespace) -> int:
    from chc_desktop.services import trust

    with opened(args) as profile:
        added = [root for path in args.files for root in trust.add(profile, _read(path), str(path))]
        listed = trust.listed(profile)
    if args.json:
        rows = [
            {"fingerprint": r.fingerprint, "subject": r.subject, "added": r.added_at}
            for r in listed
        ]
        print(json.dumps({"trusted_roots": rows}, indent=2))
    else:
        for root in listed:
            print(f"{root.fingerprint}  {root.subject}")
    print(f"{len(added)} added; {len(listed)} trusted root(s)", file=sys.stderr)
    return 0


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"{path}: cannot be read ({exc.strerror})") from None
