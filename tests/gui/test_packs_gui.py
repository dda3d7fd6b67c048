"""Packs in the GUI: export from a signed version, verify by dropping files, case history."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from chc_desktop.gui.tasks import TaskRunner
from chc_desktop.gui.verify_dialog import VerifyDialog, verify_with_profile
from chc_desktop.gui.workspace.case_dialog import CaseDialog
from chc_desktop.gui.workspace.window import AssessmentWindow
from chc_desktop.services import assessments, content, pack_history, packs, signing
from chc_desktop.services.context import Profile
from tests.helpers.signed import MEANING, PASSPHRASE, signed_dst


def test_export_button_writes_a_pack(
    qtbot: Any,
    runner: TaskRunner,
    profile: Profile,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    aid = signed_dst(profile)
    window = AssessmentWindow(profile, runner, content.load(), assessments.get(profile, aid))
    qtbot.addWidget(window)
    assert window.qa_panel.export_button.isEnabled() and not window.qa_panel.sign_button.isEnabled()
    target = tmp_path / "case-pack"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (PASSPHRASE, True))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, title, text: told.append(text))
    window.qa_panel.export_button.click()
    assert (tmp_path / "case-pack.chcpack").is_file()
    assert "Saved case-pack.chcpack" in told[0]


def test_export_is_off_until_signed(qtbot: Any, runner: TaskRunner, profile: Profile) -> None:
    from tests.helpers.signed import ready_dst

    aid = ready_dst(profile)
    window = AssessmentWindow(profile, runner, content.load(), assessments.get(profile, aid))
    qtbot.addWidget(window)
    assert not window.qa_panel.export_button.isEnabled()


def _drop(dialog: VerifyDialog, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    dialog.dropEvent(event)


def test_verify_dialog_shows_each_check(
    qtbot: Any, runner: TaskRunner, profile: Profile, tmp_path: Path
) -> None:
    aid = signed_dst(profile)
    good = tmp_path / "good.chcpack"
    packs.export(profile, aid, PASSPHRASE, good)
    bad = tmp_path / "bad.chcpack"
    bad.write_bytes(good.read_bytes().replace(b"PK\x03\x04", b"PK\x03\x05", 1))
    dialog = VerifyDialog(runner, verify_with_profile(profile))
    qtbot.addWidget(dialog)
    assert dialog.acceptDrops()
    _drop(dialog, [good, bad])
    assert dialog.results.topLevelItemCount() == 2
    first, second = dialog.results.topLevelItem(0), dialog.results.topLevelItem(1)
    assert first.text(0) == "good.chcpack"
    assert first.text(1) == "✔ Valid, trusted signer: Test Assessor (assessor)"
    assert [first.child(i).text(1) for i in range(first.childCount())] == ["✔ ok"] * 7
    assert second.text(1).startswith("✘ Invalid")
    assert second.child(0).text(1) == "✘ an entry cannot be read (Bad magic number for file header)"
    assert second.child(1).text(1) == "– not checked"
    assert not dialog.bar.isVisible()


def test_case_view_shows_signing_and_pack_history(
    profile: Profile, tmp_path: Path, qapp: Any
) -> None:
    first = signed_dst(profile)
    packs.export(profile, first, PASSPHRASE, tmp_path / "v1.chcpack")
    second = signing.amend(profile, first, "New wound chart received (test)").id
    signing.sign(profile, second, MEANING, PASSPHRASE)
    case_id = profile_case_id(profile, first)
    history = pack_history.for_case(profile, case_id)
    assert "signed by Test Assessor" in history[first].describe()
    assert "1 pack exported" in history[first].describe()
    assert "amends v1: New wound chart received (test)" in history[second].describe()
    assert "no pack exported yet" in history[second].describe()
    dialog = CaseDialog(
        "TEST-000001", assessments.for_case(profile, case_id),
        {k: v.describe() for k, v in history.items()}, resume=print, start=print,
    )  # fmt: skip
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert any("DST v2: signed" in t and "amends v1" in t for t in texts), texts
    assert any("DST v1: signed" in t and "1 pack exported" in t for t in texts)


def profile_case_id(profile: Profile, assessment_id: str) -> int:
    from chc_desktop.store.models import Assessment

    with profile.reading() as session:
        row = session.get(Assessment, assessment_id)
        assert row is not None
        return row.case_id


def test_case_audit_view_lists_each_versions_events(
    qapp: Any, profile: Profile, tmp_path: Path
) -> None:
    from chc_desktop.gui.workspace.audit_view import AuditDialog
    from chc_desktop.services import audit_view

    first = signed_dst(profile)
    second = signing.amend(profile, first, "New wound chart received (test)").id
    events = audit_view.for_case(profile, profile_case_id(profile, second))
    actions = [(e.action, e.version) for e in events]
    assert actions[0] == ("assessment.new", 1)
    assert ("assessment.sign", 1) in actions and ("assessment.amend", 2) in actions
    amend = next(e for e in events if e.action == "assessment.amend")
    assert amend.reason == "New wound chart received (test)" and "supersedes" in amend.detail
    dialog = AuditDialog("TEST-000001", events)
    assert dialog.table.rowCount() == len(events)
    assert dialog.table.item(0, 4).text() == "assessment.new"
