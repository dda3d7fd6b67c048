"""Which backups to keep: the newest of each of the last 12 days, 10 weeks and 9 months."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

DAILY, WEEKLY, MONTHLY = 12, 10, 9


def _newest_per(
    stamps: list[datetime], bucket: Callable[[datetime], object], count: int
) -> set[datetime]:
    kept: dict[object, datetime] = {}
    for stamp in stamps:  # newest first, so the first seen in a bucket is its newest
        key = bucket(stamp)
        if key not in kept:
            if len(kept) == count:
                break
            kept[key] = stamp
    return set(kept.values())


def keep(stamps: Iterable[datetime]) -> set[datetime]:
    """The backup times to keep; every other backup may be deleted."""
    ordered = sorted(set(stamps), reverse=True)
    return (
        _newest_per(ordered, lambda s: s.date(), DAILY)
        | _newest_per(ordered, lambda s: s.isocalendar()[:2], WEEKLY)
        | _newest_per(ordered, lambda s: (s.year, s.month), MONTHLY)
    )
