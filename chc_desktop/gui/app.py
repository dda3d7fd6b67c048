"""Start the desktop app on one profile.

The window appears first (Qt and our forms only); unlocking the store and
loading the case index happen on the database worker, so the window is
interactive while SQLAlchemy, SQLCipher and the key derivation warm up.
"""

from __future__ import annotations

import logging
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from chc_desktop import APP_NAME, __version__, logging_setup
from chc_desktop.gui import crash, recovery, restore
from chc_desktop.gui.dialogs import UnlockDialog
from chc_desktop.gui.idle_lock import IdleLock, minutes_for
from chc_desktop.gui.main_window import MainWindow
from chc_desktop.gui.tasks import TaskRunner
from chc_desktop.services.errors import NeedsRecovery, StoreDamaged, Unavailable, WrongPassphrase
from chc_desktop.services.profile_files import ProfileLocation, read_profile_doc

if TYPE_CHECKING:
    from chc_desktop.services.context import Profile

log = logging.getLogger("chc.gui")
EXIT_UNAVAILABLE = 3


def application() -> QApplication:
    """The process's QApplication, created once."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("CHC Desktop")
    return app


def ask_passphrase(location: ProfileLocation) -> Profile | None:
    """Show the unlock dialog until the passphrase opens the profile or the user cancels."""
    from chc_desktop.services import credentials, profiles

    dialog = UnlockDialog(location.name)
    failures = 0
    while dialog.exec() == QDialog.DialogCode.Accepted:
        try:
            return profiles.unlock(location, dialog.passphrase.text())
        except StoreDamaged as exc:
            return _restore_now(location, dialog.passphrase.text(), exc)
        except NeedsRecovery as exc:
            return recovery.offer(None, location, dialog.passphrase.text(), str(exc))
        except WrongPassphrase:
            failures += 1
            dialog.show_error(
                "That passphrase is not right. Try again.", credentials.retry_delay(failures)
            )
        except Unavailable as exc:
            QMessageBox.critical(None, f"{APP_NAME} cannot open the profile", str(exc))
            return None
    return None


def _restore_now(location: ProfileLocation, passphrase: str, exc: StoreDamaged) -> Profile | None:
    """At the unlock dialog: explain the damage and, if the user agrees, restore the backup."""
    from chc_desktop.services import backup_restore, profiles

    if exc.good_backup is None:
        QMessageBox.critical(None, "The store is damaged", str(exc))
        return None
    answer = QMessageBox.question(
        None, "The store is damaged", f"{exc}\n\nRestore the newest good backup now?"
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    backup_restore.restore(location, passphrase, exc.good_backup)
    return profiles.unlock(location, passphrase)


def _mark_and_quit(app: QApplication, what: str) -> None:
    """For benchmarks: print the wall-clock moment the window reached ``what``, then quit."""
    print(f"chc-mark {what} {time.time():.6f}", file=sys.stderr, flush=True)
    app.quit()


def _scheduled_backup(profile: Profile) -> object:
    from chc_desktop.services import backups

    return backups.create_if_due(profile)


def _unlock(location: ProfileLocation, passphrase: str) -> Profile:
    from chc_desktop.services import profiles  # imported on the worker thread

    return profiles.unlock(location, passphrase)


def run(
    location: ProfileLocation,
    passphrase: str | None,
    *,
    crash_dialog: bool = True,
    quit_when: str | None = None,
) -> int:
    """Show the main window on ``location``; returns the process exit code."""
    logging_setup.log_to_folder(location.logs)
    crash.install(location.logs, show_dialog=crash_dialog)
    app = application()
    runner = TaskRunner()
    opened: list[Profile] = []
    window = MainWindow(runner)
    exit_code = 0

    def attach(profile: Profile) -> None:
        opened.append(profile)
        window.attach(profile)
        runner.submit(lambda: _scheduled_backup(profile), window.backup_done, window.backup_failed)

    window.reopened.connect(attach)
    IdleLock(  # parented to the window, which keeps it alive
        runner,
        lambda: opened[-1] if opened else None,
        minutes_for(read_profile_doc(location)),
        window,
    )

    def cannot_open(exc: Exception) -> None:
        nonlocal exit_code
        if isinstance(exc, StoreDamaged) and restore.offer_after_damage(
            window, runner, location, str(exc), backup_id=exc.good_backup, reopened=attach
        ):
            return
        if isinstance(exc, NeedsRecovery) and passphrase is not None:
            recovered = recovery.offer(window, location, passphrase, str(exc))
            if recovered is not None:
                attach(recovered)
                return
        exit_code = EXIT_UNAVAILABLE
        QMessageBox.critical(window, f"{APP_NAME} cannot open the profile", str(exc))
        app.quit()

    if passphrase is None:
        profile = ask_passphrase(location)
        if profile is None:
            runner.shutdown()
            return EXIT_UNAVAILABLE
        attach(profile)
    if quit_when == "ready":
        window.ready.connect(lambda: QTimer.singleShot(0, lambda: _mark_and_quit(app, "ready")))
    window.show()
    if quit_when == "shown":
        QTimer.singleShot(0, lambda: _mark_and_quit(app, "shown"))
    if passphrase is not None:
        # start unlocking once the window has painted, so its imports don't delay it
        QTimer.singleShot(
            0, lambda: runner.submit(lambda: _unlock(location, passphrase), attach, cannot_open)
        )
    log.info("main window shown")
    try:
        code = app.exec()
    finally:
        runner.shutdown()
        for profile in opened:
            profile.close()
    return exit_code or code
