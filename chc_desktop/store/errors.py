"""Store failures the user can act on, classified from the driver's errors (style.md §9)."""

from __future__ import annotations


class StoreError(Exception):
    """The store cannot be opened or used; the message is plain and says what to do."""


class WrongKey(StoreError):
    """The database key does not open the file (wrong key, or not a CHC store)."""


class StoreCorrupt(StoreError):
    """The file opens with the key but SQLite finds it damaged."""


class SchemaTooNew(StoreError):
    """The database was written by a newer version of the app."""


_PLAIN = (
    (
        ("locked", "busy"),
        "the store is in use by another CHC Desktop window or command; close it and retry",
    ),
    (("readonly", "read-only"), "the profile folder is read-only; check its permissions or disk"),
    (("full",), "the disk is full; free some space and retry"),
    (
        ("disk i/o error",),
        "the store could not be written (the disk may be full or failing); free some space and retry",
    ),
    (
        ("unable to open",),
        "the store file cannot be opened; check the profile folder exists and is writable",
    ),
    (("malformed", "corrupt"), "the store file is damaged; restore it from a backup"),
)


def describe_operational(message: str) -> str:
    """Turn a SQLite operational error into a plain sentence (no SQL, no parameters)."""
    text = message.lower()
    for words, plain in _PLAIN:
        if any(w in text for w in words):
            return plain
    return "the store could not be used (" + message[:80] + ")"
