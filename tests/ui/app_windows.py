"""Unlocking Reflect's window the way a person does (the ``window`` fixture is in conftest)."""

from __future__ import annotations

from tests.conftest import PASSPHRASE


def unlock(qtbot, win, passphrase: str = PASSPHRASE) -> None:
    """Type the passphrase, press Unlock and wait for the workspace."""
    win.lock_screen.passphrase_edit.setText(passphrase)
    win.lock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: not win.is_locked, timeout=5000)
