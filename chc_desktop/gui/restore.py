"""Restore the store from a backup in two clicks: pick one (newest first), confirm with the passphrase.

Also offered at start-up when the store turns out to be damaged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from chc_desktop.services.backups import BackupInfo
    from chc_desktop.services.context import Profile
    from chc_desktop.services.profile_files import ProfileLocation

Reopened = Callable[["Profile"], None]


class RestoreDialog(QDialog):
    """Lists the backups; Restore (or Enter) chooses the selected one."""

    def __init__(self, found: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from a backup")
        layout = QVBoxLayout(self)
        note = QLabel(
            "Choose a backup (newest first). The current store is kept aside, not deleted; "
            "changes made after the backup will not be in the restored store."
        )
        note.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Backups")
        for info in found:
            state = "verified" if info.verified else "not verified"
            item = QListWidgetItem(
                f"{info.created.replace('T', ' ')}  ({info.reason}, {state}, {info.size:,} bytes)"
            )
            item.setData(256, info.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        restore = buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        restore.setEnabled(bool(found))
        restore.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self.accept())
        for widget in (note, self.list, buttons):
            layout.addWidget(widget)

    def chosen(self) -> str | None:
        """The selected backup's id."""
        item = self.list.currentItem()
        return str(item.data(256)) if item is not None else None


def restore_with_passphrase(
    parent: QWidget | None,
    runner: TaskRunner,
    location: ProfileLocation,
    *,
    backup_id: str,
    reopened: Reopened,
    before: Callable[[], None] = lambda: None,
) -> None:
    """Ask the passphrase, restore on the worker, then hand over the reopened profile."""
    from chc_desktop.services import backup_restore, profiles

    passphrase, ok = QInputDialog.getText(
        parent, "Restore from a backup", "Your passphrase, to restore:", QLineEdit.EchoMode.Password
    )
    if not ok:
        return
    before()

    def run() -> Profile:
        backup_restore.restore(location, passphrase, backup_id)
        return profiles.unlock(location, passphrase)

    def done(profile: Profile) -> None:
        QMessageBox.information(parent, "Restored", f"The backup of {backup_id[:8]} was restored.")
        reopened(profile)

    runner.submit(run, done, lambda exc: QMessageBox.warning(parent, "Not restored", str(exc)))


def choose_and_restore(
    parent: QWidget, runner: TaskRunner, profile: Profile, reopened: Reopened
) -> None:
    """File ▸ Restore from backup…: pick, confirm, restore; the open profile is closed first."""
    from chc_desktop.services import backups

    dialog = RestoreDialog(backups.listed(profile.location), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
        return
    backup_id = dialog.chosen()
    assert backup_id is not None
    restore_with_passphrase(
        parent,
        runner,
        profile.location,
        backup_id=backup_id,
        reopened=reopened,
        before=profile.close,
    )


def offer_after_damage(
    parent: QWidget | None, runner: TaskRunner, location: ProfileLocation, message: str,
    *, backup_id: str | None, reopened: Reopened,
) -> bool:  # fmt: skip
    """Explain a damaged store and offer its newest good backup; True if a restore started."""
    if backup_id is None:
        QMessageBox.critical(parent, "The store is damaged", message)
        return False
    answer = QMessageBox.question(
        parent, "The store is damaged",
        f"{message}\n\nRestore the newest good backup now?",
    )  # fmt: skip
    if answer != QMessageBox.StandardButton.Yes:
        return False
    restore_with_passphrase(parent, runner, location, backup_id=backup_id, reopened=reopened)
    return True
