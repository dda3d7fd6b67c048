"""The DST pattern of needs: a clear, possible or no indication of a primary health need.

This flags patterns for the MDT; it never decides eligibility. "Clear" follows
the DST (any Priority, or two or more Severe). "Possible" patterns are local,
configurable prompts. Every count is of domains at or above a level, so raising
any level can never lower the indication.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from chc_desktop.domain.dst import DOMAINS, Level, check_level


class Indication(StrEnum):
    """What the pattern of levels suggests, for discussion."""

    NONE = "none"
    POSSIBLE = "possible"
    CLEAR = "clear"


NO_PATTERN = "no pattern that usually indicates a primary health need; the MDT still weighs the whole picture"


@dataclass(frozen=True, slots=True)
class Thresholds:
    """The configurable "possible" patterns (resources/dst/indication.toml)."""

    severe_with_other_needs: int = 2
    high_domains: int = 2
    moderate_or_high_domains: int = 5

    def explain(self) -> list[str]:
        """Plain sentences describing each pattern, for the UI."""
        return [
            "Clear: a Priority level in any domain, or Severe in two or more domains.",
            f"Possible: Severe in one domain with {self.severe_with_other_needs} or more other "
            "domains at Moderate or above.",
            f"Possible: {self.high_domains} or more domains at High or above.",
            f"Possible: {self.moderate_or_high_domains} or more domains at Moderate or above.",
            "These are prompts for discussion. The MDT weighs nature, intensity, complexity and "
            "unpredictability and makes its own recommendation.",
        ]


@dataclass(frozen=True, slots=True)
class Result:
    """The indication with its reasons, the count at each level and the domains not yet levelled."""

    indication: Indication
    reasons: list[str]
    counts: dict[str, int]
    missing: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        """Shape of ``dst indicators --json`` (formats.md), plus ``missing``."""
        return {
            "indication": self.indication.value,
            "reasons": self.reasons,
            "counts": self.counts,
            "missing": self.missing,
        }


def _at_least(levels: Mapping[str, Level], floor: Level) -> list[str]:
    return [d for d in DOMAINS if d in levels and levels[d].rank >= floor.rank]


def _listed(domains: list[str]) -> str:
    return ", ".join(domains)


def indicate(raw: Mapping[str, str], thresholds: Thresholds | None = None) -> Result:
    """Evaluate levels (domain code -> level code); raises InvalidLevel for a bad pair."""
    t = thresholds or Thresholds()
    levels = {domain: check_level(domain, code) for domain, code in raw.items()}
    counts = {lv.value: sum(1 for v in levels.values() if v is lv) for lv in reversed(Level)}
    missing = [d for d in DOMAINS if d not in levels]
    priority = _at_least(levels, Level.PRIORITY)
    severe = _at_least(levels, Level.SEVERE)
    high = _at_least(levels, Level.HIGH)
    moderate = _at_least(levels, Level.MODERATE)
    clear: list[str] = []
    if priority:
        clear.append(f"priority level in {_listed(priority)}")
    if len(severe) >= 2:
        clear.append(f"{len(severe)} domains at severe or above: {_listed(severe)}")
    if clear:
        return Result(Indication.CLEAR, clear, counts, missing)
    possible: list[str] = []
    others = [d for d in moderate if d not in severe]
    if len(severe) == 1 and len(others) >= t.severe_with_other_needs:
        possible.append(
            f"severe in {severe[0]} with {len(others)} other domains at moderate or above: "
            f"{_listed(others)}"
        )
    if len(high) >= t.high_domains:
        possible.append(f"{len(high)} domains at high or above: {_listed(high)}")
    if len(moderate) >= t.moderate_or_high_domains:
        possible.append(f"{len(moderate)} domains at moderate or above: {_listed(moderate)}")
    if possible:
        return Result(Indication.POSSIBLE, possible, counts, missing)
    return Result(Indication.NONE, [NO_PATTERN], counts, missing)
