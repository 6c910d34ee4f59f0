"""Logging a shift from the keyboard, the self-check offer, and Home's recovery cards."""

from __future__ import annotations

import time
from datetime import date, datetime

from PySide6.QtCore import Qt

from reflect.ui.data_events import data_events
from reflect.ui.screens.home_screen import INFER_BREAKS, RECOVERY_ON_HOME, HomeScreen
from reflect.ui.screens.self_check_dialog import SelfCheckDialog
from reflect.ui.screens.shift_log_dialog import ShiftLogDialog


def _type(qtbot, widget, text):
    qtbot.keyClicks(widget, text)


def test_keyboard_only_log_in_a_few_keystrokes(qtbot, session):
    dialog = ShiftLogDialog(session.exposure, ask=lambda _parent: False)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    started = time.monotonic()
    assert dialog.focusWidget() is dialog.form.hours  # typing starts at once
    focus = dialog.form.hours
    for text in ("7.5", "6", "2", "", "1"):  # hours, encounters, disclosures, material, crises
        _type(qtbot, focus, text)
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
        focus = dialog.focusWidget()
    assert focus is dialog.form.critical
    qtbot.keyClick(focus, Qt.Key.Key_Return)  # Enter saves from anywhere in the form
    assert time.monotonic() - started < 15
    log = dialog.saved
    assert log is not None and dialog.result() == ShiftLogDialog.DialogCode.Accepted
    assert (log.hours, log.encounters, log.disclosures, log.material, log.crises) == (
        7.5,
        6,
        2,
        None,
        1,
    )
    assert session.exposure.count() == 1


def test_empty_log_is_refused_with_a_message_and_nothing_written(qtbot, session):
    dialog = ShiftLogDialog(session.exposure)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.form.hours, Qt.Key.Key_Return)
    assert dialog.saved is None and "Nothing to log yet" in dialog.error.text()
    assert dialog.isVisible() and session.exposure.count() == 0


def test_critical_incident_outline_is_guarded_and_checks_only_when_accepted(qtbot, session):
    offered = []
    dialog = ShiftLogDialog(session.exposure, ask=lambda _p: offered.append(1) or False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.form.outline.isEnabled()
    dialog.form.critical.setChecked(True)
    assert dialog.form.outline.isEnabled()
    _type(qtbot, dialog.form.outline, "Call with Maria Gonzalez")
    dialog.form.identity.check()
    assert dialog.form.identity_banner.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.form.identity_banner.replace_button, Qt.MouseButton.LeftButton)
    assert "Maria Gonzalez" not in dialog.form.outline.text()
    dialog.save()
    assert offered == [1] and session.exposure.self_checks() == []  # declined: nothing planned

    again = ShiftLogDialog(session.exposure, ask=lambda _p: True)
    qtbot.addWidget(again)
    again.form.critical.setChecked(True)
    again.save()
    assert [c.kind for c in session.exposure.self_checks()] == ["3d", "1m"]

    never = ShiftLogDialog(
        session.exposure,
        offer_self_checks=False,
        ask=lambda _p: 1 / 0,  # never asked
    )
    qtbot.addWidget(never)
    never.form.critical.setChecked(True)
    never.save()
    assert never.saved is not None


def test_home_shows_a_due_self_check_without_saying_why(qtbot, session):
    session.exposure.log_shift(
        day=date(2026, 1, 5), critical=True, outline="a hard call", self_checks=True
    )
    home = HomeScreen(session, clock=lambda: datetime(2026, 1, 8, 11, 0))
    qtbot.addWidget(home)
    home.show()
    card = home.self_check_card
    assert card.isVisible() and card.check is not None and card.check.kind == "3d"
    assert "hard call" not in card.message.text() and "incident" not in card.message.text()
    dialog = SelfCheckDialog(session.exposure, card.check)
    qtbot.addWidget(dialog)
    dialog.show()
    for key in (Qt.Key.Key_3, Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_1):
        qtbot.keyClick(dialog.focusWidget(), key)
    with qtbot.waitSignal(dialog.help_requested):
        qtbot.mouseClick(dialog.help_button, Qt.MouseButton.LeftButton)
    dialog.save()
    assert "supervisor or a peer" in dialog.response.text()
    assert dialog.saved is not None and dialog.saved.answers == {
        "returns": 3,
        "sleep": 1,
        "rest": 2,
        "support": 1,
    }
    home.refresh_recovery()
    assert not card.isVisible()  # the month check is not due yet


