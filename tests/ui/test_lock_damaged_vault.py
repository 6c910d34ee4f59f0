"""Forgot passphrase? on a profile whose vault.json is damaged says so, in words."""

from __future__ import annotations

import pytest

from reflect.ui.app_window import AppWindow


@pytest.fixture
def window(qtbot, paths, profile):
    win = AppWindow(paths, fast_kdf=True)
    qtbot.addWidget(win)
    return win


@pytest.mark.parametrize("content", ['{"format": 1}', '{"format": 1, "passphrase": {}', "[]"])
def test_forgot_passphrase_with_a_damaged_vault_explains(qtbot, window, profile, content):
    profile.vault_path.write_text(content, encoding="utf-8")
    window.lock_screen.forgot_button.click()
    text = window.lock_screen.status_label.text()
    assert "vault.json" in text or "Cannot read" in text
