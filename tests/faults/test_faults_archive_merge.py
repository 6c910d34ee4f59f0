"""What an archive import does not keep is said, never silent.

- Links to rows the archive does not hold ("dangling") used to become empty links without
  a word; now the summary counts them (``links_not_kept``) and the rows keyed by such a link
  that are left out (``rows_not_kept``), in the CLI's text, its JSON and the app's notes.
- Settings the profile never set used to be taken from the archive silently, so
  ``backup_enabled = false`` turned automatic backups off. A setting that would weaken the
  profile is now refused, and every setting taken or refused is named.
"""

from __future__ import annotations

import json

import pytest
import sqlite_utils
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.faults.input_helpers import ARCHIVE_PASS, GOOD_ROWS, PASSPHRASE, build_archive, run

from reflect.paths import AppPaths
from reflect.services.profiles import ProfileService
from reflect.storage.merge import apply_merge, plan_merge
from reflect.storage.migrations import migrations


@pytest.fixture
def profile(tmp_path, monkeypatch):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    paths = AppPaths(tmp_path / "data").ensure()
    service = ProfileService(paths, fast_kdf=True)
    info = service.create(PASSPHRASE, "Target")
    passfile = tmp_path / "archive-pass.txt"
    passfile.write_text(ARCHIVE_PASS, encoding="utf-8")
    base = ["--data-dir", str(paths.data_dir), "import"]
    return service, info, [*base], ["--archive-passphrase-file", str(passfile)]


def _import(profile, archive, capsys, *extra):
    _service, _info, base, secret = profile
    code, out, err = run([*base, str(archive), *secret, *extra], capsys)
    assert code == 0, err
    return out


def _read(profile, sql):
    service, info, _base, _secret = profile
    session = service.unlock(info, PASSPHRASE)
    try:
        return [tuple(r) for r in session.db.execute(sql).fetchall()]
    finally:
        session.close()


def _follow_up(id_, reflection_id, text):
    return {**GOOD_ROWS["follow_ups"], "id": id_, "reflection_id": reflection_id, "text": text}


# --- dangling links ---------------------------------------------------------------------


def test_links_to_missing_rows_are_counted_in_json_and_text(profile, tmp_path, capsys):
    rows = {
        "reflections": [GOOD_ROWS["reflections"]],
        "follow_ups": [
            _follow_up(1, 1, "Kept with its reflection"),
            _follow_up(2, 999, "Its reflection is not in the archive"),
            _follow_up(3, 998, "Nor is this one's"),
        ],
    }
    archive = build_archive(tmp_path, rows)
    dry = json.loads(_import(profile, archive, capsys, "--dry-run", "--json"))
    assert dry["links_not_kept"] == {"follow_ups": 2} and dry["rows_not_kept"] == {}
    text = _import(profile, archive, capsys)
    assert (
        "follow-up actions: 2 links to rows that are not in the archive could not be kept" in text
    )
    linked = dict(_read(profile, "SELECT text, reflection_id FROM follow_ups"))
    assert linked["Kept with its reflection"] is not None
    assert linked["Its reflection is not in the archive"] is None
    # Imported again: nothing new, so nothing is lost a second time either.
    again = json.loads(_import(profile, archive, capsys, "--json"))
    assert again["new"] == 0 and again["links_not_kept"] == {}


def test_a_row_keyed_by_a_missing_row_is_left_out_and_counted(profile, tmp_path, capsys):
    agreement = {
        "supervisee_id": 42,  # no supervisee 42 in the archive
        "frequency": "monthly",
        "aims": "Reflect on hard cases",
        "updated_at": "2026-03-01T10:00:00",
    }
    archive = build_archive(
        tmp_path,
        {"reflections": [GOOD_ROWS["reflections"]], "supervision_agreements": [agreement]},
        ("PRAGMA foreign_keys = OFF",),
    )
    report = json.loads(_import(profile, archive, capsys, "--json"))
    assert report["rows_not_kept"] == {"supervision_agreements": 1}
    assert "1 row was left out" in " ".join(report["notes"])
    assert _read(profile, "SELECT count(*) FROM supervision_agreements") == [(0,)]


