"""Check-in, instrument and early-warning services through an unlocked session."""

from __future__ import annotations

import json
import stat
from datetime import datetime, timedelta

import pytest

from reflect.domain.errors import ContentError, ValidationError
from reflect.resources import asset_path

START = datetime(2026, 3, 2, 17, 30)


def record_week(session, value, day):
    items = {item.id: value for item in session.checkins.definition.items}
    return session.checkins.record(
        items, sleep=2, energy=2, helping={"connection": 3}, taken_at=START + timedelta(days=day)
    )


def test_record_scores_against_the_usual_and_undo_delete(session):
    service = session.checkins
    for day, value in enumerate([1, 1, 1, 3]):
        saved = record_week(session, value, day)
    latest = service.latest_scored()
    assert latest.checkin.id == saved.id
    assert latest.scores.overall == 3 and latest.baseline.overall == 1 and latest.difference() == 2
    assert service.scored(saved.id).difference() == 2
    assert [h.scores.overall for h in service.scored_history(since=START + timedelta(days=2))] == [
        1,
        3,
    ]
    assert service.scored_history(since=START + timedelta(days=3))[0].baseline.overall == 1
    deleted = service.delete(saved.id)
    assert service.count() == 3
    service.restore(deleted)
    assert service.count() == 4


def test_record_rejects_bad_ratings_and_saves_nothing(session):
    with pytest.raises(ValidationError):
        session.checkins.record({"emotional.flat": 7})
    with pytest.raises(ValidationError):
        session.checkins.record({})
    assert session.checkins.count() == 0


def test_instrument_record_and_results(session):
    result = session.instruments.record("who5", [2, 2, 2, 2, 2], taken_at=START)
    assert result.scores == {"wellbeing": 40} and result.bands == {"wellbeing": "low"}
    assert session.instruments.latest("who5").id == result.id
    assert [r.id for r in session.instruments.results()] == [result.id]
    with pytest.raises(ValidationError, match="no instrument called"):
        session.instruments.score("mbi", [1])


def org_definition(**changes):
    data = json.loads(asset_path("instruments", "who5.json").read_text(encoding="utf-8"))
    data["item_text"] = [f"Organisation's own item {n}" for n in range(1, 6)]
    data.update(changes)
    return data


def test_import_validates_copies_privately_and_replaces_the_shipped_key(session, tmp_path):
    source = tmp_path / "who5-org.json"
    source.write_text(json.dumps(org_definition()), encoding="utf-8")
    service = session.instruments
    assert not service.get("who5").has_item_text
    imported = service.import_definition(source)
    assert imported.item_text[0] == "Organisation's own item 1"
    assert service.is_imported("who5") and service.get("who5").has_item_text
    target = session.paths.instruments_dir / "who5.json"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert len(service.definitions()) == 4
    service.remove_imported("who5")
    assert not service.get("who5").has_item_text and not target.exists()


def test_a_malformed_import_is_refused_and_nothing_is_written(session, tmp_path):
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(org_definition(items=6)), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        session.instruments.import_definition(source)
    assert caught.value.source == "bad.json" and caught.value.field == "item_text"
    assert not session.paths.instruments_dir.exists() or not any(
        session.paths.instruments_dir.iterdir()
    )


def test_a_broken_file_in_the_data_folder_is_skipped_and_reported(session):
    folder = session.paths.instruments_dir
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "oops.json").write_text("{", encoding="utf-8")
    assert len(session.instruments.definitions()) == 4
    assert "oops.json" in session.instruments.problems[0]


def test_early_warning_active_dismiss_and_undo(session):
    for day, value in enumerate([1, 1, 1, 1, 3, 3]):
        record_week(session, value, day)
    warning = session.early_warning
    assert warning.active() == []
    record_week(session, 3, 6)
    active = warning.active()
    assert len(active) == 1 and active[0].kind == "rise"
    warning.dismiss(active[0].id)
    assert warning.active() == []
    record_week(session, 3, 7)  # the same streak continuing stays dismissed
    assert warning.active() == []
    warning.undo_dismiss(active[0].id)
    assert [n.id for n in warning.active()] == [active[0].id]


def test_early_warning_includes_high_bands(session):
    session.instruments.record("stss", [5] * 17, taken_at=START)
    notices = session.early_warning.active()
    assert [(n.instrument_id, n.subscale_id) for n in notices] == [("stss", "total")]


def test_record_many_validates_everything_before_saving(session):
    from reflect.domain.checkin import CheckIn

    good = [CheckIn(START + timedelta(days=d), {"work.dread": d % 5}) for d in range(30)]
    assert session.checkins.record_many(good) == 30
    assert session.checkins.count() == 30
    with pytest.raises(ValidationError):
        session.checkins.record_many(
            [CheckIn(START, {"work.dread": 1}), CheckIn(START, {"work.dread": 9})]
        )
    assert session.checkins.count() == 30
    saved = session.instruments.record_many([("who5", [5] * 5, START), ("stss", [1] * 17, START)])
    assert saved == 2 and [r.instrument_id for r in session.instruments.results()] == [
        "who5",
        "stss",
    ]
    with pytest.raises(ValidationError):
        session.instruments.record_many([("who5", [5] * 5, START), ("who5", [9], START)])
    assert len(session.instruments.results()) == 2
