"""The demo generator: every template, believable trends, follow-ups, all through the services."""

from __future__ import annotations

import statistics
from datetime import date, datetime, timedelta

from reflect.domain.identity_guard import find_identifiers
from reflect.resources import asset_path
from reflect.services.demo import DEMO_PASSPHRASE, ensure_demo_profile, find_demo_profile
from reflect.services.demo_data import fill_demo_profile, load_curve


def test_a_year_of_demo_data_uses_every_template_and_tells_a_story(session):
    added = fill_demo_profile(session, years=1, end=date(2026, 6, 30))
    assert added["reflections"] == 250 and added["checkins"] == 104
    reflections = session.journal.all_reflections()
    shipped = {p.stem for p in asset_path("templates").glob("*.json")}
    assert {r.template_id for r in reflections} == shipped
    assert all(date(2025, 7, 1) <= r.occurred_at.date() <= date(2026, 6, 30) for r in reflections)
    assert session.journal.search(None, limit=5)  # indexed and readable through the service

    follow_ups = [f for r in reflections for f in r.follow_ups]
    assert follow_ups and any(f.done_at for f in follow_ups)
    assert session.journal.open_follow_ups()

    scored = session.checkins.scored_history()
    overall = [s.scores.get("overall") for s in scored if s.scores.get("overall") is not None]
    assert len(overall) == 104
    assert max(overall) - min(overall) > 1.2  # heavy stretches and calmer weeks
    results = session.instruments.results()
    assert {r.instrument_id for r in results} == {"who5", "proqol5", "stss", "cbi"}
    assert session.resources.load_plan().warning_signs


def test_demo_text_never_looks_like_it_identifies_anyone(session):
    fill_demo_profile(session, years=1, end=date(2026, 6, 30), reflections_per_year=120)
    for reflection in session.journal.all_reflections():
        text = reflection.searchable_text()
        assert find_identifiers(text) == [], text


def test_load_curve_has_heavy_periods_and_recovery():
    import random

    curve = load_curve(random.Random(1), 730)
    assert all(0 <= v <= 1 for v in curve)
    assert max(curve) > 0.5 and min(curve) < 0.3
    assert statistics.median(curve) < 0.45  # mostly calmer than the peaks


def test_ensure_demo_profile_creates_once(profile_service):
    first = ensure_demo_profile(profile_service, years=1)
    assert first.is_demo and find_demo_profile(profile_service) == first
    session = profile_service.unlock(first, DEMO_PASSPHRASE)
    try:
        count = session.journal.count()
    finally:
        session.close()
    assert ensure_demo_profile(profile_service) == first
    session = profile_service.unlock(first, DEMO_PASSPHRASE)
    try:
        assert session.journal.count() == count
    finally:
        session.close()


def test_demo_debriefs_share_chosen_items_and_keep_one_coming_up(session):
    fill_demo_profile(session, years=1, end=date(2026, 6, 30))
    history = session.debrief.history()
    assert len(history) >= 5
    done = [d for d in history if d.completed_at]
    upcoming = [d for d in history if not d.completed_at]
    assert len(upcoming) == 1 and upcoming[0].scheduled_for.date() == date(2026, 7, 7)
    kinds = {kind for d in done for kind, _ in d.shared}
    assert kinds == {"reflection", "checkin", "chart"}
    view = session.debrief.shared_view(done[-1].id)
    assert view is not None
    assert session.debrief.open_actions()  # the latest debrief's actions are still open


def test_demo_exposure_has_shifts_breaks_and_two_incidents_with_follow_ups(session):
    end = date(2026, 6, 30)
    added = fill_demo_profile(session, years=1, end=end)
    exposure = session.exposure
    shifts = exposure.shifts()
    assert added["shift_logs"] == len(shifts) > 200 and added["breaks"] == len(exposure.breaks())
    incidents = [s for s in shifts if s.critical]
    assert len(incidents) == 2 and all(s.outline for s in incidents)
    assert not any(find_identifiers(s.outline) for s in incidents)
    checks = exposure.self_checks()
    assert len(checks) == 4 and sorted(c.status for c in checks).count("done") == 2
    # The recent incident's first self-check is waiting on the demo's last day.
    due = exposure.due_self_checks(
        datetime.combine(end + timedelta(days=1), datetime.min.time()).replace(hour=12)
    )
    assert [c.kind for c in due] == ["3d"]
    breaks = {day for b in exposure.breaks() for day in (b.start, b.end)}
    assert not any(s.day in breaks for s in shifts)  # nobody logs a shift on their day off
    heavy = sorted(shifts, key=lambda s: s.disclosures or 0)
    assert (heavy[-1].disclosures or 0) > (heavy[0].disclosures or 0)
