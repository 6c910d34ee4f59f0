from __future__ import annotations

import pytest

from reflect.services import spelling
from reflect.services.spelling import SpellService


@pytest.fixture(scope="module")
def english():
    service = SpellService("en")
    assert service.load()
    return service


def _bad(service, text):
    return [text[s : s + n] for s, n in service.misspelt(text)]


def test_english_with_british_and_canadian_spellings(english):
    text = "I realised the organisation's colour policy didn't help; I recieve calls. NHS"
    assert _bad(english, text) == ["recieve"]
    assert "receive" in english.suggestions("recieve")
    assert english.suggestions("Recieve")[0][0].isupper()


def test_field_words_and_personal_words_are_known(english):
    assert _bad(english, "My supervisee and I had a debriefing at the hotline") == []
    assert _bad(english, "Zorblat came by") == ["Zorblat"]
    english.add_word("Zorblat")
    assert _bad(english, "Zorblat came by") == []


def test_french_elisions_are_checked_after_the_apostrophe():
    french = SpellService("fr")
    assert french.load()
    assert _bad(french, "L’équipe était épuisée aujourd’hui, qu'il pleuve ou nnon") == ["nnon"]


def test_a_missing_word_list_means_no_checking_and_a_note(monkeypatch):
    def broken(_language):
        raise FileNotFoundError("no list")

    monkeypatch.setattr(spelling, "_load", broken)
    service = SpellService("en")
    assert not service.load()
    assert service.misspelt("recieve wrold") == []
    assert "off" in service.note


def test_nothing_is_underlined_before_the_list_has_loaded():
    assert SpellService("en").misspelt("recieve") == []
