"""A person's contribution from a real profile, and the coordinator's side of the team view."""

from __future__ import annotations

import json
import os
import stat
from datetime import date, datetime

import pytest

from reflect.domain.errors import ReflectError, ValidationError
from reflect.domain.org_assessment import ActionItem
from reflect.services.demo_team import demo_contributions, fill_demo_team
from reflect.services.team_contribute import (
    build_contribution,
    choose_period,
    write_contribution,
)
from tests.domain.test_team_contribution import walk_against_allow_list

CANARY = "Zanzibar-Canary-7731"
TODAY = date(2026, 3, 20)


def _fill(session):
    items = [item.id for item in session.checkins.definition.items]
    for day in (3, 10, 17):
        session.checkins.record(
            dict.fromkeys(items, 2),
            helping={"awareness": 3, "balance": 2, "connection": 4},
            helped_note=f"{CANARY} walked",
            note=f"{CANARY} note",
            taken_at=datetime(2026, 2, day, 9),
        )
    session.instruments.record("who5", [1, 1, 1, 1, 1], taken_at=datetime(2026, 2, 5, 9))
    for day in range(1, 8):
        reflection = session.journal.new_reflection("free_write")
        reflection.occurred_at = datetime(2026, 1, day, 18)
        reflection.answers = {"text": f"Met {CANARY} at 12 Main Street"}
        reflection.tags = [CANARY.lower()]
        session.journal.save(reflection)


def test_contribution_holds_only_allowed_coarse_figures(session, tmp_path):
    _fill(session)
    contribution = build_contribution(session, "2026-01", "2026-03", today=TODAY)
    path = tmp_path / "mine.json"
    write_contribution(contribution, path)
    raw = path.read_bytes()
    assert CANARY.lower() not in raw.decode().lower()
    assert b"Main Street" not in raw and b"Tester" not in raw
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    content = json.loads(raw)
    walk_against_allow_list(content)
    months = {m["month"]: m for m in content["months"]}
    assert list(months) == ["2026-01", "2026-02", "2026-03"]
    assert months["2026-01"]["reflections"] == "6-15"
    assert months["2026-02"]["checkins"]["emotional"] == 2.0
    assert months["2026-02"]["checkins"]["positive"] == 3.0
    assert months["2026-02"]["questionnaires"] == [
        {"instrument": "who5", "subscale": "wellbeing", "band": "very_low"}
    ]
    assert months["2026-03"] == {
        "month": "2026-03",
        "token": months["2026-03"]["token"],  # the month's token (format 2)
        "checkins": {},
        "questionnaires": [],
        "reflections": "0",
    }
    assert content["written"] == "2026-03"


def test_period_rules():
    assert choose_period(None, None, TODAY) == ("2026-01", "2026-03")
    assert choose_period("2025-11", None, TODAY) == ("2025-11", "2026-03")
    for first, last in (
        ("2026-04", None),
        ("2026-03", "2026-01"),
        ("2026-1", None),
        ("2020-01", None),
    ):
        with pytest.raises(ValidationError):
            choose_period(first, last, TODAY)


def _write(folder, contributions):
    paths = []
    for index, contribution in enumerate(contributions):
        path = folder / f"c{index}.json"
        path.write_bytes(contribution.to_bytes())
        paths.append(path)
    return paths


def test_coordinator_imports_and_sees_figures(session, tmp_path):
    team = session.team
    assert not team.visible
    files = _write(tmp_path, demo_contributions(6, TODAY))
    outcome = team.import_files(files)
    assert (outcome.added, outcome.replaced) == (6, 0)
    assert team.visible and team.contribution_count() == 6
    again = team.import_files(files[:2])
    assert again.added == 0 and team.contribution_count() == 6
    summary = team.summary()
    assert summary.contributors == 6 and not summary.suppressed
    team.set_min_group(7)
    assert team.summary().suppressed
    with pytest.raises(ValidationError):
        team.set_min_group(4)
    assert team.min_group == 7


def test_one_bad_file_refuses_the_batch(session, tmp_path):
    files = _write(tmp_path, demo_contributions(5, TODAY))
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "reflect-team-contribution/1", "name": "Sam"}', encoding="utf-8")
    with pytest.raises(ReflectError) as caught:
        session.team.import_files([*files, bad])
    assert "bad.json" in str(caught.value)
    assert session.team.contribution_count() == 0


def test_assessment_and_action_plan(session):
    team = session.team
    definition = team.assessment_definition()
    assert definition.id == "reflect-org" and definition.has_item_text
    assert [s.id for s in definition.subscales] == [
        "leadership",
        "workload",
        "supervision",
        "training",
        "policies",
        "evaluation",
    ]
    answers = [5] * 4 + [1] * 4 + [3, 4, 3, 3] + [None] * 4 + [4] * 4 + [2] * 4
    result = team.record_assessment(answers, mode="group", participants=4)
    ratings = {d.domain: d.rating for d in result.domains}
    assert ratings == {
        "leadership": "strength",
        "workload": "gap",
        "supervision": "partly",
        "training": None,
        "policies": "strength",
        "evaluation": "gap",
    }
    assert {d.domain for d in team.gaps_to_plan()} == {"workload", "evaluation"}
    item = team.save_action(
        ActionItem(
            "workload",
            " Rotate heavy cases ",
            "Lead",
            date(2026, 5, 1),
            date(2026, 6, 1),
            result.id,
        )
    )
    assert item.id is not None and item.what == "Rotate heavy cases"
    assert {d.domain for d in team.gaps_to_plan()} == {"evaluation"}
    with pytest.raises(ValidationError):
        team.save_action(ActionItem("x", "Do", "Me", date(2026, 5, 1), date(2026, 4, 1)))
    done = team.mark_done(item, date(2026, 4, 2))
    assert team.actions()[0].done_on == date(2026, 4, 2) == done.done_on
    with pytest.raises(ValidationError):
        team.record_assessment([3] * 24, mode="group", participants=1)


def test_organisation_imports_its_own_assessment(session, tmp_path):
    source = tmp_path / "ours.json"
    data = {
        "format": "reflect-instrument/1",
        "id": "our-licensed",
        "name": "Our licensed survey",
        "items": 2,
        "time_frame": "today",
        "response_scale": {"min": 0, "max": 4},
        "subscales": [{"id": "care", "label": "Care", "items": [1, 2], "method": "mean"}],
        "item_text": ["First licensed item", "Second licensed item"],
        "citation": "Ours",
        "licence": "Licensed to us",
        "attribution": "Us",
    }
    source.write_text(json.dumps(data), encoding="utf-8")
    definition = session.team.import_assessment(source)
    assert session.team.assessment_definition().id == definition.id == "our-licensed"
    # higher_is defaults to "worse" in the questionnaire format: a high mean reads as a gap.
    result = session.team.record_assessment([4, 4])
    assert result.domains[0].rating == "gap"
    del data["item_text"]
    source.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValidationError):
        session.team.import_assessment(source)


def test_demo_team_fills_the_screen(session):
    added = fill_demo_team(session, 9, TODAY)
    assert added == 9 and session.team.is_coordinator
    summary = session.team.summary()
    assert not summary.suppressed
    assert session.team.latest_assessment().gaps
    assert len(session.team.actions()) == len(session.team.latest_assessment().gaps)
