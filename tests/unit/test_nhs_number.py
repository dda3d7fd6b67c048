from hypothesis import given
from hypothesis import strategies as st

from chc_desktop.domain import nhs_number


def test_known_valid_number_passes() -> None:
    # 943 476 5919 is the NHS Data Dictionary's worked example shape: weights 10..2
    assert nhs_number.is_valid("943 476 5919")
    assert nhs_number.is_valid("9434765919")


def test_check_digit_of_eleven_is_zero() -> None:
    # digits whose weighted sum is a multiple of 11 get check digit 0
    assert nhs_number.check_digit("000000000") == 0
    assert nhs_number.is_valid("0000000000")


def test_remainder_giving_ten_is_never_valid() -> None:
    body = next(f"{n:09d}" for n in range(1000) if nhs_number.check_digit(f"{n:09d}") is None)
    assert all(not nhs_number.is_valid(body + str(d)) for d in range(10))


def test_explains_problems() -> None:
    assert nhs_number.problem("12345") == "must be 10 digits (spaces allowed)"
    assert nhs_number.problem("94347659１９") == "must be 10 digits (spaces allowed)"
    assert "Modulus 11" in (nhs_number.problem("9434765918") or "")


def test_display_groups_three_three_four() -> None:
    assert nhs_number.display("9434765919") == "943 476 5919"


@given(st.text(alphabet="0123456789", min_size=9, max_size=9), st.integers(0, 9), st.integers(1, 9))
def test_any_single_digit_change_is_caught(body: str, position: int, delta: int) -> None:
    check = nhs_number.check_digit(body)
    if check is None:
        return
    number = body + str(check)
    assert nhs_number.is_valid(number)
    changed = number[:position] + str((int(number[position]) + delta) % 10) + number[position + 1 :]
    assert not nhs_number.is_valid(changed)
