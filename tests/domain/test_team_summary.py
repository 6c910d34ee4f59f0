"""The minimum-group rule: nothing about fewer than five people can be seen or worked out."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.domain.team_contribution import (
    BUCKETS,
    SCORE_KEYS,
    Contribution,
    MonthFigures,
    QuestionnaireBand,
)
from reflect.domain.team_summary import protect_counts, summarise


def contribution(index: int, months=("2026-01", "2026-02"), written="2026-03", **kw):
    rng = random.Random(index)
    return Contribution(
        contributor=f"{index:032x}",
        written=written,
        months=tuple(
            MonthFigures(
                m,
                {k: rng.choice([0.5, 1.0, 1.5, 2.0, 3.0]) for k in SCORE_KEYS},
                (QuestionnaireBand("proqol5", "burnout", rng.choice(["low", "moderate"])),),
                kw.get("bucket", rng.choice(BUCKETS)),
            )
            for m in months
        ),
    )


def test_four_contributors_show_nothing():
    summary = summarise([contribution(i) for i in range(4)])
    data = summary.to_json()
    assert data["contributors"] == 4 and data["suppressed"] is True
    for month in data["months"]:
        assert month["contributors"] is None
        assert all(v is None for v in month["categories"].values())
        assert all(v is None for v in month["reflections"].values())
        assert month["questionnaires"] == []


def test_six_contributors_show_figures():
    summary = summarise([contribution(i) for i in range(6)])
    data = summary.to_json()
    assert data["suppressed"] is False and data["min_group"] == 5
    first = data["months"][0]
    assert first["contributors"] == 6
    spread = first["categories"]["emotional"]
    assert set(spread) == {"median", "q1", "q3"}
    assert spread["q1"] <= spread["median"] <= spread["q3"]


def _one_month(index: int, emotional: float, written: str = "2026-03") -> Contribution:
    return Contribution(
        f"{index:032x}", written, (MonthFigures("2026-01", {"emotional": emotional}, (), "0"),)
    )


def test_duplicates_count_once_and_newer_wins():
    old = _one_month(1, 0.0, written="2026-02")
    new = _one_month(1, 4.0, written="2026-03")
    others = [_one_month(2, 4.0), _one_month(3, 4.0), _one_month(4, 0.0), _one_month(5, 0.0)]
    summary = summarise([new, *others, old])  # the old file, given last, still loses
    month = summary.months[0]
    assert summary.contributors == 5 and month.contributors == 5
    assert month.categories["emotional"].median == 4.0
    same = summarise([new, new, *others])
    assert same.contributors == 5 and same.months[0].contributors == 5
    four = summarise([old, new, *others[:3]])
    assert four.contributors == 4 and four.suppressed


def test_minimum_can_be_raised_not_lowered():
    seven = [contribution(i) for i in range(7)]
    assert not summarise(seven, 7).suppressed
    assert summarise(seven, 8).suppressed
    with pytest.raises(ValueError):
        summarise(seven, 4)


def test_category_with_few_values_is_hidden():
    people = [contribution(i, months=("2026-01",)) for i in range(6)]
    for person in people[:2]:
        person.months[0].checkins.pop("work")  # type: ignore[attr-defined]
    month = summarise(people).months[0]
    assert month.categories["work"] is None and month.categories["emotional"] is not None


def test_month_not_covered_by_a_small_group_is_hidden():
    # 7 contributors, 2 of whom did not cover February: "7 minus February's count" would
    # count those 2, so February is hidden while January shows.
    people = [contribution(i) for i in range(5)] + [
        contribution(i, months=("2026-01",)) for i in (5, 6)
    ]
    months = {m.month: m for m in summarise(people).months}
    assert months["2026-01"].contributors == 7
    assert months["2026-02"].contributors is None


def test_rare_band_is_hidden_with_a_complement():
    cells = {"low": 9, "moderate": 1, "high": 0, "not_taken": 6}
    shown = protect_counts(cells, 5)
    assert shown["moderate"] is None and shown["high"] is None
    hidden = [k for k, v in shown.items() if v is None]
    assert sum(cells[k] for k in hidden) >= 5  # not worked out by subtraction


def test_questionnaire_listed_only_with_enough_takers_and_known_bands():
    people = [contribution(i, months=("2026-01",)) for i in range(6)]
    month = summarise(people, known_bands={("proqol5", "burnout"): ("low", "moderate", "high")})
    q = month.months[0].questionnaires[0]
    assert list(q.bands) == ["low", "moderate", "high"]
    assert q.bands["high"] is None  # nobody there, and that is not said either


# --- properties -----------------------------------------------------------------------------


def _determinable_sums(cells: dict[str, int], shown: dict[str, int | None]):
    """Every subset sum a reader can work out from the shown cells and the shown total."""
    keys = list(cells)
    hidden = [k for k in keys if shown[k] is None]
    for size in range(1, len(keys) + 1):
        for subset in itertools.combinations(keys, size):
            chosen = set(subset)
            if chosen.isdisjoint(hidden) or chosen >= set(hidden):
                yield sum(cells[k] for k in subset)


@settings(max_examples=400, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["a", "b", "c", "d", "e", "f"]),
        st.integers(0, 30),
        min_size=1,
        max_size=6,
    ).filter(lambda cells: sum(cells.values()) >= 5),
    st.integers(5, 9),
)
def test_no_small_group_can_be_worked_out(cells, minimum):
    if sum(cells.values()) < minimum:
        return
    shown = protect_counts(cells, minimum)
    for key, value in shown.items():
        assert value is None or value == cells[key]
        assert value is None or value >= minimum
    for total in _determinable_sums(cells, shown):
        assert total >= minimum, (cells, shown)
    hidden = [k for k, v in shown.items() if v is None]
    if hidden:
        # Each hidden cell has several values consistent with what is shown.
        assert len(hidden) >= 2 and sum(cells[k] for k in hidden) >= minimum


people_strategy = st.lists(
    st.tuples(
        st.integers(0, 12),  # contributor (repeats test the deduplication)
        st.sets(st.sampled_from(["2026-01", "2026-02", "2026-03"]), min_size=1),
        st.sampled_from(BUCKETS),
        st.sampled_from(["low", "moderate", "high", None]),
        st.booleans(),
    ),
    max_size=16,
)


@settings(max_examples=200, deadline=None)
@given(people_strategy, st.integers(5, 7))
def test_summary_never_shows_a_small_group(people, minimum):
    contributions = [
        Contribution(
            f"{who:032x}",
            "2026-04",
            tuple(
                MonthFigures(
                    m,
                    {"emotional": 1.0} if checked else {},
                    (QuestionnaireBand("stss", "total", band),) if band else (),
                    bucket,
                )
                for m in sorted(months)
            ),
        )
        for who, months, bucket, band, checked in people
    ]
    summary = summarise(contributions, minimum)
    kept: dict[str, Contribution] = {}
    for c in contributions:
        if c.contributor not in kept or c.written >= kept[c.contributor].written:
            kept[c.contributor] = c
    assert summary.contributors == len(kept)
    for month in summary.months:
        covering = [c for c in kept.values() if any(m.month == month.month for m in c.months)]
        if month.contributors is not None:
            assert month.contributors == len(covering) >= minimum
            assert len(kept) - len(covering) in (0, *range(minimum, 10_000))
            # Reflection buckets add up to the shown total: check subtraction.
            actual = {
                b: sum(
                    1
                    for c in covering
                    for m in c.months
                    if m.month == month.month and m.reflections == b
                )
                for b in BUCKETS
            }
            for total in _determinable_sums(actual, month.reflections):
                assert total >= minimum
            for q in month.questionnaires:
                assert all(v is None or v >= minimum for v in q.bands.values())
                # Bands plus "did not take it" add up to the month's shown contributors.
                bands = [
                    next(
                        (
                            x.band
                            for x in m.questionnaires
                            if (x.instrument, x.subscale) == ("stss", "total")
                        ),
                        None,
                    )
                    for c in covering
                    for m in c.months
                    if m.month == month.month
                ]
                actual_q = {b: bands.count(b) for b in q.bands}
                actual_q["not_taken"] = bands.count(None)
                shown_q = {**q.bands, "not_taken": q.not_taken}
                assert sum(actual_q.values()) == month.contributors
                for total in _determinable_sums(actual_q, shown_q):
                    assert total >= minimum, (actual_q, shown_q)
        else:
            assert all(v is None for v in month.categories.values())
            assert all(v is None for v in month.reflections.values())
            assert not month.questionnaires
        for key, spread in month.categories.items():
            if spread is not None:
                having = [
                    c
                    for c in covering
                    for m in c.months
                    if m.month == month.month and key in m.checkins
                ]
                assert len(having) >= minimum
