"""Each chart in words: the key numbers, compared with the person's usual, never a label."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from reflect.domain import trend_summaries as words
from reflect.domain.checkin import CheckIn
from reflect.domain.checkin_scoring import OVERALL, score_history
from reflect.domain.instrument_scoring import score
from reflect.domain.trends import (
    DailyHeaviness,
    LabelledCount,
    PracticeSeries,
    WeeklyReflections,
    instrument_series,
    one_category_series,
)
from reflect.services.checkins import load_shipped_checkin
from reflect.services.instruments import load_shipped_definitions

DEFINITION = load_shipped_checkin()
INSTRUMENTS = {d.id: d for d in load_shipped_definitions()}
DIAGNOSTIC = re.compile(r"diagnosed|you have|disorder|ptsd|depress|illness", re.IGNORECASE)


def test_category_summary_gives_the_latest_against_the_usual():
    start = datetime(2026, 1, 5, 18)
    checkins = [
        CheckIn(start + timedelta(days=7 * n), {i.id: v for i in DEFINITION.items})
        for n, v in enumerate([1, 1, 1, 1, 3])
    ]
    text = words.category_summary(one_category_series(score_history(checkins, DEFINITION), OVERALL))
    assert "5 check-ins" in text and "2 February 2026" in text
    assert "3.0 of 4, higher than your usual (1.0)" in text
    first = one_category_series(score_history(checkins[:1], DEFINITION), OVERALL)
    assert "no usual to compare with yet" in words.category_summary(first)
    assert words.category_summary(None) == "No check-ins in this range."


def test_instrument_summary_names_the_band_and_is_not_a_diagnosis():
    stss = INSTRUMENTS["stss"]
    result = score(stss, [5] * stss.item_count).to_result(datetime(2026, 2, 1))
    (series,) = instrument_series([result], INSTRUMENTS)
    text = words.instrument_summary(series)
    assert "Total 85 (band: Severe (49 or more))" in text
    assert "not a diagnosis" in text and not DIAGNOSTIC.search(text.replace("not a diagnosis", ""))


def test_reflections_practice_counts_and_heaviness_in_words():
    weekly = WeeklyReflections((date(2026, 3, 2), date(2026, 3, 9)), (1, 4), (None, 6.5))
    text = words.weekly_summary(weekly)
    assert "5 reflections over 2 weeks" in text and "9 March 2026 with 4" in text
    assert "6.5 to 6.5 of 10" in text
    assert words.weekly_summary(WeeklyReflections((), (), ())) == "No reflections in this range."
    practice = [PracticeSeries("a", "Active listening", (date(2026, 3, 1),), (4.25,), (2,))]
    assert "Active listening 4.2" in words.practice_summary(practice, "month")
    counts = [LabelledCount("x", "Balance", 1), LabelledCount("y", "Connection", 3)]
    assert words.counts_summary(counts, "Helped", "none") == "Helped: Connection 3, Balance 1."
    assert words.counts_summary([LabelledCount("x", "B", 0)], "Helped", "none") == "none"
    heavy = DailyHeaviness(
        date(2026, 3, 1), date(2026, 3, 31), {date(2026, 3, 4): 0.9, date(2026, 3, 5): 0.2}
    )
    assert "2 days" in words.heaviness_summary(heavy)
    assert "Wednesday 4 March 2026 (90% of the scale)" in words.heaviness_summary(heavy)
