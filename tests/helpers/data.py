"""Synthetic case files for tests: obviously fake people, Modulus-11-valid test numbers."""

from __future__ import annotations

import csv
import io
import json
import random
from datetime import date, timedelta

from chc_desktop.domain.case_fields import ALL_FIELDS
from chc_desktop.domain.synthetic import fake_nhs_numbers

TODAY = date(2026, 11, 24)


def case_dicts(count: int, seed: int = 7, prefix: str = "TEST") -> list[dict[str, str]]:
    """``count`` valid case rows as strings."""
    rng = random.Random(seed)
    numbers = fake_nhs_numbers("999", rng)
    rows = []
    for i in range(1, count + 1):
        rows.append(
            {
                "case_ref": f"{prefix}-{i:06d}",
                "nhs_number": next(numbers),
                "given_name": "Testy",
                "family_name": f"Fakename{i}",
                "date_of_birth": "1940-02-29",
                "place": "Northshire ICB",
                "setting": "hospital",
                "referrer": "Northshire Acute Trust",
                "case_type": "full_assessment",
                "received": (TODAY - timedelta(days=i % 40)).isoformat(),
                "assigned_to": "Demo Nurse Ash",
            }
        )
    return rows


def to_csv(rows: list[dict[str, str]], columns: tuple[str, ...] = ALL_FIELDS) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def to_json(rows: list[dict[str, str]]) -> bytes:
    return json.dumps({"format": "chc-cases", "version": 1, "cases": rows}).encode()
