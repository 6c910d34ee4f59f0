"""A save that fails for a reason outside Reflect (a full disk, a read-only folder) says
so where the person pressed Save, and keeps what they typed on screen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from reflect.domain.crisis_lines import HelpContact
from reflect.ui.screens.checkin_screen import CheckinScreen
from reflect.ui.screens.debrief_screen import DebriefScreen
from reflect.ui.screens.get_help_dialog import GetHelpDialog
from reflect.ui.screens.shift_log_dialog import ShiftLogDialog
from reflect.ui.widgets.plan_editor import PlanEditor


def _disk_full(*_args, **_kwargs):
    import sqlcipher3

    raise sqlcipher3.OperationalError("database or disk is full")


def test_a_checkin_that_cannot_be_saved_says_so_and_keeps_the_answers(qtbot, session, monkeypatch):
    screen = CheckinScreen(session)
    qtbot.addWidget(screen)
    first = next(iter(screen.item_rows.values()))
    first.set_value(2)
    screen.note.setText("a long week")
    monkeypatch.setattr(session.checkins, "record", _disk_full)
    screen.save_button.click()
    assert "disk is full" in screen.error.text()
    assert first.value() == 2 and screen.note.text() == "a long week"
    assert screen.pages.currentIndex() == 0


def test_a_debrief_that_cannot_be_saved_says_so_and_keeps_the_edits(qtbot, session, monkeypatch):
    screen = DebriefScreen(session)
    qtbot.addWidget(screen)
    screen.title.setText("Tuesday's hard call")
    monkeypatch.setattr(screen.service, "save", _disk_full)
    screen.save_button.click()
    assert "disk is full" in screen.status.text()
    assert screen.title.text() == "Tuesday's hard call"


def test_a_plan_that_cannot_be_saved_says_so_and_keeps_the_text(qtbot, session, monkeypatch):
    editor = PlanEditor(session.resources)
    qtbot.addWidget(editor)
    editor.section_edits["warning_signs"].setPlainText("short temper")
    monkeypatch.setattr(session.resources, "save_plan", _disk_full)
    assert not editor.save()
    assert "disk is full" in editor.status_label.text()
    assert editor.is_dirty
    assert editor.section_edits["warning_signs"].toPlainText() == "short temper"


def test_a_shift_that_cannot_be_logged_says_so_and_stays_open(qtbot, session, monkeypatch):
    dialog = ShiftLogDialog(session.exposure, offer_self_checks=False)
    qtbot.addWidget(dialog)
    dialog.form.hours.setText("7")
    monkeypatch.setattr(session.exposure, "log_shift", _disk_full)
    dialog.save_button.click()
    assert "disk is full" in dialog.error.text()
    assert dialog.saved is None and dialog.form.hours.text() == "7"


def test_a_help_contact_that_cannot_be_saved_says_so(qtbot, session, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    dialog = GetHelpDialog(session=session)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(session.resources, "save_help_contact", _disk_full)
    dialog.save_contact(HelpContact(name="My EAP", phone="1-800-555-0199"))
    assert warned and "disk is full" in warned[0]


@pytest.fixture(autouse=True)
def _english():
    from reflect.ui.i18n import set_language

    set_language("en")
