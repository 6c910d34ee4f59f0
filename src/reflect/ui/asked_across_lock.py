"""Modal questions whose answer counts only if Reflect stayed unlocked meanwhile.

A question (``QMessageBox``, a dialog's ``exec()``) runs its own event loop. When Reflect
locks while it is open (the idle lock, Ctrl+L, the tray), lock_dialogs closes it as rejected
and the question RETURNS into the code that asked it, whose session is now closed. That code
must then stop: the answer is Cancel, never Yes, and neither the Yes nor the Cancel path may
touch the session, the database or a draft (the lock already kept the draft). A dialog that
lock_dialogs cannot close (one with no parent in the window, the system's own) could even
bring back a Yes given after the lock; it is dropped too.

``run_modal`` says None when a lock came, so a caller whose Cancel path writes can tell;
``ask_yes`` and ``confirm_destructive`` simply say False. tests/ui/test_asked_across_lock.py
forbids a bare ``exec()``, ``QMessageBox.question`` or ``QInputDialog.get*`` in ui/ outside
this module.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from reflect.ui.lock_dialogs import locks_so_far

T = TypeVar("T")

Button = QMessageBox.StandardButton


def unless_locked(ask: Callable[[], T]) -> T | None:
    """``ask()``'s answer, or None when Reflect locked while it was being asked."""
    before = locks_so_far()
    answer = ask()
    return None if locks_so_far() != before else answer


def run_modal(dialog: QDialog) -> int | None:
    """``dialog.exec()``; None when Reflect locked while it was open (then stop: the
    session is closed, and the lock kept what needed keeping)."""
    # int(... or 0): exec() is an int; a stand-in that returns nothing is a rejection
    return unless_locked(lambda: int(dialog.exec() or 0))


def accepted(dialog: QDialog) -> bool:
    """True when the dialog was accepted and Reflect is still unlocked."""
    return run_modal(dialog) == QDialog.DialogCode.Accepted.value


def ask_yes(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    buttons: Button = Button.Yes | Button.No,
    default: Button = Button.No,
    yes: Button = Button.Yes,
    warning: bool = False,
) -> bool:
    """``QMessageBox.question`` (or ``.warning``): True only when the person chose ``yes``
    and Reflect did not lock meanwhile."""
    show = QMessageBox.warning if warning else QMessageBox.question
    return unless_locked(lambda: show(parent, title, text, buttons, default)) == yes
