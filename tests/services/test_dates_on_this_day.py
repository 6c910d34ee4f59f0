"""'A year ago today' around 29 February: a leap day's reflections are not skipped.

29 February 2024 has no date in 2025. Its reflections are looked back on on 28 February
2025, with that day's own; on 29 February 2028 the look-back is 28 February 2027.
"""

from __future__ import annotations

from datetime import date, datetime

from reflect.domain.reflection import Reflection


def test_the_days_a_year_before():
    from reflect.domain.journal_calendar import days_a_year_ago

    assert days_a_year_ago(date(2025, 2, 28)) == (date(2024, 2, 28), date(2024, 2, 29))
    assert days_a_year_ago(date(2025, 3, 1)) == (date(2024, 3, 1),)
    assert days_a_year_ago(date(2028, 2, 29)) == (date(2027, 2, 28),)
    assert days_a_year_ago(date(2027, 2, 28)) == (date(2026, 2, 28),)
    assert days_a_year_ago(date(2027, 1, 1)) == (date(2026, 1, 1),)


def test_a_leap_days_reflections_come_back_on_the_28th(session):
    for moment, text in (
        (datetime(2024, 2, 28, 21, 0), "the 28th"),
        (datetime(2024, 2, 29, 23, 30), "the leap day"),
        (datetime(2024, 3, 1, 0, 30), "the 1st"),
    ):
        session.journal.save(Reflection("free_write", moment, answers={"text": text}))
    found = session.journal.on_this_day(date(2025, 2, 28))
    assert [r.answers["text"] for r in found] == ["the 28th", "the leap day"]
    assert [r.answers["text"] for r in session.journal.on_this_day(date(2025, 3, 1))] == ["the 1st"]
