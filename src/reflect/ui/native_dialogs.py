"""File and print dialogs whose answer counts only if Reflect stayed unlocked meanwhile.

QFileDialog's static functions and QPrintDialog may show the system's own dialog, which the
lock cannot close (lock_dialogs closes Reflect's dialogs only). If Reflect locked while one
was open (the idle lock, Ctrl+L, SIGTERM), it returns afterwards with the path, or the
"Print", chosen before the person walked away, into code whose database is now closed.
These wrappers turn such an answer into Cancel, which every caller already handles: nothing
is read, written or printed after the lock. tests/ui/test_native_dialogs_over_a_lock.py
checks that no code in ui/ calls those dialogs directly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from reflect.ui.asked_across_lock import accepted
from reflect.ui.lock_dialogs import locks_so_far

T = TypeVar("T")


def _unless_locked(ask: Callable[[], T], cancelled: T) -> T:
    before = locks_so_far()
    answer = ask()
    return cancelled if locks_so_far() != before else answer


def save_file_name(
    parent: QWidget, caption: str, directory: str = "", file_filter: str = ""
) -> tuple[str, str]:
    """``QFileDialog.getSaveFileName``; ("", "") when Reflect locked while it was open."""
    return _unless_locked(
        lambda: QFileDialog.getSaveFileName(parent, caption, directory, file_filter), ("", "")
    )


def open_file_name(
    parent: QWidget, caption: str, directory: str = "", file_filter: str = ""
) -> tuple[str, str]:
    """``QFileDialog.getOpenFileName``; ("", "") when Reflect locked while it was open."""
    return _unless_locked(
        lambda: QFileDialog.getOpenFileName(parent, caption, directory, file_filter), ("", "")
    )


def open_file_names(
    parent: QWidget, caption: str, directory: str = "", file_filter: str = ""
) -> tuple[list[str], str]:
    """``QFileDialog.getOpenFileNames``; no files when Reflect locked while it was open."""
    nothing: tuple[list[str], str] = ([], "")
    return _unless_locked(
        lambda: QFileDialog.getOpenFileNames(parent, caption, directory, file_filter), nothing
    )


def print_accepted(dialog: QDialog) -> bool:
    """Run a ``QPrintDialog``: True when the person chose Print and Reflect is still unlocked."""
    return accepted(dialog)
