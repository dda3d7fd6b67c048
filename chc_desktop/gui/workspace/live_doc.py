"""The assessment as it stands on screen, including edits not yet saved (for live QA)."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from chc_desktop.domain.assessment_doc import AssessmentDoc, DomainRecord
from chc_desktop.gui.workspace.autosave import Binding


def apply(doc: AssessmentDoc, target: str, field: str, value: Any) -> None:
    """Put one widget value into ``doc`` where the service would store it."""
    if target == "participants":
        doc.participants = list(value or [])
    elif target == "assessment":
        if field == "date" and isinstance(value, str):
            value = date.fromisoformat(value)
        setattr(doc, field, value)
    elif target == "recommendation":
        setattr(doc.recommendation, field, value)
    elif target == "details":
        if value is None:
            doc.details.pop(field, None)
        else:
            doc.details[field] = value
    elif target.startswith("domain:"):
        record = doc.domains.setdefault(target.removeprefix("domain:"), DomainRecord())
        setattr(record, field, [] if field == "sources" and value is None else value)


def live(stored: AssessmentDoc, bindings: list[Binding]) -> AssessmentDoc:
    """``stored`` with every bound widget's current value applied."""
    doc = copy.deepcopy(stored)
    for binding in bindings:
        if binding.target is not None and binding.field is not None:
            apply(doc, binding.target, binding.field, binding.current())
    return doc
