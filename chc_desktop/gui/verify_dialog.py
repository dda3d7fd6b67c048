"""Verify review packs: drop or pick files, see every check green or red in plain words.

Verification runs on the worker (and, for many packs, in worker processes);
the results list each pack as valid/invalid and trusted/untrusted, with one
line per check.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.gui.progress import ProgressBridge
from chc_desktop.gui.tasks import TaskRunner
from chc_desktop.packs.verify import CHECKS, OK, SKIPPED, PackReport

if TYPE_CHECKING:
    from chc_desktop.services.context import Profile

GREEN, RED, GREY = QColor("#1b6e2a"), QColor("#b00020"), QColor("#666666")
CHECK_WORDS = {
    "zip": "A safe, complete pack (no extra or hidden entries)",
    "manifest_signature": "Manifest signed by the certificate in the pack",
    "file_digests": "Every file matches the signed manifest",
    "pdf_signature": "Review PDF signature intact, by the same signer",
    "pdf_covers_whole_file": "PDF signature covers the whole file",
    "record_digest": "Assessment data matches the digest in the PDF",
    "audit_chain": "Audit trail unbroken, ending at the signing",
}
VerifyFn = Callable[[Sequence[str], ProgressBridge], list[PackReport]]


def verify_with_profile(profile: Profile) -> VerifyFn:
    """Verify against the profile's trusted roots and record each check in its audit trail."""

    def run(paths: Sequence[str], progress: ProgressBridge) -> list[PackReport]:
        from chc_desktop.services import pack_verify, trust

        reports = pack_verify.verify_paths(
            paths, trust.roots(profile), progress=progress, start_method="spawn"
        )
        pack_verify.record(profile, reports)
        return reports

    return run


class VerifyDialog(QDialog):
    """Drop .chcpack files (or press Ctrl+O) to verify them."""

    def __init__(self, runner: TaskRunner, verify: VerifyFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner, self._verify = runner, verify
        self.setWindowTitle("Verify review packs")
        self.setAcceptDrops(True)
        self.resize(820, 520)
        layout = QVBoxLayout(self)
        self.hint = QLabel(
            "Drop review packs (.chcpack) here, or choose <b>Add packs…</b> (Ctrl+O). "
            "<i>Valid</i> means nothing changed since signing; <i>trusted</i> means the "
            "signer chains to a certificate this profile trusts."
        )
        self.hint.setWordWrap(True)
        self.results = QTreeWidget()
        self.results.setHeaderLabels(["Pack and checks", "Result"])
        self.results.setColumnWidth(0, 400)
        self.results.setAccessibleName("Verification results")
        self.results.setAlternatingRowColors(True)
        self.bar = QProgressBar()
        self.bar.setVisible(False)
        self.bar.setAccessibleName("Verification progress")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.add_button = QPushButton("&Add packs…")
        self.add_button.setToolTip("Choose review packs to verify (Ctrl+O)")
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.add_button.clicked.connect(self.choose)
        QShortcut(QKeySequence("Ctrl+O"), self).activated.connect(self.choose)
        for widget in (self.hint, self.results, self.bar, buttons):
            layout.addWidget(widget)

    # -- input ------------------------------------------------------------------------
    def choose(self) -> None:
        """Pick files with the standard file dialog."""
        names, _ = QFileDialog.getOpenFileNames(
            self, "Verify review packs", "", "Review packs (*.chcpack);;All files (*)"
        )
        if names:
            self.verify(names)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept dragged local files."""
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Verify every dropped local file."""
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.verify(paths)

    # -- running ----------------------------------------------------------------------
    def verify(self, paths: Sequence[str]) -> None:
        """Verify ``paths`` on the worker; results appear when done."""
        bridge = ProgressBridge(self)
        self.bar.setRange(0, len(paths))
        self.bar.setValue(0)
        self.bar.setVisible(True)
        self.add_button.setEnabled(False)
        bridge.progressed.connect(lambda _stage, done, _total: self.bar.setValue(done))
        self._runner.submit(
            lambda: self._verify(list(paths), bridge), self.show_reports, self._failed
        )

    def _failed(self, exc: Exception) -> None:
        self.bar.setVisible(False)
        self.add_button.setEnabled(True)
        item = QTreeWidgetItem([f"Verification could not run: {exc}", ""])
        item.setForeground(0, QBrush(RED))
        self.results.addTopLevelItem(item)

    def show_reports(self, reports: list[PackReport]) -> None:
        """Add one expandable entry per pack, newest first."""
        self.bar.setVisible(False)
        self.add_button.setEnabled(True)
        for report in reversed(reports):
            self.results.insertTopLevelItem(0, _pack_item(report))
        top = self.results.topLevelItem(0)
        if reports and top is not None:
            self.results.setCurrentItem(top)
            self.results.expandItem(top)
            self.results.setFocus()


def _verdict(report: PackReport) -> tuple[str, QColor]:
    if not report.valid:
        return "✘ Invalid: do not rely on this pack", RED
    if report.trusted:
        return "✔ Valid, trusted signer", GREEN
    return "✔ Valid, signer not trusted here", QColor("#8a5a00")


def _pack_item(report: PackReport) -> QTreeWidgetItem:
    verdict, colour = _verdict(report)
    signer: dict[str, Any] = report.signer
    if report.valid:
        verdict += f": {signer.get('name')} ({signer.get('role')})"
    item = QTreeWidgetItem([Path(report.file).name, verdict])
    item.setToolTip(0, report.file)
    item.setForeground(1, QBrush(colour))
    font = item.font(0)
    font.setBold(True)
    item.setFont(0, font)
    item.setFont(1, font)
    reasons = {e.split(":", 1)[0]: e.split(":", 1)[1].strip() for e in report.errors}
    for check in CHECKS:
        state = report.checks[check]
        if state == OK:
            text, colour = "✔ ok", GREEN
        elif state == SKIPPED:
            text, colour = "– not checked", GREY
        else:
            text, colour = f"✘ {reasons.get(check, 'failed')}", RED
        child = QTreeWidgetItem([CHECK_WORDS[check], text])
        child.setForeground(1, QBrush(colour))
        child.setToolTip(1, text)
        item.addChild(child)
    return item


def open_dialog(parent: QWidget, runner: TaskRunner, profile: Profile) -> VerifyDialog:
    """Show the dialog for ``profile`` (non-modal, so the case list stays usable)."""
    dialog = VerifyDialog(runner, verify_with_profile(profile), parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
