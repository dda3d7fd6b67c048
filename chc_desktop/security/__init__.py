"""Keys, keyring, passphrase and recovery code handling, audit chain hashing. No Qt."""
