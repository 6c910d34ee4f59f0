"""Imports: a preview first, duplicates skipped, and a malformed file writes nothing."""

from __future__ import annotations

import contextlib
import json
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflect.domain.errors import ReflectError, ValidationError
from reflect.domain.reflection import FollowUp, Reflection
from reflect.services.export import export_profile
from reflect.services.importing import import_file, preview_import
from tests.conftest import PASSPHRASE

ARCHIVE_PASS = "archive passphrase for tests"

JRNL = {
    "tags": {"@work": 1},
    "entries": [
        {
            "date": "2024-03-30",
            "time": "21:05",
            "title": "Long shift.",
            "body": "Needed the walk home.",
            "tags": ["@work"],
            "starred": True,
        },
        {"date": "2024-04-02", "time": "07:40", "title": "Slept well.", "body": "", "tags": []},
    ],
}


def _jrnl_file(tmp_path, data, name="jrnl.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_jrnl_import_previews_then_writes_and_skips_duplicates(session, tmp_path):
    path = _jrnl_file(tmp_path, JRNL)
    preview = preview_import(session, path)
    assert preview.source == "jrnl-json"
    assert preview.counts == {"reflections": {"new": 2, "duplicates": 0}}
    assert (preview.date_from, preview.date_to) == ("2024-03-30", "2024-04-02")
    assert session.journal.count() == 0

    report = import_file(session, path)
    assert report.written == {"reflections": 2}
    first = session.journal.all_reflections()[0]
    assert first.template_id == "free_write"
    assert first.occurred_at == datetime(2024, 3, 30, 21, 5)
    assert first.answers["text"] == "Long shift.\n\nNeeded the walk home."
    assert first.tags == ["work", "starred"]

    again = import_file(session, path)
    assert again.preview.counts["reflections"] == {"new": 0, "duplicates": 2}
    assert session.journal.count() == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "entries"),
        ({"entries": [{"date": "yesterday", "title": "x"}]}, r"entries\[0\]\.date"),
        ({"entries": [{"date": "2024-01-01", "time": "25:00", "title": "x"}]}, "time"),
        ({"entries": [{"date": "2024-01-01", "title": 5}]}, r"entries\[0\]\.title"),
        ({"entries": [{"date": "2024-01-01", "title": "x", "tags": "@a"}]}, "tags"),
    ],
)
def test_malformed_jrnl_files_name_the_problem_and_write_nothing(session, tmp_path, data, message):
    good = JRNL["entries"][0]
    if isinstance(data, dict):
        data = {"entries": [good, *data["entries"]]}  # the good entry must not slip in
        message = message.replace(r"\[0\]", r"\[1\]")
    with pytest.raises(ValidationError, match=message):
        import_file(session, _jrnl_file(tmp_path, data))
    assert session.journal.count() == 0


def test_not_json_and_not_an_archive(session, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("just some words", encoding="utf-8")
    with pytest.raises(ValidationError, match="neither a Reflect archive"):
        import_file(session, path)
    broken = tmp_path / "broken.json"
    broken.write_text('{"entries": [', encoding="utf-8")
    with pytest.raises(ValidationError, match="not valid JSON"):
        import_file(session, broken)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=12),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(
                st.sampled_from(
                    ["entries", "date", "time", "title", "body", "tags", "starred", "x"]
                ),
                children,
                max_size=6,
            )
        ),
        max_leaves=25,
    )
)
def test_fuzzed_jrnl_input_either_imports_or_fails_cleanly(session, tmp_path, data):
    path = _jrnl_file(tmp_path, data, "fuzz.json")
    before = session.journal.count()
    try:
        report = import_file(session, path)
    except ReflectError:
        assert session.journal.count() == before
    else:
        assert session.journal.count() == before + report.written.get("reflections", 0)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=st.binary(max_size=300))
def test_fuzzed_bytes_never_crash(session, tmp_path, raw):
    path = tmp_path / "fuzz.bin"
    path.write_bytes(raw)
    with contextlib.suppress(ReflectError):
        import_file(session, path, passphrase=ARCHIVE_PASS)
    assert session.journal.count() == 0


