"""Load and validate the walkthrough content from resources/dst/ once per process."""

from __future__ import annotations

import json
import tomllib
from functools import cache
from importlib import resources
from typing import Any

from chc_desktop.domain import content
from chc_desktop.services.errors import ServiceError

DST_FOLDER = "dst"


class BrokenContent(ServiceError):
    """A shipped resource file is broken: an installation problem (exit 4)."""


def _read(name: str) -> tuple[str, Any]:
    path = resources.files("chc_desktop.resources") / DST_FOLDER / name
    source = f"resources/{DST_FOLDER}/{name}"
    try:
        text = path.read_text(encoding="utf-8")
        return source, tomllib.loads(text) if name.endswith(".toml") else json.loads(text)
    except (OSError, ValueError) as exc:
        raise BrokenContent(f"{source}: cannot be read ({exc})") from None


@cache
def load() -> content.Content:
    """The validated content; raises BrokenContent naming the file and key."""
    try:
        fields, clinicians = content.fast_track_fields(*_read("fast_track.json"))
        return content.Content(
            domains=content.dst_domains(*_read("domains.json")),
            checklist=content.checklist_domains(*_read("checklist.json")),
            fast_track=fields,
            appropriate_clinicians=clinicians,
            thresholds=content.thresholds(*_read("indication.toml")),
        )
    except content.ContentError as exc:
        raise BrokenContent(str(exc)) from None
