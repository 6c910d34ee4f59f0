"""A lock leaves nothing scheduled in the old workspace (lock_dialogs.retire).

Found by soaking (tests/soak/soak.py): a search typed in the journal, then Ctrl+L before the
search's short pause ended; the workspace waits for the next turn of the event loop to be
deleted, and meanwhile the pause ended and the search read the closed database
("Cannot operate on a closed database" in the error log)."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from tests.ui.app_windows import unlock


def _active_timers(widget):
    return [timer for timer in widget.findChildren(QTimer) if timer.isActive()]


def test_a_search_typed_just_before_the_lock_never_runs(qtbot, window):
    unlock(qtbot, window)
    workspace = window.workspace
    workspace.show_screen("journal")
    journal = workspace.journal
    journal.filters.search.setText("shift")  # the search waits for a pause in the typing
    assert _active_timers(workspace)
    window.lock()
    assert window.is_locked
    # Still there until the event loop turns, with nothing left to fire meanwhile.
    assert _active_timers(workspace) == []


def test_a_language_change_leaves_the_old_screens_quiet(qtbot, window):
    unlock(qtbot, window)
    workspace = window.workspace
    workspace.show_screen("journal")
    workspace.journal.filters.search.setText("shift")
    workspace.settings.language_combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.workspace is not workspace, timeout=5000)
    assert _active_timers(workspace) == []
