"""The row validators are strong enough: every generated row they accept, once stored, is
read by the journal, search, check-ins, debriefs, My plan and every plain export without an
error; every row they refuse is refused with one short message naming table, row and field.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.faults.input_helpers import GOOD_ROWS

from reflect.services.export import export_profile
from reflect.services.importers.reflect_archive import row_context
from reflect.services.row_validators import BadRow, validate_tables

DATES = [
    "2026-03-01T18:00:00",
    "2026-03-01",
    "2026-03-01 18:00",
    "0001-01-01T00:00:00",
    "9999-12-31T23:59:59",
    "2026-03-01T18:00:00+02:00",
]
JSON_TEXT = [
    "[]",
    "{}",
    '["a", "b"]',
    '{"work.swamped": 4}',
    '{"text": "x", "safe_environment.rating": 3}',
    '{"text": 5}',
    '{"not_ready": true, "not_ready_steps": ["a"]}',
    '[["chart", "intensity"]]',
    '[["checkin", "7"]]',
    '{"what_went_well": "x"}',
    '{"wellbeing": 1e6}',
    '{"a": [1, [2, [3]]]}',
    "[1e308]",
    '"just text"',
    "null",
]
hostile = st.one_of(
    st.none(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from(DATES + JSON_TEXT),
    st.binary(max_size=8),
)
COLUMNS = {
    table: [c for c in row if c not in ("id", "section", "key", "notice_id")]
    for table, row in GOOD_ROWS.items()
}


@pytest.fixture
def context(session):
    return row_context(session)


def _read_everything(session, tmp_path) -> None:
    session.journal.all_reflections()
    session.journal.search(None)
    session.journal.open_follow_ups()
    session.checkins.scored_history()
    session.instruments.results()
    session.debrief.history()
    session.resources.load_plan()
    session.resources.help_contacts()
    session.settings.all()
    session.team.assessments()
    session.team.actions()
    session.team.summary()
    for name in ("markdown", "json", "csv"):
        export_profile(session, name, tmp_path / f"out-{name}", plain_ok=True)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    table=st.sampled_from(sorted(GOOD_ROWS)),
    picks=st.lists(st.integers(min_value=0), min_size=1, max_size=2),
    values=st.lists(hostile, min_size=2, max_size=2),
)
def test_accepted_rows_are_readable_and_refused_rows_are_named(
    session, context, tmp_path, table, picks, values
):
    row = dict(GOOD_ROWS[table])
    for pick, value in zip(picks, values, strict=False):
        row[COLUMNS[table][pick % len(COLUMNS[table])]] = value
    if "id" in row:
        row["id"] = 1000
    try:
        validate_tables(iter([(table, iter([row]))]), context, "probe.reflect-archive")
    except BadRow as exc:
        message = str(exc)
        assert message.startswith(f"probe.reflect-archive: table {table}, row 1, field ")
        assert len(message) < 400 and "\n" not in message
        return
    db = session.db
    db.conn.execute("BEGIN")
    try:
        names = ", ".join(f'"{c}"' for c in row)
        db.conn.execute(
            f'INSERT OR REPLACE INTO "{table}" ({names}) VALUES ({", ".join("?" * len(row))})',
            list(row.values()),
        )
        _read_everything(session, tmp_path)
    finally:
        db.conn.execute("ROLLBACK")


def test_the_reference_rows_are_accepted_and_readable(session, context, tmp_path):
    """The accepting branch of the property above is real: Reflect's own rows pass."""
    validate_tables(
        ((t, iter([r])) for t, r in GOOD_ROWS.items()), context, "probe.reflect-archive"
    )
    with session.db.atomic():
        for table, row in GOOD_ROWS.items():
            names = ", ".join(f'"{c}"' for c in row)
            session.db.conn.execute(
                f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(row))})',
                list(row.values()),
            )
    _read_everything(session, tmp_path)
    assert session.journal.count() == 1 and session.debrief.history()
