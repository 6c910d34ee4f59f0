"""Audit of the content a person relies on, against /work/shared/research (content-facts.md,
second-wave-facts.md): each test reproduces one defect found in the audit."""

from __future__ import annotations

import re

import pytest

from reflect.domain.identity_guard import find_identifiers
from reflect.services.resources import shipped_crisis_directory

# Every phone number Reflect itself lists in Get help now (crisis_lines.json). The numbers
# are public (second-wave-facts.md: Hope for Wellness 1-855-242-3310, SAMHSA TTY
# 1-800-487-4889; content-facts.md section 6 for the others), so writing down the one given
# to someone identifies nobody and must not be flagged as a client's phone number.
SHIPPED_NUMBERS = sorted(
    {
        channel.value
        for lines in shipped_crisis_directory().countries.values()
        for line in lines
        for channel in line.channels
        if len(re.sub(r"\D", "", channel.value)) >= 10
    }
)


def test_the_shipped_numbers_include_the_second_wave_lines():
    assert "1-855-242-3310" in SHIPPED_NUMBERS  # Hope for Wellness (second-wave facts)
    assert "1-800-487-4889" in SHIPPED_NUMBERS  # SAMHSA TTY (second-wave facts)


@pytest.mark.parametrize("number", SHIPPED_NUMBERS)
def test_help_lines_reflect_lists_are_not_flagged_as_identifying(number):
    text = f"Gave them the number {number} before they left."
    assert find_identifiers(text) == [], number


def _about_facts() -> str:
    from reflect.services.resources import shipped_about_content

    return " ".join(fact.text for section in shipped_about_content() for fact in section.facts)


def test_every_figure_of_the_crisis_disclosure_is_cited_on_the_about_page():
    # content-facts.md section 7: "Crisis Text Line ~1%; 988 <2%". Get help now and
    # `reflect help-lines` show both figures, so About the content must cite both.
    disclosure = shipped_crisis_directory().disclosure
    about = _about_facts()
    for figure in re.findall(r"\d+(?:\.\d+)?%", disclosure):
        assert re.search(rf"(?<![\d.]){re.escape(figure)}", about), figure


def _about_section(section_id: str) -> str:
    from reflect.services.resources import shipped_about_content

    (section,) = [s for s in shipped_about_content() if s.id == section_id]
    return " ".join(fact.text for fact in section.facts)


@pytest.mark.parametrize(
    ("instrument_id", "section_id", "caveat_words", "about_words"),
    [
        # content-facts.md 1b, STSS row: "Some websites publish wrong scoring (0-4 scale,
        # wrong groupings)".
        ("stss", "stss", "0 to 4 scale", "0 to 4 scale"),
        # content-facts.md 1b, CBI row: "Item order varies between papers".
        ("cbi", "cbi", "Item order differs between papers", "item order differs between papers"),
        # content-facts.md 1b, CBI row: '"client" is replaceable'.
        ("cbi", "cbi", "'Client' can be replaced", "'client' can be replaced"),
        # content-facts.md 1b, ProQOL row: "t-scores: mean 50, SD 10".
        ("proqol5", "proqol", "t-scores", "t-scores"),
    ],
)
def test_facts_in_instrument_caveats_are_cited_on_the_about_page(
    instrument_id, section_id, caveat_words, about_words
):
    from reflect.services.instruments import load_shipped_definitions

    (definition,) = [d for d in load_shipped_definitions() if d.id == instrument_id]
    assert any(caveat_words in caveat for caveat in definition.caveats)
    assert about_words in _about_section(section_id).lower()


@pytest.mark.parametrize(
    ("line_id", "note_words", "about_words"),
    [
        # content-facts.md section 6: 988 Canada "free; launched 2023-11-30; led by CAMH".
        ("988-ca", "led by CAMH", "led by CAMH"),
        ("988-ca", "Free.", "free"),
        # content-facts.md section 6: Canadian Human Trafficking Hotline "TTY".
        ("trafficking-ca", "TTY available", "TTY"),
        # content-facts.md section 6: Crisis Text Line "Volunteers".
        ("crisis-text-line", "trained volunteers", "volunteers"),
    ],
)
def test_facts_in_help_line_notes_are_cited_on_the_about_page(line_id, note_words, about_words):
    lines = {
        line.id: line for lines in shipped_crisis_directory().countries.values() for line in lines
    }
    assert note_words in lines[line_id].notes
    name = lines[line_id].name
    cited = [
        fact.text
        for fact in _crisis_facts()
        if name in fact.text and about_words.lower() in fact.text.lower()
    ]
    assert cited, (line_id, about_words)


def _crisis_facts():
    from reflect.services.resources import shipped_about_content

    (section,) = [s for s in shipped_about_content() if s.id == "crisis-lines"]
    return section.facts
