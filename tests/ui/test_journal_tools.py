"""Journal calendar, print/PDF of one reflection, reflective accounts and the tag manager."""

from __future__ import annotations

import stat
from datetime import date, datetime, timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTableView

from reflect.domain.reflection import Reflection
from reflect.ui.screens.account_dialog import AccountDialog
from reflect.ui.screens.journal_screen import JournalScreen
from reflect.ui.screens.tag_manager_dialog import TagManagerDialog

CANARY = "CANARY-unshared-9921"
TODAY = date.today()


def _save(session, when, text, template="free_write", tags=()):
    answers = {"text": text} if template == "free_write" else text
    return session.journal.save(Reflection(template, when, tags=list(tags), answers=answers))


@pytest.fixture
def journal(qtbot, session):
    screen = JournalScreen(session)
    qtbot.addWidget(screen)
    screen.resize(1100, 700)
    screen.show()
    return screen


def test_the_calendar_marks_days_and_a_day_filters_the_list(qtbot, session, journal):
    day = TODAY.replace(day=1) if TODAY.day > 2 else TODAY
    _save(session, datetime.combine(day, datetime.min.time()).replace(hour=9), "first")
    _save(session, datetime.combine(day, datetime.min.time()).replace(hour=18), "second")
    other = day + timedelta(days=1) if day < TODAY else day - timedelta(days=3)
    _save(session, datetime.combine(other, datetime.min.time()).replace(hour=9), "other day")
    journal.refresh()
    calendar = journal.calendar
    calendar.setCurrentPage(day.year, day.month)
    assert calendar.marks is not None and calendar.marks.reflections.get(day) == 2
    calendar.setSelectedDate(QDate(day.year, day.month, day.day))
    view = calendar.findChild(QTableView)  # the grid that has the keyboard focus
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)  # keyboard: Enter on the selected day
    qtbot.waitUntil(lambda: journal.model.rowCount() == 2, timeout=3000)
    assert "2 of 3 reflections match" in journal.count_label.text()


def test_save_as_pdf_warns_about_flagged_identifiers_and_writes_0600(
    qtbot, session, journal, tmp_path, monkeypatch
):
    _save(session, datetime(2026, 3, 2, 9), "Called Maria Lopez at 555-123-4567 after outreach")
    journal.refresh()
    shown = []

    def fake_exec(box):
        shown.append(box.text())
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    target = tmp_path / "one.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    journal.save_selected_pdf()
    assert shown and "555-123-4567" in shown[0]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(target)).pages).split())
    assert "after outreach" in text


def test_cancelling_at_the_identity_warning_writes_nothing(
    qtbot, session, journal, tmp_path, monkeypatch
):
    _save(session, datetime(2026, 3, 2, 9), "Called 555-123-4567")
    journal.refresh()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Cancel)
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(1))
    journal.save_selected_pdf()
    assert not asked and not list(tmp_path.glob("*.pdf"))


def test_print_uses_qts_print_dialog(qtbot, session, journal, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog

    _save(session, datetime(2026, 3, 2, 9), "Quiet evening")
    journal.refresh()
    opened = []
    monkeypatch.setattr(
        QPrintDialog, "exec", lambda d: opened.append(d) or QPrintDialog.DialogCode.Rejected
    )
    journal.print_action.trigger()
    assert opened


def test_a_reflective_account_exports_only_after_each_finding_is_confirmed(
    qtbot, session, tmp_path, monkeypatch
):
    answers = {
        "what": "Outreach with Maria Lopez was slow.",
        "so_what": "Pace matters.",
        "now_what": "Slow down.",
    }
    kept = _save(session, datetime(2026, 3, 2, 9), answers, template="what_so_what_now_what")
    _save(session, datetime(2026, 3, 3, 9), CANARY)
    dialog = AccountDialog(session, [kept.id])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.account is not None
    assert dialog.findings and not dialog.markdown_button.isEnabled()
    for row in range(dialog.identity.count()):
        dialog.identity.item(row).setCheckState(Qt.CheckState.Checked)
    assert dialog.markdown_button.isEnabled()
    target = tmp_path / "account.md"
    monkeypatch.setattr(dialog, "ask_path", lambda kind: target)
    dialog.export("markdown")
    text = target.read_text(encoding="utf-8")
    assert "Pace matters." in text and CANARY not in text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    # Editing the text drops the confirmation of what changed: export waits again.
    dialog._editors["what_happened"].setPlainText("Outreach with John Smith was slow.")
    dialog.check_identity()
    assert not dialog.markdown_button.isEnabled()
    pdf = tmp_path / "account.pdf"
    monkeypatch.setattr(dialog, "ask_path", lambda kind: pdf)
    dialog.export("pdf")
    assert not pdf.exists()


def test_tag_manager_renames_and_merges(qtbot, session, monkeypatch):
    _save(session, datetime(2026, 1, 1, 9), "a", tags=["nights", "court"])
    _save(session, datetime(2026, 1, 2, 9), "b", tags=["night shift"])
    dialog = TagManagerDialog(session.journal)
    qtbot.addWidget(dialog)
    dialog.ask_text = lambda *a: "night shift"
    dialog.tags.clearSelection()
    for row in range(dialog.tags.count()):
        item = dialog.tags.item(row)
        item.setSelected(item.data(Qt.ItemDataRole.UserRole) == "nights")
    assert dialog.rename_button.isEnabled() and not dialog.merge_button.isEnabled()
    dialog.rename_selected()
    assert session.journal.tag_counts() == {"court": 1, "night shift": 2}
    for row in range(dialog.tags.count()):
        dialog.tags.item(row).setSelected(True)
    dialog.ask_text = lambda *a: "work"
    monkeypatch.setattr(
        dialog,
        "confirm",
        lambda box: box.defaultButton() is box.button(QMessageBox.StandardButton.No) and True,
    )
    dialog.merge_selected()
    assert session.journal.tag_counts() == {"work": 2}
    assert dialog.changed_any


def test_a_year_ago_today_is_off_by_default_then_opens_and_dismisses(qtbot, session):
    from reflect.ui.screens.home_screen import HomeScreen

    now = datetime(2026, 12, 6, 9, 0)
    kept = _save(session, datetime(2025, 12, 6, 20, 0), "A long evening a year ago")
    home = HomeScreen(session, clock=lambda: now)
    qtbot.addWidget(home)
    home.show()
    assert not home.on_this_day.isVisible()  # off unless the person turns it on
    session.settings.set("on_this_day", True)
    home.refresh()
    assert home.on_this_day.isVisible()
    assert "A long evening" not in home.on_this_day.text.text()  # the text is not shown unasked
    with qtbot.waitSignal(home.open_entry_requested) as opened:
        home.on_this_day.read_button.click()
    assert opened.args == [kept.id]
    home.on_this_day.dismiss_button.click()
    home.refresh()
    assert not home.on_this_day.isVisible()


def test_writing_settings_turn_spelling_and_the_look_back_on_and_off(qtbot, session):
    from reflect.ui.screens.settings_screen import SettingsScreen

    screen = SettingsScreen(session)
    qtbot.addWidget(screen)
    assert screen.writing.spell_check.isChecked() and not screen.writing.on_this_day.isChecked()
    screen.writing.on_this_day.setChecked(True)
    screen.writing.spell_check.setChecked(False)
    assert session.settings.get("on_this_day") is True
    assert session.settings.get("spell_check") is False
