"""Half-done check-ins and questionnaire entries are kept as encrypted drafts: saved and
read back, ended in the same transaction as the record they become, never in a plain
export, never imported from an archive."""

from __future__ import annotations

import zipfile
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflect.domain.errors import ValidationError
from reflect.domain.form_draft import CheckinDraft, InstrumentDraft
from reflect.services.export import available_formats, export_profile
from reflect.services.importing import import_file
from reflect.storage.draft_repository import CHECKIN_SLOT, INSTRUMENT_SLOT, DraftRepository
from tests.conftest import PASSPHRASE

ARCHIVE_PASS = "archive passphrase for tests"
MARKER = "only-in-the-unsaved-checkin-7f3a"


def _items(session):
    return [item.id for item in session.checkins.definition.items]


def test_a_checkin_draft_round_trips_and_is_discarded(session):
    assert session.checkins.draft.load() is None
    first = _items(session)[0]
    draft = CheckinDraft(
        item_scores={first: 3},
        sleep=2,
        helping={"connection": 4},
        helped_note="a walk",
        note=MARKER,
        switched_off=1,
        detach_note="music on the bus",
    )
    session.checkins.draft.save(draft)
    loaded = session.checkins.draft.load()
    assert loaded is not None and loaded.saved_at is not None
    assert loaded.item_scores == {first: 3} and loaded.sleep == 2 and loaded.energy is None
    assert loaded.helping == {"connection": 4} and loaded.note == MARKER
    assert loaded.switched_off == 1 and loaded.detach_note == "music on the bus"
    session.checkins.draft.discard()
    assert session.checkins.draft.load() is None


def test_recording_a_checkin_ends_its_draft_in_the_same_transaction(session):
    first = _items(session)[0]
    session.checkins.draft.save(CheckinDraft(item_scores={first: 2}))
    session.checkins.record({first: 2}, end_draft=True)
    assert session.checkins.draft.load() is None
    assert session.checkins.count() == 1


def test_a_failed_record_keeps_the_draft(session):
    first = _items(session)[0]
    session.checkins.draft.save(CheckinDraft(item_scores={first: 2}))
    with pytest.raises(ValidationError):  # out of range: refused before anything is written
        session.checkins.record({first: 99}, end_draft=True)
    assert session.checkins.draft.load() is not None


def test_recording_elsewhere_leaves_a_draft_alone(session):
    """Only the screen that holds the draft ends it (not, say, a command-line record)."""
    first = _items(session)[0]
    session.checkins.draft.save(CheckinDraft(item_scores={first: 2}))
    session.checkins.record({first: 1})
    assert session.checkins.draft.load() is not None


def test_a_questionnaire_draft_round_trips_and_ends_with_its_result(session):
    session.instruments.draft.save(InstrumentDraft("who5", typed="1 2 3"))
    loaded = session.instruments.draft.load()
    assert loaded is not None and loaded.instrument_id == "who5" and loaded.typed == "1 2 3"
    session.instruments.draft.save(InstrumentDraft("org", items=(1, None, 3)))
    assert session.instruments.draft.load().items == (1, None, 3)
    session.instruments.record("who5", [3, 3, 3, 3, 3], end_draft=True)
    assert session.instruments.draft.load() is None
    assert len(session.instruments.results()) == 1


def test_the_three_kinds_of_draft_keep_to_their_own_slots(session):
    from reflect.domain.reflection import Reflection

    session.journal.save_draft(Reflection("trauma_informed", datetime(2026, 12, 1, 9)))
    session.checkins.draft.save(CheckinDraft(note="a"))
    session.instruments.draft.save(InstrumentDraft("who5", typed="1"))
    session.checkins.draft.discard()
    assert session.journal.load_draft() is not None
    assert session.instruments.draft.load() is not None
    session.journal.discard_draft()
    assert session.instruments.draft.load() is not None


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    payload=st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
        ),
        max_leaves=12,
    )
)
def test_an_unreadable_stored_draft_is_ignored_not_raised(session, payload):
    drafts = DraftRepository(session.db)
    for slot in (CHECKIN_SLOT, INSTRUMENT_SLOT):
        drafts.save_form(slot, payload, datetime(2026, 12, 1, 9))  # type: ignore[arg-type]
    checkin = session.checkins.draft.load()
    instrument = session.instruments.draft.load()
    assert checkin is None or isinstance(checkin, CheckinDraft)
    assert instrument is None or isinstance(instrument, InstrumentDraft)


def test_a_damaged_row_is_ignored(session):
    with session.db.atomic():
        session.db.table("drafts").upsert(
            {"slot": CHECKIN_SLOT, "payload": "{not json", "saved_at": "yesterday"}, pk="slot"
        )
    assert session.checkins.draft.load() is None


def test_drafts_of_answers_never_reach_a_plain_export(session, tmp_path):
    session.checkins.draft.save(CheckinDraft(note=MARKER))
    session.instruments.draft.save(InstrumentDraft("who5", typed="4 4 " + MARKER))
    plain = [name for name, exporter in available_formats().items() if exporter.plain]
    assert {"json", "csv"} <= set(plain)
    for name in plain:
        report = export_profile(session, name, tmp_path / f"out-{name}", plain_ok=True)
        raw = report.path.read_bytes()
        if zipfile.is_zipfile(report.path):
            with zipfile.ZipFile(report.path) as archive:
                raw = b"".join(archive.read(n) for n in archive.namelist())
        assert MARKER.encode() not in raw, name
    assert session.checkins.draft.load() is not None  # exporting leaves the draft in place


def test_drafts_of_answers_are_never_imported_from_an_archive(profile_service, session, tmp_path):
    session.checkins.draft.save(CheckinDraft(note=MARKER))
    session.instruments.draft.save(InstrumentDraft("who5", typed="4 4"))
    archive = export_profile(session, "archive", tmp_path / "a", archive_passphrase=ARCHIVE_PASS)
    other = profile_service.unlock(profile_service.create(PASSPHRASE, "Other"), PASSPHRASE)
    try:
        other.checkins.draft.save(CheckinDraft(note="mine, in progress"))
        import_file(other, archive.path, ARCHIVE_PASS)
        assert other.checkins.draft.load().note == "mine, in progress"
        assert other.instruments.draft.load() is None
    finally:
        other.close()


def test_kept_answers_are_nowhere_on_disk_in_plain_text(paths, profile_service, profile):
    session = profile_service.unlock(profile, PASSPHRASE)
    session.checkins.draft.save(CheckinDraft(note=MARKER))
    session.instruments.draft.save(InstrumentDraft("who5", typed="4 4 " + MARKER))

    def scan() -> list[str]:
        found = []
        for path in paths.data_dir.rglob("*"):
            if path.is_file() and MARKER.encode() in path.read_bytes():
                found.append(str(path))
        return found

    assert scan() == []  # while open (the write-ahead log too)
    session.close()
    assert scan() == []
    again = profile_service.unlock(profile, PASSPHRASE)
    try:
        assert again.checkins.draft.load().note == MARKER
    finally:
        again.close()
