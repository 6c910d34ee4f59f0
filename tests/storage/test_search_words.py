"""A word typed into the journal's search finds the reflections that contain it, whatever
its alphabet: the query is split and folded the way the full-text index splits the text.

Found by indexcheck: the query was case-folded (``casefold``) while the index only lowers
case, so "Straße" searched as "strasse" and "ﬁle" as "file", and a combining accent (text
pasted in decomposed form, "café" as e + U+0301) cut the word in two: those reflections
could not be found by typing their own words.
"""

from __future__ import annotations

import unicodedata

import pytest
import sqlcipher3
from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.domain.journal import fts_query, query_terms


def _index(texts: list[str]) -> sqlcipher3.Connection:
    # The same tokenizer as reflections_fts (sqlite-utils' enable_fts: FTS5's default).
    conn = sqlcipher3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE f USING fts5(body)")
    conn.executemany("INSERT INTO f(rowid, body) VALUES (?, ?)", list(enumerate(texts)))
    return conn


def _found(conn: sqlcipher3.Connection, typed: str) -> list[int]:
    rows = conn.execute("SELECT rowid FROM f WHERE f MATCH ?", [fts_query(typed)]).fetchall()
    return sorted(r[0] for r in rows)


@pytest.mark.parametrize(
    "word",
    [
        "Straße",
        "ﬁle",
        "İstanbul",
        unicodedata.normalize("NFD", "cafés"),
        unicodedata.normalize("NFD", "Élodie"),
        "ΣΟΦΟΣ",
        "l'équipe",
        "aujourd’hui",
        "x_y",
    ],
)
def test_a_word_finds_the_text_it_was_copied_from(word):
    conn = _index([f"before {word} after", "something else entirely"])
    assert _found(conn, word) == [0]


# Scripts well inside Unicode 6.1, the tables FTS5's tokenizer was built from (a letter added
# to Unicode later is a separator to the index, so no query can find it).
# New Tai Lue's vowel signs (U+19B0 to U+19C9) were spacing marks in 6.1 and letters since
# Unicode 8.0: Python calls "ᦰ" a letter, the index a separator (found by this test).
_LETTERS = st.characters(
    categories=["Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Mn"],
    max_codepoint=0x1FFF,
    exclude_characters="".join(chr(c) for c in range(0x19B0, 0x19CA)),
)


def _starts_with_a_letter(word: str) -> bool:
    return unicodedata.category(word[0])[0] in "LN"  # a lone accent is no word


@settings(max_examples=300, deadline=None)
@given(word=st.text(_LETTERS, min_size=1, max_size=12).filter(_starts_with_a_letter))
def test_any_word_of_letters_finds_itself(word):
    conn = _index([f"start {word} end", "zzzz"])
    if not query_terms(word):
        return
    assert 0 in _found(conn, word)


def test_highlighting_terms_fold_like_the_index():
    assert query_terms("Straße") == ["straße"]
