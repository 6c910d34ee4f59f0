"""Issue 13 items 4 and 12: imported rows are checked like typed input; no traceback, ever.

Each bad archive or jrnl file must give exit code 2, one readable line on stderr naming the
table, row and field (or the entry), and leave every table's row count unchanged, with
``--dry-run`` giving the same verdict as the real import.
"""

from __future__ import annotations

import json
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.faults.input_helpers import (
    ARCHIVE_PASS,
    GOOD_ROWS,
    PASSPHRASE,
    assert_one_clean_line,
    build_archive,
    jrnl_file,
    row_counts,
    run,
)

from reflect.domain.errors import ReflectError
from reflect.paths import AppPaths
from reflect.services.importers.reflect_archive import row_context
from reflect.services.importing import import_file
from reflect.services.profiles import ProfileService
from reflect.services.row_validators import VALIDATORS, BadRow, validate_tables
from reflect.storage.database import close_database, open_database
from reflect.storage.migrations import apply_migrations
from reflect.storage.table_dump import data_tables


@pytest.fixture(scope="module")
def target(tmp_path_factory):
    """One profile with a little data for the whole module: a refused import writes nothing,
    and each test compares the row counts before and after its own import. Its key is kept
    so counting rows needs no key derivation (the suite must stay fast)."""
    folder = tmp_path_factory.mktemp("faults-import")
    paths = AppPaths(folder / "data").ensure()
    service = ProfileService(paths, fast_kdf=True)
    info = service.create(PASSPHRASE, "Target")
    session = service.unlock(info, PASSPHRASE)
    try:
        session.checkins.record({"work.swamped": 2}, sleep=1)
        key, context = bytearray(session.key), row_context(session)
    finally:
        session.close()
    passfile = folder / "archive-pass.txt"
    passfile.write_text(ARCHIVE_PASS, encoding="utf-8")
    return paths, info, key, passfile, context


@pytest.fixture
def cli(target, monkeypatch):
    """The CLI arguments that reach the module's profile, and its row counts."""
    paths, info, key, passfile, _ = target
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)

    def counts() -> dict[str, int]:
        db = open_database(info.db_path, key)
        try:
            return row_counts(db)
        finally:
            close_database(db)

    base = ["--data-dir", str(paths.data_dir), "import"]
    return base, ["--archive-passphrase-file", str(passfile)], counts


def good(table: str, **changes) -> dict:
    return {**GOOD_ROWS[table], **changes}


BAD_ROWS = [
    ("reflections", {"tags": "not json"}, "tags"),
    ("reflections", {"occurred_at": "yesterday"}, "occurred_at"),
    ("reflections", {"occurred_at": "9" * 1_000_000}, "occurred_at"),
    ("reflections", {"occurred_at": None}, "occurred_at"),
    ("reflections", {"occurred_at": "2026-03-01T18:00:00+02:00"}, "occurred_at"),
    ("reflections", {"answers": '{"text": {"nested": 1}}'}, "answers"),
    ("reflections", {"intensity": 999}, "intensity"),
    ("reflections", {"intensity": "loud"}, "intensity"),
    ("reflections", {"answers": "[1, 2]"}, "answers"),
    ("reflections", {"answers": "[" * 5000 + "]" * 5000}, "answers"),
    ("reflections", {"answers": '{"text": "\\ud800"}'}, "answers"),
    ("reflections", {"feelings": "[1]"}, "feelings"),
    ("reflections", {"tags": '["' + "1" * 5000 + '"]', "template_id": ""}, "template_id"),
    ("reflections", {"template_id": "trauma_informed", "answers": '{"x.rating": 1}'}, None),
    (
        "reflections",
        {"template_id": "trauma_informed", "answers": '{"safe_environment.rating": 9}'},
        "answers",
    ),
    ("follow_ups", {"due": "soon"}, "due"),
    ("follow_ups", {"text": ""}, "text"),
    ("follow_ups", {"reflection_id": "one"}, "reflection_id"),
    ("checkins", {"item_scores": '{"work.swamped": 7}'}, "item_scores"),
    ("checkins", {"item_scores": '{"made.up": 1}'}, "item_scores"),
    ("checkins", {"item_scores": "{}"}, "item_scores"),
    ("checkins", {"item_scores": '{"work.swamped": 1e400}'}, "item_scores"),
    ("checkins", {"sleep": -1}, "sleep"),
    ("checkins", {"helping": '{"luck": 2}'}, "helping"),
    ("checkins", {"taken_at": "2026-13-45"}, "taken_at"),
    ("instrument_results", {"answers": "[3, 3, 2]"}, "answers"),
    ("instrument_results", {"answers": "[3, 3, 2, 4, 99]"}, "answers"),
    ("instrument_results", {"scores": '{"wellbeing": "high"}'}, "scores"),
    ("instrument_results", {"answers": "[" + "9" * 5000 + "]"}, "answers"),
    ("plan", {"section": "secrets"}, "section"),
    ("plan", {"value": '{"a": 1}'}, "value"),
    ("help_contacts", {"name": ""}, "name"),
    ("settings", {"key": "auto_lock_minutes", "value": '"never"'}, "value"),
    ("settings", {"value": "not json"}, "value"),
    ("settings", {"key": "auto_lock_minutes", "value": "1000000000"}, "value"),
    ("settings", {"key": "reminder_days", "value": "[9]"}, "value"),
    ("dismissed_notices", {"dismissed_at": "later"}, "dismissed_at"),
    ("debriefs", {"shared": '[["diary", "1"]]'}, "shared"),
    ("debriefs", {"notes": '{"gossip": "x"}'}, "notes"),
    ("debriefs", {"title": " "}, "title"),
]


