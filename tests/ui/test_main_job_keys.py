"""The main job by keyboard alone, with its key presses counted (issue 16).

A returning user unlocks, writes a quick reflection and takes the check-in without the
mouse. Typing the passphrase and the reflection, and the digits that answer the check-in,
are the work itself; every other key press (Enter, Alt+2, Ctrl+S, Alt+4, Ctrl+Enter) is
counted. The target is at most 10; docs/user-guide.md states the number measured here.
"""

from __future__ import annotations

import time
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from reflect.domain.reflection import Reflection
from reflect.ui.app_window import AppWindow
from reflect.ui.screens.checkin_screen import CheckinScreen
from reflect.ui.screens.reflect_screen import ReflectScreen
from reflect.ui.widgets.template_picker import LAST_TEMPLATE
from tests.conftest import PASSPHRASE

MAX_EXTRA_KEYS = 10
MEASURED_EXTRA_KEYS = 5  # the number stated in docs/user-guide.md


class Keyboard:
    """Sends keys to whatever has the focus, as a person would, and counts the extra ones."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.extra = 0

    @staticmethod
    def focus() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.extra += 1
        self.qtbot.keyClick(self.focus(), key, modifier)
        QApplication.processEvents()

    def type(self, text: str) -> None:  # the writing itself: not counted
        self.qtbot.keyClicks(self.focus(), text)

    def answer(self, digit: int) -> None:  # an answer: not counted
        self.qtbot.keyClick(self.focus(), str(digit))


def test_unlock_reflect_and_check_in_with_few_keys(qtbot, paths, profile, session):
    # A returning user: a few check-ins already, and Quick was the template used last.
    items = [i.id for i in session.checkins.definition.items]
    for day in (3, 10, 17):
        session.checkins.record(dict.fromkeys(items, 1), taken_at=datetime(2026, 11, day, 18))
    session.journal.save(Reflection("quick", datetime(2026, 11, 17, 18), answers={}))
    session.settings.set(LAST_TEMPLATE, "quick")
    session.close()

    window = AppWindow(paths, fast_kdf=True)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.lock_screen.passphrase_edit.hasFocus(), timeout=3000)
    keys = Keyboard(qtbot)
    started = time.monotonic()

    keys.type(PASSPHRASE)
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)

    keys.press(Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    reflect = window.workspace.screens["reflect"]
    assert isinstance(reflect, ReflectScreen)
    assert reflect.form.template.id == "quick"  # the template used last
    assert isinstance(keys.focus(), QPlainTextEdit)  # the cursor is in the first text box
    keys.type("Long shift; one hard conversation went better than I feared.")
    with qtbot.waitSignal(reflect.reflection_saved):
        keys.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert reflect.saved_line.isVisible()

    keys.press(Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    checkin = window.workspace.screens["checkin"]
    assert isinstance(checkin, CheckinScreen)
    rows = [*checkin.item_rows.values(), checkin.sleep_row, checkin.energy_row]
    rows += list(checkin.helping_rows.values()) + list(checkin.strength_rows.values())
    for row in rows:
        assert keys.focus() is row
        keys.answer(2)  # a digit answers and moves on to the next question
    assert all(row.value() == 2 for row in rows)
    with qtbot.waitSignal(checkin.checkin_saved):
        keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    elapsed = time.monotonic() - started

    assert keys.extra <= MAX_EXTRA_KEYS
    assert keys.extra == MEASURED_EXTRA_KEYS, "update docs/user-guide.md with the new count"
    assert elapsed < 60
    window.lock()
