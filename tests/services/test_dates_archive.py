"""Dates through an archive: what goes in is kept to the second, or refused with a reason.

Reflect stores every moment as local wall-clock text ``YYYY-MM-DDTHH:MM:SS`` and every day as
``YYYY-MM-DD``, and its queries compare that text (ranges, the journal calendar, duplicates).
A row spelled another way that Python still parses ("2026-03-31 21:05:00", "20260331") would
sort outside its day, so an archive holding one is refused like any other bad field.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from reflect.domain.errors import ReflectError
from reflect.domain.reflection import Reflection
from reflect.services.export import export_profile
from reflect.services.importing import import_file
from reflect.storage.bulk_reflections import add_reflections
from tests.conftest import PASSPHRASE
from tests.faults.input_helpers import ARCHIVE_PASS, GOOD_ROWS, build_archive

# The nights and days an unlucky person writes on: just before and after midnight, a
# year's end, a leap day, the hour that does not exist on the night clocks go forward in
# Paris (and in New York), the hour that happens twice when they go back, ISO week 53.
AWKWARD_MOMENTS = [
    datetime(2020, 12, 31, 23, 30),
    datetime(2021, 1, 1, 0, 30),
    datetime(2024, 2, 29, 12, 0, 59),
    datetime(2026, 3, 29, 2, 30),
    datetime(2026, 3, 8, 2, 30),
    datetime(2026, 10, 25, 2, 30),
    datetime(2026, 12, 31, 23, 59, 59),
    datetime(2027, 1, 1, 0, 0),
]


def _reflection_rows(stamps: list[str]) -> list[dict]:
    return [
        {**GOOD_ROWS["reflections"], "id": i, "occurred_at": stamp, "answers": f'{{"text": "{i}"}}'}
        for i, stamp in enumerate(stamps, start=1)
    ]


@pytest.mark.parametrize(
    "stamp",
    [
        "2026-03-31 21:05:00",  # a space instead of the T: sorts before that day's midnight
        "20260331T210500",  # the ISO basic form Python 3.11 also reads
        "2026-03-31T21:05:0",  # a digit short
        "2026-03-31",  # a day alone
        "2026-03-31T21:05:00.5",  # a fraction Reflect never writes
    ],
)
def test_a_moment_not_in_reflects_form_is_refused_and_nothing_is_written(session, tmp_path, stamp):
    archive = build_archive(tmp_path, {"reflections": _reflection_rows([stamp])})
    with pytest.raises(ReflectError) as caught:
        import_file(session, archive, ARCHIVE_PASS)
    message = str(caught.value)
    assert "table reflections, row 1, field occurred_at" in message
    assert "is not a date and time like 2026-03-31T21:05:00" in message
    assert session.journal.count() == 0


@pytest.mark.parametrize("due", ["20260304", "2026-W10-3", "2026-03-04T00:00:00"])
def test_a_day_not_in_reflects_form_is_refused(session, tmp_path, due):
    rows = {
        "reflections": _reflection_rows(["2026-03-01T18:00:00"]),
        "follow_ups": [{**GOOD_ROWS["follow_ups"], "due": due}],
    }
    archive = build_archive(tmp_path, rows)
    with pytest.raises(ReflectError, match="field due: .* is not a date like 2026-03-31"):
        import_file(session, archive, ARCHIVE_PASS)
    assert session.journal.count() == 0


def test_awkward_moments_survive_export_and_import_to_the_second(
    profile_service, session, tmp_path
):
    reflections = [
        Reflection("free_write", moment, setting="other", answers={"text": f"n{i}"})
        for i, moment in enumerate(AWKWARD_MOMENTS)
    ]
    add_reflections(session.db, reflections)
    session.exposure.log_shift(day=date(2024, 2, 29), hours=8.0)
    stored = _stamps(session)
    archive = export_profile(session, "archive", tmp_path / "a", archive_passphrase=ARCHIVE_PASS)
    other_info = profile_service.create(PASSPHRASE, "Other")
    other = profile_service.unlock(other_info, PASSPHRASE)
    try:
        import_file(other, archive.path, ARCHIVE_PASS)
        assert _stamps(other) == stored
        days = sorted(r.occurred_at for r in other.journal.all_reflections())
        assert days == sorted(AWKWARD_MOMENTS)
        march = other.journal.month_marks(2026, 3).reflections
        assert march == {date(2026, 3, 8): 1, date(2026, 3, 29): 1}
    finally:
        other.close()


def _stamps(session) -> dict[str, list]:
    db = session.db
    return {
        "reflections": db.execute(
            "SELECT occurred_at, created_at FROM reflections ORDER BY occurred_at"
        ).fetchall(),
        "shift_logs": db.execute("SELECT day, created_at FROM shift_logs").fetchall(),
    }
