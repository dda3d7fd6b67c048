"""Parsing and validating case import files: every bad input reported with line and field."""

from __future__ import annotations

import json

import pytest

from chc_desktop.domain.case_import import MAX_LINE_CHARS, detect_kind, parse
from tests.helpers.data import TODAY, case_dicts, to_csv, to_json


def problems(data: bytes, kind: str = "csv") -> list[tuple[int | None, str | None, str]]:
    return [(p.line, p.path or p.field, p.message) for p in parse(data, kind, TODAY).problems]


def test_valid_csv_gives_records_in_order() -> None:
    result = parse(to_csv(case_dicts(3)), "csv", TODAY)
    assert result.problems == []
    assert [r.case_ref for r in result.records] == ["TEST-000001", "TEST-000002", "TEST-000003"]
    assert result.locations[0] == (2, None)


def test_valid_json_gives_records() -> None:
    result = parse(to_json(case_dicts(2)), "json", TODAY)
    assert result.problems == []
    assert len(result.records) == 2


def test_bom_and_crlf_and_blank_lines_are_fine() -> None:
    data = b"\xef\xbb\xbf" + to_csv(case_dicts(2)).replace(b"\n", b"\r\n") + b"\r\n\r\n"
    assert parse(data, "csv", TODAY).problems == []


def test_bad_nhs_number_is_reported_with_line_and_field() -> None:
    rows = case_dicts(3)
    rows[1]["nhs_number"] = "9434765918"
    assert problems(to_csv(rows)) == [
        (3, "nhs_number", "fails the Modulus 11 check digit; check for a typing error")
    ]


def test_every_problem_is_reported_not_just_the_first() -> None:
    rows = case_dicts(3)
    rows[0]["date_of_birth"] = "31/12/1940"
    rows[0]["case_type"] = "dst"
    rows[2]["received"] = "2026-02-30"
    rows[2]["given_name"] = ""
    found = problems(to_csv(rows))
    assert [(line, field) for line, field, _ in found] == [
        (2, "date_of_birth"),
        (2, "case_type"),
        (4, "given_name"),
    ]


def test_required_field_missing_stops_other_checks_for_that_row_only() -> None:
    rows = case_dicts(2)
    rows[0]["given_name"] = " "
    rows[1]["received"] = "2026-02-30"
    assert problems(to_csv(rows)) == [
        (2, "given_name", "is required"),
        (3, "received", "'2026-02-30' is not a real calendar date"),
    ]


@pytest.mark.parametrize("payload", ["=cmd|' /C calc'!A0", "+SUM(1)", "-2+3", "@SUM(A1)"])
def test_formula_injection_in_a_name_is_refused(payload: str) -> None:
    rows = case_dicts(1)
    rows[0]["family_name"] = payload
    [(line, field, message)] = problems(to_csv(rows))
    assert (line, field) == (2, "family_name")
    assert "formula" in message


def test_future_and_impossible_dates_are_refused() -> None:
    rows = case_dicts(2)
    rows[0]["received"] = "2026-12-01"
    rows[1]["date_of_birth"] = "1899-12-31"
    assert problems(to_csv(rows)) == [
        (2, "received", "is in the future"),
        (3, "date_of_birth", "must be between 1900-01-01 and today"),
    ]


def test_received_before_birth_is_refused() -> None:
    rows = case_dicts(1)
    rows[0]["date_of_birth"] = "2020-01-01"
    rows[0]["received"] = "2019-01-01"
    assert problems(to_csv(rows)) == [(2, "received", "is before the date of birth")]


def test_duplicate_case_ref_names_the_first_line() -> None:
    rows = case_dicts(3)
    rows[2]["case_ref"] = rows[0]["case_ref"]
    assert problems(to_csv(rows)) == [(4, "case_ref", "repeats the case_ref at line 2")]


def test_same_nhs_number_with_a_different_person_is_refused() -> None:
    rows = case_dicts(2)
    rows[1]["nhs_number"] = rows[0]["nhs_number"]
    [(line, field, message)] = problems(to_csv(rows))
    assert (line, field) == (3, "nhs_number")
    assert "different name" in message


def test_same_person_with_two_cases_is_fine() -> None:
    rows = case_dicts(2)
    rows[1].update({k: rows[0][k] for k in ("nhs_number", "given_name", "family_name")})
    assert problems(to_csv(rows)) == []


def test_setting_accepts_spaces_and_case() -> None:
    rows = case_dicts(1)
    rows[0]["setting"] = "Care Home"
    result = parse(to_csv(rows), "csv", TODAY)
    assert result.records[0].setting.value == "care_home"


