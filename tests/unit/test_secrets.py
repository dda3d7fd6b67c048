import pytest

from chc_desktop.security import secrets


def test_wrap_round_trip_and_wrong_secret() -> None:
    key = secrets.new_db_key()
    blob = secrets.wrap(key, "a long passphrase", "db-key")
    assert key.hex() not in str(blob)
    assert secrets.unwrap(blob, "a long passphrase", "db-key") == key
    with pytest.raises(secrets.WrongSecret):
        secrets.unwrap(blob, "a long passphrasf", "db-key")


def test_wrapped_blob_is_bound_to_its_purpose() -> None:
    blob = secrets.wrap(b"k" * 32, "secret-secret", "recovery")
    with pytest.raises(secrets.WrongSecret):
        secrets.unwrap(blob, "secret-secret", "db-key")
    blob["purpose"] = "db-key"
    with pytest.raises(secrets.WrongSecret):
        secrets.unwrap(blob, "secret-secret", "db-key")


def test_tampered_blob_is_refused() -> None:
    blob = secrets.wrap(b"k" * 32, "secret-secret", "db-key")
    blob["ciphertext"] = "AAAA" + blob["ciphertext"][4:]
    with pytest.raises(secrets.WrongSecret):
        secrets.unwrap(blob, "secret-secret", "db-key")
    with pytest.raises(secrets.WrongSecret):
        secrets.unwrap({"kdf": "scrypt"}, "secret-secret", "db-key")


def test_recovery_code_shape_and_forgiving_entry() -> None:
    code = secrets.new_recovery_code()
    groups = code.split("-")
    assert len(groups) == 6
    assert all(len(g) == 5 for g in groups)
    typed = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert secrets.normalise_recovery_code(typed) == code


def test_passphrase_hash_verifies_only_the_right_one() -> None:
    stored = secrets.hash_passphrase("correct horse")
    assert "correct horse" not in stored
    assert secrets.verify_passphrase("correct horse", stored)
    assert not secrets.verify_passphrase("correct horsE", stored)
    assert not secrets.verify_passphrase("x", "not-a-hash")


def test_short_passphrase_is_refused() -> None:
    assert secrets.passphrase_problem("short") is not None
    assert secrets.passphrase_problem("long enough") is None
