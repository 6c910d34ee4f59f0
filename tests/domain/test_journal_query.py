"""Search input becomes a safe FTS5 query; snippets start near what was searched for."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reflect.domain.journal import JournalFilter, fts_query, snippet_around, snippet_of


def test_words_become_prefix_terms_and_phrases_stay_phrases():
    # Case is left to the index's tokenizer, which folds the query as it folded the text.
    assert fts_query("Exhausted court") == '"Exhausted"* "court"*'
    assert fts_query('"night shift" tired') == '"night shift" "tired"*'
    assert fts_query("") == ""


def test_fts_operators_are_plain_words():
    assert fts_query("AND OR NOT NEAR(a b)") == '"AND"* "OR"* "NOT"* "NEAR"* "a"* "b"*'
    assert fts_query('col:value ^start * "') == '"col"* "value"* "start"*'


def test_snippet_of_cuts_at_a_word():
    assert snippet_of("short text") == "short text"
    text = "word " * 60
    cut = snippet_of(text, 20)
    assert cut.endswith("…") and len(cut) <= 21 and "  " not in cut


def test_snippet_starts_near_the_first_hit():
    body = "Filler sentence about the day. " * 10 + "Then the housing question came up again."
    snippet = snippet_around(body, ["housing"], length=80)
    assert snippet.startswith("…") and "housing" in snippet
    assert snippet_around("Housing first.", ["housing"]) == "Housing first."
    assert snippet_around("nothing here", ["zebra"]) == "nothing here"


def test_empty_filter():
    assert JournalFilter().is_empty
    assert not JournalFilter(tag="x").is_empty


def _whole_text_snippet(body: str, length: int) -> str:
    """What snippet_of gave when it flattened the whole text (before it read only the start)."""
    flat = " ".join(body.split())
    if len(flat) <= length:
        return flat
    return flat[:length].rsplit(" ", 1)[0] + "…"


@given(
    st.text(alphabet=st.sampled_from("ab \n\t\u00a0é"), max_size=3000),
    st.integers(min_value=1, max_value=200),
)
def test_a_snippet_read_from_the_start_equals_the_whole_texts(body, length):
    # Long runs of spaces and breaks included: the start alone may then be too short.
    assert snippet_of(body, length) == _whole_text_snippet(body, length)
    assert snippet_around(body, [], length) == _whole_text_snippet(body, length)


def test_a_start_made_of_blank_lines_reads_further():
    body = "\n" * 2000 + "The words come late. " * 20
    assert snippet_of(body, 40) == _whole_text_snippet(body, 40)
    assert snippet_of(body, 40).startswith("The words come late.")
