"""Enter never destroys (issue 13, item 14).

Every confirmation that deletes or discards is answered here the way a hurried person would:
by pressing Enter at once. The safe button must be the default and hold the focus, and
afterwards nothing is gone.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton

from reflect.domain.crisis_lines import HelpContact
from reflect.domain.reflection import Reflection

pytestmark = pytest.mark.usefixtures("qtbot")


class EnterPresser:
    """Waits for the next modal dialog, records what is default and focused, presses Enter."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.seen: list[dict[str, object]] = []

    def arm(self) -> None:
        QTimer.singleShot(0, self._poke)

    def _poke(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(10, self._poke)
            return
        focused = dialog.focusWidget()
        default = dialog.defaultButton() if isinstance(dialog, QMessageBox) else None
        if default is None:
            default = next((b for b in dialog.findChildren(QPushButton) if b.isDefault()), None)
        self.seen.append(
            {
                "title": dialog.windowTitle(),
                "default": default.text() if default else None,
                "focused": focused.text() if isinstance(focused, QPushButton) else focused,
                "focus_is_default": focused is default,
            }
        )
        self.qtbot.keyClick(focused or dialog, Qt.Key.Key_Return)

    def check_safe(self, safe_text: str) -> None:
        assert self.seen, "no confirmation was shown"
        last = self.seen[-1]
        assert last["default"] == safe_text, last
        assert last["focus_is_default"], last


@pytest.fixture
def enter(qtbot) -> EnterPresser:
    return EnterPresser(qtbot)


def _reflect_screen(qtbot, session):
    from reflect.ui.screens.reflect_screen import ReflectScreen

    screen = ReflectScreen(session)
    qtbot.addWidget(screen)
    screen.show()
    return screen


def test_the_helper_makes_the_safe_choice_the_default(enter):
    from reflect.ui.widgets.confirm import confirm_destructive

    enter.arm()
    assert confirm_destructive(None, "Delete?", "Really?", "Delete") is False
    enter.check_safe("Cancel")


def test_enter_keeps_unsaved_writing_when_starting_a_new_reflection(qtbot, session, enter):
    screen = _reflect_screen(qtbot, session)
    assert screen.form is not None
    first = screen.form.first_input()
    qtbot.keyClicks(first, "Words I care about")
    enter.arm()
    screen._on_new_clicked()
    enter.check_safe("Keep my writing")
    assert "Words I care about" in str(screen.current_reflection().answers)


def test_enter_keeps_a_recovered_draft(qtbot, session, enter):
    session.journal.save_draft(
        Reflection("quick", datetime(2026, 5, 1, 18, 0), answers={"what_happened": "Draft text"})
    )
    screen = _reflect_screen(qtbot, session)
    assert screen.draft_banner.isVisible()
    enter.arm()
    screen.draft_banner.discard_button.click()
    enter.check_safe("Keep my writing")
    assert session.journal.load_draft() is not None


def test_enter_keeps_writing_when_opening_another_reflection(qtbot, session, enter):
    saved = session.journal.save(
        Reflection("quick", datetime(2026, 5, 1, 18, 0), answers={"what_happened": "Saved"})
    )
    screen = _reflect_screen(qtbot, session)
    qtbot.keyClicks(screen.form.first_input(), "Unsaved words")
    enter.arm()
    assert screen.edit_reflection(int(saved.id)) is False
    enter.check_safe("Keep my writing")
    assert "Unsaved words" in str(screen.current_reflection().answers)


def test_enter_keeps_answers_when_changing_template(qtbot, session, enter):
    screen = _reflect_screen(qtbot, session)
    keep_id = screen.form.template.id
    qtbot.keyClicks(screen.form.first_input(), "Answer that would be dropped")
    other = next(
        i
        for i in range(screen.template_combo.count())
        if screen.template_combo.itemData(i) != keep_id
    )
    enter.arm()
    screen.template_combo.setCurrentIndex(other)
    if enter.seen:  # only asked when answers would not fit the new template
        enter.check_safe("Keep my writing")
        assert screen.form.template.id == keep_id


def test_enter_does_not_delete_a_reflection(qtbot, session, enter):
    from reflect.ui.screens.journal_screen import JournalScreen

    saved = session.journal.save(
        Reflection("quick", datetime(2026, 5, 1, 18, 0), answers={"what_happened": "Keep me"})
    )
    screen = JournalScreen(session)
    qtbot.addWidget(screen)
    screen.show()
    screen.table.selectRow(0)
    enter.arm()
    screen.delete_selected()
    enter.check_safe("Cancel")
    assert session.journal.get(int(saved.id)) is not None


def test_enter_does_not_delete_a_debrief(qtbot, session, enter):
    from reflect.ui.screens.debrief_screen import DebriefScreen

    debrief = session.debrief.save(session.debrief.new(title="Tuesday"))
    screen = DebriefScreen(session)
    qtbot.addWidget(screen)
    screen.open_debrief(int(debrief.id))
    enter.arm()
    screen.delete_current()
    enter.check_safe("Cancel")
    assert session.debrief.get(int(debrief.id)) is not None


def test_enter_does_not_remove_a_person_from_the_plan(qtbot, session, enter):
    from reflect.ui.widgets.plan_editor import PlanEditor

    editor = PlanEditor(session.resources)
    qtbot.addWidget(editor)
    editor._on_add_person_clicked()
    editor.people_table.item(0, 0).setText("Sam")
    editor.people_table.selectRow(0)
    enter.arm()
    editor._on_remove_person_clicked()
    enter.check_safe("Cancel")
    assert editor.people_table.rowCount() == 1


def test_enter_does_not_remove_a_help_contact(qtbot, session, enter):
    from reflect.ui.screens.get_help_dialog import GetHelpDialog

    contact = session.resources.save_help_contact(HelpContact("My EAP", phone="555 0100"))
    dialog = GetHelpDialog(country="CA", session=session)
    qtbot.addWidget(dialog)
    enter.arm()
    dialog._remove_contact(contact)
    enter.check_safe("Cancel")
    assert [c.name for c in session.resources.help_contacts()] == ["My EAP"]


def test_enter_does_not_replace_the_recovery_key(qtbot, session, profile_service, enter):
    from reflect.ui.screens.settings_screen import SettingsScreen

    screen = SettingsScreen(session, profile_service)
    qtbot.addWidget(screen)
    enter.arm()
    screen.make_recovery_key()
    enter.check_safe("Cancel")
    assert not profile_service.has_recovery_key(session.profile)


def test_enter_does_not_restore_over_the_profile(qtbot, session, enter, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from reflect.ui.screens.data_dialog import DataDialog

    dialog = DataDialog(session)
    qtbot.addWidget(dialog)
    requested: list[object] = []
    dialog.restore_requested.connect(lambda *args: requested.append(args))
    backup = tmp_path / "x.reflect-backup"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup), ""))
    enter.arm()
    dialog._on_restore_clicked()
    enter.check_safe("Cancel")
    assert requested == []


def test_enter_does_not_delete_the_profile_even_after_the_word(qtbot, enter):
    from reflect.ui.screens.delete_profile_dialog import DeleteProfileDialog, confirmation_word

    dialog = DeleteProfileDialog("Tester")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.word, confirmation_word())
    assert dialog.delete_button.isEnabled()
    qtbot.keyClick(dialog.word, Qt.Key.Key_Return)
    assert dialog.result() != QDialog.DialogCode.Accepted
