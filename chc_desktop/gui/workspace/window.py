"""The assessment workspace window: a stepper over the pages of one assessment.

Every control saves itself (autosave.py); this controller builds the pages for
the assessment's kind, keeps the step list's ticks and the summary current by
re-reading the assessment after each save, and owns the keyboard shortcuts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from chc_desktop.domain.assessment_doc import AssessmentDoc
from chc_desktop.domain.fast_track import problems as fast_track_problems
from chc_desktop.domain.qa.model import Finding, Severity
from chc_desktop.domain.reviews import REVIEW_FIELDS_SPEC
from chc_desktop.gui.tasks import TaskRunner
from chc_desktop.gui.workspace import help_overlay, sign_flow
from chc_desktop.gui.workspace.autosave import Binding, Saver
from chc_desktop.gui.workspace.checklist_page import ChecklistPage
from chc_desktop.gui.workspace.details_page import DetailsPage
from chc_desktop.gui.workspace.domain_page import DomainPage
from chc_desktop.gui.workspace.live_doc import live
from chc_desktop.gui.workspace.participants_page import ParticipantsPage
from chc_desktop.gui.workspace.qa_panel import QAPanel
from chc_desktop.gui.workspace.recommendation_page import RecommendationPage
from chc_desktop.gui.workspace.store_call import StoreCall
from chc_desktop.gui.workspace.summary_page import SummaryPage

if TYPE_CHECKING:
    from chc_desktop.domain.content import Content
    from chc_desktop.services.assessments import Assessment
    from chc_desktop.services.context import Profile
    from chc_desktop.services.qa import Prepared, Report

KIND_TITLES = {
    "dst": "Decision Support Tool",
    "checklist": "Checklist",
    "fast-track": "Fast Track",
    "review": "Review",
}
DONE, PART, FLAG = "✓", "•", "!"
# finding field -> DomainPage attribute to focus
FIELD_WIDGETS = {
    "evidence": "evidence", "sources": "sources", "individual_view": "view",
    "agreed": "agreement", "disagreement": "disagreement", "mdt_notes": "notes",
}  # fmt: skip


class AssessmentWindow(QMainWindow):
    """One assessment; pages in ``pages`` in step order."""

    refreshed = Signal()  # the stored assessment was re-read after a save

    def __init__(
        self, profile: Profile, runner: TaskRunner, content: Content, found: Assessment
    ) -> None:
        super().__init__()
        self._profile = profile
        self._runner = runner
        self._content = content
        self.info = found.info
        self.doc: AssessmentDoc = found.doc
        self.saver = Saver(runner, self)
        self.setWindowTitle(
            f"CHC Desktop: {KIND_TITLES[self.info.kind]} v{self.info.version} ({self.info.case_ref})"
        )
        self.resize(1280, 720)
        self.steps = QListWidget(self)
        self.steps.setAccessibleName("Steps")
        self.steps.setMaximumWidth(300)
        self.stack = QStackedWidget(self)
        splitter = QSplitter(self)
        self.qa_panel = QAPanel(self)
        self.qa_panel.setMinimumWidth(280)
        self.qa_panel.setMaximumWidth(360)
        splitter.addWidget(self.steps)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.qa_panel)
        splitter.setStretchFactor(1, 1)
        self.qa_counts = QLabel(self)
        self.qa_counts.setAccessibleName("QA counts")
        self.statusBar().addWidget(self.qa_counts)
        self.report: Report | None = None
        self._prepared: Prepared | None = None
        self.setCentralWidget(splitter)
        self.saved_mark = QLabel("All changes saved", self)
        self.saved_mark.setAccessibleName("Save status")
        self.statusBar().addPermanentWidget(self.saved_mark)
        self.pages: list[tuple[str, QWidget]] = []
        self.domain_pages: dict[str, DomainPage] = {}
        self._build_pages()
        self.steps.currentRowChanged.connect(self._go)
        self.saver.status.connect(self.saved_mark.setText)
        self.saver.saved.connect(lambda *_: self.reload())
        self.saver.failed.connect(self._save_failed)
        self.saver.edited.connect(self.requalify)
        self.qa_panel.jump.connect(self.jump)
        self.qa_panel.acknowledge.connect(self._acknowledge)
        self.qa_panel.check_sign.connect(self.check_before_signing)
        self.qa_panel.export_pack.connect(
            lambda: sign_flow.export_pack(self, self._runner, self._profile, self.info)
        )
        self._shortcuts()
        self._render()
        self.steps.setCurrentRow(0)
        self._load_qa()
        if self.info.status not in ("draft", "amended", "returned"):
            self._freeze(f"{self.info.status.capitalize()}: read-only (amend it to make changes)")

    # -- construction -------------------------------------------------------------------
    def _store(self, target: str) -> Any:
        from chc_desktop.services import assessments

        def for_field(field: str) -> StoreCall:
            def save(value: Any) -> Any:
                return assessments.update(self._profile, self.info.id, target, field, value)

            return StoreCall(target, field, save)

        return for_field

    def _store_people(self, people: Any) -> Any:
        from chc_desktop.services import assessments

        assessments.set_participants(self._profile, self.info.id, people)
        return people

    def _add(self, title: str, page: QWidget) -> None:
        self.pages.append((title, page))
        self.stack.addWidget(page)
        item = QListWidgetItem(title)
        self.steps.addItem(item)

    def _build_pages(self) -> None:
        kind = self.info.kind
        self.participants = ParticipantsPage(
            self.saver,
            self._store("assessment"),
            StoreCall("participants", "participants", self._store_people),
            self,
        )
        self._add("MDT and participation", self.participants)
        if kind == "dst":
            for number, domain in enumerate(self._content.domains, start=1):
                page = DomainPage(
                    number, domain, self.saver, self._store(f"domain:{domain.code}"), self
                )
                self.domain_pages[domain.code] = page
                self._add(f"{number}. {domain.name.split(':')[0]}", page)
            self.summary = SummaryPage(self._content, self)
            self._add("Summary", self.summary)
            self.recommendation = RecommendationPage(
                self.saver, self._store("recommendation"), self
            )
            self._add("Recommendation", self.recommendation)
        elif kind == "checklist":
            self.checklist = ChecklistPage(
                self._content.checklist,
                self.saver,
                lambda code, field: self._store(f"domain:{code}")(field),
                self,
            )
            self._add("Checklist", self.checklist)
        else:
            self.details = self._details_page(kind)
            self._add(KIND_TITLES[kind], self.details)

    def _details_page(self, kind: str) -> DetailsPage:
        fast = kind == "fast-track"
        spec = self._content.fast_track if fast else REVIEW_FIELDS_SPEC
        clinicians = self._content.appropriate_clinicians if fast else ()
        return DetailsPage(
            "Fast Track Pathway Tool" if fast else "Review of the care package",
            spec=spec,
            saver=self.saver,
            store=self._store("details"),
            check=lambda values: fast_track_problems(values, spec, clinicians),
            parent=self,
        )

    def _shortcuts(self) -> None:
        def bind(keys: str, slot: Any) -> None:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

        bind("Ctrl+PgDown", lambda: self.step(1))
        bind("Ctrl+PgUp", lambda: self.step(-1))
        bind("Ctrl+L", lambda: self.steps.setFocus(Qt.FocusReason.ShortcutFocusReason))
        bind("F1", lambda: help_overlay.show(self))
        bind("Ctrl+W", self.close)
        for n in range(1, 7):
            bind(f"Alt+{n}", lambda n=n: self.choose_level(n - 1))
        undo = self.saver.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.saver.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        menu = self.menuBar().addMenu("&Edit")
        menu.addActions([undo, redo])
        self.addActions([undo, redo])
        self.steps.setToolTip("Ctrl+PgDown / Ctrl+PgUp: next / previous step; F1: all shortcuts")

    # -- behaviour ----------------------------------------------------------------------
    def bindings(self) -> list[Binding]:
        """Every binding on every page."""
        return [b for _, page in self.pages for b in getattr(page, "bindings", [])]

    def step(self, delta: int) -> None:
        """Move to the next (1) or previous (-1) step."""
        row = max(0, min(self.steps.count() - 1, self.steps.currentRow() + delta))
        self.steps.setCurrentRow(row)

    def _go(self, row: int) -> None:
        self.saver.flush(self.bindings())
        self.stack.setCurrentIndex(row)
        self._focus_page()

    def _focus_page(self) -> None:
        """Put the keyboard in the page: the chosen level on a domain page, else its first field."""
        page = self.stack.currentWidget()
        if isinstance(page, DomainPage):
            checked = page.group.checkedButton()
            (checked or page.buttons[0]).setFocus(Qt.FocusReason.OtherFocusReason)
        elif page is not None:
            page.setFocus(Qt.FocusReason.OtherFocusReason)
            page.focusNextChild()

    def showEvent(self, event: QShowEvent) -> None:
        """Start with the keyboard in the first page."""
        super().showEvent(event)
        self._focus_page()

    def choose_level(self, index: int) -> None:
        """Alt+N picks the N-th choice: a domain's level, or the recommendation."""
        page = self.stack.currentWidget()
        if isinstance(page, DomainPage | RecommendationPage):
            page.choose(index)

    def reload(self) -> None:
        """Re-read the stored assessment, then refresh ticks and summaries."""
        from chc_desktop.services import assessments

        self._runner.submit(lambda: assessments.get(self._profile, self.info.id), self._reloaded)

    def _reloaded(self, found: Assessment) -> None:
        self.doc = found.doc
        self._refresh()
        self.requalify()
        self.refreshed.emit()

    # -- quality checks -----------------------------------------------------------------
    def _load_qa(self) -> None:
        from chc_desktop.services import qa

        def prepared(result: Prepared) -> None:
            self._prepared = result
            self.requalify()

        self._runner.submit(lambda: qa.prepare(self._profile, self.info.id), prepared)

    def requalify(self) -> None:
        """Re-run QA on what is on screen now (pure; well under 100 ms)."""
        if self._prepared is None:
            return
        self.report = self._prepared.evaluate(live(self.doc, self.bindings()))
        self.qa_panel.show_report(
            self.report, {f"domain:{d.code}": d.name for d in self._content.domains}
        )
        blocking, warnings = len(self.report.blocking), len(self.report.open_warnings)
        self.qa_counts.setText(f"QA: {blocking} blocking, {warnings} warning(s)")
        self._refresh_marks()

    def jump(self, target: str, field: str) -> None:
        """Show the page for ``target`` and put the cursor in ``field``."""
        row = self._row_for(target)
        self.steps.setCurrentRow(row)
        page = self.stack.currentWidget()
        widget = getattr(page, FIELD_WIDGETS.get(field, ""), None) if field else None
        if isinstance(page, DomainPage) and field == "level":
            widget = page.group.checkedButton() or page.buttons[0]
        if isinstance(widget, QWidget):
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _row_for(self, target: str) -> int:
        titles = [page for _, page in self.pages]
        if target.startswith("domain:") and target.removeprefix("domain:") in self.domain_pages:
            return titles.index(self.domain_pages[target.removeprefix("domain:")])
        named = {"recommendation": "recommendation", "details": "details", "checklist": "checklist"}
        page = getattr(self, named.get(target, ""), None)
        if page is None and target.startswith("domain:"):
            page = getattr(self, "checklist", None)
        return titles.index(page) if page in titles else 0

    def _acknowledge(self, finding: Finding) -> None:
        from chc_desktop.services import qa

        if finding.severity is not Severity.WARNING:
            QMessageBox.information(
                self, "Acknowledge", "Only warnings can be acknowledged; this one must be fixed."
            )
            return
        reason, ok = QInputDialog.getMultiLineText(
            self,
            "Acknowledge warning",
            f"{finding.message}\n\nWhy is this acceptable? (kept and printed in the pack)",
        )
        if not ok:
            return
        self.saver.flush(self.bindings())
        self._runner.submit(
            lambda: qa.acknowledge(self._profile, self.info.id, [finding.rule], reason),
            lambda _count: self._load_qa(),
            lambda exc: QMessageBox.warning(self, "Not acknowledged", str(exc)),
        )

    def check_before_signing(self) -> None:
        """The Sign button: gate, then meaning and passphrase, then read-only."""
        self.saver.flush(self.bindings())
        sign_flow.start(self, self._runner, self._profile, self.info.id, self._signed)

    def _freeze(self, why: str) -> None:
        """Read-only: the service refuses edits anyway; this makes it plain on screen."""
        self.stack.setEnabled(False)
        self.qa_panel.sign_button.setEnabled(False)
        self.qa_panel.export_button.setEnabled(True)  # the service refuses unsigned versions
        self.saved_mark.setText(why)

    def _signed(self, signed: Any) -> None:
        self._freeze(f"Signed {signed.signed_at[:16].replace('T', ' ')} UTC: read-only")
        QMessageBox.information(
            self, "Signed", "Signed. This version is now frozen; amend it to make changes."
        )

    def _render(self) -> None:
        self.participants.load(self.doc)
        for code, page in self.domain_pages.items():
            page.load(self.doc.domains.get(code))
        if self.info.kind == "dst":
            self.recommendation.load(self.doc.recommendation)
        elif self.info.kind == "checklist":
            self.checklist.load(self.doc)
        else:
            self.details.load(self.doc.details)
        self._refresh()

    def _refresh(self) -> None:
        self._refresh_marks()
        if self.info.kind == "dst":
            self.summary.refresh(self.doc)
        elif self.info.kind == "checklist":
            self.checklist.refresh(self.doc)
        elif self.info.kind in ("fast-track", "review"):
            self.details.refresh(self.doc.details)

    def _refresh_marks(self) -> None:
        flagged = {f.target for f in (self.report.blocking if self.report else [])}
        for row, (title, page) in enumerate(self.pages):
            mark = self._mark(page)
            if isinstance(page, DomainPage) and f"domain:{page.code}" in flagged:
                mark = FLAG
            item = self.steps.item(row)
            item.setText(f"{mark} {title}" if mark else f"   {title}")
            state = {DONE: " (done)", FLAG: " (needs fixing)"}.get(mark, "")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}{state}")

    def _mark(self, page: QWidget) -> str:
        if isinstance(page, DomainPage):
            record = self.doc.domains.get(page.code)
            if record and record.level and record.evidence:
                return DONE
            return PART if record and (record.level or record.evidence) else ""
        if page is getattr(self, "participants", None):
            return DONE if len(self.doc.participants) >= 2 and self.doc.date else ""
        return ""

    def _save_failed(self, key: str, message: str) -> None:
        self.statusBar().showMessage(f"Not saved ({key}): {message}", 10000)
        QMessageBox.warning(self, "Not saved", message)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save anything typed but not yet saved, then close."""
        self.saver.flush(self.bindings())
        event.accept()
