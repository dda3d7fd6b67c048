"""Main window: the case list with filter-as-you-type, a detail pane and a status bar."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from chc_desktop.gui import dialogs
from chc_desktop.gui.case_model import CaseTableModel, Column
from chc_desktop.gui.detail_pane import DetailPane
from chc_desktop.gui.forms.ui_main_window import Ui_MainWindow
from chc_desktop.gui.progress import ProgressBridge, finish, progress_dialog
from chc_desktop.gui.tasks import TaskRunner
from chc_desktop.services.case_views import CaseDetail, CaseIndex, CaseRow
from chc_desktop.services.errors import ServiceError

if TYPE_CHECKING:  # services that import SQLAlchemy load on the worker, after the window shows
    from chc_desktop.services.cases_import import ImportOutcome
    from chc_desktop.services.context import Profile

log = logging.getLogger("chc.gui.main")


class MainWindow(QMainWindow):
    """Controller for the form compiled from ui/main_window.ui."""

    ready = Signal()  # the first case index has been shown
    reopened = Signal(object)  # a Profile, after a restore from backup

    def __init__(self, runner: TaskRunner, today: date | None = None) -> None:
        super().__init__()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self._profile: Profile | None = None
        self._runner = runner
        self._today = today or date.today()
        self._sort = ("due", False)
        self._shown_detail: int | None = None
        self._shown_ref: str | None = None
        self._loaded = False
        self.workspaces: list[QWidget] = []  # open assessment windows, kept alive here
        self.model = CaseTableModel(runner, self._fetch_rows, self._sort_by, self)
        self.detail = DetailPane(self.ui.detailForm, self.ui.detailPlaceholder, self.ui.detailBox)
        self.counts = QLabel(self)
        self.counts.setAccessibleName("Case counts")
        self.ui.statusbar.addPermanentWidget(self.counts)
        self._setup_table()
        self._connect()

    # -- setup ------------------------------------------------------------------------
    def _setup_table(self) -> None:
        table = self.ui.caseTable
        table.setModel(self.model)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        widths = {Column.REF: 100, Column.NAME: 160, Column.NHS: 105, Column.DAYS_LEFT: 125,
                  Column.DUE: 90, Column.STATUS: 90, Column.TYPE: 120, Column.PLACE: 140,
                  Column.REFERRER: 190, Column.RECEIVED: 90}  # fmt: skip
        for column, width in widths.items():
            table.setColumnWidth(column, width)
        table.verticalHeader().setDefaultSectionSize(24)
        table.verticalHeader().setVisible(False)
        header.setSortIndicator(Column.DUE, Qt.SortOrder.AscendingOrder)
        self.ui.splitter.setStretchFactor(0, 3)
        self.ui.splitter.setStretchFactor(1, 1)

    def _connect(self) -> None:
        ui = self.ui
        ui.filterEdit.textChanged.connect(self._filter_changed)
        ui.filterEdit.installEventFilter(self)
        ui.caseTable.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._restore_selection)
        ui.actionImport.triggered.connect(self.import_cases)
        ui.actionOpenCase.triggered.connect(self.open_case)
        ui.actionVerifyPacks.triggered.connect(self.verify_packs)
        ui.actionBackupNow.triggered.connect(self.backup_now)
        ui.actionRestore.triggered.connect(self.restore_backup)
        ui.caseTable.activated.connect(lambda _index: self.open_case())
        ui.actionQuit.triggered.connect(self.close)
        ui.actionFind.triggered.connect(self.focus_filter)
        ui.actionRefresh.triggered.connect(self.reload)
        ui.actionShortcuts.triggered.connect(lambda: dialogs.shortcuts(self))
        ui.actionAbout.triggered.connect(lambda: dialogs.about(self))
        self._runner.busy_changed.connect(self._busy)

    # -- loading ----------------------------------------------------------------------
    def attach(self, profile: Profile) -> None:
        """Show ``profile``'s cases (called once it is unlocked)."""
        self._profile = profile
        self.reload()

    @property
    def profile(self) -> Profile:
        """The unlocked profile; only used after :meth:`attach`."""
        assert self._profile is not None, "no profile attached yet"
        return self._profile

    def _fetch_rows(self, ids: list[int]) -> dict[int, CaseRow]:
        from chc_desktop.services import cases_query

        return cases_query.case_rows(self.profile, ids, self._today)

    def reload(self) -> None:
        """Fetch the sorted case ids again (after an import, or F5)."""
        if self._profile is None:
            return
        from chc_desktop.services import cases_query

        sort, descending = self._sort
        self.ui.statusbar.showMessage("Loading cases…")
        self._runner.submit(
            lambda: cases_query.case_index(self.profile, sort, descending, self._today),
            self._index_loaded,
            self._failed,
        )

    def _sort_by(self, sort: str, descending: bool) -> None:
        self._sort = (sort, descending)
        if self._loaded:
            self.reload()

    def _index_loaded(self, index: CaseIndex) -> None:
        self.model.invalidate()
        self.model.set_index(index)
        self._overdue = index.overdue
        self._update_counts()
        self.ui.statusbar.showMessage("Ready", 3000)
        if not self._loaded:
            self._loaded = True
            self.ready.emit()

    def _failed(self, exc: Exception) -> None:
        log.warning("background task failed: %s", type(exc).__name__)
        self.ui.statusbar.clearMessage()
        if not isinstance(exc, ServiceError):
            raise exc  # a bug: let the crash handler report it
        QMessageBox.warning(self, "CHC Desktop", str(exc))

    def _busy(self, busy: bool) -> None:
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    # -- filter and selection ---------------------------------------------------------
    def focus_filter(self) -> None:
        """Put the cursor in the find box with its text selected (Ctrl+F)."""
        self.ui.filterEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.filterEdit.selectAll()

    def _filter_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_counts()

    def _update_counts(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        overdue = getattr(self, "_overdue", 0)
        self.counts.setText(f"{total:,} cases · {shown:,} shown · {overdue:,} overdue")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the find box: Esc clears it, Enter or Down moves into the list."""
        if watched is self.ui.filterEdit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape and self.ui.filterEdit.text():
                self.ui.filterEdit.clear()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
                self._focus_table()
                return True
        return super().eventFilter(watched, event)

    def _focus_table(self) -> None:
        table = self.ui.caseTable
        table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not table.currentIndex().isValid() and self.model.rowCount():
            table.setCurrentIndex(self.model.index(0, 0))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        case_id = self.model.case_id(current.row()) if current.isValid() else None
        if case_id == self._shown_detail:
            return
        self._shown_detail = case_id
        if case_id is None:
            self.detail.show(None, self._today)
            return
        from chc_desktop.services import cases_query

        self._runner.submit(
            lambda: cases_query.case_detail(self.profile, case_id, self._today),
            self._detail_loaded,
            self._failed,
        )

    def _detail_loaded(self, detail: CaseDetail | None) -> None:
        if detail is None or detail.row.id != self._shown_detail:
            return
        self._shown_ref = detail.row.case_ref
        self.detail.show(detail, self._today)

    def _restore_selection(self) -> None:
        table = self.ui.caseTable
        row = self.model.row_of(self._shown_detail) if self._shown_detail is not None else None
        if row is None:
            self._shown_detail = None
            self.detail.show(None, self._today)
            return
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)

    # -- assessments ------------------------------------------------------------------
    def open_case(self) -> None:
        """Resume or start an assessment for the selected case (Enter, double-click, Ctrl+O)."""
        case_id, case_ref = self._shown_detail, self._shown_ref
        if case_id is None or case_ref is None or self._profile is None:
            self.ui.statusbar.showMessage("Select a case first", 3000)
            return
        from chc_desktop.gui.workspace import opener

        opener.open_case(self, self.profile, self._runner, (case_id, case_ref), self.workspaces)

    # -- import -----------------------------------------------------------------------
    def choose_import_file(self) -> Path | None:
        """Ask for a file to import (tests replace this)."""
        name, _ = QFileDialog.getOpenFileName(
            self, "Import cases", "", "Case files (*.csv *.json);;All files (*)"
        )
        return Path(name) if name else None

    def backup_now(self) -> None:
        """Make a backup on the worker; the status bar says how it went."""
        if self._profile is None:
            return
        from chc_desktop.services import backups

        profile = self.profile
        self.ui.statusbar.showMessage("Backing up…")
        self._runner.submit(lambda: backups.create(profile), self.backup_done, self.backup_failed)

    def backup_done(self, info: Any) -> None:
        """Status bar note after a manual or scheduled backup (``None``: none was due)."""
        if info is not None:
            self.ui.statusbar.showMessage(
                f"Backup made and verified ({info.created[:16]} UTC)", 8000
            )

    def backup_failed(self, exc: Exception) -> None:
        """A failed backup is reported, never silent."""
        self.ui.statusbar.showMessage(f"Backup failed: {exc}", 15000)

    def restore_backup(self) -> None:
        """File ▸ Restore from backup: choose one, confirm with the passphrase."""
        if self._profile is None:
            return
        from chc_desktop.gui import restore

        restore.choose_and_restore(self, self._runner, self.profile, self.reopened.emit)

    def verify_packs(self) -> None:
        """Open the pack verification dialog."""
        if self._profile is None:
            return
        from chc_desktop.gui import verify_dialog

        self.verify_dialog = verify_dialog.open_dialog(self, self._runner, self.profile)

    def import_cases(self) -> None:
        """Import a CSV or JSON file of assigned cases, all or nothing."""
        path = self.choose_import_file()
        if path is None or self._profile is None:
            return
        from chc_desktop.services import cases_import

        try:
            data = path.read_bytes()
        except OSError as exc:
            QMessageBox.warning(self, "Import cases", f"{path.name} cannot be read: {exc.strerror}")
            return
        self.ui.statusbar.showMessage(f"Checking {path.name}…")
        self.import_progress = ProgressBridge(self)
        dialog = progress_dialog(self, "Importing cases", self.import_progress)
        bridge = self.import_progress

        def finished(outcome: ImportOutcome) -> None:
            finish(dialog)
            self._imported(path, outcome)

        def failed(exc: Exception) -> None:
            finish(dialog)
            self._failed(exc)

        self._runner.submit(
            lambda: cases_import.import_cases(
                self.profile, data, path.name, today=self._today, progress=bridge
            ),
            finished,
            failed,
        )

    def _imported(self, path: Path, outcome: ImportOutcome) -> None:
        self.ui.statusbar.clearMessage()
        dialogs.import_result(self, path.name, outcome)
        if outcome.imported:
            self.reload()

    def closeEvent(self, event: Any) -> None:
        """Nothing to save: every change is already stored."""
        event.accept()
