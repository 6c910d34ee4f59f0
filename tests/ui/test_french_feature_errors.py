"""Refusals from the new features (team, exposure, journal tools, reflective accounts) reach
the person in French: the account dialog said 'Choose at least one reflection for the
account.' in English in a French interface, and so did the action plan and the shift log."""

from __future__ import annotations

import pytest

from reflect.domain.errors import ValidationError
from reflect.ui.error_text import message_in_language

MESSAGES = [
    "Choose at least one reflection for the account.",
    "An account can draw on 50 reflections at most.",
    "The account still holds something that could identify a person. Change it, or confirm "
    "each item, before exporting.",
    "An assessment answered in the app needs its item text ('item_text').",
    "A shift cannot be logged for a day that has not come yet.",
    "That date is too far in the past.",
    "Nothing to log yet: fill in at least one number or mark a critical incident.",
    "Self-checks are offered after a critical incident only.",
    "Switching off is rated from 0 to 4.",
    "What helped is limited to 300 characters.",
    "Nothing to save in the after-work check.",
    "The outline must be one line.",
    "The outline is limited to 160 characters.",
    "An outline is only kept for a critical incident.",
    "The outline can hold plain text only.",
    "A break cannot end before it starts.",
    "A break is limited to a year; add another for longer leave.",
    "Hours must be between 0 and 24.",
    "This self-check is already closed.",
    "Choose today or a later day.",
    "Choose a day within the next six months.",
    "A group assessment has 2 to 500 people; alone means one.",
    "Write what will be done.",
    "Write who will do it (a role is enough).",
    "Keep each field under 500 characters.",
    "The review date comes on or after the date it is due.",
    "A tag needs at least one letter or number.",
]


@pytest.mark.parametrize("english", MESSAGES)
def test_feature_refusals_are_in_french(french, english):
    assert message_in_language(ValidationError(english)) != english


def test_the_listed_sentences_are_the_ones_the_code_raises():
    # The constants the f-strings use: if one changes, this list must follow.
    from reflect.domain.exposure import MAX_HOURS, OUTLINE_MAX
    from reflect.domain.org_assessment import MAX_TEXT
    from reflect.services.accounts import MAX_REFLECTIONS
    from reflect.services.exposure import AFTER_WORK_HELPED_MAX

    assert (MAX_REFLECTIONS, OUTLINE_MAX, MAX_TEXT, AFTER_WORK_HELPED_MAX) == (50, 160, 500, 300)
    assert f"{MAX_HOURS:g}" == "24"