# The cases named in the issue, end to end through the command line (an archive each).
END_TO_END = [
    i
    for i, (table, changes, _) in enumerate(BAD_ROWS)
    if (table, next(iter(changes)))
    in {
        ("reflections", "tags"),
        ("reflections", "intensity"),
        ("follow_ups", "due"),
        ("plan", "section"),
        ("debriefs", "shared"),
    }
    or changes.get("occurred_at") in ("yesterday", "9" * 1_000_000)
    or changes.get("item_scores") == '{"work.swamped": 7}'
    or "\\ud800" in str(changes.get("answers"))
]


@pytest.mark.parametrize("case", END_TO_END)
def test_a_bad_row_refuses_the_whole_archive(cli, tmp_path, capsys, case):
    table, changes, column = BAD_ROWS[case]
    base, secret, counts = cli
    rows = {name: [dict(row)] for name, row in GOOD_ROWS.items()}
    rows[table] = _pair(table, changes)
    archive = build_archive(tmp_path, rows)
    before = counts()
    dry = run([*base, str(archive), *secret, "--dry-run"], capsys)
    real = run([*base, str(archive), *secret], capsys)
    assert dry[0] == real[0] == 2, real
    line = assert_one_clean_line(real[2])
    assert assert_one_clean_line(dry[2]) == line
    row = "2" if "id" in GOOD_ROWS[table] else r"\d"  # text keys are read in key order
    assert re.search(rf"table {table}, row {row}, field {column}:", line), line
    assert "Nothing was imported" in line
    assert counts() == before


@pytest.mark.parametrize(("table", "changes", "column"), BAD_ROWS)
def test_every_bad_row_is_named_by_table_row_and_field(target, table, changes, column):
    rows = _pair(table, changes)
    if column is None:  # a rating for a field the template does not have: kept as an answer
        validate_tables(iter([(table, iter(rows))]), target[4], "a.reflect-archive")
        return
    with pytest.raises(BadRow) as caught:
        validate_tables(iter([(table, iter(rows))]), target[4], "a.reflect-archive")
    assert (caught.value.table, caught.value.number, caught.value.column) == (table, 2, column)
    message = str(caught.value)
    assert message.startswith(f"a.reflect-archive: table {table}, row 2, field {column}: ")
    assert len(message) < 400


def _pair(table: str, changes: dict) -> list[dict]:
    """A good row, then the same row with ``changes`` (under another key)."""
    second = good(table, **changes)
    if "id" in second:
        second["id"] = 2
    else:
        key = {"plan": "section", "settings": "key", "dismissed_notices": "notice_id"}[table]
        if key not in changes:
            second[key] = {"plan": "boundaries", "settings": "language"}.get(table, "n2")
    return [good(table), second]


def test_the_good_archive_imports_and_every_table_is_readable_afterwards(cli, tmp_path, capsys):
    base, secret, counts = cli
    archive = build_archive(tmp_path, {n: [r] for n, r in GOOD_ROWS.items()})
    code, out, err = run([*base, str(archive), *secret], capsys)
    assert code == 0, err
    after = counts()
    assert after["reflections"] == 1 and after["debriefs"] == 1 and after["checkins"] == 2
    root = base[:2]
    assert run([*root, "search", "shift"], capsys)[0] == 0


def test_text_that_is_not_utf8_is_a_bad_field(cli, tmp_path, capsys):
    base, secret, counts = cli
    bad = "UPDATE reflections SET body = CAST(X'666f6fff' AS TEXT)"
    archive = build_archive(tmp_path, {"reflections": [GOOD_ROWS["reflections"]]}, (bad,))
    before = counts()
    code, _, err = run([*base, str(archive), *secret], capsys)
    assert code == 2
    assert "table reflections, row 1, field body" in assert_one_clean_line(err)
    assert counts() == before


def test_every_table_in_the_schema_has_a_validator(tmp_path):
    """A table added by a migration without a validator fails here, not in someone's profile."""
    import secrets

    db = open_database(tmp_path / "schema.db", bytearray(secrets.token_bytes(32)), create=True)
    try:
        apply_migrations(db)
        tables = set(data_tables(db.conn))
    finally:
        close_database(db)
    missing = sorted(tables - set(VALIDATORS))
    assert not missing, f"tables without a row validator in services/row_validators.py: {missing}"
    assert tables >= {"reflections", "checkins", "debriefs"}


