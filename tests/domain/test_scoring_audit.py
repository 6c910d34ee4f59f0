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
