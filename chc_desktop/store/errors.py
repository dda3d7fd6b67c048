"""Store failures the user can act on, classified from the driver's errors (style.md §9)."""

from __future__ import annotations


class StoreError(Exception):
    """The store cannot be opened or used; the message is plain and says what to do."""


class WrongKey(StoreError):
    """The database key does not open the file (wrong key, or not a CHC store)."""


class SchemaTooNew(StoreError):
    """The database was written by a newer version of the app."""


def describe_operational(message: str) -> str:
    """Turn a SQLite operational error into a plain sentence (no SQL, no parameters)."""
    text = message.lower()
    if "locked" in text or "busy" in text:
        return "the store is in use by another CHC Desktop window or command; close it and retry"
    if "readonly" in text or "read-only" in text:
        return "the profile folder is read-only; check its permissions or disk"
    if "disk is full" in text or "full" in text:
        return "the disk is full; free some space and retry"
    if "unable to open" in text:
        return "the store file cannot be opened; check the profile folder exists and is writable"
    if "malformed" in text or "corrupt" in text:
        return "the store file is damaged; restore it from a backup"
    return "the store could not be used (" + message[:80] + ")"