def test_archive_round_trip_into_another_profile(profile_service, session, tmp_path):
    saved = session.journal.save(
        Reflection(
            "quick",
            datetime(2026, 1, 9, 17),
            tags=["team"],
            answers={"what_happened": "A quiet shift"},
            follow_ups=[FollowUp("Book supervision", due=date(2026, 1, 20))],
        )
    )
    session.checkins.record({"work.swamped": 3}, sleep=2, energy=2, taken_at=datetime(2026, 1, 10))
    archive = export_profile(session, "archive", tmp_path / "a", archive_passphrase=ARCHIVE_PASS)

    other_info = profile_service.create(PASSPHRASE, "Other")
    other = profile_service.unlock(other_info, PASSPHRASE)
    try:
        with pytest.raises(ValidationError, match="does not open this archive"):
            import_file(other, archive.path, "the wrong archive passphrase")
        preview = preview_import(other, archive.path, ARCHIVE_PASS)
        assert preview.source == "reflect-archive"
        assert preview.counts["reflections"] == {"new": 1, "duplicates": 0}
        assert preview.date_from == "2026-01-09"
        report = import_file(other, archive.path, ARCHIVE_PASS)
        assert report.written["reflections"] == 1 and report.written["checkins"] == 1
        (copy,) = other.journal.all_reflections()
        assert copy.answers == saved.answers and copy.tags == ["team"]
        assert [f.text for f in copy.follow_ups] == ["Book supervision"]
        assert other.journal.search(None)[0].id == copy.id
        # importing the same archive again adds nothing
        again = import_file(other, archive.path, ARCHIVE_PASS)
        assert sum(again.written.values()) == 0
        assert other.journal.count() == 1 and other.checkins.count() == 1
        assert not [
            p
            for p in other_info.directory.glob(".*")
            if p.name.startswith((".archive-", ".reflect-"))
        ]
    finally:
        other.close()


@pytest.fixture
def archive_bytes(session, tmp_path_factory):
    session.journal.save(Reflection("free_write", datetime(2026, 1, 3, 9), answers={"text": "x"}))
    folder = tmp_path_factory.mktemp("archive")
    report = export_profile(session, "archive", folder / "a", archive_passphrase=ARCHIVE_PASS)
    return report.path.read_bytes()


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    flips=st.lists(st.tuples(st.integers(0, 10**9), st.integers(1, 255)), min_size=1, max_size=4)
)
def test_damaged_archives_fail_cleanly_and_write_nothing(
    profile_service, archive_bytes, tmp_path, flips
):
    info = profile_service.create(PASSPHRASE, "Target")
    target = profile_service.unlock(info, PASSPHRASE)
    try:
        data = bytearray(archive_bytes)
        for position, mask in flips:
            data[position % len(data)] ^= mask
        path = tmp_path / "damaged.reflect-archive"
        path.write_bytes(bytes(data))
        try:
            import_file(target, path, ARCHIVE_PASS)
        except ReflectError:
            assert target.journal.count() == 0
        else:  # a flip in unused zip padding can leave the archive intact
            assert target.journal.count() == 1
        assert not [
            p for p in info.directory.glob(".*") if p.name.startswith((".archive-", ".reflect-"))
        ]
    finally:
        target.close()
        profile_service.delete(info)


def test_jrnl_import_reports_progress_up_to_100(session, tmp_path):
    entries = [
        {"date": "2024-02-01", "time": f"{i // 60:02d}:{i % 60:02d}", "title": f"Entry {i}"}
        for i in range(600)
    ]
    seen = []
    report = import_file(
        session,
        _jrnl_file(tmp_path, {"entries": entries}),
        progress=lambda percent, text: seen.append(percent),
    )
    assert report.written == {"reflections": 600}
    assert seen[0] == 0 and seen[-1] == 100
    assert seen == sorted(seen)
    assert len(set(seen)) > 3  # the writing part moves, not only start and end


def test_exposure_tables_export_and_merge_with_their_links(profile_service, session, tmp_path):
    """Shift logs, breaks and self-checks travel in every format; an import keeps a
    self-check pointing at its (re-numbered) shift and skips what is already there."""
    from reflect.domain.exposure import Break

    session.exposure.log_shift(day=date(2026, 1, 8), hours=6, disclosures=1)
    incident = session.exposure.log_shift(
        day=date(2026, 1, 9), critical=True, outline="a hard call", self_checks=True
    )
    session.exposure.add_breaks([Break(date(2026, 1, 3), date(2026, 1, 4))])
    plain = export_profile(session, "json", tmp_path / "e.json", plain_ok=True)
    tables = json.loads(plain.path.read_text(encoding="utf-8"))["tables"]
    assert len(tables["shift_logs"]) == 2 and len(tables["breaks"]) == 1
    assert {c["shift_id"] for c in tables["shift_self_checks"]} == {incident.id}
    markdown = export_profile(session, "markdown", tmp_path / "e.md", plain_ok=True)
    assert "# Shifts logged" in markdown.path.read_text(encoding="utf-8")
    archive = export_profile(session, "archive", tmp_path / "a", archive_passphrase=ARCHIVE_PASS)

    other_info = profile_service.create(PASSPHRASE, "Other")
    other = profile_service.unlock(other_info, PASSPHRASE)
    try:
        other.exposure.log_shift(day=date(2026, 1, 2), hours=3)  # shifts the ids
        report = import_file(other, archive.path, ARCHIVE_PASS)
        assert report.written["shift_logs"] == 2 and report.written["shift_self_checks"] == 2
        (copy,) = [s for s in other.exposure.shifts() if s.critical]
        assert copy.outline == "a hard call"
        assert {c.shift_id for c in other.exposure.self_checks()} == {copy.id}
        again = import_file(other, archive.path, ARCHIVE_PASS)
        assert sum(again.written.values()) == 0
    finally:
        other.close()
