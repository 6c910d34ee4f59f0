"""``reflect check`` compares the search index with the reflections and can rebuild it.

The index of a test profile is damaged on purpose; ``check`` must say so (exit 1, ``ok``
false, the JSON's new ``search_index`` field), change nothing, and ``--rebuild-index`` must
make every reflection findable again.
"""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from reflect.cli import main
from reflect.domain.journal import JournalFilter
from reflect.domain.reflection import Reflection
from reflect.services.profiles import ProfileService
from reflect.storage.search_index import INDEX, TRIGGERS

PASSPHRASE = "a long enough test passphrase"
WORDS = ("lighthouse", "orchard", "quarry")


@pytest.fixture
def profile(paths, monkeypatch):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    service = ProfileService(paths, fast_kdf=True)
    info = service.create(PASSPHRASE, "CLI")
    session = service.unlock(info, PASSPHRASE)
    for day, word in enumerate(WORDS, start=1):
        session.journal.save(
            Reflection("free_write", datetime(2026, 5, day, 8), answers={"text": f"a {word}"})
        )
    session.close()
    return service, info


def _damage(service, info, *statements: str) -> None:
    """Change the index behind Reflect's back (a reader's session never repairs it)."""
    session = service.unlock(info, PASSPHRASE)
    try:
        for sql in statements:
            session.db.conn.execute(sql)
        session.db.conn.commit()
    finally:
        session.close()


LOSE_ONE = (
    f"INSERT INTO {INDEX}({INDEX}, rowid, body, tags, setting) "
    "SELECT 'delete', id, body, tags, setting FROM reflections WHERE id = 2"
)
STALE_ONE = (
    'DROP TRIGGER "reflections_au"',
    "UPDATE reflections SET body = 'a pinecone' WHERE id = 3",
    TRIGGERS["reflections_au"],
)


def _found(service, info, word: str) -> int:
    session = service.unlock(info, PASSPHRASE)
    try:
        return session.journal.count_matching(JournalFilter(query=word))
    finally:
        session.close()


def _check(paths, capsys, *extra: str) -> tuple[int, dict]:
    code = main(["--data-dir", str(paths.data_dir), "check", "--json", *extra])
    return code, json.loads(capsys.readouterr().out)


def test_a_healthy_index_is_reported_in_text_and_json(paths, profile, capsys):
    code, report = _check(paths, capsys)
    assert code == 0 and report["ok"]
    assert report["search_index"] == {
        "problems": [],
        "reflections": 3,
        "indexed": 3,
        "rebuilt": False,
        "repaired": [],
    }
    # Every field check printed before is still there.
    assert {"integrity", "cipher_integrity", "counts", "damaged", "latest_backup"} <= set(report)
    assert main(["--data-dir", str(paths.data_dir), "check"]) == 0
    assert "Search index:           ok (3 reflections, each findable)" in capsys.readouterr().out


def test_a_lost_entry_fails_the_check_and_check_writes_nothing(paths, profile, capsys):
    service, info = profile
    _damage(service, info, LOSE_ONE)
    assert _found(service, info, "orchard") == 0  # hidden
    code, report = _check(paths, capsys)
    assert code == 1 and not report["ok"]
    assert "reflections missing from the search index: 1" in report["search_index"]["problems"]
    assert report["search_index"]["rebuilt"] is False
    assert report["integrity"] == []  # SQLite's own check does not see it
    assert main(["--data-dir", str(paths.data_dir), "check"]) == 1
    out = capsys.readouterr().out
    assert "(rebuild it with: reflect check --rebuild-index)" in out
    assert "Problems were found" in out
    assert _found(service, info, "orchard") == 0  # check repaired nothing on its own


def test_rebuild_index_repairs_a_lost_entry(paths, profile, capsys):
    service, info = profile
    _damage(service, info, LOSE_ONE)
    code, report = _check(paths, capsys, "--rebuild-index")
    assert code == 0 and report["ok"]
    index = report["search_index"]
    assert index["rebuilt"] and index["problems"] == []
    assert "reflections missing from the search index: 1" in index["repaired"]
    assert _found(service, info, "orchard") == 1


def test_rebuild_index_repairs_a_stale_entry_only_the_full_check_sees(paths, profile, capsys):
    service, info = profile
    _damage(service, info, *STALE_ONE)
    assert _found(service, info, "pinecone") == 0
    code, report = _check(paths, capsys)
    assert code == 1
    assert report["search_index"]["problems"] == [
        "the search index does not match the text of the reflections"
    ]
    assert main(["--data-dir", str(paths.data_dir), "check", "--rebuild-index"]) == 0
    out = capsys.readouterr().out
    assert "Search index:           rebuilt from the reflections (it had: the search index" in out
    assert _found(service, info, "pinecone") == 1 and _found(service, info, "quarry") == 0


def test_search_says_when_the_index_may_hide_reflections(paths, profile, capsys):
    service, info = profile
    base = ["--data-dir", str(paths.data_dir), "search"]
    assert main([*base, "quarry", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["search_index_problems"] == [] and captured.err == ""

    _damage(service, info, LOSE_ONE)
    assert main([*base, "orchard", "--json"]) == 0
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report["count"] == 0
    assert report["search_index_problems"] == ["reflections missing from the search index: 1"]
    (line,) = captured.err.strip().splitlines()
    assert line.startswith("reflect: The search index disagrees with your reflections")
    assert "reflect check --rebuild-index" in line
