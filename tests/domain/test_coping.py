from __future__ import annotations

import copy
import json
from datetime import datetime

import pytest

from reflect.domain.checkin import CATEGORIES, HELPING_AREAS
from reflect.domain.coping import (
    load_coping_library,
    parse_coping_library,
    rank_categories,
    suggest,
)
from reflect.domain.errors import ContentError
from reflect.resources import asset_path

SHIPPED = asset_path("resources", "coping.json")


@pytest.fixture(scope="module")
def raw():
    return json.loads(SHIPPED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def library():
    return load_coping_library(SHIPPED)


def test_shipped_library_is_broad(library):
    assert len(library.items) >= 40
    for area in HELPING_AREAS:
        assert len(library.by_area(area)) >= 10, area
    for category in CATEGORIES:
        assert len(library.by_category(category)) >= 5, category
    exercises = {item.exercise for item in library.items if item.exercise}
    assert exercises == {"breathing", "grounding", "muscle_release"}


@pytest.mark.parametrize(
    ("mutate", "field", "problem"),
    [
        (lambda d: d["items"][0].pop("title"), "items[0] (body-check).title", "non-empty"),
        (
            lambda d: d["items"][0].__setitem__("area", "rest"),
            "items[0] (body-check).area",
            "awareness",
        ),
        (lambda d: d["items"][0].__setitem__("categories", ["sadness"]), "categories", "'sadness'"),
        (lambda d: d["items"][0].__setitem__("categories", []), "categories", "at least one"),
        (lambda d: d["items"][1].__setitem__("id", "body-check"), "items[1].id", "used twice"),
        (lambda d: d["items"][0].__setitem__("minutes", 0), "minutes", "1 to 120"),
        (lambda d: d["items"][0].__setitem__("exercise", "yoga"), "exercise", "breathing"),
        (lambda d: d["items"][0].__setitem__("text", "x" * 700), "text", "at most 600"),
        (lambda d: d["areas"].pop("balance"), "areas.balance", "description"),
        (lambda d: d.__setitem__("items", []), "items", "non-empty"),
    ],
)
def test_malformed_library_names_field(raw, mutate, field, problem):
    data = copy.deepcopy(raw)
    mutate(data)
    with pytest.raises(ContentError) as caught:
        parse_coping_library(data, "coping.json")
    message = str(caught.value)
    assert message.startswith("coping.json: ")
    assert field in message and problem in message


def test_invalid_json_reports_line(tmp_path):
    bad = tmp_path / "coping.json"
    bad.write_text('{"areas": {}\n "items": []}', encoding="utf-8")
    with pytest.raises(ContentError, match=r"coping.json: line 2: is not valid JSON"):
        load_coping_library(bad)


def test_rank_categories_highest_first_ignores_low_and_unknown():
    scores = {
        "work": 2.0,
        "emotional": 3.5,
        "physical": 0,
        "relational": 2.0,
        "mood": 4,
        "spiritual": 0.75,
    }
    assert rank_categories(scores) == ["emotional", "relational", "work"]


def test_suggestions_follow_highest_categories_with_reasons(library):
    scores = {c: 0.5 for c in CATEGORIES} | {"relational": 3.5, "physical": 2.5}
    taken = datetime(2026, 11, 12, 18, 0)
    result = suggest(library, scores, taken_at=taken, limit=6)
    assert len(result) == 6
    assert result[0].category == "relational" and result[1].category == "relational"
    assert "relational" in result[0].item.categories
    assert (
        result[0].reason == "Relationships was your highest area in your latest check-in (12 Nov)."
    )
    assert result[2].category == "physical"
    assert "among your higher areas" in result[2].reason
    assert len({s.item.id for s in result}) == 6
    # the first two items of a category come from different ABC areas
    assert result[0].item.area != result[1].item.area


def test_baseline_changes_reason_to_higher_than_usual(library):
    result = suggest(library, {"work": 3.0}, baseline={"work": 1.0}, limit=1)
    assert result[0].reason == "Work was higher than your usual in your latest check-in."
    result = suggest(library, {"work": 3.0}, baseline={"work": 2.8}, limit=1)
    # about the usual: the same words as the check-in result, never "higher"
    assert result[0].reason == "Work scored highest in your latest check-in, about your usual."


def test_no_raised_category_gives_one_item_per_abc_area(library):
    result = suggest(library, {c: 0 for c in CATEGORIES}, limit=3)
    assert [s.item.area for s in result] == list(HELPING_AREAS)
    assert all(s.category is None and "any week" in s.reason for s in result)


def test_low_helping_area_is_filled_first_with_reason(library):
    result = suggest(library, {}, helping={"awareness": 3, "balance": 3, "connection": 0}, limit=3)
    assert result[0].item.area == "connection"
    assert "little connection" in result[0].reason


def test_rotation_offers_other_items_deterministically(library):
    first = suggest(library, {"spiritual": 3}, limit=2)
    again = suggest(library, {"spiritual": 3}, limit=2)
    other = suggest(library, {"spiritual": 3}, limit=2, rotation=1)
    assert [s.item.id for s in first] == [s.item.id for s in again]
    assert [s.item.id for s in first] != [s.item.id for s in other]
