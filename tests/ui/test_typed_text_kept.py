"""Adversarial checks that nothing a person typed is lost or silently changed: a lock while
a dialog is open, a follow-up marked done elsewhere while its reflection is being edited."""

from __future__ import annotations

from datetime import datetime

import pytest

from reflect.domain.reflection import FollowUp, Reflection
from reflect.ui.app_window import AppWindow
from reflect.ui.screens.reflect_screen import ReflectScreen
from tests.conftest import PASSPHRASE


@pytest.fixture
def window(qtbot, paths, profile):
    win = AppWindow(paths, fast_kdf=True)
    qtbot.addWidget(win)
    win.show()
    return win


def _unlock(qtbot, win):
    win.lock_screen.passphrase_edit.setText(PASSPHRASE)
    win.lock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: not win.is_locked, timeout=5000)


def test_a_follow_up_marked_done_elsewhere_stays_done_when_its_reflection_is_saved(qtbot, session):
    saved = session.journal.save(
        Reflection(
            "trauma_informed",
            datetime(2026, 12, 1, 9, 0),
            answers={"what_happened": "first words"},
            follow_ups=[FollowUp("call the drop-in")],
        )
    )
    screen = ReflectScreen(session)
    qtbot.addWidget(screen)
    assert screen.edit_reflection(saved.id)
    # Meanwhile, on Home, the person ticks the follow-up off.
    session.journal.mark_follow_up_done(saved.follow_ups[0].id)
    screen.form.texts["what_happened"].setPlainText("first words, and a second thought")
    assert screen.save() is not None
    again = session.journal.get(saved.id)
    assert again.answers["what_happened"] == "first words, and a second thought"
    assert again.follow_ups[0].done_at is not None, "saving the text reopened the follow-up"
