"""French puts a space before a question mark ("oubliée ?"); every catalogue follows it, so
the lock screen's "Forgot passphrase?" does not stand out as the one English-looking line."""

from __future__ import annotations

import re

from reflect.ui import i18n

# A question mark glued to a letter or closing bracket, as English writes it.
GLUED = re.compile(r"[\w)»]\?")


def test_french_question_marks_have_their_space():
    catalogue = i18n.load_catalogue("fr")
    glued = [
        f"{english!r}: {french!r}" for english, french in catalogue.items() if GLUED.search(french)
    ]
    assert glued == []
