"""Service failures, each carrying the CLI exit code it maps to (cli.md)."""

from __future__ import annotations


class ServiceError(Exception):
    """Base class; the message is plain English and says what to do."""

    exit_code = 4


class InvalidInput(ServiceError):
    """The request was understood but the answer is no (bad input, nothing written)."""

    exit_code = 1


class NotPermitted(ServiceError):
    """The profile's roles do not allow this action."""

    exit_code = 1


class UsageProblem(ServiceError):
    """The command was asked in a way that cannot be carried out (like a usage error)."""

    exit_code = 2


class Unavailable(ServiceError):
    """The store cannot be opened: wrong passphrase, missing key, locked, newer schema."""

    exit_code = 3


class WrongPassphrase(Unavailable):
    """The passphrase does not open the profile."""

    def __init__(self, message: str = "wrong passphrase") -> None:
        super().__init__(message)


class NeedsRecovery(Unavailable):
    """The store key is missing, unreadable or wrong here: the recovery code puts it back."""


class StoreDamaged(Unavailable):
    """The store failed its integrity checks and was moved aside; a good backup may be named."""

    def __init__(self, message: str, good_backup: str | None) -> None:
        super().__init__(message)
        self.good_backup = good_backup


class Cancelled(ServiceError):
    """The user cancelled a long job; its transaction was rolled back, nothing was written."""

    exit_code = 1
