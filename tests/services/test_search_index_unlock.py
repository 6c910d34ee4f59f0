"""Opening a profile for writing (the app, a writing command) repairs a search index whose
entries disagree with the reflections, so a reflection lost from it is found again; a reader
(``reflect search``, ``reflect check``) leaves the profile as it is."""

from __future__ import annotations

from datetime import datetime

import pytest

from reflect.domain.journal import JournalFilter
from reflect.domain.reflection import Reflection
from reflect.services.profiles import ProfileService
from reflect.storage.search_index import INDEX
from tests.conftest import PASSPHRASE


def _lose_entries(paths, info) -> None:
    reader = ProfileService(paths, fast_kdf=True).unlock(info, PASSPHRASE)
    try:
        reader.db.conn.execute(f"INSERT INTO {INDEX}({INDEX}) VALUES('delete-all')")
        reader.db.conn.commit()
    finally:
        reader.close()


def test_a_writer_unlock_rebuilds_an_index_that_lost_its_entries(paths, profile):
    writer_service = ProfileService(paths, fast_kdf=True, writer=True)
    session = writer_service.unlock(profile, PASSPHRASE)
    saved = session.journal.save(
        Reflection("free_write", datetime(2026, 4, 2, 9), answers={"text": "the kestrel"})
    )
    assert session.search_index_repaired == []
    session.close()

    _lose_entries(paths, profile)
    reader = ProfileService(paths, fast_kdf=True).unlock(profile, PASSPHRASE)
    try:
        assert reader.search_index_repaired == []
        assert reader.journal.search(JournalFilter(query="kestrel")) == []  # hidden
    finally:
        reader.close()

    session = writer_service.unlock(profile, PASSPHRASE)
    try:
        found = [str(p) for p in session.search_index_repaired]
        assert found == ["reflections missing from the search index: 1"]
        assert [s.id for s in session.journal.search(JournalFilter(query="kestrel"))] == [saved.id]
    finally:
        session.close()


def test_an_index_that_cannot_be_read_never_stops_a_writer_from_opening(
    paths, profile, monkeypatch
):
    import sqlcipher3

    from reflect.storage import search_index

    def broken(_conn):
        raise sqlcipher3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(search_index, "quick_problems", broken)
    session = ProfileService(paths, fast_kdf=True, writer=True).unlock(profile, PASSPHRASE)
    try:
        assert session.search_index_repaired == []
        state = search_index.problems(session.db.conn)  # check reports it instead
        assert [str(p) for p in state.problems] == [
            "the search index could not be compared with the reflections "
            "(database disk image is malformed)"
        ]
    finally:
        session.close()


def test_the_app_rebuilds_an_index_whose_pages_a_search_finds_broken(paths, profile):
    # Broken pages inside the index leave its ids whole, so the unlock's comparison passes;
    # the first search meets the damage. The app (a writer) rebuilds and searches again
    # rather than failing, and every reflection is found.
    writer_service = ProfileService(paths, fast_kdf=True, writer=True)
    session = writer_service.unlock(profile, PASSPHRASE)
    try:
        saved = session.journal.save(
            Reflection("free_write", datetime(2026, 4, 2, 9), answers={"text": "the heron"})
        )
        session.db.conn.execute(f"DELETE FROM {INDEX}_data WHERE id > 10")
        session.db.conn.commit()
        found = session.journal.search(JournalFilter(query="heron"))
        assert [s.id for s in found] == [saved.id]
        assert session.journal.count_matching(JournalFilter(query="heron")) == 1
    finally:
        session.close()


def test_a_reader_leaves_broken_index_pages_for_check(paths, profile):
    import sqlcipher3

    reader = ProfileService(paths, fast_kdf=True).unlock(profile, PASSPHRASE)
    try:
        reader.journal.save(
            Reflection("free_write", datetime(2026, 4, 2, 9), answers={"text": "the heron"})
        )
        reader.db.conn.execute(f"DELETE FROM {INDEX}_data WHERE id > 10")
        reader.db.conn.commit()
        with pytest.raises(sqlcipher3.DatabaseError):
            reader.journal.search(JournalFilter(query="heron"))
    finally:
        reader.close()


def test_a_rebuild_that_fails_on_unlock_claims_no_repair(paths, profile, monkeypatch):
    from reflect.storage import search_index

    reader = ProfileService(paths, fast_kdf=True).unlock(profile, PASSPHRASE)
    reader.journal.save(Reflection("free_write", datetime(2026, 4, 2), answers={"text": "wren"}))
    reader.close()
    _lose_entries(paths, profile)
    tried = []

    def disk_full(_db):
        tried.append(True)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(search_index, "rebuild", disk_full)
    session = ProfileService(paths, fast_kdf=True, writer=True).unlock(profile, PASSPHRASE)
    try:
        assert tried and session.search_index_repaired == []  # opened all the same
        assert search_index.problems(session.db.conn).problems  # check will say
    finally:
        session.close()
