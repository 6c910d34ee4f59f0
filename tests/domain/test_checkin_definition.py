"""The shipped check-in and its validation."""

from __future__ import annotations

import copy
import json
from datetime import datetime

import pytest

from reflect.domain.checkin import CATEGORIES, HELPING_AREAS, CheckIn
from reflect.domain.checkin_definition import parse_checkin_definition
from reflect.domain.errors import ContentError, ValidationError
from reflect.resources import asset_path
from reflect.services.checkins import load_shipped_checkin

RAW = json.loads(asset_path("checkin", "checkin.json").read_text(encoding="utf-8"))


def test_shipped_checkin_covers_every_category_with_two_or_three_items():
    definition = load_shipped_checkin()
    for category in CATEGORIES:
        assert 2 <= len(definition.items_in(category)) <= 3, category
    assert [q.id for q in definition.helping] == list(HELPING_AREAS)
    assert len(definition.labels) == 5
    assert definition.sleep.text and definition.energy.text


def test_item_ids_are_prefixed_by_their_category():
    # Retired items still count towards their category through the prefix.
    for item in load_shipped_checkin().items:
        assert item.id.split(".")[0] == item.category
    assert load_shipped_checkin().category_of("physical.retired_item") == "physical"
    assert load_shipped_checkin().category_of("nonsense") is None


@pytest.mark.parametrize(
    "change, field",
    [
        (lambda d: d.pop("items"), "items"),
        (lambda d: d["items"][0].update(category="mood"), "items[0].category"),
        (lambda d: d["items"][1].update(id=d["items"][0]["id"]), "items[1].id"),
        (lambda d: d["items"][2].update(text=""), "items[2].text"),
        (lambda d: d["scale"].update(max=10), "scale"),
        (lambda d: d["sleep"].update(labels=["a", "b"]), "sleep.labels"),
        (lambda d: d["helping"]["items"][0].update(id="rest"), "helping.items[0].id"),
        (
            lambda d: d.update(items=[i for i in d["items"] if i["category"] != "spiritual"]),
            "items",
        ),
    ],
)
def test_malformed_checkin_files_name_the_field(change, field):
    data = copy.deepcopy(RAW)
    change(data)
    with pytest.raises(ContentError) as caught:
        parse_checkin_definition(data, "checkin.json")
    assert caught.value.field == field


def test_validate_rejects_unknown_items_and_out_of_range_ratings():
    definition = load_shipped_checkin()
    now = datetime(2026, 1, 1)
    definition.validate(CheckIn(now, {"emotional.flat": 4}, sleep=0, helping={"balance": 2}))
    with pytest.raises(ValidationError, match="not a check-in item"):
        definition.validate(CheckIn(now, {"emotional.unknown": 1}))
    with pytest.raises(ValidationError, match="from 0 to 4"):
        definition.validate(CheckIn(now, {"emotional.flat": 5}))
    with pytest.raises(ValidationError, match="'sleep'"):
        definition.validate(CheckIn(now, {"emotional.flat": 1}, sleep=-1))
    with pytest.raises(ValidationError, match="awareness, balance, connection"):
        definition.validate(CheckIn(now, {"emotional.flat": 1}, helping={"luck": 2}))
    with pytest.raises(ValidationError, match="at least one"):
        definition.validate(CheckIn(now, {}))
