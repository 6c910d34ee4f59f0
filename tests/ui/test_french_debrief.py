"""The Debrief screen, debrief mode and the exported summary in French; English unchanged."""

from __future__ import annotations

import io
from datetime import date

import pypdf
import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QMessageBox

from reflect.domain.debrief import CHARTS
from reflect.services.debrief_content import AGENDA, SHARE_BANNER, VOLUNTARY_NOTE
from reflect.services.debrief_markdown import debrief_markdown
from reflect.services.debrief_view import ENERGY_WORDS, ENGLISH, SLEEP_WORDS
from reflect.ui import i18n
from reflect.ui.debrief_pdf import PLAIN_WARNING
from reflect.ui.screens.debrief_mode import DebriefMode
from reflect.ui.screens.debrief_screen import DebriefScreen
from reflect.ui.widgets import share_picker, share_preview
from reflect.ui.widgets.debrief_cards import KIND_LABELS
from tests.services.debrief_fixtures import prepared_debrief, seed
from tests.ui.test_debrief_ui import all_texts


def debrief_texts() -> list[str]:
    texts = [SHARE_BANNER, VOLUNTARY_NOTE, PLAIN_WARNING, share_preview.EMPTY_TEXT]
    texts += [text for step in AGENDA for text in (step.title, step.prompt)]
    texts += [*CHARTS.values(), *SLEEP_WORDS, *ENERGY_WORDS, *KIND_LABELS.values()]
    texts += [label for _, label in share_picker.TABS]
    texts += [*share_picker.EMPTY.values(), share_picker.NO_MATCH]
    texts += list(share_picker.LIST_NAMES.values())
    return texts


def test_every_debrief_content_text_has_french(french):
    missing = [text for text in debrief_texts() if text not in french]
    assert missing == []


@pytest.fixture
def prepared_fr(qtbot, session, french):
    seeded = seed(session)
    debrief = prepared_debrief(session, seeded)
    session.debrief.add_action(debrief.id, "Book a day off", "Sam", date(2026, 12, 4))
    screen = DebriefScreen(session)
    qtbot.addWidget(screen)
    screen.open_debrief(debrief.id)
    return screen, debrief


def test_prepare_screen_in_french(qtbot, session, french):
    screen = DebriefScreen(session)
    qtbot.addWidget(screen)
    assert screen.start_button.text() == "Commencer le mode débreffage"
    assert screen.title.text().startswith("Débreffage du ")
    assert screen.picker.tabs.tabText(1) == "Bilans"
    assert screen.picker.summary.text() == "Rien de partagé pour l'instant."
    assert (
        screen.history.item(0).text() == "Aucun débreffage pour l'instant. Préparez-en un à droite."
    )
    assert screen.preview.state.text().startswith("Sélectionnez un élément")
    screen.title.setText("   ")
    assert not screen.save()
    assert screen.status.text().startswith("Veuillez donner un titre au débreffage")
    text = all_texts(screen)
    for english in ("Start debrief mode", "Export PDF", "Nothing is shared", "Optional"):
        assert english not in text


def test_choices_and_preview_in_french(prepared_fr):
    screen, _ = prepared_fr
    checkins = screen.picker.lists["checkin"]
    assert "signes d'alerte" in checkins.item(0).text() and " sur 4" in checkins.item(0).text()
    assert screen.picker.lists["chart"].item(0).text() == "Signes d'alerte lors des derniers bilans"
    screen.picker.tabs.setCurrentIndex(1)
    checkins.setCurrentRow(0)
    card_text = all_texts(screen.preview)
    assert "<b>Sommeil\u00a0:</b> mauvais" in card_text  # French puts a space before a colon
    assert "Émotions\u00a0: 2,0 sur 4" in card_text


def test_debrief_mode_in_french(qtbot, prepared_fr, monkeypatch):
    screen, _ = prepared_fr
    monkeypatch.setattr(DebriefMode, "showFullScreen", DebriefMode.show)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    mode = screen.start_mode()
    assert mode is not None
    try:
        assert mode.steps.item(0).text() == "1. Accueil et sécurité"
        assert mode.step_title.text() == "Accueil et sécurité"
        assert mode.finish_button.text() == "Marquer comme terminé"
        text = all_texts(mode)
        assert "Seul ce que vous avez choisi de partager est affiché" in text
        assert "Évaluations de la pratique, moyenne par volet" in text
        assert "2,0 sur 4" in text  # a French decimal comma
        assert "d'ici le 4 déc. 2026" in text
        assert "Check-in and safety" not in text and " of 4" not in text
    finally:
        mode.leave_without_asking()


def test_summary_is_written_in_french(prepared_fr):
    screen, _ = prepared_fr
    markdown = screen.export_bytes("md").decode("utf-8")
    assert "## Sujets" in markdown and "## Actions convenues" in markdown
    assert "Avec Sam Rivera" in markdown
    assert "(responsable : Sam; pour le 4 déc. 2026)" in markdown
    assert "## Topics" not in markdown and " of 4" not in markdown
    pdf = pypdf.PdfReader(io.BytesIO(screen.export_bytes("pdf")))
    flat = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    flat = flat.replace("\ufb00", "ff").replace("\ufb03", "ffi")  # the PDF's ligatures
    assert "Actions convenues" in flat and "Partagé pour ce débreffage" in flat


def test_english_summary_is_unchanged(session):
    seeded = seed(session)
    debrief = prepared_debrief(session, seeded)
    session.debrief.add_action(debrief.id, "Book a day off", "Sam", date(2026, 12, 4))
    view = session.debrief.shared_view(debrief.id)
    markdown = debrief_markdown(view)
    assert markdown == debrief_markdown(session.debrief.shared_view(debrief.id, ENGLISH), ENGLISH)
    assert "## Topics" in markdown and "With Sam Rivera" in markdown
    assert "- **Warning signs overall:** 2.0 of 4" in markdown
    assert "(owner: Sam; due 4 Dec 2026)" in markdown
    assert [step.title for step in view.agenda] == [step.title for step in AGENDA]
    assert session.debrief.new().title.startswith("Debrief ")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_history_empty_state_fits_at_larger_type(qtbot, session, language):
    """At 1.5x type the empty history and open-actions notes wrap and are shown whole, and
    the screen still fits a 1100-pixel window beside the navigation."""
    i18n.set_language(language)
    try:
        screen = DebriefScreen(session)
        qtbot.addWidget(screen)
        font = screen.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        screen.setFont(font)
        screen.resize(1100, 760)
        screen.show()
        qtbot.waitExposed(screen)
        assert screen.minimumSizeHint().width() <= 900
        for widget in (screen.history, screen.open_actions):
            item = widget.item(0)
            rect = widget.visualItemRect(item)
            needed = widget.fontMetrics().boundingRect(
                QRect(0, 0, rect.width(), 10_000), Qt.TextFlag.TextWordWrap, item.text()
            )
            assert rect.height() >= needed.height()
            assert widget.viewport().rect().contains(rect)
    finally:
        i18n.set_language("en")
