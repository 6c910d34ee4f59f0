"""The contribute dialog says what the month code allows, in English and French."""

from __future__ import annotations

from datetime import datetime

import pytest

from reflect.domain.team_contribution import FORMAT_V2
from reflect.ui.i18n import set_language


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ("same code in every file", "cannot be linked")),
        ("fr", ("même code dans chaque fichier", "ne peuvent pas être reliés")),
    ],
)
def test_the_preview_explains_the_month_code(qtbot, session, language, words):
    from reflect.ui.screens.team_contribute_dialog import TeamContributeDialog

    items = [item.id for item in session.checkins.definition.items]
    session.checkins.record(dict.fromkeys(items, 2), taken_at=datetime.now())
    set_language(language)
    try:
        dialog = TeamContributeDialog(session)
        qtbot.addWidget(dialog)
        dialog.show()
        text = dialog.preview.toPlainText()
        assert all(w in text for w in words), text
        assert dialog.contribution is not None and dialog.contribution.format == FORMAT_V2
        dialog.grab().save(f"/tmp/teamcount-contribute-{language}.png")
    finally:
        set_language("en")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_team_screen_note_mentions_the_month_code(qtbot, session, language):
    from reflect.services.demo_team import fill_demo_team
    from reflect.ui.screens.team_screen import TeamScreen

    fill_demo_team(session, 14)
    set_language(language)
    try:
        screen = TeamScreen(session)
        qtbot.addWidget(screen)
        screen.resize(1100, 900)
        screen.show()
        texts = [
            label.text() for label in screen.figures.findChildren(type(screen.figures.words_label))
        ]
        assert any(("code per month" if language == "en" else "code par mois") in t for t in texts)
        screen.grab().save(f"/tmp/teamcount-team-{language}.png")
    finally:
        set_language("en")
