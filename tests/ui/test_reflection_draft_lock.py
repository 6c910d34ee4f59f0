"""Locking keeps an unsaved reflection as an encrypted draft; the next unlock puts it back."""

from __future__ import annotations

from tests.ui.app_windows import unlock


def test_lock_saves_the_draft_and_unlock_offers_it_back(qtbot, window):
    unlock(qtbot, window)
    reflect = window.workspace.screens["reflect"]
    reflect.form.texts["what_happened"].setPlainText("half a thought before the lock")
    window.lock()
    assert window.is_locked

    unlock(qtbot, window)
    reflect = window.workspace.screens["reflect"]
    assert reflect.form.texts["what_happened"].toPlainText() == "half a thought before the lock"
    assert reflect.draft_banner.isVisibleTo(reflect)
    with qtbot.waitSignal(reflect.reflection_saved):
        reflect.save_button.click()
    assert window.session.journal.load_draft() is None
    assert window.session.journal.count() == 1
