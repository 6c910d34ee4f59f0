"""What search should find, worked out without the index: a naive scan of the reflections.

Shared by the tests that change reflections every way Reflect can and then ask whether the
full-text index still agrees with them (no reflection hidden, no deleted one found).
"""

from __future__ import annotations

import unicodedata

from reflect.domain.journal import JournalFilter
from reflect.domain.reflection import Reflection
from reflect.storage import search_index

ALPHABETS = ("zq", "éq", "σq", "жq")  # every word: two letters and five more, all unique


def word(number: int, alphabet: str = "zq") -> str:
    """A distinctive word; all have the same length, so none is the start of another."""
    return alphabet + "".join(chr(ord("a") + (number // 26**i) % 26) for i in range(5))


def _tokens(text: str) -> set[str]:
    words, current = set(), []
    for char in unicodedata.normalize("NFC", text.lower()) + " ":
        if unicodedata.category(char)[0] in "LNM":
            current.append(char)
        elif current:
            words.add("".join(current))
            current = []
    return words


def searchable_words(reflection: Reflection) -> set[str]:
    """Every word of a reflection that the journal's search is meant to find."""
    return _tokens("\n".join([reflection.searchable_text(), *reflection.tags, reflection.setting]))


def expected(session, words: list[str]) -> dict[str, set[int]]:
    """Which reflections hold a word starting with each of ``words`` (search finds
    "exhaust" in "exhausted")."""
    found: dict[str, set[int]] = {w: set() for w in words}
    for reflection in session.journal.all_reflections():
        held = searchable_words(reflection)
        for w in words:
            if any(token.startswith(w) for token in held):
                found[w].add(reflection.id)
    return found


def assert_search_agrees(session, words: list[str], typed=lambda w: w) -> None:
    """Each word finds exactly the reflections holding it, and the index passes FTS5's
    own comparison with the reflections."""
    want = expected(session, words)
    for w in words:
        query = JournalFilter(query=typed(w))
        got = {s.id for s in session.journal.search(query)}
        assert got == want[w], f"search for {typed(w)!r}: found {got}, stored in {want[w]}"
        assert session.journal.count_matching(query) == len(want[w])
    state = search_index.problems(session.db.conn)
    assert state.problems == [], [str(p) for p in state.problems]
    assert state.reflections == state.indexed == session.journal.count()
