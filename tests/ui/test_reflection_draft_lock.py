"""Locking keeps an unsaved reflection as an encrypted draft; the next unlock puts it back."""

from __future__ import annotations

import pytest

from reflect.ui.app_window import AppWindow
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


def test_lock_saves_the_draft_and_unlock_offers_it_back(qtbot, window):
    _unlock(qtbot, window)
    reflect = window.workspace.screens["reflect"]
    reflect.form.texts["what_happened"].setPlainText("half a thought before the lock")
    window.lock()
    assert window.is_locked

    _unlock(qtbot, window)
    reflect = window.workspace.screens["reflect"]
    assert reflect.form.texts["what_happened"].toPlainText() == "half a thought before the lock"
    assert reflect.draft_banner.isVisibleTo(reflect)
    with qtbot.waitSignal(reflect.reflection_saved):
        reflect.save_button.click()
    assert window.session.journal.load_draft() is None
    assert window.session.journal.count() == 1
