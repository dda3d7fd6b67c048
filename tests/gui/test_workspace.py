"""The assessment workspace: a whole DST by keyboard, autosave, undo, and refusals."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from chc_desktop.domain.dst import DOMAINS, VALID_LEVELS
from chc_desktop.gui.tasks import TaskRunner
from chc_desktop.gui.workspace.domain_page import DomainPage
from chc_desktop.gui.workspace.window import AssessmentWindow
from chc_desktop.services import assessments, content
from chc_desktop.services.context import Profile

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def open_window(qtbot: Any, runner: TaskRunner, profile: Profile, kind: str) -> AssessmentWindow:
    info = assessments.new(profile, "TEST-000001", kind)
    window = AssessmentWindow(profile, runner, content.load(), assessments.get(profile, info.id))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.windowHandle().requestActivate()
    QApplication.processEvents()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(
    qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """One key to whatever has focus, then let Qt finish (close editors, move focus) as it would."""
    qtbot.keyClick(focused(), key, modifier)
    QApplication.processEvents()


def type_text(qtbot: Any, text: str) -> None:
    """Type like a person: each key goes to whatever has focus at that moment."""
    for char in text:
        qtbot.keyClicks(focused(), char)
        QApplication.processEvents()


def stored(window: AssessmentWindow, profile: Profile) -> Any:
    return assessments.get(profile, window.info.id).doc


def test_whole_dst_by_keyboard(qtbot: Any, runner: TaskRunner, filled: Profile) -> None:
    window = open_window(qtbot, runner, filled, "dst")
    # MDT page: add two members with the keyboard only
    table = window.participants.table
    for row, (name, profession) in enumerate(
        (("Demo Nurse Ash", "nurse"), ("Demo Social Worker Cedar", "social worker"))
    ):
        press(qtbot, Qt.Key.Key_N, CTRL)  # add a member
        assert table.rowCount() == row + 1
        assert focused() is table
        for text in (name, profession):
            type_text(qtbot, text)
            press(qtbot, Qt.Key.Key_Return)
            press(qtbot, Qt.Key.Key_Right)
    plan = {code: len(VALID_LEVELS[code]) for code in DOMAINS}  # the highest valid level each
    for code in DOMAINS:
        qtbot.keyClick(focused(), Qt.Key.Key_PageDown, CTRL)
        page = window.stack.currentWidget()
        assert isinstance(page, DomainPage) and page.code == code
        qtbot.keyClick(focused(), getattr(Qt.Key, f"Key_{plan[code]}"), ALT)
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        assert focused() is page.evidence
        type_text(qtbot, f"Evidence for {code}, from the care notes (test)")
    qtbot.keyClick(focused(), Qt.Key.Key_PageDown, CTRL)
    assert window.stack.currentWidget() is window.summary
    assert "clearly indicates" in window.summary.headline.text()
    qtbot.keyClick(focused(), Qt.Key.Key_PageDown, CTRL)
    assert window.stack.currentWidget() is window.recommendation
    qtbot.keyClick(focused(), Qt.Key.Key_1, ALT)  # "Primary health need recommended"
    assert window.recommendation.group.checkedId() == 0
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # into the Nature rationale
    assert focused() is window.recommendation.boxes["nature"]
    type_text(qtbot, "Skilled nursing needed day and night (test)")
    window.close()
    doc = stored(window, filled)
    assert [p.name for p in doc.participants] == ["Demo Nurse Ash", "Demo Social Worker Cedar"]
    assert doc.participants[1].profession == "social worker"
    for code in DOMAINS:
        assert doc.domains[code].level == VALID_LEVELS[code][-1].value
        assert doc.domains[code].evidence == f"Evidence for {code}, from the care notes (test)"
    assert doc.recommendation.primary_health_need is True
    assert doc.recommendation.nature is not None and doc.recommendation.nature.endswith("(test)")
    marks = {code: window.steps.item(i).text()[0] for i, code in enumerate(DOMAINS, start=1)}
    # complete everywhere; Priority levels are flagged: the evidence does not describe the risk
    priority = {c for c in DOMAINS if VALID_LEVELS[c][-1].value == "priority"}
    assert marks == {c: "!" if c in priority else "✓" for c in DOMAINS}


def test_saved_mark_and_undo_restore_the_store(
    qtbot: Any, runner: TaskRunner, filled: Profile
) -> None:
    window = open_window(qtbot, runner, filled, "dst")
    window.steps.setCurrentRow(8)
    page = window.domain_pages["cognition"]
    page.choose(4)
    assert window.saved_mark.text().startswith("Saved")
    assert stored(window, filled).domains["cognition"].level == "severe"
    page.choose(2)
    assert stored(window, filled).domains["cognition"].level == "moderate"
    window.saver.undo_stack.undo()
    assert page.group.checkedButton() is page.buttons[4]
    assert stored(window, filled).domains["cognition"].level == "severe"
    window.saver.undo_stack.undo()
    assert page.group.checkedButton() is None
    assert stored(window, filled).domains["cognition"].level is None
    window.saver.undo_stack.redo()
    assert stored(window, filled).domains["cognition"].level == "severe"


def test_text_is_saved_after_a_pause(qtbot: Any, runner: TaskRunner, filled: Profile) -> None:
    window = open_window(qtbot, runner, filled, "dst")
    page = window.domain_pages["skin"]
    page.evidence.setPlainText("Grade 3 sacral wound, not healing (test)")
    qtbot.waitUntil(lambda: stored(window, filled).domains.get("skin") is not None, timeout=3000)
    assert (
        stored(window, filled).domains["skin"].evidence
        == "Grade 3 sacral wound, not healing (test)"
    )


def test_refused_save_reverts_and_explains(
    qtbot: Any, runner: TaskRunner, filled: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, runner, filled, "dst")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    page = window.domain_pages["breathing"]
    page.evidence.setPlainText("x" * 20_001)
    page.bindings[1].commit()
    assert "at most 20000 characters" in warnings[0]
    assert page.evidence.toPlainText() == ""
    assert window.saved_mark.text() == "Not saved"


def test_signed_assessment_is_refused_in_the_gui_too(
    qtbot: Any, runner: TaskRunner, filled: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import text

    window = open_window(qtbot, runner, filled, "dst")
    with filled.engine.begin() as conn:
        conn.execute(
            text("UPDATE assessment SET status = 'signed' WHERE id = :id"), {"id": window.info.id}
        )
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    window.domain_pages["skin"].choose(1)
    assert "is signed; amend it" in warnings[0]
    assert window.domain_pages["skin"].group.checkedButton() is None


def test_checklist_page_shows_the_result(qtbot: Any, runner: TaskRunner, filled: Profile) -> None:
    window = open_window(qtbot, runner, filled, "checklist")
    page = window.checklist
    for code, group in page.groups.items():
        group.button(0 if code == "behaviour" else 2).setChecked(True)
    assert page.result.text().startswith(
        "A full assessment is needed: A in a priority domain: behaviour"
    )
    page.groups["behaviour"].button(2).setChecked(True)
    assert page.result.text().startswith("No full assessment indicated")


def test_fast_track_lists_what_is_missing(qtbot: Any, runner: TaskRunner, filled: Profile) -> None:
    window = open_window(qtbot, runner, filled, "fast-track")
    page = window.details
    assert "Still to do" in page.missing.text()
    codes = [f.code for f in content.load().fast_track]
    for binding, code in zip(page.bindings, codes, strict=True):
        binding.load("registered_nurse" if code == "clinician_role" else f"{code} (test)")
        binding._saver.save(binding, None, binding.saved, record=False)
    window.reload()
    assert page.missing.text() == "Complete."


def test_every_control_has_an_accessible_name(
    qtbot: Any, runner: TaskRunner, filled: Profile
) -> None:
    window = open_window(qtbot, runner, filled, "dst")
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTableWidget,
    )

    controls = window.findChildren(QWidget)
    unnamed = [
        w.objectName() or type(w).__name__
        for w in controls
        if isinstance(w, QAbstractButton | QComboBox | QLineEdit | QPlainTextEdit | QTableWidget)
        and not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()))
        and w.isVisibleTo(window)
        and not w.objectName().startswith("qt_")  # Qt's own parts of a composite widget
    ]
    assert unnamed == []


def test_live_qa_finding_appears_and_disappears_as_you_type(
    qtbot: Any, runner: TaskRunner, filled: Profile
) -> None:
    window = open_window(qtbot, runner, filled, "dst")
    page = window.domain_pages["skin"]
    window.steps.setCurrentRow(4)

    def skin_findings() -> set[str]:
        assert window.report is not None
        return {f.rule for f in window.report.findings if f.target == "domain:skin"}

    assert "DST-EVIDENCE-MISSING" in skin_findings()
    page.evidence.setFocus()
    type_text(qtbot, "Grade 3 sacral wound, dressed twice daily by district nurses (test)")
    # updated on the keystroke, before the debounced save has happened
    assert "DST-EVIDENCE-MISSING" not in skin_findings()
    assert window.qa_counts.text().startswith("QA: ")
    page.evidence.selectAll()
    press(qtbot, Qt.Key.Key_Delete)
    assert "DST-EVIDENCE-MISSING" in skin_findings()


def test_finding_link_jumps_to_the_field(qtbot: Any, runner: TaskRunner, filled: Profile) -> None:
    window = open_window(qtbot, runner, filled, "dst")
    window.jump("domain:cognition", "evidence")
    assert window.stack.currentWidget() is window.domain_pages["cognition"]
    assert focused() is window.domain_pages["cognition"].evidence
    window.jump("recommendation", "nature")
    assert window.stack.currentWidget() is window.recommendation


def test_sign_check_refuses_while_blocking_findings_remain(
    qtbot: Any, runner: TaskRunner, filled: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, runner, filled, "dst")
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text: said.append((title, text))
    )
    window.qa_panel.sign_button.click()
    assert said[0][0] == "Not ready to sign"
    assert "cannot sign yet" in said[0][1] and "blocking" in said[0][1]


def test_sign_button_signs_a_clean_assessment(
    qtbot: Any, runner: TaskRunner, filled: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from tests.conftest import PASSPHRASE
    from tests.helpers import qa_docs

    info = assessments.import_document(filled, qa_docs.clean_dst())
    window = AssessmentWindow(filled, runner, content.load(), assessments.get(filled, info.id))
    qtbot.addWidget(window)
    answers = iter([("Assessed and recorded by me", True), (PASSPHRASE, True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(title))
    window.qa_panel.sign_button.click()
    assert told == ["Signed"]
    assert assessments.get(filled, info.id).info.status == "signed"
    assert not window.stack.isEnabled()
    reopened = AssessmentWindow(filled, runner, content.load(), assessments.get(filled, info.id))
    qtbot.addWidget(reopened)
    assert not reopened.stack.isEnabled()
    assert reopened.saved_mark.text().startswith("Signed: read-only")


def test_warning_can_be_acknowledged_from_the_panel(
    qtbot: Any, runner: TaskRunner, filled: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    window = open_window(qtbot, runner, filled, "dst")
    assert window.report is not None
    warning = next(f for f in window.report.findings if f.rule == "LOCATION-MISSING")
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", lambda *a, **k: ("Assessed by video call (test)", True)
    )
    window.qa_panel.acknowledge.emit(warning)
    assert window.report.is_acknowledged(warning)


def test_panel_links_jump_and_acknowledge(
    qtbot: Any, runner: TaskRunner, filled: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QInputDialog

    asked: list[str] = []

    def cancel(*args: Any, **_kw: Any) -> tuple[str, bool]:
        asked.append(str(args[2]))
        return "", False

    monkeypatch.setattr(QInputDialog, "getMultiLineText", cancel)
    window = open_window(qtbot, runner, filled, "dst")
    panel = window.qa_panel
    html = panel.view.toHtml()
    assert "Must fix before signing" in html and "acknowledge…" in html
    index = next(
        i
        for i, f in enumerate(panel._findings)
        if f.rule == "DST-EVIDENCE-MISSING" and f.target == "domain:skin"
    )
    panel.view.anchorClicked.emit(QUrl(f"jump:{index}"))
    assert focused() is window.domain_pages["skin"].evidence
    acked: list[str] = []
    panel.acknowledge.connect(lambda f: acked.append(f.rule))
    warning = next(i for i, f in enumerate(panel._findings) if f.rule == "LOCATION-MISSING")
    panel.view.anchorClicked.emit(QUrl(f"ack:{warning}"))
    assert acked == ["LOCATION-MISSING"]
    assert asked and "Where the assessment took place" in asked[0]  # cancelled: nothing stored


def test_untouched_fields_are_never_saved(qtbot: Any, runner: TaskRunner, filled: Profile) -> None:
    from sqlalchemy import func, select

    from chc_desktop.store.models import AuditEvent
    from tests.helpers import qa_docs

    info = assessments.import_document(filled, qa_docs.clean_dst())
    window = AssessmentWindow(filled, runner, content.load(), assessments.get(filled, info.id))
    qtbot.addWidget(window)

    def events() -> int:
        with filled.reading() as session:
            return session.scalar(select(func.count(AuditEvent.seq))) or 0

    before = events()
    for row in range(window.steps.count()):
        window.steps.setCurrentRow(row)  # each step change flushes pending edits
    window.close()
    assert events() == before
