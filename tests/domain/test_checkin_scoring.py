"""Category and overall scores, the rolling-median baseline, and the difference from it."""

from __future__ import annotations

import statistics
from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from reflect.domain.checkin import CATEGORIES, CheckIn
from reflect.domain.checkin_scoring import (
    baseline_from,
    score_checkin,
    score_history,
    strong_items,
)
from reflect.domain.usual import compare_wording
from reflect.services.checkins import load_shipped_checkin

DEFINITION = load_shipped_checkin()
ITEMS = [item.id for item in DEFINITION.items]
START = datetime(2026, 1, 5, 18, 0)


def uniform(value: int, day: int = 0) -> CheckIn:
    return CheckIn(START + timedelta(days=7 * day), {item: value for item in ITEMS})


def test_category_score_is_the_mean_of_its_items_and_overall_of_all_items():
    checkin = CheckIn(START, {"emotional.flat": 4, "emotional.short_fuse": 2, "work.dread": 0})
    scores = score_checkin(checkin, DEFINITION)
    assert scores.categories["emotional"] == 3
    assert scores.categories["work"] == 0
    assert scores.categories["physical"] is None  # not answered, not zero
    assert scores.overall == 2


def test_no_baseline_until_three_earlier_checkins():
    history = score_history([uniform(1, d) for d in range(4)], DEFINITION)
    assert [h.baseline.available for h in history] == [False, False, False, True]
    assert history[0].difference() is None
    assert compare_wording(history[0].difference()) == "no usual yet"


def test_baseline_is_the_median_of_the_last_eight_earlier_checkins():
    values = [0, 4, 1, 1, 2, 2, 2, 3, 3, 4]
    history = score_history([uniform(v, d) for d, v in enumerate(values)], DEFINITION)
    last = history[-1]
    assert last.baseline.based_on == 8
    assert last.baseline.overall == statistics.median(values[1:9])
    assert last.difference() == round(4 - statistics.median(values[1:9]), 2)
    assert compare_wording(last.difference()) == "higher than your usual"
    assert compare_wording(-0.2) == "about your usual"
    assert compare_wording(-1) == "lower than your usual"


def test_history_is_sorted_by_time_whatever_the_input_order():
    checkins = [uniform(v, d) for d, v in enumerate([1, 2, 3, 4])]
    history = score_history(list(reversed(checkins)), DEFINITION)
    assert [h.scores.overall for h in history] == [1, 2, 3, 4]


ratings = st.dictionaries(st.sampled_from(ITEMS), st.integers(0, 4), min_size=1)


@given(st.lists(ratings, min_size=1, max_size=15))
def test_scores_and_baselines_stay_on_the_zero_to_four_scale(all_ratings):
    checkins = [CheckIn(START + timedelta(days=i), r) for i, r in enumerate(all_ratings)]
    history = score_history(checkins, DEFINITION)
    earlier_overall = []
    for entry in history:
        assert 0 <= entry.scores.overall <= 4
        for category in CATEGORIES:
            value = entry.scores.categories[category]
            assert value is None or 0 <= value <= 4
        if entry.baseline.available:
            window = earlier_overall[-8:]
            assert min(window) <= entry.baseline.overall <= max(window)
            assert -4 <= entry.difference() <= 4
        earlier_overall.append(entry.scores.overall)


def test_baseline_ignores_categories_rarely_answered():
    scores = [score_checkin(CheckIn(START, {"work.dread": 3}), DEFINITION) for _ in range(3)]
    baseline = baseline_from(scores)
    assert baseline.categories["work"] == 3
    assert baseline.categories["emotional"] is None


def test_strong_items_are_the_top_ratings():
    assert strong_items(CheckIn(START, {"work.dread": 4, "emotional.flat": 3})) == ["work.dread"]


@given(st.lists(ratings, min_size=1, max_size=20), st.integers(0, 25))
def test_history_since_a_date_matches_the_full_history(all_ratings, offset):
    checkins = [CheckIn(START + timedelta(days=i), r) for i, r in enumerate(all_ratings)]
    since = START + timedelta(days=offset)
    full = [h for h in score_history(checkins, DEFINITION) if h.checkin.taken_at >= since]
    assert score_history(checkins, DEFINITION, since=since) == full
