"""Locking closes the dialogs opened from the unlocked window.

Left open over the lock screen, a dialog would show what it holds (a reply being written, a
new recovery key) to whoever comes by, and its Save would write into a closed database and
fail without a word. The system's own file and print dialogs cannot be closed: each lock is
counted instead, and native_dialogs drops an answer given across one.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

KEEP_OPEN_WHEN_LOCKED = "keepOpenWhenLocked"  # a dialog's property: Get help now sets it
RECOVERY_KEY_HIDDEN = (
    "Reflect locked while a new recovery key was on screen. If you did not write it down, "
    "unlock and make a new one in Settings."
)

NOT_KEPT_ON_LOCK = "Reflect locked, but something you had typed could not be kept: {error}"
NOT_KEPT_ON_REBUILD = (
    "Something you typed could not be saved ({error}), so the screens stay as they are and "
    "keep it. The new setting applies the next time you unlock."
)

_locks = 0  # how many times the window locked while unlocked; see native_dialogs


def locks_so_far() -> int:
    return _locks


def close_dialogs_opened_from(window: QWidget) -> bool:
    """Close every visible dialog under ``window``, innermost first (called by the lock).
    True when one of them was showing a new recovery key (not yet confirmed as written
    down, or it would have closed)."""
    global _locks
    _locks += 1  # a native file or print dialog still open: its answer no longer counts
    _close_popups()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog)]
    mine = [
        d
        for d in dialogs
        if d.isVisible() and _opened_from(d, window) and not d.property(KEEP_OPEN_WHEN_LOCKED)
    ]
    if not mine:
        return False
    from reflect.ui.screens.recovery_key_dialog import RecoveryKeyDialog

    key_hidden = any(isinstance(d, RecoveryKeyDialog) for d in mine)
    for dialog in sorted(mine, key=_depth, reverse=True):
        # done(), not reject(): the recovery key dialog refuses reject() until the key is
        # confirmed, and a key that opens the profile must not stay over the lock screen.
        dialog.done(QDialog.DialogCode.Rejected.value)
    return key_hidden


def _close_popups() -> None:
    """An open menu or drop-down list is no dialog, yet it would stay over the lock screen
    (the spelling menu names the word it is about) and its actions would still run, into
    the closed database ("Add to my words"). Nested menus close innermost first."""
    for _ in range(32):  # bounded: a popup that refuses to close must not hang the lock
        popup = QApplication.activePopupWidget()
        if popup is None:
            return
        popup.close()


def _opened_from(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        parent = parent.parentWidget()
    return parent is window


def _depth(widget: QWidget) -> int:
    depth, parent = 0, widget.parentWidget()
    while parent is not None:
        depth, parent = depth + 1, parent.parentWidget()
    return depth


def retire(workspace: QWidget) -> None:
    """The workspace a lock (or a language change) leaves: deleted at the next turn of the
    event loop, and quiet until then. Its timers (a search's pause after typing, an
    autosave) would otherwise still fire in between, and after a lock read a closed
    database: a soak run saw the journal search run after Ctrl+L. Drafts are already saved
    (``before_lock``)."""
    for timer in workspace.findChildren(QTimer):
        timer.stop()
    workspace.deleteLater()