def test_latin1_file_is_refused_with_the_line() -> None:
    data = to_csv(case_dicts(3)).replace(b"Fakename2", "Fakenamé".encode("latin-1"))
    [(line, _, message)] = problems(data)
    assert line == 3
    assert "UTF-8" in message


def test_utf16_file_is_refused() -> None:
    data = to_csv(case_dicts(1)).decode().encode("utf-16")
    [(_, _, message)] = problems(data)
    assert "UTF-16" in message


def test_missing_header_is_refused() -> None:
    data = b"\n".join(to_csv(case_dicts(2)).splitlines()[1:])
    [(line, _, message)] = problems(data)
    assert line == 1
    assert "header" in message


def test_empty_file_is_refused() -> None:
    assert "missing header" in problems(b"")[0][2]


def test_unknown_and_missing_columns_are_named() -> None:
    rows = case_dicts(1)
    for r in rows:
        r["favourite_colour"] = "blue"
        del r["referrer"]
    columns = tuple(rows[0])
    found = problems(to_csv(rows, columns))
    assert (1, "favourite_colour", "unknown column") in found
    assert (1, "referrer", "required column is missing") in found


def test_row_with_wrong_number_of_values() -> None:
    data = to_csv(case_dicts(1)) + b"ONLY-ONE-VALUE\n"
    [(line, _, message)] = problems(data)
    assert line == 3
    assert "values" in message


def test_ten_megabyte_line_is_refused_without_parsing_it() -> None:
    data = to_csv(case_dicts(2)) + b"X" * (10 * 1024 * 1024) + b"\n"
    [(line, _, message)] = problems(data)
    assert line == 4
    assert str(MAX_LINE_CHARS) in message


def test_multiline_quoted_field_keeps_physical_line_numbers() -> None:
    rows = case_dicts(3)
    rows[0]["referrer"] = "Ward 7\nNorth wing"
    rows[1]["nhs_number"] = "123"
    found = problems(to_csv(rows))
    assert found == [
        (2, "referrer", "contains control characters"),
        (4, "nhs_number", "must be 10 digits (spaces allowed)"),
    ]


def test_unterminated_quote_is_reported() -> None:
    data = to_csv(case_dicts(1)) + b'"TEST-9,unterminated\n'
    found = problems(data)
    assert found and found[0][0] == 3


def test_json_errors_use_json_paths() -> None:
    rows = case_dicts(3)
    rows[2]["nhs_number"] = "9434765918"
    rows[1]["colour"] = "red"
    found = [(p.path, p.message) for p in parse(to_json(rows), "json", TODAY).problems]
    assert ("cases[1].colour", "unknown field") in found
    assert (
        "cases[2].nhs_number",
        "fails the Modulus 11 check digit; check for a typing error",
    ) in found


@pytest.mark.parametrize(
    ("doc", "where"),
    [
        ({"format": "other", "version": 1, "cases": []}, "format"),
        ({"format": "chc-cases", "version": 2, "cases": []}, "version"),
        ({"format": "chc-cases", "version": 1, "cases": {}}, "cases"),
        ({"format": "chc-cases", "version": 1, "cases": [3]}, "cases[0]"),
        ({"format": "chc-cases", "version": 1, "cases": [{"case_ref": 7}]}, "cases[0].case_ref"),
    ],
)
def test_json_structure_errors(doc: dict[str, object], where: str) -> None:
    found = parse(json.dumps(doc).encode(), "json", TODAY).problems
    assert where in [p.path for p in found]


def test_json_duplicate_keys_and_syntax_errors() -> None:
    dup = b'{"format": "chc-cases", "format": "chc-cases", "version": 1, "cases": []}'
    assert "twice" in parse(dup, "json", TODAY).problems[0].message
    broken = b'{"format": "chc-cases",\n "version": 1,\n "cases": [}'
    [problem] = parse(broken, "json", TODAY).problems
    assert problem.line == 3


def test_deeply_nested_json_is_refused_cleanly() -> None:
    assert parse(b"[" * 100_000 + b"]" * 100_000, "json", TODAY).problems


def test_detect_kind() -> None:
    assert detect_kind("x.JSON", b"") == "json"
    assert detect_kind("x.csv", b"{") == "csv"
    assert detect_kind("upload", b'  {"a": 1}') == "json"
    assert detect_kind("upload", b"case_ref,") == "csv"


def test_progress_is_reported_while_checking() -> None:
    calls: list[tuple[int, int]] = []
    parse(to_csv(case_dicts(5000)), "csv", TODAY, lambda done, total: calls.append((done, total)))
    assert [done for done, _ in calls] == [2000, 4000]
    assert all(done <= total for done, total in calls)
    calls.clear()
    parse(to_json(case_dicts(4500)), "json", TODAY, lambda done, total: calls.append((done, total)))
    assert calls == [(2000, 4500), (4000, 4500)]
