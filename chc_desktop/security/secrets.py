"""Random keys, passphrase-wrapped secrets, recovery codes and passphrase hashes.

Wrapping uses scrypt to turn a passphrase or recovery code into an AES-256-GCM
key; the wrapped blob is plain JSON-able data that can sit in a file safely.
"""

from __future__ import annotations

import base64
import hmac
import secrets
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

DB_KEY_BYTES = 32
MIN_PASSPHRASE = 8
# scrypt cost: 2**15 x 8 uses 32 MiB and about 0.1 s here; slow enough for guessing.
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_RECOVERY_GROUPS = 6
_GROUP = 5


class WrongSecret(Exception):
    """The passphrase or recovery code does not open this blob."""


def new_db_key() -> bytes:
    """A fresh random 256-bit database key."""
    return secrets.token_bytes(DB_KEY_BYTES)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _derive(secret: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(secret.encode("utf-8"))


def wrap(payload: bytes, secret: str, purpose: str) -> dict[str, Any]:
    """Encrypt ``payload`` under ``secret``; ``purpose`` is bound in as associated data."""
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    key = _derive(secret, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    sealed = AESGCM(key).encrypt(nonce, payload, purpose.encode())
    return {
        "kdf": "scrypt",
        "n": SCRYPT_N,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "salt": _b64(salt),
        "nonce": _b64(nonce),
        "ciphertext": _b64(sealed),
        "purpose": purpose,
    }


def unwrap(blob: dict[str, Any], secret: str, purpose: str) -> bytes:
    """Decrypt a blob made by :func:`wrap`; raises WrongSecret if it does not open."""
    try:
        if blob["kdf"] != "scrypt" or blob["purpose"] != purpose:
            raise WrongSecret("wrapped key is for another purpose")
        key = _derive(secret, _unb64(blob["salt"]), int(blob["n"]), int(blob["r"]), int(blob["p"]))
        return AESGCM(key).decrypt(
            _unb64(blob["nonce"]), _unb64(blob["ciphertext"]), purpose.encode()
        )
    except (InvalidTag, KeyError, ValueError, TypeError) as exc:
        raise WrongSecret(str(exc) or "does not open") from None


def new_recovery_code() -> str:
    """A 150-bit code in Crockford base32, grouped for reading aloud: ``ABCDE-FGHJK-...``."""
    chars = "".join(secrets.choice(_CROCKFORD) for _ in range(_RECOVERY_GROUPS * _GROUP))
    return "-".join(chars[i : i + _GROUP] for i in range(0, len(chars), _GROUP))


def normalise_recovery_code(text: str) -> str:
    """Accept lower case, spaces and look-alike letters (O for 0, I/L for 1)."""
    table = str.maketrans({"O": "0", "I": "1", "L": "1"})
    raw = "".join(c for c in text.upper() if c.isalnum()).translate(table)
    return "-".join(raw[i : i + _GROUP] for i in range(0, len(raw), _GROUP))


def passphrase_problem(passphrase: str) -> str | None:
    """Why a new passphrase is not acceptable, or None."""
    if len(passphrase) < MIN_PASSPHRASE:
        return f"passphrase must be at least {MIN_PASSPHRASE} characters"
    return None


def hash_passphrase(passphrase: str) -> str:
    """A slow salted hash for storing inside the encrypted database."""
    salt = secrets.token_bytes(16)
    digest = _derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_passphrase(passphrase: str, stored: str) -> bool:
    """Constant-time comparison against a hash from :func:`hash_passphrase`."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        candidate = _derive(passphrase, _unb64(salt), int(n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(candidate, _unb64(digest))
