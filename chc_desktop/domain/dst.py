"""DST care domains and their valid levels (facts from dst-reference.md §10).

The level sets are rules, so they live here in code; the descriptor wording
lives in resources/dst/domains.json and is checked against these facts.
"""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    """DST levels, lowest first."""

    NO_NEEDS = "no_needs"
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"
    SEVERE = "severe"
    PRIORITY = "priority"

    @property
    def rank(self) -> int:
        """0 for no needs up to 5 for priority."""
        return list(Level).index(self)

    @property
    def label(self) -> str:
        """Display name, e.g. ``No needs``."""
        return self.value.replace("_", " ").capitalize()


_N, _L, _M, _H, _S, _P = Level
# DST order (2018 onwards); each domain accepts only these levels.
VALID_LEVELS: dict[str, tuple[Level, ...]] = {
    "breathing": (_N, _L, _M, _H, _S, _P),
    "nutrition": (_N, _L, _M, _H, _S),
    "continence": (_N, _L, _M, _H),
    "skin": (_N, _L, _M, _H, _S),
    "mobility": (_N, _L, _M, _H, _S),
    "communication": (_N, _L, _M, _H),
    "psychological": (_N, _L, _M, _H),
    "cognition": (_N, _L, _M, _H, _S),
    "behaviour": (_N, _L, _M, _H, _S, _P),
    "drug_therapies": (_N, _L, _M, _H, _S, _P),
    "altered_states": (_N, _L, _M, _H, _P),
    # the tool's table starts at Low; no_needs records that there is nothing further
    "other": (_N, _L, _M, _H, _S),
}
DOMAINS: tuple[str, ...] = tuple(VALID_LEVELS)
PRIORITY_DOMAINS = frozenset(d for d, levels in VALID_LEVELS.items() if _P in levels)


class InvalidLevel(ValueError):
    """A level code that the domain does not accept (or an unknown domain)."""


def check_level(domain: str, level: str) -> Level:
    """Return the Level, or raise InvalidLevel naming the domain and what it accepts."""
    if domain not in VALID_LEVELS:
        raise InvalidLevel(f"unknown domain {domain!r}; domains are: {', '.join(DOMAINS)}")
    accepted = VALID_LEVELS[domain]
    if level not in {lv.value for lv in accepted}:
        names = ", ".join(lv.value for lv in accepted)
        raise InvalidLevel(f"{domain} does not accept {level!r}; it accepts: {names}")
    return Level(level)
