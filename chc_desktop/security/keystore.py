"""The one place that talks to the OS keyring (style.md §10).

The database key is stored as hex under service ``chc-desktop`` with the
profile's random id as the account name (no personal data in the keyring).
"""

from __future__ import annotations

import logging
import os

import keyring
import keyring.backend
import keyring.errors

SERVICE = "chc-desktop"
log = logging.getLogger("chc.security.keyring")


class KeyringUnavailable(Exception):
    """The keyring cannot be used on this machine right now."""


class KeyStore:
    """Get and put database keys in the OS keyring, refusing insecure fallbacks."""

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._backend = backend if backend is not None else keyring.get_keyring()

    @property
    def backend_name(self) -> str:
        """Class path of the backend, for messages and `profile show`."""
        cls = type(self._backend)
        return f"{cls.__module__}.{cls.__qualname__}"

    def usable(self) -> bool:
        """True if the backend is a real keyring, or one the user chose explicitly.

        keyring falls back to ``fail.Keyring`` when nothing works, and with
        keyrings.alt installed it may pick a plaintext file; neither is accepted
        unless ``PYTHON_KEYRING_BACKEND`` names it.
        """
        name = self.backend_name
        if name.startswith("keyring.backends.fail"):
            return False
        if os.environ.get("PYTHON_KEYRING_BACKEND"):
            return True
        if name.startswith(("keyrings.alt", "keyring.backends.null")):
            return False
        priority = getattr(self._backend, "priority", 0)
        return isinstance(priority, int | float) and priority >= 1

    def get(self, account: str) -> bytes | None:
        """The stored key, or None if there is no entry; raises KeyringUnavailable."""
        try:
            value = self._backend.get_password(SERVICE, account)
        except (keyring.errors.KeyringError, RuntimeError, OSError) as exc:
            log.warning("keyring read failed: %s", type(exc).__name__)
            raise KeyringUnavailable(str(exc)) from exc
        if value is None:
            return None
        try:
            return bytes.fromhex(value)
        except ValueError:
            log.warning("keyring entry is not a key")
            return None

    def put(self, account: str, key: bytes) -> None:
        """Store ``key``; raises KeyringUnavailable."""
        try:
            self._backend.set_password(SERVICE, account, key.hex())
        except (keyring.errors.KeyringError, RuntimeError, OSError) as exc:
            log.warning("keyring write failed: %s", type(exc).__name__)
            raise KeyringUnavailable(str(exc)) from exc

    def delete(self, account: str) -> None:
        """Remove the entry if present."""
        try:
            self._backend.delete_password(SERVICE, account)
        except keyring.errors.PasswordDeleteError:
            pass
        except (keyring.errors.KeyringError, RuntimeError, OSError) as exc:
            raise KeyringUnavailable(str(exc)) from exc