JRNL_BAD = [
    ({"entries": [{"date": "9" * 1_000_000}]}, "entries[0].date"),
    ({"entries": [{"date": "2024-01-01", "title": "\ud800"}]}, "entries[0].title"),
    ({"entries": [{"date": "2024-01-01", "tags": ["@\udfff"]}]}, "entries[0].tags"),
    ({"entries": [{"date": "2024-01-01", "time": "25:00"}]}, "entries[0].time"),
    ({"entries": [{"date": "2024-01-01", "title": "x", "starred": 1}]}, "entries[0].starred"),
    ('{"entries": [' + "[" * 100_000 + "]" * 100_000 + "]}", "nested"),
    ('{"entries": [], "n": ' + "9" * 5000 + "}", "digits"),
    ('{"entries": [], "n": 1e999}', "number"),
    ('{"entries": [NaN]}', "NaN"),
    ("[1, 2", "not valid JSON"),
]


@pytest.mark.parametrize(("data", "expected"), JRNL_BAD)
def test_bad_jrnl_files_are_refused_with_one_line(cli, tmp_path, capsys, data, expected):
    base, _, counts = cli
    if not isinstance(data, str):
        data = json.dumps(data, ensure_ascii=True)
    source = jrnl_file(tmp_path, data)
    before = counts()
    dry = run([*base, str(source), "--dry-run"], capsys)
    real = run([*base, str(source)], capsys)
    assert dry[0] == real[0] == 2
    line = assert_one_clean_line(real[2])
    assert line == assert_one_clean_line(dry[2])
    assert expected in line, line
    assert counts() == before


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_a_file_that_is_not_a_regular_file_is_refused(cli, tmp_path, capsys, kind):

    base, _, counts = cli
    path = tmp_path / "odd.json"
    if kind != "folder" and not hasattr(os, "mkfifo"):
        pytest.skip("FIFOs and /dev/zero are POSIX only")
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to("/dev/zero")
    before = counts()
    code, _, err = run([*base, str(path)], capsys)
    assert code == 2
    assert "not a regular file" in assert_one_clean_line(err)
    assert counts() == before


def test_a_year_of_real_looking_data_passes_every_validator(session):
    """Reflect's own data (every template, checklists, yes answers, debriefs) is accepted:
    the validators refuse only what the app itself would never write."""
    from datetime import date

    from reflect.services.demo_data import fill_demo_profile
    from reflect.services.demo_team import fill_demo_team
    from reflect.services.importers.reflect_archive import row_context
    from reflect.services.row_validators import validate_tables
    from reflect.storage.table_dump import iter_rows

    fill_demo_profile(session, years=1, end=date(2026, 6, 30), reflections_per_year=120)
    fill_demo_team(session, today=date(2026, 6, 30))
    session.resources.save_plan(session.resources.load_plan())
    session.settings.set("theme", "dark")
    conn = session.db.conn
    tables = [t for t in data_tables(conn) if VALIDATORS.get(t)]
    counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    assert counts["reflections"] >= 100 and counts["debriefs"] and counts["checkins"]
    assert counts["team_contributions"] and counts["team_assessments"] and counts["team_actions"]
    validate_tables(((t, iter_rows(conn, t)) for t in tables), row_context(session), "demo")


JRNL_GOOD = {"date": "2024-03-30", "time": "21:05", "title": "Long shift.", "body": "Home."}
jrnl_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.sampled_from(["2024-02-30", "24:00", "2024-03-30T21:05", "\ud800", "9" * 3000, "@x"]),
    st.lists(st.text(max_size=5) | st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    changes=st.lists(
        st.tuples(
            st.sampled_from(["date", "time", "title", "body", "tags", "starred", "extra"]),
            jrnl_values,
        ),
        min_size=1,
        max_size=3,
    ),
    position=st.integers(min_value=0, max_value=2),
)
def test_generated_jrnl_files_import_whole_or_not_at_all(session, tmp_path, changes, position):
    """Hundreds of jrnl files with one entry spoiled: all or nothing, one short line."""
    entries = [dict(JRNL_GOOD, title=f"Entry {i}") for i in range(3)]
    entries[position].update(dict(changes))
    path = jrnl_file(tmp_path, json.dumps({"entries": entries}, ensure_ascii=True))
    before = session.journal.count()
    try:
        report = import_file(session, path)
    except ReflectError as exc:
        message = str(exc)
        assert "\n" not in message and len(message) < 400, message[:500]
        assert session.journal.count() == before
    else:
        assert session.journal.count() == before + report.written["reflections"]
        for reflection in session.journal.all_reflections():
            for text in (*reflection.tags, *map(str, reflection.answers.values())):
                text.encode("utf-8")
