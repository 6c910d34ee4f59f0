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


def test_a_supervision_agreement_that_cannot_be_saved_says_so(qtbot, session, monkeypatch):
    from reflect.ui.widgets.supervision_agreement import AgreementForm

    form = AgreementForm(session)
    qtbot.addWidget(form)
    form.supervisee_id = 1
    form.aims.setPlainText("steadier evenings")
    monkeypatch.setattr(form.service, "save_agreement", _disk_full)
    form.save()
    assert "disk is full" in form.status.text()
    assert form.aims.toPlainText() == "steadier evenings"


def test_a_supervisor_rating_that_cannot_be_saved_says_so(qtbot, session, monkeypatch):
    from reflect.ui.widgets.supervision_agreement import RatingsPanel

    panel = RatingsPanel(session)
    qtbot.addWidget(panel)
    panel.supervisee_id = 1
    panel.comment.setText("a good hour")
    monkeypatch.setattr(panel.service.log, "rate", _disk_full)
    panel.save()
    assert "disk is full" in panel.status.text()
    assert panel.comment.text() == "a good hour"


def test_supervision_hours_that_cannot_be_logged_say_so(qtbot, session, monkeypatch):
    from reflect.ui.widgets.supervision_hours import HoursLog

    log = HoursLog(session)
    qtbot.addWidget(log)
    log.note.setText("group session")
    monkeypatch.setattr(log.service.log, "add_hours", _disk_full)
    log.add()
    assert "disk is full" in log.status.text()
    assert log.note.text() == "group session"


def test_a_team_action_that_cannot_be_added_says_so(qtbot, session, monkeypatch):
    from reflect.ui.widgets.team_action_plan import TeamActionPlan

    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    plan = TeamActionPlan(session)
    qtbot.addWidget(plan)
    plan.what_edit.setText("a quiet room after hard calls")
    monkeypatch.setattr(plan.team, "save_action", _disk_full)
    assert plan.add_action() is None
    assert warned and "disk is full" in warned[0]
    assert plan.what_edit.text() == "a quiet room after hard calls"


def test_a_supervision_note_that_cannot_be_saved_says_so_then_clears(qtbot, session, monkeypatch):
    """The note is saved as it is typed; a failed save says so until one works again."""
    from reflect.ui.widgets.supervision_packet_view import PacketView

    view = PacketView(session)
    qtbot.addWidget(view)
    view.packet_id = "p1"
    saved = []
    monkeypatch.setattr(view.service, "save_note", _disk_full)
    view.note.setPlainText("they slept better")
    assert "disk is full" in view.status.text()
    monkeypatch.setattr(view.service, "save_note", lambda *args: saved.append(args))
    view.note.setPlainText("they slept better this month")
    assert saved and view.status.text() == ""


def test_a_passphrase_change_that_fails_says_so(qtbot, session, profile_service, monkeypatch):
    from reflect.ui.screens.passphrase_prompt import PassphrasePrompt
    from reflect.ui.screens.settings_screen import SettingsScreen

    monkeypatch.setattr(PassphrasePrompt, "exec", lambda self: PassphrasePrompt.DialogCode.Accepted)
    monkeypatch.setattr(PassphrasePrompt, "passphrase", lambda self: "a brand new passphrase")
    monkeypatch.setattr(profile_service, "change_passphrase", _disk_full)
    screen = SettingsScreen(session, profile_service)
    qtbot.addWidget(screen)
    screen.passphrase_button.click()
    assert screen.status.text().startswith("The passphrase could not be changed")
    assert "disk is full" in screen.status.text()


def test_a_recovery_key_that_cannot_be_made_says_so(qtbot, session, profile_service, monkeypatch):
    from reflect.ui.screens import profile_key_actions
    from reflect.ui.screens.settings_screen import SettingsScreen

    monkeypatch.setattr(profile_key_actions, "confirm_destructive", lambda *_a: True)
    monkeypatch.setattr(profile_service, "create_recovery_key", _disk_full)
    screen = SettingsScreen(session, profile_service)
    qtbot.addWidget(screen)
    screen.recovery_button.click()
    assert screen.status.text().startswith("No new recovery key was made")
