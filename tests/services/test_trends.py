"""Trends service on a real encrypted session: one read of the history, sliced per range."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from reflect.domain.checkin_scoring import OVERALL
from reflect.domain.reflection import PRACTICE_AREAS, STAGES_OF_CHANGE, Reflection, rating_key

TODAY = date.today()
NOW = datetime.combine(TODAY, datetime.min.time()).replace(hour=12)


def _reflect(session, days_ago, intensity, rating=None, stage=None, text="a private sentence"):
    answers = {"what_happened": text}
    if rating is not None:
        answers[rating_key(PRACTICE_AREAS[0])] = rating
    if stage is not None:
        answers["stage_of_change"] = stage
    return session.journal.save(
        Reflection(
            "trauma_informed", NOW - timedelta(days=days_ago), intensity=intensity, answers=answers
        )
    )


def _checkin(session, days_ago, value, helping=None):
    items = {item.id: value for item in session.checkins.definition.items}
    return session.checkins.record(items, helping=helping, taken_at=NOW - timedelta(days=days_ago))


def test_series_come_from_the_database_and_follow_the_range(session):
    for n, value in enumerate([1, 1, 1, 1, 3]):
        _checkin(session, 200 - n * 7 if n < 3 else 20 - n, value, helping={"balance": 4})
    _reflect(session, 3, 8, rating=4, stage=STAGES_OF_CHANGE[0])
    _reflect(session, 2, 2, rating=2, stage=STAGES_OF_CHANGE[0])
    _reflect(session, 100, 5)
    session.instruments.record("who5", [3] * 5, taken_at=NOW - timedelta(days=10))

    month = session.trends.build_for("4w")
    overall = month.categories[0]
    assert overall.key == OVERALL and overall.values == (1.0, 3.0)
    # Baselines still use the check-ins before the range.
    assert overall.baseline == (1.0, 1.0)
    assert sum(month.weekly.counts) == 2
    assert [s.key for s in month.practice] == [PRACTICE_AREAS[0]]
    assert month.stages[0].count == 2
    assert month.instruments[0].instrument_id == "who5"
    assert {c.key: c.count for c in month.helped}["balance"] == 2
    assert (NOW - timedelta(days=2)).date() in month.heaviness.values

    year = session.trends.build_for("1y")
    assert len(year.categories[0].dates) == 5 and sum(year.weekly.counts) == 3
    assert session.trends.first_day() == (NOW - timedelta(days=200)).date()


def test_the_cache_notices_new_edited_and_deleted_data(session):
    first = _reflect(session, 1, 4)
    assert 4 in session.trends.build_for("4w").weekly.mean_intensity
    first.intensity = 9
    session.journal.save(first)
    assert 9 in session.trends.build_for("4w").weekly.mean_intensity
    session.journal.delete(first.id)
    assert sum(session.trends.build_for("4w").weekly.counts) == 0
    _checkin(session, 1, 2)
    assert session.trends.build_for("4w").categories[0].values == (2.0,)


def test_nothing_recorded_gives_empty_series_not_errors(session):
    data = session.trends.build_for("all")
    assert data.weekly.weeks == () and data.instruments == () and data.helped_checkins == 0
    assert session.trends.first_day() is None


def test_reading_trends_never_loads_reflection_text(session):
    _reflect(session, 1, 4, text="MARKER-should-not-be-read")
    points = session.trends._source.reflection_points()
    assert len(points) == 1
    assert "MARKER" not in repr(points)


def test_a_partial_read_covers_its_range_and_a_wider_range_reads_the_rest(session):
    for days_ago in (300, 200, 20, 10, 3):
        _checkin(session, days_ago, 1)
        _reflect(session, days_ago, 5)
    trends = session.trends
    month = trends.range("4w")
    trends.adopt(trends.snapshot(month.since))
    assert trends.covers(month) and not trends.covers(trends.range("1y"))
    assert trends.build(month).reflection_count == 3
    assert trends.first_day() == (NOW - timedelta(days=300)).date()  # without reading it all

    assert trends.build(trends.range("all")).reflection_count == 5  # reads the rest
    assert trends.covers(trends.range("all")) and trends.covers(month)
    trends.adopt(trends.snapshot(month.since))  # a partial read never replaces the whole
    assert trends.covers(trends.range("all"))

    _reflect(session, 1, 7)
    assert not trends.covers(month)  # new data: the next build reads again
    assert trends.build(month).reflection_count == 4


def test_a_snapshot_read_on_another_connection_is_adopted_only_if_still_current(session):
    from reflect.services.worker_session import separate_session

    _checkin(session, 5, 2)
    with separate_session(session) as second:
        snapshot = second.trends.snapshot()
    session.trends.adopt(snapshot)
    assert session.trends.covers(session.trends.range("all"))
    with separate_session(session) as second:
        stale = second.trends.snapshot()
    _checkin(session, 4, 3)
    session.trends.adopt(stale)
    assert not session.trends.covers(session.trends.range("all"))
    assert session.trends.build_for("all").checkin_count == 2


def test_an_edit_during_a_history_read_is_never_adopted_as_current(session):
    """Regression: an intensity edit keeps row counts and largest ids; the cache must notice."""
    from reflect.services.worker_session import separate_session

    saved = _reflect(session, 2, 2)
    with separate_session(session) as second:
        in_flight = second.trends.snapshot()  # the worker's read, before the edit lands
    session.journal.save(replace(session.journal.get(saved.id), intensity=9))
    session.trends.adopt(in_flight)
    assert not session.trends.covers(session.trends.range("all"))
    weekly = session.trends.build_for("all").weekly
    assert [m for m in weekly.mean_intensity if m is not None] == [9.0]


def test_the_revision_is_the_same_on_every_connection_and_moves_on_every_write(session):
    from reflect.services.worker_session import separate_session

    saved = _reflect(session, 2, 2)
    with separate_session(session) as second:
        seen_elsewhere = second.trends.snapshot().version
    assert seen_elsewhere == session.trends.snapshot().version
    session.journal.save(replace(session.journal.get(saved.id), intensity=3))
    assert session.trends.snapshot().version != seen_elsewhere