def _memory_db(reflections: int, follow_ups: list[int]) -> sqlite_utils.Database:
    db = sqlite_utils.Database(memory=True)
    migrations.apply(db)
    for n in range(reflections):
        db["reflections"].insert(
            {"template_id": "free_write", "occurred_at": f"2026-01-0{n + 1}", "body": str(n)}
        )
    for n, parent in enumerate(follow_ups):
        db["follow_ups"].insert({"reflection_id": parent, "text": f"f{n}", "created_at": "x"})
    return db


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 4),
    st.lists(st.integers(1, 8), max_size=8),
    st.integers(0, 3),
    st.lists(st.integers(1, 8), max_size=3),
)
def test_every_dangling_link_is_counted_and_no_other(sources, links, own, own_links):
    """Generated archives: the count is exactly the follow-ups whose reflection is missing,
    and those (only those) are written without a link."""
    target = _memory_db(own, [i for i in own_links if i <= own])
    source = _memory_db(sources, links)
    plan = plan_merge(target, source.conn)
    dangling = sum(1 for parent in links if parent > sources)
    assert plan.links_not_kept() == ({"follow_ups": dangling} if dangling else {})
    before = target.execute("SELECT count(*) FROM follow_ups WHERE reflection_id IS NULL")
    unlinked_before = before.fetchone()[0]
    apply_merge(target, plan)
    after = target.execute("SELECT count(*) FROM follow_ups WHERE reflection_id IS NULL")
    assert after.fetchone()[0] - unlinked_before == dangling


# --- settings ---------------------------------------------------------------------------


def _setting(key, value):
    return {"key": key, "value": json.dumps(value)}


WEAKENING = [
    _setting("backup_enabled", False),
    _setting("auto_lock_minutes", 60),
    _setting("on_this_day", True),
    _setting("team_min_group", 5),  # the default minimum: not weaker, taken
]


def test_settings_that_weaken_the_profile_are_refused_and_named(profile, tmp_path, capsys):
    rows = {
        "reflections": [GOOD_ROWS["reflections"]],
        "settings": [*WEAKENING, _setting("theme", "dark")],
    }
    archive = build_archive(tmp_path, rows)
    dry = json.loads(_import(profile, archive, capsys, "--dry-run", "--json"))
    real = json.loads(_import(profile, archive, capsys, "--json"))
    for report in (dry, real):
        assert sorted(report["settings_not_adopted"]) == [
            "auto_lock_minutes",
            "backup_enabled",
            "on_this_day",
        ]
        assert sorted(report["settings_adopted"]) == ["team_min_group", "theme"]
    stored = dict(_read(profile, "SELECT key, value FROM settings"))
    assert "backup_enabled" not in stored and "auto_lock_minutes" not in stored
    assert "on_this_day" not in stored and json.loads(stored["theme"]) == "dark"
    service, info, _base, _secret = profile
    session = service.unlock(info, PASSPHRASE)
    try:
        assert session.settings.get("backup_enabled") is True
        assert session.settings.get("auto_lock_minutes") == 5
    finally:
        session.close()


def test_the_text_summary_names_each_setting(profile, tmp_path, capsys):
    rows = {
        "reflections": [GOOD_ROWS["reflections"]],
        "settings": [_setting("backup_enabled", False), _setting("auto_lock_minutes", 2)],
    }
    text = _import(profile, build_archive(tmp_path, rows), capsys)
    # a shorter lock delay is safer: taken, and said
    assert (
        "Setting “Lock after inactivity” was taken from the archive (this profile had not set "
        "it)." in text
    )
    assert (
        "Setting “Daily encrypted backup” was not taken from the archive: it would turn "
        "automatic backups off." in text
    )


def test_the_profiles_own_settings_are_kept_and_not_reported(profile, tmp_path, capsys):
    service, info, _base, _secret = profile
    session = service.unlock(info, PASSPHRASE)
    try:
        session.settings.set("theme", "light")
    finally:
        session.close()
    rows = {"reflections": [GOOD_ROWS["reflections"]], "settings": [_setting("theme", "dark")]}
    report = json.loads(_import(profile, build_archive(tmp_path, rows), capsys, "--json"))
    assert report["settings_adopted"] == [] and report["settings_not_adopted"] == []
    assert dict(_read(profile, "SELECT key, value FROM settings"))["theme"] == '"light"'
