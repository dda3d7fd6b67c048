"""Fast Track Pathway Tool completeness (dst-reference.md §4)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FastTrackField:
    """One field of the tool (resources/dst/fast_track.json)."""

    code: str
    label: str
    required: bool
    choices: tuple[str, ...] = ()


def problems(
    values: Mapping[str, str | None],
    fields: Sequence[FastTrackField],
    appropriate_clinicians: Sequence[str],
) -> list[str]:
    """Why the tool is not yet properly completed; empty when it is."""
    found = []
    for f in fields:
        value = (values.get(f.code) or "").strip()
        if f.required and not value:
            found.append(f"{f.label} is not completed")
        elif value and f.choices and value not in f.choices:
            found.append(f"{f.label}: {value!r} is not one of {', '.join(f.choices)}")
    role = (values.get("clinician_role") or "").strip()
    if role and role not in appropriate_clinicians:
        found.append(
            "only an appropriate clinician (a registered nurse or registered medical "
            "practitioner responsible for the person's care) may complete the Fast Track tool"
        )
    return found
