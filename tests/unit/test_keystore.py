import pytest
from keyring.backends import fail
from keyrings.alt.file import PlaintextKeyring

from chc_desktop.security.keystore import KeyringUnavailable, KeyStore
from tests.helpers.memory_keyring import MemoryKeyring


def test_round_trip_and_delete() -> None:
    store = KeyStore(MemoryKeyring())
    assert store.usable()
    store.put("profile-id", b"\x01" * 32)
    assert store.get("profile-id") == b"\x01" * 32
    store.delete("profile-id")
    store.delete("profile-id")
    assert store.get("profile-id") is None


def test_fail_backend_is_not_usable() -> None:
    assert not KeyStore(fail.Keyring()).usable()


def test_plaintext_backend_only_when_chosen_explicitly(monkeypatch: pytest.MonkeyPatch) -> None:
    store = KeyStore(PlaintextKeyring())
    assert not store.usable()
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    assert store.usable()


def test_locked_keyring_raises_unavailable() -> None:
    backend = MemoryKeyring()
    backend.broken = True
    store = KeyStore(backend)
    with pytest.raises(KeyringUnavailable):
        store.get("x")
    with pytest.raises(KeyringUnavailable):
        store.put("x", b"k")


def test_garbage_entry_reads_as_missing() -> None:
    backend = MemoryKeyring()
    backend.set_password("chc-desktop", "p", "not hex")
    assert KeyStore(backend).get("p") is None
