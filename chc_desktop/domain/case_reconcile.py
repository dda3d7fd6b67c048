"""Compare validated import records with what the store already holds.

Importing the same file twice changes nothing; a case_ref or NHS number that is
already stored with different details is an error, never a silent overwrite.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from chc_desktop.domain.case_fields import CaseRecord
from chc_desktop.domain.case_import import ImportProblem, ParsedImport


@dataclass(slots=True)
class ImportPlan:
    """What an import would do: the records to add, how many are already stored, and why not."""

    new: list[CaseRecord] = field(default_factory=list)
    unchanged: int = 0
    problems: list[ImportProblem] = field(default_factory=list)


def reconcile(
    parsed: ParsedImport,
    stored_cases: Mapping[str, CaseRecord],
    stored_people: Mapping[str, tuple[str, str, date]],
) -> ImportPlan:
    """Plan the import of ``parsed`` against the stored cases and people (keyed by NHS number)."""
    plan = ImportPlan(problems=list(parsed.problems))
    for record, (line, path) in zip(parsed.records, parsed.locations, strict=True):
        stored = stored_cases.get(record.case_ref)
        if stored is not None:
            if stored == record:
                plan.unchanged += 1
            else:
                plan.problems.append(
                    _problem(line, path, "case_ref", "is already stored with different details")
                )
            continue
        person = stored_people.get(record.nhs_number)
        if person is not None and person != record.person_key():
            plan.problems.append(
                _problem(
                    line,
                    path,
                    "nhs_number",
                    "is already stored for a person with a different name or date of birth",
                )
            )
            continue
        plan.new.append(record)
    # report in file order (stable: problems on one line keep their order)
    plan.problems.sort(key=lambda p: p.line or 0)
    return plan


def _problem(line: int | None, path: str | None, name: str, message: str) -> ImportProblem:
    full_path = f"{path}.{name}" if path is not None else None
    return ImportProblem(message, line=line, field=name, path=full_path)
