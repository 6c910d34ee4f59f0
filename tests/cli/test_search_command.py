"""``reflect search``: text and JSON output from a real encrypted profile."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from reflect.cli import main
from reflect.domain.reflection import Reflection
from reflect.services.profiles import ProfileService

PASSPHRASE = "a long enough test passphrase"


@pytest.fixture
def data_dir(paths):
    service = ProfileService(paths, fast_kdf=True)
    info = service.create(PASSPHRASE, "CLI")
    session = service.unlock(info, PASSPHRASE)
    try:
        for day, template, setting, text, tags in [
            (3, "quick", "outreach", "Felt drained after the night outreach", ["night"]),
            (9, "gibbs", "clinic", "A calm morning shift at the clinic", ["calm"]),
            (
                12,
                "trauma_informed",
                "court",
                "Court support was heavy but the outreach went well",
                ["court"],
            ),
        ]:
            session.journal.save(
                Reflection(
                    template,
                    datetime(2026, 4, day, 20, 15),
                    setting=setting,
                    tags=tags,
                    intensity=day % 10,
                    answers={"what_happened": text},
                )
            )
    finally:
        session.close()
    return str(paths.data_dir)


def test_search_prints_date_template_and_snippet(data_dir, monkeypatch, capsys):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    assert main(["search", "outreach", "--data-dir", data_dir]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("2026-04-12 20:15  Trauma-informed practice")
    assert "Court support was heavy" in lines[0]
    assert lines[1].startswith("2026-04-03 20:15  Quick")


def test_search_json_is_stable(data_dir, monkeypatch, capsys):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    assert main(["search", "calm", "--data-dir", data_dir, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["query"] == "calm" and data["count"] == 1 and data["total"] == 1
    (hit,) = data["results"]
    assert set(hit) == {
        "id",
        "occurred_at",
        "template_id",
        "template",
        "setting",
        "tags",
        "intensity",
        "snippet",
    }
    assert hit["occurred_at"] == "2026-04-09T20:15"
    assert hit["template_id"] == "gibbs" and hit["template"] == "Gibbs cycle"
    assert hit["tags"] == ["calm"] and hit["intensity"] == 9
    assert "calm morning" in hit["snippet"]


def test_search_filters_and_empty_result(data_dir, monkeypatch, capsys):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    assert (
        main(["search", "--data-dir", data_dir, "--json", "--from", "2026-04-05", "--tag", "court"])
        == 0
    )
    assert [r["template_id"] for r in json.loads(capsys.readouterr().out)["results"]] == [
        "trauma_informed"
    ]
    assert main(["search", "zebra", "--data-dir", data_dir]) == 0
    assert capsys.readouterr().out.strip() == "No reflections match."


def test_passphrase_file_and_wrong_passphrase(data_dir, tmp_path, monkeypatch, capsys):
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    assert main(["search", "clinic", "--data-dir", data_dir, "--passphrase-file", str(secret)]) == 0
    assert "clinic" in capsys.readouterr().out
    monkeypatch.setenv("REFLECT_PASSPHRASE", "not the passphrase")
    assert main(["search", "clinic", "--data-dir", data_dir]) == 2
    assert "does not open this profile" in capsys.readouterr().err


def test_bad_dates_are_refused(data_dir, monkeypatch, capsys):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    assert (
        main(["search", "x", "--data-dir", data_dir, "--from", "2026-05-01", "--to", "2026-04-01"])
        == 2
    )
    assert "--from is after --to" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["search", "x", "--data-dir", data_dir, "--from", "yesterday"])


def test_data_dir_before_the_command_is_respected(data_dir, monkeypatch, capsys):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    assert main(["--data-dir", data_dir, "search", "clinic"]) == 0
    assert "calm morning" in capsys.readouterr().out


def test_limit_says_how_many_more(data_dir, monkeypatch, capsys):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    assert main(["search", "--data-dir", data_dir, "--limit", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and lines[1] == "… 2 more; use --limit 0 to see all."
    assert main(["search", "--data-dir", data_dir, "--limit", "1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["count"] == 1 and data["total"] == 3
