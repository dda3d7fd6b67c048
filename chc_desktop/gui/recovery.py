"""Offer the recovery code when the store's key is missing here (keyring reset, another machine).

The store itself is never replaced or recreated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

if TYPE_CHECKING:
    from chc_desktop.services.context import Profile
    from chc_desktop.services.profile_files import ProfileLocation

EXPLAIN = (
    "{message}\n\nYour records are safe: the store is still here, encrypted. The recovery code "
    "you wrote down when the profile was created puts the key back. Use it now?"
)


def offer(
    parent: QWidget | None, location: ProfileLocation, passphrase: str, message: str
) -> Profile | None:
    """Ask for the recovery code (until it works or the user gives up); the unlocked profile."""
    from chc_desktop.services import profiles
    from chc_desktop.services.errors import InvalidInput, Unavailable

    answer = QMessageBox.question(
        parent, "The key to your records is missing", EXPLAIN.format(message=message)
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    prompt = "Recovery code (groups of letters and digits):"
    while True:
        code, ok = QInputDialog.getText(
            parent, "Recover with your recovery code", prompt, QLineEdit.EchoMode.Password
        )
        if not ok:
            return None
        try:
            profiles.recover(location, code, passphrase)
            return profiles.unlock(location, passphrase)
        except (InvalidInput, Unavailable) as exc:
            prompt = f"{exc}\n\nRecovery code:"
