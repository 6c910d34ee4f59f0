"""The lock screen greets a French speaker in French from the next start on."""

from __future__ import annotations

import json
import os
import stat

import pytest

from reflect.ui import i18n
from reflect.ui.app_window import AppWindow, apply_qt_language
from reflect.ui.interface_language import remember_language, remembered_language
from tests.conftest import PASSPHRASE


@pytest.fixture(autouse=True)
def back_to_english():
    yield
    apply_qt_language("en")
    i18n.set_language("en")


def test_nothing_kept_means_english(paths):
    assert remembered_language(paths) == "en"
    paths.ensure()
    for odd in ("not json", '["fr"]', '{"language": "klingon"}'):
        paths.interface_file.write_text(odd, encoding="utf-8")
        assert remembered_language(paths) == "en"


def test_kept_language_is_one_private_word(paths):
    remember_language(paths, "fr")
    assert json.loads(paths.interface_file.read_text(encoding="utf-8")) == {"language": "fr"}
    assert stat.S_IMODE(os.stat(paths.interface_file).st_mode) == 0o600
    remember_language(paths, "xx")  # unknown codes are not kept
    assert remembered_language(paths) == "fr"


def test_next_start_after_a_french_profile_opens_in_french(qtbot, paths, profile_service, profile):
    opened = profile_service.unlock(profile, PASSPHRASE)
    opened.settings.set("language", "fr")
    opened.close()
    first = AppWindow(paths, fast_kdf=True)
    qtbot.addWidget(first)
    assert first.lock_screen.unlock_button.text() == "Unlock"  # nothing kept yet
    first.lock_screen.passphrase_edit.setText(PASSPHRASE)
    first.lock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: not first.is_locked, timeout=5000)
    first.lock()
    first.close()

    i18n.set_language("en")  # a new start begins from nothing in memory
    second = AppWindow(paths, fast_kdf=True)
    qtbot.addWidget(second)
    assert i18n.current_language() == "fr"
    assert second.lock_screen.unlock_button.text() != "Unlock"
    assert second.lock_screen.unlock_button.text() == i18n.tr("Unlock")
