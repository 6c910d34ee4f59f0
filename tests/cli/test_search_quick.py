"""`reflect search`'s quick path (commands/search_quick.py) against the full path through a
session: the same output for the same search, the quick path taken on an everyday profile,
and the full path (with its own messages and counting) for anything unusual."""

from __future__ import annotations

import json
import os
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflect.cli import main
from reflect.commands import search_quick
from reflect.domain.reflection import Reflection
from reflect.services.profiles import ProfileService
from tests.cli.search_attacks import prompts_answered, run_search

PASSPHRASE = "a long enough test passphrase"

_TEXTS = [
    ("quick", "outreach", "Felt drained after the night outreach, café closed", ["night"]),
    ("gibbs", "clinic", "A calm morning shift at the clinic; supervision at noon", ["calm"]),
    ("trauma_informed", "court", "Court support was heavy but the outreach went well", []),
    ("free_write", "", 'She said "not today" and I listened', ["calm", "listening"]),
    ("what_so_what_now_what", "shelter", "Straße, ΣΟΦΟΣ and l'équipe: supervision", ["x y"]),
    ("an_old_template", "hotline", "A template this installation does not have", ["night"]),
]


@pytest.fixture
def data_dir(paths):
    service = ProfileService(paths, fast_kdf=True)
    info = service.create(PASSPHRASE, "Quick")
    session = service.unlock(info, PASSPHRASE)
    try:
        for day in range(1, 25):
            template, setting, text, tags = _TEXTS[day % len(_TEXTS)]
            session.journal.save(
                Reflection(
                    template,
                    datetime(2026, 3, day, 8 + day % 12, 15),
                    setting=setting,
                    tags=tags,
                    intensity=None if day % 7 == 0 else day % 11,
                    answers={"what_happened": f"{text} (day {day})"},
                )
            )
    finally:
        session.close()
    return str(paths.data_dir)


def _profile_dir(data_dir: str) -> str:
    profiles = os.path.join(data_dir, "profiles")
    return os.path.join(profiles, os.listdir(profiles)[0])


_run = run_search


ARGVS = [
    ["supervision"],
    ["supervision", "--limit", "2"],
    ["outreach", "--json"],
    ["", "--limit", "0"],
    ["--limit", "3", "--json"],
    ["nothing-matches-this"],
    ["--tag", "calm", "--setting", "Clinic"],
    ["--from", "2026-03-05", "--to", "2026-03-12", "--json"],
    ["--min-intensity", "3", "--max-intensity", "7", "--limit", "4"],
    ["--template", "an_old_template", "--json"],
    ['"not today"'],
    ["café"],
]


@pytest.mark.parametrize("argv", ARGVS, ids=[" ".join(a) or "all" for a in ARGVS])
def test_the_quick_path_prints_what_the_full_path_prints(argv, data_dir, monkeypatch, capsys):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    command = ["search", *argv, "--data-dir", data_dir]
    quick = _run(command, capsys)
    full = _run(command, capsys, full=True)
    assert quick[3] == 0, "an everyday profile takes the quick path"
    assert full[3] == 1
    assert quick[:3] == full[:3]
    assert quick[1].strip()


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    query=st.text(max_size=12),
    tag=st.sampled_from([None, "calm", "night", "x y", "CALM "]),
    limit=st.sampled_from(["0", "1", "5"]),
    as_json=st.booleans(),
)
def test_any_search_prints_the_same_on_both_paths(
    query, tag, limit, as_json, data_dir, monkeypatch, capsys
):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    command = ["search", "--data-dir", data_dir, "--limit", limit, "--", query]
    if tag is not None:
        command[1:1] = ["--tag", tag]
    if as_json:
        command.insert(1, "--json")
    assert _run(command, capsys)[:3] == _run(command, capsys, full=True)[:3]


def _wrong_passphrase_once(data_dir, monkeypatch, capsys):
    monkeypatch.setenv("REFLECT_PASSPHRASE", "not the passphrase at all")
    assert main(["search", "x", "--data-dir", data_dir]) == 2
    capsys.readouterr()
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)


def _second_profile(data_dir, monkeypatch, capsys):
    from reflect.paths import AppPaths

    ProfileService(AppPaths(Path(data_dir)), fast_kdf=True).create(PASSPHRASE, "Second")


def _organisation_template(data_dir, monkeypatch, capsys):
    shipped = os.path.join(os.path.dirname(search_quick.__file__), "..", "..", "..", "assets")
    source = os.path.join(shipped, "templates", "quick.json")
    with open(source, encoding="utf-8") as handle:
        template = json.load(handle)
    template.update(id="an_old_template", name="Named by the organisation")
    os.makedirs(os.path.join(data_dir, "templates"), exist_ok=True)
    target = os.path.join(data_dir, "templates", "an_old_template.json")
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(template, handle)


def _restore_waiting(data_dir, monkeypatch, capsys):
    folder = _profile_dir(data_dir)
    shutil.copy(os.path.join(folder, "reflect.db"), os.path.join(folder, "reflect.db.restored"))


def _change_of_keys_under_way(data_dir, monkeypatch, capsys):
    folder = _profile_dir(data_dir)
    shutil.copy(os.path.join(folder, "vault.json"), os.path.join(folder, "vault.json.pending"))


def _index_out_of_step(data_dir, monkeypatch, capsys):
    from reflect.paths import AppPaths

    service = ProfileService(AppPaths(Path(data_dir)), fast_kdf=True)
    session = service.unlock(service.list_profiles()[0], PASSPHRASE)
    try:
        session.db.execute("DELETE FROM reflections_fts WHERE rowid = 3")
        session.db.conn.commit()
    finally:
        session.close()


