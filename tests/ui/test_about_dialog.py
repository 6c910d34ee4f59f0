"""About Reflect names the version, SQLCipher and Qt, in English and French."""

from __future__ import annotations

import pytest
from PySide6.QtCore import qVersion

from reflect import __version__
from reflect.ui.i18n import set_language
from reflect.ui.screens.about_dialog import AboutDialog


@pytest.mark.parametrize("language", ["en", "fr"])
def test_about_shows_reflect_sqlcipher_and_qt_versions(qtbot, language):
    set_language(language)
    try:
        dialog = AboutDialog()
        qtbot.addWidget(dialog)
        text = dialog.versions.text()
        assert __version__ in dialog.windowTitle() + text
        assert "SQLCipher 4." in text
        assert f"Qt {qVersion()}" in text
        assert ("Chiffrement" in text) == (language == "fr")
        dialog.show()
        dialog.grab().save(f"/tmp/packaging-about-{language}.png")
    finally:
        set_language("en")


def test_settings_opens_about(qtbot, session, monkeypatch):
    from reflect.ui.screens.settings_screen import SettingsScreen

    opened = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: opened.append(self) or 0)
    screen = SettingsScreen(session)
    qtbot.addWidget(screen)
    screen.about_button.click()
    assert len(opened) == 1


def test_the_app_icon_has_every_rendered_size(qtbot):
    from PySide6.QtCore import QSize

    from reflect.desktop_entry import ICON_SIZES
    from reflect.ui.app_icon import app_icon

    icon = app_icon()
    assert sorted(s.width() for s in icon.availableSizes()) == list(ICON_SIZES)
    assert not icon.pixmap(QSize(16, 16)).isNull()
