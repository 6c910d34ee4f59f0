"""Tab leaves a date field at once; Left and Right move between its parts (date_field_keys).

Qt's default took Tab through every part (day, month, year, hours, minutes) before the next
field; the platforms' own date pickers leave with Tab and move between parts with arrows."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QDateTimeEdit,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from reflect.ui.screens.reflect_screen import ReflectScreen
from reflect.ui.widgets.wall_clock import hold_wall_clock, to_qdatetime
from reflect.ui.widgets.wheel_guard import install_wheel_guard


def _date() -> QDateTimeEdit:
    return QDateEdit(QDate(2026, 12, 7))


def _time() -> QDateTimeEdit:
    return QTimeEdit(QTime(18, 30))


def _moment() -> QDateTimeEdit:
    edit = QDateTimeEdit()
    hold_wall_clock(edit)
    # A set moment, not the clock's: at a minute past :59 Up could not change the minutes.
    edit.setDateTime(to_qdatetime(datetime(2026, 12, 7, 18, 30)))
    return edit


@pytest.fixture(params=[_date, _time, _moment], ids=["date", "time", "date-and-time"])
def form(request, qtbot, qapp):
    """A line edit, the field, a line edit: as in every Reflect form."""
    install_wheel_guard(qapp)
    window = QWidget()
    layout = QVBoxLayout(window)
    before, field, after = QLineEdit(), request.param(), QLineEdit()
    for widget in (before, field, after):
        layout.addWidget(widget)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield before, field, after
    del window  # kept alive (with its fields) until the test ends


def _press(key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> QWidget:
    from pytestqt.qtbot import QtBot

    QtBot.keyClick(QApplication.focusWidget(), key, modifier)
    return QApplication.focusWidget()


def _focus(qtbot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def test_tab_goes_through_the_field_in_one_press(qtbot, form):
    before, field, after = form
    assert field.sectionCount() > 1  # there are parts Tab used to stop on
    _focus(qtbot, before)
    assert _press(Qt.Key.Key_Tab) is field
    assert _press(Qt.Key.Key_Tab) is after


@pytest.mark.parametrize(
    "backwards",
    [(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier), (Qt.Key.Key_Backtab, None)],
    ids=["shift-tab", "backtab"],
)
def test_shift_tab_goes_back_through_it_in_one_press_too(qtbot, form, backwards):
    before, field, after = form
    key, modifier = backwards
    modifier = modifier or Qt.KeyboardModifier.NoModifier
    _focus(qtbot, after)
    assert _press(key, modifier) is field
    assert _press(key, modifier) is before


def test_every_part_is_reached_with_left_and_right(qtbot, form):
    before, field, _after = form
    _focus(qtbot, before)
    _press(Qt.Key.Key_Tab)
    reached = {field.currentSectionIndex()}
    for _ in field.text():  # Qt moves the cursor a character at a time
        assert _press(Qt.Key.Key_Right) is field
        reached.add(field.currentSectionIndex())
    assert reached == set(range(field.sectionCount()))
    for _ in field.text():
        assert _press(Qt.Key.Key_Left) is field
    assert field.currentSectionIndex() == 0


def test_up_changes_the_part_left_and_right_chose(qtbot, form):
    before, field, _after = form
    _focus(qtbot, before)
    _press(Qt.Key.Key_Tab)
    last = field.sectionCount() - 1
    for _ in field.text():
        _press(Qt.Key.Key_Right)
    assert field.currentSectionIndex() == last
    section = field.currentSection()
    was = field.sectionText(section)
    _press(Qt.Key.Key_Up)
    assert field.sectionText(section) != was
    assert field.hasFocus()


def test_ctrl_tab_is_left_to_qt(qtbot, form):
    """Only a plain Tab is a move between fields; the field's part stays where it was."""
    before, field, _after = form
    _focus(qtbot, before)
    _press(Qt.Key.Key_Tab)
    _press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert field.currentSectionIndex() == 0


def test_the_reflection_forms_moment_lets_tab_go_on(qtbot, qapp, session):
    """A real form: the moment of a reflection (a date and a time, five parts)."""
    install_wheel_guard(qapp)
    screen = ReflectScreen(session)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    when = screen.details.when
    _focus(qtbot, when)
    left_to = _press(Qt.Key.Key_Tab)
    assert left_to is not when and not when.isAncestorOf(left_to)
    assert _press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier) is when
