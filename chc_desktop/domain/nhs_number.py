"""NHS number format check (Modulus 11), per the NHS Data Dictionary."""

from __future__ import annotations

_WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)


def normalise(raw: str) -> str:
    """Return the number with spaces and dashes removed."""
    return raw.replace(" ", "").replace("-", "")


def check_digit(first_nine: str) -> int | None:
    """Return the Modulus 11 check digit for nine digits, or None if no digit can be valid."""
    total = sum(int(d) * w for d, w in zip(first_nine, _WEIGHTS, strict=True))
    digit = 11 - total % 11
    if digit == 11:
        return 0
    if digit == 10:
        return None
    return digit


def problem(raw: str) -> str | None:
    """Explain why ``raw`` is not a valid NHS number, or return None if it is valid."""
    digits = normalise(raw)
    if len(digits) != 10 or not digits.isascii() or not digits.isdigit():
        return "must be 10 digits (spaces allowed)"
    expected = check_digit(digits[:9])
    if expected is None or expected != int(digits[9]):
        return "fails the Modulus 11 check digit; check for a typing error"
    return None


def is_valid(raw: str) -> bool:
    """True if ``raw`` is a well-formed NHS number."""
    return problem(raw) is None


def display(digits: str) -> str:
    """Format ten digits as 3-3-4 (``999 123 4560``)."""
    d = normalise(digits)
    return f"{d[:3]} {d[3:6]} {d[6:]}"
