"""The paths that write many reflections at once keep the search index in step with them:
an archive import (merged row by row), a restore (a whole database copied), demo data (the
bulk path), and a profile brought forward by the migrations."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from reflect.domain.reflection import FollowUp, Reflection
from reflect.services.backups import backup_now, restore_backup
from reflect.services.export import export_profile
from reflect.services.importing import import_file
from reflect.storage import search_index
from reflect.storage.search_index import INDEX, TRIGGERS
from tests.conftest import PASSPHRASE
from tests.services.search_agreement import (
    ALPHABETS,
    assert_search_agrees,
    searchable_words,
    word,
)

ARCHIVE_PASS = "archive passphrase for tests"


def _fill(session, first: int, count: int) -> list[str]:
    """``count`` reflections, each with one distinctive word in a different part."""
    words = []
    for n in range(first, first + count):
        w = word(n, ALPHABETS[n % len(ALPHABETS)])
        words.append(w)
        when = datetime(2026, 1, 1, 9) + timedelta(hours=n)
        parts = [
            {"answers": {"text": f"about {w}"}},
            {"feelings": [w]},
            {"follow_ups": [FollowUp(f"ask {w}")]},
            {"tags": [w]},
            {"setting": w},
        ]
        session.journal.save(Reflection("free_write", when, **parts[n % len(parts)]))
    return words


def test_an_archive_import_indexes_every_new_reflection(profile_service, session, tmp_path):
    words = _fill(session, 0, 10)
    archive = export_profile(session, "archive", tmp_path / "a", archive_passphrase=ARCHIVE_PASS)
    other = profile_service.unlock(profile_service.create(PASSPHRASE, "Other"), PASSPHRASE)
    try:
        words += _fill(other, 100, 5)
        import_file(other, archive.path, ARCHIVE_PASS)
        import_file(other, archive.path, ARCHIVE_PASS)  # all duplicates the second time
        assert other.journal.count() == 15
        assert_search_agrees(other, words)
    finally:
        other.close()


def _make_stale(conn) -> None:
    """An index entry left with old words, the damage only the full check can see."""
    conn.execute('DROP TRIGGER "reflections_au"')
    conn.execute(
        "UPDATE reflections SET body = 'about zqzzzzz', answers = ? WHERE id = 1",
        ['{"text": "about zqzzzzz"}'],
    )
    conn.execute(TRIGGERS["reflections_au"])
    conn.commit()


def test_a_restore_brings_back_an_index_that_agrees(profile_service, profile):
    session = profile_service.unlock(profile, PASSPHRASE)
    words = _fill(session, 0, 6)
    _make_stale(session.db.conn)  # the backup is taken of a profile whose index disagrees
    backup = backup_now(session).written[0]
    words += _fill(session, 50, 3)
    session.close()

    restore_backup(profile, backup, PASSPHRASE)
    reader = profile_service.unlock(profile, PASSPHRASE)  # a reader repairs nothing itself
    try:
        assert reader.journal.count() == 6
        assert_search_agrees(reader, [*words, "zqzzzzz"])
    finally:
        reader.close()


def test_demo_data_is_all_findable(session):
    from reflect.services.demo_data import fill_demo_profile

    fill_demo_profile(session, years=1, reflections_per_year=120, checkins_per_year=10)
    reflections = session.journal.all_reflections()
    assert search_index.problems(session.db.conn).problems == []
    # Each reflection is found by the rarest of its own words.
    holders: dict[str, set[int]] = {}
    for reflection in reflections:
        for w in searchable_words(reflection):
            holders.setdefault(w, set()).add(reflection.id)
    rarest = {min(searchable_words(r), key=lambda w: len(holders[w])) for r in reflections}
    assert_search_agrees(session, sorted(rarest))


def test_a_profile_brought_forward_by_the_migrations_keeps_its_index(tmp_path):
    import sqlite_utils

    from reflect.storage.bulk_reflections import add_reflections
    from reflect.storage.migrations import migrations
    from reflect.storage.reflection_repository import ReflectionRepository

    db = sqlite_utils.Database(tmp_path / "old.db")
    migrations.apply(db, stop_before="m002_trend_revision")  # the first schema only
    repo = ReflectionRepository(db)
    repo.add(Reflection("free_write", datetime(2025, 3, 1, 9), answers={"text": "old harbour"}))
    add_reflections(db, [Reflection("quick", datetime(2025, 3, 2), answers={"x": "old quarry"})])
    migrations.apply(db)
    repo.add(Reflection("free_write", datetime(2026, 3, 1, 9), answers={"text": "new meadow"}))
    assert search_index.problems(db.conn).problems == []
    for text in ("harbour", "quarry", "meadow"):
        hits = db.execute(f"SELECT count(*) FROM {INDEX} WHERE {INDEX} MATCH ?", [text])
        assert hits.fetchone()[0] == 1


@pytest.fixture(autouse=True)
def _words_are_distinct():
    assert len({word(n, a) for n in range(200) for a in ALPHABETS}) == 200 * len(ALPHABETS)
