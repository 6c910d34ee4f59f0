from __future__ import annotations

import os
import stat
from datetime import date

import pypdf
import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from reflect.services.debrief_content import SHARE_BANNER
from reflect.ui.screens.debrief_mode import DebriefMode
from reflect.ui.screens.debrief_screen import DebriefScreen
from tests.services.debrief_fixtures import CANARY, SHARED_NOTE, SHARED_WORDS, seed


def all_texts(root: QWidget) -> str:
    """Every piece of text any widget under ``root`` could show or speak."""
    parts: list[str] = [root.windowTitle(), root.accessibleName()]
    for widget in [root, *root.findChildren(QWidget)]:
        parts += [widget.toolTip(), widget.accessibleName(), widget.windowTitle()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            parts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            parts += [widget.text(), widget.placeholderText()]
        elif isinstance(widget, QPlainTextEdit):
            parts.append(widget.toPlainText())
        elif isinstance(widget, QListWidget):
            parts += [widget.item(i).text() for i in range(widget.count())]
        elif isinstance(widget, QTabWidget):
            parts += [widget.tabText(i) for i in range(widget.count())]
    return "\n".join(parts)


@pytest.fixture
def prepared(qtbot, session):
    seeded = seed(session)
    screen = DebriefScreen(session)
    qtbot.addWidget(screen)
    return screen, seeded


def test_prepare_shares_nothing_by_default(prepared):
    screen, _ = prepared
    assert screen.picker.shared() == []
    assert screen.picker.summary.text() == "Nothing shared yet."


def test_debrief_mode_shows_only_shared_items(qtbot, prepared, session, monkeypatch):
    screen, seeded = prepared
    screen.title.setText("Tuesday supervision")
    screen.supervisor.setText("Sam Rivera")
    screen.topics.setPlainText("Sleep after late shifts")
    screen.picker.set_checked("reflection", str(seeded.shared_reflection))
    screen.picker.set_checked("checkin", str(seeded.shared_checkin))
    screen.picker.set_checked("chart", "warning_signs")
    monkeypatch.setattr(DebriefMode, "showFullScreen", DebriefMode.show)
    mode = screen.start_mode()
    assert mode is not None
    qtbot.addWidget(mode)
    text = all_texts(mode)
    assert SHARE_BANNER in text
    assert SHARED_WORDS in text and SHARED_NOTE in text and "Sleep after late shifts" in text
    assert CANARY not in text

    # Walk the agenda, write a note, agree an action.
    mode.steps.setCurrentRow(2)
    mode.notes.setPlainText("Carrying a lot this week")
    mode.next_button.click()
    assert mode.step_title.text() == "What helped and what was hard"
    mode.actions_panel.text.setText("Book a day off")
    mode.actions_panel.owner.setText("Me")
    mode.actions_panel.has_due.setChecked(True)
    mode.actions_panel.add_button.click()
    debrief_id = screen.debrief.id
    assert [a.text for a in session.debrief.open_actions()] == ["Book a day off"]
    assert session.debrief.get(debrief_id).notes["impact"] == "Carrying a lot this week"
    assert CANARY not in all_texts(mode)

    # Esc asks first; "No" keeps the mode open, "Yes" leaves.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    mode.close()
    assert mode.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(mode.closed):
        mode.close()
    assert screen.mode is None
    assert "Book a day off" in all_texts(screen)


def test_exports_hold_only_shared_material(qtbot, prepared, session, tmp_path):
    screen, seeded = prepared
    screen.picker.set_checked("reflection", str(seeded.shared_reflection))
    screen.picker.set_checked("checkin", str(seeded.shared_checkin))
    assert screen.save()
    session.debrief.add_action(
        screen.debrief.id, "Ask about the rota", owner="Sam", due=date(2030, 1, 2)
    )
    pdf_path, md_path = tmp_path / "out.pdf", tmp_path / "out.md"
    screen.export_to("pdf", pdf_path)
    screen.export_to("md", md_path)
    raw = pdf_path.read_bytes()
    assert raw.startswith(b"%PDF")
    assert CANARY.encode() not in raw
    pdf_text = "".join(page.extract_text() for page in pypdf.PdfReader(pdf_path).pages)
    flat = " ".join(pdf_text.split())
    assert "Shared-words-about-the-outreach-van" in flat.replace(" ", "") or SHARED_WORDS in flat
    assert "Ask about the rota" in flat
    assert CANARY not in flat and CANARY not in flat.replace(" ", "")
    markdown = md_path.read_text()
    assert CANARY not in markdown and SHARED_NOTE in markdown
    for path in (pdf_path, md_path):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_open_actions_listed_and_ticked_off(qtbot, prepared, session):
    screen, _ = prepared
    assert screen.save()
    session.debrief.add_action(screen.debrief.id, "Call the EAP line")
    screen.refresh()
    item = screen.open_actions.item(0)
    assert "Call the EAP line" in item.text()
    from PySide6.QtCore import Qt

    item.setCheckState(Qt.CheckState.Checked)
    assert session.debrief.open_actions() == []
    qtbot.waitUntil(lambda: screen.open_actions.item(0).text() == "No open actions.")


def test_switching_debriefs_keeps_edits(qtbot, prepared, session):
    screen, seeded = prepared
    screen.title.setText("First")
    assert screen.save()
    first = screen.debrief.id
    screen.picker.set_checked("chart", "intensity")
    screen.new_debrief()
    assert session.debrief.get(first).shared == [("chart", "intensity")]
    assert screen.picker.shared() == []


def test_workspace_registers_debrief(qtbot, session):
    from reflect.ui.workspace import Workspace

    window = Workspace(session)
    qtbot.addWidget(window)
    assert isinstance(window.screens["debrief"], DebriefScreen)


def test_export_asks_first_and_cancelling_writes_nothing(qtbot, prepared, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    screen, seeded = prepared
    screen.picker.set_checked("chart", "warning_signs")
    out = tmp_path / "exports"
    out.mkdir()
    target = out / "summary"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Markdown (*.md)")
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    screen.export("md")
    assert list(out.iterdir()) == []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    screen.export("md")
    written = out / "summary.md"
    assert "Warning signs over recent check-ins" in written.read_text()
    assert stat.S_IMODE(os.stat(written).st_mode) == 0o600


def test_locking_closes_debrief_mode_and_keeps_the_note(qtbot, prepared, session, monkeypatch):
    screen, _ = prepared
    monkeypatch.setattr(DebriefMode, "showFullScreen", DebriefMode.show)
    mode = screen.start_mode()
    qtbot.addWidget(mode)
    mode.notes.setPlainText("Half-written note")  # the autosave timer has not fired yet
    screen.save_draft_now()
    assert not mode.isVisible()
    assert session.debrief.get(screen.debrief.id).notes["check_in"] == "Half-written note"


def test_open_debrief_actions_show_on_home(qtbot, session):
    from reflect.ui.screens.home_screen import HomeScreen

    debrief = session.debrief.save(session.debrief.new(title="Tuesday"))
    session.debrief.add_action(debrief.id, "Ask about the rota", owner="Sam")
    home = HomeScreen(session)
    qtbot.addWidget(home)
    assert "Ask about the rota" in all_texts(home)