def _newer_schema(data_dir, monkeypatch, capsys):
    from reflect.paths import AppPaths

    service = ProfileService(AppPaths(Path(data_dir)), fast_kdf=True)
    session = service.unlock(service.list_profiles()[0], PASSPHRASE)
    try:
        session.db.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('reflect', 'm999_from_the_future', '2027-01-01')"
        )
        session.db.conn.commit()
    finally:
        session.close()


UNUSUAL = {
    "failed unlocks counted": _wrong_passphrase_once,
    "two profiles": _second_profile,
    "an organisation's templates": _organisation_template,
    "a restore waiting": _restore_waiting,
    "a change of keys under way": _change_of_keys_under_way,
    "the search index out of step": _index_out_of_step,
    "a schema from a newer Reflect": _newer_schema,
}


@pytest.mark.parametrize("make", UNUSUAL.values(), ids=UNUSUAL.keys())
def test_anything_unusual_is_left_to_the_full_path(make, data_dir, monkeypatch, capsys):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    make(data_dir, monkeypatch, capsys)
    before = os.listdir(_profile_dir(data_dir))
    code, out, err, full_runs = _run(["search", "supervision", "--data-dir", data_dir], capsys)
    assert full_runs == 1
    if make is _restore_waiting:  # the full path finished the restore: compare afterwards
        assert "reflect.db.restored" in before
        assert "reflect.db.restored" not in os.listdir(_profile_dir(data_dir))
    assert (code, out, err) == _run(
        ["search", "supervision", "--data-dir", data_dir], capsys, full=True
    )[:3]


def test_the_full_path_names_what_was_unusual(data_dir, monkeypatch, capsys):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    _index_out_of_step(data_dir, monkeypatch, capsys)
    code, _out, err, _ = _run(["search", "supervision", "--data-dir", data_dir], capsys)
    assert code == 0 and "search index disagrees" in err
    _newer_schema(data_dir, monkeypatch, capsys)
    code, _out, err, _ = _run(["search", "supervision", "--data-dir", data_dir], capsys)
    assert code == 2 and "newer version of Reflect" in err


def test_a_wrong_passphrase_is_counted_once(data_dir, monkeypatch, capsys):
    from reflect.storage.throttle import THROTTLE_FILE

    monkeypatch.setenv("REFLECT_PASSPHRASE", "not the passphrase at all")
    code, _out, err, full_runs = _run(["search", "x", "--data-dir", data_dir], capsys)
    assert (code, full_runs) == (2, 1)
    assert "passphrase" in err
    with open(os.path.join(_profile_dir(data_dir), THROTTLE_FILE), encoding="utf-8") as handle:
        assert json.load(handle)["failures"] == 1


def test_a_passphrase_typed_once_serves_the_full_path_too(data_dir, monkeypatch, capsys):
    asked = prompts_answered(monkeypatch, PASSPHRASE)
    _organisation_template(data_dir, monkeypatch, capsys)
    code, out, _err, full_runs = _run(["search", "--data-dir", data_dir], capsys)
    assert (code, full_runs, len(asked)) == (0, 1, 1)
    assert "Named by the organisation" in out


def test_an_unusual_file_is_noticed_by_the_name_its_writer_uses(tmp_path):
    """The names the quick path looks for are the ones the modules that write them use."""
    from reflect.domain import vault_file
    from reflect.storage.pending_vault import pending_path
    from reflect.storage.restore_swap import ready_path
    from reflect.storage.throttle import THROTTLE_FILE

    assert vault_file.THROTTLE_FILE == THROTTLE_FILE
    assert pending_path(tmp_path).name == vault_file.PENDING_VAULT_FILE
    assert ready_path(tmp_path).name == vault_file.RESTORED_DB_FILE


def test_the_schema_steps_known_are_the_migrations_registered():
    from reflect.storage import migrations, schema_names

    assert list(schema_names.NAMES) == [m.name for m in migrations.migrations._migrations]
    assert migrations.migrations.name == schema_names.MIGRATION_SET
    assert migrations.migrations.migrations_table == schema_names.MIGRATIONS_TABLE


@pytest.mark.parametrize("how", ["option", "environment", "home", "default"])
def test_the_data_folder_is_the_one_apppaths_chooses(how, tmp_path, monkeypatch):
    import argparse

    from reflect.paths import AppPaths

    monkeypatch.delenv("REFLECT_DATA_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    option = None
    if how == "option":
        option = str(tmp_path / "a" / ".." / "data")
    elif how == "environment":
        monkeypatch.setenv("REFLECT_DATA_DIR", str(tmp_path / "env"))
    elif how == "home":
        option = "~/in-home"
    args = argparse.Namespace(data_dir=option)
    assert search_quick.data_dir_of(args) == str(AppPaths.from_option(option).data_dir)


def test_the_shipped_template_names_are_the_loaded_ones():
    from reflect.domain.template_names import fallback_name, shipped_names
    from reflect.domain.templates import load_templates
    from reflect.resources import asset_path

    library = load_templates(asset_path("templates"))
    assert shipped_names(str(asset_path("templates"))) == {t.id: t.name for t in library}
    assert library.name_of("gone_away") == fallback_name("gone_away") == "Gone away"


def test_a_profile_made_private_again_before_the_quick_search(data_dir, monkeypatch, capsys):
    folder = _profile_dir(data_dir)
    os.chmod(folder, 0o755)
    os.chmod(os.path.join(folder, "vault.json"), 0o644)
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    assert _run(["search", "x", "--data-dir", data_dir], capsys)[3] == 0
    assert os.stat(folder).st_mode & 0o777 == 0o700
    assert os.stat(os.path.join(folder, "vault.json")).st_mode & 0o777 == 0o600
