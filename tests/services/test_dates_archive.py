"""Dates through an archive: what goes in is kept to the second, or refused with a reason.

Reflect stores every moment as local wall-clock text ``YYYY-MM-DDTHH:MM:SS`` and every day as
``YYYY-MM-DD``, and its queries compare that text (ranges, the journal calendar, duplicates).
A row spelled another way that Python still parses ("2026-03-31 21:05:00", "20260331") would
sort outside its day, so an archive holding one is refused like any other bad field.
"""

from __future__ import annotations

import json
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


# --- years Reflect keeps: 1900 to 2199 ------------------------------------------------------
# Everything in between is kept as written; beyond, date arithmetic (a check-in due 30 days
# after a debrief, a review reminder 14 days before its date) would overflow Python's
# calendar, so a file holding such a date is refused with the entry named.

FAR = [("0001-01-01T00:00:00", "0001-01-01"), ("9999-12-25T10:00:00", "9999-12-25")]


@pytest.mark.parametrize(("moment", "day"), FAR)
def test_an_archive_row_from_a_year_reflect_does_not_keep_is_refused(
    session, tmp_path, moment, day
):
    cases = [
        ({"reflections": _reflection_rows([moment])}, "reflections", "occurred_at"),
        (
            {
                "reflections": _reflection_rows(["2026-03-01T18:00:00"]),
                "follow_ups": [{**GOOD_ROWS["follow_ups"], "due": day}],
            },
            "follow_ups",
            "due",
        ),
        (
            {
                "hot_debriefs": [
                    {
                        "id": 1,
                        "held_at": moment,
                        "answers": "{}",
                        "themes": "[]",
                        "actions": "[]",
                        "checks_done": "[]",
                    }
                ]
            },
            "hot_debriefs",
            "held_at",
        ),
    ]
    for rows, table, column in cases:
        archive = build_archive(tmp_path, rows)
        with pytest.raises(ReflectError) as caught:
            import_file(session, archive, ARCHIVE_PASS)
        message = str(caught.value)
        assert f"table {table}, row 1, field {column}: " in message, message
        assert "is outside the years Reflect keeps (1900 to 2199)" in message
        assert session.journal.count() == 0


def test_the_first_and_last_days_reflect_keeps_are_imported(session, tmp_path):
    stamps = ["1900-01-01T00:00:00", "2199-12-31T23:59:59"]
    archive = build_archive(tmp_path, {"reflections": _reflection_rows(stamps)})
    import_file(session, archive, ARCHIVE_PASS)
    kept = session.db.execute("SELECT occurred_at FROM reflections ORDER BY 1").fetchall()
    assert [row[0] for row in kept] == stamps


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "2200-01-01", "9999-12-31"])
def test_a_jrnl_entry_from_a_year_reflect_does_not_keep_is_named(session, tmp_path, day):
    path = tmp_path / "jrnl.json"
    entries = [{"date": "2024-05-01", "time": "20:00", "title": "Fine"}]
    entries.append({"date": day, "time": "20:00", "title": "Typo in the year"})
    path.write_text(json.dumps({"entries": entries}), encoding="utf-8")
    with pytest.raises(ReflectError) as caught:
        import_file(session, path)
    assert str(caught.value) == (
        f"jrnl.json: entries[1].date: '{day}' is outside the years Reflect keeps (1900 to 2199). "
        "Nothing was imported."
    )
    assert session.journal.count() == 0


@pytest.mark.parametrize("year", [1899, 2200])
def test_a_reflection_saved_with_such_a_year_is_refused(session, year):
    with pytest.raises(ReflectError, match=r"outside the years Reflect keeps \(1900 to 2199\)"):
        session.journal.save(
            Reflection("free_write", datetime(year, 5, 1, 8, 0), answers={"text": "x"})
        )
    assert session.journal.count() == 0


def test_a_jrnl_time_with_an_offset_keeps_its_numbers(session, tmp_path):
    """jrnl writes local times; one carrying an offset is kept as the numbers it shows."""
    path = tmp_path / "jrnl.json"
    entries = [
        {"date": "2026-03-29", "time": "02:30+01:00", "title": "Night of the change"},
        {"date": "2024-02-29", "time": "23:59:59", "title": "Leap day"},
    ]
    path.write_text(json.dumps({"entries": entries}), encoding="utf-8")
    import_file(session, path)
    kept = sorted(r.occurred_at for r in session.journal.all_reflections())
    assert kept == [datetime(2024, 2, 29, 23, 59, 59), datetime(2026, 3, 29, 2, 30)]
