from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QPushButton

from reflect.ui.screens.recovery_key_dialog import RecoveryKeyDialog
from reflect.ui.screens.settings_screen import SettingsScreen


def test_settings_makes_a_recovery_key_that_opens_the_profile(
    qtbot, session, profile_service, profile, monkeypatch
):
    shown = []
    # The person chooses "Make a new key" (the safe "Cancel" is the default).
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: box.findChild(QPushButton, "destructiveChoice").click()
    )
    monkeypatch.setattr(RecoveryKeyDialog, "exec", lambda self: shown.append(self._code) or 1)
    screen = SettingsScreen(session, profiles=profile_service)
    qtbot.addWidget(screen)
    screen.recovery_button.click()
    assert len(shown) == 1
    assert profile_service.has_recovery_key(profile)
    session.close()
    reopened = profile_service.unlock_with_recovery_key(
        profile, shown[0], "new passphrase here", "new passphrase here"
    )
    reopened.close()
