from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from reflect.domain.journal_calendar import a_year_ago, month_bounds
from reflect.domain.word_count import count_words, words


def test_words_are_counted_as_a_reader_would():
    assert count_words("") == 0
    assert count_words("   \n ") == 0
    assert count_words("I didn't rush; self-care matters.") == 5
    assert count_words("Une journée très chargée, l’équipe était là") == 7
    assert count_words("— 3 visits, 2 calls —") == 4


@given(st.text(max_size=300))
def test_word_spans_lie_inside_the_text_and_agree_with_the_count(text):
    spans = words(text)
    assert len(spans) == count_words(text)
    for start, length in spans:
        assert length > 0 and start >= 0 and start + length <= len(text)


def test_month_bounds_and_a_year_ago():
    assert month_bounds(2026, 2) == (date(2026, 2, 1), date(2026, 2, 28))
    assert month_bounds(2026, 12) == (date(2026, 12, 1), date(2026, 12, 31))
    assert a_year_ago(date(2028, 2, 29)) == date(2027, 2, 28)
    assert a_year_ago(date(2026, 12, 6)) == date(2025, 12, 6)
