"""Shift logs, breaks and self-checks survive a round trip through the encrypted database."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflect.domain.errors import ValidationError
from reflect.domain.exposure import Break, ShiftLog
from reflect.domain.recovery import DISMISSED, DONE, plan_self_checks
from reflect.services.exposure import ExposureService
from reflect.storage.exposure_repository import ExposureRepository
from tests.conftest import PASSPHRASE

NOW = datetime(2026, 6, 15, 18, 30)


def test_a_shift_and_its_checks_round_trip(db):
    repo = ExposureRepository(db)
    log = ShiftLog(
        date(2026, 6, 12),
        hours=7.25,
        encounters=5,
        disclosures=2,
        material=1,
        crises=0,
        critical=True,
        outline="a hard phone call",
        created_at=NOW,
    )
    saved = repo.add_shift(log, plan_self_checks(log.day))
    assert saved.id is not None
    assert repo.get_shift(saved.id) == ShiftLog(**{**log.__dict__, "id": saved.id})
    checks = repo.checks()
    assert [(c.kind, c.due, c.shift_id) for c in checks] == [
        ("3d", date(2026, 6, 15), saved.id),
        ("1m", date(2026, 7, 12), saved.id),
    ]
    empty = repo.add_shift(ShiftLog(date(2026, 6, 13), hours=4))
    assert repo.get_shift(empty.id).disclosures is None  # "not given" stays distinct from 0
    assert [s.id for s in repo.shifts(date(2026, 6, 13))] == [empty.id]
    repo.delete_shift(saved.id)
    assert repo.checks() == [] and repo.shift_count() == 1


def test_breaks_overlap_query(db):
    repo = ExposureRepository(db)
    repo.add_break(Break(date(2026, 5, 1), date(2026, 5, 10), "leave"))
    repo.add_break(Break(date(2026, 6, 1), date(2026, 6, 1)))
    assert [b.kind for b in repo.breaks(date(2026, 5, 10), date(2026, 5, 31))] == ["leave"]
    assert len(repo.breaks()) == 2


def test_service_rules(db):
    service = ExposureService(ExposureRepository(db), clock=lambda: NOW)
    with pytest.raises(ValidationError, match="Nothing to log"):
        service.log_shift()
    with pytest.raises(ValidationError, match="has not come yet"):
        service.log_shift(day=date(2026, 6, 16), hours=3)
    # An outline without a critical incident is simply not kept.
    plain = service.log_shift(hours=3, outline="not kept")
    assert plain.outline == "" and plain.day == NOW.date()
    incident = service.log_shift(critical=True, outline="  one\nline  ")
    assert incident.outline == "one line" and service.self_checks() == []  # never forced
    offered = service.offer_self_checks(incident.id)
    assert len(offered) == 2 and service.offer_self_checks(incident.id) == offered
    with pytest.raises(ValidationError):
        service.offer_self_checks(plain.id)
    first, second = offered
    assert service.due_self_checks(datetime(2026, 6, 18, 11)) == [first]
    moved = service.move_self_check(first.id, date(2026, 6, 20))
    assert moved.due == date(2026, 6, 20)
    assert service.complete_self_check(first.id).status == DONE
    assert service.dismiss_all_self_checks() == 1
    assert [c.status for c in service.self_checks() if c.id == second.id] == [DISMISSED]
    assert service.self_checks(pending_only=True) == []
    service.mark_break(date(2026, 6, 10), date(2026, 6, 11))
    assert service.days_since_break() == 4


def test_checks_persist_across_a_restart(profile_service, profile):
    session = profile_service.unlock(profile, PASSPHRASE)
    try:
        session.exposure.log_shift(day=date(2026, 1, 5), critical=True, self_checks=True)
    finally:
        session.close()
    again = profile_service.unlock(profile, PASSPHRASE)
    try:
        due = again.exposure.due_self_checks(datetime(2026, 2, 10, 12))
        assert [c.kind for c in due] == ["3d", "1m"]
    finally:
        again.close()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    value=st.one_of(
        st.none(),
        st.integers(-(10**12), 10**12),
        st.floats(allow_nan=True),
        st.text(max_size=30),
        st.binary(max_size=10),
    ),
    column=st.sampled_from(
        ["day", "hours", "encounters", "disclosures", "critical", "outline", "created_at"]
    ),
    check_column=st.sampled_from(["kind", "due_on", "status", "closed_at", "answers"]),
)
def test_hostile_merged_rows_are_left_out_never_raised(db, value, column, check_column):
    """Rows arrive as they are from an imported archive: whatever they hold, reading them
    (as Home and Trends do) never raises."""
    with db.atomic():
        db.execute("DELETE FROM shift_logs")
        db.execute("DELETE FROM shift_self_checks")
        db.execute("DELETE FROM breaks")
        good = {"day": "2026-01-05", "critical": 1, "outline": "", "created_at": None}
        db.table("shift_logs").insert({**good, column: value})
        db.table("shift_self_checks").insert(
            {"kind": "3d", "due_on": "2026-01-08", "status": "pending", check_column: value}
        )
        db.table("breaks").insert({"start_day": value, "end_day": "2026-01-01", "kind": "leave"})
    service = ExposureService(ExposureRepository(db), clock=lambda: NOW)
    service.shifts()
    service.view(None, NOW.date())
    service.due_self_checks()
    service.next_self_check()
    service.days_since_break(infer=True)
