"""A service call for one field that also says which field it is (for the live QA panel)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class StoreCall:
    """Callable ``value -> stored`` carrying ``target`` and ``field``."""

    def __init__(self, target: str, field: str, call: Callable[[Any], Any]) -> None:
        self.target = target
        self.field = field
        self._call = call

    def __call__(self, value: Any) -> Any:
        """Store ``value``; returns what was stored."""
        return self._call(value)
