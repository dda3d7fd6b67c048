"""Small text tests shared by the checks: substance, placeholders, keywords."""

from __future__ import annotations

import re
from collections.abc import Iterable

PLACEHOLDERS = frozenset(
    {
        "n/a",
        "na",
        "see notes",
        "see above",
        "as above",
        "tbc",
        "tba",
        "nil",
        "none",
        "-",
        "unknown",
        "?",
        "see care plan",
    }
)
_WORD = re.compile(r"[A-Za-z0-9']+")


def words(text: str | None) -> int:
    """How many words ``text`` has."""
    return len(_WORD.findall(text or ""))


def is_placeholder(text: str | None) -> bool:
    """True for empty text or stock phrases that say nothing (N/A, see notes, TBC…)."""
    flat = " ".join((text or "").lower().split()).strip(" .")
    return not flat or flat in PLACEHOLDERS


def substantial(text: str | None, min_words: int) -> bool:
    """Not a placeholder and at least ``min_words`` words."""
    return not is_placeholder(text) and words(text) >= min_words


def mentions(text: str | None, terms: Iterable[str]) -> bool:
    """True if any of ``terms`` occurs in ``text`` as a word or phrase (case-insensitive)."""
    flat = f" {' '.join(_WORD.findall((text or '').lower()))} "
    return any(f" {' '.join(_WORD.findall(term.lower()))} " in flat for term in terms)
