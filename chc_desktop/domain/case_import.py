"""Parse a case import file (CSV or JSON, formats.md) into validated records.

Pure: takes the file's bytes, returns records and every problem found with its
line (CSV) or JSON path. Nothing here writes anything.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from chc_desktop.domain.case_fields import ALL_FIELDS, REQUIRED_FIELDS, CaseRecord, validate_row

FORMAT = "chc-cases"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_LINE_CHARS = 64 * 1024
PROGRESS_EVERY = 2000


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """One reason the file cannot be imported."""

    message: str
    line: int | None = None
    field: str | None = None
    path: str | None = None

    def where(self) -> str:
        """Human-readable location, e.g. ``line 4, nhs_number``."""
        parts = []
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.path is not None:
            parts.append(self.path)
        elif self.field is not None:
            parts.append(self.field)
        return ", ".join(parts) or "file"

    def as_dict(self) -> dict[str, Any]:
        """JSON shape used by ``cases import --json``."""
        out: dict[str, Any] = {"line": self.line, "field": self.field, "message": self.message}
        if self.path is not None:
            out["path"] = self.path
        return out


@dataclass(slots=True)
class ParsedImport:
    """Outcome of parsing: records in file order plus problems. Usable only if no problems."""

    records: list[CaseRecord] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    # location label for each record, parallel to ``records`` (for store-level errors)
    locations: list[tuple[int | None, str | None]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Row:
    values: dict[str, Any]
    line: int | None
    path: str | None


def parse(
    data: bytes, kind: str, today: date, progress: Callable[[int, int], None] | None = None
) -> ParsedImport:
    """Parse ``data`` as ``kind`` ('csv' or 'json') and validate every row.

    ``progress(done, total)`` is called every few thousand rows; ``total`` is an
    estimate made without parsing (lines, or ``"case_ref"`` keys in JSON).
    """
    result = ParsedImport()
    if len(data) > MAX_FILE_BYTES:
        result.problems.append(ImportProblem(f"file is larger than {MAX_FILE_BYTES // 2**20} MB"))
        return result
    text = _decode(data, result.problems)
    if text is None:
        return result
    rows = _csv_rows(text, result.problems) if kind == "csv" else _json_rows(text, result.problems)
    estimate = data.count(b"\n") if kind == "csv" else data.count(b'"case_ref"')
    _validate(rows, today, result, progress, estimate)
    return result


def detect_kind(name: str, data: bytes) -> str:
    """Choose 'json' or 'csv' from the file name, falling back to the first character."""
    lower = name.lower()
    if lower.endswith(".json"):
        return "json"
    if lower.endswith(".csv"):
        return "csv"
    return "json" if data.lstrip()[:1] == b"{" else "csv"


def _decode(data: bytes, problems: list[ImportProblem]) -> str | None:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        problems.append(ImportProblem("file is UTF-16; save it as UTF-8 and import again", line=1))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problems.append(
            ImportProblem(
                f"not valid UTF-8 (byte 0x{data[exc.start]:02X}); save the file as UTF-8",
                line=line,
            )
        )
        return None


def _long_line(text: str) -> int | None:
    start = 0
    number = 1
    while True:
        end = text.find("\n", start)
        stop = len(text) if end < 0 else end
        if stop - start > MAX_LINE_CHARS:
            return number
        if end < 0:
            return None
        start = end + 1
        number += 1


def _csv_rows(text: str, problems: list[ImportProblem]) -> Iterator[_Row]:
    long_line = _long_line(text)
    if long_line is not None:
        problems.append(
            ImportProblem(f"line is longer than {MAX_LINE_CHARS} characters", line=long_line)
        )
        return
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        problems.append(ImportProblem(f"cannot read the header: {exc}", line=1))
        return
    columns = _check_header(header, problems)
    if columns is None:
        return
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problems.append(ImportProblem(f"malformed CSV: {exc}", line=start))
            return
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(columns):
            problems.append(
                ImportProblem(
                    f"has {len(cells)} values but the header has {len(columns)} columns",
                    line=start,
                )
            )
            continue
        yield _Row(dict(zip(columns, cells, strict=True)), start, None)


def _check_header(header: list[str] | None, problems: list[ImportProblem]) -> list[str] | None:
    expected = ", ".join(ALL_FIELDS)
    if not header or not any(h.strip() for h in header):
        problems.append(ImportProblem(f"missing header row; expected: {expected}", line=1))
        return None
    columns = [h.strip().lower() for h in header]
    if not set(columns) & set(ALL_FIELDS):
        problems.append(
            ImportProblem(f"first line is not a header row; expected: {expected}", line=1)
        )
        return None
    ok = True
    seen: set[str] = set()
    for name in columns:
        if name not in ALL_FIELDS:
            problems.append(ImportProblem("unknown column", line=1, field=name[:40]))
            ok = False
        elif name in seen:
            problems.append(ImportProblem("column appears twice", line=1, field=name))
            ok = False
        seen.add(name)
    for name in REQUIRED_FIELDS:
        if name not in seen:
            problems.append(ImportProblem("required column is missing", line=1, field=name))
            ok = False
    return columns if ok else None


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"key {key!r} appears twice in one object")
        out[key] = value
    return out


def _json_rows(text: str, problems: list[ImportProblem]) -> Iterator[_Row]:
    try:
        doc = json.loads(text, object_pairs_hook=_reject_duplicate_keys)
    except json.JSONDecodeError as exc:
        problems.append(
            ImportProblem(f"not valid JSON: {exc.msg} (column {exc.colno})", line=exc.lineno)
        )
        return
    except (ValueError, RecursionError) as exc:
        problems.append(ImportProblem(f"not valid JSON: {exc}"))
        return
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        problems.append(
            ImportProblem(f'expected an object with "format": "{FORMAT}"', path="format")
        )
        return
    if doc.get("version") != FORMAT_VERSION:
        problems.append(
            ImportProblem(
                f"unsupported version {doc.get('version')!r}; this app reads version {FORMAT_VERSION}",
                path="version",
            )
        )
        return
    for key in doc:
        if key not in ("format", "version", "cases"):
            problems.append(ImportProblem("unknown key", path=key[:40]))
    cases = doc.get("cases")
    if not isinstance(cases, list):
        problems.append(ImportProblem("must be a list of case objects", path="cases"))
        return
    for index, item in enumerate(cases):
        path = f"cases[{index}]"
        if not isinstance(item, dict):
            problems.append(ImportProblem("must be an object", path=path))
            continue
        yield _Row(item, None, path)


def _validate(
    rows: Iterator[_Row],
    today: date,
    result: ParsedImport,
    progress: Callable[[int, int], None] | None,
    estimate: int,
) -> None:
    first_line: dict[str, str] = {}
    people: dict[str, tuple[tuple[str, str, date], str]] = {}
    for count, row in enumerate(rows, start=1):
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress(count, max(estimate, count))
        strings = _string_values(row, result.problems)
        if strings is None:
            continue
        record, field_problems = validate_row(strings, today)
        for p in field_problems:
            result.problems.append(_located(row, p.field, p.message))
        if record is None:
            continue
        here = f"line {row.line}" if row.line is not None else str(row.path)
        earlier = first_line.get(record.case_ref)
        if earlier is not None:
            result.problems.append(_located(row, "case_ref", f"repeats the case_ref at {earlier}"))
            continue
        first_line[record.case_ref] = here
        person = people.get(record.nhs_number)
        if person is not None and person[0] != record.person_key():
            result.problems.append(
                _located(
                    row,
                    "nhs_number",
                    f"same NHS number as {person[1]} but a different name or date of birth",
                )
            )
            continue
        people.setdefault(record.nhs_number, (record.person_key(), here))
        result.records.append(record)
        result.locations.append((row.line, row.path))


def _string_values(row: _Row, problems: list[ImportProblem]) -> dict[str, str | None] | None:
    values: dict[str, str | None] = {}
    ok = True
    for key, value in row.values.items():
        if key not in ALL_FIELDS:
            problems.append(_located(row, str(key)[:40], "unknown field"))
            ok = False
        elif value is None or isinstance(value, str):
            values[key] = value
        else:
            problems.append(_located(row, key, "must be a string"))
            ok = False
    return values if ok else None


def _located(row: _Row, field_name: str, message: str) -> ImportProblem:
    path = f"{row.path}.{field_name}" if row.path is not None else None
    return ImportProblem(message, line=row.line, field=field_name, path=path)
