"""A save that fails in SQLite or the OS is told in one clear sentence, in French too.

Before: the app showed SQLite's own English text ("Not saved yet: database or disk is
full") whatever the language; the command line already said "The disk is full: …".
"""

from __future__ import annotations

import errno

import sqlcipher3

from reflect.ui.error_text import message_in_language
from reflect.ui.screens.checkin_screen import CheckinScreen

DISK_FULL_EN = (
    "The disk is full: Reflect could not write in the data folder. Nothing was changed; "
    "free some space and try again."
)


def _disk_full(*_args, **_kwargs):
    raise sqlcipher3.OperationalError("database or disk is full")


def test_a_checkin_save_on_a_full_disk_says_so_in_french(qtbot, session, monkeypatch, french):
    screen = CheckinScreen(session)
    qtbot.addWidget(screen)
    next(iter(screen.item_rows.values())).set_value(2)
    monkeypatch.setattr(session.checkins, "record", _disk_full)
    screen.save_button.click()
    text = screen.error.text()
    assert text.startswith("Pas encore enregistré : Le disque est plein"), text
    assert "dossier de données" in text
    assert "database" not in text and "disk is full" not in text


def test_the_english_sentence_is_the_command_lines():
    assert message_in_language(sqlcipher3.OperationalError("database or disk is full")) == (
        DISK_FULL_EN
    )


def test_sqlite_and_os_failures_in_french(french):
    readonly = message_in_language(sqlcipher3.OperationalError("attempt to write a readonly db"))
    assert readonly.startswith("Reflect ne peut pas écrire dans le dossier de données"), readonly
    full = message_in_language(OSError(errno.ENOSPC, "No space left on device", "/x/plans"))
    assert full.startswith("Le disque est plein"), full
    assert "/x/plans" in full
    damaged = message_in_language(sqlcipher3.DatabaseError("database disk image is malformed"))
    assert "endommagé" in damaged and "malformed" in damaged  # SQLite's words, quoted


def test_other_errors_are_shown_as_they_came(french):
    assert message_in_language(ValueError("something odd")) == "something odd"
