"""The app's import confirmation names what the archive cannot keep and which settings it
takes or refuses, in the interface language (the notes are translated templates)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from reflect.domain.message import Message
from reflect.services.import_settings import SAFETY_RULES
from reflect.services.importers import ImportPreview
from reflect.services.record_kinds import kind, setting
from reflect.ui.i18n import set_language
from reflect.ui.screens.data_dialog import DataDialog


def _preview() -> ImportPreview:
    return ImportPreview(
        source="reflect-archive",
        file="old-laptop.reflect-archive",
        counts={"reflections": {"new": 3, "duplicates": 0}},
        notes=[
            Message(
                "{table}: {count} links to rows that are not in the archive could not be "
                "kept; the rows were imported without them.",
                table=kind("follow_ups"),
                count=2,
            ),
            Message(
                "Setting “{name}” was taken from the archive (this profile had not set it).",
                name=setting("theme"),
            ),
            Message(
                "Setting “{name}” was not taken from the archive: {reason}.",
                name=setting("backup_enabled"),
                reason=SAFETY_RULES["backup_enabled"][1],
            ),
        ],
        links_not_kept={"follow_ups": 2},
        settings_adopted=["theme"],
        settings_not_adopted=["backup_enabled"],
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["follow-up actions: 2 links", "turn automatic backups off", "“Theme” was taken"]),
        (
            "fr",
            [
                "actions de suivi : 2 liens",
                "désactiverait les sauvegardes",
                "« Thème » a été repris",
            ],
        ),
    ],
)
def test_the_confirmation_lists_the_notes(qtbot, session, monkeypatch, language, expected):
    set_language(language)
    try:
        dialog = DataDialog(session)
        qtbot.addWidget(dialog)
        asked = []

        def answer(parent, title, text, *args):
            asked.append(text)
            box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
            box.setStandardButtons(
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
            )
            box.show()  # laid out as the real one is (long lines wrap)
            qtbot.waitExposed(box)
            box.grab().save(f"/tmp/archivetrust-import-{language}.png")
            box.close()
            return QMessageBox.StandardButton.Cancel

        monkeypatch.setattr(QMessageBox, "question", answer)
        dialog._confirm_import(Path("old-laptop.reflect-archive"), "secret", _preview())
    finally:
        set_language("en")
    assert asked, "no confirmation was asked"
    for words in expected:
        assert words in asked[0], asked[0]
    assert os.path.exists(f"/tmp/archivetrust-import-{language}.png")


def test_with_nothing_new_the_notes_are_still_shown(qtbot, session):
    dialog = DataDialog(session)
    qtbot.addWidget(dialog)
    preview = _preview()
    preview.counts = {}
    dialog._confirm_import(Path("old-laptop.reflect-archive"), "secret", preview)
    text = dialog.status.text()
    assert "Nothing new in old-laptop.reflect-archive" in text
    assert "it would turn automatic backups off" in text