def test_home_moves_or_dismisses_a_self_check(qtbot, session):
    session.exposure.log_shift(day=date(2026, 1, 5), critical=True, self_checks=True)
    home = HomeScreen(session, clock=lambda: datetime(2026, 2, 10, 11, 0))
    qtbot.addWidget(home)
    home.show()
    first = home.self_check_card.check
    home._on_self_check_dismiss_requested(first)
    second = home.self_check_card.check
    assert second is not None and second.kind == "1m"
    home._on_self_check_move_requested(second, date.today())
    assert [c.due for c in session.exposure.self_checks(pending_only=True)] == [date.today()]


def test_days_since_break_only_when_turned_on(qtbot, session):
    home = HomeScreen(session, clock=lambda: datetime(2026, 3, 10, 9, 0))
    qtbot.addWidget(home)
    home.show()
    assert not home.recovery_card.isVisible()
    session.settings.set(RECOVERY_ON_HOME, True)
    session.exposure.mark_break(date(2026, 3, 6), date(2026, 3, 7))
    home.refresh_recovery()
    assert home.recovery_card.isVisible()
    assert home.recovery_card.message.text() == "Your last real break was 3 days ago."
    session.settings.set(INFER_BREAKS, True)
    session.exposure.log_shift(day=date(2026, 3, 8), hours=8)  # the 9th had no shift
    home.refresh_recovery()
    assert home.recovery_card.message.text() == "Your last real break was yesterday."


def test_after_work_check_is_optional_and_undone_with_the_check_in(qtbot, session):
    from reflect.ui.screens.checkin_screen import CheckinScreen

    screen = CheckinScreen(session)
    qtbot.addWidget(screen)
    first = next(iter(screen.item_rows))
    screen.item_rows[first].set_value(2)
    screen.save_checkin()
    assert session.exposure.after_work() == []  # left empty: nothing saved
    screen._on_result_done()
    screen.item_rows[first].set_value(2)
    screen.after_work.switched_off.set_value(1)
    screen.after_work.helped.setText("a  walk home")
    screen.save_checkin()
    ((_, switched_off, helped),) = session.exposure.after_work()
    assert (switched_off, helped) == (1, "a walk home")
    screen._on_result_undo()
    assert session.exposure.after_work() == []


def test_tray_notice_once_per_due_moment_and_nothing_about_why(qtbot):
    from reflect.domain.recovery import SELF_CHECK_MESSAGE
    from reflect.ui.self_check_notifier import SelfCheckNotifier

    now = {"t": datetime(2026, 1, 8, 9, 0)}
    due = {"t": datetime(2026, 1, 8, 10, 0)}
    notifier = SelfCheckNotifier(None, lambda: due["t"], clock=lambda: now["t"])
    shown = []
    notifier.show = lambda: shown.append(SELF_CHECK_MESSAGE)  # type: ignore[method-assign]
    notifier.start()
    assert shown == [] and notifier.timer.isActive()
    assert notifier.timer.interval() == 60 * 60 * 1000  # exactly until the due moment
    now["t"] = datetime(2026, 1, 20, 9, 0)  # woke from a long sleep: shown once
    notifier.check_now()
    notifier.check_now()
    assert shown == [SELF_CHECK_MESSAGE]
    due["t"] = None
    notifier.check_now()
    assert not notifier.timer.isActive()
    notifier.stop()


def test_shift_logged_beside_a_new_reflection_is_linked_once_saved(qtbot, session, monkeypatch):
    from reflect.ui.screens.reflect_screen import ReflectScreen

    def fill_and_save(dialog):  # the modal dialog, answered as a person would
        dialog.form.hours.setText("6")
        dialog.form.counts["disclosures"].setText("2")
        dialog.save()
        return 1

    monkeypatch.setattr(ShiftLogDialog, "exec", fill_and_save)
    screen = ReflectScreen(session)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(data_events(session).exposure_changed):
        screen.log_shift()
    (log,) = session.exposure.shifts()
    assert log.reflection_id is None and log.day == screen.details.occurred_at().date()
    box = next(iter(screen.form.text_widgets().values()))
    box.setPlainText("A long shift.") if hasattr(box, "setPlainText") else box.setText("x")
    saved = screen.save()
    assert saved is not None
    assert [s.reflection_id for s in session.exposure.shifts()] == [saved.id]
    assert session.exposure.shifts_for_reflection(saved.id)[0].disclosures == 2
